//! Whatever text a visit holds, every export is well formed: iCalendar
//! lines fit 75 octets, end in CRLF and read back as the text written;
//! JSON reads back as the text written; nothing panics.

use calcard::icalendar::{ICalendar, ICalendarComponentType, ICalendarProperty};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use itinera::domain::{Header, Mission, Participant, Visit};
use itinera::export::{self, Scope};
use proptest::prelude::*;

/// Text with what makes writers stumble: separators, backslashes, line
/// breaks, control characters, combining marks, wide and astral
/// characters.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => "[a-zA-Z0-9 ]{1,12}",
            1 => prop::sample::select(vec![
                ",", ";", ":", "\\", "\n", "\r\n", "\r", "\t", "\u{0}", "\u{1b}[31m", "\u{7f}",
                "é", "e\u{301}", "大阪", "😀", "*", "_", "`", "#", "|", "<b>", "&amp;", "- ", "1. ",
            ])
            .prop_map(String::from),
        ],
        1..20,
    )
    .prop_map(|parts| parts.concat())
}

fn mission(title: String, notes: String, venue: String, tag: String, timed: bool) -> Mission {
    let date = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
    let mut header = Header::new("Props", date, date);
    header.timezone = Some(chrono_tz::Europe::Brussels);
    let mut visit = Visit::new(date, title);
    if timed {
        visit.start = NaiveTime::from_hms_opt(1, 30, 0);
        visit.end = NaiveTime::from_hms_opt(3, 30, 0);
    }
    visit.notes = Some(notes);
    visit.venue = Some(venue);
    visit.tags = vec![tag];
    Mission {
        publish: None,
        header,
        days: Vec::new(),
        participants: vec![Participant::new("p", "P")],
        visits: vec![visit],
        routes: Vec::new(),
    }
}

/// What a TEXT value can hold: line breaks as LF, control characters
/// other than tab as U+FFFD.
fn as_written(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

proptest! {
    #[test]
    fn every_export_of_any_text_is_well_formed(
        title in text(), notes in text(), venue in text(), tag in text(), timed in any::<bool>()
    ) {
        let m = mission(title.clone(), notes.clone(), venue.clone(), tag, timed);
        let scope = Scope::default();
        let stamp = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().expect("time");

        let ics = export::ics::calendar(&m, &scope, stamp);
        prop_assert!(ics.ends_with("\r\n"));
        for line in ics.trim_end_matches("\r\n").split("\r\n") {
            prop_assert!(line.len() <= 75, "{} octets: {:?}", line.len(), line);
            prop_assert!(!line.contains('\n') && !line.contains('\r'), "{:?}", line);
        }
        let cal = ICalendar::parse(&ics).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let event = cal
            .components
            .iter()
            .find(|c| c.component_type == ICalendarComponentType::VEvent)
            .ok_or_else(|| TestCaseError::fail("no VEVENT"))?;
        let value = |name: ICalendarProperty| {
            event
                .property(&name)
                .and_then(|e| e.values.first())
                .and_then(|v| v.as_text())
                .map(String::from)
        };
        prop_assert_eq!(value(ICalendarProperty::Summary), Some(as_written(&title)));

        let json = export::json::export(&m, &scope).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let doc: serde_json::Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(doc["visits"][0]["title"].as_str(), Some(title.as_str()));
        prop_assert_eq!(doc["visits"][0]["notes"].as_str(), Some(notes.as_str()));

        let md = export::markdown::agenda(&m, &scope);
        prop_assert!(md.ends_with('\n'));
        prop_assert!(!md.chars().any(|c| c.is_control() && c != '\n'), "{:?}", md);
        let _ = export::agenda(&m, &scope);
    }
}
