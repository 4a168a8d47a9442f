//! The mission being planned, with its undo history and what is derived
//! from it (the visits of each day, the rows of the all-days agenda).
//!
//! A [`Plan`] changes only by applying an [`Edit`]: [`Plan::apply`] records
//! the edit's inverse in the history, [`Plan::undo`] and [`Plan::redo`]
//! replay them, and each rebuilds the derived views. The problems of the
//! plan are worked out again only for the days the edit touched (see
//! [`Problems::update`]), so a keypress at 100,000 visits costs what it
//! costs at ten. Nothing outside can
//! reach the mission mutably, so every change can be undone and every pane
//! shows the same, current mission. Reloading the file or restoring kept
//! changes builds a new plan.

use std::cell::RefCell;

use chrono::NaiveDateTime;

use super::agenda::AgendaRows;
use super::filter::Filter;
use super::history::{History, Step};
use crate::domain::problems::Problems;
use crate::domain::road::{Road, road};
use crate::domain::{DayIndex, Edit, EditError, Kept, Key, Mission, Touched};

#[derive(Clone, Debug)]
pub struct Plan {
    mission: Mission,
    history: History,
    /// The visits of each day, and the written ids, kept up to date by
    /// every edit.
    kept: Kept,
    agenda: AgendaRows,
    filter: Filter,
    /// The visits the filter shows, by day, and their agenda rows, while
    /// there is a filter.
    shown: Option<(DayIndex, AgendaRows)>,
    /// What is wrong with the plan, kept day by day.
    problems: Problems,
    /// What is on at an instant, as last asked: the frames of a minute
    /// ask for the same instant, and the answer looks through every day
    /// up to it.
    road: RefCell<Option<Road>>,
}

/// What undoing or redoing did: the step's label and the visit or
/// participant to select.
#[derive(Clone, Debug, PartialEq)]
pub struct Replayed {
    pub label: String,
    pub focus: Option<Key>,
}

impl Plan {
    /// The plan of a mission as it is on disk.
    pub fn new(mission: Mission) -> Self {
        Plan::with_history(mission, History::new())
    }

    /// The plan of a mission that differs from the file on disk from the
    /// start (restored from a recovery file).
    pub fn restored(mission: Mission) -> Self {
        Plan::with_history(mission, History::unsaved())
    }

    fn with_history(mission: Mission, history: History) -> Self {
        let kept = Kept::of(&mission);
        let agenda = AgendaRows::build(&kept.index);
        let problems = Problems::build_indexed(&mission, &kept.index);
        Plan {
            mission,
            history,
            kept,
            agenda,
            filter: Filter::default(),
            shown: None,
            problems,
            road: RefCell::new(None),
        }
    }

    pub fn mission(&self) -> &Mission {
        &self.mission
    }

    /// Visits per day.
    pub fn index(&self) -> &DayIndex {
        &self.kept.index
    }

    /// First row of each day in the all-days agenda.
    pub fn agenda(&self) -> &AgendaRows {
        &self.agenda
    }

    /// The visits the filter shows, per day (every visit without one).
    pub fn shown_index(&self) -> &DayIndex {
        self.shown
            .as_ref()
            .map_or(&self.kept.index, |(index, _)| index)
    }

    /// The all-days agenda of the visits the filter shows.
    pub fn shown_agenda(&self) -> &AgendaRows {
        self.shown
            .as_ref()
            .map_or(&self.agenda, |(_, agenda)| agenda)
    }

    pub fn filter(&self) -> &Filter {
        &self.filter
    }

    pub fn set_filter(&mut self, filter: Filter) {
        self.filter = filter;
        self.reshow();
    }

    /// The problems of the plan as it is now.
    pub fn problems(&self) -> &Problems {
        &self.problems
    }

    /// What is on at `now` (a wall-clock time in the mission's zone) and
    /// what comes next, for the whole delegation ([`road`]).
    pub fn road_at(&self, now: NaiveDateTime) -> Road {
        if let Some(known) = *self.road.borrow() {
            if known.now == now {
                return known;
            }
        }
        let found = road(&self.mission, &self.kept.index, now, None);
        *self.road.borrow_mut() = Some(found);
        found
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    /// Whether the mission differs from the file as last read or saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// Changes so far: equal generations mean an unchanged mission.
    pub fn generation(&self) -> u64 {
        self.history.generation()
    }

    /// The mission as it is now was written to its file.
    pub fn mark_saved(&mut self) {
        self.history.mark_saved();
    }

    /// Applies `edit` as one undoable step called `label`, which selects
    /// `focus` when undone or redone. A visit the edit changes that has no
    /// id in the file gets the id it was known by written into it, in the
    /// same step (see [`crate::domain::Identities`]), so its calendar event stays the
    /// same event.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: String,
        focus: Option<Key>,
    ) -> Result<(), EditError> {
        let mut touched = Touched::default();
        let inverse = self
            .kept
            .apply_keeping_ids(&mut self.mission, edit, &mut touched)?
            .undo;
        self.history.push(Step {
            edit: inverse,
            label,
            focus,
        });
        self.reindex(&touched);
        Ok(())
    }

    /// Undoes the last step; `None` when there is none.
    pub fn undo(&mut self) -> Option<Result<Replayed, EditError>> {
        let step = self.history.take_undo()?;
        Some(self.replay(step, true))
    }

    /// Redoes the last undone step; `None` when there is none.
    pub fn redo(&mut self) -> Option<Result<Replayed, EditError>> {
        let step = self.history.take_redo()?;
        Some(self.replay(step, false))
    }

    fn replay(&mut self, step: Step, undoing: bool) -> Result<Replayed, EditError> {
        let Step { edit, label, focus } = step;
        let mut touched = Touched::default();
        match self
            .kept
            .apply(&mut self.mission, edit.clone(), &mut touched)
        {
            Ok(inverse) => {
                let step = Step {
                    edit: inverse,
                    label: label.clone(),
                    focus,
                };
                if undoing {
                    self.history.undone(step);
                } else {
                    self.history.redone(step);
                }
                self.reindex(&touched);
                Ok(Replayed { label, focus })
            }
            Err(err) => {
                // Put the step back where it was; history stays consistent.
                let step = Step { edit, label, focus };
                if undoing {
                    self.history.redone(step);
                } else {
                    self.history.undone(step);
                }
                Err(err)
            }
        }
    }

    /// After an edit, which brought the day index up to date: what else
    /// is derived from the mission.
    fn reindex(&mut self, touched: &Touched) {
        self.road = RefCell::new(None);
        self.agenda = AgendaRows::build(&self.kept.index);
        self.problems
            .update(&self.mission, &self.kept.index, touched);
        self.reshow();
        debug_assert_eq!(self.kept, Kept::of(&self.mission), "kept up to date");
    }

    /// The visits the filter shows, and their agenda, again.
    fn reshow(&mut self) {
        self.shown = (!self.filter.is_empty()).then(|| {
            let index = DayIndex::build_where(&self.mission, |v| self.filter.keeps(v));
            let agenda = AgendaRows::build(&index);
            (index, agenda)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Header, ListEdit, Visit};
    use chrono::NaiveDate;

    fn plan() -> Plan {
        let day = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        Plan::new(Mission {
            publish: None,
            header: Header::new("T", day, day),
            days: vec![],
            participants: vec![],
            visits: vec![Visit::new(day, "A")],
            routes: vec![],
        })
    }

    #[test]
    fn every_change_is_an_edit_that_undoes_and_redoes() {
        let mut plan = plan();
        let mut renamed = plan.mission().visits[0].clone();
        renamed.title = "B".into();
        let key = renamed.key;
        let edit = Edit::Visit(ListEdit::Replace(0, renamed));
        plan.apply(edit, "rename".into(), Some(key))
            .expect("applies");
        assert_eq!(plan.mission().visits[0].title, "B");
        assert!(plan.is_dirty());
        let undone = plan.undo().expect("a step").expect("replays");
        assert_eq!(undone.label, "rename");
        assert_eq!(plan.mission().visits[0].title, "A");
        assert!(!plan.is_dirty());
        plan.redo().expect("a step").expect("replays");
        assert_eq!(plan.index().visits_on(0), [0]);
        assert_eq!(plan.mission().visits[0].title, "B");
        assert!(plan.undo().is_some() && plan.undo().is_none());
    }

    #[test]
    fn the_problems_follow_every_edit_undo_and_redo() {
        let day = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        let at = |h| chrono::NaiveTime::from_hms_opt(h, 0, 0);
        let mut a = Visit::new(day, "A");
        (a.start, a.end) = (at(10), at(11));
        let mut b = Visit::new(day, "B");
        (b.start, b.end) = (at(12), at(13));
        let mut plan = Plan::new(Mission {
            publish: None,
            header: Header::new("T", day, day),
            days: vec![],
            participants: vec![],
            visits: vec![a, b.clone()],
            routes: vec![],
        });
        assert!(plan.problems().is_empty());
        (b.start, b.end) = (at(10), at(12));
        plan.apply(Edit::Visit(ListEdit::Replace(1, b)), "move".into(), None)
            .expect("applies");
        let messages = |plan: &Plan| -> Vec<String> {
            plan.problems().iter().map(|p| p.message.clone()).collect()
        };
        let overlap = "\"B\" (10:00–12:00) overlaps \"A\" (10:00–11:00) for the whole delegation";
        assert_eq!(messages(&plan), [overlap]);
        plan.undo().expect("a step").expect("replays");
        assert_eq!(messages(&plan), Vec::<String>::new());
        plan.redo().expect("a step").expect("replays");
        assert_eq!(messages(&plan), [overlap]);
    }

    #[test]
    fn an_edit_that_does_not_apply_leaves_no_step() {
        let mut plan = plan();
        let err = plan.apply(Edit::Visit(ListEdit::Remove(5)), "x".into(), None);
        assert!(err.is_err());
        assert!(!plan.history().can_undo());
        assert!(!plan.is_dirty());
    }

    #[test]
    fn what_is_on_now_follows_the_edits() {
        let day = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        let mut a = Visit::new(day, "A");
        a.start = chrono::NaiveTime::from_hms_opt(10, 0, 0);
        a.end = chrono::NaiveTime::from_hms_opt(11, 0, 0);
        let mut plan = Plan::new(Mission {
            publish: None,
            header: Header::new("T", day, day),
            days: vec![],
            participants: vec![],
            visits: vec![a.clone()],
            routes: vec![],
        });
        let now = day.and_hms_opt(10, 30, 0).expect("time");
        let on = |plan: &Plan| plan.road_at(now).current.map(|slot| slot.visit);
        assert_eq!(on(&plan), Some(0));
        assert_eq!(on(&plan), Some(0), "asked again");
        a.start = chrono::NaiveTime::from_hms_opt(11, 0, 0);
        a.end = chrono::NaiveTime::from_hms_opt(12, 0, 0);
        plan.apply(Edit::Visit(ListEdit::Replace(0, a)), "later".into(), None)
            .expect("applies");
        assert_eq!(on(&plan), None);
        assert_eq!(plan.road_at(now).next.map(|slot| slot.visit), Some(0));
        plan.undo().expect("a step").expect("replays");
        assert_eq!(on(&plan), Some(0));
    }
}
