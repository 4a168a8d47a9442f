//! An event's start and end as a visit's date and times in the mission's
//! zone.
//!
//! - `TZID=Europe/Rome` times are converted from that zone into the
//!   mission's; a `TZID` that is not an IANA name but ends with one
//!   (`/mozilla.org/20050126_1/Europe/Rome`) is read as that zone. Other
//!   names (Windows' "W. Europe Standard Time") are refused: guessing
//!   would put the visit at the wrong hour.
//! - UTC times (`...Z`) are converted into the mission's zone.
//! - Floating times are the mission's local times.
//! - Without a mission zone, zoned times keep the clock time they were
//!   written with, and UTC times are taken as they are.
//! - All-day events (`VALUE=DATE`) become untimed visits; `DTEND` is the
//!   day after the last, so an event over several days gets an
//!   `end_date`. A timed event ending on a later day does too.
//! - A local time skipped by a daylight-saving change is read an hour
//!   later, an ambiguous one as the earlier instant, as the planner does.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone};
use chrono_tz::Tz;

use super::event::{Event, Stamp};
use crate::domain::{LAST_DATE, is_representable};

/// When a visit happens, as its fields hold it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Times {
    pub date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
}

/// The times of `event` in the mission's zone `zone`, or why it has none.
pub fn times(event: &Event, zone: Option<Tz>) -> Result<Times, String> {
    let times = event_times(event, zone)?;
    if !times.end_date.is_none_or(is_representable) {
        return Err(format!(
            "it ends after {LAST_DATE}, the last date a mission file holds"
        ));
    }
    Ok(times)
}

fn event_times(event: &Event, zone: Option<Tz>) -> Result<Times, String> {
    let start = event
        .start
        .as_ref()
        .ok_or_else(|| "it has no start (DTSTART)".to_string())?;
    if let Stamp::Date(date) = start {
        return Ok(all_day(*date, event));
    }
    let start = local(start, zone)?;
    let end = match (&event.end, event.duration) {
        (Some(Stamp::Date(_)), _) => None,
        (Some(end), _) => Some(local(end, zone)?),
        (None, Some(length)) => start.checked_add_signed(length),
        (None, None) => None,
    };
    if end.is_some_and(|end| end < start) {
        return Err("it ends before it starts".to_string());
    }
    let end = end.filter(|end| *end > start);
    Ok(Times {
        date: start.date(),
        end_date: end.map(|e| e.date()).filter(|d| *d != start.date()),
        start: Some(start.time()),
        end: end.map(|e| e.time()),
    })
}

/// An all-day event from `date`: `DTEND` (or `DURATION`) is the day after
/// its last day.
fn all_day(date: NaiveDate, event: &Event) -> Times {
    let after = match (&event.end, event.duration) {
        (Some(Stamp::Date(end)), _) => Some(*end),
        (None, Some(length)) => date.checked_add_signed(TimeDelta::days(length.num_days())),
        _ => None,
    };
    let last = after.and_then(|d| d.pred_opt()).filter(|last| *last > date);
    Times {
        date,
        end_date: last,
        start: None,
        end: None,
    }
}

/// A date-time as the mission's local time.
fn local(stamp: &Stamp, zone: Option<Tz>) -> Result<NaiveDateTime, String> {
    let utc = match stamp {
        Stamp::Date(date) => return Ok(date.and_time(NaiveTime::MIN)),
        Stamp::Floating(at) => return Ok(*at),
        Stamp::Utc(at) => *at,
        Stamp::Zoned { local, tzid } => {
            let tz = zone_named(tzid).ok_or_else(|| {
                format!(
                    "its time zone \"{}\" is not one itinera knows (an IANA name such as \
                     \"Europe/Rome\")",
                    crate::file::excerpt(tzid)
                )
            })?;
            if zone.is_none() {
                return Ok(*local);
            }
            instant(tz, *local)
        }
    };
    Ok(match zone {
        Some(zone) => zone.from_utc_datetime(&utc).naive_local(),
        None => utc,
    })
}

/// The UTC time of the local time `local` in `tz`.
fn instant(tz: Tz, local: NaiveDateTime) -> NaiveDateTime {
    let at = |t: NaiveDateTime| tz.from_local_datetime(&t).earliest();
    at(local)
        .or_else(|| local.checked_add_signed(TimeDelta::hours(1)).and_then(at))
        .map_or(local, |t| t.naive_utc())
}

/// The zone a `TZID` names: an IANA name, or a name that ends with one.
fn zone_named(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim();
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    tzid.match_indices('/')
        .find_map(|(at, _)| tzid[at + 1..].parse::<Tz>().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
    }

    fn t(s: &str) -> Option<NaiveTime> {
        NaiveTime::parse_from_str(s, "%H:%M").ok()
    }

    fn event(start: Stamp, end: Option<Stamp>) -> Event {
        Event {
            start: Some(start),
            end,
            ..Event::default()
        }
    }

    const TOKYO: Option<Tz> = Some(chrono_tz::Asia::Tokyo);

    #[test]
    fn zoned_and_utc_times_are_converted_into_the_missions_zone() {
        let rome = Stamp::Zoned {
            local: at("2022-11-14 02:00"),
            tzid: "Europe/Rome".into(),
        };
        let utc = Stamp::Utc(at("2022-11-14 02:30"));
        assert_eq!(
            times(&event(rome, Some(utc)), TOKYO),
            Ok(Times {
                date: d("2022-11-14"),
                end_date: None,
                start: t("10:00"),
                end: t("11:30"),
            })
        );
    }

    #[test]
    fn a_tzid_ending_in_an_iana_name_is_that_zone_and_others_are_refused() {
        let mozilla = Stamp::Zoned {
            local: at("2022-11-14 02:00"),
            tzid: "/mozilla.org/20050126_1/Europe/Rome".into(),
        };
        assert_eq!(
            times(&event(mozilla, None), TOKYO).map(|t| t.start),
            Ok(t("10:00"))
        );
        let windows = Stamp::Zoned {
            local: at("2022-11-14 02:00"),
            tzid: "W. Europe Standard Time".into(),
        };
        assert_eq!(
            times(&event(windows, None), TOKYO),
            Err(
                "its time zone \"W. Europe Standard Time\" is not one itinera knows \
                 (an IANA name such as \"Europe/Rome\")"
                    .into()
            )
        );
    }

    #[test]
    fn floating_times_are_local_and_a_mission_without_zone_keeps_clock_times() {
        let floating = Stamp::Floating(at("2022-11-14 22:00"));
        let next = Stamp::Floating(at("2022-11-15 06:30"));
        assert_eq!(
            times(&event(floating, Some(next)), TOKYO),
            Ok(Times {
                date: d("2022-11-14"),
                end_date: Some(d("2022-11-15")),
                start: t("22:00"),
                end: t("06:30"),
            })
        );
        let rome = Stamp::Zoned {
            local: at("2022-11-14 09:00"),
            tzid: "Europe/Rome".into(),
        };
        assert_eq!(
            times(&event(rome, None), None).map(|t| t.start),
            Ok(t("09:00"))
        );
    }

    #[test]
    fn all_day_events_are_untimed_and_end_the_day_before_their_dtend() {
        let one = event(
            Stamp::Date(d("2022-11-15")),
            Some(Stamp::Date(d("2022-11-16"))),
        );
        assert_eq!(times(&one, TOKYO).map(|t| t.end_date), Ok(None));
        let three = event(
            Stamp::Date(d("2022-11-15")),
            Some(Stamp::Date(d("2022-11-18"))),
        );
        assert_eq!(
            times(&three, TOKYO),
            Ok(Times {
                date: d("2022-11-15"),
                end_date: Some(d("2022-11-17")),
                start: None,
                end: None,
            })
        );
        let by_duration = Event {
            duration: Some(TimeDelta::days(2)),
            ..event(Stamp::Date(d("2022-11-15")), None)
        };
        assert_eq!(
            times(&by_duration, TOKYO).map(|t| t.end_date),
            Ok(Some(d("2022-11-16")))
        );
    }

    #[test]
    fn a_duration_gives_the_end_and_an_end_before_the_start_is_refused() {
        let start = Stamp::Floating(at("2022-11-14 10:00"));
        let timed = Event {
            duration: Some(TimeDelta::minutes(90)),
            ..event(start.clone(), None)
        };
        assert_eq!(times(&timed, TOKYO).map(|t| t.end), Ok(t("11:30")));
        let backwards = event(start.clone(), Some(Stamp::Floating(at("2022-11-14 09:00"))));
        assert_eq!(
            times(&backwards, TOKYO),
            Err("it ends before it starts".into())
        );
        let instant = event(start, Some(Stamp::Floating(at("2022-11-14 10:00"))));
        assert_eq!(times(&instant, TOKYO).map(|t| t.end), Ok(None));
        assert_eq!(
            times(&Event::default(), TOKYO),
            Err("it has no start (DTSTART)".into())
        );
    }

    #[test]
    fn an_end_past_the_last_date_a_file_holds_is_refused() {
        let long = Event {
            duration: Some(TimeDelta::weeks(500_000)),
            ..event(Stamp::Floating(at("2022-11-14 10:00")), None)
        };
        assert_eq!(
            times(&long, TOKYO),
            Err("it ends after 9999-12-31, the last date a mission file holds".into())
        );
    }

    #[test]
    fn a_time_skipped_by_a_clock_change_is_read_an_hour_later() {
        // 02:30 on 27 March 2022 does not exist in Rome.
        let skipped = Stamp::Zoned {
            local: at("2022-03-27 02:30"),
            tzid: "Europe/Rome".into(),
        };
        let utc = Some(chrono_tz::UTC);
        assert_eq!(
            times(&event(skipped, None), utc).map(|t| t.start),
            Ok(t("01:30"))
        );
    }
}
