//! Dates and times as a mission file holds them, and the second clock's
//! arithmetic. How they read on screen is `crate::present`'s business.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Timelike};
use chrono_tz::Tz;

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
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    pub trip: Tz,
    pub home: Tz,
}

impl Clock {
    /// The home-zone wall time of a trip-zone wall time. A trip time that
    /// does not exist or is ambiguous at a daylight-saving change is read
    /// as the earlier of its possible instants, or the instant one hour
    /// later for a skipped time: the rule a person applies when a clock
    /// jumps. `None` only at the very ends of the calendar.
    pub fn home_time(&self, trip_local: NaiveDateTime) -> Option<NaiveDateTime> {
        let instant = match self.trip.from_local_datetime(&trip_local) {
            chrono::LocalResult::Single(t) => t,
            chrono::LocalResult::Ambiguous(early, _) => early,
            chrono::LocalResult::None => {
                let later = trip_local.checked_add_signed(TimeDelta::hours(1))?;
                self.trip.from_local_datetime(&later).earliest()?
            }
        };
        Some(instant.with_timezone(&self.home).naive_local())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
