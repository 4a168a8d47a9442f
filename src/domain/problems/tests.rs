//! Each kind of problem on small missions, with its exact message; time
//! zones across a daylight-saving change; and updates that give what a
//! full build gives.

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::{Asia, Europe, Tz};

use super::*;
use crate::domain::{DayInfo, Edit, Header, Kind, ListEdit, Participant, Route, Status, Visit};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("time")
}

/// A mission in Tokyo from the 14th to `last`, with Anna, Bruno and Carla.
fn mission(last: u32, visits: Vec<Visit>) -> Mission {
    let mut header = Header::new("T", day(14), day(last));
    header.timezone = Some(Asia::Tokyo);
    Mission {
        publish: None,
        header,
        days: Vec::new(),
        participants: vec![
            Participant::new("a", "Anna Alpha"),
            Participant::new("b", "Bruno Beta"),
            Participant::new("c", "Carla Gamma"),
        ],
        visits,
        routes: Vec::new(),
    }
}

/// A visit on `date` from `start` to `end` ("" for none), in `city`.
fn visit(date: NaiveDate, title: &str, start: &str, end: &str, city: &str) -> Visit {
    let mut v = Visit::new(date, title);
    v.start = (!start.is_empty()).then(|| time(start));
    v.end = (!end.is_empty()).then(|| time(end));
    v.city = (!city.is_empty()).then(|| city.to_string());
    v
}

fn with(mut v: Visit, people: &[&str]) -> Visit {
    v.participants = Some(people.iter().map(|p| p.to_string()).collect());
    v
}

/// The messages of every problem of `kind`.
fn messages(m: &Mission, kind: ProblemKind) -> Vec<String> {
    Problems::build(m)
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| p.message.clone())
        .collect()
}

#[test]
fn an_overlap_names_both_visits_their_times_and_the_people() {
    let m = mission(
        14,
        vec![
            visit(day(14), "Government", "10:00", "11:30", "Osaka"),
            visit(day(14), "Lunch", "11:00", "12:00", "Osaka"),
        ],
    );
    let problems = Problems::build(&m);
    let overlaps: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Overlap)
        .collect();
    assert_eq!(overlaps.len(), 1);
    let p = overlaps[0];
    assert_eq!(
        p.message,
        "\"Lunch\" (11:00–12:00) overlaps \"Government\" (10:00–11:30) for the whole delegation"
    );
    assert_eq!(p.severity, Severity::Warning);
    assert_eq!(p.visits, [m.visits[0].key, m.visits[1].key]);
    assert_eq!(p.date, Some(day(14)));
    assert_eq!(
        p.at,
        Anchor::Visit {
            key: m.visits[1].key,
            field: "start"
        }
    );
    // Both visits know the problem.
    assert_eq!(problems.of_visit(m.visits[0].key).count(), 1);
    assert_eq!(problems.of_visit(m.visits[1].key).count(), 1);
    assert_eq!(problems.on(day(14)).len(), 1);
    assert_eq!(problems.count(Severity::Warning), 1);
}

#[test]
fn an_overlap_needs_a_shared_attendee() {
    let overlap = |a: &[&str], b: &[&str]| {
        let m = mission(
            14,
            vec![
                with(visit(day(14), "A", "10:00", "11:00", ""), a),
                with(visit(day(14), "B", "10:30", "11:30", ""), b),
            ],
        );
        messages(&m, ProblemKind::Overlap)
    };
    assert_eq!(
        overlap(&["a", "b"], &["b", "c"]),
        ["\"B\" (10:30–11:30) overlaps \"A\" (10:00–11:00) for Bruno Beta"]
    );
    assert_eq!(
        overlap(&["a", "b"], &["a", "b"]),
        ["\"B\" (10:30–11:30) overlaps \"A\" (10:00–11:00) for Anna Alpha and Bruno Beta"]
    );
    // Everyone named is the whole delegation.
    assert_eq!(
        overlap(&["a", "b", "c"], &["c", "b", "a"]),
        ["\"B\" (10:30–11:30) overlaps \"A\" (10:00–11:00) for the whole delegation"]
    );
    assert_eq!(overlap(&["a"], &["b", "c"]), Vec::<String>::new());
}

#[test]
fn touching_untimed_and_cancelled_visits_do_not_overlap() {
    let mut cancelled = visit(day(14), "Cancelled", "10:15", "10:45", "");
    cancelled.status = Status::Cancelled;
    let m = mission(
        14,
        vec![
            visit(day(14), "A", "10:00", "11:00", ""),
            visit(day(14), "Touching", "11:00", "12:00", ""),
            visit(day(14), "Untimed", "", "", ""),
            cancelled,
        ],
    );
    assert_eq!(messages(&m, ProblemKind::Overlap), Vec::<String>::new());
}

#[test]
fn a_visit_past_midnight_overlaps_the_next_day() {
    let mut train = visit(day(14), "Night train", "22:00", "02:00", "");
    train.end_date = Some(day(15));
    let m = mission(
        15,
        vec![train, visit(day(15), "Breakfast", "01:00", "01:30", "")],
    );
    let problems = Problems::build(&m);
    let overlap = problems
        .iter()
        .find(|p| p.kind == ProblemKind::Overlap)
        .expect("an overlap");
    assert_eq!(
        overlap.message,
        "\"Breakfast\" (01:00–01:30) overlaps \"Night train\" (2022-11-14 22:00–02:00 +1d) \
         for the whole delegation"
    );
    assert_eq!(overlap.date, Some(day(15)));
}

#[test]
fn a_city_change_needs_the_time_of_its_route() {
    let mut m = mission(
        14,
        vec![
            visit(day(14), "Government", "10:00", "11:30", "Osaka"),
            visit(day(14), "KENTO", "11:45", "13:00", "Suita"),
        ],
    );
    m.routes.push(Route::new("osaka", " SUITA ", 40));
    let problems = Problems::build(&m);
    let tight: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::TightCityChange)
        .collect();
    assert_eq!(tight.len(), 1);
    assert_eq!(
        tight[0].message,
        "only 15 min from Osaka to Suita between \"Government\" (ends 11:30) and \
         \"KENTO\" (starts 11:45) for the whole delegation; the route takes 40 min"
    );
    assert_eq!(
        tight[0].at,
        Anchor::Visit {
            key: m.visits[1].key,
            field: "start"
        }
    );
    // Without a route, the travel buffer: 30 minutes unless set.
    m.routes.clear();
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        [
            "only 15 min from Osaka to Suita between \"Government\" (ends 11:30) and \
          \"KENTO\" (starts 11:45) for the whole delegation; \
          a change of city takes 30 min (travel_buffer)"
        ]
    );
    m.header.travel_buffer = Some(10);
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
    // 0 turns the buffer off; routes still count.
    m.header.travel_buffer = Some(0);
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
    m.routes.push(Route::new("Suita", "Osaka", 20));
    assert_eq!(messages(&m, ProblemKind::TightCityChange).len(), 1);
}

#[test]
fn a_journey_in_between_or_the_same_city_is_no_city_change() {
    let mut m = mission(
        14,
        vec![
            visit(day(14), "A", "10:00", "11:00", "Kyoto"),
            visit(day(14), "No city", "11:00", "11:05", ""),
            visit(day(14), "B", "11:10", "12:00", "keihanna science city"),
        ],
    );
    m.routes
        .push(Route::new("Kyoto", "Keihanna Science City", 60));
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        [
            "only 10 min from Kyoto to keihanna science city between \"A\" (ends 11:00) and \
          \"B\" (starts 11:10) for the whole delegation; the route takes 1h"
        ]
    );
    m.visits[1].kind = Kind::Travel;
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
    m.visits[1].kind = Kind::Other;
    m.visits[2].city = Some("KYOTO".into());
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
}

#[test]
fn a_city_change_is_for_the_people_who_make_it() {
    let m = mission(
        14,
        vec![
            with(visit(day(14), "A", "10:00", "11:00", "Osaka"), &["a"]),
            with(visit(day(14), "C", "10:00", "11:00", "Suita"), &["b"]),
            visit(day(14), "B", "11:15", "12:00", "Suita"),
        ],
    );
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        [
            "only 15 min from Osaka to Suita between \"A\" (ends 11:00) and \"B\" (starts 11:15) \
          for Anna Alpha; a change of city takes 30 min (travel_buffer)"
        ]
    );
}

#[test]
fn a_day_without_a_visit_is_a_note() {
    let mut cancelled = visit(day(16), "Dropped", "10:00", "", "");
    cancelled.status = Status::Cancelled;
    let mut m = mission(
        17,
        vec![
            visit(day(14), "A", "10:00", "", ""),
            cancelled,
            visit(day(17), "B", "", "", ""),
        ],
    );
    let problems = Problems::build(&m);
    let notes: Vec<(Option<NaiveDate>, &str)> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::EmptyDay)
        .map(|p| (p.date, p.message.as_str()))
        .collect();
    assert_eq!(
        notes,
        [
            (Some(day(15)), "nothing is planned on 2022-11-15 (Tuesday)"),
            (
                Some(day(16)),
                "nothing is planned on 2022-11-16 (Wednesday)"
            ),
        ]
    );
    let note = &problems.on(day(15))[0];
    assert_eq!(
        (note.severity, note.at),
        (Severity::Note, Anchor::Day(day(15)))
    );
    assert_eq!(problems.count(Severity::Note), 2);
    // A visit over several days fills them.
    m.visits[0].end_date = Some(day(16));
    assert_eq!(messages(&m, ProblemKind::EmptyDay), Vec::<String>::new());
}

#[test]
fn someone_who_attends_no_visit_is_idle() {
    let mut cancelled = with(visit(day(14), "Dropped", "", "", ""), &["c"]);
    cancelled.status = Status::Cancelled;
    let mut m = mission(
        14,
        vec![
            with(visit(day(14), "A", "", "", ""), &["a", "b"]),
            cancelled,
        ],
    );
    let problems = Problems::build(&m);
    let idle = problems.general();
    assert_eq!(idle.len(), 1);
    assert_eq!(idle[0].message, "Carla Gamma (c) attends no visit");
    assert_eq!(idle[0].severity, Severity::Warning);
    assert_eq!(idle[0].date, None);
    assert_eq!(idle[0].at, Anchor::Participant(m.participants[2].key));
    // A visit for the whole delegation is everyone's.
    m.visits.push(visit(day(14), "All", "", "", ""));
    assert_eq!(Problems::build(&m).general(), []);
}

#[test]
fn the_checks_of_the_file_keep_their_messages() {
    let mut m = mission(
        15,
        vec![
            visit(day(13), "Arrival", "", "", ""),
            visit(day(14), "KENTO", "14:00", "", ""),
            visit(day(14), "Government", "10:00", "", ""),
            visit(day(15), "C", "", "", ""),
        ],
    );
    m.days.push(DayInfo::new(day(19)));
    assert_eq!(
        messages(&m, ProblemKind::OutsideMission),
        [
            "visit on 2022-11-13 is outside the mission's dates (2022-11-14 to 2022-11-15)",
            "day on 2022-11-19 is outside the mission's dates (2022-11-14 to 2022-11-15)",
        ]
    );
    assert_eq!(
        messages(&m, ProblemKind::OutOfOrder),
        [
            "starts at 10:00, before \"KENTO\" listed above it at 14:00 on 2022-11-14; \
          visits of a day are shown in file order"
        ]
    ); // In real time: 06:30 in Rome is 14:30 in Tokyo, after KENTO; 05:00
    // is 13:00, before it.
    m.visits.remove(2);
    m.visits
        .insert(2, in_rome(visit(day(14), "Call", "06:30", "", "")));
    assert_eq!(messages(&m, ProblemKind::OutOfOrder), Vec::<String>::new());
    m.visits[2].start = Some(time("05:00"));
    assert_eq!(
        messages(&m, ProblemKind::OutOfOrder),
        [
            "starts at 05:00 Europe/Rome, before \"KENTO\" listed above it at 14:00 Asia/Tokyo \
          on 2022-11-14; visits of a day are shown in file order"
        ]
    );
}

fn in_rome(mut v: Visit) -> Visit {
    v.timezone = Some(Europe::Rome);
    v
}

#[test]
fn a_time_a_clock_change_skips_is_an_error_and_one_it_repeats_a_warning() {
    let spring = NaiveDate::from_ymd_opt(2026, 3, 29).expect("date");
    let autumn = NaiveDate::from_ymd_opt(2026, 10, 25).expect("date");
    let mut m = mission(14, Vec::new());
    m.header = Header::new("T", spring, autumn);
    m.header.timezone = Some(Europe::Rome);
    m.visits = vec![
        visit(spring, "Breakfast", "02:30", "03:30", ""),
        visit(autumn, "Night walk", "01:30", "02:30", ""),
    ];
    let problems = Problems::build(&m);
    let zone: Vec<(Severity, &str)> = problems
        .iter()
        .filter(|p| matches!(p.kind, ProblemKind::SkippedTime | ProblemKind::RepeatedTime))
        .map(|p| (p.severity, p.message.as_str()))
        .collect();
    assert_eq!(
        zone,
        [
            (
                Severity::Error,
                "02:30 does not exist in Europe/Rome on 2026-03-29 (clocks go forward at 02:00); \
                 write 03:30 or 01:30"
            ),
            (
                Severity::Warning,
                "02:30 happens twice in Europe/Rome on 2026-10-25 (clocks go back at 03:00): \
                 read as the first, 02:30 CEST (00:30 UTC), not 02:30 CET (01:30 UTC)"
            ),
        ]
    );
    assert_eq!(problems.count(Severity::Error), 1);
}

/// A mission in Tokyo over the last Sunday of October 2026, when Rome
/// goes back to winter time, with calls to Rome in Rome's time.
fn autumn(visits: Vec<Visit>) -> Mission {
    let first = NaiveDate::from_ymd_opt(2026, 10, 24).expect("date");
    let mut m = mission(14, visits);
    m.header = Header::new("T", first, first + TimeDelta::days(1));
    m.header.timezone = Some(Asia::Tokyo);
    m.header.home_timezone = Some(Europe::Rome);
    m
}

#[test]
fn overlaps_across_a_clock_change_are_in_real_time() {
    let (sat, sun) = (
        NaiveDate::from_ymd_opt(2026, 10, 24).expect("date"),
        NaiveDate::from_ymd_opt(2026, 10, 25).expect("date"),
    );
    // 09:00 in Rome is 16:00 in Tokyo on Saturday, 17:00 on Sunday.
    let m = autumn(vec![
        in_rome(visit(sat, "Call with Bologna", "09:00", "10:00", "")),
        visit(sat, "Dinner", "17:00", "18:00", ""),
        in_rome(visit(sun, "Call with Bologna", "09:00", "10:00", "")),
        visit(sun, "Dinner", "17:00", "18:00", ""),
    ]);
    let problems = Problems::build(&m);
    let overlaps: Vec<(Option<NaiveDate>, &str)> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::Overlap)
        .map(|p| (p.date, p.message.as_str()))
        .collect();
    assert_eq!(
        overlaps,
        [(
            Some(sun),
            "\"Dinner\" (17:00–18:00) overlaps \"Call with Bologna\" (09:00–10:00, Europe/Rome) \
             for the whole delegation"
        )]
    );
}

#[test]
fn a_gap_across_a_clock_change_is_measured_in_real_time() {
    let (sat, sun) = (
        NaiveDate::from_ymd_opt(2026, 10, 24).expect("date"),
        NaiveDate::from_ymd_opt(2026, 10, 25).expect("date"),
    );
    let mut m = autumn(Vec::new());
    m.header.timezone = Some(Europe::Rome);
    // 01:50 summer time to 03:10 winter time: 2h20, not 1h20.
    let mut late = visit(sat, "Late dinner", "22:00", "01:50", "Milan");
    late.end_date = Some(sun);
    m.visits = vec![
        late,
        visit(sun, "Early market", "03:10", "04:00", "Bologna"),
    ];
    m.routes.push(Route::new("Milan", "Bologna", 120));
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
    m.routes[0].minutes = 150;
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        [
            "only 2h20 from Milan to Bologna between \"Late dinner\" (ends 01:50) and \
          \"Early market\" (starts 03:10) for the whole delegation; the route takes 2h30"
        ]
    );
}

#[test]
fn a_flight_that_lands_in_another_zone_overlaps_only_in_the_air() {
    let date = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date");
    let mut flight = visit(date, "Flight Tokyo to Rome", "11:00", "17:30", "Rome");
    flight.kind = Kind::Travel;
    flight.end_timezone = Some(Europe::Rome);
    assert_eq!(
        flight.real_duration(Some(Asia::Tokyo)),
        Some(TimeDelta::minutes(13 * 60 + 30))
    );
    let mut m = mission(14, Vec::new());
    m.header = Header::new("T", date, date);
    m.header.timezone = Some(Asia::Tokyo);
    m.visits = vec![
        visit(date, "Breakfast", "08:00", "09:00", "Tokyo"),
        flight,
        // 17:00 in Rome, before the flight lands at 17:30 Rome time.
        in_rome(visit(date, "Welcome drink", "17:00", "18:00", "Rome")),
        // After landing; read as Tokyo times, 18:00 would be 01:00 in
        // Rome, in the air.
        in_rome(visit(date, "Dinner", "18:00", "20:00", "Rome")),
    ];
    assert_eq!(
        messages(&m, ProblemKind::Overlap),
        [
            "\"Welcome drink\" (17:00–18:00, Europe/Rome) overlaps \"Flight Tokyo to Rome\" \
          (11:00–17:30, Asia/Tokyo to Europe/Rome) for the whole delegation"
        ]
    );
    assert_eq!(
        messages(&m, ProblemKind::TightCityChange),
        Vec::<String>::new()
    );
}

/// Problems as comparable rows.
fn rows(p: &Problems) -> Vec<String> {
    p.iter().map(|p| format!("{p:?}")).collect()
}

/// A small deterministic generator of numbers.
struct Dice(u64);

impl Dice {
    fn roll(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }

    fn visit(&mut self, first: NaiveDate) -> Visit {
        let zones: [Option<Tz>; 4] = [None, None, Some(Europe::Rome), Some(Asia::Tokyo)];
        let date = first + TimeDelta::days(self.roll(12) as i64 - 1);
        let title = format!("V{}", self.roll(1000));
        let mut v = Visit::new(date, title);
        if self.roll(5) > 0 {
            let start = NaiveTime::from_hms_opt(self.roll(24) as u32, 15 * self.roll(4) as u32, 0);
            v.start = start;
            if self.roll(4) > 0 {
                v.end = start.map(|s| s + TimeDelta::minutes(15 + 30 * self.roll(8) as i64));
                if v.end <= v.start || self.roll(6) == 0 {
                    v.end_date = Some(date + TimeDelta::days(1 + self.roll(3) as i64));
                }
            }
        }
        v.timezone = zones[self.roll(4) as usize];
        v.city = ["Osaka", "Suita", "Kyoto", ""][self.roll(4) as usize]
            .to_string()
            .into();
        v.city = v.city.filter(|c| !c.is_empty());
        if self.roll(6) == 0 {
            v.kind = Kind::Travel;
        }
        if self.roll(8) == 0 {
            v.status = Status::Cancelled;
        }
        if self.roll(3) == 0 {
            let ids = ["a", "b", "c"];
            v.participants = Some(
                ids.iter()
                    .filter(|_| self.roll(2) == 0)
                    .map(|id| id.to_string())
                    .collect(),
            );
        }
        v
    }
}

#[test]
fn an_update_after_any_edit_gives_what_a_build_gives() {
    let first = NaiveDate::from_ymd_opt(2026, 10, 20).expect("date");
    for seed in 0..40 {
        let mut dice = Dice(seed);
        let mut m = mission(14, (0..25).map(|_| dice.visit(first)).collect());
        m.header = Header::new("T", first, first + TimeDelta::days(9));
        m.header.timezone = Some(Asia::Tokyo);
        m.routes.push(Route::new("Osaka", "Suita", 40));
        if seed % 4 == 1 {
            // Visits of a day far away between those of the mission's
            // days, so that a day's visits lie far apart in the file (and
            // an update's infos are kept by visit, not by offset).
            let far = first + TimeDelta::days(60);
            let fillers = (0..1_000).map(|i| Visit::new(far, format!("far {i}")));
            m.visits.splice(12..12, fillers);
        }
        let mut problems = Problems::build(&m);
        for step in 0..30 {
            let n = m.visits.len();
            let edit = match dice.roll(7) {
                0 => Edit::Visit(ListEdit::Insert(
                    dice.roll(n as u64 + 1) as usize,
                    dice.visit(first),
                )),
                1 if n > 0 => Edit::Visit(ListEdit::Remove(dice.roll(n as u64) as usize)),
                2 if n > 1 => Edit::Visit(ListEdit::Move {
                    from: dice.roll(n as u64) as usize,
                    to: dice.roll(n as u64) as usize,
                }),
                3 => Edit::Day(ListEdit::Insert(
                    0,
                    DayInfo::new(first + TimeDelta::days(dice.roll(14) as i64 - 2)),
                )),
                4 if dice.roll(4) == 0 => {
                    let mut header = m.header.clone();
                    header.travel_buffer = Some(dice.roll(90) as u32);
                    Edit::Header(header)
                }
                _ if n > 0 => {
                    let i = dice.roll(n as u64) as usize;
                    let mut v = dice.visit(first);
                    v.key = m.visits[i].key;
                    Edit::Visit(ListEdit::Replace(i, v))
                }
                _ => continue,
            };
            let mut touched = Touched::default();
            edit.apply_noting(&mut m, &mut touched).expect("applies");
            let index = DayIndex::build(&m);
            problems.update(&m, &index, &touched);
            let built = Problems::build(&m);
            assert_eq!(rows(&problems), rows(&built), "seed {seed}, step {step}");
            assert_eq!(problems.len(), built.len());
            for severity in [Severity::Note, Severity::Warning, Severity::Error] {
                assert_eq!(problems.count(severity), built.count(severity));
            }
            for v in &m.visits {
                let mine: Vec<_> = problems.of_visit(v.key).collect();
                let theirs: Vec<_> = built.of_visit(v.key).collect();
                assert_eq!(mine, theirs, "seed {seed}, step {step}");
            }
        }
    }
}
