//! Times as the delegation reads them, and the second clock.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike, Utc};
use chrono_tz::Tz;

use super::{Visit, resolve};

/// "09:30". Seconds are kept in the model but not shown: nobody schedules a
/// meeting to the second.
pub fn format_time(t: NaiveTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// The last date a mission file can hold: TOML dates have four-digit
/// years.
pub const LAST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(9999, 12, 31) {
    Some(date) => date,
    None => NaiveDate::MAX,
};

/// Whether a mission file can hold `date` (years 0000 to 9999).
pub fn is_representable(date: NaiveDate) -> bool {
    (0..=9999).contains(&date.year())
}

/// "2022-11-14": a date a mission file can hold.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date = NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()?;
    (s.len() == 10 && is_representable(date)).then_some(date)
}

/// "09:30" or "09:30:00", two digits each; not a leap second (TOML times
/// have none). "9:5" is refused: it is more likely a typo for 9:50 than a
/// way of writing 09:05.
pub fn parse_time(s: &str) -> Option<NaiveTime> {
    let s = s.trim();
    let shape_ok = s.len() == 5 || s.len() == 8;
    let digits_ok = s.bytes().enumerate().all(|(i, b)| {
        if i % 3 == 2 {
            b == b':'
        } else {
            b.is_ascii_digit()
        }
    });
    if !(shape_ok && digits_ok) {
        return None;
    }
    let time = NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()?;
    (time.nanosecond() < 1_000_000_000).then_some(time)
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

/// Converts local mission times to a second ("home") time zone.
///
/// Local times become instants by the rule of [`crate::domain::resolve`]
/// (a time a daylight-saving change skips reads with the offset before
/// it, one it repeats as the first), the same rule the mission's problems
/// use, so the home clock and the overlaps agree.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    pub trip: Tz,
    pub home: Tz,
}

impl Clock {
    /// The home-zone wall time of an instant.
    pub fn home_local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.home).naive_local()
    }

    /// A visit's start and end (for a timed visit) as home-zone wall
    /// times, each from its own zone (the trip's unless the visit names
    /// another).
    pub fn visit_at_home(&self, visit: &Visit) -> Option<(NaiveDateTime, Option<NaiveDateTime>)> {
        let trip = Some(self.trip);
        let start = self.home_local(visit.real_start(trip)?);
        Some((start, visit.real_end(trip).map(|end| self.home_local(end))))
    }

    /// A visit's times in the home zone, each day shift against the
    /// visit's date: "02:00–03:30", "14:40–22:50", "23:00 -1d–00:00",
    /// "09:00" for a visit without an end; `None` for an untimed visit.
    pub fn visit_label_at_home(&self, visit: &Visit) -> Option<String> {
        let (start, end) = self.visit_at_home(visit)?;
        let start_text = with_shift(start, visit.date);
        Some(match end {
            Some(end) => format!("{start_text}–{}", with_shift(end, visit.date)),
            None => start_text,
        })
    }

    /// The home-zone wall time of a trip-zone wall time, with the day shift
    /// ("01:30 -1d"). A trip time that does not exist at a daylight-saving
    /// change reads with the offset before the change (02:30 when clocks
    /// go forward at 02:00 is the instant of 03:30), and one that happens
    /// twice as the first of its instants: the rule a person applies when
    /// a clock jumps.
    pub fn at_home(&self, trip_local: NaiveDateTime) -> String {
        let Some(home) = self.home_time(trip_local) else {
            return "?".into();
        };
        with_shift(home, trip_local.date())
    }

    /// A trip-zone time range in the home zone: "14:40–22:50" for a night
    /// bus that starts and ends on the visit's day at home, "01:05–00:00
    /// +1d" for one that ends the next day there. Both day shifts are
    /// against the visit's (start) date.
    pub fn range_at_home(&self, start: NaiveDateTime, end: NaiveDateTime) -> String {
        let (Some(home_start), Some(home_end)) = (self.home_time(start), self.home_time(end))
        else {
            return "?".into();
        };
        format!(
            "{}–{}",
            with_shift(home_start, start.date()),
            with_shift(home_end, start.date())
        )
    }

    fn home_time(&self, trip_local: NaiveDateTime) -> Option<NaiveDateTime> {
        Some(self.home_local(resolve(Some(self.trip), trip_local).instant()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    #[test]
    fn tokyo_morning_is_rome_night_before() {
        let clock = Clock {
            trip: chrono_tz::Asia::Tokyo,
            home: chrono_tz::Europe::Rome,
        };
        assert_eq!(clock.at_home(at(2022, 11, 14, 9, 30)), "01:30");
        assert_eq!(clock.at_home(at(2022, 11, 14, 7, 0)), "23:00 -1d");
    }

    #[test]
    fn overnight_ranges_mark_days_against_their_own_start() {
        let clock = Clock {
            trip: chrono_tz::Asia::Tokyo,
            home: chrono_tz::Europe::Rome,
        };
        // A night bus 22:40-06:50 in Japan is 14:40-22:50 on one day in Rome.
        assert_eq!(
            clock.range_at_home(at(2022, 11, 15, 22, 40), at(2022, 11, 16, 6, 50)),
            "14:40–22:50"
        );
        // 09:05 to 08:00 the next morning: ends the next day in Rome too.
        assert_eq!(
            clock.range_at_home(at(2022, 11, 15, 9, 5), at(2022, 11, 16, 8, 0)),
            "01:05–00:00 +1d"
        );
        // An early start falls on the day before at home.
        assert_eq!(
            clock.range_at_home(at(2022, 11, 15, 7, 0), at(2022, 11, 15, 8, 0)),
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
        assert_eq!(clock.at_home(at(2026, 3, 29, 2, 30)), "01:30");
        // 02:30 happens twice on 2026-10-25: the first one (CEST) is used.
        assert_eq!(clock.at_home(at(2026, 10, 25, 2, 30)), "00:30");
    }

    #[test]
    fn a_visit_shows_at_home_from_its_own_zones() {
        let clock = Clock {
            trip: chrono_tz::Asia::Tokyo,
            home: chrono_tz::Europe::Rome,
        };
        let date = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date");
        let mut flight = Visit::new(date, "Flight Tokyo to Rome");
        flight.start = NaiveTime::from_hms_opt(11, 0, 0);
        flight.end = NaiveTime::from_hms_opt(17, 30, 0);
        assert_eq!(
            clock.visit_label_at_home(&flight).as_deref(),
            Some("04:00–10:30")
        );
        flight.end_timezone = Some(chrono_tz::Europe::Rome);
        assert_eq!(
            clock.visit_label_at_home(&flight).as_deref(),
            Some("04:00–17:30")
        );
        assert_eq!(
            clock.visit_at_home(&flight),
            Some((at(2026, 10, 20, 4, 0), Some(at(2026, 10, 20, 17, 30))))
        );
        // Across the change to winter time in Rome, five days later.
        let mut call = Visit::new(date + TimeDelta::days(5), "Call");
        call.start = NaiveTime::from_hms_opt(17, 0, 0);
        assert_eq!(clock.visit_label_at_home(&call).as_deref(), Some("09:00"));
        call.date = date + TimeDelta::days(4);
        assert_eq!(clock.visit_label_at_home(&call).as_deref(), Some("10:00"));
        call.start = None;
        assert_eq!(clock.visit_label_at_home(&call), None);
    }

    #[test]
    fn dates_and_times_that_a_file_can_hold() {
        assert!(parse_date("2022-11-14").is_some());
        assert!(parse_date(" 2022-11-14 ").is_some());
        for bad in [
            "-0001-11-15",
            "+262142-12-31",
            "10000-01-01",
            "2022-11-31",
            "22-11-14",
            "",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
        assert!(parse_time("09:30").is_some());
        assert!(parse_time("09:30:15").is_some());
        for bad in [
            "10:59:60", "24:00", "9.30", "9:5", "9:30", "09:5", "09:30:0", "",
        ] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration(TimeDelta::minutes(45)), "45 min");
        assert_eq!(format_duration(TimeDelta::minutes(120)), "2h");
        assert_eq!(format_duration(TimeDelta::minutes(95)), "1h35");
    }
}
