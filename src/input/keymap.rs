//! The keymap: for each mode (see `modes`), one table from keys to
//! actions, used by the input handler, the help overlay and the hints
//! alike.
//!
//! The main screen's defaults live in [`DEFAULTS`], the other modes' in
//! `modes`; `config.toml` may rebind any key of any mode (`"ctrl-n" =
//! "next_day"` in `[keys]`, `"x" = "none"` to unbind).

use super::key::Key;
use super::{Action, KeyMode};

/// The main screen's default bindings, in the order the help overlay
/// lists them.
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
    ("t", Action::ToggleHomeTime),
    ("s", Action::Schedule),
    ("!", Action::Problems),
    ("?", Action::Help),
    ("f1", Action::Help),
    ("esc", Action::Back),
    ("/", Action::Search),
    ("n", Action::SearchNext),
    ("N", Action::SearchPrev),
    ("f", Action::Filter),
    ("F", Action::ClearFilter),
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
    ("x", Action::Export),
    ("P", Action::Publish),
    ("i", Action::Import),
    ("q", Action::Quit),
    ("ctrl-c", Action::Quit),
];

/// A rebinding read from `config.toml`: in `mode`, `key` does `actions`
/// (the first the context offers) instead of what it did; none unbinds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub mode: KeyMode,
    pub key: Key,
    pub actions: Vec<Action>,
}

/// Keys to actions for every mode, each table in a stable order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    tables: Vec<(KeyMode, Vec<(Key, Action)>)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let tables = KeyMode::ALL
            .into_iter()
            .map(|mode| {
                let bindings = mode
                    .defaults()
                    .iter()
                    .filter_map(|(key, action)| Some((Key::parse(key).ok()?, *action)))
                    .collect();
                (mode, bindings)
            })
            .collect();
        Keymap { tables }
    }
}

impl Keymap {
    /// The defaults with `overrides` applied in order: each replaces what
    /// its key did in its mode (keeping the key's place in the help), or
    /// unbinds it.
    pub fn with_overrides(overrides: &[Binding]) -> Self {
        let mut map = Keymap::default();
        for binding in overrides {
            let Some(table) = map.table_mut(binding.mode) else {
                continue;
            };
            let at = table.iter().position(|(k, _)| *k == binding.key);
            table.retain(|(k, _)| *k != binding.key);
            let at = at.unwrap_or(table.len()).min(table.len());
            for (i, action) in binding.actions.iter().enumerate() {
                table.insert(at + i, (binding.key, *action));
            }
        }
        map
    }

    fn table(&self, mode: KeyMode) -> &[(Key, Action)] {
        self.tables
            .iter()
            .find(|(m, _)| *m == mode)
            .map_or(&[], |(_, table)| table.as_slice())
    }

    fn table_mut(&mut self, mode: KeyMode) -> Option<&mut Vec<(Key, Action)>> {
        self.tables
            .iter_mut()
            .find(|(m, _)| *m == mode)
            .map(|(_, table)| table)
    }

    /// What `key` does in `mode`, every action it is bound to in table
    /// order (the caller takes the first its context offers). A mode that
    /// falls back reads a key it does not bind as the main screen does.
    pub fn actions_in(&self, mode: KeyMode, key: Key) -> Vec<Action> {
        let of = |table: &[(Key, Action)]| -> Vec<Action> {
            table
                .iter()
                .filter(|(k, _)| *k == key)
                .map(|(_, a)| *a)
                .collect()
        };
        let own = of(self.table(mode));
        if own.is_empty() && mode.falls_back() {
            of(self.table(KeyMode::Normal))
        } else {
            own
        }
    }

    /// What `key` does on the main screen.
    pub fn action(&self, key: Key) -> Option<Action> {
        self.actions_in(KeyMode::Normal, key).first().copied()
    }

    /// The keys bound to `action` in `mode`, in table order (for a mode
    /// that falls back, the main screen's after its own).
    pub fn keys_in(&self, mode: KeyMode, action: Action) -> Vec<Key> {
        let own = self.table(mode);
        let mut keys: Vec<Key> = own
            .iter()
            .filter(|(_, a)| *a == action)
            .map(|(k, _)| *k)
            .collect();
        if mode.falls_back() {
            let shadowed = |key: &Key| own.iter().any(|(k, _)| k == key);
            keys.extend(
                self.table(KeyMode::Normal)
                    .iter()
                    .filter(|(k, a)| *a == action && !shadowed(k))
                    .map(|(k, _)| *k),
            );
        }
        keys
    }

    /// The keys bound to `action` on the main screen.
    pub fn keys(&self, action: Action) -> Vec<Key> {
        self.keys_in(KeyMode::Normal, action)
    }

    /// Every action bound on the main screen once, in table order.
    pub fn actions(&self) -> Vec<Action> {
        let mut seen = Vec::new();
        for (_, action) in self.table(KeyMode::Normal) {
            if !seen.contains(action) {
                seen.push(*action);
            }
        }
        seen
    }

    /// "j/↓" style label of every key for `action` in `mode`, or "" when
    /// unbound.
    pub fn label_in(&self, mode: KeyMode, action: Action) -> String {
        self.keys_in(mode, action)
            .iter()
            .map(Key::label)
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The label of every key for `action` on the main screen.
    pub fn label(&self, action: Action) -> String {
        self.label_in(KeyMode::Normal, action)
    }

    /// One key for `action` in `mode`, for short hints: an arrow key when
    /// one is bound (they need no explaining), else the first key.
    pub fn hint_in(&self, mode: KeyMode, action: Action) -> Option<String> {
        let keys = self.keys_in(mode, action);
        keys.iter()
            .find(|k| k.is_arrow())
            .or_else(|| keys.first())
            .map(Key::label)
    }

    /// One key for `action` on the main screen, for short hints.
    pub fn hint_label(&self, action: Action) -> Option<String> {
        self.hint_in(KeyMode::Normal, action)
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
        let normal = |key, actions: &[Action]| Binding {
            mode: KeyMode::Normal,
            key,
            actions: actions.to_vec(),
        };
        let map = Keymap::with_overrides(&[
            normal(Key::char('x'), &[Action::NextDay]),
            normal(Key::char('l'), &[]),
            normal(Key::char('h'), &[Action::Help]),
        ]);
        assert_eq!(map.action(Key::char('x')), Some(Action::NextDay));
        assert_eq!(map.action(Key::char('l')), None);
        assert_eq!(map.action(Key::char('h')), Some(Action::Help));
        assert_eq!(map.label(Action::NextDay), "→/x");
    }
}
