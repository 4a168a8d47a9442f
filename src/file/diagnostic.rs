//! Problems found in a mission file, and how they are printed:
//! `FILE:LINE:COL: error: MESSAGE`, the format compilers use, so editors
//! and terminals can jump to the spot.

use std::fmt;
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

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

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// 1-based line and column of a byte offset. Columns count characters
/// (Unicode scalar values), as editors do, not bytes.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// A message on one line whatever it quotes from the file: control
/// characters (a newline inside a quoted value) are written as escapes.
fn one_line(message: &str) -> String {
    message
        .chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect()
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
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }

    pub fn has_errors(&self) -> bool {
        self.errors() > 0
    }

    /// One line per problem: `NAME:LINE:COL: SEVERITY: MESSAGE`.
    pub fn render(&self, name: &str, text: &str) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let (line, col) = line_col(text, d.span.start);
            out.push_str(&format!(
                "{name}:{line}:{col}: {}: {}\n",
                d.severity,
                one_line(&d.message)
            ));
        }
        out
    }

    /// "2 errors, 1 warning", or "no problems".
    pub fn summary(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        match (self.errors(), self.warnings()) {
            (0, 0) => "no problems".to_string(),
            (e, 0) => plural(e, "error"),
            (0, w) => plural(w, "warning"),
            (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
        }
    }
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
        assert_eq!(
            report.render("m.toml", "0123456789\nabc"),
            "m.toml:1:1: error: first\nm.toml:1:11: warning: later\n"
        );
        assert_eq!(Report::default().summary(), "no problems");
    }
}
