//! VTIMEZONE components (RFC 5545 §3.6.5) made from chrono-tz's copy of
//! the time zone database.
//!
//! A VTIMEZONE only has to be right for the times that refer to it, so it
//! covers the years in which the calendar has timed events: for each, the
//! observance in force at its local new year and every change of offset
//! during it, each written as its own STANDARD or DAYLIGHT component with a
//! single onset (no RRULE to get wrong). Tokyo, without daylight-saving
//! time, needs one component; Brussels three a year.

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use super::content::Lines;

/// How far apart the scan for offset changes looks; no zone changes its
/// offset twice within six hours.
const SCAN_STEP_SECONDS: i64 = 6 * 3600;

/// What a zone's clocks show at one instant.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Observance {
    /// Seconds east of UTC.
    offset: i32,
    daylight: bool,
    name: String,
}

/// One component: an observance and the local time (in the previous
/// offset) from which it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Onset {
    local: NaiveDateTime,
    from: i32,
    to: Observance,
}

fn observance(tz: Tz, utc: NaiveDateTime) -> Observance {
    let offset = tz.offset_from_utc_datetime(&utc);
    Observance {
        offset: offset.fix().local_minus_utc(),
        daylight: !offset.dst_offset().is_zero(),
        name: offset.abbreviation().unwrap_or_default().to_string(),
    }
}

/// The onsets of `tz` that cover the given years, in time order.
fn onsets(tz: Tz, years: &BTreeSet<i32>) -> Vec<Onset> {
    let mut out: Vec<Onset> = Vec::new();
    for &year in years {
        let (Some(start), Some(end)) = (new_year(year), new_year(year.saturating_add(1))) else {
            continue;
        };
        // The UTC instant of local midnight on 1 January.
        let guess = observance(tz, start).offset;
        let mut at = start - TimeDelta::seconds(guess.into());
        let mut current = observance(tz, at);
        let continues = out.last().is_some_and(|last| last.to == current);
        if !continues {
            let from = out.last().map_or(current.offset, |last| last.to.offset);
            out.push(Onset {
                local: start,
                from,
                to: current.clone(),
            });
        }
        let stop = end - TimeDelta::seconds(current.offset.into());
        while at < stop {
            let next = at + TimeDelta::seconds(SCAN_STEP_SECONDS);
            let then = observance(tz, next);
            if then != current {
                let change = first_change(tz, at, next, &current);
                out.push(Onset {
                    local: change + TimeDelta::seconds(current.offset.into()),
                    from: current.offset,
                    to: then.clone(),
                });
                current = then;
            }
            at = next;
        }
    }
    out
}

/// The first second in `(before, after]` (UTC) whose observance is not
/// `old`.
fn first_change(
    tz: Tz,
    mut before: NaiveDateTime,
    mut after: NaiveDateTime,
    old: &Observance,
) -> NaiveDateTime {
    while (after - before).num_seconds() > 1 {
        let mid = before + (after - before) / 2;
        if observance(tz, mid) == *old {
            before = mid;
        } else {
            after = mid;
        }
    }
    after
}

fn new_year(year: i32) -> Option<NaiveDateTime> {
    NaiveDate::from_ymd_opt(year, 1, 1).and_then(|d| d.and_hms_opt(0, 0, 0))
}

/// Writes the VTIMEZONE of `tz` for local times in `years`.
pub fn write(lines: &mut Lines, tz: Tz, years: &BTreeSet<i32>) {
    lines.begin("VTIMEZONE");
    lines.text("TZID", tz.name());
    for onset in onsets(tz, years) {
        let kind = if onset.to.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        lines.begin(kind);
        lines.raw("DTSTART", &onset.local.format("%Y%m%dT%H%M%S").to_string());
        lines.raw("TZOFFSETFROM", &utc_offset(onset.from));
        lines.raw("TZOFFSETTO", &utc_offset(onset.to.offset));
        if !onset.to.name.is_empty() {
            lines.text("TZNAME", &onset.to.name);
        }
        lines.end(kind);
    }
    lines.end("VTIMEZONE");
}

/// "+0900", "-0330", "+054508" (seconds only when there are some).
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(tz: Tz, years: &[i32]) -> String {
        let mut lines = Lines::default();
        write(&mut lines, tz, &years.iter().copied().collect());
        lines.text
    }

    #[test]
    fn tokyo_has_one_standard_observance() {
        assert_eq!(
            zone(chrono_tz::Asia::Tokyo, &[2022]),
            "BEGIN:VTIMEZONE\r\n\
             TZID:Asia/Tokyo\r\n\
             BEGIN:STANDARD\r\n\
             DTSTART:20220101T000000\r\n\
             TZOFFSETFROM:+0900\r\n\
             TZOFFSETTO:+0900\r\n\
             TZNAME:JST\r\n\
             END:STANDARD\r\n\
             END:VTIMEZONE\r\n"
        );
    }

    #[test]
    fn brussels_changes_on_the_last_sundays_of_march_and_october() {
        assert_eq!(
            zone(chrono_tz::Europe::Brussels, &[2026]),
            "BEGIN:VTIMEZONE\r\n\
             TZID:Europe/Brussels\r\n\
             BEGIN:STANDARD\r\n\
             DTSTART:20260101T000000\r\n\
             TZOFFSETFROM:+0100\r\n\
             TZOFFSETTO:+0100\r\n\
             TZNAME:CET\r\n\
             END:STANDARD\r\n\
             BEGIN:DAYLIGHT\r\n\
             DTSTART:20260329T020000\r\n\
             TZOFFSETFROM:+0100\r\n\
             TZOFFSETTO:+0200\r\n\
             TZNAME:CEST\r\n\
             END:DAYLIGHT\r\n\
             BEGIN:STANDARD\r\n\
             DTSTART:20261025T030000\r\n\
             TZOFFSETFROM:+0200\r\n\
             TZOFFSETTO:+0100\r\n\
             TZNAME:CET\r\n\
             END:STANDARD\r\n\
             END:VTIMEZONE\r\n"
        );
    }

    #[test]
    fn a_following_year_continues_the_last_observance() {
        // Tokyo in 2022 and 2030: still the one observance.
        let text = zone(chrono_tz::Asia::Tokyo, &[2022, 2030]);
        assert_eq!(text.matches("BEGIN:STANDARD").count(), 1, "{text}");
        // Brussels over two years: the second year's new year is in the
        // CET observance that began in October, so it adds only its own
        // two changes.
        let text = zone(chrono_tz::Europe::Brussels, &[2025, 2026]);
        assert_eq!(text.matches("BEGIN:").count(), 1 + 5, "{text}");
        assert!(text.contains("DTSTART:20250330T020000\r\n"), "{text}");
        assert!(text.contains("DTSTART:20261025T030000\r\n"), "{text}");
    }

    #[test]
    fn offsets_are_written_with_sign_hours_minutes_and_seconds_if_any() {
        assert_eq!(utc_offset(9 * 3600), "+0900");
        assert_eq!(utc_offset(-(3 * 3600 + 30 * 60)), "-0330");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(3600 + 45 * 60 + 8), "+014508");
    }

    #[test]
    fn the_southern_hemisphere_starts_the_year_in_daylight_time() {
        let text = zone(chrono_tz::Australia::Sydney, &[2026]);
        assert!(
            text.starts_with(
                "BEGIN:VTIMEZONE\r\nTZID:Australia/Sydney\r\nBEGIN:DAYLIGHT\r\n\
                 DTSTART:20260101T000000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1100\r\n"
            ),
            "{text}"
        );
        assert!(text.contains("BEGIN:STANDARD\r\nDTSTART:20260405T030000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1000\r\n"), "{text}");
        assert!(text.contains("BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\nTZOFFSETTO:+1100\r\n"), "{text}");
    }
}
