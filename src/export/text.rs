//! The plain-text agenda a cluster manager sends to the delegation, read
//! in an e-mail: who the delegation is, then each day with where it
//! sleeps and what it does.

use std::borrow::Cow;

use textwrap::WordSplitter;
use unicode_width::UnicodeWidthStr;

use super::{Scope, attendance, attendance_rule, capitalized, day_number, days_in_scope, place};
use crate::domain::{Kind, Mission, Participant, Status, Visit};
use crate::present::{date_range, lodging_lines, time_label};

/// Columns before a visit's time label.
const INDENT: usize = 2;
/// Columns between the time label and the text column.
const GAP: usize = 2;
/// "Lodging: ", under which the lodging's address and phone line up.
const LODGING_INDENT: &str = "         ";

/// The agenda for `scope`: title and dates, the summary, the delegation
/// with how to reach each person, then each day under a heading with its
/// lodging and visits. With `scope.day`, a compact heading (title, which
/// day of the mission, time zone) instead of the summary and delegation.
///
/// "Whole delegation" is said once at the top: a visit names who attends
/// only when that is not everyone, and in one person's agenda the others
/// who come ("With: …"). Cancelled visits are left out unless
/// `scope.include_cancelled`, and then marked `[CANCELLED]`.
///
/// Lines are at most `scope.width` columns wide (a single word wider than
/// that is broken), measured in terminal columns, so accented and CJK text
/// line up. Words are never split at their hyphens: "1-14-16" and
/// "Kamigyo-ku" are addresses, not prose.
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
    let person = scope
        .participant
        .as_deref()
        .and_then(|id| mission.participant(id));
    match scope.day {
        Some(day) => out.day_header(mission, day, person),
        None => {
            out.header(mission, person);
            out.delegation(&mission.participants);
        }
    }

    let days = days_in_scope(mission, scope);
    let label_width = days
        .iter()
        .flat_map(|(_, visits)| visits)
        .map(|&i| time_label(&mission.visits[i]).width())
        .max()
        .unwrap_or(0)
        .max("time tbc".len());
    let text_column = (INDENT + label_width + GAP).min(width / 2);

    for (date, visits) in days {
        out.blank();
        let info = mission.day_info(date);
        let mut heading = date.format("%A %-d %B %Y").to_string();
        if let Some(city) = info.and_then(|d| d.city.as_deref()) {
            heading.push_str(&format!(" · {}", printable(city)));
        }
        out.para(&heading, "", "");
        out.line(&"-".repeat(heading.width().min(width)));
        for (n, line) in info
            .map(lodging_lines)
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
            let first = if n == 0 { "" } else { LODGING_INDENT };
            out.para(line, first, LODGING_INDENT);
        }
        if let Some(notes) = info.and_then(|d| d.notes.as_deref()) {
            out.paragraphs(notes, "");
        }
        if visits.is_empty() {
            out.blank();
            let indent = " ".repeat(INDENT);
            out.para("(nothing scheduled)", &indent, &indent);
        }
        for i in visits {
            out.blank();
            out.visit(mission, &mission.visits[i], person, text_column);
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
    /// Title, dates and zone, organizer, whose agenda it is, the summary
    /// and the rule for who attends.
    fn header(&mut self, mission: &Mission, person: Option<&Participant>) {
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
        if let Some(p) = person {
            self.para(&format!("Agenda for {}", p.name_and_organization()), "", "");
        }
        if let Some(summary) = &header.summary {
            self.blank();
            self.paragraphs(summary, "");
        }
        if let Some(rule) = attendance_rule(mission, person.is_some()) {
            self.blank();
            self.para(rule, "", "");
        }
    }

    /// The heading of a one-day agenda: the title with which day of the
    /// mission it is and the zone, whose agenda it is, and the rule for
    /// who attends.
    fn day_header(
        &mut self,
        mission: &Mission,
        day: chrono::NaiveDate,
        person: Option<&Participant>,
    ) {
        let header = &mission.header;
        let mut title = header.title.clone();
        if let Some(number) = day_number(mission, day) {
            title.push_str(&format!(" · {number}"));
        }
        self.para(&title, "", "");
        if let Some(tz) = header.timezone {
            self.para(&format!("Times are local ({})", tz.name()), "", "");
        }
        if let Some(p) = person {
            self.para(&format!("Agenda for {}", p.name_and_organization()), "", "");
        }
        if let Some(rule) = attendance_rule(mission, person.is_some()) {
            self.para(rule, "", "");
        }
    }

    /// Everyone, with how to reach them: "Name · Organization · Role ·
    /// e-mail · phone", one person a paragraph.
    fn delegation(&mut self, participants: &[Participant]) {
        if participants.is_empty() {
            return;
        }
        self.blank();
        self.line("Delegation");
        self.line("----------");
        for p in participants {
            let parts: Vec<&str> = std::iter::once(p.name.as_str())
                .chain(
                    [&p.organization, &p.role, &p.email, &p.phone]
                        .into_iter()
                        .filter_map(|f| f.as_deref())
                        .map(str::trim)
                        .filter(|t| !t.is_empty()),
                )
                .collect();
            self.para(&parts.join(" · "), "", "  ");
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
        if let Some(line) = fitting(&text, first, self.width) {
            self.line(&line);
            return;
        }
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
    fn visit(
        &mut self,
        mission: &Mission,
        visit: &Visit,
        person: Option<&Participant>,
        text_column: usize,
    ) {
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
        if let Some(who) = attendance(mission, visit, person, str::to_string) {
            self.para(&who, indent, indent);
        }
        if let Some(notes) = &visit.notes {
            self.paragraphs(notes, indent);
        }
    }
}

/// `text` without control characters, except line breaks; a tab becomes
/// a space.
/// The one line a paragraph makes when it fits the width as it is:
/// what textwrap makes of it, without its work of splitting into words
/// and choosing breaks (most lines of an agenda fit).
fn fitting(text: &str, first: &str, width: usize) -> Option<String> {
    let plain = !text.contains('\n');
    let fits = || {
        use textwrap::core::display_width;
        display_width(first) + display_width(text) <= width
    };
    (plain && fits()).then(|| format!("{first}{text}"))
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What textwrap makes of a paragraph, as lines.
    fn wrapped(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
        let options = textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_splitter(WordSplitter::NoHyphenation);
        textwrap::wrap(text, options)
            .iter()
            .map(|l| l.trim_end().to_owned())
            .collect()
    }

    proptest! {
        /// A line that fits comes out as textwrap gives it.
        #[test]
        fn a_fitting_line_is_what_textwrap_makes_of_it(
            text in "[ a-zé日本\u{a0}\u{200b}·–-]{0,40}",
            first in "[ 0-9:–]{0,12}",
            width in 1usize..60,
        ) {
            if let Some(line) = fitting(&text, &first, width) {
                let want = wrapped(&text, &first, "  ", width);
                prop_assert_eq!(vec![line.trim_end().to_owned()], want);
            }
        }
    }

    #[test]
    fn only_lines_that_fit_take_the_short_way() {
        assert_eq!(
            fitting("Lunch", "  12:00  ", 20).as_deref(),
            Some("  12:00  Lunch")
        );
        assert_eq!(fitting("Lunch with the hosts", "  12:00  ", 20), None);
        assert_eq!(fitting("two\nlines", "", 40), None);
        // Wide characters count twice.
        assert_eq!(fitting("日本日本", "", 7), None);
        assert!(fitting("日本日本", "", 8).is_some());
    }
}
