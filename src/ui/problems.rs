//! The problems panel: every problem of the plan under the heading of its
//! day (idle participants under "Delegation"), one line each, and the
//! selected one in full below the list.
//!
//! Rows are read from the plan's [`Problems`] as they are drawn; only the
//! rows on screen are built.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::geometry::{inner, popup};
use super::pane::popup_frame;
use super::text::{truncate, wrap};
use super::theme::Theme;
use super::timeline::severity_style;
use crate::app::{App, ProblemList};
use crate::domain::problems::{Problem, Problems, Severity};
use crate::present::long_date;

/// Where the panel goes over the `body`.
pub fn area(body: Rect) -> Rect {
    popup(body, 100)
}

/// Rows under the list for the selected problem in full, when the panel
/// has room for them (a rule and up to three lines).
const FULL_ROWS: usize = 4;

/// How many rows of the panel's inner `height` the list takes.
pub fn list_rows(height: usize) -> usize {
    if height >= 2 * FULL_ROWS {
        height - FULL_ROWS
    } else {
        height
    }
}

/// One row of the list.
enum Row<'a> {
    /// A day's heading; `None` for the problems of no day.
    Heading(Option<NaiveDate>),
    /// Problem number `n` (in [`Problems::iter`] order).
    Problem(usize, &'a Problem),
}

/// The list's rows, from the first.
fn rows(problems: &Problems) -> impl Iterator<Item = Row<'_>> + '_ {
    let days = problems.dates().map(|date| (Some(date), problems.on(date)));
    let general = Some((None, problems.general())).filter(|(_, list)| !list.is_empty());
    let mut n = 0;
    days.chain(general).flat_map(move |(date, list)| {
        let first = n;
        n += list.len();
        std::iter::once(Row::Heading(date)).chain(
            list.iter()
                .enumerate()
                .map(move |(i, p)| Row::Problem(first + i, p)),
        )
    })
}

/// The row of problem `selected`, and how many rows the list has.
pub fn selected_row(problems: &Problems, selected: usize) -> (usize, usize) {
    let mut groups: Vec<usize> = problems.dates().map(|d| problems.on(d).len()).collect();
    if !problems.general().is_empty() {
        groups.push(problems.general().len());
    }
    let (mut row, mut n, mut at) = (0, 0, 0);
    for len in groups {
        if selected >= n && selected < n + len {
            at = row + 1 + selected - n;
        }
        row += 1 + len;
        n += len;
    }
    (at, row)
}

/// "1 error, 2 warnings, 1 note".
pub fn counts(problems: &Problems) -> String {
    let parts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Note, "note"),
    ]
    .into_iter()
    .filter_map(|(severity, word)| match problems.count(severity) {
        0 => None,
        1 => Some(format!("1 {word}")),
        n => Some(format!("{n} {word}s")),
    })
    .collect();
    parts.join(", ")
}

pub fn render(app: &App, theme: &Theme, list: &ProblemList, area: Rect, buf: &mut Buffer) {
    let problems = app.problems();
    popup_frame(
        theme,
        &format!(" Problems · {} ", counts(problems)),
        area,
        buf,
    );
    let inner = inner(area);
    let width = usize::from(inner.width);
    let shown = list_rows(usize::from(inner.height));
    let header = &app.mission().header;
    let lines = rows(problems)
        .skip(list.scroll)
        .take(shown)
        .map(|row| match row {
            Row::Heading(Some(date)) => {
                Line::styled(format!(" {}", long_date(header, date)), theme.heading)
            }
            Row::Heading(None) => Line::styled(" Delegation", theme.heading),
            Row::Problem(n, problem) => {
                let selected = n == list.selected;
                let word = format!("  {:<7} ", problem.severity.to_string());
                let used = word.chars().count();
                let line = Line::from(vec![
                    Span::styled(word, severity_style(theme, problem.severity)),
                    Span::raw(truncate(&problem.message, width.saturating_sub(used))),
                ]);
                if selected {
                    line.patch_style(theme.selected)
                } else {
                    line
                }
            }
        });
    for (y, line) in (inner.y..).zip(lines) {
        let rect = Rect {
            y,
            height: 1,
            ..inner
        };
        buf.set_style(rect, line.style);
        line.render(rect, buf);
    }
    if shown < usize::from(inner.height) {
        full_text(app, theme, list, inner, shown, buf);
    }
}

/// The selected problem in full, under a rule below the list.
fn full_text(
    app: &App,
    theme: &Theme,
    list: &ProblemList,
    inner: Rect,
    shown: usize,
    buf: &mut Buffer,
) {
    let Some(problem) = app.problems().iter().nth(list.selected) else {
        return;
    };
    let width = usize::from(inner.width);
    let top = inner.y + shown as u16;
    let rule = Rect {
        y: top,
        height: 1,
        ..inner
    };
    Line::styled("─".repeat(width), theme.border).render(rule, buf);
    let text = format!("{}: {}", problem.severity, problem.message);
    let mut lines = wrap(&text, width.saturating_sub(1), " ");
    if lines.len() > FULL_ROWS - 1 {
        lines.truncate(FULL_ROWS - 1);
        if let Some(last) = lines.last_mut() {
            *last = truncate(&format!("{last} …"), width);
        }
    }
    for (y, text) in (top + 1..).zip(lines) {
        let rect = Rect {
            y,
            height: 1,
            ..inner
        };
        Line::styled(text, severity_style(theme, problem.severity)).render(rect, buf);
    }
}
