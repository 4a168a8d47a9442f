//! Where everything goes, for any terminal size. Rendering and mouse
//! hit-testing both use [`Areas`], so a click lands on what was drawn.

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
            match app.focus {
                Pane::Timeline => out.timeline = Some(pane),
                Pane::Detail => out.detail = Some(pane),
                Pane::Participants => out.participants = Some(pane),
            }
        }
    }
    out.popup = match &app.mode {
        Mode::Normal | Mode::Prompt(_) => None,
        // The key table is narrow; a wide box would only add empty space.
        Mode::Help { .. } => Some(popup(body, 64)),
        Mode::Schedule(_) => Some(popup(body, 90)),
        Mode::Form(form) => {
            // As tall as the fields need, no taller.
            let mut rect = popup(body, 84);
            let wanted = (super::form::total_rows(form) + 4).min(usize::from(rect.height)) as u16;
            rect.y += (rect.height - wanted) / 2;
            rect.height = wanted;
            Some(rect)
        }
        Mode::Confirm(confirm) => {
            let mut rect = popup(body, 64);
            let height = super::dialog::height(app, confirm, rect.width).min(rect.height);
            rect.y += (rect.height - height) / 2;
            rect.height = height;
            Some(rect)
        }
    };
    out
}

/// A centred box over the body, at most `max_width` wide, leaving a margin
/// when there is room.
fn popup(body: Rect, max_width: u16) -> Rect {
    let width = body
        .width
        .saturating_sub(8)
        .clamp(body.width.min(36), max_width);
    let height = body.height.saturating_sub(2).max(body.height.min(6));
    Rect {
        x: body.x + (body.width - width) / 2,
        y: body.y + (body.height - height) / 2,
        width,
        height,
    }
}

/// The inside of a bordered block.
pub fn inner(area: Rect) -> Rect {
    Rect {
        x: area.x.saturating_add(1),
        y: area.y.saturating_add(1),
        width: area.width.saturating_sub(2),
        height: area.height.saturating_sub(2),
    }
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

    #[test]
    fn popup_fits_inside_the_body() {
        for (w, h) in [(40, 7), (80, 21), (200, 60), (45, 3)] {
            let body = Rect::new(0, 2, w, h);
            let p = popup(body, 90);
            assert!(
                p.x >= body.x && p.right() <= body.right(),
                "{p:?} in {body:?}"
            );
            assert!(
                p.y >= body.y && p.bottom() <= body.bottom(),
                "{p:?} in {body:?}"
            );
        }
    }
}
