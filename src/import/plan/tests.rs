use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::domain::{Header, Status};
use crate::import::Stamp;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("time")
}

fn t(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s, "%H:%M").ok()
}

fn mission() -> Mission {
    let mut header = Header::new("Japan", d("2022-11-14"), d("2022-11-15"));
    header.timezone = Some(chrono_tz::Asia::Tokyo);
    Mission {
        header,
        days: Vec::new(),
        participants: Vec::new(),
        visits: Vec::new(),
    }
}

fn event(line: usize, uid: Option<&str>, title: &str, start: &str, end: &str) -> Event {
    Event {
        line,
        uid: uid.map(String::from),
        summary: Some(title.into()),
        start: Some(Stamp::Floating(at(start))),
        end: Some(Stamp::Floating(at(end))),
        ..Event::default()
    }
}

fn titles(m: &Mission) -> Vec<&str> {
    m.visits.iter().map(|v| v.title.as_str()).collect()
}

#[test]
fn events_become_visits_in_time_order_with_their_ids_or_uids() {
    let events = [
        event(
            3,
            Some("lunch@japan.itinera"),
            "Lunch",
            "2022-11-14 12:00",
            "2022-11-14 13:00",
        ),
        event(
            9,
            Some("abc@google.com"),
            "Breakfast",
            "2022-11-14 08:00",
            "2022-11-14 09:00",
        ),
        event(15, None, "Train", "2022-11-15 09:00", "2022-11-15 10:00"),
    ];
    let plan = plan(&mission(), &events);
    assert_eq!(titles(&plan.mission), ["Breakfast", "Lunch", "Train"]);
    let v = &plan.mission.visits;
    assert_eq!(
        (v[1].id.as_deref(), v[1].uid.as_deref()),
        (Some("lunch"), None)
    );
    assert_eq!(
        (v[0].id.as_deref(), v[0].uid.as_deref()),
        (None, Some("abc@google.com"))
    );
    assert_eq!((v[2].id.as_deref(), v[2].uid.as_deref()), (None, None));
    assert_eq!((v[1].start, v[1].end), (t("12:00"), t("13:00")));
    assert_eq!(
        plan.entries[0].outcome,
        Outcome::Added {
            when: "Mon 14 Nov, 12:00–13:00".into()
        }
    );
    assert_eq!(
        plan.headline(),
        "3 events: 3 added, 0 updated, 0 unchanged, 0 not imported"
    );

    // The same events again: each finds its visit, nothing changes.
    let again = super::plan(&plan.mission, &events);
    assert!(!again.changes(), "{:?}", again.entries);
    assert!(again.mission.same_content(&plan.mission));
    assert_eq!(
        again.headline(),
        "3 events: 0 added, 0 updated, 3 unchanged, 0 not imported"
    );
}

#[test]
fn the_plans_edit_makes_its_mission_and_undoes_to_the_old_one() {
    let events = [
        event(3, None, "Lunch", "2022-11-14 12:00", "2022-11-14 13:00"),
        event(9, None, "Dinner", "2022-11-14 19:00", "2022-11-14 21:00"),
    ];
    let before = mission();
    let plan = plan(&before, &events);
    let mut m = before.clone();
    let undo = plan.edit.clone().apply(&mut m).expect("applies");
    assert!(m.same_content(&plan.mission));
    undo.apply(&mut m).expect("undoes");
    assert!(m.same_content(&before));
}

#[test]
fn an_event_of_itineras_export_updates_its_visit_and_writes_a_generated_id() {
    let mut m = mission();
    let mut lunch = Visit::new(d("2022-11-14"), "Lunch");
    lunch.start = t("12:00");
    lunch.end = t("13:00");
    let mut dinner = Visit::new(d("2022-11-14"), "Dinner");
    dinner.start = t("19:00");
    m.visits = vec![lunch, dinner];
    let moved = Event {
        status: Some(Status::Cancelled),
        ..event(
            4,
            Some("2022-11-14-lunch@japan.itinera"),
            "Business lunch",
            "2022-11-14 20:00",
            "2022-11-14 21:00",
        )
    };
    let plan = plan(&m, std::slice::from_ref(&moved));
    assert_eq!(
        plan.entries[0].outcome,
        Outcome::Updated {
            when: "Mon 14 Nov, 20:00–21:00".into(),
            fields: vec!["Id", "Start", "End", "Title", "Status"],
        }
    );
    // Written, so the new title does not change it; and after the dinner.
    assert_eq!(titles(&plan.mission), ["Dinner", "Business lunch"]);
    assert_eq!(
        plan.mission.visits[1].id.as_deref(),
        Some("2022-11-14-lunch")
    );
    let again = super::plan(&plan.mission, &[moved]);
    assert!(!again.changes(), "{:?}", again.entries);
}

#[test]
fn events_outside_the_dates_repeating_or_twice_are_not_imported_and_say_why() {
    let mut repeating = event(
        20,
        Some("r@x"),
        "Weekly",
        "2022-11-14 09:00",
        "2022-11-14 10:00",
    );
    repeating.repeats = true;
    let no_start = Event {
        line: 30,
        summary: Some("Someday".into()),
        ..Event::default()
    };
    let events = [
        event(
            2,
            Some("a@x"),
            "Before",
            "2022-11-13 10:00",
            "2022-11-13 11:00",
        ),
        event(
            8,
            Some("b@x"),
            "Lunch",
            "2022-11-14 12:00",
            "2022-11-14 13:00",
        ),
        event(
            14,
            Some("b@x"),
            "Lunch again",
            "2022-11-14 12:00",
            "2022-11-14 13:00",
        ),
        repeating,
        no_start,
    ];
    let plan = plan(&mission(), &events);
    let skipped: Vec<(usize, &str)> = plan
        .entries
        .iter()
        .filter_map(|e| match &e.outcome {
            Outcome::Skipped { reason } => Some((e.line, reason.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        skipped,
        [
            (
                2,
                "Sunday 13 November 2022 is outside the mission's dates (14–15 November 2022)"
            ),
            (14, "it is the same visit as the event on line 8"),
            (
                20,
                "it repeats (RRULE, RDATE or RECURRENCE-ID); add its days by hand"
            ),
            (30, "it has no start (DTSTART)"),
        ]
    );
    assert_eq!(titles(&plan.mission), ["Lunch"]);
}

#[test]
fn an_event_moved_to_another_day_moves_its_visit_there() {
    let first = [
        event(2, Some("a@x"), "A", "2022-11-14 10:00", "2022-11-14 11:00"),
        event(5, Some("b@x"), "B", "2022-11-15 10:00", "2022-11-15 11:00"),
        event(8, Some("c@x"), "C", "2022-11-15 12:00", "2022-11-15 13:00"),
    ];
    let imported = plan(&mission(), &first).mission;
    let later = [event(
        2,
        Some("a@x"),
        "A",
        "2022-11-15 11:00",
        "2022-11-15 11:30",
    )];
    let moved = plan(&imported, &later);
    assert_eq!(titles(&moved.mission), ["B", "A", "C"]);
    assert_eq!(moved.mission.visits[1].date, d("2022-11-15"));
}
