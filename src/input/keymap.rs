//! The keymap: one table from keys to actions, used by the input handler,
//! the help overlay and the status-bar hints alike.
//!
//! Defaults live in [`DEFAULTS`]; `config.toml` may rebind any key with a
//! `[keys]` table (`"ctrl-n" = "next_day"`, `"x" = "none"` to unbind).

use super::Action;
use super::key::Key;

/// The default bindings, in the order the help overlay lists them.
pub const DEFAULTS: &[(&str, Action)] = &[
    ("h", Action::PrevDay),
    ("left", Action::PrevDay),
    ("l", Action::NextDay),
    ("right", Action::NextDay),
    ("k", Action::Up),
    ("up", Action::Up),
    ("j", Action::Down),
    ("down", Action::Down),
    ("g", Action::First),
    ("home", Action::First),
    ("G", Action::Last),
    ("end", Action::Last),
    ("pageup", Action::PageUp),
    ("ctrl-b", Action::PageUp),
    ("pagedown", Action::PageDown),
    ("ctrl-f", Action::PageDown),
    ("tab", Action::FocusNext),
    ("backtab", Action::FocusPrev),
    ("enter", Action::Open),
    ("a", Action::ToggleAgenda),
    ("s", Action::Schedule),
    ("?", Action::Help),
    ("f1", Action::Help),
    ("esc", Action::Back),
    ("e", Action::Edit),
    ("n", Action::Add),
    ("c", Action::Duplicate),
    ("d", Action::Delete),
    ("delete", Action::Delete),
    ("K", Action::MoveUp),
    ("shift-up", Action::MoveUp),
    ("J", Action::MoveDown),
    ("shift-down", Action::MoveDown),
    ("<", Action::MovePrevDay),
    (">", Action::MoveNextDay),
    ("+", Action::Delay),
    ("=", Action::Delay),
    ("-", Action::Advance),
    ("]", Action::Lengthen),
    ("[", Action::Shorten),
    ("m", Action::EditMission),
    ("D", Action::EditDay),
    ("u", Action::Undo),
    ("ctrl-r", Action::Redo),
    ("ctrl-s", Action::Save),
    (":", Action::Command),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

/// Keys to actions, in a stable order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<(Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(key, action)| Some((Key::parse(key).ok()?, *action)))
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with `overrides` applied in order: each binds a key to
    /// an action (replacing the key's default) or unbinds it (`None`).
    pub fn with_overrides(overrides: &[(Key, Option<Action>)]) -> Self {
        let mut map = Keymap::default();
        for (key, action) in overrides {
            let position = map.bindings.iter().position(|(k, _)| k == key);
            match (position, action) {
                (Some(i), Some(action)) => map.bindings[i].1 = *action,
                (Some(i), None) => {
                    map.bindings.remove(i);
                }
                (None, Some(action)) => map.bindings.push((*key, *action)),
                (None, None) => {}
            }
        }
        map
    }

    pub fn action(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, a)| *a)
    }

    /// The keys bound to `action`, in table order.
    pub fn keys(&self, action: Action) -> impl Iterator<Item = Key> + '_ {
        self.bindings
            .iter()
            .filter(move |(_, a)| *a == action)
            .map(|(k, _)| *k)
    }

    /// Every bound action once, in table order.
    pub fn actions(&self) -> Vec<Action> {
        let mut seen = Vec::new();
        for (_, action) in &self.bindings {
            if !seen.contains(action) {
                seen.push(*action);
            }
        }
        seen
    }

    /// "j/↓" style label of every key for `action`, or "" when unbound.
    pub fn label(&self, action: Action) -> String {
        self.keys(action)
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// One key for `action`, for short hints: an arrow key when one is
    /// bound (they need no explaining), else the first key.
    pub fn hint_label(&self, action: Action) -> Option<String> {
        self.keys(action)
            .find(Key::is_arrow)
            .or_else(|| self.keys(action).next())
            .map(|k| k.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shifted_characters_match_their_binding() {
        use crate::input::{KeyCode, Modifiers};
        let typed = Key::new(KeyCode::Char('G'), Modifiers::SHIFT);
        assert_eq!(Keymap::default().action(typed), Some(Action::Last));
        let typed = Key::new(KeyCode::BackTab, Modifiers::SHIFT);
        assert_eq!(Keymap::default().action(typed), Some(Action::FocusPrev));
    }

    #[test]
    fn overrides_rebind_and_unbind() {
        let map = Keymap::with_overrides(&[
            (Key::char('x'), Some(Action::NextDay)),
            (Key::char('l'), None),
            (Key::char('h'), Some(Action::Help)),
        ]);
        assert_eq!(map.action(Key::char('x')), Some(Action::NextDay));
        assert_eq!(map.action(Key::char('l')), None);
        assert_eq!(map.action(Key::char('h')), Some(Action::Help));
        assert_eq!(map.label(Action::NextDay), "→/x");
    }
}
