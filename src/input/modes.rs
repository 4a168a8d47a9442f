//! The keymap's modes: which keys do what on the main screen, in a form,
//! inside a text field, in a dialog, on the command line and in the help
//! and schedule popups. Each mode has one table of default bindings, which
//! the input handler, the help overlay and the hints all read, and its own
//! table in `config.toml` (`[keys]` for the main screen, `[keys.form]`,
//! `[keys.text]`, `[keys.dialog]`, `[keys.command]`, `[keys.help]`,
//! `[keys.schedule]`, `[keys.problems]`). A search mode will be one more entry here.
//!
//! The help and schedule popups start from the main screen's keys (their
//! own tables are empty by default): `j` scrolls the help because it moves
//! down on the main screen, and a key rebound there is rebound in them.

use super::Action;

/// Where keys are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyMode {
    Normal,
    Form,
    /// Inside a text field of a form, or the command line: tried before
    /// the form's or the command line's own keys. A character typed
    /// without Ctrl or Alt that is not bound here is inserted.
    Text,
    Dialog,
    Command,
    Help,
    Schedule,
    Problems,
}

use Action as A;

/// A form's keys.
const FORM: &[(&str, Action)] = &[
    ("tab", A::NextField),
    ("backtab", A::PrevField),
    ("up", A::Up),
    ("k", A::Up),
    ("down", A::Down),
    ("j", A::Down),
    ("enter", A::Apply),
    ("ctrl-s", A::Apply),
    ("ctrl-enter", A::Apply),
    ("esc", A::Cancel),
    ("left", A::PreviousChoice),
    ("h", A::PreviousChoice),
    ("right", A::NextChoice),
    ("l", A::NextChoice),
    ("space", A::NextChoice),
    ("space", A::Tick),
    ("x", A::Tick),
];

/// The editing keys of a text field, as in a shell's command line.
const TEXT: &[(&str, Action)] = &[
    ("left", A::Left),
    ("ctrl-b", A::Left),
    ("right", A::Right),
    ("ctrl-f", A::Right),
    ("ctrl-left", A::WordLeft),
    ("alt-b", A::WordLeft),
    ("ctrl-right", A::WordRight),
    ("alt-f", A::WordRight),
    ("home", A::LineStart),
    ("ctrl-a", A::LineStart),
    ("end", A::LineEnd),
    ("ctrl-e", A::LineEnd),
    ("backspace", A::DeleteBack),
    ("ctrl-h", A::DeleteBack),
    ("delete", A::DeleteForward),
    ("ctrl-d", A::DeleteForward),
    ("ctrl-w", A::DeleteWord),
    ("alt-backspace", A::DeleteWord),
    ("alt-d", A::DeleteNextWord),
    ("alt-delete", A::DeleteNextWord),
    ("ctrl-u", A::DeleteToStart),
    ("ctrl-k", A::DeleteToEnd),
    ("ctrl-y", A::Yank),
    ("enter", A::Newline),
];

/// A dialog's choices. A key may stand for several: the open dialog takes
/// the one it offers (`r` reloads a changed file, or restores kept
/// changes).
const DIALOG: &[(&str, Action)] = &[
    ("y", A::Confirm),
    ("n", A::Keep),
    ("s", A::Save),
    ("d", A::Discard),
    ("r", A::Reload),
    ("o", A::Overwrite),
    ("a", A::SaveAs),
    ("y", A::SaveOver),
    ("r", A::Restore),
    ("l", A::Later),
    ("c", A::Cancel),
    ("esc", A::Back),
];

const COMMAND: &[(&str, Action)] = &[("enter", A::Apply), ("esc", A::Cancel)];

impl KeyMode {
    pub const ALL: [KeyMode; 8] = [
        KeyMode::Normal,
        KeyMode::Form,
        KeyMode::Text,
        KeyMode::Dialog,
        KeyMode::Command,
        KeyMode::Help,
        KeyMode::Schedule,
        KeyMode::Problems,
    ];

    /// The mode's table in `config.toml`: `keys.form`; `keys` for the main
    /// screen.
    pub fn table(self) -> &'static str {
        match self {
            KeyMode::Normal => "keys",
            KeyMode::Form => "keys.form",
            KeyMode::Text => "keys.text",
            KeyMode::Dialog => "keys.dialog",
            KeyMode::Command => "keys.command",
            KeyMode::Help => "keys.help",
            KeyMode::Schedule => "keys.schedule",
            KeyMode::Problems => "keys.problems",
        }
    }

    /// The mode whose table is `[keys.NAME]`.
    pub fn named(name: &str) -> Option<KeyMode> {
        KeyMode::ALL
            .into_iter()
            .find(|mode| mode.table().strip_prefix("keys.") == Some(name))
    }

    /// The heading of the mode's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Normal => "Main screen",
            KeyMode::Form => "In a form",
            KeyMode::Text => "Editing text (form fields, command line)",
            KeyMode::Dialog => "In a dialog",
            KeyMode::Command => "Command line",
            KeyMode::Help => "In this help",
            KeyMode::Schedule => "In a schedule",
            KeyMode::Problems => "In the problems panel",
        }
    }

    /// The default bindings, in the order the help lists them.
    pub(super) fn defaults(self) -> &'static [(&'static str, Action)] {
        match self {
            KeyMode::Normal => super::keymap::DEFAULTS,
            KeyMode::Form => FORM,
            KeyMode::Text => TEXT,
            KeyMode::Dialog => DIALOG,
            KeyMode::Command => COMMAND,
            KeyMode::Help | KeyMode::Schedule | KeyMode::Problems => &[],
        }
    }

    /// Whether keys not bound in the mode's own table are read as on the
    /// main screen.
    pub fn falls_back(self) -> bool {
        matches!(self, KeyMode::Help | KeyMode::Schedule | KeyMode::Problems)
    }

    /// The actions the mode offers, in the order the help lists them.
    pub fn actions(self) -> Vec<Action> {
        let mut seen: Vec<Action> = Vec::new();
        let listed: &[Action] = match self {
            KeyMode::Help => &[
                A::Up,
                A::Down,
                A::PageUp,
                A::PageDown,
                A::First,
                A::Last,
                A::Back,
            ],
            KeyMode::Schedule | KeyMode::Problems => &[
                A::Up,
                A::Down,
                A::PageUp,
                A::PageDown,
                A::First,
                A::Last,
                A::Open,
                A::Back,
            ],
            _ => &[],
        };
        let all = listed
            .iter()
            .copied()
            .chain(self.defaults().iter().map(|(_, action)| *action));
        for action in all {
            if !seen.contains(&action) {
                seen.push(action);
            }
        }
        seen
    }

    /// Whether `[keys...]` of this mode may bind `action`.
    pub fn offers(self, action: Action) -> bool {
        match self {
            KeyMode::Normal => action.group().is_some(),
            _ => self.actions().contains(&action),
        }
    }

    /// What `action` does in this mode, for the help.
    pub fn describe(self, action: Action) -> &'static str {
        let special = match (self, action) {
            (KeyMode::Form, A::Up) => "field above (row, person)",
            (KeyMode::Form, A::Down) => "field below (row, person)",
            (KeyMode::Form, A::Apply) => "apply (Enter: new line in notes)",
            (KeyMode::Form, A::Cancel) => "cancel: nothing changes",
            (KeyMode::Form, A::PreviousChoice) => "previous choice (kind, status)",
            (KeyMode::Form, A::NextChoice) => "next choice (kind, status)",
            (KeyMode::Form, A::Tick) => "tick or untick an attendee",
            (KeyMode::Text, A::Newline) => "new line (in the notes)",
            (KeyMode::Dialog, A::Confirm) => "yes: remove the participant",
            (KeyMode::Dialog, A::Keep) => "no: keep the participant",
            (KeyMode::Dialog, A::Save) => "save and quit",
            (KeyMode::Dialog, A::Discard) => "discard the changes",
            (KeyMode::Dialog, A::Reload) => "reload the file changed on disk",
            (KeyMode::Dialog, A::Overwrite) => {
                "overwrite the file changed on disk; replace an export"
            }
            (KeyMode::Dialog, A::SaveAs) => "save as another file; export under another name",
            (KeyMode::Dialog, A::Restore) => "restore the changes kept",
            (KeyMode::Dialog, A::Later) => "decide later on the changes kept",
            (KeyMode::Dialog, A::Back) => "close the dialog, as cancel does",
            (KeyMode::Command, A::Apply) => "run the command, or save as the name",
            (KeyMode::Command, A::Cancel) => "close the command line",
            (KeyMode::Help, A::Up) => "scroll up",
            (KeyMode::Help, A::Down) => "scroll down",
            (KeyMode::Help | KeyMode::Schedule | KeyMode::Problems, A::First) => "top",
            (KeyMode::Help | KeyMode::Schedule | KeyMode::Problems, A::Last) => "bottom",
            (KeyMode::Help, A::Back) => "close (so do the main screen's keys)",
            (KeyMode::Schedule, A::Up) => "previous visit",
            (KeyMode::Schedule, A::Down) => "next visit",
            (KeyMode::Schedule, A::Open) => "go to the visit",
            (KeyMode::Schedule, A::Back) => "close",
            (KeyMode::Problems, A::Up) => "previous problem",
            (KeyMode::Problems, A::Down) => "next problem",
            (KeyMode::Problems, A::Open) => "go to the visit (or day, or person)",
            (KeyMode::Problems, A::Back) => "close",
            _ => "",
        };
        if special.is_empty() {
            action.description()
        } else {
            special
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_a_table_name_and_describes_what_it_offers() {
        for mode in KeyMode::ALL {
            if mode != KeyMode::Normal {
                let name = mode.table().strip_prefix("keys.").expect("keys.NAME");
                assert_eq!(KeyMode::named(name), Some(mode));
            }
            for action in mode.actions() {
                assert!(mode.offers(action), "{mode:?} {action:?}");
                assert!(!mode.describe(action).is_empty(), "{mode:?} {action:?}");
            }
        }
        assert_eq!(KeyMode::named("search"), None);
        assert!(!KeyMode::Form.offers(A::NextDay));
        assert!(!KeyMode::Normal.offers(A::Tick));
    }
}
