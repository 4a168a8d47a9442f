//! The mission file behind the planner: where it is, what it held when it
//! was read or last saved, and the files kept beside it (lock, recovery).
//!
//! Saving renders the mission into the file's own text (see
//! `file::save`), reads the result back to check it is the mission in
//! memory, and only then writes it, atomically, keeping the previous
//! version as `FILE.bak` and refusing to overwrite a file that changed on
//! disk since it was read.

use std::io;
use std::path::{Path, PathBuf};

use crate::domain::Mission;
use crate::file::write::{SaveError, save_checked};
use crate::file::{Base, LoadError, Loaded, parse_bytes};
use crate::lock::{Lock, Locked};
use crate::paths::Dirs;

pub struct Document {
    pub path: PathBuf,
    base: Base,
    /// The file's bytes as last read or written, to notice changes made
    /// elsewhere.
    disk: Vec<u8>,
    dirs: Option<Dirs>,
    _lock: Option<Lock>,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    #[error("{0}")]
    Write(#[from] SaveError),
    /// The rendered text does not read back as the mission in memory. Never
    /// expected; nothing was written.
    #[error("the file itinera would write does not read back as the mission: {0}")]
    Verify(String),
}

impl Document {
    /// The document for a freshly loaded file, and a warning when another
    /// itinera has the same mission open.
    pub fn new(loaded: &Loaded, dirs: Option<Dirs>) -> (Document, Option<String>) {
        let mut warning = None;
        let lock = dirs.as_ref().and_then(|d| {
            match Lock::acquire(&d.lock_file(&loaded.path), &loaded.path) {
                Ok(Locked::Acquired(lock)) => Some(lock),
                Ok(Locked::Held { pid }) => {
                    warning = Some(format!(
                        "{} is also open in another itinera (process {pid}); \
                         saving here will not overwrite changes saved there",
                        loaded.path.display()
                    ));
                    None
                }
                Err(_) => None,
            }
        });
        let doc = Document {
            path: loaded.path.clone(),
            base: loaded.parsed.base.clone(),
            disk: loaded.bytes.clone(),
            dirs,
            _lock: lock,
        };
        (doc, warning)
    }

    /// The mission as last read or saved.
    pub fn saved_mission(&self) -> &Mission {
        self.base.mission()
    }

    /// Saves `mission` to the document's file. With `force`, a file changed
    /// on disk is overwritten (its content goes to `FILE.bak`).
    pub fn save(&mut self, mission: &Mission, force: bool) -> Result<(), SaveFailure> {
        let (text, base) = self.prepare(mission)?;
        save_checked(&self.path, &text, &self.disk, force)?;
        self.adopt(text, base);
        Ok(())
    }

    /// Saves `mission` to a new path, which becomes the document's file.
    /// An existing file there is only replaced with `force`.
    pub fn save_as(
        &mut self,
        path: &Path,
        mission: &Mission,
        force: bool,
    ) -> Result<(), SaveFailure> {
        let (text, base) = self.prepare(mission)?;
        let expected = match std::fs::read(path) {
            Ok(bytes) if force => bytes,
            Ok(_) => {
                return Err(SaveError::ChangedOnDisk {
                    path: path.to_path_buf(),
                }
                .into());
            }
            Err(_) => Vec::new(),
        };
        save_checked(path, &text, &expected, force)?;
        self.path = path.to_path_buf();
        self.adopt(text, base);
        if let Some(dirs) = &self.dirs {
            let _ = dirs.remember(path);
        }
        Ok(())
    }

    fn prepare(&self, mission: &Mission) -> Result<(String, Base), SaveFailure> {
        let text = self.base.render(mission);
        let base = self
            .base
            .rebase(&text, mission)
            .map_err(|report| SaveFailure::Verify(report.render("", &text)))?;
        Ok((text, base))
    }

    fn adopt(&mut self, text: String, base: Base) {
        self.disk = text.into_bytes();
        self.base = base;
        self.discard_recovery();
    }

    /// Reads the file again, as it is on disk now.
    pub fn reload(&mut self) -> Result<Mission, LoadError> {
        let loaded = crate::file::load(&self.path)?;
        self.base = loaded.parsed.base;
        self.disk = loaded.bytes;
        Ok(loaded.parsed.mission)
    }

    /// Keeps `mission` (unsaved changes) in the recovery file, as the text
    /// a save would have written, so comments survive a restore.
    pub fn write_recovery(&self, mission: &Mission) -> io::Result<PathBuf> {
        let Some(dirs) = &self.dirs else {
            return Err(io::Error::other("no data directory for a recovery file"));
        };
        let path = dirs.recovery_file(&self.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = self.base.render(mission);
        crate::file::write::write_atomic(&path, text.as_bytes())?;
        Ok(path)
    }

    /// A recovery file left for this mission by an earlier session.
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        let path = self.dirs.as_ref()?.recovery_file(&self.path);
        path.exists().then_some(path)
    }

    /// Replaces the document's baseline text with the recovery file's, and
    /// returns the recovered mission. The file on disk stays what it is,
    /// so the recovered mission counts as unsaved.
    pub fn restore_recovery(&mut self) -> Result<Mission, String> {
        let path = self.pending_recovery().ok_or("no recovery file")?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = parse_bytes(&bytes)
            .map_err(|(text, report)| report.render(&path.display().to_string(), &text))?;
        self.base = parsed.base;
        Ok(parsed.mission)
    }

    pub fn discard_recovery(&self) {
        if let Some(path) = self.pending_recovery() {
            let _ = std::fs::remove_file(path);
        }
    }

    /// The file name, for the status bar.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}
