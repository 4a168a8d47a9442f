//! The terminal's key events as itinera's own [`Key`]s, and back (the way
//! back is for driving the planner as a terminal would: tests and
//! benchmarks send the events a terminal sends).

use ratatui::crossterm::event::{KeyCode as TermCode, KeyEvent, KeyModifiers};

use crate::input::{Key, KeyCode, Modifiers};

/// The key a terminal key event is, or `None` for keys itinera has no use
/// for (media keys, a lone modifier, Caps Lock...).
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    let code = match event.code {
        TermCode::Char(c) => KeyCode::Char(c),
        TermCode::Enter => KeyCode::Enter,
        TermCode::Esc => KeyCode::Esc,
        TermCode::Tab => KeyCode::Tab,
        TermCode::BackTab => KeyCode::BackTab,
        TermCode::Backspace => KeyCode::Backspace,
        TermCode::Delete => KeyCode::Delete,
        TermCode::Insert => KeyCode::Insert,
        TermCode::Up => KeyCode::Up,
        TermCode::Down => KeyCode::Down,
        TermCode::Left => KeyCode::Left,
        TermCode::Right => KeyCode::Right,
        TermCode::Home => KeyCode::Home,
        TermCode::End => KeyCode::End,
        TermCode::PageUp => KeyCode::PageUp,
        TermCode::PageDown => KeyCode::PageDown,
        TermCode::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let held = [
        (KeyModifiers::SHIFT, Modifiers::SHIFT),
        (KeyModifiers::CONTROL, Modifiers::CONTROL),
        (KeyModifiers::ALT, Modifiers::ALT),
    ];
    let modifiers = held
        .into_iter()
        .filter(|(term, _)| event.modifiers.contains(*term))
        .fold(Modifiers::NONE, |all, (_, own)| all | own);
    Some(Key::new(code, modifiers))
}

/// The terminal key event a terminal sends for `key`.
pub fn event_of(key: Key) -> KeyEvent {
    let code = match key.code {
        KeyCode::Char(c) => TermCode::Char(c),
        KeyCode::Enter => TermCode::Enter,
        KeyCode::Esc => TermCode::Esc,
        KeyCode::Tab => TermCode::Tab,
        KeyCode::BackTab => TermCode::BackTab,
        KeyCode::Backspace => TermCode::Backspace,
        KeyCode::Delete => TermCode::Delete,
        KeyCode::Insert => TermCode::Insert,
        KeyCode::Up => TermCode::Up,
        KeyCode::Down => TermCode::Down,
        KeyCode::Left => TermCode::Left,
        KeyCode::Right => TermCode::Right,
        KeyCode::Home => TermCode::Home,
        KeyCode::End => TermCode::End,
        KeyCode::PageUp => TermCode::PageUp,
        KeyCode::PageDown => TermCode::PageDown,
        KeyCode::F(n) => TermCode::F(n),
    };
    let mut modifiers = KeyModifiers::NONE;
    for (own, term) in [
        (Modifiers::SHIFT, KeyModifiers::SHIFT),
        (Modifiers::CONTROL, KeyModifiers::CONTROL),
        (Modifiers::ALT, KeyModifiers::ALT),
    ] {
        if key.modifiers.contains(own) {
            modifiers |= term;
        }
    }
    KeyEvent::new(code, modifiers)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_go_to_the_terminal_and_back() {
        for word in [
            "j", "G", "ctrl-r", "shift-up", "alt-b", "backtab", "f5", "space",
        ] {
            let key = Key::parse(word).expect("a key");
            assert_eq!(key_of(&event_of(key)), Some(key), "{word}");
        }
        let shifted = KeyEvent::new(TermCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(key_of(&shifted), Some(Key::char('G')));
        let media = KeyEvent::new(TermCode::CapsLock, KeyModifiers::NONE);
        assert_eq!(key_of(&media), None);
    }
}
