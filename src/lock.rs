//! "This mission is open in another itinera": a lock file per mission, in
//! the data directory, naming the process that holds it.
//!
//! The lock is advisory. Opening a locked mission warns and goes on (the
//! save guard still refuses to overwrite changes made elsewhere). A lock
//! left by a process that is gone is taken over silently.

use std::io;
use std::path::{Path, PathBuf};

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
    /// Takes the lock at `lock_path` for `mission`, unless a live process
    /// holds it.
    pub fn acquire(lock_path: &Path, mission: &Path) -> io::Result<Locked> {
        if let Ok(text) = std::fs::read_to_string(lock_path) {
            let pid = text
                .lines()
                .next()
                .and_then(|l| l.trim().parse::<u32>().ok());
            if let Some(pid) = pid.filter(|&p| p != std::process::id() && is_alive(p)) {
                return Ok(Locked::Held { pid });
            }
        }
        if let Some(dir) = lock_path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = format!("{}\n{}\n", std::process::id(), mission.display());
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
            .and_then(|t| t.lines().next().map(|l| l.trim().to_string()))
            .is_some_and(|pid| pid == std::process::id().to_string());
        if ours {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(unix)]
fn is_alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        // The process exists but belongs to someone else.
        Err(err) => err == rustix::io::Errno::PERM,
    }
}

#[cfg(not(unix))]
fn is_alive(_pid: u32) -> bool {
    // Without a portable liveness check, a lock is taken to be live.
    true
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
        assert!(text.starts_with(&format!("{}\n", std::process::id())));
        drop(lock);
        assert!(!lock_path.exists(), "released on drop");
    }

    #[cfg(unix)]
    #[test]
    fn a_live_lock_is_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        let lock_path = dir.path().join("m.lock");
        let mut child = std::process::Command::new("sleep")
            .arg("10")
            .spawn()
            .expect("sleep");
        std::fs::write(&lock_path, format!("{}\n/m.toml\n", child.id())).expect("write");
        let outcome = Lock::acquire(&lock_path, Path::new("/m.toml")).expect("io");
        let _ = child.kill();
        let _ = child.wait();
        assert!(
            matches!(outcome, Locked::Held { pid } if pid == child.id()),
            "{outcome:?}"
        );
    }
}
