//! Paths that name something other than a mission file: a named pipe, a
//! directory, a link to `/dev/zero`. Every command answers at once with a
//! clear refusal and exit 2, and the planner refuses them without touching
//! the terminal.

#![cfg(unix)]

mod common;

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

fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .expect("mkfifo");
}

/// A directory holding the three special paths, and what each is refused
/// as.
fn specials() -> (tempfile::TempDir, Vec<(&'static str, &'static str)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    mkfifo(&dir.path().join("pipe.toml"));
    std::fs::create_dir(dir.path().join("folder.toml")).expect("mkdir");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.toml")).expect("symlink");
    let cases = vec![
        (
            "pipe.toml",
            "error: cannot read pipe.toml: it is a named pipe (FIFO), not a regular file\n",
        ),
        (
            "folder.toml",
            "error: cannot read folder.toml: it is a directory, not a regular file\n",
        ),
        (
            "zero.toml",
            "error: cannot read zero.toml: it is a link to /dev/zero, which is a character \
             device, not a regular file\n",
        ),
    ];
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
