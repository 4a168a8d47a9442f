//! Where everything goes, for any terminal size. Rendering and mouse
//! hit-testing both use [`Areas`], so a click lands on what was drawn.
//! The panes share out the body; a popup is placed over it at the size
//! its own module gives.

use ratatui::layout::{Constraint, Layout, Rect};

use crate::app::{App, Mode, Pane};

/// Below this the screen shows only a "too small" message.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrangement {
    /// Three panes side by side (100 columns and more).
    Three,
    /// Timeline on the left, visit over delegation on the right (80–99).
    Two,
    /// One pane at a time, with tabs (narrower than 80 or shorter than 20).
    Single,
    TooSmall,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Areas {
    pub title: Rect,
    pub days: Rect,
    pub tabs: Option<Rect>,
    pub timeline: Option<Rect>,
    pub detail: Option<Rect>,
    pub participants: Option<Rect>,
    pub status: Rect,
    pub popup: Option<Rect>,
}

pub fn arrangement(area: Rect) -> Arrangement {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        Arrangement::TooSmall
    } else if area.width < 80 || area.height < 20 {
        Arrangement::Single
    } else if area.width < 100 {
        Arrangement::Two
    } else {
        Arrangement::Three
    }
}

pub fn areas(app: &App, area: Rect) -> Areas {
    let arrangement = arrangement(area);
    if arrangement == Arrangement::TooSmall {
        return Areas::default();
    }
    let [title, days, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(super::status::rows(app, area.width)),
    ])
    .areas(area);
    let mut out = Areas {
        title,
        days,
        status,
        ..Areas::default()
    };
    match arrangement {
        Arrangement::Three => {
            let [t, d, p] = Layout::horizontal([
                Constraint::Percentage(42),
                Constraint::Percentage(36),
                Constraint::Percentage(22),
            ])
            .areas(body);
            out.timeline = Some(t);
            out.detail = Some(d);
            out.participants = Some(p);
        }
        Arrangement::Two => {
            let [t, right] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            let [d, p] = Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                .areas(right);
            out.timeline = Some(t);
            out.detail = Some(d);
            out.participants = Some(p);
        }
        Arrangement::Single | Arrangement::TooSmall => {
            let [tabs, pane] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(body);
            out.tabs = Some(tabs);
            match app.view.focus {
                Pane::Timeline => out.timeline = Some(pane),
                Pane::Detail => out.detail = Some(pane),
                Pane::Participants => out.participants = Some(pane),
            }
        }
    }
    out.popup = match &app.mode {
        Mode::Normal | Mode::Prompt(_) => None,
        Mode::Help { .. } => Some(super::help::area(body)),
        Mode::Schedule(_) => Some(super::schedule::area(body)),
        Mode::Problems(_) => Some(super::problems::area(body)),
        Mode::Form(form) => Some(super::form::area(form, body)),
        Mode::Confirm(confirm) => Some(super::dialog::area(app, confirm, body)),
        Mode::Filter(picker) => Some(super::filter::area(picker, body)),
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrangement_follows_size() {
        assert_eq!(arrangement(Rect::new(0, 0, 120, 40)), Arrangement::Three);
        assert_eq!(arrangement(Rect::new(0, 0, 100, 30)), Arrangement::Three);
        assert_eq!(arrangement(Rect::new(0, 0, 80, 24)), Arrangement::Two);
        assert_eq!(arrangement(Rect::new(0, 0, 60, 20)), Arrangement::Single);
        assert_eq!(arrangement(Rect::new(0, 0, 120, 15)), Arrangement::Single);
        assert_eq!(arrangement(Rect::new(0, 0, 39, 20)), Arrangement::TooSmall);
        assert_eq!(arrangement(Rect::new(0, 0, 0, 0)), Arrangement::TooSmall);
    }
}
