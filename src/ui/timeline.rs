//! The timeline pane: the selected day's visits, or every day (the
//! agenda). Each visit takes two rows: time, status marker and title; then
//! what it is and where: kind, status (when not confirmed), attendees
//! ("4 of 8", when not the whole delegation) and city. In the day view the
//! day's lodging and notes follow the visits. A visit with a problem of
//! the plan has a `!` before its time (in the colour of the worst one).
//! Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::geometry::inner;
use super::pane::{more_marks, pane_block};
use super::text::{truncate, wrap, wrap_indented};
use super::theme::Theme;
use crate::app::{App, Pane, VISIT_ROWS};
use crate::domain::problems::Severity;
use crate::domain::{Status, Visit};
use crate::present::{city, format_time, lodging_lines, long_date, time_label, time_label_at_home};

/// Width of the time column: "10:00–11:30".
const TIME_WIDTH: usize = 11;

/// On the road: the visit on now and the next one (indices into
/// `Mission::visits`), and in today's day view the row of the "now" line,
/// above the first visit that starts later.
#[derive(Clone, Copy, Debug, Default)]
pub struct Live {
    current: Option<usize>,
    next: Option<usize>,
    line: Option<(usize, chrono::NaiveTime)>,
}

pub fn live(app: &App) -> Live {
    let Some(road) = app.road() else {
        return Live::default();
    };
    let visits = app.day_visits();
    let line = (!app.view.all_days && app.today() == Some(app.view.day) && !visits.is_empty())
        .then(|| {
            let later = |&v: &usize| {
                app.mission().visits[v]
                    .start_in_mission_zone(app.mission().header.timezone)
                    .is_some_and(|start| start > road.now)
            };
            let pos = visits.iter().position(later).unwrap_or(visits.len());
            (pos * VISIT_ROWS, road.now.time())
        });
    Live {
        current: road.current.map(|slot| slot.visit),
        next: road.next.map(|slot| slot.visit),
        line,
    }
}

impl Live {
    /// The content row of the day view's visit row `row`, past the "now"
    /// line.
    fn shifted(&self, row: usize) -> usize {
        match self.line {
            Some((at, _)) if row >= at => row + 1,
            _ => row,
        }
    }

    fn mark(&self, index: usize) -> &'static str {
        if self.current == Some(index) {
            "▶"
        } else if self.next == Some(index) {
            "▷"
        } else {
            " "
        }
    }
}

/// The time column's width for the rows on screen: wide enough for an
/// overnight label ("22:40–06:50 +1d") when one is shown, so titles stay in
/// one column.
fn time_width(app: &App, live: &Live, rows: std::ops::Range<usize>) -> usize {
    rows.filter_map(|row| match target_in(app, live, row) {
        RowTarget::Visit { day, pos } => {
            let visit = &app.mission().visits[app.index().visits_on(day)[pos]];
            Some(row_time(app, visit).width())
        }
        _ => None,
    })
    .max()
    .unwrap_or(0)
    .max(TIME_WIDTH)
}

/// A visit's time as the timeline shows it: local, or on the home clock.
fn row_time(app: &App, visit: &Visit) -> String {
    match app.timeline_clock() {
        Some(clock) => time_label_at_home(&clock, visit),
        None => time_label(visit),
    }
}

/// " · Rome time" while the timeline is on the home clock.
fn clock_note(app: &App) -> String {
    app.timeline_clock()
        .map(|clock| format!(" · {} time", city(clock.home.name())))
        .unwrap_or_default()
}

pub fn title(app: &App) -> String {
    if app.view.all_days {
        return format!(
            " All days · {} visits{} ",
            app.index().visit_count(),
            clock_note(app)
        );
    }
    let Some(date) = app.index().date(app.view.day) else {
        return " Timeline ".into();
    };
    let mut title = format!(" {}", long_date(&app.mission().header, date));
    if let Some(city) = app.mission().day_info(date).and_then(|d| d.city.as_deref()) {
        title.push_str(&format!(" · {city}"));
    }
    title.push_str(&clock_note(app));
    title.push(' ');
    title
}

/// Rows of the day view taken by visits (or the "nothing scheduled" line),
/// and the "now" line.
fn visit_rows(app: &App, live: &Live) -> usize {
    app.day_visits().len().max(1) * VISIT_ROWS + usize::from(live.line.is_some())
}

/// Under the day's visits: where the delegation sleeps and the day's
/// notes, wrapped to `width`.
fn footer(app: &App, width: usize) -> Vec<String> {
    let Some(info) = app
        .index()
        .date(app.view.day)
        .and_then(|d| app.mission().day_info(d))
    else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    // "Lodging: " on the first line; the address and phone line up under
    // the name, as in the agendas.
    for (n, line) in lodging_lines(info).iter().enumerate() {
        let text = if n == 0 {
            line.clone()
        } else {
            format!("         {line}")
        };
        lines.extend(wrap_indented(&text, width, " ", "          "));
    }
    if let Some(notes) = info.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        lines.extend(wrap(notes.trim(), width, " "));
    }
    lines
}

/// Total rows of the pane's content at `width` columns.
pub fn content_rows(app: &App, width: usize) -> usize {
    if app.view.all_days {
        app.agenda().total()
    } else {
        let footer = footer(app, width).len();
        visit_rows(app, &live(app)) + if footer > 0 { footer + 1 } else { 0 }
    }
}

/// The rows the selection occupies (first, last), for scrolling.
pub fn selected_rows(app: &App) -> (usize, usize) {
    let row = if app.view.all_days {
        app.agenda().heading(app.view.day) + 1 + app.view.pos * VISIT_ROWS
    } else {
        live(app).shifted(app.view.pos * VISIT_ROWS)
    };
    // Keep a day's heading in view when its first visit is selected.
    let first = if app.view.all_days && app.view.pos == 0 {
        row - 1
    } else {
        row
    };
    (first, row + VISIT_ROWS - 1)
}

/// What is at content row `row`.
pub enum RowTarget {
    Day(usize),
    /// The row under the heading of a day without visits.
    Empty(usize),
    Visit {
        day: usize,
        pos: usize,
    },
    /// The "now" line.
    Now,
    Nothing,
}

pub fn target(app: &App, row: usize) -> RowTarget {
    target_in(app, &live(app), row)
}

fn target_in(app: &App, live: &Live, row: usize) -> RowTarget {
    if app.view.all_days {
        match app.agenda().locate(row) {
            Some((day, 0)) => RowTarget::Day(day),
            Some((day, offset)) => {
                let pos = (offset - 1) / VISIT_ROWS;
                if pos < app.index().visits_on(day).len() {
                    RowTarget::Visit { day, pos }
                } else {
                    RowTarget::Empty(day)
                }
            }
            None => RowTarget::Nothing,
        }
    } else {
        let row = match live.line {
            Some((at, _)) if row == at => return RowTarget::Now,
            Some((at, _)) if row > at => row - 1,
            _ => row,
        };
        let pos = row / VISIT_ROWS;
        if pos < app.day_visits().len() {
            RowTarget::Visit {
                day: app.view.day,
                pos,
            }
        } else {
            RowTarget::Nothing
        }
    }
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner = inner(area);
    let block: Block = pane_block(app, theme, Pane::Timeline, title(app));
    let total = content_rows(app, usize::from(inner.width));
    let shown = usize::from(inner.height);
    more_marks(block, theme, app.view.scroll.timeline, shown, total).render(area, buf);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let focused = app.view.focus == Pane::Timeline;
    let width = usize::from(inner.width);
    let mut y = inner.y;
    let mut row = app.view.scroll.timeline;
    let live = live(app);
    let time_width = time_width(app, &live, row..row + usize::from(inner.height));
    let footer = if app.view.all_days {
        Vec::new()
    } else {
        footer(app, width)
    };
    while y < inner.bottom() {
        let line = match target_in(app, &live, row) {
            RowTarget::Nothing if row == 0 && !app.view.all_days => {
                let text = if app.filter().is_empty() {
                    " Nothing scheduled for this day."
                } else {
                    " No visit this day matches the filter."
                };
                Line::styled(text, theme.muted)
            }
            RowTarget::Nothing if !app.view.all_days && row >= visit_rows(app, &live) => {
                match (row - visit_rows(app, &live)).checked_sub(1) {
                    None => Line::default(),
                    Some(i) => match footer.get(i) {
                        Some(text) => Line::styled(text.clone(), theme.muted),
                        None => break,
                    },
                }
            }
            RowTarget::Nothing => break,
            RowTarget::Day(day) => day_heading(app, theme, day, width),
            RowTarget::Now => now_line(live.line.map(|(_, t)| t), theme, width),
            RowTarget::Empty(_) => Line::styled(
                format!("{}nothing scheduled", " ".repeat(time_width + 4)),
                theme.muted,
            ),
            RowTarget::Visit { day, pos } => {
                let index = app.index().visits_on(day)[pos];
                let visit = &app.mission().visits[index];
                let first_row = row_of(app, &live, day, pos);
                let selected = day == app.view.day && pos == app.view.pos;
                let style = match (selected, focused) {
                    (true, true) => theme.selected,
                    (true, false) => theme.selected_idle,
                    _ => Style::new(),
                };
                let line = if row == first_row {
                    let problem = worst_problem(app, visit);
                    let time = row_time(app, visit);
                    first_line(
                        visit,
                        live.mark(index),
                        &time,
                        problem,
                        theme,
                        width,
                        time_width,
                    )
                } else {
                    second_line(app, visit, theme, width, time_width)
                };
                line.patch_style(style)
            }
        };
        let rect = Rect {
            y,
            height: 1,
            ..inner
        };
        buf.set_style(rect, line.style);
        line.render(rect, buf);
        y += 1;
        row += 1;
    }
}

fn row_of(app: &App, live: &Live, day: usize, pos: usize) -> usize {
    if app.view.all_days {
        app.agenda().heading(day) + 1 + pos * VISIT_ROWS
    } else {
        live.shifted(pos * VISIT_ROWS)
    }
}

/// "── now 13:20 ───────": where the clock is among today's visits.
fn now_line(time: Option<chrono::NaiveTime>, theme: &Theme, width: usize) -> Line<'static> {
    let label = time.map_or_else(String::new, |t| format!(" now {} ", format_time(t)));
    let rest = width.saturating_sub(label.width() + 2);
    Line::styled(
        truncate(&format!("──{label}{}", "─".repeat(rest)), width),
        theme.warning,
    )
}

fn day_heading(app: &App, theme: &Theme, day: usize, width: usize) -> Line<'static> {
    let Some(date) = app.index().date(day) else {
        return Line::default();
    };
    let mut text = format!(" {}", long_date(&app.mission().header, date));
    if let Some(city) = app.mission().day_info(date).and_then(|d| d.city.as_deref()) {
        text.push_str(&format!(" · {city}"));
    }
    Line::styled(truncate(&text, width), theme.heading)
}

fn marker(visit: &Visit) -> &'static str {
    match visit.status {
        Status::Confirmed => " ",
        Status::Tentative => "?",
        Status::Cancelled => "×",
    }
}

fn title_style(visit: &Visit, theme: &Theme) -> Style {
    match visit.status {
        Status::Confirmed => Style::new(),
        Status::Tentative => theme.tentative,
        Status::Cancelled => theme.cancelled,
    }
}

/// The most serious problem of the plan that concerns `visit`.
pub fn worst_problem(app: &App, visit: &Visit) -> Option<Severity> {
    if !app.problems().has_visit(visit.key) {
        return None;
    }
    app.problems().of_visit(visit.key).map(|p| p.severity).max()
}

/// The style of a problem's mark.
pub fn severity_style(theme: &Theme, severity: Severity) -> Style {
    match severity {
        Severity::Error => theme.error,
        Severity::Warning => theme.warning,
        Severity::Note => theme.muted,
    }
}

/// "!10:00–11:30 ? Osaka Prefectural Government": the `!` when the visit
/// has a problem, else `live` (the visit on now, the next one, or a
/// space): a problem is what needs doing something about.
fn first_line(
    visit: &Visit,
    live: &'static str,
    time: &str,
    mark: Option<Severity>,
    theme: &Theme,
    width: usize,
    time_width: usize,
) -> Line<'static> {
    let time = format!("{time:<time_width$}");
    let used = time.width() + 4;
    let mark = match mark {
        Some(severity) => Span::styled("!", severity_style(theme, severity)),
        None => Span::raw(live),
    };
    Line::from(vec![
        mark,
        Span::raw(time),
        Span::styled(format!(" {} ", marker(visit)), theme.warning),
        Span::styled(
            truncate(&visit.title, width.saturating_sub(used)),
            title_style(visit, theme),
        ),
    ])
}

/// "             meeting · tentative · 4 of 8 · Osaka": what the visit is,
/// then where (a long city name is what gets cut).
fn second_line(
    app: &App,
    visit: &Visit,
    theme: &Theme,
    width: usize,
    time_width: usize,
) -> Line<'static> {
    let mut parts: Vec<String> = vec![visit.kind.as_str().to_string()];
    if visit.status != Status::Confirmed {
        parts.push(visit.status.as_str().to_string());
    }
    if let Some(ids) = &visit.participants {
        let n = ids.len();
        let of = app.mission().participants.len();
        parts.push(format!("{n} of {of}"));
    }
    if let Some(city) = visit.city.as_deref().filter(|c| !c.is_empty()) {
        parts.push(city.to_string());
    }
    let indent = " ".repeat(time_width + 4);
    let text = parts.join(" · ");
    Line::from(vec![
        Span::raw(indent.clone()),
        Span::styled(
            truncate(&text, width.saturating_sub(indent.len())),
            theme.muted,
        ),
    ])
}
