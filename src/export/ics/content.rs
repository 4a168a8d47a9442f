//! Content lines (RFC 5545 §3.1): TEXT escaping, folding at 75 octets,
//! CRLF line ends.

/// The longest a physical line may be, in octets, without its CRLF.
pub const LINE_OCTETS: usize = 75;

/// A component being written: content lines, each folded and ended by
/// CRLF.
#[derive(Default)]
pub struct Lines {
    pub text: String,
}

impl Lines {
    /// `NAME:value` (or `NAME;PARAMS:value`), with `value` written as it
    /// is: for dates, numbers and values already escaped.
    pub fn raw(&mut self, name: &str, value: &str) {
        let line = format!("{name}:{value}");
        self.text.push_str(&fold(&line));
        self.text.push_str("\r\n");
    }

    /// A TEXT property: `value` escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw(name, &escape(value));
    }

    /// A property holding a list of TEXT values (CATEGORIES), each escaped
    /// and joined by commas. Nothing is written for an empty list.
    pub fn text_list(&mut self, name: &str, values: &[&str]) {
        if values.is_empty() {
            return;
        }
        let escaped: Vec<String> = values.iter().map(|v| escape(v)).collect();
        self.raw(name, &escaped.join(","));
    }

    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", component);
    }

    pub fn end(&mut self, component: &str) {
        self.raw("END", component);
    }
}

/// A TEXT value (RFC 5545 §3.3.11): backslash, semicolon and comma get a
/// backslash, a line break (LF, CRLF or CR) becomes `\n`. Other control
/// characters are not allowed in a value and become U+FFFD; a tab stays.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line: a line of more than 75 octets is broken before
/// the character that would pass the limit, and each continuation starts
/// with one space (which counts towards its 75 octets). A UTF-8 character
/// is never split. The result has no final line end.
pub fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 25);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_escape_separators_and_line_breaks() {
        assert_eq!(
            escape("a\\b;c,d\ne\r\nf\rg\th\u{7}"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng\th\u{FFFD}"
        );
        assert_eq!(escape("Café: 10:00"), "Café: 10:00");
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "x".repeat(75);
        assert_eq!(fold(&line), line);
    }

    #[test]
    fn long_lines_fold_at_75_octets_with_a_leading_space() {
        let line = "y".repeat(75 + 74 + 3);
        let folded = fold(&line);
        let parts: Vec<&str> = folded.split("\r\n").collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], "y".repeat(75));
        assert_eq!(parts[1], format!(" {}", "y".repeat(74)));
        assert_eq!(parts[2], " yyy");
    }

    #[test]
    fn folding_never_splits_a_character() {
        // "SUMMARY:" is 8 octets; 22 three-octet characters make 74, and
        // a 23rd would make 77: it starts the next line instead.
        let line = format!("SUMMARY:{}", "会".repeat(40));
        let folded = fold(&line);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets: {part:?}", part.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, line);
        let first = folded.split("\r\n").next().unwrap_or_default();
        assert_eq!(first.len(), 8 + 3 * 22, "as many whole characters as fit");
    }
}
