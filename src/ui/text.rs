//! Text cut and wrapped to a number of terminal columns, as every pane and
//! popup needs it. Widths are display columns (CJK characters take two),
//! never bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `text` cut to `width` columns, with "…" when cut. Wide characters are
/// never split.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Wraps `text` to `width` columns (CJK-aware), every line indented by
/// `indent`.
pub fn wrap(text: &str, width: usize, indent: &str) -> Vec<String> {
    wrap_indented(text, width, indent, indent)
}

/// Wraps `text` with different indents for the first and later lines of
/// each paragraph. Line breaks in `text` (LF or CRLF) are kept: each line
/// is a paragraph of its own, and a blank line is one empty row. Empty
/// text is one empty row.
pub fn wrap_indented(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    let width = width.max(first.width().max(rest.width()) + 4);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut out = Vec::new();
    for paragraph in text.lines() {
        if paragraph.trim().is_empty() {
            out.push(String::new());
            continue;
        }
        out.extend(
            textwrap::wrap(paragraph, &options)
                .into_iter()
                .map(|line| line.into_owned()),
        );
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_line_is_one_empty_row() {
        assert_eq!(
            wrap("First.\n\nSecond, longer than a row.", 16, "  "),
            ["  First.", "", "  Second, longer", "  than a row."]
        );
        assert_eq!(wrap("a\r\n   \r\nb", 16, ""), ["a", "", "b"]);
        assert_eq!(wrap("", 16, "  "), [""]);
    }
}
