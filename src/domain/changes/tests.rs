use chrono::{NaiveDate, NaiveTime};

use super::*;
use crate::domain::{Header, Participant};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
}

fn visit(id: Option<&str>, d: u32, hour: u32, title: &str) -> Visit {
    let mut v = Visit::new(day(d), title);
    v.id = id.map(str::to_string);
    v.start = NaiveTime::from_hms_opt(hour, 0, 0);
    v
}

fn mission(visits: Vec<Visit>) -> Mission {
    Mission {
        publish: None,
        header: Header::new("Japan", day(14), day(18)),
        days: Vec::new(),
        participants: vec![
            Participant::new("vicini", "Sauro Vicini"),
            Participant::new("biocat", "BIOCAT representative"),
        ],
        visits,
        routes: Vec::new(),
    }
}

/// Each listed visit change as (headline, title, changed field keys).
fn summary(changes: &Changes) -> Vec<(Change, String, Vec<&'static str>)> {
    changes
        .days
        .iter()
        .flat_map(|d| &d.visits)
        .map(|c| {
            let title = c.visit().map(|v| v.title.clone()).unwrap_or_default();
            (c.change, title, c.fields.iter().map(|f| f.key).collect())
        })
        .collect()
}

#[test]
fn the_same_mission_has_no_changes() {
    let m = mission(vec![
        visit(None, 14, 10, "Lunch"),
        visit(Some("a"), 15, 9, "A"),
    ]);
    let changes = compare(&m, &m.clone());
    assert!(changes.is_empty(), "{changes:?}");
    assert_eq!(changes.days, []);
}

#[test]
fn a_renamed_visit_without_an_id_is_changed_not_removed_and_added() {
    let old = mission(vec![visit(None, 14, 10, "Osaka government")]);
    let new = mission(vec![visit(None, 14, 10, "Osaka Prefectural Government")]);
    let changes = compare(&old, &new);
    assert_eq!(
        summary(&changes),
        [(
            Change::Changed,
            "Osaka Prefectural Government".into(),
            vec!["title"]
        )]
    );
    let title = &changes.days[0].visits[0].fields[0];
    assert_eq!(title.old.as_deref(), Some("Osaka government"));
    assert_eq!(title.new.as_deref(), Some("Osaka Prefectural Government"));
}

#[test]
fn a_visit_without_an_id_moved_to_another_day_is_moved() {
    let old = mission(vec![visit(None, 14, 14, "KENTO")]);
    let new = mission(vec![visit(None, 15, 16, "KENTO")]);
    let changes = compare(&old, &new);
    assert_eq!(summary(&changes), [(Change::Moved, "KENTO".into(), vec![])]);
    assert_eq!(changes.days[0].date, day(15), "listed under its new day");
}

#[test]
fn two_different_written_ids_are_two_visits() {
    let old = mission(vec![visit(Some("a"), 14, 10, "Meeting")]);
    let new = mission(vec![visit(Some("b"), 14, 10, "Meeting")]);
    assert_eq!(
        summary(&compare(&old, &new)),
        [
            (Change::Added, "Meeting".into(), vec![]),
            (Change::Removed, "Meeting".into(), vec![]),
        ]
    );
}

#[test]
fn namesakes_on_other_days_are_not_guessed_at() {
    let old = mission(vec![
        visit(None, 14, 12, "Lunch"),
        visit(None, 15, 12, "Lunch"),
    ]);
    let new = mission(vec![
        visit(None, 16, 13, "Lunch"),
        visit(None, 17, 13, "Lunch"),
    ]);
    let kinds: Vec<Change> = summary(&compare(&old, &new))
        .into_iter()
        .map(|s| s.0)
        .collect();
    assert_eq!(
        kinds,
        [
            Change::Removed,
            Change::Removed,
            Change::Added,
            Change::Added
        ]
    );
}

#[test]
fn an_unchanged_namesake_keeps_its_partner_when_suffixes_shift() {
    // Generated ids: "2022-11-14-lunch" and "2022-11-14-lunch-2"; removing
    // the first gives the second the first one's id.
    let old = mission(vec![
        visit(None, 14, 12, "Lunch"),
        visit(None, 14, 19, "Lunch"),
    ]);
    let new = mission(vec![visit(None, 14, 19, "Lunch")]);
    let changes = compare(&old, &new);
    assert_eq!(
        summary(&changes),
        [(Change::Removed, "Lunch".into(), vec![])]
    );
    let removed = changes.days[0].visits[0].old.as_ref().expect("old visit");
    assert_eq!(removed.start, NaiveTime::from_hms_opt(12, 0, 0));
}

#[test]
fn a_generated_id_written_into_the_file_is_the_same_visit() {
    let old = mission(vec![visit(None, 14, 10, "Lunch")]);
    let mut lunch = visit(Some("2022-11-14-lunch"), 14, 10, "Lunch");
    lunch.venue = Some("Sakishima Building".into());
    let new = mission(vec![lunch]);
    assert_eq!(
        summary(&compare(&old, &new)),
        [(Change::Changed, "Lunch".into(), vec!["venue"])]
    );
}

#[test]
fn cancelling_and_reinstating_are_headlines_not_status_fields() {
    let statuses = [
        (
            Status::Confirmed,
            Status::Cancelled,
            Change::Cancelled,
            vec![],
        ),
        (
            Status::Cancelled,
            Status::Tentative,
            Change::Reinstated,
            vec![],
        ),
        (
            Status::Tentative,
            Status::Confirmed,
            Change::Changed,
            vec!["status"],
        ),
    ];
    for (before, after, change, fields) in statuses {
        let mut o = visit(Some("a"), 14, 10, "A");
        o.status = before;
        let mut n = o.clone();
        n.status = after;
        assert_eq!(
            summary(&compare(&mission(vec![o]), &mission(vec![n]))),
            [(change, "A".into(), fields)],
            "{before:?} -> {after:?}"
        );
    }
}

#[test]
fn people_who_join_the_delegation_are_named_only_on_visits_that_list_attendees() {
    let whole = visit(Some("whole"), 14, 9, "Whole delegation");
    let mut listed = visit(Some("listed"), 14, 11, "Listed");
    listed.participants = Some(vec!["vicini".into()]);
    let old = mission(vec![whole.clone(), listed.clone()]);
    let mut new = mission(vec![whole, listed]);
    new.participants
        .push(Participant::new("aura", "AURA representative"));
    if let Some(ids) = &mut new.visits[1].participants {
        ids.push("aura".into());
    }
    let changes = compare(&old, &new);
    let names = |people: &[Person]| people.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&changes.joined), ["AURA representative"]);
    assert_eq!(
        summary(&changes),
        [(Change::Changed, "Listed".into(), vec![])]
    );
    let listed = &changes.days[0].visits[0];
    assert_eq!(names(&listed.attendees_added), ["AURA representative"]);
    assert_eq!(listed.attendees_dropped, []);
}

#[test]
fn a_report_for_one_person_keeps_what_they_attend_in_either_version() {
    let mut kento = visit(Some("kento"), 14, 14, "KENTO");
    kento.participants = Some(vec!["biocat".into()]);
    let mut ncvc = visit(Some("ncvc"), 14, 16, "NCVC");
    ncvc.participants = Some(vec!["vicini".into()]);
    let lunch = visit(Some("lunch"), 14, 12, "Lunch");
    let old = mission(vec![kento.clone(), ncvc.clone(), lunch.clone()]);
    let (mut kento2, mut ncvc2, mut lunch2) = (kento, ncvc, lunch);
    kento2.participants = Some(vec!["biocat".into(), "vicini".into()]);
    ncvc2.participants = Some(vec!["biocat".into()]);
    lunch2.venue = Some("Hotel".into());
    let mut other = visit(Some("other"), 15, 10, "Only BIOCAT");
    other.participants = Some(vec!["biocat".into()]);
    let new = mission(vec![kento2, ncvc2, lunch2, other]);

    let changes = compare_for(&old, &new, "vicini");
    assert_eq!(
        changes.participant.as_ref().map(|p| p.id.as_str()),
        Some("vicini")
    );
    assert_eq!(
        summary(&changes),
        [
            (Change::Changed, "Lunch".into(), vec!["venue"]),
            (Change::NowAttending, "KENTO".into(), vec![]),
            (Change::NoLongerAttending, "NCVC".into(), vec![]),
        ]
    );
    let everyone = compare(&old, &new);
    assert_eq!(summary(&everyone).len(), 4, "{everyone:?}");
}

#[test]
fn spaces_around_a_value_and_empty_text_are_not_changes() {
    let mut o = visit(Some("a"), 14, 10, "A");
    o.notes = Some("Bring slides.\n".into());
    o.venue = Some(String::new());
    let mut n = o.clone();
    n.notes = Some("  Bring slides.".into());
    n.venue = None;
    assert!(compare(&mission(vec![o.clone()]), &mission(vec![n.clone()])).is_empty());
    n.notes = Some("Bring slides and badges.".into());
    assert_eq!(
        summary(&compare(&mission(vec![o]), &mission(vec![n]))),
        [(Change::Changed, "A".into(), vec!["notes"])]
    );
}

#[test]
fn day_fields_are_compared_on_every_date_either_version_describes() {
    let old = mission(Vec::new());
    let mut new = old.clone();
    let mut info = DayInfo::new(day(15));
    info.lodging = Some("Hotel Nikko Osaka".into());
    new.days.push(info);
    let changes = compare(&old, &new);
    assert_eq!(changes.days.len(), 1);
    assert_eq!(changes.days[0].date, day(15));
    let lodging = &changes.days[0].fields;
    assert_eq!(lodging.len(), 1);
    assert_eq!(
        (
            lodging[0].key,
            lodging[0].old.as_deref(),
            lodging[0].new.as_deref()
        ),
        ("lodging", None, Some("Hotel Nikko Osaka"))
    );
    assert_eq!(
        compare(&new, &old).days[0].fields[0].old.as_deref(),
        Some("Hotel Nikko Osaka")
    );
}
