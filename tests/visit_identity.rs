//! A visit without an id in the file keeps the identity it was exported
//! with when the planner changes it: its generated id is written into the
//! file with the change, so its calendar event stays the same event, and
//! undoing the change takes the id out again.

mod common;

use chrono::{TimeZone, Utc};
use common::{Planner, press, temporary_copy};
use itinera::export::{Format, Scope, render};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);
const SMALL: &str = "tests/fixtures/valid/small.toml";

/// The `UID` lines of the mission file at `path` exported as iCalendar.
fn uids(path: &std::path::Path) -> Vec<String> {
    let mission = itinera::file::load(path).expect("loads").parsed.mission;
    let stamp = Utc
        .with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("time");
    let ics = render(Format::Ics, &mission, &Scope::default(), stamp).expect("renders");
    ics.lines()
        .filter(|l| l.starts_with("UID:"))
        .map(str::to_string)
        .collect()
}

#[test]
fn a_visit_moved_to_another_day_keeps_its_uid_and_undo_restores_the_file() {
    let path = temporary_copy(SMALL);
    let original = std::fs::read(&path).expect("reads");
    let before = uids(&path);
    assert_eq!(
        before,
        [
            "UID:2026-03-30-kyoto-prefectural-government@mission-to-kyoto.itinera",
            "UID:2026-03-30-lab-tour@mission-to-kyoto.itinera",
            "UID:2026-03-31-lunch-with-the-consulate@mission-to-kyoto.itinera",
        ]
    );
    let mut app = Planner::load(&path, None);
    // The lunch, on the second day, goes to the first.
    press(&mut app, &["l", "<"], AREA);
    press(&mut app, &["ctrl-s"], AREA);
    let saved = std::fs::read_to_string(&path).expect("reads");
    assert!(
        saved.contains(
            "[[visits]]\nid = \"2026-03-31-lunch-with-the-consulate\"\ndate = 2026-03-30\n"
        ),
        "{saved}"
    );
    // The other visits are as they were: no id written for them.
    assert_eq!(saved.matches("\nid = \"2026").count(), 1, "{saved}");
    let mut after = uids(&path);
    after.sort();
    let mut expected = before.clone();
    expected.sort();
    assert_eq!(after, expected);

    press(&mut app, &["u"], AREA);
    assert_eq!(app.mission().visits[2].id, None);
    press(&mut app, &["ctrl-s"], AREA);
    assert_eq!(std::fs::read(&path).expect("reads"), original);
    // The move and its id were one step.
    press(&mut app, &["u"], AREA);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("Nothing to undo.")
    );
}

#[test]
fn a_retimed_visit_gets_its_id_in_the_same_step_and_redo_puts_it_back() {
    let mut app = Planner::load(&temporary_copy(SMALL), None);
    // `+` delays the first visit (and the ones timed after it that day).
    press(&mut app, &["+"], AREA);
    assert_eq!(
        app.mission().visits[0].id.as_deref(),
        Some("2026-03-30-kyoto-prefectural-government")
    );
    assert_eq!(app.mission().visits[1].id, None, "the untimed one stays");
    press(&mut app, &["u"], AREA);
    assert_eq!(app.mission().visits[0].id, None);
    assert!(!app.is_dirty());
    press(&mut app, &["ctrl-r"], AREA);
    assert_eq!(
        app.mission().visits[0].id.as_deref(),
        Some("2026-03-30-kyoto-prefectural-government")
    );
}
