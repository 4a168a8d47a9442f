//! A key press as itinera understands it: which key and which modifiers,
//! independent of the terminal library (the runner converts the
//! terminal's key events into these). Keys are written in `config.toml`
//! as `j`, `G`, `ctrl-r`, `alt-x`, `shift-up`, `pagedown`, `enter`, `esc`,
//! `tab`, `backtab`, `space`, `f1` or a single character, and shown in the
//! help as `j`, `Ctrl-R`, `Shift-↑`.

use std::fmt;

/// Which key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab, as terminals send it.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// Which of Ctrl, Alt and Shift are held.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Modifiers(u8);

impl Modifiers {
    pub const NONE: Modifiers = Modifiers(0);
    pub const SHIFT: Modifiers = Modifiers(1);
    pub const CONTROL: Modifiers = Modifiers(2);
    pub const ALT: Modifiers = Modifiers(4);

    pub fn contains(self, other: Modifiers) -> bool {
        self.0 & other.0 == other.0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn without(self, other: Modifiers) -> Modifiers {
        Modifiers(self.0 & !other.0)
    }
}

impl std::ops::BitOr for Modifiers {
    type Output = Modifiers;

    fn bitor(self, other: Modifiers) -> Modifiers {
        Modifiers(self.0 | other.0)
    }
}

/// A key with its modifiers, normalised so that a typed character carries
/// no Shift (the character itself says whether it was shifted) and a
/// Ctrl-letter is lowercase.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: Modifiers,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown key \"{0}\" (write keys like j, G, ctrl-r, shift-up, pagedown, enter, f1)")]
pub struct KeyParseError(pub String);

impl Key {
    /// The key as pressed, normalised (see [`Key`]).
    pub fn new(code: KeyCode, modifiers: Modifiers) -> Self {
        let code = match code {
            // Ctrl-letter arrives lowercase or uppercase depending on the
            // terminal; bindings are written lowercase.
            KeyCode::Char(c) if modifiers.contains(Modifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        let modifiers = match code {
            KeyCode::Char(_) | KeyCode::BackTab => modifiers.without(Modifiers::SHIFT),
            _ => modifiers,
        };
        Key { code, modifiers }
    }

    pub fn plain(code: KeyCode) -> Self {
        Key::new(code, Modifiers::NONE)
    }

    pub fn char(c: char) -> Self {
        Key::plain(KeyCode::Char(c))
    }

    pub fn ctrl(c: char) -> Self {
        Key::new(KeyCode::Char(c), Modifiers::CONTROL)
    }

    /// A character typed without Ctrl or Alt, which a text field takes as
    /// text.
    pub fn typed(&self) -> Option<char> {
        let held =
            self.modifiers.contains(Modifiers::CONTROL) || self.modifiers.contains(Modifiers::ALT);
        match self.code {
            KeyCode::Char(c) if !held => Some(c),
            _ => None,
        }
    }

    /// Whether this is one of the four arrow keys, without modifiers.
    pub fn is_arrow(&self) -> bool {
        matches!(
            self.code,
            KeyCode::Up | KeyCode::Down | KeyCode::Left | KeyCode::Right
        ) && self.modifiers.is_empty()
    }

    /// Parses the config form: `j`, `G`, `ctrl-r`, `shift-up`, `pagedown`,
    /// `enter`, `esc`, `tab`, `backtab`, `space`, `f1`, `-`, `<`.
    pub fn parse(text: &str) -> Result<Key, KeyParseError> {
        let err = || KeyParseError(text.to_string());
        let mut modifiers = Modifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, modifier) = if lower.starts_with("ctrl-") {
                ("ctrl-", Modifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", Modifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", Modifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            modifiers = modifiers | modifier;
            rest = &rest[prefix.len()..];
        }
        let lower = rest.to_ascii_lowercase();
        let code = match named(&lower) {
            Some(code) => code,
            None if lower.len() > 1 && lower.starts_with('f') => {
                KeyCode::F(lower[1..].parse().map_err(|_| err())?)
            }
            None => {
                let mut chars = rest.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => KeyCode::Char(c),
                    _ => return Err(err()),
                }
            }
        };
        // "shift-j" means the key that types "J".
        let code = match code {
            KeyCode::Char(c) if modifiers.contains(Modifiers::SHIFT) => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        Ok(Key::new(code, modifiers))
    }

    /// How the key is shown in help and hints: `j`, `Ctrl-R`, `Shift-↑`.
    pub fn label(&self) -> String {
        let mut out = String::new();
        if self.modifiers.contains(Modifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.modifiers.contains(Modifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.modifiers.contains(Modifiers::SHIFT) {
            out.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(Modifiers::CONTROL) => {
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
        };
        out.push_str(&name);
        out
    }
}

/// The keys written by name in `config.toml`.
fn named(word: &str) -> Option<KeyCode> {
    Some(match word {
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
        _ => return None,
    })
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
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
            Ok(Key::new(KeyCode::Up, Modifiers::SHIFT))
        );
        assert_eq!(Key::parse("-"), Ok(Key::char('-')));
        assert_eq!(Key::parse("shift-j"), Ok(Key::char('J')), "not plain j");
        assert_eq!(Key::parse("ctrl--"), Ok(Key::ctrl('-')));
        assert_eq!(Key::parse("f1"), Ok(Key::plain(KeyCode::F(1))));
        assert_eq!(Key::parse("f"), Ok(Key::char('f')));
        assert!(Key::parse("nonsense").is_err());
        assert!(Key::parse("f999").is_err());
    }

    #[test]
    fn shifted_characters_and_ctrl_letters_are_normalised() {
        let shifted = Key::new(KeyCode::Char('G'), Modifiers::SHIFT);
        assert_eq!(shifted, Key::char('G'));
        let backtab = Key::new(KeyCode::BackTab, Modifiers::SHIFT);
        assert_eq!(backtab, Key::plain(KeyCode::BackTab));
        assert_eq!(
            Key::new(KeyCode::Char('R'), Modifiers::CONTROL),
            Key::ctrl('r')
        );
        assert_eq!(Key::ctrl('r').label(), "Ctrl-R");
        assert_eq!(Key::new(KeyCode::Up, Modifiers::SHIFT).label(), "Shift-↑");
    }
}
