//! `itinera next`: what is on now and what comes next, one line for a
//! status bar, at instants before, during, between and after the visits of
//! the sample mission (whose times are Tokyo's).

mod common;

use std::path::PathBuf;

use common::run::{code, itinera_in, stderr, stdout};

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

fn next(args: &[&str]) -> std::process::Output {
    let mut all = vec!["next", SAMPLE];
    all.extend_from_slice(args);
    itinera_in(&PathBuf::from(env!("CARGO_MANIFEST_DIR")), &all)
}

/// The line printed at `at`, checking it is the whole output and the
/// command succeeded.
fn line_at(at: &str, more: &[&str]) -> String {
    let mut args = vec!["--at", at];
    args.extend_from_slice(more);
    let out = next(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one line: {text:?}");
    text.trim_end_matches('\n').to_string()
}

#[test]
fn before_the_mission_the_first_visit_is_next() {
    assert_eq!(
        line_at("2022-11-13T20:00", &[]),
        "Next: Mon 14 10:00 Osaka Prefectural Government (in 14h)"
    );
}

#[test]
fn during_a_visit_it_says_the_time_left_and_what_follows() {
    assert_eq!(
        line_at("2022-11-14T10:45", &["--width", "100"]),
        "Now: Osaka Prefectural Government until 11:30 (45 min left) · Next: 12:00 Lunch (in 1h15)"
    );
}

#[test]
fn between_visits_only_the_next_one() {
    assert_eq!(
        line_at("2022-11-14T13:20", &["--width", "200"]),
        "Next: 14:00 Northern Osaka Health and Biomedical Innovation Town (KENTO) (in 40 min)"
    );
}

#[test]
fn a_long_title_is_cut_to_the_width() {
    let line = line_at("2022-11-14T13:20", &[]);
    assert_eq!(
        line,
        "Next: 14:00 Northern Osaka Health and Biomedical Innovation Town… (in 40 min)"
    );
    let narrow = line_at("2022-11-14T10:45", &["--width", "40"]);
    assert_eq!(
        narrow, "Now: Osaka… until 11:30 (45 min left)",
        "no room for next"
    );
    assert_eq!(
        line_at("2022-11-14T10:45", &[]),
        "Now: Osaka Prefectural… until 11:30 (45 min left) · Next: 12:00 Lunch (in 1h15)"
    );
}

#[test]
fn a_participant_sees_only_their_visits() {
    // aura is not at KENTO or NCVC: after lunch, the next is the airport.
    assert_eq!(
        line_at(
            "2022-11-14T13:20",
            &["--participant", "aura", "--width", "100"]
        ),
        "Next: Tue 15 09:00 Kansai International Airport (KIX): hydrogen airport (in 19h40)"
    );
}

#[test]
fn the_last_visit_has_nothing_after_it() {
    assert_eq!(
        line_at("2022-11-18T17:00", &[]),
        "Now: Restitution Meeting until 17:15 (15 min left) · then nothing planned"
    );
    assert_eq!(
        line_at("2022-11-18T20:00", &[]),
        "Nothing more planned; the mission ends on Friday 18 November"
    );
}

#[test]
fn after_the_mission_it_says_it_ended() {
    assert_eq!(
        line_at("2022-11-19T09:00", &[]),
        "The mission ended on Friday 18 November"
    );
    // Without --at it is now, long after 2022.
    let out = next(&[]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out), "The mission ended on Friday 18 November\n");
}

#[test]
fn mistakes_are_usage_errors() {
    let out = next(&["--participant", "vicnii"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        format!(
            "error: no participant with id \"vicnii\" in {SAMPLE} (did you mean \"vicini\"?)\n"
        )
    );
    for at in [
        "2022-11-14 10:45",
        "2022-11-14T10:45:00",
        "2022-11-14T25:00",
        "tomorrow",
    ] {
        let out = next(&["--at", at]);
        assert_eq!(code(&out), 2, "{at}");
        assert!(
            stderr(&out).contains(&format!("\"{at}\" is not a time like 2022-11-14T09:30")),
            "{at}: {}",
            stderr(&out)
        );
    }
    let out = itinera_in(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")),
        &["next", "no-such-mission.toml"],
    );
    assert_eq!(code(&out), 2, "{}", stderr(&out));
}

#[test]
fn a_mission_with_errors_exits_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, "[mission]\ntitle = \"x\"\n").expect("write");
    let out = itinera_in(dir.path(), &["next", "broken.toml"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}

/// A flight from Osaka that lands in Rome: its end is in Rome's zone.
const FLIGHT: &str = "format = 1

[mission]
title = \"Flight home\"
start = 2022-11-18
end = 2022-11-19
timezone = \"Asia/Tokyo\"

[[visits]]
date = 2022-11-18
start = 11:00:00
end = 17:30:00
end_timezone = \"Europe/Rome\"
title = \"Flight Osaka to Rome\"
kind = \"travel\"
";

#[test]
fn a_flight_is_on_until_it_lands_in_its_own_zone() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("f.toml"), FLIGHT).expect("write");
    let at = |when: &str| {
        let out = itinera_in(dir.path(), &["next", "f.toml", "--at", when]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        stdout(&out).trim_end().to_string()
    };
    // 17:30 in Rome is 01:30 the next day in Tokyo, the mission's zone.
    assert_eq!(
        at("2022-11-18T20:00"),
        "Now: Flight Osaka to Rome until Sat 19 01:30 (5h30 left) · then nothing planned"
    );
    assert_eq!(
        at("2022-11-19T02:00"),
        "Nothing more planned; the mission ends on Saturday 19 November"
    );
}
