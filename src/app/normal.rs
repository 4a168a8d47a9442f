//! The main screen: what its messages and keymap actions do.

use super::dialog::{Prompt, PromptKind};
use super::{App, Mode, Msg, Pane};
use crate::domain::ops::Direction;
use crate::input::Action;

impl App {
    pub(super) fn update_normal(&mut self, msg: Msg) {
        match msg {
            Msg::Action(action) => self.normal_action(action),
            Msg::SelectDay(day) => self.go_to_day(day),
            Msg::SelectVisit { day, pos } => {
                self.view.focus = Pane::Timeline;
                self.select(day, pos);
            }
            Msg::SelectParticipant(p) => {
                self.view.focus = Pane::Participants;
                self.view.participant =
                    p.min(self.plan.mission().participants.len().saturating_sub(1));
            }
            Msg::SelectScheduleRow(_)
            | Msg::Key(_)
            | Msg::Paste(_)
            | Msg::Done(_)
            | Msg::Idle(_) => {}
            Msg::Focus(pane) => self.view.focus = pane,
            Msg::Scroll { pane, lines } => self.scroll_pane(pane, lines),
        }
    }

    /// `t`: the timeline's times on the home clock, or local again.
    fn toggle_home_time(&mut self) {
        if self.view.home_time {
            self.view.home_time = false;
            self.info("Times are local, each in its visit's zone.");
            return;
        }
        match self.home_clock() {
            Some(clock) => {
                self.view.home_time = true;
                self.info(format!(
                    "Home time ({}); visits stay on their day.",
                    clock.home.name()
                ));
            }
            None => self.info(
                "No home time to show: the mission needs a timezone and a home_timezone \
                 (m edits the mission).",
            ),
        }
    }

    fn normal_action(&mut self, action: Action) {
        match action {
            Action::PrevDay => self.go_to_day(self.view.day.saturating_sub(1)),
            Action::NextDay => self.go_to_day(self.view.day + 1),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-(self.page(self.view.focus) as i64)),
            Action::PageDown => self.step(self.page(self.view.focus) as i64),
            Action::First => self.step(i64::MIN / 2),
            Action::Last => self.step(i64::MAX / 2),
            Action::FocusNext => self.view.focus = self.cycle_focus(1),
            Action::FocusPrev => self.view.focus = self.cycle_focus(-1),
            Action::Open => match self.view.focus {
                Pane::Participants => self.open_schedule(self.view.participant),
                Pane::Timeline | Pane::Detail => self.edit_selected(),
            },
            Action::Schedule => self.open_schedule(self.view.participant),
            Action::Problems => self.open_problems(),
            Action::ToggleHomeTime => self.toggle_home_time(),
            Action::ToggleAgenda => {
                self.view.all_days = !self.view.all_days;
                self.view.focus = Pane::Timeline;
            }
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Back => {
                // As vim's :noh: Esc ends the search, so `n` adds again.
                if self.search.take().is_some() {
                    self.info("Search ended.");
                }
                self.view.focus = Pane::Timeline;
            }
            Action::Search => self.mode = Mode::Prompt(Box::new(Prompt::new(PromptKind::Search))),
            Action::SearchNext => self.search_step(1),
            Action::SearchPrev => self.search_step(-1),
            Action::Filter => self.open_filter(),
            Action::ClearFilter => self.clear_filter(),
            Action::Quit => self.quit(),
            Action::Edit => self.edit_selected(),
            Action::Add => self.add(),
            Action::Duplicate => self.duplicate(),
            Action::Delete => self.delete(),
            Action::MoveUp if self.view.focus == Pane::Participants => self.move_participant(-1),
            Action::MoveDown if self.view.focus == Pane::Participants => self.move_participant(1),
            Action::MovePrevDay
            | Action::MoveNextDay
            | Action::Delay
            | Action::Advance
            | Action::Lengthen
            | Action::Shorten
                if self.view.focus == Pane::Participants =>
            {
                self.info("Moving to another day and shifting times apply to visits: Tab to the timeline.");
            }
            Action::MoveUp => self.move_within_day(Direction::Earlier),
            Action::MoveDown => self.move_within_day(Direction::Later),
            Action::MovePrevDay => self.move_to_day(Direction::Earlier),
            Action::MoveNextDay => self.move_to_day(Direction::Later),
            Action::Delay => self.ripple(i64::from(self.config.ripple_minutes)),
            Action::Advance => self.ripple(-i64::from(self.config.ripple_minutes)),
            Action::Lengthen => self.resize(i64::from(self.config.ripple_minutes)),
            Action::Shorten => self.resize(-i64::from(self.config.ripple_minutes)),
            Action::EditMission => self.edit_mission(),
            Action::EditDay => self.edit_day(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save_then(false, false),
            Action::Command => self.mode = Mode::Prompt(Box::new(Prompt::new(PromptKind::Command))),
            Action::Export => self.open_export(),
            Action::Publish => self.publish(),
            Action::Import => {
                self.mode = Mode::Prompt(Box::new(Prompt::new(PromptKind::Import)));
            }
            // The actions of forms, text fields and dialogs do nothing on
            // the main screen (the config offers them only in their modes).
            _ => {}
        }
    }
}
