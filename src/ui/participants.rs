//! The delegation pane: everyone, with those attending the selected visit
//! marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::geometry::inner;
use super::pane::{more_marks, pane_block};
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::app::{App, Pane};

pub fn title(app: &App) -> String {
    let total = app.mission().participants.len();
    match app.selected_visit() {
        Some(visit) => {
            let attending = app.mission().attendees(visit).count();
            format!(" Delegation {attending}/{total} ")
        }
        None => format!(" Delegation {total} "),
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = inner(area);
    let block = pane_block(app, theme, Pane::Participants, title(app));
    let (scroll, total) = (
        app.view.scroll.participants,
        app.mission().participants.len(),
    );
    more_marks(block, theme, scroll, usize::from(inner.height), total).render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    if app.mission().participants.is_empty() {
        let add = app
            .config
            .keymap
            .hint_label(crate::input::Action::Add)
            .unwrap_or_default();
        let text = format!("No one yet. In this pane, {add} adds a person.");
        ratatui::widgets::Paragraph::new(wrap(&text, usize::from(inner.width), " ").join("\n"))
            .style(theme.muted)
            .render(inner, buf);
        return;
    }
    let visit = app.selected_visit();
    let focused = app.view.focus == Pane::Participants;
    let width = usize::from(inner.width);
    let rows = app
        .mission()
        .participants
        .iter()
        .enumerate()
        .skip(app.view.scroll.participants)
        .take(usize::from(inner.height));
    for (y, (i, p)) in (inner.y..).zip(rows) {
        let attending = visit.is_some_and(|v| v.attended_by(&p.id));
        let (mark, mark_style) = match (visit, attending) {
            (None, _) => ("  ", theme.muted),
            (Some(_), true) => ("● ", theme.attending),
            (Some(_), false) => ("· ", theme.muted),
        };
        let mut spans = vec![
            Span::raw(" "),
            Span::styled(mark, mark_style),
            Span::raw(truncate(&p.name, width.saturating_sub(3))),
        ];
        let used = 3 + unicode_width::UnicodeWidthStr::width(p.name.as_str());
        if let Some(org) = p
            .organization
            .as_deref()
            .filter(|o| !o.is_empty() && used + 4 < width)
        {
            spans.push(Span::styled(
                format!("  {}", truncate(org, width - used - 2)),
                theme.muted,
            ));
        }
        let style = match (i == app.view.participant, focused) {
            (true, true) => theme.selected,
            (true, false) => theme.selected_idle,
            _ => Style::new(),
        };
        let rect = Rect {
            y,
            height: 1,
            ..inner
        };
        buf.set_style(rect, style);
        Line::from(spans).patch_style(style).render(rect, buf);
    }
}
