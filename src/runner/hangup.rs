//! Hang-ups and termination requests (a closed terminal window, a lost ssh
//! connection, `kill`): a watcher thread notes the signal; the event loop,
//! which wakes every `WATCH` whenever there are unsaved changes not yet
//! in the recovery file, keeps them and ends. When there is nothing to
//! keep, the watcher restores the terminal and exits at once.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Stop {
    signal: AtomicI32,
    stale: AtomicBool,
    kept: AtomicBool,
}

impl Stop {
    pub fn requested(&self) -> bool {
        self.signal.load(Ordering::SeqCst) != 0
    }

    pub fn set_stale(&self, stale: bool) {
        self.stale.store(stale, Ordering::SeqCst);
    }

    pub fn kept(&self) {
        self.kept.store(true, Ordering::SeqCst);
    }
}

#[cfg(unix)]
pub fn watch() -> Arc<Stop> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let stop = Arc::new(Stop::default());
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT]) else {
        return stop;
    };
    let seen = Arc::clone(&stop);
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        seen.signal.store(signal, Ordering::SeqCst);
        // The event loop wakes within WATCH when there is something to
        // keep; give it ample time to write it.
        let deadline = Instant::now() + Duration::from_secs(10);
        while seen.stale.load(Ordering::SeqCst)
            && !seen.kept.load(Ordering::SeqCst)
            && Instant::now() < deadline
        {
            std::thread::sleep(Duration::from_millis(20));
        }
        if !seen.kept.load(Ordering::SeqCst) {
            let _ = ratatui::crossterm::execute!(
                std::io::stdout(),
                ratatui::crossterm::event::DisableMouseCapture,
                ratatui::crossterm::event::DisableBracketedPaste
            );
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    stop
}

#[cfg(not(unix))]
pub fn watch() -> Arc<Stop> {
    Arc::new(Stop::default())
}
