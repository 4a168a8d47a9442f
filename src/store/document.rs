//! The mission file behind the planner: where it is, what it held when it
//! was read or last saved, and the files kept beside it (lock, recovery).
//!
//! Saving renders the mission into the file's own text (see
//! `file::save`), reads the result back to check it is the mission in
//! memory, and only then writes it, atomically, keeping the previous
//! version as `FILE.bak` and refusing to overwrite a file that changed on
//! disk since it was read.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;

use crate::domain::Mission;
use crate::file::open::read_mission_bytes;
use crate::file::output::{Existing, OutputError, check_output};
use crate::file::write::{SaveError, SaveOptions, Saved, save_checked};
use crate::file::{Base, LoadError, Prepared, read_back};
use crate::lock::{Lock, Locked};
use crate::paths::Dirs;

use super::recovery;

/// `mission` rendered into the text `base` was read from, read back to
/// check it gives `mission` (`name` names the file in a problem).
fn render_checked(base: &mut Base, mission: &Mission, name: &str) -> Result<String, SaveFailure> {
    let text = base.render(mission);
    match read_back(text.as_bytes()) {
        Ok(read) if read.same_content(mission) => Ok(text),
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

/// Another running itinera that has the mission open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sharer {
    pub pid: u32,
    /// It keeps unsaved changes to the mission in a recovery file.
    pub unsaved: bool,
}

pub struct Document {
    pub path: PathBuf,
    pub(super) base: Base,
    /// The text `base` was read from (the file as read or last saved, or a
    /// restored recovery file), to rebuild it after a save that failed.
    pub(super) base_text: Vec<u8>,
    /// The file's bytes as last read or written, to notice changes made
    /// elsewhere.
    pub(super) disk: Vec<u8>,
    pub(super) dirs: Option<Dirs>,
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
    pub(super) own_recovery: Option<PathBuf>,
    /// The format-preserving document of `base`, being built on another
    /// thread ([`Document::prepare_in_background`]).
    building: Option<JoinHandle<Prepared>>,
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
    /// The document for a freshly loaded file (its path, base and bytes);
    /// `dirs` is where lock and recovery files go (none in tests that do
    /// not need them).
    pub fn new(path: PathBuf, base: Base, disk: Vec<u8>, dirs: Option<Dirs>) -> Document {
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
            building: None,
        };
        doc.lock();
        // Temporary files of saves of this mission that never finished.
        crate::file::sweep::remove_stale(&crate::file::open::resolve(&doc.path));
        doc
    }

    /// Starts building the format-preserving document a save patches on
    /// another thread (the planner calls this after its first frame), so
    /// that neither a keypress nor the first save waits for all of it.
    pub fn prepare_in_background(&mut self) {
        if self.building.is_some() {
            return;
        }
        if let Some(work) = self.base.prepare() {
            self.building = std::thread::Builder::new()
                .name("itinera-document".into())
                .spawn(move || work.build())
                .ok();
        }
    }

    /// Installs the document built on another thread, if it is ready or
    /// (with `wait`, before a render needs it) once it is. One built for
    /// text the base has moved on from is dropped.
    pub fn adopt_prepared(&mut self, wait: bool) {
        match self.building.take() {
            Some(handle) if wait || handle.is_finished() => {
                if let Ok(prepared) = handle.join() {
                    self.base.install(prepared);
                }
            }
            building => self.building = building,
        }
    }

    /// Forgets a document being built, when the base is replaced (the
    /// thread finishes on its own; what it built is for the old text).
    pub(super) fn forget_prepared(&mut self) {
        self.building = None;
    }

    /// Whether a document is still being built on another thread.
    pub fn is_preparing(&self) -> bool {
        self.building.is_some()
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

    /// Another running itinera that has the mission open: it held the
    /// lock when this one took the file, or kept unsaved changes to it in
    /// a recovery file of its own.
    pub fn elsewhere(&self) -> Option<Sharer> {
        match (self.lock_holder, self.unsaved_elsewhere) {
            (Some(pid), Some(other)) if pid == other => Some(Sharer { pid, unsaved: true }),
            (Some(pid), _) => Some(Sharer {
                pid,
                unsaved: false,
            }),
            (None, Some(pid)) => Some(Sharer { pid, unsaved: true }),
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
        &mut self,
        path: &Path,
        mission: &Mission,
        force: bool,
    ) -> Result<(), SaveFailure> {
        let expected = replaceable(path, force, &self.path)?;
        self.adopt_prepared(true);
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
        self.adopt_prepared(true);
        let name = self.name();
        render_checked(&mut self.base, mission, &name)
    }

    /// Reads the file again, as it is on disk now.
    pub fn reload(&mut self) -> Result<Mission, LoadError> {
        let loaded = crate::file::load(&self.path)?;
        self.forget_prepared();
        self.base = loaded.parsed.base;
        self.base_text = loaded.bytes.clone();
        self.disk = loaded.bytes;
        Ok(loaded.parsed.mission)
    }

    /// The file name, for the status bar.
    pub fn name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }
}
