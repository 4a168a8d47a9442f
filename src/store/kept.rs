//! The document's recovery files: keeping this session's unsaved changes,
//! offering, restoring and discarding those an earlier session kept (see
//! [`super::recovery`] for the files themselves).

use std::io;
use std::path::{Path, PathBuf};

use super::Document;
use super::recovery::{self, DISCARDED, EARLIER};
use crate::domain::Mission;
use crate::file::open::read_mission_bytes;
use crate::file::parse_bytes;

impl Document {
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

    pub(super) fn recovery_path(&self) -> io::Result<PathBuf> {
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

    /// The session ends normally: a recovery file this session wrote holds
    /// nothing the user still wants when the mission is not `dirty` (it is
    /// saved, or the changes were discarded on purpose).
    pub fn finish(&mut self, dirty: bool) {
        if !dirty {
            self.forget_own_recovery();
        }
    }
}
