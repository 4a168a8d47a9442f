//! The problems of a file that is not valid TOML.
//!
//! The TOML reader finds problems in two passes: first the file's structure
//! (headers, `key = value` lines, brackets), then each value (strings,
//! numbers, dates) and duplicate keys. Stopping at the first problem it
//! finds would name a structure problem on line 40 before a broken date on
//! line 5, so every problem is collected and they are sorted by position.
//!
//! After a structure problem the reader guesses where things resume, and
//! what it reports past that point often follows from the first mistake
//! (an unclosed `{` makes every later line "missing a comma"). So the
//! problems reported are those up to the first structure problem, at most
//! one a line; a control character, which the reader may take for a
//! value, ends them too.

use std::collections::HashMap;
use std::ops::Range;

use super::diagnostic::{Diagnostic, LineIndex, excerpt};

mod hints;

use hints::{long_key, no_character};

/// How deep arrays and inline tables may nest: the TOML reader's limit.
pub(super) const NESTING: u32 = 80;

/// Every problem worth reporting in `text`, for which the TOML reader
/// found `errors` (in the order it found them) and `overflow`, the first
/// number too large to hold (see [`super::tree::overflow`]); in file
/// order, never empty when either is.
pub(super) fn problems(
    text: &str,
    errors: &[toml::de::Error],
    overflow: Option<(Range<usize>, &str)>,
) -> Vec<Diagnostic> {
    let structure = first_structure_problem(text);
    let errors: Vec<(Range<usize>, String)> = errors
        .iter()
        .map(|e| {
            let message = e.message().trim_end();
            let span = match e.span() {
                // The reader does not say where the key is.
                None if message == "recursion limit" => long_key(text).map_or(0..0, |at| at..at),
                span => span.unwrap_or(0..0),
            };
            (span, message.to_string())
        })
        .collect();
    let mut found: Vec<(Range<usize>, String)> = errors
        .iter()
        .filter(|(span, _)| structure.is_none_or(|at| span.start <= at))
        .cloned()
        .collect();
    if found.is_empty() {
        // The problem a reader stopping at the first one would give.
        let overflow = overflow.map(|(span, message)| (span, message.to_string()));
        let first = match (errors.into_iter().next(), overflow) {
            (Some(error), Some(overflow)) if overflow.0.start < error.0.start => Some(overflow),
            (Some(error), _) => Some(error),
            (None, overflow) => overflow,
        };
        found.extend(first);
    }
    // Stable: at one position, the problem found first comes first.
    found.sort_by_key(|(span, _)| span.start);

    let lines = LineIndex::new(text);
    let mut sweep = Sweep::new(&lines);
    let mut out = Vec::new();
    let mut last_line = None;
    for (span, message) in found {
        let line = lines.line(span.start);
        if last_line == Some(line) {
            continue;
        }
        last_line = Some(line);
        if let Some(at) = control_character(text, &span) {
            out.push(control(text, at));
            break;
        }
        out.push(match message.as_str() {
            "duplicate key" => sweep.duplicate_key(text, span),
            "invalid value, expected unicode hexadecimal value" => no_character(text, span),
            "cannot recurse further; max recursion depth met" => Diagnostic::error(
                span,
                format!(
                    "invalid TOML: values nested more than {NESTING} deep \
                     (arrays or inline tables inside each other)"
                ),
            ),
            "recursion limit" => Diagnostic::error(
                span,
                format!("invalid TOML: a key of more than {NESTING} dotted parts"),
            ),
            message => Diagnostic::error(span, format!("invalid TOML: {message}")),
        });
    }
    out
}

/// Where the first problem in the file's structure is, if there is one.
fn first_structure_problem(text: &str) -> Option<usize> {
    use toml_parser::parser::{RecursionGuard, ValidateWhitespace, parse_document};
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events = ();
    let mut whitespace = ValidateWhitespace::new(&mut events, source);
    let mut receiver = RecursionGuard::new(&mut whitespace, NESTING);
    let mut first: Option<toml_parser::ParseError> = None;
    parse_document(&tokens, &mut receiver, &mut first);
    first.map(|e| e.unexpected().map_or(0, |span| span.start()))
}

/// A character TOML allows nowhere: a control character other than tab
/// and the line ends.
fn is_forbidden(c: char) -> bool {
    c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// The offset of a forbidden control character in `span` (or at its start,
/// when it is empty), looking no further than the end of its line.
fn control_character(text: &str, span: &Range<usize>) -> Option<usize> {
    let start = span.start.min(text.len());
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    let end = span.end.max(start + 1).min(line_end);
    let (i, _) = text
        .get(start..end)?
        .char_indices()
        .find(|&(_, c)| is_forbidden(c))?;
    Some(start + i)
}

/// The problem of a control character at `at`.
fn control(text: &str, at: usize) -> Diagnostic {
    let c = text[at..].chars().next().unwrap_or('\0');
    let name = match c {
        '\0' => " (NUL)",
        '\u{7}' => " (BEL)",
        '\u{8}' => " (BS)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    Diagnostic::error(
        at..at + c.len_utf8(),
        format!(
            "invalid TOML: control character U+{:04X}{name} is not allowed in a TOML file; remove it",
            u32::from(c)
        ),
    )
}

/// What the lines before a problem say about its table: the headers seen
/// and the keys set in the current table. Problems come in file order, so
/// one pass over the lines serves them all.
struct Sweep<'i, 't> {
    lines: &'i LineIndex<'t>,
    /// The next line (0-based) to read.
    next: usize,
    /// Each header name, with the line (1-based) of its first header and
    /// whether that was `[[name]]`.
    headers: HashMap<&'t str, (usize, bool)>,
    /// Each key written at the start of a line of the current table, with
    /// its first line (1-based).
    keys: HashMap<&'t str, usize>,
}

impl<'i, 't> Sweep<'i, 't> {
    fn new(lines: &'i LineIndex<'t>) -> Self {
        Sweep {
            lines,
            next: 0,
            headers: HashMap::new(),
            keys: HashMap::new(),
        }
    }

    /// Reads the lines before `line` (0-based).
    fn advance(&mut self, line: usize) {
        while self.next < line {
            let text = self.lines.line_text(self.next);
            match header(text) {
                Some((array, name)) => {
                    self.headers.entry(name).or_insert((self.next + 1, array));
                    self.keys.clear();
                }
                None => {
                    if let Some(key) = written_key(text) {
                        self.keys.entry(key).or_insert(self.next + 1);
                    }
                }
            }
            self.next += 1;
        }
    }

    /// The TOML reader's "duplicate key", made specific. `span` is the
    /// second occurrence of the key; when it is the name in a table header
    /// (`[mission]` written twice) the problem is the whole header, so it
    /// is reported at the header's `[`.
    fn duplicate_key(&mut self, text: &str, span: Range<usize>) -> Diagnostic {
        let start = span.start.min(text.len());
        let line = self.lines.line(start) - 1;
        let line_start = self.lines.line_start(start);
        self.advance(line);
        let line_text = self.lines.line_text(line);
        let key = text.get(span.clone()).unwrap_or_default().trim();
        let Some((array, name)) = header(line_text) else {
            // Only for a key that starts its line: a key inside an inline
            // table would be looked for among the keys of the wrong table.
            let own_line = text[line_start..start].trim().is_empty();
            let first = own_line
                .then(|| self.keys.get(key))
                .flatten()
                .map(|line| format!(" (line {line})"))
                .unwrap_or_default();
            return Diagnostic::error(
                span,
                format!(
                    "duplicate key `{}`: it is already set earlier in this table{first}",
                    excerpt(key)
                ),
            );
        };
        let at = line_start + (line_text.len() - line_text.trim_start().len());
        let earlier = self.headers.get(name).copied();
        let name = excerpt(name);
        let message = match (array, earlier) {
            (false, Some((line, false))) => format!(
                "table [{name}] is defined twice (first on line {line}); \
                 put all its keys under one [{name}]"
            ),
            (false, Some((line, true))) => format!(
                "[{name}] cannot follow the [[{name}]] entries (line {line}); \
                 write each entry as [[{name}]]"
            ),
            (true, Some((line, _))) => format!(
                "[[{name}]] cannot add an entry to the table [{name}] (line {line}); \
                 write each entry as [[{name}]]"
            ),
            (_, None) => {
                let written = if array {
                    format!("[[{name}]]")
                } else {
                    format!("[{name}]")
                };
                format!("`{name}` is already set above, so {written} cannot define it again")
            }
        };
        Diagnostic::error(at..at, message)
    }
}

/// Whether `line` (from its start) is a table header, `[name]` (`false`) or
/// `[[name]]` (`true`), and the name as written between the brackets.
fn header(line: &str) -> Option<(bool, &str)> {
    let line = line.trim_start();
    let (array, rest) = match line.strip_prefix("[[") {
        Some(rest) => (true, rest),
        None => (false, line.strip_prefix('[')?),
    };
    let name = rest.split(']').next()?.trim();
    Some((array, name))
}

/// The key a `key = value` line starts with, as written (quotes and dots
/// included, spaces around it left out): everything before the first `=`
/// outside quotes.
fn written_key(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some('"') if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None if c == '=' => return Some(line[..i].trim_end()),
            None => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_as_written() {
        assert_eq!(written_key("  title = \"A\""), Some("title"));
        assert_eq!(written_key("\"a=b\" = 1"), Some("\"a=b\""));
        assert_eq!(written_key("'a=b'=1"), Some("'a=b'"));
        assert_eq!(written_key("\"a\\\"=\" = 1"), Some("\"a\\\"=\""));
        assert_eq!(written_key("a.b = { c = 1 }"), Some("a.b"));
        assert_eq!(written_key("[mission]"), None);
        assert_eq!(written_key("# comment"), None);
    }

    #[test]
    fn control_characters_are_named() {
        let d = control("a\u{1b}b", 1);
        assert_eq!(d.span, 1..2);
        assert_eq!(
            d.message,
            "invalid TOML: control character U+001B (ESC) is not allowed in a TOML file; remove it"
        );
        assert_eq!(
            control("\u{1f}", 0).message,
            "invalid TOML: control character U+001F is not allowed in a TOML file; remove it"
        );
    }

    /// Every problem of `text` as `LINE:COL: MESSAGE`.
    pub(super) fn report(text: &str) -> Vec<String> {
        let report = crate::file::parse(text).expect_err("invalid TOML");
        report
            .render("F", text)
            .lines()
            .map(|l| l.trim_start_matches("F:").to_string())
            .collect()
    }

    #[test]
    fn each_duplicate_key_names_the_line_of_its_table_that_set_it_first() {
        let text = "format = 1\n[mission]\ntitle = \"T\"\ntitle = \"U\"\n\
                    [[visits]]\ntitle = \"A\"\ndate = 2022-11-14\n[[visits]]\n\
                    date = 2022-11-15\ntitle = \"B\"\ndate = 2022-11-16\n\
                    \"a=b\" = 1\n\"a=b\" = 2\n[mission]\n";
        assert_eq!(
            report(text),
            [
                "4:1: error: duplicate key `title`: it is already set earlier in this table (line 3)",
                "11:1: error: duplicate key `date`: it is already set earlier in this table (line 9)",
                "13:1: error: duplicate key `\"a=b\"`: it is already set earlier in this table (line 12)",
                "14:1: error: table [mission] is defined twice (first on line 2); put all its keys under one [mission]",
            ]
        );
    }

    #[test]
    fn problems_in_values_come_before_the_first_structure_problem() {
        let text = "format = 1\n[mission]\ntitle = Osaka\nstart = 2022-02-30\n\
                    end = 2022-11-18\nsummary = \"S\" \"T\"\norganizer = 1979-13-01\n";
        assert_eq!(
            report(text),
            [
                "3:9: error: invalid TOML: string values must be quoted, expected literal string",
                "4:9: error: invalid TOML: invalid date, expected day between 01 and 28",
                "6:15: error: invalid TOML: unexpected key or value, expected newline, `#`",
            ]
        );
    }
}
