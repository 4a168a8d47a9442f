//! Shared helpers for the terminal UI tests: the sample mission, a fixed
//! clock, and screens rendered into a TestBackend.

#![allow(dead_code)]

pub mod pty;

use chrono::{TimeZone, Utc};
use itinera::app::form::{Form, Name};
use itinera::app::{App, Mode};
use itinera::input::Config;
use itinera::input::Key;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

pub const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

/// The bundled sample, opened as the planner opens it, at 09:30 in Tokyo on
/// the first day of the mission.
pub fn sample_app() -> App {
    app_for(SAMPLE)
}

/// Opens a copy of the mission at `path` (so a test that saves never
/// writes into the repository), under the same file name.
pub fn app_for(path: &str) -> App {
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
    let loaded = itinera::file::load(&copy).expect("fixture loads");
    let mut app = App::open(loaded, Config::default(), None);
    app.now = Some(
        Utc.with_ymd_and_hms(2022, 11, 14, 0, 30, 0)
            .single()
            .expect("time"),
    );
    app
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
pub fn press(app: &mut App, keys: &[&str], area: Rect) {
    for key in keys {
        let key = Key::parse(key).expect("valid key");
        let event = Event::Key(itinera::runner::keys::event_of(key));
        itinera::runner::handle(app, &event, area);
    }
}

pub fn click(app: &mut App, column: u16, row: u16, area: Rect) {
    mouse(
        app,
        MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        area,
    );
}

pub fn wheel_down(app: &mut App, column: u16, row: u16, area: Rect) {
    mouse(app, MouseEventKind::ScrollDown, column, row, area);
}

fn mouse(app: &mut App, kind: MouseEventKind, column: u16, row: u16, area: Rect) {
    let event = Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: ratatui::crossterm::event::KeyModifiers::NONE,
    });
    itinera::runner::handle(app, &event, area);
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
pub fn tab_to(app: &mut App, label: &str, area: Rect) {
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
        .mission
        .visits
        .iter()
        .position(|v| v.title == title)
        .unwrap_or_else(|| panic!("no visit {title:?}"));
    let (day, pos) = app.index.slot(index).expect("on a day of the mission");
    app.day = day;
    app.pos = pos;
}
