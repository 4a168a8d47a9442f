//! Driving the planner with keys and the mouse, as a terminal would, and
//! checking where the user ends up.

mod common;

use common::{click, find, press, sample_app, screen, wheel_down};
use itinera::app::{Mode, Pane};
use itinera::present::time_label;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

fn selected_title(app: &itinera::app::App) -> String {
    app.selected_visit()
        .map(|v| v.title.clone())
        .unwrap_or_default()
}

fn selected_date(app: &itinera::app::App) -> String {
    app.index()
        .date(app.view.day)
        .map(|d| d.format("%a %d").to_string())
        .unwrap_or_default()
}

#[test]
fn days_with_vim_keys_and_arrows() {
    let mut app = sample_app();
    assert_eq!(selected_date(&app), "Mon 14");
    press(&mut app, &["l"], AREA);
    assert_eq!(selected_date(&app), "Tue 15");
    press(&mut app, &["right", "right"], AREA);
    assert_eq!(selected_date(&app), "Thu 17");
    press(&mut app, &["l", "l", "l"], AREA);
    assert_eq!(selected_date(&app), "Fri 18", "stops at the last day");
    press(&mut app, &["h", "left"], AREA);
    assert_eq!(selected_date(&app), "Wed 16");
    assert_eq!(selected_title(&app), "EDiSON disaster information platform");
}

#[test]
fn visits_up_down_first_last_pages() {
    let mut app = sample_app();
    press(&mut app, &["j"], AREA);
    assert_eq!(selected_title(&app), "Lunch");
    press(&mut app, &["down", "down"], AREA);
    assert_eq!(selected_title(&app), "NCVC Open Innovation Center (OIC)");
    press(&mut app, &["j"], AREA);
    assert_eq!(
        selected_title(&app),
        "NCVC Open Innovation Center (OIC)",
        "stays on the last"
    );
    press(&mut app, &["g"], AREA);
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    press(&mut app, &["G"], AREA);
    assert_eq!(selected_title(&app), "NCVC Open Innovation Center (OIC)");
    press(&mut app, &["home", "pagedown"], AREA);
    assert_eq!(selected_title(&app), "NCVC Open Innovation Center (OIC)");
    press(&mut app, &["pageup"], AREA);
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    press(&mut app, &["k"], AREA);
    assert_eq!(
        selected_title(&app),
        "Osaka Prefectural Government",
        "stays on the first"
    );
}

#[test]
fn tab_cycles_panes_and_keys_follow_focus() {
    let mut app = sample_app();
    assert_eq!(app.view.focus, Pane::Timeline);
    press(&mut app, &["tab"], AREA);
    assert_eq!(app.view.focus, Pane::Detail);
    press(&mut app, &["tab"], AREA);
    assert_eq!(app.view.focus, Pane::Participants);
    press(&mut app, &["j", "j"], AREA);
    assert_eq!(
        app.mission().participants[app.view.participant].id,
        "biocat"
    );
    assert_eq!(
        selected_title(&app),
        "Osaka Prefectural Government",
        "visit unchanged"
    );
    press(&mut app, &["tab"], AREA);
    assert_eq!(app.view.focus, Pane::Timeline);
    press(&mut app, &["backtab"], AREA);
    assert_eq!(app.view.focus, Pane::Participants);
    press(&mut app, &["esc"], AREA);
    assert_eq!(
        app.view.focus,
        Pane::Timeline,
        "Esc goes back to the timeline"
    );
}

#[test]
fn participant_schedule_and_jump_to_a_visit() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "j", "j", "j", "j", "enter"], AREA);
    let Mode::Schedule(schedule) = &app.mode else {
        panic!("Enter on a participant opens their schedule");
    };
    let person = &app.mission().participants[schedule.participant];
    assert_eq!(person.id, "aura");
    // KENTO and NCVC list four people, not this one: 22 - 2 visits.
    assert_eq!(schedule.visits.len(), 20);
    press(&mut app, &["G", "enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(selected_date(&app), "Fri 18");
    assert_eq!(selected_title(&app), "Restitution Meeting");
    assert_eq!(app.view.focus, Pane::Timeline);

    press(&mut app, &["s"], AREA);
    assert!(
        matches!(app.mode, Mode::Schedule(_)),
        "s opens the schedule too"
    );
    press(&mut app, &["esc"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn all_days_view_moves_across_days() {
    let mut app = sample_app();
    press(&mut app, &["a", "G"], AREA);
    assert!(app.view.all_days);
    assert_eq!(selected_date(&app), "Fri 18");
    assert_eq!(selected_title(&app), "Restitution Meeting");
    press(&mut app, &["g", "j", "j", "j", "j"], AREA);
    assert_eq!(
        selected_date(&app),
        "Tue 15",
        "down crosses into the next day"
    );
    assert_eq!(
        selected_title(&app),
        "Kansai International Airport (KIX): hydrogen airport"
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("All days · 22 visits"));
    press(&mut app, &["a"], AREA);
    assert!(!app.view.all_days);
    assert_eq!(
        selected_date(&app),
        "Tue 15",
        "the selection survives the toggle"
    );
}

#[test]
fn help_opens_and_closes() {
    let mut app = sample_app();
    press(&mut app, &["?"], AREA);
    assert!(matches!(app.mode, Mode::Help { .. }));
    press(&mut app, &["j", "j"], AREA);
    assert!(matches!(app.mode, Mode::Help { .. }), "j scrolls the help");
    press(&mut app, &["esc"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = sample_app();
    press(&mut app, &["q"], AREA);
    assert!(app.should_quit);
    let mut app = sample_app();
    press(&mut app, &["ctrl-c"], AREA);
    assert!(app.should_quit);
}

/// The rows of a screen down to its last one with text.
fn shown(s: &str) -> Vec<&str> {
    let lines: Vec<&str> = s.lines().collect();
    let end = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(0, |i| i + 1);
    lines[..end].to_vec()
}

#[test]
fn below_40x10_the_screen_says_it_is_too_small_in_words_that_fit() {
    let mut app = sample_app();
    press(&mut app, &["a", "G"], AREA);
    let cases: [((u16, u16), &[&str]); 8] = [
        (
            (39, 9),
            &[
                "Terminal too small (39x9). itinera",
                "needs at least 40x10.",
            ],
        ),
        (
            (120, 9),
            &["Terminal too small (120x9). itinera needs at least 40x10."],
        ),
        (
            (39, 30),
            &[
                "Terminal too small (39x30). itinera",
                "needs at least 40x10.",
            ],
        ),
        (
            (20, 5),
            &[
                "Terminal too small",
                "(20x5). itinera",
                "needs at least",
                "40x10.",
            ],
        ),
        ((20, 3), &["Too small (20x3):", "needs 40x10."]),
        ((5, 5), &["Too", "small"]),
        ((1, 1), &[]),
        ((0, 0), &[]),
    ];
    for ((w, h), expected) in cases {
        let s = screen(&mut app, w, h);
        assert_eq!(shown(&s), expected, "at {w}x{h}:\n{s}");
    }
    // Grown again, the planner is where it was.
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("All days · 22 visits"), "{s}");
    assert!(s.contains("Restitution Meeting"), "{s}");
}

#[test]
fn at_the_smallest_sizes_one_pane_shows_the_selection() {
    let mut app = sample_app();
    press(&mut app, &["a", "G"], AREA);
    let s = screen(&mut app, 40, 10);
    assert_eq!(
        shown(&s),
        [
            " Clust-ER Health in…        Tokyo 09:30",
            "‹  Tue 15 │ Wed 16 │ Thu 17 │ Fri 18",
            "  Timeline   Visit   Delegation   Tab",
            "┌ All days · 22 visits ──────── ↑ more ┐",
            "│ 14:30–15:30   National Institute of …│",
            "│               visit · Keihanna Scien…│",
            "│ 15:45–17:15   Restitution Meeting    │",
            "│               meeting · Keihanna Sci…│",
            "└──────────────────────────────────────┘",
            " clust-er-health-japan-2022.toml",
        ]
    );
    let s = screen(&mut app, 80, 12);
    assert_eq!(
        shown(&s)[2..5],
        [
            "  Timeline   Visit   Delegation   Tab switches",
            "┌ All days · 22 visits ──────────────────────────────────────────────── ↑ more ┐",
            "│ 13:15–14:15   Advanced Telecommunications Research Institute International (…│",
        ],
        "80x12 is short: one pane, with tabs:\n{s}"
    );
    assert!(s.contains("│ 15:45–17:15   Restitution Meeting "), "{s}");
}

#[test]
fn keys_pressed_while_too_small_still_count() {
    let mut app = sample_app();
    let tiny = Rect::new(0, 0, 5, 5);
    press(&mut app, &["?"], tiny);
    assert_eq!(shown(&screen(&mut app, 5, 5)), ["Too", "small"]);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("Keys · ↑↓ scroll · Esc closes"),
        "the help is open:\n{s}"
    );

    let small = Rect::new(0, 0, 41, 10);
    press(&mut app, &["esc", "tab", "tab", "enter"], small);
    let s = screen(&mut app, 41, 10);
    assert_eq!(
        shown(&s)[2..4],
        [
            "  ┌ Schedule · 22 visits · Sauro V…──┐",
            "┌ │ Mon 14 Nov 10:00–11:30  Osaka P… │──┐",
        ],
        "the delegation pane's Enter opened a schedule:\n{s}"
    );
}

#[test]
fn mouse_selects_days_visits_and_participants() {
    let mut app = sample_app();
    let s = screen(&mut app, 120, 40);
    let (x, y) = find(&s, "Thu 17").expect("day bar");
    click(&mut app, x + 1, y, AREA);
    assert_eq!(selected_date(&app), "Thu 17");

    let s = screen(&mut app, 120, 40);
    let (x, y) = find(&s, "Kyoto Prefectural Government").expect("timeline row");
    click(&mut app, x, y, AREA);
    assert_eq!(
        selected_title(&app),
        "Kyoto Prefectural Government: meeting with Governor Nishiwaki"
    );
    // The second row of a visit selects it too.
    press(&mut app, &["g"], AREA);
    click(&mut app, x, y + 1, AREA);
    assert!(selected_title(&app).starts_with("Kyoto Prefectural Government"));

    let s = screen(&mut app, 120, 40);
    let (x, y) = find(&s, "BIOCAT representative").expect("participant row");
    click(&mut app, x, y, AREA);
    assert_eq!(app.view.focus, Pane::Participants);
    assert_eq!(
        app.mission().participants[app.view.participant].id,
        "biocat"
    );

    let s = screen(&mut app, 120, 40);
    let (x, y) = find(&s, "Train Oita to Kyoto").expect("timeline row");
    wheel_down(&mut app, x, y, AREA);
    assert!(
        selected_title(&app).starts_with("Kyoto Prefectural"),
        "the wheel moves the timeline"
    );
    assert_eq!(
        app.view.focus,
        Pane::Participants,
        "the wheel does not steal focus"
    );
}

#[test]
fn single_pane_tabs_are_clickable() {
    let mut app = sample_app();
    let area = Rect::new(0, 0, 60, 20);
    let s = screen(&mut app, 60, 20);
    let (x, y) = find(&s, "Delegation").expect("tab");
    click(&mut app, x + 1, y, area);
    assert_eq!(app.view.focus, Pane::Participants);
    let s = screen(&mut app, 60, 20);
    assert!(s.contains("● Sauro Vicini"), "{s}");
}

#[test]
fn a_long_day_scrolls_with_the_selection() {
    let mut app = sample_app();
    let area = Rect::new(0, 0, 80, 14);
    press(&mut app, &["l", "l", "l", "l"], area);
    assert_eq!(selected_date(&app), "Fri 18");
    press(&mut app, &["G"], area);
    let s = screen(&mut app, 80, 14);
    assert!(s.contains("Restitution Meeting"), "{s}");
    assert!(
        !s.contains("Transfer Kyoto to Keihanna"),
        "the first visit scrolled away:\n{s}"
    );
    press(&mut app, &["g"], area);
    let s = screen(&mut app, 80, 14);
    assert!(s.contains("Transfer Kyoto to Keihanna"), "{s}");
}

#[test]
fn during_the_trip_the_planner_opens_on_today_in_the_trip_time_zone() {
    use chrono::{TimeZone, Utc};
    let mut app = sample_app();
    // 16 November 2022, 23:30 UTC is already the 17th in Tokyo.
    app.start_on(
        Utc.with_ymd_and_hms(2022, 11, 16, 23, 30, 0)
            .single()
            .expect("time"),
    );
    assert_eq!(selected_date(&app), "Thu 17");
    // Before or after the mission: the first day.
    let mut app = sample_app();
    app.start_on(
        Utc.with_ymd_and_hms(2023, 1, 1, 12, 0, 0)
            .single()
            .expect("time"),
    );
    assert_eq!(selected_date(&app), "Mon 14");
}

#[test]
fn plus_and_minus_shift_by_the_configured_step() {
    let mut app = sample_app();
    app.config.ripple_minutes = 30;
    press(&mut app, &["j", "+"], AREA);
    assert_eq!(
        app.selected_visit().map(time_label).as_deref(),
        Some("12:30–13:30"),
        "Lunch was 12:00–13:00"
    );
    let later: Vec<String> = app.day_visits()[2..]
        .iter()
        .map(|&i| time_label(&app.mission().visits[i]))
        .collect();
    assert_eq!(
        later,
        ["14:30–16:00", "16:15–17:30"],
        "the rest of the day follows"
    );
    assert_eq!(
        time_label(&app.mission().visits[app.day_visits()[0]]),
        "10:00–11:30",
        "the visit before stays"
    );
    press(&mut app, &["-", "-"], AREA);
    assert_eq!(
        app.selected_visit().map(time_label).as_deref(),
        Some("11:30–12:30")
    );
}

#[test]
fn k_and_j_reorder_the_delegation_in_its_pane() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "j", "J"], AREA);
    let ids: Vec<&str> = app
        .mission()
        .participants
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(&ids[..3], ["vicini", "biocat", "emilia-romagna"]);
    assert_eq!(
        app.mission().participants[app.view.participant].id,
        "emilia-romagna",
        "the selection follows"
    );
    let visit = app.selected_visit().map(|v| v.title.clone());
    press(&mut app, &[">"], AREA);
    assert_eq!(
        app.selected_visit().map(|v| v.title.clone()),
        visit,
        "> does not move a visit from here"
    );
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("Tab to the timeline"))
    );
}
