//! The mission's document on disk: the file itself (saving it without
//! losing what the person wrote or what someone else changed, reloading
//! it), the lock that tells another itinera it is open, and the recovery
//! files that keep unsaved changes. The runner owns the [`Document`] and
//! performs the app's effects on it; nothing here knows the app.

mod document;
mod kept;
pub mod recovery;

pub use document::{Document, SaveFailure, Sharer};

use std::path::{Path, PathBuf};

/// `~/trips/x.toml` as the shell would read it.
pub fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

/// Whether `a` and `b` name the same file: the same file on disk (through
/// links too), or the same path when neither exists.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    std::path::absolute(a).ok() == std::path::absolute(b).ok()
}
