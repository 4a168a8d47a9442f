//! Rewriting the fields of one table: only values that changed, each in
//! place with the spacing and comment around it, written the way the
//! person wrote the old value.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use toml_edit::{Array, Date, Datetime, Item, TableLike, Time, Value};

use crate::domain::{DayInfo, Header, Kind, Participant, Status, Visit};

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
                }
            },
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

fn string(s: &Option<String>) -> Option<Value> {
    s.as_deref().map(Value::from)
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

pub(super) fn header_fields(h: &Header) -> Fields {
    vec![
        ("title", Some(Value::from(h.title.as_str()))),
        ("start", Some(date(h.start))),
        ("end", Some(date(h.end))),
        ("timezone", h.timezone.map(|tz| Value::from(tz.name()))),
        (
            "home_timezone",
            h.home_timezone.map(|tz| Value::from(tz.name())),
        ),
        ("organizer", string(&h.organizer)),
        ("summary", string(&h.summary)),
    ]
}

pub(super) fn day_fields(d: &DayInfo) -> Fields {
    vec![
        ("date", Some(date(d.date))),
        ("city", string(&d.city)),
        ("lodging", string(&d.lodging)),
        ("notes", string(&d.notes)),
    ]
}

pub(super) fn participant_fields(p: &Participant) -> Fields {
    vec![
        ("id", Some(Value::from(p.id.as_str()))),
        ("name", Some(Value::from(p.name.as_str()))),
        ("organization", string(&p.organization)),
        ("region", string(&p.region)),
        ("role", string(&p.role)),
        ("email", string(&p.email)),
        ("phone", string(&p.phone)),
        ("notes", string(&p.notes)),
    ]
}

/// Defaults (kind "other", status "confirmed", no tags) are not written for
/// new visits; an existing `kind = "workshop"` read as "other" stays as it is
/// until the kind is changed.
pub(super) fn visit_fields(v: &Visit) -> Fields {
    vec![
        ("id", string(&v.id)),
        ("date", Some(date(v.date))),
        ("end_date", v.end_date.map(date)),
        ("start", v.start.map(time)),
        ("end", v.end.map(time)),
        ("title", Some(Value::from(v.title.as_str()))),
        (
            "kind",
            (v.kind != Kind::Other).then(|| Value::from(v.kind.as_str())),
        ),
        (
            "status",
            (v.status != Status::Confirmed).then(|| Value::from(v.status.as_str())),
        ),
        ("city", string(&v.city)),
        ("venue", string(&v.venue)),
        ("address", string(&v.address)),
        ("host", string(&v.host)),
        ("contact", string(&v.contact)),
        ("participants", v.participants.as_deref().map(strings)),
        ("tags", (!v.tags.is_empty()).then(|| strings(&v.tags))),
        ("notes", string(&v.notes)),
    ]
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
    // The layout of the last element before any removal (a new line and
    // its indent, or a space), without the comment lines its prefix may
    // carry.
    let layout = |v: &Value| {
        v.decor()
            .prefix()
            .and_then(|p| p.as_str())
            .map(|p| match p.rfind('\n') {
                Some(at) => format!("\n{}", &p[at + 1..]),
                None => p.to_string(),
            })
    };
    let last_prefix = existing.iter().last().and_then(layout);
    let first_prefix = existing
        .iter()
        .next()
        .and_then(|v| v.decor().prefix()?.as_str().map(str::to_string));
    for i in (0..old.len()).rev() {
        if !new.contains(&old[i].as_str()) {
            let removed = existing.remove(i);
            keep_comments(existing, i, &removed);
        }
    }
    // On one line, the new first element sits where the first one did
    // after `[` (`["a", "b"]` without "a" is `["b"]`, not `[ "b"]`).
    let one_line = |p: &Option<String>| p.as_deref().is_none_or(|p| !p.contains('\n'));
    if let Some(first) = existing.get_mut(0) {
        let own = first
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .map(str::to_string);
        if one_line(&own) && one_line(&first_prefix) {
            if let Some(prefix) = &first_prefix {
                first.decor_mut().set_prefix(prefix.clone());
            }
        }
    }
    // Insert the new elements where they go, laid out like their
    // neighbours.
    for (k, id) in new.iter().enumerate() {
        if kept.contains(id) {
            continue;
        }
        let mut value = Value::from(*id);
        let prefix = match (k, existing.len()) {
            (_, 0) => first_prefix.clone(),
            (0, _) if one_line(&first_prefix) => first_prefix.clone(),
            (0, _) => last_prefix.clone(),
            _ => last_prefix.clone(),
        };
        if let Some(prefix) = prefix {
            value.decor_mut().set_prefix(prefix);
        }
        if k == 0 && !existing.is_empty() && one_line(&first_prefix) {
            // The old first element now follows a comma: one space.
            if let Some(first) = existing.get_mut(0) {
                if one_line(
                    &first
                        .decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .map(str::to_string),
                ) {
                    first.decor_mut().set_prefix(" ");
                }
            }
        }
        existing.insert_formatted(k.min(existing.len()), value);
    }
    true
}
