//! Edit forms for a visit, a participant, the mission header and a day.
//!
//! A form is a list of fields. Text fields are real text editors
//! (ratatui-textarea: insert anywhere, Backspace/Delete, Home/End, word
//! jumps with Ctrl-←/→ or Alt-b/f, paste); dates and times are checked as
//! they are typed; kind and status are choice lists; attendees are a
//! checklist of the delegation. A field with a problem shows it inline and
//! the form cannot be applied until it is fixed. Applying builds the new
//! entity; the caller turns it into one undoable edit.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::TextArea;

use crate::domain::{DayInfo, Header, Kind, Mission, Participant, Status, Visit, format_time};

mod build;
mod check;
mod follow;
mod keys;
pub mod rows;

pub use keys::edit_text;

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

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    Title,
    Date,
    Start,
    End,
    EndDate,
    Kind,
    Status,
    City,
    Venue,
    Address,
    Host,
    Contact,
    Id,
    Tags,
    Attendees,
    Notes,
    Name,
    Organization,
    Region,
    Role,
    Email,
    Phone,
    FirstDay,
    LastDay,
    Timezone,
    HomeTimezone,
    Organizer,
    Summary,
    Lodging,
}

pub enum Input {
    Text {
        area: Box<TextArea<'static>>,
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

fn text(value: &str, multiline: bool) -> Input {
    let lines: Vec<String> = if multiline {
        value.lines().map(str::to_string).collect()
    } else {
        vec![value.to_string()]
    };
    let mut area = TextArea::new(lines);
    area.set_cursor_line_style(Style::new());
    if multiline {
        area.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
    }
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    Input::Text {
        area: Box::new(area),
        multiline,
    }
}

fn field(name: Name, label: &'static str, input: Input) -> Field {
    let initial = match &input {
        Input::Text { area, .. } => area.lines().join("\n"),
        _ => String::new(),
    };
    Field {
        name,
        label,
        input,
        initial,
        error: None,
        hint: "",
        offset: 0,
    }
}

fn opt(value: &Option<String>) -> &str {
    value.as_deref().unwrap_or("")
}

fn choice<T: PartialEq + Copy>(all: &[T], current: T, name: impl Fn(T) -> &'static str) -> Input {
    Input::Choice {
        options: all.iter().map(|v| name(*v)).collect(),
        selected: all.iter().position(|v| *v == current).unwrap_or(0),
    }
}

impl Form {
    pub fn visit(mission: &Mission, visit: &Visit, index: Option<usize>) -> Form {
        let time = |t: Option<NaiveTime>| t.map(format_time).unwrap_or_default();
        let items = mission
            .participants
            .iter()
            .map(|p| {
                let chosen = visit
                    .participants
                    .as_ref()
                    .is_some_and(|ids| ids.contains(&p.id));
                (p.id.clone(), p.name_and_organization(), chosen)
            })
            .collect();
        let mut fields = vec![
            field(Name::Title, "Title", text(&visit.title, false)),
            field(Name::Date, "Date", text(&visit.date.to_string(), false)),
            field(Name::Start, "Start", text(&time(visit.start), false)),
            field(Name::End, "End", text(&time(visit.end), false)),
            field(
                Name::EndDate,
                "Ends on",
                text(
                    &visit.end_date.map(|d| d.to_string()).unwrap_or_default(),
                    false,
                ),
            ),
            field(
                Name::Kind,
                "Kind",
                choice(&Kind::ALL, visit.kind, Kind::as_str),
            ),
            field(
                Name::Status,
                "Status",
                choice(&Status::ALL, visit.status, Status::as_str),
            ),
            field(Name::City, "City", text(opt(&visit.city), false)),
            field(Name::Venue, "Venue", text(opt(&visit.venue), false)),
            field(Name::Address, "Address", text(opt(&visit.address), false)),
            field(Name::Host, "Host", text(opt(&visit.host), false)),
            field(Name::Contact, "Contact", text(opt(&visit.contact), false)),
            field(
                Name::Attendees,
                "Attendees",
                Input::Checklist {
                    whole: visit.participants.is_none(),
                    items,
                    cursor: 0,
                },
            ),
            field(Name::Tags, "Tags", text(&visit.tags.join(", "), false)),
            field(Name::Id, "Id", text(opt(&visit.id), false)),
            field(Name::Notes, "Notes", text(opt(&visit.notes), true)),
        ];
        hint(&mut fields, Name::Date, "YYYY-MM-DD");
        hint(&mut fields, Name::Start, "HH:MM, or empty if not known");
        hint(&mut fields, Name::End, "HH:MM");
        hint(
            &mut fields,
            Name::EndDate,
            "YYYY-MM-DD, for items past midnight",
        );
        hint(&mut fields, Name::Tags, "comma-separated");
        hint(&mut fields, Name::Id, "optional: letters, digits, - and _");
        let title = match index {
            Some(_) => "Edit visit",
            None => "New visit",
        };
        Form::new(
            Target::Visit(index),
            Entity::Visit(visit.clone()),
            title,
            fields,
        )
    }

    pub fn participant(p: &Participant, index: Option<usize>) -> Form {
        let fields = vec![
            field(Name::Name, "Name", text(&p.name, false)),
            field(Name::Id, "Id", text(&p.id, false)),
            field(
                Name::Organization,
                "Organization",
                text(opt(&p.organization), false),
            ),
            field(Name::Region, "Region", text(opt(&p.region), false)),
            field(Name::Role, "Role", text(opt(&p.role), false)),
            field(Name::Email, "Email", text(opt(&p.email), false)),
            field(Name::Phone, "Phone", text(opt(&p.phone), false)),
            field(Name::Notes, "Notes", text(opt(&p.notes), true)),
        ];
        let title = match index {
            Some(_) => "Edit participant",
            None => "New participant",
        };
        let mut form = Form::new(
            Target::Participant(index),
            Entity::Participant(p.clone()),
            title,
            fields,
        );
        let id_hint = match index {
            Some(_) => "letters, digits, - and _; visits name people by id",
            None => "leave empty to make one from the name",
        };
        hint(&mut form.fields, Name::Id, id_hint);
        form
    }

    pub fn mission(header: &Header) -> Form {
        let zone = |tz: Option<Tz>| tz.map(|t| t.name().to_string()).unwrap_or_default();
        let mut fields = vec![
            field(Name::Title, "Title", text(&header.title, false)),
            field(
                Name::FirstDay,
                "First day",
                text(&header.start.to_string(), false),
            ),
            field(
                Name::LastDay,
                "Last day",
                text(&header.end.to_string(), false),
            ),
            field(
                Name::Timezone,
                "Time zone",
                text(&zone(header.timezone), false),
            ),
            field(
                Name::HomeTimezone,
                "Home zone",
                text(&zone(header.home_timezone), false),
            ),
            field(
                Name::Organizer,
                "Organizer",
                text(opt(&header.organizer), false),
            ),
            field(Name::Summary, "Summary", text(opt(&header.summary), true)),
        ];
        hint(&mut fields, Name::Timezone, "IANA name, e.g. Asia/Tokyo");
        hint(
            &mut fields,
            Name::HomeTimezone,
            "IANA name, e.g. Europe/Rome",
        );
        Form::new(
            Target::Mission,
            Entity::Header(header.clone()),
            "Edit mission",
            fields,
        )
    }

    pub fn day(info: &DayInfo) -> Form {
        let fields = vec![
            field(Name::City, "City", text(opt(&info.city), false)),
            field(Name::Lodging, "Lodging", text(opt(&info.lodging), false)),
            field(Name::Notes, "Notes", text(opt(&info.notes), true)),
        ];
        let title = format!("Edit {}", info.date.format("%A %-d %B"));
        Form::new(
            Target::Day(info.date),
            Entity::Day(info.clone()),
            &title,
            fields,
        )
    }

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

    /// Shows the text cursor in the focused field only.
    fn refocus(&mut self) {
        for (i, field) in self.fields.iter_mut().enumerate() {
            if let Input::Text { area, .. } = &mut field.input {
                // The focused field shows its cursor, at the end; the others
                // show their beginning.
                if i == self.focus {
                    area.set_cursor_style(Style::new().add_modifier(Modifier::REVERSED));
                    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
                    area.move_cursor(ratatui_textarea::CursorMove::End);
                } else {
                    area.set_cursor_style(Style::new());
                    area.move_cursor(ratatui_textarea::CursorMove::Top);
                    area.move_cursor(ratatui_textarea::CursorMove::Head);
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

    fn try_apply(&mut self, mission: &Mission) -> Outcome {
        if self.validate(mission) {
            return Outcome::Apply;
        }
        if let Some(first) = self.fields.iter().position(|f| f.error.is_some()) {
            self.focus = first;
            self.refocus();
        }
        self.message = Some("Fix the marked fields first (Esc cancels).".into());
        Outcome::Continue
    }

    /// The text of field `name`, trimmed; "" when absent.
    pub fn text(&self, name: Name) -> String {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| match &f.input {
                Input::Text { area, .. } => Some(area.lines().join("\n").trim().to_string()),
                _ => None,
            })
            .unwrap_or_default()
    }

    fn optional(&self, name: Name) -> Option<String> {
        Some(self.text(name)).filter(|s| !s.is_empty())
    }

    fn choice(&self, name: Name) -> &'static str {
        self.fields
            .iter()
            .find(|f| f.name == name)
            .and_then(|f| match &f.input {
                Input::Choice { options, selected } => options.get(*selected).copied(),
                _ => None,
            })
            .unwrap_or("")
    }

    fn set_error(&mut self, name: Name, error: Option<String>) {
        if let Some(field) = self.fields.iter_mut().find(|f| f.name == name) {
            field.error = error;
        }
    }
}

fn hint(fields: &mut [Field], name: Name, hint: &'static str) {
    if let Some(field) = fields.iter_mut().find(|f| f.name == name) {
        field.hint = hint;
    }
}
