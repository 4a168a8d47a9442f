//! What keys do in a form. A key is read in the keymap's `text` mode
//! first when a text field has the focus (editing keys; a character typed
//! without Ctrl or Alt is inserted), then in its `form` mode, where the
//! focused field takes the first of the key's actions it offers: Tab and
//! the arrows move between fields (the notes and the checklist move
//! through their rows first), choices turn, the checklist ticks, Enter
//! applies. Pasted text goes into the focused text field.

use super::{Form, Input, Outcome, rows};
use crate::app::text_input::TextInput;
use crate::domain::Mission;
use crate::input::{Action, Key, KeyMode, Keymap};

/// What a key did to the focused field.
enum Did {
    /// Changed the field, or nothing.
    Stayed,
    /// Asks to move the focus by this many fields.
    Move(isize),
}

/// Does text-editing `action` to `area`; false when it is not one (or,
/// for a new line, when the box is one line).
pub fn edit_text(area: &mut TextInput, multiline: bool, action: Action) -> bool {
    match action {
        Action::Left => area.left(),
        Action::Right => area.right(),
        Action::WordLeft => area.word_left(),
        Action::WordRight => area.word_right(),
        Action::LineStart => area.line_start(),
        Action::LineEnd => area.line_end(),
        Action::DeleteBack => area.backspace(),
        Action::DeleteForward => area.delete(),
        Action::DeleteWord => area.delete_word(),
        Action::DeleteNextWord => area.delete_next_word(),
        Action::DeleteToStart => area.delete_to_start(),
        Action::DeleteToEnd => area.delete_to_end(),
        Action::Yank => area.yank(),
        Action::Newline if multiline => area.newline(),
        _ => return false,
    }
    true
}

/// Types `key` into a text box: the first of its text-editing actions
/// (the keymap's `text` mode) that applies, else the character it types.
/// Returns whether the key was for the box.
pub fn type_key(area: &mut TextInput, multiline: bool, key: Key, keymap: &Keymap) -> bool {
    let actions = keymap.actions_in(KeyMode::Text, key);
    if actions
        .into_iter()
        .any(|action| edit_text(area, multiline, action))
    {
        return true;
    }
    match key.typed() {
        Some('\n' | '\r') if multiline => area.newline(),
        Some('\n' | '\r') => {}
        Some(c) => area.insert_char(c),
        None => return false,
    }
    true
}

impl Form {
    /// Handles a key; `mission` is what the form is checked against.
    pub fn key(&mut self, key: Key, mission: &Mission, keymap: &Keymap) -> Outcome {
        if let Some(field) = self.fields.get_mut(self.focus) {
            let (name, before) = (field.name, field.raw_text());
            if let Input::Text { area, multiline } = &mut field.input {
                if type_key(area, *multiline, key, keymap) {
                    self.edited(name, &before);
                    self.validate(mission);
                    return Outcome::Continue;
                }
            }
        }
        let action = keymap
            .actions_in(KeyMode::Form, key)
            .into_iter()
            .find(|action| self.offers(*action));
        match action {
            Some(action) => self.act(action, mission, keymap),
            None => {
                self.validate(mission);
                Outcome::Continue
            }
        }
    }

    /// Whether the form, with its focused field, offers `action`.
    fn offers(&self, action: Action) -> bool {
        let input = self.fields.get(self.focus).map(|f| &f.input);
        match action {
            Action::NextField
            | Action::PrevField
            | Action::Up
            | Action::Down
            | Action::Apply
            | Action::Cancel => true,
            Action::PreviousChoice | Action::NextChoice => {
                matches!(input, Some(Input::Choice { .. }))
            }
            Action::Tick => matches!(input, Some(Input::Checklist { .. })),
            _ => false,
        }
    }

    fn act(&mut self, action: Action, mission: &Mission, keymap: &Keymap) -> Outcome {
        match action {
            Action::Cancel => return Outcome::Cancel,
            Action::Apply => return self.try_apply(mission, keymap),
            Action::NextField => {
                self.move_focus(1, true);
                return Outcome::Continue;
            }
            Action::PrevField => {
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
            Input::Text { area, multiline } => text_move(area, *multiline, width, action),
            Input::Choice { options, selected } => choice_action(options.len(), selected, action),
            Input::Checklist {
                whole,
                items,
                cursor,
            } => checklist_action(whole, items, cursor, action),
        };
        match did {
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

/// Up and down in a text field: to the field above or below, or in a
/// multi-line field by the rows on screen first.
fn text_move(area: &mut TextInput, multiline: bool, width: usize, action: Action) -> Did {
    let by = match action {
        Action::Up => -1,
        Action::Down => 1,
        _ => return Did::Stayed,
    };
    if multiline {
        move_by_row(area, width, by)
    } else {
        Did::Move(by)
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

fn choice_action(count: usize, selected: &mut usize, action: Action) -> Did {
    match action {
        Action::Up => return Did::Move(-1),
        Action::Down => return Did::Move(1),
        Action::PreviousChoice => *selected = (*selected + count - 1) % count,
        Action::NextChoice => *selected = (*selected + 1) % count,
        _ => {}
    }
    Did::Stayed
}

fn checklist_action(
    whole: &mut bool,
    items: &mut [(String, String, bool)],
    cursor: &mut usize,
    action: Action,
) -> Did {
    match action {
        Action::Up if *cursor == 0 => return Did::Move(-1),
        Action::Up => *cursor -= 1,
        Action::Down if *cursor >= items.len() => return Did::Move(1),
        Action::Down => *cursor += 1,
        Action::Tick if *cursor == 0 => *whole = !*whole,
        Action::Tick => {
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
