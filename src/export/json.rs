//! The mission as JSON, for scripts: every field of the header, the days,
//! the delegation and the visits, each visit with the id it is known by.
//! The shape is described by docs/mission.schema.json and
//! docs/json-export.md; [`FORMAT_VERSION`] changes when it changes in a
//! way that can break a reader.
//!
//! Every key is always present: a field the file leaves out is `null` (or
//! an empty list for tags), so a script never has to test for a key. The
//! keys of each object are the fields of its entity's description
//! ([`crate::domain::schema`]), in its order.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value as Json;

use super::{Scope, days_in_scope};
use crate::domain::schema::{
    DAY, FieldSpec, FieldValue, HEADER, PARTICIPANT, Schema, VISIT, ValueKind,
};
use crate::domain::{DayInfo, Header, Mission, Participant, Visit};

/// Version of the JSON shape, written as `format_version`.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format_version: u32,
    scope: ScopeJson<'a>,
    mission: Object<'a, Header>,
    days: Vec<Object<'a, DayInfo>>,
    participants: Vec<Object<'a, Participant>>,
    visits: Vec<Object<'a, Visit>>,
}

#[derive(Serialize)]
struct ScopeJson<'a> {
    participant: Option<&'a str>,
    day: Option<String>,
}

/// An entity as a JSON object: every field of its description, in its
/// order. A field the file leaves out is `null`, except a choice (its
/// default word) and a list of tags (empty).
struct Object<'a, E: Clone + 'static> {
    schema: &'static Schema<E>,
    entity: Cow<'a, E>,
    /// Fields whose value is given here instead: `(key, value)`.
    replaced: Vec<(&'static str, Json)>,
    /// Keys added after a field: `(field, key, value)`.
    added: Vec<(&'static str, &'static str, Json)>,
}

impl<'a, E: Clone> Object<'a, E> {
    fn new(schema: &'static Schema<E>, entity: Cow<'a, E>) -> Self {
        Object {
            schema,
            entity,
            replaced: Vec::new(),
            added: Vec::new(),
        }
    }
}

impl<E: Clone> Serialize for Object<'_, E> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for field in self.schema.fields {
            match self.replaced.iter().find(|(key, _)| *key == field.key) {
                Some((key, value)) => map.serialize_entry(key, value)?,
                None => map.serialize_entry(field.key, &value(field, &self.entity))?,
            }
            for (_, key, value) in self.added.iter().filter(|(f, _, _)| *f == field.key) {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// A field's value as JSON.
fn value<E>(field: &FieldSpec<E>, entity: &E) -> Json {
    match (field.get)(entity) {
        None => match field.kind {
            ValueKind::Choice(choice) => Json::from(choice.default),
            ValueKind::TagList => Json::Array(Vec::new()),
            _ => Json::Null,
        },
        Some(FieldValue::Text(text)) => Json::from(text),
        Some(FieldValue::Date(d)) => Json::from(date(d)),
        Some(FieldValue::Time(t)) => Json::from(t.format("%H:%M:%S").to_string()),
        Some(FieldValue::Word(word)) => Json::from(word),
        Some(FieldValue::List(list)) => Json::from(list),
        Some(FieldValue::Zone(tz)) => Json::from(tz.name()),
    }
}

/// The mission as pretty-printed JSON, ending with a newline. The scope
/// keeps only its participant's visits and only its day (and that day's
/// entry in `days`); the header and the whole delegation are always
/// there, and `scope` says what was left out. Cancelled visits are always
/// there (their `status` says so), whatever `scope.include_cancelled` says.
pub fn export(mission: &Mission, scope: &Scope) -> Result<String, serde_json::Error> {
    let ids = mission.visit_ids();
    let mut days = Vec::new();
    let mut visits = Vec::new();
    for (date, in_day) in days_in_scope(mission, &scope.with_cancelled()) {
        days.push((date, mission.day_info(date)));
        for i in in_day {
            visits.push(visit(mission, &mission.visits[i], &ids[i]));
        }
    }
    // A [[days]] entry outside the mission's dates, on a date without
    // visits, is no day of the agenda but still part of the mission.
    for info in &mission.days {
        let wanted = scope.day.is_none_or(|d| d == info.date);
        if wanted && !days.iter().any(|(d, _)| *d == info.date) {
            days.push((info.date, Some(info)));
        }
    }
    days.sort_by_key(|(d, _)| *d);
    let document = Document {
        format_version: FORMAT_VERSION,
        scope: ScopeJson {
            participant: scope.participant.as_deref(),
            day: scope.day.map(date),
        },
        mission: Object::new(&HEADER, Cow::Borrowed(&mission.header)),
        days: days.into_iter().map(|(d, info)| day(d, info)).collect(),
        participants: mission
            .participants
            .iter()
            .map(|p| Object::new(&PARTICIPANT, Cow::Borrowed(p)))
            .collect(),
        visits,
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A day of the mission, with its `[[days]]` entry if it has one.
fn day(d: NaiveDate, info: Option<&DayInfo>) -> Object<'_, DayInfo> {
    let info = match info {
        Some(info) => Cow::Borrowed(info),
        None => Cow::Owned(DayInfo::new(d)),
    };
    Object::new(&DAY, info)
}

/// A visit with the id it is known by (`id_generated` says whether the
/// file wrote it) and its attendees' ids.
fn visit<'a>(mission: &'a Mission, v: &'a Visit, id: &'a str) -> Object<'a, Visit> {
    let attendees: Vec<&str> = mission.attendees(v).map(|p| p.id.as_str()).collect();
    let mut object = Object::new(&VISIT, Cow::Borrowed(v));
    object.replaced.push(("id", Json::from(id)));
    object
        .added
        .push(("id", "id_generated", Json::from(v.id.is_none())));
    object
        .added
        .push(("participants", "attendees", Json::from(attendees)));
    object
}
