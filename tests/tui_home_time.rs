//! `t` puts the timeline's times on the home clock (`home_timezone`), each
//! visit from its own zones, across a change to winter time, and back.

mod common;

use common::{app_for, press, sample_app, sample_with, screen};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 100, 30);

/// The timeline row that shows `title`.
fn row_of<'a>(s: &'a str, title: &str) -> &'a str {
    s.lines()
        .find(|l| l.starts_with('│') && l.contains(title))
        .unwrap_or_else(|| panic!("{title} on screen:\n{s}"))
}

#[test]
fn t_shows_the_timeline_in_home_time_and_back() {
    let mut app = sample_app();
    press(&mut app, &["t"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("┌ Monday 14 November · Osaka · Rome time "),
        "{s}"
    );
    assert!(
        row_of(&s, "Osaka Prefectural").starts_with("│ 02:00–03:30   Osaka Prefectural"),
        "{s}"
    );
    assert!(
        s.contains("Home time (Europe/Rome); visits stay on their day."),
        "{s}"
    );
    insta::assert_snapshot!(s);
    press(&mut app, &["t"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("┌ Monday 14 November · Osaka ─"), "{s}");
    assert!(
        row_of(&s, "Osaka Prefectural").starts_with("│ 10:00–11:30   Osaka Prefectural"),
        "{s}"
    );
    assert!(
        s.contains("Times are local, each in its visit's zone."),
        "{s}"
    );
}

#[test]
fn home_time_follows_the_change_to_winter_time_and_the_zones_of_a_flight() {
    // Rome goes back an hour in the night of Sunday 25 October 2026.
    let mut app = app_for("tests/fixtures/valid/problems.toml");
    press(&mut app, &["l", "t"], AREA);
    let s = screen(&mut app, 100, 30);
    // 10:00 in Osaka is 03:00 in Rome on summer time...
    assert!(
        row_of(&s, "Osaka Prefectural").contains("!03:00–04:30"),
        "{s}"
    );
    press(&mut app, &["l"], AREA);
    let s = screen(&mut app, 100, 30);
    // ... and 14:00 is 06:00 on winter time, eight hours behind.
    assert!(
        row_of(&s, "Kyoto Prefectural").contains("!06:00–07:00"),
        "{s}"
    );
    // A call in Rome at 02:30, which happens twice that night: read as
    // the first, it lasts two hours, to 03:30 on winter time.
    assert!(
        row_of(&s, "Call with Bologna").contains("!02:30–03:30"),
        "{s}"
    );
    // The flight leaves Osaka at 11:00 (03:00 in Rome) and lands in Rome
    // at 17:30, its end_timezone.
    press(&mut app, &["l", "l"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(
        row_of(&s, "Flight Osaka to Rome").contains(" 03:00–17:30"),
        "{s}"
    );
    press(&mut app, &["t"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(
        row_of(&s, "Flight Osaka to Rome").contains(" 11:00–17:30"),
        "{s}"
    );
}

#[test]
fn without_a_home_zone_t_says_what_is_missing() {
    let mut app = sample_with(|m| m.header.home_timezone = None);
    press(&mut app, &["t"], AREA);
    assert!(!app.view.home_time);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some(
            "No home time to show: the mission needs a timezone and a home_timezone \
             (m edits the mission)."
        )
    );
}
