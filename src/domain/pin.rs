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

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;

use super::ids::{WrittenIds, id_date, visit_ids_at};
use super::{DayIndex, Edit, EditError, Key, ListEdit, Mission, Touched, Visit};

/// What the visits were known by before an edit, and which of them the
/// edit changes or moves.
///
/// Only the visits of the dates the edit concerns are looked at: the
/// dates of the visits it inserts, removes, replaces (before and after) or
/// moves, and the date any id they have written begins with. A generated
/// id depends only on the visits of its own date and on the written ids
/// that begin with that date, so the generated id of a visit on any other
/// date is the same before and after. When the edit concerns only visits
/// with written ids and changes none of them, no generated id changes and
/// nothing is looked at.
#[derive(Debug)]
pub struct Identities {
    /// The dates the edit concerns.
    dates: BTreeSet<NaiveDate>,
    /// The id before the edit of each visit on those dates, by key.
    before: HashMap<Key, String>,
    /// Visits the edit moves to another place in the list, or replaces
    /// with another visit's content (as a swap does).
    moved: HashSet<Key>,
    /// Visits the edit replaces, as they were: changed when their content
    /// differs afterwards.
    replaced: HashMap<Key, Visit>,
    /// The written ids the edit takes away (`false`) and adds (`true`), in
    /// its order.
    written: Vec<(bool, String)>,
}

impl Identities {
    /// The visits of `mission` as they are before `edit` is applied;
    /// `index` and `written` are the mission's.
    pub fn before(
        mission: &Mission,
        edit: &Edit,
        index: &DayIndex,
        written: &WrittenIds,
    ) -> Identities {
        let mut walk = Walk::new(mission);
        walk.edit(edit);
        if !walk.generated {
            // No generated id can change: nothing to look at.
            walk.dates.clear();
        }
        let at = positions(index, &walk.dates);
        let before = visit_ids_at(&mission.visits, &at, written)
            .into_iter()
            .map(|(i, id)| (mission.visits[i].key, id))
            .collect();
        Identities {
            dates: walk.dates,
            before,
            moved: walk.moved,
            replaced: walk.replaced,
            written: walk.written,
        }
    }

    /// After the edit: the edit that writes into `mission`'s visits the
    /// ids they must keep, or `None` when no visit needs one. Apply it and
    /// ask again until `None`: an id written can change the generated id
    /// of another visit. `index` and `written` are the mission's as it is
    /// now.
    pub fn pins(&self, mission: &Mission, index: &DayIndex, written: &WrittenIds) -> Option<Edit> {
        let at = positions(index, &self.dates);
        let wanted: Vec<(usize, &String)> = visit_ids_at(&mission.visits, &at, written)
            .into_iter()
            .filter_map(|(i, id)| {
                let v = &mission.visits[i];
                let old = self.before.get(&v.key)?;
                let changed = self.moved.contains(&v.key)
                    || self
                        .replaced
                        .get(&v.key)
                        .is_some_and(|o| !o.same_content(v))
                    || id != *old;
                // An id someone wrote for another visit since stays theirs.
                let theirs = || {
                    written.contains(old)
                        || (id_date(old).is_none()
                            && mission.visits.iter().any(|w| w.id.as_deref() == Some(old)))
                };
                (v.id.is_none() && changed && !theirs()).then_some((i, old))
            })
            .collect();
        let edits: Vec<Edit> = wanted
            .into_iter()
            .map(|(i, old)| {
                let mut pinned = mission.visits[i].clone();
                pinned.id = Some(old.clone());
                Edit::Visit(ListEdit::Replace(i, pinned))
            })
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch(edits))
    }
}

/// The positions of the visits on `dates`, in file order.
fn positions(index: &DayIndex, dates: &BTreeSet<NaiveDate>) -> Vec<usize> {
    let mut at: Vec<usize> = dates
        .iter()
        .filter_map(|&date| index.day_of_date(date))
        .flat_map(|day| index.visits_on(day).iter().copied())
        .collect();
    at.sort_unstable();
    at
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
    let mut kept = Kept::of(mission);
    kept.apply_keeping_ids(mission, edit, touched)
}

/// What the ids of a mission's visits are worked out from, kept up to
/// date edit by edit so that an edit of one day of a large mission looks
/// at that day: the day index and the written ids.
#[derive(Clone, Debug, PartialEq)]
pub struct Kept {
    pub index: DayIndex,
    pub written: WrittenIds,
}

impl Kept {
    pub fn of(mission: &Mission) -> Self {
        Kept {
            index: DayIndex::build(mission),
            written: WrittenIds::of(&mission.visits),
        }
    }

    /// [`apply_keeping_ids_noting`] on the mission these are of.
    pub fn apply_keeping_ids(
        &mut self,
        mission: &mut Mission,
        edit: Edit,
        touched: &mut Touched,
    ) -> Result<Applied, EditError> {
        let identities = Identities::before(mission, &edit, &self.index, &self.written);
        let mut undo = self.step(mission, edit.clone(), touched)?;
        self.follow(&identities.written);
        let mut done = vec![edit];
        while let Some(pins) = identities.pins(mission, &self.index, &self.written) {
            match self.step(mission, pins.clone(), touched) {
                Ok(unpin) => {
                    for_each_id(&pins, |id| self.written.add(id));
                    undo = Edit::Batch(vec![unpin, undo]);
                    done.push(pins);
                }
                Err(err) => {
                    let _ = undo.apply(mission);
                    *self = Kept::of(mission);
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

    /// Applies `edit` as it is (an undo or a redo, whose ids are written
    /// already), noting in `touched` what it changed; returns its inverse.
    pub fn apply(
        &mut self,
        mission: &mut Mission,
        edit: Edit,
        touched: &mut Touched,
    ) -> Result<Edit, EditError> {
        let mut walk = Walk::new(mission);
        walk.edit(&edit);
        let written = walk.written;
        let inverse = self.step(mission, edit, touched)?;
        self.follow(&written);
        Ok(inverse)
    }

    /// Applies `edit` and brings the index up to date.
    fn step(
        &mut self,
        mission: &mut Mission,
        edit: Edit,
        touched: &mut Touched,
    ) -> Result<Edit, EditError> {
        let mut step = Touched::default();
        let applied = edit.apply_noting(mission, &mut step);
        touched.merge(&step);
        let inverse = applied?;
        self.index.refresh(mission, &step);
        Ok(inverse)
    }

    fn follow(&mut self, changes: &[(bool, String)]) {
        for (added, id) in changes {
            if *added {
                self.written.add(id);
            } else {
                self.written.remove(id);
            }
        }
    }
}

/// Calls `f` with each id the visits of `edit` have.
fn for_each_id(edit: &Edit, mut f: impl FnMut(&str)) {
    fn walk(edit: &Edit, f: &mut impl FnMut(&str)) {
        match edit {
            Edit::Batch(edits) => edits.iter().for_each(|e| walk(e, f)),
            Edit::Visit(ListEdit::Replace(_, v) | ListEdit::Insert(_, v)) => {
                if let Some(id) = v.id.as_deref() {
                    f(id);
                }
            }
            _ => {}
        }
    }
    walk(edit, &mut f);
}

/// How far from a replaced position the visit it came from is looked for
/// before every key is mapped.
const NEAR: usize = 64;

/// Follows an edit over the list of visits, as it goes, without copying
/// the list while the edit only replaces visits in place.
struct Walk<'a> {
    mission: &'a Mission,
    /// The list as the edit has left it so far, once it inserted, removed
    /// or moved a visit.
    list: Option<Vec<&'a Visit>>,
    /// The visits replaced in place so far, by position, until then.
    overlay: HashMap<usize, &'a Visit>,
    /// The position of each visit before the edit, by key, once a visit
    /// had to be found by its key.
    positions: Option<HashMap<Key, usize>>,
    dates: BTreeSet<NaiveDate>,
    /// Whether the edit concerns a visit known by a generated id, or
    /// changes which ids are written: otherwise no visit's generated id
    /// changes and none needs writing.
    generated: bool,
    moved: HashSet<Key>,
    replaced: HashMap<Key, Visit>,
    /// The written ids that can take a generated one the edit takes away
    /// (`false`) and adds (`true`), in its order.
    written: Vec<(bool, String)>,
}

impl<'a> Walk<'a> {
    fn new(mission: &'a Mission) -> Self {
        Walk {
            mission,
            list: None,
            overlay: HashMap::new(),
            positions: None,
            dates: BTreeSet::new(),
            generated: false,
            written: Vec::new(),
            moved: HashSet::new(),
            replaced: HashMap::new(),
        }
    }

    fn edit(&mut self, edit: &'a Edit) {
        match edit {
            Edit::Visit(list) => self.visit(list),
            Edit::Batch(edits) => {
                for edit in edits {
                    self.edit(edit);
                }
            }
            Edit::Header(_) | Edit::Day(_) | Edit::Participant(_) | Edit::Route(_) => {}
        }
    }

    fn len(&self) -> usize {
        self.list
            .as_ref()
            .map_or(self.mission.visits.len(), Vec::len)
    }

    /// The visit at `i` as the edit has left it so far.
    fn at(&self, i: usize) -> &'a Visit {
        match &self.list {
            Some(list) => list[i],
            None => self
                .overlay
                .get(&i)
                .copied()
                .unwrap_or(&self.mission.visits[i]),
        }
    }

    /// The list, copied the first time the edit shifts it.
    fn shifted(&mut self) -> &mut Vec<&'a Visit> {
        let (mission, overlay) = (self.mission, &self.overlay);
        self.list.get_or_insert_with(|| {
            let mut list: Vec<&Visit> = mission.visits.iter().collect();
            for (&i, &v) in overlay {
                list[i] = v;
            }
            list
        })
    }

    /// Notes that `visit`'s written id, if it has one that can take a
    /// generated one, is `added` or taken away.
    fn id(&mut self, visit: &Visit, added: bool) {
        if let Some(id) = visit.id.as_deref().filter(|id| id_date(id).is_some()) {
            self.written.push((added, id.to_owned()));
        }
    }

    /// The dates whose ids `visit` can change.
    fn note(&mut self, visit: &Visit) {
        self.generated |= visit.id.is_none();
        self.dates.insert(visit.date);
        if let Some(date) = visit.id.as_deref().and_then(id_date) {
            self.dates.insert(date);
        }
    }

    /// The visit with `key` before the edit, if there was one, looked for
    /// near position `i` first (where a visit replaced in place, or traded
    /// with its neighbour, was), then by a map of every key.
    fn original(&mut self, i: usize, key: Key) -> Option<&'a Visit> {
        let visits = &self.mission.visits;
        let near = i.saturating_sub(NEAR)..(i + NEAR).min(visits.len());
        if let Some(v) = visits
            .get(near)
            .and_then(|n| n.iter().find(|v| v.key == key))
        {
            return Some(v);
        }
        let positions = self
            .positions
            .get_or_insert_with(|| visits.iter().enumerate().map(|(i, v)| (v.key, i)).collect());
        positions.get(&key).map(|&i| &visits[i])
    }

    fn visit(&mut self, edit: &'a ListEdit<Visit>) {
        let len = self.len();
        match edit {
            ListEdit::Insert(i, visit) if *i <= len => {
                self.note(visit);
                self.id(visit, true);
                self.generated = true;
                self.shifted().insert(*i, visit);
            }
            ListEdit::Remove(i) if *i < len => {
                self.note(self.at(*i));
                self.id(self.at(*i), false);
                self.generated = true;
                self.shifted().remove(*i);
            }
            ListEdit::Replace(i, visit) if *i < len => {
                let current = self.at(*i);
                self.note(current);
                self.note(visit);
                self.generated |= current.id != visit.id;
                self.id(current, false);
                self.id(visit, true);
                if current.key == visit.key {
                    if let Some(old) = self.original(*i, visit.key) {
                        self.replaced
                            .entry(visit.key)
                            .or_insert_with(|| old.clone());
                    }
                } else {
                    // Another visit's content: where it was counts too.
                    if let Some(old) = self.original(*i, visit.key) {
                        self.note(old);
                    }
                    self.moved.insert(visit.key);
                }
                match &mut self.list {
                    Some(list) => list[*i] = visit,
                    None => {
                        self.overlay.insert(*i, visit);
                    }
                }
            }
            ListEdit::Move { from, to } if *from < len && *to < len && from != to => {
                let moving = self.at(*from);
                self.note(moving);
                let list = self.shifted();
                let moving = list.remove(*from);
                list.insert(*to, moving);
                self.moved.insert(moving.key);
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
    use proptest::prelude::*;

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

    /// A random edit of a mission of `len` visits over three days, with
    /// titles and written ids that meet (ids that are another visit's
    /// generated one, or a day's plain date).
    fn an_edit(len: usize) -> impl Strategy<Value = Edit> {
        let visit = (14u32..17, 0usize..3, 0usize..6).prop_map(|(day, title, id)| {
            let mut v = Visit::new(d(day), ["Lunch", "Lunch 2", ""][title]);
            v.id = [
                None,
                None,
                None,
                Some("2022-11-14-lunch"),
                Some("2022-11-15"),
                Some("x"),
            ][id]
                .map(str::to_owned);
            v
        });
        let at = 0..len.max(1);
        let one = prop_oneof![
            (0..=len, visit.clone()).prop_map(|(i, v)| ListEdit::Insert(i, v)),
            at.clone().prop_map(ListEdit::Remove),
            (at.clone(), visit).prop_map(|(i, v)| ListEdit::Replace(i, v)),
            (at.clone(), at).prop_map(|(from, to)| ListEdit::Move { from, to }),
        ]
        .prop_map(Edit::Visit);
        proptest::collection::vec(one, 1..4).prop_map(Edit::Batch)
    }

    /// Replacements that keep a visit's key, as the planner's are.
    fn keeping_keys(mission: &Mission, edit: Edit) -> Edit {
        match edit {
            Edit::Batch(edits) => Edit::Batch(
                edits
                    .into_iter()
                    .map(|e| match e {
                        Edit::Visit(ListEdit::Replace(i, mut v)) if i < mission.visits.len() => {
                            v.key = mission.visits[i].key;
                            Edit::Visit(ListEdit::Replace(i, v))
                        }
                        other => other,
                    })
                    .collect(),
            ),
            other => other,
        }
    }

    proptest::proptest! {
        /// Whatever the edit, every visit there before and after is known
        /// by the same id, unless someone wrote its id on another visit:
        /// the ids worked out for the dates an edit concerns are the ids
        /// of the whole mission.
        #[test]
        fn every_visit_keeps_its_id(
            titles in proptest::collection::vec((14u32..17, 0usize..3, proptest::bool::weighted(0.2)), 0..8),
            edit in an_edit(8),
        ) {
            let visits: Vec<Visit> = titles
                .iter()
                .map(|&(day, title, written)| {
                    let mut v = Visit::new(d(day), ["Lunch", "Lunch 2", ""][title]);
                    if written {
                        v.id = Some(format!("w-{day}-{title}"));
                    }
                    v
                })
                .collect();
            let mut m = mission(visits);
            let edit = keeping_keys(&m, edit);
            let before: HashMap<Key, String> =
                m.visits.iter().map(|v| v.key).zip(m.visit_ids()).collect();
            let original = m.clone();
            if let Ok(applied) = apply_keeping_ids(&mut m, edit) {
                let written: HashSet<&str> =
                    m.visits.iter().filter_map(|v| v.id.as_deref()).collect();
                for (v, id) in m.visits.iter().zip(m.visit_ids()) {
                    if let Some(old) = before.get(&v.key) {
                        let theirs = written.contains(old.as_str()) && v.id.as_deref() != Some(old);
                        // An id written by the edit is the one the visit has.
                        let rewritten = v.id.is_some() && v.id.as_deref() != Some(old);
                        proptest::prop_assert!(
                            id == *old || theirs || rewritten,
                            "{:?} was {old}, is {id}", v.title
                        );
                    }
                }
                applied.undo.apply(&mut m).expect("undoes");
                proptest::prop_assert!(m.same_content(&original));
            } else {
                proptest::prop_assert_eq!(m, original);
            }
        }
    }
}
