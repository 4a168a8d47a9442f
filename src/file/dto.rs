//! The mission file as written: every field optional, every value with the
//! byte range it came from. [`super::read`] fills these from the TOML tree;
//! [`super::validate`] turns them into the domain model.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

pub type Field<T> = Option<Spanned<T>>;

#[derive(Clone, Debug, Default)]
pub struct MissionDto {
    pub format: Field<i64>,
    pub header: Option<HeaderDto>,
    pub days: Vec<DayDto>,
    pub participants: Vec<ParticipantDto>,
    pub visits: Vec<VisitDto>,
}

/// The `[mission]` table. `span` is its header, where a missing field is
/// reported.
#[derive(Clone, Debug, Default)]
pub struct HeaderDto {
    pub span: Range<usize>,
    pub title: Field<String>,
    pub start: Field<NaiveDate>,
    pub end: Field<NaiveDate>,
    pub timezone: Field<String>,
    pub home_timezone: Field<String>,
    pub organizer: Field<String>,
    pub summary: Field<String>,
}

#[derive(Clone, Debug, Default)]
pub struct DayDto {
    pub span: Range<usize>,
    pub date: Field<NaiveDate>,
    pub city: Field<String>,
    pub lodging: Field<String>,
    pub notes: Field<String>,
}

#[derive(Clone, Debug, Default)]
pub struct ParticipantDto {
    pub span: Range<usize>,
    pub id: Field<String>,
    pub name: Field<String>,
    pub organization: Field<String>,
    pub region: Field<String>,
    pub role: Field<String>,
    pub email: Field<String>,
    pub phone: Field<String>,
    pub notes: Field<String>,
}

#[derive(Clone, Debug, Default)]
pub struct VisitDto {
    pub span: Range<usize>,
    pub id: Field<String>,
    pub date: Field<NaiveDate>,
    pub end_date: Field<NaiveDate>,
    pub start: Field<NaiveTime>,
    pub end: Field<NaiveTime>,
    pub title: Field<String>,
    pub kind: Field<String>,
    pub status: Field<String>,
    pub city: Field<String>,
    pub venue: Field<String>,
    pub address: Field<String>,
    pub host: Field<String>,
    pub contact: Field<String>,
    pub participants: Field<Vec<Spanned<String>>>,
    pub tags: Field<Vec<Spanned<String>>>,
    pub notes: Field<String>,
}

/// The keys each table may have, in the order itinera writes them.
pub mod keys {
    pub const TOP: &[&str] = &["format", "mission", "days", "participants", "visits"];
    pub const HEADER: &[&str] = &[
        "title",
        "start",
        "end",
        "timezone",
        "home_timezone",
        "organizer",
        "summary",
    ];
    pub const DAY: &[&str] = &["date", "city", "lodging", "notes"];
    pub const PARTICIPANT: &[&str] = &[
        "id",
        "name",
        "organization",
        "region",
        "role",
        "email",
        "phone",
        "notes",
    ];
    pub const VISIT: &[&str] = &[
        "id",
        "date",
        "end_date",
        "start",
        "end",
        "title",
        "kind",
        "status",
        "city",
        "venue",
        "address",
        "host",
        "contact",
        "participants",
        "tags",
        "notes",
    ];
}
