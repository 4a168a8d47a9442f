//! Importing calendar events from the planner (`i`): the prompt, the
//! runner reading the file with the code of `itinera import`, one undo
//! step, and the status bar's count of what became of the events.

mod common;

use common::files::TempMission;
use common::{Planner, message, message_level, press, sample_app, screen, type_text};
use itinera::app::{Effect, Level, Mode, Msg};
use itinera::input::Key;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// A calendar: the sample's lunch (by its itinera UID) half an hour
/// later, a new tea ceremony, an event after the mission and a weekly
/// call.
const EVENTS: &str = "BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Example//Calendar//EN\r
BEGIN:VEVENT\r
UID:osaka-lunch@clust-er-health-in-japan.itinera\r
DTSTART:20221114T123000\r
DTEND:20221114T133000\r
SUMMARY:Lunch\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:tea@example.org\r
DTSTART:20221115T160000\r
DTEND:20221115T170000\r
SUMMARY:Tea ceremony\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:later@example.org\r
DTSTART:20221201T100000\r
DTEND:20221201T110000\r
SUMMARY:Follow-up\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:weekly@example.org\r
DTSTART:20221114T080000\r
DTEND:20221114T083000\r
RRULE:FREQ=WEEKLY\r
SUMMARY:Weekly call\r
END:VEVENT\r
END:VCALENDAR\r
";

fn asked(app: &mut Planner, keys: &[&str]) -> Vec<Effect> {
    keys.iter()
        .flat_map(|k| app.update(Msg::Key(Key::parse(k).expect("a key"))))
        .collect()
}

fn with_events(text: &str) -> (TempMission, Planner, String) {
    let trip = TempMission::of_sample("japan.toml");
    let path = trip.dir.path().join("events.ics");
    std::fs::write(&path, text).expect("writes the events");
    let app = trip.open();
    (trip, app, path.display().to_string())
}

fn import(app: &mut Planner, path: &str) {
    press(app, &["i"], AREA);
    type_text(app, path, AREA);
    press(app, &["enter"], AREA);
}

fn titles_on(app: &Planner, date: &str) -> Vec<String> {
    app.mission()
        .visits
        .iter()
        .filter(|v| v.date.to_string() == date)
        .map(|v| {
            format!(
                "{} {}",
                v.start.map(|t| t.to_string()).unwrap_or_default(),
                v.title
            )
        })
        .collect()
}

#[test]
fn the_key_asks_for_a_file_and_esc_or_nothing_imports_nothing() {
    let mut app = sample_app();
    press(&mut app, &["i"], AREA);
    assert!(matches!(app.mode, Mode::Prompt(_)));
    assert_eq!(
        screen(&mut app, 80, 24).lines().last(),
        Some("Import events from (.ics):")
    );
    assert_eq!(asked(&mut app, &["esc"]), []);
    assert_eq!(message(&app), "Nothing imported.");
    assert_eq!(asked(&mut app, &["i", "enter"]), []);
    assert_eq!(message(&app), "Nothing imported.");
    press(&mut app, &["i"], AREA);
    type_text(&mut app, "~/invites.ics", AREA);
    assert_eq!(
        asked(&mut app, &["enter"]),
        [Effect::Import {
            path: "~/invites.ics".into()
        }]
    );
}

#[test]
fn an_import_is_one_undo_step_and_says_what_became_of_each_event() {
    let (trip, mut app, path) = with_events(EVENTS);
    let before = app.mission().clone();
    import(&mut app, &path);
    assert_eq!(
        message_level(&app),
        (
            Level::Warning,
            format!(
                "Imported {path}: 1 added, 1 updated, 0 unchanged; 1 outside the mission's \
                 dates; 1 not imported (line 22: it repeats (RRULE, RDATE or RECURRENCE-ID); \
                 add its days by hand)."
            )
        )
    );
    assert_eq!(
        titles_on(&app, "2022-11-14")[..2],
        ["10:00:00 Osaka Prefectural Government", "12:30:00 Lunch"]
    );
    assert!(
        titles_on(&app, "2022-11-15").contains(&"16:00:00 Tea ceremony".to_string()),
        "{:?}",
        titles_on(&app, "2022-11-15")
    );
    assert!(app.is_dirty());
    // Nothing is written until saved.
    assert_eq!(trip.on_disk(), trip.original);

    press(&mut app, &["u"], AREA);
    assert!(app.mission().same_content(&before));
    assert!(!app.is_dirty());
    press(&mut app, &["u"], AREA);
    assert_eq!(message(&app), "Nothing to undo.");

    // Redone and saved: the comments of the file stay; the same file
    // again changes nothing.
    press(&mut app, &["ctrl-r", "ctrl-s"], AREA);
    let saved = trip.on_disk();
    assert!(saved.contains("title = \"Tea ceremony\""), "{saved}");
    assert!(saved.contains("uid = \"tea@example.org\""), "{saved}");
    let comments = |t: &str| t.lines().filter(|l| l.starts_with('#')).count();
    assert_eq!(comments(&saved), comments(&trip.original));
    import(&mut app, &path);
    assert_eq!(
        message(&app),
        format!(
            "Nothing to import from {path}: 2 unchanged; 1 outside the mission's dates; 1 not \
             imported (line 22: it repeats (RRULE, RDATE or RECURRENCE-ID); add its days by \
             hand)."
        )
    );
    assert!(!app.is_dirty());
}

#[test]
fn a_broken_or_missing_file_imports_nothing_and_says_where() {
    let (_trip, mut app, path) = with_events("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nno colon\r\n");
    let before = app.mission().clone();
    import(&mut app, &path);
    let (level, text) = message_level(&app);
    assert_eq!(level, Level::Error);
    assert_eq!(
        text,
        format!(
            "Nothing imported: {path}:3:3: ' ' cannot be part of a property name; expected \
             NAME:VALUE."
        )
    );
    assert!(app.mission().same_content(&before));
    assert!(!app.history().can_undo());
    let missing = format!("{path}.none");
    import(&mut app, &missing);
    assert_eq!(
        message(&app),
        format!("Nothing imported: cannot read {missing}: No such file or directory (os error 2).")
    );
}

#[test]
fn snapshot_of_the_import_prompt_at_80x24() {
    let mut app = sample_app();
    press(&mut app, &["i"], Rect::new(0, 0, 80, 24));
    type_text(&mut app, "~/Downloads/invites.ics", Rect::new(0, 0, 80, 24));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}
