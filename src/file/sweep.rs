//! Temporary files left beside a mission by saves that never finished (the
//! process was killed, the disk was full, the file could not be replaced):
//! `.NAME.XXXXXX` and `.NAME.bak.XXXXXX`, up to the mission's full size
//! each. They are removed when the mission is opened and before each save.
//!
//! Only this mission's are touched, and only those no save is still
//! writing: the name must follow the pattern exactly (six letters or
//! digits after the mission's own name), and nobody may hold a lock on
//! the file (a running itinera locks its temporary files from the moment
//! it creates them until they are renamed, and the file a save has just
//! replaced until it is dealt with). A lock dies with its process, so
//! what a killed save left is removed at the very next start, however
//! recent. Where there are no such locks (not Unix), a file must also
//! have been left alone for ten seconds (`STALE_AFTER`).

use std::path::Path;
#[cfg(not(unix))]
use std::time::{Duration, SystemTime};

/// Without locks: how long a temporary file must have been left alone
/// before it counts as left over (a save writes its temporary file in
/// well under a second).
#[cfg(not(unix))]
pub const STALE_AFTER: Duration = Duration::from_secs(10);

/// Whether `name` is the name of a temporary file for the mission file
/// named `mission` (or for its backup).
pub fn is_temporary_of(name: &str, mission: &str) -> bool {
    let Some(rest) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_prefix(mission))
        .and_then(|n| n.strip_prefix('.'))
    else {
        return false;
    };
    let suffix = rest.strip_prefix("bak.").unwrap_or(rest);
    suffix.len() == 6 && suffix.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Removes the stale temporary files of the mission file `target` (the
/// file itself, links resolved). Returns how many went.
pub fn remove_stale(target: &Path) -> usize {
    let Some(mission) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return 0;
    };
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !is_temporary_of(&name, &mission) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_file() && remove_if_unlocked(&entry.path(), &meta) {
            removed += 1;
        }
    }
    removed
}

/// Removes `path` (the file `meta` describes) unless someone holds a lock
/// on it.
#[cfg(unix)]
fn remove_if_unlocked(path: &Path, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
    else {
        return false;
    };
    if rustix::fs::flock(&file, rustix::fs::FlockOperation::NonBlockingLockExclusive).is_err() {
        return false;
    }
    // Still the file that was listed, and still under that name.
    let same = |m: &std::fs::Metadata| m.dev() == meta.dev() && m.ino() == meta.ino();
    let listed = file.metadata().is_ok_and(|m| same(&m));
    let named = std::fs::symlink_metadata(path).is_ok_and(|m| same(&m));
    listed && named && std::fs::remove_file(path).is_ok()
}

#[cfg(not(unix))]
fn remove_if_unlocked(path: &Path, meta: &std::fs::Metadata) -> bool {
    let old = meta
        .modified()
        .ok()
        .and_then(|modified| SystemTime::now().duration_since(modified).ok())
        .is_some_and(|age| age >= STALE_AFTER);
    old && std::fs::remove_file(path).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_missions_temporary_names_match() {
        for name in [".m.toml.AbC123", ".m.toml.bak.x9Y8z7", ".m.toml.000000"] {
            assert!(is_temporary_of(name, "m.toml"), "{name}");
        }
        for name in [
            "m.toml",
            ".m.toml",
            ".m.toml.bak",
            ".m.toml.AbC12",
            ".m.toml.AbC1234",
            ".m.toml.AbC-12",
            ".mm.toml.AbC123",
            ".other.toml.AbC123",
            ".m.toml.bak.AbC12",
            "m.toml.AbC123",
        ] {
            assert!(!is_temporary_of(name, "m.toml"), "{name}");
        }
    }
}
