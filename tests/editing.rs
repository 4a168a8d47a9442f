//! Editing conventions people bring from other tools: the shell's line
//! keys in text fields and the command line, and a calendar's way with a
//! visit's end when its start changes.

mod common;

use chrono::NaiveDate;
use common::{Planner, error_of, form, press, sample_app, screen, tab_to, type_text};
use itinera::app::Mode;
use itinera::app::form::Name;
use itinera::present::time_label;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 100, 30);

/// Replaces the text of the field `label` as a user does: Ctrl-U from
/// its end, then the new text.
fn retype(app: &mut Planner, label: &str, text: &str) {
    tab_to(app, label, AREA);
    press(app, &["end", "ctrl-u"], AREA);
    type_text(app, text, AREA);
}

/// The form row of field `label` as on screen, from the label on.
fn form_row(app: &mut Planner, label: &str) -> String {
    let s = screen(app, 100, 30);
    let line = s
        .lines()
        .find(|l| l.contains(&format!("│ {label} ")))
        .unwrap_or_else(|| panic!("{label} row:\n{s}"));
    let from = line.find(&format!(" {label} ")).unwrap_or(0);
    // Up to the form's right border.
    line[from..]
        .split('│')
        .next()
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[test]
fn ctrl_u_and_ctrl_k_delete_to_the_start_and_the_end_of_the_line() {
    let mut app = sample_app();
    press(&mut app, &["e", "home"], AREA);
    for _ in 0.."Osaka ".len() {
        press(&mut app, &["right"], AREA);
    }
    press(&mut app, &["ctrl-k"], AREA);
    assert_eq!(form(&app).text(Name::Title), "Osaka");
    assert_eq!(form_row(&mut app, "Title"), "Title       Osaka");
    type_text(&mut app, "Prefecture", AREA);
    press(&mut app, &["left", "left", "left", "ctrl-u"], AREA);
    assert_eq!(
        form(&app).text(Name::Title),
        "ure",
        "Ctrl-U deleted everything before the cursor"
    );
    assert_eq!(form_row(&mut app, "Title"), "Title       ure");
    press(&mut app, &["ctrl-y"], AREA);
    assert_eq!(
        form(&app).text(Name::Title),
        "Osaka Prefecture",
        "Ctrl-Y puts back what was deleted"
    );

    // The command line edits the same way.
    press(&mut app, &["esc", ":"], AREA);
    type_text(&mut app, "w other.toml", AREA);
    press(&mut app, &["ctrl-u"], AREA);
    type_text(&mut app, "q", AREA);
    let s = screen(&mut app, 100, 30);
    let last = s.lines().last().unwrap_or_default();
    assert_eq!(last.trim_end(), ":q", "{s}");
}

#[test]
fn changing_the_start_moves_the_end_to_keep_the_duration() {
    let mut app = sample_app();
    // Lunch, 12:00–13:00.
    press(&mut app, &["j", "e"], AREA);
    retype(&mut app, "Start", "19:00");
    assert_eq!(form_row(&mut app, "End"), "End         20:00");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "{:?}", app.message);
    let lunch = app.selected_visit().expect("the lunch");
    assert_eq!(lunch.title, "Lunch");
    assert_eq!(time_label(lunch), "19:00–20:00");
}

#[test]
fn an_end_the_user_changed_stays_where_they_put_it() {
    let mut app = sample_app();
    press(&mut app, &["j", "e"], AREA);
    retype(&mut app, "End", "14:30");
    retype(&mut app, "Start", "13:00");
    assert_eq!(form(&app).text(Name::End), "14:30");
    press(&mut app, &["enter"], AREA);
    assert_eq!(
        app.selected_visit().map(time_label).as_deref(),
        Some("13:00–14:30")
    );
}

#[test]
fn an_end_pushed_past_midnight_ends_on_the_next_day() {
    let mut app = sample_app();
    press(&mut app, &["j", "e"], AREA);
    retype(&mut app, "Start", "23:30");
    assert_eq!(form_row(&mut app, "End"), "End         00:30");
    assert_eq!(form_row(&mut app, "Ends on"), "Ends on     2022-11-15");
    press(&mut app, &["enter"], AREA);
    let lunch = app.selected_visit().expect("the lunch");
    assert_eq!(lunch.title, "Lunch");
    assert_eq!(lunch.end_date, NaiveDate::from_ymd_opt(2022, 11, 15));
    assert_eq!(lunch.duration().map(|d| d.num_minutes()), Some(60));
}

#[test]
fn an_end_past_the_last_date_a_file_can_hold_is_refused() {
    let mut app = sample_app();
    press(&mut app, &["j", "e"], AREA);
    retype(&mut app, "Date", "9999-12-31");
    retype(&mut app, "Start", "23:30");
    assert_eq!(
        error_of(&app, Name::End).as_deref(),
        Some("ends past 9999-12-31, the last date a file can hold")
    );
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("✗ ends past 9999-12-31, the last date a file can hold"),
        "{s}"
    );
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Form(_)), "the form is not applied");
    retype(&mut app, "Start", "22:00");
    assert_eq!(error_of(&app, Name::End), None);
    assert_eq!(form(&app).text(Name::End), "23:00");
}

#[test]
fn moving_an_overnight_visit_to_another_date_moves_its_end_date_too() {
    let mut app = common::app_for("tests/fixtures/valid/features.toml");
    common::select_visit(&mut app, "Flight home");
    press(&mut app, &["e"], AREA);
    retype(&mut app, "Date", "2026-04-01");
    assert_eq!(form(&app).text(Name::EndDate), "2026-04-02");
    assert_eq!(form(&app).text(Name::End), "06:00");
}
