//! Drawing the planner, and mapping the mouse back to what was drawn.
//!
//! Rendering is a pure function of `&App` ([`render`]). Each pane has its
//! own module and draws only the rows that are visible, so drawing costs
//! the same for ten visits and for a hundred thousand. The one place the UI
//! writes to the app is [`settle`], run after every update: it lays out the
//! screen, tells the app how many rows each pane shows and moves scroll
//! offsets so the selection stays visible. [`hit`] turns a mouse position
//! into a [`Msg`] using the same layout.

pub mod detail;
pub mod dialog;
pub mod filter;
pub mod form;
mod form_text;
pub mod geometry;
pub mod header;
pub mod help;
pub mod layout;
mod pane;
pub mod participants;
pub mod problems;
pub mod schedule;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Mode, Msg, Pane, Viewport};
use geometry::{inner, scroll_to};
use layout::{Areas, Arrangement, MIN_HEIGHT, MIN_WIDTH};
use theme::Theme;

pub fn render(frame: &mut Frame, app: &App) {
    let area = frame.area();
    draw(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf`.
pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = Theme::new(app.config.theme);
    if layout::arrangement(area) == Arrangement::TooSmall {
        too_small(area, buf);
        return;
    }
    let areas = layout::areas(app, area);
    header::render_title(app, &theme, areas.title, buf);
    header::render_days(app, &theme, areas.days, buf);
    if let Some(tabs) = areas.tabs {
        render_tabs(app, &theme, tabs, buf);
    }
    if let Some(a) = areas.timeline {
        timeline::render(app, &theme, a, buf);
    }
    if let Some(a) = areas.detail {
        detail::render(app, &theme, a, buf);
    }
    if let Some(a) = areas.participants {
        participants::render(app, &theme, a, buf);
    }
    status::render(app, &theme, areas.status, buf);
    if let Mode::Prompt(prompt) = &app.mode {
        dialog::render_prompt(prompt, &theme, areas.status, buf);
    }
    if let Some(popup) = areas.popup {
        match &app.mode {
            Mode::Normal | Mode::Prompt(_) => {}
            Mode::Help { scroll } => help::render(app, &theme, *scroll, popup, buf),
            Mode::Schedule(schedule) => schedule::render(app, &theme, schedule, popup, buf),
            Mode::Problems(list) => problems::render(app, &theme, list, popup, buf),
            Mode::Form(f) => form::render(f, &app.config.keymap, &theme, popup, buf),
            Mode::Confirm(confirm) => dialog::render_confirm(app, confirm, &theme, popup, buf),
            Mode::Filter(picker) => filter::render(picker, &app.config.keymap, &theme, popup, buf),
        }
    }
}

/// What a terminal below the minimum size shows: the longest of a few
/// messages that fits without breaking a word, or nothing at all.
fn too_small(area: Rect, buf: &mut Buffer) {
    let (w, h) = (area.width, area.height);
    let candidates = [
        format!("Terminal too small ({w}x{h}). itinera needs at least {MIN_WIDTH}x{MIN_HEIGHT}."),
        format!("Too small ({w}x{h}): needs {MIN_WIDTH}x{MIN_HEIGHT}."),
        "Too small".to_string(),
    ];
    let width = usize::from(w);
    let fits = |lines: &[String]| {
        lines.len() <= usize::from(h) && lines.iter().all(|l| l.width() <= width)
    };
    let text = candidates
        .iter()
        .map(|text| {
            let options = textwrap::Options::new(width.max(1)).break_words(false);
            textwrap::wrap(text, options)
                .into_iter()
                .map(|line| line.into_owned())
                .collect::<Vec<_>>()
        })
        .find(|lines| fits(lines))
        .unwrap_or_default();
    Paragraph::new(text.join("\n")).render(area, buf);
}

/// The one-row pane switcher of the single-pane arrangement.
fn render_tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut spans = vec![Span::raw(" ")];
    for (pane, _) in tab_ranges() {
        let style = if pane == app.view.focus {
            theme.day_selected
        } else {
            theme.muted
        };
        spans.push(Span::styled(format!(" {} ", pane.title()), style));
        spans.push(Span::raw(" "));
    }
    if let Some(hint) = tab_hint(app, usize::from(area.width)) {
        spans.push(Span::styled(hint, theme.muted));
    }
    Line::from(spans).render(area, buf);
}

/// What follows the tabs: " Tab switches", or just the key when that is
/// all there is room for, or nothing; never a word cut short.
fn tab_hint(app: &App, width: usize) -> Option<String> {
    let key = app
        .config
        .keymap
        .hint_label(crate::input::Action::FocusNext)?;
    let tabs_end = tab_ranges()
        .last()
        .map_or(0, |(_, range)| usize::from(range.end) + 1);
    [format!(" {key} switches"), format!(" {key}")]
        .into_iter()
        .find(|hint| tabs_end + hint.width() <= width)
}

/// Each tab's pane and its column range in the tab row.
fn tab_ranges() -> Vec<(Pane, std::ops::Range<u16>)> {
    let mut x = 1u16;
    Pane::ALL
        .iter()
        .map(|&pane| {
            let width = pane.title().width() as u16 + 2;
            let range = x..x + width;
            x += width + 1;
            (pane, range)
        })
        .collect()
}

/// Fits the view to the screen after an update: records the rows each pane
/// shows, and scrolls so that the selection is visible.
pub fn settle(app: &mut App, area: Rect) {
    let areas = layout::areas(app, area);
    let rows = |a: Option<Rect>| a.map_or(0, |a| usize::from(inner(a).height));
    app.view.viewport = Viewport {
        timeline: rows(areas.timeline),
        detail: rows(areas.detail),
        participants: rows(areas.participants),
        popup: rows(areas.popup),
    };
    let theme = Theme::new(app.config.theme);

    let (first, last) = timeline::selected_rows(app);
    let timeline_width = areas.timeline.map_or(0, |a| usize::from(inner(a).width));
    app.view.scroll.timeline = scroll_to(
        app.view.scroll.timeline,
        first,
        last,
        app.view.viewport.timeline,
        timeline::content_rows(app, timeline_width),
    );
    app.view.scroll.participants = scroll_to(
        app.view.scroll.participants,
        app.view.participant,
        app.view.participant,
        app.view.viewport.participants,
        app.mission().participants.len(),
    );
    if let Some(detail) = areas.detail {
        let width = detail::text_width(inner(detail));
        let total = detail::lines(app, &theme, width).len();
        app.view.scroll.detail = app
            .view
            .scroll
            .detail
            .min(total.saturating_sub(app.view.viewport.detail));
    }
    let popup_rows = app.view.viewport.popup;
    let help_rows = match app.mode {
        Mode::Help { .. } => help::lines(app, &theme).len(),
        _ => 0,
    };
    let problem_rows = match &app.mode {
        Mode::Problems(list) => problems::selected_row(app.problems(), list.selected),
        _ => (0, 0),
    };
    match &mut app.mode {
        Mode::Schedule(s) => {
            s.scroll = scroll_to(s.scroll, s.selected, s.selected, popup_rows, s.visits.len());
        }
        Mode::Help { scroll } => {
            *scroll = (*scroll).min(help_rows.saturating_sub(popup_rows));
        }
        Mode::Problems(list) => {
            let (row, total) = problem_rows;
            // The heading of the first problem's day stays in view.
            let first = if list.selected == 0 { 0 } else { row };
            let shown = problems::list_rows(popup_rows);
            list.scroll = scroll_to(list.scroll, first, row, shown, total);
        }
        Mode::Form(f) => {
            let rows = areas.popup.map_or(0, form::content_rows);
            let total: usize = f
                .fields
                .iter()
                .map(|field| usize::from(form::field_height(field)))
                .sum();
            let (first, last) = form::focus_rows(f);
            f.scroll = scroll_to(f.scroll, first, last, rows, total);
            if let Some(popup) = areas.popup {
                form::settle(f, popup);
            }
        }
        Mode::Prompt(prompt) => {
            let label = prompt.label(usize::from(areas.status.width)).width();
            let label = u16::try_from(label).unwrap_or(u16::MAX);
            let width = areas.status.width.saturating_sub(label);
            // A password is scrolled as it is drawn, one dot a character.
            let mut shown = prompt.shown();
            form_text::settle_line(&mut shown, usize::from(width));
            prompt.input.scroll = shown.scroll;
        }
        Mode::Normal | Mode::Confirm(_) | Mode::Filter(_) => {}
    }
}

/// What a mouse event at (`column`, `row`) means.
pub fn hit(app: &App, area: Rect, column: u16, row: u16, wheel: Option<i32>) -> Option<Msg> {
    let areas: Areas = layout::areas(app, area);
    let at = Position::new(column, row);
    if let Some(popup) = areas.popup {
        if !popup.contains(at) {
            return None;
        }
        let inner = inner(popup);
        return match (&app.mode, wheel) {
            (_, Some(lines)) => Some(Msg::Scroll {
                pane: Pane::Timeline,
                lines,
            }),
            (Mode::Schedule(s), None) if inner.contains(at) => Some(Msg::SelectScheduleRow(
                s.scroll + usize::from(row - inner.y),
            )),
            _ => None,
        };
    }
    if wheel.is_none() && areas.days.contains(at) {
        let x = column - areas.days.x;
        return header::day_items(app, areas.days.width)
            .into_iter()
            .find(|item| (item.x..item.x + item.width).contains(&x))
            .map(|item| Msg::SelectDay(item.day));
    }
    if let Some(tabs) = areas.tabs.filter(|t| wheel.is_none() && t.contains(at)) {
        let x = column - tabs.x;
        return tab_ranges()
            .into_iter()
            .find(|(_, range)| range.contains(&x))
            .map(|(pane, _)| Msg::Focus(pane));
    }
    let pane_at =
        |pane: Pane, rect: Option<Rect>| rect.filter(|r| r.contains(at)).map(|r| (pane, r));
    let (pane, rect) = pane_at(Pane::Timeline, areas.timeline)
        .or_else(|| pane_at(Pane::Detail, areas.detail))
        .or_else(|| pane_at(Pane::Participants, areas.participants))?;
    if let Some(lines) = wheel {
        return Some(Msg::Scroll { pane, lines });
    }
    let inner = inner(rect);
    if !inner.contains(at) {
        return Some(Msg::Focus(pane));
    }
    let line = usize::from(row - inner.y);
    match pane {
        Pane::Timeline => match timeline::target(app, app.view.scroll.timeline + line) {
            timeline::RowTarget::Visit { day, pos } => Some(Msg::SelectVisit { day, pos }),
            timeline::RowTarget::Day(day) | timeline::RowTarget::Empty(day) => {
                Some(Msg::SelectDay(day))
            }
            timeline::RowTarget::Now | timeline::RowTarget::Nothing => {
                Some(Msg::Focus(Pane::Timeline))
            }
        },
        Pane::Participants => {
            let p = app.view.scroll.participants + line;
            if p < app.mission().participants.len() {
                Some(Msg::SelectParticipant(p))
            } else {
                Some(Msg::Focus(Pane::Participants))
            }
        }
        Pane::Detail => Some(Msg::Focus(Pane::Detail)),
    }
}
