//! What changed between two versions of a mission, as data: which visits
//! were added, removed, cancelled, reinstated, moved or changed, who was
//! added to or dropped from them, and what changed in the header and the
//! days. Renderers (`crate::diff`) turn [`Changes`] into text.
//!
//! Visits are matched by id ([`Mission::visit_ids`]); the visits left over
//! are paired by fallback rules (`pair.rs`), so that a visit whose generated
//! id changed with its title or date is not reported as removed and added.

mod fields;
mod pair;

pub use fields::{Field, day_fields, header_fields, visit_fields};

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;

use super::{DayInfo, Mission, Status, Visit};
use fields::changed_fields;

/// Everything that differs between an old and a new mission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Changes {
    /// The new mission's title and dates, for the report's heading.
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The person the report is limited to ([`compare_for`]).
    pub participant: Option<Person>,
    /// The old and new dates, when they changed.
    pub dates: Option<((NaiveDate, NaiveDate), (NaiveDate, NaiveDate))>,
    /// The other header fields that changed ([`header_fields`]).
    pub header: Vec<FieldChange>,
    /// People in the new delegation only, and in the old one only.
    pub joined: Vec<Person>,
    pub left: Vec<Person>,
    /// The days with changes, in date order.
    pub days: Vec<DayChanges>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.dates.is_none()
            && self.header.is_empty()
            && self.joined.is_empty()
            && self.left.is_empty()
            && self.days.is_empty()
    }
}

/// A participant, as the report names them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub id: String,
    pub name: String,
    pub organization: Option<String>,
}

/// One field whose value changed. `None` is a field not set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The key in the mission file.
    pub key: &'static str,
    /// How the field is called on screen ("Venue").
    pub label: &'static str,
    /// Text of several lines (notes, a summary): renderers show the new
    /// text rather than "old → new".
    pub long: bool,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// The changes of one date: the day's own fields (city, lodging, notes) and
/// its visits. A visit is listed under its new date (its old date when it
/// was removed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayChanges {
    pub date: NaiveDate,
    /// The day's city in the new version, or else in the old one.
    pub city: Option<String>,
    pub fields: Vec<FieldChange>,
    /// In time order (untimed visits last), then file order.
    pub visits: Vec<VisitChange>,
}

/// What happened to a visit, as a headline. Other changes of the same visit
/// are in [`VisitChange`]'s fields, attendees and [`VisitChange::moved`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    /// Its status became "cancelled".
    Cancelled,
    /// Its status was "cancelled" and no longer is.
    Reinstated,
    /// In a report for one person: they attend it now and did not before.
    NowAttending,
    /// In a report for one person: they attended it and no longer do.
    NoLongerAttending,
    /// Its date or times changed.
    Moved,
    /// Only fields or attendees changed.
    Changed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisitChange {
    pub change: Change,
    /// The visit as it was; `None` when it was added.
    pub old: Option<Visit>,
    /// The visit as it is; `None` when it was removed.
    pub new: Option<Visit>,
    /// The fields that changed ([`visit_fields`]), status only when it did
    /// not go to or from "cancelled".
    pub fields: Vec<FieldChange>,
    /// People who attend now and did not, and the reverse. People who joined
    /// or left the delegation are named only on visits that list their
    /// attendees (not on those for the whole delegation).
    pub attendees_added: Vec<Person>,
    pub attendees_dropped: Vec<Person>,
}

impl VisitChange {
    /// The visit as the report shows it: the new version, or the old one
    /// when it was removed.
    pub fn visit(&self) -> Option<&Visit> {
        self.new.as_ref().or(self.old.as_ref())
    }

    /// Whether its date or times changed.
    pub fn moved(&self) -> bool {
        match (&self.old, &self.new) {
            (Some(o), Some(n)) => when(o) != when(n),
            _ => false,
        }
    }
}

fn when(
    v: &Visit,
) -> (
    NaiveDate,
    Option<NaiveDate>,
    Option<chrono::NaiveTime>,
    Option<chrono::NaiveTime>,
) {
    (v.date, v.end_date, v.start, v.end)
}

/// Everything that changed from `old` to `new`.
pub fn compare(old: &Mission, new: &Mission) -> Changes {
    compare_in(old, new, None)
}

/// What changed for one participant: the visits they attend in either
/// version, the attendee changes that concern them (as
/// [`Change::NowAttending`] and [`Change::NoLongerAttending`]), whether
/// they joined or left the delegation, and the header and day changes,
/// which concern everyone.
pub fn compare_for(old: &Mission, new: &Mission, participant: &str) -> Changes {
    compare_in(old, new, Some(participant))
}

fn compare_in(old: &Mission, new: &Mission, only: Option<&str>) -> Changes {
    let old_ids: HashSet<&str> = old.participants.iter().map(|p| p.id.as_str()).collect();
    let new_ids: HashSet<&str> = new.participants.iter().map(|p| p.id.as_str()).collect();
    let concerns = |id: &str| only.is_none_or(|o| o == id);
    let joined = new
        .participants
        .iter()
        .filter(|p| !old_ids.contains(p.id.as_str()) && concerns(&p.id))
        .map(|p| person(new, old, &p.id))
        .collect();
    let left = old
        .participants
        .iter()
        .filter(|p| !new_ids.contains(p.id.as_str()) && concerns(&p.id))
        .map(|p| person(new, old, &p.id))
        .collect();

    let (h0, h1) = (&old.header, &new.header);
    let mut days: BTreeMap<NaiveDate, DayChanges> = BTreeMap::new();
    for date in day_dates(old, new) {
        let empty = DayInfo::new(date);
        let (o, n) = (old.day_info(date), new.day_info(date));
        let fields = changed_fields(&day_fields(), o.unwrap_or(&empty), n.unwrap_or(&empty));
        if !fields.is_empty() {
            day_entry(&mut days, old, new, date).fields = fields;
        }
    }
    let attending = |v: &Visit, ids: &HashSet<&str>| {
        only.is_none_or(|id| ids.contains(id) && v.attended_by(id))
    };
    let pairing = pair::pair(&old.visits, &new.visits);
    let mut entries: Vec<VisitChange> = Vec::new();
    for &(i, j) in &pairing.pairs {
        let (o, n) = (&old.visits[i], &new.visits[j]);
        if attending(o, &old_ids) || attending(n, &new_ids) {
            entries.extend(changed_visit(old, new, o, n, only));
        }
    }
    for &j in &pairing.added {
        let n = &new.visits[j];
        if attending(n, &new_ids) {
            entries.push(whole_visit(Change::Added, None, Some(n)));
        }
    }
    for &i in &pairing.removed {
        let o = &old.visits[i];
        if attending(o, &old_ids) {
            entries.push(whole_visit(Change::Removed, Some(o), None));
        }
    }
    for entry in entries {
        if let Some(date) = entry.visit().map(|v| v.date) {
            day_entry(&mut days, old, new, date).visits.push(entry);
        }
    }
    let mut days: Vec<DayChanges> = days.into_values().collect();
    for day in &mut days {
        day.visits.sort_by_key(|c| {
            let start = c.visit().and_then(|v| v.start);
            (start.is_none(), start)
        });
    }
    Changes {
        title: h1.title.clone(),
        start: h1.start,
        end: h1.end,
        participant: only.map(|id| person(new, old, id)),
        dates: ((h0.start, h0.end) != (h1.start, h1.end))
            .then_some(((h0.start, h0.end), (h1.start, h1.end))),
        header: changed_fields(&header_fields(), h0, h1),
        joined,
        left,
        days,
    }
}

/// The dates with a `[[days]]` entry in either version, in order.
fn day_dates(old: &Mission, new: &Mission) -> Vec<NaiveDate> {
    let mut dates: Vec<NaiveDate> = old.days.iter().chain(&new.days).map(|d| d.date).collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

fn day_entry<'a>(
    days: &'a mut BTreeMap<NaiveDate, DayChanges>,
    old: &Mission,
    new: &Mission,
    date: NaiveDate,
) -> &'a mut DayChanges {
    days.entry(date).or_insert_with(|| DayChanges {
        date,
        city: [new, old]
            .iter()
            .find_map(|m| m.day_info(date).and_then(|d| d.city.clone())),
        fields: Vec::new(),
        visits: Vec::new(),
    })
}

fn whole_visit(change: Change, old: Option<&Visit>, new: Option<&Visit>) -> VisitChange {
    VisitChange {
        change,
        old: old.cloned(),
        new: new.cloned(),
        fields: Vec::new(),
        attendees_added: Vec::new(),
        attendees_dropped: Vec::new(),
    }
}

/// The changes of a visit present in both versions, if any.
fn changed_visit(
    old: &Mission,
    new: &Mission,
    o: &Visit,
    n: &Visit,
    only: Option<&str>,
) -> Option<VisitChange> {
    let status = match (o.status, n.status) {
        (a, Status::Cancelled) if a != Status::Cancelled => Some(Change::Cancelled),
        (Status::Cancelled, b) if b != Status::Cancelled => Some(Change::Reinstated),
        _ => None,
    };
    let mut fields = changed_fields(&visit_fields(), o, n);
    if status.is_some() {
        fields.retain(|f| f.key != "status");
    }
    let (mut added, mut dropped) = attendee_changes(old, new, o, n);
    if let Some(id) = only {
        added.retain(|p| p.id == id);
        dropped.retain(|p| p.id == id);
    }
    let mut entry = VisitChange {
        change: Change::Changed,
        old: Some(o.clone()),
        new: Some(n.clone()),
        fields,
        attendees_added: added,
        attendees_dropped: dropped,
    };
    let personal = match (
        only,
        &entry.attendees_added[..],
        &entry.attendees_dropped[..],
    ) {
        (Some(_), [_], _) => Some(Change::NowAttending),
        (Some(_), _, [_]) => Some(Change::NoLongerAttending),
        _ => None,
    };
    let moved = entry.moved().then_some(Change::Moved);
    entry.change = match status.or(personal).or(moved) {
        Some(change) => change,
        None if entry.fields.is_empty()
            && entry.attendees_added.is_empty()
            && entry.attendees_dropped.is_empty() =>
        {
            return None;
        }
        None => Change::Changed,
    };
    Some(entry)
}

/// Who attends `n` and did not attend `o`, and the reverse, in delegation
/// order. A person who joined (or left) the delegation is named only when
/// the visit lists its attendees in the version they are in.
fn attendee_changes(
    old: &Mission,
    new: &Mission,
    o: &Visit,
    n: &Visit,
) -> (Vec<Person>, Vec<Person>) {
    let before: HashSet<&str> = old.attendees(o).map(|p| p.id.as_str()).collect();
    let after: HashSet<&str> = new.attendees(n).map(|p| p.id.as_str()).collect();
    let added = new
        .attendees(n)
        .filter(|p| !before.contains(p.id.as_str()))
        .filter(|p| n.participants.is_some() || old.participant(&p.id).is_some())
        .map(|p| person(new, old, &p.id))
        .collect();
    let dropped = old
        .attendees(o)
        .filter(|p| !after.contains(p.id.as_str()))
        .filter(|p| o.participants.is_some() || new.participant(&p.id).is_some())
        .map(|p| person(new, old, &p.id))
        .collect();
    (added, dropped)
}

/// The participant `id` as in the new version, or else the old one; an id
/// in neither is named by itself.
fn person(new: &Mission, old: &Mission, id: &str) -> Person {
    match new.participant(id).or_else(|| old.participant(id)) {
        Some(p) => Person {
            id: p.id.clone(),
            name: p.name.clone(),
            organization: p.organization.clone(),
        },
        None => Person {
            id: id.to_string(),
            name: id.to_string(),
            organization: None,
        },
    }
}

#[cfg(test)]
mod tests;
