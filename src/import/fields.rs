//! What an event says about a visit's fields besides its times: title,
//! status, place, host, contact, notes, kind and tags.
//!
//! A property the event does not have leaves the field as it is (an
//! updated invitation without a description does not delete the visit's
//! notes); text equal to the field's once spaces around it are ignored
//! leaves it as it is too, so importing the same file again changes
//! nothing.

use super::event::Event;
use crate::domain::{Kind, Visit};
use crate::export::place;

/// Sets the fields of `visit` that `event` gives. `own` says the event was
/// written by itinera (its UID ends in `.itinera`), whose DESCRIPTION is
/// "Host: …", "Contact: …" and "Attendees: …" lines, then the notes after
/// a blank line.
pub fn apply(event: &Event, own: bool, visit: &mut Visit) {
    if let Some(title) = &event.summary {
        if visit.title.trim() != title {
            visit.title = title.clone();
        }
    }
    if let Some(status) = event.status {
        visit.status = status;
    }
    if let Some(location) = &event.location {
        if place(visit) != *location {
            let (venue, address) = split_location(location);
            visit.venue = venue;
            visit.address = address;
            visit.city = None;
        }
    }
    if let Some(description) = &event.description {
        if own {
            let (header, notes) = own_description(description);
            set(&mut visit.host, header.host);
            set(&mut visit.contact, header.contact);
            set(&mut visit.notes, notes);
        } else {
            set(&mut visit.notes, Some(description.clone()));
        }
    }
    if let Some(categories) = &event.categories {
        let (kind, tags) = kind_and_tags(categories);
        visit.kind = kind;
        if visit.tags != tags {
            visit.tags = tags;
        }
    }
}

/// Sets a text field unless it already says `value`, spaces around it
/// apart.
fn set(field: &mut Option<String>, value: Option<String>) {
    let now = field.as_deref().map(str::trim).filter(|t| !t.is_empty());
    if now != value.as_deref() {
        *field = value;
    }
}

/// A LOCATION as venue and address: "Sakishima Building, 1-14-16
/// Nankokita, Osaka" is the venue "Sakishima Building" at the address
/// "1-14-16 Nankokita, Osaka"; the address starts at the first part
/// (between commas) that starts with a digit. Without one, it is all the
/// venue; starting with one, all the address. Exported again, the two give
/// the same LOCATION.
pub fn split_location(location: &str) -> (Option<String>, Option<String>) {
    let starts_with_digit =
        |part: &str| part.trim_start().starts_with(|c: char| c.is_ascii_digit());
    if starts_with_digit(location) {
        return (None, Some(location.to_string()));
    }
    let split = location
        .match_indices(',')
        .find(|(at, _)| starts_with_digit(&location[at + 1..]));
    match split {
        Some((at, _)) => (
            Some(location[..at].trim().to_string()),
            Some(location[at + 1..].trim().to_string()),
        ),
        None => (Some(location.to_string()), None),
    }
}

/// The lines itinera's export puts before the notes.
#[derive(Default)]
struct OwnHeader {
    host: Option<String>,
    contact: Option<String>,
}

/// An itinera DESCRIPTION: its Host and Contact lines (the Attendees line
/// is the mission's to say, and is dropped) and the notes after them.
/// Text that does not start with those lines is all notes.
fn own_description(text: &str) -> (OwnHeader, Option<String>) {
    let mut header = OwnHeader::default();
    let mut consumed = 0;
    let mut any = false;
    for line in text.split_inclusive('\n') {
        let bare = line.trim_end_matches('\n');
        if let Some(host) = bare.strip_prefix("Host: ") {
            header.host = Some(host.trim().to_string());
        } else if let Some(contact) = bare.strip_prefix("Contact: ") {
            header.contact = Some(contact.trim().to_string());
        } else if !bare.starts_with("Attendees: ") {
            break;
        }
        any = true;
        consumed += line.len();
    }
    let rest = &text[consumed..];
    if !any {
        return (header, Some(text.to_string()));
    }
    let notes = rest.trim();
    (header, (!notes.is_empty()).then(|| notes.to_string()))
}

/// The kind among CATEGORIES (the first that is a kind word, in any case)
/// and the others as tags, each once.
fn kind_and_tags(categories: &[String]) -> (Kind, Vec<String>) {
    let mut kind = None;
    let mut tags: Vec<String> = Vec::new();
    for category in categories {
        let word = Kind::parse(&category.to_lowercase()).filter(|k| *k != Kind::Other);
        match word {
            Some(k) if kind.is_none() => kind = Some(k),
            _ if tags.contains(category) => {}
            _ => tags.push(category.clone()),
        }
    }
    (kind.unwrap_or_default(), tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_location_splits_where_its_address_starts() {
        let split = |l: &str| {
            let (v, a) = split_location(l);
            (v.unwrap_or_default(), a.unwrap_or_default())
        };
        assert_eq!(
            split("Sakishima Building, 1-14-16 Nankokita, Suminoe-ku, Osaka"),
            (
                "Sakishima Building".into(),
                "1-14-16 Nankokita, Suminoe-ku, Osaka".into()
            )
        );
        assert_eq!(split("Osaka"), ("Osaka".into(), String::new()));
        assert_eq!(
            split("3-1-1 Otemachi, Oita"),
            (String::new(), "3-1-1 Otemachi, Oita".into())
        );
        assert_eq!(
            split("Room 4, Kyoto Station"),
            ("Room 4, Kyoto Station".into(), String::new())
        );
    }

    #[test]
    fn an_itinera_description_gives_host_contact_and_notes() {
        let (header, notes) = own_description(
            "Host: Osaka Prefecture\nContact: Ms. Yamada\nAttendees: whole delegation\n\n\
             Bring the letter.\n\nAnd brochures.",
        );
        assert_eq!(header.host.as_deref(), Some("Osaka Prefecture"));
        assert_eq!(header.contact.as_deref(), Some("Ms. Yamada"));
        assert_eq!(
            notes.as_deref(),
            Some("Bring the letter.\n\nAnd brochures.")
        );
        let (header, notes) = own_description("Attendees: whole delegation");
        assert_eq!((header.host, notes), (None, None));
        let (header, notes) = own_description("Just notes.\nHost: not a header");
        assert_eq!(header.host, None);
        assert_eq!(notes.as_deref(), Some("Just notes.\nHost: not a header"));
    }

    #[test]
    fn the_first_kind_word_among_categories_is_the_kind_the_rest_tags() {
        let words = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            kind_and_tags(&words(&["Meeting", "government", "visit", "government"])),
            (Kind::Meeting, words(&["government", "visit"]))
        );
        assert_eq!(
            kind_and_tags(&words(&["Business", "Other"])),
            (Kind::Other, words(&["Business", "Other"]))
        );
    }

    #[test]
    fn fields_the_event_leaves_out_stay_and_equal_text_is_not_rewritten() {
        let date = chrono::NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        let mut visit = Visit::new(date, "Lunch");
        visit.notes = Some("Kept.\n".into());
        visit.city = Some("Osaka".into());
        visit.kind = Kind::Meal;
        let event = Event {
            summary: Some("Lunch".into()),
            description: Some("Kept.".into()),
            location: Some("Osaka".into()),
            ..Event::default()
        };
        let before = visit.clone();
        apply(&event, false, &mut visit);
        assert_eq!(visit, before);
    }
}
