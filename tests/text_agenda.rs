//! The text agenda as a delegate reads it in an e-mail: snapshots of the
//! sample (everyone, one person, one day), the delegation and lodging
//! sections, and cancelled visits left out unless asked for, through the
//! library and the command line.

mod common;

use common::{mission, scope};

use std::process::Command;

use itinera::export::{Scope, agenda};

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

#[test]
fn snapshot_of_the_sample_agenda() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(None, None)));
}

#[test]
fn snapshot_of_one_participants_agenda() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(Some("vicini"), None)));
}

#[test]
fn snapshot_of_one_day() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(None, Some("2022-11-18"))));
}

/// A day with a full lodging, people with their contacts, a visit at a
/// place whose name starts like the city, and a cancelled one.
const DELEGATES: &str = r#"format = 1

[mission]
title = "Oita"
start = 2022-11-15
end = 2022-11-16

[[days]]
date = 2022-11-15
city = "Oita"
lodging = "Hotel Nikko Oita"
lodging_address = "1-1-1 Kanamemachi, Oita"
lodging_phone = "+81 97 000 0000"

[[days]]
date = 2022-11-16
lodging_phone = "+81 97 111 1111"

[[participants]]
id = "rossi"
name = "Maria Rossi"
organization = "Emilia-Romagna Region"
role = "Head of delegation"
email = "m.rossi@example.org"
phone = "+39 051 000 0000"

[[participants]]
id = "tanaka"
name = "Kenji Tanaka"
email = "k.tanaka@example.jp"

[[visits]]
date = 2022-11-15
start = 09:00:00
end = 10:00:00
title = "Bridge inspection"
city = "Oita"
venue = "Oitagawa Bridge"
participants = ["rossi"]

[[visits]]
date = 2022-11-15
start = 11:00:00
title = "Prefecture"
city = "Oita"
address = "3-1-1 Otemachi, Oita"
status = "cancelled"
"#;

#[test]
fn the_delegation_is_listed_with_how_to_reach_each_person() {
    let text = agenda(&mission(DELEGATES), &Scope::default());
    assert!(
        text.contains(
            "\nDelegation\n\
             ----------\n\
             Maria Rossi · Emilia-Romagna Region · Head of delegation · m.rossi@example.org ·\n  \
             +39 051 000 0000\n\
             Kenji Tanaka · k.tanaka@example.jp\n"
        ),
        "{text}"
    );
}

#[test]
fn a_day_shows_its_lodging_with_address_and_phone_under_it() {
    let text = agenda(&mission(DELEGATES), &Scope::default());
    assert!(
        text.contains(
            "Tuesday 15 November 2022 · Oita\n\
             -------------------------------\n\
             Lodging: Hotel Nikko Oita\n         \
             1-1-1 Kanamemachi, Oita\n         \
             Phone: +81 97 000 0000\n\n"
        ),
        "{text}"
    );
    // Only a phone: it carries the label.
    assert!(
        text.contains(
            "Wednesday 16 November 2022\n\
             --------------------------\n\
             Lodging: Phone: +81 97 111 1111\n"
        ),
        "{text}"
    );
}

#[test]
fn the_city_follows_a_place_that_only_starts_with_its_letters() {
    let text = agenda(&mission(DELEGATES), &Scope::default());
    assert!(
        text.contains("  09:00–10:00  Bridge inspection\n               Oitagawa Bridge, Oita\n"),
        "{text}"
    );
}

#[test]
fn cancelled_visits_are_left_out_unless_asked_for() {
    let without = agenda(&mission(DELEGATES), &Scope::default());
    assert!(!without.contains("Prefecture"), "{without}");
    let with = agenda(
        &mission(DELEGATES),
        &Scope {
            include_cancelled: true,
            ..Scope::default()
        },
    );
    // The address names Oita: the city is not said again.
    assert!(
        with.contains(
            "  11:00        [CANCELLED] Prefecture\n               3-1-1 Otemachi, Oita\n"
        ),
        "{with}"
    );
}

fn export(args: &[&str]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("m.toml");
    std::fs::write(&path, DELEGATES).expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .arg("export")
        .arg(&path)
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1667260800")
        .output()
        .expect("run itinera");
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn include_cancelled_works_for_text_and_markdown_and_ics_keeps_them_anyway() {
    assert!(!export(&[]).contains("Prefecture"));
    assert!(export(&["--include-cancelled"]).contains("[CANCELLED] Prefecture"));
    assert!(!export(&["--format", "markdown"]).contains("Prefecture"));
    assert!(
        export(&["--format", "markdown", "--include-cancelled"])
            .contains("- **11:00** [CANCELLED] Prefecture\n")
    );
    for args in [
        &["--format", "ics"][..],
        &["--format", "ics", "--include-cancelled"],
    ] {
        let ics = export(args);
        let event = &ics[ics.find("SUMMARY:Prefecture").expect("the cancelled event")..];
        assert!(event.contains("STATUS:CANCELLED\r\n"), "{ics}");
    }
    assert_eq!(
        export(&["--format", "ics"]),
        export(&["--format", "ics", "--include-cancelled"])
    );
}
