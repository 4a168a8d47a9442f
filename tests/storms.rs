//! Storms: thousands of random keys, mouse events, pastes and resizes,
//! down to a 1x1 terminal, against the planner on the sample and on a
//! generated mission of 1,500 visits, through the event path the terminal
//! uses (`Session::handle`, the runner's effects on temporary files), each
//! frame drawn on a `TestBackend`. The seed is fixed, so a failure repeats.
//!
//! After every event: no panic and the selection in range; after every
//! event that may have changed the mission (a step of its history, a new
//! history, a restart) and every 50 events besides: visit and participant
//! keys unique, ids unique (written and generated), every visit on
//! exactly one day of the index. Every 250 events, and at the end, a copy
//! of the plan is undone step by step and must give back the mission the
//! history started from (as loaded, or as reloaded or restored), so no
//! edit lost, duplicated or changed a visit behind the history's back;
//! then the real planner is undone with `u` to the same mission.
//!
//! Text typed into the command line or the "save as" prompt is only
//! entered when it names no file (`:w`, `:q`, `:e!`...) or names one in
//! the storm's own directory: random letters after `:w ` must not write
//! into the working directory.

mod common;
mod stress;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use itinera::app::{App, Mode, PromptKind};
use itinera::domain::Mission;
use itinera::input::{Config, Key, KeyCode, Modifiers};
use itinera::paths::Dirs;
use itinera::runner::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// Terminal sizes, the smallest first: most events come at a usable
/// size, but every size down to one cell is visited.
const SIZES: &[(u16, u16)] = &[
    (1, 1),
    (1, 2),
    (2, 1),
    (3, 3),
    (5, 5),
    (9, 4),
    (20, 6),
    (39, 9),
    (40, 10),
    (41, 11),
    (60, 20),
    (79, 23),
    (80, 24),
    (99, 30),
    (100, 30),
    (132, 43),
    (200, 60),
];

const NAMED: &[KeyCode] = &[
    KeyCode::Enter,
    KeyCode::Enter,
    KeyCode::Enter,
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Esc,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Backspace,
    KeyCode::Delete,
    KeyCode::Insert,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::Home,
    KeyCode::End,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::F(1),
    KeyCode::F(2),
    KeyCode::F(12),
];

/// The planner's own keys, more often than chance would press them
/// (`q` and `:` less: a storm that quits all the time edits little).
const COMMON: &str = "hjklhjklgGaesnndcKJKJ<><>+-+-=][][mDuuu? ";

const EXOTIC: &[char] = &[
    'é', 'ü', '大', '阪', '🙂', '\u{200b}', '\u{301}', '\t', '\u{7f}', '\u{1b}', '\u{0}',
];

const PASTES: &[&str] = &[
    "",
    "x",
    "Lunch with the mayor",
    "first line\nsecond line\r\nthird",
    "\t\ttabs\tinside",
    "\u{1b}[2J\u{1b}[31mred\u{7}",
    "大阪府庁 · Ōsaka-fu · 🙂🙂🙂",
    "09:30",
    "2022-11-15",
    "\"quoted\" 'single' \\backslash\\ [[visits]] = {}",
    "\r\r\n\n",
];

fn random_key(rng: &mut Rng) -> Key {
    let code = match rng.below(20) {
        0..=8 => KeyCode::Char(*rng.pick(&COMMON.chars().collect::<Vec<_>>())),
        9..=11 => KeyCode::Char(char::from(0x20 + rng.below(0x5f) as u8)),
        12 => KeyCode::Char(*rng.pick(EXOTIC)),
        _ => *rng.pick(NAMED),
    };
    let modifiers = match rng.below(20) {
        0 => Modifiers::CONTROL,
        1 => Modifiers::ALT,
        2 => Modifiers::SHIFT,
        3 => Modifiers::CONTROL | Modifiers::SHIFT,
        _ => Modifiers::NONE,
    };
    Key::new(code, modifiers)
}

fn key_event(key: Key, kind: KeyEventKind) -> Event {
    let mut event = itinera::runner::keys::event_of(key);
    event.kind = kind;
    Event::Key(event)
}

fn mouse_event(rng: &mut Rng, area: Rect) -> Event {
    let kind = *rng.pick(&[
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Down(MouseButton::Right),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::Moved,
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::ScrollLeft,
    ]);
    // Now and then outside the screen: a resize can race a click.
    let column = rng.below(usize::from(area.width) + 3) as u16;
    let row = rng.below(usize::from(area.height) + 3) as u16;
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// A storm's planner, its files and what its history started from.
struct Storm {
    dir: tempfile::TempDir,
    path: PathBuf,
    dirs: Dirs,
    session: Session,
    /// The mission the history starts from: undoing every step gives it.
    base: Mission,
    generation: u64,
    area: Rect,
    terminal: Terminal<TestBackend>,
    events: usize,
    restarts: usize,
    /// What the storm reached, for its report.
    seen: Seen,
}

/// What a storm reached, for its report (`--nocapture` shows it).
#[derive(Debug, Default)]
struct Seen {
    /// Changes to the mission: edits, undos and redos.
    changes: usize,
    saves: usize,
    /// Reloads and restored changes, which start a new history.
    new_histories: usize,
    /// Events handled in each mode: main screen, help, schedule, form,
    /// question, prompt, problems panel, filter picker.
    events_in: [usize; 8],
    message: String,
}

impl Seen {
    /// Notes what the app shows after an event.
    fn observe(&mut self, app: &App) {
        let mode = match app.mode {
            Mode::Normal => 0,
            Mode::Help { .. } => 1,
            Mode::Schedule(_) => 2,
            Mode::Form(_) => 3,
            Mode::Confirm(_) => 4,
            Mode::Prompt(_) => 5,
            Mode::Problems(_) => 6,
            Mode::Filter(_) => 7,
        };
        self.events_in[mode] += 1;
        let message = app.message.as_ref().map_or("", |m| m.text.as_str());
        if message != self.message {
            if message.starts_with("Saved") {
                self.saves += 1;
            }
            self.message = message.to_string();
        }
    }
}

impl Storm {
    fn new(name: &str, text: &str) -> Storm {
        let dir = memory_dir();
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write the mission");
        let dirs = Dirs {
            config: dir.path().join("config"),
            data: dir.path().join("data"),
        };
        let session = open(&path, &dirs);
        let area = Rect::new(0, 0, 100, 30);
        Storm {
            base: session.app.mission().clone(),
            generation: 0,
            terminal: Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal"),
            dir,
            path,
            dirs,
            session,
            area,
            events: 0,
            restarts: 0,
            seen: Seen::default(),
        }
    }

    fn app(&self) -> &App {
        &self.session.app
    }

    fn handle(&mut self, event: Event) {
        self.session.handle(&event, self.area);
        self.events += 1;
    }

    fn press(&mut self, key: Key) {
        self.handle(key_event(key, KeyEventKind::Press));
    }

    fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.press(Key::char(c));
        }
    }

    /// Commands for the command line, none of which writes outside the
    /// storm's directory.
    fn commands(&self) -> Vec<String> {
        let dir = self.dir.path().display();
        let mut list: Vec<String> = ["w", "w!", "q", "q!", "wq", "x", "e!", "reload", "nonsense"]
            .map(String::from)
            .to_vec();
        list.push(format!("w {dir}/copy.toml"));
        list.push(format!("w! {dir}/copy.toml"));
        list.push(format!("saveas {dir}/other.toml"));
        list.push(format!("saveas! {dir}/other.toml"));
        list
    }

    /// Whether Enter may be pressed in the prompt now: its text names no
    /// file, or one in the storm's directory.
    fn safe_to_enter(&self) -> bool {
        let Mode::Prompt(prompt) = &self.app().mode else {
            return true;
        };
        let text = prompt.input.lines().join("");
        let text = text.trim();
        let inside = |path: &str| Path::new(path).starts_with(self.dir.path());
        match prompt.kind {
            PromptKind::SaveAs | PromptKind::Import => text.is_empty() || inside(text),
            PromptKind::Search | PromptKind::Password => true,
            PromptKind::Command => match text.split_once(' ') {
                None => true,
                Some((_, path)) => inside(path.trim()),
            },
        }
    }

    /// One random event.
    fn step(&mut self, rng: &mut Rng) {
        match rng.below(1000) {
            0..=699 => {
                let key = random_key(rng);
                let applies = matches!(key.code, KeyCode::Enter)
                    || key == Key::ctrl('s')
                    || key == Key::ctrl('m');
                if applies && !self.safe_to_enter() {
                    self.press(Key::plain(KeyCode::Esc));
                } else {
                    self.press(key);
                }
            }
            700..=709 => {
                let key = random_key(rng);
                self.handle(key_event(key, KeyEventKind::Release));
            }
            710..=739 => {
                let mut text = rng.pick(PASTES).to_string();
                if rng.chance(10) {
                    text = text.repeat(200);
                }
                self.handle(Event::Paste(text));
            }
            740..=889 => {
                let event = mouse_event(rng, self.area);
                self.handle(event);
            }
            890..=959 => {
                let (width, height) = if rng.chance(50) {
                    *rng.pick(SIZES)
                } else {
                    (1 + rng.below(220) as u16, 1 + rng.below(70) as u16)
                };
                self.resize(width, height);
            }
            960..=969 => {
                // The command line, with a command typed in whole.
                self.press(Key::plain(KeyCode::Esc));
                self.press(Key::char(':'));
                let command = rng.pick(&self.commands()).clone();
                self.type_text(&command);
                self.press(Key::plain(KeyCode::Enter));
            }
            970..=994 => {
                self.session.idle();
                self.events += 1;
            }
            _ => self.change_on_disk(),
        }
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.area = Rect::new(0, 0, width, height);
        self.terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        self.handle(Event::Resize(width, height));
    }

    /// Someone else edits the mission file: a comment added at its end.
    fn change_on_disk(&mut self) {
        let path = self.app().file.clone();
        if let Ok(mut text) = std::fs::read_to_string(&path) {
            text.push_str("# changed elsewhere\n");
            std::fs::write(&path, text).expect("change the file");
        }
        self.events += 1;
    }

    fn draw(&mut self) {
        let app = &self.session.app;
        self.terminal
            .draw(|frame| itinera::ui::render(frame, app))
            .expect("draws");
    }

    /// After a quit: the planner is started again on its file.
    fn restart_if_quit(&mut self) {
        if !self.app().should_quit {
            return;
        }
        self.check_undo_all();
        let file = self.app().file.clone();
        self.session = open(&file, &self.dirs);
        self.base = self.app().mission().clone();
        self.generation = 0;
        self.restarts += 1;
        itinera::ui::settle(&mut self.session.app, self.area);
    }

    /// A new history (reload, restored changes) starts from the mission
    /// as it is now.
    fn follow_history(&mut self) {
        let generation = self.app().history().generation();
        if generation < self.generation {
            self.seen.new_histories += 1;
        } else {
            self.seen.changes += (generation - self.generation) as usize;
        }
        if generation == 0 || generation < self.generation {
            self.base = self.app().mission().clone();
        }
        self.generation = generation;
    }

    /// What changes whenever the mission may have: its history's step, a
    /// new history, a restart, its number of visits.
    fn history_mark(&self) -> (u64, usize, usize, usize) {
        (
            self.generation,
            self.seen.new_histories,
            self.restarts,
            self.app().mission().visits.len(),
        )
    }

    /// Undoing every step of a copy of the plan gives the base mission.
    fn check_undo_all(&self) {
        let mut plan = self.app().plan().clone();
        let mut steps = 0;
        while let Some(replayed) = plan.undo() {
            if let Err(err) = replayed {
                panic!(
                    "after {} events: undo step {steps} fails: {err}",
                    self.events
                );
            }
            steps += 1;
        }
        assert!(
            *plan.mission() == self.base,
            "after {} events: undoing {steps} steps does not give the mission the history \
             started from",
            self.events
        );
    }

    /// Back to the main screen, then `u` until nothing is left to undo.
    fn undo_everything(&mut self) {
        for _ in 0..5 {
            if matches!(self.app().mode, Mode::Normal) {
                break;
            }
            self.press(Key::plain(KeyCode::Esc));
        }
        if let Mode::Confirm(_) = self.app().mode {
            // A question Esc does not close (none should exist).
            panic!("a question stays open after Esc");
        }
        let mut n = 0;
        while self.app().history().can_undo() {
            self.press(Key::char('u'));
            n += 1;
            assert!(n < 100_000, "undo never ends");
        }
        assert!(
            *self.app().mission() == self.base,
            "undoing with u does not give the mission the history started from"
        );
    }
}

/// A directory in memory where the system has one (`/dev/shm`): the
/// storm saves and keeps recovery files hundreds of times, and flushing
/// each to a disk would be most of its time.
fn memory_dir() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let in_memory = shm
        .is_dir()
        .then(|| {
            tempfile::Builder::new()
                .prefix("storm")
                .tempdir_in(shm)
                .ok()
        })
        .flatten();
    in_memory.unwrap_or_else(|| tempfile::tempdir().expect("tempdir"))
}

fn open(path: &Path, dirs: &Dirs) -> Session {
    let loaded = itinera::file::load(path).expect("the mission loads");
    let mut session = Session::open(loaded, Config::default(), Some(dirs.clone()));
    session.app.now = Some(common::fixed_now());
    session
}

/// What must hold of the mission after every event that changed it.
fn check_mission(app: &App, events: usize) {
    let m = app.mission();
    let at = || format!("after {events} events");
    let keys: HashSet<_> = m.visits.iter().map(|v| v.key).collect();
    assert_eq!(keys.len(), m.visits.len(), "{}: visit keys repeat", at());
    let keys: HashSet<_> = m.participants.iter().map(|p| p.key).collect();
    assert_eq!(
        keys.len(),
        m.participants.len(),
        "{}: participant keys",
        at()
    );
    let ids = m.visit_ids();
    let unique: HashSet<_> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{}: visit ids repeat", at());
    let people: HashSet<_> = m.participants.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        people.len(),
        m.participants.len(),
        "{}: participant ids",
        at()
    );

    let index = app.index();
    let mut placed = vec![0usize; m.visits.len()];
    for day in 0..index.len() {
        for &v in index.visits_on(day) {
            placed[v] += 1;
        }
    }
    let in_mission = |v: &itinera::domain::Visit| index.day_of_date(v.date).is_some();
    for (i, visit) in m.visits.iter().enumerate() {
        let expected = usize::from(in_mission(visit));
        assert_eq!(
            placed[i],
            expected,
            "{}: visit {i} on {} days",
            at(),
            placed[i]
        );
    }
}

/// What must hold of the view after every event.
fn check_view(app: &App, events: usize) {
    let m = app.mission();
    let index = app.index();
    let at = || format!("after {events} events");
    let view = &app.view;
    assert!(view.day < index.len().max(1), "{}: day {}", at(), view.day);
    assert!(
        view.pos < app.day_visits().len().max(1),
        "{}: visit {} of {}",
        at(),
        view.pos,
        app.day_visits().len()
    );
    assert!(
        view.participant < m.participants.len().max(1),
        "{}: participant {}",
        at(),
        view.participant
    );
    match &app.mode {
        Mode::Schedule(s) => assert!(s.selected < s.visits.len().max(1), "{}: schedule", at()),
        Mode::Form(f) => assert!(f.focus < f.fields.len(), "{}: form focus", at()),
        _ => {}
    }
}

fn storm(name: &str, text: &str, seed: u64, events: usize) -> Storm {
    let mut rng = Rng(seed);
    let mut storm = Storm::new(name, text);
    itinera::ui::settle(&mut storm.session.app, storm.area);
    check_mission(storm.app(), 0);
    let mut checked = storm.history_mark();
    while storm.events < events {
        storm.step(&mut rng);
        storm.restart_if_quit();
        storm.follow_history();
        storm.draw();
        storm.seen.observe(&storm.session.app);
        // The mission's invariants are checked whenever it may have
        // changed (a step of its history, a new history, a restart), and
        // every 50 events besides; the view's after every event.
        let history = storm.history_mark();
        if history != checked || storm.events % 50 == 0 {
            check_mission(storm.app(), storm.events);
            checked = history;
        }
        check_view(storm.app(), storm.events);
        if storm.events % 250 == 0 {
            storm.check_undo_all();
        }
    }
    storm.check_undo_all();
    storm.undo_everything();
    let seen = &storm.seen;
    eprintln!(
        "{name}: {} events ({:?} on the main screen, help, schedule, form, question, \
         prompt, problems, filter), {} changes, {} saves, {} restarts, {} new histories",
        storm.events, seen.events_in, seen.changes, seen.saves, storm.restarts, seen.new_histories
    );
    storm
}

fn sample_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(common::SAMPLE);
    std::fs::read_to_string(path).expect("the sample")
}

#[test]
fn a_storm_on_the_sample_breaks_nothing() {
    let storm = storm("sample.toml", &sample_text(), 0x1715_2022, 2_000);
    // The storm did what it is for: edits, saves, restarts.
    assert!(storm.restarts > 0, "the storm never quit");
    assert!(storm.path.exists());
}

#[test]
fn a_storm_on_a_large_mission_breaks_nothing() {
    let text = stress::visits_text(1_500, true);
    let storm = storm("large.toml", &text, 0x0011_2030, 1_000);
    assert!(storm.path.exists());
}
