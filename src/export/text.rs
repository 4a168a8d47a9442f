//! The plain-text agenda a cluster manager sends to the delegation.

use std::borrow::Cow;

use textwrap::WordSplitter;
use unicode_width::UnicodeWidthStr;

use super::Scope;
use crate::domain::{DayIndex, Kind, Mission, Status, Visit};
use crate::present::{date_range, time_label};

/// Columns before a visit's time label.
const INDENT: usize = 2;
/// Columns between the time label and the text column.
const GAP: usize = 2;

/// The agenda for `scope`: title and dates, then each day under a heading
/// with its visits. Lines are at most `scope.width` columns wide (a single
/// word wider than that is broken), measured in terminal columns, so
/// accented and CJK text line up. Words are never split at their hyphens:
/// "1-14-16" and "Kamigyo-ku" are addresses, not prose.
///
/// Visit text starts in one column, after the widest time label, but never
/// past half the width, so a long label ("22:00–06:00 +10d") cannot squeeze
/// the text out of a narrow agenda; a label that does not fit before the
/// text column gets a line of its own.
///
/// Control characters from the file (ESC, BEL, backspace...) are dropped,
/// as the planner's screen drops them: an agenda printed to a terminal
/// must not ring it, move its cursor or recolour it. A tab becomes a space.
pub fn agenda(mission: &Mission, scope: &Scope) -> String {
    let width = scope.width.max(20);
    let mut out = Agenda {
        text: String::new(),
        width,
    };
    out.header(mission, scope);

    let index = DayIndex::build(mission);
    let in_scope = |v: &&Visit| {
        scope
            .participant
            .as_deref()
            .is_none_or(|id| v.attended_by(id))
    };
    let label_width = mission
        .visits
        .iter()
        .filter(in_scope)
        .map(|v| time_label(v).width())
        .max()
        .unwrap_or(0)
        .max("time tbc".len());
    let text_column = (INDENT + label_width + GAP).min(width / 2);

    for (day, &date) in index.dates().iter().enumerate() {
        if scope.day.is_some_and(|d| d != date) {
            continue;
        }
        out.blank();
        let info = mission.day_info(date);
        let mut heading = date.format("%A %-d %B %Y").to_string();
        if let Some(city) = info.and_then(|d| d.city.as_deref()) {
            heading.push_str(&format!(" · {}", printable(city)));
        }
        out.para(&heading, "", "");
        out.line(&"-".repeat(heading.width().min(width)));
        if let Some(lodging) = info.and_then(|d| d.lodging.as_deref()) {
            out.para(&format!("Lodging: {lodging}"), "", "  ");
        }
        if let Some(notes) = info.and_then(|d| d.notes.as_deref()) {
            out.paragraphs(notes, "");
        }
        let visits: Vec<&Visit> = index
            .visits_on(day)
            .iter()
            .map(|&i| &mission.visits[i])
            .filter(in_scope)
            .collect();
        if visits.is_empty() {
            out.blank();
            let indent = " ".repeat(INDENT);
            out.para("(nothing scheduled)", &indent, &indent);
        }
        for visit in visits {
            out.blank();
            out.visit(mission, visit, text_column);
        }
    }
    out.text
}

/// Text wrapped to `width` columns, built line by line; also used for the
/// report of what changed (`crate::diff`).
pub(crate) struct Agenda {
    pub(crate) text: String,
    pub(crate) width: usize,
}

impl Agenda {
    /// The mission's title, dates, organizer, whose agenda it is and its
    /// summary.
    fn header(&mut self, mission: &Mission, scope: &Scope) {
        let header = &mission.header;
        self.para(&header.title, "", "");
        let mut when = date_range(header.start, header.end);
        if let Some(tz) = header.timezone {
            when.push_str(&format!(" · times are local ({})", tz.name()));
        }
        self.para(&when, "", "");
        if let Some(org) = &header.organizer {
            self.para(&format!("Organizer: {org}"), "", "");
        }
        let person = scope
            .participant
            .as_deref()
            .and_then(|id| mission.participant(id));
        if let Some(p) = person {
            self.para(&format!("Agenda for {}", p.name_and_organization()), "", "");
        }
        if let Some(summary) = &header.summary {
            self.blank();
            self.paragraphs(summary, "");
        }
    }

    pub(crate) fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    pub(crate) fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// One paragraph, wrapped, with separate first-line and continuation
    /// indents.
    pub(crate) fn para(&mut self, text: &str, first: &str, rest: &str) {
        let text = printable(text);
        let options = textwrap::Options::new(self.width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(WordSplitter::NoHyphenation);
        for line in textwrap::wrap(&text, options) {
            self.line(&line);
        }
    }

    /// Text with its own line breaks kept, each line wrapped at `indent`.
    pub(crate) fn paragraphs(&mut self, text: &str, indent: &str) {
        for paragraph in printable(text).trim().lines() {
            if paragraph.trim().is_empty() {
                self.line("");
            } else {
                self.para(paragraph, indent, indent);
            }
        }
    }

    /// A visit: the time label, then its text from `text_column` on.
    fn visit(&mut self, mission: &Mission, visit: &Visit, text_column: usize) {
        let label = time_label(visit);
        let text_indent = " ".repeat(text_column);
        let indent = text_indent.as_str();
        let first = match text_column.checked_sub(INDENT + label.width() + GAP) {
            Some(pad) => format!("{}{label}{}", " ".repeat(INDENT), " ".repeat(GAP + pad)),
            None => {
                let margin = " ".repeat(INDENT);
                self.para(&label, &margin, &margin);
                text_indent.clone()
            }
        };
        let marker = match visit.status {
            Status::Confirmed => "",
            Status::Tentative => "[TENTATIVE] ",
            Status::Cancelled => "[CANCELLED] ",
        };
        self.para(&format!("{marker}{}", visit.title), &first, indent);

        let place = place(visit);
        let what = match visit.kind {
            Kind::Other => place,
            kind if place.is_empty() => capitalized(kind.as_str()),
            kind => format!("{} · {place}", capitalized(kind.as_str())),
        };
        if !what.is_empty() {
            self.para(&what, indent, indent);
        }
        if let Some(host) = &visit.host {
            self.para(&format!("Host: {host}"), indent, indent);
        }
        if let Some(contact) = &visit.contact {
            self.para(&format!("Contact: {contact}"), indent, indent);
        }
        let who = match &visit.participants {
            None => "whole delegation".to_string(),
            Some(_) => {
                let names: Vec<String> = mission.attendees(visit).map(|p| p.name.clone()).collect();
                if names.is_empty() {
                    "nobody yet".to_string()
                } else {
                    names.join(", ")
                }
            }
        };
        self.para(&format!("Attendees: {who}"), indent, indent);
        if let Some(notes) = &visit.notes {
            self.paragraphs(notes, indent);
        }
    }
}

/// `text` without control characters, except line breaks; a tab becomes
/// a space.
fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// "Venue, address, city", leaving out the city when the venue or address
/// already names it.
fn place(visit: &Visit) -> String {
    let mut parts: Vec<&str> = [&visit.venue, &visit.address]
        .into_iter()
        .filter_map(|s| s.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if let Some(city) = visit
        .city
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        if !parts.iter().any(|p| p.contains(city)) {
            parts.push(city);
        }
    }
    parts.join(", ")
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
