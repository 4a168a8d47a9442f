//! The TOML mission file: reading it with precise problems, and writing it
//! back without disturbing what the person wrote.
//!
//! Reading goes text -> TOML tree with spans ([`toml::de::DeTable`],
//! reached through [`tree`]) -> DTOs ([`dto`], filled by [`read`]) ->
//! [`crate::domain::Mission`] ([`validate`]). Both steps walk each
//! entity's description ([`crate::domain::schema`]) rather than naming its
//! fields. Every problem is a [`Diagnostic`] with a byte span; the CLI
//! prints them as `FILE:LINE:COL: error: MESSAGE`.
//!
//! Writing ([`save`]) starts from the document as it was read (toml_edit's
//! [`toml_edit::DocumentMut`], built from the text when first needed) and patches
//! only what differs between the mission as read and the mission now, so
//! comments, blank lines, key order, unknown keys and untouched entries stay
//! byte for byte. [`write`] puts the result on disk atomically.

mod base;
pub mod diagnostic;
pub mod dto;
pub mod open;
mod order;
pub mod output;
#[cfg(test)]
mod parsers_agree;
mod patch;
mod problems;
use problems::Spots;
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

use std::io;
use std::path::{Path, PathBuf};

pub use base::{Base, Preparation, Prepared};
pub use diagnostic::{Diagnostic, LineIndex, Report, Severity, excerpt, line_col};
pub use source::Layout;

use crate::domain::Mission;

/// A mission read from text, with the warnings found on the way.
#[derive(Clone, Debug)]
pub struct Parsed {
    pub mission: Mission,
    pub report: Report,
    pub base: Base,
}

/// A mission read for a command that only looks at it (`check`,
/// `export`, `diff`, `publish`, `next`, and `import` until it has changes
/// to write): no [`Base`] for a save, and the text its problems refer to.
#[derive(Clone, Debug)]
pub struct ReadOnly {
    pub mission: Mission,
    pub report: Report,
    /// The file's text (without a byte-order mark), for the problems'
    /// lines and columns.
    pub text: String,
    pub layout: Layout,
    /// Where the entities the plan's problems point at are written.
    spots: Spots,
}

impl ReadOnly {
    /// The file's bytes as read (the text, after its byte-order mark if it
    /// had one): what a save checks the file still holds.
    pub fn bytes(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(self.text.len() + 3);
        if self.layout.bom {
            bytes.extend_from_slice(source::BOM.as_bytes());
        }
        bytes.extend_from_slice(self.text.as_bytes());
        bytes
    }

    /// The base a save of this mission starts from, for a command that
    /// turns out to need one after reading (its document is built only
    /// at the first render).
    pub fn base(&self) -> Base {
        Base::new(&self.text, self.layout, self.mission.clone())
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
    match read_text(&text) {
        Ok((mission, report)) => Ok(Parsed {
            base: Base::new(&text, layout, mission.clone()),
            mission,
            report,
        }),
        Err(report) => Err((text, report)),
    }
}

/// The mission the bytes of a file read as, and nothing else: how a save
/// checks the text it is about to write, without the copies of the text
/// and the mission a planner's read keeps.
pub fn read_back(bytes: &[u8]) -> Result<Mission, (String, Report)> {
    let (text, _) = source::decode(bytes).map_err(|e| (e.text, e.report))?;
    match read_text(&text) {
        Ok((mission, _)) => Ok(mission),
        Err(report) => Err((text, report)),
    }
}

/// Reads a mission from the bytes of a file, for reading only: what
/// [`parse_bytes`] reads, without the base a save needs (the mission is
/// not copied into it, and the text is the bytes themselves).
pub fn read_bytes(bytes: Vec<u8>) -> Result<ReadOnly, (String, Report)> {
    let (text, layout) = source::decode_owned(bytes).map_err(|e| (e.text, e.report))?;
    match read_text_placed(&text, true) {
        Ok((mission, report, spots)) => Ok(ReadOnly {
            spots: spots.unwrap_or_default().of_mission(&mission),
            mission,
            report,
            text,
            layout,
        }),
        Err(report) => Err((text, report)),
    }
}

/// Reads a mission from text (LF or CRLF line ends, no byte-order mark).
pub fn parse(text: &str) -> Result<Parsed, Report> {
    let layout = Layout {
        bom: false,
        crlf: text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
        final_newline: text.ends_with('\n'),
    };
    let (mission, report) = read_text(text)?;
    Ok(Parsed {
        base: Base::new(text, layout, mission.clone()),
        mission,
        report,
    })
}

/// The mission in `text` and its warnings, or every problem found.
fn read_text(text: &str) -> Result<(Mission, Report), Report> {
    read_text_placed(text, false).map(|(mission, report, _)| (mission, report))
}

/// [`read_text`], with where the entities are written when `placed`.
fn read_text_placed(text: &str, placed: bool) -> Result<(Mission, Report, Option<Spots>), Report> {
    let mut problems = Vec::new();
    let dto = {
        let (tree, errors) = toml::de::DeTable::parse_recoverable(text);
        let overflow = tree::overflow(tree.get_ref());
        if !errors.is_empty() || overflow.is_some() {
            return Err(Report::new(syntax::problems(text, &errors, overflow)));
        }
        read::read_document(tree::Table::root(&tree, text), &mut problems)
        // The tree goes here: what follows needs only the DTOs.
    };
    let spots = placed.then(|| Spots::of(&dto));
    let mission = validate::validate(dto, text, &mut problems);
    let report = Report::new(problems);
    match mission {
        Some(mission) if !report.has_errors() => Ok((mission, report, spots)),
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
    let bytes = read_file(path)?;
    match parse_bytes(&bytes) {
        Ok(parsed) => Ok(Loaded {
            path: path.to_path_buf(),
            parsed,
            bytes,
        }),
        Err((text, report)) => Err(invalid(path, text, report)),
    }
}

/// Reads the mission file at `path` as [`load`] does, for reading only
/// (see [`read_bytes`]).
pub fn load_read_only(path: &Path) -> Result<ReadOnly, LoadError> {
    read_bytes(read_file(path)?).map_err(|(text, report)| invalid(path, text, report))
}

fn invalid(path: &Path, text: String, report: Report) -> LoadError {
    LoadError::Invalid {
        path: path.to_path_buf(),
        text,
        report,
    }
}

/// The bytes of the mission file at `path`, or why it cannot be read.
fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    match open::read_mission_bytes(path) {
        Ok(bytes) => Ok(bytes),
        Err(open::ReadError::Io(source)) => Err(match open::link_problem(path, &source) {
            Some(reason) => LoadError::NotAFile {
                path: path.to_path_buf(),
                reason,
            },
            None => LoadError::Io {
                path: path.to_path_buf(),
                source,
            },
        }),
        Err(err @ open::ReadError::NotRegular { .. }) => Err(LoadError::NotAFile {
            path: path.to_path_buf(),
            reason: err.to_string(),
        }),
        Err(open::ReadError::TooLarge { len }) => Err(invalid(
            path,
            String::new(),
            Report::new(vec![Diagnostic::error(0..0, source::too_large(len))]),
        )),
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
