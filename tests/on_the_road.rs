//! The planner during the trip: it opens on today, marks the visit on now
//! (▶) and the next one (▷), and draws a "now" line among today's visits.
//! The clock is the one the planner is opened with, fixed here.

mod common;

use chrono::{DateTime, TimeZone, Utc};
use common::{press, sample_app, screen};
use ratatui::layout::Rect;

/// `h:m` in Tokyo (UTC+9) on `day` November 2022.
fn tokyo(day: u32, h: u32, m: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 11, day, h, m, 0)
        .single()
        .expect("time")
        - chrono::TimeDelta::hours(9)
}

fn row_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen
        .lines()
        .find(|l| l.contains(text))
        .unwrap_or_else(|| panic!("no row with {text:?}:\n{screen}"))
}

#[test]
fn during_lunch_the_now_line_follows_it() {
    let mut app = sample_app();
    app.start_on(tokyo(14, 12, 20));
    let s = screen(&mut app, 100, 30);
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("Lunch"),
        "the visit on now is selected"
    );
    assert!(
        row_with(&s, "12:00–13:00   Lunch").contains("│▶12:00"),
        "{s}"
    );
    assert!(
        row_with(&s, "Northern Osaka").contains("│▷14:00–15:30   Northern"),
        "{s}"
    );
    let rows: Vec<&str> = s.lines().collect();
    let lunch = rows
        .iter()
        .position(|l| l.contains("▶12:00"))
        .expect("lunch");
    assert!(
        rows[lunch + 2].contains("── now 12:20 ───"),
        "the now line is under the visit on now:\n{s}"
    );
    assert!(rows[lunch + 3].contains("▷14:00"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn before_the_first_visit_the_line_is_at_the_top() {
    let mut app = sample_app();
    app.start_on(tokyo(16, 8, 5));
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Wednesday 16 November · Oita"),
        "opens on today:\n{s}"
    );
    let rows: Vec<&str> = s.lines().collect();
    let line = rows
        .iter()
        .position(|l| l.contains("── now 08:05"))
        .expect("now line");
    assert!(rows[line + 1].contains("▷09:30–11:00"), "{s}");
    assert!(!s.contains('▶'), "nothing is on:\n{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn other_days_and_the_all_days_view_only_mark_the_visits() {
    let mut app = sample_app();
    app.start_on(tokyo(14, 12, 20));
    let area = Rect::new(0, 0, 100, 30);
    press(&mut app, &["l"], area);
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("── now"), "no now line on another day:\n{s}");
    press(&mut app, &["a"], area);
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("── now"), "{s}");
    assert!(row_with(&s, "12:00–13:00").contains("▶12:00–13:00"), "{s}");
}

#[test]
fn outside_the_mission_nothing_is_marked() {
    let mut app = sample_app();
    app.start_on(tokyo(19, 9, 0));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Monday 14 November · Osaka"), "{s}");
    assert!(
        !s.contains("── now") && !s.contains('▶') && !s.contains('▷'),
        "{s}"
    );
}

#[test]
fn the_line_moves_on_with_the_clock() {
    let mut app = sample_app();
    app.start_on(tokyo(14, 12, 20));
    app.now = Some(tokyo(14, 15, 50));
    let s = screen(&mut app, 100, 30);
    assert!(row_with(&s, "NCVC").contains("▶15:45–17:00"), "{s}");
    assert!(s.contains("── now 15:50"), "{s}");
    assert!(!s.contains('▷'), "the next visit is tomorrow:\n{s}");
}

#[test]
fn a_problem_on_the_visit_on_now_shows_its_mark_instead() {
    // The government meeting runs into lunch: both overlap, for everyone.
    let mut app = common::sample_with(|mission| {
        let meeting = mission
            .visits
            .iter_mut()
            .find(|v| v.title == "Osaka Prefectural Government")
            .expect("the meeting");
        meeting.end = chrono::NaiveTime::from_hms_opt(12, 30, 0);
    });
    app.start_on(tokyo(14, 12, 20));
    let s = screen(&mut app, 100, 30);
    assert!(
        row_with(&s, "12:00–13:00   Lunch").contains("│!12:00"),
        "the problem's mark, not ▶:\n{s}"
    );
    assert!(
        row_with(&s, "Northern Osaka").contains("│▷14:00–15:30   Northern"),
        "the next visit keeps its mark:\n{s}"
    );
    assert!(s.contains("── now 12:20 ───"), "{s}");
}
