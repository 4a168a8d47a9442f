//! Text the views share: times, durations, date ranges and the home clock
//! as the delegation reads them. The screen (`crate::ui`), the app's
//! status messages and the exports (`crate::export`) all write a visit's
//! time the same way because they all take it from here.
//!
//! The domain keeps the arithmetic (a visit's start and end instants, the
//! home zone's wall time of a trip time); this module only turns its
//! answers into words.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

use crate::domain::{Clock, DayInfo, Header, Visit};

pub mod road;

/// "09:30". Seconds are kept in the model but not shown: nobody schedules a
/// meeting to the second.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// "1h30", "45 min", "2h".
pub fn format_duration(d: TimeDelta) -> String {
    let minutes = d.num_minutes();
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h}h"),
        (h, m) => format!("{h}h{m:02}"),
    }
}

/// "09:30–11:00", "22:40–06:50 +1d" (ending the next day), "09:30",
/// "all day" or "time tbc". A day shift is written as the home clock
/// writes it ("+1d", "-1d").
///
/// A visit without a start is "all day" when it is a whole-day item by
/// nature (it spans several dates) and "time tbc" otherwise.
pub fn time_label(visit: &Visit) -> String {
    match (visit.start, visit.end) {
        (Some(start), Some(end)) => {
            let next = match visit.end_date {
                Some(d) if d > visit.date => format!(" +{}d", (d - visit.date).num_days()),
                _ => String::new(),
            };
            format!("{}–{}{next}", format_time(start), format_time(end))
        }
        (Some(start), None) => format_time(start),
        (None, _) if visit.end_date.is_some_and(|d| d > visit.date) => "all day".into(),
        (None, _) => "time tbc".into(),
    }
}

/// "14–18 November 2022", "30 March – 2 April 2026", or across years in
/// full.
pub fn date_range(start: NaiveDate, end: NaiveDate) -> String {
    if start == end {
        start.format("%-d %B %Y").to_string()
    } else if start.year() != end.year() {
        format!(
            "{} – {}",
            start.format("%-d %B %Y"),
            end.format("%-d %B %Y")
        )
    } else if start.month() != end.month() {
        format!("{} – {}", start.format("%-d %B"), end.format("%-d %B %Y"))
    } else {
        format!("{}–{}", start.format("%-d"), end.format("%-d %B %Y"))
    }
}

/// A day as headings show it: "Monday 14 November", with the year when the
/// mission runs over more than one.
pub fn long_date(header: &Header, date: NaiveDate) -> String {
    if header.start.year() == header.end.year() {
        date.format("%A %-d %B").to_string()
    } else {
        date.format("%A %-d %B %Y").to_string()
    }
}

/// A day as the day bar shows it: "Mon 14", with the month when the
/// mission runs over more than one.
pub fn short_date(header: &Header, date: NaiveDate) -> String {
    let (start, end) = (header.start, header.end);
    if (start.year(), start.month()) == (end.year(), end.month()) {
        date.format("%a %-d").to_string()
    } else {
        date.format("%a %-d %b").to_string()
    }
}

/// "Asia/Tokyo" -> "Tokyo", "America/Argentina/Buenos_Aires" -> "Buenos Aires".
pub fn city(zone: &str) -> String {
    zone.rsplit('/').next().unwrap_or(zone).replace('_', " ")
}

/// The home-zone wall time of a trip-zone wall time, with the day shift
/// ("01:30 -1d"), or "?" when there is none (see [`Clock::home_time`]).
pub fn at_home(clock: &Clock, trip_local: NaiveDateTime) -> String {
    let Some(home) = clock.home_time(trip_local) else {
        return "?".into();
    };
    with_shift(home, trip_local.date())
}

/// A trip-zone time range in the home zone: "14:40–22:50" for a night
/// bus that starts and ends on the visit's day at home, "01:05–00:00
/// +1d" for one that ends the next day there. Both day shifts are
/// against the visit's (start) date.
pub fn range_at_home(clock: &Clock, start: NaiveDateTime, end: NaiveDateTime) -> String {
    let (Some(home_start), Some(home_end)) = (clock.home_time(start), clock.home_time(end)) else {
        return "?".into();
    };
    format!(
        "{}–{}",
        with_shift(home_start, start.date()),
        with_shift(home_end, start.date())
    )
}

/// A visit's times on the home clock, each from its own zone, with the
/// day shift against the visit's date: "02:00–03:30", "23:00 -1d–00:00",
/// "09:00" without an end; the visit's own label ("time tbc", "all day")
/// when it has no start.
pub fn time_label_at_home(clock: &Clock, visit: &Visit) -> String {
    let Some((start, end)) = clock.visit_at_home(visit) else {
        return time_label(visit);
    };
    let start_text = with_shift(start, visit.date);
    match end {
        Some(end) => format!("{start_text}–{}", with_shift(end, visit.date)),
        None => start_text,
    }
}

/// "09:30", or "09:30 +1d" when `time` is on another day than `day`.
fn with_shift(time: NaiveDateTime, day: NaiveDate) -> String {
    let shift = (time.date() - day).num_days();
    let text = format_time(time.time());
    match shift {
        0 => text,
        s => format!("{text} {s:+}d"),
    }
}

/// A day's lodging as lines: "Lodging: NAME", its address, "Phone: …";
/// without a name the first line that there is gets the label. Empty
/// when the day has none of the three.
pub fn lodging_lines(info: &DayInfo) -> Vec<String> {
    let given = |text: &Option<String>| {
        text.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    let mut lines: Vec<String> = [
        given(&info.lodging),
        given(&info.lodging_address),
        given(&info.lodging_phone).map(|phone| format!("Phone: {phone}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if let Some(first) = lines.first_mut() {
        first.insert_str(0, "Lodging: ");
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day)
            .and_hms_opt(h, min, 0)
            .expect("valid test date")
    }

    #[test]
    fn tokyo_morning_is_rome_night_before() {
        let clock = Clock {
            trip: chrono_tz::Asia::Tokyo,
            home: chrono_tz::Europe::Rome,
        };
        assert_eq!(at_home(&clock, at(2022, 11, 14, 9, 30)), "01:30");
        assert_eq!(at_home(&clock, at(2022, 11, 14, 7, 0)), "23:00 -1d");
    }

    #[test]
    fn overnight_ranges_mark_days_against_their_own_start() {
        let clock = Clock {
            trip: chrono_tz::Asia::Tokyo,
            home: chrono_tz::Europe::Rome,
        };
        // A night bus 22:40-06:50 in Japan is 14:40-22:50 on one day in Rome.
        assert_eq!(
            range_at_home(&clock, at(2022, 11, 15, 22, 40), at(2022, 11, 16, 6, 50)),
            "14:40–22:50"
        );
        // 09:05 to 08:00 the next morning: ends the next day in Rome too.
        assert_eq!(
            range_at_home(&clock, at(2022, 11, 15, 9, 5), at(2022, 11, 16, 8, 0)),
            "01:05–00:00 +1d"
        );
        // An early start falls on the day before at home.
        assert_eq!(
            range_at_home(&clock, at(2022, 11, 15, 7, 0), at(2022, 11, 15, 8, 0)),
            "23:00 -1d–00:00"
        );
    }

    #[test]
    fn skipped_local_time_reads_an_hour_later() {
        let clock = Clock {
            trip: chrono_tz::Europe::Brussels,
            home: chrono_tz::UTC,
        };
        // 02:30 does not exist in Brussels on 2026-03-29.
        assert_eq!(at_home(&clock, at(2026, 3, 29, 2, 30)), "01:30");
        // 02:30 happens twice on 2026-10-25: the first one (CEST) is used.
        assert_eq!(at_home(&clock, at(2026, 10, 25, 2, 30)), "00:30");
    }

    #[test]
    fn a_visit_on_the_home_clock_keeps_its_zones_and_never_fails() {
        let clock = Clock {
            trip: chrono_tz::Europe::Brussels,
            home: chrono_tz::Asia::Tokyo,
        };
        // 02:30 does not exist in Brussels on 2026-03-29: read as 03:30
        // CEST, 10:30 in Tokyo; 03:30 exists, and is the same instant.
        let mut visit = Visit::new(d(2026, 3, 29), "Skipped");
        visit.start = chrono::NaiveTime::from_hms_opt(2, 30, 0);
        visit.end = chrono::NaiveTime::from_hms_opt(3, 30, 0);
        assert_eq!(time_label_at_home(&clock, &visit), "10:30–10:30");
        // A flight landing in Tokyo the next day, by its end_timezone.
        let mut flight = Visit::new(d(2026, 10, 27), "Flight");
        flight.start = chrono::NaiveTime::from_hms_opt(11, 0, 0);
        flight.end = chrono::NaiveTime::from_hms_opt(8, 0, 0);
        flight.end_date = Some(d(2026, 10, 28));
        flight.end_timezone = Some(chrono_tz::Asia::Tokyo);
        assert_eq!(time_label_at_home(&clock, &flight), "19:00–08:00 +1d");
        flight.start = None;
        assert_eq!(time_label_at_home(&clock, &flight), "all day");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(TimeDelta::minutes(45)), "45 min");
        assert_eq!(format_duration(TimeDelta::minutes(120)), "2h");
        assert_eq!(format_duration(TimeDelta::minutes(95)), "1h35");
    }

    #[test]
    fn date_ranges_read_naturally() {
        assert_eq!(
            date_range(d(2022, 11, 14), d(2022, 11, 18)),
            "14–18 November 2022"
        );
        assert_eq!(
            date_range(d(2026, 3, 30), d(2026, 4, 2)),
            "30 March – 2 April 2026"
        );
        assert_eq!(
            date_range(d(2026, 12, 30), d(2027, 1, 2)),
            "30 December 2026 – 2 January 2027"
        );
        assert_eq!(
            date_range(d(2022, 11, 14), d(2022, 11, 14)),
            "14 November 2022"
        );
    }
}
