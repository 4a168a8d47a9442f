//! From bytes on disk to text the TOML parser can read, and back.
//!
//! The TOML layer normalises three things a person's file may have: a UTF-8
//! byte-order mark, CRLF line ends and a missing final newline. [`Layout`]
//! remembers them so a save writes the file back the way it was found.

use super::diagnostic::{Diagnostic, Report};

/// The longest line itinera reads. Mission files are written by people;
/// a longer line is almost certainly not a mission file.
pub const MAX_LINE_BYTES: usize = 1 << 20;
/// The largest file itinera reads. The planner holds about 35 times a
/// file's size in memory (the text, its TOML tree with spans, the mission
/// and the save's document), so 64 MB needs about 2 GB, which a laptop has;
/// a 100,000-visit mission is about 30 MB.
pub const MAX_FILE_BYTES: usize = 64 << 20;

pub(crate) const BOM: &str = "\u{feff}";

/// How the file's text was laid out, beyond what TOML keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub bom: bool,
    /// Every line ended in CRLF.
    pub crlf: bool,
    pub final_newline: bool,
}

impl Layout {
    /// Lays out `text` (LF line ends, as the TOML layer writes it) the way the
    /// original file was.
    pub fn apply(&self, text: &str) -> String {
        let mut body = if self.crlf {
            text.replace("\r\n", "\n").replace('\n', "\r\n")
        } else {
            text.to_string()
        };
        if !self.final_newline {
            let trimmed = body
                .strip_suffix("\r\n")
                .or_else(|| body.strip_suffix('\n'))
                .map(str::len);
            if let Some(len) = trimmed {
                body.truncate(len);
            }
        }
        if self.bom {
            body.insert_str(0, BOM);
        }
        body
    }
}

/// A file's bytes could not be read as a mission file's text. `text` is the
/// readable part, so the problem's line and column can be given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceError {
    pub text: String,
    pub report: Report,
}

/// The text of a mission file and its layout, or why the bytes are not text
/// itinera will read.
pub fn decode(bytes: &[u8]) -> Result<(String, Layout), SourceError> {
    let text = utf8(bytes)?;
    let layout = examine(text)?;
    let body = if layout.bom { &text[BOM.len()..] } else { text };
    Ok((body.to_string(), layout))
}

/// [`decode`], keeping the bytes as the text (moved, not copied, unless
/// they start with a byte-order mark).
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Layout), SourceError> {
    utf8(&bytes)?;
    let mut text = String::from_utf8(bytes).unwrap_or_default();
    let layout = examine(&text)?;
    if layout.bom {
        text.drain(..BOM.len());
    }
    Ok((text, layout))
}

fn fail(text: &str, at: usize, message: String) -> SourceError {
    SourceError {
        text: text.to_string(),
        report: Report::new(vec![Diagnostic::error(at..at, message)]),
    }
}

/// `bytes` as text, if it is UTF-8 and not too large.
fn utf8(bytes: &[u8]) -> Result<&str, SourceError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(fail("", 0, too_large(bytes.len() as u64)));
    }
    if let Some(encoding) = wide_encoding(bytes) {
        return Err(fail(
            "",
            0,
            format!(
                "file is {encoding} text (it starts with a {encoding} byte-order mark); save it as UTF-8"
            ),
        ));
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        fail(
            &text,
            text.len(),
            format!(
                "file is not UTF-8 text (byte 0x{:02X} at offset {}); save it as UTF-8",
                bytes[err.valid_up_to()],
                err.valid_up_to()
            ),
        )
    })
}

/// The layout of `text` (which may start with a byte-order mark), in one
/// pass over its lines; an empty file or a line too long is an error.
fn examine(text: &str) -> Result<Layout, SourceError> {
    let bom = text.starts_with(BOM);
    let body = text.strip_prefix(BOM).unwrap_or(text);
    // The TOML reader would skip this one too, and a save would write the
    // file back with one mark less.
    if bom && body.starts_with(BOM) {
        return Err(fail(
            body,
            0,
            "file starts with two byte-order marks; remove one".to_string(),
        ));
    }
    if body.is_empty() {
        return Err(fail(
            body,
            0,
            "file is empty: a mission file starts with `format = 1` and a [mission] table"
                .to_string(),
        ));
    }
    let (mut line_start, mut newlines, mut crlf) = (0, 0, 0);
    for line in body.as_bytes().split_inclusive(|&b| b == b'\n') {
        if line.len() > MAX_LINE_BYTES {
            return Err(fail(
                body,
                line_start,
                format!(
                    "line is {} bytes long; itinera reads lines up to {} bytes",
                    line.len(),
                    MAX_LINE_BYTES
                ),
            ));
        }
        if line.ends_with(b"\r\n") {
            crlf += 1;
        }
        if line.ends_with(b"\n") {
            newlines += 1;
        }
        line_start += line.len();
    }
    Ok(Layout {
        bom,
        crlf: newlines > 0 && crlf == newlines,
        final_newline: body.ends_with('\n'),
    })
}

/// The encoding a file written as UTF-16 or UTF-32 declares with its
/// byte-order mark: such a file is text, only not UTF-8.
fn wide_encoding(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        Some("UTF-32")
    } else if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16")
    } else {
        None
    }
}

/// The message for a file of `len` bytes, over [`MAX_FILE_BYTES`]. Sizes are
/// rounded up, so a file just over the limit is not said to be the limit.
pub(crate) fn too_large(len: u64) -> String {
    const MB: u64 = 1 << 20;
    format!(
        "file is {} MB; itinera reads mission files up to {} MB",
        len.div_ceil(MB),
        MAX_FILE_BYTES as u64 / MB
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_message(err: SourceError) -> String {
        err.report.diagnostics[0].message.clone()
    }

    #[test]
    fn layout_round_trips() {
        for original in [
            "a = 1\n",
            "a = 1",
            "a = 1\r\nb = 2\r\n",
            "a = 1\r\nb = 2",
            "\u{feff}a = 1\r\n",
        ] {
            let (text, layout) = decode(original.as_bytes()).expect("decodes");
            // What the TOML layer would hand back: LF ends, final newline.
            let mut normalised = text.replace("\r\n", "\n");
            if !normalised.ends_with('\n') {
                normalised.push('\n');
            }
            assert_eq!(layout.apply(&normalised), original, "{original:?}");
        }
    }

    #[test]
    fn owned_bytes_decode_as_borrowed_ones_do() {
        let mut long = b"a = 1\nb = \"".to_vec();
        long.resize(long.len() + MAX_LINE_BYTES, b'x');
        for bytes in [
            &b"a = 1\n"[..],
            b"a = 1\r\nb = 2",
            b"\xef\xbb\xbfa = 1\r\n",
            b"\xef\xbb\xbf",
            b"",
            b"a = \"\xff\"",
            b"\xef\xbb\xbfa = \"\xff\"",
            &long,
        ] {
            assert_eq!(decode_owned(bytes.to_vec()), decode(bytes), "{bytes:?}");
        }
        let (text, _) = decode_owned(b"\xef\xbb\xbfa = 1\n".to_vec()).expect("decodes");
        assert_eq!(text, "a = 1\n");
    }

    #[test]
    fn a_file_just_over_the_limit_is_not_said_to_be_the_limit() {
        assert_eq!(
            too_large(MAX_FILE_BYTES as u64 + 1),
            "file is 65 MB; itinera reads mission files up to 64 MB"
        );
        assert_eq!(
            too_large(300 << 20),
            "file is 300 MB; itinera reads mission files up to 64 MB"
        );
    }

    #[test]
    fn wide_encodings_are_named_by_their_byte_order_mark() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("format = 1\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            first_message(decode(&utf16).expect_err("UTF-16")),
            "file is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8"
        );
        assert!(
            first_message(decode(b"\xFE\xFF\0f").expect_err("BE")).starts_with("file is UTF-16")
        );
        assert!(
            first_message(decode(b"\xFF\xFE\0\0f\0\0\0").expect_err("UTF-32"))
                .starts_with("file is UTF-32 text")
        );
    }

    #[test]
    fn a_second_byte_order_mark_is_refused() {
        let err = decode("\u{feff}\u{feff}format = 1\n".as_bytes()).expect_err("two marks");
        assert_eq!(err.report.diagnostics[0].span, 0..0);
        assert_eq!(
            first_message(err),
            "file starts with two byte-order marks; remove one"
        );
    }

    #[test]
    fn mixed_line_ends_are_not_crlf() {
        let (_, layout) = decode(b"a = 1\r\nb = 2\n").expect("decodes");
        assert!(!layout.crlf);
    }

    #[test]
    fn bad_bytes_are_errors_with_a_place() {
        let err = decode(b"a = 1\nb = \"\xff\"\n").expect_err("not utf-8");
        assert_eq!(err.text, "a = 1\nb = \"");
        assert!(first_message(err).starts_with("file is not UTF-8 text (byte 0xFF at offset 11)"));

        assert!(first_message(decode(b"").expect_err("empty")).starts_with("file is empty"));
        assert!(
            first_message(decode(BOM.as_bytes()).expect_err("empty")).starts_with("file is empty")
        );

        let mut long = b"a = 1\nb = \"".to_vec();
        long.resize(long.len() + MAX_LINE_BYTES, b'x');
        let err = decode(&long).expect_err("long line");
        assert_eq!(err.report.diagnostics[0].span, 6..6);
        assert!(first_message(err).starts_with("line is 1048581 bytes long"));
    }
}
