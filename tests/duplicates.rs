//! Duplicating a visit or a person: the copy can be told from the original
//! wherever its name is cut short, and a copy at the very time of the
//! original says so (and is a problem of the plan, marked `!`).

mod common;

use common::{message_level, press, sample_app, screen};
use itinera::app::Level;
use itinera::present::time_label;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 80, 24);

/// The timeline rows (the left pane at 80 columns) of the screen.
fn timeline_rows(s: &str) -> Vec<String> {
    s.lines()
        .skip(3)
        .filter_map(|l| l.split('│').nth(1))
        .map(|r| r.trim_end().to_string())
        .collect()
}

#[test]
fn a_copy_is_named_first_so_a_cut_title_still_shows_it() {
    let mut app = sample_app();
    press(&mut app, &["c"], AREA);
    let s = screen(&mut app, 80, 24);
    assert_eq!(
        timeline_rows(&s)[..4],
        [
            "!10:00–11:30   Osaka Prefectural Governme…",
            "               meeting · Osaka",
            "!10:00–11:30   Copy of Osaka Prefectural …",
            "               meeting · Osaka",
        ],
        "{s}"
    );
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("Copy of Osaka Prefectural Government"),
        "the copy is selected"
    );
}

#[test]
fn a_copy_at_the_same_time_as_the_original_says_how_to_move_it() {
    let mut app = sample_app();
    press(&mut app, &["c"], AREA);
    assert_eq!(
        message_level(&app),
        (
            Level::Warning,
            "The copy overlaps the original; move it with K/J or change its time (e).".into()
        )
    );
    let s = screen(&mut app, 80, 24);
    let bar: Vec<&str> = s.lines().rev().take(3).collect();
    assert_eq!(
        bar,
        [
            "                                                 change its time (e).",
            "                                                 original; move it with K/J or",
            " clust-er-health-japan-2022.toml [+] ! 1 problem The copy overlaps the",
        ],
        "{s}"
    );

    // Moved down with J, it no longer overlaps.
    press(&mut app, &["J"], AREA);
    let copy = app.selected_visit().expect("the copy");
    assert_eq!(copy.title, "Copy of Osaka Prefectural Government");
    assert_eq!(time_label(copy), "11:30–13:00");
}

#[test]
fn a_copy_that_overlaps_nothing_says_where_it_went() {
    let mut app = common::app_for("tests/fixtures/valid/features.toml");
    common::select_visit(&mut app, "Dinner with the consulate");
    press(&mut app, &["c"], AREA);
    assert_eq!(
        message_level(&app),
        (
            Level::Info,
            "Added \"Copy of Dinner with the consulate\" after the original; e edits it.".into()
        )
    );
}

#[test]
fn a_copied_participant_is_named_first_too() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "c"], AREA);
    let p = &app.mission().participants[app.view.participant];
    assert_eq!(p.name, "Copy of Sauro Vicini");
    assert_eq!(p.id, "vicini-2");
    assert_eq!(
        message_level(&app),
        (
            Level::Info,
            "Added Copy of Sauro Vicini (id vicini-2); e edits them.".into()
        )
    );
}

#[test]
fn a_long_message_goes_under_the_file_name_on_a_narrow_screen() {
    let mut app = sample_app();
    press(&mut app, &["c"], Rect::new(0, 0, 40, 12));
    let s = screen(&mut app, 40, 12);
    let bar: Vec<&str> = s.lines().skip(9).collect();
    assert_eq!(
        bar,
        [
            " clust-er-health-japan-2022.toml [+] !1",
            " The copy overlaps the original; move",
            " it with K/J or change its time (e).",
        ],
        "{s}"
    );
    insta::assert_snapshot!(s);
}
