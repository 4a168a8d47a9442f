//! Where itinera keeps its own files, via the `directories` crate
//! (`$XDG_CONFIG_HOME/itinera` and `$XDG_DATA_HOME/itinera` on Linux):
//! the configuration, the path of the mission opened last, the first-run
//! copy of the sample, lock files and recovery files.

use std::io;
use std::path::{Path, PathBuf};

use directories::ProjectDirs;

/// The bundled sample mission, embedded in the binary.
pub const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");
pub const SAMPLE_NAME: &str = "clust-er-health-japan-2022.toml";

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dirs {
    pub config: PathBuf,
    pub data: PathBuf,
}

impl Dirs {
    /// The platform's directories for itinera, or `None` when the system
    /// has no home directory.
    pub fn from_system() -> Option<Dirs> {
        let dirs = ProjectDirs::from("", "", "itinera")?;
        Some(Dirs {
            config: dirs.config_dir().to_path_buf(),
            data: dirs.data_dir().to_path_buf(),
        })
    }

    pub fn config_file(&self) -> PathBuf {
        self.config.join("config.toml")
    }

    fn last_file(&self) -> PathBuf {
        self.data.join("last-mission")
    }

    /// The mission opened last, if any was recorded.
    pub fn last_mission(&self) -> Option<PathBuf> {
        let text = std::fs::read_to_string(self.last_file()).ok()?;
        let path = text.trim_end_matches(['\n', '\r']);
        (!path.is_empty()).then(|| PathBuf::from(path))
    }

    /// Records `path` (made absolute) as the mission opened last.
    pub fn remember(&self, path: &Path) -> io::Result<()> {
        let path = std::path::absolute(path)?;
        std::fs::create_dir_all(&self.data)?;
        let mut text = path.to_string_lossy().into_owned();
        text.push('\n');
        crate::file::write::write_atomic(&self.last_file(), text.as_bytes())
    }

    /// Where the lock of mission `path` lives.
    pub fn lock_file(&self, path: &Path) -> PathBuf {
        self.data
            .join("locks")
            .join(format!("{}.lock", file_key(path)))
    }

    /// Where unsaved changes to mission `path` are kept after a crash or a
    /// failed save.
    pub fn recovery_file(&self, path: &Path) -> PathBuf {
        self.data
            .join("recovery")
            .join(format!("{}.toml", file_key(path)))
    }

    /// Writes the bundled sample into the data directory (unless a copy is
    /// already there) and returns its path.
    pub fn install_sample(&self) -> io::Result<PathBuf> {
        std::fs::create_dir_all(&self.data)?;
        let path = self.data.join(SAMPLE_NAME);
        if !path.exists() {
            crate::file::write::write_atomic(&path, SAMPLE.as_bytes())?;
        }
        Ok(path)
    }
}

/// A file name for per-mission files: the mission's file stem and a hash
/// of its absolute path ("rome-trip-3f2a...").
fn file_key(path: &Path) -> String {
    // The same file by any path (relative, through a link) has one key.
    let absolute = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .unwrap_or_else(|_| path.to_path_buf());
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    // FNV-1a: stable across runs and Rust versions, unlike std's hasher.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in absolute.to_string_lossy().bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{stem}-{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_the_last_mission_and_installs_the_sample() {
        let root = tempfile::tempdir().expect("tempdir");
        let dirs = Dirs {
            config: root.path().join("config"),
            data: root.path().join("data"),
        };
        assert_eq!(dirs.last_mission(), None);
        let sample = dirs.install_sample().expect("installs");
        assert_eq!(std::fs::read_to_string(&sample).expect("read"), SAMPLE);
        dirs.remember(&sample).expect("remembers");
        assert_eq!(dirs.last_mission(), Some(sample));
    }

    #[test]
    fn per_mission_files_differ_by_path_and_are_stable() {
        let dirs = Dirs {
            config: PathBuf::from("/c"),
            data: PathBuf::from("/d"),
        };
        let a = dirs.recovery_file(Path::new("/trips/rome.toml"));
        assert_eq!(a, dirs.recovery_file(Path::new("/trips/rome.toml")));
        assert_ne!(a, dirs.recovery_file(Path::new("/other/rome.toml")));
        assert!(a.starts_with("/d/recovery"));
        assert!(
            a.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("rome-"))
        );
    }
}
