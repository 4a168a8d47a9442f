//! A visit's end follows its start, as in a calendar: changing the start
//! (or the date) in a visit's form moves the end so that the visit keeps
//! its duration, until the user edits the end (or "Ends on") themselves.
//! An end pushed past midnight sets "Ends on" to the next day, in view
//! before the form is applied; one past the last date a mission file can
//! hold is refused on the End field.

use super::{Entity, Field, Form, Input, Name, text};
use crate::domain::{LAST_DATE, is_representable, parse_date, parse_time};
use crate::present::format_time;

impl Field {
    /// A text field's text as typed (lines joined by LF); "" for others.
    pub(super) fn raw_text(&self) -> String {
        match &self.input {
            Input::Text { area, .. } => area.text(),
            _ => String::new(),
        }
    }
}

impl Form {
    /// After a key or a paste in field `name`, whose text was `before`.
    pub(super) fn edited(&mut self, name: Name, before: &str) {
        let changed = self
            .fields
            .iter()
            .any(|f| f.name == name && f.raw_text() != before);
        if !changed {
            return;
        }
        match name {
            Name::End | Name::EndDate => {
                self.end_edited = true;
                self.end_blocked = None;
            }
            Name::Start | Name::Date => self.follow_start(),
            _ => {}
        }
    }

    /// Moves the end to keep the visit's duration from the new start.
    fn follow_start(&mut self) {
        if self.end_edited {
            return;
        }
        let Entity::Visit(base) = &self.base else {
            return;
        };
        let Some(duration) = base.duration() else {
            return;
        };
        let date = parse_date(&self.text(Name::Date));
        let start = parse_time(&self.text(Name::Start));
        let (Some(date), Some(start)) = (date, start) else {
            return;
        };
        let end = date
            .and_time(start)
            .checked_add_signed(duration)
            .filter(|end| is_representable(end.date()));
        let Some(end) = end else {
            self.end_blocked = Some(format!(
                "ends past {LAST_DATE}, the last date a file can hold"
            ));
            return;
        };
        self.end_blocked = None;
        let end_date = if end.date() == date {
            String::new()
        } else {
            end.date().to_string()
        };
        self.replace_text(Name::End, &format_time(end.time()));
        self.replace_text(Name::EndDate, &end_date);
    }

    /// Puts `value` in text field `name` (not the focused one), showing
    /// its beginning.
    fn replace_text(&mut self, name: Name, value: &str) {
        let Some(field) = self.fields.iter_mut().find(|f| f.name == name) else {
            return;
        };
        if field.raw_text() == value {
            return;
        }
        if let (Input::Text { area, .. }, Input::Text { area: new, .. }) =
            (&mut field.input, text(value, false))
        {
            *area = new;
            area.to_start();
        }
    }
}
