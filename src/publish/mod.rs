//! Publishing a mission to a CalDAV calendar (RFC 4791), so that every
//! delegate's phone shows the plan as it is now.
//!
//! [`run`] is the whole operation and prints nothing: the command line
//! prints the [`Summary`], the planner can show its [`Summary::headline`].
//! The parts:
//!
//! - `target` checks the calendar URL (https, or http to this computer)
//!   and names each event's resource after its UID.
//! - `client` speaks CalDAV over a blocking HTTP client (ureq, rustls):
//!   PROPFIND to list the calendar, MKCALENDAR, GET, and PUT and DELETE
//!   with `If-Match` / `If-None-Match: *`, so nothing changed meanwhile on
//!   the server is overwritten blindly.
//! - [`state`] keeps what was published where, in the data directory.
//! - `plan` decides, from the mission, the server's listing and the
//!   record, what happens to each event (the rules are at its top);
//!   `sync` carries the plan out and writes the record.

mod client;
mod plan;
pub mod state;
mod sync;
pub(crate) mod target;
mod xml;

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::domain::{Mission, slugify};
use crate::export::{Scope, days_in_scope, ics};
use crate::present::time_label;

pub use plan::Reason;
pub use state::StateStore;

use client::Client;
use plan::Wanted;
use target::Target;

/// How long a connection, a request or a reply may take by default.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// A password: never shown, also not by `{:?}`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(password: impl Into<String>) -> Secret {
        Secret(password.into())
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// What to publish where.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The calendar's URL (created when missing).
    pub url: String,
    /// The login; without one, no credentials are sent.
    pub user: Option<String>,
    pub password: Option<Secret>,
    /// Only the visits this participant attends.
    pub participant: Option<String>,
    /// Work out and report the changes without making them.
    pub dry_run: bool,
    /// Overwrite events changed on the server since they were published.
    pub force: bool,
    /// Allow plain `http://` to a host that is not this computer.
    pub insecure: bool,
    /// For connecting, sending and each wait for the server.
    pub timeout: Duration,
    /// Every event's `DTSTAMP`.
    pub stamp: DateTime<Utc>,
    /// The mission file: events published from it are this mission's also
    /// after its title (and so its UIDs) changed.
    pub source: Option<PathBuf>,
}

impl Settings {
    /// Publish to `url`, with no login, the defaults and the time now.
    pub fn new(url: impl Into<String>) -> Settings {
        Settings {
            url: url.into(),
            user: None,
            password: None,
            participant: None,
            dry_run: false,
            force: false,
            insecure: false,
            timeout: DEFAULT_TIMEOUT,
            stamp: Utc::now(),
            source: None,
        }
    }
}

/// What a publish did (or, in a dry run, would do).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// The calendar's URL.
    pub calendar: String,
    pub dry_run: bool,
    /// The calendar was missing and was (or would be) created.
    pub created_calendar: bool,
    /// The events the mission (or the participant) has.
    pub events: usize,
    pub changes: Vec<Change>,
    pub unchanged: usize,
    /// Events left as they are on the server, and why.
    pub conflicts: Vec<Conflict>,
    /// Resources in the calendar that itinera did not publish.
    pub foreign: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub kind: ChangeKind,
    /// The visit's title, day and time: "Lunch (Mon 14 Nov, 12:00–13:00)".
    pub title: String,
    /// The resource's name in the calendar.
    pub name: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeKind {
    Added,
    Updated,
    Removed,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub title: String,
    pub name: String,
    pub reason: Reason,
}

impl Summary {
    pub fn count(&self, kind: ChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// "12 events: 1 added, 1 updated, 1 removed, 9 unchanged", and how
    /// many were left as they are on the server; "to add" and so on in a
    /// dry run.
    pub fn headline(&self) -> String {
        let n = |kind| self.count(kind);
        let events = match self.events {
            1 => "1 event".to_string(),
            n => format!("{n} events"),
        };
        let (added, updated, removed) = if self.dry_run {
            ("to add", "to update", "to remove")
        } else {
            ("added", "updated", "removed")
        };
        let mut line = format!(
            "{events}: {} {added}, {} {updated}, {} {removed}, {} unchanged",
            n(ChangeKind::Added),
            n(ChangeKind::Updated),
            n(ChangeKind::Removed),
            self.unchanged
        );
        if !self.conflicts.is_empty() {
            let verb = if self.dry_run { "to leave" } else { "left" };
            line.push_str(&format!(
                "; {} {verb} as on the server",
                self.conflicts.len()
            ));
        }
        line
    }

    /// The whole report: what changed event by event, what was left and
    /// why, then the headline.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let would = if self.dry_run { "Would " } else { "" };
        if self.dry_run {
            out.push_str("Dry run: nothing is changed on the server.\n");
        }
        if self.created_calendar {
            let verb = if self.dry_run { "create" } else { "Created" };
            out.push_str(&format!("{would}{verb} the calendar {}\n", self.calendar));
        }
        for change in &self.changes {
            let verb = match (change.kind, self.dry_run) {
                (ChangeKind::Added, false) => "Added",
                (ChangeKind::Updated, false) => "Updated",
                (ChangeKind::Removed, false) => "Removed",
                (ChangeKind::Added, true) => "add",
                (ChangeKind::Updated, true) => "update",
                (ChangeKind::Removed, true) => "remove",
            };
            out.push_str(&format!("{would}{verb}: {}\n", change.title));
        }
        for conflict in &self.conflicts {
            out.push_str(&format!(
                "Left as on the server: {} ({}): {}; {}\n",
                conflict.title,
                conflict.name,
                conflict.reason.describe(),
                conflict.reason.remedy()
            ));
        }
        out.push_str(&self.headline());
        out.push('\n');
        match self.foreign {
            0 => {}
            1 => {
                out.push_str("1 other event in the calendar is not itinera's and was left alone.\n")
            }
            n => out.push_str(&format!(
                "{n} other events in the calendar are not itinera's and were left alone.\n"
            )),
        }
        out
    }
}

/// Why a publish stopped. No message ever holds the password.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{url} is not a calendar URL: {reason}")]
    BadUrl { url: String, reason: String },
    #[error(
        "refusing plain http:// to {host}: the password and the events would cross the \
         network unencrypted; use https://, or --insecure-http for a server you trust"
    )]
    InsecureHttp { host: String },
    #[error("no participant with id \"{id}\" in the mission")]
    UnknownParticipant { id: String },
    #[error("{}", login_refused(url, user.as_deref()))]
    LoginRefused { url: String, user: Option<String> },
    #[error("the server does not allow {method} {url} (403 Forbidden) for this login")]
    Forbidden { method: String, url: String },
    #[error("cannot reach the server for {url}: {detail}")]
    Unreachable { url: String, detail: String },
    #[error("the secure (TLS) connection for {url} failed: {detail}")]
    Tls { url: String, detail: String },
    #[error("the server did not answer in time for {url} (timeout: {seconds} s)")]
    Timeout { url: String, seconds: f64 },
    #[error("the server's reply to {method} {url} cannot be understood: {detail}")]
    Malformed {
        method: String,
        url: String,
        detail: String,
    },
    #[error("the server answered {method} {url} with {status} {reason}")]
    Status {
        method: String,
        url: String,
        status: u16,
        reason: String,
    },
    #[error("{url} redirects to {location}: publish to that URL instead")]
    Redirect { url: String, location: String },
    #[error(
        "{url} is a folder but not a calendar: give the URL of a calendar in it, or of a new \
         one to create (for example {url}itinera/)"
    )]
    NotACalendar { url: String },
    #[error("the record of what was published, {}: {detail}", path.display())]
    State { path: PathBuf, detail: String },
}

fn login_refused(url: &str, user: Option<&str>) -> String {
    match user {
        Some(user) => format!(
            "the server refused the login of \"{user}\" at {url} (401 Unauthorized): check the \
             user name and the password"
        ),
        None => format!(
            "the server at {url} asks for a login (401 Unauthorized): give --user, and the \
             password with --password-file or ITINERA_PASSWORD"
        ),
    }
}

/// Publishes `mission` as `settings` say, with the record in `store`.
pub fn run(
    mission: &Mission,
    settings: &Settings,
    store: &StateStore,
) -> Result<Summary, PublishError> {
    let target = Target::parse(&settings.url, settings.insecure)?;
    let participant = match &settings.participant {
        Some(id) => {
            Some(
                mission
                    .participant(id)
                    .ok_or_else(|| PublishError::UnknownParticipant {
                        id: crate::file::excerpt(id).into_owned(),
                    })?,
            )
        }
        None => None,
    };
    let wanted = wanted(mission, settings);
    let record = store.load(&target.url())?;
    let client = Client::new(
        &target,
        settings.user.as_deref(),
        settings.password.as_ref(),
        settings.timeout,
    );
    let listing = client.list(&target)?;
    let mut summary = Summary {
        calendar: target.url(),
        dry_run: settings.dry_run,
        created_calendar: listing.is_none(),
        events: wanted.len(),
        ..Summary::default()
    };
    if listing.is_none() && !settings.dry_run {
        let mut name = mission.header.title.clone();
        if let Some(p) = participant {
            name.push_str(" · ");
            name.push_str(&p.name);
        }
        client.mkcalendar(&target, &name)?;
    }
    let listing = listing.unwrap_or_default();
    let sync = sync::Sync {
        client: &client,
        target: &target,
        wanted: &wanted,
        mission: mission_slug(mission),
        source: settings
            .source
            .as_ref()
            .map(|p| p.to_string_lossy().into_owned()),
        write: !settings.dry_run,
    };
    sync.run(&listing, record, settings.force, store, &mut summary)?;
    Ok(summary)
}

/// The events of the visits in scope, in agenda order.
fn wanted(mission: &Mission, settings: &Settings) -> Vec<Wanted> {
    let ids = mission.visit_ids();
    // A cancelled visit stays on the server, marked cancelled, so the
    // phones that have its event show it so.
    let scope = Scope {
        participant: settings.participant.clone(),
        include_cancelled: true,
        ..Scope::default()
    };
    days_in_scope(mission, &scope)
        .into_iter()
        .flat_map(|(_, visits)| visits)
        .map(|i| {
            let visit = &mission.visits[i];
            let body = ics::event_calendar(mission, visit, &ids[i], settings.stamp);
            Wanted {
                name: format!("{}.ics", ics::visit_uid(mission, visit, &ids[i])),
                title: format!(
                    "{} ({}, {})",
                    visit.title,
                    visit.date.format("%a %-d %b"),
                    time_label(visit)
                ),
                hash: body_hash(&body),
                body,
            }
        })
        .collect()
}

/// The part of the UIDs after `@`, without `.itinera`.
fn mission_slug(mission: &Mission) -> String {
    match slugify(&mission.header.title) {
        s if s.is_empty() => "mission".to_string(),
        s => s,
    }
}

/// A hash of what a calendar object says (see [`plan::event_lines`]), so
/// a new `DTSTAMP` alone is no change.
pub(crate) fn body_hash(body: &str) -> String {
    format!(
        "{:016x}",
        fnv1a(plan::event_lines(body).join("\n").as_bytes())
    )
}

/// FNV-1a, 64 bits: stable across runs and Rust versions.
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_never_show_the_password() {
        let mut settings = Settings::new("https://dav.example.org/alice/trip/");
        settings.user = Some("alice".into());
        settings.password = Some(Secret::new("hunter2-Horse"));
        let shown = format!("{settings:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("Secret(***)"), "{shown}");
    }

    #[test]
    fn the_headline_counts_each_kind_and_what_was_left() {
        let change = |kind| Change {
            kind,
            title: "Lunch".into(),
            name: "lunch@m.itinera.ics".into(),
        };
        let mut summary = Summary {
            events: 12,
            changes: vec![
                change(ChangeKind::Added),
                change(ChangeKind::Updated),
                change(ChangeKind::Removed),
            ],
            unchanged: 9,
            ..Summary::default()
        };
        assert_eq!(
            summary.headline(),
            "12 events: 1 added, 1 updated, 1 removed, 9 unchanged"
        );
        summary.dry_run = true;
        summary.unchanged = 8;
        summary.conflicts.push(Conflict {
            title: "Dinner".into(),
            name: "dinner@m.itinera.ics".into(),
            reason: Reason::Changed,
        });
        assert_eq!(
            summary.headline(),
            "12 events: 1 to add, 1 to update, 1 to remove, 8 unchanged; 1 to leave as on the server"
        );
    }
}
