//! Files for the tests: a copy of the sample in a temporary directory with
//! itinera's own directories beside it, reading a file back, and the
//! comments of a mission file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use itinera::paths::Dirs;

use super::{Planner, SAMPLE};

/// A copy of the sample mission in a temporary directory (a home for the
/// real program: its configuration and data go to `config/itinera` and
/// `data/itinera` there, as with `XDG_CONFIG_HOME` and `XDG_DATA_HOME`
/// pointing at it).
pub struct TempMission {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub dirs: Dirs,
    /// The text copied.
    pub original: String,
}

impl TempMission {
    /// The sample copied to `name` in a fresh temporary directory.
    pub fn of_sample(name: &str) -> TempMission {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join(name);
        let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE);
        let original = std::fs::read_to_string(sample).expect("sample");
        std::fs::write(&path, &original).expect("copy the sample");
        let dirs = Dirs {
            config: dir.path().join("config/itinera"),
            data: dir.path().join("data/itinera"),
        };
        TempMission {
            dir,
            path,
            dirs,
            original,
        }
    }

    /// A planner in this process on the mission, with its own directories.
    pub fn open(&self) -> Planner {
        Planner::load(&self.path, Some(self.dirs.clone()))
    }

    /// The mission file as it is now.
    pub fn on_disk(&self) -> String {
        read_text(&self.path)
    }

    /// `FILE.bak` as it is now.
    pub fn backup(&self) -> String {
        read_text(&itinera::file::write::backup_path(&self.path))
    }

    pub fn recovery_file(&self) -> PathBuf {
        self.dirs.recovery_file(&self.path)
    }

    /// The path, as an argument for the binary.
    pub fn arg(&self) -> String {
        self.path.to_string_lossy().into_owned()
    }
}

/// The text of the file at `path`.
pub fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// How often each comment line of a mission file's `text` occurs (line
/// ends and a byte-order mark left out).
pub fn comment_lines(text: &str) -> BTreeMap<String, usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut counts = BTreeMap::new();
    for line in text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l)) {
        if line.trim_start().starts_with('#') {
            *counts.entry(line.to_string()).or_insert(0) += 1;
        }
    }
    counts
}
