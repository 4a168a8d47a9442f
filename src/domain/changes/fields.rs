//! The fields compared one by one between two versions of a mission, with
//! the labels a report gives them. Each entity's list is one table, so a
//! field added to an entity is one entry here.

use super::FieldChange;
use crate::domain::{DayInfo, Header, Visit};

/// A field compared between two versions: its file key, label, whether it
/// is long text, and its value as text (`None` when not set).
pub struct Field<T> {
    pub key: &'static str,
    pub label: &'static str,
    pub long: bool,
    pub value: fn(&T) -> Option<String>,
}

const fn field<T>(
    key: &'static str,
    label: &'static str,
    value: fn(&T) -> Option<String>,
) -> Field<T> {
    Field {
        key,
        label,
        long: false,
        value,
    }
}

const fn long<T>(
    key: &'static str,
    label: &'static str,
    value: fn(&T) -> Option<String>,
) -> Field<T> {
    Field {
        key,
        label,
        long: true,
        value,
    }
}

/// The visit fields compared one by one, in the order a report lists them.
/// The others are compared on their own: `id` is what matches visits,
/// `date`, `end_date`, `start` and `end` make a move, `participants` the
/// attendee changes.
pub fn visit_fields() -> [Field<Visit>; 10] {
    [
        field("title", "Title", |v| Some(v.title.clone())),
        field("kind", "Kind", |v| Some(v.kind.as_str().to_string())),
        field("status", "Status", |v| Some(v.status.as_str().to_string())),
        field("city", "City", |v| v.city.clone()),
        field("venue", "Venue", |v| v.venue.clone()),
        field("address", "Address", |v| v.address.clone()),
        field("host", "Host", |v| v.host.clone()),
        field("contact", "Contact", |v| v.contact.clone()),
        field("tags", "Tags", |v| {
            (!v.tags.is_empty()).then(|| v.tags.join(", "))
        }),
        long("notes", "Notes", |v| v.notes.clone()),
    ]
}

/// The header fields compared one by one; `start` and `end` are compared
/// together as [`super::Changes::dates`].
pub fn header_fields() -> [Field<Header>; 5] {
    [
        field("title", "Title", |h| Some(h.title.clone())),
        field("timezone", "Time zone", |h| {
            h.timezone.map(|tz| tz.name().to_string())
        }),
        field("home_timezone", "Home time zone", |h| {
            h.home_timezone.map(|tz| tz.name().to_string())
        }),
        field("organizer", "Organizer", |h| h.organizer.clone()),
        long("summary", "Summary", |h| h.summary.clone()),
    ]
}

/// The `[[days]]` fields compared one by one.
pub fn day_fields() -> [Field<DayInfo>; 5] {
    [
        field("city", "City", |d| d.city.clone()),
        field("lodging", "Lodging", |d| d.lodging.clone()),
        field("lodging_address", "Lodging address", |d| {
            d.lodging_address.clone()
        }),
        field("lodging_phone", "Lodging phone", |d| {
            d.lodging_phone.clone()
        }),
        long("notes", "Notes", |d| d.notes.clone()),
    ]
}

/// The fields of `fields` whose values differ between `old` and `new`.
/// Values are compared without the spaces and line breaks around them,
/// and empty text counts as not set: a reader cannot see those changes.
pub(super) fn changed_fields<T>(fields: &[Field<T>], old: &T, new: &T) -> Vec<FieldChange> {
    let value = |f: &Field<T>, entity: &T| {
        (f.value)(entity)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    fields
        .iter()
        .filter_map(|f| {
            let (o, n) = (value(f, old), value(f, new));
            (o != n).then_some(FieldChange {
                key: f.key,
                label: f.label,
                long: f.long,
                old: o,
                new: n,
            })
        })
        .collect()
}
