//! The planning operations on small missions.

use super::*;
use crate::domain::Header;
use crate::present::time_label;

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("time")
}

fn timed(d: u32, title: &str, start: (u32, u32), end: (u32, u32)) -> Visit {
    let mut v = Visit::new(date(d), title);
    v.start = Some(hm(start.0, start.1));
    v.end = Some(hm(end.0, end.1));
    v
}

fn mission(visits: Vec<Visit>) -> Mission {
    Mission {
        publish: None,
        header: Header::new("T", date(14), date(16)),
        days: vec![],
        participants: vec![Participant::new("a", "A"), Participant::new("b", "B")],
        visits,
        routes: Vec::new(),
    }
}

/// Plans an operation on the current mission and applies it.
fn run(m: &mut Mission, op: impl FnOnce(&Mission, &DayIndex) -> Result<Plan, OpError>) -> usize {
    let plan = op(m, &DayIndex::build(m)).expect("operation is possible");
    plan.edit.apply(m).expect("plan applies");
    plan.visit
}

fn summary(m: &Mission) -> Vec<String> {
    m.visits
        .iter()
        .map(|v| format!("{} {} {}", v.date.format("%d"), time_label(v), v.title))
        .collect()
}

#[test]
fn trading_slots_keeps_first_start_durations_and_gap() {
    // A 09:00-10:00, gap 30 min, B 10:30-12:00.
    let mut m = mission(vec![
        timed(14, "A", (9, 0), (10, 0)),
        timed(14, "B", (10, 30), (12, 0)),
    ]);
    let at = run(&mut m, |m, ix| {
        move_within_day(m, ix, 1, Direction::Earlier)
    });
    assert_eq!(at, 0);
    assert_eq!(summary(&m), ["14 09:00–10:30 B", "14 11:00–12:00 A"]);
}

#[test]
fn overlapping_visits_trade_into_back_to_back_slots() {
    // A 09:30-10:30 overlaps B 09:30-10:05.
    let mut m = mission(vec![
        timed(14, "A", (9, 30), (10, 30)),
        timed(14, "B", (9, 30), (10, 5)),
    ]);
    run(&mut m, |m, ix| move_within_day(m, ix, 0, Direction::Later));
    assert_eq!(summary(&m), ["14 09:30–10:05 B", "14 10:05–11:05 A"]);
}

#[test]
fn moving_later_is_the_same_trade() {
    let mut m = mission(vec![
        timed(14, "A", (9, 0), (10, 0)),
        timed(14, "B", (10, 30), (12, 0)),
    ]);
    let at = run(&mut m, |m, ix| move_within_day(m, ix, 0, Direction::Later));
    assert_eq!(at, 1);
    assert_eq!(summary(&m), ["14 09:00–10:30 B", "14 11:00–12:00 A"]);
}

#[test]
fn untimed_visits_only_change_position_and_other_days_stay_put() {
    let mut m = mission(vec![
        Visit::new(date(14), "A"),
        timed(15, "other day", (9, 0), (10, 0)),
        timed(14, "B", (10, 30), (12, 0)),
    ]);
    let at = run(&mut m, |m, ix| {
        move_within_day(m, ix, 2, Direction::Earlier)
    });
    assert_eq!(at, 0);
    assert_eq!(
        summary(&m),
        [
            "14 10:30–12:00 B",
            "15 09:00–10:00 other day",
            "14 time tbc A"
        ]
    );
}

#[test]
fn edges_of_the_day_are_reported() {
    let m = mission(vec![timed(14, "A", (9, 0), (10, 0))]);
    let index = DayIndex::build(&m);
    assert_eq!(
        move_within_day(&m, &index, 0, Direction::Earlier),
        Err(OpError::FirstOfDay)
    );
    assert_eq!(
        move_within_day(&m, &index, 0, Direction::Later),
        Err(OpError::LastOfDay)
    );
    assert_eq!(
        move_to_day(&m, &index, 0, Direction::Earlier),
        Err(OpError::MissionStart(date(14)))
    );
}

#[test]
fn moving_to_next_day_lands_in_time_order() {
    let mut m = mission(vec![
        timed(14, "mover", (11, 0), (12, 0)),
        timed(15, "early", (9, 0), (10, 0)),
        timed(15, "late", (14, 0), (15, 0)),
    ]);
    let at = run(&mut m, |m, ix| move_to_day(m, ix, 0, Direction::Later));
    assert_eq!(at, 1);
    assert_eq!(
        summary(&m),
        [
            "15 09:00–10:00 early",
            "15 11:00–12:00 mover",
            "15 14:00–15:00 late"
        ]
    );
}

#[test]
fn ripple_shifts_this_and_later_timed_visits() {
    let mut m = mission(vec![
        timed(14, "before", (8, 0), (9, 0)),
        timed(14, "late", (9, 0), (10, 0)),
        Visit::new(date(14), "untimed"),
        timed(14, "after", (23, 0), (23, 50)),
    ]);
    run(&mut m, |m, ix| ripple(m, ix, 1, 15));
    assert_eq!(
        summary(&m),
        [
            "14 08:00–09:00 before",
            "14 09:15–10:15 late",
            "14 time tbc untimed",
            "14 23:15–00:05 +1d after"
        ]
    );
    let index = DayIndex::build(&m);
    assert_eq!(
        ripple(&m, &index, 3, 60),
        Err(OpError::LeavesDay("after".into()))
    );
}

#[test]
fn deleting_a_participant_removes_references() {
    let mut named = Visit::new(date(14), "named");
    named.participants = Some(vec!["a".into(), "b".into()]);
    let mut m = mission(vec![named, Visit::new(date(14), "everyone")]);
    assert_eq!(references(&m, "a"), 1);
    let edit = delete_participant(&m, 0).expect("exists");
    edit.apply(&mut m).expect("applies");
    assert_eq!(m.participants.len(), 1);
    assert_eq!(m.visits[0].participants, Some(vec!["b".to_string()]));
    assert_eq!(m.visits[1].participants, None);
}

#[test]
fn renaming_a_participant_follows_references() {
    let mut named = Visit::new(date(14), "named");
    named.participants = Some(vec!["a".into()]);
    let mut m = mission(vec![named]);
    let mut renamed = m.participants[0].clone();
    renamed.id = "alpha".into();
    update_participant(&m, 0, renamed)
        .expect("exists")
        .apply(&mut m)
        .expect("applies");
    assert_eq!(m.visits[0].participants, Some(vec!["alpha".to_string()]));
}

#[test]
fn time_order_is_checked_against_timed_neighbours() {
    let m = mission(vec![
        timed(14, "A", (9, 0), (10, 0)),
        Visit::new(date(14), "untimed"),
        timed(14, "B", (12, 0), (13, 0)),
        timed(14, "C", (15, 0), (16, 0)),
    ]);
    let index = DayIndex::build(&m);
    assert!(!out_of_order(&m, &index, 2, hm(11, 0)));
    assert!(out_of_order(&m, &index, 2, hm(8, 0)), "before A");
    assert!(out_of_order(&m, &index, 2, hm(16, 0)), "after C");
    assert!(
        !out_of_order(&m, &index, 3, hm(18, 0)),
        "last may start late"
    );
}

#[test]
fn new_visit_starts_when_the_selected_one_ends() {
    let m = mission(vec![timed(14, "A", (9, 0), (10, 30))]);
    let v = new_visit(&m, date(14), m.visits.first());
    assert_eq!(time_label(&v), "10:30–11:30");
    let index = DayIndex::build(&m);
    assert_eq!(insertion_point(&m, &index, date(14), v.start), 1);
    assert_eq!(insertion_point(&m, &index, date(16), None), 1);
}

#[test]
fn lengthening_pushes_the_rest_of_the_day() {
    let mut m = mission(vec![
        timed(14, "before", (8, 0), (9, 0)),
        timed(14, "late meeting", (9, 0), (10, 0)),
        Visit::new(date(14), "untimed"),
        timed(14, "lunch", (12, 0), (13, 0)),
    ]);
    let index = DayIndex::build(&m);
    assert_eq!(resize(&m, &index, 1, 15).map(|p| p.moved), Ok(1));
    run(&mut m, |m, ix| resize(m, ix, 1, 15));
    assert_eq!(
        summary(&m),
        [
            "14 08:00–09:00 before",
            "14 09:00–10:15 late meeting",
            "14 time tbc untimed",
            "14 12:15–13:15 lunch"
        ]
    );
    run(&mut m, |m, ix| resize(m, ix, 1, -30));
    assert_eq!(
        summary(&m)[1..],
        [
            "14 09:00–09:45 late meeting",
            "14 time tbc untimed",
            "14 11:45–12:45 lunch"
        ]
    );
}

#[test]
fn shortening_stops_before_nothing_is_left_and_needs_an_end() {
    let m = mission(vec![
        timed(14, "short", (9, 0), (9, 15)),
        Visit::new(date(14), "untimed"),
    ]);
    let index = DayIndex::build(&m);
    assert_eq!(
        resize(&m, &index, 0, -15),
        Err(OpError::TooShort(
            "short".into(),
            TimeDelta::minutes(15),
            15
        ))
    );
    assert_eq!(
        resize(&m, &index, 1, 15),
        Err(OpError::NoEnd("untimed".into()))
    );
    assert_eq!(ripple(&m, &index, 1, 15), Err(OpError::NothingTimed));
}

#[test]
fn lengthening_past_midnight_ends_the_next_day() {
    let mut m = mission(vec![timed(14, "dinner", (22, 0), (23, 50))]);
    run(&mut m, |m, ix| resize(m, ix, 0, 15));
    assert_eq!(m.visits[0].end_date, Some(date(15)));
    run(&mut m, |m, ix| resize(m, ix, 0, -15));
    assert_eq!(m.visits[0].end_date, None, "back on its own day");
}

#[test]
fn nothing_moves_past_the_last_date_a_file_can_hold() {
    let last = NaiveDate::from_ymd_opt(9999, 12, 31).expect("date");
    let mut visit = Visit::new(last, "last");
    visit.start = Some(hm(23, 0));
    visit.end = Some(hm(23, 50));
    let m = Mission {
        publish: None,
        header: Header::new("T", last, last),
        days: vec![],
        participants: vec![],
        visits: vec![visit],
        routes: Vec::new(),
    };
    let index = DayIndex::build(&m);
    let past = Err(OpError::PastLastDate("last".into()));
    assert_eq!(ripple(&m, &index, 0, 15), past);
    assert_eq!(resize(&m, &index, 0, 15), past);
    assert_eq!(
        ripple(&m, &index, 0, 60),
        Err(OpError::LeavesDay("last".into()))
    );
    assert!(ripple(&m, &index, 0, 5).is_ok(), "23:05–23:55 still fits");
}
