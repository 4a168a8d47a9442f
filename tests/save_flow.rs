//! Saving from the planner, on a copy of the sample in a temporary
//! directory: the backup, the unsaved marker, the guard against changes
//! made on disk, recovery files, quitting, the command line and the lock.

mod common;

use std::path::{Path, PathBuf};

use common::files::TempMission;
use common::{Planner, message, press, screen, status_bar, type_text};
use itinera::app::{Confirm, Level, Mode, PromptKind};
use itinera::input::Config;
use itinera::paths::Dirs;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);
const ORIGINAL_TITLE: &str = "title = \"Osaka Prefectural Government\"";
const EDITED_TITLE: &str = "title = \"Osaka Prefectural Government (HQ)\"";

/// A copy of the sample mission as `mission.toml` in a temporary
/// directory, with itinera's own directories beside it.
type Trip = TempMission;

fn new_trip() -> Trip {
    TempMission::of_sample("mission.toml")
}

/// The sample as someone else edited it: another mission title.
fn other_version(trip: &Trip) -> String {
    trip.original.replacen(
        "title = \"Clust-ER Health in Japan\"",
        "title = \"Clust-ER Health in Japan (edited elsewhere)\"",
        1,
    )
}

/// Appends " (HQ)" to the first visit's title through its form.
fn edit_first_title(app: &mut Planner) {
    press(app, &["e", "end"], AREA);
    type_text(app, " (HQ)", AREA);
    press(app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "the form applied");
    assert!(app.is_dirty());
}

/// Appends " 2022" to the mission title through the mission form.
fn edit_mission_title(app: &mut Planner) {
    press(app, &["m", "end"], AREA);
    type_text(app, " 2022", AREA);
    press(app, &["enter"], AREA);
    assert_eq!(app.mission().header.title, "Clust-ER Health in Japan 2022");
}

/// Runs a command-line command: `:`, the text, Enter.
fn command(app: &mut Planner, text: &str) {
    press(app, &[":"], AREA);
    assert!(
        matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::Command),
        "`:` opens the command line"
    );
    type_text(app, text, AREA);
    press(app, &["enter"], AREA);
}

#[test]
fn ctrl_s_saves_keeps_a_backup_and_clears_the_unsaved_marker() {
    let trip = new_trip();
    let mut app = trip.open();
    assert!(!status_bar(&screen(&mut app, 120, 40)).contains("[+]"));
    edit_first_title(&mut app);
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.contains("mission.toml [+]"), "{bar}");
    assert_eq!(trip.on_disk(), trip.original, "nothing written yet");

    press(&mut app, &["ctrl-s"], AREA);
    assert!(!app.is_dirty());
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(!bar.contains("[+]"), "{bar}");
    assert!(
        bar.contains("Saved mission.toml (previous version in mission.toml.bak)."),
        "{bar}"
    );
    // Only the changed line differs: every comment and blank line stays.
    assert_eq!(
        trip.on_disk(),
        trip.original.replacen(ORIGINAL_TITLE, EDITED_TITLE, 1)
    );
    assert_eq!(trip.backup(), trip.original, "the previous version");

    // Undoing back to the saved state clears the marker; past it sets it.
    edit_mission_title(&mut app);
    assert!(status_bar(&screen(&mut app, 120, 40)).contains("[+]"));
    press(&mut app, &["u"], AREA);
    assert!(!app.is_dirty(), "back at the saved state");
    assert!(!status_bar(&screen(&mut app, 120, 40)).contains("[+]"));
    press(&mut app, &["u"], AREA);
    assert!(app.is_dirty(), "undone past the save");
    assert!(status_bar(&screen(&mut app, 120, 40)).contains("[+]"));
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("Osaka Prefectural Government")
    );
    press(&mut app, &["ctrl-r"], AREA);
    assert!(!app.is_dirty(), "redone to the saved state");

    // A second save keeps the first save as the backup.
    press(&mut app, &["ctrl-r", "ctrl-s"], AREA);
    assert_eq!(
        trip.backup(),
        trip.original.replacen(ORIGINAL_TITLE, EDITED_TITLE, 1)
    );
    assert!(
        trip.on_disk()
            .contains("title = \"Clust-ER Health in Japan 2022\"")
    );
}

/// Edits in the app, then changes the file on disk, then presses Ctrl-S.
fn conflict(trip: &Trip) -> Planner {
    let mut app = trip.open();
    edit_first_title(&mut app);
    std::fs::write(&trip.path, other_version(trip)).expect("someone else writes");
    press(&mut app, &["ctrl-s"], AREA);
    assert!(
        matches!(app.mode, Mode::Confirm(Confirm::ChangedOnDisk { .. })),
        "asks what to do"
    );
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("mission.toml was changed on disk since it was opened."),
        "{s}"
    );
    assert!(s.contains("o  overwrite it"), "{s}");
    assert_eq!(trip.on_disk(), other_version(trip), "untouched");
    assert!(app.is_dirty());
    app
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_without_asking_then_o_overwrites() {
    let trip = new_trip();
    let mut app = conflict(&trip);
    press(&mut app, &["o"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.is_dirty());
    let saved = trip.on_disk();
    assert!(saved.contains(EDITED_TITLE), "{saved}");
    assert!(
        saved.contains("title = \"Clust-ER Health in Japan\""),
        "the app's version wins"
    );
    assert_eq!(
        trip.backup(),
        other_version(&trip),
        "the other version is kept"
    );
}

#[test]
fn a_file_changed_on_disk_can_be_reloaded_keeping_the_changes_in_a_recovery_file() {
    let trip = new_trip();
    let mut app = conflict(&trip);
    press(&mut app, &["r"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.is_dirty(), "the app now shows the file");
    assert_eq!(
        app.mission().header.title,
        "Clust-ER Health in Japan (edited elsewhere)"
    );
    assert_eq!(
        app.mission().visits[0].title,
        "Osaka Prefectural Government",
        "the unsaved edit is gone from the app"
    );
    let s = screen(&mut app, 120, 40);
    assert!(
        s.lines()
            .next()
            .is_some_and(|l| l.contains("Clust-ER Health in Japan (edited elsewhere)")),
        "{s}"
    );
    // The discarded changes go to a file of their own, named by the time,
    // so they never replace a recovery file offered at start.
    let text = message(&app);
    let kept_path = text
        .split("Your changes were kept in ")
        .nth(1)
        .map(|rest| rest.trim_end_matches('.'))
        .unwrap_or_else(|| panic!("the message names the file: {text}"));
    assert!(
        std::path::Path::new(kept_path).starts_with(trip.recovery_file().parent().expect("dir")),
        "{text}"
    );
    let kept = std::fs::read_to_string(kept_path).expect("the kept changes");
    assert!(kept.contains(EDITED_TITLE), "the unsaved edit is kept");
    assert_eq!(
        trip.on_disk(),
        other_version(&trip),
        "reloading writes nothing"
    );
    assert!(!app.history().can_undo(), "history starts again");
}

#[test]
fn a_file_changed_on_disk_can_be_saved_under_another_name() {
    let trip = new_trip();
    let mut app = conflict(&trip);
    press(&mut app, &["a"], AREA);
    assert!(matches!(&app.mode, Mode::Prompt(p) if p.kind == PromptKind::SaveAs));
    assert!(status_bar(&screen(&mut app, 120, 40)).starts_with("Save as:"));
    let copy = trip.dir.path().join("mission-hq.toml");
    type_text(&mut app, &copy.display().to_string(), AREA);
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    let saved = std::fs::read_to_string(&copy).expect("the new file");
    assert!(saved.contains(EDITED_TITLE), "{saved}");
    assert!(saved.contains("[mission]"));
    assert_eq!(
        trip.on_disk(),
        other_version(&trip),
        "the original is untouched"
    );
    assert!(!app.is_dirty());
    assert_eq!(app.doc().path, copy);
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.starts_with("mission-hq.toml "), "{bar}");
    assert!(bar.contains("Saved as"), "{bar}");

    // Later saves go to the new file.
    edit_mission_title(&mut app);
    press(&mut app, &["ctrl-s"], AREA);
    let saved = std::fs::read_to_string(&copy).expect("the new file");
    assert!(saved.contains("title = \"Clust-ER Health in Japan 2022\""));
    assert_eq!(trip.on_disk(), other_version(&trip));
}

#[test]
fn cancel_keeps_the_changes_unsaved() {
    let trip = new_trip();
    let mut app = conflict(&trip);
    press(&mut app, &["c"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.is_dirty());
    assert_eq!(message(&app), "Not saved.");
    assert_eq!(trip.on_disk(), other_version(&trip));
}

/// Makes the next save fail: the mission file becomes a directory.
fn break_the_file(trip: &Trip) {
    std::fs::remove_file(&trip.path).expect("remove");
    std::fs::create_dir(&trip.path).expect("a directory in its place");
}

fn restore_the_file(trip: &Trip) {
    std::fs::remove_dir(&trip.path).expect("remove the directory");
    std::fs::write(&trip.path, &trip.original).expect("write the file back");
}

/// A session whose save failed, leaving a recovery file; the mission file
/// is back as it was when the function returns.
fn failed_save(trip: &Trip) -> PathBuf {
    let mut app = trip.open();
    edit_mission_title(&mut app);
    break_the_file(trip);
    press(&mut app, &["ctrl-s"], AREA);
    assert!(app.is_dirty(), "still unsaved");
    let recovery = trip.recovery_file();
    let problem = app.message.clone().expect("a message");
    assert_eq!(problem.level, Level::Error);
    assert!(problem.text.starts_with("Not saved: "), "{}", problem.text);
    assert!(
        problem
            .text
            .contains(&format!("Your changes are kept in {}.", recovery.display())),
        "{}",
        problem.text
    );
    assert!(recovery.exists(), "the recovery file was written");
    assert!(recovery.starts_with(trip.dirs.data.join("recovery")));
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.contains("Not saved"), "{bar}");
    drop(app);
    restore_the_file(trip);
    recovery
}

#[test]
fn a_failed_save_keeps_a_recovery_file_offered_and_restored_on_the_next_open() {
    let trip = new_trip();
    let recovery = failed_save(&trip);
    let kept = std::fs::read_to_string(&recovery).expect("recovery");
    assert!(kept.contains("title = \"Clust-ER Health in Japan 2022\""));
    assert!(
        kept.contains("# --- Monday 14 November: Osaka ---"),
        "comments are kept too"
    );

    let mut app = trip.open();
    assert!(
        matches!(&app.mode, Mode::Confirm(Confirm::Recovery { path, .. }) if *path == recovery),
        "the next open offers the kept changes"
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Unsaved changes to mission.toml"), "{s}");
    assert!(s.contains("r  restore them"), "{s}");
    press(&mut app, &["r"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().header.title, "Clust-ER Health in Japan 2022");
    assert!(app.is_dirty(), "restored changes are unsaved");
    assert!(status_bar(&screen(&mut app, 120, 40)).contains("[+]"));
    assert_eq!(trip.on_disk(), trip.original, "restoring writes nothing");

    press(&mut app, &["ctrl-s"], AREA);
    assert!(!app.is_dirty());
    assert_eq!(
        trip.on_disk(),
        trip.original.replacen(
            "title = \"Clust-ER Health in Japan\"",
            "title = \"Clust-ER Health in Japan 2022\"",
            1
        )
    );
    assert!(!recovery.exists(), "saving removes the recovery file");
}

#[test]
fn kept_changes_can_be_discarded() {
    let trip = new_trip();
    let recovery = failed_save(&trip);
    let mut app = trip.open();
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Recovery { .. })));
    press(&mut app, &["d"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!recovery.exists());
    assert!(!app.is_dirty());
    assert_eq!(app.mission().header.title, "Clust-ER Health in Japan");
    drop(app);
    let app = trip.open();
    assert!(matches!(app.mode, Mode::Normal), "not offered again");
}

#[test]
fn deciding_later_keeps_the_recovery_file_for_the_next_open() {
    let trip = new_trip();
    let recovery = failed_save(&trip);
    let mut app = trip.open();
    press(&mut app, &["l"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(recovery.exists());
    assert!(!app.is_dirty());
    drop(app);
    let app = trip.open();
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Recovery { .. })));
}

/// The user said "decide later (keep the file)": an unrelated save in the
/// same session must not delete the kept changes.
#[test]
fn deciding_later_then_saving_something_else_keeps_the_recovery_file() {
    let trip = new_trip();
    let recovery = failed_save(&trip);
    let mut app = trip.open();
    press(&mut app, &["l"], AREA);
    edit_first_title(&mut app);
    press(&mut app, &["ctrl-s"], AREA);
    assert!(!app.is_dirty());
    assert!(recovery.exists(), "the kept changes are still there");
}

#[test]
fn keep_unsaved_writes_a_recovery_file_only_with_unsaved_changes() {
    let trip = new_trip();
    let mut app = trip.open();
    assert_eq!(app.keep_unsaved(), None, "nothing to keep");
    assert!(!trip.recovery_file().exists());

    edit_first_title(&mut app);
    let kept = app.keep_unsaved().expect("kept");
    assert_eq!(kept, trip.recovery_file());
    let text = std::fs::read_to_string(&kept).expect("recovery");
    assert!(text.contains(EDITED_TITLE));
    assert_eq!(trip.on_disk(), trip.original);

    // Undone back to the file: nothing to keep any more.
    std::fs::remove_file(&kept).expect("remove");
    press(&mut app, &["u"], AREA);
    assert_eq!(app.keep_unsaved(), None);
    assert!(!kept.exists());
}

#[test]
fn quitting_with_unsaved_changes_asks() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    press(&mut app, &["q"], AREA);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Quit)));
    assert!(!app.should_quit);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("mission.toml has unsaved changes."), "{s}");
    assert!(s.contains("s  save and quit"), "{s}");
    assert!(s.contains("d  discard changes and quit"), "{s}");

    press(&mut app, &["c"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.should_quit);
    assert!(app.is_dirty());

    // Any other key asks again.
    press(&mut app, &["q", "x"], AREA);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Quit)));
    press(&mut app, &["esc"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "Esc cancels");

    press(&mut app, &["q", "d"], AREA);
    assert!(app.should_quit);
    assert_eq!(trip.on_disk(), trip.original, "discarded");
}

#[test]
fn save_and_quit() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    press(&mut app, &["q", "s"], AREA);
    assert!(app.should_quit);
    assert!(!app.is_dirty());
    assert!(trip.on_disk().contains(EDITED_TITLE));
}

#[test]
fn quit_without_changes_does_not_ask() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    press(&mut app, &["u", "q"], AREA);
    assert!(app.should_quit, "undone back to the file: nothing to ask");
}

/// "Save and quit", the file changed on disk, "overwrite": the save
/// happens, so the planner should quit as asked.
#[test]
fn save_and_quit_then_overwrite_quits() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    std::fs::write(&trip.path, other_version(&trip)).expect("someone else writes");
    press(&mut app, &["q", "s"], AREA);
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ChangedOnDisk { .. })
    ));
    assert!(!app.should_quit);
    press(&mut app, &["o"], AREA);
    assert!(trip.on_disk().contains(EDITED_TITLE));
    assert!(app.should_quit, "saved and quit, as chosen");
}

/// The same through the command line.
#[test]
fn wq_then_overwrite_quits() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    std::fs::write(&trip.path, other_version(&trip)).expect("someone else writes");
    command(&mut app, "wq");
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ChangedOnDisk { .. })
    ));
    press(&mut app, &["o"], AREA);
    assert!(trip.on_disk().contains(EDITED_TITLE));
    assert!(app.should_quit, ":wq quits once the file is written");
}

#[test]
fn command_line_w_saves() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    command(&mut app, "w");
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.is_dirty());
    assert!(!app.should_quit);
    assert!(trip.on_disk().contains(EDITED_TITLE));
}

#[test]
fn command_line_q_refuses_with_unsaved_changes_and_q_bang_quits() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    command(&mut app, "q");
    assert!(!app.should_quit);
    assert_eq!(
        message(&app),
        "Unsaved changes: :w saves them, :q! quits without them."
    );
    assert!(status_bar(&screen(&mut app, 120, 40)).contains("Unsaved changes: :w saves them"));
    command(&mut app, "q!");
    assert!(app.should_quit);
    assert_eq!(trip.on_disk(), trip.original);
}

#[test]
fn command_line_wq_saves_and_quits() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    command(&mut app, "wq");
    assert!(app.should_quit);
    assert!(trip.on_disk().contains(EDITED_TITLE));
    assert_eq!(trip.backup(), trip.original);
}

#[test]
fn command_line_w_file_writes_a_copy_and_stays_on_the_file() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    let other = trip.dir.path().join("other.toml");
    command(&mut app, &format!("w {}", other.display()));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        message(&app),
        format!(
            "Wrote a copy to {}; still editing mission.toml, whose changes are not saved yet.",
            other.display()
        )
    );
    let copy = std::fs::read_to_string(&other).expect("the copy");
    assert_eq!(
        copy,
        trip.original.replacen(ORIGINAL_TITLE, EDITED_TITLE, 1),
        "the copy is the file as a save would write it"
    );
    assert_eq!(
        trip.on_disk(),
        trip.original,
        "the mission file is untouched"
    );
    assert!(app.is_dirty(), "the changes are still unsaved");
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.starts_with("mission.toml [+] "), "{bar}");

    // Saving goes on into the mission file, not the copy.
    press(&mut app, &["ctrl-s"], AREA);
    assert!(trip.on_disk().contains(EDITED_TITLE));
    assert!(!app.is_dirty());

    // An existing file is not replaced without `!`.
    edit_mission_title(&mut app);
    command(&mut app, &format!("w {}", other.display()));
    assert_eq!(
        message(&app),
        format!(
            "{} already exists; :w! {} replaces it.",
            other.display(),
            other.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&other).expect("the copy"), copy);
    command(&mut app, &format!("w! {}", other.display()));
    let replaced = std::fs::read_to_string(&other).expect("the copy");
    assert!(replaced.contains("title = \"Clust-ER Health in Japan 2022\""));
    assert!(app.is_dirty(), "a copy does not save the session's changes");

    // `:w` naming the mission file itself saves it.
    command(&mut app, &format!("w {}", trip.path.display()));
    assert!(!app.is_dirty());
    assert!(
        trip.on_disk()
            .contains("title = \"Clust-ER Health in Japan 2022\"")
    );
}

#[test]
fn command_line_saveas_file_saves_there_and_edits_it() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    let other = trip.dir.path().join("other.toml");
    command(&mut app, &format!("saveas {}", other.display()));
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        message(&app),
        format!("Saved as {}; now editing it.", other.display())
    );
    assert!(!app.is_dirty());
    let saved = std::fs::read_to_string(&other).expect("saved as");
    assert!(saved.contains(EDITED_TITLE));
    assert_eq!(trip.on_disk(), trip.original, "the original is untouched");
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.starts_with("other.toml "), "{bar}");

    // Saving as an existing file is refused.
    command(&mut app, &format!("saveas {}", trip.path.display()));
    assert_eq!(
        message(&app),
        format!(
            "{} already exists; choose another name (:saveas! replaces it).",
            trip.path.display()
        )
    );
    assert_eq!(trip.on_disk(), trip.original);
}

#[test]
fn command_line_unknown_commands_and_esc() {
    let trip = new_trip();
    let mut app = trip.open();
    command(&mut app, "frobnicate");
    assert!(message(&app).starts_with("Unknown command \":frobnicate\""));
    press(&mut app, &[":", "w", "esc"], AREA);
    assert!(
        matches!(app.mode, Mode::Normal),
        "Esc closes the command line"
    );
    assert!(!app.should_quit);
}

/// Another itinera (the real program, in a terminal of its own) has the
/// mission open: opening it here warns, naming that process.
#[cfg(target_os = "linux")]
#[test]
fn a_mission_open_in_another_live_itinera_gives_a_warning() {
    let trip = new_trip();
    // The planner in the terminal uses `tmp/data/itinera`; so does this one.
    let dirs = Dirs {
        config: trip.dir.path().join("config/itinera"),
        data: trip.dir.path().join("data/itinera"),
    };
    let path = trip.path.to_string_lossy().into_owned();
    let mut other = common::pty::Session::start(&[&path], trip.dir.path(), trip.dir.path());
    other.wait_for("Osaka Prefectural Government");
    let lock = dirs.lock_file(&trip.path);
    let open_here = || {
        let loaded = itinera::file::load(&trip.path).expect("the mission loads");
        Planner::open(loaded, Config::default(), Some(dirs.clone()))
    };

    let mut app = open_here();
    let warning = app.message.clone().expect("a warning");
    assert_eq!(warning.level, Level::Warning);
    assert_eq!(
        warning.text,
        format!(
            "{} is also open in another itinera (process {}); saving here will not \
             overwrite changes saved there",
            trip.path.display(),
            other.pid()
        )
    );
    let bar = status_bar(&screen(&mut app, 120, 40));
    assert!(bar.contains("also open in another itinera"), "{bar}");
    drop(app);
    assert!(
        std::fs::read_to_string(&lock)
            .expect("lock")
            .starts_with(&format!("{}\nstart ", other.pid())),
        "the other process's lock is left alone"
    );

    // The other planner quits: its lock goes with it, and this one takes
    // the mission without a word.
    other.send("q");
    assert_eq!(other.wait_exit(), 0);
    let app = open_here();
    assert_eq!(app.message, None);
    let text = std::fs::read_to_string(&lock).expect("lock");
    assert!(
        text.starts_with(&format!("{}\n", std::process::id())),
        "{text}"
    );
    drop(app);
    assert!(!lock.exists(), "released when the planner closes");
}

/// A lock left by a process whose id is now used by an unrelated program
/// (here a `sleep`) is taken over without a warning.
#[cfg(target_os = "linux")]
#[test]
fn a_lock_naming_a_live_process_that_is_not_itinera_is_taken_over() {
    let trip = new_trip();
    let mut sleeper = std::process::Command::new("sleep")
        .arg("10")
        .spawn()
        .expect("spawn sleep");
    let lock = trip.dirs.lock_file(&trip.path);
    std::fs::create_dir_all(lock.parent().expect("locks dir")).expect("mkdir");
    std::fs::write(
        &lock,
        format!("{}\n{}\n", sleeper.id(), trip.path.display()),
    )
    .expect("write the lock");
    let app = trip.open();
    let text = std::fs::read_to_string(&lock).expect("lock");
    let _ = sleeper.kill();
    let _ = sleeper.wait();
    assert_eq!(app.message, None, "no warning about a sleep");
    assert!(
        text.starts_with(&format!("{}\nstart ", std::process::id())),
        "{text}"
    );
}

#[test]
fn saving_a_mission_without_a_data_directory_still_works() {
    let trip = new_trip();
    let loaded = itinera::file::load(&trip.path).expect("loads");
    let mut app = Planner::open(loaded, Config::default(), None);
    edit_first_title(&mut app);
    press(&mut app, &["ctrl-s"], AREA);
    assert!(!app.is_dirty());
    assert!(trip.on_disk().contains(EDITED_TITLE));
    assert!(
        !Path::new(&trip.dirs.data).exists(),
        "no lock or recovery files"
    );
}

/// After a failed save the status bar is the only place that says where
/// the changes went; at 120 columns the recovery file must still be named.
#[test]
fn a_failed_save_names_the_recovery_file_on_screen() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_mission_title(&mut app);
    break_the_file(&trip);
    press(&mut app, &["ctrl-s"], AREA);
    let recovery = trip.recovery_file();
    let name = recovery
        .file_name()
        .expect("file name")
        .to_string_lossy()
        .into_owned();
    let s = screen(&mut app, 120, 40);
    restore_the_file(&trip);
    assert!(
        s.contains(&name),
        "the recovery file is named on screen:\n{s}"
    );
}

#[test]
fn idle_moments_keep_unsaved_changes_in_the_recovery_file() {
    // What protects an edit when the terminal window is closed, the laptop
    // loses power or the process is killed: after a moment without input,
    // the event loop calls keep_when_idle.
    let trip = new_trip();
    let mut app = trip.open();
    assert!(!app.recovery_is_stale(), "nothing to keep yet");
    edit_first_title(&mut app);
    assert!(app.recovery_is_stale());
    app.keep_when_idle();
    assert!(!app.recovery_is_stale());
    let kept = std::fs::read_to_string(trip.recovery_file()).expect("kept while idle");
    assert!(kept.contains(EDITED_TITLE), "{kept}");
    assert_eq!(
        trip.on_disk(),
        trip.original,
        "the mission file itself is untouched"
    );

    // A new session after a crash offers it.
    let again = trip.open();
    assert!(matches!(
        again.mode,
        Mode::Confirm(Confirm::Recovery { .. })
    ));
    drop(again);

    // Undoing back to the file makes the kept copy obsolete.
    press(&mut app, &["u"], AREA);
    assert!(!app.is_dirty());
    assert!(app.recovery_is_stale());
    app.keep_when_idle();
    assert!(
        !trip.recovery_file().exists(),
        "nothing unsaved, nothing kept"
    );

    // Saving also clears it.
    edit_first_title(&mut app);
    app.keep_when_idle();
    assert!(trip.recovery_file().exists());
    press(&mut app, &["ctrl-s"], AREA);
    assert!(
        !trip.recovery_file().exists(),
        "saved: the kept copy is gone"
    );
    assert!(!app.recovery_is_stale());
}

#[test]
fn saving_without_changes_leaves_the_file_and_its_backup_alone() {
    let trip = new_trip();
    let mut app = trip.open();
    let bak = itinera::file::write::backup_path(&trip.path);
    std::fs::write(&bak, "an older version").expect("write .bak");
    press(&mut app, &["ctrl-s"], AREA);
    assert_eq!(trip.on_disk(), trip.original);
    assert_eq!(
        std::fs::read_to_string(&bak).expect("bak"),
        "an older version"
    );
    assert!(
        message(&app).contains("No unsaved changes"),
        "{}",
        message(&app)
    );
    command(&mut app, "wq");
    assert!(app.should_quit, ":wq with nothing to save quits");
}

#[test]
fn a_clean_end_or_a_reload_removes_this_sessions_recovery_file() {
    // A recovery file written by this session (a pause with unsaved
    // changes) is obsolete once the changes are discarded by a reload...
    let trip = new_trip();
    let mut app = trip.open();
    edit_first_title(&mut app);
    app.keep_when_idle();
    assert!(trip.recovery_file().exists());
    command(&mut app, "e!");
    assert!(message(&app).starts_with("Reloaded"), "{}", message(&app));
    assert!(
        !trip.recovery_file().exists(),
        "not offered again as a crash"
    );

    // ...or undone before quitting.
    edit_first_title(&mut app);
    app.keep_when_idle();
    assert!(trip.recovery_file().exists());
    press(&mut app, &["u"], AREA);
    app.finish();
    assert!(!trip.recovery_file().exists());
}

#[test]
fn save_and_quit_then_save_as_quits_after_the_save() {
    let trip = new_trip();
    let mut app = conflict(&trip);
    // `conflict` leaves the changed-on-disk question open after Ctrl-S; the
    // same question after "save and quit" remembers the quit.
    press(&mut app, &["c"], AREA);
    press(&mut app, &["q", "s"], AREA);
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ChangedOnDisk { then_quit: true })
    ));
    press(&mut app, &["a"], AREA);
    let copy = trip.dir.path().join("copy.toml");
    type_text(&mut app, &copy.display().to_string(), AREA);
    press(&mut app, &["enter"], AREA);
    assert!(copy.exists());
    assert!(app.should_quit, "saved under another name, then quit");
}

#[test]
fn a_deferred_recovery_file_survives_newer_ones_and_is_offered_again() {
    let trip = new_trip();
    let deferred = failed_save(&trip);
    let deferred_text = std::fs::read_to_string(&deferred).expect("kept");
    let mut app = trip.open();
    press(&mut app, &["l"], AREA);
    // A new change, kept while idle, then saved.
    edit_mission_title(&mut app);
    app.keep_when_idle();
    press(&mut app, &["ctrl-s"], AREA);
    assert!(!app.is_dirty());
    drop(app);

    // The deferred changes were moved aside, not overwritten, and are
    // offered at the next start.
    let mut app = trip.open();
    let Mode::Confirm(Confirm::Recovery { path, .. }) = &app.mode else {
        panic!("the deferred changes are offered");
    };
    assert_eq!(
        std::fs::read_to_string(path).expect("offered file"),
        deferred_text
    );
    press(&mut app, &["r"], AREA);
    assert!(app.is_dirty());
    assert!(message(&app).starts_with("Restored"), "{}", message(&app));
}
