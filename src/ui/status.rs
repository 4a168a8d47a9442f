//! The status bar: file name, unsaved marker, the latest message or key
//! hints generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use super::truncate;
use crate::app::{Action, App, Level, Mode};

/// Hints shown when there is no message, most useful first; those that do
/// not fit are left out.
const HINTS: &[(&[Action], &str)] = &[
    (&[Action::Help], "help"),
    (&[Action::Quit], "quit"),
    (&[Action::PrevDay, Action::NextDay], "day"),
    (&[Action::Up, Action::Down], "visit"),
    (&[Action::Edit], "edit"),
    (&[Action::Add], "new"),
    (&[Action::Undo], "undo"),
    (&[Action::Save], "save"),
    (&[Action::FocusNext], "pane"),
    (&[Action::ToggleAgenda], "all days"),
];

const SCHEDULE_HINTS: &[(&[Action], &str)] = &[
    (&[Action::Back], "close"),
    (&[Action::Up, Action::Down], "move"),
    (&[Action::Open], "go to visit"),
];

const HELP_HINTS: &[(&[Action], &str)] = &[
    (&[Action::Back], "close"),
    (&[Action::Up, Action::Down], "scroll"),
];

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let dirty = if app.is_dirty() { " [+]" } else { "" };
    let left = format!(" {}{dirty} ", app.doc.name());
    let mut spans = vec![Span::styled(left.clone(), theme.status.patch(theme.title))];
    let room = usize::from(area.width).saturating_sub(left.width() + 1);
    match &app.message {
        Some(message) => {
            let style = match message.level {
                Level::Info => theme.info,
                Level::Warning => theme.warning,
                Level::Error => theme.error,
            };
            spans.push(Span::styled(truncate(&message.text, room), style));
        }
        None => spans.extend(hints(app, theme, room)),
    }
    Line::from(spans).render(area, buf);
}

fn hints(app: &App, theme: &Theme, room: usize) -> Vec<Span<'static>> {
    let table = match app.mode {
        Mode::Normal => HINTS,
        Mode::Help { .. } => HELP_HINTS,
        Mode::Schedule(_) => SCHEDULE_HINTS,
        Mode::Form(_) | Mode::Confirm(_) | Mode::Prompt(_) => &[],
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (actions, what) in table {
        let key: String = actions
            .iter()
            .filter_map(|a| app.config.keymap.hint_label(*a))
            .collect();
        if key.is_empty() {
            continue;
        }
        let width = key.width() + what.width() + 3;
        if used + width > room {
            break;
        }
        used += width;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::styled(format!(" {what} "), theme.status));
    }
    spans
}
