//! `itinera check` on the plan: every kind of problem, at its line, with
//! exit status 0 for warnings and notes and 1 for a time that does not
//! exist.

use std::path::Path;
use std::process::{Command, Output};

fn itinera_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("itinera runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

#[test]
fn check_lists_every_problem_of_the_plan_at_its_line_and_passes() {
    let out = itinera_in(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        &["check", "tests/fixtures/valid/problems.toml"],
    );
    let f = "tests/fixtures/valid/problems.toml";
    let expected = [
        format!("{f}:21:8: note: nothing is planned on 2026-10-26 (Monday)"),
        format!("{f}:33:6: warning: Guest (guest) attends no visit"),
        format!(
            "{f}:39:8: warning: visit on 2026-10-23 is outside the mission's dates \
             (2026-10-24 to 2026-10-27)"
        ),
        format!(
            "{f}:58:9: warning: \"Lunch\" (11:00–12:00) overlaps \
             \"Osaka Prefectural Government\" (10:00–11:30) for Sauro Vicini"
        ),
        format!(
            "{f}:67:9: warning: only 15 min from osaka to Suita between \"Lunch\" (ends 12:00) \
             and \"KENTO\" (starts 12:15) for Sauro Vicini; the route takes 40 min"
        ),
        format!(
            "{f}:76:9: warning: starts at 09:00, before \"KENTO\" listed above it at 12:15 on \
             2026-10-24; visits of a day are shown in file order"
        ),
        format!(
            "{f}:87:9: warning: 02:30 happens twice in Europe/Rome on 2026-10-25 (clocks go \
             back at 03:00): read as the first, 02:30 CEST (00:30 UTC), not 02:30 CET (01:30 UTC)"
        ),
        format!(
            "{f}:105:9: warning: only 30 min from Kyoto to Keihanna between \
             \"Kyoto Prefectural Government\" (ends 15:00) and \"Keihanna Science City\" \
             (starts 15:30) for Sauro Vicini and BIOCAT representative; \
             a change of city takes 45 min (travel_buffer)"
        ),
        format!("{f}: 7 warnings, 1 note"),
    ];
    assert_eq!(stdout(&out).lines().collect::<Vec<_>>(), expected);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_time_that_does_not_exist_fails_the_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("m.toml"),
        "format = 1\n\n[mission]\ntitle = \"Spring\"\nstart = 2026-03-29\nend = 2026-03-29\n\
         timezone = \"Europe/Rome\"\n\n[[visits]]\ndate = 2026-03-29\nstart = 02:30:00\n\
         title = \"Early train\"\n",
    )
    .expect("write");
    let out = itinera_in(dir.path(), &["check", "m.toml"]);
    assert_eq!(
        stdout(&out),
        "m.toml:11:9: error: 02:30 does not exist in Europe/Rome on 2026-03-29 (clocks go \
         forward at 02:00); write 03:30 or 01:30\nm.toml: 1 error\n"
    );
    assert_eq!(out.status.code(), Some(1));
    // The file still exports (an error of the plan, not of the file),
    // and the export says it on standard error.
    let export = itinera_in(dir.path(), &["export", "m.toml"]);
    assert_eq!(export.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&export.stderr),
        "m.toml:11:9: error: 02:30 does not exist in Europe/Rome on 2026-03-29 (clocks go \
         forward at 02:00); write 03:30 or 01:30\n"
    );
}

#[test]
fn the_samples_routes_say_how_long_a_city_change_takes() {
    let text = include_str!("../data/clust-er-health-japan-2022.toml");
    let mut mission = itinera::file::parse(text).expect("valid").mission;
    assert!(itinera::domain::problems::Problems::build(&mission).is_empty());
    let kento = mission
        .visits
        .iter_mut()
        .find(|v| v.id.as_deref() == Some("kento"))
        .expect("the KENTO visit");
    kento.start = chrono::NaiveTime::from_hms_opt(13, 30, 0);
    let problems = itinera::domain::problems::Problems::build(&mission);
    let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "only 30 min from Osaka to Suita between \"Lunch\" (ends 13:00) and \
          \"Northern Osaka Health and Biomedical Innovation Town (KENTO)\" (starts 13:30) \
          for Sauro Vicini, Emilia-Romagna Region representative, BIOCAT representative and \
          Catalonia representative; the route takes 40 min"
        ]
    );
}
