//! Publishing from the planner, off the UI thread: the mission as it is
//! when `P` is pressed goes to a thread of its own, which runs
//! `publish::run` (the library `itinera publish` uses) and sends its
//! outcome back; the event loop looks for it while it waits for keys, so
//! the planner keeps answering. A publish only reads the mission.
//!
//! The password: the one typed in the planner's prompt, else one typed
//! earlier in this session that the server accepted, else
//! `ITINERA_PASSWORD`. It is kept in memory only, in a `Secret`, and
//! forgotten when the server refuses the login.

use std::path::Path;
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
    running: Option<Running>,
}

struct Running {
    outcome: Receiver<Result<Summary, PublishError>>,
    /// The password typed for this publish, kept once it worked.
    typed: Option<Secret>,
}

impl Publisher {
    /// A publisher whose password, until one is typed, is `from_env`
    /// (`ITINERA_PASSWORD`: see [`Publisher::from_env`]).
    pub fn new(from_env: Option<Secret>) -> Publisher {
        Publisher {
            from_env,
            ..Publisher::default()
        }
    }

    /// A publisher with the password of `ITINERA_PASSWORD`, when it is
    /// set to something.
    pub fn from_env() -> Publisher {
        let password = std::env::var("ITINERA_PASSWORD")
            .ok()
            .filter(|p| !p.is_empty())
            .map(Secret::new);
        Publisher::new(password)
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
            Some(user) => match typed
                .clone()
                .or_else(|| self.password.clone())
                .or_else(|| self.from_env.clone())
            {
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
