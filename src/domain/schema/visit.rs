//! The fields of a visit.

use super::{Choice, FieldSpec, FieldValue, Schema, ValueKind, date_of, text, text_of};
use crate::domain::{Kind, Status, Visit};
use ValueKind::{Date, Id, IdList, MultiLine, TagList, Text, Time};

const KIND_WORDS: [&str; Kind::ALL.len()] = {
    let mut words = [""; Kind::ALL.len()];
    let mut i = 0;
    while i < words.len() {
        words[i] = Kind::ALL[i].as_str();
        i += 1;
    }
    words
};

const STATUS_WORDS: [&str; Status::ALL.len()] = {
    let mut words = [""; Status::ALL.len()];
    let mut i = 0;
    while i < words.len() {
        words[i] = Status::ALL[i].as_str();
        i += 1;
    }
    words
};

const KIND: Choice = Choice {
    words: &KIND_WORDS,
    default: Kind::Other.as_str(),
    plural: "kinds",
    aliases: &[],
};

const STATUS: Choice = Choice {
    words: &STATUS_WORDS,
    default: Status::Confirmed.as_str(),
    plural: "statuses",
    // The US spelling.
    aliases: &[("canceled", "cancelled")],
};

const fn field(
    key: &'static str,
    kind: ValueKind,
    label: &'static str,
    get: fn(&Visit) -> Option<FieldValue>,
    set: fn(&mut Visit, Option<FieldValue>),
) -> FieldSpec<Visit> {
    FieldSpec::new(key, kind, label, get, set)
}

fn time_of(value: &Option<FieldValue>) -> Option<chrono::NaiveTime> {
    value.as_ref().and_then(FieldValue::as_time)
}

fn word_of(value: &Option<FieldValue>) -> Option<&'static str> {
    value.as_ref().and_then(FieldValue::as_word)
}

fn list_of(value: Option<FieldValue>) -> Option<Vec<String>> {
    value.and_then(FieldValue::into_list)
}

/// A `[[visits]]` entry.
pub static VISIT: Schema<Visit> = Schema {
    section: "[[visits]]",
    blank: || Visit::new(chrono::NaiveDate::MIN, ""),
    fields: &[
        optional_text!(field, Id, id, "Id")
            .hint("optional: letters, digits, - and _")
            .form(15)
            .row(9),
        optional_text!(field, Text, uid, "UID")
            .hint("the event's UID in the calendar it came from")
            .form(16)
            .row(10),
        field(
            "date",
            Date,
            "Date",
            |v| Some(FieldValue::Date(v.date)),
            |v, x| {
                if let Some(date) = date_of(&x) {
                    v.date = date;
                }
            },
        )
        .required()
        .hint("YYYY-MM-DD")
        .form(2)
        .own()
        .first_day(),
        field(
            "end_date",
            Date,
            "Ends on",
            |v| v.end_date.map(FieldValue::Date),
            |v, x| v.end_date = date_of(&x),
        )
        .hint("YYYY-MM-DD, for items past midnight")
        .form(5)
        .own(),
        field(
            "start",
            Time { date_key: "date" },
            "Start",
            |v| v.start.map(FieldValue::Time),
            |v, x| v.start = time_of(&x),
        )
        .hint("HH:MM, or empty if not known")
        .form(3)
        .own()
        .example("09:30:00"),
        field(
            "end",
            Time {
                date_key: "end_date",
            },
            "End",
            |v| v.end.map(FieldValue::Time),
            |v, x| v.end = time_of(&x),
        )
        .hint("HH:MM")
        .form(4)
        .own()
        .example("11:00:00"),
        field(
            "title",
            Text,
            "Title",
            |v| Some(FieldValue::Text(v.title.clone())),
            |v, x| v.title = text_of(x).unwrap_or_default(),
        )
        .required()
        .form(1)
        .own()
        .example("\"Meeting with the regional government\""),
        field(
            "kind",
            ValueKind::Choice(&KIND),
            "Kind",
            |v| (v.kind != Kind::default()).then(|| FieldValue::Word(v.kind.as_str())),
            |v, x| v.kind = word_of(&x).and_then(Kind::parse).unwrap_or_default(),
        )
        .form(6)
        .row(1)
        .example("\"meeting\""),
        field(
            "status",
            ValueKind::Choice(&STATUS),
            "Status",
            |v| (v.status != Status::default()).then(|| FieldValue::Word(v.status.as_str())),
            |v, x| v.status = word_of(&x).and_then(Status::parse).unwrap_or_default(),
        )
        .form(7)
        .row(2)
        .example("\"confirmed\""),
        optional_text!(field, Text, city, "City")
            .form(8)
            .row(5)
            .example("\"\""),
        optional_text!(field, Text, venue, "Venue")
            .form(9)
            .row(3)
            .example("\"\""),
        optional_text!(field, Text, address, "Address")
            .form(10)
            .row(4),
        optional_text!(field, Text, host, "Host")
            .form(11)
            .row(6)
            .example("\"\""),
        optional_text!(field, Text, contact, "Contact")
            .form(12)
            .row(7),
        field(
            "participants",
            IdList,
            "Attendees",
            |v| v.participants.clone().map(FieldValue::List),
            |v, x| v.participants = list_of(x),
        )
        .form(13)
        .own()
        .example("[\"rossi\"]")
        .explain("leave out for the whole delegation"),
        field(
            "tags",
            TagList,
            "Tags",
            |v| (!v.tags.is_empty()).then(|| FieldValue::List(v.tags.clone())),
            |v, x| v.tags = list_of(x).unwrap_or_default(),
        )
        .hint("comma-separated")
        .form(14)
        .row(8),
        optional_text!(field, MultiLine, notes, "Notes")
            .form(17)
            .own()
            .example("\"\"\"What to prepare.\"\"\""),
    ],
};
