//! The visit-detail pane: every field of the selected visit, notes
//! wrapped, attendees by name and organisation. The "Label  value" rows
//! are the fields the visit's description ([`crate::domain::schema`])
//! places there, in its order. The problems of the plan that concern the
//! visit come right under its time.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use super::geometry::inner;
use super::pane::{more_marks, pane_block};
use super::text::{wrap, wrap_indented};
use super::theme::Theme;
use super::timeline::severity_style;
use crate::app::{App, Pane};
use crate::domain::schema::{DAY, FieldSpec, FieldValue, Schema, VISIT, ValueKind};
use crate::domain::{Clock, Status, Visit};
use crate::present::{
    city, format_duration, format_time, long_date, time_label, time_label_at_home,
};

const LABEL_WIDTH: usize = 10;

/// The pane's lines for a content `width`; the UI scrolls through them.
pub fn lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let Some(index) = app.selected_index() else {
        return day_lines(app, theme, width);
    };
    let visit = &app.mission().visits[index];
    let mut out = Vec::new();
    let title_style = match visit.status {
        Status::Confirmed => theme.title,
        Status::Tentative => theme.title.patch(theme.tentative),
        Status::Cancelled => theme.title.patch(theme.cancelled),
    };
    for line in wrap(&visit.title, width, "") {
        out.push(Line::styled(line, title_style));
    }
    for line in join_pieces(&when(app, visit), width) {
        out.push(Line::styled(line, theme.muted));
    }
    // What is wrong with it, right under when it is.
    for problem in app.problems().of_visit(visit.key) {
        let text = format!("! {}: {}", problem.severity, problem.message);
        let style = severity_style(theme, problem.severity);
        for line in wrap_indented(&text, width, "", "  ") {
            out.push(Line::styled(line, style));
        }
    }
    out.push(Line::default());
    for (label, value) in rows(&VISIT, visit, true) {
        field_lines(&mut out, theme, width, label, &value);
    }

    out.push(Line::default());
    let attendees: Vec<_> = app.mission().attendees(visit).collect();
    let heading = match &visit.participants {
        None => format!("Attendees · whole delegation ({})", attendees.len()),
        Some(_) => format!(
            "Attendees · {} of {}",
            attendees.len(),
            app.mission().participants.len()
        ),
    };
    for line in wrap(&heading, width, "") {
        out.push(Line::styled(line, theme.heading));
    }
    if attendees.is_empty() {
        out.push(Line::styled("  nobody yet", theme.muted));
    }
    for p in attendees {
        for line in wrap_indented(&p.name_and_organization(), width, "  ", "    ") {
            out.push(Line::raw(line));
        }
    }
    if let Some(notes) = visit.notes.as_deref().filter(|n| !n.trim().is_empty()) {
        out.push(Line::default());
        out.push(Line::styled("Notes", theme.heading));
        for line in wrap(notes.trim(), width, "  ") {
            out.push(Line::raw(line));
        }
    }
    out
}

/// "Monday 14 November · 10:00–11:30 (1h30) · Rome 02:00–03:30"
fn when(app: &App, visit: &Visit) -> Vec<String> {
    let mut pieces = vec![long_date(&app.mission().header, visit.date)];
    let mut time = time_label(visit);
    // In real time: a flight that lands in another zone lasts what it
    // really lasts.
    let zone = app.mission().header.timezone;
    if let Some(duration) = visit.real_duration(zone).or(visit.duration()) {
        time.push_str(&format!(" ({})", format_duration(duration)));
    }
    pieces.push(time);
    let header = &app.mission().header;
    if let (true, Some(trip), Some(home)) =
        (app.config.home_clock, header.timezone, header.home_timezone)
    {
        let clock = Clock { trip, home };
        if visit.start.is_some() {
            let home_time = time_label_at_home(&clock, visit);
            pieces.push(format!("{} {home_time}", city(home.name())));
        }
    }
    pieces
}

/// Pieces joined by " · ", a line broken only between pieces (a piece
/// wider than the line is wrapped on its own), so "09:30–11:00" is never
/// split.
fn join_pieces(pieces: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for piece in pieces {
        let joined = if current.is_empty() {
            piece.clone()
        } else {
            format!("{current} · {piece}")
        };
        if joined.width() <= width || current.is_empty() {
            current = joined;
        } else {
            lines.push(std::mem::take(&mut current));
            current = piece.clone();
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
        .into_iter()
        .flat_map(|l| wrap(&l, width, ""))
        .collect()
}

/// With no visit selected: the day's city, lodging and notes.
fn day_lines(app: &App, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let Some(date) = app.index().date(app.view.day) else {
        return out;
    };
    out.push(Line::styled(
        date.format("%A %-d %B %Y").to_string(),
        theme.title,
    ));
    out.push(Line::styled("No visit on this day.", theme.muted));
    out.push(Line::default());
    if let Some(info) = app.mission().day_info(date) {
        for (label, value) in rows(&DAY, info, false) {
            field_lines(&mut out, theme, width, label, &value);
        }
    }
    out
}

/// The "Label  value" rows of `entity`, in the order its description
/// gives them: a choice shows its word (the default when the file leaves
/// it out), any other field only when it has a value and, with
/// `skip_blank`, a text only when it is not blank.
fn rows<E>(schema: &Schema<E>, entity: &E, skip_blank: bool) -> Vec<(&'static str, String)> {
    let shown = |spec: &FieldSpec<E>| -> Option<String> {
        let value = match (spec.get)(entity) {
            Some(value) => value,
            None => match spec.kind {
                ValueKind::Choice(choice) => FieldValue::Word(choice.default),
                _ => return None,
            },
        };
        Some(match value {
            FieldValue::Text(text) if skip_blank && text.trim().is_empty() => return None,
            FieldValue::Text(text) => text,
            FieldValue::Word(word) => word.to_string(),
            FieldValue::List(list) => list.join(", "),
            FieldValue::Date(date) => date.to_string(),
            FieldValue::Time(time) => format_time(time),
            FieldValue::Zone(tz) => tz.name().to_string(),
            FieldValue::Minutes(minutes) => minutes.to_string(),
        })
    };
    schema
        .detail_rows()
        .into_iter()
        .filter_map(|spec| Some((spec.label, shown(spec)?)))
        .collect()
}

/// "Label     value", the value wrapped under itself.
fn field_lines(
    out: &mut Vec<Line<'static>>,
    theme: &Theme,
    width: usize,
    label: &str,
    value: &str,
) {
    let indent = " ".repeat(LABEL_WIDTH);
    let wrapped = wrap(value, width.saturating_sub(LABEL_WIDTH).max(8), "");
    for (i, line) in wrapped.into_iter().enumerate() {
        let first = if i == 0 {
            Span::styled(format!("{label:<LABEL_WIDTH$}"), theme.label)
        } else {
            Span::raw(indent.clone())
        };
        out.push(Line::from(vec![first, Span::raw(line)]));
    }
}

/// Columns for text inside the pane's border and padding.
pub fn text_width(inner: Rect) -> usize {
    usize::from(inner.width.saturating_sub(2))
}

pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let inner_area = inner(area);
    let lines = lines(app, theme, text_width(inner_area));
    let shown = usize::from(inner_area.height);
    let max_scroll = lines.len().saturating_sub(shown);
    let scroll = app.view.scroll.detail.min(max_scroll);
    let block = pane_block(app, theme, Pane::Detail, " Visit ".to_string())
        .padding(ratatui::widgets::Padding::horizontal(1));
    let block = more_marks(block, theme, scroll, shown, lines.len());
    let visible: Vec<Line> = lines
        .into_iter()
        .skip(scroll)
        .take(usize::from(inner_area.height))
        .collect();
    Paragraph::new(visible).block(block).render(area, buf);
}
