//! A text being typed: a form's field or the command line. Lines and a
//! cursor, and the editing operations a shell's command line has: insert
//! and paste, delete either way (a character, a word, to either end of the
//! line) and put back what was deleted, move by character, word or to
//! either end. Which key does what is the keymap's business (the `text`
//! mode of `crate::input`); how the text is drawn is the UI's.
//!
//! Positions count characters (Unicode scalar values), never bytes. Words
//! are runs of letters and digits (and `_`), or of punctuation: `fn foo(a)`
//! is the words `fn`, `foo`, `(`, `a`, `)`.

/// The lines of a text and where the cursor is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextInput {
    /// At least one line.
    lines: Vec<String>,
    /// (line, character) of the cursor: before that character, or at the
    /// end of the line.
    cursor: (usize, usize),
    /// What the last deletion of a piece took (a word, to the start or the
    /// end of a line), for [`TextInput::yank`].
    yank: String,
    /// The first column shown of a one-line input that is wider than its
    /// box; set by the UI, which keeps the cursor in view.
    pub scroll: usize,
}

impl Default for TextInput {
    fn default() -> Self {
        TextInput::new(Vec::new())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharKind {
    Space,
    Punct,
    Other,
}

impl CharKind {
    fn of(c: char) -> Self {
        if c.is_whitespace() {
            CharKind::Space
        } else if c == '_' {
            CharKind::Other
        } else if c.is_ascii_punctuation() {
            CharKind::Punct
        } else {
            CharKind::Other
        }
    }
}

/// The byte offset of character `col` of `line` (its end when past it).
fn byte_at(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

fn char_count(line: &str) -> usize {
    line.chars().count()
}

/// Where the next word after `col` starts.
fn next_word_start(line: &str, col: usize) -> Option<usize> {
    let mut chars = line.chars().enumerate().skip(col);
    let mut previous = CharKind::of(chars.next()?.1);
    for (i, c) in chars {
        let kind = CharKind::of(c);
        if kind != CharKind::Space && kind != previous {
            return Some(i);
        }
        previous = kind;
    }
    None
}

/// Where the word that `col` is in (or follows) ends.
fn word_end(line: &str, col: usize) -> Option<usize> {
    let mut chars = line.chars().enumerate().skip(col);
    let mut previous = CharKind::of(chars.next()?.1);
    for (i, c) in chars {
        let kind = CharKind::of(c);
        if previous != CharKind::Space && kind != previous {
            return Some(i);
        }
        previous = kind;
    }
    None
}

/// Where the word before `col` starts.
fn word_start_before(line: &str, col: usize) -> Option<usize> {
    let before: Vec<char> = line.chars().take(col).collect();
    let mut chars = before.iter().rev().enumerate();
    let mut kind = CharKind::of(*chars.next()?.1);
    for (i, c) in chars {
        let next = CharKind::of(*c);
        if kind != CharKind::Space && next != kind {
            return Some(col - i);
        }
        kind = next;
    }
    (kind != CharKind::Space).then_some(0)
}

impl TextInput {
    /// A text of `lines` (one empty line when there are none), the cursor
    /// at its very end.
    pub fn new(mut lines: Vec<String>) -> Self {
        if lines.is_empty() {
            lines.push(String::new());
        }
        let last = lines.len() - 1;
        let cursor = (last, char_count(&lines[last]));
        TextInput {
            lines,
            cursor,
            yank: String::new(),
            scroll: 0,
        }
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The text, lines joined by LF.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(String::is_empty)
    }

    /// (line, character) of the cursor.
    pub fn cursor(&self) -> (usize, usize) {
        self.cursor
    }

    fn line(&self) -> &str {
        &self.lines[self.cursor.0]
    }

    /// Puts the cursor at (`line`, `col`), each clamped to the text.
    pub fn jump(&mut self, line: usize, col: usize) {
        let line = line.min(self.lines.len() - 1);
        self.cursor = (line, col.min(char_count(&self.lines[line])));
    }

    /// The cursor to the very start of the text.
    pub fn to_start(&mut self) {
        self.cursor = (0, 0);
    }

    /// The cursor to the very end of the text.
    pub fn to_end(&mut self) {
        let last = self.lines.len() - 1;
        self.cursor = (last, char_count(&self.lines[last]));
    }

    /// Types `c` at the cursor (a line break for `\n` or `\r`).
    pub fn insert_char(&mut self, c: char) {
        if c == '\n' || c == '\r' {
            self.newline();
            return;
        }
        let (row, col) = self.cursor;
        let at = byte_at(&self.lines[row], col);
        self.lines[row].insert(at, c);
        self.cursor.1 += 1;
    }

    /// Inserts `text` at the cursor; its line breaks (LF or CRLF) start
    /// new lines. The cursor ends after it.
    pub fn insert_str(&mut self, text: &str) {
        let mut pieces = text.split('\n').map(|s| s.strip_suffix('\r').unwrap_or(s));
        let Some(first) = pieces.next() else {
            return;
        };
        self.insert_piece(first);
        for piece in pieces {
            self.newline();
            self.insert_piece(piece);
        }
    }

    fn insert_piece(&mut self, piece: &str) {
        let (row, col) = self.cursor;
        let at = byte_at(&self.lines[row], col);
        self.lines[row].insert_str(at, piece);
        self.cursor.1 += char_count(piece);
    }

    /// Breaks the line at the cursor.
    pub fn newline(&mut self) {
        let (row, col) = self.cursor;
        let at = byte_at(&self.lines[row], col);
        let rest = self.lines[row].split_off(at);
        self.lines.insert(row + 1, rest);
        self.cursor = (row + 1, 0);
    }

    /// Deletes the character before the cursor (at the start of a line,
    /// the line break before it).
    pub fn backspace(&mut self) {
        let (row, col) = self.cursor;
        if col == 0 {
            self.join_previous();
            return;
        }
        let at = byte_at(&self.lines[row], col - 1);
        self.lines[row].remove(at);
        self.cursor.1 -= 1;
    }

    /// Deletes the character under the cursor (at the end of a line, the
    /// line break after it).
    pub fn delete(&mut self) {
        let (row, col) = self.cursor;
        if col < char_count(&self.lines[row]) {
            let at = byte_at(&self.lines[row], col);
            self.lines[row].remove(at);
        } else if row + 1 < self.lines.len() {
            let next = self.lines.remove(row + 1);
            self.lines[row].push_str(&next);
        }
    }

    /// Joins the cursor's line to the one before it.
    fn join_previous(&mut self) {
        let row = self.cursor.0;
        if row == 0 {
            return;
        }
        let line = self.lines.remove(row);
        let end = char_count(&self.lines[row - 1]);
        self.lines[row - 1].push_str(&line);
        self.cursor = (row - 1, end);
    }

    /// Deletes characters `from..to` of the cursor's line, keeping them to
    /// put back; the cursor goes to `from`.
    fn cut(&mut self, from: usize, to: usize) {
        let row = self.cursor.0;
        let line = &mut self.lines[row];
        let (start, end) = (byte_at(line, from), byte_at(line, to));
        self.yank = line.drain(start..end).collect();
        self.cursor = (row, from);
    }

    /// Deletes the word before the cursor (at the start of a line, the
    /// line break before it).
    pub fn delete_word(&mut self) {
        let (_, col) = self.cursor;
        match word_start_before(self.line(), col) {
            Some(start) => self.cut(start, col),
            None if col > 0 => self.cut(0, col),
            None => self.join_previous(),
        }
    }

    /// Deletes from the cursor to the end of its word (at the end of a
    /// line, the line break after it).
    pub fn delete_next_word(&mut self) {
        let (row, col) = self.cursor;
        let len = char_count(self.line());
        match word_end(self.line(), col) {
            Some(end) => self.cut(col, end),
            None if col < len => self.cut(col, len),
            None if row + 1 < self.lines.len() => self.delete(),
            None => {}
        }
    }

    /// Deletes from the start of the line to the cursor (at the start of a
    /// line, the line break before it).
    pub fn delete_to_start(&mut self) {
        match self.cursor.1 {
            0 => self.join_previous(),
            col => self.cut(0, col),
        }
    }

    /// Deletes from the cursor to the end of the line (at the end of a
    /// line, the line break after it).
    pub fn delete_to_end(&mut self) {
        let (_, col) = self.cursor;
        let len = char_count(self.line());
        if col < len {
            self.cut(col, len);
        } else {
            self.delete();
        }
    }

    /// Puts back what the last deletion of a word or of the start or end
    /// of a line took.
    pub fn yank(&mut self) {
        let yank = self.yank.clone();
        self.insert_piece(&yank);
    }

    /// One character left (from the start of a line, to the end of the
    /// one before).
    pub fn left(&mut self) {
        let (row, col) = self.cursor;
        if col > 0 {
            self.cursor.1 -= 1;
        } else if row > 0 {
            self.cursor = (row - 1, char_count(&self.lines[row - 1]));
        }
    }

    /// One character right (from the end of a line, to the start of the
    /// next).
    pub fn right(&mut self) {
        let (row, col) = self.cursor;
        if col < char_count(self.line()) {
            self.cursor.1 += 1;
        } else if row + 1 < self.lines.len() {
            self.cursor = (row + 1, 0);
        }
    }

    /// To the start of the word before the cursor.
    pub fn word_left(&mut self) {
        let (row, col) = self.cursor;
        if let Some(start) = word_start_before(self.line(), col) {
            self.cursor.1 = start;
        } else if row > 0 {
            self.cursor = (row - 1, char_count(&self.lines[row - 1]));
        } else {
            self.cursor.1 = 0;
        }
    }

    /// To the start of the next word.
    pub fn word_right(&mut self) {
        let (row, col) = self.cursor;
        if let Some(start) = next_word_start(self.line(), col) {
            self.cursor.1 = start;
        } else if row + 1 < self.lines.len() {
            self.cursor = (row + 1, 0);
        } else {
            self.cursor.1 = char_count(self.line());
        }
    }

    pub fn line_start(&mut self) {
        self.cursor.1 = 0;
    }

    pub fn line_end(&mut self) {
        self.cursor.1 = char_count(self.line());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> TextInput {
        TextInput::new(s.split('\n').map(str::to_string).collect())
    }

    #[test]
    fn the_shells_line_keys_delete_and_put_back() {
        let mut t = text("Osaka Prefectural Government");
        t.line_start();
        for _ in 0.."Osaka ".len() {
            t.right();
        }
        t.delete_to_end();
        assert_eq!(t.text(), "Osaka ");
        t.insert_str("Prefecture");
        t.left();
        t.left();
        t.left();
        t.delete_to_start();
        assert_eq!((t.text().as_str(), t.cursor()), ("ure", (0, 0)));
        t.yank();
        assert_eq!(t.text(), "Osaka Prefecture");
        t.line_end();
        t.delete_word();
        assert_eq!(t.text(), "Osaka ");
        t.delete_word();
        assert_eq!(t.text(), "");
    }

    #[test]
    fn words_are_runs_of_letters_or_of_punctuation() {
        let mut t = text("fn foo(a) bar");
        t.line_start();
        let mut stops = Vec::new();
        for _ in 0..6 {
            t.word_right();
            stops.push(t.cursor().1);
        }
        assert_eq!(stops, [3, 6, 7, 8, 10, 13]);
        for expected in [10, 8, 7, 6, 3, 0, 0] {
            t.word_left();
            assert_eq!(t.cursor().1, expected);
        }
        t.line_start();
        t.delete_next_word();
        assert_eq!(t.text(), " foo(a) bar");
    }

    #[test]
    fn line_breaks_are_typed_pasted_and_deleted_like_characters() {
        let mut t = text("ab");
        t.left();
        t.newline();
        assert_eq!(
            (t.lines(), t.cursor()),
            (&["a".to_string(), "b".into()][..], (1, 0))
        );
        t.backspace();
        assert_eq!((t.text().as_str(), t.cursor()), ("ab", (0, 1)));
        t.insert_str("x\r\ny\nz");
        assert_eq!((t.text().as_str(), t.cursor()), ("ax\ny\nzb", (2, 1)));
        t.line_end();
        t.delete();
        assert_eq!(t.text(), "ax\ny\nzb");
        t.to_start();
        t.line_end();
        t.delete();
        assert_eq!(t.text(), "axy\nzb");
        t.left();
        t.left();
        t.left();
        t.left();
        assert_eq!(t.cursor(), (0, 0), "stops at the start");
        t.jump(5, 99);
        assert_eq!(t.cursor(), (1, 2), "clamped to the text");
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let mut t = text("大阪 é");
        t.left();
        t.backspace();
        t.insert_char('x');
        assert_eq!((t.text().as_str(), t.cursor()), ("大阪xé", (0, 3)));
        t.word_left();
        assert_eq!(t.cursor(), (0, 0));
    }
}
