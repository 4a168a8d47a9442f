//! Random edits against the save and load round trip. The input is a
//! mission file, a NUL byte, then actions: keys (moving, moving visits,
//! rippling, copying, deleting, forms, the command line, undo and redo),
//! typed and pasted text, clicks and the wheel, saves, and saves that
//! fail on the disk. They go through the planner's own `App::update` as
//! the event loop sends them; its effects are performed on the document's
//! base as the runner does, without a disk.
//!
//! Checked: a mission that loads renders back to its bytes unedited;
//! every save's text reads back as the mission in memory, and saving
//! again without an edit gives the same text; a failed save leaves a base
//! that saves as well; at the end the text reads back, undoing every step
//! gives back the mission as loaded, and redoing them the mission as
//! edited.

#![no_main]

use std::sync::OnceLock;

use itinera::app::{App, Effect, Mode, Msg, Opening, Recovery, Report};
use itinera::domain::Mission;
use itinera::file::{Base, parse_bytes};
use itinera::input::{Config, Key};
use libfuzzer_sys::fuzz_target;
use ratatui::layout::Rect;

/// Keys as written in config.toml: the planner's, a form's and a text
/// field's.
const KEYS: &[&str] = &[
    "j",
    "k",
    "h",
    "l",
    "g",
    "G",
    "J",
    "K",
    "<",
    ">",
    "+",
    "-",
    "]",
    "[",
    "c",
    "d",
    "n",
    "e",
    "m",
    "D",
    "a",
    "s",
    "u",
    "u",
    "ctrl-r",
    "tab",
    "backtab",
    "esc",
    "esc",
    "enter",
    "enter",
    "space",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "pageup",
    "pagedown",
    "backspace",
    "delete",
    "ctrl-u",
    "ctrl-k",
    "ctrl-w",
    "ctrl-y",
    "ctrl-left",
    "ctrl-right",
    "alt-b",
    "alt-f",
    "shift-up",
    "shift-down",
    "?",
    ":",
    "y",
    "n",
    "r",
    "x",
    "q",
    "0",
    "1",
    "5",
    "9",
    "w",
    "!",
    "f1",
];

/// Characters for typed and pasted text.
const CHARS: &[char] = &[
    'a', 'Z', ' ', '0', '1', '2', '9', ':', '-', '.', '"', '\'', '\\', '#', '[', ']', '=', '{',
    ',', '\t', '\n', '\r', 'é', '大', '🙂', '\u{7}', '\u{1b}', '\u{0}', '\u{feff}', '\u{2028}',
];

fn keys() -> &'static [Key] {
    static KEYS_PARSED: OnceLock<Vec<Key>> = OnceLock::new();
    KEYS_PARSED.get_or_init(|| KEYS.iter().map(|k| Key::parse(k).expect("a key")).collect())
}

/// The planner on a mission, with its document's base as the runner
/// keeps it: moved on by each save, rebuilt after a failed one.
struct Planner {
    app: App,
    base: Base,
    /// The text the base was built from (the file as read or last saved).
    base_text: Vec<u8>,
    area: Rect,
    /// Set by the next save: the disk refuses it.
    fail_next: bool,
}

impl Planner {
    fn update(&mut self, msg: Msg) {
        let mut effects = self.app.update(msg);
        while !effects.is_empty() {
            let effect = effects.remove(0);
            if let Some(report) = self.perform(effect) {
                effects.extend(self.app.update(Msg::Done(report)));
            }
        }
        itinera::ui::settle(&mut self.app, self.area);
    }

    fn perform(&mut self, effect: Effect) -> Option<Report> {
        match effect {
            Effect::Save { then_quit, .. } => Some(self.save(then_quit)),
            Effect::SaveAs { .. } => Some(Report::SaveAsRefused {
                problem: "no disk here".into(),
            }),
            Effect::WriteCopy { .. } => {
                // A copy is rendered from a copy of the base.
                let text = self.base.clone().render(self.app.mission());
                itinera_fuzz::check_reads_back(&text, self.app.mission());
                Some(Report::CopyFailed {
                    problem: "no disk here".into(),
                })
            }
            Effect::Reload => Some(Report::ReloadFailed {
                problem: "no disk here".into(),
            }),
            Effect::RestoreRecovery { .. } => Some(Report::RestoreFailed {
                problem: "no disk here".into(),
            }),
            Effect::DiscardRecovery { .. } => Some(Report::Discarded),
            Effect::KeepRecovery | Effect::ForgetRecovery | Effect::Quit => None,
        }
    }

    fn save(&mut self, then_quit: bool) -> Report {
        let before = self.base.mission().clone();
        let mission = self.app.mission().clone();
        let text = self.base.render(&mission);
        itinera_fuzz::check_reads_back(&text, &mission);
        if std::mem::take(&mut self.fail_next) {
            // The disk refused it: the base goes back to the text on disk.
            self.base = Base::rebuild(&self.base_text, before).expect("the base is rebuilt");
            return Report::SaveFailed {
                problem: "the disk is full".into(),
                kept: Err("no recovery directory".into()),
            };
        }
        let again = self.base.render(&mission);
        assert!(again == text, "a save without an edit wrote other text");
        self.base_text = text.into_bytes();
        Report::Saved {
            note: "Saved m.toml.".into(),
            warning: false,
            then_quit,
        }
    }

    fn press(&mut self, key: Key) {
        self.update(Msg::Key(key));
    }
}

/// Reads actions from `bytes`, one after another.
struct Actions<'a>(&'a [u8]);

impl Actions<'_> {
    fn byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn text(&mut self, max: u8) -> String {
        let len = self.byte().unwrap_or(0) % max;
        (0..len)
            .filter_map(|_| self.byte())
            .map(|b| CHARS[usize::from(b) % CHARS.len()])
            .collect()
    }
}

fn run(planner: &mut Planner, mut actions: Actions) {
    while let Some(op) = actions.byte() {
        match op {
            0..=179 => planner.press(keys()[usize::from(op) % keys().len()]),
            180..=199 => {
                for c in actions.text(8).chars() {
                    planner.press(Key::char(c));
                }
            }
            200..=209 => {
                let text = actions.text(32);
                planner.update(Msg::Paste(text));
            }
            210..=219 => planner.press(Key::ctrl('s')),
            220..=224 => {
                planner.fail_next = true;
                planner.press(Key::ctrl('s'));
            }
            225..=239 => {
                let (x, y) = (actions.byte().unwrap_or(0), actions.byte().unwrap_or(0));
                let (x, y) = (u16::from(x) % 120, u16::from(y) % 40);
                let wheel = match op % 3 {
                    0 => None,
                    1 => Some(1),
                    _ => Some(-1),
                };
                if let Some(msg) = itinera::ui::hit(&planner.app, planner.area, x, y, wheel) {
                    planner.update(msg);
                }
            }
            240..=247 => planner.update(Msg::Idle(Recovery::default())),
            _ => {
                let width = 1 + u16::from(actions.byte().unwrap_or(99)) % 160;
                let height = 1 + u16::from(actions.byte().unwrap_or(29)) % 60;
                planner.area = Rect::new(0, 0, width, height);
                itinera::ui::settle(&mut planner.app, planner.area);
            }
        }
    }
}

/// Back to the main screen, then `u` until nothing is left to undo;
/// returns how many steps.
fn undo_all(planner: &mut Planner) -> usize {
    for _ in 0..4 {
        if matches!(planner.app.mode, Mode::Normal) {
            break;
        }
        planner.press(Key::parse("esc").expect("esc"));
    }
    assert!(
        matches!(planner.app.mode, Mode::Normal),
        "Esc does not close what is open"
    );
    let mut steps = 0;
    while planner.app.history().can_undo() {
        planner.press(Key::char('u'));
        steps += 1;
        assert!(steps < 1_000_000, "undo never ends");
    }
    steps
}

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let (file, actions) = data.split_at(split);
    let Ok(parsed) = parse_bytes(file) else {
        return;
    };
    let original: Mission = parsed.mission.clone();
    let written = parsed.base.clone().render(&original);
    assert!(
        written.as_bytes() == file,
        "unedited, the mission renders back to other bytes"
    );

    let mut planner = Planner {
        app: App::new(parsed.mission, Config::default(), Opening::default()),
        base: parsed.base,
        base_text: file.to_vec(),
        area: Rect::new(0, 0, 100, 30),
        fail_next: false,
    };
    itinera::ui::settle(&mut planner.app, planner.area);
    run(&mut planner, Actions(actions.get(1..).unwrap_or_default()));
    itinera_fuzz::draw(&mut planner.app, 100, 30);

    let edited = planner.app.mission().clone();
    let text = planner.base.clone().render(&edited);
    itinera_fuzz::check_reads_back(&text, &edited);

    let steps = undo_all(&mut planner);
    assert!(
        *planner.app.mission() == original,
        "undoing {steps} steps does not give the mission as loaded"
    );
    let text = planner.base.clone().render(&original);
    itinera_fuzz::check_reads_back(&text, &original);
    for _ in 0..steps {
        planner.press(Key::ctrl('r'));
    }
    assert!(
        *planner.app.mission() == edited,
        "redoing {steps} steps does not give the mission as edited"
    );
});
