//! `itinera import`: the real binary on real files. An export imported
//! into an empty mission gives back its visits; a second import changes
//! no byte; events outside the dates are named with their line; a broken
//! file is an error at its line; the mission keeps its comments.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use itinera::domain::{Mission, Visit};
use itinera::export::place;

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");
const FEATURES: &str = include_str!("fixtures/valid/features.toml");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .env("SOURCE_DATE_EPOCH", "1667260800")
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run itinera")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// A mission file written into `dir`.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write");
    path
}

/// The iCalendar export of the mission file `mission`, in `dir`.
fn export_ics(dir: &Path, mission: &Path) -> PathBuf {
    let out = dir.join("events.ics");
    let done = run(&["export", path(mission), "--format", "ics", "-o", path(&out)]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    out
}

fn import(events: &Path, mission: &Path, more: &[&str]) -> Output {
    let mut args = vec!["import", path(events), "--into", path(mission)];
    args.extend_from_slice(more);
    run(&args)
}

fn mission_at(path: &Path) -> Mission {
    let parsed = itinera::file::parse(&std::fs::read_to_string(path).expect("read"))
        .unwrap_or_else(|r| panic!("{r:?}"));
    assert_eq!(parsed.report.diagnostics, [], "{}", path.display());
    parsed.mission
}

/// An empty mission with the dates and zone of `text`'s mission.
fn empty_like(text: &str) -> String {
    let m = itinera::file::parse(text).expect("valid").mission;
    format!(
        "format = 1\n\n[mission]\ntitle = \"Copy\"\nstart = {}\nend = {}\ntimezone = \"{}\"\n",
        m.header.start,
        m.header.end,
        m.header.timezone.map_or("UTC", |tz| tz.name())
    )
}

/// What a visit says to a delegate's calendar, compared after a round
/// trip: title, dates, times, place, notes, status.
fn seen(v: &Visit) -> String {
    format!(
        "{} | {} {:?} {:?}-{:?} | {} | {:?} | {}",
        v.title,
        v.date,
        v.end_date,
        v.start,
        v.end,
        place(v),
        v.notes.as_deref().map(str::trim),
        v.status.as_str()
    )
}

#[test]
fn an_export_imported_into_an_empty_mission_gives_back_its_visits() {
    for (name, source) in [("sample", SAMPLE), ("features", FEATURES)] {
        let dir = tempfile::tempdir().expect("temp dir");
        let original = write(dir.path(), "original.toml", source);
        let events = export_ics(dir.path(), &original);
        let copy = write(dir.path(), "copy.toml", &empty_like(source));
        let done = import(&events, &copy, &[]);
        assert!(done.status.success(), "{name}: {}", text(&done.stderr));
        assert_eq!(text(&done.stderr), "", "{name}: nothing left out");

        let before: Vec<String> = mission_at(&original).visits.iter().map(seen).collect();
        let after = mission_at(&copy);
        let after_seen: Vec<String> = after.visits.iter().map(seen).collect();
        assert_eq!(after_seen, before, "{name}");
        // And the visits keep their ids, so the copy's export has the
        // original's UIDs (apart from the mission's name).
        let original_ids = mission_at(&original).visit_ids();
        assert_eq!(after.visit_ids(), original_ids, "{name}");
    }
}

#[test]
fn importing_the_same_file_twice_changes_nothing_the_second_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = write(dir.path(), "original.toml", FEATURES);
    let events = export_ics(dir.path(), &original);
    let copy = write(dir.path(), "copy.toml", &empty_like(FEATURES));
    assert!(import(&events, &copy, &[]).status.success());
    let first = std::fs::read(&copy).expect("read");

    let again = import(&events, &copy, &[]);
    assert!(again.status.success());
    assert_eq!(
        std::fs::read(&copy).expect("read"),
        first,
        "not a byte changed"
    );
    assert_eq!(
        text(&again.stdout),
        format!(
            "{}: 5 events: 0 added, 0 updated, 5 unchanged, 0 not imported\n\
             {} already holds these events; nothing written.\n",
            events.display(),
            copy.display()
        )
    );
    // The export imported into the mission it came from changes nothing
    // either.
    let before = std::fs::read(&original).expect("read");
    assert!(import(&events, &original, &[]).status.success());
    assert_eq!(std::fs::read(&original).expect("read"), before);
}

/// Events from another calendar: one in Rome's time, one in UTC, one
/// all-day over two days, one outside the mission's dates, one that
/// repeats, and one without a UID.
const INVITATIONS: &str = "BEGIN:VCALENDAR\r\n\
VERSION:2.0\r\n\
PRODID:-//Example Corp//Calendar//EN\r\n\
BEGIN:VEVENT\r\n\
UID:040000008200E00074C5B7101A82E008@example.com\r\n\
DTSTART;TZID=\"Europe/Rome\":20261214T020000\r\n\
DTEND;TZID=\"Europe/Rome\":20261214T033000\r\n\
SUMMARY:Call with\r\n  the region\r\n\
LOCATION:Osaka Prefectural Office\\, 2 Otemae\\, Chuo-ku\\, Osaka\r\n\
DESCRIPTION:Agenda:\\n1. Expo\\n2. Health\r\n\
STATUS:TENTATIVE\r\n\
CATEGORIES:Meeting,expo\r\n\
BEGIN:VALARM\r\n\
ACTION:DISPLAY\r\n\
DESCRIPTION:Reminder\r\n\
END:VALARM\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:dinner-42@example.com\r\n\
DTSTART:20261214T100000Z\r\n\
DURATION:PT2H\r\n\
SUMMARY:Welcome dinner\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:expo@example.com\r\n\
DTSTART;VALUE=DATE:20261215\r\n\
DTEND;VALUE=DATE:20261217\r\n\
SUMMARY:Expo site days\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:late@example.com\r\n\
DTSTART:20261220T090000Z\r\n\
SUMMARY:Debrief in Brussels\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
UID:weekly@example.com\r\n\
DTSTART:20261214T000000Z\r\n\
RRULE:FREQ=WEEKLY\r\n\
SUMMARY:Weekly sync\r\n\
END:VEVENT\r\n\
BEGIN:VEVENT\r\n\
DTSTART:20261216T120000\r\n\
SUMMARY:Lunch\r\n\
END:VEVENT\r\n\
END:VCALENDAR\r\n";

/// A mission with comments the import must keep.
const COMMENTED: &str = "# Our December trip.\n\
format = 1\n\
\n\
[mission]\n\
title = \"Osaka in December\"  # the working title\n\
start = 2026-12-14\n\
end = 2026-12-16\n\
timezone = \"Asia/Tokyo\"\n\
\n\
# --- Monday ---\n\
\n\
[[visits]]\n\
date = 2026-12-14\n\
start = 09:00:00\n\
title = \"Breakfast briefing\"  # at the hotel\n";

#[test]
fn other_calendars_events_are_converted_and_those_left_out_named_by_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let events = write(dir.path(), "invitations.ics", INVITATIONS);
    let mission = write(dir.path(), "m.toml", COMMENTED);
    let done = import(&events, &mission, &[]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    let name = events.display();
    assert_eq!(
        text(&done.stderr),
        format!(
            "{name}:31: warning: \"Debrief in Brussels\" is not imported: Sunday 20 December 2026 \
             is outside the mission's dates (14–16 December 2026)\n\
             {name}:36: warning: \"Weekly sync\" is not imported: it repeats (RRULE, RDATE or \
             RECURRENCE-ID); add its days by hand\n"
        )
    );
    let m = mission.display();
    assert_eq!(
        text(&done.stdout),
        format!(
            "Added: Call with the region (Mon 14 Dec, 10:00–11:30)\n\
             Added: Welcome dinner (Mon 14 Dec, 19:00–21:00)\n\
             Added: Expo site days (Tue 15 Dec, all day)\n\
             Added: Lunch (Wed 16 Dec, 12:00)\n\
             {name}: 6 events: 4 added, 0 updated, 0 unchanged, 2 not imported\n\
             Saved {m} (previous version in {m}.bak).\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(format!("{m}.bak")).expect("bak"),
        COMMENTED
    );
    let saved = std::fs::read_to_string(&mission).expect("read");
    assert!(saved.starts_with(COMMENTED), "comments kept:\n{saved}");
    assert!(
        saved.contains(
            "\n[[visits]]\n\
             uid = \"040000008200E00074C5B7101A82E008@example.com\"\n\
             date = 2026-12-14\n\
             start = 10:00:00\n\
             end = 11:30:00\n\
             title = \"Call with the region\"\n\
             kind = \"meeting\"\n\
             status = \"tentative\"\n\
             venue = \"Osaka Prefectural Office\"\n\
             address = \"2 Otemae, Chuo-ku, Osaka\"\n\
             tags = [\"expo\"]\n\
             notes = \"\"\"\n\
             Agenda:\n\
             1. Expo\n\
             2. Health\"\"\"\n"
        ),
        "{saved}"
    );
    assert!(
        saved.contains("date = 2026-12-15\nend_date = 2026-12-16\ntitle = \"Expo site days\"\n"),
        "{saved}"
    );

    // Imported again, each event finds its visit by its UID (the lunch,
    // without one, by its title and time): nothing changes.
    let again = import(&events, &mission, &[]);
    assert!(again.status.success());
    assert_eq!(std::fs::read_to_string(&mission).expect("read"), saved);
    assert!(
        text(&again.stdout).contains("6 events: 0 added, 0 updated, 4 unchanged, 2 not imported"),
        "{}",
        text(&again.stdout)
    );
    // And the export gives the invitation back its own UID.
    let ics = text(&run(&["export", &m.to_string(), "--format", "ics"]).stdout);
    assert!(
        ics.contains("UID:040000008200E00074C5B7101A82E008@example.com\r\n"),
        "{ics}"
    );
}

#[test]
fn an_event_moved_in_the_calendar_updates_its_visit_and_says_what_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = write(dir.path(), "m.toml", FEATURES);
    let events = export_ics(dir.path(), &original);
    let ics = std::fs::read_to_string(&events)
        .expect("read")
        .replace(
            "DTSTART;TZID=Asia/Tokyo:20260330T093000",
            "DTSTART;TZID=Asia/Tokyo:20260330T100000",
        )
        .replace(
            "DTEND;TZID=Asia/Tokyo:20260330T110000",
            "DTEND;TZID=Asia/Tokyo:20260330T113000",
        );
    std::fs::write(&events, ics).expect("write");
    let dry = import(&events, &original, &["--dry-run"]);
    assert!(dry.status.success());
    assert_eq!(std::fs::read_to_string(&original).expect("read"), FEATURES);
    assert!(
        !dir.path().join("m.toml.bak").exists(),
        "a dry run writes nothing"
    );
    assert_eq!(
        text(&dry.stdout),
        format!(
            "Would update: Osaka Prefectural Government (Mon 30 Mar, 10:00–11:30): start, end\n\
             {}: 5 events: 0 added, 1 updated, 4 unchanged, 0 not imported\n\
             Dry run: {} was not changed.\n",
            events.display(),
            original.display()
        )
    );
    let done = import(&events, &original, &[]);
    assert!(done.status.success());
    let saved = std::fs::read_to_string(&original).expect("read");
    assert_eq!(
        saved,
        FEATURES.replace(
            "start = 09:30:00\nend = 11:00:00",
            "start = 10:00:00\nend = 11:30:00"
        )
    );
}

#[test]
fn a_broken_calendar_is_an_error_at_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mission = write(dir.path(), "m.toml", COMMENTED);
    for (ics, expected) in [
        (
            INVITATIONS.replace("SUMMARY:Welcome dinner", "SUMMARY Welcome dinner"),
            "23:8: error: ' ' cannot be part of a property name; expected NAME:VALUE",
        ),
        (
            INVITATIONS.replace("DTSTART:20261214T100000Z", "DTSTART:2026-12-14 10:00"),
            "21:9: error: DTSTART: \"2026-12-14 10:00\" is not a date and time like \
             20221114T100000",
        ),
        (
            INVITATIONS.replace("END:VCALENDAR\r\n", ""),
            "45:1: error: BEGIN:VCALENDAR on line 1 is never closed by END:VCALENDAR",
        ),
        (
            "not a calendar\n".to_string(),
            "1:4: error: ' ' cannot be part of a property name; expected NAME:VALUE",
        ),
    ] {
        let events = write(dir.path(), "bad.ics", &ics);
        let done = import(&events, &mission, &[]);
        assert_eq!(done.status.code(), Some(1));
        assert_eq!(
            text(&done.stderr),
            format!("{}:{expected}\n", events.display())
        );
        assert_eq!(text(&done.stdout), "");
    }
    let latin1 = dir.path().join("latin1.ics");
    std::fs::write(&latin1, b"BEGIN:VCALENDAR\r\nSUMMARY:Caf\xe9\r\n").expect("write");
    let done = import(&latin1, &mission, &[]);
    assert_eq!(done.status.code(), Some(1));
    assert_eq!(
        text(&done.stderr),
        format!(
            "{}:2:12: error: not UTF-8 text; an iCalendar file is UTF-8\n",
            latin1.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&mission).expect("read"), COMMENTED);
    assert!(!dir.path().join("m.toml.bak").exists());
}

#[test]
fn a_missing_calendar_or_mission_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mission = write(dir.path(), "m.toml", COMMENTED);
    let events = write(dir.path(), "e.ics", INVITATIONS);
    let missing = dir.path().join("missing.ics");
    let done = import(&missing, &mission, &[]);
    assert_eq!(done.status.code(), Some(2));
    assert!(
        text(&done.stderr).starts_with(&format!("error: cannot read {}: ", missing.display())),
        "{}",
        text(&done.stderr)
    );
    let done = import(&events, &dir.path().join("none.toml"), &[]);
    assert_eq!(done.status.code(), Some(2));
    let done = run(&["import", path(&events)]);
    assert_eq!(done.status.code(), Some(2), "--into is required");
    assert!(
        text(&done.stderr).contains("--into <MISSION>"),
        "{}",
        text(&done.stderr)
    );
}

/// The events as calcard, a parser that is not itinera's, reads them:
/// UID, SUMMARY, LOCATION and DESCRIPTION of each VEVENT.
fn calcard_events(ics: &str) -> Vec<[Option<String>; 4]> {
    use calcard::icalendar::{ICalendar, ICalendarComponentType, ICalendarProperty};
    let cal = ICalendar::parse(ics).unwrap_or_else(|e| panic!("calcard: {e:?}"));
    cal.components
        .iter()
        .filter(|c| c.component_type == ICalendarComponentType::VEvent)
        .map(|c| {
            let text = |name: ICalendarProperty| {
                c.property(&name)
                    .and_then(|e| e.values.first())
                    .and_then(|v| v.as_text())
                    .map(|t| t.trim().to_string())
            };
            [
                text(ICalendarProperty::Uid),
                text(ICalendarProperty::Summary),
                text(ICalendarProperty::Location),
                text(ICalendarProperty::Description),
            ]
        })
        .collect()
}

#[test]
fn the_reader_agrees_with_an_independent_parser() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = write(dir.path(), "sample.toml", SAMPLE);
    let exported = std::fs::read_to_string(export_ics(dir.path(), &sample)).expect("read");
    for ics in [exported.as_str(), INVITATIONS] {
        let ours: Vec<[Option<String>; 4]> = itinera::import::events(ics)
            .expect("valid")
            .into_iter()
            .map(|e| [e.uid, e.summary, e.location, e.description])
            .collect();
        let theirs = calcard_events(ics);
        assert!(ours.len() >= 6, "{ours:?}");
        assert_eq!(ours, theirs);
    }
}
