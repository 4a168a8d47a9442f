//! Recovery files belong to the itinera that wrote them: while it runs,
//! another itinera on the same mission neither offers its unsaved changes
//! as a crash's nor deletes them, and says that they are there. The real
//! program runs in a terminal of its own as the first itinera.

#![cfg(target_os = "linux")]

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::files::TempMission;
use common::pty::Session;
use common::{Planner, message, press, screen};
use itinera::app::{Confirm, Level, Mode};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);
const EDITED: &str = "title = \"Clust-ER Health in Japan 2022\"";

/// A copy of the sample as `m.toml` in a temporary home, and the
/// directories the real program uses there (`data/itinera`).
fn new_trip() -> TempMission {
    TempMission::of_sample("m.toml")
}

/// The real program on the mission, once it shows the first visit.
fn start(trip: &TempMission) -> Session {
    let mut session = Session::start(&["m.toml"], trip.dir.path(), trip.dir.path());
    session.wait_for("Osaka Prefectural Government");
    session
}

/// Waits until `path` exists, failing after ten seconds.
fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Appends " 2022" to the mission title through the mission form.
fn edit_mission_title(app: &mut Planner) {
    press(
        app,
        &["m", "end", "space", "2", "0", "2", "2", "enter"],
        AREA,
    );
    assert!(app.is_dirty());
}

#[test]
fn unsaved_changes_of_a_running_itinera_are_neither_offered_nor_deleted() {
    let trip = new_trip();
    let mut first = start(&trip);
    // The first itinera edits, then pauses: its changes go to the
    // recovery file.
    first.send("m");
    first.wait_for("Edit mission");
    first.send("\x1b[F 2022\r");
    first.wait_for("m.toml [+]");
    let kept = trip.recovery_file();
    wait_for_file(&kept);
    let kept_text = std::fs::read_to_string(&kept).expect("kept");
    assert!(kept_text.contains(EDITED), "{kept_text}");

    // A second one opens the same mission: nothing is offered, and the
    // status bar says what the other one has.
    let mut second = trip.open();
    assert!(matches!(second.mode, Mode::Normal), "nothing offered");
    assert_eq!(
        second.message.as_ref().map(|m| m.level),
        Some(Level::Warning)
    );
    assert_eq!(
        message(&second),
        format!(
            "{} is also open in another itinera (process {}), which has unsaved \
             changes to it; saving here will not overwrite changes saved there",
            trip.path.display(),
            first.pid()
        )
    );
    let s = screen(&mut second, 120, 40);
    assert!(s.contains("which has unsaved changes to it"), "{s}");

    // Its own changes go to a file of its own; the first one's stay.
    edit_mission_title(&mut second);
    let own = second.keep_unsaved().expect("kept");
    assert_ne!(own, kept);
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), kept_text);
    press(&mut second, &["u"], AREA);
    second.finish();
    assert!(!own.exists(), "undone and ended: its own file is gone");
    drop(second);
    assert_eq!(std::fs::read_to_string(&kept).expect("kept"), kept_text);

    // The first one is killed: now its changes are a crash's, and offered.
    first.kill();
    let mut third = trip.open();
    let Mode::Confirm(Confirm::Recovery { path, .. }) = &third.mode else {
        panic!("the changes of the killed itinera are offered");
    };
    assert_eq!(*path, kept);
    let s = screen(&mut third, 120, 40);
    assert!(
        s.contains("Unsaved changes to m.toml"),
        "the question is asked:\n{s}"
    );
    press(&mut third, &["r"], AREA);
    assert_eq!(
        third.mission().header.title,
        "Clust-ER Health in Japan 2022"
    );
}

#[test]
fn the_lock_warning_is_in_the_recovery_question_and_stays_after_it() {
    let trip = new_trip();
    // Changes kept by a session that is over.
    let mut earlier = trip.open();
    edit_mission_title(&mut earlier);
    let kept = earlier.keep_unsaved().expect("kept");
    drop(earlier);
    // Another itinera has the mission open (it is asked about those
    // changes too, and leaves the question open).
    let first = start(&trip);

    let mut app = trip.open();
    assert!(matches!(&app.mode, Mode::Confirm(Confirm::Recovery { path, .. }) if *path == kept));
    let warning = format!(
        "{} is also open in another itinera (process {}); saving here will not \
         overwrite changes saved there",
        trip.path.display(),
        first.pid()
    );
    let s = screen(&mut app, 120, 40).replace('│', " ");
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains(&format!("Note: {warning}.")),
        "the question names the other itinera:\n{s}"
    );
    press(&mut app, &["l"], AREA);
    assert_eq!(
        message(&app),
        format!("The kept changes stay until you restore or discard them. {warning}.")
    );
    assert_eq!(app.message.as_ref().map(|m| m.level), Some(Level::Warning));
    drop(first);
}

#[test]
fn a_recovery_file_that_disappears_is_written_again() {
    let trip = new_trip();
    let mut app = trip.open();
    edit_mission_title(&mut app);
    app.keep_when_idle();
    let kept = trip.recovery_file();
    assert!(kept.exists());
    assert!(!app.recovery_is_stale());
    std::fs::remove_file(&kept).expect("someone deletes it");
    assert!(app.recovery_is_stale(), "the loss is noticed");
    app.keep_when_idle();
    let text = std::fs::read_to_string(&kept).expect("written again");
    assert!(text.contains(EDITED), "{text}");
}
