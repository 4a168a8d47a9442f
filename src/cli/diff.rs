//! `itinera diff`: what changed between two versions of a mission file, or
//! between a file and its version in git's HEAD.

use std::path::Path;

use clap::ValueEnum;

use super::git::{self, Committed};
use super::{Failure, load_reporting_warnings, print};
use crate::diff;
use crate::domain::changes::{compare, compare_for};
use crate::domain::{Mission, suggest};
use crate::file;

/// Columns of the text report, as the agenda's default.
const WIDTH: usize = 80;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    /// Plain text, wrapped to 80 columns.
    Text,
    /// Markdown: a heading per day and a list of changes.
    Markdown,
}

/// Compares `old` with `new`, or with its own version in git's HEAD when
/// `new` is left out, and prints the report. Either version having errors
/// is exit code 1; every problem found in both is printed.
pub(super) fn run(
    old: &Path,
    new: Option<&Path>,
    format: DiffFormat,
    participant: Option<&str>,
) -> Result<(), Failure> {
    let (before, after) = match new {
        Some(new) => both(load(old), load(new))?,
        None => {
            let after = load(old)?;
            let before = committed(git::head_version(old)?)?;
            (before, after)
        }
    };
    if let Some(id) = participant {
        known_participant(id, &before, &after)?;
    }
    let changes = match participant {
        Some(id) => compare_for(&before, &after, id),
        None => compare(&before, &after),
    };
    print(&match format {
        DiffFormat::Text => diff::text(&changes, WIDTH),
        DiffFormat::Markdown => diff::markdown(&changes),
    })
}

fn load(path: &Path) -> Result<Mission, Failure> {
    load_reporting_warnings(path).map(|read| read.mission)
}

/// Both missions, or the problems of every one that failed to load: exit
/// code 2 when a file could not be read, 1 when they only have errors.
fn both(
    old: Result<Mission, Failure>,
    new: Result<Mission, Failure>,
) -> Result<(Mission, Mission), Failure> {
    match (old, new) {
        (Ok(old), Ok(new)) => Ok((old, new)),
        (Err(e), Ok(_)) | (Ok(_), Err(e)) => Err(e),
        (Err(a), Err(b)) => Err(Failure {
            code: a.code.max(b.code),
            message: a.message + &b.message,
        }),
    }
}

/// The mission in a committed version, its problems named after the git
/// path ("HEAD:data/m.toml:12:3: error: …").
fn committed(version: Committed) -> Result<Mission, Failure> {
    match file::parse_bytes(&version.bytes) {
        Ok(parsed) => {
            if !parsed.report.diagnostics.is_empty() {
                let text = file::source::decode(&version.bytes)
                    .map(|(text, _)| text)
                    .unwrap_or_default();
                eprint!("{}", parsed.report.render(&version.name, &text));
            }
            Ok(parsed.mission)
        }
        Err((text, report)) => Err(Failure {
            code: 1,
            message: report.render(&version.name, &text),
        }),
    }
}

/// A usage error unless `id` is a participant of either version.
fn known_participant(id: &str, old: &Mission, new: &Mission) -> Result<(), Failure> {
    if old.participant(id).is_some() || new.participant(id).is_some() {
        return Ok(());
    }
    let mut ids: Vec<&str> = old
        .participants
        .iter()
        .chain(&new.participants)
        .map(|p| p.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let hint = suggest(id, ids)
        .map(|s| format!(" (did you mean \"{s}\"?)"))
        .unwrap_or_default();
    Err(Failure::usage(format!(
        "error: no participant with id \"{id}\" in either version{hint}\n"
    )))
}
