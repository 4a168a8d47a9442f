//! The words of the problems: how a visit's time, a group of people and
//! each kind of problem are written.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use chrono_tz::Tz;

use crate::domain::{Repeat, Skip, Visit, abbreviation};

/// How many characters of a title (or any text from the file) a message
/// quotes; longer text is cut there and ends in "…".
pub const MAX_QUOTED: usize = 60;

/// Text as a message quotes it: at most [`MAX_QUOTED`] characters, then
/// "…". A 1 MB title is not worth printing whole.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(MAX_QUOTED) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

/// "visit on 2022-11-13 is outside the mission's dates (2022-11-14 to
/// 2022-11-18)"; `what` is "visit" or "day".
pub fn outside_message(what: &str, date: NaiveDate, start: NaiveDate, end: NaiveDate) -> String {
    format!("{what} on {date} is outside the mission's dates ({start} to {end})")
}

/// "09:30", as every message of the file writes a time (`present` writes
/// the screen's the same way).
pub(super) fn format_time(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// "1h30", "45 min", "2h".
pub(super) fn format_duration(d: TimeDelta) -> String {
    match (d.num_minutes() / 60, d.num_minutes() % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// Names of people: "Anna Alpha", "Anna Alpha and Bruno Beta", "A, B and
/// C", "A, B, C and D", "A, B, C and 2 others"; everyone is "the whole delegation".
pub(super) fn people(names: &[&str], everyone: bool) -> String {
    if everyone {
        return "the whole delegation".into();
    }
    let quoted: Vec<Cow<str>> = names.iter().map(|n| excerpt(n)).collect();
    match quoted.as_slice() {
        [] => "nobody".into(),
        [one] => one.to_string(),
        [init @ .., last] if quoted.len() <= 4 => format!("{} and {last}", init.join(", ")),
        [a, b, c, rest @ ..] => format!("{a}, {b}, {c} and {} others", rest.len()),
        _ => String::new(),
    }
}

/// What is written after a visit's time to say its zone, when it is not
/// the mission's: ", Europe/Rome", or ", Asia/Tokyo to Europe/Rome" for
/// a journey that ends in another zone.
fn zones(visit: &Visit, mission: Option<Tz>) -> String {
    let name = |tz: Option<Tz>| tz.map_or("UTC", |tz| tz.name());
    let (start, end) = (visit.start_zone(mission), visit.end_zone(mission));
    if start != end && visit.end.is_some() {
        format!(", {} to {}", name(start), name(end))
    } else if start != mission {
        format!(", {}", name(start))
    } else {
        String::new()
    }
}

/// A date written before a time of another day than `day`.
fn on(date: NaiveDate, day: NaiveDate) -> String {
    if date == day {
        String::new()
    } else {
        format!("{date} ")
    }
}

/// A visit's times as a message writes them beside its title, for a
/// problem of `day`: "10:00–11:30", "2026-10-24 22:00–06:00 +1d",
/// "11:00–17:30, Asia/Tokyo to Europe/Rome".
pub(super) fn times(visit: &Visit, mission: Option<Tz>, day: NaiveDate) -> String {
    format!(
        "{}{}{}",
        on(visit.date, day),
        time_label(visit),
        zones(visit, mission)
    )
}

/// "10:00–11:30", "22:40–06:50 +1d", "09:30" (the way the agenda
/// writes the time of a timed visit; the problems only name timed ones).
fn time_label(visit: &Visit) -> String {
    let Some(start) = visit.start else {
        return String::new();
    };
    match visit.end {
        Some(end) => {
            let next = match visit.end_date {
                Some(d) if d > visit.date => format!(" +{}d", (d - visit.date).num_days()),
                _ => String::new(),
            };
            format!("{}–{}{next}", format_time(start), format_time(end))
        }
        None => format_time(start),
    }
}

/// When a visit ends (or starts, without an end), for a problem of
/// `day`: "11:30", "23:30 on 2022-11-14", "17:30 Europe/Rome".
pub(super) fn ends(visit: &Visit, mission: Option<Tz>, day: NaiveDate) -> String {
    let (at, zone) = match visit.ends_at() {
        Some(end) => (end, visit.end_zone(mission)),
        None => (
            visit.starts_at().unwrap_or_default(),
            visit.start_zone(mission),
        ),
    };
    clock(at, zone, mission, day)
}

/// When a visit starts, for a problem of `day`.
pub(super) fn starts(visit: &Visit, mission: Option<Tz>, day: NaiveDate) -> String {
    clock(
        visit.starts_at().unwrap_or_default(),
        visit.start_zone(mission),
        mission,
        day,
    )
}

fn clock(at: NaiveDateTime, zone: Option<Tz>, mission: Option<Tz>, day: NaiveDate) -> String {
    let zone = match zone {
        Some(tz) if zone != mission => format!(" {}", tz.name()),
        _ => String::new(),
    };
    let date = if at.date() == day {
        String::new()
    } else {
        format!(" on {}", at.date())
    };
    format!("{}{zone}{date}", format_time(at.time()))
}

/// "02:30 does not exist in Europe/Rome on 2026-03-29 (clocks go forward
/// at 02:00); write 03:30 or 01:30".
pub(super) fn skipped(local: NaiveDateTime, tz: Tz, skip: &Skip) -> String {
    let head = format!(
        "{} does not exist in {} on {}",
        format_time(local.time()),
        tz.name(),
        local.date()
    );
    if skip.gap <= TimeDelta::zero() {
        return format!("{head}; write another time");
    }
    let write = |t: Option<NaiveDateTime>| t.map_or("?".into(), |t| format_time(t.time()));
    format!(
        "{head} (clocks go forward at {}); write {} or {}",
        format_time(skip.change.time()),
        write(local.checked_add_signed(skip.gap)),
        write(local.checked_sub_signed(skip.gap))
    )
}

/// "02:30 happens twice in Europe/Rome on 2026-10-25 (clocks go back at
/// 03:00): read as the first, 02:30 CEST (00:30 UTC), not 02:30 CET
/// (01:30 UTC)".
pub(super) fn repeated(local: NaiveDateTime, tz: Tz, repeat: &Repeat) -> String {
    let time = format_time(local.time());
    format!(
        "{time} happens twice in {} on {} (clocks go back at {}): read as the first, \
         {time} {} ({} UTC), not {time} {} ({} UTC)",
        tz.name(),
        local.date(),
        format_time(repeat.change.time()),
        abbreviation(tz, repeat.earlier),
        format_time(repeat.earlier.time()),
        abbreviation(tz, repeat.later),
        format_time(repeat.later.time()),
    )
}

/// "nothing is planned on 2022-11-16 (Wednesday)".
pub(super) fn empty_day(date: NaiveDate) -> String {
    format!("nothing is planned on {date} ({})", date.format("%A"))
}

/// "15 min", "1h30", or "no time" for none.
pub(super) fn gap(gap: TimeDelta) -> String {
    if gap <= TimeDelta::zero() {
        "no time".into()
    } else {
        format!("only {}", format_duration(gap))
    }
}

/// "starts at 09:00, before "A" listed above it at 10:00 on 2022-11-15;
/// visits of a day are shown in file order"; each time with its zone
/// when the two are in different zones ("09:00 Europe/Rome").
pub(super) fn out_of_order(visit: &Visit, above: &Visit, mission: Option<Tz>) -> String {
    let (zone, above_zone) = (visit.start_zone(mission), above.start_zone(mission));
    let at = |v: &Visit, tz: Option<Tz>| {
        let time = v.start.map(format_time).unwrap_or_default();
        match tz {
            Some(tz) if zone != above_zone => format!("{time} {}", tz.name()),
            _ => time,
        }
    };
    format!(
        "starts at {}, before \"{}\" listed above it at {} on {}; \
         visits of a day are shown in file order",
        at(visit, zone),
        excerpt(&above.title),
        at(above, above_zone),
        visit.date
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_are_named_briefly() {
        assert_eq!(people(&["A"], false), "A");
        assert_eq!(people(&["A", "B"], false), "A and B");
        assert_eq!(people(&["A", "B", "C"], false), "A, B and C");
        assert_eq!(people(&["A", "B", "C", "D"], false), "A, B, C and D");
        assert_eq!(
            people(&["A", "B", "C", "D", "E"], false),
            "A, B, C and 2 others"
        );
        assert_eq!(people(&["A", "B"], true), "the whole delegation");
    }

    #[test]
    fn gaps_read_naturally() {
        assert_eq!(gap(TimeDelta::zero()), "no time");
        assert_eq!(gap(TimeDelta::minutes(15)), "only 15 min");
        assert_eq!(gap(TimeDelta::minutes(90)), "only 1h30");
    }
}
