//! Building the entity a form describes, keeping every value the form
//! left untouched exactly as it was.

use chrono_tz::Tz;

use super::{Entity, Field, Form, Input};
use crate::domain::schema::ValueKind;
use crate::domain::schema::{DAY, FieldSpec, FieldValue, HEADER, PARTICIPANT, Schema, VISIT};
use crate::domain::{parse_date, parse_time};

impl Form {
    /// The entity the form describes, based on the entity it started from
    /// (which supplies the session key and every value the form left
    /// untouched). Call after [`Form::validate`] succeeded.
    pub fn build(&self) -> Entity {
        match &self.base {
            Entity::Visit(v) => Entity::Visit(self.built(&VISIT, v)),
            Entity::Participant(p) => Entity::Participant(self.built(&PARTICIPANT, p)),
            Entity::Header(h) => Entity::Header(self.built(&HEADER, h)),
            Entity::Day(d) => Entity::Day(self.built(&DAY, d)),
            Entity::Export => Entity::Export,
        }
    }

    /// `base` with each field of its form set from the form.
    fn built<E: Clone>(&self, schema: &Schema<E>, base: &E) -> E {
        let mut entity = base.clone();
        for field in &self.fields {
            let Some(spec) = schema.field(field.name.0) else {
                continue;
            };
            if let Some(value) = value(spec, field, base) {
                (spec.set)(&mut entity, value);
            }
        }
        entity
    }
}

/// The value `field` gives, or `None` to keep the value of `base`: a text
/// field keeps it until it is edited.
fn value<E>(spec: &FieldSpec<E>, field: &Field, base: &E) -> Option<Option<FieldValue>> {
    match &field.input {
        Input::Choice { options, selected } => {
            let ValueKind::Choice(choice) = spec.kind else {
                return None;
            };
            let word = choice.parse(options.get(*selected)?)?;
            Some(Some(FieldValue::Word(word)))
        }
        Input::Checklist { whole, items, .. } => {
            let chosen: Vec<String> = items
                .iter()
                .filter(|(_, _, chosen)| *chosen)
                .map(|(id, _, _)| id.clone())
                .collect();
            let old = (spec.get)(base).and_then(FieldValue::into_list);
            Some(attendees(old, *whole, chosen).map(FieldValue::List))
        }
        Input::Text { .. } => {
            let typed = field.raw_text();
            (typed != field.initial).then(|| parsed(spec.kind, typed.trim()))
        }
    }
}

/// The ids a checklist leaves: none for the whole delegation; else the
/// people already listed, in the file's order, then the newly ticked, in
/// delegation order.
fn attendees(old: Option<Vec<String>>, whole: bool, chosen: Vec<String>) -> Option<Vec<String>> {
    match (old, whole) {
        (_, true) => None,
        (Some(old), false) => Some(
            old.iter()
                .filter(|id| chosen.contains(id))
                .chain(chosen.iter().filter(|id| !old.contains(id)))
                .cloned()
                .collect(),
        ),
        (None, false) => Some(chosen),
    }
}

/// Text typed in a field, as a value of its kind; `None` for empty (or,
/// for a field the form checks, unreadable) text.
fn parsed(kind: ValueKind, text: &str) -> Option<FieldValue> {
    if text.is_empty() {
        return None;
    }
    match kind {
        ValueKind::Date => parse_date(text).map(FieldValue::Date),
        ValueKind::Time { .. } => parse_time(text).map(FieldValue::Time),
        ValueKind::TimeZone => text.parse::<Tz>().ok().map(FieldValue::Zone),
        ValueKind::Minutes { .. } => text.parse().ok().map(FieldValue::Minutes),
        ValueKind::TagList => Some(FieldValue::List(
            text.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect(),
        )),
        ValueKind::Text
        | ValueKind::MultiLine
        | ValueKind::Id
        | ValueKind::Choice(_)
        | ValueKind::IdList
        | ValueKind::Url => Some(FieldValue::Text(text.to_string())),
    }
}
