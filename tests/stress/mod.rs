//! Generated files with very many problems, for the hang detector
//! (`tests/hangs.rs`) and the `check` benchmark (`benches/planner.rs`).
//! Each has about `n` problems of one kind; what each costs to check must
//! grow linearly with `n`.

#![allow(dead_code)]

use std::fmt::Write as _;

pub const HEAD: &str = "format = 1\n\n[mission]\ntitle = \"Generated mission\"\n\
                    start = 2030-01-01\nend = 2030-12-31\n";

/// `visits` visits spread over the 365 days of the mission, in time order
/// within each day, with twenty participants; with `warned`, 13 visits in
/// 100 carry one warning each: an unknown key, kind or status, or a start
/// before the visit above.
pub fn visits_text(visits: usize, warned: bool) -> String {
    let per_day = visits.div_ceil(365).max(1);
    // Seconds between two starts, from 06:00 to 22:00.
    let step = 16 * 3600 / per_day;
    let mut text = HEAD.to_string();
    for p in 0..20 {
        let _ = write!(
            text,
            "\n[[participants]]\nid = \"p{p}\"\nname = \"Participant {p}\"\n"
        );
    }
    let first = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
    for v in 0..visits {
        let (day, slot) = (v / per_day, v % per_day);
        let date = first + chrono::TimeDelta::days(day as i64);
        let warning = warned && v % 100 < 13;
        let kind = if warning && v % 4 == 1 {
            "workshop"
        } else {
            "visit"
        };
        let mut start = 6 * 3600 + slot * step;
        let mut extra = "";
        if warning && v % 4 == 2 {
            extra = "status = \"maybe\"\n";
        } else if warning && v % 4 == 3 && slot != 0 {
            start = 0;
        } else if warning && v % 4 != 1 {
            extra = "budget = 100\n";
        }
        let _ = write!(
            text,
            "\n[[visits]]\nid = \"v{v}\"\ndate = {date}\nstart = {}\n\
             title = \"Visit number {v} to an innovation hub\"\nkind = \"{kind}\"\n{extra}\
             participants = [\"p{}\", \"p{}\"]\n",
            clock(start),
            v % 20,
            (v + 7) % 20
        );
    }
    text
}

/// `HH:MM:SS` for seconds since midnight.
fn clock(seconds: usize) -> String {
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// One visit with `n` tags that are integers, one a line.
pub fn integer_tags(n: usize) -> String {
    let mut text = format!("{HEAD}\n[[visits]]\ndate = 2030-01-01\ntitle = \"Tags\"\ntags = [\n");
    for i in 0..n {
        let _ = writeln!(text, "  {i},");
    }
    text.push_str("]\n");
    text
}

/// `n` visits, each naming a participant who does not exist.
pub fn unknown_participants(n: usize) -> String {
    let mut text = format!("{HEAD}\n[[participants]]\nid = \"vicini\"\nname = \"V\"\n");
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[visits]]\ndate = 2030-01-01\ntitle = \"V{i}\"\nparticipants = [\"guest-{i}\"]\n"
        );
    }
    text
}

/// `n` `[[days]]` entries for one date.
pub fn duplicate_days(n: usize) -> String {
    let mut text = HEAD.to_string();
    for _ in 0..n {
        text.push_str("\n[[days]]\ndate = 2030-01-01\ncity = \"Osaka\"\n");
    }
    text
}

/// `n` visits of one day, each starting a second before the one above.
pub fn out_of_order(n: usize) -> String {
    let mut text = HEAD.to_string();
    for i in 0..n {
        let _ = write!(
            text,
            "\n[[visits]]\ndate = 2030-01-01\nstart = {}\ntitle = \"V{i}\"\n",
            clock(86_399 - i % 86_400)
        );
    }
    text
}

/// A mission whose home time zone is `n` bytes of nonsense.
pub fn long_zone(n: usize) -> String {
    format!(
        "{HEAD}home_timezone = \"{}\"\n",
        "Asia/Tokyo".repeat(n / 10)
    )
}

/// A mission with one unknown key of `n` characters.
pub fn long_key(n: usize) -> String {
    format!("{HEAD}{} = 1\n", "k".repeat(n))
}

/// `n` keys set twice in one table (TOML errors, not mission problems).
pub fn duplicate_keys(n: usize) -> String {
    let mut text = HEAD.to_string();
    for i in 0..n {
        let _ = writeln!(text, "organizer = \"O{i}\"");
    }
    text
}
