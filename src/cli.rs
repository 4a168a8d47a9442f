//! The command line: `itinera [FILE]` opens the planner; `check`, `export`,
//! `import`, `new`, `diff`, `publish` and `next` work on mission files without a
//! terminal UI.
//!
//! Exit codes: 0 success (warnings allowed), 1 the mission file has errors,
//! 2 usage errors and files that cannot be read or written, 3 a calendar
//! server that cannot be reached or refuses (`publish`).

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::{Parser, Subcommand, ValueEnum};

mod diff;
mod git;
mod import;
mod next;
mod publish;

pub use diff::DiffFormat;
pub use import::ImportArgs;
pub use next::NextArgs;
pub use publish::PublishArgs;

use crate::domain::suggest;
use crate::error::Failure;
pub use crate::export::Format;
use crate::export::Scope;
use crate::file::output::{Existing, OutputError, write_output};
use crate::file::{self, LoadError, ReadOnly};

mod export_files;

use export_files::Destination;

/// Plan a delegation's week in the terminal: a day-by-day timeline, visit
/// details and the participant list, edited and saved back to a TOML
/// mission file; print the agenda as plain text.
#[derive(Debug, Parser)]
#[command(name = "itinera", version, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "In the planner, press ? for the keys. Optional settings (theme, home \
                        clock, key bindings) go in config.toml in itinera's configuration \
                        directory; see the README.\n\n\
                        Exit status: 0 success, 1 the mission file has errors, \
                        2 usage error or a file that cannot be read or written."
)]
pub struct Cli {
    /// Mission file to open (default: the one opened last; on the very
    /// first run, a copy of the bundled sample mission).
    pub file: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a mission file and its plan, and print every problem as
    /// FILE:LINE:COL: overlapping visits, too little time to change city,
    /// empty days, idle participants and the file's own problems.
    ///
    /// Exits 0 when there are no errors (warnings and notes allowed), 1
    /// when there are errors, 2 when the file cannot be read.
    Check {
        /// Mission file to check.
        file: PathBuf,
    },
    /// Print the agenda of a mission, for the delegation, as text,
    /// Markdown, iCalendar or JSON.
    Export {
        /// Mission file to export.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Only the visits this participant attends (a participant id).
        #[arg(long, value_name = "ID")]
        participant: Option<String>,
        /// Only this day (YYYY-MM-DD).
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        day: Option<NaiveDate>,
        /// Wrap lines at this many columns (text format; at least 40).
        #[arg(long, value_name = "N", default_value_t = 80, value_parser = parse_width)]
        width: u16,
        /// List cancelled visits too, marked [CANCELLED] (text and Markdown
        /// leave them out; iCalendar and JSON always keep them, an event
        /// marked cancelled, so a calendar that has it drops it).
        #[arg(long)]
        include_cancelled: bool,
        /// Write to this file (atomically) instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Write one file per participant, with only their visits, into
        /// --out-dir, named by participant id and format (vicini.ics).
        #[arg(long, requires = "out_dir", conflicts_with_all = ["participant", "output"])]
        each_participant: bool,
        /// Existing directory for the files of --each-participant.
        #[arg(long, value_name = "DIR", requires = "each_participant")]
        out_dir: Option<PathBuf>,
    },
    /// Import the events of an iCalendar file (.ics) into a mission: each
    /// becomes a visit, or updates the visit it already is.
    ///
    /// An event of itinera's own export updates its visit; another
    /// calendar's event is found again by its UID the next time. Events
    /// outside the mission's dates, or that repeat, are listed and not
    /// imported. The mission keeps its comments and layout; the previous
    /// version goes to MISSION.bak. Exits 0 when imported (also with events
    /// left out), 1 when the .ics file or the mission has errors, 2 on usage
    /// errors and files that cannot be read or written.
    Import(ImportArgs),
    /// Write a new mission file: a commented skeleton with one [[days]]
    /// entry per date. Never overwrites an existing file.
    New {
        /// Path of the file to create.
        file: PathBuf,
        /// Title of the mission.
        #[arg(long)]
        title: String,
        /// First day (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        start: NaiveDate,
        /// Last day (YYYY-MM-DD), on or after the start.
        #[arg(long, value_parser = parse_date)]
        end: NaiveDate,
        /// IANA time zone where the trip happens, e.g. Asia/Tokyo.
        #[arg(long, value_name = "ZONE", value_parser = parse_timezone)]
        timezone: Option<Tz>,
    },
    /// Show what changed between two versions of a mission, day by day,
    /// ready to paste into an email to the delegation.
    ///
    /// With one file, compares its version in git's HEAD with the file as
    /// it is now. Exits 0 whether or not anything changed, 1 when a version
    /// has errors, 2 on usage errors and versions that cannot be read.
    Diff {
        /// The earlier version; alone, the file to compare with its
        /// version in git's HEAD.
        old: PathBuf,
        /// The later version.
        new: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
        format: DiffFormat,
        /// Only what changes for this participant (a participant id): the
        /// visits they attend in either version.
        #[arg(long, value_name = "ID")]
        participant: Option<String>,
    },
    /// Publish the visits to a CalDAV calendar (Radicale, Nextcloud,
    /// Fastmail...), one event each, updating only what changed.
    ///
    /// Events edited on the server since they were published, and events
    /// itinera did not publish, are left as they are. Exits 0 when
    /// published (also with events left as on the server, which are
    /// listed), 1 when the mission has errors, 2 on usage errors, 3 when
    /// the server cannot be reached, refuses the login or answers
    /// something unexpected.
    Publish(PublishArgs),
    /// Print what is on now and what comes next, with the time left, on
    /// one line for a tmux or shell status line.
    ///
    /// Times are the mission's: --at is read in its time zone, and without
    /// --at it is now there. Only timed visits that are not cancelled
    /// count. Exits 0 (also before and after the mission), 1 when the
    /// mission has errors, 2 on usage errors and files that cannot be read.
    Next(NextArgs),
}

/// The `--format` words, and what `--help` says of each.
impl ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let help = match self {
            Format::Text => "Plain text, wrapped to --width",
            Format::Markdown => "Markdown: a heading and a list of visits per day",
            Format::Ics => "iCalendar (.ics), for calendar apps: one event per visit",
            Format::Json => "JSON, for scripts: every field of the mission",
        };
        Some(clap::builder::PossibleValue::new(self.name()).help(help))
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    crate::domain::parse_date(s).ok_or_else(|| format!("\"{s}\" is not a date like 2022-11-14"))
}

/// The narrowest agenda: a time label and a column of words beside it.
/// Narrower, the words themselves would be broken.
const MIN_WIDTH: u16 = 40;

fn parse_width(s: &str) -> Result<u16, String> {
    match s.trim().parse::<u64>() {
        Ok(width) if width < u64::from(MIN_WIDTH) => Err(format!(
            "the agenda needs at least {MIN_WIDTH} columns, \
             or its words would be broken"
        )),
        Ok(width) => u16::try_from(width).map_err(|_| format!("at most {} columns", u16::MAX)),
        Err(_) => Err(format!("expected a number of columns, {MIN_WIDTH} or more")),
    }
}

fn parse_timezone(s: &str) -> Result<Tz, String> {
    s.parse::<Tz>().map_err(|_| {
        let names = chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name());
        match suggest(s, names) {
            Some(name) => format!("unknown time zone \"{s}\" (did you mean \"{name}\"?)"),
            None => format!("unknown time zone \"{s}\" (use an IANA name like \"Asia/Tokyo\")"),
        }
    })
}

impl From<LoadError> for Failure {
    fn from(err: LoadError) -> Self {
        Failure::new(err.exit_code(), err.render())
    }
}

/// Output to stdout; a closed pipe (`itinera export m.toml | head`) ends the
/// command quietly.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure::usage(format!(
            "error: cannot write output: {err}\n"
        ))),
    }
}

/// Runs a subcommand. `None` means: open the terminal UI (see `crate::runner`).
pub fn run_command(command: Command) -> Result<(), Failure> {
    match command {
        Command::Check { file } => check(&file),
        Command::Export {
            file,
            format,
            participant,
            day,
            width,
            include_cancelled,
            output,
            each_participant,
            out_dir,
        } => {
            let read = load_reporting_warnings(&file)?;
            let mission = &read.mission;
            known_participant(participant.as_deref(), mission, &file)?;
            if let Some(day) = day {
                let index = crate::domain::DayIndex::build(mission);
                if index.day_of_date(day).is_none() {
                    return Err(Failure::usage(format!(
                        "error: {day} is not a day of the mission ({} to {})\n",
                        mission.header.start, mission.header.end
                    )));
                }
            }
            let scope = Scope {
                participant,
                day,
                width: width.into(),
                include_cancelled,
            };
            let destination = match (output, out_dir) {
                (_, Some(dir)) if each_participant => Destination::EachParticipant(dir),
                (Some(out), _) => Destination::File(out),
                _ => Destination::Stdout,
            };
            let done = export_files::export(&file, mission, format, scope, destination);
            left_to_exit(read);
            done
        }
        Command::New {
            file,
            title,
            start,
            end,
            timezone,
        } => new(&file, &title, start, end, timezone),
        Command::Diff {
            old,
            new,
            format,
            participant,
        } => diff::run(&old, new.as_deref(), format, participant.as_deref()),
        Command::Publish(args) => publish::run(args),
        Command::Import(args) => import::run(args),
        Command::Next(args) => next::run(args),
    }
}

/// How many ids an unknown `--participant` lists before counting the rest.
const IDS_LISTED: usize = 10;

/// Refuses `participant` (from `--participant`) when the mission read from
/// `path` has no one with that id: a usage error with the id meant.
fn known_participant(
    participant: Option<&str>,
    mission: &crate::domain::Mission,
    path: &Path,
) -> Result<(), Failure> {
    match participant {
        Some(id) if mission.participant(id).is_none() => Err(Failure::usage(format!(
            "error: no participant with id \"{}\" in {}{}\n",
            file::excerpt(id),
            path.display(),
            participant_hint(id, mission)
        ))),
        _ => Ok(()),
    }
}

/// After "no participant with id ...": the id meant, if one is close, or
/// the ids there are (the first [`IDS_LISTED`], then how many more).
fn participant_hint(id: &str, mission: &crate::domain::Mission) -> String {
    let ids: Vec<&str> = mission.participants.iter().map(|p| p.id.as_str()).collect();
    if let Some(close) = suggest(id, ids.iter().copied()) {
        return format!(" (did you mean \"{close}\"?)");
    }
    if ids.is_empty() {
        return "; the mission has no participants".to_string();
    }
    let listed: Vec<_> = ids
        .iter()
        .take(IDS_LISTED)
        .map(|id| file::excerpt(id))
        .collect();
    let more = match ids.len().saturating_sub(IDS_LISTED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("; the ids are: {}{more}", listed.join(", "))
}

fn check(path: &Path) -> Result<(), Failure> {
    let name = path.display().to_string();
    match file::load_read_only(path) {
        Ok(read) => {
            let report = read.check_report();
            print(&format!(
                "{}{name}: {}\n",
                report.render(&name, &read.text),
                report.summary()
            ))?;
            let failed = report.has_errors();
            left_to_exit(read);
            std::mem::forget(report);
            if failed {
                // An error in the plan (a time that does not exist).
                return Err(Failure {
                    code: 1,
                    message: String::new(),
                });
            }
            Ok(())
        }
        Err(LoadError::Invalid { text, report, .. }) => {
            print(&format!(
                "{}{name}: {}\n",
                report.render(&name, &text),
                report.summary()
            ))?;
            Err(Failure {
                code: 1,
                message: String::new(),
            })
        }
        Err(err) => Err(err.into()),
    }
}

/// A mission read by a command that ends the process once it is done
/// with it: the memory goes back to the system at the exit, all at once,
/// instead of being freed a string at a time (a fifth of `itinera check`
/// on a large file).
fn left_to_exit(read: ReadOnly) {
    std::mem::forget(read);
}

/// Loads a file for a command that uses it; the file's warnings and the
/// plan's errors (a time that does not exist, read as another) go to
/// stderr. The plan's warnings and notes are for `check`.
fn load_reporting_warnings(path: &Path) -> Result<ReadOnly, Failure> {
    let read = file::load_read_only(path)?;
    let report = read.report_with(|p| p.severity == file::Severity::Error);
    if !report.diagnostics.is_empty() {
        eprint!("{}", report.render(&path.display().to_string(), &read.text));
    }
    Ok(read)
}

fn new(
    path: &Path,
    title: &str,
    start: NaiveDate,
    end: NaiveDate,
    tz: Option<Tz>,
) -> Result<(), Failure> {
    if end < start {
        return Err(Failure::usage(format!(
            "error: --end {end} is before --start {start}\n"
        )));
    }
    let days = crate::domain::mission_days(start, end);
    if days > crate::domain::MAX_MISSION_DAYS {
        return Err(Failure::usage(format!(
            "error: --start {start} to --end {end} is {days} days; \
             itinera plans missions of up to {} days (3 years)\n",
            crate::domain::MAX_MISSION_DAYS
        )));
    }
    if title.trim().is_empty() {
        return Err(Failure::usage("error: --title must not be empty\n"));
    }
    let text = file::skeleton::skeleton(title, start, end, tz);
    write_output(path, &[], Existing::Refuse, text.as_bytes()).map_err(|err| match err {
        OutputError::Exists { .. } => Failure::usage(format!(
            "error: {err}; itinera new never overwrites a file\n"
        )),
        err => Failure::usage(format!("error: {err}\n")),
    })?;
    let days = match (end - start).num_days() + 1 {
        1 => "1 day".to_string(),
        n => format!("{n} days"),
    };
    print(&format!(
        "Created {} ({days}). Open it with: itinera {}\n",
        path.display(),
        path.display()
    ))
}
