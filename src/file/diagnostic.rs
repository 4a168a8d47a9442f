//! Problems found in a mission file, and how they are printed:
//! `FILE:LINE:COL: error: MESSAGE`, the format compilers use, so editors
//! and terminals can jump to the spot.
//!
//! A file with many problems costs linear time: line starts are found once
//! ([`LineIndex`]), each problem is then placed by a binary search, and at
//! most [`MAX_SHOWN`] problems are printed, followed by a count of the rest.

use std::borrow::Cow;
use std::ops::Range;

/// How many problems [`Report::render`] prints before it counts the rest.
pub const MAX_SHOWN: usize = 1_000;

/// Problems of the file and of the plan share their severities and the
/// rule for quoting the file's text.
pub use crate::domain::problems::{MAX_QUOTED, Severity, excerpt};

/// One problem, located by a byte range of the file text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub span: Range<usize>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            span,
            message: message.into(),
        }
    }

    pub fn warning(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            span,
            message: message.into(),
        }
    }

    pub fn note(span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            span,
            message: message.into(),
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column of a byte offset. Columns count characters
/// (Unicode scalar values), as editors do, not bytes. For one offset; to
/// place many, build a [`LineIndex`] once.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    LineIndex::new(text).line_col(offset)
}

/// Where each line of a text starts, to turn byte offsets into lines and
/// columns in logarithmic time (plus the characters before the offset on a
/// line that is not ASCII).
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
    /// Whether each line is ASCII, so its columns are byte counts.
    ascii: Vec<bool>,
}

impl<'t> LineIndex<'t> {
    pub fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        let mut ascii = Vec::new();
        let mut line_ascii = true;
        for (i, b) in text.bytes().enumerate() {
            line_ascii &= b.is_ascii();
            if b == b'\n' {
                starts.push(i + 1);
                ascii.push(line_ascii);
                line_ascii = true;
            }
        }
        ascii.push(line_ascii);
        LineIndex {
            text,
            starts,
            ascii,
        }
    }

    /// `offset` moved back to a character boundary within the text.
    fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// 0-based line of a byte offset.
    fn line_index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.line_index(self.clamp(offset)) + 1
    }

    /// Byte offset where the line holding `offset` starts.
    pub fn line_start(&self, offset: usize) -> usize {
        self.starts[self.line_index(self.clamp(offset))]
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_index(offset);
        let start = self.starts[line];
        let col = if self.ascii[line] {
            offset - start
        } else {
            self.text[start..offset].chars().count()
        };
        (line + 1, col + 1)
    }

    /// The text of the 0-based line `line`, without its line end.
    pub fn line_text(&self, line: usize) -> &'t str {
        let start = self.starts.get(line).copied().unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.text.len(), |next| next - 1);
        let text = &self.text[start..end.max(start)];
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// Number of lines (a final line end starts one more, empty line).
    pub fn lines(&self) -> usize {
        self.starts.len()
    }
}

/// A message on one line whatever it quotes from the file: control
/// characters (a newline inside a quoted value) are written as escapes.
fn one_line(message: &str) -> Cow<'_, str> {
    if !message.chars().any(char::is_control) {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len() + 8);
    for c in message.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// All problems of one file, sorted by position, errors first at equal
/// positions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| {
            (a.span.start, std::cmp::Reverse(a.severity))
                .cmp(&(b.span.start, std::cmp::Reverse(b.severity)))
        });
        Report { diagnostics }
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    pub fn notes(&self) -> usize {
        self.count(Severity::Note)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// One line per problem: `NAME:LINE:COL: SEVERITY: MESSAGE`, for the
    /// first [`MAX_SHOWN`] problems; then one line that counts the rest:
    /// `... and 12 more problems (2 errors, 10 warnings)`, and the notes
    /// when there are some (`, 3 notes`).
    pub fn render(&self, name: &str, text: &str) -> String {
        let shown = &self.diagnostics[..self.diagnostics.len().min(MAX_SHOWN)];
        // Lines are indexed only as far as the last problem shown.
        let reach = shown.iter().map(|d| d.span.start).max().unwrap_or(0);
        let reach = reach.min(text.len());
        let end = text.as_bytes()[reach..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(text.len(), |i| reach + i + 1);
        let index = LineIndex::new(&text[..end]);
        let mut out = String::new();
        // The problems are sorted: a column is counted on from the last
        // problem's when both are on one line.
        let mut last: Option<(usize, (usize, usize))> = None;
        for d in shown {
            let offset = index.clamp(d.span.start);
            let (line, col) = match last {
                Some((before, (line, col))) if before <= offset && index.line(offset) == line => {
                    (line, col + text[before..offset].chars().count())
                }
                _ => index.line_col(offset),
            };
            last = Some((offset, (line, col)));
            out.push_str(&format!(
                "{name}:{line}:{col}: {}: {}\n",
                d.severity,
                one_line(&d.message)
            ));
        }
        if let Some(rest) = self.diagnostics.get(MAX_SHOWN..).filter(|r| !r.is_empty()) {
            let count = |s: Severity| rest.iter().filter(|d| d.severity == s).count();
            let notes = match count(Severity::Note) {
                0 => String::new(),
                n => format!(", {}", plural(n, "note")),
            };
            out.push_str(&format!(
                "... and {} ({}, {}{notes})\n",
                plural(rest.len(), "more problem"),
                plural(count(Severity::Error), "error"),
                plural(count(Severity::Warning), "warning")
            ));
        }
        out
    }

    /// "2 errors, 1 warning", "2 warnings, 1 note", or "no problems".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            (self.errors(), "error"),
            (self.warnings(), "warning"),
            (self.notes(), "note"),
        ]
        .into_iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, word)| plural(n, word))
        .collect();
        if parts.is_empty() {
            "no problems".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// "1 error", "2 errors".
fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let text = "a = 1\ntitle = \"Città\" x\n";
        let x = text.find('x').expect("x");
        assert_eq!(line_col(text, x), (2, 17));
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, text.len()), (3, 1));
    }

    #[test]
    fn every_problem_is_one_line() {
        let report = Report::new(vec![Diagnostic::error(0..1, "invalid id \"a\nb\"\t\u{7}")]);
        assert_eq!(
            report.render("m.toml", "x"),
            "m.toml:1:1: error: invalid id \"a\\nb\"\\t\\u{7}\n"
        );
    }

    #[test]
    fn report_sorts_and_summarises() {
        let report = Report::new(vec![
            Diagnostic::warning(10..11, "later"),
            Diagnostic::error(0..1, "first"),
        ]);
        assert_eq!(report.summary(), "1 error, 1 warning");
        let notes = Report::new(vec![
            Diagnostic::note(3..4, "empty"),
            Diagnostic::warning(0..1, "w"),
            Diagnostic::warning(1..2, "w"),
        ]);
        assert_eq!(notes.summary(), "2 warnings, 1 note");
        assert_eq!(
            notes.render("m.toml", "0123"),
            "m.toml:1:1: warning: w\nm.toml:1:2: warning: w\nm.toml:1:4: note: empty\n"
        );
        assert_eq!(
            report.render("m.toml", "0123456789\nabc"),
            "m.toml:1:1: error: first\nm.toml:1:11: warning: later\n"
        );
        assert_eq!(Report::default().summary(), "no problems");
    }

    #[test]
    fn lines_and_columns_from_the_index() {
        let text = "ab\r\nCittà x\n\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.lines(), 4);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(2), (1, 3));
        let x = text.find('x').expect("x");
        assert_eq!(index.line_col(x), (2, 7));
        // Inside a character: its start.
        assert_eq!(index.line_col(x - 2), (2, 5));
        assert_eq!(index.line_col(text.len() + 5), (4, 5));
        assert_eq!(index.line(x), 2);
        assert_eq!(index.line_start(x), 4);
        assert_eq!(index.line_text(0), "ab");
        assert_eq!(index.line_text(1), "Città x");
        assert_eq!(index.line_text(2), "");
        assert_eq!(index.line_text(3), "last");
    }

    #[test]
    fn problems_on_the_last_lines_are_placed_whatever_follows() {
        // The last problem shown on the last line, without a final line end;
        // and past the end of the text.
        let text = "a\nCittà\nxé y";
        let y = text.find('y').expect("y");
        let report = Report::new(vec![
            Diagnostic::error(y..y + 1, "y"),
            Diagnostic::warning(3..4, "i"),
        ]);
        assert_eq!(
            report.render("m.toml", text),
            "m.toml:2:2: warning: i\nm.toml:3:4: error: y\n"
        );
        let past = Report::new(vec![Diagnostic::error(99..99, "end")]);
        assert_eq!(past.render("m.toml", text), "m.toml:3:5: error: end\n");
        assert_eq!(Report::default().render("m.toml", text), "");
    }

    #[test]
    fn columns_on_a_shared_line_are_counted_on() {
        let text = "tags = [\"é\", 1, 2]\n";
        let at = |s: &str| {
            let i = text.find(s).expect("in text");
            i..i + 1
        };
        let report = Report::new(vec![
            Diagnostic::error(at("2"), "two"),
            Diagnostic::error(at("1"), "one"),
            Diagnostic::error(at("é"), "é"),
        ]);
        assert_eq!(
            report.render("m.toml", text),
            "m.toml:1:10: error: é\nm.toml:1:14: error: one\nm.toml:1:17: error: two\n"
        );
    }

    #[test]
    fn only_the_first_thousand_problems_are_printed() {
        let text = "x\n".repeat(1_003);
        let mut problems: Vec<Diagnostic> = (0..1_000)
            .map(|i| Diagnostic::warning(2 * i..2 * i + 1, format!("warning {i}")))
            .collect();
        problems.push(Diagnostic::error(2_000..2_001, "error 1000"));
        problems.push(Diagnostic::warning(2_002..2_003, "warning 1001"));
        problems.push(Diagnostic::error(2_004..2_005, "error 1002"));
        let report = Report::new(problems);
        let rendered = report.render("m.toml", &text);
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines.len(), 1_001);
        assert_eq!(lines[0], "m.toml:1:1: warning: warning 0");
        assert_eq!(lines[999], "m.toml:1000:1: warning: warning 999");
        assert_eq!(
            lines[1_000],
            "... and 3 more problems (2 errors, 1 warning)"
        );
        assert_eq!(report.summary(), "2 errors, 1001 warnings");

        let one_more = Report::new((0..1_001).map(|i| Diagnostic::error(i..i, "e")).collect());
        let rendered = one_more.render("m.toml", &text);
        assert_eq!(
            rendered.lines().last(),
            Some("... and 1 more problem (1 error, 0 warnings)")
        );
        // A thousand problems are all printed, with no count.
        let thousand = Report::new((0..1_000).map(|i| Diagnostic::error(i..i, "e")).collect());
        assert_eq!(thousand.render("m.toml", &text).lines().count(), 1_000);
    }

    #[test]
    fn quoted_text_is_cut_at_sixty_characters() {
        assert_eq!(excerpt("short"), "short");
        let sixty = "é".repeat(60);
        assert_eq!(excerpt(&sixty), sixty);
        let long = format!("{}{}", "k".repeat(59), "ü".repeat(1 << 20));
        assert_eq!(excerpt(&long), format!("{}ü…", "k".repeat(59)));
    }
}
