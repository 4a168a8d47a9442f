//! The four forms and their fields: a visit, a participant, the mission
//! header and a day, each field from the entity's description
//! ([`crate::domain::schema`]): its label, hint, place and kind of input.

use super::{Entity, Field, Form, Input, Name, Target, text};
use crate::domain::schema::{DAY, FieldValue, HEADER, PARTICIPANT, Schema, VISIT, ValueKind};
use crate::domain::{DayInfo, Header, Mission, Participant, Visit};
use crate::present::format_time;

pub(super) fn field(name: Name, label: &'static str, input: Input) -> Field {
    let initial = match &input {
        Input::Text { area, .. } => area.lines().join("\n"),
        _ => String::new(),
    };
    Field {
        name,
        label,
        input,
        initial,
        error: None,
        hint: "",
        offset: 0,
    }
}

/// A choice among `words`, on `current` (the first word when it is not
/// one of them).
fn choice(words: &[&'static str], current: &str) -> Input {
    Input::Choice {
        options: words.iter().map(|w| w.to_string()).collect(),
        selected: words.iter().position(|w| *w == current).unwrap_or(0),
    }
}

/// The whole delegation (`chosen` is `None`), or the people chosen.
fn checklist(people: &[Participant], chosen: Option<&[String]>) -> Input {
    let items = people
        .iter()
        .map(|p| {
            let ticked = chosen.is_some_and(|ids| ids.contains(&p.id));
            (p.id.clone(), p.name_and_organization(), ticked)
        })
        .collect();
    Input::Checklist {
        whole: chosen.is_none(),
        items,
        cursor: 0,
    }
}

/// A value as a text field shows it.
fn edit_text(value: Option<FieldValue>) -> String {
    match value {
        None => String::new(),
        Some(FieldValue::Text(text)) => text,
        Some(FieldValue::Date(date)) => date.to_string(),
        Some(FieldValue::Time(time)) => format_time(time),
        Some(FieldValue::Word(word)) => word.to_string(),
        Some(FieldValue::List(list)) => list.join(", "),
        Some(FieldValue::Zone(tz)) => tz.name().to_string(),
        Some(FieldValue::Minutes(minutes)) => minutes.to_string(),
    }
}

/// The form's fields for `entity`, in the order of its description's
/// form; `people` are who a list of attendees chooses from.
fn fields<E>(schema: &Schema<E>, entity: &E, people: &[Participant]) -> Vec<Field> {
    schema
        .form_fields()
        .into_iter()
        .map(|spec| {
            let value = (spec.get)(entity);
            let input = match spec.kind {
                ValueKind::Choice(words) => {
                    let current = value.as_ref().and_then(FieldValue::as_word);
                    choice(words.words, current.unwrap_or(words.default))
                }
                ValueKind::IdList => {
                    checklist(people, value.as_ref().and_then(FieldValue::as_list))
                }
                kind => text(&edit_text(value), kind == ValueKind::MultiLine),
            };
            let mut field = field(Name(spec.key), spec.label, input);
            field.hint = spec.hint;
            field
        })
        .collect()
}

impl Form {
    pub fn visit(mission: &Mission, visit: &Visit, index: Option<usize>) -> Form {
        let title = match index {
            Some(_) => "Edit visit",
            None => "New visit",
        };
        Form::new(
            Target::Visit(index),
            Entity::Visit(visit.clone()),
            title,
            fields(&VISIT, visit, &mission.participants),
        )
    }

    pub fn participant(p: &Participant, index: Option<usize>) -> Form {
        let mut fields = fields(&PARTICIPANT, p, &[]);
        let title = match index {
            Some(_) => "Edit participant",
            None => {
                hint(
                    &mut fields,
                    Name::Id,
                    "leave empty to make one from the name",
                );
                "New participant"
            }
        };
        Form::new(
            Target::Participant(index),
            Entity::Participant(p.clone()),
            title,
            fields,
        )
    }

    pub fn mission(header: &Header) -> Form {
        Form::new(
            Target::Mission,
            Entity::Header(header.clone()),
            "Edit mission",
            fields(&HEADER, header, &[]),
        )
    }

    pub fn day(info: &DayInfo) -> Form {
        let title = format!("Edit {}", info.date.format("%A %-d %B"));
        Form::new(
            Target::Day(info.date),
            Entity::Day(info.clone()),
            &title,
            fields(&DAY, info, &[]),
        )
    }
}

fn hint(fields: &mut [Field], name: Name, hint: &'static str) {
    if let Some(field) = fields.iter_mut().find(|f| f.name == name) {
        field.hint = hint;
    }
}
