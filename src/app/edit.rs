//! Changing the plan: every change becomes one [`Edit`], applied and
//! recorded in the history, after which the derived views are rebuilt and
//! the selection follows the changed visit or participant.

use super::form::Form;
use super::{App, Confirm, Mode, Pane, Replayed};
use crate::domain::ops;
use crate::domain::{DayInfo, Edit, EditError, Key, ListEdit, Participant};
use crate::input::Action;

impl App {
    /// Applies `edit` as one undoable step, then selects `focus` (a visit's
    /// or participant's key).
    /// Returns whether the edit applied (when not, the status bar says
    /// why).
    pub fn apply(&mut self, edit: Edit, label: impl Into<String>, focus: Option<Key>) -> bool {
        let label = label.into();
        match self.plan.apply(edit, label.clone(), focus) {
            Ok(()) => {
                self.changed(focus);
                true
            }
            Err(err) => {
                self.error(format!("Could not {label}: {err}"));
                false
            }
        }
    }

    /// After any change to the mission: keep the selection in bounds and
    /// select `focus`.
    fn changed(&mut self, focus: Option<Key>) {
        let before = self.selected_index();
        self.clamp_selection();
        let Some(key) = focus else { return };
        let mission = self.plan.mission();
        let near = before.or_else(|| self.selected_index()).unwrap_or(0);
        if let Some(i) = mission.visit_index_near(key, near) {
            if let Some((day, pos)) = self.index().slot(i) {
                self.view.day = day;
                self.view.pos = pos;
            }
        } else if let Some(p) = mission.participant_index(key) {
            self.view.participant = p;
        }
    }

    pub fn undo(&mut self) {
        match self.plan.undo() {
            None => self.info("Nothing to undo."),
            Some(result) => self.replayed(result, "Undid"),
        }
    }

    pub fn redo(&mut self) {
        match self.plan.redo() {
            None => self.info("Nothing to redo."),
            Some(result) => self.replayed(result, "Redid"),
        }
    }

    fn replayed(&mut self, result: Result<Replayed, EditError>, done: &str) {
        match result {
            Ok(Replayed { label, focus }) => {
                self.info(format!("{done}: {label}"));
                self.changed(focus);
            }
            Err(err) => self.error(format!("Could not replay the change: {err}")),
        }
    }

    /// Enter or `e`: the edit form of the selected visit or participant.
    pub(super) fn edit_selected(&mut self) {
        if self.view.focus == Pane::Participants {
            match self.plan.mission().participants.get(self.view.participant) {
                Some(p) => {
                    let form = Form::participant(p, Some(self.view.participant));
                    self.mode = Mode::Form(Box::new(form));
                }
                None => self.info("The delegation is empty: n adds a participant."),
            }
            return;
        }
        match self.selected_index() {
            Some(i) => {
                let form =
                    Form::visit(self.plan.mission(), &self.plan.mission().visits[i], Some(i));
                self.mode = Mode::Form(Box::new(form));
            }
            None => self.info("No visit on this day: n adds one."),
        }
    }

    /// `n`: a new visit (on the selected day, starting when the selected
    /// visit ends) or a new participant, by pane.
    pub(super) fn add(&mut self) {
        if self.view.focus == Pane::Participants {
            let form = Form::participant(&Participant::new("", ""), None);
            self.mode = Mode::Form(Box::new(form));
            return;
        }
        let Some(date) = self.plan.index().date(self.view.day) else {
            return;
        };
        let mut visit = ops::new_visit(self.plan.mission(), date, self.selected_visit());
        visit.title.clear();
        let form = Form::visit(self.plan.mission(), &visit, None);
        self.mode = Mode::Form(Box::new(form));
    }

    pub(super) fn duplicate(&mut self) {
        if self.view.focus == Pane::Participants {
            let Some(p) = self.plan.mission().participants.get(self.view.participant) else {
                return;
            };
            let mut copy = p.clone();
            copy.key = Key::fresh();
            copy.id = ops::unique_id(&p.id, |id| self.plan.mission().participant(id).is_some());
            copy.name = ops::copy_name(&p.name);
            let (key, name, id) = (copy.key, copy.name.clone(), copy.id.clone());
            let edit = Edit::Participant(ListEdit::Insert(self.view.participant + 1, copy));
            if self.apply(edit, format!("duplicate {}", p.name), Some(key)) {
                let edit_key = self.key_hint(Action::Edit);
                self.info(format!("Added {name} (id {id}); {edit_key} edits them."));
            }
            return;
        }
        let Some(i) = self.selected_index() else {
            self.info("No visit selected.");
            return;
        };
        let original = &self.plan.mission().visits[i];
        let copy = ops::duplicate_visit(self.plan.mission(), original);
        let overlaps = copy.overlaps(original);
        let (key, title) = (copy.key, copy.title.clone());
        let edit = Edit::Visit(ListEdit::Insert(i + 1, copy));
        if !self.apply(edit, format!("add \"{title}\""), Some(key)) {
            return;
        }
        let edit_key = self.key_hint(Action::Edit);
        if overlaps {
            // The copy is selected, under the original, at the same time.
            let up = self.key_hint(Action::MoveUp);
            let down = self.key_hint(Action::MoveDown);
            self.warn(format!(
                "The copy overlaps the original; move it with {up}/{down} or change its \
                 time ({edit_key})."
            ));
        } else {
            self.info(format!(
                "Added \"{title}\" after the original; {edit_key} edits it."
            ));
        }
    }

    /// The key for `action`, to name it in a message.
    fn key_hint(&self, action: Action) -> String {
        self.config.keymap.hint_label(action).unwrap_or_default()
    }

    pub(super) fn delete(&mut self) {
        if self.view.focus == Pane::Participants {
            let Some(p) = self.plan.mission().participants.get(self.view.participant) else {
                return;
            };
            let attends = self
                .plan
                .mission()
                .visits
                .iter()
                .filter(|v| v.attended_by(&p.id))
                .count();
            if attends > 0 {
                self.mode = Mode::Confirm(Confirm::DeleteParticipant {
                    index: self.view.participant,
                    attends,
                    named: ops::references(self.plan.mission(), &p.id),
                });
            } else {
                self.delete_participant(self.view.participant);
            }
            return;
        }
        let Some(i) = self.selected_index() else {
            self.info("No visit selected.");
            return;
        };
        let title = self.plan.mission().visits[i].title.clone();
        self.apply(
            Edit::Visit(ListEdit::Remove(i)),
            format!("delete \"{title}\""),
            None,
        );
        let undo = self
            .config
            .keymap
            .hint_label(Action::Undo)
            .unwrap_or_default();
        self.info(format!("Deleted \"{title}\"; {undo} brings it back."));
    }

    pub(super) fn delete_participant(&mut self, index: usize) {
        let Some(p) = self.plan.mission().participants.get(index) else {
            return;
        };
        let name = p.name.clone();
        let from = match ops::references(self.plan.mission(), &p.id) {
            0 => String::new(),
            1 => " and from the visit that named them".to_string(),
            n => format!(" and from the {n} visits that named them"),
        };
        if let Some(edit) = ops::delete_participant(self.plan.mission(), index) {
            self.apply(edit, format!("delete {name}"), None);
            self.info(format!("Removed {name} from the delegation{from}."));
        }
    }

    /// `K`/`J` in the delegation pane: the selected participant moves up or
    /// down the list (the order of the delegation in the file and the
    /// agenda).
    pub(super) fn move_participant(&mut self, by: isize) {
        let from = self.view.participant;
        let to = from as isize + by;
        if to < 0 || to as usize >= self.plan.mission().participants.len() {
            self.info(if by < 0 {
                "Already first in the delegation."
            } else {
                "Already last in the delegation."
            });
            return;
        }
        let Some(p) = self.plan.mission().participants.get(from) else {
            return;
        };
        let (key, name) = (p.key, p.name.clone());
        let edit = Edit::Participant(ListEdit::Move {
            from,
            to: to as usize,
        });
        self.apply(edit, format!("move {name}"), Some(key));
    }

    pub(super) fn edit_mission(&mut self) {
        self.mode = Mode::Form(Box::new(Form::mission(&self.plan.mission().header)));
    }

    pub(super) fn edit_day(&mut self) {
        let Some(date) = self.plan.index().date(self.view.day) else {
            return;
        };
        let info = self
            .plan
            .mission()
            .day_info(date)
            .cloned()
            .unwrap_or_else(|| DayInfo::new(date));
        self.mode = Mode::Form(Box::new(Form::day(&info)));
    }
}

pub(super) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
