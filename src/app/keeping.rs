//! Keeping unsaved changes: bringing the recovery file up to date while
//! the user is idle, taking back or dropping the changes an earlier
//! session kept, and the warning that another itinera has the mission
//! open, which the question about kept changes repeats.

use super::{App, Effect, Level, Plan, Recovery, Report};

/// The largest mission (in visits) kept in the recovery file at every
/// pause: about 50 ms of work, measured.
pub const IDLE_KEEP_LIMIT: usize = 5_000;

impl App {
    /// "Also open in another itinera", when another running itinera held
    /// the lock when this one took the file, or kept unsaved changes to it
    /// in a recovery file of its own (which is then said too).
    pub fn lock_warning(&self) -> Option<String> {
        let other = self.elsewhere?;
        let what = if other.unsaved {
            ", which has unsaved changes to it"
        } else {
            ""
        };
        Some(format!(
            "{} is also open in another itinera (process {}){what}; \
             saving here will not overwrite changes saved there",
            self.file.display(),
            other.pid
        ))
    }

    /// After the question about kept changes: the warning that the mission
    /// is also open in another itinera, which the question covered, is
    /// added to what the status bar says.
    pub(super) fn add_lock_warning(&mut self) {
        let Some(warning) = self.lock_warning() else {
            return;
        };
        let said = self.message.take().map(|m| (m.level, m.text));
        match said {
            Some((Level::Error, text)) => self.error(format!("{text} {warning}.")),
            Some((_, text)) => self.warn(format!("{text} {warning}.")),
            None => self.warn(warning),
        }
    }

    /// Whether the recovery file (as `recovery` says it is) is behind the
    /// mission in memory: there are unsaved changes it does not hold (or
    /// it has disappeared), or it holds changes that were since undone.
    pub fn recovery_is_stale(&self, recovery: Recovery) -> bool {
        if self.is_dirty() {
            self.kept_generation != Some(self.plan.generation()) || recovery.gone
        } else {
            recovery.owned
        }
    }

    /// The user has been idle for a moment: brings the recovery file up
    /// to date, so that closing the terminal, a crash or a power cut loses
    /// at most the last few seconds of work. Clean missions need no
    /// recovery file.
    pub(super) fn idle(&mut self, recovery: Recovery) {
        if !self.recovery_is_stale(recovery) {
            return;
        }
        // Writing the copy of a very large mission takes longer than a
        // frame; such missions are kept on a hang-up, a failed save or a
        // crash, not at every pause.
        if self.is_dirty() && self.plan.mission().visits.len() > IDLE_KEEP_LIMIT {
            return;
        }
        if self.is_dirty() {
            // Without a data directory there is nowhere to keep them; this
            // state is not tried again either way.
            self.kept_generation = Some(self.plan.generation());
            self.effect(Effect::KeepRecovery);
        } else {
            self.kept_generation = None;
            self.effect(Effect::ForgetRecovery);
        }
    }

    /// The reports about kept changes.
    pub(super) fn report_recovery(&mut self, report: Report) {
        match report {
            Report::Restored { mission } => {
                self.replace_plan(Plan::restored(mission));
                self.info("Restored the kept changes; save to keep them in the file.");
            }
            Report::RestoreFailed { problem } => {
                self.error(format!("Could not restore: {problem}"))
            }
            Report::Discarded => self.info("Discarded the kept changes."),
            Report::DiscardFailed { problem } => self.error(format!("Not discarded: {problem}.")),
            _ => return,
        }
        self.add_lock_warning();
    }
}
