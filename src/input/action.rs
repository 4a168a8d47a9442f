//! Everything a user can ask of itinera, as one enum.
//!
//! The serde names (`next_day`, `toggle_agenda`...) are the words a user
//! writes in the `[keys]` table of `config.toml`, and the words the help
//! overlay is generated from.

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

    pub fn group(self) -> Group {
        use Action::*;
        match self {
            PrevDay | NextDay | Up | Down | First | Last | PageUp | PageDown | FocusNext
            | FocusPrev => Group::Move,
            Open | ToggleAgenda | Schedule | Help | Back => Group::View,
            Edit | Add | Duplicate | Delete | MoveUp | MoveDown | MovePrevDay | MoveNextDay
            | Delay | Advance | Lengthen | Shorten | EditMission | EditDay | Undo | Redo => {
                Group::Change
            }
            Save | Command | Quit => Group::File,
        }
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
