//! Dates and times as a mission file holds them, and the second clock's
//! arithmetic. How they read on screen is `crate::present`'s business.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use chrono_tz::Tz;

use super::{Visit, resolve};

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

/// Converts local mission times to a second ("home") time zone.
///
/// Local times become instants by the rule of [`crate::domain::resolve`]
/// (a time a daylight-saving change skips reads with the offset before
/// it, so 02:30 when clocks go forward at 02:00 is the instant of 03:30;
/// one it repeats reads as the first), the same rule the mission's
/// problems use, so the home clock and the overlaps agree.
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

    /// The home-zone wall time of a trip-zone wall time. Never `None` in
    /// practice; kept an option for the callers that write "?".
    pub fn home_time(&self, trip_local: NaiveDateTime) -> Option<NaiveDateTime> {
        Some(self.home_local(resolve(Some(self.trip), trip_local).instant()))
    }

    /// A visit's start and end (for a timed visit) as home-zone wall
    /// times, each from its own zone (the trip's unless the visit names
    /// another).
    pub fn visit_at_home(&self, visit: &Visit) -> Option<(NaiveDateTime, Option<NaiveDateTime>)> {
        let trip = Some(self.trip);
        let start = self.home_local(visit.real_start(trip)?);
        Some((start, visit.real_end(trip).map(|end| self.home_local(end))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("valid test date")
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
            clock.visit_at_home(&flight),
            Some((at(2026, 10, 20, 4, 0), Some(at(2026, 10, 20, 10, 30))))
        );
        flight.end_timezone = Some(chrono_tz::Europe::Rome);
        assert_eq!(
            clock.visit_at_home(&flight),
            Some((at(2026, 10, 20, 4, 0), Some(at(2026, 10, 20, 17, 30))))
        );
        // Across the change to winter time in Rome, five days later.
        let mut call = Visit::new(date + TimeDelta::days(5), "Call");
        call.start = NaiveTime::from_hms_opt(17, 0, 0);
        assert_eq!(
            clock.visit_at_home(&call),
            Some((at(2026, 10, 25, 9, 0), None))
        );
        call.date = date + TimeDelta::days(4);
        assert_eq!(
            clock.visit_at_home(&call),
            Some((at(2026, 10, 24, 10, 0), None))
        );
        call.start = None;
        assert_eq!(clock.visit_at_home(&call), None);
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
}
