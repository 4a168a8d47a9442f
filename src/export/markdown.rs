//! The agenda as Markdown, for an e-mail or a page: readable as it is and
//! when rendered.
//!
//! Each day is a `##` heading followed by a bulleted list, one item per
//! visit, its details as sub-items. A list rather than a table: a visit's
//! notes run to several sentences and keep their line breaks, which a table
//! cell can hold neither raw (one line per row) nor rendered (a narrow
//! column), and a list reads the same in a plain-text mail client.
//!
//! Text from the mission is escaped so that it always reads as the words
//! written: characters Markdown treats as markup (`*`, `_`, backticks,
//! `[`, `]`, `<`, `|`, `~`, `\`, an `&` that would start an entity) get a
//! backslash, and so do `#`, `>`, `-`, `+`, `=` and `1.` where they would
//! start a heading, a quote or a list at the start of a line.

use super::{
    Scope, attendance, attendance_rule, capitalized, day_number, days_in_scope, lodging_lines,
    place,
};
use crate::domain::{Kind, Mission, Participant, Status, Visit};
use crate::present::{date_range, time_label};

/// The agenda for `scope` as Markdown: the mission's title, dates and
/// summary, the delegation, then each day with its lodging and visits.
/// With `scope.day`, only that day under a compact heading (the title,
/// which day of the mission it is, the zone). Cancelled visits are left
/// out unless `scope.include_cancelled`. Lines end with `\n`.
pub fn agenda(mission: &Mission, scope: &Scope) -> String {
    let person = scope
        .participant
        .as_deref()
        .and_then(|id| mission.participant(id));
    let mut out = Out::default();
    match scope.day {
        Some(day) => day_header(&mut out, mission, day, person),
        None => {
            header(&mut out, mission, person);
            delegation(&mut out, &mission.participants);
        }
    }
    for (date, visits) in days_in_scope(mission, scope) {
        let info = mission.day_info(date);
        let mut heading = date.format("%A %-d %B %Y").to_string();
        if let Some(city) = info.and_then(|d| d.city.as_deref()) {
            heading.push_str(" · ");
            heading.push_str(&inline(city));
        }
        out.block(&format!("## {}", closing_hashes(&heading)));
        let lodging: Vec<String> = info
            .map(lodging_lines)
            .unwrap_or_default()
            .iter()
            .map(|line| line_start(&inline(line)))
            .collect();
        if !lodging.is_empty() {
            out.block(&lodging.join("\\\n"));
        }
        if let Some(notes) = info.and_then(|d| d.notes.as_deref()) {
            out.paragraphs(notes);
        }
        if visits.is_empty() {
            out.block("*Nothing scheduled.*");
            continue;
        }
        out.blank();
        for i in visits {
            visit(&mut out, mission, &mission.visits[i], person);
        }
    }
    out.text
}

fn header(out: &mut Out, mission: &Mission, person: Option<&Participant>) {
    let header = &mission.header;
    out.block(&format!("# {}", closing_hashes(&inline(&header.title))));
    let mut lines = Vec::new();
    let mut when = date_range(header.start, header.end);
    if let Some(tz) = header.timezone {
        when.push_str(&format!(" · times are local ({})", tz.name()));
    }
    lines.push(when);
    if let Some(org) = header.organizer.as_deref() {
        lines.push(format!("Organizer: {}", inline(org)));
    }
    lines.extend(agenda_for(person));
    out.block(&lines.join("\\\n"));
    if let Some(summary) = header.summary.as_deref() {
        out.paragraphs(summary);
    }
    if let Some(rule) = attendance_rule(mission, person.is_some()) {
        out.block(rule);
    }
}

/// The heading of a one-day agenda: the title with which day of the
/// mission it is, the zone, whose agenda it is and the rule for who
/// attends.
fn day_header(
    out: &mut Out,
    mission: &Mission,
    day: chrono::NaiveDate,
    person: Option<&Participant>,
) {
    let header = &mission.header;
    let mut title = inline(&header.title);
    if let Some(number) = day_number(mission, day) {
        title.push_str(&format!(" · {number}"));
    }
    out.block(&format!("# {}", closing_hashes(&title)));
    let mut lines: Vec<String> = header
        .timezone
        .map(|tz| format!("Times are local ({})", tz.name()))
        .into_iter()
        .chain(agenda_for(person))
        .collect();
    lines.extend(attendance_rule(mission, person.is_some()).map(String::from));
    if !lines.is_empty() {
        out.block(&lines.join("\\\n"));
    }
}

/// "Agenda for **Name (Organization)**", in one person's agenda.
fn agenda_for(person: Option<&Participant>) -> Option<String> {
    person.map(|p| format!("Agenda for **{}**", inline(&p.name_and_organization())))
}

/// "- **Name** · Organization · Role · e-mail · phone" for each person.
fn delegation(out: &mut Out, participants: &[Participant]) {
    if participants.is_empty() {
        return;
    }
    out.block("## Delegation");
    out.blank();
    for p in participants {
        let mut parts = vec![format!("**{}**", inline(&p.name))];
        for field in [&p.organization, &p.role, &p.email, &p.phone] {
            if let Some(text) = field.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                parts.push(inline(text));
            }
        }
        out.line(&format!("- {}", parts.join(" · ")));
    }
}

/// One visit: time and title on the item's line, then the kind and place,
/// host, contact, who attends (only when not everyone) and each paragraph
/// of the notes as sub-items.
fn visit(out: &mut Out, mission: &Mission, visit: &Visit, person: Option<&Participant>) {
    let marker = match visit.status {
        Status::Confirmed => "",
        Status::Tentative => " [TENTATIVE]",
        Status::Cancelled => " [CANCELLED]",
    };
    out.line(&format!(
        "- **{}**{marker} {}",
        time_label(visit),
        inline(&visit.title)
    ));
    let place = place(visit);
    let what = match visit.kind {
        Kind::Other => inline(&place),
        kind if place.is_empty() => capitalized(kind.as_str()),
        kind => format!("{} · {}", capitalized(kind.as_str()), inline(&place)),
    };
    let mut details = Vec::new();
    if !what.is_empty() {
        details.push(what);
    }
    if let Some(host) = &visit.host {
        details.push(format!("Host: {}", inline(host)));
    }
    if let Some(contact) = &visit.contact {
        details.push(format!("Contact: {}", inline(contact)));
    }
    details.extend(attendance(mission, visit, person, inline));
    for detail in details {
        out.line(&format!("  - {}", line_start(&detail)));
    }
    if let Some(notes) = &visit.notes {
        for paragraph in paragraphs(notes) {
            out.line(&format!("  - {}", paragraph.join("\\\n    ")));
        }
    }
}

/// The paragraphs of a multi-line text (separated by blank lines), each a
/// list of escaped lines.
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line_start(&inline(line)));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

#[derive(Default)]
struct Out {
    text: String,
}

impl Out {
    fn line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// A block of its own: a blank line before it.
    fn block(&mut self, text: &str) {
        self.blank();
        self.line(text);
    }

    /// A multi-line text as paragraphs, its line breaks kept as hard breaks.
    fn paragraphs(&mut self, text: &str) {
        for paragraph in paragraphs(text) {
            self.block(&paragraph.join("\\\n"));
        }
    }
}

/// Text from the mission, for use within a line: markup characters are
/// escaped, line breaks become spaces, other control characters U+FFFD.
pub(crate) fn inline(text: &str) -> String {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).map(|j| chars[j]);
        let after = chars.get(i + 1).copied();
        match c {
            '\\' | '`' | '*' | '[' | ']' | '<' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            // Inside a word ("snake_case") an underscore is no emphasis.
            '_' if before.is_some_and(char::is_alphanumeric)
                && after.is_some_and(char::is_alphanumeric) =>
            {
                out.push(c)
            }
            '_' => out.push_str("\\_"),
            '&' if starts_entity(&chars[i + 1..]) => out.push_str("\\&"),
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after an `&` reads as an entity ("amp;", "#38;").
fn starts_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#');
    let len = name.count();
    len > 0 && rest.get(len) == Some(&';')
}

/// Escaped text that starts a line: a backslash before what would start a
/// heading, quote, list, thematic break or setext underline there.
fn line_start(text: &str) -> String {
    let first = text.chars().next();
    if matches!(first, Some('#' | '>' | '-' | '+' | '=')) {
        return format!("\\{text}");
    }
    // "2022. A good year" would be an ordered list item.
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &text[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")" {
            return format!("{}\\{}", &text[..digits], rest);
        }
    }
    text.to_string()
}

/// A heading's text with a closing `#` escaped: `## Room #` would lose it.
fn closing_hashes(text: &str) -> String {
    match text.strip_suffix('#') {
        Some(rest) => format!("{}\\#", closing_hashes(rest)),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_mission_text_is_escaped() {
        assert_eq!(
            inline("*Bold* [link](x) `code` a|b <b> ~x~ C:\\"),
            "\\*Bold\\* \\[link\\](x) \\`code\\` a\\|b \\<b> \\~x\\~ C:\\\\"
        );
        assert_eq!(inline("snake_case _emph_"), "snake_case \\_emph\\_");
        assert_eq!(inline("R&D &amp; &#38; AT&T"), "R&D \\&amp; \\&#38; AT&T");
        assert_eq!(
            inline("two\nlines\tand\u{1b}[31m"),
            "two lines and\u{FFFD}\\[31m"
        );
    }

    #[test]
    fn what_would_start_a_block_is_escaped_at_the_start_of_a_line() {
        assert_eq!(line_start("# not a heading"), "\\# not a heading");
        assert_eq!(line_start("> not a quote"), "\\> not a quote");
        assert_eq!(line_start("- not an item"), "\\- not an item");
        assert_eq!(line_start("==="), "\\===");
        assert_eq!(line_start("2022. A year"), "2022\\. A year");
        assert_eq!(line_start("3) three"), "3\\) three");
        assert_eq!(line_start("2022.11 stays"), "2022.11 stays");
        assert_eq!(line_start("Room #3"), "Room #3");
        assert_eq!(closing_hashes("Room ##"), "Room \\#\\#");
    }

    #[test]
    fn notes_keep_their_paragraphs_and_line_breaks() {
        assert_eq!(
            paragraphs("First line\n- second\n\n\n# Third"),
            [vec!["First line", "\\- second"], vec!["\\# Third"]]
        );
    }
}
