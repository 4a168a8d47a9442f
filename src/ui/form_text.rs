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
use ratatui_textarea::TextArea;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::theme::Theme;
use crate::app::form::rows::{self, cursor_of};
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
    area: &TextArea<'static>,
    multiline: bool,
    focused: bool,
    theme: &Theme,
    (rect, skip): (Rect, u16),
    buf: &mut Buffer,
) {
    let empty = area.lines().iter().all(|l| l.is_empty());
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
        render_line(area, theme, rect, buf);
    }
}

/// A one-line field: the text area scrolls itself to its cursor; "…" in
/// the column before and the column after say text is hidden there.
fn render_line(area: &TextArea<'static>, theme: &Theme, rect: Rect, buf: &mut Buffer) {
    let window = text_columns(rect.width);
    area.render(Rect::new(rect.x, rect.y, window, 1), buf);
    let (_, left) = area.scroll_offset();
    let width = area.lines().first().map_or(0, |l| l.width());
    if left > 0 && rect.x > 0 {
        buf.set_string(rect.x - 1, rect.y, "…", theme.muted);
    }
    if width > usize::from(left) + usize::from(window) {
        buf.set_string(rect.x + window, rect.y, "…", theme.muted);
    }
}

/// A multi-line field: its rows from `field.offset`, the cursor, and "↑"
/// or "↓" in the right column when rows are hidden above or below.
fn render_rows(
    field: &Field,
    area: &TextArea<'static>,
    focused: bool,
    theme: &Theme,
    (rect, skip): (Rect, u16),
    buf: &mut Buffer,
) {
    let width = text_columns(rect.width);
    let lines = area.lines();
    let all = rows::rows(lines, usize::from(width));
    let first = field.offset + usize::from(skip);
    let cursor = focused.then(|| rows::cursor_at(&all, lines, cursor_of(area)));
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
            let (line, col) = cursor_of(area);
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
        let Input::Text {
            area,
            multiline: true,
        } = &field.input
        else {
            continue;
        };
        if i != focus {
            field.offset = 0;
            continue;
        }
        let lines = area.lines();
        let all = rows::rows(lines, width);
        let (row, _) = rows::cursor_at(&all, lines, cursor_of(area));
        field.offset =
            super::geometry::scroll_to(field.offset, row, row, usize::from(NOTES_ROWS), all.len());
    }
}
