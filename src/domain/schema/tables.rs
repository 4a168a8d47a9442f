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
        optional_text!(header, Text, organizer, "Organizer")
            .form(6)
            .example("\"\""),
        optional_text!(header, MultiLine, summary, "Summary")
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
        optional_text!(day, Text, city, "City")
            .form(1)
            .row(1)
            .example("\"\""),
        optional_text!(day, Text, lodging, "Lodging")
            .form(2)
            .row(2)
            .example("\"\""),
        optional_text!(day, Text, lodging_address, "Lodging address")
            .form(3)
            .row(3)
            .example("\"\""),
        optional_text!(day, Text, lodging_phone, "Lodging phone")
            .form(4)
            .row(4)
            .example("\"\""),
        optional_text!(day, MultiLine, notes, "Notes")
            .form(5)
            .row(5),
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
        optional_text!(person, Text, organization, "Organization")
            .form(3)
            .example("\"\""),
        optional_text!(person, Text, region, "Region")
            .form(4)
            .example("\"\""),
        optional_text!(person, Text, role, "Role")
            .form(5)
            .example("\"\""),
        optional_text!(person, Text, email, "Email")
            .form(6)
            .example("\"\""),
        optional_text!(person, Text, phone, "Phone")
            .form(7)
            .example("\"\""),
        optional_text!(person, MultiLine, notes, "Notes").form(8),
    ],
};
