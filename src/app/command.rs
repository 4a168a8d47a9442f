//! The command line: `:w`, `:w FILE` (a copy, as in vim), `:saveas FILE`,
//! `:q`, `:q!`, `:wq`, `:e!`. Commands that touch files become effects;
//! whether a FILE is the mission's own file is for the runner to find out
//! (it saves it then).

use super::{App, Effect};

impl App {
    /// Runs a command-line command.
    pub(super) fn command(&mut self, command: &str) {
        let (verb, argument) = match command.split_once(' ') {
            Some((verb, rest)) => (verb, Some(rest.trim()).filter(|r| !r.is_empty())),
            None => (command, None),
        };
        let path = argument.unwrap_or_default().to_string();
        match (verb, argument) {
            ("w" | "write", None) => self.save_then(false, false),
            ("w!" | "write!", None) => self.save_then(true, false),
            // As in vim: `:w FILE` writes a copy and the session stays on
            // its file; `:saveas FILE` moves the session to the new file.
            ("w" | "write", Some(_)) => self.effect(Effect::WriteCopy { path, force: false }),
            ("w!" | "write!", Some(_)) => self.effect(Effect::WriteCopy { path, force: true }),
            ("saveas", Some(_)) => self.effect(Effect::SaveAs {
                path,
                force: false,
                then_quit: false,
                or_save: true,
            }),
            ("saveas!", Some(_)) => self.effect(Effect::SaveAs {
                path,
                force: true,
                then_quit: false,
                or_save: false,
            }),
            ("q" | "quit", None) if self.is_dirty() => {
                self.error("Unsaved changes: :w saves them, :q! quits without them.");
            }
            ("q" | "quit", None) => self.effect(Effect::Quit),
            ("q!" | "quit!", None) => self.quit_discarding(),
            ("wq" | "x", None) => self.save_then(false, true),
            ("e!" | "reload", None) => self.reload(),
            ("", None) => {}
            _ => self.error(format!(
                "Unknown command \":{command}\" (try :w, :q, :wq, :q!, :w FILE, :saveas FILE, :e!)"
            )),
        }
    }
}
