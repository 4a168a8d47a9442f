//! The fields compared one by one between two versions of a mission: the
//! entries of each entity's field table ([`crate::domain::schema`]) that
//! hold text, words, tags or a time zone, with the table's labels. A field
//! added to an entity's table is compared without a line here.
//!
//! The others are compared on their own: a visit's `id` is what matches
//! visits, its `date`, `end_date`, `start` and `end` make a move and its
//! `participants` the attendee changes; the mission's `start` and `end`
//! are [`super::Changes::dates`]; a day's `date` is what matches days.

use super::FieldChange;
use crate::domain::schema::{DAY, FieldSpec, FieldValue, HEADER, Schema, VISIT, ValueKind};
use crate::domain::{DayInfo, Header, Visit};

/// A field compared between two versions: its table entry, and whether it
/// is long text (a report shows its new text rather than old → new).
pub struct Field<T: 'static> {
    pub spec: &'static FieldSpec<T>,
    pub long: bool,
}

impl<T> Field<T> {
    pub fn key(&self) -> &'static str {
        self.spec.key
    }

    pub fn label(&self) -> &'static str {
        self.spec.label
    }

    /// The value as a report writes it; `None` when not set. A choice left
    /// out is its default word ("other", "confirmed").
    pub fn value(&self, entity: &T) -> Option<String> {
        match ((self.spec.get)(entity), self.spec.kind) {
            (Some(FieldValue::Text(text)), _) => Some(text),
            (Some(FieldValue::Word(word)), _) => Some(word.to_string()),
            (Some(FieldValue::List(list)), _) => (!list.is_empty()).then(|| list.join(", ")),
            (Some(FieldValue::Zone(zone)), _) => Some(zone.name().to_string()),
            (Some(FieldValue::Date(date)), _) => Some(date.to_string()),
            (Some(FieldValue::Time(time)), _) => Some(time.format("%H:%M").to_string()),
            (Some(FieldValue::Minutes(minutes)), _) => Some(minutes.to_string()),
            (None, ValueKind::Choice(choice)) => Some(choice.default.to_string()),
            (None, _) => None,
        }
    }
}

/// The entries of `schema` compared one by one, in the table's order.
fn compared<T>(schema: &'static Schema<T>) -> Vec<Field<T>> {
    schema
        .fields
        .iter()
        .filter(|spec| {
            matches!(
                spec.kind,
                ValueKind::Text
                    | ValueKind::MultiLine
                    | ValueKind::Choice(_)
                    | ValueKind::TagList
                    | ValueKind::TimeZone
            )
        })
        .map(|spec| Field {
            spec,
            long: spec.kind == ValueKind::MultiLine,
        })
        .collect()
}

/// The visit fields compared one by one, in the order a report lists them.
pub fn visit_fields() -> Vec<Field<Visit>> {
    compared(&VISIT)
}

/// The header fields compared one by one.
pub fn header_fields() -> Vec<Field<Header>> {
    compared(&HEADER)
}

/// The `[[days]]` fields compared one by one.
pub fn day_fields() -> Vec<Field<DayInfo>> {
    compared(&DAY)
}

/// The fields of `fields` whose values differ between `old` and `new`.
/// Values are compared without the spaces and line breaks around them,
/// and empty text counts as not set: a reader cannot see those changes.
pub(super) fn changed_fields<T>(fields: &[Field<T>], old: &T, new: &T) -> Vec<FieldChange> {
    let value = |f: &Field<T>, entity: &T| {
        f.value(entity)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    fields
        .iter()
        .filter_map(|f| {
            let (o, n) = (value(f, old), value(f, new));
            (o != n).then_some(FieldChange {
                key: f.key(),
                label: f.label(),
                long: f.long,
                old: o,
                new: n,
            })
        })
        .collect()
}
