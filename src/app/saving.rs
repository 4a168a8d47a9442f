//! Saving, reloading and quitting, as the app sees them: deciding what to
//! ask of the runner, and saying what happened once it reports back. The
//! save never overwrites a file changed on disk without asking (the
//! question offers to reload, overwrite or save under another name), and a
//! failed save keeps the changes in a recovery file.

use super::{App, Confirm, Effect, Mode, Plan, Report};

impl App {
    /// Saves, then quits when `quit` and the save went through. When the
    /// file changed on disk, the question that follows remembers `quit`.
    /// `force` overwrites a file changed on disk.
    pub(super) fn save_then(&mut self, force: bool, quit: bool) {
        // Nothing to write: the file keeps its bytes and its .bak.
        if !self.is_dirty() && !force {
            self.info("No unsaved changes; the file is as it was.");
            if quit {
                self.effect(Effect::Quit);
            }
            return;
        }
        self.effect(Effect::Save {
            force,
            then_quit: quit,
            over_read_only: false,
        });
    }

    /// The user said yes to saving over the read-only file.
    pub(super) fn save_over_read_only(&mut self, quit: bool) {
        if !self.is_dirty() {
            self.save_then(false, quit);
            return;
        }
        self.effect(Effect::Save {
            force: false,
            then_quit: quit,
            over_read_only: true,
        });
    }

    /// `q`: quits, asking first when there are unsaved changes.
    pub(super) fn quit(&mut self) {
        if self.is_dirty() {
            self.mode = Mode::Confirm(Confirm::Quit);
        } else {
            self.effect(Effect::Quit);
        }
    }

    /// Quits without the unsaved changes, which the recovery file no
    /// longer needs to keep.
    pub(super) fn quit_discarding(&mut self) {
        self.effect(Effect::ForgetRecovery);
        self.effect(Effect::Quit);
    }

    /// Reads the file again, discarding the changes made here (kept in a
    /// file of their own first when there are any).
    pub(super) fn reload(&mut self) {
        self.effect(Effect::Reload);
    }

    /// What a report of the runner means for the user.
    pub(super) fn report(&mut self, report: Report) {
        match report {
            Report::Saved {
                note,
                warning,
                then_quit,
            } => {
                self.plan.mark_saved();
                if warning {
                    self.warn(note);
                } else {
                    self.info(note);
                }
                if then_quit {
                    self.effect(Effect::Quit);
                }
            }
            Report::ChangedOnDisk { then_quit } => {
                self.mode = Mode::Confirm(Confirm::ChangedOnDisk { then_quit });
            }
            Report::ReadOnly { then_quit } => {
                self.mode = Mode::Confirm(Confirm::ReadOnly { then_quit });
            }
            Report::SaveFailed { problem, kept } => self.error(match kept {
                Ok(path) => format!(
                    "Not saved: {problem}. Your changes are kept in {}.",
                    path.display()
                ),
                Err(err) => format!("Not saved: {problem}. (No recovery file either: {err}.)"),
            }),
            Report::OwnFile { force } => self.save_then(force, false),
            other => self.report_other(other),
        }
    }

    /// The reports of saving under another name, copies and reloading.
    fn report_other(&mut self, report: Report) {
        match report {
            Report::SavedAs {
                path,
                then_quit,
                elsewhere,
            } => {
                self.plan.mark_saved();
                self.info(format!("Saved as {}; now editing it.", path.display()));
                self.file = path;
                self.elsewhere = elsewhere;
                if then_quit {
                    self.effect(Effect::Quit);
                }
            }
            Report::SaveAsExists { path } => self.error(format!(
                "{} already exists; choose another name (:saveas! replaces it).",
                path.display()
            )),
            Report::SaveAsRefused { problem } => self.error(format!("Not saved: {problem}.")),
            Report::CopyWritten { path } => {
                let unsaved = if self.is_dirty() {
                    ", whose changes are not saved yet"
                } else {
                    ""
                };
                self.info(format!(
                    "Wrote a copy to {}; still editing {}{unsaved}.",
                    path.display(),
                    self.file_name()
                ));
            }
            Report::CopyExists { path } => self.error(format!(
                "{} already exists; :w! {} replaces it.",
                path.display(),
                path.display()
            )),
            Report::CopyFailed { problem } => self.error(format!("No copy written: {problem}.")),
            Report::Reloaded { mission, kept } => {
                self.replace_plan(Plan::new(*mission));
                self.kept_generation = None;
                let kept = kept
                    .map(|path| format!(" Your changes were kept in {}.", path.display()))
                    .unwrap_or_default();
                self.info(format!("Reloaded {}.{kept}", self.file_name()));
            }
            Report::ReloadNotKept { problem } => self.error(format!(
                "Not reloaded: cannot keep your changes first ({problem})."
            )),
            Report::ReloadFailed { problem } => self.error(format!("Not reloaded: {problem}")),
            other => self.report_recovery(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Msg, Opening};
    use super::*;
    use crate::domain::{Edit, Header, Mission};
    use crate::input::{Config, Key};

    fn app() -> App {
        let day = chrono::NaiveDate::from_ymd_opt(2022, 11, 14).expect("date");
        let mission = Mission {
            publish: None,
            header: Header::new("T", day, day),
            days: vec![],
            participants: vec![],
            visits: vec![],
            routes: vec![],
        };
        let opening = Opening {
            path: "/nowhere/m.toml".into(),
            ..Opening::default()
        };
        App::new(mission, Config::default(), opening)
    }

    #[test]
    fn saving_is_asked_of_the_runner_and_its_report_marks_the_history() {
        let mut app = app();
        let mut header = app.mission().header.clone();
        header.title = "U".into();
        assert!(app.apply(Edit::Header(header), "edit the mission", None));
        let asked = app.update(Msg::Key(Key::ctrl('s')));
        assert_eq!(
            asked,
            [Effect::Save {
                force: false,
                then_quit: false,
                over_read_only: false
            }]
        );
        assert!(app.is_dirty(), "nothing is saved until the runner says so");
        let done = app.update(Msg::Done(Report::Saved {
            note: "Saved m.toml".into(),
            warning: false,
            then_quit: false,
        }));
        assert_eq!(done, []);
        assert!(!app.is_dirty());
        assert_eq!(
            app.message.as_ref().map(|m| m.text.as_str()),
            Some("Saved m.toml")
        );
        assert_eq!(app.update(Msg::Key(Key::char('q'))), [Effect::Quit]);
        assert!(app.should_quit);
    }

    #[test]
    fn a_refused_save_asks_and_a_failed_one_says_where_the_changes_are() {
        let mut app = app();
        let done = app.update(Msg::Done(Report::ChangedOnDisk { then_quit: true }));
        assert_eq!(done, []);
        assert!(matches!(
            app.mode,
            Mode::Confirm(Confirm::ChangedOnDisk { then_quit: true })
        ));
        assert_eq!(
            app.update(Msg::Key(Key::char('o'))),
            [Effect::Save {
                force: true,
                then_quit: true,
                over_read_only: false
            }]
        );
        app.update(Msg::Done(Report::SaveFailed {
            problem: "disk full".into(),
            kept: Ok("/data/m.toml".into()),
        }));
        assert_eq!(
            app.message.as_ref().map(|m| m.text.as_str()),
            Some("Not saved: disk full. Your changes are kept in /data/m.toml.")
        );
    }
}
