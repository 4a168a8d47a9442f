//! Edit forms for a visit, a participant, the mission header and a day.
//!
//! A form is a list of fields (`kinds` builds each form's). Text fields
//! are [`TextInput`]s, edited as a shell's command line is (`keys`); a
//! multi-line field moves by the rows it shows (`rows`); a visit's end
//! follows its start (`follow`).
//! Dates and times are checked as they are typed (`check`); kind and
//! status are choice lists; attendees are a checklist of the delegation. A
//! field with a problem shows it inline and the form cannot be applied
//! until it is fixed. Applying builds the new entity (`build`); the caller
//! turns it into one undoable edit.

use chrono::NaiveDate;

use super::text_input::TextInput;
use crate::domain::{DayInfo, Header, Mission, Participant, Visit};
use crate::input::{Action, KeyMode, Keymap};

mod build;
mod check;
mod follow;
mod keys;
mod kinds;
mod name;
pub mod rows;

pub use keys::{edit_text, type_key};
pub use name::Name;

/// A text field's input holding `value` (its lines, for a multi-line
/// field), the cursor at its end.
pub(super) fn text(value: &str, multiline: bool) -> Input {
    let lines: Vec<String> = if multiline {
        value.lines().map(str::to_string).collect()
    } else {
        vec![value.to_string()]
    };
    Input::Text {
        area: Box::new(TextInput::new(lines)),
        multiline,
    }
}

/// What a form edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// `None`: a new visit.
    Visit(Option<usize>),
    /// `None`: a new participant.
    Participant(Option<usize>),
    Mission,
    Day(NaiveDate),
}

pub enum Input {
    Text {
        area: Box<TextInput>,
        multiline: bool,
    },
    Choice {
        options: Vec<&'static str>,
        selected: usize,
    },
    /// The whole delegation, or a chosen few. Row 0 is "whole delegation";
    /// row `i + 1` is participant `i`.
    Checklist {
        whole: bool,
        items: Vec<(String, String, bool)>,
        cursor: usize,
    },
}

pub struct Field {
    pub name: Name,
    pub label: &'static str,
    pub input: Input,
    /// The text the field started with, to keep unchanged values exactly
    /// as they were (a note's trailing newline, a time's seconds).
    initial: String,
    pub error: Option<String>,
    /// Shown under the label when the field is empty ("HH:MM").
    pub hint: &'static str,
    /// The first display row shown of a multi-line field, set by the UI.
    pub offset: usize,
}

/// The entity a form started from: the values it keeps where the form
/// leaves them untouched, and the session key it carries.
#[derive(Clone, Debug, PartialEq)]
pub enum Entity {
    Visit(Visit),
    Participant(Participant),
    Header(Header),
    Day(DayInfo),
}

pub struct Form {
    pub target: Target,
    pub base: Entity,
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// First row shown, set by the UI.
    pub scroll: usize,
    /// Columns a multi-line field wraps at, set by the UI (0: not yet
    /// drawn, lines do not wrap).
    pub text_width: usize,
    /// Shown at the bottom after a refused apply.
    pub message: Option<String>,
    /// Whether the user changed a visit's end (or "Ends on") themselves: it
    /// no longer follows the start.
    end_edited: bool,
    /// Why the end cannot follow the start, shown on the End field.
    end_blocked: Option<String>,
}

/// What a key did to the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Continue,
    Apply,
    Cancel,
}

impl Form {
    fn new(target: Target, base: Entity, title: &str, fields: Vec<Field>) -> Form {
        let mut form = Form {
            target,
            base,
            title: title.to_string(),
            fields,
            focus: 0,
            scroll: 0,
            text_width: 0,
            message: None,
            end_edited: false,
            end_blocked: None,
        };
        form.refocus();
        form
    }

    /// Puts the cursor of the focused text field at its end; the others
    /// show their beginning.
    fn refocus(&mut self) {
        for (i, field) in self.fields.iter_mut().enumerate() {
            if let Input::Text { area, .. } = &mut field.input {
                if i == self.focus {
                    area.to_end();
                } else {
                    area.to_start();
                }
            }
        }
    }

    /// Moves to another field; `wrap` goes round from the last field to the
    /// first (Tab) rather than stopping (↓).
    fn move_focus(&mut self, by: isize, wrap: bool) {
        let count = self.fields.len() as isize;
        let next = self.focus as isize + by;
        self.focus = if wrap {
            next.rem_euclid(count) as usize
        } else {
            next.clamp(0, count - 1) as usize
        };
        self.refocus();
    }

    fn try_apply(&mut self, mission: &Mission, keymap: &Keymap) -> Outcome {
        if self.validate(mission) {
            return Outcome::Apply;
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
            self.refocus();
        }
        self.message = Some(match keymap.hint_in(KeyMode::Form, Action::Cancel) {
            Some(cancel) => format!("Fix the marked fields first ({cancel} cancels)."),
            None => "Fix the marked fields first.".to_string(),
        });
        Outcome::Continue
    }

    /// The text of field `name`, trimmed; "" when absent.
    pub fn text(&self, name: Name) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| match &f.input {
                Input::Text { area, .. } => Some(area.text().trim().to_string()),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn set_error(&mut self, name: Name, error: Option<String>) {
        if let Some(field) = self.fields.iter_mut().find(|f| f.name == name) {
            field.error = error;
        }
    }
}
