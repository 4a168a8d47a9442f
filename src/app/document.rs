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
use crate::file::{Base, LoadError, parse_bytes};
use crate::lock::{Lock, Locked};
use crate::paths::Dirs;

/// The bytes of the mission file beside a recovery file.
fn disk_copy(recovery: &Path) -> PathBuf {
    let mut name = recovery.as_os_str().to_os_string();
    name.push(".disk");
    PathBuf::from(name)
}

/// `recovery` renamed with the current time: `NAME-20260312-1415.toml`.
fn stamped(recovery: &Path) -> PathBuf {
    let stem = recovery
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let time = chrono::Local::now().format("%Y%m%d-%H%M%S");
    recovery.with_file_name(format!("{stem}-{time}.toml"))
}

pub struct Document {
    pub path: PathBuf,
    base: Base,
    /// The text `base` was read from (the file as read or last saved, or a
    /// restored recovery file), to rebuild it after a save that failed.
    base_text: Vec<u8>,
    /// The file's bytes as last read or written, to notice changes made
    /// elsewhere.
    disk: Vec<u8>,
    dirs: Option<Dirs>,
    lock: Option<Lock>,
    /// The recovery file holds this session's unsaved mission (written
    /// after a failed save, or restored from): a successful save, or
    /// quitting without saving, makes it obsolete.
    recovery_owned: bool,
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
    /// The document for a freshly loaded file (its path, base and bytes),
    /// and a warning when another itinera has the same mission open.
    pub fn new(
        path: PathBuf,
        base: Base,
        disk: Vec<u8>,
        dirs: Option<Dirs>,
    ) -> (Document, Option<String>) {
        let mut doc = Document {
            path,
            base,
            base_text: disk.clone(),
            disk,
            dirs,
            lock: None,
            recovery_owned: false,
        };
        let warning = doc.lock();
        (doc, warning)
    }

    /// Takes the lock of the document's path; a warning when another
    /// itinera holds it.
    fn lock(&mut self) -> Option<String> {
        self.lock = None;
        let dirs = self.dirs.as_ref()?;
        match Lock::acquire(&dirs.lock_file(&self.path), &self.path) {
            Ok(Locked::Acquired(lock)) => {
                self.lock = Some(lock);
                None
            }
            Ok(Locked::Held { pid }) => Some(format!(
                "{} is also open in another itinera (process {pid}); \
                 saving here will not overwrite changes saved there",
                self.path.display()
            )),
            Err(_) => None,
        }
    }

    /// Saves `mission` to the document's file. With `force`, a file changed
    /// on disk is overwritten (its content goes to `FILE.bak`).
    pub fn save(&mut self, mission: &Mission, force: bool) -> Result<(), SaveFailure> {
        let before = self.base.mission().clone();
        let written = self.prepare(mission).and_then(|text| {
            Ok(save_checked(&self.path, &text, &self.disk, force).map(|()| text)?)
        });
        self.settle(written, before)
    }

    /// After a save attempt: adopts the written text, or puts the baseline
    /// back to the text it was read from (rendering moved it on).
    fn settle(
        &mut self,
        written: Result<String, SaveFailure>,
        before: Mission,
    ) -> Result<(), SaveFailure> {
        match written {
            Ok(text) => {
                self.disk = text.into_bytes();
                self.base_text = self.disk.clone();
                self.forget_own_recovery();
                Ok(())
            }
            Err(err) => {
                if let Ok(base) = Base::rebuild(&self.base_text, before) {
                    self.base = base;
                }
                Err(err)
            }
        }
    }

    /// Saves `mission` to a new path, which becomes the document's file.
    /// An existing file there is only replaced with `force`.
    pub fn save_as(
        &mut self,
        path: &Path,
        mission: &Mission,
        force: bool,
    ) -> Result<(), SaveFailure> {
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
        let before = self.base.mission().clone();
        let written = self
            .prepare(mission)
            .and_then(|text| Ok(save_checked(path, &text, &expected, force).map(|()| text)?));
        self.settle(written, before)?;
        self.path = path.to_path_buf();
        self.lock();
        if let Some(dirs) = &self.dirs {
            let _ = dirs.remember(path);
        }
        Ok(())
    }

    /// The text for `mission`, read back to check it gives `mission`
    /// before anything is written.
    fn prepare(&mut self, mission: &Mission) -> Result<String, SaveFailure> {
        let text = self.base.render(mission);
        match parse_bytes(text.as_bytes()) {
            Ok(parsed) if parsed.mission.same_content(mission) => Ok(text),
            Ok(_) => Err(SaveFailure::Verify(
                "it reads back as a different mission".to_string(),
            )),
            Err((read, report)) => Err(SaveFailure::Verify(
                report.render(&self.name(), &read).trim_end().to_string(),
            )),
        }
    }

    /// Reads the file again, as it is on disk now.
    pub fn reload(&mut self) -> Result<Mission, LoadError> {
        let loaded = crate::file::load(&self.path)?;
        self.base = loaded.parsed.base;
        self.base_text = loaded.bytes.clone();
        self.disk = loaded.bytes;
        Ok(loaded.parsed.mission)
    }

    /// Keeps this session's unsaved `mission` in the recovery file offered
    /// at the next start (after a failed save, or a crash). A recovery file
    /// an earlier session left, and the user chose to decide on later, is
    /// first moved aside rather than overwritten.
    pub fn keep_unsaved(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let path = self.recovery_path()?;
        if !self.recovery_owned && path.exists() {
            std::fs::rename(&path, stamped(&path))?;
            let _ = std::fs::rename(disk_copy(&path), disk_copy(&stamped(&path)));
        }
        self.write_recovery(&path, mission)?;
        self.recovery_owned = true;
        Ok(path)
    }

    /// Keeps changes the user is discarding (by reloading the file) in a
    /// file of their own in the recovery directory, named by the time.
    pub fn keep_discarded(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let path = stamped(&self.recovery_path()?);
        self.write_recovery(&path, mission)?;
        Ok(path)
    }

    fn recovery_path(&self) -> io::Result<PathBuf> {
        let dirs = self
            .dirs
            .as_ref()
            .ok_or_else(|| io::Error::other("no data directory for a recovery file"))?;
        Ok(dirs.recovery_file(&self.path))
    }

    /// Writes `mission` as the text a save would have written (so comments
    /// survive a restore), and beside it the file's bytes as this session
    /// last knew them, so a restore still notices later changes on disk.
    fn write_recovery(&mut self, path: &Path, mission: &Mission) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        // A copy: the baseline stays the file as read until a save.
        let text = self.base.clone().render(mission);
        crate::file::write::write_atomic(&disk_copy(path), &self.disk)?;
        crate::file::write::write_atomic(path, text.as_bytes())
    }

    /// A recovery file left for this mission by an earlier session.
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        let path = self.recovery_path().ok()?;
        path.exists().then_some(path)
    }

    /// Replaces the document's baseline with the recovery file, and returns
    /// the recovered mission. The file on disk is what it was when the
    /// changes were kept, so saving still asks if it changed since.
    pub fn restore_recovery(&mut self) -> Result<Mission, String> {
        let path = self.pending_recovery().ok_or("no recovery file")?;
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = parse_bytes(&bytes)
            .map_err(|(text, report)| report.render(&path.display().to_string(), &text))?;
        self.base = parsed.base;
        self.base_text = bytes;
        if let Ok(disk) = std::fs::read(disk_copy(&path)) {
            self.disk = disk;
        }
        self.recovery_owned = true;
        Ok(parsed.mission)
    }

    /// Deletes the pending recovery file (the user chose to discard it).
    pub fn discard_recovery(&mut self) {
        if let Some(path) = self.pending_recovery() {
            let _ = std::fs::remove_file(disk_copy(&path));
            let _ = std::fs::remove_file(path);
        }
        self.recovery_owned = false;
    }

    /// Whether the recovery file holds this session's unsaved changes.
    pub fn owns_recovery(&self) -> bool {
        self.recovery_owned
    }

    /// Deletes the recovery file only if it holds this session's changes,
    /// which a save has just written or the user has chosen to drop.
    pub fn forget_own_recovery(&mut self) {
        if self.recovery_owned {
            self.discard_recovery();
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
