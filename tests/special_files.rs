//! Paths that name something other than a mission file: a named pipe, a
//! directory, links to `/dev/zero`, `/dev/null` and a directory, a link to
//! nothing, links in a loop, a socket (see `hostile::specials`). Every
//! command answers at once with a clear refusal and exit 2, and the
//! planner refuses them without touching the terminal. And a file of mode
//! 000, refused as unreadable, or (for root, who reads it) for what it
//! holds.

#![cfg(unix)]

mod common;
mod hostile;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use common::pty::Session;

/// Runs itinera in `dir`; a run still going after ten seconds is killed
/// and fails the test (a named pipe used to block the read forever).
fn itinera_in(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run itinera");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child.try_wait().expect("try_wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("itinera {args:?} did not answer within ten seconds");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// The special paths in a new directory, and what each is refused as.
fn specials() -> (tempfile::TempDir, Vec<(&'static str, String)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = hostile::specials(dir.path())
        .into_iter()
        .map(|s| (s.name, s.message))
        .collect();
    (dir, cases)
}

#[test]
fn check_and_export_refuse_what_is_not_a_regular_file() {
    let (dir, cases) = specials();
    for (name, message) in cases {
        for command in ["check", "export"] {
            let out = itinera_in(dir.path(), &[command, name]);
            assert_eq!(out.status.code(), Some(2), "{command} {name}");
            assert_eq!(String::from_utf8_lossy(&out.stdout), "", "{command} {name}");
            assert_eq!(
                String::from_utf8_lossy(&out.stderr),
                message,
                "{command} {name}"
            );
        }
    }
}

#[test]
fn the_planner_refuses_them_without_touching_the_terminal() {
    let (dir, cases) = specials();
    for (name, message) in cases {
        let mut session = Session::start(&[name], dir.path(), dir.path());
        assert_eq!(session.wait_exit(), 2, "{name}");
        let raw = String::from_utf8_lossy(&session.raw).replace("\r\n", "\n");
        assert_eq!(raw, message, "{name}: only the refusal is printed");
    }
}

/// Root reads a file whatever its mode, so there the file is read and
/// refused for what it holds (its title set twice); anyone else is told
/// they may not read it. Either way nothing reaches the terminal but the
/// refusal.
#[test]
fn a_file_nobody_may_read_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = hostile::unreadable(dir.path());
    let problem = "unreadable.toml:6:1: error: duplicate key `title`: it is already set earlier \
                   in this table (line 3)\n";
    let (code, stdout, stderr, planner) = if hostile::reads_everything() {
        (
            1,
            format!("{problem}unreadable.toml: 1 error\n"),
            "",
            problem.to_string(),
        )
    } else {
        let refusal = "error: cannot read unreadable.toml: Permission denied (os error 13)\n";
        (2, String::new(), refusal, refusal.to_string())
    };
    let out = itinera_in(dir.path(), &["check", name]);
    assert_eq!(out.status.code(), Some(code));
    assert_eq!(String::from_utf8_lossy(&out.stdout), stdout);
    assert_eq!(String::from_utf8_lossy(&out.stderr), stderr);
    let mut session = Session::start(&[name], dir.path(), dir.path());
    assert_eq!(session.wait_exit(), code as u32);
    let raw = String::from_utf8_lossy(&session.raw).replace("\r\n", "\n");
    assert_eq!(raw, planner, "only the refusal is printed");
}

#[test]
fn a_file_larger_than_the_limit_is_refused_from_its_size() {
    // A sparse file: 65 MB on paper, no disk space used. Its size is read
    // from the metadata; the bytes are never read.
    let dir = tempfile::tempdir().expect("tempdir");
    let path: PathBuf = dir.path().join("huge.toml");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(65 << 20).expect("set_len");
    drop(file);
    let out = itinera_in(dir.path(), &["check", "huge.toml"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "huge.toml:1:1: error: file is 65 MB; itinera reads mission files up to 64 MB\n\
         huge.toml: 1 error\n"
    );
}
