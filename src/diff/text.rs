//! The report of what changed as plain text, wrapped like the agenda.

use unicode_width::UnicodeWidthStr;

use super::{Item, outline};
use crate::domain::changes::Changes;
use crate::export::Agenda;

/// The report, at most `width` columns wide (at least 20): the title, then
/// a section per part that changed (the mission, the delegation, each day),
/// each item on its line with what belongs to it indented below. Nothing
/// changed is one line.
pub fn text(changes: &Changes, width: usize) -> String {
    let outline = outline(changes);
    let mut out = Agenda {
        text: String::new(),
        width: width.max(20),
    };
    out.para(&outline.title, "", "");
    for line in &outline.subtitle {
        out.para(line, "", "");
    }
    for section in &outline.sections {
        out.blank();
        out.para(&section.heading, "", "");
        let rule = section.heading.width().min(out.width);
        out.line(&"-".repeat(rule));
        for (g, group) in section.groups.iter().enumerate() {
            if g > 0 {
                out.blank();
            }
            let mut tall = false;
            for (i, item) in group.iter().enumerate() {
                if i > 0 && (tall || item.is_tall()) {
                    out.blank();
                }
                tall = item.is_tall();
                write_item(&mut out, item, 0);
            }
        }
    }
    out.text
}

fn write_item(out: &mut Agenda, item: &Item, indent: usize) {
    let first = " ".repeat(indent);
    let rest = " ".repeat(indent + 2);
    out.para(&item.line(), &first, &rest);
    if let Some(body) = &item.body {
        out.paragraphs(body, &rest);
    }
    for detail in &item.details {
        write_item(out, detail, indent + 2);
    }
}
