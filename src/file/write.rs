//! Putting text on disk without ever leaving a half-written file, and
//! without overwriting a change someone else made.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory, flushed to disk, then renamed over `path` (and the directory
/// synced). Readers see the old file or the new one, never a mix. An
/// existing file keeps its permissions.
///
/// A symbolic link is followed: the file it points to is replaced, and the
/// link stays a link (a mission kept in a synced folder and linked from
/// elsewhere gets the changes).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = resolve(path);
    let mut file = AtomicWriteFile::open(&target)?;
    file.write_all(bytes)?;
    file.commit()
}

/// The file a path names, following symbolic links; the path itself when
/// it does not exist yet.
pub fn resolve(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// `FILE.bak` next to `FILE`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is not what was read (or last saved): someone or
    /// something changed it. Nothing was written.
    #[error("{} changed on disk since it was opened", path.display())]
    ChangedOnDisk { path: PathBuf },
    #[error("cannot save {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// Saves `text` to `path`, which held `expected` when it was read or last
/// saved:
/// 1. if the file now holds something else, nothing is written
///    ([`SaveError::ChangedOnDisk`]) unless `force`;
/// 2. the previous content is kept as `FILE.bak` (atomically too);
/// 3. the new text replaces the file atomically.
///
/// A file that no longer exists is simply written.
pub fn save_checked(
    path: &Path,
    text: &str,
    expected: &[u8],
    force: bool,
) -> Result<(), SaveError> {
    let io_error = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let current = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(io_error(err)),
    };
    if let Some(current) = &current {
        if current != expected && !force {
            return Err(SaveError::ChangedOnDisk {
                path: path.to_path_buf(),
            });
        }
        write_atomic(&backup_path(&resolve(path)), current).map_err(io_error)?;
    }
    write_atomic(path, text.as_bytes()).map_err(io_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn save_keeps_a_backup_and_refuses_external_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "old").expect("write");

        save_checked(&path, "new", b"old", false).expect("saves");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).expect("bak"),
            "old"
        );

        std::fs::write(&path, "someone else").expect("write");
        let err = save_checked(&path, "mine", b"new", false).expect_err("guarded");
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "someone else"
        );

        save_checked(&path, "mine", b"new", true).expect("forced");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "mine");
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).expect("bak"),
            "someone else"
        );
    }

    #[cfg(unix)]
    #[test]
    fn saving_through_a_symbolic_link_writes_the_file_it_points_to() {
        let dir = tempfile::tempdir().expect("tempdir");
        let real = dir.path().join("synced").join("m.toml");
        std::fs::create_dir_all(real.parent().expect("dir")).expect("mkdir");
        std::fs::write(&real, "old").expect("write");
        let link = dir.path().join("m.toml");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");

        save_checked(&link, "new", b"old", false).expect("saves");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("meta")
                .file_type()
                .is_symlink(),
            "the link is still a link"
        );
        assert_eq!(std::fs::read_to_string(&real).expect("read"), "new");
        assert_eq!(
            std::fs::read_to_string(backup_path(&real)).expect("bak"),
            "old"
        );
    }

    #[cfg(unix)]
    #[test]
    fn save_keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "old").expect("write");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        save_checked(&path, "new", b"old", false).expect("saves");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
