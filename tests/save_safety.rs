//! Saving from the planner over files that need care: a read-only file is
//! only saved over when the user says so, a file with several hard links
//! keeps them, a file deleted before the save is said to be written anew,
//! and temporary files left by saves that never finished are cleaned up.

#![cfg(unix)]

mod common;

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{Planner, app_for, files::read_text, message_level, press, screen};
use itinera::app::{Confirm, Level, Mode};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);
const NAME: &str = "clust-er-health-japan-2022.toml";
const EDITED: &str = "title = \"Clust-ER Health in Japan 2022\"";

/// The planner on a copy of the sample, with the mission title edited.
fn edited_app() -> (Planner, PathBuf, String) {
    let mut app = app_for(common::SAMPLE);
    let path = app.doc().path.clone();
    let original = read_text(&path);
    press(
        &mut app,
        &["m", "end", "space", "2", "0", "2", "2", "enter"],
        AREA,
    );
    assert!(app.is_dirty());
    (app, path, original)
}

fn backup(path: &Path) -> PathBuf {
    itinera::file::write::backup_path(path)
}

#[test]
fn a_read_only_file_is_saved_over_only_when_the_user_says_so() {
    let (mut app, path, original) = edited_app();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");

    press(&mut app, &["ctrl-s"], AREA);
    assert!(
        matches!(
            app.mode,
            Mode::Confirm(Confirm::ReadOnly { then_quit: false })
        ),
        "asks first"
    );
    let s = screen(&mut app, 120, 40);
    let flat = s
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        flat.contains(&format!(
            "{NAME} is read-only. Save over it anyway? It stays read-only."
        )),
        "{s}"
    );
    assert!(s.contains("y  save over it"), "{s}");
    assert!(s.contains("a  save as another file"), "{s}");
    assert_eq!(read_text(&path), original, "nothing written while asking");

    press(&mut app, &["c"], AREA);
    assert_eq!(message_level(&app), (Level::Info, "Not saved.".to_string()));
    assert_eq!(read_text(&path), original);
    assert!(app.is_dirty());

    press(&mut app, &["ctrl-s", "y"], AREA);
    assert!(!app.is_dirty());
    assert_eq!(
        message_level(&app),
        (
            Level::Info,
            format!("Saved {NAME} (previous version in {NAME}.bak).")
        )
    );
    assert!(read_text(&path).contains(EDITED));
    assert_eq!(read_text(&backup(&path)), original);
    let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o444, "it stays read-only");

    // Asked once per session: the next save goes through.
    press(&mut app, &["u", "ctrl-s"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(read_text(&path), original);
}

#[test]
fn a_file_with_two_hard_links_is_written_in_place_and_keeps_them() {
    let (mut app, path, original) = edited_app();
    let other = path.with_file_name("also-here.toml");
    std::fs::hard_link(&path, &other).expect("hard link");

    press(&mut app, &["ctrl-s"], AREA);
    assert_eq!(
        message_level(&app),
        (
            Level::Info,
            format!(
                "Saved {NAME} in place, keeping its other hard links (previous version in \
                 {NAME}.bak)."
            )
        )
    );
    let saved = read_text(&path);
    assert!(saved.contains(EDITED));
    assert_eq!(read_text(&other), saved, "the other name sees the change");
    let (a, b) = (
        std::fs::metadata(&path).expect("meta"),
        std::fs::metadata(&other).expect("meta"),
    );
    assert_eq!(
        (a.ino(), a.nlink()),
        (b.ino(), 2),
        "still one file, two names"
    );
    assert_eq!(read_text(&backup(&path)), original);
}

#[test]
fn a_file_deleted_before_the_save_is_said_to_be_written_anew() {
    let (mut app, path, _) = edited_app();
    std::fs::remove_file(&path).expect("delete");
    press(&mut app, &["ctrl-s"], AREA);
    assert_eq!(
        message_level(&app),
        (
            Level::Warning,
            format!("Saved {NAME} (it had been deleted; written anew).")
        )
    );
    assert!(read_text(&path).contains(EDITED));
    assert!(!backup(&path).exists(), "no backup is claimed or made");
}

/// Writes `name` beside `mission`, last modified `age` ago.
fn leftover(mission: &Path, name: &str, age: Duration) -> PathBuf {
    let path = mission.with_file_name(name);
    let file = std::fs::File::create(&path).expect("create");
    file.set_modified(SystemTime::now() - age)
        .expect("set the time");
    path
}

#[test]
fn stale_temporary_files_of_this_mission_are_removed_at_start_and_at_save() {
    let app = app_for(common::SAMPLE);
    let mission = app.doc().path.clone();
    drop(app);
    let minute = Duration::from_secs(60);
    let stale = leftover(&mission, &format!(".{NAME}.AbC123"), minute);
    let stale_backup = leftover(&mission, &format!(".{NAME}.bak.x9Y8z7"), minute);
    // What a save killed a moment ago leaves: written just now, and its
    // lock gone with its process.
    let fresh = leftover(&mission, &format!(".{NAME}.Fresh1"), Duration::ZERO);
    let fresh_backup = leftover(&mission, &format!(".{NAME}.bak.Fresh2"), Duration::ZERO);
    // Kept: a file a running save is writing (locked, as itinera locks its
    // own), another mission's, other names.
    let held = leftover(&mission, &format!(".{NAME}.Held01"), minute);
    let lock = std::fs::File::open(&held).expect("open");
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive).expect("flock");
    let held_fresh = leftover(&mission, &format!(".{NAME}.Held02"), Duration::ZERO);
    let lock_fresh = std::fs::File::open(&held_fresh).expect("open");
    rustix::fs::flock(&lock_fresh, rustix::fs::FlockOperation::LockShared).expect("flock");
    let other = leftover(&mission, ".other.toml.AbC123", Duration::ZERO);
    let longer = leftover(&mission, &format!(".{NAME}.AbC1234"), minute);

    let loaded = itinera::file::load(&mission).expect("loads");
    let mut app = Planner::open(loaded, itinera::input::Config::default(), None);
    for removed in [&stale, &stale_backup, &fresh, &fresh_backup] {
        assert!(
            !removed.exists(),
            "{} was removed at start",
            removed.display()
        );
    }
    for kept in [&held, &held_fresh, &other, &longer] {
        assert!(kept.exists(), "{} was kept", kept.display());
    }

    let again = leftover(&mission, &format!(".{NAME}.Zz9Zz9"), minute);
    press(
        &mut app,
        &["m", "end", "space", "2", "enter", "ctrl-s"],
        AREA,
    );
    assert!(!app.is_dirty(), "{:?}", app.message);
    assert!(!again.exists(), "removed at the save");
    assert!(held.exists(), "still held, still kept");
    assert!(held_fresh.exists(), "still held, still kept");
    drop(lock);
    drop(lock_fresh);
}
