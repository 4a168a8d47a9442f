//! Shared helpers for the terminal UI tests: the sample mission, a fixed
//! clock, screens rendered into a TestBackend, and [`Planner`], a planner
//! session whose effects (saves, reloads, recovery files) are performed on
//! temporary files by the runner's own code.

#![allow(dead_code)]

pub mod files;
pub mod pty;
pub mod run;

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;

use chrono::{DateTime, TimeZone, Utc};
use itinera::app::form::{Form, Name};
use itinera::app::{App, Level, Mode};
use itinera::file::Loaded;
use itinera::input::Config;
use itinera::input::Key;
use itinera::paths::Dirs;
use itinera::runner::Session;
use itinera::store::Document;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

pub const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

/// The moment the UI tests run at: 09:30 in Tokyo on the first day of
/// the sample mission.
pub fn fixed_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 11, 14, 0, 30, 0)
        .single()
        .expect("time")
}

/// A planner session as the terminal runs one: the app and the document
/// on disk, every effect performed by the runner's own executor. It reads
/// as the app (`planner.mode`, `planner.is_dirty()`).
pub struct Planner {
    pub session: Session,
}

impl Planner {
    /// The planner on `loaded`, its lock and recovery files in `dirs`.
    pub fn open(loaded: Loaded, config: Config, dirs: Option<Dirs>) -> Planner {
        Planner {
            session: Session::open(loaded, config, dirs),
        }
    }

    /// The planner on the mission file at `path`, at [`fixed_now`].
    pub fn load(path: &std::path::Path, dirs: Option<Dirs>) -> Planner {
        let loaded = itinera::file::load(path).expect("the mission loads");
        let mut planner = Planner::open(loaded, Config::default(), dirs);
        planner.now = Some(fixed_now());
        planner
    }

    pub fn doc(&self) -> &Document {
        &self.session.doc
    }

    /// The user has been idle for a moment.
    pub fn keep_when_idle(&mut self) {
        self.session.idle();
    }

    pub fn recovery_is_stale(&self) -> bool {
        self.session.recovery_is_stale()
    }

    /// What a crash or a hang-up keeps.
    pub fn keep_unsaved(&mut self) -> Option<PathBuf> {
        self.session.keep_unsaved()
    }

    /// The session ends normally.
    pub fn finish(&mut self) {
        self.session.finish();
    }
}

impl Deref for Planner {
    type Target = App;

    fn deref(&self) -> &App {
        &self.session.app
    }
}

impl DerefMut for Planner {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.session.app
    }
}

/// A copy of the file at `path` (relative to the project) in a directory
/// of its own under the target directory, under the same file name, so a
/// test that saves never writes into the repository.
pub fn temporary_copy(path: &str) -> PathBuf {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static COPIES: AtomicUsize = AtomicUsize::new(0);
    let source = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "app-{}-{}",
        std::process::id(),
        COPIES.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let copy = dir.join(source.file_name().expect("a file"));
    std::fs::copy(&source, &copy).expect("copy the fixture");
    copy
}

/// The bundled sample, opened as the planner opens it, at 09:30 in Tokyo on
/// the first day of the mission.
pub fn sample_app() -> Planner {
    app_for(SAMPLE)
}

/// The sample opened as [`sample_app`] opens it, with `change` made to
/// the mission as read (the file and the history know nothing of it:
/// the planner starts on it as if the file said so).
pub fn sample_with(change: impl FnOnce(&mut itinera::domain::Mission)) -> Planner {
    let mut loaded = itinera::file::load(&temporary_copy(SAMPLE)).expect("the sample loads");
    change(&mut loaded.parsed.mission);
    let mut planner = Planner::open(loaded, Config::default(), None);
    planner.now = Some(fixed_now());
    planner
}

/// Opens a copy of the mission at `path` (see [`temporary_copy`]).
pub fn app_for(path: &str) -> Planner {
    Planner::load(&temporary_copy(path), None)
}

/// The screen as text, one line per row, after fitting the view to a
/// `width`x`height` terminal as the event loop does.
pub fn screen(app: &mut App, width: u16, height: u16) -> String {
    itinera::ui::settle(app, Rect::new(0, 0, width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| itinera::ui::render(frame, app))
        .expect("draws");
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..height {
        let mut line = String::new();
        // A wide character covers the cells after it.
        let mut covered = 0;
        for x in 0..width {
            let symbol = buffer[(x, y)].symbol();
            if covered == 0 {
                line.push_str(symbol);
            }
            covered = covered
                .max(unicode_width::UnicodeWidthStr::width(symbol))
                .saturating_sub(1);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Presses keys written as in config.toml ("j", "shift-up", "enter"),
/// through the same path as the event loop.
pub fn press(app: &mut Planner, keys: &[&str], area: Rect) {
    for key in keys {
        let key = Key::parse(key).expect("valid key");
        let event = Event::Key(itinera::runner::keys::event_of(key));
        app.session.handle(&event, area);
    }
}

/// Presses each character of `text` as its own key (a space as `space`).
pub fn type_text(app: &mut Planner, text: &str, area: Rect) {
    for c in text.chars() {
        let key = if c == ' ' {
            "space".to_string()
        } else {
            c.to_string()
        };
        press(app, &[key.as_str()], area);
    }
}

/// Pastes `text` as a terminal with bracketed paste does.
pub fn paste(app: &mut Planner, text: &str, area: Rect) {
    app.session.handle(&Event::Paste(text.to_string()), area);
}

pub fn click(app: &mut Planner, column: u16, row: u16, area: Rect) {
    mouse(
        app,
        MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        area,
    );
}

pub fn wheel_down(app: &mut Planner, column: u16, row: u16, area: Rect) {
    mouse(app, MouseEventKind::ScrollDown, column, row, area);
}

fn mouse(app: &mut Planner, kind: MouseEventKind, column: u16, row: u16, area: Rect) {
    let event = Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    app.session.handle(&event, area);
}

/// Row and column where `needle` first appears on `screen`.
pub fn find(screen: &str, needle: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(row, line)| {
        let byte = line.find(needle)?;
        let col = unicode_width::UnicodeWidthStr::width(&line[..byte]);
        Some((col as u16, row as u16))
    })
}

/// The open form.
pub fn form(app: &App) -> &Form {
    match &app.mode {
        Mode::Form(form) => form,
        _ => panic!("expected a form to be open"),
    }
}

/// The label of the form's focused field.
pub fn focused_label(app: &App) -> &'static str {
    let form = form(app);
    form.fields[form.focus].label
}

/// Presses Tab until the focused field of the form is the one labelled
/// `label`, as a user finds a field by reading its label.
pub fn tab_to(app: &mut Planner, label: &str, area: Rect) {
    for _ in 0..form(app).fields.len() {
        if focused_label(app) == label {
            return;
        }
        press(app, &["tab"], area);
    }
    assert_eq!(focused_label(app), label, "no field {label:?} in the form");
}

/// The problem shown under field `name` of the form.
pub fn error_of(app: &App, name: Name) -> Option<String> {
    form(app)
        .fields
        .iter()
        .find(|f| f.name == name)
        .and_then(|f| f.error.clone())
}

/// Selects the visit titled `title`, as a click on it would.
pub fn select_visit(app: &mut App, title: &str) {
    let index = app
        .mission()
        .visits
        .iter()
        .position(|v| v.title == title)
        .unwrap_or_else(|| panic!("no visit {title:?}"));
    let (day, pos) = app.index().slot(index).expect("on a day of the mission");
    app.view.day = day;
    app.view.pos = pos;
}

/// Rows of the status bar on `screen`: those below the panes' bottom
/// border.
pub fn status_rows(screen: &str) -> usize {
    let lines: Vec<&str> = screen.lines().collect();
    let border = lines
        .iter()
        .rposition(|l| l.starts_with('└'))
        .unwrap_or(lines.len() - 1);
    lines.len() - border - 1
}

/// The status bar's text on `screen` (one row, or a few for a long
/// message), its rows joined.
pub fn status_bar(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[lines.len() - status_rows(screen)..]
        .iter()
        .map(|l| l.trim())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `screen` without its status bar (which repeats titles in messages).
pub fn body(screen: &str) -> String {
    let lines: Vec<&str> = screen.lines().collect();
    lines[..lines.len() - status_rows(screen)].join("\n")
}

/// The status bar's message ("" when there is none).
pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// The status bar's message and its level (an empty info when there is
/// none).
pub fn message_level(app: &App) -> (Level, String) {
    app.message
        .as_ref()
        .map(|m| (m.level, m.text.clone()))
        .unwrap_or((Level::Info, String::new()))
}

/// The mission in `text`, which must load without a problem.
pub fn mission(text: &str) -> itinera::domain::Mission {
    let parsed = itinera::file::parse(text).expect("a valid mission");
    assert!(parsed.report.diagnostics.is_empty(), "{:?}", parsed.report);
    parsed.mission
}

/// What to export: everyone or one participant, every day or one
/// (`YYYY-MM-DD`).
pub fn scope(participant: Option<&str>, day: Option<&str>) -> itinera::export::Scope {
    itinera::export::Scope {
        participant: participant.map(String::from),
        day: day.map(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date")),
        ..itinera::export::Scope::default()
    }
}
