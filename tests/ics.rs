//! The iCalendar export, read back by a parser that did not write it
//! (calcard), and its lines checked octet by octet.

mod common;

use common::mission;

use std::collections::HashMap;

use calcard::common::{IanaString, PartialDateTime};
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarEntry, ICalendarParameterName,
    ICalendarProperty, ICalendarValue,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use chrono_tz::Tz;
use itinera::domain::Mission;
use itinera::export::Scope;
use itinera::export::ics::{calendar, event, fold};

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

/// A mission that may have warnings (visits out of time order).
fn mission_with_warnings(text: &str) -> Mission {
    itinera::file::parse(text).expect("a valid mission").mission
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 11, 1, 0, 0, 0)
        .single()
        .expect("time")
}

fn parse(text: &str) -> ICalendar {
    ICalendar::parse(text).unwrap_or_else(|e| panic!("calcard cannot read it: {e:?}\n{text}"))
}

fn components(cal: &ICalendar, kind: ICalendarComponentType) -> Vec<&ICalendarComponent> {
    cal.components
        .iter()
        .filter(|c| c.component_type == kind)
        .collect()
}

fn entry(c: &ICalendarComponent, name: ICalendarProperty) -> Option<&ICalendarEntry> {
    c.property(&name)
}

fn text(c: &ICalendarComponent, name: ICalendarProperty) -> Option<String> {
    entry(c, name)
        .and_then(|e| e.values.first())
        .and_then(ICalendarValue::as_text)
        .map(String::from)
}

fn tzid(e: &ICalendarEntry) -> Option<String> {
    e.params
        .iter()
        .find(|p| p.name == ICalendarParameterName::Tzid)
        .and_then(|p| p.value.as_text())
        .map(String::from)
}

fn naive(p: &PartialDateTime) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(
        i32::from(p.year.expect("year")),
        u32::from(p.month.expect("month")),
        u32::from(p.day.expect("day")),
    )
    .and_then(|d| {
        d.and_hms_opt(
            u32::from(p.hour.unwrap_or(0)),
            u32::from(p.minute.unwrap_or(0)),
            u32::from(p.second.unwrap_or(0)),
        )
    })
    .expect("a date-time")
}

/// A DTSTART or DTEND: the local date-time and its TZID.
fn when(
    c: &ICalendarComponent,
    name: ICalendarProperty,
) -> Option<(NaiveDateTime, Option<String>)> {
    let e = entry(c, name)?;
    let value = e.values.first()?.as_partial_date_time()?;
    Some((naive(value), tzid(e)))
}

/// The UTC offset, in seconds, a VTIMEZONE gives a local time: the
/// TZOFFSETTO of the last observance that began at or before it.
fn offset_from_vtimezone(cal: &ICalendar, zone: &ICalendarComponent, local: NaiveDateTime) -> i32 {
    zone.component_ids
        .iter()
        .filter_map(|&id| cal.component_by_id(id))
        .filter_map(|obs| {
            let start =
                naive(entry(obs, ICalendarProperty::Dtstart)?.values[0].as_partial_date_time()?);
            let to = entry(obs, ICalendarProperty::Tzoffsetto)?.values[0].as_partial_date_time()?;
            let secs = i32::from(to.tz_hour.unwrap_or(0)) * 3600
                + i32::from(to.tz_minute.unwrap_or(0)) * 60;
            Some((start, if to.tz_minus { -secs } else { secs }))
        })
        .filter(|(start, _)| *start <= local)
        .max_by_key(|(start, _)| *start)
        .map(|(_, offset)| offset)
        .unwrap_or_else(|| panic!("no observance covers {local}"))
}

/// Every TZID a date-time names has its VTIMEZONE, and that VTIMEZONE
/// gives each time the offset chrono-tz gives it.
fn assert_zones_match(text: &str) {
    let cal = parse(text);
    let zones: HashMap<String, &ICalendarComponent> =
        components(&cal, ICalendarComponentType::VTimezone)
            .into_iter()
            .map(|z| (self::text(z, ICalendarProperty::Tzid).expect("TZID"), z))
            .collect();
    let mut checked = 0;
    for ev in components(&cal, ICalendarComponentType::VEvent) {
        for name in [ICalendarProperty::Dtstart, ICalendarProperty::Dtend] {
            let Some((local, Some(id))) = when(ev, name) else {
                continue;
            };
            let zone = zones
                .get(&id)
                .unwrap_or_else(|| panic!("TZID={id} without its VTIMEZONE"));
            let tz: Tz = id.parse().expect("an IANA name");
            let expected = tz
                .from_local_datetime(&local)
                .earliest()
                .expect("a time that exists")
                .offset()
                .fix()
                .local_minus_utc();
            assert_eq!(
                offset_from_vtimezone(&cal, zone, local),
                expected,
                "{local} in {id}"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no zoned date-time in:\n{text}");
}

#[test]
fn every_visit_of_the_sample_comes_back_with_its_time_zone_title_and_place() {
    let m = mission(SAMPLE);
    let text = calendar(&m, &Scope::default(), stamp());
    let cal = parse(&text);
    let events = components(&cal, ICalendarComponentType::VEvent);
    assert_eq!(events.len(), m.visits.len());
    let by_uid: HashMap<String, &ICalendarComponent> = events
        .iter()
        .map(|e| (e.uid().expect("UID").to_string(), *e))
        .collect();
    assert_eq!(by_uid.len(), m.visits.len(), "UIDs are unique");
    for (visit, id) in m.visits.iter().zip(m.visit_ids()) {
        let uid = format!("{id}@clust-er-health-in-japan.itinera");
        let ev = by_uid.get(&uid).unwrap_or_else(|| panic!("no event {uid}"));
        let zone = Some("Asia/Tokyo".to_string());
        assert_eq!(
            when(ev, ICalendarProperty::Dtstart),
            Some((visit.starts_at().expect("timed"), zone.clone())),
            "{id}"
        );
        assert_eq!(
            when(ev, ICalendarProperty::Dtend),
            Some((visit.ends_at().expect("timed"), zone)),
            "{id}"
        );
        assert_eq!(text_of(ev, ICalendarProperty::Summary), visit.title, "{id}");
        let location = text_of(ev, ICalendarProperty::Location);
        let parts: Vec<&str> = [&visit.venue, &visit.address]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        assert!(location.starts_with(&parts.join(", ")), "{id}: {location}");
        let city = visit
            .city
            .as_deref()
            .expect("every sample visit has a city");
        assert!(location.contains(city), "{id}: {location}");
        assert_eq!(
            ev.status().map(|s| s.as_str().to_string()),
            Some("CONFIRMED".to_string())
        );
    }
    assert_zones_match(&text);
}

fn text_of(ev: &ICalendarComponent, name: ICalendarProperty) -> String {
    text(ev, name.clone()).unwrap_or_else(|| panic!("no {name:?}"))
}

#[test]
fn the_location_names_the_city_once() {
    let m = mission(SAMPLE);
    let text = calendar(&m, &Scope::default(), stamp());
    let cal = parse(&text);
    let location = |uid: &str| {
        let ev = components(&cal, ICalendarComponentType::VEvent)
            .into_iter()
            .find(|e| e.uid() == Some(uid))
            .unwrap_or_else(|| panic!("no {uid}"));
        text_of(ev, ICalendarProperty::Location)
    };
    // The address ends in the city: it is not repeated.
    assert_eq!(
        location("oita-government@clust-er-health-in-japan.itinera"),
        "Oita Prefectural Government, 3-1-1 Otemachi, Oita"
    );
    // Neither venue nor address names Kyoto... the venue does.
    assert_eq!(
        location("train-oita-kyoto@clust-er-health-in-japan.itinera"),
        "Kyoto Station"
    );
    // No venue or address: the city alone.
    assert_eq!(location("kento@clust-er-health-in-japan.itinera"), "Suita");
}

const DST: &str = r#"format = 1
[mission]
title = "Brussels week"
start = 2026-03-27
end = 2027-01-01
timezone = "Europe/Brussels"
[[visits]]
id = "before"
date = 2026-03-28
start = 10:00:00
end = 11:00:00
title = "Before the change"
[[visits]]
id = "after"
date = 2026-03-29
start = 10:00:00
end = 11:00:00
title = "After the change"
[[visits]]
id = "night"
date = 2026-10-24
end_date = 2026-10-25
start = 22:00:00
end = 06:00:00
title = "Through the autumn change"
[[visits]]
id = "new-year"
date = 2026-12-31
start = 22:00:00
title = "Into the next year, no end"
end_date = 2027-01-01
"#;

#[test]
fn the_vtimezone_gives_the_offsets_of_the_time_zone_database() {
    let text = calendar(&mission(DST), &Scope::default(), stamp());
    assert_zones_match(&text);
    assert!(text.contains("DTSTART;TZID=Europe/Brussels:20261231T220000\r\nDTEND;TZID=Europe/Brussels:20270102T000000\r\n"), "{text}");
}

#[test]
fn lines_end_in_crlf_and_fit_75_octets() {
    let text = calendar(&mission(SAMPLE), &Scope::default(), stamp());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "a bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "a bare CR");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}

const LONG: &str = r#"format = 1
[mission]
title = "Missione in Giappone"
start = 2026-03-30
end = 2026-03-30
timezone = "Asia/Tokyo"
[[visits]]
id = "osaka"
date = 2026-03-30
start = 10:00:00
end = 11:30:00
title = "大阪府庁との会議：大阪・関西万博に向けた健康・医療分野における地域間協力の可能性について、再生医療と医療機器とデジタルヘルスの三分野を中心に（第二回）"
venue = "Salle Émile-Zola; bâtiment B, 2ᵉ étage"
city = "大阪"
notes = """
Réunion préparée avec l'équipe : présentation générale, échanges sur la santé numérique, déjeuner à côté du siège.
会議では、再生医療、医療機器、デジタルヘルスの三つの分野を中心に話し合います。\\ fin"""
"#;

#[test]
fn long_cjk_and_accented_text_folds_on_character_boundaries_and_unfolds_whole() {
    let m = mission(LONG);
    let visit = &m.visits[0];
    let text = event(&m, visit, "osaka", stamp());
    let lines: Vec<&str> = text.trim_end_matches("\r\n").split("\r\n").collect();
    // SUMMARY: 8 octets of name, then 3-octet characters, 22 on the first
    // line (74 octets) and 24 on each continuation (1 + 72), the rest on
    // the last.
    let title: Vec<char> = visit.title.chars().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("SUMMARY:"))
        .expect("SUMMARY");
    let chunk = |a: usize, b: usize| title[a..b.min(title.len())].iter().collect::<String>();
    assert_eq!(lines[at], format!("SUMMARY:{}", chunk(0, 22)));
    assert_eq!(lines[at + 1], format!(" {}", chunk(22, 46)));
    assert_eq!(lines[at + 2], format!(" {}", chunk(46, 70)));
    assert_eq!(lines[at + 3], format!(" {}", chunk(70, 94)));
    assert_eq!(title.len(), 75, "the test needs a title of four lines");
    assert_eq!(lines[at + 1].len(), 73);
    assert_eq!(
        lines[at + 4],
        "LOCATION:Salle Émile-Zola\\; bâtiment B\\, 2ᵉ étage\\, 大阪"
    );
    for line in &lines {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    // The DESCRIPTION, escaped then folded, unfolds to the escaped notes.
    let unfolded = text.replace("\r\n ", "");
    let notes = visit.notes.as_deref().expect("notes");
    let escaped = notes
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n");
    assert!(
        unfolded.contains(&format!("DESCRIPTION:{escaped}\r\n")),
        "{unfolded}"
    );
    // And the independent parser reads the text back as written.
    let cal = parse(&itinera::export::ics::event_calendar(
        &m,
        visit,
        "osaka",
        stamp(),
    ));
    let ev = components(&cal, ICalendarComponentType::VEvent)[0];
    assert_eq!(text_of(ev, ICalendarProperty::Summary), visit.title);
    assert_eq!(text_of(ev, ICalendarProperty::Description), notes);
    assert_eq!(
        text_of(ev, ICalendarProperty::Location),
        "Salle Émile-Zola; bâtiment B, 2ᵉ étage, 大阪"
    );
    // fold() itself: the unfolded text is the line.
    let line = format!("DESCRIPTION:{escaped}");
    assert_eq!(fold(&line).replace("\r\n ", ""), line);
}

#[test]
fn uids_do_not_change_when_visits_move_or_change() {
    let before = mission(SAMPLE);
    let edited = SAMPLE
        .replace(
            "start = 10:00:00\nend = 11:30:00\ntitle = \"Osaka Prefectural Government\"",
            "start = 16:00:00\nend = 17:30:00\ntitle = \"Osaka Prefectural Government (moved)\"",
        )
        .replace(
            "id = \"edison\"\ndate = 2022-11-16",
            "id = \"edison\"\ndate = 2022-11-17",
        );
    assert_ne!(edited, SAMPLE);
    let after = mission_with_warnings(&edited);
    let uids = |m: &Mission| {
        let text = calendar(m, &Scope::default(), stamp());
        let mut uids: Vec<String> = components(&parse(&text), ICalendarComponentType::VEvent)
            .iter()
            .map(|e| e.uid().expect("UID").to_string())
            .collect();
        uids.sort();
        uids
    };
    assert_eq!(uids(&before), uids(&after));
}

#[test]
fn one_participants_calendar_has_only_their_visits() {
    let m = mission(SAMPLE);
    let scope = Scope {
        participant: Some("aura".into()),
        ..Scope::default()
    };
    let text = calendar(&m, &scope, stamp());
    let cal = parse(&text);
    let events = components(&cal, ICalendarComponentType::VEvent);
    let expected = m.visits.iter().filter(|v| v.attended_by("aura")).count();
    assert_eq!(events.len(), expected);
    assert!(expected < m.visits.len());
    assert!(!text.contains("UID:kento@"), "aura is not at KENTO");
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains(
        "X-WR-CALNAME:Clust-ER Health in Japan · Auvergne-Rhône-Alpes representative\r\n"
    ));
}

const FLIGHT: &str = r#"format = 1
[mission]
title = "Flight home"
start = 2026-10-20
end = 2026-10-20
timezone = "Asia/Tokyo"

[[visits]]
id = "flight"
date = 2026-10-20
start = 11:00:00
end = 17:30:00
end_timezone = "Europe/Rome"
title = "Flight Tokyo to Rome"
kind = "travel"

[[visits]]
id = "call"
date = 2026-10-20
start = 09:00:00
end = 09:30:00
timezone = "Europe/Rome"
title = "Call with the office"
"#;

#[test]
fn a_visit_in_its_own_zone_has_its_own_tzid_and_vtimezone() {
    let text = calendar(&mission(FLIGHT), &Scope::default(), stamp());
    assert_zones_match(&text);
    assert!(
        text.contains(
            "DTSTART;TZID=Asia/Tokyo:20261020T110000\r\nDTEND;TZID=Europe/Rome:20261020T173000\r\n"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "DTSTART;TZID=Europe/Rome:20261020T090000\r\nDTEND;TZID=Europe/Rome:20261020T093000\r\n"
        ),
        "{text}"
    );
    let cal = parse(&text);
    let zones: Vec<String> = components(&cal, ICalendarComponentType::VTimezone)
        .into_iter()
        .filter_map(|z| self::text(z, ICalendarProperty::Tzid))
        .collect();
    assert_eq!(zones, ["Asia/Tokyo", "Europe/Rome"]);
}
