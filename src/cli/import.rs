//! `itinera import EVENTS.ics --into MISSION.toml`: calendar events into a
//! mission. This file reads the two files, prints the report and saves;
//! what the events do is `crate::import::plan`.

use std::path::{Path, PathBuf};

use clap::Args;

use super::{Failure, load_reporting_warnings, print};
use crate::file::open::{ReadError, read_regular};
use crate::file::source::MAX_FILE_BYTES;
use crate::file::write::{SaveError, SaveOptions, save_checked};
use crate::file::{RenderError, line_col};
use crate::import::{Event, ImportPlan, Outcome, events, plan};

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The iCalendar file (.ics) whose events to import.
    pub events: PathBuf,
    /// The mission file the events go into (saved in place, its comments
    /// and layout kept, the previous version in MISSION.bak).
    #[arg(long, value_name = "MISSION")]
    pub into: PathBuf,
    /// Say what would be added, updated and not imported, and write
    /// nothing.
    #[arg(long)]
    pub dry_run: bool,
}

pub(super) fn run(args: ImportArgs) -> Result<(), Failure> {
    let events = read_events(&args.events)?;
    let mut loaded = load_reporting_warnings(&args.into)?;
    let plan = plan(&loaded.parsed.mission, &events);
    let source = args.events.display().to_string();
    eprint!("{}", skipped(&plan, &source));
    let mut report = changes(&plan, args.dry_run);
    report.push_str(&format!("{source}: {}\n", plan.headline()));
    let name = args.into.display().to_string();
    if args.dry_run {
        report.push_str(&format!("Dry run: {name} was not changed.\n"));
        return print(&report);
    }
    if !plan.changes() {
        report.push_str(&format!(
            "{name} already holds these events; nothing written.\n"
        ));
        return print(&report);
    }
    let text = loaded
        .parsed
        .base
        .render_checked(&plan.mission)
        .map_err(|err| match err {
            RenderError::Invalid { text, report } => Failure {
                code: 1,
                message: format!(
                    "error: the events would make {name} a mission with errors; \
                     nothing was written:\n{}",
                    report.render(&name, &text)
                ),
            },
            err => Failure {
                code: 1,
                message: format!("error: {err}; nothing was written to {name}\n"),
            },
        })?;
    let saved = save_checked(&args.into, &text, &loaded.bytes, SaveOptions::default())
        .map_err(|err| save_failure(&err, &name))?;
    report.push_str(&saved.message(&name));
    report.push('\n');
    print(&report)
}

/// The events of the file at `path`; a problem in it is reported as
/// `FILE:LINE:COL: error: MESSAGE` (exit 1), a file that cannot be read
/// as a usage error (exit 2).
fn read_events(path: &Path) -> Result<Vec<Event>, Failure> {
    let name = path.display();
    let bytes = match read_regular(path, MAX_FILE_BYTES) {
        Ok((bytes, _)) => bytes,
        Err(ReadError::TooLarge { len }) => {
            return Err(Failure::usage(format!(
                "error: {name} is {len} bytes; itinera imports calendars of up to {} MB\n",
                MAX_FILE_BYTES >> 20
            )));
        }
        Err(err) => {
            return Err(Failure::usage(format!(
                "error: cannot read {name}: {err}\n"
            )));
        }
    };
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        let (line, col) = line_col(&text, text.len());
        Failure {
            code: 1,
            message: format!(
                "{name}:{line}:{col}: error: not UTF-8 text; an iCalendar file is UTF-8\n"
            ),
        }
    })?;
    events(&text).map_err(|err| Failure {
        code: 1,
        message: format!("{name}:{}:{}: error: {}\n", err.line, err.col, err.message),
    })
}

/// "Added: Lunch (Mon 14 Nov, 12:00–13:00)", "Updated: … : start, end",
/// one line for each visit the import adds or changes.
fn changes(plan: &ImportPlan, dry_run: bool) -> String {
    let (add, update) = if dry_run {
        ("Would add", "Would update")
    } else {
        ("Added", "Updated")
    };
    let mut out = String::new();
    for entry in &plan.entries {
        match &entry.outcome {
            Outcome::Added { when } => out.push_str(&format!("{add}: {} ({when})\n", entry.title)),
            Outcome::Updated { when, fields } => {
                let fields: Vec<String> = fields.iter().map(|f| f.to_lowercase()).collect();
                out.push_str(&format!(
                    "{update}: {} ({when}): {}\n",
                    entry.title,
                    fields.join(", ")
                ));
            }
            Outcome::Unchanged { .. } | Outcome::Skipped { .. } => {}
        }
    }
    out
}

/// `FILE:LINE: warning: "TITLE" is not imported: REASON` for each event
/// the import leaves out.
fn skipped(plan: &ImportPlan, source: &str) -> String {
    plan.entries
        .iter()
        .filter_map(|entry| match &entry.outcome {
            Outcome::Skipped { reason } => Some(format!(
                "{source}:{}: warning: \"{}\" is not imported: {reason}\n",
                entry.line,
                crate::file::excerpt(&entry.title)
            )),
            _ => None,
        })
        .collect()
}

fn save_failure(err: &SaveError, name: &str) -> Failure {
    let message = match err {
        SaveError::ChangedOnDisk { .. } => format!(
            "error: {name} changed on disk while the events were imported; \
             nothing was written (run the import again)\n"
        ),
        SaveError::ReadOnly { .. } => {
            format!("error: {name} is read-only; nothing was written\n")
        }
        SaveError::Io { .. } => format!("error: {err}\n"),
    };
    Failure::usage(message)
}
