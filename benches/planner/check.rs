//! `itinera check` on files full of problems, against the same work on a
//! clean file of the same size. Problems are found, placed (line and
//! column) and printed; a file's problems must cost linear time, so a
//! ratio near 1 is the goal and 2 the most allowed for 13,000 warnings.

use std::fmt::Write as _;
use std::hint::black_box;

use super::{median, ratio};

const HEAD: &str = "format = 1\n\n[mission]\ntitle = \"Check benchmark\"\n\
                    start = 2030-01-01\nend = 2030-12-31\n";

/// What `itinera check` does once the file is read: parse, validate,
/// render every problem and the summary.
fn check(text: &str) -> String {
    let bytes = text.as_bytes();
    let (text, report) = match itinera::file::parse_bytes(bytes) {
        Ok(parsed) => (text.to_string(), parsed.report),
        Err((text, report)) => (text, report),
    };
    format!(
        "{}m.toml: {}\n",
        report.render("m.toml", &text),
        report.summary()
    )
}

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
fn integer_tags(n: usize) -> String {
    let mut text = format!("{HEAD}\n[[visits]]\ndate = 2030-01-01\ntitle = \"Tags\"\ntags = [\n");
    for i in 0..n {
        let _ = writeln!(text, "  {i},");
    }
    text.push_str("]\n");
    text
}

/// `n` visits, each naming a participant who does not exist.
fn unknown_participants(n: usize) -> String {
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
fn duplicate_days(n: usize) -> String {
    let mut text = HEAD.to_string();
    for _ in 0..n {
        text.push_str("\n[[days]]\ndate = 2030-01-01\ncity = \"Osaka\"\n");
    }
    text
}

/// `n` visits of one day, each starting a second before the one above.
fn out_of_order(n: usize) -> String {
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

pub fn group(quick: bool) {
    let (n, runs) = if quick { (10_000, 3) } else { (100_000, 5) };
    let clean = visits_text(n, false);
    let warned = visits_text(n, true);
    let summary = check(&warned);
    let reference = median(runs, || {
        black_box(check(black_box(&clean)));
    });
    let inputs: [(&str, String); 5] = [
        ("13% of visits warned", warned),
        ("integer tags", integer_tags(n)),
        ("unknown participants", unknown_participants(n)),
        ("duplicate [[days]]", duplicate_days(n)),
        ("out-of-order visits", out_of_order(n / 2)),
    ];
    println!(
        "\n`itinera check` against the same on {n} clean visits ({:.0} ms, info)\n",
        reference.as_secs_f64() * 1e3
    );
    println!(
        "{:>22} {:>10} {:>10} {:>10} {:>10}",
        "input", "MB", "problems", "check/", "check"
    );
    println!(
        "{:>22} {:>10} {:>10} {:>10} {:>10}",
        "", "", "", "clean", "(ms, info)"
    );
    for (name, text) in &inputs {
        let problems = match itinera::file::parse_bytes(text.as_bytes()) {
            Ok(parsed) => parsed.report.diagnostics.len(),
            Err((_, report)) => report.diagnostics.len(),
        };
        let time = median(runs, || {
            black_box(check(black_box(text)));
        });
        println!(
            "{:>22} {:>10.1} {:>10} {:>10.2} {:>10.1}",
            name,
            text.len() as f64 / 1e6,
            problems,
            ratio(time, reference),
            time.as_secs_f64() * 1e3
        );
    }
    println!(
        "\n(13% of visits warned: {})",
        summary.lines().last().unwrap_or_default()
    );
}
