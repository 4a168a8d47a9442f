//! The events read back from the server, checked with calcard, an
//! iCalendar parser itinera does not write with.

use super::SLUG;

/// The sample (or the workspace's mission) as the library reads it.
pub fn mission_of(text: &str) -> itinera::domain::Mission {
    itinera::file::parse(text).expect("a valid mission").mission
}

/// Reads `body` with calcard, an iCalendar parser itinera does not write
/// with, and checks that its one event is visit `id` of `mission`: UID,
/// start and end with their zone, title and place.
pub fn assert_event_is_visit(body: &str, mission: &itinera::domain::Mission, id: &str) {
    use calcard::icalendar::{ICalendar, ICalendarComponentType, ICalendarProperty};
    let ids = mission.visit_ids();
    let at = ids
        .iter()
        .position(|i| i == id)
        .expect("a visit with this id");
    let visit = &mission.visits[at];
    let cal = ICalendar::parse(body).unwrap_or_else(|e| panic!("calcard: {e:?}\n{body}"));
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .collect();
    assert_eq!(events.len(), 1, "one event per resource:\n{body}");
    let ev = events[0];
    assert_eq!(ev.uid(), Some(format!("{id}@{SLUG}.itinera").as_str()));
    let text = |name: ICalendarProperty| {
        ev.property(&name)
            .and_then(|e| e.values.first())
            .and_then(|v| v.as_text())
            .map(String::from)
    };
    assert_eq!(
        text(ICalendarProperty::Summary).as_deref(),
        Some(visit.title.as_str())
    );
    let location = text(ICalendarProperty::Location).unwrap_or_default();
    let parts: Vec<&str> = [&visit.venue, &visit.address]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    assert!(location.starts_with(&parts.join(", ")), "{id}: {location}");
    if let Some(city) = &visit.city {
        assert!(location.contains(city.as_str()), "{id}: {location}");
    }
    let zone = mission.header.timezone.map(|tz| tz.name().to_string());
    assert_eq!(
        when(ev, ICalendarProperty::Dtstart),
        (visit.starts_at(), zone.clone()),
        "{id}"
    );
    assert_eq!(
        when(ev, ICalendarProperty::Dtend),
        (visit.ends_at(), zone),
        "{id}"
    );
}

/// A DTSTART or DTEND: its local date-time and its TZID.
fn when(
    ev: &calcard::icalendar::ICalendarComponent,
    name: calcard::icalendar::ICalendarProperty,
) -> (Option<chrono::NaiveDateTime>, Option<String>) {
    use calcard::icalendar::ICalendarParameterName;
    let Some(entry) = ev.property(&name) else {
        return (None, None);
    };
    let at = entry
        .values
        .first()
        .and_then(|v| v.as_partial_date_time())
        .and_then(|p| {
            chrono::NaiveDate::from_ymd_opt(
                i32::from(p.year?),
                u32::from(p.month?),
                u32::from(p.day?),
            )?
            .and_hms_opt(
                u32::from(p.hour.unwrap_or(0)),
                u32::from(p.minute.unwrap_or(0)),
                u32::from(p.second.unwrap_or(0)),
            )
        });
    let tzid = entry
        .params
        .iter()
        .find(|p| p.name == ICalendarParameterName::Tzid)
        .and_then(|p| p.value.as_text())
        .map(String::from);
    (at, tzid)
}
