//! Everything a user can ask of itinera, as one enum.
//!
//! The serde names (`next_day`, `toggle_agenda`...) are the words a user
//! writes in the `[keys]` tables of `config.toml`, and the words the help
//! overlay is generated from. Which actions each mode (the main screen, a
//! form, a text field, a dialog, the command line...) offers is in
//! `modes`; an action such as `up` or `cancel` may be offered by several.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    // Moving around.
    PrevDay,
    NextDay,
    Up,
    Down,
    First,
    Last,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrev,
    /// Enter: edit the selected visit, or show the selected participant's
    /// schedule, depending on the pane.
    Open,
    ToggleAgenda,
    Schedule,
    /// The problems panel: what is wrong with the plan, by day.
    Problems,
    /// The timeline's times in the home time zone, or local again.
    ToggleHomeTime,
    Help,
    /// Close a popup, cancel a prompt.
    Back,
    Quit,

    // Changing the plan.
    Edit,
    Add,
    Duplicate,
    Delete,
    MoveUp,
    MoveDown,
    MovePrevDay,
    MoveNextDay,
    Delay,
    Advance,
    /// The meeting that runs late: the selected visit ends later and the
    /// rest of its day moves with it.
    Lengthen,
    Shorten,
    EditMission,
    EditDay,
    Undo,
    Redo,
    Save,
    Command,
    /// The agenda to a file: a format, who it is for, where it goes.
    Export,
    /// The visits to the calendar of the mission's `[publish]` table.
    Publish,
    /// The events of an `.ics` file into the mission.
    Import,

    // Search and filter.
    /// Open the search line.
    Search,
    SearchNext,
    SearchPrev,
    /// Open the filter picker.
    Filter,
    ClearFilter,

    // In a form.
    NextField,
    PrevField,
    /// Apply a form, run the command line.
    Apply,
    /// Close a form or the command line without changing anything; in a
    /// dialog, the "cancel" choice.
    Cancel,
    PreviousChoice,
    NextChoice,
    /// Tick or untick the attendee under the cursor.
    Tick,

    // Editing text (a form's text fields, the command line).
    Left,
    Right,
    WordLeft,
    WordRight,
    LineStart,
    LineEnd,
    DeleteBack,
    DeleteForward,
    DeleteWord,
    DeleteNextWord,
    DeleteToStart,
    DeleteToEnd,
    /// Put back what the last deletion of a word or part of a line took.
    Yank,
    Newline,

    // A dialog's choices (and `save`, `cancel`, `back`).
    Confirm,
    Keep,
    Discard,
    Reload,
    Overwrite,
    SaveAs,
    Restore,
    Later,
    /// Save over a read-only file.
    SaveOver,
}

/// Where an action belongs in the help overlay.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    Move,
    View,
    Change,
    File,
}

impl Group {
    pub const ALL: [Group; 4] = [Group::Move, Group::View, Group::Change, Group::File];

    pub fn title(self) -> &'static str {
        match self {
            Group::Move => "Move around",
            Group::View => "Views",
            Group::Change => "Change the plan",
            Group::File => "File",
        }
    }
}

impl Action {
    /// The action's name as written in `config.toml`.
    pub fn name(self) -> String {
        serde_plain_name(self)
    }

    /// One line for the help overlay.
    pub fn description(self) -> &'static str {
        match self {
            Action::PrevDay => "previous day",
            Action::NextDay => "next day",
            Action::Up => "previous item",
            Action::Down => "next item",
            Action::First => "first item",
            Action::Last => "last item",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::Open => "edit visit / participant's schedule",
            Action::ToggleAgenda => "all days / one day",
            Action::Schedule => "selected participant's schedule",
            Action::Problems => "problems of the plan, by day",
            Action::ToggleHomeTime => "timeline in home time / local time",
            Action::Help => "this help",
            Action::Back => "close popup, cancel",
            Action::Quit => "quit",
            Action::Edit => "edit selected visit or participant",
            Action::Add => "add a visit or participant",
            Action::Duplicate => "duplicate selected",
            Action::Delete => "delete selected",
            Action::MoveUp => "move visit earlier in the day (participant up)",
            Action::MoveDown => "move visit later in the day (participant down)",
            Action::MovePrevDay => "move visit to previous day",
            Action::MoveNextDay => "move visit to next day",
            Action::Delay => "delay this and later visits",
            Action::Advance => "bring this and later visits forward",
            Action::Lengthen => "lengthen this visit, push the rest",
            Action::Shorten => "shorten this visit, pull the rest",
            Action::EditMission => "edit mission (title, dates, zones)",
            Action::EditDay => "edit day (city, lodging, notes)",
            Action::Undo => "undo",
            Action::Redo => "redo",
            Action::Save => "save",
            Action::Command => "command line: :w, :w FILE, :saveas, :q, :e!",
            Action::Search => "search titles, places, notes, tags, people",
            Action::SearchNext => "next match (while a search is on)",
            Action::SearchPrev => "previous match",
            Action::Filter => "filter by participant, city, kind, status, tag",
            Action::ClearFilter => "clear the filter",
            Action::Export => "export the agenda to a file",
            Action::Publish => "publish to the calendar of [publish]",
            Action::Import => "import calendar events (.ics) as one undo step",
            other => other.mode_only_description(),
        }
    }

    /// For the actions that move times by `ripple_minutes`: the sign of
    /// the step, for the help ("+15 min").
    pub fn step_sign(self) -> Option<char> {
        match self {
            Action::Delay | Action::Lengthen => Some('+'),
            Action::Advance | Action::Shorten => Some('-'),
            _ => None,
        }
    }

    /// What an action that only the form, text, dialog and command-line
    /// modes offer does (each mode may say it more precisely).
    fn mode_only_description(self) -> &'static str {
        use Action::*;
        match self {
            NextField => "next field",
            PrevField => "previous field",
            Apply => "apply",
            Cancel => "cancel",
            PreviousChoice => "previous choice",
            NextChoice => "next choice",
            Tick => "tick or untick",
            Left => "character left",
            Right => "character right",
            WordLeft => "word left",
            WordRight => "word right",
            LineStart => "start of the line",
            LineEnd => "end of the line",
            DeleteBack => "delete the character before",
            DeleteForward => "delete the character under the cursor",
            DeleteWord => "delete the word before",
            DeleteNextWord => "delete the word after",
            DeleteToStart => "delete to the start of the line",
            DeleteToEnd => "delete to the end of the line",
            Yank => "put back what was deleted",
            Newline => "new line",
            Confirm => "yes",
            Keep => "no, keep",
            Discard => "discard the changes",
            Reload => "reload the file",
            Overwrite => "overwrite the file",
            SaveAs => "save as another file",
            Restore => "restore the kept changes",
            Later => "decide later",
            SaveOver => "save over a read-only file",
            _ => "",
        }
    }

    /// The main screen's section of the help the action is in; `None` for
    /// the actions of forms, text fields, dialogs and the command line.
    pub fn group(self) -> Option<Group> {
        use Action::*;
        Some(match self {
            PrevDay | NextDay | Up | Down | First | Last | PageUp | PageDown | FocusNext
            | FocusPrev => Group::Move,
            Open | ToggleAgenda | ToggleHomeTime | Schedule | Problems | Help | Back | Search
            | SearchNext | SearchPrev | Filter | ClearFilter => Group::View,
            Edit | Add | Duplicate | Delete | MoveUp | MoveDown | MovePrevDay | MoveNextDay
            | Delay | Advance | Lengthen | Shorten | EditMission | EditDay | Undo | Redo => {
                Group::Change
            }
            Save | Command | Export | Publish | Import | Quit => Group::File,
            _ => return None,
        })
    }
}

fn serde_plain_name(action: Action) -> String {
    // Serializing a unit variant to a TOML value gives its quoted name.
    toml::Value::try_from(action)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_config_words() {
        assert_eq!(Action::NextDay.name(), "next_day");
        assert_eq!(Action::ToggleAgenda.name(), "toggle_agenda");
        let parsed: Action = toml::Value::String("move_prev_day".into())
            .try_into()
            .expect("parses");
        assert_eq!(parsed, Action::MovePrevDay);
    }
}
