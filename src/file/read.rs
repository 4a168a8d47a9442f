//! From the TOML tree (with spans) to DTOs, reporting every wrong type,
//! missing field and unknown key on the way.
//!
//! Each entity table is read by walking its description
//! ([`crate::domain::schema`]): the keys it may have, the type each must
//! hold, the required ones. The tree itself is reached through
//! [`super::tree`].

use std::ops::Range;

use chrono::NaiveDate;

use super::diagnostic::{Diagnostic, excerpt};
use super::dto::{EntryDto, Field, MissionDto, Raw, Spanned};
use super::tree::{Item, Node, Shape, Table};
use crate::domain::schema::{
    DAY, FieldSpec, HEADER, PARTICIPANT, PUBLISH, ROUTE, Schema, VISIT, ValueKind,
};
use crate::domain::{parse_date, parse_time, suggest};

/// The keys of the top level.
const TOP: &[&str] = &[
    "format",
    "mission",
    "publish",
    "days",
    "participants",
    "visits",
    "routes",
];

/// Reads a parsed document, given as its `root` table, into DTOs.
/// Problems go to `problems`; a field with a problem is left empty, so
/// validation can go on with the rest.
pub fn read_document(root: Table, problems: &mut Vec<Diagnostic>) -> MissionDto {
    let mut top = Fields::new(root.clone(), "the top level", problems);
    let format = top.integer("format");
    let mission = top.table("mission");
    let publish = top.table("publish");
    let days = top.array_of_tables("days");
    let participants = top.array_of_tables("participants");
    let visits = top.array_of_tables("visits");
    let routes = top.array_of_tables("routes");
    top.finish(TOP.iter().copied());
    if format.is_none() && !root.contains("format") {
        problems.push(Diagnostic::error(
            0..0,
            "missing `format = 1` at the top of the file",
        ));
    }
    if mission.is_none() && !root.contains("mission") {
        problems.push(Diagnostic::error(
            0..0,
            "missing [mission] table (title, start and end of the mission)",
        ));
    }
    if let Some(table) = &publish {
        no_password(table, problems);
    }
    MissionDto {
        format,
        header: mission.map(|t| read_entry(&HEADER, t, problems)),
        publish: publish.map(|t| read_entry(&PUBLISH, t, problems)),
        days: entries_of(&DAY, days, problems),
        participants: entries_of(&PARTICIPANT, participants, problems),
        visits: entries_of(&VISIT, visits, problems),
        routes: entries_of(&ROUTE, routes, problems),
    }
}

fn entries_of<E>(
    schema: &Schema<E>,
    tables: Vec<Table>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<EntryDto> {
    tables
        .into_iter()
        .map(|t| read_entry(schema, t, problems))
        .collect()
}

/// A password written in `[publish]` is an error, not an unknown key: the
/// mission file is shared, sent round and kept in version control.
fn no_password(table: &Table, problems: &mut Vec<Diagnostic>) {
    let Some((key, span)) = table
        .keys()
        .find(|(key, _)| key.to_lowercase().contains("password"))
    else {
        return;
    };
    problems.push(Diagnostic::error(
        span.unwrap_or_else(|| table.span()),
        format!(
            "`{}` does not belong in the mission file, which others read: remove it; \
             publishing takes the password from ITINERA_PASSWORD or asks for it",
            excerpt(key)
        ),
    ));
}

/// One table of an entity: each field of its description, then a warning
/// for each key the description does not have.
fn read_entry<E>(schema: &Schema<E>, table: Table, problems: &mut Vec<Diagnostic>) -> EntryDto {
    let span = table.span();
    let mut f = Fields::new(table, schema.section, problems);
    let values = schema.fields.iter().map(|field| f.field(field)).collect();
    f.finish(schema.keys());
    EntryDto { span, values }
}

/// Typed access to one table's fields, recording problems.
struct Fields<'a, 'p> {
    table: Table<'a>,
    /// Where a missing field is reported: the table's header.
    span: Range<usize>,
    /// How the table is named in messages: "[mission]", "[[visits]]".
    name: &'static str,
    problems: &'p mut Vec<Diagnostic>,
    /// How many of the table's keys were asked for and found: when that
    /// is all of them, no key is unknown.
    found: usize,
}

impl<'a, 'p> Fields<'a, 'p> {
    fn new(table: Table<'a>, name: &'static str, problems: &'p mut Vec<Diagnostic>) -> Self {
        Fields {
            span: table.span(),
            table,
            name,
            problems,
            found: 0,
        }
    }

    /// The item at `key`, counted as found.
    fn get(&mut self, key: &str) -> Option<Item<'a>> {
        let item = self.table.get(key);
        self.found += usize::from(item.is_some());
        item
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::error(span, message));
    }

    /// The value of `field`, read as its kind asks; a required field that
    /// is missing (or text that is blank) is an error.
    fn field<E>(&mut self, field: &FieldSpec<E>) -> Field<Raw> {
        let key = field.key;
        if field.required && !self.table.contains(key) {
            let message = format!("{} is missing required field `{key}`", self.name);
            self.error(self.span.clone(), message);
            return None;
        }
        match field.kind {
            ValueKind::Text
            | ValueKind::MultiLine
            | ValueKind::Id
            | ValueKind::Choice(_)
            | ValueKind::TimeZone
            | ValueKind::Url => {
                let text = self.string(key)?;
                if field.required && text.value.trim().is_empty() {
                    self.error(text.span.clone(), format!("`{key}` must not be empty"));
                    return None;
                }
                Some(text.map(Raw::Text))
            }
            ValueKind::Date => Some(self.date(key)?.map(Raw::Date)),
            ValueKind::Time { date_key } => Some(self.time(key, date_key)?.map(Raw::Time)),
            ValueKind::IdList | ValueKind::TagList => Some(self.strings(key)?.map(Raw::List)),
            ValueKind::Minutes { .. } => Some(self.integer(key)?.map(Raw::Integer)),
        }
    }

    fn span_of(&self, item: &Item) -> Range<usize> {
        item.span().unwrap_or_else(|| self.span.clone())
    }

    fn wrong_type(&mut self, key: &str, expected: &str, item: &Item) {
        let message = format!("`{key}` must be {expected}, not {}", item.describe());
        self.error(self.span_of(item), message);
    }

    /// A plain value, or a wrong-type error for tables.
    fn value(&mut self, key: &str, expected: &str) -> Option<(Item<'a>, Node<'a>, Range<usize>)> {
        let item = self.get(key)?;
        match item.value() {
            Some(v) => Some((item, v, self.span_of(&item))),
            None => {
                self.wrong_type(key, expected, &item);
                None
            }
        }
    }

    /// A string value. Line ends inside multi-line strings read as "\n"
    /// whatever the file uses (TOML leaves this to the reader), so a value
    /// from a CRLF file compares equal to the same text typed in a form.
    fn string(&mut self, key: &str) -> Field<String> {
        let (item, value, span) = self.value(key, "a string")?;
        match value.shape() {
            Shape::Str(s) => Some(Spanned {
                value: s.replace("\r\n", "\n"),
                span,
            }),
            _ => {
                self.wrong_type(key, "a string", &item);
                None
            }
        }
    }

    fn integer(&mut self, key: &str) -> Field<i64> {
        let (item, value, span) = self.value(key, "an integer")?;
        match value.shape() {
            Shape::Integer(i) => Some(Spanned { value: i, span }),
            _ => {
                self.wrong_type(key, "an integer", &item);
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Field<NaiveDate> {
        const EXPECTED: &str = "a date like 2022-11-14";
        let (item, value, span) = self.value(key, EXPECTED)?;
        let parsed = match value.shape() {
            Shape::Date(date) => date,
            Shape::Str(text) => {
                let parsed = parse_date(text);
                if let (None, Some(why)) = (parsed, no_such_date(text)) {
                    let message = format!("`{key}`: there is no date {}{why}", text.trim());
                    self.error(span, message);
                    return None;
                }
                parsed
            }
            _ => {
                self.wrong_type(key, EXPECTED, &item);
                return None;
            }
        };
        match parsed {
            Some(value) => Some(Spanned { value, span }),
            None => {
                let message = format!(
                    "invalid date {} for `{key}`: expected YYYY-MM-DD, like 2022-11-14",
                    value.shown()
                );
                self.error(span, message);
                None
            }
        }
    }

    /// A time; a date written there is said to belong in `date_key`.
    fn time(&mut self, key: &str, date_key: &str) -> Field<chrono::NaiveTime> {
        const EXPECTED: &str = "a time like 09:30";
        let (item, value, span) = self.value(key, EXPECTED)?;
        let parsed = match value.shape() {
            Shape::Time(time) => time,
            shape @ (Shape::Date(_) | Shape::DateTime) => {
                let what = match shape {
                    Shape::DateTime => "a date-time",
                    _ => "a date",
                };
                let message = format!(
                    "`{key}` must be {EXPECTED}, not {what}; the date goes in `{date_key}`"
                );
                self.error(span, message);
                return None;
            }
            Shape::Str(text) => parse_time(text),
            _ => {
                self.wrong_type(key, EXPECTED, &item);
                return None;
            }
        };
        match parsed {
            Some(value) => Some(Spanned { value, span }),
            None => {
                let message = format!(
                    "invalid time {} for `{key}`: expected HH:MM, like 09:30",
                    value.shown()
                );
                self.error(span, message);
                None
            }
        }
    }

    fn strings(&mut self, key: &str) -> Field<Vec<Spanned<String>>> {
        const EXPECTED: &str = "a list of strings";
        let (item, value, span) = self.value(key, EXPECTED)?;
        let Shape::Array(array) = value.shape() else {
            self.wrong_type(key, EXPECTED, &item);
            return None;
        };
        let mut items = Vec::with_capacity(array.len());
        for element in array {
            let element_span = element.span().unwrap_or_else(|| span.clone());
            match element.shape() {
                Shape::Str(s) => items.push(Spanned {
                    value: s.to_string(),
                    span: element_span,
                }),
                _ => {
                    let message = format!(
                        "`{key}` must be {EXPECTED}; this item is {}",
                        element.type_name()
                    );
                    self.error(element_span, message);
                }
            }
        }
        Some(Spanned { value: items, span })
    }

    fn table(&mut self, key: &str) -> Option<Table<'a>> {
        let item = self.get(key)?;
        let table = item.table();
        if table.is_none() {
            self.wrong_type(key, &format!("a table, written [{key}]"), &item);
        }
        table
    }

    fn array_of_tables(&mut self, key: &str) -> Vec<Table<'a>> {
        let Some(item) = self.get(key) else {
            return Vec::new();
        };
        item.tables().unwrap_or_else(|| {
            self.wrong_type(key, &format!("tables written [[{key}]]"), &item);
            Vec::new()
        })
    }

    /// Warns about keys not in `known`. They are kept in the file.
    fn finish<'k>(self, known: impl Iterator<Item = &'k str> + Clone) {
        // Each key is asked for once, so every key was found: none is
        // unknown, and the keys need not be compared.
        if self.found == self.table.len() {
            return;
        }
        for (key, key_span) in self.table.keys() {
            // A password in [publish] has an error of its own.
            let password = self.name == PUBLISH.section && key.to_lowercase().contains("password");
            if password || known.clone().any(|k| k == key) {
                continue;
            }
            let span = key_span.unwrap_or_else(|| self.span.clone());
            let hint = match suggest(key, known.clone()) {
                Some(k) => format!(" (did you mean `{k}`?)"),
                None => String::new(),
            };
            self.problems.push(Diagnostic::warning(
                span,
                format!(
                    "unknown key `{}` in {}{hint}; it is kept but not used",
                    excerpt(key),
                    self.name
                ),
            ));
        }
    }
}

/// For text shaped like a date (YYYY-MM-DD) that names no day of the
/// calendar, why not: " (November 2022 has 30 days)". `None` for text of
/// another shape, or a date that exists.
fn no_such_date(text: &str) -> Option<String> {
    let text = text.trim();
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let shaped = parts.next().is_none()
        && [(year, 4), (month, 2), (day, 2)]
            .iter()
            .all(|(part, len)| part.len() == *len && part.bytes().all(|b| b.is_ascii_digit()));
    if !shaped {
        return None;
    }
    let (year, month, day): (i32, u32, u32) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    if NaiveDate::from_ymd_opt(year, month, day).is_some() {
        return None;
    }
    let Some(first) = NaiveDate::from_ymd_opt(year, month, 1) else {
        return Some(" (months go from 01 to 12)".to_string());
    };
    let days = first
        .checked_add_months(chrono::Months::new(1))
        .map(|next| (next - first).num_days());
    Some(match days {
        Some(days) => format!(" ({} has {days} days)", first.format("%B %Y")),
        None => String::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_that_do_not_exist_say_why() {
        assert_eq!(
            no_such_date("2022-11-31").as_deref(),
            Some(" (November 2022 has 30 days)")
        );
        assert_eq!(
            no_such_date("2023-02-29").as_deref(),
            Some(" (February 2023 has 28 days)")
        );
        assert_eq!(
            no_such_date("2022-13-01").as_deref(),
            Some(" (months go from 01 to 12)")
        );
        // Dates that exist, and text of another shape, are not this problem.
        assert_eq!(no_such_date("2024-02-29"), None);
        assert_eq!(no_such_date("14/11/2022"), None);
        assert_eq!(no_such_date("2022-1-31"), None);
        assert_eq!(no_such_date("2022-11-31-1"), None);
    }

    #[test]
    fn a_time_in_a_date_field_is_called_a_time() {
        let text = "format = 1\n[mission]\ntitle = \"T\"\nstart = 10:00:00\nend = 2022-11-18\n";
        let report = crate::file::parse(text).expect_err("invalid");
        let messages: Vec<&str> = report
            .diagnostics
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            messages,
            ["`start` must be a date like 2022-11-14, not a time"]
        );
    }
}
