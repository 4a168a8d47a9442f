//! The TOML mission file: reading it with precise problems, and writing it
//! back without disturbing what the person wrote.
//!
//! Reading goes text -> TOML tree with spans ([`toml_edit::Document`],
//! reached through [`tree`]) -> DTOs ([`dto`], filled by [`read`]) ->
//! [`crate::domain::Mission`] ([`validate`]). Both steps walk each
//! entity's description ([`crate::domain::schema`]) rather than naming its
//! fields. Every problem is a [`Diagnostic`] with a byte span; the CLI
//! prints them as `FILE:LINE:COL: error: MESSAGE`.
//!
//! Writing ([`save`]) starts from the document as it was read and patches
//! only what differs between the mission as read and the mission now, so
//! comments, blank lines, key order, unknown keys and untouched entries stay
//! byte for byte. [`write`] puts the result on disk atomically.

pub mod diagnostic;
pub mod dto;
pub mod open;
mod order;
pub mod output;
mod patch;
mod read;
#[cfg(unix)]
mod replace;
pub mod save;
mod sections;
pub mod skeleton;
pub mod source;
pub mod sweep;
mod syntax;
mod tree;
mod validate;
pub mod write;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{Document, DocumentMut};

pub use diagnostic::{Diagnostic, LineIndex, Report, Severity, excerpt, line_col};
pub use source::Layout;

use crate::domain::{Key, Mission, Participant, Visit};

/// A mission read from text, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub mission: Mission,
    pub report: Report,
    pub base: Base,
}

/// What a save needs to know about the file: its TOML document, its
/// layout and the mission it holds. Created when the file is read; each
/// [`Base::render`] moves it on to the mission rendered.
#[derive(Clone, Debug)]
pub struct Base {
    /// The document as read (spans kept, cheap to build), until the first
    /// render turns it into `editable`.
    read: Option<Box<Document<String>>>,
    editable: Option<Box<DocumentMut>>,
    pub(crate) layout: Layout,
    pub(crate) mission: Mission,
    /// Key of each visit and participant of `mission` -> its index, which is
    /// also the index of its table in the document.
    pub(crate) visit_tables: HashMap<Key, usize>,
    pub(crate) participant_tables: HashMap<Key, usize>,
    /// Tables of visits and participants deleted since the file was read.
    pub(crate) dead_visits: save::Graveyard<Visit>,
    pub(crate) dead_participants: save::Graveyard<Participant>,
}

impl Base {
    fn new(doc: Document<String>, layout: Layout, mission: Mission) -> Self {
        let mut base = Base {
            read: Some(Box::new(doc)),
            editable: None,
            layout,
            mission,
            visit_tables: HashMap::new(),
            participant_tables: HashMap::new(),
            dead_visits: HashMap::new(),
            dead_participants: HashMap::new(),
        };
        base.index_keys();
        base
    }

    fn index_keys(&mut self) {
        let index = |keys: Vec<Key>| keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        self.visit_tables = index(self.mission.visits.iter().map(|v| v.key).collect());
        self.participant_tables = index(self.mission.participants.iter().map(|p| p.key).collect());
    }

    /// The text as read, while no render has changed the document.
    fn raw(&self) -> Option<&str> {
        match &self.editable {
            None => self.read.as_deref().map(Document::raw),
            Some(_) => None,
        }
    }

    fn editable(&mut self) -> &mut DocumentMut {
        let read = &mut self.read;
        self.editable.get_or_insert_with(|| {
            Box::new(read.take().map(|doc| doc.into_mut()).unwrap_or_default())
        })
    }

    /// The file text for `mission`: the text as read, patched where
    /// `mission` differs from the mission the base holds. The base then
    /// holds `mission`, so the next render patches from there.
    pub fn render(&mut self, mission: &Mission) -> String {
        save::render(self, mission)
    }

    /// [`Base::render`], then the text read back: it is returned only when
    /// it gives `mission` again, so nothing that would read back otherwise
    /// is ever written.
    pub fn render_checked(&mut self, mission: &Mission) -> Result<String, RenderError> {
        let text = self.render(mission);
        match parse_bytes(text.as_bytes()) {
            Ok(parsed) if parsed.mission.same_content(mission) => Ok(text),
            Ok(_) => Err(RenderError::Differs),
            Err((text, report)) => Err(RenderError::Invalid { text, report }),
        }
    }

    /// The base of `text` (a file's bytes) holding `mission`, whose
    /// entities are in the file's order: what a base was before a render
    /// whose text was then not written.
    pub fn rebuild(text: &[u8], mission: Mission) -> Result<Base, Report> {
        let parsed = parse_bytes(text).map_err(|(_, report)| report)?;
        if !parsed.mission.same_content(&mission) {
            return Err(Report::new(vec![Diagnostic::error(
                0..0,
                "the file does not hold the mission to rebuild",
            )]));
        }
        let mut base = parsed.base;
        base.mission = mission;
        base.index_keys();
        Ok(base)
    }

    /// The mission the base holds: as read, or as last rendered.
    pub fn mission(&self) -> &Mission {
        &self.mission
    }
}

/// Why a rendered mission was not written: its text does not read back
/// as the mission.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("the text to write reads back as a different mission")]
    Differs,
    #[error("the text to write has {}", report.summary())]
    Invalid { text: String, report: Report },
}

/// Reads a mission from the bytes of a file. On failure the report holds
/// every error (and warning) found, and `text` is the text they refer to.
pub fn parse_bytes(bytes: &[u8]) -> Result<Parsed, (String, Report)> {
    let (text, layout) = source::decode(bytes).map_err(|e| (e.text, e.report))?;
    parse_with_layout(&text, layout).map_err(|report| (text, report))
}

/// Reads a mission from text (LF or CRLF line ends, no byte-order mark).
pub fn parse(text: &str) -> Result<Parsed, Report> {
    let layout = Layout {
        bom: false,
        crlf: text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
        final_newline: text.ends_with('\n'),
    };
    parse_with_layout(text, layout)
}

fn parse_with_layout(text: &str, layout: Layout) -> Result<Parsed, Report> {
    let doc = match Document::parse(text.to_string()) {
        Ok(doc) => doc,
        Err(err) => return Err(Report::new(syntax::problems(text, &err))),
    };
    let mut problems = Vec::new();
    let dto = read::read_document(tree::Table::root(&doc), &mut problems);
    let mission = validate::validate(dto, text, &mut problems);
    let report = Report::new(problems);
    match mission {
        Some(mission) if !report.has_errors() => Ok(Parsed {
            base: Base::new(doc, layout, mission.clone()),
            mission,
            report,
        }),
        _ => Err(report),
    }
}

/// Why a mission file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
    /// Not a regular file (a directory, a named pipe, a device...), a
    /// link to one, or a link that leads nowhere: refused without reading.
    #[error("cannot read {}: {reason}", path.display())]
    NotAFile { path: PathBuf, reason: String },
    #[error("{} has {}", path.display(), report.summary())]
    Invalid {
        path: PathBuf,
        text: String,
        report: Report,
    },
}

impl LoadError {
    /// The exit code a command that could not load the file ends with: 1
    /// for a file with errors, 2 for one that cannot be read at all.
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::Io { .. } | LoadError::NotAFile { .. } => 2,
            LoadError::Invalid { .. } => 1,
        }
    }

    /// The problems as `FILE:LINE:COL: error: MESSAGE` lines, or the I/O
    /// error as one line.
    pub fn render(&self) -> String {
        match self {
            LoadError::Io { .. } | LoadError::NotAFile { .. } => format!("error: {self}\n"),
            LoadError::Invalid { path, text, report } => {
                report.render(&path.display().to_string(), text)
            }
        }
    }
}

/// A mission file read from disk.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub path: PathBuf,
    pub parsed: Parsed,
    /// The bytes read, to notice a later change on disk.
    pub bytes: Vec<u8>,
}

/// Reads the mission file at `path`: a regular file (links followed) of at
/// most [`source::MAX_FILE_BYTES`].
pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = match open::read_mission_bytes(path) {
        Ok(bytes) => bytes,
        Err(open::ReadError::Io(source)) => {
            return Err(match open::link_problem(path, &source) {
                Some(reason) => LoadError::NotAFile {
                    path: path.to_path_buf(),
                    reason,
                },
                None => LoadError::Io {
                    path: path.to_path_buf(),
                    source,
                },
            });
        }
        Err(err @ open::ReadError::NotRegular { .. }) => {
            return Err(LoadError::NotAFile {
                path: path.to_path_buf(),
                reason: err.to_string(),
            });
        }
        Err(open::ReadError::TooLarge { len }) => {
            return Err(LoadError::Invalid {
                path: path.to_path_buf(),
                text: String::new(),
                report: Report::new(vec![Diagnostic::error(0..0, source::too_large(len))]),
            });
        }
    };
    match parse_bytes(&bytes) {
        Ok(parsed) => Ok(Loaded {
            path: path.to_path_buf(),
            parsed,
            bytes,
        }),
        Err((text, report)) => Err(LoadError::Invalid {
            path: path.to_path_buf(),
            text,
            report,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one problem of a file that is not valid TOML, as `LINE:COL: MESSAGE`.
    fn syntax_error(text: &str) -> String {
        let report = parse(text).expect_err("invalid TOML");
        assert_eq!(report.diagnostics.len(), 1, "{report:?}");
        let d = &report.diagnostics[0];
        let (line, col) = line_col(text, d.span.start);
        format!("{line}:{col}: {}", d.message)
    }

    const HEAD: &str =
        "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";

    #[test]
    fn a_duplicate_key_is_named() {
        assert_eq!(
            syntax_error(&format!(
                "{HEAD}[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\ntitle = \"B\"\n"
            )),
            "9:1: duplicate key `title`: it is already set earlier in this table (line 7)"
        );
    }

    #[test]
    fn a_duplicate_key_in_an_inline_table_has_no_line() {
        assert_eq!(
            syntax_error(&format!("{HEAD}x = {{ title = 1, title = 2 }}\n")),
            "6:18: duplicate key `title`: it is already set earlier in this table"
        );
    }

    #[test]
    fn a_table_written_twice_is_reported_at_its_second_header() {
        assert_eq!(
            syntax_error(&format!(
                "{HEAD}\n  [ mission ]  # again\nsummary = \"S\"\n"
            )),
            "7:3: table [mission] is defined twice (first on line 2); \
             put all its keys under one [mission]"
        );
        assert_eq!(
            syntax_error(&format!("{HEAD}[visits]\ntitle = \"A\"\n[[visits]]\n")),
            "8:1: [[visits]] cannot add an entry to the table [visits] (line 6); \
             write each entry as [[visits]]"
        );
        assert_eq!(
            syntax_error(&format!("{HEAD}[[visits]]\ntitle = \"A\"\n[visits]\n")),
            "8:1: [visits] cannot follow the [[visits]] entries (line 6); \
             write each entry as [[visits]]"
        );
        assert_eq!(
            syntax_error("format = 1\nmission = { title = \"T\" }\n[mission]\n"),
            "3:1: `mission` is already set above, so [mission] cannot define it again"
        );
    }
}
