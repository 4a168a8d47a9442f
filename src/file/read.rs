//! From the TOML tree (with spans) to DTOs, reporting every wrong type,
//! missing field and unknown key on the way.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use toml_edit::{Document, Item, Table, TableLike, Value};

use super::diagnostic::{Diagnostic, excerpt};
use super::dto::{DayDto, Field, HeaderDto, MissionDto, ParticipantDto, Spanned, VisitDto, keys};
use crate::domain::{parse_date, parse_time};

/// Reads a parsed document into DTOs. Problems go to `problems`; a field
/// with a problem is left empty, so validation can go on with the rest.
pub fn read_document(doc: &Document<String>, problems: &mut Vec<Diagnostic>) -> MissionDto {
    let root = doc.as_table();
    let mut top = Fields::new(root, 0..0, "the top level", problems);
    let format = top.integer("format");
    let mission = top.table("mission");
    let days = top.array_of_tables("days");
    let participants = top.array_of_tables("participants");
    let visits = top.array_of_tables("visits");
    top.finish(keys::TOP);
    if format.is_none() && root.get("format").is_none() {
        problems.push(Diagnostic::error(
            0..0,
            "missing `format = 1` at the top of the file",
        ));
    }
    let header = match mission {
        Some(t) => Some(read_header(t, problems)),
        None => {
            if root.get("mission").is_none() {
                problems.push(Diagnostic::error(
                    0..0,
                    "missing [mission] table (title, start and end of the mission)",
                ));
            }
            None
        }
    };
    MissionDto {
        format,
        header,
        days: days.iter().map(|t| read_day(t, problems)).collect(),
        participants: participants
            .iter()
            .map(|t| read_participant(t, problems))
            .collect(),
        visits: visits.iter().map(|t| read_visit(t, problems)).collect(),
    }
}

fn read_header(t: &Table, problems: &mut Vec<Diagnostic>) -> HeaderDto {
    let span = t.span().unwrap_or(0..0);
    let mut f = Fields::new(t, span.clone(), "[mission]", problems);
    let dto = HeaderDto {
        span,
        title: f.required_string("title"),
        start: f.required_date("start"),
        end: f.required_date("end"),
        timezone: f.string("timezone"),
        home_timezone: f.string("home_timezone"),
        organizer: f.string("organizer"),
        summary: f.string("summary"),
    };
    f.finish(keys::HEADER);
    dto
}

fn read_day(t: &Table, problems: &mut Vec<Diagnostic>) -> DayDto {
    let span = t.span().unwrap_or(0..0);
    let mut f = Fields::new(t, span.clone(), "[[days]]", problems);
    let dto = DayDto {
        span,
        date: f.required_date("date"),
        city: f.string("city"),
        lodging: f.string("lodging"),
        notes: f.string("notes"),
    };
    f.finish(keys::DAY);
    dto
}

fn read_participant(t: &Table, problems: &mut Vec<Diagnostic>) -> ParticipantDto {
    let span = t.span().unwrap_or(0..0);
    let mut f = Fields::new(t, span.clone(), "[[participants]]", problems);
    let dto = ParticipantDto {
        span,
        id: f.required_string("id"),
        name: f.required_string("name"),
        organization: f.string("organization"),
        region: f.string("region"),
        role: f.string("role"),
        email: f.string("email"),
        phone: f.string("phone"),
        notes: f.string("notes"),
    };
    f.finish(keys::PARTICIPANT);
    dto
}

fn read_visit(t: &Table, problems: &mut Vec<Diagnostic>) -> VisitDto {
    let span = t.span().unwrap_or(0..0);
    let mut f = Fields::new(t, span.clone(), "[[visits]]", problems);
    let dto = VisitDto {
        span,
        id: f.string("id"),
        date: f.required_date("date"),
        end_date: f.date("end_date"),
        start: f.time("start"),
        end: f.time("end"),
        title: f.required_string("title"),
        kind: f.string("kind"),
        status: f.string("status"),
        city: f.string("city"),
        venue: f.string("venue"),
        address: f.string("address"),
        host: f.string("host"),
        contact: f.string("contact"),
        participants: f.strings("participants"),
        tags: f.strings("tags"),
        notes: f.string("notes"),
    };
    f.finish(keys::VISIT);
    dto
}

/// Typed access to one table's fields, recording problems.
struct Fields<'a, 'p> {
    table: &'a dyn TableLike,
    /// Where a missing field is reported: the table's header.
    span: Range<usize>,
    /// How the table is named in messages: "[mission]", "[[visits]]".
    name: &'static str,
    problems: &'p mut Vec<Diagnostic>,
}

impl<'a, 'p> Fields<'a, 'p> {
    fn new(
        table: &'a dyn TableLike,
        span: Range<usize>,
        name: &'static str,
        problems: &'p mut Vec<Diagnostic>,
    ) -> Self {
        Fields {
            table,
            span,
            name,
            problems,
        }
    }

    fn error(&mut self, span: Range<usize>, message: String) {
        self.problems.push(Diagnostic::error(span, message));
    }

    fn missing(&mut self, key: &str) {
        let message = format!("{} is missing required field `{key}`", self.name);
        self.error(self.span.clone(), message);
    }

    fn wrong_type(&mut self, key: &str, expected: &str, item: &Item) {
        let message = format!("`{key}` must be {expected}, not {}", describe(item));
        self.error(span_of(item, &self.span), message);
    }

    /// A plain value, or a wrong-type error for tables.
    fn value(&mut self, key: &str, expected: &str) -> Option<(&'a Value, Range<usize>)> {
        let item = self.table.get(key)?;
        match item.as_value() {
            Some(v) => Some((v, span_of(item, &self.span))),
            None => {
                self.wrong_type(key, expected, item);
                None
            }
        }
    }

    /// A string value. Line ends inside multi-line strings read as "\n"
    /// whatever the file uses (TOML leaves this to the reader), so a value
    /// from a CRLF file compares equal to the same text typed in a form.
    fn string(&mut self, key: &str) -> Field<String> {
        let (value, span) = self.value(key, "a string")?;
        match value.as_str() {
            Some(s) => Some(Spanned {
                value: s.replace("\r\n", "\n"),
                span,
            }),
            None => {
                self.wrong_type(key, "a string", self.table.get(key)?);
                None
            }
        }
    }

    fn required_string(&mut self, key: &str) -> Field<String> {
        if self.table.get(key).is_none() {
            self.missing(key);
            return None;
        }
        let field = self.string(key)?;
        if field.value.trim().is_empty() {
            self.error(field.span.clone(), format!("`{key}` must not be empty"));
            return None;
        }
        Some(field)
    }

    fn integer(&mut self, key: &str) -> Field<i64> {
        let (value, span) = self.value(key, "an integer")?;
        match value.as_integer() {
            Some(i) => Some(Spanned { value: i, span }),
            None => {
                self.wrong_type(key, "an integer", self.table.get(key)?);
                None
            }
        }
    }

    fn date(&mut self, key: &str) -> Field<NaiveDate> {
        const EXPECTED: &str = "a date like 2022-11-14";
        let (value, span) = self.value(key, EXPECTED)?;
        let parsed = match value {
            Value::Datetime(dt) => {
                let dt = dt.value();
                match (dt.date, dt.time) {
                    (Some(d), None) => {
                        NaiveDate::from_ymd_opt(d.year.into(), d.month.into(), d.day.into())
                    }
                    _ => {
                        self.wrong_type(key, EXPECTED, self.table.get(key)?);
                        return None;
                    }
                }
            }
            Value::String(s) => {
                let text = s.value();
                let parsed = parse_date(text);
                if let (None, Some(why)) = (parsed, no_such_date(text)) {
                    let message = format!("`{key}`: there is no date {}{why}", text.trim());
                    self.error(span, message);
                    return None;
                }
                parsed
            }
            _ => {
                self.wrong_type(key, EXPECTED, self.table.get(key)?);
                return None;
            }
        };
        match parsed {
            Some(value) => Some(Spanned { value, span }),
            None => {
                let message = format!(
                    "invalid date {} for `{key}`: expected YYYY-MM-DD, like 2022-11-14",
                    shown(value)
                );
                self.error(span, message);
                None
            }
        }
    }

    fn required_date(&mut self, key: &str) -> Field<NaiveDate> {
        if self.table.get(key).is_none() {
            self.missing(key);
            return None;
        }
        self.date(key)
    }

    fn time(&mut self, key: &str) -> Field<NaiveTime> {
        const EXPECTED: &str = "a time like 09:30";
        let (value, span) = self.value(key, EXPECTED)?;
        let parsed = match value {
            Value::Datetime(dt) => {
                let dt = dt.value();
                match (dt.date, dt.time) {
                    (None, Some(t)) => NaiveTime::from_hms_nano_opt(
                        t.hour.into(),
                        t.minute.into(),
                        t.second.unwrap_or(0).into(),
                        t.nanosecond.unwrap_or(0),
                    ),
                    (date, _) => {
                        let what = if date.is_some() && dt.time.is_some() {
                            "a date-time"
                        } else {
                            "a date"
                        };
                        let date_key = if key == "end" { "end_date" } else { "date" };
                        let message = format!(
                            "`{key}` must be {EXPECTED}, not {what}; the date goes in `{date_key}`"
                        );
                        self.error(span, message);
                        return None;
                    }
                }
            }
            Value::String(s) => parse_time(s.value()),
            _ => {
                self.wrong_type(key, EXPECTED, self.table.get(key)?);
                return None;
            }
        };
        match parsed {
            Some(value) => Some(Spanned { value, span }),
            None => {
                let message = format!(
                    "invalid time {} for `{key}`: expected HH:MM, like 09:30",
                    shown(value)
                );
                self.error(span, message);
                None
            }
        }
    }

    fn strings(&mut self, key: &str) -> Field<Vec<Spanned<String>>> {
        const EXPECTED: &str = "a list of strings";
        let (value, span) = self.value(key, EXPECTED)?;
        let Some(array) = value.as_array() else {
            self.wrong_type(key, EXPECTED, self.table.get(key)?);
            return None;
        };
        let mut items = Vec::with_capacity(array.len());
        for element in array.iter() {
            let element_span = element.span().unwrap_or_else(|| span.clone());
            match element.as_str() {
                Some(s) => items.push(Spanned {
                    value: s.to_string(),
                    span: element_span,
                }),
                None => {
                    let message = format!(
                        "`{key}` must be {EXPECTED}; this item is {}",
                        article(element.type_name())
                    );
                    self.error(element_span, message);
                }
            }
        }
        Some(Spanned { value: items, span })
    }

    fn table(&mut self, key: &str) -> Option<&'a Table> {
        let item = self.table.get(key)?;
        match item.as_table() {
            Some(t) => Some(t),
            None => {
                self.wrong_type(key, &format!("a table, written [{key}]"), item);
                None
            }
        }
    }

    fn array_of_tables(&mut self, key: &str) -> Vec<&'a Table> {
        let Some(item) = self.table.get(key) else {
            return Vec::new();
        };
        match item.as_array_of_tables() {
            Some(aot) => aot.iter().collect(),
            None => {
                self.wrong_type(key, &format!("tables written [[{key}]]"), item);
                Vec::new()
            }
        }
    }

    /// Warns about keys not in `known`. They are kept in the file.
    fn finish(self, known: &[&str]) {
        for (key, _) in self.table.iter() {
            if known.contains(&key) {
                continue;
            }
            let span = self
                .table
                .key(key)
                .and_then(|k| k.span())
                .unwrap_or_else(|| self.span.clone());
            let hint = match super::super::domain::suggest(key, known.iter().copied()) {
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

/// A value as written, for a message; a long text is cut (see
/// [`excerpt`]) and keeps its quotes.
fn shown(value: &Value) -> String {
    match value.as_str() {
        Some(text) if text.chars().nth(super::diagnostic::MAX_QUOTED).is_some() => {
            format!("\"{}\"", excerpt(text))
        }
        _ => value.to_string().trim().to_string(),
    }
}

fn span_of(item: &Item, fallback: &Range<usize>) -> Range<usize> {
    item.span().unwrap_or_else(|| fallback.clone())
}

fn describe(item: &Item) -> String {
    match item {
        Item::None => "nothing".into(),
        Item::Table(_) => "a table".into(),
        Item::ArrayOfTables(_) => "an array of tables".into(),
        Item::Value(v) => match v {
            Value::Datetime(dt) => {
                let dt = dt.value();
                match (dt.date, dt.time) {
                    (Some(_), Some(_)) => "a date-time".into(),
                    (Some(_), None) => "a date".into(),
                    _ => "a time".into(),
                }
            }
            other => article(other.type_name()),
        },
    }
}

fn article(type_name: &str) -> String {
    let a = if type_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{a} {type_name}")
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
