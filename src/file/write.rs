//! Putting text on disk without leaving a half-written file (a file with
//! several hard links is written in place, after its backup), and
//! without overwriting a change someone else made.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use atomic_write_file::AtomicWriteFile;

use super::open::resolve;

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

/// `FILE.bak` next to `FILE`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The file on disk is not what was read (or last saved): someone or
    /// something changed it, before the save or while it ran. Nothing was
    /// written.
    #[error("{} changed on disk since it was opened", path.display())]
    ChangedOnDisk { path: PathBuf },
    /// The file is read-only (no write permission), and overriding that
    /// was not asked for. Nothing was written.
    #[error("{} is read-only", path.display())]
    ReadOnly { path: PathBuf },
    #[error("cannot save {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

/// What a save may override.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SaveOptions {
    /// Overwrite a file changed on disk (its content goes to `FILE.bak`).
    pub overwrite_changes: bool,
    /// Save over a read-only file (it stays read-only).
    pub over_read_only: bool,
}

/// How a save went, for the message that says so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Saved {
    /// The file was replaced; the previous version is in `FILE.bak`.
    Replaced,
    /// The file has other hard links, so it was written in place (they
    /// all see the new text); the previous version is in `FILE.bak`.
    InPlace,
    /// There was no file (it was deleted since it was read): written anew.
    Created,
    /// The file was changed on disk while the save ran, after it was last
    /// checked: the saved text is in the file, and the version it replaced
    /// (with that change) is in `FILE.bak`.
    ChangedWhileSaving,
}

impl Saved {
    /// The status message for a save of the file `name`.
    pub fn message(self, name: &str) -> String {
        match self {
            Saved::Replaced => format!("Saved {name} (previous version in {name}.bak)."),
            Saved::InPlace => format!(
                "Saved {name} in place, keeping its other hard links (previous version in \
                 {name}.bak)."
            ),
            Saved::Created => format!("Saved {name} (it had been deleted; written anew)."),
            Saved::ChangedWhileSaving => format!(
                "Saved {name}, but it was changed on disk during the save: that version is \
                 in {name}.bak."
            ),
        }
    }

    /// Whether the user should look: something happened besides the save.
    pub fn is_warning(self) -> bool {
        matches!(self, Saved::ChangedWhileSaving | Saved::Created)
    }
}

/// The moments of a save at which another program may still change the
/// file, for a caller (a test) to act at: every change made at any of them
/// must be refused or kept in `FILE.bak`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The file was read, compared and copied to `FILE.bak`; the new text
    /// is about to be written to a temporary file.
    BackupWritten,
    /// The file was checked once more; it is about to be replaced.
    ReadyToReplace,
}

/// Told each [`Step`] of a save; `()` ignores them.
pub trait SaveSteps {
    fn reached(&mut self, step: Step, file: &Path);
}

impl SaveSteps for () {
    fn reached(&mut self, _: Step, _: &Path) {}
}

/// Saves `text` to `path`, which held `expected` when it was read or last
/// saved (see [`save_with_steps`]).
pub fn save_checked(
    path: &Path,
    text: &str,
    expected: &[u8],
    options: SaveOptions,
) -> Result<Saved, SaveError> {
    save_with_steps(path, text, expected, options, &mut ())
}

/// Saves `text` to `path` (the file a symbolic link points to), which held
/// `expected` when it was read or last saved:
/// 1. if the file now holds something else, nothing is written
///    ([`SaveError::ChangedOnDisk`]) unless `overwrite_changes`; if it is
///    read-only, nothing is written ([`SaveError::ReadOnly`]) unless
///    `over_read_only`;
/// 2. its content is kept as `FILE.bak`;
/// 3. the new text goes to a temporary file beside it, flushed to disk;
/// 4. the file is checked again (device, inode, size, time and content):
///    a change since step 1 is refused as in step 1;
/// 5. the temporary file is swapped into the file's place atomically, and
///    the file it replaced is compared with what step 4 saw: a change made
///    in between is kept in `FILE.bak` ([`Saved::ChangedWhileSaving`]).
///
/// A file with several hard links is written in place after step 4, so
/// every name keeps seeing it. A file that no longer exists is simply
/// written ([`Saved::Created`]). Temporary files left by earlier saves
/// that never finished are removed first (see [`super::sweep`]).
pub fn save_with_steps(
    path: &Path,
    text: &str,
    expected: &[u8],
    options: SaveOptions,
    steps: &mut dyn SaveSteps,
) -> Result<Saved, SaveError> {
    let target = resolve(path);
    super::sweep::remove_stale(&target);
    let io_error = |source| SaveError::Io {
        path: path.to_path_buf(),
        source,
    };
    let changed = || SaveError::ChangedOnDisk {
        path: path.to_path_buf(),
    };
    let Some(mut current) = OnDisk::read(&target).map_err(io_error)? else {
        create(&target, text.as_bytes()).map_err(io_error)?;
        return Ok(Saved::Created);
    };
    if current.bytes != expected && !options.overwrite_changes {
        return Err(changed());
    }
    if current.read_only(&target) && !options.over_read_only {
        return Err(SaveError::ReadOnly {
            path: path.to_path_buf(),
        });
    }
    let backup = backup_path(&target);
    write_backup(&backup, &current).map_err(io_error)?;
    steps.reached(Step::BackupWritten, &target);
    let staged = Staged::new(&target, text.as_bytes(), &current).map_err(io_error)?;
    // The last look before the file is replaced. With `overwrite_changes`,
    // the newest version is what goes to the backup.
    for _ in 0..3 {
        match OnDisk::read(&target).map_err(io_error)? {
            None => {
                staged.commit_new(&target).map_err(io_error)?;
                return Ok(Saved::Created);
            }
            Some(now) if now.same_as(&current) => break,
            Some(_) if !options.overwrite_changes => return Err(changed()),
            Some(now) => {
                write_backup(&backup, &now).map_err(io_error)?;
                current = now;
            }
        }
    }
    steps.reached(Step::ReadyToReplace, &target);
    staged.commit(&target, &current, &backup).map_err(io_error)
}

/// The mission file as found on disk.
struct OnDisk {
    bytes: Vec<u8>,
    meta: std::fs::Metadata,
}

impl OnDisk {
    /// The file at `target`, or `None` when there is none.
    fn read(target: &Path) -> io::Result<Option<OnDisk>> {
        match super::open::read_regular(target, super::source::MAX_FILE_BYTES) {
            Ok((bytes, meta)) => Ok(Some(OnDisk { bytes, meta })),
            Err(super::open::ReadError::Io(err)) if err.kind() == io::ErrorKind::NotFound => {
                Ok(None)
            }
            Err(super::open::ReadError::Io(err)) => Err(err),
            Err(err) => Err(io::Error::other(err.to_string())),
        }
    }

    /// Whether `self` is the same file, unchanged, as `other`.
    fn same_as(&self, other: &OnDisk) -> bool {
        identity(&self.meta) == identity(&other.meta) && self.bytes == other.bytes
    }

    /// Whether this process may not write the file: no write permission
    /// for anyone, or none for this user.
    fn read_only(&self, target: &Path) -> bool {
        self.meta.permissions().readonly() || !writable(target)
    }
}

#[cfg(unix)]
fn writable(path: &Path) -> bool {
    rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
}

#[cfg(not(unix))]
fn writable(_: &Path) -> bool {
    true
}

/// What tells a file on disk from another, or from itself changed: device,
/// inode, size and modification time.
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> (u64, u64, u64, i64, i64) {
    use std::os::unix::fs::MetadataExt;
    (
        meta.dev(),
        meta.ino(),
        meta.size(),
        meta.mtime(),
        meta.mtime_nsec(),
    )
}

#[cfg(not(unix))]
fn identity(meta: &std::fs::Metadata) -> (u64, Option<std::time::SystemTime>) {
    (meta.len(), meta.modified().ok())
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Writes the backup of `current`, with its permissions.
#[cfg(unix)]
fn write_backup(backup: &Path, current: &OnDisk) -> io::Result<()> {
    super::replace::write_replacing(backup, &current.bytes, Some(&current.meta))
}

#[cfg(not(unix))]
fn write_backup(backup: &Path, current: &OnDisk) -> io::Result<()> {
    write_atomic(backup, &current.bytes)
}

/// Writes a file that is not there (any more).
#[cfg(unix)]
fn create(target: &Path, bytes: &[u8]) -> io::Result<()> {
    super::replace::write_replacing(target, bytes, None)
}

#[cfg(not(unix))]
fn create(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic(target, bytes)
}

/// The new text, ready to take the file's place: in a temporary file, or
/// (for a file with several hard links) to be written in place.
struct Staged<'a> {
    #[cfg(unix)]
    temp: Option<super::replace::TempFile>,
    text: &'a [u8],
}

impl<'a> Staged<'a> {
    #[cfg(unix)]
    fn new(target: &Path, text: &'a [u8], current: &OnDisk) -> io::Result<Staged<'a>> {
        if links(&current.meta) > 1 {
            return Ok(Staged { temp: None, text });
        }
        let mut temp = super::replace::TempFile::beside(target, Some(&current.meta))?;
        temp.write_synced(text)?;
        Ok(Staged {
            temp: Some(temp),
            text,
        })
    }

    #[cfg(not(unix))]
    fn new(_: &Path, text: &'a [u8], _: &OnDisk) -> io::Result<Staged<'a>> {
        Ok(Staged { text })
    }

    /// The file went while the save ran: the new text takes its place.
    #[cfg(unix)]
    fn commit_new(self, target: &Path) -> io::Result<()> {
        match self.temp {
            Some(temp) => temp.rename_over(target),
            None => create(target, self.text),
        }
    }

    #[cfg(not(unix))]
    fn commit_new(self, target: &Path) -> io::Result<()> {
        create(target, self.text)
    }

    /// Puts the new text in place of `current`, and keeps in `backup` the
    /// file it replaced if that is no longer `current`.
    #[cfg(unix)]
    fn commit(self, target: &Path, current: &OnDisk, backup: &Path) -> io::Result<Saved> {
        let Some(temp) = self.temp else {
            super::replace::write_in_place(target, self.text)?;
            return Ok(Saved::InPlace);
        };
        let replaced = temp.swap_with(target)?;
        let was = super::open::read_regular(replaced.path(), super::source::MAX_FILE_BYTES);
        match was {
            Ok((bytes, _)) if bytes == current.bytes => {
                replaced.remove()?;
                Ok(Saved::Replaced)
            }
            _ => {
                replaced.keep_as(backup)?;
                Ok(Saved::ChangedWhileSaving)
            }
        }
    }

    #[cfg(not(unix))]
    fn commit(self, target: &Path, _: &OnDisk, _: &Path) -> io::Result<Saved> {
        write_atomic(target, self.text)?;
        Ok(Saved::Replaced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FORCE: SaveOptions = SaveOptions {
        overwrite_changes: true,
        over_read_only: false,
    };

    #[test]
    fn save_keeps_a_backup_and_refuses_external_changes() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "old").expect("write");

        save_checked(&path, "new", b"old", SaveOptions::default()).expect("saves");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        assert_eq!(
            std::fs::read_to_string(backup_path(&path)).expect("bak"),
            "old"
        );

        std::fs::write(&path, "someone else").expect("write");
        let err = save_checked(&path, "mine", b"new", SaveOptions::default()).expect_err("guarded");
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }));
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            "someone else"
        );

        save_checked(&path, "mine", b"new", FORCE).expect("forced");
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

        save_checked(&link, "new", b"old", SaveOptions::default()).expect("saves");
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
        save_checked(&path, "new", b"old", SaveOptions::default()).expect("saves");
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }
}
