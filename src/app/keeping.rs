//! Keeping unsaved changes: in the recovery file after a failed save,
//! while the user is idle and when the session ends badly, and taking back
//! the changes an earlier session kept.

use std::path::{Path, PathBuf};

use super::{App, History, Level};

/// The largest mission (in visits) kept in the recovery file at every
/// pause: about 50 ms of work, measured.
pub const IDLE_KEEP_LIMIT: usize = 5_000;

impl App {
    /// After a failed save: the changes go to the recovery file, and the
    /// status bar says where.
    pub(super) fn keep_after_failure(&mut self, problem: &str) {
        match self.doc.keep_unsaved(&self.mission) {
            Ok(path) => self.error(format!(
                "Not saved: {problem}. Your changes are kept in {}.",
                path.display()
            )),
            Err(err) => self.error(format!(
                "Not saved: {problem}. (No recovery file either: {err}.)"
            )),
        }
    }

    /// After the question about kept changes: the warning that the mission
    /// is also open in another itinera, which the question covered, is
    /// added to what the status bar says.
    pub(super) fn add_lock_warning(&mut self) {
        let Some(warning) = self.doc.lock_warning() else {
            return;
        };
        let said = self.message.take().map(|m| (m.level, m.text));
        match said {
            Some((Level::Error, text)) => self.error(format!("{text} {warning}.")),
            Some((_, text)) => self.warn(format!("{text} {warning}.")),
            None => self.warn(warning),
        }
    }

    /// Takes the changes kept by an earlier session in `path`.
    pub(super) fn restore(&mut self, path: &Path) {
        match self.doc.restore_recovery(path) {
            Ok(mission) => {
                self.mission = mission;
                self.history = History::unsaved();
                self.reindex();
                self.info("Restored the kept changes; save to keep them in the file.");
            }
            Err(err) => self.error(format!("Could not restore: {err}")),
        }
    }

    /// The session ends normally: a recovery file this session wrote holds
    /// nothing the user still wants (the mission is saved, or the changes
    /// were discarded on purpose).
    pub fn finish(&mut self) {
        if !self.is_dirty() {
            self.doc.forget_own_recovery();
        }
    }

    /// For a crash: keeps unsaved changes in the recovery file. Returns its
    /// path when something was kept.
    pub fn keep_unsaved(&mut self) -> Option<PathBuf> {
        if !self.is_dirty() {
            return None;
        }
        self.doc.keep_unsaved(&self.mission).ok()
    }

    /// Whether the recovery file is behind the mission in memory: there
    /// are unsaved changes it does not hold (or it has disappeared), or it
    /// holds changes that were since undone.
    pub fn recovery_is_stale(&self) -> bool {
        let generation = Some(self.history.generation());
        if self.is_dirty() {
            self.kept_generation != generation || self.doc.own_recovery_is_gone()
        } else {
            self.doc.owns_recovery()
        }
    }

    /// Called when the user has been idle for a moment: brings the recovery
    /// file up to date, so that closing the terminal, a crash or a power
    /// cut loses at most the last few seconds of work. Clean missions need
    /// no recovery file.
    pub fn keep_when_idle(&mut self) {
        if !self.recovery_is_stale() {
            return;
        }
        // Writing the copy of a very large mission takes longer than a
        // frame; such missions are kept on a hang-up, a failed save or a
        // crash, not at every pause.
        if self.is_dirty() && self.mission.visits.len() > IDLE_KEEP_LIMIT {
            return;
        }
        if self.is_dirty() {
            // Without a data directory there is nowhere to keep them; this
            // state is not tried again either way.
            let _ = self.doc.keep_unsaved(&self.mission);
            self.kept_generation = Some(self.history.generation());
        } else {
            self.doc.forget_own_recovery();
            self.kept_generation = None;
        }
    }
}
