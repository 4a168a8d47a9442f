//! Publishing from the planner, off the UI thread: the mission as it is
//! when `P` is pressed goes to a thread of its own, which runs
//! `publish::run` (the library `itinera publish` uses) and sends its
//! outcome back; the event loop looks for it while it waits for keys, so
//! the planner keeps answering. A publish only reads the mission.
//!
//! The password: the one typed in the planner's prompt, else one typed
//! earlier in this session that the server accepted, else the first line
//! of the `password_file` of `config.toml`, else `ITINERA_PASSWORD` (as
//! `itinera publish` takes `--password-file` before the variable); with
//! none of them, the app asks. A typed one is kept in memory only, in a
//! `Secret`, and forgotten when the server refuses the login.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::app::{Password, Report};
use crate::domain::Mission;
use crate::export::Format;
use crate::paths::Dirs;
use crate::publish::target::Target;
use crate::publish::{self, PublishError, Secret, Settings, StateStore, Summary};

/// A publish running in the background, and the password of the session.
#[derive(Default)]
pub struct Publisher {
    /// A password typed in the planner that the server accepted.
    password: Option<Secret>,
    /// `ITINERA_PASSWORD`, as it was when the planner started.
    from_env: Option<Secret>,
    /// The configured password file, read at each publish.
    password_file: Option<PathBuf>,
    running: Option<Running>,
}

struct Running {
    outcome: Receiver<Result<Summary, PublishError>>,
    /// The password typed for this publish, kept once it worked.
    typed: Option<Secret>,
}

impl Publisher {
    /// A publisher whose password, until one is typed, is the first line
    /// of `password_file`, else `from_env` (`ITINERA_PASSWORD`: see
    /// [`Publisher::from_env`]).
    pub fn new(from_env: Option<Secret>, password_file: Option<PathBuf>) -> Publisher {
        Publisher {
            from_env,
            password_file,
            ..Publisher::default()
        }
    }

    /// A publisher with the password of `password_file` (as written in
    /// `config.toml`, `~/` for the home directory), else of
    /// `ITINERA_PASSWORD` when it is set to something.
    pub fn from_env(password_file: Option<&Path>) -> Publisher {
        let password = std::env::var("ITINERA_PASSWORD")
            .ok()
            .filter(|p| !p.is_empty())
            .map(Secret::new);
        let file = password_file.map(|p| crate::store::expand_home(&p.to_string_lossy()));
        Publisher::new(password, file)
    }

    /// Starts publishing `mission` (read from `source`) to the calendar
    /// of its `[publish]` table; says what is missing when it cannot.
    pub fn start(
        &mut self,
        mission: &Mission,
        source: &Path,
        dirs: Option<&Dirs>,
        typed: Option<Password>,
    ) -> Report {
        match self.settings(mission, source, dirs, typed) {
            Ok((settings, store, typed)) => {
                let url = Target::parse(&settings.url, false)
                    .map(|t| t.url())
                    .unwrap_or_else(|_| settings.url.clone());
                let (send, outcome) = channel();
                let mission = mission.clone();
                std::thread::spawn(move || {
                    let _ = send.send(publish::run(&mission, &settings, &store));
                });
                self.running = Some(Running { outcome, typed });
                Report::Publishing { url }
            }
            Err(report) => report,
        }
    }

    /// What to publish where, and the record's store; a report when
    /// something is missing.
    fn settings(
        &self,
        mission: &Mission,
        source: &Path,
        dirs: Option<&Dirs>,
        typed: Option<Password>,
    ) -> Result<(Settings, StateStore, Option<Secret>), Report> {
        let failed = |problem: String| Report::PublishFailed { problem };
        let Some(table) = &mission.publish else {
            return Err(failed("the mission has no [publish] table".into()));
        };
        // The URL is checked before the password is asked for.
        let target = Target::parse(&table.url, false).map_err(|err| failed(err.to_string()))?;
        let dirs = dirs.ok_or_else(|| {
            failed("there is no home directory, so nowhere to record what was published".into())
        })?;
        let typed = typed.map(|p| Secret::new(p.reveal()));
        let password = match &table.user {
            None => None,
            Some(user) => match self.password_for(typed.as_ref()).map_err(failed)? {
                Some(password) => Some(password),
                None => {
                    return Err(Report::PasswordNeeded {
                        user: user.clone(),
                        url: target.url(),
                    });
                }
            },
        };
        let stamp = super::export::stamp(Format::Ics).map_err(failed)?;
        let settings = Settings {
            user: table.user.clone(),
            password,
            stamp,
            source: std::fs::canonicalize(source).ok(),
            ..Settings::new(table.url.clone())
        };
        Ok((settings, StateStore::in_data_dir(dirs), typed))
    }

    /// The password to log in with, `None` when the user is to be asked;
    /// a problem when the password file cannot be read.
    fn password_for(&self, typed: Option<&Secret>) -> Result<Option<Secret>, String> {
        if let Some(password) = typed.or(self.password.as_ref()) {
            return Ok(Some(password.clone()));
        }
        match &self.password_file {
            Some(path) => Secret::from_file(path).map(Some),
            None => Ok(self.from_env.clone()),
        }
    }

    /// Whether a publish is running.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    /// How the running publish ended, once it has.
    pub fn poll(&mut self) -> Option<Report> {
        let running = self.running.as_ref()?;
        match running.outcome.try_recv() {
            Ok(outcome) => Some(self.finish(outcome)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                Some(Report::PublishFailed {
                    problem: "the publish stopped before it ended".into(),
                })
            }
        }
    }

    /// Waits up to `timeout` for the running publish to end; how it
    /// ended, or `None` (nothing running, or still running).
    pub fn wait(&mut self, timeout: Duration) -> Option<Report> {
        let running = self.running.as_ref()?;
        let outcome = running.outcome.recv_timeout(timeout).ok()?;
        Some(self.finish(outcome))
    }

    fn finish(&mut self, outcome: Result<Summary, PublishError>) -> Report {
        let typed = self.running.take().and_then(|r| r.typed);
        match outcome {
            Ok(summary) => {
                if typed.is_some() {
                    self.password = typed;
                }
                Report::Published {
                    url: summary.calendar.clone(),
                    headline: summary.headline(),
                }
            }
            Err(err) => {
                if matches!(err, PublishError::LoginRefused { .. }) {
                    self.password = None;
                }
                Report::PublishFailed {
                    problem: err.to_string(),
                }
            }
        }
    }
}
