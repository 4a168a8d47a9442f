//! The TOML tree as the reader sees it: tables, their keys, and values
//! with the byte range each was written at. [`super::read`] walks the
//! entity tables over these types and asks nothing of the TOML library
//! itself, so reading with another parser is a change of this file.
//!
//! This one reads toml's [`DeTable`]: one pass over the text, strings
//! borrowed from it where they need no unescaping, about twice as fast as
//! building toml_edit's document (which only a save needs, see
//! [`super::Base`]). Two things the reader needs are not in that tree and
//! are recovered from the spans and the text:
//!
//! - how a table was written. A `[mission]` header's table has the header's
//!   span (it starts with `[`), an inline table its braces' (`{`), a table
//!   made by dotted keys (`mission.title = ...`) or implied by a sub-table's
//!   header (`[mission.extra]`) the span of its key.
//! - whether an array is `[[visits]]` entries. Such an array has the span of
//!   its first header, which is also the span of its first table; an inline
//!   array's elements lie inside its brackets.
//!
//! toml_edit also refuses numbers it cannot hold (an integer beyond 64
//! bits, a float too large), which this tree keeps as written:
//! [`overflow`] finds the first, so the file is refused as before.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

use super::diagnostic::{MAX_QUOTED, excerpt};

/// A table: the document's root, `[mission]` or one `[[visits]]` entry.
#[derive(Clone)]
pub(super) struct Table<'a> {
    table: &'a DeTable<'a>,
    span: Option<Range<usize>>,
    text: &'a str,
}

/// How a value of a table was written.
enum Written {
    /// A value, an inline table among them.
    Value,
    /// A table: `[key]`, dotted keys, or implied by `[key.sub]`.
    Table,
    /// `[[key]]` entries.
    Tables,
}

fn written(value: &Spanned<DeValue>, text: &str) -> Written {
    match value.get_ref() {
        DeValue::Table(_) if text.as_bytes().get(value.span().start) != Some(&b'{') => {
            Written::Table
        }
        DeValue::Array(array) if is_array_of_tables(value, array) => Written::Tables,
        _ => Written::Value,
    }
}

fn is_array_of_tables(value: &Spanned<DeValue>, array: &DeArray) -> bool {
    array
        .first()
        .is_some_and(|first| first.span() == value.span())
}

impl<'a> Table<'a> {
    /// The root table of `text`'s tree.
    pub(super) fn root(tree: &'a Spanned<DeTable<'a>>, text: &'a str) -> Self {
        Table {
            table: tree.get_ref(),
            span: None,
            text,
        }
    }

    /// Where the table's header is written (0..0 for the root).
    pub(super) fn span(&self) -> Range<usize> {
        self.span.clone().unwrap_or(0..0)
    }

    pub(super) fn get(&self, key: &str) -> Option<Item<'a>> {
        self.table.get(key).map(|value| Item {
            value,
            text: self.text,
        })
    }

    /// How many keys the table has.
    pub(super) fn len(&self) -> usize {
        self.table.len()
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.table.contains_key(key)
    }

    /// Every key of the table, with where it is written.
    pub(super) fn keys(&self) -> impl Iterator<Item = (&'a str, Option<Range<usize>>)> + 'a {
        let table: &'a DeTable<'a> = self.table;
        table
            .iter()
            .map(|(key, _)| (key.get_ref().as_ref(), Some(key.span())))
    }
}

/// What a key holds: a value, a table or an array of tables.
#[derive(Clone, Copy)]
pub(super) struct Item<'a> {
    value: &'a Spanned<DeValue<'a>>,
    text: &'a str,
}

impl<'a> Item<'a> {
    /// Where it is written; for `[[key]]` entries, from the first header
    /// to the end of the last.
    pub(super) fn span(&self) -> Option<Range<usize>> {
        let span = self.value.span();
        match (written(self.value, self.text), self.value.get_ref()) {
            (Written::Tables, DeValue::Array(array)) => {
                let end = array.last().map_or(span.end, |last| last.span().end);
                Some(span.start..end)
            }
            _ => Some(span),
        }
    }

    /// A plain value: not a table, not an array of tables.
    pub(super) fn value(&self) -> Option<Node<'a>> {
        matches!(written(self.value, self.text), Written::Value).then_some(Node {
            value: self.value,
            text: self.text,
        })
    }

    /// A table written `[key]` (not an inline table).
    pub(super) fn table(&self) -> Option<Table<'a>> {
        match (written(self.value, self.text), self.value.get_ref()) {
            (Written::Table, DeValue::Table(table)) => Some(Table {
                table,
                span: Some(self.value.span()),
                text: self.text,
            }),
            _ => None,
        }
    }

    /// Tables written `[[key]]`.
    pub(super) fn tables(&self) -> Option<Vec<Table<'a>>> {
        let (Written::Tables, DeValue::Array(array)) =
            (written(self.value, self.text), self.value.get_ref())
        else {
            return None;
        };
        let tables = array.iter().filter_map(|entry| match entry.get_ref() {
            DeValue::Table(table) => Some(Table {
                table,
                span: Some(entry.span()),
                text: self.text,
            }),
            _ => None,
        });
        Some(tables.collect())
    }

    /// What it is, for a message: "a string", "a date-time", "a table".
    pub(super) fn describe(&self) -> String {
        match written(self.value, self.text) {
            Written::Table => "a table".into(),
            Written::Tables => "an array of tables".into(),
            Written::Value => Node {
                value: self.value,
                text: self.text,
            }
            .describe(),
        }
    }
}

/// A value, as the reader looks at it.
pub(super) enum Shape<'a> {
    Str(&'a str),
    Integer(i64),
    /// A date; `None` for one the calendar does not have.
    Date(Option<NaiveDate>),
    /// A time of day; `None` for one the clock does not have.
    Time(Option<NaiveTime>),
    /// A date with a time.
    DateTime,
    Array(Vec<Node<'a>>),
    /// A float, a boolean, an inline table.
    Other,
}

/// A plain value, or an element of an array.
#[derive(Clone, Copy)]
pub(super) struct Node<'a> {
    value: &'a Spanned<DeValue<'a>>,
    text: &'a str,
}

impl<'a> Node<'a> {
    pub(super) fn span(&self) -> Option<Range<usize>> {
        Some(self.value.span())
    }

    pub(super) fn shape(&self) -> Shape<'a> {
        let value: &'a DeValue<'a> = self.value.get_ref();
        match value {
            DeValue::String(s) => Shape::Str(s.as_ref()),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(i) => Shape::Integer(i),
                // Refused before reading, see `overflow`.
                Err(_) => Shape::Other,
            },
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) => Shape::Date(NaiveDate::from_ymd_opt(
                    d.year.into(),
                    d.month.into(),
                    d.day.into(),
                )),
                (None, Some(t)) => Shape::Time(NaiveTime::from_hms_nano_opt(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                    t.nanosecond.unwrap_or(0),
                )),
                _ => Shape::DateTime,
            },
            DeValue::Array(array) => Shape::Array(
                array
                    .iter()
                    .map(|value| Node {
                        value,
                        text: self.text,
                    })
                    .collect(),
            ),
            _ => Shape::Other,
        }
    }

    /// What it is, for a message: "a string", "a date-time".
    pub(super) fn describe(&self) -> String {
        match self.shape() {
            Shape::DateTime => "a date-time".into(),
            Shape::Date(_) => "a date".into(),
            Shape::Time(_) => "a time".into(),
            _ => self.type_name(),
        }
    }

    /// Its TOML type with an article, for an element of a list: "an
    /// integer", "a datetime".
    pub(super) fn type_name(&self) -> String {
        let name = match self.value.get_ref() {
            DeValue::String(_) => "string",
            DeValue::Integer(_) => "integer",
            DeValue::Float(_) => "float",
            DeValue::Boolean(_) => "boolean",
            DeValue::Datetime(_) => "datetime",
            DeValue::Array(_) => "array",
            // A table among values is written inline.
            DeValue::Table(_) => "inline table",
        };
        article(name)
    }

    /// The value for a message, the way TOML writes it by default (a string
    /// in quotes, a date as `2022-11-14`); a long text is cut (see
    /// [`excerpt`]) and keeps its quotes.
    pub(super) fn shown(&self) -> String {
        let value = match self.value.get_ref() {
            DeValue::String(text) if text.chars().nth(MAX_QUOTED).is_some() => {
                return format!("\"{}\"", excerpt(text));
            }
            DeValue::String(text) => toml_edit::Value::from(text.as_ref()),
            DeValue::Datetime(dt) => toml_edit::Value::from(*dt),
            DeValue::Boolean(b) => toml_edit::Value::from(*b),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(i) => toml_edit::Value::from(i),
                Err(_) => return i.to_string(),
            },
            DeValue::Float(f) => match f.as_str().parse::<f64>() {
                Ok(f) => toml_edit::Value::from(f),
                Err(_) => return f.to_string(),
            },
            // Not shown in any message: as written.
            DeValue::Array(_) | DeValue::Table(_) => {
                let written = self.text.get(self.value.span()).unwrap_or_default();
                return written.trim().to_string();
            }
        };
        value.to_string().trim().to_string()
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

/// The first number in `table` (or below it) that TOML cannot hold, with
/// where it is and toml_edit's message for it.
pub(super) fn overflow(table: &DeTable) -> Option<(Range<usize>, &'static str)> {
    table
        .iter()
        .filter_map(|(_, value)| overflow_in(value))
        .min_by_key(|(span, _)| span.start)
}

fn overflow_in(value: &Spanned<DeValue>) -> Option<(Range<usize>, &'static str)> {
    match value.get_ref() {
        DeValue::Integer(i) if i64::from_str_radix(i.as_str(), i.radix()).is_err() => {
            Some((value.span(), "integer number overflowed"))
        }
        DeValue::Float(f) => float_overflow(f.as_str()).map(|message| (value.span(), message)),
        DeValue::Array(array) => array
            .iter()
            .filter_map(overflow_in)
            .min_by_key(|(span, _)| span.start),
        DeValue::Table(table) => overflow(table),
        _ => None,
    }
}

/// toml_edit's check of a float: too large for 64 bits, unless written as
/// `inf`.
fn float_overflow(decoded: &str) -> Option<&'static str> {
    match decoded.parse::<f64>() {
        Ok(value) => {
            let named = decoded
                .strip_prefix(['+', '-'])
                .unwrap_or(decoded)
                .chars()
                .all(|c| c.is_ascii_alphabetic());
            (value.is_infinite() && !named).then_some("floating-point number overflowed")
        }
        Err(_) => Some("invalid float"),
    }
}
