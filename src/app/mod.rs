//! The planner's state and how it changes.
//!
//! One [`App`] holds the mission, the selection and the open popup. Input
//! becomes a [`Msg`] (a keymap [`Action`], or a mouse click resolved by the
//! UI to what was under the pointer); [`App::update`] is the only place
//! state changes. The UI (`crate::ui`) draws from a shared `&App` and, after
//! each update, fits scroll offsets to the screen (`ui::settle`), telling
//! the app how many rows each pane shows ([`Viewport`]).
//!
//! The mission is only ever changed through `domain::Edit`s recorded in the
//! undo history, so every pane always shows the same, current mission.

mod agenda;
mod command;
mod dialog;
mod document;
mod edit;
pub mod form;
mod history;
mod keeping;
mod nav;
mod popups;
mod recovery;
mod text_input;
mod timing;

pub use agenda::{AgendaRows, VISIT_ROWS};
pub use dialog::{Confirm, Prompt, PromptKind};
pub use document::{Document, SaveFailure};
pub use history::{History, Step};
pub use text_input::TextInput;

use chrono::{DateTime, Utc};

use crate::domain::{DayIndex, Mission, Visit};
use crate::file::Loaded;
use crate::input::{Action, Config, Key, KeyMode};
use crate::paths::Dirs;

/// The three panes of the main screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Timeline,
    Detail,
    Participants,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Timeline, Pane::Detail, Pane::Participants];

    pub fn title(self) -> &'static str {
        match self {
            Pane::Timeline => "Timeline",
            Pane::Detail => "Visit",
            Pane::Participants => "Delegation",
        }
    }
}

/// What is on top of the main screen.
pub enum Mode {
    Normal,
    Help { scroll: usize },
    Schedule(Schedule),
    Form(Box<form::Form>),
    Confirm(Confirm),
    Prompt(Box<Prompt>),
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
            Mode::Form(_) | Mode::Confirm(_) | Mode::Prompt(_) => None,
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

/// Input after the keymap and mouse hit-testing.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Rows each scrollable area shows, as last laid out by the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Viewport {
    pub timeline: usize,
    pub detail: usize,
    pub participants: usize,
    pub popup: usize,
}

/// Scroll offsets (first visible row) of the scrollable areas.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scroll {
    pub timeline: usize,
    pub detail: usize,
    pub participants: usize,
}

pub struct App {
    pub mission: Mission,
    /// Visits per day; rebuilt whenever the mission changes.
    pub index: DayIndex,
    /// First row of each day in the all-days agenda; rebuilt with `index`.
    pub agenda: AgendaRows,
    /// The file behind the mission.
    pub doc: Document,
    pub history: History,
    /// The history generation last written to the recovery file.
    pub(crate) kept_generation: Option<u64>,
    /// Selected day (index into `index.dates()`).
    pub day: usize,
    /// Selected visit: position within the selected day.
    pub pos: usize,
    /// Selected participant (index into `mission.participants`).
    pub participant: usize,
    pub focus: Pane,
    /// Whether the timeline pane shows every day (the agenda) or one.
    pub all_days: bool,
    pub scroll: Scroll,
    pub viewport: Viewport,
    pub mode: Mode,
    pub message: Option<Message>,
    pub config: Config,
    /// The current time, for the clocks; set by the event loop.
    pub now: Option<DateTime<Utc>>,
    pub should_quit: bool,
}

impl App {
    /// The planner on a freshly loaded file. `dirs` is where lock and
    /// recovery files go (none in tests that do not need them).
    pub fn open(loaded: Loaded, config: Config, dirs: Option<Dirs>) -> Self {
        let Loaded {
            path,
            parsed,
            bytes,
        } = loaded;
        let (doc, lock_warning) = Document::new(path, parsed.base, bytes, dirs);
        let mission = parsed.mission;
        let index = DayIndex::build(&mission);
        let agenda = AgendaRows::build(&index);
        let mut app = App {
            mission,
            index,
            agenda,
            doc,
            history: History::new(),
            kept_generation: None,
            day: 0,
            pos: 0,
            participant: 0,
            focus: Pane::Timeline,
            all_days: false,
            scroll: Scroll::default(),
            viewport: Viewport::default(),
            mode: Mode::Normal,
            message: None,
            config,
            now: None,
            should_quit: false,
        };
        if let Some(warning) = lock_warning {
            app.warn(warning);
        }
        if let Some(path) = app.doc.pending_recovery() {
            app.mode = Mode::Confirm(Confirm::Recovery { path });
        }
        app
    }

    /// Whether the mission differs from the file as last read or saved.
    pub fn is_dirty(&self) -> bool {
        self.history.is_dirty()
    }

    /// During the trip, the planner opens on today: the date `now` is in
    /// the mission's time zone (or the computer's, without one).
    pub fn start_on(&mut self, now: DateTime<Utc>) {
        let today = match self.mission.header.timezone {
            Some(tz) => now.with_timezone(&tz).date_naive(),
            None => now.with_timezone(&chrono::Local).date_naive(),
        };
        self.select_date(today);
    }

    /// Selects `date` when it is one of the mission's days.
    pub fn select_date(&mut self, date: chrono::NaiveDate) {
        if let Some(day) = self.index.day_of_date(date) {
            self.day = day;
            self.pos = 0;
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            level: Level::Info,
            text: text.into(),
        });
    }

    pub fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            level: Level::Warning,
            text: text.into(),
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            level: Level::Error,
            text: text.into(),
        });
    }

    /// The visits of the selected day, as indices into `mission.visits`.
    pub fn day_visits(&self) -> &[usize] {
        self.index.visits_on(self.day)
    }

    /// Index into `mission.visits` of the selected visit.
    pub fn selected_index(&self) -> Option<usize> {
        self.day_visits().get(self.pos).copied()
    }

    pub fn selected_visit(&self) -> Option<&Visit> {
        self.selected_index().map(|i| &self.mission.visits[i])
    }

    /// Rebuilds what is derived from the mission after it changed, keeping
    /// the selection within bounds.
    pub fn reindex(&mut self) {
        self.index = DayIndex::build(&self.mission);
        self.agenda = AgendaRows::build(&self.index);
        self.day = self.day.min(self.index.len().saturating_sub(1));
        self.pos = self.pos.min(self.day_visits().len().saturating_sub(1));
        self.participant = self
            .participant
            .min(self.mission.participants.len().saturating_sub(1));
        if let Mode::Schedule(schedule) = &self.mode {
            let participant = schedule.participant;
            self.open_schedule(participant);
        }
    }

    pub fn update(&mut self, msg: Msg) {
        // Keys for the main screen and its help and schedule popups become
        // their mode's actions; forms, dialogs and prompts read their keys
        // (through their own modes of the keymap) themselves.
        let msg = match msg {
            Msg::Key(key) => match self.mode.keys() {
                Some(mode) => match self.config.keymap.actions_in(mode, key).first() {
                    Some(action) => Msg::Action(*action),
                    None => return,
                },
                None => Msg::Key(key),
            },
            msg => msg,
        };
        if let Msg::Action(_) = msg {
            self.message = None;
        }
        match &self.mode {
            Mode::Normal => self.update_normal(msg),
            Mode::Help { .. } => self.update_help(msg),
            Mode::Schedule(_) => self.update_schedule(msg),
            Mode::Form(_) => self.update_form(msg),
            Mode::Confirm(_) => self.update_confirm(msg),
            Mode::Prompt(_) => self.update_prompt(msg),
        }
    }

    fn update_normal(&mut self, msg: Msg) {
        match msg {
            Msg::Action(action) => self.normal_action(action),
            Msg::SelectDay(day) => self.go_to_day(day),
            Msg::SelectVisit { day, pos } => {
                self.focus = Pane::Timeline;
                self.select(day, pos);
            }
            Msg::SelectParticipant(p) => {
                self.focus = Pane::Participants;
                self.participant = p.min(self.mission.participants.len().saturating_sub(1));
            }
            Msg::SelectScheduleRow(_) | Msg::Key(_) | Msg::Paste(_) => {}
            Msg::Focus(pane) => self.focus = pane,
            Msg::Scroll { pane, lines } => self.scroll_pane(pane, lines),
        }
    }

    fn normal_action(&mut self, action: Action) {
        match action {
            Action::PrevDay => self.go_to_day(self.day.saturating_sub(1)),
            Action::NextDay => self.go_to_day(self.day + 1),
            Action::Up => self.step(-1),
            Action::Down => self.step(1),
            Action::PageUp => self.step(-(self.page(self.focus) as i64)),
            Action::PageDown => self.step(self.page(self.focus) as i64),
            Action::First => self.step(i64::MIN / 2),
            Action::Last => self.step(i64::MAX / 2),
            Action::FocusNext => self.focus = self.cycle_focus(1),
            Action::FocusPrev => self.focus = self.cycle_focus(-1),
            Action::Open => match self.focus {
                Pane::Participants => self.open_schedule(self.participant),
                Pane::Timeline | Pane::Detail => self.edit_selected(),
            },
            Action::Schedule => self.open_schedule(self.participant),
            Action::ToggleAgenda => {
                self.all_days = !self.all_days;
                self.focus = Pane::Timeline;
            }
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Back => self.focus = Pane::Timeline,
            Action::Quit => self.quit(),
            Action::Edit => self.edit_selected(),
            Action::Add => self.add(),
            Action::Duplicate => self.duplicate(),
            Action::Delete => self.delete(),
            Action::MoveUp if self.focus == Pane::Participants => self.move_participant(-1),
            Action::MoveDown if self.focus == Pane::Participants => self.move_participant(1),
            Action::MovePrevDay
            | Action::MoveNextDay
            | Action::Delay
            | Action::Advance
            | Action::Lengthen
            | Action::Shorten
                if self.focus == Pane::Participants =>
            {
                self.info("Moving to another day and shifting times apply to visits: Tab to the timeline.");
            }
            Action::MoveUp => self.move_within_day(crate::domain::ops::Direction::Earlier),
            Action::MoveDown => self.move_within_day(crate::domain::ops::Direction::Later),
            Action::MovePrevDay => self.move_to_day(crate::domain::ops::Direction::Earlier),
            Action::MoveNextDay => self.move_to_day(crate::domain::ops::Direction::Later),
            Action::Delay => self.ripple(i64::from(self.config.ripple_minutes)),
            Action::Advance => self.ripple(-i64::from(self.config.ripple_minutes)),
            Action::Lengthen => self.resize(i64::from(self.config.ripple_minutes)),
            Action::Shorten => self.resize(-i64::from(self.config.ripple_minutes)),
            Action::EditMission => self.edit_mission(),
            Action::EditDay => self.edit_day(),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::Save => self.save(false),
            Action::Command => self.mode = Mode::Prompt(Box::new(Prompt::new(PromptKind::Command))),
            // The actions of forms, text fields and dialogs do nothing on
            // the main screen (the config offers them only in their modes).
            _ => {}
        }
    }
}
