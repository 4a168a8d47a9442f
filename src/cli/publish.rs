//! `itinera publish`: the mission to a CalDAV calendar. This file finds
//! the password and prints the report; the work is `crate::publish`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use clap::Args;

use super::{Failure, known_participant, load_reporting_warnings, print};
use crate::domain::Mission;
use crate::export::ics::stamp_from_env;
use crate::paths::Dirs;
use crate::publish::{self, PublishError, Secret, Settings, StateStore};

/// Exit code of a publish the server refused or that could not reach it.
const SERVER_FAILURE: u8 = 3;

#[derive(Debug, Args)]
pub struct PublishArgs {
    /// Mission file to publish.
    pub file: PathBuf,
    /// The calendar's URL, e.g. https://dav.example.org/alice/japan-2022/
    /// (created when it does not exist). Default: `url` in the mission
    /// file's [publish] table.
    #[arg(long)]
    pub url: Option<String>,
    /// User name for the server. Default: `user` in the mission file's
    /// [publish] table.
    #[arg(long, value_name = "NAME")]
    pub user: Option<String>,
    /// Read the password from the first line of this file (else from
    /// ITINERA_PASSWORD, else asked on the terminal).
    #[arg(long, value_name = "FILE")]
    pub password_file: Option<PathBuf>,
    /// Only the visits this participant attends (a participant id).
    #[arg(long, value_name = "ID")]
    pub participant: Option<String>,
    /// Say what would change, and change nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Overwrite events changed on the server since they were published,
    /// and remove or put back those deleted or changed there.
    #[arg(long)]
    pub force: bool,
    /// Allow plain http:// to a server that is not this computer
    /// (the password and the events cross the network unencrypted).
    #[arg(long)]
    pub insecure_http: bool,
    /// Seconds to wait for the server at each step.
    #[arg(long, value_name = "SECONDS", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub timeout: u64,
}

pub(super) fn run(args: PublishArgs) -> Result<(), Failure> {
    let read = load_reporting_warnings(&args.file)?;
    let mission = &read.mission;
    known_participant(args.participant.as_deref(), mission, &args.file)?;
    let epoch = std::env::var_os("SOURCE_DATE_EPOCH");
    let epoch = epoch.as_ref().map(|v| v.to_string_lossy());
    let stamp = stamp_from_env(epoch.as_deref(), Utc::now())
        .map_err(|err| Failure::usage(format!("error: {err}\n")))?;
    let (url, user) = calendar(&args, mission)?;
    // The URL is checked before the password is asked for.
    publish::target::Target::parse(&url, args.insecure_http).map_err(failure)?;
    let password = match &user {
        Some(user) => Some(password(&args, &url, user)?),
        None if args.password_file.is_some() => {
            return Err(Failure::usage(
                "error: --password-file needs a user name: give --user NAME, or set `user` in \
                 the mission's [publish] table\n",
            ));
        }
        None => None,
    };
    let dirs = Dirs::from_system().ok_or_else(|| {
        Failure::usage("error: no home directory, so nowhere to record what was published\n")
    })?;
    let settings = Settings {
        url,
        user,
        password,
        participant: args.participant.clone(),
        dry_run: args.dry_run,
        force: args.force,
        insecure: args.insecure_http,
        timeout: Duration::from_secs(args.timeout),
        stamp,
        source: std::fs::canonicalize(&args.file).ok(),
    };
    let summary =
        publish::run(mission, &settings, &StateStore::in_data_dir(&dirs)).map_err(failure)?;
    print(&summary.report())
}

/// The calendar URL and the login: `--url` and `--user`, else the
/// mission's `[publish]` table.
fn calendar(args: &PublishArgs, mission: &Mission) -> Result<(String, Option<String>), Failure> {
    let table = mission.publish.as_ref();
    let url = match (&args.url, table) {
        (Some(url), _) => url.clone(),
        (None, Some(table)) => table.url.clone(),
        (None, None) => {
            return Err(Failure::usage(format!(
                "error: no calendar to publish to: give --url URL, or add a [publish] table \
                 with the calendar's `url` (and `user`) to {}\n",
                args.file.display()
            )));
        }
    };
    let user = args
        .user
        .clone()
        .or_else(|| table.and_then(|t| t.user.clone()));
    Ok((url, user))
}

/// The password: the first line of `--password-file`, else
/// `ITINERA_PASSWORD`, else asked on the terminal without echo.
fn password(args: &PublishArgs, url: &str, user: &str) -> Result<Secret, Failure> {
    if let Some(path) = &args.password_file {
        return password_from_file(path);
    }
    if let Some(value) = std::env::var_os("ITINERA_PASSWORD") {
        let value = value
            .into_string()
            .map_err(|_| Failure::usage("error: ITINERA_PASSWORD is not valid UTF-8 text\n"))?;
        if !value.is_empty() {
            return Ok(Secret::new(value));
        }
    }
    let prompt = format!("Password for {user} at {}: ", url.trim());
    match rpassword::prompt_password(prompt) {
        Ok(value) if !value.is_empty() => Ok(Secret::new(value)),
        Ok(_) => Err(Failure::usage("error: no password given\n")),
        Err(_) => Err(Failure::usage(format!(
            "error: no password for \"{user}\": give --password-file FILE or set \
             ITINERA_PASSWORD (there is no terminal to ask on)\n"
        ))),
    }
}

fn password_from_file(path: &Path) -> Result<Secret, Failure> {
    Secret::from_file(path).map_err(|problem| Failure::usage(format!("error: {problem}\n")))
}

/// A publish failure: exit 2 for what the command line or this computer
/// got wrong, 3 for the server.
fn failure(err: PublishError) -> Failure {
    let code = match err {
        PublishError::BadUrl { .. }
        | PublishError::InsecureHttp { .. }
        | PublishError::UnknownParticipant { .. }
        | PublishError::State { .. } => 2,
        _ => SERVER_FAILURE,
    };
    Failure {
        code,
        message: format!("error: {err}\n"),
    }
}
