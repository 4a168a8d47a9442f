//! The last steps of a save on Unix: a temporary file beside the mission,
//! and the swap that puts it in the mission's place while keeping hold of
//! the file it replaced, so what was replaced can be compared with what
//! was read.
//!
//! Temporary files are named `.NAME.XXXXXX` (as atomic-write-file names
//! its own), are created with the mission file's permissions and owner,
//! and hold an advisory lock (`flock`) while they are being written, so a
//! cleanup of stale ones (see [`super::sweep`]) never takes a file a
//! running save is still writing.
//!
//! The swap is `renameat2(RENAME_EXCHANGE)` where the system has it (Linux
//! on ext4, xfs, btrfs, tmpfs; `RENAME_SWAP` on macOS): one atomic step
//! after which the temporary name holds exactly the file that was in the
//! mission's place, whatever happened to it until that instant. Elsewhere
//! the mission file is first given a second name (a hard link), then the
//! new file renamed over it; a file put in its place between those two
//! steps is the one thing that escapes the comparison.

use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rustix::fs::{FlockOperation, RenameFlags};

/// A new file beside `target`, deleted on drop unless it was put in place.
pub struct TempFile {
    path: PathBuf,
    file: Option<File>,
}

/// The directory of `path` ("." for a bare file name).
fn dir_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.NAME.` followed by six letters or digits, beside `target`.
fn temp_name(target: &Path) -> PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    // splitmix64 over the time, the process and a counter.
    let mut x = nanos
        ^ (u64::from(std::process::id()) << 32)
        ^ COUNTER
            .fetch_add(1, Ordering::Relaxed)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^= x >> 31;
    let mut name = OsString::from(".");
    name.push(target.file_name().unwrap_or_default());
    name.push(".");
    let suffix: String = (0..6)
        .map(|i| ALPHABET[((x >> (i * 10)) % ALPHABET.len() as u64) as usize] as char)
        .collect();
    name.push(suffix);
    dir_of(target).join(name)
}

impl TempFile {
    /// Creates an empty temporary file beside `target`, locked, with the
    /// permissions and owner of `like` (the file it will replace) when
    /// given.
    pub fn beside(target: &Path, like: Option<&Metadata>) -> io::Result<TempFile> {
        let mut tries = 0;
        let temp = loop {
            let path = temp_name(target);
            let created = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                // Without a file to copy from: as a file created the
                // ordinary way (0666 less the umask).
                .mode(if like.is_some() { 0o600 } else { 0o666 })
                .open(&path);
            match created {
                Ok(file) => {
                    let mut temp = TempFile {
                        path,
                        file: Some(file),
                    };
                    if temp.locked_in_place()? {
                        break temp;
                    }
                    // A cleanup took it in the instant before the lock:
                    // the name is no longer ours, and the next is tried.
                    temp.path = PathBuf::new();
                }
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
                Err(err) => return Err(err),
            }
            tries += 1;
            if tries > 100 {
                return Err(io::Error::other("no temporary file could be made"));
            }
        };
        let file = temp
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("closed"))?;
        if let Some(meta) = like {
            file.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))?;
            // Keeping the owner only works for the owner (or root); anyone
            // else's save makes the file theirs, as an editor's does.
            let _ = rustix::fs::fchown(
                file,
                Some(rustix::fs::Uid::from_raw(meta.uid())),
                Some(rustix::fs::Gid::from_raw(meta.gid())),
            );
        }
        Ok(temp)
    }

    /// Locks the new file, and tells whether it is still the file under
    /// its name: a cleanup of stale temporary files (another itinera's)
    /// may have removed it between its creation and the lock.
    fn locked_in_place(&self) -> io::Result<bool> {
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| io::Error::other("closed"))?;
        match rustix::fs::flock(file, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => {}
            Err(rustix::io::Errno::WOULDBLOCK) => return Ok(false),
            Err(err) => return Err(err.into()),
        }
        let held = file.metadata()?;
        Ok(std::fs::symlink_metadata(&self.path)
            .is_ok_and(|named| named.dev() == held.dev() && named.ino() == held.ino()))
    }

    /// Writes `bytes` and flushes them to disk.
    pub fn write_synced(&mut self, bytes: &[u8]) -> io::Result<()> {
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| io::Error::other("closed"))?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    /// Renames the file over `target` (a plain atomic replace).
    pub fn rename_over(mut self, target: &Path) -> io::Result<()> {
        std::fs::rename(&self.path, target)?;
        self.file = None;
        self.path = PathBuf::new();
        sync_dir(target)
    }

    /// Puts the file in `target`'s place and returns the file that was
    /// there, now under a temporary name. The replaced file is locked
    /// first, so a cleanup of stale temporary files leaves it alone.
    pub fn swap_with(mut self, target: &Path) -> io::Result<Replaced> {
        let lock = lock_shared(target);
        let exchanged = rustix::fs::renameat_with(
            rustix::fs::CWD,
            &self.path,
            rustix::fs::CWD,
            target,
            RenameFlags::EXCHANGE,
        );
        let old = match exchanged {
            Ok(()) => std::mem::take(&mut self.path),
            Err(_) => self.link_then_rename(target)?,
        };
        self.file = None;
        sync_dir(target)?;
        Ok(Replaced {
            path: old,
            _lock: lock,
        })
    }
}

impl TempFile {
    /// Where the system cannot exchange two names: keeps the old file
    /// under a second name, then renames the new one over it. Returns the
    /// second name.
    fn link_then_rename(&mut self, target: &Path) -> io::Result<PathBuf> {
        let old = temp_name(target);
        std::fs::hard_link(target, &old)?;
        if let Err(err) = std::fs::rename(&self.path, target) {
            let _ = std::fs::remove_file(&old);
            return Err(err);
        }
        self.path = PathBuf::new();
        Ok(old)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if !self.path.as_os_str().is_empty() {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The file a save replaced, under a temporary name until it is either
/// kept as the backup or removed.
#[must_use]
pub struct Replaced {
    path: PathBuf,
    /// Held until the file is dealt with.
    _lock: Option<File>,
}

impl Replaced {
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Renames it to `backup`, replacing the backup written before.
    pub fn keep_as(self, backup: &Path) -> io::Result<()> {
        std::fs::rename(&self.path, backup)?;
        sync_dir(backup)
    }

    pub fn remove(self) -> io::Result<()> {
        std::fs::remove_file(&self.path)
    }
}

/// The file at `path`, opened and holding a shared advisory lock, if it
/// can be had at once.
fn lock_shared(path: &Path) -> Option<File> {
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags((rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY).bits() as i32)
        .open(path)
        .ok()?;
    rustix::fs::flock(&file, FlockOperation::NonBlockingLockShared).ok()?;
    Some(file)
}

/// Flushes the directory entry changes for `path` to disk.
fn sync_dir(path: &Path) -> io::Result<()> {
    File::open(dir_of(path))?.sync_all()
}

/// Writes `bytes` over `target`'s content in place (the same file, so its
/// other hard links see the change), and flushes them to disk.
pub fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = std::fs::OpenOptions::new().write(true).open(target)?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// Writes `bytes` to `target` through a temporary file renamed over it,
/// with the permissions and owner of `like`.
pub fn write_replacing(target: &Path, bytes: &[u8], like: Option<&Metadata>) -> io::Result<()> {
    let mut temp = TempFile::beside(target, like)?;
    temp.write_synced(bytes)?;
    temp.rename_over(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_follow_the_pattern_and_differ() {
        let a = temp_name(Path::new("/trips/m.toml"));
        let b = temp_name(Path::new("/trips/m.toml"));
        assert_ne!(a, b);
        let name = a.file_name().expect("name").to_string_lossy().into_owned();
        let suffix = name.strip_prefix(".m.toml.").expect("pattern");
        assert_eq!(suffix.len(), 6);
        assert!(suffix.bytes().all(|c| c.is_ascii_alphanumeric()));
        assert_eq!(a.parent(), Some(Path::new("/trips")));
    }

    #[test]
    fn a_swap_returns_the_file_it_replaced() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.toml");
        std::fs::write(&target, "old").expect("write");
        let meta = std::fs::metadata(&target).expect("meta");
        let mut temp = TempFile::beside(&target, Some(&meta)).expect("temp");
        temp.write_synced(b"new").expect("write");
        let replaced = temp.swap_with(&target).expect("swap");
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        assert_eq!(std::fs::read(replaced.path()).expect("read"), b"old");
        replaced.remove().expect("remove");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "only the mission is left");
    }

    #[test]
    fn without_an_exchange_the_old_file_keeps_a_second_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.toml");
        std::fs::write(&target, "old").expect("write");
        let mut temp = TempFile::beside(&target, None).expect("temp");
        temp.write_synced(b"new").expect("write");
        let old = temp.link_then_rename(&target).expect("replaced");
        drop(temp);
        assert_eq!(std::fs::read(&target).expect("read"), b"new");
        assert_eq!(std::fs::read(&old).expect("read"), b"old");
    }

    #[test]
    fn an_unused_temporary_file_is_removed() {
        let dir = tempfile::tempdir().expect("tempdir");
        let target = dir.path().join("m.toml");
        let temp = TempFile::beside(&target, None).expect("temp");
        let path = temp.path.clone();
        assert!(path.exists());
        drop(temp);
        assert!(!path.exists());
    }
}
