//! Text fields in a form. A one-line field scrolls sideways under the
//! cursor; a multi-line one wraps at words (`app::form::rows`, the rows the
//! cursor moves by) and scrolls down. Either way text hidden past an edge
//! is marked: "…" before or after a one-line field, "↑"/"↓" in the right
//! column of a multi-line one. An empty field shows its hint where its
//! text would start, under the cursor, cut with "…" when it is too long.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::app::TextInput;
use crate::app::form::rows;
use crate::app::form::{Field, Form, Input};

/// Rows of a multi-line text field.
pub const NOTES_ROWS: u16 = 6;

fn cursor_style() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

/// Columns of text in an input `width` wide: the last column is kept for
/// the marks of hidden text.
pub fn text_columns(width: u16) -> u16 {
    width.saturating_sub(1).max(1)
}

/// Draws text field `field` into `rect` (its visible part: `skip` of its
/// rows are scrolled above the form's window).
pub fn render(
    field: &Field,
    area: &TextInput,
    multiline: bool,
    focused: bool,
    theme: &Theme,
    (rect, skip): (Rect, u16),
    buf: &mut Buffer,
) {
    let empty = area.is_empty();
    if empty && !field.hint.is_empty() {
        if skip == 0 {
            let hint = super::text::truncate(field.hint, usize::from(rect.width));
            Line::styled(hint, theme.muted).render(Rect { height: 1, ..rect }, buf);
            if focused {
                buf.set_style(Rect::new(rect.x, rect.y, 1, 1), cursor_style());
            }
        }
        return;
    }
    if multiline {
        render_rows(field, area, focused, theme, (rect, skip), buf);
    } else {
        render_line(area, focused, theme, rect, buf);
    }
}

/// A one-line field: its text from the column it is scrolled to (see
/// [`settle_line`]); "…" in the column before and the column after say
/// text is hidden there.
fn render_line(area: &TextInput, focused: bool, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let window = text_columns(rect.width);
    draw_line(area, focused, Rect::new(rect.x, rect.y, window, 1), buf);
    let left = area.scroll;
    let width = area.lines().first().map_or(0, |l| l.width());
    if left > 0 && rect.x > 0 {
        buf.set_string(rect.x - 1, rect.y, "…", theme.muted);
    }
    if width > left + usize::from(window) {
        buf.set_string(rect.x + window, rect.y, "…", theme.muted);
    }
}

/// The columns of a one-line text's characters: (start column, width) of
/// each, and the column after the last.
fn columns(line: &str) -> (Vec<(usize, usize)>, usize) {
    let mut at = 0;
    let cells = line
        .chars()
        .map(|c| {
            let width = c.width().unwrap_or(0);
            let cell = (at, width);
            at += width;
            cell
        })
        .collect();
    (cells, at)
}

/// The cursor's column and the width of what it is on (1 at the end).
fn cursor_cells(area: &TextInput) -> (usize, usize) {
    let line = area.lines().first().map_or("", String::as_str);
    let (cells, end) = columns(line);
    match cells.get(area.cursor().1) {
        Some(&(at, width)) => (at, width.max(1)),
        None => (end, 1),
    }
}

/// The smallest change to the first column shown, `scroll`, that keeps
/// column `column` inside a window `window` columns wide.
fn follow(scroll: usize, column: usize, window: usize) -> usize {
    if column < scroll {
        column
    } else if scroll + window <= column {
        column + 1 - window
    } else {
        scroll
    }
}

/// Scrolls a one-line text sideways so its cursor, and the whole
/// character under it, are in a window `window` columns wide.
pub fn settle_line(area: &mut TextInput, window: usize) {
    let window = window.max(1);
    let (at, width) = cursor_cells(area);
    area.scroll = follow(follow(area.scroll, at + width - 1, window), at, window);
}

/// Draws a one-line text into `rect` from its scroll column, the cursor
/// (when `focused`) in reverse video. A wide character cut by an edge
/// shows as blank cells.
pub fn draw_line(area: &TextInput, focused: bool, rect: Rect, buf: &mut Buffer) {
    let line = area.lines().first().map_or("", String::as_str);
    let (left, right) = (area.scroll, area.scroll + usize::from(rect.width));
    let (cells, _) = columns(line);
    let mut shown = String::new();
    let mut first = None;
    for (c, &(at, width)) in line.chars().zip(&cells) {
        if left <= at && at + width <= right {
            first.get_or_insert(at);
            shown.push(c);
        } else if at < right && left < at + width {
            first.get_or_insert(at.max(left));
            let blank = (at + width).min(right) - at.max(left);
            shown.extend(std::iter::repeat_n(' ', blank));
        }
    }
    if let Some(first) = first {
        let x = rect.x + (first - left) as u16;
        buf.set_stringn(x, rect.y, &shown, usize::from(rect.width), Style::new());
    }
    if focused {
        let (at, width) = cursor_cells(area);
        let (from, to) = (at.max(left), (at + width).min(right));
        if from < to {
            let x = rect.x + (from - left) as u16;
            buf.set_style(Rect::new(x, rect.y, (to - from) as u16, 1), cursor_style());
        }
    }
}

/// A multi-line field: its rows from `field.offset`, the cursor, and "↑"
/// or "↓" in the right column when rows are hidden above or below.
fn render_rows(
    field: &Field,
    area: &TextInput,
    focused: bool,
    theme: &Theme,
    (rect, skip): (Rect, u16),
    buf: &mut Buffer,
) {
    let width = text_columns(rect.width);
    let lines = area.lines();
    let all = rows::rows(lines, usize::from(width));
    let first = field.offset + usize::from(skip);
    let cursor = focused.then(|| rows::cursor_at(&all, lines, area.cursor()));
    for (i, row) in all
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(rect.height))
    {
        let y = rect.y + (i - first) as u16;
        let text: String = lines[row.line]
            .chars()
            .skip(row.start)
            .take(row.end - row.start)
            .collect();
        buf.set_stringn(rect.x, y, &text, usize::from(width), Style::new());
        if let Some((_, column)) = cursor.filter(|(r, _)| *r == i) {
            let (line, col) = area.cursor();
            let under = lines[line]
                .chars()
                .nth(col)
                .map_or(1, |c| c.width().unwrap_or(1));
            let x = column.min(usize::from(width) - 1) as u16;
            buf.set_style(
                Rect::new(rect.x + x, y, under.max(1) as u16, 1),
                cursor_style(),
            );
        }
    }
    let mark = rect.x + width;
    if field.offset > 0 && skip == 0 {
        buf.set_string(mark, rect.y, "↑", theme.muted);
    }
    let last = field.offset + usize::from(NOTES_ROWS);
    let bottom = NOTES_ROWS.saturating_sub(1 + skip);
    if all.len() > last && bottom < rect.height {
        buf.set_string(mark, rect.y + bottom, "↓", theme.muted);
    }
}

/// Fits the form's text fields to the popup: the width multi-line fields
/// wrap at, and the first row each shows (the focused one follows its
/// cursor; the others show their beginning).
pub fn settle(form: &mut Form, input_width: u16) {
    let width = usize::from(text_columns(input_width));
    form.text_width = width;
    let focus = form.focus;
    for (i, field) in form.fields.iter_mut().enumerate() {
        let Input::Text { area, multiline } = &mut field.input else {
            continue;
        };
        if !*multiline {
            settle_line(area, width);
            continue;
        }
        if i != focus {
            field.offset = 0;
            continue;
        }
        let lines = area.lines();
        let all = rows::rows(lines, width);
        let (row, _) = rows::cursor_at(&all, lines, area.cursor());
        field.offset =
            super::geometry::scroll_to(field.offset, row, row, usize::from(NOTES_ROWS), all.len());
    }
}
