//! The TOML tree as the reader sees it: tables, their keys, and values
//! with the byte range each was written at. [`super::read`] walks the
//! entity tables over these types and asks nothing of the TOML library
//! itself, so reading with another parser is a change of this file.
//!
//! This one reads toml_edit's [`Document`], which the format-preserving
//! save needs anyway.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};
use toml_edit::{Document, TableLike, Value};

use super::diagnostic::{MAX_QUOTED, excerpt};

/// A table: the document's root, `[mission]` or one `[[visits]]` entry.
#[derive(Clone)]
pub(super) struct Table<'a> {
    table: &'a dyn TableLike,
    span: Option<Range<usize>>,
}

impl<'a> Table<'a> {
    pub(super) fn root(doc: &'a Document<String>) -> Self {
        Table {
            table: doc.as_table(),
            span: None,
        }
    }

    fn of(table: &'a toml_edit::Table) -> Self {
        Table {
            table,
            span: table.span(),
        }
    }

    /// Where the table's header is written (0..0 for the root).
    pub(super) fn span(&self) -> Range<usize> {
        self.span.clone().unwrap_or(0..0)
    }

    pub(super) fn get(&self, key: &str) -> Option<Item<'a>> {
        self.table.get(key).map(Item)
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    /// Every key of the table, with where it is written.
    pub(super) fn keys(&self) -> impl Iterator<Item = (&'a str, Option<Range<usize>>)> + '_ {
        let table = self.table;
        table
            .iter()
            .map(move |(key, _)| (key, table.key(key).and_then(|k| k.span())))
    }
}

/// What a key holds: a value, a table or an array of tables.
#[derive(Clone, Copy)]
pub(super) struct Item<'a>(&'a toml_edit::Item);

impl<'a> Item<'a> {
    pub(super) fn span(&self) -> Option<Range<usize>> {
        self.0.span()
    }

    /// A plain value: not a table, not an array of tables.
    pub(super) fn value(&self) -> Option<Node<'a>> {
        self.0.as_value().map(Node)
    }

    /// A table written `[key]` (not an inline table).
    pub(super) fn table(&self) -> Option<Table<'a>> {
        self.0.as_table().map(Table::of)
    }

    /// Tables written `[[key]]`.
    pub(super) fn tables(&self) -> Option<Vec<Table<'a>>> {
        self.0
            .as_array_of_tables()
            .map(|aot| aot.iter().map(Table::of).collect())
    }

    /// What it is, for a message: "a string", "a date-time", "a table".
    pub(super) fn describe(&self) -> String {
        match self.0 {
            toml_edit::Item::None => "nothing".into(),
            toml_edit::Item::Table(_) => "a table".into(),
            toml_edit::Item::ArrayOfTables(_) => "an array of tables".into(),
            toml_edit::Item::Value(v) => Node(v).describe(),
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
pub(super) struct Node<'a>(&'a Value);

impl<'a> Node<'a> {
    pub(super) fn span(&self) -> Option<Range<usize>> {
        self.0.span()
    }

    pub(super) fn shape(&self) -> Shape<'a> {
        match self.0 {
            Value::String(s) => Shape::Str(s.value()),
            Value::Integer(i) => Shape::Integer(*i.value()),
            Value::Datetime(dt) => {
                let dt = dt.value();
                match (dt.date, dt.time) {
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
                }
            }
            Value::Array(array) => Shape::Array(array.iter().map(Node).collect()),
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
        article(self.0.type_name())
    }

    /// The value as written, for a message; a long text is cut (see
    /// [`excerpt`]) and keeps its quotes.
    pub(super) fn shown(&self) -> String {
        match self.0.as_str() {
            Some(text) if text.chars().nth(MAX_QUOTED).is_some() => {
                format!("\"{}\"", excerpt(text))
            }
            _ => self.0.to_string().trim().to_string(),
        }
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
