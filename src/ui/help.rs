//! The help overlay, generated from the keymap the input handler uses.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::geometry::popup;
use super::theme::Theme;
use crate::app::App;
use crate::input::{Group, KeyMode};

/// Keys that are not in the keymap because they belong to the mouse.
const MOUSE: &[(&str, &str)] = &[
    ("click", "select a day, visit or participant"),
    ("wheel", "move through the pane under the pointer"),
];

/// A section of the help: a group of the main screen's actions, or the
/// keys of another mode.
#[derive(Clone, Copy)]
enum Section {
    Main(Group),
    Mode(KeyMode),
}

/// The sections in the order shown: the main screen first, the modes a
/// user meets while planning, then the file's keys, and what saving and
/// quitting may ask.
const SECTIONS: [Section; 11] = [
    Section::Main(Group::Move),
    Section::Main(Group::View),
    Section::Main(Group::Change),
    Section::Mode(KeyMode::Form),
    Section::Mode(KeyMode::Text),
    Section::Mode(KeyMode::Help),
    Section::Mode(KeyMode::Schedule),
    Section::Mode(KeyMode::Problems),
    Section::Main(Group::File),
    Section::Mode(KeyMode::Dialog),
    Section::Mode(KeyMode::Command),
];

/// One row: the keys in a column `width` wide, then what they do.
fn row(keys: &str, width: usize, what: String, theme: &Theme) -> Line<'static> {
    let pad = " ".repeat(width.saturating_sub(keys.width()));
    Line::from(vec![
        Span::styled(format!("  {keys}{pad}  "), theme.key),
        Span::raw(what),
    ])
}

/// A section's title and rows (keys, what they do); none when nothing in
/// it is bound.
fn section(app: &App, section: Section) -> (&'static str, Vec<(String, String)>) {
    let keymap = &app.config.keymap;
    match section {
        Section::Main(group) => {
            let rows = keymap
                .actions()
                .into_iter()
                .filter(|a| a.group() == Some(group))
                .map(|action| {
                    let what = match action.step_sign() {
                        Some(sign) => format!(
                            "{} ({sign}{} min)",
                            action.description(),
                            app.config.ripple_minutes
                        ),
                        None => action.description().to_string(),
                    };
                    (keymap.label(action), what)
                })
                .collect();
            (group.title(), rows)
        }
        Section::Mode(mode) => {
            let rows = mode
                .actions()
                .into_iter()
                .map(|action| {
                    let keys = keymap.label_in(mode, action);
                    (keys, mode.describe(action).to_string())
                })
                .filter(|(keys, _)| !keys.is_empty())
                .collect();
            (mode.title(), rows)
        }
    }
}

pub fn lines(app: &App, theme: &Theme) -> Vec<Line<'static>> {
    let keymap = &app.config.keymap;
    // The keys line up in one column; a mode with longer key lists (a
    // form's, a text field's) widens its own section only, so they do not
    // push the main screen's descriptions aside.
    let main_width = keymap
        .actions()
        .iter()
        .map(|a| keymap.label(*a).width())
        .max()
        .unwrap_or(0)
        .max(6);
    let mut out = Vec::new();
    for part in SECTIONS {
        let (title, rows) = section(app, part);
        if rows.is_empty() {
            continue;
        }
        let width = match part {
            Section::Main(_) => main_width,
            Section::Mode(_) => rows
                .iter()
                .map(|(k, _)| k.width())
                .max()
                .unwrap_or(0)
                .max(main_width),
        };
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(title, theme.heading));
        for (keys, what) in rows {
            out.push(row(&keys, width, what, theme));
        }
    }
    out.push(Line::default());
    out.push(Line::styled("Mouse", theme.heading));
    for (what, does) in MOUSE {
        out.push(row(what, main_width, does.to_string(), theme));
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
