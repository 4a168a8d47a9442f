//! The command line: `:w`, `:w FILE` (a copy, as in vim), `:saveas FILE`,
//! `:q`, `:q!`, `:wq`, `:e!`.

use std::path::Path;

use super::dialog::expand_home;
use super::{App, SaveFailure};
use crate::file::output::OutputError;
use crate::file::write::SaveError;

/// Whether `a` and `b` name the same file: the same file on disk (through
/// links too), or the same path when neither exists.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    std::path::absolute(a).ok() == std::path::absolute(b).ok()
}

impl App {
    /// Runs a command-line command.
    pub(super) fn command(&mut self, command: &str) {
        let (verb, argument) = match command.split_once(' ') {
            Some((verb, rest)) => (verb, Some(rest.trim()).filter(|r| !r.is_empty())),
            None => (command, None),
        };
        let is_current = |path: &str| same_file(&expand_home(path), &self.doc.path);
        match (verb, argument) {
            ("w" | "write", None) => self.save(false),
            ("w" | "write", Some(path)) if is_current(path) => self.save(false),
            ("w!" | "write!", None) => self.save(true),
            ("w!" | "write!", Some(path)) if is_current(path) => self.save(true),
            // As in vim: `:w FILE` writes a copy and the session stays on
            // its file; `:saveas FILE` moves the session to the new file.
            ("w" | "write", Some(path)) => self.write_copy(&expand_home(path), false),
            ("w!" | "write!", Some(path)) => self.write_copy(&expand_home(path), true),
            ("saveas", Some(path)) if is_current(path) => self.save(false),
            ("saveas", Some(path)) => self.save_as(&expand_home(path), false),
            ("saveas!", Some(path)) => self.save_as(&expand_home(path), true),
            ("q" | "quit", None) if self.is_dirty() => {
                self.error("Unsaved changes: :w saves them, :q! quits without them.");
            }
            ("q" | "quit", None) => self.should_quit = true,
            ("q!" | "quit!", None) => {
                self.doc.forget_own_recovery();
                self.should_quit = true;
            }
            ("wq" | "x", None) => self.save_then(false, true),
            ("e!" | "reload", None) => self.reload(),
            ("", None) => {}
            _ => self.error(format!(
                "Unknown command \":{command}\" (try :w, :q, :wq, :q!, :w FILE, :saveas FILE, :e!)"
            )),
        }
    }

    /// `:w FILE`: writes the mission to `path` as a copy; the session
    /// stays on its own file, unsaved changes and all. An existing file is
    /// only replaced with `force` (`:w! FILE`).
    fn write_copy(&mut self, path: &Path, force: bool) {
        match self.doc.write_copy(path, &self.mission, force) {
            Ok(()) => {
                let unsaved = if self.is_dirty() {
                    ", whose changes are not saved yet"
                } else {
                    ""
                };
                self.info(format!(
                    "Wrote a copy to {}; still editing {}{unsaved}.",
                    path.display(),
                    self.doc.name()
                ));
            }
            Err(
                SaveFailure::Write(SaveError::ChangedOnDisk { .. })
                | SaveFailure::Output(OutputError::Exists { .. }),
            ) => {
                self.error(format!(
                    "{} already exists; :w! {} replaces it.",
                    path.display(),
                    path.display()
                ));
            }
            Err(err) => self.error(format!("No copy written: {err}.")),
        }
    }
}
