//! Where a command may write a file it produces (an agenda, a new
//! mission): never over the mission file it works on, whatever path leads
//! there (the same name, a symbolic link, a hard link: the same file on
//! disk, by device and inode), never through a symbolic link to nothing,
//! and, for a command that creates files, never over anything that exists.
//!
//! Every command that writes a file other than the mission it saves goes
//! through [`write_output`], so each new one gets these rules by calling it.

use std::io;
use std::path::{Path, PathBuf};

/// What to do when the output path already names a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Existing {
    /// Replace it (an agenda written again), unless it is a mission file.
    Replace,
    /// Refuse: the command creates files and never overwrites one.
    Refuse,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output is one of the mission files the command reads.
    #[error("{} is the mission file {} itself; choose another output file", out.display(), mission.display())]
    IsTheMission { out: PathBuf, mission: PathBuf },
    /// Something exists at the output path and the command never
    /// overwrites.
    #[error("{} already exists", out.display())]
    Exists { out: PathBuf },
    /// The output path is a symbolic link to a file that does not exist:
    /// writing would create a file where the link points, or replace the
    /// link, neither of which was asked for.
    #[error(
        "{} is a symbolic link to {}, which does not exist; choose another output file",
        out.display(),
        target.display()
    )]
    DanglingLink { out: PathBuf, target: PathBuf },
    #[error("cannot write {}: {source}", out.display())]
    Io { out: PathBuf, source: io::Error },
}

/// Whether `a` and `b` name the same file on disk, following links: the
/// same device and inode, so a hard link counts too. Paths that cannot be
/// looked at are not the same file.
#[cfg(unix)]
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Checks that `out` may be written by a command reading `missions`.
pub fn check_output(out: &Path, missions: &[&Path], existing: Existing) -> Result<(), OutputError> {
    let Ok(link) = std::fs::symlink_metadata(out) else {
        // Nothing there (or nothing that can be looked at: the write
        // reports why).
        return Ok(());
    };
    if let Some(mission) = missions.iter().find(|m| same_file(out, m)) {
        return Err(OutputError::IsTheMission {
            out: out.to_path_buf(),
            mission: mission.to_path_buf(),
        });
    }
    if link.file_type().is_symlink() && std::fs::metadata(out).is_err() {
        let target = std::fs::read_link(out).unwrap_or_default();
        return Err(OutputError::DanglingLink {
            out: out.to_path_buf(),
            target,
        });
    }
    match existing {
        Existing::Refuse => Err(OutputError::Exists {
            out: out.to_path_buf(),
        }),
        Existing::Replace => Ok(()),
    }
}

/// Writes `bytes` to `out` atomically (see [`super::write::write_atomic`])
/// after [`check_output`].
pub fn write_output(
    out: &Path,
    missions: &[&Path],
    existing: Existing,
    bytes: &[u8],
) -> Result<(), OutputError> {
    check_output(out, missions, existing)?;
    super::write::write_atomic(out, bytes).map_err(|source| OutputError::Io {
        out: out.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn the_mission_is_refused_by_any_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mission = dir.path().join("m.toml");
        std::fs::write(&mission, "mission").expect("write");
        let soft = dir.path().join("soft.txt");
        std::os::unix::fs::symlink(&mission, &soft).expect("symlink");
        let hard = dir.path().join("hard.txt");
        std::fs::hard_link(&mission, &hard).expect("hard link");
        let dotted = dir.path().join(".").join("m.toml");
        for out in [&mission, &soft, &hard, &dotted] {
            let err = write_output(out, &[&mission], Existing::Replace, b"agenda")
                .expect_err("the mission itself");
            assert!(
                matches!(&err, OutputError::IsTheMission { .. }),
                "{}: {err}",
                out.display()
            );
        }
        assert_eq!(std::fs::read(&mission).expect("read"), b"mission");
        // Another file is replaced.
        let other = dir.path().join("agenda.txt");
        std::fs::write(&other, "old agenda").expect("write");
        write_output(&other, &[&mission], Existing::Replace, b"agenda").expect("written");
        assert_eq!(std::fs::read(&other).expect("read"), b"agenda");
    }

    #[cfg(unix)]
    #[test]
    fn a_dangling_link_is_never_written_through() {
        let dir = tempfile::tempdir().expect("tempdir");
        let link = dir.path().join("new.toml");
        let target = dir.path().join("elsewhere").join("gone.toml");
        std::os::unix::fs::symlink(&target, &link).expect("symlink");
        for existing in [Existing::Replace, Existing::Refuse] {
            let err = write_output(&link, &[], existing, b"text").expect_err("dangling");
            assert_eq!(
                err.to_string(),
                format!(
                    "{} is a symbolic link to {}, which does not exist; choose another output file",
                    link.display(),
                    target.display()
                )
            );
        }
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("still there")
                .file_type()
                .is_symlink()
        );
    }
}
