//! Confirmation dialogs and the command-line prompt.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::geometry::{popup, shrink_to};
use super::theme::Theme;
use crate::app::{App, Confirm, Prompt};
use crate::input::{Action, KeyMode};

/// Where the dialog goes over the `body`: centred, as tall as its text.
pub fn area(app: &App, confirm: &Confirm, body: Rect) -> Rect {
    let rect = popup(body, 64);
    shrink_to(rect, height(app, confirm, rect.width))
}

/// The dialog's text: the question, a blank line, each choice it lists
/// with the keys bound to it in the keymap's dialog mode, and how to
/// cancel when it lists no cancel.
fn lines(app: &App, confirm: &Confirm, theme: &Theme) -> Vec<Line<'static>> {
    let keymap = &app.config.keymap;
    let (question, choices) = confirm.text(app);
    let choices: Vec<(String, &str)> = choices
        .into_iter()
        .map(|(action, what)| (keymap.label_in(KeyMode::Dialog, action), what))
        .filter(|(keys, _)| !keys.is_empty())
        .collect();
    let width = choices
        .iter()
        .map(|(keys, _)| keys.width())
        .max()
        .unwrap_or(0);
    let mut lines = vec![Line::raw(question), Line::default()];
    for (keys, what) in &choices {
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys:<width$}  "), theme.key),
            Span::raw(what.to_string()),
        ]));
    }
    let lists_cancel = confirm
        .text(app)
        .1
        .iter()
        .any(|(a, _)| *a == Action::Cancel);
    let closer = keymap
        .hint_in(KeyMode::Dialog, Action::Back)
        .or_else(|| keymap.hint_in(KeyMode::Dialog, Action::Cancel));
    if let (false, Some(key)) = (lists_cancel, closer) {
        lines.push(Line::styled(format!("  {key} cancels"), theme.muted));
    }
    lines
}

/// Rows a dialog needs at `width` columns.
fn height(app: &App, confirm: &Confirm, width: u16) -> u16 {
    let text_width = usize::from(width.saturating_sub(4)).max(10);
    let lines = lines(app, confirm, &Theme::new(app.config.theme));
    let question = lines.first().map(Line::to_string).unwrap_or_default();
    let wrapped = textwrap::wrap(&question, text_width).len();
    u16::try_from(wrapped + lines.len() - 1 + 2).unwrap_or(u16::MAX)
}

pub fn render_confirm(app: &App, confirm: &Confirm, theme: &Theme, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    Paragraph::new(lines(app, confirm, theme))
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
