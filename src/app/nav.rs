//! Moving the selection: days, visits, participants, scrolling.

use super::{App, Pane};

impl App {
    pub(super) fn go_to_day(&mut self, day: usize) {
        let day = day.min(self.plan.index().len().saturating_sub(1));
        if day != self.view.day {
            self.view.scroll.detail = 0;
        }
        self.view.day = day;
        self.view.pos = 0;
    }

    /// Selects visit `pos` of `day` (clamped).
    pub fn select(&mut self, day: usize, pos: usize) {
        self.go_to_day(day);
        let pos = pos.min(self.day_visits().len().saturating_sub(1));
        if pos != self.view.pos {
            self.view.scroll.detail = 0;
        }
        self.view.pos = pos;
    }

    /// Rows in a page of `pane`.
    pub(super) fn page(&self, pane: Pane) -> usize {
        let rows = match pane {
            Pane::Timeline => self.view.viewport.timeline / super::VISIT_ROWS,
            Pane::Detail => self.view.viewport.detail,
            Pane::Participants => self.view.viewport.participants,
        };
        rows.max(1)
    }

    /// Moves the focused pane's selection (or the detail's scroll) by
    /// `delta` rows, clamped to the ends.
    pub(super) fn step(&mut self, delta: i64) {
        match self.view.focus {
            Pane::Timeline if self.view.all_days => self.step_agenda(delta),
            Pane::Timeline => {
                let last = self.day_visits().len().saturating_sub(1);
                let pos = clamp(self.view.pos as i64 + delta, last);
                if pos != self.view.pos {
                    self.view.scroll.detail = 0;
                }
                self.view.pos = pos;
            }
            Pane::Detail => {
                self.view.scroll.detail =
                    clamp(self.view.scroll.detail as i64 + delta, usize::MAX / 4);
            }
            Pane::Participants => {
                let last = self.plan.mission().participants.len().saturating_sub(1);
                self.view.participant = clamp(self.view.participant as i64 + delta, last);
            }
        }
    }

    /// In the all-days agenda, steps over visits across day boundaries,
    /// skipping days without visits.
    fn step_agenda(&mut self, delta: i64) {
        let total = self.plan.index().visit_count();
        if total == 0 {
            return;
        }
        let here = self.plan.agenda().visits_before(self.view.day) + self.view.pos;
        let target = clamp(here as i64 + delta, total - 1);
        if let Some((day, pos)) = self.plan.agenda().visit_at(target) {
            if (day, pos) != (self.view.day, self.view.pos) {
                self.view.scroll.detail = 0;
            }
            self.view.day = day;
            self.view.pos = pos;
        }
    }

    pub(super) fn cycle_focus(&self, by: isize) -> Pane {
        let panes = Pane::ALL;
        let here = panes
            .iter()
            .position(|p| *p == self.view.focus)
            .unwrap_or(0);
        let next = (here as isize + by).rem_euclid(panes.len() as isize) as usize;
        panes[next]
    }

    /// The mouse wheel: moves the selection of the pane under the pointer
    /// (scrolls the detail pane three lines a notch).
    pub(super) fn scroll_pane(&mut self, pane: Pane, lines: i32) {
        let focus = self.view.focus;
        self.view.focus = pane;
        let lines = i64::from(lines);
        self.step(if pane == Pane::Detail {
            lines * 3
        } else {
            lines
        });
        self.view.focus = focus;
    }
}

fn clamp(value: i64, last: usize) -> usize {
    value.clamp(0, last as i64) as usize
}
