//! Undo and redo: two stacks of inverse edits, and the position of the
//! last save.
//!
//! Every change to the mission is an [`Edit`]; applying it yields the edit
//! that undoes it, which goes on the undo stack. Undoing applies that
//! inverse and puts *its* inverse on the redo stack. History is unbounded
//! for the session: an edit costs the size of what it changed, not a copy
//! of the mission.
//!
//! "Unsaved" is derived, never tracked by hand: the mission is saved when
//! the undo stack has the depth it had at the last save, and no edit since
//! then has replaced an undone one.

use crate::domain::{Edit, Key};

/// One step of history.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The edit that reverses this step.
    pub edit: Edit,
    /// What the step did, for the status bar ("moved visit", "edited title").
    pub label: String,
    /// The visit or participant to select after undoing or redoing.
    pub focus: Option<Key>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// Counts every change (edit, undo, redo), so a state of the mission
    /// can be recognised: the same generation, the same mission.
    generation: u64,
    /// Undo depth at the last save, or `None` when that state can no longer
    /// be reached (an edit replaced undone steps) or was never on disk.
    saved: Option<usize>,
}

impl History {
    /// History for a mission that matches the file on disk.
    pub fn new() -> Self {
        History {
            saved: Some(0),
            ..History::default()
        }
    }

    /// History for a mission that differs from the file on disk from the
    /// start (restored from a recovery file).
    pub fn unsaved() -> Self {
        History {
            saved: None,
            ..History::default()
        }
    }

    /// Records a step that was just applied.
    pub fn push(&mut self, step: Step) {
        self.generation += 1;
        if self.saved.is_some_and(|depth| depth > self.undo.len()) {
            self.saved = None;
        }
        self.redo.clear();
        self.undo.push(step);
    }

    /// The step to undo, taken off the undo stack. Give the step with its
    /// edit replaced by the redo edit back through [`History::undone`].
    pub fn take_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    pub fn undone(&mut self, step: Step) {
        self.generation += 1;
        self.redo.push(step);
    }

    pub fn take_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    pub fn redone(&mut self, step: Step) {
        self.generation += 1;
        self.undo.push(step);
    }

    /// Changes so far: equal generations mean an unchanged mission.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    pub fn mark_saved(&mut self) {
        self.saved = Some(self.undo.len());
    }

    /// Whether the mission differs from what was last saved (or loaded).
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.undo.len())
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Header;
    use chrono::NaiveDate;

    fn step(label: &str) -> Step {
        let date = NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        Step {
            edit: Edit::Header(Header::new(label, date, date)),
            label: label.into(),
            focus: None,
        }
    }

    #[test]
    fn unsaved_marker_follows_the_undo_position() {
        let mut h = History::new();
        assert!(!h.is_dirty());
        h.push(step("a"));
        assert!(h.is_dirty());
        let a = h.take_undo().expect("a");
        h.undone(a);
        assert!(
            !h.is_dirty(),
            "undoing back to the saved state clears the marker"
        );
        let a = h.take_redo().expect("a");
        h.redone(a);
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
        h.push(step("b"));
        let b = h.take_undo().expect("b");
        h.undone(b);
        assert!(!h.is_dirty());
    }

    #[test]
    fn an_edit_after_undoing_past_the_save_makes_it_unreachable() {
        let mut h = History::new();
        h.push(step("a"));
        h.mark_saved();
        let a = h.take_undo().expect("a");
        h.undone(a);
        assert!(h.is_dirty(), "undone past the save");
        h.push(step("b"));
        assert!(h.is_dirty());
        let b = h.take_undo().expect("b");
        h.undone(b);
        assert!(
            h.is_dirty(),
            "the saved state was replaced, not reached again"
        );
        assert!(!h.can_undo());
    }

    #[test]
    fn restored_missions_start_unsaved() {
        assert!(History::unsaved().is_dirty());
    }
}
