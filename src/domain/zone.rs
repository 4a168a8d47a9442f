//! Real time: the instant a visit's date, time and zone name.
//!
//! A visit's times are wall-clock times of its zone: `start` in
//! `timezone` (the mission's zone when the visit names none), `end` in
//! `end_timezone` (else the zone of `start`). Without any zone, times are
//! compared as written, as if every zone were UTC.
//!
//! Daylight-saving changes make two kinds of wall-clock time special, and
//! both have one rule here, used by the problems, the home clock and
//! everything that compares visits:
//!
//! - a time the change skips (02:30 when clocks go forward from 02:00 to
//!   03:00) is read with the offset before the change, so it is the instant
//!   of 03:30, as a clock that was not put forward would show it; the
//!   problems of the mission call it an error;
//! - a time the change repeats (02:30 when clocks go back from 03:00 to
//!   02:00) is read as the first of its two instants; the problems warn.

use chrono::{DateTime, FixedOffset, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use super::Visit;

/// What a wall-clock time is in a zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Local {
    /// It happens once, at this instant.
    Once(DateTime<Utc>),
    /// A daylight-saving change skips it.
    Skipped(Skip),
    /// A daylight-saving change makes it happen twice.
    Twice(Repeat),
}

/// A wall-clock time that does not exist.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Skip {
    /// The instant it is read as: the time with the offset before the
    /// change.
    pub instant: DateTime<Utc>,
    /// When the clocks go forward, on the clock before the change (02:00).
    pub change: NaiveDateTime,
    /// How far they go forward (an hour).
    pub gap: TimeDelta,
}

/// A wall-clock time that happens twice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Repeat {
    /// The first instant, the one used.
    pub earlier: DateTime<Utc>,
    pub later: DateTime<Utc>,
    /// When the clocks go back, on the clock before the change (03:00).
    pub change: NaiveDateTime,
}

impl Local {
    /// The instant the time is read as.
    pub fn instant(&self) -> DateTime<Utc> {
        match self {
            Local::Once(instant) => *instant,
            Local::Skipped(skip) => skip.instant,
            Local::Twice(repeat) => repeat.earlier,
        }
    }
}

/// The wall-clock time `local` in `zone` (`None`: times as written, read
/// as UTC). Never fails: every wall-clock time is some instant.
pub fn resolve(zone: Option<Tz>, local: NaiveDateTime) -> Local {
    let Some(tz) = zone else {
        return Local::Once(local.and_utc());
    };
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => Local::Once(t.to_utc()),
        chrono::LocalResult::Ambiguous(a, b) => {
            let (earlier, later) = if a <= b { (a, b) } else { (b, a) };
            let after = later.offset().fix();
            let change = change_at(tz, earlier.to_utc(), later.to_utc(), after);
            let before = earlier.offset().fix();
            Local::Twice(Repeat {
                earlier: earlier.to_utc(),
                later: later.to_utc(),
                change: wall(change, before),
            })
        }
        chrono::LocalResult::None => skipped(tz, local),
    }
}

/// How `tz` names its offset at `instant`: "CEST", or "+09" for a zone
/// without a name for it.
pub fn abbreviation(tz: Tz, instant: DateTime<Utc>) -> String {
    instant.with_timezone(&tz).format("%Z").to_string()
}

/// A wall-clock time in a gap: read with the offset of the day before,
/// and the change found between the two offsets.
fn skipped(tz: Tz, local: NaiveDateTime) -> Local {
    let offset_at = |t: NaiveDateTime| tz.offset_from_utc_datetime(&t).fix();
    let day = TimeDelta::days(1);
    let before = offset_at(local.checked_sub_signed(day).unwrap_or(local));
    let after = offset_at(local.checked_add_signed(day).unwrap_or(local));
    let instant = shifted(local, -before.local_minus_utc()).and_utc();
    let gap = after.local_minus_utc() - before.local_minus_utc();
    let change = if gap > 0 {
        let earliest = shifted(local, -after.local_minus_utc()).and_utc();
        change_at(tz, earliest, instant, after)
    } else {
        instant
    };
    Local::Skipped(Skip {
        instant,
        change: wall(change, before),
        gap: TimeDelta::seconds(gap.max(0).into()),
    })
}

/// `t` moved by `seconds` (unchanged at the end of the calendar).
fn shifted(t: NaiveDateTime, seconds: i32) -> NaiveDateTime {
    t.checked_add_signed(TimeDelta::seconds(seconds.into()))
        .unwrap_or(t)
}

/// The wall-clock time of instant `t` in a zone at `offset`.
fn wall(t: DateTime<Utc>, offset: FixedOffset) -> NaiveDateTime {
    shifted(t.naive_utc(), offset.local_minus_utc())
}

/// The first instant in `(from, to]` at which `tz` has offset `after`,
/// found by halving to the second; `to` when none is.
fn change_at(
    tz: Tz,
    mut from: DateTime<Utc>,
    mut to: DateTime<Utc>,
    after: FixedOffset,
) -> DateTime<Utc> {
    let offset = |t: DateTime<Utc>| tz.offset_from_utc_datetime(&t.naive_utc()).fix();
    if offset(to) != after {
        return to;
    }
    while to - from > TimeDelta::seconds(1) {
        let middle = from + (to - from) / 2;
        if offset(middle) == after {
            to = middle;
        } else {
            from = middle;
        }
    }
    to
}

impl Visit {
    /// The zone of the visit's start: its own, or the mission's.
    pub fn start_zone(&self, mission: Option<Tz>) -> Option<Tz> {
        self.timezone.or(mission)
    }

    /// The zone of the visit's end: `end_timezone`, else the zone of its
    /// start.
    pub fn end_zone(&self, mission: Option<Tz>) -> Option<Tz> {
        self.end_timezone.or(self.start_zone(mission))
    }

    /// The start as it reads in real time, for a timed visit.
    pub fn start_local(&self, mission: Option<Tz>) -> Option<Local> {
        Some(resolve(self.start_zone(mission), self.starts_at()?))
    }

    /// The end as it reads in real time, for a visit with an end.
    pub fn end_local(&self, mission: Option<Tz>) -> Option<Local> {
        Some(resolve(self.end_zone(mission), self.ends_at()?))
    }

    /// The instant the visit starts.
    pub fn real_start(&self, mission: Option<Tz>) -> Option<DateTime<Utc>> {
        self.start_local(mission).map(|l| l.instant())
    }

    /// The instant the visit ends.
    pub fn real_end(&self, mission: Option<Tz>) -> Option<DateTime<Utc>> {
        self.end_local(mission).map(|l| l.instant())
    }

    /// The start as a wall-clock time in the mission's zone (`mission`):
    /// a visit in its own zone is read there first. Without zones, the
    /// time as written.
    pub fn start_in_mission_zone(&self, mission: Option<Tz>) -> Option<NaiveDateTime> {
        Some(wall_in(self.real_start(mission)?, mission))
    }

    /// The end as a wall-clock time in the mission's zone, from the zone
    /// of the visit's end (a flight landing in Rome ends at the Tokyo time
    /// of its landing).
    pub fn end_in_mission_zone(&self, mission: Option<Tz>) -> Option<NaiveDateTime> {
        Some(wall_in(self.real_end(mission)?, mission))
    }

    /// How long the visit really lasts: a flight from Tokyo at 11:00 to
    /// Rome at 17:30 on one summer day lasts 13h30.
    pub fn real_duration(&self, mission: Option<Tz>) -> Option<TimeDelta> {
        Some(self.real_end(mission)? - self.real_start(mission)?)
    }

    /// The real time a visit that is not cancelled occupies, for
    /// overlaps: from its start to its end, or its start instant alone
    /// when it has no end.
    pub fn real_range(&self, mission: Option<Tz>) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        if self.status == super::Status::Cancelled {
            return None;
        }
        let start = self.real_start(mission)?;
        Some((start, self.real_end(mission).unwrap_or(start)))
    }
}

/// `instant` as a wall-clock time in `zone` (`None`: as UTC, the way
/// [`resolve`] reads times without a zone).
fn wall_in(instant: DateTime<Utc>, zone: Option<Tz>) -> NaiveDateTime {
    match zone {
        Some(tz) => instant.with_timezone(&tz).naive_local(),
        None => instant.naive_utc(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};
    use chrono_tz::{Asia, Europe};

    fn at(y: i32, m: u32, d: u32, h: u32, min: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|d| d.and_hms_opt(h, min, 0))
            .expect("valid test date")
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        at(y, m, d, h, min).and_utc()
    }

    #[test]
    fn an_ordinary_time_is_one_instant() {
        assert_eq!(
            resolve(Some(Asia::Tokyo), at(2022, 11, 14, 10, 0)),
            Local::Once(utc(2022, 11, 14, 1, 0))
        );
        assert_eq!(
            resolve(None, at(2022, 11, 14, 10, 0)),
            Local::Once(utc(2022, 11, 14, 10, 0))
        );
    }

    #[test]
    fn a_skipped_time_reads_with_the_offset_before_the_change() {
        let Local::Skipped(skip) = resolve(Some(Europe::Rome), at(2026, 3, 29, 2, 30)) else {
            panic!("02:30 is skipped in Rome on 2026-03-29");
        };
        assert_eq!(skip.instant, utc(2026, 3, 29, 1, 30));
        assert_eq!(skip.change, at(2026, 3, 29, 2, 0));
        assert_eq!(skip.gap, TimeDelta::hours(1));
    }

    #[test]
    fn a_repeated_time_reads_as_the_first() {
        let Local::Twice(repeat) = resolve(Some(Europe::Rome), at(2026, 10, 25, 2, 30)) else {
            panic!("02:30 happens twice in Rome on 2026-10-25");
        };
        assert_eq!(repeat.earlier, utc(2026, 10, 25, 0, 30));
        assert_eq!(repeat.later, utc(2026, 10, 25, 1, 30));
        assert_eq!(repeat.change, at(2026, 10, 25, 3, 0));
        let rome = Europe::Rome;
        assert_eq!(abbreviation(rome, repeat.earlier), "CEST");
        assert_eq!(abbreviation(rome, repeat.later), "CET");
    }

    #[test]
    fn a_flight_ends_in_its_own_zone() {
        let date = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date");
        let mut flight = Visit::new(date, "Flight Tokyo to Rome");
        flight.start = NaiveTime::from_hms_opt(11, 0, 0);
        flight.end = NaiveTime::from_hms_opt(17, 30, 0);
        flight.end_timezone = Some(Europe::Rome);
        let zone = Some(Asia::Tokyo);
        assert_eq!(flight.real_start(zone), Some(utc(2026, 10, 20, 2, 0)));
        assert_eq!(flight.real_end(zone), Some(utc(2026, 10, 20, 15, 30)));
        assert_eq!(
            flight.real_duration(zone),
            Some(TimeDelta::minutes(13 * 60 + 30))
        );
        // Its own start zone moves both ends.
        flight.timezone = Some(Europe::Rome);
        assert_eq!(
            flight.real_duration(zone),
            Some(TimeDelta::minutes(6 * 60 + 30))
        );
    }
}
