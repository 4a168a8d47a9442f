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
use crate::file::open::read_mission_bytes;
use crate::file::output::{Existing, OutputError, check_output};
use crate::file::write::{SaveError, SaveOptions, Saved, save_checked};
use crate::file::{Base, LoadError, parse_bytes};
use crate::lock::{Lock, Locked};
use crate::paths::Dirs;

use super::recovery::{self, DISCARDED, EARLIER};

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

/// What a new file at `path` may replace: with `force`, whatever is
/// there (its bytes, to check nothing changes them before the save);
/// otherwise nothing, so an existing file (the document's own `current`
/// file by any name or link, or a link to a missing file) is refused.
fn replaceable(path: &Path, force: bool, current: &Path) -> Result<Vec<u8>, SaveFailure> {
    if force {
        Ok(read_mission_bytes(path).unwrap_or_default())
    } else {
        check_output(path, &[current], Existing::Refuse)?;
        Ok(Vec::new())
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
    /// The running itinera that holds the lock, when this one could not.
    lock_holder: Option<u32>,
    /// A running itinera (another process) whose unsaved changes to this
    /// mission were in a recovery file when the lock was taken.
    unsaved_elsewhere: Option<u32>,
    /// The user agreed to save over the file although it is read-only.
    read_only_allowed: bool,
    /// The recovery file holding this session's unsaved mission (written
    /// after a failed save or while idle, or restored from): a successful
    /// save, or ending without unsaved changes, makes it obsolete.
    own_recovery: Option<PathBuf>,
}

#[derive(Debug, thiserror::Error)]
pub enum SaveFailure {
    #[error("{0}")]
    Write(#[from] SaveError),
    /// Saving under another name would write over a file (or through a
    /// link to nothing).
    #[error("{0}")]
    Output(#[from] OutputError),
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
            lock_holder: None,
            unsaved_elsewhere: None,
            read_only_allowed: false,
            own_recovery: None,
        };
        doc.lock();
        // Temporary files of saves of this mission that never finished.
        crate::file::sweep::remove_stale(&crate::file::open::resolve(&doc.path));
        let warning = doc.lock_warning();
        (doc, warning)
    }

    /// Takes the lock of the document's path, or notes which running
    /// itinera holds it.
    fn lock(&mut self) {
        self.lock = None;
        self.lock_holder = None;
        self.unsaved_elsewhere = self.find_unsaved_elsewhere();
        let Some(dirs) = self.dirs.as_ref() else {
            return;
        };
        match Lock::acquire(&dirs.lock_file(&self.path), &self.path) {
            Ok(Locked::Acquired(lock)) => self.lock = Some(lock),
            Ok(Locked::Held { pid }) => self.lock_holder = Some(pid),
            Err(_) => {}
        }
    }

    /// "Also open in another itinera", when another running itinera held
    /// the lock when this one took the file, or kept unsaved changes to it
    /// in a recovery file of its own (which is then said too).
    pub fn lock_warning(&self) -> Option<String> {
        let unsaved = self.unsaved_elsewhere;
        let open = |pid: u32, what: &str| {
            format!(
                "{} is also open in another itinera (process {pid}){what}; \
                 saving here will not overwrite changes saved there",
                self.path.display()
            )
        };
        match (self.lock_holder, unsaved) {
            (Some(pid), Some(other)) if pid == other => {
                Some(open(pid, ", which has unsaved changes to it"))
            }
            (Some(pid), _) => Some(open(pid, "")),
            (None, Some(other)) => Some(open(other, ", which has unsaved changes to it")),
            (None, None) => None,
        }
    }

    /// The running itinera (another process) whose unsaved changes to this
    /// mission are in a recovery file, if any.
    fn find_unsaved_elsewhere(&self) -> Option<u32> {
        let base = self.recovery_path().ok()?;
        recovery::all(&base)
            .into_iter()
            .find_map(|(_, path)| recovery::live_owner(&path))
            .map(|owner| owner.pid)
    }

    /// Saves `mission` to the document's file. With `force`, a file changed
    /// on disk is overwritten (its content goes to `FILE.bak`). A read-only
    /// file is only saved over once [`Document::allow_read_only`] was
    /// called.
    pub fn save(&mut self, mission: &Mission, force: bool) -> Result<Saved, SaveFailure> {
        let before = self.base.mission().clone();
        let options = SaveOptions {
            overwrite_changes: force,
            over_read_only: self.read_only_allowed,
        };
        let written = self.prepare(mission).and_then(|text| {
            let saved = save_checked(&self.path, &text, &self.disk, options)?;
            Ok((saved, text))
        });
        self.settle(written, before)
    }

    /// The user said yes to saving over the read-only file: this session
    /// does not ask again for this file.
    pub fn allow_read_only(&mut self) {
        self.read_only_allowed = true;
    }

    /// After a save attempt: adopts the written text, or puts the baseline
    /// back to the text it was read from (rendering moved it on).
    fn settle(
        &mut self,
        written: Result<(Saved, String), SaveFailure>,
        before: Mission,
    ) -> Result<Saved, SaveFailure> {
        match written {
            Ok((saved, text)) => {
                self.disk = text.into_bytes();
                self.base_text = self.disk.clone();
                self.forget_own_recovery();
                Ok(saved)
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
    /// Something existing there is only replaced with `force`.
    pub fn save_as(
        &mut self,
        path: &Path,
        mission: &Mission,
        force: bool,
    ) -> Result<Saved, SaveFailure> {
        let expected = replaceable(path, force, &self.path)?;
        let before = self.base.mission().clone();
        let options = SaveOptions {
            overwrite_changes: force,
            over_read_only: false,
        };
        let written = self.prepare(mission).and_then(|text| {
            let saved = save_checked(path, &text, &expected, options)?;
            Ok((saved, text))
        });
        let saved = self.settle(written, before)?;
        self.path = path.to_path_buf();
        self.read_only_allowed = false;
        self.lock();
        if let Some(dirs) = &self.dirs {
            let _ = dirs.remember(path);
        }
        Ok(saved)
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
        let expected = replaceable(path, force, &self.path)?;
        let text = render_checked(&mut self.base.clone(), mission, &self.name())?;
        let options = SaveOptions {
            overwrite_changes: force,
            over_read_only: false,
        };
        save_checked(path, &text, &expected, options)?;
        Ok(())
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
    /// offered, after this one. One that another running itinera keeps its
    /// own changes in is left alone: this session uses a file of its own.
    pub fn keep_unsaved(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let base = self.recovery_path()?;
        let own = recovery::of_this_process(&base);
        let path = match self.own_recovery.as_deref() {
            Some(current) if current == base || current == own => current.to_path_buf(),
            _ if !base.exists() => base,
            _ if recovery::live_owner(&base).is_some() => own,
            _ => {
                recovery::rename(&base, &recovery::stamped(&base, EARLIER))?;
                base
            }
        };
        self.write_recovery(&path, mission)?;
        // A restored earlier file is now superseded by this one.
        if let Some(previous) = self.own_recovery.replace(path.clone()) {
            if previous != path {
                recovery::remove(&previous);
            }
        }
        Ok(path)
    }

    /// Keeps changes the user is discarding (by reloading the file) in a
    /// file of their own in the recovery directory, named by the time.
    pub fn keep_discarded(&mut self, mission: &Mission) -> io::Result<PathBuf> {
        let path = recovery::stamped(&self.recovery_path()?, DISCARDED);
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
        // A copy: the baseline stays the file as read until a save.
        let text = self.base.clone().render(mission);
        recovery::write(path, text.as_bytes(), &self.disk)
    }

    /// The newest recovery file left for this mission by a session that is
    /// over (files of changes discarded on purpose, and files of another
    /// itinera still running, are not offered).
    pub fn pending_recovery(&self) -> Option<PathBuf> {
        let base = self.recovery_path().ok()?;
        recovery::all(&base)
            .into_iter()
            .filter(|(_, path)| recovery::live_owner(path).is_none())
            .max()
            .map(|(_, path)| path)
    }

    /// A refusal when another running itinera now owns the recovery file
    /// `path` (it restored it since it was offered here).
    fn refuse_if_taken(path: &Path) -> Result<(), String> {
        match recovery::live_owner(path) {
            Some(owner) => Err(format!(
                "another itinera (process {}) has taken these changes since they were offered",
                owner.pid
            )),
            None => Ok(()),
        }
    }

    /// Replaces the document's baseline with the recovery file `path`, and
    /// returns the recovered mission; the file is this session's from now
    /// on. The file on disk is what it was when the changes were kept, so
    /// saving still asks if it changed since.
    pub fn restore_recovery(&mut self, path: &Path) -> Result<Mission, String> {
        Self::refuse_if_taken(path)?;
        let bytes = read_mission_bytes(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let parsed = parse_bytes(&bytes)
            .map_err(|(text, report)| report.render(&path.display().to_string(), &text))?;
        recovery::claim(path).map_err(|e| format!("{}: {e}", path.display()))?;
        self.base = parsed.base;
        self.base_text = bytes;
        if let Ok(disk) = read_mission_bytes(&recovery::disk_copy(path)) {
            self.disk = disk;
        }
        self.own_recovery = Some(path.to_path_buf());
        Ok(parsed.mission)
    }

    /// Deletes the recovery file `path` (the user chose to discard it),
    /// unless another running itinera has taken it since it was offered.
    pub fn discard_recovery(&mut self, path: &Path) -> Result<(), String> {
        Self::refuse_if_taken(path)?;
        recovery::remove(path);
        if self.own_recovery.as_deref() == Some(path) {
            self.own_recovery = None;
        }
        Ok(())
    }

    /// Whether the recovery file holding this session's changes was
    /// written and has since disappeared (deleted by hand or by a cleaner),
    /// so it must be written again.
    pub fn own_recovery_is_gone(&self) -> bool {
        self.own_recovery
            .as_ref()
            .is_some_and(|path| !path.exists())
    }

    /// Whether a recovery file holds this session's unsaved changes.
    pub fn owns_recovery(&self) -> bool {
        self.own_recovery.is_some()
    }

    /// Deletes the recovery file holding this session's changes, which a
    /// save has just written or the user has chosen to drop.
    pub fn forget_own_recovery(&mut self) {
        if let Some(path) = self.own_recovery.take() {
            recovery::remove(&path);
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
