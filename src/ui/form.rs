//! The edit form popup: one row per field (more for notes and the
//! attendee checklist), problems shown under the field, hints at the
//! bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::form_text::{self, NOTES_ROWS};
use super::geometry::{inner, popup, shrink_to};
use super::text::truncate;
use super::theme::Theme;
use crate::app::form::{Field, Form, Input};
use crate::input::{Action, KeyMode, Keymap};
use unicode_width::UnicodeWidthStr;

/// Columns before the inputs: the longest label and some air.
fn label_width(form: &Form) -> u16 {
    let longest = form
        .fields
        .iter()
        .map(|f| f.label.width())
        .max()
        .unwrap_or(0);
    (longest + 4) as u16
}

/// Fits the form to its popup `area`: where it scrolls (see
/// [`form_text::settle`]).
pub fn settle(form: &mut Form, area: Rect) {
    let width = inner(area).width.saturating_sub(label_width(form));
    form_text::settle(form, width);
}

/// Where the form goes over the `body`: as tall as the fields need, no
/// taller.
pub fn area(form: &Form, body: Rect) -> Rect {
    let rect = popup(body, 84);
    let wanted = u16::try_from(total_rows(form) + 4).unwrap_or(u16::MAX);
    shrink_to(rect, wanted)
}

/// All the rows the fields take.
fn total_rows(form: &Form) -> usize {
    form.fields
        .iter()
        .map(|f| usize::from(field_height(f)))
        .sum()
}

/// Rows a field takes, its problem line included.
pub fn field_height(field: &Field) -> u16 {
    let body = match &field.input {
        Input::Text {
            multiline: true, ..
        } => NOTES_ROWS,
        Input::Text { .. } | Input::Choice { .. } => 1,
        Input::Checklist { items, .. } => 1 + items.len() as u16,
    };
    body + u16::from(field.error.is_some())
}

/// The first and last row (relative to the form's content) that must be
/// visible for the focused field: the checklist row under the cursor
/// rather than the whole checklist.
pub fn focus_rows(form: &Form) -> (usize, usize) {
    let top: usize = form.fields[..form.focus]
        .iter()
        .map(|f| usize::from(field_height(f)))
        .sum();
    let Some(field) = form.fields.get(form.focus) else {
        return (top, top);
    };
    match &field.input {
        Input::Checklist { cursor, .. } => (top + cursor, top + cursor),
        _ => (top, top + usize::from(field_height(field)) - 1),
    }
}

/// Rows for fields: the popup's inside minus the hint line.
pub fn content_rows(area: Rect) -> usize {
    usize::from(inner(area).height.saturating_sub(2))
}

/// Where a field is drawn: the form's inside, the field's first content
/// row (negative when scrolled above the window), the rows of the window
/// and the column and width of the inputs.
#[derive(Clone, Copy)]
struct Place {
    inside: Rect,
    row: i32,
    rows: u16,
    input_x: u16,
    input_width: u16,
}

impl Place {
    /// The screen row of content row `r` of the field, when visible.
    fn at(&self, r: i32) -> Option<u16> {
        let y = self.row + r;
        (y >= 0 && y < i32::from(self.rows)).then(|| self.inside.y + y as u16)
    }
}

pub fn render(form: &Form, keymap: &Keymap, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    Block::bordered()
        .title(format!(" {} ", form.title))
        .border_style(theme.border_focused)
        .render(area, buf);
    let inside = inner(area);
    let label_width = label_width(form);
    if inside.height < 3 || inside.width < label_width + 4 {
        return;
    }
    let rows = content_rows(area) as u16;
    // Fields are laid out from row 0 of the content; `form.scroll` rows
    // are above the window.
    let mut place = Place {
        inside,
        row: -(form.scroll as i32),
        rows,
        input_x: inside.x + label_width,
        input_width: inside.width - label_width,
    };
    for (i, field) in form.fields.iter().enumerate() {
        let height = i32::from(field_height(field));
        if place.row + height > 0 && place.row < i32::from(rows) {
            draw_field(field, i == form.focus, theme, place, buf);
        }
        place.row += height;
    }
    more_marks(form, theme, area, rows, buf);
    let hints = match &form.message {
        Some(message) => Line::styled(format!(" {message}"), theme.error),
        None => hint_line(form, keymap, theme, usize::from(inside.width)),
    };
    let hint_row = Rect {
        y: inside.bottom() - 1,
        height: 1,
        ..inside
    };
    hints.render(hint_row, buf);
}

/// Fields scrolled out of the window are marked where no field is drawn:
/// on the top border, and in the row between the fields and the hints.
fn more_marks(form: &Form, theme: &Theme, area: Rect, rows: u16, buf: &mut Buffer) {
    let inside = inner(area);
    if form.scroll > 0 {
        let top = Rect::new(inside.x, area.y, inside.width, 1);
        Line::styled(" ↑ more ", theme.muted)
            .right_aligned()
            .render(top, buf);
    }
    if total_rows(form) > form.scroll + usize::from(rows) {
        let gap = Rect::new(inside.x, inside.y + rows, inside.width, 1);
        Line::styled(" ↓ more ", theme.muted)
            .right_aligned()
            .render(gap, buf);
    }
}

/// The keys this form uses, from the keymap's form mode, most needed
/// first, as many as fit in `width`.
fn hint_line(form: &Form, keymap: &Keymap, theme: &Theme, width: usize) -> Line<'static> {
    let has = |f: fn(&Input) -> bool| form.fields.iter().any(|x| f(&x.input));
    let key = |action| keymap.hint_in(KeyMode::Form, action);
    let mut hints = vec![
        (key(Action::Apply), "apply"),
        (key(Action::Cancel), "cancel"),
        (key(Action::NextField), "next field"),
    ];
    // Space turns a choice and ticks the checklist.
    let not_arrow = |action| {
        keymap
            .keys_in(KeyMode::Form, action)
            .into_iter()
            .find(|k| !k.is_arrow())
            .map(|k| k.label())
    };
    if has(|i| matches!(i, Input::Checklist { .. })) {
        hints.push((not_arrow(Action::Tick), "choose"));
    } else if has(|i| matches!(i, Input::Choice { .. })) {
        hints.push((not_arrow(Action::NextChoice), "choose"));
    }
    if has(|i| {
        matches!(
            i,
            Input::Text {
                multiline: true,
                ..
            }
        )
    }) {
        // The apply key the notes do not take for themselves.
        let free = keymap
            .keys_in(KeyMode::Form, Action::Apply)
            .into_iter()
            .find(|k| keymap.actions_in(KeyMode::Text, *k).is_empty() && k.typed().is_none())
            .map(|k| k.label());
        hints.push((free, "apply from notes"));
    }
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in hints {
        let Some(key) = key else { continue };
        let needed = key.width() + what.width() + 3;
        if used + needed > width {
            break;
        }
        used += needed;
        spans.push(Span::styled(format!(" {key}"), theme.key));
        spans.push(Span::raw(format!(" {what} ")));
    }
    Line::from(spans)
}

fn draw_field(field: &Field, focused: bool, theme: &Theme, place: Place, buf: &mut Buffer) {
    let label_style = if focused { theme.selected } else { theme.label };
    if let Some(y) = place.at(0) {
        let width = usize::from(place.input_x - place.inside.x) - 2;
        let label = format!(" {:<width$}", field.label);
        buf.set_string(place.inside.x, y, label, label_style);
    }
    let body_rows = field_height(field) - u16::from(field.error.is_some());
    match &field.input {
        Input::Text { area, multiline } => {
            // The part of the text box inside the window, and how many of
            // its rows are above it.
            let body = 0..i32::from(body_rows);
            let skip = body.clone().take_while(|r| place.at(*r).is_none()).count() as u16;
            let visible = body.clone().filter_map(|r| place.at(r)).count() as u16;
            if let Some(y) = body.clone().find_map(|r| place.at(r)) {
                let rect = Rect::new(place.input_x, y, place.input_width, visible);
                form_text::render(field, area, *multiline, focused, theme, (rect, skip), buf);
            }
        }
        Input::Choice { options, selected } => {
            draw_choice(options, *selected, focused, theme, place, buf);
        }
        Input::Checklist {
            whole,
            items,
            cursor,
        } => {
            let cursor = focused.then_some(*cursor);
            draw_checklist(*whole, items, cursor, theme, place, buf);
        }
    }
    if let (Some(error), Some(y)) = (&field.error, place.at(i32::from(body_rows))) {
        let text = truncate(&format!("✗ {error}"), usize::from(place.input_width));
        buf.set_string(place.input_x, y, text, theme.error);
    }
}

/// "‹ meeting ›", and the other choices beside it when focused.
fn draw_choice(
    options: &[&str],
    selected: usize,
    focused: bool,
    theme: &Theme,
    place: Place,
    buf: &mut Buffer,
) {
    let Some(y) = place.at(0) else { return };
    let current = options.get(selected).copied().unwrap_or("");
    let style = if focused {
        theme.selected
    } else {
        Style::new()
    };
    let mut spans = vec![Span::styled(format!("‹ {current} ›"), style)];
    if focused {
        let others = options.join(" · ");
        spans.push(Span::styled(format!("  {others}"), theme.muted));
    }
    Line::from(spans).render(Rect::new(place.input_x, y, place.input_width, 1), buf);
}

/// "[x] Whole delegation", then a row per person; `cursor` is the row
/// under the cursor when the checklist has the focus.
fn draw_checklist(
    whole: bool,
    items: &[(String, String, bool)],
    cursor: Option<usize>,
    theme: &Theme,
    place: Place,
    buf: &mut Buffer,
) {
    let mark = |on: bool| if on { "[x]" } else { "[ ]" };
    let line_style = |r: usize| {
        if cursor == Some(r) {
            theme.selected
        } else {
            Style::new()
        }
    };
    let width = usize::from(place.input_width);
    if let Some(y) = place.at(0) {
        let text = format!("{} Whole delegation", mark(whole));
        buf.set_string(place.input_x, y, truncate(&text, width), line_style(0));
    }
    for (i, (_, label, chosen)) in items.iter().enumerate() {
        if let Some(y) = place.at(i as i32 + 1) {
            let style = if whole && cursor != Some(i + 1) {
                theme.muted
            } else {
                line_style(i + 1)
            };
            let text = format!("  {} {label}", mark(whole || *chosen));
            buf.set_string(place.input_x, y, truncate(&text, width), style);
        }
    }
}
