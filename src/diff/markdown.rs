//! The report of what changed as Markdown: a heading per part that changed
//! and a list under it, readable raw and rendered.

use super::{Item, outline};
use crate::domain::changes::Changes;

/// The report: `#` title, the dates and who it is for, then `##` sections
/// (the mission, the delegation, each day) with a list of changes each;
/// what belongs to a change is a nested list or, for longer text, lines
/// under it. Nothing changed is one line. Text is escaped so that the
/// mission's own words never turn into links, emphasis or HTML.
pub fn markdown(changes: &Changes) -> String {
    let outline = outline(changes);
    if outline.sections.is_empty() {
        return format!("{}\n", escape(&outline.title));
    }
    let mut out = format!("# {}\n", escape(&outline.title));
    for line in &outline.subtitle {
        out.push('\n');
        out.push_str(&line_start(&escape(line)));
        out.push('\n');
    }
    for section in &outline.sections {
        out.push_str(&format!("\n## {}\n\n", escape(&section.heading)));
        for item in section.groups.iter().flatten() {
            write_item(&mut out, item, 0);
        }
    }
    out
}

fn write_item(out: &mut String, item: &Item, depth: usize) {
    let pad = "  ".repeat(depth);
    let (label, text) = (escape(&item.label), escape(&item.text));
    let line = match (label.is_empty(), text.is_empty()) {
        (true, _) => text,
        (false, false) => format!("**{label}:** {text}"),
        (false, true) if item.body.is_some() => format!("**{label}:**"),
        (false, true) => format!("**{label}**"),
    };
    out.push_str(&format!("{pad}- {line}\n"));
    if let Some(body) = &item.body {
        // Lines under the item, indented to its text so that they stay in
        // it; a blank line starts a new paragraph of the same item.
        for line in body.lines().map(str::trim) {
            match line.is_empty() {
                true => out.push('\n'),
                false => out.push_str(&format!("{pad}  {}\n", line_start(&escape(line)))),
            }
        }
    }
    for detail in &item.details {
        write_item(out, detail, depth + 1);
    }
}

/// Backslashes before the characters that would make emphasis, code,
/// links or HTML, and before `&` when it starts an entity (`&amp;`), so
/// that "R&D" stays as written.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        let entity = c == '&' && starts_entity(&text[i + 1..]);
        if entity
            || matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~' | '|'
            )
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether text after a `&` reads as an entity: `#x41;`, `amp;`.
fn starts_entity(rest: &str) -> bool {
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '#')
        .collect();
    !name.is_empty() && rest[name.len()..].starts_with(';')
}

/// A backslash before what would start a heading, a list, a quote or a
/// rule at the start of a line.
fn line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let after_digits = line[digits..].chars().next();
    if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        return format!("{}\\{}", &line[..digits], &line[digits..]);
    }
    match line.chars().next() {
        Some('#' | '-' | '+' | '=') => format!("\\{line}"),
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_text_cannot_make_markup() {
        assert_eq!(
            escape("[x](http://e) *a* _b_ <i> `c` ~d~ |"),
            "\\[x\\](http://e) \\*a\\* \\_b\\_ \\<i\\> \\`c\\` \\~d\\~ \\|"
        );
        assert_eq!(
            escape("R&D &amp; &#169; & more"),
            "R&D \\&amp; \\&#169; & more"
        );
        assert_eq!(line_start("# not a heading"), "\\# not a heading");
        assert_eq!(line_start("- not a list"), "\\- not a list");
        assert_eq!(line_start("2022. a year"), "2022\\. a year");
        assert_eq!(line_start("2022 a year"), "2022 a year");
    }
}
