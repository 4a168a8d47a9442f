//! Reading a mission file (or a recovery file) from disk without trusting
//! what the path names: links are followed, anything but a regular file is
//! refused before it is opened for long (a named pipe would block forever,
//! `/dev/zero` would never end), the size is checked from the metadata, and
//! at most one byte more than the limit is ever read.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::source::MAX_FILE_BYTES;

/// Why a file's bytes were not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The path names something other than a regular file. `link` is the
    /// file a symbolic link led to.
    #[error("{}", not_regular(kind, link.as_deref()))]
    NotRegular {
        kind: &'static str,
        link: Option<PathBuf>,
    },
    /// The file holds more than the limit; `len` is its size in bytes (or
    /// the bytes read, for a file whose metadata understated it).
    #[error("it is {len} bytes, more than itinera reads")]
    TooLarge { len: u64 },
}

fn not_regular(kind: &str, link: Option<&Path>) -> String {
    match link {
        Some(target) => format!(
            "it is a link to {}, which is {kind}, not a regular file",
            target.display()
        ),
        None => format!("it is {kind}, not a regular file"),
    }
}

/// What a file is, in words, for a refusal.
fn kind(meta: &Metadata) -> &'static str {
    let file_type = meta.file_type();
    if file_type.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() {
            return "a character device";
        }
        if file_type.is_block_device() {
            return "a block device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// The bytes of the regular file `path` names (following links), and the
/// metadata of the file they were read from. Refuses other kinds of files
/// and files of more than `limit` bytes without reading them.
pub fn read_regular(path: &Path, limit: usize) -> Result<(Vec<u8>, Metadata), ReadError> {
    let refuse = |meta: &Metadata| ReadError::NotRegular {
        kind: kind(meta),
        link: is_link(path).then(|| resolve(path)),
    };
    let limit = limit as u64;
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { len: meta.len() });
    }
    let file = open_without_blocking(path)?;
    // The file opened is what counts: the path may have been replaced
    // since it was looked at.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(refuse(&meta));
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge { len: meta.len() });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            len: bytes.len() as u64,
        });
    }
    Ok((bytes, meta))
}

/// [`read_regular`] with the mission file limit, for files that are
/// mission files or copies of one (recovery files, backups).
pub fn read_mission_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_regular(path, MAX_FILE_BYTES).map(|(bytes, _)| bytes)
}

/// What a symbolic link at `path` has to do with `err`, the error
/// reading through it gave: it leads nowhere, or round in a loop.
pub fn link_problem(path: &Path, err: &io::Error) -> Option<String> {
    #[cfg(unix)]
    if err.raw_os_error() == Some(rustix::io::Errno::LOOP.raw_os_error()) {
        return Some("it is a symbolic link in a loop of links that never reaches a file".into());
    }
    if err.kind() != io::ErrorKind::NotFound || !is_link(path) {
        return None;
    }
    let target = std::fs::read_link(path).ok()?;
    Some(format!(
        "it is a symbolic link to {}, which does not exist",
        target.display()
    ))
}

fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Opens `path` for reading; a named pipe swapped in after the check does
/// not block the open (nor does a terminal become the controlling one).
#[cfg(unix)]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    let flags = rustix::fs::OFlags::NONBLOCK | rustix::fs::OFlags::NOCTTY;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(flags.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> io::Result<File> {
    File::open(path)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_is_refused_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = read_regular(dir.path(), 100).expect_err("a directory");
        assert_eq!(err.to_string(), "it is a directory, not a regular file");
    }

    #[test]
    fn a_file_over_the_limit_is_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("m.toml");
        std::fs::write(&path, "0123456789").expect("write");
        assert!(matches!(
            read_regular(&path, 9),
            Err(ReadError::TooLarge { len: 10 })
        ));
        let (bytes, meta) = read_regular(&path, 10).expect("at the limit");
        assert_eq!(bytes, b"0123456789");
        assert_eq!(meta.len(), 10);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_and_a_link_to_a_device_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo.toml");
        rustix::fs::mkfifoat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::Mode::from_raw_mode(0o600),
        )
        .expect("mkfifo");
        let err = read_regular(&fifo, 100).expect_err("a fifo");
        assert_eq!(
            err.to_string(),
            "it is a named pipe (FIFO), not a regular file"
        );

        let zero = dir.path().join("zero.toml");
        std::os::unix::fs::symlink("/dev/zero", &zero).expect("symlink");
        let err = read_regular(&zero, 100).expect_err("a device");
        assert_eq!(
            err.to_string(),
            "it is a link to /dev/zero, which is a character device, not a regular file"
        );
    }
}
