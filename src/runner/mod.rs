//! The terminal session: open the mission, set up the terminal, and run
//! the loop draw -> wait for an event -> update, until the user quits.
//!
//! The loop blocks on input (waking once a minute for the clocks), so an
//! idle planner uses no CPU. The terminal is restored on every way out: a
//! normal quit, an error, and a panic (ratatui's panic hook restores the
//! terminal; ours, chained before it, turns off mouse reporting).

use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{Timelike, Utc};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::layout::Rect;

use crate::error::Failure;
use crate::file;
use crate::input::Config;
use crate::paths::Dirs;
use crate::ui;

pub mod effects;
mod hangup;
pub mod keys;
mod session;

pub use effects::perform;
pub use session::Session;

/// Opens the planner on `file`, or on the mission opened last, or (on the
/// very first run) on a copy of the bundled sample.
pub fn open(file: Option<PathBuf>) -> Result<(), Failure> {
    let dirs = Dirs::from_system();
    let mut notes = Vec::new();
    let path = match (file, &dirs) {
        (Some(path), _) => path,
        (None, None) => {
            return Err(usage(
                "cannot find a home directory to remember missions in; pass a FILE",
            ));
        }
        (None, Some(dirs)) => match dirs.last_mission() {
            Some(last) if last.exists() => last,
            Some(last) => {
                return Err(usage(&format!(
                    "the mission opened last, {}, no longer exists; pass a FILE",
                    last.display()
                )));
            }
            None => {
                let sample = dirs
                    .install_sample()
                    .map_err(|err| usage(&format!("cannot copy the sample mission: {err}")))?;
                notes.push(format!(
                    "First run: opened a copy of the sample mission, {}",
                    sample.display()
                ));
                sample
            }
        },
    };
    let loaded = file::load(&path).map_err(|err| Failure::new(err.exit_code(), err.render()))?;
    if !io::stdout().is_terminal() {
        return Err(usage(
            "itinera needs a terminal to show the planner; use `itinera export FILE` for text",
        ));
    }
    let warnings = loaded.parsed.report.warnings();
    if warnings > 0 {
        notes.push(format!(
            "{} has {}; run `itinera check {}` to see them",
            path.display(),
            loaded.parsed.report.summary(),
            path.display()
        ));
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config = match &dirs {
        Some(dirs) => {
            let (config, problems) = Config::load(&dirs.config_file(), no_color);
            notes.extend(problems);
            config
        }
        None => Config::load(Path::new(""), no_color).0,
    };
    if let Some(dirs) = &dirs {
        if let Err(err) = dirs.remember(&path) {
            notes.push(format!("cannot remember the last mission: {err}"));
        }
    }
    let mut session = Session::open(loaded, config, dirs);
    session.app.local_offset = *chrono::Local::now().offset();
    session.app.start_on(Utc::now());
    if !notes.is_empty() && session.app.message.is_none() {
        session.app.warn(notes.join(" · "));
    }
    run_terminal(&mut session)
}

fn usage(message: &str) -> Failure {
    Failure::usage(format!("error: {message}\n"))
}

/// Runs the planner in the terminal. A panic inside the loop still
/// restores the terminal (ratatui's hook) and keeps unsaved changes in the
/// recovery file, offered at the next start.
fn run_terminal(session: &mut Session) -> Result<(), Failure> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    let mut terminal = match ratatui::try_init() {
        Ok(terminal) => terminal,
        Err(err) => {
            ratatui::restore();
            return Err(terminal_failure(err));
        }
    };
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        execute!(io::stdout(), EnableMouseCapture, EnableBracketedPaste)
            .and_then(|()| event_loop(&mut terminal, session))
    }));
    let _ = execute!(io::stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    match outcome {
        Ok(Ok(())) => Ok(()),
        // The terminal went away (closed window, lost connection): keep
        // what was not saved.
        Ok(Err(err)) => {
            let kept = session.keep_unsaved();
            let mut failure = terminal_failure(err);
            if let Some(path) = kept {
                failure.message.push_str(&format!(
                    "Your unsaved changes are kept in {} and will be offered when you \
                     open the mission again.\n",
                    path.display()
                ));
            }
            Err(failure)
        }
        Err(_) => {
            let dirty =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.app.is_dirty()))
                    .unwrap_or(true);
            let kept =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| session.keep_unsaved()))
                    .ok()
                    .flatten();
            let message = match (kept, dirty) {
                (Some(path), _) => format!(
                    "itinera stopped on an internal error. Your unsaved changes are kept in {} \
                     and will be offered when you open the mission again.\n",
                    path.display()
                ),
                (None, true) => "itinera stopped on an internal error and could not keep the \
                                 unsaved changes in a recovery file.\n"
                    .to_string(),
                (None, false) => {
                    "itinera stopped on an internal error; there were no unsaved changes.\n".into()
                }
            };
            Err(Failure::new(101, message))
        }
    }
}

fn terminal_failure(err: io::Error) -> Failure {
    Failure::usage(format!("error: terminal: {err}\n"))
}

fn event_loop(terminal: &mut DefaultTerminal, session: &mut Session) -> io::Result<()> {
    let stop = hangup::watch();
    let mut last_input = Instant::now();
    loop {
        if stop.requested() {
            // Hung up or told to stop: keep what is not saved, then go.
            session.keep_unsaved();
            stop.kept();
            return Ok(());
        }
        let stale = session.recovery_is_stale();
        stop.set_stale(stale);
        let size = terminal.size()?;
        let area = Rect::new(0, 0, size.width, size.height);
        session.app.now = Some(Utc::now());
        ui::settle(&mut session.app, area);
        terminal.draw(|frame| ui::render(frame, &session.app))?;
        if session.app.should_quit {
            return Ok(());
        }
        // While changes are not yet in the recovery file, wake often (to
        // notice a hang-up at once) and keep them after a moment of quiet;
        // while they are, look now and then that the file is still there;
        // otherwise sleep until the clocks change.
        let wait = if stale {
            WATCH
        } else if session.app.is_dirty() {
            until_next_minute().min(RECHECK)
        } else {
            until_next_minute()
        };
        if event::poll(wait)? {
            let event = event::read()?;
            let size = terminal.size()?;
            session.handle(&event, Rect::new(0, 0, size.width, size.height));
            last_input = Instant::now();
        } else if last_input.elapsed() >= IDLE {
            session.idle();
        }
    }
}

/// How often the loop looks for a hang-up while changes are not yet kept.
const WATCH: Duration = Duration::from_millis(100);

/// How often an idle planner with unsaved changes looks that their
/// recovery file is still there (it is written again if it went).
const RECHECK: Duration = Duration::from_secs(5);

/// How long without input counts as idle, for keeping unsaved changes in
/// the recovery file.
const IDLE: Duration = Duration::from_secs(2);

/// Time until the clocks next change.
fn until_next_minute() -> Duration {
    let second = u64::from(Utc::now().second());
    Duration::from_secs(60 - second.min(59))
}
