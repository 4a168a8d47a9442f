//! The keymap: one table from keys to actions, used by the input handler,
//! the help overlay and the status-bar hints alike.
//!
//! Defaults live in [`DEFAULTS`]; `config.toml` may rebind any key with a
//! `[keys]` table (`"ctrl-n" = "next_day"`, `"x" = "none"` to unbind).

use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::input::Action;

/// A key with its modifiers, normalised so that a typed character carries
/// no Shift (the character itself says whether it was shifted).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Self {
        Key { code, modifiers }
    }

    pub const fn plain(code: KeyCode) -> Self {
        Key::new(code, KeyModifiers::NONE)
    }

    pub const fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Self {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    pub fn from_event(event: KeyEvent) -> Self {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                // Ctrl-letter arrives lowercase or uppercase depending on the
                // terminal; bindings are written lowercase.
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// Parses the config form: `j`, `G`, `ctrl-r`, `shift-up`, `pagedown`,
    /// `enter`, `esc`, `tab`, `backtab`, `space`, `f1`, `-`, `<`.
    pub fn parse(text: &str) -> Result<Key, KeyParseError> {
        let err = || KeyParseError(text.to_string());
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, modifier) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            modifiers |= modifier;
            rest = &rest[prefix.len()..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            f if f.len() > 1 && f.starts_with('f') => {
                KeyCode::F(f[1..].parse().map_err(|_| err())?)
            }
            _ => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(err()),
                }
            }
        };
        // "shift-j" means the key that types "J".
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::SHIFT) => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        let event = KeyEvent::new(code, modifiers);
        Ok(Key::from_event(event))
    }

    /// How the key is shown in help and hints: `j`, `Ctrl-R`, `Shift-↑`.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Delete => "Del".into(),
            KeyCode::Insert => "Ins".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        out.push_str(&name);
        out
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown key \"{0}\" (write keys like j, G, ctrl-r, shift-up, pagedown, enter, f1)")]
pub struct KeyParseError(pub String);

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
        let is_arrow = |k: &Key| {
            matches!(
                k.code,
                KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
            ) && k.modifiers.is_empty()
        };
        self.keys(action)
            .find(is_arrow)
            .or_else(|| self.keys(action).next())
            .map(|k| k.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_config_words() {
        assert_eq!(Key::parse("j"), Ok(Key::char('j')));
        assert_eq!(Key::parse("G"), Ok(Key::char('G')));
        assert_eq!(Key::parse("ctrl-r"), Ok(Key::ctrl('r')));
        assert_eq!(Key::parse("CTRL-R"), Ok(Key::ctrl('r')));
        assert_eq!(
            Key::parse("shift-up"),
            Ok(Key::new(KeyCode::Up, KeyModifiers::SHIFT))
        );
        assert_eq!(Key::parse("-"), Ok(Key::char('-')));
        assert_eq!(Key::parse("shift-j"), Ok(Key::char('J')), "not plain j");
        assert_eq!(Key::parse("ctrl--"), Ok(Key::ctrl('-')));
        assert_eq!(Key::parse("f1"), Ok(Key::plain(KeyCode::F(1))));
        assert!(Key::parse("nonsense").is_err());
    }

    #[test]
    fn shifted_characters_match_their_binding() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action(Key::from_event(event)),
            Some(Action::Last)
        );
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(
            Keymap::default().action(Key::from_event(event)),
            Some(Action::FocusPrev)
        );
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
