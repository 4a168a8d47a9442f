//! Format-preserving save: the document as read, patched where the mission
//! changed.
//!
//! Each entity is matched to the table it was read from (visits and
//! participants by session key, days by date, the header to `[mission]`).
//! For a matched table only the fields whose value changed are rewritten,
//! and a rewritten value keeps the comment and spacing around it. Tables of
//! new entities are appended in canonical key order; tables of deleted
//! entities go, with their comments.
//!
//! Order: toml_edit writes tables by their document position, not by their
//! place in the array. The new order keeps the original position of the
//! longest run of tables that are still in their original relative order
//! (a longest increasing subsequence), and gives every other table the
//! position of the table before it. An unchanged order therefore keeps every
//! position, and moving one visit moves only that table's lines, with the
//! comments above it.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use toml_edit::{Array, ArrayOfTables, Date, Datetime, Item, Table, TableLike, Time, Value};

use super::Base;
use crate::domain::{DayInfo, Header, Kind, Mission, Participant, Status, Visit, format_time};

/// A table's fields as TOML values, in canonical order; `None` for absent.
type Fields = Vec<(&'static str, Option<Value>)>;

pub(super) fn render(base: &Base, mission: &Mission) -> String {
    let mut doc = base.doc.clone();
    let root = doc.as_table_mut();
    match root.get_mut("mission").and_then(Item::as_table_like_mut) {
        Some(table) => patch(
            table,
            &header_fields(&base.mission.header),
            &header_fields(&mission.header),
        ),
        None => {
            let mut table = Table::new();
            patch(&mut table, &Vec::new(), &header_fields(&mission.header));
            root.insert("mission", Item::Table(table));
        }
    }

    let day_tables: HashMap<NaiveDate, usize> = base
        .mission
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| (d.date, i))
        .collect();
    sync(
        root,
        "days",
        &mission.days,
        |d| day_tables.get(&d.date).copied(),
        |i| day_fields(&base.mission.days[i]),
        day_fields,
    );
    sync(
        root,
        "participants",
        &mission.participants,
        |p| base.participant_tables.get(&p.key).copied(),
        |i| participant_fields(&base.mission.participants[i]),
        participant_fields,
    );
    sync(
        root,
        "visits",
        &mission.visits,
        |v| base.visit_tables.get(&v.key).copied(),
        |i| visit_fields(&base.mission.visits[i]),
        visit_fields,
    );
    base.layout.apply(&doc.to_string())
}

/// Rebuilds the array of tables `name` for `items`: matched tables patched,
/// new ones created, positions assigned as described in the module docs.
fn sync<T>(
    root: &mut Table,
    name: &str,
    items: &[T],
    origin: impl Fn(&T) -> Option<usize>,
    old_fields: impl Fn(usize) -> Fields,
    new_fields: impl Fn(&T) -> Fields,
) {
    let old_tables: Vec<Table> = root
        .get(name)
        .and_then(Item::as_array_of_tables)
        .map(|aot| aot.iter().cloned().collect())
        .unwrap_or_default();
    if items.is_empty() {
        root.remove(name);
        return;
    }
    let mut tables = Vec::with_capacity(items.len());
    let mut origins = Vec::with_capacity(items.len());
    for item in items {
        let from = origin(item).filter(|&i| i < old_tables.len());
        origins.push(from);
        let table = match from.and_then(|i| Some((i, old_tables.get(i)?))) {
            Some((i, old)) => {
                let mut table = old.clone();
                patch(&mut table, &old_fields(i), &new_fields(item));
                table
            }
            None => {
                let mut table = Table::new();
                patch(&mut table, &Vec::new(), &new_fields(item));
                table
            }
        };
        tables.push(table);
    }
    let positions: Vec<Option<isize>> = tables.iter().map(Table::position).collect();
    let kept = longest_increasing(&positions);
    if kept.iter().any(|k| !k) || tables.len() != old_tables.len() {
        super::sections::anchor(&mut tables, &origins, &kept, &old_tables);
    }
    for (table, position) in tables.iter_mut().zip(assign_positions(&positions, &kept)) {
        table.set_position(position);
    }
    let mut aot = ArrayOfTables::new();
    for table in tables {
        aot.push(table);
    }
    root.insert(name, Item::ArrayOfTables(aot));
}

/// Positions for tables in their new order, given their original positions
/// (`None` for new tables): the longest increasing run keeps its positions,
/// every other table takes the position of the one before it (or of the
/// first kept table, if none is before it), so it is written right after it.
fn assign_positions(original: &[Option<isize>], keep: &[bool]) -> Vec<Option<isize>> {
    let first_kept = keep.iter().position(|&k| k).and_then(|i| original[i]);
    let mut previous = first_kept;
    original
        .iter()
        .zip(keep)
        .map(|(&pos, &kept)| {
            if kept {
                previous = pos;
            }
            previous
        })
        .collect()
}

/// Marks a longest strictly increasing subsequence of the `Some` values.
fn longest_increasing(values: &[Option<isize>]) -> Vec<bool> {
    // tails[k]: index of the smallest tail of an increasing run of length k+1.
    let mut tails: Vec<usize> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; values.len()];
    for (i, value) in values.iter().enumerate() {
        let Some(v) = value else { continue };
        let k = tails.partition_point(|&t| values[t].is_some_and(|tv| tv < *v));
        parent[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; values.len()];
    let mut at = tails.last().copied();
    while let Some(i) = at {
        keep[i] = true;
        at = parent[i];
    }
    keep
}

/// Rewrites the fields of `table` whose value differs between `old` and
/// `new`. Unchanged fields, unknown keys and comments are left alone.
fn patch(table: &mut dyn TableLike, old: &Fields, new: &Fields) {
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
                            Value::from(format_time(time))
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

fn header_fields(h: &Header) -> Fields {
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

fn day_fields(d: &DayInfo) -> Fields {
    vec![
        ("date", Some(date(d.date))),
        ("city", string(&d.city)),
        ("lodging", string(&d.lodging)),
        ("notes", string(&d.notes)),
    ]
}

fn participant_fields(p: &Participant) -> Fields {
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
fn visit_fields(v: &Visit) -> Fields {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file::parse;

    const HEAD: &str =
        "format = 1\n\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";

    /// The text after `change` is applied to the mission read from `text`.
    fn saved(text: &str, change: impl FnOnce(&mut Mission)) -> String {
        let parsed = parse(text).expect("valid mission");
        let mut mission = parsed.mission.clone();
        change(&mut mission);
        parsed.base.render(&mission)
    }

    fn time(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M:%S").expect("time")
    }

    #[test]
    fn a_changed_value_keeps_its_key_spacing_and_comment() {
        let text = "format = 1\n\n[mission]\ntitle='A'   # the name\nstart  =  2022-11-14\nend = 2022-11-18\n";
        let out = saved(text, |m| {
            m.header.title = "B".into();
            m.header.start = NaiveDate::from_ymd_opt(2022, 11, 13).expect("date");
        });
        assert_eq!(
            out,
            text.replace("title='A'", "title=\"B\"")
                .replace("2022-11-14", "2022-11-13")
        );
    }

    #[test]
    fn a_time_string_keeps_its_seconds_or_their_absence() {
        let text = format!(
            "{HEAD}\n[[visits]]\ndate = 2022-11-14\nstart = \"09:30:00\" # sharp\nend = \"10:30\"\ntitle = \"V\"\n"
        );
        let out = saved(&text, |m| {
            m.visits[0].start = Some(time("09:45:00"));
            m.visits[0].end = Some(time("11:00:00"));
        });
        assert_eq!(
            out,
            text.replace("\"09:30:00\"", "\"09:45:00\"")
                .replace("\"10:30\"", "\"11:00\"")
        );
        // A time with seconds is not cut to minutes.
        let out = saved(&text, |m| m.visits[0].end = Some(time("11:00:30")));
        assert!(out.contains("end = \"11:00:30\"\n"), "{out}");
    }

    #[test]
    fn a_changed_bare_time_is_written_with_seconds() {
        // `09:30` is TOML 1.1; `09:45:00` is read by TOML 1.0 tools too.
        let text = format!(
            "{HEAD}\n[[visits]]\ndate = 2022-11-14\nstart = 09:30\nend = 10:30\ntitle = \"V\"\n"
        );
        let out = saved(&text, |m| m.visits[0].start = Some(time("09:45:00")));
        assert_eq!(out, text.replace("start = 09:30", "start = 09:45:00"));
    }

    #[test]
    fn changing_one_field_of_a_sample_visit_changes_one_line() {
        let text = include_str!("../../data/clust-er-health-japan-2022.toml");
        for change in [
            (|v: &mut Visit| v.title.push_str(" (moved)")) as fn(&mut Visit),
            |v| v.start = Some(time("08:15:00")),
            |v| v.host = Some("NCVC Open Innovation Center".into()),
            |v| v.kind = Kind::Meeting,
        ] {
            let out = saved(text, |m| change(&mut m.visits[3]));
            let before: Vec<&str> = text.lines().collect();
            let after: Vec<&str> = out.lines().collect();
            assert_eq!(before.len(), after.len(), "{out}");
            let changed: Vec<(&str, &str)> = before
                .iter()
                .zip(&after)
                .filter(|(a, b)| a != b)
                .map(|(a, b)| (*a, *b))
                .collect();
            assert_eq!(changed.len(), 1, "{changed:#?}");
        }
    }

    fn positions(original: &[Option<isize>]) -> Vec<Option<isize>> {
        assign_positions(original, &longest_increasing(original))
    }

    #[test]
    fn positions_keep_the_longest_ordered_run() {
        // Unchanged order keeps everything.
        let same = [Some(3), Some(4), Some(5)];
        assert_eq!(positions(&same), same);
        // The last table moved first: it takes the first kept position and
        // is written before that table (ties keep array order).
        assert_eq!(
            positions(&[Some(5), Some(3), Some(4)]),
            [Some(3), Some(3), Some(4)]
        );
        // A new table follows the table before it.
        assert_eq!(
            positions(&[Some(3), None, Some(4)]),
            [Some(3), Some(3), Some(4)]
        );
        // Only new tables: no positions, written at the end.
        assert_eq!(positions(&[None, None]), [None, None]);
    }
}
