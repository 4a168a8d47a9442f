//! The filter picker: one row a filter, the chosen value between arrows,
//! and the keys that change it, from the keymap's form mode.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::geometry::{popup, shrink_to};
use super::text::truncate;
use super::theme::Theme;
use crate::app::FilterPicker;
use crate::input::{Action, KeyMode, Keymap};

/// Centred over the body: a row a filter, a blank row and the keys.
pub fn area(picker: &FilterPicker, body: Rect) -> Rect {
    let rows = u16::try_from(picker.rows.len()).unwrap_or(u16::MAX);
    shrink_to(popup(body, 56), rows.saturating_add(4))
}

pub fn render(picker: &FilterPicker, keymap: &Keymap, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let block = Block::bordered()
        .title(" Filter ")
        .border_style(theme.border_focused);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines: Vec<Line> = picker
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let value = &row.choices[row.chosen].0;
            let text = format!(" {:<12} ‹ {value} ›", row.label);
            let style = if i == picker.focus {
                theme.selected
            } else {
                ratatui::style::Style::new()
            };
            Line::styled(truncate(&text, width), style)
        })
        .collect();
    let key = |a| keymap.hint_in(KeyMode::Form, a).unwrap_or_default();
    let hint = format!(
        " {}{} choose  {}{} row  {} show  {} cancel",
        key(Action::PreviousChoice),
        key(Action::NextChoice),
        key(Action::Up),
        key(Action::Down),
        key(Action::Apply),
        key(Action::Cancel),
    );
    lines.push(Line::default());
    lines.push(Line::from(Span::styled(
        truncate(&hint, width),
        theme.muted,
    )));
    Paragraph::new(lines).block(block).render(area, buf);
}
