//! Colours and emphasis. The mono theme (chosen in `config.toml`, or forced
//! by `NO_COLOR`) uses only bold, reverse, dim, italic and strike-through,
//! so everything stays legible without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::input::ThemeName;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub title: Style,
    pub muted: Style,
    pub heading: Style,
    pub label: Style,
    pub border: Style,
    pub border_focused: Style,
    /// The selected row of the focused pane.
    pub selected: Style,
    /// The selected row of a pane without focus.
    pub selected_idle: Style,
    pub day: Style,
    pub day_selected: Style,
    pub tentative: Style,
    pub cancelled: Style,
    pub attending: Style,
    pub status: Style,
    pub info: Style,
    pub warning: Style,
    pub error: Style,
    pub key: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Theme::colour(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    fn colour() -> Self {
        let plain = Style::new();
        Theme {
            title: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            muted: plain.fg(Color::DarkGray),
            heading: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            label: plain.fg(Color::Cyan),
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan),
            selected: plain
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            selected_idle: plain.bg(Color::DarkGray).fg(Color::White),
            day: plain,
            day_selected: plain
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            tentative: plain.fg(Color::Yellow).add_modifier(Modifier::ITALIC),
            cancelled: plain
                .fg(Color::DarkGray)
                .add_modifier(Modifier::CROSSED_OUT),
            attending: plain.fg(Color::Green).add_modifier(Modifier::BOLD),
            status: plain.bg(Color::Black).fg(Color::Gray),
            info: plain.fg(Color::Green),
            warning: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            error: plain.fg(Color::Red).add_modifier(Modifier::BOLD),
            key: plain.fg(Color::Cyan).add_modifier(Modifier::BOLD),
        }
    }

    fn mono() -> Self {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        Theme {
            title: bold,
            muted: plain.add_modifier(Modifier::DIM),
            heading: bold.add_modifier(Modifier::UNDERLINED),
            label: bold,
            border: plain.add_modifier(Modifier::DIM),
            border_focused: bold,
            selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_idle: plain.add_modifier(Modifier::REVERSED),
            day: plain,
            day_selected: plain.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            tentative: plain.add_modifier(Modifier::ITALIC),
            cancelled: plain.add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            attending: bold,
            status: plain,
            info: plain,
            warning: bold,
            error: bold.add_modifier(Modifier::UNDERLINED),
            key: bold,
        }
    }
}
