//! The fields of the mission header, a day and a participant.

use chrono::NaiveDate;

use super::{FieldSpec, FieldValue, Schema, ValueKind, date_of, text, text_of};
use crate::domain::{DayInfo, Header, Participant};

use ValueKind::{Date, Id, MultiLine, Text, TimeZone};

fn zone_of(value: &Option<FieldValue>) -> Option<chrono_tz::Tz> {
    value.as_ref().and_then(FieldValue::as_zone)
}

const fn header(
    key: &'static str,
    kind: ValueKind,
    label: &'static str,
    get: fn(&Header) -> Option<FieldValue>,
    set: fn(&mut Header, Option<FieldValue>),
) -> FieldSpec<Header> {
    FieldSpec::new(key, kind, label, get, set)
}

/// The `[mission]` table.
pub static HEADER: Schema<Header> = Schema {
    section: "[mission]",
    blank: || Header::new("", NaiveDate::MIN, NaiveDate::MIN),
    fields: &[
        header(
            "title",
            Text,
            "Title",
            |h| Some(FieldValue::Text(h.title.clone())),
            |h, x| h.title = text_of(x).unwrap_or_default(),
        )
        .required()
        .form(1),
        header(
            "start",
            Date,
            "First day",
            |h| Some(FieldValue::Date(h.start)),
            |h, x| {
                if let Some(date) = date_of(&x) {
                    h.start = date;
                }
            },
        )
        .required()
        .form(2),
        header(
            "end",
            Date,
            "Last day",
            |h| Some(FieldValue::Date(h.end)),
            |h, x| {
                if let Some(date) = date_of(&x) {
                    h.end = date;
                }
            },
        )
        .required()
        .form(3),
        header(
            "timezone",
            TimeZone,
            "Time zone",
            |h| h.timezone.map(FieldValue::Zone),
            |h, x| h.timezone = zone_of(&x),
        )
        .hint("IANA name, e.g. Asia/Tokyo")
        .form(4)
        .example("\"Asia/Tokyo\"")
        .explain("IANA zone where the trip happens"),
        header(
            "home_timezone",
            TimeZone,
            "Home zone",
            |h| h.home_timezone.map(FieldValue::Zone),
            |h, x| h.home_timezone = zone_of(&x),
        )
        .hint("IANA name, e.g. Europe/Rome")
        .form(5)
        .example("\"Europe/Rome\"")
        .explain("a second clock for the people at home"),
        header(
            "organizer",
            Text,
            "Organizer",
            |h| text(&h.organizer),
            |h, x| h.organizer = text_of(x),
        )
        .form(6)
        .example("\"\""),
        header(
            "summary",
            MultiLine,
            "Summary",
            |h| text(&h.summary),
            |h, x| h.summary = text_of(x),
        )
        .form(7)
        .example("\"\"\"What the mission is for.\"\"\""),
    ],
};

const fn day(
    key: &'static str,
    kind: ValueKind,
    label: &'static str,
    get: fn(&DayInfo) -> Option<FieldValue>,
    set: fn(&mut DayInfo, Option<FieldValue>),
) -> FieldSpec<DayInfo> {
    FieldSpec::new(key, kind, label, get, set)
}

/// A `[[days]]` entry. The pane without a visit shows the date as its
/// heading.
pub static DAY: Schema<DayInfo> = Schema {
    section: "[[days]]",
    blank: || DayInfo::new(NaiveDate::MIN),
    fields: &[
        day(
            "date",
            Date,
            "Date",
            |d| Some(FieldValue::Date(d.date)),
            |d, x| {
                if let Some(date) = date_of(&x) {
                    d.date = date;
                }
            },
        )
        .required()
        .own(),
        day(
            "city",
            Text,
            "City",
            |d| text(&d.city),
            |d, x| d.city = text_of(x),
        )
        .form(1)
        .row(1)
        .example("\"\""),
        day(
            "lodging",
            Text,
            "Lodging",
            |d| text(&d.lodging),
            |d, x| d.lodging = text_of(x),
        )
        .form(2)
        .row(2)
        .example("\"\""),
        day(
            "notes",
            MultiLine,
            "Notes",
            |d| text(&d.notes),
            |d, x| d.notes = text_of(x),
        )
        .form(3)
        .row(3),
    ],
};

const fn person(
    key: &'static str,
    kind: ValueKind,
    label: &'static str,
    get: fn(&Participant) -> Option<FieldValue>,
    set: fn(&mut Participant, Option<FieldValue>),
) -> FieldSpec<Participant> {
    FieldSpec::new(key, kind, label, get, set)
}

/// A `[[participants]]` entry. The form of a new participant gives its id
/// a hint of its own (an empty id is made from the name).
pub static PARTICIPANT: Schema<Participant> = Schema {
    section: "[[participants]]",
    blank: || Participant::new("", ""),
    fields: &[
        person(
            "id",
            Id,
            "Id",
            |p| Some(FieldValue::Text(p.id.clone())),
            |p, x| p.id = text_of(x).unwrap_or_default(),
        )
        .required()
        .hint("letters, digits, - and _; visits name people by id")
        .form(2)
        .example("\"rossi\"")
        .explain("letters, digits, '-' and '_'"),
        person(
            "name",
            Text,
            "Name",
            |p| Some(FieldValue::Text(p.name.clone())),
            |p, x| p.name = text_of(x).unwrap_or_default(),
        )
        .required()
        .form(1)
        .example("\"Maria Rossi\""),
        person(
            "organization",
            Text,
            "Organization",
            |p| text(&p.organization),
            |p, x| p.organization = text_of(x),
        )
        .form(3)
        .example("\"\""),
        person(
            "region",
            Text,
            "Region",
            |p| text(&p.region),
            |p, x| p.region = text_of(x),
        )
        .form(4)
        .example("\"\""),
        person(
            "role",
            Text,
            "Role",
            |p| text(&p.role),
            |p, x| p.role = text_of(x),
        )
        .form(5)
        .example("\"\""),
        person(
            "email",
            Text,
            "Email",
            |p| text(&p.email),
            |p, x| p.email = text_of(x),
        )
        .form(6)
        .example("\"\""),
        person(
            "phone",
            Text,
            "Phone",
            |p| text(&p.phone),
            |p, x| p.phone = text_of(x),
        )
        .form(7)
        .example("\"\""),
        person(
            "notes",
            MultiLine,
            "Notes",
            |p| text(&p.notes),
            |p, x| p.notes = text_of(x),
        )
        .form(8),
    ],
};
