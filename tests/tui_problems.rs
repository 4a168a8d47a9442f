//! The problems of the plan in the planner: a `!` on the rows of visits
//! with a problem, the problem in the visit pane, the count in the status
//! bar, and the problems panel (`!`), all following every edit.

mod common;

use common::{app_for, press, sample_app, screen};
use ratatui::layout::Rect;

const PROBLEMS: &str = "tests/fixtures/valid/problems.toml";
const AREA: Rect = Rect::new(0, 0, 100, 30);

/// The timeline row that shows `title`.
fn row_of<'a>(s: &'a str, title: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} on screen:\n{s}"))
}

#[test]
fn visits_with_a_problem_are_marked_and_counted() {
    let mut app = app_for(PROBLEMS);
    // 23 October (before the mission) first; 24 October next.
    press(&mut app, &["l"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(row_of(&s, "Lunch").contains("│!11:00–12:00   Lunch"), "{s}");
    assert!(row_of(&s, "KENTO").contains("│!12:15–13:30   KENTO"), "{s}");
    assert!(
        row_of(&s, "Breakfast").contains("│!09:00–09:30   Breakfast"),
        "{s}"
    );
    assert!(s.contains(" problems.toml ! 8 problems "), "{s}");
    // The selected visit, the government, overlaps the lunch.
    assert!(s.contains("! warning: \"Lunch\" (11:00–12:00)"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_sample_has_no_marks_and_no_count() {
    let mut app = sample_app();
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains('!'), "{s}");
    assert!(!s.contains("problem"), "{s}");
    press(&mut app, &["!"], AREA);
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("No problems: nothing overlaps, every change of city has its time.")
    );
}

#[test]
fn the_panel_lists_the_problems_by_day_and_enter_goes_to_the_visit() {
    let mut app = app_for(PROBLEMS);
    press(&mut app, &["!"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains(" Problems · 7 warnings, 1 note "), "{s}");
    let order: Vec<usize> = [
        "│ Friday 23 October",
        "visit on 2026-10-23 is outside",
        "│ Saturday 24 October",
        "\"Lunch\" (11:00–12:00) overlaps",
        "only 15 min from osaka to Suita",
        "starts at 09:00, before \"KENTO\"",
        "│ Sunday 25 October",
        "02:30 happens twice in Europe/Rome",
        "only 30 min from Kyoto to Keihanna",
        "│ Monday 26 October",
        "nothing is planned on 2026-10-26",
        "│ Delegation ",
        "Guest (guest) attends no visit",
    ]
    .iter()
    .map(|needle| s.find(needle).unwrap_or_else(|| panic!("{needle}:\n{s}")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{s}");
    insta::assert_snapshot!(s);

    // The third problem is the tight change from lunch to KENTO.
    press(&mut app, &["j", "j"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("warning: only 15 min from osaka to Suita between"),
        "{s}"
    );
    press(&mut app, &["enter"], AREA);
    let s = screen(&mut app, 100, 30);
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("KENTO")
    );
    assert!(s.contains("Saturday 24 October"), "{s}");
    assert!(s.contains("│ ! warning: only 15 min from      │"), "{s}");
}

#[test]
fn enter_on_an_empty_day_or_an_idle_person_goes_there() {
    let mut app = app_for(PROBLEMS);
    press(&mut app, &["!", "G", "enter"], AREA);
    let person = &app.mission().participants[app.view.participant];
    assert_eq!(person.id, "guest");
    assert_eq!(app.view.focus, itinera::app::Pane::Participants);
    press(&mut app, &["!", "G", "k", "enter"], AREA);
    let date = app.index().date(app.view.day).map(|d| d.to_string());
    assert_eq!(date.as_deref(), Some("2026-10-26"));
}

#[test]
fn a_move_that_creates_an_overlap_shows_at_once_and_undo_clears_it() {
    let mut app = sample_app();
    // Monday's government meeting (10:00–11:30) moved to Tuesday runs
    // into the airport visit (09:00–10:30) of the whole delegation.
    press(&mut app, &[">"], AREA);
    let s = screen(&mut app, 100, 30);
    let overlap = "\"Osaka Prefectural Government\" (10:00–11:30) overlaps \
                   \"Kansai International Airport (KIX): hydrogen airport\" (09:00–10:30) \
                   for the whole delegation";
    let messages: Vec<&str> = app.problems().iter().map(|p| p.message.as_str()).collect();
    assert!(messages.contains(&overlap), "{messages:?}");
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(s.contains(" [+] ! 1 problem "), "{s}");
    assert!(
        row_of(&s, "Osaka Prefectural Govern…").contains("│!10:00–11:30"),
        "{s}"
    );
    press(&mut app, &["u"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("problem"), "{s}");
    assert!(app.problems().is_empty());
}

#[test]
fn enter_on_a_visit_the_filter_hides_clears_the_filter_and_goes_there() {
    let mut app = app_for(PROBLEMS);
    // Only KENTO (in Suita) is shown on 24 October.
    app.set_filter(itinera::app::Filter {
        city: Some("Suita".into()),
        ..Default::default()
    });
    // The panel opens at the selected visit's problem; the second of all
    // is the lunch's overlap.
    press(&mut app, &["!", "g", "j"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("warning: \"Lunch\" (11:00–12:00) overlaps"),
        "{s}"
    );
    press(&mut app, &["enter"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(app.filter().is_empty(), "the filter is cleared");
    assert!(s.contains("Filter cleared to show the visit."), "{s}");
    let selected = app.selected_visit().map(|v| v.title.clone());
    assert!(
        matches!(
            selected.as_deref(),
            Some("Lunch" | "Osaka Prefectural Government")
        ),
        "{selected:?}:\n{s}"
    );
}

/// The sample with two visits at 10:00–11:00 on its first two days, the
/// first for the first participant, the second for `second`'s.
fn two_meetings(second: &'static [usize]) -> common::Planner {
    common::sample_with(|m| {
        let ids: Vec<String> = m.participants.iter().map(|p| p.id.clone()).collect();
        let day = m.header.start;
        let meeting = |date, title: &str, people: &[usize]| {
            let mut v = itinera::domain::Visit::new(date, title);
            v.start = chrono::NaiveTime::from_hms_opt(10, 0, 0);
            v.end = chrono::NaiveTime::from_hms_opt(11, 0, 0);
            v.participants = Some(people.iter().map(|&p| ids[p].clone()).collect());
            v
        };
        let next = day.succ_opt().expect("a next day");
        m.visits = vec![meeting(day, "Moved", &[0]), meeting(next, "There", second)];
    })
}

#[test]
fn a_move_warns_of_an_overlap_only_for_someone_booked_twice() {
    // To the next day at the same time, for other people: no overlap.
    let mut app = two_meetings(&[1]);
    press(&mut app, &[">"], AREA);
    let said = common::message(&app);
    assert!(!said.contains("overlaps"), "{said}");
    assert_eq!(overlaps(&app), Vec::<String>::new());
    // For someone of both: the plan's own problem, at once.
    let mut app = two_meetings(&[0, 1]);
    press(&mut app, &[">"], AREA);
    let said = common::message(&app);
    let problem = overlaps(&app);
    assert_eq!(problem.len(), 1, "{problem:?}");
    assert!(said.ends_with(&problem[0]), "{said}");
    assert!(said.contains("\"Moved\" (10:00–11:00)"), "{said}");
}

/// The overlap problems of the plan.
fn overlaps(app: &common::Planner) -> Vec<String> {
    app.problems()
        .iter()
        .filter(|p| p.kind == itinera::domain::problems::ProblemKind::Overlap)
        .map(|p| p.message.clone())
        .collect()
}
