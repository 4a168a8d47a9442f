//! "This mission is open in another itinera": a lock file per mission, in
//! the data directory, naming the process that holds it.
//!
//! The lock is advisory. Opening a locked mission warns and goes on (the
//! save guard still refuses to overwrite changes made elsewhere). A lock
//! left by a process that is gone, or whose id now belongs to another
//! program or a later process (see [`crate::owner`]), is taken over
//! silently.
//!
//! The file holds the owner (its id, then `start TICKS`), then the path of
//! the mission.

use std::io;
use std::path::{Path, PathBuf};

use crate::owner::Owner;

/// A lock this process holds; released (the file removed) on drop.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// The outcome of trying to lock a mission.
#[derive(Debug)]
pub enum Locked {
    /// The lock is ours.
    Acquired(Lock),
    /// Another running itinera holds it.
    Held { pid: u32 },
}

impl Lock {
    /// Takes the lock at `lock_path` for `mission`, unless another itinera
    /// that is still running holds it.
    pub fn acquire(lock_path: &Path, mission: &Path) -> io::Result<Locked> {
        if let Ok(text) = std::fs::read_to_string(lock_path) {
            if let Some(owner) = Owner::parse(&text).filter(Owner::is_other_live_itinera) {
                return Ok(Locked::Held { pid: owner.pid });
            }
        }
        if let Some(dir) = lock_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = format!("{}{}\n", Owner::current().to_text(), mission.display());
        crate::file::write::write_atomic(lock_path, text.as_bytes())?;
        Ok(Locked::Acquired(Lock {
            path: lock_path.to_path_buf(),
        }))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let ours = std::fs::read_to_string(&self.path)
            .ok()
            .and_then(|text| Owner::parse(&text))
            .is_some_and(|owner| owner.is_current());
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_lock_is_taken_over_and_released_on_drop() {
        let dir = tempfile::tempdir().expect("tempdir");
        let lock_path = dir.path().join("m.lock");
        // A pid that cannot be running: beyond Linux's maximum.
        std::fs::write(&lock_path, "4194305\n/old/m.toml\n").expect("write");
        let lock = match Lock::acquire(&lock_path, Path::new("/m.toml")).expect("io") {
            Locked::Acquired(lock) => lock,
            Locked::Held { pid } => panic!("stale lock of {pid} was not taken over"),
        };
        let text = std::fs::read_to_string(&lock_path).expect("read");
        assert_eq!(text, format!("{}/m.toml\n", Owner::current().to_text()));
        drop(lock);
        assert!(!lock_path.exists(), "released on drop");
    }

    /// A lock whose process id now belongs to an unrelated program (here a
    /// `sleep`) is not held by an itinera: it is taken over, whether it was
    /// written with a start time or, as older locks were, without.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_lock_naming_a_process_that_is_not_itinera_is_taken_over() {
        let dir = tempfile::tempdir().expect("tempdir");
        let lock_path = dir.path().join("m.lock");
        let mut child = std::process::Command::new("sleep")
            .arg("10")
            .spawn()
            .expect("sleep");
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).expect("stat");
        let start = stat
            .rsplit(')')
            .next()
            .and_then(|rest| rest.split_whitespace().nth(19));
        let start = start.expect("a start time").to_string();
        let mut outcomes = Vec::new();
        for text in [
            format!("{}\n/m.toml\n", child.id()),
            format!("{}\nstart {start}\n/m.toml\n", child.id()),
        ] {
            std::fs::write(&lock_path, text).expect("write");
            outcomes.push(Lock::acquire(&lock_path, Path::new("/m.toml")).expect("io"));
        }
        let _ = child.kill();
        let _ = child.wait();
        for outcome in &outcomes {
            assert!(matches!(outcome, Locked::Acquired(_)), "{outcome:?}");
        }
        let text = std::fs::read_to_string(&lock_path).expect("read");
        assert_eq!(
            text,
            format!("{}/m.toml\n", Owner::current().to_text()),
            "the lock names this process and its start time"
        );
    }
}
