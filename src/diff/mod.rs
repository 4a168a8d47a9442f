//! The report of what changed between two versions of a mission, to paste
//! into an email to the delegation: plain text ([`text`]) or Markdown
//! ([`markdown`]).
//!
//! Both start from one outline built here from
//! [`crate::domain::changes::Changes`], so the wording is written once and
//! the two renderers only lay it out. Text from the mission file has its
//! control characters written as escapes (`\u{1b}`), so the report never
//! carries terminal escape sequences or stray line breaks.

mod markdown;
mod text;

pub use markdown::markdown;
pub use text::text;

use crate::domain::changes::{Change, Changes, DayChanges, FieldChange, Person, VisitChange};
use crate::domain::{Status, Visit};
use crate::present::{date_range, time_label};

/// The report as headings and items, before layout.
struct Outline {
    /// "Changes to …", or the one line that says nothing changed.
    title: String,
    /// Lines under the title: the dates, who the report is for.
    subtitle: Vec<String>,
    sections: Vec<Section>,
}

/// A heading and its items, in groups set apart by a blank line (a day's
/// own fields, then its visits).
struct Section {
    heading: String,
    groups: Vec<Vec<Item>>,
}

/// "Label: text", then longer text under it (`body`), then nested items.
struct Item {
    label: String,
    text: String,
    body: Option<String>,
    details: Vec<Item>,
}

impl Item {
    fn new(label: impl Into<String>, text: impl Into<String>) -> Self {
        Item {
            label: label.into(),
            text: text.into(),
            body: None,
            details: Vec::new(),
        }
    }

    /// Whether the item takes more than its own line.
    fn is_tall(&self) -> bool {
        self.body.is_some() || !self.details.is_empty()
    }

    /// "Label: text", the label alone, or the text alone; a label with a
    /// body under it ends in a colon.
    fn line(&self) -> String {
        match (self.label.is_empty(), self.text.is_empty()) {
            (true, _) => self.text.clone(),
            (false, false) => format!("{}: {}", self.label, self.text),
            (false, true) if self.body.is_some() => format!("{}:", self.label),
            (false, true) => self.label.clone(),
        }
    }
}

fn outline(changes: &Changes) -> Outline {
    let you = changes.participant.as_ref();
    if changes.is_empty() {
        let title = match you {
            Some(p) => format!("No changes for {}.", name_and_organization(p)),
            None => "No changes.".to_string(),
        };
        return Outline {
            title,
            subtitle: Vec::new(),
            sections: Vec::new(),
        };
    }
    let mut subtitle = vec![date_range(changes.start, changes.end)];
    if let Some(p) = you {
        subtitle.push(format!("For {}", name_and_organization(p)));
    }
    let mut sections = Vec::new();
    let mut mission: Vec<Item> = Vec::new();
    if let Some(((s0, e0), (s1, e1))) = changes.dates {
        let text = format!("{} → {}", date_range(s0, e0), date_range(s1, e1));
        mission.push(Item::new("Dates", text));
    }
    mission.extend(changes.header.iter().map(field_item));
    if !mission.is_empty() {
        sections.push(Section {
            heading: "Mission".into(),
            groups: vec![mission],
        });
    }
    let delegation = delegation_items(changes);
    if !delegation.is_empty() {
        sections.push(Section {
            heading: "Delegation".into(),
            groups: vec![delegation],
        });
    }
    sections.extend(
        changes
            .days
            .iter()
            .map(|day| day_section(day, you.is_some())),
    );
    Outline {
        title: format!("Changes to {}", escape(&changes.title)),
        subtitle,
        sections,
    }
}

fn delegation_items(changes: &Changes) -> Vec<Item> {
    let you = changes.participant.is_some();
    let word = |label: &str, own: &str, p: &Person| match you {
        true => Item::new(own, ""),
        false => Item::new(label, name_and_organization(p)),
    };
    let joined = changes
        .joined
        .iter()
        .map(|p| word("Joined", "You joined the delegation", p));
    let left = changes
        .left
        .iter()
        .map(|p| word("Left", "You left the delegation", p));
    joined.chain(left).collect()
}

fn day_section(day: &DayChanges, you: bool) -> Section {
    let mut heading = day.date.format("%A %-d %B %Y").to_string();
    if let Some(city) = &day.city {
        heading.push_str(&format!(" · {}", escape(city)));
    }
    let fields: Vec<Item> = day.fields.iter().map(field_item).collect();
    let visits: Vec<Item> = day.visits.iter().map(|v| visit_item(v, you)).collect();
    let groups = [fields, visits].into_iter().filter(|g| !g.is_empty());
    Section {
        heading,
        groups: groups.collect(),
    }
}

fn visit_item(change: &VisitChange, you: bool) -> Item {
    let label = match change.change {
        Change::Added => "Added",
        Change::Removed => "Removed",
        Change::Cancelled => "Cancelled",
        Change::Reinstated => "Reinstated",
        Change::NowAttending => "You were added to",
        Change::NoLongerAttending => "You were dropped from",
        Change::Moved => "Moved",
        Change::Changed => "Changed",
    };
    let Some(visit) = change.visit() else {
        return Item::new(label, "");
    };
    let mut item = match change.change {
        Change::Moved => Item::new(label, escape(&visit.title)),
        Change::Cancelled => Item::new(label, when_and_title(visit, false)),
        _ => Item::new(label, when_and_title(visit, true)),
    };
    if let (true, Some(old), Some(new)) = (change.moved(), &change.old, &change.new) {
        item.details.extend(moved_items(old, new));
    }
    item.details.extend(change.fields.iter().map(field_item));
    let attendance = [
        (
            &change.attendees_added,
            "Attendees added",
            "You were added to it",
        ),
        (
            &change.attendees_dropped,
            "Attendees dropped",
            "You were dropped from it",
        ),
    ];
    let personal = matches!(
        change.change,
        Change::NowAttending | Change::NoLongerAttending
    );
    for (people, label, own) in attendance {
        match (people.is_empty(), you) {
            (true, _) => {}
            (false, true) if personal => {}
            (false, true) => item.details.push(Item::new(own, "")),
            (false, false) => {
                let names: Vec<String> = people.iter().map(|p| escape(&p.name)).collect();
                item.details.push(Item::new(label, names.join(", ")));
            }
        }
    }
    item
}

/// "from Tuesday 15 November, 09:00–10:30" and "to …", or both times on
/// one line when the date stayed.
fn moved_items(old: &Visit, new: &Visit) -> Vec<Item> {
    if old.date == new.date {
        let text = format!("from {} to {}", time_label(old), time_label(new));
        return vec![Item::new("", text)];
    }
    let at = |v: &Visit| format!("{}, {}", v.date.format("%A %-d %B"), time_label(v));
    vec![
        Item::new("", format!("from {}", at(old))),
        Item::new("", format!("to {}", at(new))),
    ]
}

fn field_item(change: &FieldChange) -> Item {
    let value = |v: &Option<String>| v.as_deref().map_or("(none)".to_string(), escape);
    if !change.long {
        let text = format!("{} → {}", value(&change.old), value(&change.new));
        return Item::new(change.label, text);
    }
    let (verb, body) = match (&change.old, &change.new) {
        (_, None) => ("removed", None),
        (None, Some(new)) => ("added", Some(new)),
        (Some(_), Some(new)) => ("changed", Some(new)),
    };
    Item {
        body: body.map(|b| escape_lines(b.trim())),
        ..Item::new(format!("{} {verb}", change.label), "")
    }
}

/// "10:00–11:30 Title", or "Title (time tbc)" for a visit without a time;
/// with `status`, "(tentative)" or "(cancelled)" after it when it is not
/// confirmed.
fn when_and_title(visit: &Visit, status: bool) -> String {
    let title = escape(&visit.title);
    let status = match visit.status {
        Status::Confirmed => None,
        _ if !status => None,
        other => Some(other.as_str()),
    };
    match (visit.start, status) {
        (Some(_), None) => format!("{} {title}", time_label(visit)),
        (Some(_), Some(s)) => format!("{} {title} ({s})", time_label(visit)),
        (None, None) => format!("{title} ({})", time_label(visit)),
        (None, Some(s)) => format!("{title} ({}, {s})", time_label(visit)),
    }
}

fn name_and_organization(p: &Person) -> String {
    match &p.organization {
        Some(org) if !org.trim().is_empty() => {
            format!("{} ({})", escape(&p.name), escape(org))
        }
        _ => escape(&p.name),
    }
}

/// Text on one line: control characters (line breaks too) as escapes, as
/// in itinera's problem messages.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    out
}

/// Text of several lines: its line breaks kept (CRLF read as one), the
/// other control characters escaped.
fn escape_lines(text: &str) -> String {
    text.lines().map(escape).collect::<Vec<_>>().join("\n")
}
