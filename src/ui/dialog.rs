//! Confirmation dialogs and the command-line prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::geometry::{popup, shrink_to};
use super::theme::Theme;
use crate::app::{App, Confirm, Prompt};

/// Where the dialog goes over the `body`: centred, as tall as its text.
pub fn area(app: &App, confirm: &Confirm, body: Rect) -> Rect {
    let rect = popup(body, 64);
    shrink_to(rect, height(app, confirm, rect.width))
}

/// Rows a dialog needs at `width` columns.
fn height(app: &App, confirm: &Confirm, width: u16) -> u16 {
    let (question, choices) = confirm.text(app);
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let lines = textwrap::wrap(&question, text_width).len() as u16;
    let cancel_line = u16::from(!choices.iter().any(|(key, _)| *key == 'c'));
    lines + 1 + choices.len() as u16 + cancel_line + 2
}

pub fn render_confirm(app: &App, confirm: &Confirm, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let (question, choices) = confirm.text(app);
    let mut lines = vec![Line::raw(question), Line::default()];
    let cancels = choices.iter().any(|(key, _)| *key == 'c');
    for (key, what) in choices {
        lines.push(Line::from(vec![
            Span::styled(format!("  {key}  "), theme.key),
            Span::raw(what),
        ]));
    }
    if !cancels {
        lines.push(Line::styled("  Esc cancels", theme.muted));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(
            Block::bordered()
                .title(" Confirm ")
                .border_style(theme.warning)
                .padding(ratatui::widgets::Padding::horizontal(1)),
        )
        .render(area, buf);
}

/// The prompt replaces the status bar.
pub fn render_prompt(prompt: &Prompt, theme: &Theme, area: Rect, buf: &mut Buffer) {
    ratatui::widgets::Clear.render(area, buf);
    buf.set_style(area, theme.status);
    let label = prompt.label();
    buf.set_string(area.x, area.y, label, theme.status.patch(theme.key));
    let width = label.chars().count() as u16;
    let rect = Rect {
        x: area.x + width,
        width: area.width.saturating_sub(width),
        ..area
    };
    super::form_text::draw_line(&prompt.input, true, rect, buf);
}
