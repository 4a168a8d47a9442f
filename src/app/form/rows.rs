//! The display rows of a multi-line text field: where its lines wrap, and
//! where the cursor is on screen. The form moves the cursor up and down by
//! these rows and the UI draws them, so what `↑` does is what the user sees.
//!
//! A line breaks after the spaces that end a word: the spaces stay at the
//! end of the row (they may hang past its edge, unseen), so no row starts
//! with one. A word wider than the row is broken between characters.

use unicode_width::UnicodeWidthChar;

/// One display row: characters `start..end` of line `line`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

fn width_of(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// The rows of `lines` at `width` columns (at least one per line).
pub fn rows(lines: &[String], width: usize) -> Vec<Row> {
    let width = width.max(1);
    let mut out = Vec::new();
    for (line, text) in lines.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        let mut start = 0;
        loop {
            let end = row_end(&chars, start, width);
            out.push(Row { line, start, end });
            if end >= chars.len() {
                break;
            }
            start = end;
        }
    }
    out
}

/// Where the row that starts at `start` ends.
fn row_end(chars: &[char], start: usize, width: usize) -> usize {
    let mut used = 0;
    // Where the last word that fits ends, its spaces included.
    let mut after_word = None;
    let mut i = start;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            used += 1;
            i += 1;
            if chars.get(i) != Some(&' ') {
                after_word = Some(i);
            }
            continue;
        }
        let w = width_of(c);
        if used + w > width {
            return match after_word {
                Some(end) if end > start => end,
                // A word wider than the row: break it, at least one
                // character a row.
                _ => i.max(start + 1),
            };
        }
        used += w;
        i += 1;
    }
    chars.len()
}

/// The display row and column of the cursor at (`line`, `col`), `col`
/// counting characters.
pub fn cursor_at(rows: &[Row], lines: &[String], (line, col): (usize, usize)) -> (usize, usize) {
    let mut found = None;
    for (r, row) in rows.iter().enumerate().filter(|(_, row)| row.line == line) {
        found = Some(r);
        if col < row.end {
            break;
        }
    }
    let Some(r) = found else {
        return (0, 0);
    };
    let row = rows[r];
    let text = lines.get(line).map(String::as_str).unwrap_or("");
    let column = text
        .chars()
        .skip(row.start)
        .take(col.saturating_sub(row.start))
        .map(width_of)
        .sum();
    (r, column)
}

/// The text position (line, character) closest to display column `column`
/// of row `r`. The last place of a row that continues on the next is its
/// last character, so the cursor stays on the row.
pub fn position_at(rows: &[Row], lines: &[String], r: usize, column: usize) -> (usize, usize) {
    let Some(row) = rows.get(r) else {
        return (0, 0);
    };
    let continues = rows.get(r + 1).is_some_and(|next| next.line == row.line);
    let last = if continues {
        row.end.saturating_sub(1).max(row.start)
    } else {
        row.end
    };
    let text = lines.get(row.line).map(String::as_str).unwrap_or("");
    let mut used = 0;
    let mut col = row.start;
    for c in text.chars().skip(row.start).take(last - row.start) {
        let w = width_of(c);
        if used + w > column {
            break;
        }
        used += w;
        col += 1;
    }
    (row.line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[&str], width: usize) -> Vec<String> {
        let lines: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        rows(&lines, width)
            .iter()
            .map(|r| {
                lines[r.line]
                    .chars()
                    .skip(r.start)
                    .take(r.end - r.start)
                    .collect()
            })
            .collect()
    }

    #[test]
    fn no_row_starts_with_a_space() {
        assert_eq!(
            texts(&["representatives of six"], 15),
            ["representatives ", "of six"]
        );
        assert_eq!(texts(&["ab cd  ef"], 5), ["ab cd  ", "ef"]);
        assert_eq!(texts(&["ab cd  ef"], 4), ["ab ", "cd  ", "ef"]);
    }

    #[test]
    fn long_words_break_and_blank_lines_are_rows() {
        assert_eq!(
            texts(&["abcdefgh", "", "x"], 3),
            ["abc", "def", "gh", "", "x"]
        );
        assert_eq!(texts(&["大阪大阪"], 5), ["大阪", "大阪"]);
    }

    #[test]
    fn the_cursor_is_found_on_its_row() {
        let lines = vec!["ab cd ef".to_string(), "xy".to_string()];
        let r = rows(&lines, 4);
        // "ab ", "cd ", "ef", "xy"
        assert_eq!(cursor_at(&r, &lines, (0, 0)), (0, 0));
        assert_eq!(cursor_at(&r, &lines, (0, 3)), (1, 0));
        assert_eq!(cursor_at(&r, &lines, (0, 8)), (2, 2));
        assert_eq!(cursor_at(&r, &lines, (1, 1)), (3, 1));
        assert_eq!(position_at(&r, &lines, 0, 9), (0, 2), "stays on its row");
        assert_eq!(position_at(&r, &lines, 2, 9), (0, 8), "the end of the line");
        assert_eq!(position_at(&r, &lines, 3, 1), (1, 1));
    }
}
