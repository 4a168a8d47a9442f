//! Where `itinera export` puts what it renders: standard output, one file
//! (`-o`), or one file per participant (`--each-participant --out-dir`).
//! An export never replaces the mission file it was made from.

use std::path::{Path, PathBuf};

use chrono::Utc;

use super::{Format, print};
use crate::domain::Mission;
use crate::error::Failure;
use crate::export::{self, Scope};
use crate::file::output::{Existing, check_output, write_output};

/// Where the export goes.
pub(super) enum Destination {
    Stdout,
    File(PathBuf),
    EachParticipant(PathBuf),
}

/// Renders `mission` in `format` for `scope` and writes it to
/// `destination`. `source` is the mission file.
pub(super) fn export(
    source: &Path,
    mission: &Mission,
    format: Format,
    scope: Scope,
    destination: Destination,
) -> Result<(), Failure> {
    match destination {
        Destination::Stdout => print(&render(format, mission, &scope)?),
        Destination::File(out) => {
            refuse_source(&out, source)?;
            write(&out, source, &render(format, mission, &scope)?)
        }
        Destination::EachParticipant(dir) => each_participant(source, mission, format, scope, &dir),
    }
}

/// The export as text: the agenda, Markdown, iCalendar or JSON.
pub(super) fn render(format: Format, mission: &Mission, scope: &Scope) -> Result<String, Failure> {
    Ok(match format {
        Format::Text => export::agenda(mission, scope),
        Format::Markdown => export::markdown::agenda(mission, scope),
        Format::Ics => {
            let epoch = std::env::var_os("SOURCE_DATE_EPOCH");
            let epoch = epoch.as_ref().map(|v| v.to_string_lossy());
            let stamp = export::ics::stamp_from_env(epoch.as_deref(), Utc::now())
                .map_err(|err| Failure::usage(format!("error: {err}\n")))?;
            export::ics::calendar(mission, scope, stamp)
        }
        Format::Json => export::json::export(mission, scope)
            .map_err(|err| Failure::usage(format!("error: cannot write JSON: {err}\n")))?,
    })
}

/// One file per participant in `dir`, named by id: every file is rendered
/// and checked before the first is written.
fn each_participant(
    source: &Path,
    mission: &Mission,
    format: Format,
    scope: Scope,
    dir: &Path,
) -> Result<(), Failure> {
    match std::fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(Failure::usage(format!(
                "error: --out-dir {} is not a directory\n",
                dir.display()
            )));
        }
        Err(_) => {
            return Err(Failure::usage(format!(
                "error: --out-dir {} does not exist; create it first\n",
                dir.display()
            )));
        }
    }
    if mission.participants.is_empty() {
        return Err(Failure::usage(
            "error: the mission has no participants to write files for\n",
        ));
    }
    let mut files = Vec::new();
    for p in &mission.participants {
        // Ids differ, but "Rossi" and "rossi" would be one file where names
        // ignore case.
        if let Some(other) = mission
            .participants
            .iter()
            .take_while(|o| o.id != p.id)
            .find(|o| o.id.to_lowercase() == p.id.to_lowercase())
        {
            return Err(Failure::usage(format!(
                "error: participants \"{}\" and \"{}\" would get the same file name; \
                 rename one of the ids\n",
                other.id, p.id
            )));
        }
        let path = dir.join(format!("{}.{}", p.id, format.extension()));
        refuse_source(&path, source)?;
        let scope = Scope {
            participant: Some(p.id.clone()),
            ..scope.clone()
        };
        files.push((path, render(format, mission, &scope)?, &p.name));
    }
    let mut report = String::new();
    for (path, text, name) in files {
        write(&path, source, &text)?;
        report.push_str(&format!("Wrote {} ({name})\n", path.display()));
    }
    print(&report)
}

/// Writes one export file atomically; never the mission file itself.
fn write(path: &Path, source: &Path, text: &str) -> Result<(), Failure> {
    write_output(path, &[source], Existing::Replace, text.as_bytes())
        .map_err(|err| Failure::usage(format!("error: {err}\n")))
}

/// Refuses an output path that is the mission file, through another name,
/// a symbolic link or a hard link, before anything is rendered or written.
fn refuse_source(out: &Path, source: &Path) -> Result<(), Failure> {
    check_output(out, &[source], Existing::Replace)
        .map_err(|err| Failure::usage(format!("error: {err}\n")))
}
