//! Commands that write a file never write it over the mission they read
//! (by its own name, a symbolic link or a hard link), and `new` never
//! writes over anything, not even through a link to a missing file.

#![cfg(unix)]

mod common;

use common::run::{itinera_in, stderr};

/// A copy of the sample as `m.toml` in a temporary directory.
fn mission() -> (tempfile::TempDir, Vec<u8>) {
    let copy = common::files::TempMission::of_sample("m.toml");
    (copy.dir, copy.original.into_bytes())
}

#[test]
fn export_refuses_to_write_over_the_mission_by_any_name() {
    let (dir, original) = mission();
    std::os::unix::fs::symlink("m.toml", dir.path().join("link.txt")).expect("symlink");
    std::fs::hard_link(dir.path().join("m.toml"), dir.path().join("hard.txt")).expect("link");
    for out in ["m.toml", "./m.toml", "link.txt", "hard.txt"] {
        let run = itinera_in(dir.path(), &["export", "m.toml", "-o", out]);
        assert_eq!(run.status.code(), Some(2), "-o {out}: {}", stderr(&run));
        assert_eq!(
            stderr(&run),
            format!("error: {out} is the mission file m.toml itself; choose another output file\n")
        );
        assert!(run.stdout.is_empty());
        assert_eq!(
            std::fs::read(dir.path().join("m.toml")).expect("read"),
            original,
            "-o {out} left the mission as it was"
        );
    }
    // The mission reached through a link is protected the same way.
    let run = itinera_in(dir.path(), &["export", "link.txt", "--output", "hard.txt"]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        "error: hard.txt is the mission file link.txt itself; choose another output file\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("m.toml")).expect("read"),
        original
    );
}

#[test]
fn export_writes_an_agenda_file_beside_the_mission() {
    let (dir, _) = mission();
    let run = itinera_in(dir.path(), &["export", "m.toml", "-o", "agenda.txt"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let agenda = std::fs::read_to_string(dir.path().join("agenda.txt")).expect("agenda");
    assert!(agenda.starts_with("Clust-ER Health in Japan\n"), "{agenda}");
}

fn new_args(file: &str) -> Vec<&str> {
    vec![
        "new",
        file,
        "--title",
        "Trip",
        "--start",
        "2026-03-30",
        "--end",
        "2026-04-02",
    ]
}

#[test]
fn new_never_writes_through_a_link_to_a_missing_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink("gone/trip.toml", dir.path().join("trip.toml")).expect("symlink");
    let run = itinera_in(dir.path(), &new_args("trip.toml"));
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        "error: trip.toml is a symbolic link to gone/trip.toml, which does not exist; \
         choose another output file\n"
    );
    let link = std::fs::symlink_metadata(dir.path().join("trip.toml")).expect("the link");
    assert!(link.file_type().is_symlink(), "the link is left as it was");
    assert!(!dir.path().join("gone").exists());
}

#[test]
fn new_never_overwrites_a_file_reached_through_a_link() {
    let (dir, original) = mission();
    std::os::unix::fs::symlink("m.toml", dir.path().join("trip.toml")).expect("symlink");
    let run = itinera_in(dir.path(), &new_args("trip.toml"));
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert_eq!(
        stderr(&run),
        "error: trip.toml already exists; itinera new never overwrites a file\n"
    );
    assert_eq!(
        std::fs::read(dir.path().join("m.toml")).expect("read"),
        original
    );
}
