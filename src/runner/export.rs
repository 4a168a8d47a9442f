//! The planner's export on disk: rendered by the same code as `itinera
//! export` (`crate::export::render`, `each_participant`), written through
//! the same check (`file::output`), so the mission file itself is never
//! written over, by any name. What is there already is replaced only when
//! the request says the user agreed.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::app::{ExportRequest, ExportScope, Report};
use crate::domain::Mission;
use crate::export::{self, Format, Scope};
use crate::file::output::{Existing, OutputError, check_output, write_output};
use crate::store::expand_home;

/// What writing an export came to.
enum Written {
    Done {
        files: usize,
        new_folder: bool,
    },
    /// Nothing written: `existing` of the `files` are there.
    Exists {
        existing: usize,
        files: usize,
    },
}

/// Writes the export `request` asks for, of `mission` read from the
/// mission file `source`.
pub(super) fn export(source: &Path, mission: &Mission, request: ExportRequest) -> Report {
    match write(source, mission, &request) {
        Ok(Written::Done { files, new_folder }) => Report::Exported {
            request,
            files,
            new_folder,
        },
        Ok(Written::Exists { existing, files }) => Report::ExportExists {
            request,
            existing,
            files,
        },
        Err(problem) => Report::ExportFailed { request, problem },
    }
}

fn write(source: &Path, mission: &Mission, request: &ExportRequest) -> Result<Written, String> {
    let path = expand_home(request.path.trim());
    let stamp = stamp(request.format)?;
    let everyone = request.scope == ExportScope::Everyone;
    let files = if everyone {
        if path.exists() && !path.is_dir() {
            return Err(format!(
                "{} is a file, not a folder; a file each goes into a folder",
                path.display()
            ));
        }
        export::each_participant(mission, request.format, &Scope::default(), stamp)
            .map_err(|err| err.to_string())?
            .into_iter()
            .map(|file| (path.join(&file.name), file.text))
            .collect()
    } else {
        if path.is_dir() {
            return Err(format!(
                "{} is a folder; give the name of a file",
                path.display()
            ));
        }
        let text = export::render(request.format, mission, &scope(&request.scope), stamp)
            .map_err(|err| err.to_string())?;
        vec![(path.clone(), text)]
    };
    for (out, _) in &files {
        check_output(out, &[source], Existing::Replace).map_err(problem)?;
    }
    let existing = files.iter().filter(|(out, _)| out.exists()).count();
    if existing > 0 && !request.replace {
        return Ok(Written::Exists {
            existing,
            files: files.len(),
        });
    }
    let new_folder = everyone && !path.exists();
    if new_folder {
        std::fs::create_dir(&path)
            .map_err(|err| format!("cannot make the folder {}: {err}", path.display()))?;
    }
    write_all(source, &files)?;
    Ok(Written::Done {
        files: files.len(),
        new_folder,
    })
}

fn write_all(source: &Path, files: &[(PathBuf, String)]) -> Result<(), String> {
    for (out, text) in files {
        write_output(out, &[source], Existing::Replace, text.as_bytes()).map_err(problem)?;
    }
    Ok(())
}

/// Why an export file cannot be written, short enough for the status
/// bar.
fn problem(err: OutputError) -> String {
    match err {
        OutputError::IsTheMission { out, .. } => format!(
            "{} is the mission file itself; choose another name",
            out.display()
        ),
        err => err.to_string(),
    }
}

/// The export's scope, at the agenda's usual width.
fn scope(scope: &ExportScope) -> Scope {
    let mut out = Scope::default();
    match scope {
        ExportScope::All | ExportScope::Everyone => {}
        ExportScope::Day(day) => out.day = Some(*day),
        ExportScope::Person(id) => out.participant = Some(id.clone()),
    }
    out
}

/// The iCalendar `DTSTAMP`, as `itinera export` takes it:
/// `SOURCE_DATE_EPOCH` when set, else now.
pub(super) fn stamp(format: Format) -> Result<DateTime<Utc>, String> {
    if format != Format::Ics {
        return Ok(Utc::now());
    }
    let epoch = std::env::var_os("SOURCE_DATE_EPOCH");
    let epoch = epoch.as_ref().map(|v| v.to_string_lossy());
    export::ics::stamp_from_env(epoch.as_deref(), Utc::now())
}
