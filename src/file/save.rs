//! Format-preserving save: the document as read, patched where the mission
//! changed.
//!
//! Each entity is matched to the table it was read from (visits,
//! participants and routes by session key, days by date, the header to
//! `[mission]`).
//! A table whose entity is unchanged is left exactly as it is; for a
//! changed one only the fields whose value changed are rewritten (see
//! [`super::patch`]). Tables of new entities are appended in canonical key
//! order; tables of deleted entities go, with the comments attached to
//! them (headings stay, see [`super::sections`]).
//!
//! Order: toml_edit writes tables by their document position, not by their
//! place in the array. The new order keeps the original position of the
//! longest run of tables that are still in their original relative order
//! (a longest increasing subsequence), and gives every other table (and
//! its sub-tables) the position just after the table before it. An
//! unchanged order therefore keeps every position, and moving one visit
//! moves only that table's lines. Positions are renumbered afterwards, so
//! the next save starts from a clean order.
//!
//! Rendering updates the baseline in place: tables are moved, never
//! copied, so a save costs about as much as writing the text out, whatever
//! the size of the mission.

use std::collections::HashMap;

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table};

use super::Base;
use super::order::{
    assign_positions, deepest, longest_increasing, renumber, set_position_deep, visit_tables,
};
use super::patch::{Fields, fields, patch};
use super::sections;
use crate::domain::schema::{DAY, HEADER, PARTICIPANT, PUBLISH, ROUTE, VISIT};
use crate::domain::{DayInfo, Key, Mission, Participant, Publish, Route, Visit};

pub(super) fn render(base: &mut Base, mission: &Mission) -> String {
    // Nothing changed since the file was read: its own text, exactly.
    if let Some(raw) = base.raw().filter(|_| base.mission == *mission) {
        return base.layout.apply(raw);
    }
    let old = std::mem::replace(&mut base.mission, mission.clone());
    let visit_tables = std::mem::take(&mut base.visit_tables);
    let participant_tables = std::mem::take(&mut base.participant_tables);
    let route_tables = std::mem::take(&mut base.route_tables);
    let mut dead_visits = std::mem::take(&mut base.dead_visits);
    let mut dead_participants = std::mem::take(&mut base.dead_participants);
    let mut dead_routes = std::mem::take(&mut base.dead_routes);
    let doc = base.patched();
    let root = doc.as_table_mut();
    match root.get_mut("mission").and_then(Item::as_table_like_mut) {
        Some(table) => patch(
            table,
            &fields(&HEADER, &old.header),
            &fields(&HEADER, &mission.header),
        ),
        None => {
            let mut table = Table::new();
            patch(&mut table, &Vec::new(), &fields(&HEADER, &mission.header));
            root.insert("mission", Item::Table(table));
        }
    }
    sync_publish(root, old.publish.as_ref(), mission.publish.as_ref());
    let day_tables: HashMap<NaiveDate, usize> = old
        .days
        .iter()
        .enumerate()
        .map(|(i, d)| (d.date, i))
        .collect();
    let orphans = [
        sync(
            root,
            "days",
            &old.days,
            &mission.days,
            |d| day_tables.get(&d.date).copied(),
            &mut HashMap::new(),
        ),
        sync(
            root,
            "participants",
            &old.participants,
            &mission.participants,
            |p| participant_tables.get(&p.key).copied(),
            &mut dead_participants,
        ),
        sync(
            root,
            "visits",
            &old.visits,
            &mission.visits,
            |v| visit_tables.get(&v.key).copied(),
            &mut dead_visits,
        ),
        sync(
            root,
            "routes",
            &old.routes,
            &mission.routes,
            |r| route_tables.get(&r.key).copied(),
            &mut dead_routes,
        ),
    ];
    for orphan in orphans.into_iter().flatten() {
        place_orphan(doc, orphan);
    }
    trailing_before_new_tables(doc);
    renumber(doc);
    let written = base.patched().to_string();
    let text = base.layout.apply(&written);
    base.index_keys();
    base.dead_visits = dead_visits;
    base.dead_participants = dead_participants;
    base.dead_routes = dead_routes;
    text
}

/// The `[publish]` table: patched in place, written right after
/// `[mission]` when new, removed when gone.
fn sync_publish(root: &mut Table, old: Option<&Publish>, new: Option<&Publish>) {
    if old == new {
        return;
    }
    let Some(new) = new else {
        root.remove("publish");
        return;
    };
    let old = old.map(|o| fields(&PUBLISH, o)).unwrap_or_default();
    match root.get_mut("publish").and_then(Item::as_table_like_mut) {
        Some(table) => patch(table, &old, &fields(&PUBLISH, new)),
        None => {
            let mut table = Table::new();
            patch(&mut table, &old, &fields(&PUBLISH, new));
            // Tables are written in the order of their positions, the
            // earlier in the document first among equals.
            let after = root
                .get("mission")
                .and_then(Item::as_table)
                .and_then(Table::position);
            table.set_position(after);
            root.insert("publish", Item::Table(table));
        }
    }
}

/// Tables of deleted entities, by key, with the entity they were written
/// for: an undo after a save brings the entity back with its own table
/// (comments, unknown keys and formatting), not a fresh one.
pub(super) type Graveyard<T> = HashMap<Key, Buried<T>>;

/// A deleted entity's table, the entity, and the heading its table had.
#[derive(Clone, Debug)]
pub(crate) struct Buried<T> {
    table: Table,
    entity: T,
    section: String,
}

/// Heading comments left without a table below them, and the position of
/// the array's last table when they were written.
pub(super) struct Orphan {
    pub(super) comments: String,
    pub(super) after: isize,
}

/// What a save needs of an entity of a list, beside its fields.
trait Listed: PartialEq + Clone {
    fn fields(&self) -> Fields;

    /// The day its heading comments belong to (a visit's date).
    fn group(&self) -> Option<NaiveDate> {
        None
    }

    /// Its session key, to find its table again after a delete and an
    /// undo (days are found by date, and have none).
    fn key(&self) -> Option<Key> {
        None
    }
}

impl Listed for DayInfo {
    fn fields(&self) -> Fields {
        fields(&DAY, self)
    }
}

impl Listed for Participant {
    fn fields(&self) -> Fields {
        fields(&PARTICIPANT, self)
    }

    fn key(&self) -> Option<Key> {
        Some(self.key)
    }
}

impl Listed for Route {
    fn fields(&self) -> Fields {
        fields(&ROUTE, self)
    }

    fn key(&self) -> Option<Key> {
        Some(self.key)
    }
}

impl Listed for Visit {
    fn fields(&self) -> Fields {
        fields(&VISIT, self)
    }

    fn group(&self) -> Option<NaiveDate> {
        Some(self.date)
    }

    fn key(&self) -> Option<Key> {
        Some(self.key)
    }
}

/// The tables of a list in their new order, and for each where it came
/// from and whether its content is unchanged; tables brought back from
/// the graveyard, with their headings.
struct Matched {
    tables: Vec<Table>,
    origins: Vec<Option<usize>>,
    unchanged: Vec<bool>,
    returned: Vec<(usize, String)>,
}

/// Takes the array of tables `name` out of `root`.
fn take_tables(root: &mut Table, name: &str) -> Vec<Table> {
    match root.get_mut(name) {
        Some(item @ Item::ArrayOfTables(_)) => match std::mem::replace(item, Item::None) {
            Item::ArrayOfTables(aot) => aot.into_iter().collect(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// The table of each of `items`: its own table from `slots` (patched
/// where it changed), the one it had before it was deleted, or a new one.
fn match_tables<T: Listed>(
    slots: &mut [Option<Table>],
    old: &[T],
    items: &[T],
    origin: impl Fn(&T) -> Option<usize>,
    graveyard: &mut Graveyard<T>,
) -> Matched {
    let mut matched = Matched {
        tables: Vec::with_capacity(items.len()),
        origins: Vec::with_capacity(items.len()),
        unchanged: Vec::with_capacity(items.len()),
        returned: Vec::new(),
    };
    for item in items {
        let from = origin(item).filter(|&i| slots.get(i).is_some_and(Option::is_some));
        let mut same = true;
        let table = match from.and_then(|i| Some((i, slots[i].take()?))) {
            Some((i, mut table)) => {
                if let Some(before) = old.get(i).filter(|before| *before != item) {
                    patch(&mut table, &before.fields(), &item.fields());
                    same = false;
                }
                table
            }
            None => match item.key().and_then(|k| graveyard.remove(&k)) {
                // Deleted, saved, and now back (an undo): its own table.
                Some(Buried {
                    mut table,
                    entity,
                    section,
                }) => {
                    set_position_deep(&mut table, None);
                    if entity != *item {
                        patch(&mut table, &entity.fields(), &item.fields());
                    }
                    matched.returned.push((matched.tables.len(), section));
                    table
                }
                None => {
                    let mut table = Table::new();
                    patch(&mut table, &Vec::new(), &item.fields());
                    table
                }
            },
        };
        matched.origins.push(from);
        matched.unchanged.push(same);
        matched.tables.push(table);
    }
    matched
}

/// Rebuilds the array of tables `name` for `items` (the tables of `old` as
/// read): matched tables patched, new ones created, positions assigned as
/// described in the module docs.
fn sync<T: Listed>(
    root: &mut Table,
    name: &str,
    old: &[T],
    items: &[T],
    origin: impl Fn(&T) -> Option<usize>,
    graveyard: &mut Graveyard<T>,
) -> Option<Orphan> {
    let old_tables = take_tables(root, name);
    let end = old_tables.iter().filter_map(deepest).max();
    let orphan = |comments: String| {
        end.filter(|_| !comments.is_empty())
            .map(|after| Orphan { comments, after })
    };
    if items.is_empty() {
        root.remove(name);
        let comments = sections::headings(&old_tables);
        bury(old_tables.into_iter().map(Some).collect(), old, graveyard);
        return orphan(comments);
    }
    let mut slots: Vec<Option<Table>> = old_tables.into_iter().map(Some).collect();
    let Matched {
        mut tables,
        origins,
        unchanged,
        returned,
    } = match_tables(&mut slots, old, items, origin, graveyard);
    let positions: Vec<Option<isize>> = tables.iter().map(Table::position).collect();
    let kept = longest_increasing(&positions, &unchanged);
    let mut left = None;
    if kept.iter().any(|k| !k) || slots.iter().any(Option::is_some) {
        let groups: Vec<Option<NaiveDate>> = items.iter().map(Listed::group).collect();
        let comments = sections::anchor(&mut tables, &origins, &kept, &slots, &groups);
        sections::restore(&mut tables, &returned);
        left = orphan(comments);
    }
    bury(slots, old, graveyard);
    let ends: Vec<Option<isize>> = tables.iter().map(deepest).collect();
    let new_positions = assign_positions(&positions, &ends, &kept);
    for (j, position) in new_positions.into_iter().enumerate() {
        if !kept[j] {
            set_position_deep(&mut tables[j], position);
        }
    }
    let mut aot = ArrayOfTables::new();
    for table in tables {
        aot.push(table);
    }
    root.insert(name, Item::ArrayOfTables(aot));
    left
}

/// Keeps the tables of deleted entities (those left in `slots`), without
/// the headings above them, which stay in the file.
fn bury<T: Listed>(slots: Vec<Option<Table>>, old: &[T], graveyard: &mut Graveyard<T>) {
    for (i, table) in slots.into_iter().enumerate() {
        let (Some(mut table), Some(entity)) = (table, old.get(i)) else {
            continue;
        };
        if let Some(k) = entity.key() {
            let section = sections::strip_section(&mut table);
            let section = if section.lines().any(|l| l.trim_start().starts_with('#')) {
                section
            } else {
                String::new()
            };
            graveyard.insert(
                k,
                Buried {
                    table,
                    entity: entity.clone(),
                    section,
                },
            );
        }
    }
}

/// Puts headings whose tables are gone above the first table written after
/// where they were, or at the end of the file.
fn place_orphan(doc: &mut DocumentMut, orphan: Orphan) {
    let mut best: Option<isize> = None;
    visit_tables(doc.as_table_mut(), &mut |t, _| {
        if let Some(p) = t.position().filter(|&p| p > orphan.after) {
            best = Some(best.map_or(p, |b: isize| b.min(p)));
        }
    });
    let mut placed = false;
    if let Some(target) = best {
        visit_tables(doc.as_table_mut(), &mut |t, _| {
            if !placed && t.position() == Some(target) {
                sections::add_section(t, &orphan.comments);
                placed = true;
            }
        });
    }
    if !placed {
        let trailing = doc.trailing().as_str().unwrap_or("").to_string();
        let comments = orphan.comments.trim_end_matches('\n');
        doc.set_trailing(format!("{comments}\n{trailing}"));
    }
}

/// When new tables go at the very end of the file, the text that ended the
/// file (comments after the last table's values) goes above them, where it
/// was: otherwise it would be written after the new tables. When several
/// lists get their first tables there, each takes the part of that text
/// from the paragraph that mentions it (`# [[visits]]`), so a skeleton's
/// commented examples stay above the tables they describe.
fn trailing_before_new_tables(doc: &mut DocumentMut) {
    let trailing = doc.trailing().as_str().unwrap_or("").to_string();
    if !has_comment(&trailing) {
        return;
    }
    // Lists whose tables are all new and written after every table of the
    // file as read: their first tables, in the order they are written.
    let (mut new_lists, mut positioned_after) = (Vec::new(), false);
    for (name, item) in doc.as_table().iter() {
        let Some(aot) = item.as_array_of_tables() else {
            continue;
        };
        let all_new = aot.iter().all(|t| t.position().is_none());
        if all_new && !aot.is_empty() {
            new_lists.push(name.to_string());
        } else if !new_lists.is_empty() {
            positioned_after = true;
        }
    }
    if new_lists.is_empty() || positioned_after {
        return;
    }
    // Where each list's part starts: the paragraph naming it.
    let mut cuts: Vec<usize> = vec![0];
    for name in &new_lists[1..] {
        let at = trailing
            .find(&format!("[[{name}]]"))
            .map(|at| trailing[..at].rfind("\n\n").map_or(0, |p| p + 1))
            .filter(|&at| at >= *cuts.last().unwrap_or(&0));
        cuts.push(at.unwrap_or(*cuts.last().unwrap_or(&0)));
    }
    cuts.push(trailing.len());
    for (i, name) in new_lists.iter().enumerate() {
        let piece = &trailing[cuts[i]..cuts[i + 1]];
        let Some(first) = doc
            .get_mut(name)
            .and_then(Item::as_array_of_tables_mut)
            .and_then(|aot| aot.get_mut(0))
        else {
            continue;
        };
        let own = first
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("\n");
        let own = own.trim_start_matches(['\n', '\r']).to_string();
        let gap = if piece.is_empty() || piece.ends_with("\n\n") {
            ""
        } else {
            "\n"
        };
        let piece = if i > 0 {
            piece.trim_start_matches('\n')
        } else {
            piece
        };
        let lead = if i > 0 && !piece.is_empty() { "\n" } else { "" };
        first
            .decor_mut()
            .set_prefix(format!("{lead}{piece}{gap}{own}"));
    }
    doc.set_trailing("");
}

fn has_comment(text: &str) -> bool {
    text.lines().any(|l| l.trim_start().starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Kind, Visit};
    use crate::file::parse;
    use chrono::NaiveTime;

    const HEAD: &str =
        "format = 1\n\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";

    /// The text after `change` is applied to the mission read from `text`.
    fn saved(text: &str, change: impl FnOnce(&mut Mission)) -> String {
        let mut parsed = parse(text).expect("valid mission");
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
    fn a_new_id_goes_on_top_of_its_table_and_leaves_no_trace_when_removed() {
        let text = format!(
            "{HEAD}\n[[visits]]\n# the morning\ndate = 2022-11-14 # Monday\ntitle = \"V\"\n\n[[visits]]\ndate = 2022-11-15\ntitle = \"W\"\n"
        );
        let mut parsed = parse(&text).expect("valid mission");
        let mut mission = parsed.mission.clone();
        mission.visits[0].id = Some("2022-11-14-v".into());
        let out = parsed.base.render(&mission);
        assert_eq!(
            out,
            text.replace(
                "[[visits]]\n# the morning",
                "[[visits]]\nid = \"2022-11-14-v\"\n# the morning"
            )
        );
        assert_eq!(parsed.base.render(&parsed.mission), text);
    }

    #[test]
    fn the_publish_table_is_patched_in_place_added_after_the_mission_and_removed() {
        let days = "\n# --- Days ---\n[[days]]\ndate = 2022-11-14\n";
        let table = "\n[publish]  # the delegation's calendar\nurl = 'https://dav.example.org/a/japan/'\nuser = \"alice\"\n";
        let text = format!("{HEAD}{table}{days}");
        let out = saved(&text, |m| {
            if let Some(p) = &mut m.publish {
                p.user = Some("bob".into());
            }
        });
        assert_eq!(out, text.replace("\"alice\"", "\"bob\""));
        let out = saved(&text, |m| m.publish = None);
        assert_eq!(out, format!("{HEAD}{days}"));
        let out = saved(&format!("{HEAD}{days}"), |m| {
            m.publish = Some(Publish {
                url: "https://dav.example.org/a/japan/".into(),
                user: None,
            })
        });
        assert_eq!(
            out,
            format!("{HEAD}\n[publish]\nurl = \"https://dav.example.org/a/japan/\"\n{days}")
        );
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
}
