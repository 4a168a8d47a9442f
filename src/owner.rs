//! Which itinera a lock file or a recovery file belongs to, and whether it
//! is still running.
//!
//! A process id alone is not enough: once a process ends, its id is given
//! to another, unrelated one, and a lock naming it would seem held for
//! ever. So an owner is written as its id and its start time (on Linux the
//! `starttime` field of `/proc/PID/stat`, in clock ticks since boot), and a
//! running process counts as the owner only when it started at that time
//! and is an itinera (its command name is `itinera`, or it runs the same
//! program as this process). Where `/proc` is missing (macOS, the BSDs), a
//! process that exists with that id counts as the owner.
//!
//! The text is two lines, `PID` then `start TICKS`; files written before
//! start times were recorded have the id alone.

/// The process that wrote a lock or a recovery file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub pid: u32,
    /// Start time in clock ticks since boot, where the system tells it.
    pub start: Option<u64>,
}

impl Owner {
    /// This process.
    pub fn current() -> Owner {
        let pid = std::process::id();
        Owner {
            pid,
            start: probe(pid).map(|p| p.start),
        }
    }

    /// The owner named at the start of `text`: a process id on the first
    /// line, then optionally `start TICKS` on the second.
    pub fn parse(text: &str) -> Option<Owner> {
        let mut lines = text.lines();
        let pid = lines.next()?.trim().parse().ok()?;
        let start = lines
            .next()
            .and_then(|line| line.strip_prefix("start "))
            .and_then(|ticks| ticks.trim().parse().ok());
        Some(Owner { pid, start })
    }

    /// The owner as text, as [`Owner::parse`] reads it.
    pub fn to_text(&self) -> String {
        match self.start {
            Some(start) => format!("{}\nstart {start}\n", self.pid),
            None => format!("{}\n", self.pid),
        }
    }

    /// Whether this is the current process.
    pub fn is_current(&self) -> bool {
        self.pid == std::process::id()
    }

    /// Whether the owner is another itinera that is still running. This
    /// process is never "another" (an earlier document of the same process
    /// is over).
    pub fn is_other_live_itinera(&self) -> bool {
        if self.is_current() {
            return false;
        }
        match probe(self.pid) {
            Some(process) => self.is(&process),
            None => exists_without_proc(self.pid),
        }
    }

    /// Whether `process`, running with this owner's id, is the owner.
    fn is(&self, process: &Process) -> bool {
        let same_start = self.start.is_none_or(|start| start == process.start);
        same_start && process.is_itinera()
    }
}

/// What `/proc` tells about a running process.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Process {
    start: u64,
    /// The command name (`comm`), at most 15 bytes.
    command: String,
    /// The program it runs, when it may be looked at.
    program: Option<std::path::PathBuf>,
}

impl Process {
    fn is_itinera(&self) -> bool {
        self.command == "itinera"
            || self
                .program
                .as_ref()
                .is_some_and(|program| std::env::current_exe().ok().as_ref() == Some(program))
    }
}

/// The command name and start time from the text of `/proc/PID/stat`:
/// `PID (COMMAND) STATE PPID ...`, where the command may hold spaces and
/// parentheses, and the start time is the 22nd field.
fn parse_stat(stat: &str) -> Option<(String, u64)> {
    let open = stat.find('(')?;
    let close = stat.rfind(')')?;
    let command = stat.get(open + 1..close)?.to_string();
    // Fields after the command start with the 3rd (the state).
    let start = stat.get(close + 1..)?.split_whitespace().nth(22 - 3)?;
    Some((command, start.parse().ok()?))
}

/// The running process `pid`, or `None` when there is none (or no `/proc`
/// to ask).
fn probe(pid: u32) -> Option<Process> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (command, start) = parse_stat(&stat)?;
    let program = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
    Some(Process {
        start,
        command,
        program,
    })
}

/// Without `/proc`: whether a process with this id exists at all. Systems
/// with `/proc` have answered already: a process missing there is gone.
#[cfg(unix)]
fn exists_without_proc(pid: u32) -> bool {
    if std::path::Path::new("/proc/self/stat").exists() {
        return false;
    }
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
fn exists_without_proc(_pid: u32) -> bool {
    // Without a way to ask, an owner is taken to be running.
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_round_trips_and_old_files_have_no_start() {
        let owner = Owner {
            pid: 42,
            start: Some(1234),
        };
        assert_eq!(owner.to_text(), "42\nstart 1234\n");
        assert_eq!(Owner::parse(&owner.to_text()), Some(owner));
        assert_eq!(
            Owner::parse("42\n/trips/m.toml\n"),
            Some(Owner {
                pid: 42,
                start: None
            })
        );
        assert_eq!(Owner::parse("not a pid\n"), None);
    }

    #[test]
    fn the_start_time_is_the_22nd_field_whatever_the_command() {
        let fields: Vec<String> = (4..=30).map(|n| n.to_string()).collect();
        let stat = format!("77 (it (a) b) S {}", fields.join(" "));
        // Field 4 holds "4", so field 22 holds "22".
        assert_eq!(parse_stat(&stat), Some(("it (a) b".to_string(), 22)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn this_process_has_a_start_time_and_is_never_another_owner() {
        let me = Owner::current();
        assert!(me.start.is_some());
        assert!(!me.is_other_live_itinera());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_running_process_that_is_not_itinera_is_no_owner() {
        let mut child = std::process::Command::new("sleep")
            .arg("10")
            .spawn()
            .expect("sleep");
        let pid = child.id();
        let start = probe(pid).map(|p| p.start);
        let verdicts = [
            Owner { pid, start: None }.is_other_live_itinera(),
            Owner { pid, start }.is_other_live_itinera(),
        ];
        let _ = child.kill();
        let _ = child.wait();
        assert!(start.is_some());
        assert_eq!(verdicts, [false, false], "a sleep is not an itinera");
    }

    #[test]
    fn a_process_is_the_owner_only_with_the_same_start_and_program() {
        let itinera = Process {
            start: 500,
            command: "itinera".into(),
            program: None,
        };
        let owner = |start| Owner { pid: 7, start };
        assert!(owner(Some(500)).is(&itinera));
        assert!(owner(None).is(&itinera), "an old lock without a start time");
        assert!(
            !owner(Some(499)).is(&itinera),
            "the id was given to a later process"
        );
        let other = Process {
            command: "bash".into(),
            ..itinera
        };
        assert!(!owner(Some(500)).is(&other));
    }
}
