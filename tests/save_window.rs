//! A change another program makes to the mission file while a save runs
//! is never lost: made before the file's last check, it is refused as a
//! change on disk; made after it, it is kept in `FILE.bak` and the message
//! says so. The changes are made at the save's own steps (no timing).

mod common;

use std::path::{Path, PathBuf};

use itinera::file::write::{
    SaveError, SaveOptions, SaveSteps, Saved, Step, backup_path, save_with_steps,
};

use common::files::read_text;

const OLD: &str = "old text\n";
const NEW: &str = "new text\n";
const APPENDED: &str = "old text\nappended elsewhere\n";

/// Does `change` to the file when the save reaches `at`.
struct At<F: FnMut(&Path)> {
    at: Step,
    change: F,
    seen: Vec<Step>,
}

impl<F: FnMut(&Path)> SaveSteps for At<F> {
    fn reached(&mut self, step: Step, file: &Path) {
        self.seen.push(step);
        if step == self.at {
            (self.change)(file);
        }
    }
}

fn at<F: FnMut(&Path)>(step: Step, change: F) -> At<F> {
    At {
        at: step,
        change,
        seen: Vec::new(),
    }
}

/// `m.toml` holding `OLD` in a fresh directory.
fn mission() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("m.toml");
    std::fs::write(&path, OLD).expect("write");
    (dir, path)
}

/// Appends a line to the file in place, as `echo ... >> m.toml` does.
fn append(file: &Path) {
    use std::io::Write;
    let mut f = std::fs::OpenOptions::new()
        .append(true)
        .open(file)
        .expect("open for append");
    f.write_all(b"appended elsewhere\n").expect("append");
}

/// Replaces the file atomically with its own text, as an editor saves.
fn replace_elsewhere(file: &Path) {
    let other = file.with_file_name("other-editor.tmp");
    std::fs::write(&other, APPENDED).expect("write");
    std::fs::rename(&other, file).expect("rename");
}

/// The names in the directory: nothing but the mission and its backup is
/// left behind.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_without_interference_keeps_the_backup_and_says_so() {
    let (dir, path) = mission();
    let mut steps = at(Step::ReadyToReplace, |_| {});
    let saved = save_with_steps(
        &path,
        NEW,
        OLD.as_bytes(),
        SaveOptions::default(),
        &mut steps,
    );
    let saved = saved.expect("saved");
    assert_eq!(steps.seen, [Step::BackupWritten, Step::ReadyToReplace]);
    assert_eq!(saved, Saved::Replaced);
    assert_eq!(
        saved.message("m.toml"),
        "Saved m.toml (previous version in m.toml.bak)."
    );
    assert_eq!(read_text(&path), NEW);
    assert_eq!(read_text(&backup_path(&path)), OLD);
    assert_eq!(names(dir.path()), ["m.toml", "m.toml.bak"]);
}

#[test]
fn a_change_before_the_last_check_is_refused_as_a_change_on_disk() {
    for change in [append as fn(&Path), replace_elsewhere] {
        let (dir, path) = mission();
        let mut steps = at(Step::BackupWritten, change);
        let err = save_with_steps(
            &path,
            NEW,
            OLD.as_bytes(),
            SaveOptions::default(),
            &mut steps,
        )
        .expect_err("refused");
        assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err}");
        assert_eq!(
            read_text(&path),
            APPENDED,
            "the other change is in the file"
        );
        assert_eq!(
            names(dir.path()),
            ["m.toml", "m.toml.bak"],
            "no temporary file left"
        );
    }
}

#[test]
fn a_change_just_before_the_replace_is_kept_in_the_backup_and_named() {
    for change in [append as fn(&Path), replace_elsewhere] {
        let (dir, path) = mission();
        let mut steps = at(Step::ReadyToReplace, change);
        let saved = save_with_steps(
            &path,
            NEW,
            OLD.as_bytes(),
            SaveOptions::default(),
            &mut steps,
        )
        .expect("saved");
        assert_eq!(saved, Saved::ChangedWhileSaving);
        assert!(saved.is_warning());
        assert_eq!(
            saved.message("m.toml"),
            "Saved m.toml, but it was changed on disk during the save: that version is in \
             m.toml.bak."
        );
        assert_eq!(read_text(&path), NEW);
        assert_eq!(
            read_text(&backup_path(&path)),
            APPENDED,
            "the other change is in the backup"
        );
        assert_eq!(names(dir.path()), ["m.toml", "m.toml.bak"]);
    }
}

#[test]
fn overwriting_a_change_keeps_the_newest_version_in_the_backup() {
    let (_dir, path) = mission();
    let mut steps = at(Step::BackupWritten, append);
    let options = SaveOptions {
        overwrite_changes: true,
        over_read_only: false,
    };
    let saved = save_with_steps(&path, NEW, b"what was read", options, &mut steps).expect("saved");
    assert_eq!(saved, Saved::Replaced);
    assert_eq!(read_text(&path), NEW);
    assert_eq!(read_text(&backup_path(&path)), APPENDED);
}

#[test]
fn a_file_deleted_during_the_save_is_written_anew_and_said_so() {
    let (_dir, path) = mission();
    let mut steps = at(Step::BackupWritten, |file| {
        std::fs::remove_file(file).expect("delete");
    });
    let saved = save_with_steps(
        &path,
        NEW,
        OLD.as_bytes(),
        SaveOptions::default(),
        &mut steps,
    )
    .expect("saved");
    assert_eq!(saved, Saved::Created);
    assert_eq!(
        saved.message("m.toml"),
        "Saved m.toml (it had been deleted; written anew)."
    );
    assert_eq!(read_text(&path), NEW);
}
