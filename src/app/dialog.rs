//! Questions the planner asks before doing something that cannot be taken
//! back, the one-line prompts (the command line, whose commands are in
//! `command`, and "save as"), and the save, quit and reload flows they
//! lead to.

use std::path::{Path, PathBuf};

use super::form::type_key;
use super::{App, History, Mode, Msg, SaveFailure, TextInput};
use crate::file::output::OutputError;
use crate::file::write::SaveError;
use crate::input::{Action, Key, KeyMode};

/// `~/trips/x.toml` as the shell would read it.
pub(super) fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// A yes/no (or more) question in a dialog box.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// The participant attends `attends` visits, and is named in
    /// `named` of them (the others are for the whole delegation).
    DeleteParticipant {
        index: usize,
        attends: usize,
        named: usize,
    },
    /// Quitting with unsaved changes.
    Quit,
    /// The file changed on disk since it was read; saving was refused.
    ChangedOnDisk { then_quit: bool },
    /// An earlier session left unsaved changes for this mission.
    Recovery { path: PathBuf },
    /// The file is read-only; saving over it was refused until asked.
    ReadOnly { then_quit: bool },
}

impl Confirm {
    /// Whether the dialog takes `action`: a choice it lists, or `cancel`
    /// and `back`, which every dialog takes (as its "no" or "later" when
    /// it lists no cancel).
    pub fn offers(&self, app: &App, action: Action) -> bool {
        matches!(action, Action::Cancel | Action::Back)
            || self.text(app).1.iter().any(|(a, _)| *a == action)
    }

    /// The question, and the choices it lists as (action, what it does).
    pub fn text(&self, app: &App) -> (String, Vec<(Action, &'static str)>) {
        match self {
            Confirm::DeleteParticipant {
                index,
                attends,
                named,
            } => {
                let name = app
                    .mission
                    .participants
                    .get(*index)
                    .map(|p| p.name.as_str())
                    .unwrap_or("This participant");
                let plural = |n: usize| if n == 1 { "visit" } else { "visits" };
                let question = match named {
                    0 => format!(
                        "{name} attends {attends} {}. Remove {name} from the delegation?",
                        plural(*attends)
                    ),
                    named => format!(
                        "{name} attends {attends} {} and is named in {named} of them. \
                         Remove {name} from the delegation and from those visits?",
                        plural(*attends)
                    ),
                };
                (
                    question,
                    vec![(Action::Confirm, "remove"), (Action::Keep, "keep")],
                )
            }
            Confirm::Quit => (
                format!("{} has unsaved changes.", app.doc.name()),
                vec![
                    (Action::Save, "save and quit"),
                    (Action::Discard, "discard changes and quit"),
                    (Action::Cancel, "cancel"),
                ],
            ),
            Confirm::ChangedOnDisk { .. } => (
                format!(
                    "{} was changed on disk since it was opened. Saving now would \
                     overwrite those changes.",
                    app.doc.name()
                ),
                vec![
                    (
                        Action::Reload,
                        "reload it (your changes go to a recovery file)",
                    ),
                    (
                        Action::Overwrite,
                        "overwrite it (the other version goes to .bak)",
                    ),
                    (Action::SaveAs, "save as another file"),
                    (Action::Cancel, "cancel"),
                ],
            ),
            Confirm::ReadOnly { .. } => (
                format!(
                    "{} is read-only. Save over it anyway? It stays read-only.",
                    app.doc.name()
                ),
                vec![
                    (Action::SaveOver, "save over it"),
                    (Action::SaveAs, "save as another file"),
                    (Action::Cancel, "cancel"),
                ],
            ),
            Confirm::Recovery { path } => {
                let when = std::fs::metadata(path)
                    .and_then(|m| m.modified())
                    .ok()
                    .map(|t| {
                        let t: chrono::DateTime<chrono::Local> = t.into();
                        t.format(" from %a %-d %b %H:%M").to_string()
                    })
                    .unwrap_or_default();
                let also = app
                    .doc
                    .lock_warning()
                    .map(|warning| format!(" Note: {warning}."))
                    .unwrap_or_default();
                (
                    format!(
                        "Unsaved changes to {}{when} were kept after the last session ended \
                         unexpectedly.{also}",
                        app.doc.name()
                    ),
                    vec![
                        (Action::Restore, "restore them"),
                        (Action::Discard, "discard them"),
                        (Action::Later, "decide later (keep the file)"),
                    ],
                )
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// `:w`, `:q`, `:wq`, `:q!`, `:w PATH`, `:e!`.
    Command,
    SaveAs,
}

/// A one-line text entry at the bottom of the screen.
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
    /// Quit once the prompt's save went through (save and quit, when the
    /// file had changed on disk and the user chose another name).
    pub then_quit: bool,
}

impl Prompt {
    pub fn new(kind: PromptKind) -> Self {
        Prompt {
            kind,
            input: TextInput::default(),
            then_quit: false,
        }
    }

    pub fn label(&self) -> &'static str {
        match self.kind {
            PromptKind::Command => ":",
            PromptKind::SaveAs => "Save as: ",
        }
    }

    fn text(&self) -> String {
        self.input.lines().join("").trim().to_string()
    }
}

impl App {
    /// The dialog's action for `key`: the first of the key's actions in
    /// the keymap's dialog mode that the open dialog offers (a capital
    /// letter counts as its small one when it is bound to nothing).
    fn dialog_action(&self, confirm: &Confirm, key: Key) -> Option<Action> {
        let keymap = &self.config.keymap;
        let mut actions = keymap.actions_in(KeyMode::Dialog, key);
        if let (true, Some(c)) = (actions.is_empty(), key.typed()) {
            actions = keymap.actions_in(KeyMode::Dialog, Key::char(c.to_ascii_lowercase()));
        }
        actions.into_iter().find(|a| confirm.offers(self, *a))
    }

    pub(super) fn update_confirm(&mut self, msg: Msg) {
        let Msg::Key(key) = msg else { return };
        let Mode::Confirm(confirm) = &self.mode else {
            return;
        };
        let confirm = confirm.clone();
        // Any other key: the question stays.
        let Some(action) = self.dialog_action(&confirm, key) else {
            return;
        };
        self.mode = Mode::Normal;
        self.answer(confirm, action);
    }

    /// What the answer `action` to the question `confirm` does.
    fn answer(&mut self, confirm: Confirm, action: Action) {
        match (confirm, action) {
            (Confirm::DeleteParticipant { index, .. }, Action::Confirm) => {
                self.delete_participant(index);
            }
            (Confirm::DeleteParticipant { .. }, _) => self.info("Nothing deleted."),
            (Confirm::Quit, Action::Save) => self.save_then(false, true),
            (Confirm::Quit, Action::Discard) => {
                self.doc.forget_own_recovery();
                self.should_quit = true;
            }
            (Confirm::Quit, _) => {}
            (Confirm::ChangedOnDisk { .. }, Action::Reload) => self.reload(),
            (Confirm::ChangedOnDisk { then_quit }, Action::Overwrite) => {
                self.save_then(true, then_quit);
            }
            (
                Confirm::ChangedOnDisk { then_quit } | Confirm::ReadOnly { then_quit },
                Action::SaveAs,
            ) => {
                let mut prompt = Prompt::new(PromptKind::SaveAs);
                prompt.then_quit = then_quit;
                self.mode = Mode::Prompt(Box::new(prompt));
            }
            (Confirm::ReadOnly { then_quit }, Action::SaveOver) => {
                self.doc.allow_read_only();
                self.save_then(false, then_quit);
            }
            (Confirm::ChangedOnDisk { .. } | Confirm::ReadOnly { .. }, _) => {
                self.info("Not saved.");
            }
            (Confirm::Recovery { path }, Action::Restore) => {
                self.restore(&path);
                self.add_lock_warning();
            }
            (Confirm::Recovery { path }, Action::Discard) => {
                match self.doc.discard_recovery(&path) {
                    Ok(()) => self.info("Discarded the kept changes."),
                    Err(err) => self.error(format!("Not discarded: {err}.")),
                }
                self.add_lock_warning();
            }
            // Later, cancel, or Esc.
            (Confirm::Recovery { .. }, _) => {
                self.info("The kept changes stay until you restore or discard them.");
                self.add_lock_warning();
            }
        }
    }

    pub(super) fn update_prompt(&mut self, msg: Msg) {
        let keymap = &self.config.keymap;
        let Mode::Prompt(prompt) = &mut self.mode else {
            return;
        };
        match msg {
            Msg::Key(key) if type_key(&mut prompt.input, false, key, keymap) => {}
            Msg::Key(key) => {
                let actions = keymap.actions_in(KeyMode::Command, key);
                if actions.contains(&Action::Cancel) {
                    self.mode = Mode::Normal;
                } else if actions.contains(&Action::Apply) {
                    let (kind, text, then_quit) = (prompt.kind, prompt.text(), prompt.then_quit);
                    self.mode = Mode::Normal;
                    self.run_prompt(kind, &text, then_quit);
                }
            }
            Msg::Paste(text) => {
                prompt.input.insert_str(&text.replace(['\n', '\r'], ""));
            }
            _ => {}
        }
    }

    /// What the prompt's text asks for, once Enter is pressed.
    fn run_prompt(&mut self, kind: PromptKind, text: &str, then_quit: bool) {
        match kind {
            PromptKind::Command => self.command(text),
            PromptKind::SaveAs if text.is_empty() => self.info("Not saved."),
            PromptKind::SaveAs => {
                self.save_as(&expand_home(text), false);
                if then_quit && !self.is_dirty() {
                    self.should_quit = true;
                }
            }
        }
    }

    /// `q`: quits, asking first when there are unsaved changes.
    pub(super) fn quit(&mut self) {
        if self.is_dirty() {
            self.mode = Mode::Confirm(Confirm::Quit);
        } else {
            self.should_quit = true;
        }
    }

    /// Saves to the mission's file. Never overwrites a file changed on disk
    /// without asking (`force` is the answer); a failed save keeps the
    /// changes in a recovery file.
    pub fn save(&mut self, force: bool) {
        self.save_then(force, false);
    }

    /// Saves, then quits when `quit` and the save went through. When the
    /// file changed on disk, the question that follows remembers `quit`.
    pub(super) fn save_then(&mut self, force: bool, quit: bool) {
        // Nothing to write: the file keeps its bytes and its .bak.
        if !self.is_dirty() && !force {
            self.info("No unsaved changes; the file is as it was.");
            self.should_quit = quit;
            return;
        }
        match self.doc.save(&self.mission, force) {
            Ok(saved) => {
                self.history.mark_saved();
                let message = saved.message(&self.doc.name());
                if saved.is_warning() {
                    self.warn(message);
                } else {
                    self.info(message);
                }
                self.should_quit = quit;
            }
            Err(SaveFailure::Write(SaveError::ChangedOnDisk { .. })) => {
                self.mode = Mode::Confirm(Confirm::ChangedOnDisk { then_quit: quit });
            }
            Err(SaveFailure::Write(SaveError::ReadOnly { .. })) => {
                self.mode = Mode::Confirm(Confirm::ReadOnly { then_quit: quit });
            }
            Err(err) => self.keep_after_failure(&err.to_string()),
        }
    }

    /// Saves to `path`, which becomes the session's file. An existing file
    /// there is only replaced with `force` (`:saveas!`).
    pub(super) fn save_as(&mut self, path: &Path, force: bool) {
        match self.doc.save_as(path, &self.mission, force) {
            Ok(_) => {
                self.history.mark_saved();
                self.info(format!("Saved as {}; now editing it.", path.display()));
            }
            Err(SaveFailure::Output(err @ OutputError::DanglingLink { .. })) => {
                self.error(format!("Not saved: {err}."));
            }
            Err(SaveFailure::Write(SaveError::ChangedOnDisk { .. }) | SaveFailure::Output(_)) => {
                self.error(format!(
                    "{} already exists; choose another name (:saveas! replaces it).",
                    path.display()
                ));
            }
            Err(err) => self.keep_after_failure(&err.to_string()),
        }
    }

    /// Reads the file again, discarding the changes made here (kept in the
    /// recovery file first when there are any).
    pub(super) fn reload(&mut self) {
        let kept = if self.is_dirty() {
            match self.doc.keep_discarded(&self.mission) {
                Ok(path) => format!(" Your changes were kept in {}.", path.display()),
                Err(err) => {
                    self.error(format!(
                        "Not reloaded: cannot keep your changes first ({err})."
                    ));
                    return;
                }
            }
        } else {
            String::new()
        };
        match self.doc.reload() {
            Ok(mission) => {
                self.mission = mission;
                self.history = History::new();
                // This session's own recovery file held what was just
                // discarded (it is in the file named above).
                self.doc.forget_own_recovery();
                self.kept_generation = None;
                self.reindex();
                self.info(format!("Reloaded {}.{kept}", self.doc.name()));
            }
            Err(err) => self.error(format!("Not reloaded: {}", err.render().trim_end())),
        }
    }
}
