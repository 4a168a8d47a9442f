//! What keys do in a form: Tab and the arrows move between fields, text
//! fields edit like a shell's command line, choices turn, the checklist
//! ticks; pasted text goes into the focused text field.

use super::{Form, Input, Outcome, rows};
use crate::app::text_input::TextInput;
use crate::domain::Mission;
use crate::input::{Key, KeyCode, Modifiers};

/// What a key did to the focused field.
enum Did {
    /// Changed the field, or nothing.
    Stayed,
    /// Asks to move the focus by this many fields.
    Move(isize),
    Apply,
}

/// Types `key` into a text box, as into a shell's command line: Ctrl-U
/// deletes to the start of the line, Ctrl-K to its end, Ctrl-W the word
/// before the cursor, Ctrl-Y puts back what they deleted. Enter starts a
/// new line in a `multiline` box.
pub fn edit_text(area: &mut TextInput, multiline: bool, key: Key) {
    let ctrl = key.modifiers.contains(Modifiers::CONTROL);
    let alt = key.modifiers.contains(Modifiers::ALT);
    match (key.code, ctrl, alt) {
        (KeyCode::Char('\n' | '\r') | KeyCode::Enter, false, false) if multiline => {
            area.newline();
        }
        (KeyCode::Char('m'), true, false) if multiline => area.newline(),
        (KeyCode::Char('\n' | '\r'), false, false) => {}
        (KeyCode::Char(c), false, false) => area.insert_char(c),
        (KeyCode::Char('h'), true, false) | (KeyCode::Backspace, false, false) => {
            area.backspace();
        }
        (KeyCode::Char('d'), true, false) | (KeyCode::Delete, false, false) => area.delete(),
        (KeyCode::Char('k'), true, false) => area.delete_to_end(),
        (KeyCode::Char('u'), true, false) => area.delete_to_start(),
        (KeyCode::Char('w'), true, false)
        | (KeyCode::Char('h'), false, true)
        | (KeyCode::Backspace, false, true) => area.delete_word(),
        (KeyCode::Delete, false, true) | (KeyCode::Char('d'), false, true) => {
            area.delete_next_word();
        }
        (KeyCode::Char('f'), true, false) | (KeyCode::Right, false, false) => area.right(),
        (KeyCode::Char('b'), true, false) | (KeyCode::Left, false, false) => area.left(),
        (KeyCode::Char('a'), true, false)
        | (KeyCode::Home, _, _)
        | (KeyCode::Left | KeyCode::Char('b'), true, true) => area.line_start(),
        (KeyCode::Char('e'), true, false)
        | (KeyCode::End, _, _)
        | (KeyCode::Right | KeyCode::Char('f'), true, true) => area.line_end(),
        (KeyCode::Char('f'), false, true) | (KeyCode::Right, true, false) => area.word_right(),
        (KeyCode::Char('b'), false, true) | (KeyCode::Left, true, false) => area.word_left(),
        (KeyCode::Char('y'), true, false) => area.yank(),
        _ => {}
    }
}

impl Form {
    /// Handles a key; `mission` is what the form is checked against.
    pub fn key(&mut self, key: Key, mission: &Mission) -> Outcome {
        let ctrl = key.modifiers.contains(Modifiers::CONTROL);
        match key.code {
            KeyCode::Esc => return Outcome::Cancel,
            KeyCode::Char('s') if ctrl => return self.try_apply(mission),
            KeyCode::Tab => {
                self.move_focus(1, true);
                return Outcome::Continue;
            }
            KeyCode::BackTab => {
                self.move_focus(-1, true);
                return Outcome::Continue;
            }
            _ => {}
        }
        let width = match self.text_width {
            0 => usize::MAX,
            w => w,
        };
        let Some(field) = self.fields.get_mut(self.focus) else {
            return Outcome::Continue;
        };
        let name = field.name;
        let before = field.raw_text();
        let did = match &mut field.input {
            Input::Text { area, multiline } => text_key(area, *multiline, width, key),
            Input::Choice { options, selected } => choice_key(options.len(), selected, key),
            Input::Checklist {
                whole,
                items,
                cursor,
            } => checklist_key(whole, items, cursor, key),
        };
        match did {
            Did::Apply => return self.try_apply(mission),
            Did::Move(by) => self.move_focus(by, false),
            Did::Stayed => self.edited(name, &before),
        }
        self.validate(mission);
        Outcome::Continue
    }

    /// Pasted text goes into the focused text field; newlines become spaces
    /// in one-line fields.
    pub fn paste(&mut self, pasted: &str, mission: &Mission) {
        if let Some(field) = self.fields.get_mut(self.focus) {
            let (name, before) = (field.name, field.raw_text());
            if let Input::Text { area, multiline } = &mut field.input {
                // Terminals send line breaks in pastes as CR, CRLF or LF.
                let pasted = pasted.replace("\r\n", "\n").replace('\r', "\n");
                if *multiline {
                    area.insert_str(&pasted);
                } else {
                    area.insert_str(&pasted.replace('\n', " "));
                }
            }
            self.edited(name, &before);
        }
        self.validate(mission);
    }
}

fn text_key(area: &mut TextInput, multiline: bool, width: usize, key: Key) -> Did {
    let ctrl = key.modifiers.contains(Modifiers::CONTROL);
    match key.code {
        KeyCode::Enter if !multiline || ctrl => Did::Apply,
        KeyCode::Up if !multiline => Did::Move(-1),
        KeyCode::Down if !multiline => Did::Move(1),
        KeyCode::Up => move_by_row(area, width, -1),
        KeyCode::Down => move_by_row(area, width, 1),
        _ => {
            edit_text(area, multiline, key);
            Did::Stayed
        }
    }
}

/// Moves the cursor of a multi-line field one display row up (`by` -1) or
/// down, keeping its column; from the first or last row the focus moves to
/// the field above or below.
fn move_by_row(area: &mut TextInput, width: usize, by: isize) -> Did {
    let lines = area.lines();
    let all = rows::rows(lines, width);
    let (row, column) = rows::cursor_at(&all, lines, area.cursor());
    let Some(target) = row.checked_add_signed(by).filter(|r| *r < all.len()) else {
        return Did::Move(by);
    };
    let (line, col) = rows::position_at(&all, lines, target, column);
    area.jump(line, col);
    Did::Stayed
}

fn choice_key(count: usize, selected: &mut usize, key: Key) -> Did {
    match key.code {
        KeyCode::Enter => return Did::Apply,
        KeyCode::Up => return Did::Move(-1),
        KeyCode::Down => return Did::Move(1),
        KeyCode::Left | KeyCode::Char('h') => *selected = (*selected + count - 1) % count,
        KeyCode::Right | KeyCode::Char('l') | KeyCode::Char(' ') => {
            *selected = (*selected + 1) % count;
        }
        _ => {}
    }
    Did::Stayed
}

fn checklist_key(
    whole: &mut bool,
    items: &mut [(String, String, bool)],
    cursor: &mut usize,
    key: Key,
) -> Did {
    match key.code {
        KeyCode::Enter => return Did::Apply,
        KeyCode::Up | KeyCode::Char('k') if *cursor == 0 => return Did::Move(-1),
        KeyCode::Up | KeyCode::Char('k') => *cursor -= 1,
        KeyCode::Down | KeyCode::Char('j') if *cursor >= items.len() => return Did::Move(1),
        KeyCode::Down | KeyCode::Char('j') => *cursor += 1,
        KeyCode::Char(' ') | KeyCode::Char('x') if *cursor == 0 => *whole = !*whole,
        KeyCode::Char(' ') | KeyCode::Char('x') => {
            if *whole {
                // Everyone is shown ticked: unticking one person leaves
                // everyone else.
                *whole = false;
                for item in items.iter_mut() {
                    item.2 = true;
                }
            }
            if let Some(item) = items.get_mut(*cursor - 1) {
                item.2 = !item.2;
            }
        }
        _ => {}
    }
    Did::Stayed
}
