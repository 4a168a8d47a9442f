//! One description per entity: the fields of the mission header, a day, a
//! participant and a visit, each with its key in the file, the kind of
//! value it holds, its label, whether it is required, where the edit form
//! and the visit pane show it, what `itinera new` writes for it, and how
//! to get and set it on the entity.
//!
//! The parts that handle every field walk these tables instead of naming
//! the fields: the file reader (known keys, wrong types, missing required
//! fields), validation (the value of each kind), the save patcher, the
//! skeleton of `itinera new`, the edit forms (their fields, and the entity
//! built back), the visit pane's rows and the JSON export. Adding a field to
//! visits is a member of [`Visit`](super::Visit) and one entry of
//! [`VISIT`]. The `[publish]` table ([`PUBLISH`]) is read, checked, saved
//! and exported the same way; no form edits it. Rules that concern several fields or the whole mission (a
//! visit's times in order, ids unique, attendees known, dates within the
//! mission) are written by hand where they are checked.
//!
//! Values pass through [`FieldValue`], a small neutral enum. A getter's
//! `None` is a field the file leaves out, which is also its default: a
//! visit of kind "other", status "confirmed", without tags or for the whole
//! delegation gives `None` for those fields, so the patcher does not write
//! them. A setter given `None` sets that default (a required field keeps
//! its value: it is never absent from a valid entity).

/// The entry of an optional text member whose key is its name:
/// `optional_text!(make, Text, city, "City")` is `make("city", Text,
/// "City", get, set)` with the accessors of `city`.
macro_rules! optional_text {
    ($make:ident, $kind:ident, $member:ident, $label:literal) => {
        $make(
            stringify!($member),
            $kind,
            $label,
            |e| text(&e.$member),
            |e, x| e.$member = text_of(x),
        )
    };
}

mod route;
mod tables;
mod visit;

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

pub use route::ROUTE;
pub use tables::{DAY, HEADER, PARTICIPANT, PUBLISH};
pub use visit::VISIT;

/// What a field holds, and so how it is read, checked, edited and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// One line of text.
    Text,
    /// Text over several lines (notes, a summary).
    MultiLine,
    /// A date, `2022-11-14`.
    Date,
    /// A time of day, `09:30`. `date_key` is the field that holds its
    /// date, named when a date is written in the time field.
    Time { date_key: &'static str },
    /// One word of a fixed list.
    Choice(&'static Choice),
    /// An id: letters, digits, `-` and `_`.
    Id,
    /// Ids of participants (who attends a visit).
    IdList,
    /// Free labels.
    TagList,
    /// An IANA time zone name.
    TimeZone,
    /// A calendar's URL: `https://HOST/PATH` (see
    /// [`split_url`](crate::domain::split_url)).
    Url,
    /// A whole number of minutes, from `min` to `max`.
    Minutes { min: u32, max: u32 },
}

/// The words a choice field may hold.
#[derive(Debug, PartialEq, Eq)]
pub struct Choice {
    pub words: &'static [&'static str],
    /// The word a field left out (or with a word not in the list) reads as.
    pub default: &'static str,
    /// How messages name the words: "kinds are meeting, visit, ...".
    pub plural: &'static str,
    /// Other spellings of a word: `(alias, word)`.
    pub aliases: &'static [(&'static str, &'static str)],
}

impl Choice {
    /// The word `written` means: in any case, around spaces, or an alias.
    /// `None` for a word not in the list.
    pub fn parse(&self, written: &str) -> Option<&'static str> {
        let word = normalized(written);
        let word = self
            .aliases
            .iter()
            .find(|(alias, _)| *alias == word)
            .map_or(word.as_str(), |(_, word)| word);
        self.words.iter().copied().find(|w| *w == word)
    }
}

/// A choice word as it is looked up: people write "Meeting" or
/// " tentative" and mean the word.
pub fn normalized(word: &str) -> String {
    word.trim().to_lowercase()
}

/// A field's value, whatever entity it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldValue {
    /// Text, multi-line text and ids.
    Text(String),
    Date(NaiveDate),
    Time(NaiveTime),
    /// A word of a [`Choice`].
    Word(&'static str),
    /// Ids or tags.
    List(Vec<String>),
    Zone(Tz),
    Minutes(u32),
}

impl FieldValue {
    pub fn as_text(&self) -> Option<&str> {
        match self {
            FieldValue::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn into_text(self) -> Option<String> {
        match self {
            FieldValue::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_date(&self) -> Option<NaiveDate> {
        match self {
            FieldValue::Date(date) => Some(*date),
            _ => None,
        }
    }

    pub fn as_time(&self) -> Option<NaiveTime> {
        match self {
            FieldValue::Time(time) => Some(*time),
            _ => None,
        }
    }

    pub fn as_word(&self) -> Option<&'static str> {
        match self {
            FieldValue::Word(word) => Some(word),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[String]> {
        match self {
            FieldValue::List(list) => Some(list),
            _ => None,
        }
    }

    pub fn into_list(self) -> Option<Vec<String>> {
        match self {
            FieldValue::List(list) => Some(list),
            _ => None,
        }
    }

    pub fn as_zone(&self) -> Option<Tz> {
        match self {
            FieldValue::Zone(tz) => Some(*tz),
            _ => None,
        }
    }

    pub fn as_minutes(&self) -> Option<u32> {
        match self {
            FieldValue::Minutes(minutes) => Some(*minutes),
            _ => None,
        }
    }
}

/// Where the visit pane (or, for a day, the pane without a visit) shows a
/// field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Not shown.
    Hidden,
    /// A "Label  value" row, at this place among the rows.
    Row(u8),
    /// Shown by the pane in a place of its own: the title, the line of
    /// dates and times, the attendees, the notes.
    Own,
}

/// What the skeleton `itinera new` writes for a field the new mission
/// leaves empty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Example {
    /// Nothing.
    Omitted,
    /// The key commented out with this value: `# city = ""`.
    Toml(&'static str),
    /// The key commented out with the mission's first day.
    FirstDay,
}

/// One field of an entity `E`.
pub struct FieldSpec<E: 'static> {
    /// The key in the file.
    pub key: &'static str,
    pub kind: ValueKind,
    /// The label in the edit form and the visit pane.
    pub label: &'static str,
    /// Whether a valid file must have it (and, for text, not blank).
    pub required: bool,
    /// Shown in the form while the field is empty ("HH:MM").
    pub hint: &'static str,
    /// The field's place in the edit form; `None`: not in the form.
    pub form: Option<u8>,
    pub detail: Detail,
    pub example: Example,
    /// The explanation after the example in the skeleton ("" for none; a
    /// choice is explained by its words).
    pub explain: &'static str,
    /// The value, `None` when the file leaves the field out.
    pub get: fn(&E) -> Option<FieldValue>,
    pub set: fn(&mut E, Option<FieldValue>),
}

impl<E> FieldSpec<E> {
    /// An optional field, in no form, pane or skeleton: the entries of the
    /// tables start here.
    pub const fn new(
        key: &'static str,
        kind: ValueKind,
        label: &'static str,
        get: fn(&E) -> Option<FieldValue>,
        set: fn(&mut E, Option<FieldValue>),
    ) -> Self {
        FieldSpec {
            key,
            kind,
            label,
            required: false,
            hint: "",
            form: None,
            detail: Detail::Hidden,
            example: Example::Omitted,
            explain: "",
            get,
            set,
        }
    }

    const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    const fn hint(mut self, hint: &'static str) -> Self {
        self.hint = hint;
        self
    }

    const fn form(mut self, place: u8) -> Self {
        self.form = Some(place);
        self
    }

    const fn row(mut self, place: u8) -> Self {
        self.detail = Detail::Row(place);
        self
    }

    const fn own(mut self) -> Self {
        self.detail = Detail::Own;
        self
    }

    const fn example(mut self, toml: &'static str) -> Self {
        self.example = Example::Toml(toml);
        self
    }

    const fn first_day(mut self) -> Self {
        self.example = Example::FirstDay;
        self
    }

    const fn explain(mut self, explain: &'static str) -> Self {
        self.explain = explain;
        self
    }
}

/// The fields of one kind of entity, in the order the file lists them
/// (the order new entries are written in).
pub struct Schema<E: 'static> {
    /// How the table is named in messages: "[mission]", "[[visits]]".
    pub section: &'static str,
    pub fields: &'static [FieldSpec<E>],
    /// An entity with every optional field absent, to set fields on (the
    /// required ones hold placeholders until they are set).
    pub blank: fn() -> E,
}

impl<E> Schema<E> {
    /// The position of field `key`. Meant for constants, where a key that
    /// is not in the table stops the build.
    pub const fn at(&self, key: &str) -> usize {
        let mut i = 0;
        while i < self.fields.len() {
            if same(self.fields[i].key, key) {
                return i;
            }
            i += 1;
        }
        panic!("no such field");
    }

    pub fn field(&self, key: &str) -> Option<&FieldSpec<E>> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// The keys a table of this entity may have.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + Clone + '_ {
        self.fields.iter().map(|f| f.key)
    }

    /// The fields of the edit form, in its order.
    pub fn form_fields(&self) -> Vec<&FieldSpec<E>> {
        let mut fields: Vec<_> = self.fields.iter().filter(|f| f.form.is_some()).collect();
        fields.sort_by_key(|f| f.form);
        fields
    }

    /// The fields shown as rows of the pane, in its order.
    pub fn detail_rows(&self) -> Vec<&FieldSpec<E>> {
        let place = |f: &FieldSpec<E>| match f.detail {
            Detail::Row(place) => Some(place),
            _ => None,
        };
        let mut fields: Vec<_> = self.fields.iter().filter(|f| place(f).is_some()).collect();
        fields.sort_by_key(|f| place(f));
        fields
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// An optional text member as a value.
fn text(value: &Option<String>) -> Option<FieldValue> {
    value.clone().map(FieldValue::Text)
}

/// A value as an optional text member.
fn text_of(value: Option<FieldValue>) -> Option<String> {
    value.and_then(FieldValue::into_text)
}

fn date_of(value: &Option<FieldValue>) -> Option<NaiveDate> {
    value.as_ref().and_then(FieldValue::as_date)
}

fn zone_of(value: &Option<FieldValue>) -> Option<Tz> {
    value.as_ref().and_then(FieldValue::as_zone)
}

fn minutes_of(value: &Option<FieldValue>) -> Option<u32> {
    value.as_ref().and_then(FieldValue::as_minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check<E>(schema: &Schema<E>) {
        let keys: Vec<_> = schema.keys().collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(!keys[..i].contains(key), "{}: {key} twice", schema.section);
            assert_eq!(schema.at(key), i);
        }
        let places = |place: fn(&FieldSpec<E>) -> Option<u8>| {
            let mut places: Vec<u8> = schema.fields.iter().filter_map(place).collect();
            let count = places.len();
            places.sort();
            places.dedup();
            assert_eq!(
                places.len(),
                count,
                "{}: a place given twice",
                schema.section
            );
        };
        places(|f| f.form);
        places(|f| match f.detail {
            Detail::Row(place) => Some(place),
            _ => None,
        });
        for field in schema.fields {
            if let ValueKind::Time { date_key } = field.kind {
                assert!(schema.field(date_key).is_some(), "{}", field.key);
            }
        }
    }

    #[test]
    fn keys_and_places_are_unique() {
        check(&HEADER);
        check(&DAY);
        check(&PARTICIPANT);
        check(&VISIT);
        check(&PUBLISH);
        check(&ROUTE);
    }

    #[test]
    fn a_choice_reads_any_case_and_its_aliases() {
        let ValueKind::Choice(status) = VISIT.fields[VISIT.at("status")].kind else {
            panic!("status is a choice");
        };
        assert_eq!(status.parse(" Tentative "), Some("tentative"));
        assert_eq!(status.parse("Canceled"), Some("cancelled"));
        assert_eq!(status.parse("maybe"), None);
    }
}
