//! The TOML reader's vaguer problems made specific: where a key of too
//! many parts is (the reader does not say), and why an escape names no
//! character.

use std::ops::Range;

use super::NESTING;
use crate::file::diagnostic::Diagnostic;

/// Where the first key of more than [`NESTING`] dotted parts starts
/// (`a.b.c` has three), in a header or before a `=`.
pub(super) fn long_key(text: &str) -> Option<usize> {
    use toml_parser::lexer::TokenKind;
    let source = toml_parser::Source::new(text);
    // The key being read: where it starts, its parts, and whether a dot
    // came last.
    let mut start = 0;
    let mut parts = 0;
    let mut after_dot = false;
    for token in source.lex() {
        match token.kind() {
            TokenKind::Whitespace => {}
            TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString => {
                if !after_dot {
                    start = token.span().start();
                    parts = 0;
                }
                parts += 1;
                after_dot = false;
                if parts > NESTING {
                    return Some(start);
                }
            }
            TokenKind::Dot if parts > 0 && !after_dot => after_dot = true,
            _ => {
                parts = 0;
                after_dot = false;
            }
        }
    }
    None
}

/// The problem of an escape (`\uD800`, `\U00110000`) whose hexadecimal
/// digits, starting at `span.start`, name no character.
pub(super) fn no_character(text: &str, span: Range<usize>) -> Diagnostic {
    let at = span.start.min(text.len());
    let escape = at.saturating_sub(2);
    // `\uXXXX` or `\UXXXXXXXX`, and its value.
    let code = |digits_at: usize| -> Option<(u32, usize)> {
        let width = if text.get(..digits_at)?.ends_with('u') {
            4
        } else {
            8
        };
        let digits = text.get(digits_at..)?;
        let len = digits
            .bytes()
            .take(width)
            .take_while(u8::is_ascii_hexdigit)
            .count();
        let value = u32::from_str_radix(&digits[..len], 16).ok()?;
        Some((value, digits_at + len))
    };
    let written = |end: usize| text.get(escape..end).unwrap_or_default().to_string();
    let message = match code(at) {
        Some((high @ 0xD800..=0xDBFF, end)) => {
            let low = text
                .get(end..)
                .filter(|rest| rest.starts_with("\\u"))
                .and_then(|_| code(end + 2))
                .filter(|&(low, _)| (0xDC00..=0xDFFF).contains(&low));
            match low {
                Some((low, pair_end)) => {
                    let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                    format!(
                        "`{}` is how JSON writes U+{c:X}, as two halves; TOML writes \
                         `\\U{c:08X}`, or the character itself",
                        written(pair_end)
                    )
                }
                None => half(&written(end)),
            }
        }
        Some((0xDC00..=0xDFFF, end)) => half(&written(end)),
        Some((_, end)) => format!(
            "`{}` is beyond U+10FFFF, the last character there is",
            written(end)
        ),
        None => "invalid value, expected unicode hexadecimal value".to_string(),
    };
    Diagnostic::error(escape..escape, format!("invalid TOML: {message}"))
}

fn half(escape: &str) -> String {
    format!("`{escape}` is half of a UTF-16 pair, not a character; write the character itself")
}

#[cfg(test)]
mod tests {
    use super::super::tests::report;
    use super::*;

    #[test]
    fn escapes_that_name_no_character_say_why() {
        let head = "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";
        let problem = |value: &str| report(&format!("{head}summary = \"{value}\"\n"));
        assert_eq!(
            problem("a \\uD83D\\uDE00 b"),
            [
                "6:14: error: invalid TOML: `\\uD83D\\uDE00` is how JSON writes U+1F600, as two \
              halves; TOML writes `\\U0001F600`, or the character itself"
            ]
        );
        assert_eq!(
            problem("\\uDC00"),
            [
                "6:12: error: invalid TOML: `\\uDC00` is half of a UTF-16 pair, not a character; \
              write the character itself"
            ]
        );
        assert_eq!(
            problem("\\uD800x"),
            [
                "6:12: error: invalid TOML: `\\uD800` is half of a UTF-16 pair, not a character; \
              write the character itself"
            ]
        );
        assert_eq!(
            problem("\\U0000D800"),
            [
                "6:12: error: invalid TOML: `\\U0000D800` is half of a UTF-16 pair, not a \
                 character; write the character itself"
            ]
        );
        assert_eq!(
            problem("\\uD800AB"),
            [
                "6:12: error: invalid TOML: `\\uD800` is half of a UTF-16 pair, not a character; \
                 write the character itself"
            ]
        );
        assert_eq!(
            problem("\\U00110000"),
            [
                "6:12: error: invalid TOML: `\\U00110000` is beyond U+10FFFF, the last character \
              there is"
            ]
        );
    }

    #[test]
    fn a_key_of_too_many_parts_is_found() {
        let key = vec!["a"; 81].join(" . ");
        assert_eq!(long_key(&format!("x = 1.5\n[{key}]\n")), Some(9));
        assert_eq!(long_key(&format!("x = 1\n{key} = 1\n")), Some(6));
        assert_eq!(
            long_key(&format!("{} = 1\n", vec!["a"; 80].join("."))),
            None
        );
    }
}
