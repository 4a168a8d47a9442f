//! The record of what itinera published to each calendar: one small JSON
//! file per calendar URL in `DATA/publish/`, with each resource's href,
//! the ETag the server gave it and a hash of the body that was sent.
//!
//! The record is what tells itinera's own events from everyone else's
//! (only a recorded resource is ever updated or removed without
//! `--force`) and an event edited on the server from one it left as it
//! was (the server's ETag is no longer the recorded one).

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::PublishError;

/// The version of the record's format, written in every file.
const FORMAT: u32 = 1;

/// Where the records live: a directory, usually `DATA/publish`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateStore {
    dir: PathBuf,
}

/// What was published to one calendar.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    pub format: u32,
    /// The calendar's URL.
    pub calendar: String,
    /// By resource name ("lunch@japan.itinera.ics").
    pub resources: BTreeMap<String, Published>,
}

/// One resource as itinera last left it on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The href the server listed it under (or that itinera put it at).
    pub href: String,
    /// The server's ETag after the write, when it gave or listed one.
    pub etag: Option<String>,
    /// A hash of the body sent, without its `DTSTAMP` (see `body_hash`).
    pub hash: String,
    /// The visit's title, to name the event when it is removed.
    pub title: String,
    /// The mission's slug (the part of the UIDs after `@`).
    pub mission: String,
    /// The mission file it came from, made absolute.
    pub source: Option<String>,
}

impl StateStore {
    /// Records kept in `dir` (created at the first save).
    pub fn new(dir: impl Into<PathBuf>) -> StateStore {
        StateStore { dir: dir.into() }
    }

    /// The store in itinera's data directory.
    pub fn in_data_dir(dirs: &crate::paths::Dirs) -> StateStore {
        StateStore::new(dirs.data.join("publish"))
    }

    /// The file of the record for calendar `url`: its host, then a hash of
    /// the whole URL ("dav.example.org-3f2a....json").
    pub fn path(&self, url: &str) -> PathBuf {
        let host: String = url
            .split_once("://")
            .map_or(url, |(_, rest)| rest)
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
            .collect();
        let host = if host.is_empty() { "calendar" } else { &host };
        self.dir
            .join(format!("{host}-{:016x}.json", super::fnv1a(url.as_bytes())))
    }

    /// The record for calendar `url`; an empty one when nothing was
    /// published there yet.
    pub fn load(&self, url: &str) -> Result<Record, PublishError> {
        let path = self.path(url);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                return Ok(Record {
                    format: FORMAT,
                    calendar: url.to_string(),
                    resources: BTreeMap::new(),
                });
            }
            Err(err) => return Err(state_error(&path, &err.to_string())),
        };
        let record: Record = serde_json::from_str(&text)
            .map_err(|err| state_error(&path, &format!("it cannot be read ({err})")))?;
        if record.format != FORMAT {
            return Err(state_error(
                &path,
                &format!(
                    "it is in format {}; this itinera reads format {FORMAT}",
                    record.format
                ),
            ));
        }
        Ok(record)
    }

    /// Writes the record atomically.
    pub fn save(&self, record: &Record) -> Result<(), PublishError> {
        let path = self.path(&record.calendar);
        let mut text = serde_json::to_string_pretty(record)
            .map_err(|err| state_error(&path, &err.to_string()))?;
        text.push('\n');
        std::fs::create_dir_all(&self.dir)
            .and_then(|()| crate::file::write::write_atomic(&path, text.as_bytes()))
            .map_err(|err| state_error(&path, &err.to_string()))
    }
}

fn state_error(path: &Path, detail: &str) -> PublishError {
    PublishError::State {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(etag: &str) -> Published {
        Published {
            href: "/alice/trip/a@m.itinera.ics".into(),
            etag: Some(etag.into()),
            hash: "0123".into(),
            title: "Lunch".into(),
            mission: "m".into(),
            source: None,
        }
    }

    #[test]
    fn a_record_comes_back_as_it_was_saved_one_file_per_calendar() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = StateStore::new(dir.path().join("publish"));
        let url = "https://dav.example.org/alice/trip/";
        let empty = store.load(url).expect("empty");
        assert!(empty.resources.is_empty());
        assert_eq!(empty.calendar, url);
        let mut record = empty.clone();
        record
            .resources
            .insert("a@m.itinera.ics".into(), published("\"1\""));
        store.save(&record).expect("saves");
        assert_eq!(store.load(url).expect("loads"), record);
        let other = "https://dav.example.org/bob/trip/";
        assert!(store.load(other).expect("empty").resources.is_empty());
        assert_ne!(store.path(url), store.path(other));
        let name = store.path(url);
        let name = name.file_name().expect("a name").to_string_lossy();
        assert!(name.starts_with("dav.example.org-"), "{name}");
    }

    #[test]
    fn a_damaged_record_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = StateStore::new(dir.path());
        let url = "https://dav.example.org/alice/trip/";
        std::fs::write(store.path(url), "{ not json").expect("write");
        let err = store.load(url).expect_err("damaged").to_string();
        assert!(
            err.contains(&store.path(url).display().to_string()),
            "{err}"
        );
        assert!(err.contains("cannot be read"), "{err}");
    }
}
