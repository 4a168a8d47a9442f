//! The planner's state and how it changes.
//!
//! [`App`] holds three things apart: the [`Plan`] (the mission, its undo
//! history and the views derived from it, changed only by edits), the
//! [`View`] (selection, focus, scrolling) with the [`Mode`] on top of it
//! (help, a schedule, the problems panel, a form, a dialog, the command
//! line), and what it
//! knows of the file (its name, another itinera that has it open).
//!
//! Input becomes a [`Msg`] (a key, a paste, a mouse click resolved by the
//! UI to what was under the pointer); [`App::update`] is the only place
//! state changes, and it never reads the disk or the clock: what must
//! happen outside (save, reload, keep unsaved changes, export, publish,
//! quit) it returns as [`Effect`]s, which the runner performs and reports
//! back as [`Msg::Done`] (a publish, which runs in the background, reports
//! when it starts and again when it ends). The UI (`crate::ui`) draws
//! from a shared `&App` and, after each update, fits scroll offsets to the
//! screen (`ui::settle`), telling the app how many rows each pane shows
//! ([`Viewport`]).

mod agenda;
mod apply;
mod command;
mod dialog;
mod edit;
mod effects;
mod exporting;
mod filter;
pub mod form;
mod history;
mod importing;
mod keeping;
mod nav;
mod normal;
mod plan;
mod popups;
mod problems;
mod publishing;
mod road;
mod saving;
mod search;
mod text_input;
mod timing;
mod view;

pub use agenda::{AgendaRows, VISIT_ROWS};
pub use dialog::{Confirm, Prompt, PromptKind};
pub use effects::{
    Effect, Elsewhere, ExportRequest, ExportScope, Imported, Password, Pending, Recovery, Report,
};
pub use filter::{Filter, FilterPicker, PickerRow};
pub use history::{History, Step};
pub use plan::{Plan, Replayed};
pub use problems::ProblemList;
pub use search::{Search, fold};
pub use text_input::TextInput;
pub use view::{Pane, Scroll, View, Viewport};

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, Offset, Utc};

use crate::domain::{DayIndex, Mission, Visit};
use crate::input::{Action, Config, Key, KeyMode};

/// What is on top of the main screen.
pub enum Mode {
    Normal,
    Help {
        scroll: usize,
    },
    Schedule(Schedule),
    /// The problems of the plan, by day.
    Problems(ProblemList),
    Form(Box<form::Form>),
    Confirm(Confirm),
    Prompt(Box<Prompt>),
    /// The filter picker.
    Filter(Box<FilterPicker>),
}

impl Mode {
    /// The keymap mode whose first action for a key is what the key does;
    /// `None` for forms, dialogs and prompts, which choose among a key's
    /// actions by what their focused field or their question offers.
    fn keys(&self) -> Option<KeyMode> {
        match self {
            Mode::Normal => Some(KeyMode::Normal),
            Mode::Help { .. } => Some(KeyMode::Help),
            Mode::Schedule(_) => Some(KeyMode::Schedule),
            Mode::Problems(_) => Some(KeyMode::Problems),
            Mode::Form(_) | Mode::Confirm(_) | Mode::Prompt(_) | Mode::Filter(_) => None,
        }
    }
}

/// One participant's visits across all days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Schedule {
    pub participant: usize,
    /// Indices into `Mission::visits`, in day order.
    pub visits: Vec<usize>,
    pub selected: usize,
    pub scroll: usize,
}

/// Input after the keymap and mouse hit-testing, and the runner's news.
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Action(Action),
    /// A key as pressed; the open popup, form or dialog says what it does
    /// (on the main screen, the keymap).
    Key(Key),
    /// Text pasted into the terminal.
    Paste(String),
    SelectDay(usize),
    SelectVisit {
        day: usize,
        pos: usize,
    },
    SelectParticipant(usize),
    SelectScheduleRow(usize),
    Focus(Pane),
    /// Mouse wheel over a pane: positive is down.
    Scroll {
        pane: Pane,
        lines: i32,
    },
    /// How an effect went.
    Done(Report),
    /// The user has been idle for a moment; the recovery file is as given.
    Idle(Recovery),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub level: Level,
    pub text: String,
}

/// The mission file as the planner opens it: its path, whether another
/// itinera has it open, and changes an earlier session kept for it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opening {
    pub path: PathBuf,
    pub elsewhere: Option<Elsewhere>,
    pub pending: Option<Pending>,
}

pub struct App {
    plan: Plan,
    pub view: View,
    pub mode: Mode,
    pub message: Option<Message>,
    pub config: Config,
    /// The mission file (as the runner last reported it).
    pub file: PathBuf,
    /// Another itinera that has the mission open, when this one opened it
    /// (or saved it under a new name).
    pub elsewhere: Option<Elsewhere>,
    /// The current time, for the clocks; set by the event loop.
    pub now: Option<DateTime<Utc>>,
    /// The computer's offset from UTC, for a mission without a time zone;
    /// set by the event loop.
    pub local_offset: FixedOffset,
    /// The search last run, while `n` and `N` step through it.
    pub search: Option<Search>,
    /// Whether the planner marks what is on now ([`App::start_on`]).
    follows_clock: bool,
    /// Set when the app has asked to quit ([`Effect::Quit`]).
    pub should_quit: bool,
    /// The calendar a publish is running to, until the runner says how it
    /// went.
    pub publishing: Option<String>,
    /// The format of the last export, which the next one starts from.
    export_format: Option<crate::export::Format>,
    /// The history generation last written to the recovery file.
    kept_generation: Option<u64>,
    /// Effects asked for during the current update.
    effects: Vec<Effect>,
}

impl App {
    /// The planner on a freshly loaded `mission`.
    pub fn new(mission: Mission, config: Config, opening: Opening) -> Self {
        let mut app = App {
            plan: Plan::new(mission),
            view: View::default(),
            mode: Mode::Normal,
            message: None,
            config,
            file: opening.path,
            elsewhere: opening.elsewhere,
            now: None,
            local_offset: Utc.fix(),
            search: None,
            follows_clock: false,
            should_quit: false,
            publishing: None,
            export_format: None,
            kept_generation: None,
            effects: Vec::new(),
        };
        if let Some(warning) = app.lock_warning() {
            app.warn(warning);
        }
        if let Some(Pending { path, kept_at }) = opening.pending {
            app.mode = Mode::Confirm(Confirm::Recovery { path, kept_at });
        }
        app
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn mission(&self) -> &Mission {
        self.plan.mission()
    }

    /// The visits shown per day: those the filter keeps.
    pub fn index(&self) -> &DayIndex {
        self.plan.shown_index()
    }

    /// Rows of the all-days agenda, of the visits shown.
    pub fn agenda(&self) -> &AgendaRows {
        self.plan.shown_agenda()
    }

    pub fn history(&self) -> &History {
        self.plan.history()
    }

    /// Whether the mission differs from the file as last read or saved.
    pub fn is_dirty(&self) -> bool {
        self.plan.is_dirty()
    }

    /// The file name, for the status bar and messages.
    pub fn file_name(&self) -> String {
        self.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// The home clock, when the mission has both a zone and a home zone.
    pub fn home_clock(&self) -> Option<crate::domain::Clock> {
        let header = &self.plan.mission().header;
        Some(crate::domain::Clock {
            trip: header.timezone?,
            home: header.home_timezone?,
        })
    }

    /// The clock the timeline's times are on: the home clock when the
    /// user asked for it and the mission has one, else `None` (local).
    pub fn timeline_clock(&self) -> Option<crate::domain::Clock> {
        self.home_clock().filter(|_| self.view.home_time)
    }

    /// Selects `date` when it is one of the mission's days.
    pub fn select_date(&mut self, date: chrono::NaiveDate) {
        if let Some(day) = self.plan.index().day_of_date(date) {
            self.view.day = day;
            self.view.pos = 0;
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.say(Level::Info, text);
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.say(Level::Warning, text);
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.say(Level::Error, text);
    }

    fn say(&mut self, level: Level, text: impl Into<String>) {
        self.message = Some(Message {
            level,
            text: text.into(),
        });
    }

    /// Asks the runner for `effect`.
    fn effect(&mut self, effect: Effect) {
        if effect == Effect::Quit {
            self.should_quit = true;
        }
        self.effects.push(effect);
    }

    /// The visits of the selected day that are shown, as indices into
    /// `mission.visits`.
    pub fn day_visits(&self) -> &[usize] {
        self.index().visits_on(self.view.day)
    }

    /// Index into `mission.visits` of the selected visit.
    pub fn selected_index(&self) -> Option<usize> {
        self.day_visits().get(self.view.pos).copied()
    }

    pub fn selected_visit(&self) -> Option<&Visit> {
        self.selected_index()
            .map(|i| &self.plan.mission().visits[i])
    }

    /// Keeps the selection within bounds after the mission changed.
    fn clamp_selection(&mut self) {
        let index = self.plan.index();
        self.view.day = self.view.day.min(index.len().saturating_sub(1));
        self.view.pos = self.view.pos.min(self.day_visits().len().saturating_sub(1));
        self.view.participant = self
            .view
            .participant
            .min(self.plan.mission().participants.len().saturating_sub(1));
        if let Mode::Schedule(schedule) = &self.mode {
            let participant = schedule.participant;
            self.open_schedule(participant);
        }
    }

    /// Starts over on `plan` (a reloaded file, restored changes).
    fn replace_plan(&mut self, mut plan: Plan) {
        plan.set_filter(self.plan.filter().clone());
        self.plan = plan;
        self.clamp_selection();
    }

    /// Handles `msg`; returns what the runner must do.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        self.dispatch(msg);
        std::mem::take(&mut self.effects)
    }

    /// Whether a key bound to `action` does it now: stepping through
    /// search matches only while there is a search (`n` adds a visit
    /// otherwise).
    fn offers(&self, action: Action) -> bool {
        match action {
            Action::SearchNext | Action::SearchPrev => self.search.is_some(),
            _ => true,
        }
    }

    fn dispatch(&mut self, msg: Msg) {
        // Keys for the main screen and its help and schedule popups become
        // their mode's actions; forms, dialogs and prompts read their keys
        // (through their own modes of the keymap) themselves.
        let msg = match msg {
            Msg::Key(key) => match self.mode.keys() {
                Some(mode) => {
                    let actions = self.config.keymap.actions_in(mode, key);
                    match actions.into_iter().find(|a| self.offers(*a)) {
                        Some(action) => Msg::Action(action),
                        None => return,
                    }
                }
                None => Msg::Key(key),
            },
            Msg::Done(report) => return self.report(report),
            Msg::Idle(recovery) => return self.idle(recovery),
            msg => msg,
        };
        if let Msg::Action(_) = msg {
            self.message = None;
        }
        match &self.mode {
            Mode::Normal => self.update_normal(msg),
            Mode::Help { .. } => self.update_help(msg),
            Mode::Schedule(_) => self.update_schedule(msg),
            Mode::Problems(_) => self.update_problems(msg),
            Mode::Form(_) => self.update_form(msg),
            Mode::Confirm(_) => self.update_confirm(msg),
            Mode::Prompt(_) => self.update_prompt(msg),
            Mode::Filter(_) => self.update_filter(msg),
        }
    }
}
