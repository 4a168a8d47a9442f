//! Performing the app's effects on the document on disk, and saying how
//! they went. This is the one place an [`Effect`] meets the disk; the
//! event loop and the tests both go through [`perform`].

use crate::app::{App, Effect, Elsewhere, Report};
use crate::file::output::OutputError;
use crate::file::write::SaveError;
use crate::store::{Document, SaveFailure, Sharer, expand_home, same_file};

/// Performs `effect` on `doc` for `app` (whose mission is what is saved
/// or kept); returns what the app must hear about it.
pub fn perform(doc: &mut Document, app: &App, effect: Effect) -> Option<Report> {
    let mission = app.mission();
    match effect {
        Effect::Save {
            force,
            then_quit,
            over_read_only,
        } => {
            if over_read_only {
                doc.allow_read_only();
            }
            Some(save(doc, app, force, then_quit))
        }
        Effect::SaveAs {
            path,
            force,
            then_quit,
            or_save,
        } => {
            let path = expand_home(&path);
            if or_save && same_file(&path, &doc.path) {
                return Some(Report::OwnFile { force });
            }
            Some(save_as(doc, app, path, force, then_quit))
        }
        Effect::WriteCopy { path, force } => {
            let path = expand_home(&path);
            if same_file(&path, &doc.path) {
                return Some(Report::OwnFile { force });
            }
            Some(match doc.write_copy(&path, mission, force) {
                Ok(()) => Report::CopyWritten { path },
                Err(
                    SaveFailure::Write(SaveError::ChangedOnDisk { .. })
                    | SaveFailure::Output(OutputError::Exists { .. }),
                ) => Report::CopyExists { path },
                Err(err) => Report::CopyFailed {
                    problem: err.to_string(),
                },
            })
        }
        Effect::Reload => Some(reload(doc, app)),
        Effect::KeepRecovery => {
            // Nowhere to keep them (no data directory) is not worth a word:
            // a failed save or a crash says so when it matters.
            let _ = doc.keep_unsaved(mission);
            None
        }
        Effect::ForgetRecovery => {
            doc.forget_own_recovery();
            None
        }
        Effect::RestoreRecovery { path } => Some(match doc.restore_recovery(&path) {
            Ok(mission) => Report::Restored { mission },
            Err(problem) => Report::RestoreFailed { problem },
        }),
        Effect::DiscardRecovery { path } => Some(match doc.discard_recovery(&path) {
            Ok(()) => Report::Discarded,
            Err(problem) => Report::DiscardFailed { problem },
        }),
        Effect::Quit => {
            doc.finish(app.is_dirty());
            None
        }
    }
}

/// The app's words for another itinera that has the mission open.
pub fn elsewhere(sharer: Option<Sharer>) -> Option<Elsewhere> {
    sharer.map(|Sharer { pid, unsaved }| Elsewhere { pid, unsaved })
}

fn save(doc: &mut Document, app: &App, force: bool, then_quit: bool) -> Report {
    match doc.save(app.mission(), force) {
        Ok(saved) => Report::Saved {
            note: saved.message(&doc.name()),
            warning: saved.is_warning(),
            then_quit,
        },
        Err(SaveFailure::Write(SaveError::ChangedOnDisk { .. })) => {
            Report::ChangedOnDisk { then_quit }
        }
        Err(SaveFailure::Write(SaveError::ReadOnly { .. })) => Report::ReadOnly { then_quit },
        Err(err) => failed(doc, app, &err),
    }
}

fn save_as(
    doc: &mut Document,
    app: &App,
    path: std::path::PathBuf,
    force: bool,
    then_quit: bool,
) -> Report {
    match doc.save_as(&path, app.mission(), force) {
        Ok(_) => Report::SavedAs {
            path,
            then_quit,
            elsewhere: elsewhere(doc.elsewhere()),
        },
        Err(SaveFailure::Output(err @ OutputError::DanglingLink { .. })) => Report::SaveAsRefused {
            problem: err.to_string(),
        },
        Err(SaveFailure::Write(SaveError::ChangedOnDisk { .. }) | SaveFailure::Output(_)) => {
            Report::SaveAsExists { path }
        }
        Err(err) => failed(doc, app, &err),
    }
}

/// A failed save: the changes go to the recovery file.
fn failed(doc: &mut Document, app: &App, err: &SaveFailure) -> Report {
    Report::SaveFailed {
        problem: err.to_string(),
        kept: doc
            .keep_unsaved(app.mission())
            .map_err(|err| err.to_string()),
    }
}

/// Reads the file again; unsaved changes are kept in a file of their own
/// first, and this session's recovery file, which held them, goes.
fn reload(doc: &mut Document, app: &App) -> Report {
    let kept = if app.is_dirty() {
        match doc.keep_discarded(app.mission()) {
            Ok(path) => Some(path),
            Err(err) => {
                return Report::ReloadNotKept {
                    problem: err.to_string(),
                };
            }
        }
    } else {
        None
    };
    match doc.reload() {
        Ok(mission) => {
            doc.forget_own_recovery();
            Report::Reloaded { mission, kept }
        }
        Err(err) => Report::ReloadFailed {
            problem: err.render().trim_end().to_string(),
        },
    }
}
