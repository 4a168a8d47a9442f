//! Rewriting the fields of one table: only values that changed, each in
//! place with the spacing and comment around it, written the way the
//! person wrote the old value.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use toml_edit::{Array, Date, Datetime, Item, Key, TableLike, Time, Value};

use crate::domain::schema::{FieldValue, Schema};

/// A table's fields as TOML values, in canonical order; `None` for absent.
pub(super) type Fields = Vec<(&'static str, Option<Value>)>;

/// Rewrites the fields of `table` whose value differs between `old` and
/// `new`. Unchanged fields, unknown keys and comments are left alone.
pub(super) fn patch(table: &mut dyn TableLike, old: &Fields, new: &Fields) {
    let old: HashMap<&str, String> = old
        .iter()
        .filter_map(|(k, v)| Some((*k, v.as_ref()?.to_string())))
        .collect();
    for (key, value) in new {
        let unchanged = match (old.get(key), value) {
            (Some(before), Some(after)) => *before == after.to_string(),
            (None, None) => true,
            _ => false,
        };
        if unchanged {
            continue;
        }
        match value {
            None => {
                table.remove(key);
            }
            // An existing value is replaced in place, so the key keeps its
            // spelling and the spacing around `=`, and the value keeps the
            // comment after it.
            Some(value) => match table.get_mut(key) {
                Some(Item::Value(existing)) => {
                    if let (Value::Array(array), Some(new)) = (&mut *existing, value.as_array()) {
                        if edit_in_place(array, new) {
                            continue;
                        }
                    }
                    let mut value = restyle(existing, value.clone());
                    *value.decor_mut() = existing.decor().clone();
                    *existing = value;
                }
                _ => {
                    table.insert(key, Item::Value(value.clone()));
                    // A visit's new `id` goes on top, where ids are written.
                    if new.first().is_some_and(|(first, _)| first == key) {
                        lead_with(table, key);
                    }
                }
            },
        }
    }
}

/// Moves `key` to the top of `table`; the other keys keep their order,
/// spelling and comments.
fn lead_with(table: &mut dyn TableLike, key: &str) {
    let others: Vec<Key> = table
        .iter()
        .filter(|(k, _)| *k != key)
        .filter_map(|(k, _)| table.key(k).cloned())
        .collect();
    for other in others {
        if let Some(item) = table.remove(other.get()) {
            table.entry_format(&other).or_insert(item);
        }
    }
}

/// A new value written the way the person wrote the old one: a time or date
/// that was a string stays a string, and a time string keeps its seconds
/// ("09:30:00" -> "09:45:00") or goes without ("09:30" -> "09:45", unless
/// the new time has seconds).
fn restyle(existing: &Value, value: Value) -> Value {
    match (existing, &value) {
        (Value::String(old), Value::Datetime(dt)) => {
            let dt = dt.value();
            match (dt.date, dt.time) {
                (None, Some(t)) => match NaiveTime::from_hms_opt(
                    t.hour.into(),
                    t.minute.into(),
                    t.second.unwrap_or(0).into(),
                ) {
                    Some(time) if t.nanosecond.unwrap_or(0) == 0 => {
                        let with_seconds = old.value().trim().matches(':').count() >= 2;
                        if with_seconds || time.second() != 0 {
                            Value::from(time.format("%H:%M:%S").to_string())
                        } else {
                            Value::from(time.format("%H:%M").to_string())
                        }
                    }
                    _ => Value::from(dt.to_string()),
                },
                _ => Value::from(dt.to_string()),
            }
        }
        _ => value,
    }
}

/// A table's fields as TOML values, in the order of `schema`: one
/// generic walk for every entity. Defaults (kind "other", status
/// "confirmed", no tags) are absent, so they are not written for new
/// entries; an existing `kind = "workshop"` read as "other" stays as it
/// is until the kind is changed.
pub(super) fn fields<E>(schema: &Schema<E>, entity: &E) -> Fields {
    schema
        .fields
        .iter()
        .map(|field| (field.key, (field.get)(entity).map(toml)))
        .collect()
}

/// A value as TOML writes it.
pub(super) fn toml(value: FieldValue) -> Value {
    match value {
        FieldValue::Text(text) => Value::from(text),
        FieldValue::Date(d) => date(d),
        FieldValue::Time(t) => time(t),
        FieldValue::Word(word) => Value::from(word),
        FieldValue::List(list) => strings(&list),
        FieldValue::Zone(tz) => Value::from(tz.name()),
        FieldValue::Minutes(minutes) => Value::from(i64::from(minutes)),
    }
}

fn date(d: NaiveDate) -> Value {
    let date = Date {
        year: d.year() as u16,
        month: d.month() as u8,
        day: d.day() as u8,
    };
    Value::from(Datetime {
        date: Some(date),
        time: None,
        offset: None,
    })
}

fn time(t: NaiveTime) -> Value {
    let nanos = t.nanosecond();
    let time = Time {
        hour: t.hour() as u8,
        minute: t.minute() as u8,
        second: Some(t.second() as u8),
        nanosecond: (nanos != 0).then_some(nanos),
    };
    Value::from(Datetime {
        date: None,
        time: Some(time),
        offset: None,
    })
}

fn strings(list: &[String]) -> Value {
    Value::Array(Array::from_iter(list.iter().map(String::as_str)))
}

/// Comment lines written above a removed list element stay in the list:
/// above the element that took its place, or before the closing bracket.
fn keep_comments(array: &mut Array, at: usize, removed: &Value) {
    let prefix = removed
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or("");
    let Some(end) = prefix.rfind('\n') else {
        return;
    };
    let comments = &prefix[..=end];
    if !comments.contains('#') {
        return;
    }
    match array.get_mut(at) {
        Some(next) => {
            let own = next.decor().prefix().and_then(|p| p.as_str()).unwrap_or("");
            let own = own.strip_prefix('\n').unwrap_or(own).to_string();
            next.decor_mut().set_prefix(format!("{comments}{own}"));
        }
        None => {
            let trailing = array.trailing().as_str().unwrap_or("").to_string();
            let trailing = trailing.strip_prefix('\n').unwrap_or(&trailing).to_string();
            array.set_trailing(format!("{comments}{trailing}"));
        }
    }
}

/// Turns `existing` into `new` element by element, so that every element
/// that stays keeps its line, spacing and comments: either the same number
/// of elements with some replaced (a renamed participant), or some removed
/// and some appended (people unticked and ticked). Appended elements are
/// laid out like the array's last element was. Returns false, changing
/// nothing, for any other change (such as a new order).
fn edit_in_place(existing: &mut Array, new: &Array) -> bool {
    let old: Vec<String> = existing
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    let new: Vec<&str> = new.iter().filter_map(Value::as_str).collect();
    if old.len() != existing.len() {
        return false;
    }
    // Replaced in place, position by position.
    if old.len() == new.len() {
        for (i, id) in new.iter().enumerate() {
            if old[i] != *id {
                if let Some(value) = existing.get_mut(i) {
                    let decor = value.decor().clone();
                    *value = Value::from(*id);
                    *value.decor_mut() = decor;
                }
            }
        }
        return true;
    }
    let kept: Vec<&str> = old
        .iter()
        .map(String::as_str)
        .filter(|o| new.contains(o))
        .collect();
    // The elements that stay must stay in the same order.
    let staying: Vec<&str> = new.iter().copied().filter(|n| kept.contains(n)).collect();
    if staying != kept {
        return false;
    }
    let layout = Layout::of(existing);
    for i in (0..old.len()).rev() {
        if !new.contains(&old[i].as_str()) {
            let removed = existing.remove(i);
            keep_comments(existing, i, &removed);
        }
    }
    layout.restore_first(existing);
    layout.insert(existing, &new, &kept);
    true
}

/// The prefix written before an element (spacing, comment lines).
fn prefix(v: &Value) -> Option<String> {
    v.decor().prefix()?.as_str().map(str::to_string)
}

/// Whether a prefix keeps its element on the line before it.
fn one_line(prefix: &Option<String>) -> bool {
    prefix.as_deref().is_none_or(|p| !p.contains('\n'))
}

/// How an array's elements were laid out before any was removed.
struct Layout {
    /// The first element's prefix.
    first: Option<String>,
    /// The layout of the last element (a new line and its indent, or a
    /// space), without the comment lines its prefix may carry.
    last: Option<String>,
}

impl Layout {
    fn of(array: &Array) -> Self {
        let last = array
            .iter()
            .last()
            .and_then(prefix)
            .map(|p| match p.rfind('\n') {
                Some(at) => format!("\n{}", &p[at + 1..]),
                None => p,
            });
        Layout {
            first: array.iter().next().and_then(prefix),
            last,
        }
    }

    /// On one line, the new first element sits where the first one did
    /// after `[` (`["a", "b"]` without "a" is `["b"]`, not `[ "b"]`).
    fn restore_first(&self, array: &mut Array) {
        if let Some(first) = array.get_mut(0) {
            if one_line(&prefix(first)) && one_line(&self.first) {
                if let Some(prefix) = &self.first {
                    first.decor_mut().set_prefix(prefix.clone());
                }
            }
        }
    }

    /// Inserts the elements of `new` not `kept` where they go, laid out
    /// like their neighbours.
    fn insert(&self, array: &mut Array, new: &[&str], kept: &[&str]) {
        for (k, id) in new.iter().enumerate() {
            if kept.contains(id) {
                continue;
            }
            let mut value = Value::from(*id);
            let before = match (k, array.len()) {
                (_, 0) => self.first.clone(),
                (0, _) if one_line(&self.first) => self.first.clone(),
                _ => self.last.clone(),
            };
            if let Some(before) = before {
                value.decor_mut().set_prefix(before);
            }
            if k == 0 && !array.is_empty() && one_line(&self.first) {
                // The old first element now follows a comma: one space.
                if let Some(first) = array.get_mut(0) {
                    if one_line(&prefix(first)) {
                        first.decor_mut().set_prefix(" ");
                    }
                }
            }
            array.insert_formatted(k.min(array.len()), value);
        }
    }
}
