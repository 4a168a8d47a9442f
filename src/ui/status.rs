//! The status bar: file name, unsaved marker, how many problems the plan
//! has (`! 3 problems`, in the colour of the worst), the latest message or
//! key hints generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use super::theme::Theme;
use super::timeline::severity_style;
use crate::app::{App, Level, Mode, Pane};
use crate::domain::problems::Severity;
use crate::input::{Action, KeyMode};

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

const PROBLEM_HINTS: &[(&[Action], &str)] = &[
    (&[Action::Back], "close"),
    (&[Action::Up, Action::Down], "move"),
    (&[Action::Open], "go to it"),
];

const HELP_HINTS: &[(&[Action], &str)] = &[
    (&[Action::Back], "close"),
    (&[Action::Up, Action::Down], "scroll"),
];

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.status);
    let dirty = if app.is_dirty() { " [+]" } else { "" };
    let name = format!(" {}{dirty} ", app.file_name());
    let mut spans = vec![Span::styled(name.clone(), theme.status.patch(theme.title))];
    let count = problem_count(app, area.width);
    if let Some((text, severity)) = &count {
        let style = theme.status.patch(severity_style(theme, *severity));
        spans.push(Span::styled(text.clone(), style));
    }
    let left = format!("{name}{}", count.map(|(text, _)| text).unwrap_or_default());
    let room = usize::from(area.width).saturating_sub(left.width() + 1);
    match &app.message {
        Some(message) => {
            let style = match message.level {
                Level::Info => theme.info,
                Level::Warning => theme.warning,
                Level::Error => theme.error,
            };
            let (below, width) = message_layout(app, area.width);
            let mut lines = wrap(&message.text, width).into_iter();
            let mut all = Vec::new();
            // Beside the file name when there is room, else below it.
            let indent = if below {
                all.push(Line::from(spans));
                " ".to_string()
            } else {
                spans.push(Span::styled(lines.next().unwrap_or_default(), style));
                all.push(Line::from(spans));
                " ".repeat(left.width())
            };
            all.extend(
                lines.map(|l| Line::from(vec![Span::raw(indent.clone()), Span::styled(l, style)])),
            );
            ratatui::widgets::Paragraph::new(all).render(area, buf);
        }
        // While a publish runs, the bar says so until it ends.
        None => match &app.publishing {
            Some(url) => {
                let text = super::text::truncate(&format!("Publishing to {url}…"), room);
                spans.push(Span::styled(text, theme.info));
                Line::from(spans).render(area, buf);
            }
            None => {
                spans.extend(hints(app, theme, room));
                Line::from(spans).render(area, buf);
            }
        },
    }
}

/// "! 3 problems " (or "!3 " when the bar `width` wide has no room for
/// the word after the file name), and the most serious of them; `None`
/// without any.
fn problem_count(app: &App, width: u16) -> Option<(String, Severity)> {
    let problems = app.problems();
    let worst = [Severity::Error, Severity::Warning, Severity::Note]
        .into_iter()
        .find(|s| problems.count(*s) > 0)?;
    let n = problems.len();
    let long = match n {
        1 => "! 1 problem ".to_string(),
        n => format!("! {n} problems "),
    };
    let name = format!(" {} [+] ", app.file_name()).width();
    let text = if name + long.width() <= usize::from(width) {
        long
    } else {
        format!("!{n} ")
    };
    Some((text, worst))
}

/// Narrower than this beside the file name, a message goes below it.
const MIN_ROOM: usize = 24;

/// Where a message goes in a status bar `width` wide: below the file name
/// (`true`) or beside it, and the columns it wraps at.
fn message_layout(app: &App, width: u16) -> (bool, usize) {
    let count = problem_count(app, width).map_or(0, |(text, _)| text.width());
    let name = format!(" {} [+] ", app.file_name()).width() + count;
    let room = usize::from(width).saturating_sub(name + 1);
    if room < MIN_ROOM {
        (true, usize::from(width).saturating_sub(2))
    } else {
        (false, room)
    }
}

/// A message wrapped to `width` columns, at most [`MAX_ROWS`] lines (the
/// last one cut with "…").
fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(10);
    // The panes' wrapping: a path in a message is never split at a hyphen.
    let mut lines = super::text::wrap(text, width, "");
    if lines.len() > MAX_ROWS {
        lines.truncate(MAX_ROWS);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    lines
}

/// Longest a message may make the status bar.
const MAX_ROWS: usize = 3;

/// Rows the status bar needs: one, or more for a long message.
pub fn rows(app: &App, width: u16) -> u16 {
    let Some(message) = &app.message else {
        return 1;
    };
    let (below, room) = message_layout(app, width);
    wrap(&message.text, room).len().max(1) as u16 + u16::from(below)
}

fn hints(app: &App, theme: &Theme, room: usize) -> Vec<Span<'static>> {
    // With unsaved changes, how to save comes right after help and quit.
    let dirty_hints: Vec<(&[Action], &str)> = HINTS
        .iter()
        .take(2)
        .chain(HINTS.iter().filter(|(a, _)| a.contains(&Action::Save)))
        .chain(
            HINTS
                .iter()
                .skip(2)
                .filter(|(a, _)| !a.contains(&Action::Save)),
        )
        .copied()
        .collect();
    let (table, mode) = match app.mode {
        Mode::Normal if app.is_dirty() => (&dirty_hints[..], KeyMode::Normal),
        Mode::Normal => (HINTS, KeyMode::Normal),
        Mode::Help { .. } => (HELP_HINTS, KeyMode::Help),
        Mode::Schedule(_) => (SCHEDULE_HINTS, KeyMode::Schedule),
        Mode::Problems(_) => (PROBLEM_HINTS, KeyMode::Problems),
        Mode::Form(_) | Mode::Confirm(_) | Mode::Prompt(_) | Mode::Filter(_) => {
            (&[][..], KeyMode::Normal)
        }
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (actions, what) in table {
        // ↑↓ move through what the focused pane shows.
        let what = match (*what, app.view.focus) {
            ("visit", Pane::Detail) => "scroll",
            ("visit", Pane::Participants) => "person",
            (what, _) => what,
        };
        let key: String = actions
            .iter()
            .filter_map(|a| app.config.keymap.hint_in(mode, *a))
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
