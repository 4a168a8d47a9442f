//! The planner as the benchmarks drive it: opened on a file, fed keys as
//! the event loop feeds them, drawn on a test terminal. Everything goes
//! through the public API (`Session::open`, `Session::handle`, `ui::render`).

use std::path::{Path, PathBuf};

use itinera::input::{Config, Key};
use itinera::runner::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

/// The size of the wide screen: three panes side by side.
pub const WIDE: Rect = Rect::new(0, 0, 120, 40);
/// A narrow screen: one pane at a time, with tabs.
pub const NARROW: Rect = Rect::new(0, 0, 70, 30);

/// The planner on `text`, as if read from `bench.toml` (never written).
pub fn open_text(text: &str) -> Session {
    let parsed = itinera::file::parse_bytes(text.as_bytes()).expect("valid mission");
    let loaded = itinera::file::Loaded {
        path: "bench.toml".into(),
        parsed,
        bytes: text.as_bytes().to_vec(),
    };
    Session::open(loaded, Config::default(), None)
}

/// The planner on the file at `path`, read as the planner reads it.
pub fn open_file(path: &Path) -> Session {
    let loaded = itinera::file::load(path).expect("loads");
    Session::open(loaded, Config::default(), None)
}

pub fn key(app: &mut Session, name: &str, area: Rect) {
    let key = Key::parse(name).expect("key");
    let event = Event::Key(itinera::runner::keys::event_of(key));
    app.handle(&event, area);
}

pub fn terminal(area: Rect) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal")
}

/// One frame, as the event loop draws it.
pub fn draw(app: &Session, terminal: &mut Terminal<TestBackend>) {
    terminal
        .draw(|frame| itinera::ui::render(frame, &app.app))
        .expect("draw");
}

/// Selects the middle day of the mission, so nothing is at an edge.
pub fn to_middle(app: &mut Session, area: Rect) {
    for _ in 0..(app.app.index().len() / 2).min(2_000) {
        key(app, "l", area);
    }
}

/// A directory of its own for files a benchmark writes, removed on drop.
pub struct Scratch(pub PathBuf);

impl Scratch {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("itinera-bench-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch directory");
        Scratch(dir)
    }

    /// Writes `text` to the file `name` in the directory.
    pub fn file(&self, name: &str, text: &str) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("write");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
