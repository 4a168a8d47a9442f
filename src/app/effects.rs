//! What the planner asks of the world outside it, and what it hears back.
//!
//! [`App::update`](super::App::update) never touches the disk: when a key
//! means "save", it returns an [`Effect`]; the runner performs it on the
//! document (`crate::store`) and reports the outcome as a [`Report`] in a
//! [`Msg::Done`](super::Msg::Done), which the app turns into a status
//! message, a history mark or a question. Time and the state of the
//! recovery files come in the same way, as messages.

use std::path::PathBuf;

use chrono::NaiveDateTime;

use crate::domain::Mission;

/// Something to do outside the app state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save to the mission's file. `force` overwrites a file changed on
    /// disk; `over_read_only` saves over a read-only file (the user said
    /// yes, for the rest of the session); `then_quit` is handed back.
    Save {
        force: bool,
        then_quit: bool,
        over_read_only: bool,
    },
    /// Save under the name `path` (as typed: `~/` is the home directory),
    /// which becomes the session's file; an existing file is only
    /// replaced with `force`. With `or_save`, a name that is the session's
    /// own file saves it.
    SaveAs {
        path: String,
        force: bool,
        then_quit: bool,
        or_save: bool,
    },
    /// Write a copy to `path` (as typed); the session stays on its file. A
    /// name that is the session's own file saves it.
    WriteCopy { path: String, force: bool },
    /// Read the file again, keeping the unsaved changes in a file of their
    /// own first when there are any.
    Reload,
    /// Bring the recovery file up to the mission as it is now.
    KeepRecovery,
    /// Delete the recovery file of this session's changes.
    ForgetRecovery,
    /// Take the changes an earlier session kept in `path`.
    RestoreRecovery { path: PathBuf },
    /// Delete the kept changes in `path`.
    DiscardRecovery { path: PathBuf },
    /// End the session.
    Quit,
}

/// Another itinera that has the mission open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Elsewhere {
    pub pid: u32,
    /// It keeps unsaved changes to the mission in a recovery file.
    pub unsaved: bool,
}

/// Changes kept by an earlier session, offered when the mission opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pending {
    pub path: PathBuf,
    /// When they were kept, in the computer's time zone.
    pub kept_at: Option<NaiveDateTime>,
}

/// The recovery file of this session's changes, as the runner finds it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recovery {
    /// A recovery file holds this session's changes.
    pub owned: bool,
    /// It was written and has disappeared since.
    pub gone: bool,
}

/// How an effect went.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    /// Saved; `note` is what the save says about itself ("Saved m.toml
    /// (previous version in m.toml.bak)"), a warning when the file had
    /// been changed during the save.
    Saved {
        note: String,
        warning: bool,
        then_quit: bool,
    },
    /// Saving was refused: the file changed on disk since it was read.
    ChangedOnDisk {
        then_quit: bool,
    },
    /// Saving was refused: the file is read-only.
    ReadOnly {
        then_quit: bool,
    },
    /// Saving failed; the changes went to the recovery file `kept` (or
    /// could not: why not).
    SaveFailed {
        problem: String,
        kept: Result<PathBuf, String>,
    },
    /// Saved under a new name, now the session's file.
    SavedAs {
        path: PathBuf,
        then_quit: bool,
        elsewhere: Option<Elsewhere>,
    },
    /// The name given to save as or write a copy to is the session's own
    /// file: the command means saving it (with `force` from the `!`).
    OwnFile {
        force: bool,
    },
    /// Not saved under `path`: something is there.
    SaveAsExists {
        path: PathBuf,
    },
    /// Not saved under a new name, for `problem` (a link to nothing).
    SaveAsRefused {
        problem: String,
    },
    CopyWritten {
        path: PathBuf,
    },
    /// No copy written: something is at `path`.
    CopyExists {
        path: PathBuf,
    },
    CopyFailed {
        problem: String,
    },
    /// The file read again; the changes dropped are in `kept`.
    Reloaded {
        mission: Mission,
        kept: Option<PathBuf>,
    },
    /// Not reloaded: the changes could not be kept first.
    ReloadNotKept {
        problem: String,
    },
    ReloadFailed {
        problem: String,
    },
    Restored {
        mission: Mission,
    },
    RestoreFailed {
        problem: String,
    },
    Discarded,
    DiscardFailed {
        problem: String,
    },
}
