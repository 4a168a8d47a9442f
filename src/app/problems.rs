//! The problems panel (`!`): every problem of the plan, by day; Enter goes
//! to what a problem is about (its visit, its day, the participant).
//!
//! The list is not copied: the panel keeps a position in
//! [`Problems::iter`] order, and the UI reads the problems from the plan
//! each time it draws, so the panel is always the plan's current list.

use super::{App, Mode, Msg, Pane};
use crate::domain::problems::{Anchor, Problem, Problems};
use crate::input::Action;

/// The open problems panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ProblemList {
    /// Position of the selected problem in [`Problems::iter`] order.
    pub selected: usize,
    /// First row shown, set by the UI.
    pub scroll: usize,
}

impl App {
    /// The problems of the plan as it is now.
    pub fn problems(&self) -> &Problems {
        self.plan.problems()
    }

    pub(super) fn open_problems(&mut self) {
        if self.plan.problems().is_empty() {
            self.info("No problems: nothing overlaps, every change of city has its time.");
            return;
        }
        // Start on the first problem of the selected visit, if it has one.
        let selected = self
            .selected_visit()
            .map(|v| v.key)
            .and_then(|key| {
                self.plan
                    .problems()
                    .iter()
                    .position(|p| p.visits.contains(&key))
            })
            .unwrap_or(0);
        self.mode = Mode::Problems(ProblemList {
            selected,
            scroll: 0,
        });
    }

    pub(super) fn update_problems(&mut self, msg: Msg) {
        let page = self.view.viewport.popup.max(1) as i64;
        let last = self.plan.problems().len().saturating_sub(1);
        let Mode::Problems(list) = &mut self.mode else {
            return;
        };
        let moved = |by: i64| (list.selected as i64 + by).clamp(0, last as i64) as usize;
        match msg {
            Msg::Action(Action::Down) => list.selected = moved(1),
            Msg::Action(Action::Up) => list.selected = moved(-1),
            Msg::Action(Action::PageDown) => list.selected = moved(page),
            Msg::Action(Action::PageUp) => list.selected = moved(-page),
            Msg::Action(Action::First) => list.selected = 0,
            Msg::Action(Action::Last) => list.selected = last,
            Msg::Scroll { lines, .. } => list.selected = moved(lines.into()),
            Msg::Action(Action::Open) => {
                let chosen = list.selected;
                self.mode = Mode::Normal;
                self.go_to_problem(chosen);
            }
            Msg::Action(Action::Back | Action::Quit | Action::Problems) => self.mode = Mode::Normal,
            _ => {}
        }
    }

    /// Selects what problem `n` (in list order) is about.
    fn go_to_problem(&mut self, n: usize) {
        let Some(problem) = self.plan.problems().iter().nth(n).cloned() else {
            return;
        };
        match problem.at {
            Anchor::Visit { key, .. } => self.go_to_visit(key, &problem),
            Anchor::Day(date) => {
                self.view.focus = Pane::Timeline;
                self.view.all_days = false;
                self.select_date(date);
            }
            Anchor::Participant(key) => {
                if let Some(p) = self.plan.mission().participant_index(key) {
                    self.view.focus = Pane::Participants;
                    self.view.participant = p;
                }
            }
        }
    }

    fn go_to_visit(&mut self, key: crate::domain::Key, problem: &Problem) {
        let visit = self.plan.mission().visit_index(key);
        // A visit the filter hides is shown by clearing it.
        if visit.is_some_and(|i| self.index().slot(i).is_none()) && !self.filter().is_empty() {
            self.set_filter(super::Filter::default());
            self.info("Filter cleared to show the visit.");
        }
        // Positions are in the days as shown (the filter's, if any).
        let slot = visit.and_then(|i| self.index().slot(i));
        match slot {
            Some((day, pos)) => {
                self.view.focus = Pane::Timeline;
                self.select(day, pos);
            }
            None => {
                if let Some(date) = problem.date {
                    self.select_date(date);
                }
            }
        }
    }
}
