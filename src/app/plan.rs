//! The mission being planned, with its undo history and what is derived
//! from it (the visits of each day, the rows of the all-days agenda).
//!
//! A [`Plan`] changes only by applying an [`Edit`]: [`Plan::apply`] records
//! the edit's inverse in the history, [`Plan::undo`] and [`Plan::redo`]
//! replay them, and each rebuilds the derived views. Nothing outside can
//! reach the mission mutably, so every change can be undone and every pane
//! shows the same, current mission. Reloading the file or restoring kept
//! changes builds a new plan.

use super::agenda::AgendaRows;
use super::history::{History, Step};
use crate::domain::{DayIndex, Edit, EditError, Key, Mission};

#[derive(Clone, Debug)]
pub struct Plan {
    mission: Mission,
    history: History,
    index: DayIndex,
    agenda: AgendaRows,
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
        let index = DayIndex::build(&mission);
        let agenda = AgendaRows::build(&index);
        Plan {
            mission,
            history,
            index,
            agenda,
        }
    }

    pub fn mission(&self) -> &Mission {
        &self.mission
    }

    /// Visits per day.
    pub fn index(&self) -> &DayIndex {
        &self.index
    }

    /// First row of each day in the all-days agenda.
    pub fn agenda(&self) -> &AgendaRows {
        &self.agenda
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
    /// `focus` when undone or redone.
    pub fn apply(
        &mut self,
        edit: Edit,
        label: String,
        focus: Option<Key>,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(&mut self.mission)?;
        self.history.push(Step {
            edit: inverse,
            label,
            focus,
        });
        self.reindex();
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
        match edit.clone().apply(&mut self.mission) {
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
                self.reindex();
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

    fn reindex(&mut self) {
        self.index = DayIndex::build(&self.mission);
        self.agenda = AgendaRows::build(&self.index);
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
    fn an_edit_that_does_not_apply_leaves_no_step() {
        let mut plan = plan();
        let err = plan.apply(Edit::Visit(ListEdit::Remove(5)), "x".into(), None);
        assert!(err.is_err());
        assert!(!plan.history().can_undo());
        assert!(!plan.is_dirty());
    }
}
