//! The files that keep unsaved changes in the recovery directory, and
//! whose they are.
//!
//! A mission's recovery file is `KEY.toml` (see `Dirs::recovery_file`),
//! with two files beside it: `KEY.toml.disk`, the mission file's bytes as
//! the session last knew them (so a restore still notices later changes
//! on disk), and `KEY.toml.owner`, the itinera that wrote it (see
//! [`crate::owner`]). A recovery file whose owner is still running belongs
//! to that session, which is idle with unsaved changes, not to a session
//! that ended unexpectedly: no other itinera offers it or deletes it. When
//! `KEY.toml` is taken that way, a second session keeps its changes in
//! `KEY-pidPID.toml`. Older files moved aside for a newer one are
//! `KEY-earlier-TIME.toml`; files of changes discarded on purpose are
//! `KEY-discarded-TIME.toml` and are never offered.

use std::io;
use std::path::{Path, PathBuf};

use crate::owner::Owner;

/// The word in the names of files of changes the user discarded on
/// purpose (by reloading): kept, but never offered at start.
pub const DISCARDED: &str = "discarded";
/// The word in the names of older recovery files moved aside for a newer
/// one: still offered at start, newest first.
pub const EARLIER: &str = "earlier";

/// `recovery` with `suffix` added to its name.
fn beside(recovery: &Path, suffix: &str) -> PathBuf {
    let mut name = recovery.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The bytes of the mission file beside a recovery file.
pub fn disk_copy(recovery: &Path) -> PathBuf {
    beside(recovery, ".disk")
}

/// Who wrote a recovery file.
fn owner_file(recovery: &Path) -> PathBuf {
    beside(recovery, ".owner")
}

fn stem(recovery: &Path) -> String {
    recovery
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// `recovery` with a word and the current time added to its name:
/// `NAME-kept-20260312-141500.toml`.
pub fn stamped(recovery: &Path, word: &str) -> PathBuf {
    let time = chrono::Local::now().format("%Y%m%d-%H%M%S");
    recovery.with_file_name(format!("{}-{word}-{time}.toml", stem(recovery)))
}

/// When the recovery file `path` was written, in the computer's time
/// zone.
pub fn written_at(path: &Path) -> Option<chrono::NaiveDateTime> {
    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let local: chrono::DateTime<chrono::Local> = modified.into();
    Some(local.naive_local())
}

/// Where this process keeps its changes when another running itinera
/// holds the mission's recovery file.
pub fn of_this_process(recovery: &Path) -> PathBuf {
    recovery.with_file_name(format!("{}-pid{}.toml", stem(recovery), std::process::id()))
}

/// Writes the recovery file `path` with `text`, `disk` beside it, and this
/// process as its owner.
pub fn write(path: &Path, text: &[u8], disk: &[u8]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    claim(path)?;
    crate::file::write::write_atomic(&disk_copy(path), disk)?;
    crate::file::write::write_atomic(path, text)
}

/// Records this process as the owner of the recovery file `path`.
pub fn claim(path: &Path) -> io::Result<()> {
    let owner = Owner::current().to_text();
    crate::file::write::write_atomic(&owner_file(path), owner.as_bytes())
}

/// Moves the recovery file `from` (and the files beside it) to `to`.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)?;
    let _ = std::fs::rename(disk_copy(from), disk_copy(to));
    let _ = std::fs::rename(owner_file(from), owner_file(to));
    Ok(())
}

pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(disk_copy(path));
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(owner_file(path));
}

/// The running itinera, other than this process, that owns the recovery
/// file `path`, if any. A file without an owner (written before owners
/// were recorded) belongs to nobody running.
pub fn live_owner(path: &Path) -> Option<Owner> {
    let text = std::fs::read_to_string(owner_file(path)).ok()?;
    Owner::parse(&text).filter(Owner::is_other_live_itinera)
}

/// Every recovery file of the mission whose recovery file is `recovery`
/// (the base name), with its modification time: the base, the ones moved
/// aside and those of other sessions. Files of discarded changes are not
/// among them.
pub fn all(recovery: &Path) -> Vec<(std::time::SystemTime, PathBuf)> {
    let stem = stem(recovery);
    let Some(entries) = recovery
        .parent()
        .and_then(|dir| std::fs::read_dir(dir).ok())
    else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let middle = name.strip_prefix(&stem)?.strip_suffix(".toml")?;
            let ours = middle.is_empty()
                || middle.starts_with(&format!("-{EARLIER}-"))
                || middle
                    .strip_prefix("-pid")
                    .is_some_and(|pid| !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()));
            let modified = entry.metadata().and_then(|m| m.modified()).ok()?;
            ours.then(|| (modified, entry.path()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_files_of_one_mission_are_told_from_the_others() {
        let dir = tempfile::tempdir().expect("tempdir");
        let base = dir.path().join("m-0123456789abcdef.toml");
        for name in [
            "m-0123456789abcdef.toml",
            "m-0123456789abcdef-earlier-20260101-101010.toml",
            "m-0123456789abcdef-pid4242.toml",
            "m-0123456789abcdef-discarded-20260101-101010.toml",
            "m-0123456789abcdef.toml.disk",
            "m-0123456789abcdef.toml.owner",
            "m-0123456789abcdef-pidx.toml",
            "other-0123456789abcdef.toml",
        ] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        let mut names: Vec<String> = all(&base)
            .into_iter()
            .map(|(_, p)| p.file_name().expect("name").to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "m-0123456789abcdef-earlier-20260101-101010.toml",
                "m-0123456789abcdef-pid4242.toml",
                "m-0123456789abcdef.toml",
            ]
        );
    }

    #[test]
    fn a_file_written_here_is_owned_by_nobody_else() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.toml");
        write(&path, b"text", b"disk").expect("write");
        assert_eq!(
            std::fs::read_to_string(owner_file(&path)).expect("owner"),
            Owner::current().to_text()
        );
        assert_eq!(live_owner(&path), None, "this process is not another");
        remove(&path);
        assert!(!path.exists() && !owner_file(&path).exists() && !disk_copy(&path).exists());
    }
}
