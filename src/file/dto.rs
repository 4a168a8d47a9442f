//! The mission file as written: every field optional, every value with the
//! byte range it came from. [`super::read`] fills these from the TOML tree,
//! one entry per table, its values in the order of the entity's
//! description ([`crate::domain::schema`]); [`super::validate`] turns them
//! into the domain model.

use std::ops::Range;

use chrono::{NaiveDate, NaiveTime};

/// A value and where it was written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Spanned<U> {
        Spanned {
            value: f(self.value),
            span: self.span,
        }
    }
}

pub type Field<T> = Option<Spanned<T>>;

#[derive(Clone, Debug, Default)]
pub struct MissionDto {
    pub format: Field<i64>,
    pub header: Option<EntryDto>,
    /// The `[publish]` table.
    pub publish: Option<EntryDto>,
    pub days: Vec<EntryDto>,
    pub participants: Vec<EntryDto>,
    pub visits: Vec<EntryDto>,
    pub routes: Vec<EntryDto>,
}

/// A value of the type its field expects, as read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Raw {
    /// Text, ids, words of a choice and time zone names.
    Text(String),
    Date(NaiveDate),
    Time(NaiveTime),
    /// Whole numbers (minutes).
    Integer(i64),
    /// Lists of text, each item where it was written.
    List(Vec<Spanned<String>>),
}

/// One table: `[mission]`, or an entry of `[[days]]`, `[[participants]]`,
/// `[[visits]]` or `[[routes]]`. `span` is its header, where a missing field is
/// reported.
#[derive(Clone, Debug, Default)]
pub struct EntryDto {
    pub span: Range<usize>,
    /// One per field of the entity's description, in its order; `None`
    /// for a field left out or with a problem.
    pub values: Vec<Field<Raw>>,
}

impl EntryDto {
    /// The value at position `at` of the description.
    pub fn get(&self, at: usize) -> Option<&Spanned<Raw>> {
        self.values.get(at)?.as_ref()
    }

    pub fn text(&self, at: usize) -> Option<Spanned<&str>> {
        let field = self.get(at)?;
        match &field.value {
            Raw::Text(text) => Some(Spanned {
                value: text,
                span: field.span.clone(),
            }),
            _ => None,
        }
    }

    pub fn date(&self, at: usize) -> Option<Spanned<NaiveDate>> {
        let field = self.get(at)?;
        match field.value {
            Raw::Date(date) => Some(Spanned {
                value: date,
                span: field.span.clone(),
            }),
            _ => None,
        }
    }

    pub fn time(&self, at: usize) -> Option<Spanned<NaiveTime>> {
        let field = self.get(at)?;
        match field.value {
            Raw::Time(time) => Some(Spanned {
                value: time,
                span: field.span.clone(),
            }),
            _ => None,
        }
    }

    pub fn integer(&self, at: usize) -> Option<Spanned<i64>> {
        let field = self.get(at)?;
        match field.value {
            Raw::Integer(n) => Some(Spanned {
                value: n,
                span: field.span.clone(),
            }),
            _ => None,
        }
    }

    pub fn list(&self, at: usize) -> Option<&[Spanned<String>]> {
        match &self.get(at)?.value {
            Raw::List(list) => Some(list),
            _ => None,
        }
    }
}
