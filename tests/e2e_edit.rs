//! The real binary in a pseudo-terminal, editing and saving a copy of the
//! sample: what ends up in the file after a user moves a visit, edits its
//! title and presses Ctrl-S.

mod common;

use common::files::{TempMission, comment_lines};
use common::pty::Session;

/// A copy of the sample in a temporary home: the home, the mission, its
/// text as copied, and the path as an argument for the binary.
fn trip() -> (tempfile::TempDir, std::path::PathBuf, String, String) {
    let TempMission {
        dir,
        path,
        original,
        ..
    } = TempMission::of_sample("japan.toml");
    let arg = path.to_string_lossy().into_owned();
    (dir, path, original, arg)
}

/// The `[[visits]]` table that has `id = "ID"`, as text.
fn visit_table<'a>(text: &'a str, id: &str) -> &'a str {
    let at = text
        .find(&format!("id = \"{id}\""))
        .unwrap_or_else(|| panic!("visit {id} in the file"));
    let start = text[..at].rfind("[[visits]]").expect("table header");
    let end = text[at..]
        .find("\n[[")
        .map_or(text.len(), |offset| at + offset);
    &text[start..end]
}

/// In the real terminal: `J` (the first visit trades places with
/// Lunch), `e` and " (HQ)" at the end of its title, Enter, Ctrl-S, `q`.
fn move_edit_and_save(home: &std::path::Path, arg: &str) {
    let mut session = Session::start(&[arg], home, home);
    session.wait_for("Monday 14 November · Osaka");
    session.wait_for("10:00–11:30   Osaka Prefectural");

    // J: the first visit trades places and time slots with Lunch.
    session.send("J");
    session.wait_for("11:30–13:00   Osaka Prefectural");
    assert!(
        session.screen().contains("10:00–11:00   Lunch"),
        "{}",
        session.screen()
    );
    session.send("e");
    session.wait_for("Edit visit");
    session.send("\x1b[F"); // End
    session.send(" (HQ)");
    session.wait_for("Osaka Prefectural Government (HQ)");
    session.send("\r");
    session.wait_until("Enter to apply the form", |s| !s.contains("Edit visit"));
    assert!(session.screen().contains("[+]"), "{}", session.screen());
    session.send("\x13"); // Ctrl-S
    session.wait_for("Saved");
    assert!(!session.screen().contains("[+]"), "{}", session.screen());
    session.send("q");
    assert_eq!(session.wait_exit(), 0, "quits without asking after a save");
}

/// The saved text: the new title, Monday's first two visits traded in
/// place and time, the heading and untouched keys as they were.
fn assert_moved_and_edited(saved: &str) {
    // The title changed.
    assert!(
        saved.contains("title = \"Osaka Prefectural Government (HQ)\""),
        "{saved}"
    );
    assert!(!saved.contains("title = \"Osaka Prefectural Government\"\n"));

    // Monday's first two visits traded places and time slots.
    let lunch = saved.find("id = \"osaka-lunch\"").expect("lunch");
    let government = saved.find("id = \"osaka-government\"").expect("government");
    let kento = saved.find("id = \"kento\"").expect("kento");
    assert!(
        lunch < government && government < kento,
        "Lunch is listed first now"
    );
    let heading = saved
        .find("# --- Monday 14 November: Osaka ---")
        .expect("heading comment");
    assert!(heading < lunch, "the day's heading stays above the day");
    let lunch_table = visit_table(saved, "osaka-lunch");
    assert!(lunch_table.contains("start = 10:00"), "{lunch_table}");
    assert!(lunch_table.contains("end = 11:00"), "{lunch_table}");
    let government_table = visit_table(saved, "osaka-government");
    assert!(
        government_table.contains("start = 11:30"),
        "{government_table}"
    );
    assert!(
        government_table.contains("end = 13:00"),
        "{government_table}"
    );
    assert!(
        government_table.contains("tags = [\"expo-2025\", \"government\"]"),
        "untouched keys keep their text:\n{government_table}"
    );
}

/// The saved file reads back as the plan on screen.
fn assert_reads_back(path: &std::path::Path) {
    // The file reads back as that plan.
    let loaded = itinera::file::load(path).expect("the saved file loads");
    let monday: Vec<(String, String, String)> = loaded
        .parsed
        .mission
        .visits
        .iter()
        .filter(|v| v.date.to_string() == "2022-11-14")
        .map(|v| {
            let time = |t: Option<chrono::NaiveTime>| {
                t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
            };
            (v.title.clone(), time(v.start), time(v.end))
        })
        .collect();
    let expected = [
        ("Lunch", "10:00", "11:00"),
        ("Osaka Prefectural Government (HQ)", "11:30", "13:00"),
        (
            "Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "14:00",
            "15:30",
        ),
        ("NCVC Open Innovation Center (OIC)", "15:45", "17:00"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(monday, expected);
}

#[test]
fn move_edit_and_save_in_the_real_terminal() {
    let (home, path, original, arg) = trip();
    move_edit_and_save(home.path(), &arg);
    let saved = std::fs::read_to_string(&path).expect("the saved mission");
    assert_eq!(
        std::fs::read_to_string(home.path().join("japan.toml.bak")).expect("backup"),
        original,
        "the previous version is kept"
    );

    assert_moved_and_edited(&saved);
    assert_reads_back(&path);

    // Every comment line of the sample is still there, as often as before.
    assert_eq!(comment_lines(&saved), comment_lines(&original));
    assert_eq!(
        saved.matches("# illustrative").count(),
        original.matches("# illustrative").count(),
        "end-of-line comments too"
    );
}

#[test]
fn a_killed_session_leaves_its_unsaved_changes_to_the_next() {
    let (home, path, original, arg) = trip();

    let mut session = Session::start(&[&arg], home.path(), home.path());
    session.wait_for("10:00–11:30   Osaka Prefectural");
    session.send("J");
    session.wait_for("11:30–13:00   Osaka Prefectural");
    // A moment of quiet, then the window is closed without saving.
    std::thread::sleep(std::time::Duration::from_millis(3_500));
    session.kill();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        original,
        "nothing was saved"
    );

    let mut session = Session::start(&[&arg], home.path(), home.path());
    session.wait_for("restore them");
    session.send("r");
    session.wait_for("Restored the kept changes");
    assert!(
        session.screen().contains("11:30–13:00   Osaka Prefectural"),
        "{}",
        session.screen()
    );
    session.send("\x13"); // Ctrl-S
    session.wait_for("Saved japan.toml");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let saved = std::fs::read_to_string(&path).expect("read");
    assert!(saved.contains("start = 11:30:00"), "{saved}");
}

#[test]
fn a_hang_up_right_after_an_edit_keeps_it() {
    for signal in ["HUP", "TERM"] {
        let (home, path, original, arg) = trip();

        let mut session = Session::start(&[&arg], home.path(), home.path());
        session.wait_for("10:00–11:30   Osaka Prefectural");
        session.send("J");
        session.wait_for("11:30–13:00   Osaka Prefectural");
        // No pause: the window closes right after the edit.
        session.signal(signal);
        session.wait_exit();
        assert_eq!(std::fs::read_to_string(&path).expect("read"), original);

        let mut session = Session::start(&[&arg], home.path(), home.path());
        session.wait_for("restore them");
        session.send("r");
        session.wait_for("Restored the kept changes");
        assert!(
            session.screen().contains("11:30–13:00   Osaka Prefectural"),
            "SIG{signal}: {}",
            session.screen()
        );
        session.send("q");
        session.wait_for("discard changes and quit");
        session.send("d");
        assert_eq!(session.wait_exit(), 0);
    }
}
