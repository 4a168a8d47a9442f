//! Questions the planner asks before doing something that cannot be taken
//! back, and the one-line prompts (the command line, whose commands are in
//! `command`, and "save as"). A question's choices are keymap actions
//! (the `dialog` mode); the save, quit and reload flows they lead to are
//! in `saving`.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use super::form::type_key;
use super::{App, Effect, Mode, Msg, TextInput};
use crate::input::{Action, Key, KeyMode};

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
    /// An earlier session left unsaved changes for this mission in `path`
    /// (at `kept_at`, the computer's time).
    Recovery {
        path: PathBuf,
        kept_at: Option<NaiveDateTime>,
    },
    /// The file is read-only; saving over it was refused until asked.
    ReadOnly { then_quit: bool },
}

/// A question and the choices it lists, as (action, what it does).
type Question = (String, Vec<(Action, &'static str)>);

impl Confirm {
    /// Whether the dialog takes `action`: a choice it lists, or `cancel`
    /// and `back`, which every dialog takes (as its "no" or "later" when
    /// it lists no cancel).
    pub fn offers(&self, app: &App, action: Action) -> bool {
        matches!(action, Action::Cancel | Action::Back)
            || self.text(app).1.iter().any(|(a, _)| *a == action)
    }

    /// The question, and the choices it lists as (action, what it does).
    pub fn text(&self, app: &App) -> Question {
        let name = app.file_name();
        match self {
            Confirm::DeleteParticipant {
                index,
                attends,
                named,
            } => delete_question(app, *index, *attends, *named),
            Confirm::Quit => (
                format!("{name} has unsaved changes."),
                vec![
                    (Action::Save, "save and quit"),
                    (Action::Discard, "discard changes and quit"),
                    (Action::Cancel, "cancel"),
                ],
            ),
            Confirm::ChangedOnDisk { .. } => (
                format!(
                    "{name} was changed on disk since it was opened. Saving now would \
                     overwrite those changes."
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
                format!("{name} is read-only. Save over it anyway? It stays read-only."),
                vec![
                    (Action::SaveOver, "save over it"),
                    (Action::SaveAs, "save as another file"),
                    (Action::Cancel, "cancel"),
                ],
            ),
            Confirm::Recovery { kept_at, .. } => recovery_question(app, *kept_at),
        }
    }
}

fn delete_question(app: &App, index: usize, attends: usize, named: usize) -> Question {
    let name = app
        .mission()
        .participants
        .get(index)
        .map(|p| p.name.as_str())
        .unwrap_or("This participant");
    let visits = if attends == 1 { "visit" } else { "visits" };
    let question = match named {
        0 => format!("{name} attends {attends} {visits}. Remove {name} from the delegation?"),
        named => format!(
            "{name} attends {attends} {visits} and is named in {named} of them. \
             Remove {name} from the delegation and from those visits?"
        ),
    };
    (
        question,
        vec![(Action::Confirm, "remove"), (Action::Keep, "keep")],
    )
}

fn recovery_question(app: &App, kept_at: Option<NaiveDateTime>) -> Question {
    let when = kept_at
        .map(|t| t.format(" from %a %-d %b %H:%M").to_string())
        .unwrap_or_default();
    let also = app
        .lock_warning()
        .map(|warning| format!(" Note: {warning}."))
        .unwrap_or_default();
    (
        format!(
            "Unsaved changes to {}{when} were kept after the last session ended \
             unexpectedly.{also}",
            app.file_name()
        ),
        vec![
            (Action::Restore, "restore them"),
            (Action::Discard, "discard them"),
            (Action::Later, "decide later (keep the file)"),
        ],
    )
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
            (Confirm::Quit, Action::Discard) => self.quit_discarding(),
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
                self.save_over_read_only(then_quit);
            }
            (Confirm::ChangedOnDisk { .. } | Confirm::ReadOnly { .. }, _) => {
                self.info("Not saved.");
            }
            (Confirm::Recovery { path, .. }, Action::Restore) => {
                self.effect(Effect::RestoreRecovery { path });
            }
            (Confirm::Recovery { path, .. }, Action::Discard) => {
                self.effect(Effect::DiscardRecovery { path });
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
            PromptKind::SaveAs => self.effect(Effect::SaveAs {
                path: text.to_string(),
                force: false,
                then_quit,
                or_save: false,
            }),
        }
    }
}
