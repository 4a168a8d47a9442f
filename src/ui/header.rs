//! The title line (mission, dates, clocks) and the day bar.

use chrono::NaiveDate;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use super::text::truncate;
use super::theme::Theme;
use crate::app::App;
use crate::present::{city, date_range, format_time, short_date};

pub fn render_title(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let header = &app.mission().header;
    let room = usize::from(area.width);
    let dates = format!(" · {}", date_range(header.start, header.end));
    // The dates are worth more than the end of a long title: the title is
    // cut to leave room for them. The clocks take what room is left, the
    // home clock going first.
    let clocks = clocks(app);
    let title_room = room.saturating_sub(dates.width()).max(room.min(20));
    let title = truncate(&format!(" {}", header.title), title_room);
    let dates = if title.width() + dates.width() <= room {
        dates
    } else {
        String::new()
    };
    let left = title.width() + dates.width();
    let clocks = (1..=clocks.len())
        .rev()
        .map(|n| clocks[..n].join(" · "))
        .find(|c| left + 3 + c.width() < room);
    let mut spans = vec![
        Span::styled(title, theme.title),
        Span::styled(dates, theme.muted),
    ];
    if let Some(clocks) = clocks {
        let pad = room - left - clocks.width() - 1;
        spans.push(Span::raw(" ".repeat(pad)));
        spans.push(Span::styled(clocks, theme.muted));
    }
    Line::from(spans).render(area, buf);
}

/// "Tokyo 14:32 · Rome 06:32": the trip's local time and, when set and
/// enabled, the home time.
fn clocks(app: &App) -> Vec<String> {
    let Some(now) = app.now else {
        return Vec::new();
    };
    let header = &app.mission().header;
    let mut parts = Vec::new();
    if let Some(tz) = header.timezone {
        parts.push(format!(
            "{} {}",
            city(tz.name()),
            format_time(now.with_timezone(&tz).time())
        ));
    }
    if app.config.home_clock {
        if let Some(tz) = header.home_timezone {
            parts.push(format!(
                "{} {}",
                city(tz.name()),
                format_time(now.with_timezone(&tz).time())
            ));
        }
    }
    parts
}

/// One entry of the day bar: which day, where it is drawn, its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayItem {
    pub day: usize,
    pub x: u16,
    pub width: u16,
    pub label: String,
}

/// The day bar's entries for a bar `width` columns wide: "Mon 14 Osaka" when
/// everything fits, "Mon 14" when it does not, and a window around the
/// selected day when even that is too wide.
pub fn day_items(app: &App, width: u16) -> Vec<DayItem> {
    let dates = app.index().dates();
    let label = |date: NaiveDate, with_city: bool| {
        let mut label = short_date(&app.mission().header, date);
        if with_city {
            if let Some(city) = app.mission().day_info(date).and_then(|d| d.city.as_deref()) {
                label.push(' ');
                label.push_str(city);
            }
        }
        label
    };
    let total = |labels: &[String]| -> usize {
        // Each label is padded by a space on both sides and followed by "│".
        labels.iter().map(|l| l.width() + 3).sum::<usize>()
    };
    let available = usize::from(width).saturating_sub(4);
    // Long missions: never lay out more than a screenful of days.
    let window = available / 6 + 1;
    let first = app
        .view
        .day
        .saturating_sub(window / 2)
        .min(dates.len().saturating_sub(window));
    let candidates: Vec<usize> = (first..dates.len().min(first + window)).collect();
    let with_city: Vec<String> = candidates.iter().map(|&d| label(dates[d], true)).collect();
    let labels = if total(&with_city) <= available {
        with_city
    } else {
        candidates.iter().map(|&d| label(dates[d], false)).collect()
    };
    // Shrink the window around the selection until it fits.
    let (mut lo, mut hi) = (0, labels.len());
    while hi > lo + 1 && total(&labels[lo..hi]) > available {
        let selected = app.view.day - first;
        if selected - lo > hi - 1 - selected {
            lo += 1;
        } else {
            hi -= 1;
        }
    }
    let mut x = 2u16;
    let mut items = Vec::with_capacity(hi - lo);
    for (i, label) in labels[lo..hi].iter().enumerate() {
        let w = label.width() as u16 + 2;
        items.push(DayItem {
            day: candidates[lo + i],
            x,
            width: w,
            label: format!(" {label} "),
        });
        x += w + 1;
    }
    items
}

pub fn render_days(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let items = day_items(app, area.width);
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    if first.day > 0 {
        buf.set_string(area.x, area.y, "‹", theme.muted);
    }
    for item in &items {
        let style = if item.day == app.view.day {
            theme.day_selected
        } else {
            theme.day
        };
        if item.x + item.width <= area.width {
            buf.set_string(area.x + item.x, area.y, &item.label, style);
            if item.day != last.day {
                buf.set_string(area.x + item.x + item.width, area.y, "│", theme.muted);
            }
        }
    }
    if last.day + 1 < app.index().len() {
        let x = (last.x + last.width + 1).min(area.width.saturating_sub(1));
        buf.set_string(area.x + x, area.y, "›", theme.muted);
    }
}
