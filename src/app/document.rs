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

/// `recovery` with a word and the current time added to its name:
/// `NAME-kept-20260312-141500.toml`.
fn stamped(recovery: &Path, word: &str) -> PathBuf {
    let stem = recovery
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let time = chrono::Local::now().format("%Y%m%d-%H%M%S");
    recovery.with_file_name(format!("{stem}-{word}-{time}.toml"))
}

fn remove_recovery(path: &Path) {
    let _ = std::fs::remove_file(disk_copy(path));
    let _ = std::fs::remove_file(path);
}

/// The word in the names of files of changes the user discarded on
/// purpose (by reloading): kept, but never offered at start.
const DISCARDED: &str = "discarded";
/// The word in the names of older recovery files moved aside for a newer
/// one: still offered at start, newest first.
const EARLIER: &str = "earlier";

/// `mission` rendered into the text `base` was read from, read back to
/// check it gives `mission` (`name` names the file in a problem).
fn render_checked(base: &mut Base, mission: &Mission, name: &str) -> Result<String, SaveFailure> {
    let text = base.render(mission);
    match parse_bytes(text.as_bytes()) {
        Ok(parsed) if parsed.mission.same_content(mission) => Ok(text),
        Ok(_) => Err(SaveFailure::Verify(
            "it reads back as a different mission".to_string(),
        )),
        Err((read, report)) => Err(SaveFailure::Verify(
            report.render(name, &read).trim_end().to_string(),
        )),
    }
}

/// What a new file at `path` may replace: nothing when there is no file
/// yet, the file as it is with `force`; otherwise the file is refused.
fn replaceable(path: &Path, force: bool) -> Result<Vec<u8>, SaveFailure> {
    match std::fs::read(path) {
        Ok(bytes) if force => Ok(bytes),
        Ok(_) => Err(SaveError::ChangedOnDisk {
            path: path.to_path_buf(),
        }
        .into()),
        Err(_) => Ok(Vec::new()),
    }
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
    /// The recovery file holding this session's unsaved mission (written
    /// after a failed save or while idle, or restored from): a successful
    /// save, or ending without unsaved changes, makes it obsolete.
    own_recovery: Option<PathBuf>,
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
            own_recovery: None,
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
        let expected = replaceable(path, force)?;
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

    /// Writes `mission` to `path` as a save would write it (the file's
    /// comments and layout kept), without making `path` the document's
    /// file: the document keeps its path, baseline and lock. An existing
    /// file is only replaced with `force` (its content goes to `.bak`).
    pub fn write_copy(
        &self,
        path: &Path,
        mission: &Mission,
        force: bool,
    ) -> Result<(), SaveFailure> {
        let expected = replaceable(path, force)?;
        let text = render_checked(&mut self.base.clone(), mission, &self.name())?;
        Ok(save_checked(path, &text, &expected, force)?)
    }

    /// The text for `mission`, read back to check it gives `mission`
    /// before anything is written.
    fn prepare(&mut self, mission: &Mission) -> Result<String, SaveFailure> {
        let name = self.name();
        render_checked(&mut self.base, mission, &name)
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
    /// at the next start (after a failed save, while idle, or on a crash).
    /// A recovery file an earlier session left, which the user chose to
    /// decide on later, is moved aside rather than overwritten; it is still
    /// offered, after this one.
    pub fn keep_unsaved(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let path = self.recovery_path()?;
        if self.own_recovery.as_deref() != Some(&path) && path.exists() {
            let aside = stamped(&path, EARLIER);
            std::fs::rename(&path, &aside)?;
            let _ = std::fs::rename(disk_copy(&path), disk_copy(&aside));
        }
        self.write_recovery(&path, mission)?;
        // A restored earlier file is now superseded by this one.
        if let Some(previous) = self.own_recovery.replace(path.clone()) {
            if previous != path {
                remove_recovery(&previous);
            }
        }
        Ok(path)
    }

    /// Keeps changes the user is discarding (by reloading the file) in a
    /// file of their own in the recovery directory, named by the time.
    pub fn keep_discarded(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let path = stamped(&self.recovery_path()?, DISCARDED);
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

    /// The newest recovery file left for this mission by an earlier
    /// session (files of changes discarded on purpose are not offered).
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        let path = self.recovery_path().ok()?;
        let stem = path.file_stem()?.to_string_lossy().into_owned();
        let entries = std::fs::read_dir(path.parent()?).ok()?;
        entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().to_string_lossy().into_owned();
                let ours = name == format!("{stem}.toml")
                    || (name.starts_with(&format!("{stem}-{EARLIER}-")) && name.ends_with(".toml"));
                let modified = entry.metadata().and_then(|m| m.modified()).ok()?;
                ours.then(|| (modified, entry.path()))
            })
            .max()
            .map(|(_, path)| path)
    }

    /// Replaces the document's baseline with the newest recovery file, and
    /// returns the recovered mission. The file on disk is what it was when
    /// the changes were kept, so saving still asks if it changed since.
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
        self.own_recovery = Some(path);
        Ok(parsed.mission)
    }

    /// Deletes the newest pending recovery file (the user chose to discard
    /// it).
    pub fn discard_recovery(&mut self) {
        if let Some(path) = self.pending_recovery() {
            remove_recovery(&path);
            if self.own_recovery.as_ref() == Some(&path) {
                self.own_recovery = None;
            }
        }
    }

    /// Whether a recovery file holds this session's unsaved changes.
    pub fn owns_recovery(&self) -> bool {
        self.own_recovery.is_some()
    }

    /// Deletes the recovery file holding this session's changes, which a
    /// save has just written or the user has chosen to drop.
    pub fn forget_own_recovery(&mut self) {
        if let Some(path) = self.own_recovery.take() {
            remove_recovery(&path);
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
