//! The popups over the main screen: help, a participant's schedule, and
//! edit forms.

use super::{App, Mode, Msg, Pane, Schedule, form};
use crate::input::Action;

impl App {
    pub(super) fn update_help(&mut self, msg: Msg) {
        let Mode::Help { scroll } = &mut self.mode else {
            return;
        };
        match msg {
            Msg::Action(Action::Down) => *scroll += 1,
            Msg::Action(Action::Up) => *scroll = scroll.saturating_sub(1),
            Msg::Action(Action::PageDown) => *scroll += self.view.viewport.popup.max(1),
            Msg::Action(Action::PageUp) => {
                *scroll = scroll.saturating_sub(self.view.viewport.popup.max(1))
            }
            Msg::Action(Action::First) => *scroll = 0,
            Msg::Action(Action::Last) => *scroll = usize::MAX / 2,
            Msg::Scroll { lines, .. } => {
                *scroll = scroll.saturating_add_signed(lines as isize);
            }
            Msg::Action(_) => self.mode = Mode::Normal,
            _ => {}
        }
    }

    pub(super) fn update_schedule(&mut self, msg: Msg) {
        let page = self.view.viewport.popup.max(1) as i64;
        let Mode::Schedule(schedule) = &mut self.mode else {
            return;
        };
        let last = schedule.visits.len().saturating_sub(1);
        let moved = |by: i64| (schedule.selected as i64 + by).clamp(0, last as i64) as usize;
        match msg {
            Msg::Action(Action::Down) => schedule.selected = moved(1),
            Msg::Action(Action::Up) => schedule.selected = moved(-1),
            Msg::Action(Action::PageDown) => schedule.selected = moved(page),
            Msg::Action(Action::PageUp) => schedule.selected = moved(-page),
            Msg::Action(Action::First) => schedule.selected = 0,
            Msg::Action(Action::Last) => schedule.selected = last,
            Msg::Scroll { lines, .. } => schedule.selected = moved(lines.into()),
            Msg::SelectScheduleRow(row) => schedule.selected = row.min(last),
            Msg::Action(Action::Open) => {
                let target = schedule.visits.get(schedule.selected).copied();
                self.mode = Mode::Normal;
                if let Some((day, pos)) = target.and_then(|v| self.plan.index().slot(v)) {
                    self.select(day, pos);
                    self.view.focus = Pane::Timeline;
                }
            }
            Msg::Action(Action::Back | Action::Quit | Action::Schedule) => self.mode = Mode::Normal,
            _ => {}
        }
    }

    pub(super) fn update_form(&mut self, msg: Msg) {
        let Mode::Form(form) = &mut self.mode else {
            return;
        };
        let outcome = match msg {
            Msg::Key(key) => form.key(key, self.plan.mission(), &self.config.keymap),
            Msg::Paste(text) => {
                form.paste(&text, self.plan.mission());
                form::Outcome::Continue
            }
            Msg::Scroll { lines, .. } => {
                form.scroll = form.scroll.saturating_add_signed(lines as isize);
                form::Outcome::Continue
            }
            _ => form::Outcome::Continue,
        };
        match outcome {
            form::Outcome::Continue => {}
            form::Outcome::Cancel => {
                self.mode = Mode::Normal;
                self.info("Cancelled; nothing changed.");
            }
            form::Outcome::Apply => {
                if let Mode::Form(form) = std::mem::replace(&mut self.mode, Mode::Normal) {
                    self.apply_form(*form);
                }
            }
        }
    }

    /// Shows the schedule of participant `p`.
    pub fn open_schedule(&mut self, p: usize) {
        let Some(person) = self.plan.mission().participants.get(p) else {
            self.info("The delegation is empty.");
            return;
        };
        let visits: Vec<usize> = (0..self.plan.index().len())
            .flat_map(|day| self.plan.index().visits_on(day).iter().copied())
            .filter(|&v| self.plan.mission().visits[v].attended_by(&person.id))
            .collect();
        let selected = match &self.mode {
            Mode::Schedule(s) if s.participant == p => {
                s.selected.min(visits.len().saturating_sub(1))
            }
            _ => 0,
        };
        self.mode = Mode::Schedule(Schedule {
            participant: p,
            visits,
            selected,
            scroll: 0,
        });
    }
}
