//! What importing events into a mission does, worked out without touching
//! a file: [`plan`] gives the mission after the import, the [`Edit`] that
//! makes it (one undo step in the planner) and, for each event, what
//! became of it.

use std::collections::HashMap;

use super::event::Event;
use super::fields;
use super::times::{Times, times};
use crate::domain::ops::{insertion_point, out_of_order};
use crate::domain::schema::VISIT;
use crate::domain::{DayIndex, Edit, Key, ListEdit, Mission, Visit, is_valid_id};
use crate::present::{date_range, time_label};

/// What an import does to a mission.
#[derive(Clone, Debug)]
pub struct ImportPlan {
    /// The mission after the import.
    pub mission: Mission,
    /// The change from the mission before: a batch of visit edits.
    pub edit: Edit,
    /// One entry per event, in file order.
    pub entries: Vec<Entry>,
}

/// What became of one event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The line of the event's `BEGIN:VEVENT`.
    pub line: usize,
    /// The event's title (its SUMMARY, or the visit's).
    pub title: String,
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A new visit; `when` is its day and time ("Mon 14 Nov, 10:00–11:30").
    Added { when: String },
    /// An existing visit changed: the labels of the fields that changed.
    Updated {
        when: String,
        fields: Vec<&'static str>,
    },
    /// The visit already says what the event says.
    Unchanged { when: String },
    /// Not imported, and why.
    Skipped { reason: String },
}

impl ImportPlan {
    /// Whether the import changes the mission.
    pub fn changes(&self) -> bool {
        self.entries
            .iter()
            .any(|e| matches!(e.outcome, Outcome::Added { .. } | Outcome::Updated { .. }))
    }

    /// "21 events: 1 added, 2 updated, 17 unchanged, 1 not imported".
    pub fn headline(&self) -> String {
        let count = |f: fn(&Outcome) -> bool| self.entries.iter().filter(|e| f(&e.outcome)).count();
        let events = match self.entries.len() {
            1 => "1 event".to_string(),
            n => format!("{n} events"),
        };
        format!(
            "{events}: {} added, {} updated, {} unchanged, {} not imported",
            count(|o| matches!(o, Outcome::Added { .. })),
            count(|o| matches!(o, Outcome::Updated { .. })),
            count(|o| matches!(o, Outcome::Unchanged { .. })),
            count(|o| matches!(o, Outcome::Skipped { .. })),
        )
    }
}

/// The import of `events` into `mission`. Each event becomes a visit, or
/// updates the visit it already is:
/// - the visit whose `uid` is the event's UID;
/// - for a UID of itinera's export (`VISIT-ID@MISSION.itinera`), the visit
///   with that id (written or generated; a generated one is then written,
///   so the visit keeps it when its title changes);
/// - for an event without a UID, a visit with the same title, date and
///   start.
///
/// A new visit from itinera's UID gets that id written; from another UID,
/// the UID as its `uid`. It goes where its start puts it among its day's
/// visits, and an updated visit moves there when its day or time changed.
/// Events that repeat, have no start, end before they start, use an
/// unknown time zone, fall outside the mission's dates or are the same
/// visit as an earlier event are not imported, each with its reason.
pub fn plan(mission: &Mission, events: &[Event]) -> ImportPlan {
    let mut planner = Planner {
        mission: mission.clone(),
        edits: Vec::new(),
        matched: HashMap::new(),
    };
    let entries = events.iter().map(|e| planner.event(e)).collect();
    ImportPlan {
        mission: planner.mission,
        edit: Edit::Batch(planner.edits),
        entries,
    }
}

struct Planner {
    mission: Mission,
    edits: Vec<Edit>,
    /// Visits an event of this import went to, and that event's line.
    matched: HashMap<Key, usize>,
}

/// How an event found its visit.
enum Found {
    /// By the visit's `uid`, its written id, or its content.
    Visit(usize),
    /// By a generated id, to be written if the visit changes.
    Generated(usize, String),
}

impl Planner {
    fn event(&mut self, event: &Event) -> Entry {
        let title = event.summary.clone().unwrap_or_else(|| "(no title)".into());
        let outcome = self
            .import(event, &title)
            .unwrap_or_else(|reason| Outcome::Skipped { reason });
        Entry {
            line: event.line,
            title,
            outcome,
        }
    }

    fn import(&mut self, event: &Event, title: &str) -> Result<Outcome, String> {
        if event.repeats {
            return Err("it repeats (RRULE, RDATE or RECURRENCE-ID); add its days by hand".into());
        }
        let when = times(event, self.mission.header.timezone)?;
        let (start, end) = (self.mission.header.start, self.mission.header.end);
        if when.date < start || when.date > end {
            return Err(format!(
                "{} is outside the mission's dates ({})",
                when.date.format("%A %-d %B %Y"),
                date_range(start, end)
            ));
        }
        let own = event.uid.as_deref().and_then(own_id);
        let found = self.find(event, own, title, &when);
        if let Some(i) = found.as_ref().map(|f| match f {
            Found::Visit(i) | Found::Generated(i, _) => *i,
        }) {
            if let Some(line) = self.matched.get(&self.mission.visits[i].key) {
                return Err(format!("it is the same visit as the event on line {line}"));
            }
        }
        match found {
            None => Ok(self.add(event, own, title, when)),
            Some(Found::Visit(i)) => Ok(self.update(event, own.is_some(), i, None, when)),
            Some(Found::Generated(i, id)) => Ok(self.update(event, true, i, Some(id), when)),
        }
    }

    fn find(&self, event: &Event, own: Option<&str>, title: &str, when: &Times) -> Option<Found> {
        let visits = &self.mission.visits;
        let Some(uid) = event.uid.as_deref() else {
            return visits
                .iter()
                .position(|v| {
                    v.title.trim() == title && v.date == when.date && v.start == when.start
                })
                .map(Found::Visit);
        };
        if let Some(i) = visits.iter().position(|v| v.uid.as_deref() == Some(uid)) {
            return Some(Found::Visit(i));
        }
        let id = own?;
        let ids = self.mission.visit_ids();
        let i = ids.iter().position(|x| x == id)?;
        Some(match visits[i].id {
            Some(_) => Found::Visit(i),
            None => Found::Generated(i, id.to_string()),
        })
    }

    fn add(&mut self, event: &Event, own: Option<&str>, title: &str, when: Times) -> Outcome {
        let mut visit = Visit::new(when.date, title);
        set_times(&mut visit, when);
        match own {
            Some(id) => visit.id = Some(id.to_string()),
            None => visit.uid = event.uid.clone(),
        }
        fields::apply(event, own.is_some(), &mut visit);
        let index = DayIndex::build(&self.mission);
        let at = insertion_point(&self.mission, &index, visit.date, visit.start);
        self.matched.insert(visit.key, event.line);
        let outcome = Outcome::Added {
            when: when_of(&visit),
        };
        self.apply(Edit::Visit(ListEdit::Insert(at, visit)));
        outcome
    }

    fn update(
        &mut self,
        event: &Event,
        own: bool,
        i: usize,
        generated: Option<String>,
        when: Times,
    ) -> Outcome {
        let before = &self.mission.visits[i];
        self.matched.insert(before.key, event.line);
        let mut visit = before.clone();
        set_times(&mut visit, when);
        fields::apply(event, own, &mut visit);
        if visit.same_content(before) {
            return Outcome::Unchanged {
                when: when_of(before),
            };
        }
        // The id the event knows the visit by, written so that it stays.
        if let Some(id) = generated {
            visit.id = Some(id);
        }
        let changed = VISIT
            .fields
            .iter()
            .filter(|f| (f.get)(before) != (f.get)(&visit))
            .map(|f| f.label)
            .collect();
        let moved = visit.date != before.date;
        let outcome = Outcome::Updated {
            when: when_of(&visit),
            fields: changed,
        };
        let start = visit.start;
        self.apply(Edit::Visit(ListEdit::Replace(i, visit)));
        let index = DayIndex::build(&self.mission);
        if moved || start.is_some_and(|s| out_of_order(&self.mission, &index, i, s)) {
            self.move_to_its_place(i);
        }
        outcome
    }

    /// Moves visit `i` where its day and start put it.
    fn move_to_its_place(&mut self, i: usize) {
        let visit = self.mission.visits[i].clone();
        self.apply(Edit::Visit(ListEdit::Remove(i)));
        let index = DayIndex::build(&self.mission);
        let at = insertion_point(&self.mission, &index, visit.date, visit.start);
        self.apply(Edit::Visit(ListEdit::Insert(at, visit)));
    }

    fn apply(&mut self, edit: Edit) {
        // Every edit is made at an index just looked up, so it applies.
        if edit.clone().apply(&mut self.mission).is_ok() {
            self.edits.push(edit);
        }
    }
}

/// The visit id in a UID of itinera's export, `VISIT-ID@MISSION.itinera`.
fn own_id(uid: &str) -> Option<&str> {
    let (id, domain) = uid.rsplit_once('@')?;
    (domain.ends_with(".itinera") && is_valid_id(id)).then_some(id)
}

fn set_times(visit: &mut Visit, when: Times) {
    visit.date = when.date;
    visit.end_date = when.end_date;
    visit.start = when.start;
    visit.end = when.end;
}

/// "Mon 14 Nov, 10:00–11:30".
fn when_of(visit: &Visit) -> String {
    format!("{}, {}", visit.date.format("%a %-d %b"), time_label(visit))
}

#[cfg(test)]
mod tests;
