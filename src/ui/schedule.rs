//! A participant's schedule across all days, as a popup.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::geometry::{inner, popup};
use super::pane::popup_frame;
use super::text::truncate;
use super::theme::Theme;
use crate::app::{App, Schedule};
use crate::present::time_label;

/// Where the schedule goes over the `body`.
pub fn area(body: Rect) -> Rect {
    popup(body, 90)
}

pub fn render(app: &App, theme: &Theme, schedule: &Schedule, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    let Some(person) = app.mission().participants.get(schedule.participant) else {
        return;
    };
    let count = match schedule.visits.len() {
        1 => "1 visit".to_string(),
        n => format!("{n} visits"),
    };
    // The count first: a long name is what gets cut.
    let title = format!(" Schedule · {count} · {} ", person.name_and_organization());
    popup_frame(theme, &title, area, buf);
    let inner = inner(area);
    if schedule.visits.is_empty() {
        Line::styled(" No visits for this participant.", theme.muted).render(inner, buf);
        return;
    }
    let width = usize::from(inner.width);
    let rows = schedule
        .visits
        .iter()
        .enumerate()
        .skip(schedule.scroll)
        .take(usize::from(inner.height));
    for (y, (row, &v)) in (inner.y..).zip(rows) {
        let visit = &app.mission().visits[v];
        // The date on a day's first row, and on the top row when scrolled.
        let first_of_day = row == schedule.scroll
            || app.mission().visits[schedule.visits[row - 1]].date != visit.date;
        let date = if first_of_day {
            visit.date.format("%a %e %b").to_string()
        } else {
            String::new()
        };
        let mut text = visit.title.clone();
        if let Some(city) = visit.city.as_deref().filter(|c| !c.is_empty()) {
            text.push_str(&format!(" · {city}"));
        }
        let style = if row == schedule.selected {
            theme.selected
        } else {
            Style::new()
        };
        let line = Line::from(vec![
            Span::styled(format!(" {date:<10} "), theme.heading),
            Span::raw(format!("{:<11}  ", time_label(visit))),
            Span::raw(truncate(&text, width.saturating_sub(26))),
        ])
        .patch_style(style);
        let rect = Rect {
            y,
            height: 1,
            ..inner
        };
        buf.set_style(rect, style);
        line.render(rect, buf);
    }
}
