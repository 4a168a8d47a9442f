//! Reading iCalendar text (RFC 5545 §3.1) into its components: physical
//! lines unfolded into content lines, each split into name, parameters
//! and value, nested by `BEGIN`/`END`. Every content line keeps where it
//! starts in the file, so a problem is reported at its line and column.
//!
//! The reader is lenient where files in the wild are: LF alone ends a
//! line as CRLF does, blank lines are skipped, names are read in any case,
//! and several VCALENDARs may follow each other. It is strict where a
//! guess would import the wrong thing: a line without a `:`, a name with a
//! character no name has, an unclosed quote, an `END` that closes another
//! component, or a component never closed is an error.

use std::fmt;

/// A problem in the text, at a line and a column (both from 1; the column
/// counts characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IcsError {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for IcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.col, self.message)
    }
}

/// One content line: `NAME;PARAM=VALUE:value`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// In upper case.
    pub name: String,
    /// Parameter names in upper case, values unquoted.
    pub params: Vec<(String, String)>,
    pub value: String,
    /// Where the line starts.
    pub line: usize,
    /// Where the value starts: line and column.
    pub value_at: (usize, usize),
}

impl Property {
    /// The value of parameter `name` (upper case).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// An error about this property's value.
    pub fn error(&self, message: impl Into<String>) -> IcsError {
        IcsError {
            line: self.value_at.0,
            col: self.value_at.1,
            message: message.into(),
        }
    }
}

/// A component (`VCALENDAR`, `VEVENT`, `VALARM`...) with its own
/// properties and the components inside it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    /// In upper case.
    pub name: String,
    /// The line of its `BEGIN`.
    pub line: usize,
    pub properties: Vec<Property>,
    pub components: Vec<Component>,
}

impl Component {
    /// The first property called `name` (upper case).
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

/// The VCALENDARs of `text`.
pub fn read(text: &str) -> Result<Vec<Component>, IcsError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut calendars = Vec::new();
    let mut open: Vec<Component> = Vec::new();
    let mut last_line = 0;
    for logical in unfold(text) {
        last_line = logical.last_line;
        let property = parse(&logical)?;
        match property.name.as_str() {
            "BEGIN" => {
                let name = property.value.trim().to_ascii_uppercase();
                if open.is_empty() && name != "VCALENDAR" {
                    return Err(property.error(format!(
                        "expected BEGIN:VCALENDAR, the start of an iCalendar file, \
                         not BEGIN:{name}"
                    )));
                }
                open.push(Component {
                    name,
                    line: property.line,
                    ..Component::default()
                });
            }
            "END" => {
                let name = property.value.trim().to_ascii_uppercase();
                let Some(component) = open.pop() else {
                    return Err(property.error(format!("END:{name} without a BEGIN:{name}")));
                };
                if component.name != name {
                    return Err(property.error(format!(
                        "END:{name} where BEGIN:{} (line {}) is still open",
                        component.name, component.line
                    )));
                }
                match open.last_mut() {
                    Some(parent) => parent.components.push(component),
                    None => calendars.push(component),
                }
            }
            _ => match open.last_mut() {
                Some(component) => component.properties.push(property),
                None => {
                    return Err(property.error(format!(
                        "{} outside any component; an iCalendar file starts with \
                         BEGIN:VCALENDAR",
                        property.name
                    )));
                }
            },
        }
    }
    if let Some(component) = open.last() {
        return Err(IcsError {
            line: last_line.max(1),
            col: 1,
            message: format!(
                "BEGIN:{} on line {} is never closed by END:{}",
                component.name, component.line, component.name
            ),
        });
    }
    if calendars.is_empty() {
        return Err(IcsError {
            line: 1,
            col: 1,
            message: "not an iCalendar file: there is no BEGIN:VCALENDAR".into(),
        });
    }
    Ok(calendars)
}

/// A content line put back together from its physical lines.
struct Logical {
    text: String,
    /// For each physical line: where it starts in `text`, its line
    /// number, and how many characters of it were dropped before that
    /// (the space that marks a continuation).
    pieces: Vec<(usize, usize, usize)>,
    last_line: usize,
}

impl Logical {
    /// The line and column of byte `at` of `text`.
    fn position(&self, at: usize) -> (usize, usize) {
        let (start, line, dropped) = self
            .pieces
            .iter()
            .rev()
            .find(|(start, _, _)| *start <= at)
            .copied()
            .unwrap_or((0, 1, 0));
        let col = self.text[start..at].chars().count() + dropped + 1;
        (line, col)
    }
}

/// The content lines of `text`: a line that starts with a space or a tab
/// continues the one before it. Blank lines are skipped.
fn unfold(text: &str) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let number = n + 1;
        let continued = line.starts_with([' ', '\t']);
        match out.last_mut() {
            Some(logical) if continued => {
                logical.pieces.push((logical.text.len(), number, 1));
                logical.text.push_str(&line[1..]);
                logical.last_line = number;
            }
            _ if line.trim().is_empty() => {}
            _ => out.push(Logical {
                text: line.to_string(),
                pieces: vec![(0, number, 0)],
                last_line: number,
            }),
        }
    }
    out
}

/// Splits a content line into name, parameters and value.
fn parse(logical: &Logical) -> Result<Property, IcsError> {
    let text = &logical.text;
    let error = |at: usize, message: String| {
        let (line, col) = logical.position(at);
        IcsError { line, col, message }
    };
    let name_end = text.find([';', ':']).unwrap_or(text.len());
    let name = &text[..name_end];
    if let Some((at, c)) = name
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric() && *c != '-')
    {
        return Err(error(
            at,
            format!("{c:?} cannot be part of a property name; expected NAME:VALUE"),
        ));
    }
    if name.is_empty() {
        return Err(error(
            0,
            "a content line starts with its name: NAME:VALUE".into(),
        ));
    }
    let mut params = Vec::new();
    let mut at = name_end;
    while text[at..].starts_with(';') {
        let (param, end) = parameter(text, at + 1).map_err(|(at, m)| error(at, m))?;
        params.push(param);
        at = end;
    }
    if !text[at..].starts_with(':') {
        return Err(error(
            text.len(),
            format!("the line has no ':' before its value; expected {name}:VALUE"),
        ));
    }
    let value_start = at + 1;
    Ok(Property {
        name: name.to_ascii_uppercase(),
        params,
        value: text[value_start..].to_string(),
        line: logical.pieces[0].1,
        value_at: logical.position(value_start),
    })
}

/// One parameter starting at byte `from` (after its `;`): its name in
/// upper case and its values joined by commas, quotes taken off, and
/// where it ends.
fn parameter(text: &str, from: usize) -> Result<((String, String), usize), (usize, String)> {
    let rest = &text[from..];
    let eq = rest
        .find('=')
        .filter(|&eq| !rest[..eq].contains([':', ';']))
        .ok_or((from, "a parameter is NAME=VALUE".to_string()))?;
    let name = rest[..eq].to_ascii_uppercase();
    let mut at = from + eq + 1;
    let mut values = Vec::new();
    loop {
        if text[at..].starts_with('"') {
            let close = text[at + 1..]
                .find('"')
                .ok_or((at, format!("the quoted value of {name} is never closed")))?;
            values.push(&text[at + 1..at + 1 + close]);
            at += close + 2;
        } else {
            let end = text[at..]
                .find([',', ';', ':'])
                .map_or(text.len(), |e| at + e);
            values.push(&text[at..end]);
            at = end;
        }
        if text[at..].starts_with(',') {
            at += 1;
        } else {
            break;
        }
    }
    Ok(((name, values.join(",")), at))
}

/// A TEXT value with its escapes read (RFC 5545 §3.3.11): `\\n` or `\\N` is a
/// line break, `\\,`, `\\;` and `\\\\` the character itself.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A list of TEXT values (CATEGORIES): split at commas without a
/// backslash before them, each unescaped.
pub fn unescape_list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut escaped = false;
    for c in value.chars() {
        match c {
            ',' if !escaped => items.push(unescape(&std::mem::take(&mut current))),
            _ => {
                escaped = c == '\\' && !escaped;
                current.push(c);
            }
        }
    }
    items.push(unescape(&current));
    items
}

#[cfg(test)]
mod tests;
