//! The VEVENTs of a calendar as [`Event`]s: the properties an import
//! uses, typed, each date and time as written (its zone is applied by the
//! plan, which knows the mission's).

use chrono::{NaiveDate, NaiveDateTime, TimeDelta};

use super::lines::{self, Component, IcsError, Property, unescape, unescape_list};
use crate::domain::Status;

/// A date or date-time as an event gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stamp {
    /// `VALUE=DATE`: a day, no time.
    Date(NaiveDate),
    /// A local time without a zone ("floating"): the mission's local time.
    Floating(NaiveDateTime),
    /// A time in UTC (`...Z`).
    Utc(NaiveDateTime),
    /// A local time in the zone named by `TZID`.
    Zoned { local: NaiveDateTime, tzid: String },
}

/// One VEVENT: what an import reads from it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Event {
    /// The line of its `BEGIN:VEVENT`.
    pub line: usize,
    pub uid: Option<String>,
    pub summary: Option<String>,
    pub start: Option<Stamp>,
    pub end: Option<Stamp>,
    pub duration: Option<TimeDelta>,
    pub location: Option<String>,
    pub description: Option<String>,
    pub status: Option<Status>,
    /// `None` without a CATEGORIES property.
    pub categories: Option<Vec<String>>,
    /// It repeats (`RRULE`, `RDATE`) or changes one occurrence of an event
    /// that does (`RECURRENCE-ID`).
    pub repeats: bool,
}

/// Every VEVENT of the iCalendar text `text`, in file order.
pub fn events(text: &str) -> Result<Vec<Event>, IcsError> {
    let calendars = lines::read(text)?;
    calendars
        .iter()
        .flat_map(|cal| cal.components.iter().filter(|c| c.name == "VEVENT"))
        .map(event)
        .collect()
}

fn event(c: &Component) -> Result<Event, IcsError> {
    let text = |name: &str| {
        c.property(name)
            .map(|p| unescape(&p.value).trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let categories = c
        .properties
        .iter()
        .filter(|p| p.name == "CATEGORIES")
        .map(|p| unescape_list(&p.value))
        .reduce(|mut all, more| {
            all.extend(more);
            all
        })
        .map(|list| {
            list.into_iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect()
        });
    Ok(Event {
        line: c.line,
        uid: c
            .property("UID")
            .map(|p| p.value.trim().to_string())
            .filter(|u| !u.is_empty()),
        summary: text("SUMMARY"),
        start: c.property("DTSTART").map(stamp).transpose()?,
        end: c.property("DTEND").map(stamp).transpose()?,
        duration: c.property("DURATION").map(duration).transpose()?,
        location: text("LOCATION"),
        description: text("DESCRIPTION"),
        status: c.property("STATUS").and_then(|p| {
            match p.value.trim().to_ascii_uppercase().as_str() {
                "CONFIRMED" => Some(Status::Confirmed),
                "TENTATIVE" => Some(Status::Tentative),
                "CANCELLED" => Some(Status::Cancelled),
                _ => None,
            }
        }),
        categories,
        repeats: ["RRULE", "RDATE", "RECURRENCE-ID"]
            .iter()
            .any(|name| c.property(name).is_some()),
    })
}

/// A DTSTART or DTEND: `20221114`, `20221114T100000`, `...Z`, with its
/// `TZID`.
fn stamp(p: &Property) -> Result<Stamp, IcsError> {
    let value = p.value.trim();
    let is_date = p
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
        || (value.len() == 8 && !value.contains('T'));
    if is_date {
        return NaiveDate::parse_from_str(value, "%Y%m%d")
            .map(Stamp::Date)
            .map_err(|_| {
                p.error(format!(
                    "{}: \"{}\" is not a date like 20221114",
                    p.name,
                    short(value)
                ))
            });
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let Ok(at) = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S") else {
        return Err(p.error(format!(
            "{}: \"{}\" is not a date and time like 20221114T100000",
            p.name,
            short(value)
        )));
    };
    Ok(match (utc, p.param("TZID")) {
        (true, _) => Stamp::Utc(at),
        (false, Some(tzid)) => Stamp::Zoned {
            local: at,
            tzid: tzid.to_string(),
        },
        (false, None) => Stamp::Floating(at),
    })
}

/// A DURATION (RFC 5545 §3.3.6): `P1W`, `P2D`, `PT1H30M`, `P1DT2H`.
fn duration(p: &Property) -> Result<TimeDelta, IcsError> {
    let bad = || {
        p.error(format!(
            "DURATION: \"{}\" is not a duration like PT1H30M",
            short(&p.value)
        ))
    };
    let value = p.value.trim().to_ascii_uppercase();
    let (sign, rest) = match value.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, value.strip_prefix('+').unwrap_or(&value)),
    };
    let rest = rest.strip_prefix('P').ok_or_else(bad)?;
    let mut seconds: i64 = 0;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' => number.push(c),
            'T' if !in_time && number.is_empty() => in_time = true,
            unit => {
                let n: i64 = number.parse().map_err(|_| bad())?;
                number.clear();
                let scale = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return Err(bad()),
                };
                seconds = n
                    .checked_mul(scale)
                    .and_then(|s| seconds.checked_add(s))
                    .ok_or_else(bad)?;
                any = true;
            }
        }
    }
    if !any || !number.is_empty() {
        return Err(bad());
    }
    TimeDelta::try_seconds(sign * seconds).ok_or_else(bad)
}

/// At most 40 characters of a value, for a message.
fn short(value: &str) -> String {
    match value.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &value[..at]),
        None => value.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn calendar(event: &str) -> String {
        format!("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{event}END:VEVENT\r\nEND:VCALENDAR\r\n")
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
    }

    #[test]
    fn an_event_gives_its_properties_typed() {
        let text = calendar(
            "UID:lunch@m.itinera\r\nDTSTART;TZID=Asia/Tokyo:20221114T120000\r\n\
             DTEND:20221114T040000Z\r\nSUMMARY:Lunch\\, late\r\nLOCATION:Osaka\r\n\
             DESCRIPTION:Host: A\\nB\r\nSTATUS:tentative\r\nCATEGORIES:Meal,food\r\n\
             CATEGORIES:x\r\nBEGIN:VALARM\r\nDESCRIPTION:Reminder\r\nEND:VALARM\r\n",
        );
        let events = events(&text).expect("valid");
        assert_eq!(
            events,
            [Event {
                line: 2,
                uid: Some("lunch@m.itinera".into()),
                summary: Some("Lunch, late".into()),
                start: Some(Stamp::Zoned {
                    local: at("2022-11-14 12:00"),
                    tzid: "Asia/Tokyo".into()
                }),
                end: Some(Stamp::Utc(at("2022-11-14 04:00"))),
                duration: None,
                location: Some("Osaka".into()),
                description: Some("Host: A\nB".into()),
                status: Some(Status::Tentative),
                categories: Some(vec!["Meal".into(), "food".into(), "x".into()]),
                repeats: false,
            }]
        );
    }

    #[test]
    fn dates_floating_times_durations_and_repeats() {
        let text = calendar(
            "DTSTART;VALUE=DATE:20221115\r\nDTEND:20221117T093000\r\nDURATION:P1DT2H30M\r\n\
             RRULE:FREQ=DAILY\r\n",
        );
        let event = &events(&text).expect("valid")[0];
        assert_eq!(
            event.start,
            Some(Stamp::Date(
                NaiveDate::from_ymd_opt(2022, 11, 15).expect("d")
            ))
        );
        assert_eq!(event.end, Some(Stamp::Floating(at("2022-11-17 09:30"))));
        assert_eq!(event.duration, TimeDelta::try_minutes(26 * 60 + 30));
        assert!(event.repeats);
    }

    #[test]
    fn a_bad_value_is_reported_where_it_is() {
        let err = |event: &str| events(&calendar(event)).expect_err("bad").to_string();
        assert_eq!(
            err("SUMMARY:x\r\nDTSTART:2022-11-14T10:00\r\n"),
            "4:9: DTSTART: \"2022-11-14T10:00\" is not a date and time like 20221114T100000"
        );
        assert_eq!(
            err("DTEND;VALUE=DATE:20221131\r\n"),
            "3:18: DTEND: \"20221131\" is not a date like 20221114"
        );
        assert_eq!(
            err("DURATION:1H\r\n"),
            "3:10: DURATION: \"1H\" is not a duration like PT1H30M"
        );
        assert_eq!(
            err("DURATION:PT1D\r\n"),
            "3:10: DURATION: \"PT1D\" is not a duration like PT1H30M"
        );
    }
}
