//! Keeping a visit's identity when the planner changes it.
//!
//! A visit without an `id` in the file is known by an id generated from
//! its date and title ([`Mission::visit_ids`]), which is what its calendar
//! event's UID is made of. Moving it to another day or renaming it would
//! give it another one, and a calendar that imported it would then show
//! the old event beside a new one. So the first time an edit changes a
//! visit that has no written id (moves it, retimes it, changes a field,
//! takes it to another day), the visit gets the id it was known by before
//! the edit written into it, in the same undoable step. A visit whose
//! generated id the edit would change without touching it (a new visit of
//! the same title on its day, placed before it, would take its id) gets
//! its id written too.

use std::collections::{HashMap, HashSet};

use super::{Edit, EditError, Key, ListEdit, Mission, Touched, Visit};

/// What the visits were known by before an edit, and which of them the
/// edit changes or moves.
#[derive(Debug)]
pub struct Identities {
    /// Each visit's id before the edit, by key.
    before: HashMap<Key, String>,
    /// Visits the edit moves to another place in the list, or replaces
    /// with another visit's content (as a swap does).
    moved: HashSet<Key>,
    /// Visits the edit replaces, as they were: changed when their content
    /// differs afterwards.
    replaced: HashMap<Key, Visit>,
}

impl Identities {
    /// The visits of `mission` as they are before `edit` is applied.
    pub fn before(mission: &Mission, edit: &Edit) -> Identities {
        let ids = mission.visit_ids();
        let index: HashMap<Key, usize> = mission
            .visits
            .iter()
            .enumerate()
            .map(|(i, v)| (v.key, i))
            .collect();
        let mut walk = Walk {
            keys: mission.visits.iter().map(|v| v.key).collect(),
            moved: HashSet::new(),
            replaced: HashMap::new(),
        };
        walk.edit(edit, |key| index.get(&key).map(|&i| &mission.visits[i]));
        Identities {
            before: mission
                .visits
                .iter()
                .zip(ids)
                .map(|(v, id)| (v.key, id))
                .collect(),
            moved: walk.moved,
            replaced: walk.replaced,
        }
    }

    /// After the edit: the edit that writes into `mission`'s visits the
    /// ids they must keep, or `None` when no visit needs one. Apply it and
    /// ask again until `None`: an id written can change the generated id
    /// of another visit.
    pub fn pins(&self, mission: &Mission) -> Option<Edit> {
        let now = mission.visit_ids();
        let written: HashSet<&str> = mission
            .visits
            .iter()
            .filter_map(|v| v.id.as_deref())
            .collect();
        let edits: Vec<Edit> = mission
            .visits
            .iter()
            .zip(&now)
            .enumerate()
            .filter(|(_, (v, _))| v.id.is_none())
            .filter_map(|(i, (v, id))| {
                let old = self.before.get(&v.key)?;
                let changed = self.moved.contains(&v.key)
                    || self
                        .replaced
                        .get(&v.key)
                        .is_some_and(|o| !o.same_content(v))
                    || id != old;
                // An id someone wrote for another visit since stays theirs.
                if !changed || written.contains(old.as_str()) {
                    return None;
                }
                let mut pinned = v.clone();
                pinned.id = Some(old.clone());
                Some(Edit::Visit(ListEdit::Replace(i, pinned)))
            })
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

/// An edit applied with the ids it wrote: what was done and how to undo it.
#[derive(Debug)]
pub struct Applied {
    /// The edit and the ids written after it, as one batch.
    pub done: Edit,
    /// The edit that undoes `done`.
    pub undo: Edit,
}

/// Applies `edit` to `mission` and writes into its visits the ids they
/// must keep ([`Identities`]): the one way an edit is made by the planner
/// and by an import. All or nothing: on an error the mission is as it was.
pub fn apply_keeping_ids(mission: &mut Mission, edit: Edit) -> Result<Applied, EditError> {
    apply_keeping_ids_noting(mission, edit, &mut Touched::default())
}

/// [`apply_keeping_ids`], adding to `touched` what the edit and the ids it
/// wrote changed (see [`Edit::apply_noting`]).
pub fn apply_keeping_ids_noting(
    mission: &mut Mission,
    edit: Edit,
    touched: &mut Touched,
) -> Result<Applied, EditError> {
    let identities = Identities::before(mission, &edit);
    let mut undo = edit.clone().apply_noting(mission, touched)?;
    let mut done = vec![edit];
    while let Some(pins) = identities.pins(mission) {
        match pins.clone().apply_noting(mission, touched) {
            Ok(unpin) => {
                undo = Edit::Batch(vec![unpin, undo]);
                done.push(pins);
            }
            Err(err) => {
                let _ = undo.apply(mission);
                return Err(err);
            }
        }
    }
    let done = match done.len() {
        1 => done.remove(0),
        _ => Edit::Batch(done),
    };
    Ok(Applied { done, undo })
}

/// Follows an edit over the list of visit keys, as it goes.
struct Walk {
    keys: Vec<Key>,
    moved: HashSet<Key>,
    replaced: HashMap<Key, Visit>,
}

impl Walk {
    fn edit<'m>(&mut self, edit: &Edit, original: impl Fn(Key) -> Option<&'m Visit> + Copy) {
        match edit {
            Edit::Visit(list) => self.visit(list, original),
            Edit::Batch(edits) => {
                for edit in edits {
                    self.edit(edit, original);
                }
            }
            Edit::Header(_) | Edit::Day(_) | Edit::Participant(_) | Edit::Route(_) => {}
        }
    }

    fn visit<'m>(&mut self, edit: &ListEdit<Visit>, original: impl Fn(Key) -> Option<&'m Visit>) {
        let len = self.keys.len();
        match edit {
            ListEdit::Insert(i, visit) if *i <= len => self.keys.insert(*i, visit.key),
            ListEdit::Remove(i) if *i < len => {
                self.keys.remove(*i);
            }
            ListEdit::Replace(i, visit) if *i < len => {
                if self.keys[*i] == visit.key {
                    if let Some(old) = original(visit.key) {
                        self.replaced
                            .entry(visit.key)
                            .or_insert_with(|| old.clone());
                    }
                } else {
                    self.moved.insert(visit.key);
                }
                self.keys[*i] = visit.key;
            }
            ListEdit::Move { from, to } if *from < len && *to < len && from != to => {
                let key = self.keys.remove(*from);
                self.keys.insert(*to, key);
                self.moved.insert(key);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Header;
    use chrono::{NaiveDate, NaiveTime};

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 11, day).expect("date")
    }

    fn mission(visits: Vec<Visit>) -> Mission {
        Mission {
            routes: Vec::new(),
            publish: None,
            header: Header::new("T", d(14), d(16)),
            days: vec![],
            participants: vec![],
            visits,
        }
    }

    /// `edit` applied with the ids it pins, as the planner applies it.
    fn applied(mut m: Mission, edit: Edit) -> Mission {
        apply_keeping_ids(&mut m, edit).expect("applies");
        m
    }

    fn ids(m: &Mission) -> Vec<Option<&str>> {
        m.visits.iter().map(|v| v.id.as_deref()).collect()
    }

    #[test]
    fn a_changed_visit_keeps_the_id_it_had_and_the_others_stay_unwritten() {
        let m = mission(vec![
            Visit::new(d(14), "Lunch"),
            Visit::new(d(14), "Dinner"),
        ]);
        let mut moved = m.visits[0].clone();
        moved.date = d(15);
        moved.start = NaiveTime::from_hms_opt(12, 0, 0);
        let after = applied(m, Edit::Visit(ListEdit::Replace(0, moved)));
        assert_eq!(ids(&after), [Some("2022-11-14-lunch"), None]);
    }

    #[test]
    fn a_swap_writes_both_ids_and_a_removal_none() {
        let m = mission(vec![Visit::new(d(14), "A"), Visit::new(d(14), "B")]);
        let (a, b) = (m.visits[0].clone(), m.visits[1].clone());
        let swap = Edit::Batch(vec![
            Edit::Visit(ListEdit::Replace(0, b)),
            Edit::Visit(ListEdit::Replace(1, a)),
        ]);
        let after = applied(m.clone(), swap);
        assert_eq!(ids(&after), [Some("2022-11-14-b"), Some("2022-11-14-a")]);
        let after = applied(m, Edit::Visit(ListEdit::Remove(0)));
        assert_eq!(ids(&after), [None]);
    }

    #[test]
    fn a_visit_whose_generated_id_would_be_taken_keeps_it() {
        // A new "Lunch" placed first would be "2022-11-14-lunch", and the
        // old one would become "-2".
        let m = mission(vec![Visit::new(d(14), "Lunch")]);
        let after = applied(
            m,
            Edit::Visit(ListEdit::Insert(0, Visit::new(d(14), "Lunch"))),
        );
        assert_eq!(ids(&after), [None, Some("2022-11-14-lunch")]);
        assert_eq!(
            after.visit_ids(),
            ["2022-11-14-lunch-2", "2022-11-14-lunch"]
        );
    }

    #[test]
    fn an_id_written_since_for_another_visit_is_not_written_twice() {
        let m = mission(vec![Visit::new(d(14), "Lunch")]);
        let mut named = Visit::new(d(15), "Elsewhere");
        named.id = Some("2022-11-14-lunch".into());
        let after = applied(m, Edit::Visit(ListEdit::Insert(1, named)));
        assert_eq!(ids(&after), [None, Some("2022-11-14-lunch")]);
    }

    #[test]
    fn an_unchanged_replace_and_a_header_edit_write_nothing() {
        let m = mission(vec![Visit::new(d(14), "Lunch")]);
        let same = m.visits[0].clone();
        let after = applied(m.clone(), Edit::Visit(ListEdit::Replace(0, same)));
        assert_eq!(ids(&after), [None]);
        let header = Header::new("Other", d(14), d(16));
        assert_eq!(ids(&applied(m, Edit::Header(header))), [None]);
    }
}
