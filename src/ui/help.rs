//! The help overlay, generated from the keymap the input handler uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::geometry::popup;
use super::theme::Theme;
use crate::app::App;
use crate::input::Group;

/// Keys that are not in the keymap because they belong to the mouse.
const MOUSE: &[(&str, &str)] = &[
    ("click", "select a day, visit or participant"),
    ("wheel", "move through the pane under the pointer"),
];

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let keymap = &app.config.keymap;
    let actions = keymap.actions();
    let key_width = actions
        .iter()
        .map(|a| keymap.label(*a).width())
        .max()
        .unwrap_or(0)
        .max(6);
    let mut out = Vec::new();
    for group in Group::ALL {
        let in_group: Vec<_> = actions.iter().filter(|a| a.group() == group).collect();
        if in_group.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(group.title(), theme.heading));
        for action in in_group {
            let keys = keymap.label(*action);
            let pad = " ".repeat(key_width - keys.width());
            let what = match action.step_sign() {
                Some(sign) => format!(
                    "{} ({sign}{} min)",
                    action.description(),
                    app.config.ripple_minutes
                ),
                None => action.description().to_string(),
            };
            out.push(Line::from(vec![
                Span::styled(format!("  {keys}{pad}  "), theme.key),
                Span::raw(what),
            ]));
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Mouse", theme.heading));
    for (what, does) in MOUSE {
        out.push(Line::from(vec![
            Span::styled(format!("  {what:<key_width$}  "), theme.key),
            Span::raw(*does),
        ]));
    }
    out.push(Line::default());
    out.push(Line::styled(
        "Keys can be changed in config.toml (see the README).",
        theme.muted,
    ));
    out
}

/// Where the overlay goes over the `body`: the key table is narrow, and a
/// wide box would only add empty space.
pub fn area(body: Rect) -> Rect {
    popup(body, 64)
}

pub fn render(app: &App, theme: &Theme, scroll: usize, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let lines = lines(app, theme);
    let height = usize::from(area.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(height));
    let title = if lines.len() > height {
        " Keys · ↑↓ scroll · Esc closes "
    } else {
        " Keys · Esc closes "
    };
    let block = Block::bordered()
        .title(title)
        .border_style(theme.border_focused);
    Paragraph::new(
        lines
            .into_iter()
            .skip(scroll)
            .take(height)
            .collect::<Vec<_>>(),
    )
    .block(block)
    .render(area, buf);
}
