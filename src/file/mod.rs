//! The TOML mission file: reading it with precise problems, and writing it
//! back without disturbing what the person wrote.
//!
//! Reading goes text -> TOML tree with spans ([`toml_edit::Document`]) ->
//! DTOs ([`dto`], filled by [`read`]) -> [`crate::domain::Mission`]
//! ([`validate`]). Every problem is a [`Diagnostic`] with a byte span; the
//! CLI prints them as `FILE:LINE:COL: error: MESSAGE`.
//!
//! Writing ([`save`]) starts from the document as it was read and patches
//! only what differs between the mission as read and the mission now, so
//! comments, blank lines, key order, unknown keys and untouched entries stay
//! byte for byte. [`write`] puts the result on disk atomically.

pub mod diagnostic;
pub mod dto;
mod read;
pub mod save;
pub mod skeleton;
pub mod source;
mod validate;
pub mod write;

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use toml_edit::{Document, DocumentMut};

pub use diagnostic::{Diagnostic, Report, Severity, line_col};
pub use read::parse_time;
pub use source::Layout;

use crate::domain::{Key, Mission};

/// A mission read from text, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub mission: Mission,
    pub report: Report,
    pub base: Base,
}

/// What a save needs to know about the file as it was read: its TOML
/// document, its layout and the mission it held.
#[derive(Clone, Debug)]
pub struct Base {
    pub(crate) doc: DocumentMut,
    pub(crate) layout: Layout,
    pub(crate) mission: Mission,
    /// Key of each visit and participant of `mission` -> its index, which is
    /// also the index of its table in the document.
    pub(crate) visit_tables: HashMap<Key, usize>,
    pub(crate) participant_tables: HashMap<Key, usize>,
}

impl Base {
    fn new(doc: DocumentMut, layout: Layout, mission: Mission) -> Self {
        let index = |keys: Vec<Key>| keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
        Base {
            visit_tables: index(mission.visits.iter().map(|v| v.key).collect()),
            participant_tables: index(mission.participants.iter().map(|p| p.key).collect()),
            doc,
            layout,
            mission,
        }
    }

    /// The file text for `mission`: the text read, patched where `mission`
    /// differs from the mission read.
    pub fn render(&self, mission: &Mission) -> String {
        save::render(self, mission)
    }

    /// The mission as it was read (or last saved).
    pub fn mission(&self) -> &Mission {
        &self.mission
    }

    /// After a save of `mission` as `text`: `mission` is the new baseline,
    /// keeping its session keys.
    pub fn rebase(&self, text: &str, mission: &Mission) -> Result<Base, Report> {
        let parsed = parse_bytes(text.as_bytes()).map_err(|(_, report)| report)?;
        if !parsed.mission.same_content(mission) {
            return Err(Report::new(vec![Diagnostic::error(
                0..0,
                "the saved text does not read back as the mission in memory",
            )]));
        }
        Ok(Base::new(
            parsed.base.doc,
            parsed.base.layout,
            mission.clone(),
        ))
    }
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
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = format!("invalid TOML: {}", err.message().trim_end());
            return Err(Report::new(vec![Diagnostic::error(span, message)]));
        }
    };
    let mut problems = Vec::new();
    let dto = read::read_document(&doc, &mut problems);
    let mission = validate::validate(dto, text, &mut problems);
    let report = Report::new(problems);
    match mission {
        Some(mission) if !report.has_errors() => Ok(Parsed {
            base: Base::new(doc.into_mut(), layout, mission.clone()),
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
    #[error("{} has {}", path.display(), report.summary())]
    Invalid {
        path: PathBuf,
        text: String,
        report: Report,
    },
}

impl LoadError {
    /// The problems as `FILE:LINE:COL: error: MESSAGE` lines, or the I/O
    /// error as one line.
    pub fn render(&self) -> String {
        match self {
            LoadError::Io { .. } => format!("error: {self}\n"),
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

pub fn load(path: &Path) -> Result<Loaded, LoadError> {
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
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
