//! A corpus of malformed mission files (`tests/fixtures/invalid/`) and the
//! exact problems itinera reports for each: line, column, severity and
//! message, all of them, in file order.
//!
//! A case whose expected lines hold an error must fail to load; a case with
//! warnings only must load and report those warnings.

mod invalid_more;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// (fixture file, expected `check` lines without the `FILE:` prefix)
const CASES: &[(&str, &[&str])] = &[
    // --- TOML syntax --------------------------------------------------------
    (
        "syntax_unclosed_string.toml",
        &["4:34: error: invalid TOML: invalid basic string, expected `\"`"],
    ),
    (
        "syntax_missing_equals.toml",
        &["10:7: error: invalid TOML: key with no value, expected `=`"],
    ),
    // Every syntax error up to the first one in the file's structure, in
    // file order: a broken value is not hidden by a later structure error.
    (
        "syntax_two_errors.toml",
        &[
            "4:34: error: invalid TOML: invalid basic string, expected `\"`",
            "10:7: error: invalid TOML: key with no value, expected `=`",
        ],
    ),
    (
        "syntax_value_before_structure.toml",
        &[
            "5:9: error: invalid TOML: invalid date, expected day between 01 and 30",
            "11:40: error: invalid TOML: unexpected key or value, expected newline, `#`",
        ],
    ),
    // What follows a structure error is not reported: an unclosed `{`
    // would make every later line "missing a comma".
    (
        "syntax_unclosed_inline_table.toml",
        &["12:1: error: invalid TOML: missing comma between key-value pairs, expected `,`"],
    ),
    // The NUL byte itself, not the comma the reader then missed a line
    // below.
    (
        "nul_byte_in_list.toml",
        &[
            "12:15: error: invalid TOML: control character U+0000 (NUL) is not allowed in a TOML file; remove it",
        ],
    ),
    (
        "syntax_duplicate_key.toml",
        &["9:1: error: duplicate key `start`: it is already set earlier in this table (line 5)"],
    ),
    (
        "duplicate_mission_table.toml",
        &[
            "8:1: error: table [mission] is defined twice (first on line 3); put all its keys under one [mission]",
        ],
    ),
    (
        "native_date_feb_30.toml",
        &["9:8: error: invalid TOML: invalid date, expected day between 01 and 28"],
    ),
    (
        "time_single_digit_hour.toml",
        &["10:9: error: invalid TOML: invalid time, expected a two-digit hour (HH)"],
    ),
    // --- Required fields ----------------------------------------------------
    (
        "missing_title.toml",
        &["3:1: error: [mission] is missing required field `title`"],
    ),
    (
        "missing_mission_start.toml",
        &["3:1: error: [mission] is missing required field `start`"],
    ),
    (
        "misspelled_title.toml",
        &[
            "3:1: error: [mission] is missing required field `title`",
            "4:1: warning: unknown key `tittle` in [mission] (did you mean `title`?); it is kept but not used",
        ],
    ),
    (
        "visit_missing_date.toml",
        &["8:1: error: [[visits]] is missing required field `date`"],
    ),
    (
        "visit_missing_title.toml",
        &["8:1: error: [[visits]] is missing required field `title`"],
    ),
    (
        "participant_missing_id.toml",
        &["8:1: error: [[participants]] is missing required field `id`"],
    ),
    (
        "participant_missing_name.toml",
        &["8:1: error: [[participants]] is missing required field `name`"],
    ),
    // --- Wrong types --------------------------------------------------------
    (
        "title_not_string.toml",
        &["4:9: error: `title` must be a string, not an integer"],
    ),
    (
        "participants_not_list.toml",
        &["15:16: error: `participants` must be a list of strings, not a string"],
    ),
    (
        "tag_not_string.toml",
        &["11:17: error: `tags` must be a list of strings; this item is an integer"],
    ),
    (
        "start_is_boolean.toml",
        &["10:9: error: `start` must be a time like 09:30, not a boolean"],
    ),
    // --- Dates and times ----------------------------------------------------
    (
        "bad_date_month_13.toml",
        &["9:8: error: `date`: there is no date 2022-13-01 (months go from 01 to 12)"],
    ),
    (
        "datetime_for_date.toml",
        &["9:8: error: `date` must be a date like 2022-11-14, not a date-time"],
    ),
    (
        "bad_time_dot.toml",
        &["10:9: error: invalid time \"9.30\" for `start`: expected HH:MM, like 09:30"],
    ),
    (
        "date_for_time.toml",
        &["10:9: error: `start` must be a time like 09:30, not a date; the date goes in `date`"],
    ),
    (
        "datetime_for_time.toml",
        &[
            "10:9: error: `start` must be a time like 09:30, not a date-time; the date goes in `date`",
        ],
    ),
    (
        "time_hour_25.toml",
        &["11:7: error: invalid time \"25:00\" for `end`: expected HH:MM, like 09:30"],
    ),
    (
        "end_before_start.toml",
        &[
            "11:7: error: the visit ends at 13:30, before it starts (14:00); for an item past midnight set `end_date`",
        ],
    ),
    (
        "end_before_start_with_end_date.toml",
        &[
            "12:7: error: the visit ends at 06:00, before it starts (22:00); `end_date` is the same day as `date`, but an item past midnight needs the next day (2022-11-16)",
        ],
    ),
    (
        "end_equals_start.toml",
        &["11:7: error: the visit ends when it starts (12:00); correct `end`, or remove it"],
    ),
    (
        "end_without_start.toml",
        &["10:7: error: `end` needs a `start`: give the start time too, or remove `end`"],
    ),
    (
        "end_date_before_date.toml",
        &["10:12: error: `end_date` 2022-11-15 is before the visit's date 2022-11-16"],
    ),
    (
        "mission_end_before_start.toml",
        &["6:7: error: the mission ends on 2022-11-14, before it starts (2022-11-18)"],
    ),
    // Every day of a mission is laid out: a slip in the year must not make
    // it 8,000 years long.
    (
        "mission_too_long.toml",
        &[
            "6:7: error: the mission is 2913587 days long (2022-11-14 to 9999-12-31); itinera plans missions of up to 1096 days (3 years)",
        ],
    ),
    // --- References, ids and uniqueness -------------------------------------
    (
        "unknown_participant_close.toml",
        &["19:27: error: unknown participant id \"vicinni\" (did you mean \"vicini\"?)"],
    ),
    (
        "unknown_participant_far.toml",
        &["15:27: error: unknown participant id \"tanaka\" (ids come from [[participants]])"],
    ),
    (
        "participant_listed_twice.toml",
        &["19:37: error: participant \"vicini\" is listed twice"],
    ),
    // A list longer than the ones searched, so hashed.
    (
        "participant_listed_twice_in_a_long_list.toml",
        &["83:139: error: participant \"biocat\" is listed twice"],
    ),
    // The order of a day's visits is one of the plan's checks, which run
    // on a mission that loads: a file with an error gets its errors first.
    (
        "out_of_order_after_a_visit_with_an_error.toml",
        &["12:17: error: unknown participant id \"tanaka\" (ids come from [[participants]])"],
    ),
    // A file that is not loaded still says which visits are outside its
    // dates, also when its only error is found while reading it.
    (
        "outside_dates_with_a_reading_error.toml",
        &[
            "1:1: error: missing `format = 1` at the top of the file",
            "7:8: warning: visit on 2022-11-20 is outside the mission's dates (2022-11-14 to 2022-11-18)",
        ],
    ),
    (
        "duplicate_participant_id.toml",
        &["13:6: error: duplicate participant id \"catalonia\" (first used on line 9)"],
    ),
    (
        "duplicate_visit_id.toml",
        &["14:6: error: duplicate visit id \"lunch\" (first used on line 9)"],
    ),
    (
        "duplicate_day_date.toml",
        &[
            "13:8: error: a [[days]] entry for 2022-11-15 already exists (line 9); write one per date",
        ],
    ),
    (
        "invalid_id_characters.toml",
        &[
            "9:6: error: invalid participant id \"sauro vicini\": use letters, digits, '-' and '_'",
            "13:6: error: invalid visit id \"osaka/government\": use letters, digits, '-' and '_'",
        ],
    ),
    // --- Time zones ---------------------------------------------------------
    (
        "unknown_timezone_close.toml",
        &["7:12: error: unknown time zone \"Asia/Tokio\" (did you mean \"Asia/Tokyo\"?)"],
    ),
    (
        "unknown_timezone_far.toml",
        &[
            "8:17: error: unknown time zone \"Central European Time\" (use an IANA name like \"Asia/Tokyo\")",
        ],
    ),
    // Japan Standard Time is not US Eastern Standard Time: no suggestion
    // for a word that short.
    (
        "unknown_timezone_abbreviation.toml",
        &["7:12: error: unknown time zone \"JST\" (use an IANA name like \"Asia/Tokyo\")"],
    ),
    // --- File structure -----------------------------------------------------
    (
        "unsupported_format.toml",
        &["1:10: error: unsupported format 2: this version of itinera reads format 1"],
    ),
    (
        "missing_format.toml",
        &["1:1: error: missing `format = 1` at the top of the file"],
    ),
    (
        "missing_mission.toml",
        &[
            "1:1: error: missing [mission] table (title, start and end of the mission)",
            "3:1: warning: unknown key `title` in the top level; it is kept but not used",
            "4:1: warning: unknown key `start` in the top level; it is kept but not used",
            "5:1: warning: unknown key `end` in the top level; it is kept but not used",
        ],
    ),
    (
        "mission_array_of_tables.toml",
        &["3:1: error: `mission` must be a table, written [mission], not an array of tables"],
    ),
    (
        "visits_single_table.toml",
        &["8:1: error: `visits` must be tables written [[visits]], not a table"],
    ),
    // --- Several problems: all reported, in file order -----------------------
    (
        "several_errors.toml",
        &[
            "7:12: error: unknown time zone \"Asia/Tokio\" (did you mean \"Asia/Tokyo\"?)",
            "16:7: error: the visit ends at 14:00, before it starts (15:00); for an item past midnight set `end_date`",
            "18:17: error: unknown participant id \"vicinni\" (did you mean \"vicini\"?)",
            "22:9: error: `title` must not be empty",
            "23:8: warning: unknown kind \"flight\" (read as \"other\"); kinds are meeting, visit, presentation, travel, meal, other",
        ],
    ),
    // An error elsewhere in [mission] does not hide the dates' warnings.
    (
        "outside_dates_with_header_error.toml",
        &[
            "7:12: error: unknown time zone \"Asia/Tokio\" (did you mean \"Asia/Tokyo\"?)",
            "10:8: warning: visit on 2022-11-13 is outside the mission's dates (2022-11-14 to 2022-11-18)",
        ],
    ),
    // --- Warnings only: the file loads ----------------------------------------
    (
        "warning_visit_outside_dates.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-14 (Monday)",
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "9:8: warning: visit on 2022-11-13 is outside the mission's dates (2022-11-14 to 2022-11-18)",
        ],
    ),
    (
        "warning_day_outside_dates.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-14 (Monday)",
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "9:8: note: nothing is planned on 2022-11-18 (Friday)",
            "13:8: warning: day on 2022-11-19 is outside the mission's dates (2022-11-14 to 2022-11-18)",
        ],
    ),
    (
        "warning_visits_out_of_order.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "3:1: note: nothing is planned on 2022-11-18 (Friday)",
            "15:9: warning: starts at 10:00, before \"KENTO\" listed above it at 14:00 on 2022-11-14; visits of a day are shown in file order",
        ],
    ),
    (
        "warning_unknown_key.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "3:1: note: nothing is planned on 2022-11-18 (Friday)",
            "7:1: warning: unknown key `organiser` in [mission] (did you mean `organizer`?); it is kept but not used",
            "12:1: warning: unknown key `budget` in [[visits]]; it is kept but not used",
        ],
    ),
    (
        "warning_unknown_kind.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "3:1: note: nothing is planned on 2022-11-18 (Friday)",
            "11:8: warning: unknown kind \"lunch\" (read as \"other\"); kinds are meeting, visit, presentation, travel, meal, other",
        ],
    ),
    (
        "warning_unknown_status.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-14 (Monday)",
            "3:1: note: nothing is planned on 2022-11-15 (Tuesday)",
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-18 (Friday)",
            "11:10: warning: unknown status \"postponed\" (read as \"confirmed\"); statuses are confirmed, tentative, cancelled",
        ],
    ),
    // Case is ignored before looking for a close word.
    (
        "warning_kind_status_close.toml",
        &[
            "3:1: note: nothing is planned on 2022-11-16 (Wednesday)",
            "3:1: note: nothing is planned on 2022-11-17 (Thursday)",
            "3:1: note: nothing is planned on 2022-11-18 (Friday)",
            "11:8: warning: unknown kind \"Meetng\" (did you mean \"meeting\"?); read as \"other\"",
            "12:10: warning: unknown status \"tentatve\" (did you mean \"tentative\"?); read as \"confirmed\"",
            "17:10: warning: unknown status \"confrimed\" (did you mean \"confirmed\"?); read as \"confirmed\"",
        ],
    ),
    // --- Bytes, encodings and line ends ---------------------------------------
    (
        "not_utf8.toml",
        &["4:22: error: file is not UTF-8 text (byte 0xE9 at offset 43); save it as UTF-8"],
    ),
    (
        "empty.toml",
        &[
            "1:1: error: file is empty: a mission file starts with `format = 1` and a [mission] table",
        ],
    ),
    (
        "bom_only.toml",
        &[
            "1:1: error: file is empty: a mission file starts with `format = 1` and a [mission] table",
        ],
    ),
    // The byte-order mark is not a column: `"1"` is the 10th character.
    (
        "bom_with_error.toml",
        &[
            "1:10: error: `format` must be an integer, not a string",
            "6:7: error: `end`: there is no date 2022-11-31 (November 2022 has 30 days)",
        ],
    ),
    (
        "crlf_with_error.toml",
        &["10:9: error: invalid time \"10h00\" for `start`: expected HH:MM, like 09:30"],
    ),
    // Columns count characters, not bytes.
    (
        "cjk_before_syntax_error.toml",
        &["10:15: error: invalid TOML: unexpected key or value, expected newline, `#`"],
    ),
    (
        "accented_before_error.toml",
        &[
            "15:27: error: unknown participant id \"dupont\" (ids come from [[participants]])",
            "16:26: error: `tags` must be a list of strings; this item is an integer",
        ],
    ), // --- Routes, minutes and zones ---------------------------------------------
    (
        "routes_invalid.toml",
        &[
            "7:17: error: `travel_buffer` must be a number of minutes from 0 to 1440, not -5",
            "14:11: error: `between` must name two cities, like [\"Osaka\", \"Suita\"], not one",
            "18:11: error: `between` names \"Osaka\" twice; a route joins two different cities",
            "23:11: error: `minutes` must be a number of minutes from 1 to 1440, not 0",
            "26:11: error: a route between \"SUITA\" and \"Osaka\" already exists (line 22); write one per pair of cities",
            "30:21: error: a city in `between` must not be empty",
            "31:11: error: `minutes` must be an integer, not a string",
            "33:1: error: [[routes]] is missing required field `between`",
            "34:11: error: `minutes` must be a number of minutes from 1 to 1440, not 1441",
        ],
    ),
    // Times in two zones are compared in real time.
    (
        "end_before_start_in_other_zone.toml",
        &[
            "12:7: error: the visit ends at 06:00 in Asia/Tokyo (22:00 -1d in Europe/Rome), before it starts (10:00 in Europe/Rome); check `end`, `end_date` and the zones",
        ],
    ),
];

/// Every case: [`CASES`], then [`invalid_more::MORE`].
fn all_cases() -> impl Iterator<Item = &'static (&'static str, &'static [&'static str])> {
    CASES.iter().chain(invalid_more::MORE)
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid")
}

fn fixture_bytes(name: &str) -> Vec<u8> {
    let path = fixtures_dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// What the loader says about `bytes`: whether it loaded, and the `check`
/// lines without the file name prefix (the plan's problems too, such as
/// the days the fixture leaves empty).
fn problems(bytes: &[u8]) -> (bool, Vec<String>) {
    let (loaded, rendered) = match itinera::file::parse_bytes(bytes) {
        Err((text, report)) => (false, report.render("F", &text)),
        Ok(parsed) => {
            let text = std::str::from_utf8(bytes).expect("a file that loads is UTF-8");
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            (true, parsed.check_report().render("F", text))
        }
    };
    let lines = rendered
        .lines()
        .map(|line| {
            line.strip_prefix("F:")
                .unwrap_or_else(|| panic!("line without the file name prefix: {line:?}"))
                .to_string()
        })
        .collect();
    (loaded, lines)
}

fn is_error_line(line: &str) -> bool {
    line.contains(": error: ")
}

#[test]
fn every_fixture_reports_exactly_the_expected_problems() {
    let mut failures = Vec::new();
    for &(name, expected) in all_cases() {
        let (loaded, actual) = problems(&fixture_bytes(name));
        let should_load = !expected.iter().any(|line| is_error_line(line));
        if loaded != should_load || actual != expected {
            failures.push(format!(
                "{name}: {}\n  expected:\n{}\n  actual:\n{}",
                match (should_load, loaded) {
                    (true, false) => "should load with warnings, but failed",
                    (false, true) => "should fail to load, but loaded",
                    _ => "problems differ",
                },
                indent(expected.iter().copied()),
                indent(actual.iter().map(String::as_str)),
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures differ:\n\n{}",
        failures.len(),
        all_cases().count(),
        failures.join("\n\n")
    );
}

fn indent<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let out: Vec<String> = lines.map(|l| format!("    {l}")).collect();
    if out.is_empty() {
        "    (nothing)".to_string()
    } else {
        out.join("\n")
    }
}

#[test]
fn every_fixture_is_in_the_table() {
    let on_disk: BTreeSet<String> = std::fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/invalid/ is readable")
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .into_string()
                .expect("fixture names are UTF-8")
        })
        .filter(|name| name.ends_with(".toml"))
        .collect();
    let mut in_table = BTreeSet::new();
    for &(name, _) in all_cases() {
        assert!(
            in_table.insert(name.to_string()),
            "{name} is twice in CASES"
        );
    }
    let unchecked: Vec<_> = on_disk.difference(&in_table).collect();
    let missing: Vec<_> = in_table.difference(&on_disk).collect();
    assert!(
        unchecked.is_empty() && missing.is_empty(),
        "fixtures not in CASES: {unchecked:?}; CASES without a fixture: {missing:?}"
    );
    let cases = all_cases().count();
    assert!(cases >= 110, "the corpus has {cases} cases");
}

/// The fixtures whose point is their bytes still have them (an editor or a
/// checkout that converts line ends or encodings would defeat them).
#[test]
fn byte_level_fixtures_keep_their_bytes() {
    assert!(fixture_bytes("empty.toml").is_empty());
    assert_eq!(fixture_bytes("bom_only.toml"), b"\xef\xbb\xbf");
    assert!(fixture_bytes("bom_with_error.toml").starts_with(b"\xef\xbb\xbfformat"));
    assert!(std::str::from_utf8(&fixture_bytes("not_utf8.toml")).is_err());
    assert!(fixture_bytes("nul_byte_in_list.toml").contains(&0));
    let crlf = fixture_bytes("crlf_with_error.toml");
    let newlines = crlf.iter().filter(|&&b| b == b'\n').count();
    let crlfs = crlf.windows(2).filter(|w| w == b"\r\n").count();
    assert!(newlines > 0 && crlfs == newlines, "every line ends in CRLF");
    for name in ["cjk_before_syntax_error.toml", "accented_before_error.toml"] {
        let bytes = fixture_bytes(name);
        let text = std::str::from_utf8(&bytes).expect("UTF-8");
        assert!(!text.is_ascii(), "{name} has non-ASCII text");
        assert!(!text.contains('\r'), "{name} has LF line ends");
    }
    assert!(fixture_bytes("utf16_le_bom.toml").starts_with(b"\xff\xfef\0"));
    assert!(fixture_bytes("utf16_be_bom.toml").starts_with(b"\xfe\xff\0f"));
    assert!(fixture_bytes("utf32_le_bom.toml").starts_with(b"\xff\xfe\0\0f\0\0\0"));
    assert!(fixture_bytes("utf16_le_without_bom.toml").starts_with(b"f\0o\0"));
    assert!(fixture_bytes("bom_twice.toml").starts_with(b"\xef\xbb\xbf\xef\xbb\xbfformat"));
    for (name, bytes) in [
        ("latin1_title.toml", &b"\xe0"[..]),
        ("windows1252_quotes.toml", b"\x93"),
        ("overlong_slash.toml", b"\xc0\xaf"),
        ("overlong_nul.toml", b"\xc0\x80"),
        ("lone_surrogate_bytes.toml", b"\xed\xa0\x80"),
        ("esc_in_title.toml", b"\x1b"),
        ("del_in_title.toml", b"\x7f"),
        ("nbsp_before_equals.toml", b"\xc2\xa0"),
        ("bom_in_a_line.toml", b"\"\xef\xbb\xbf\n"),
    ] {
        let fixture = fixture_bytes(name);
        assert!(
            fixture.windows(bytes.len()).any(|w| w == bytes),
            "{name} holds {bytes:x?}"
        );
    }
    let cr = fixture_bytes("cr_line_ends.toml");
    assert!(
        cr.contains(&b'\r') && !cr.contains(&b'\n'),
        "only CR line ends"
    );
}

/// Kinds and statuses in any case, with spaces around, and the US spelling
/// "canceled" are the words meant: no warning.
#[test]
fn kind_and_status_words_are_read_as_meant() {
    let text = "format = 1\n\
                [mission]\n\
                title = \"T\"\n\
                start = 2022-11-14\n\
                end = 2022-11-18\n\
                [[visits]]\n\
                date = 2022-11-14\n\
                title = \"A\"\n\
                kind = \"Meeting\"\n\
                status = \" Tentative \"\n\
                [[visits]]\n\
                date = 2022-11-14\n\
                title = \"B\"\n\
                kind = \"MEAL\"\n\
                status = \"canceled\"\n";
    let parsed = itinera::file::parse(text).expect("loads");
    assert!(parsed.report.diagnostics.is_empty(), "{:?}", parsed.report);
    use itinera::domain::{Kind, Status};
    let visits = &parsed.mission.visits;
    assert_eq!(
        (visits[0].kind, visits[0].status),
        (Kind::Meeting, Status::Tentative)
    );
    assert_eq!(
        (visits[1].kind, visits[1].status),
        (Kind::Meal, Status::Cancelled)
    );
}

const TEN_MB: usize = 10 << 20;

#[test]
fn a_ten_megabyte_line_is_a_clear_error() {
    // The whole file is one line.
    let mut one_line = b"title = \"".to_vec();
    one_line.resize(one_line.len() + TEN_MB, b'x');
    one_line.push(b'"');
    let (loaded, lines) = problems(&one_line);
    assert!(!loaded);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("1:1: error: line is "),
        "{:?}",
        lines[0]
    );
    assert!(
        lines[0].contains(&format!("line is {} bytes long", one_line.len())),
        "{:?}",
        lines[0]
    );

    // A mission whose summary was pasted as one huge line.
    let mut mission =
        b"format = 1\n\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\nsummary = \""
            .to_vec();
    mission.resize(mission.len() + TEN_MB, b'y');
    mission.extend_from_slice(b"\"\n");
    let (loaded, lines) = problems(&mission);
    assert!(!loaded);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with("7:1: error: line is "),
        "{:?}",
        lines[0]
    );
}

#[test]
fn check_prints_problems_and_a_summary_and_sets_the_exit_code() {
    for (name, code, summary) in [
        ("several_errors.toml", 1, "4 errors, 1 warning"),
        ("misspelled_title.toml", 1, "1 error, 1 warning"),
        ("crlf_with_error.toml", 1, "1 error"),
        ("warning_unknown_key.toml", 0, "2 warnings, 4 notes"),
    ] {
        let path = fixtures_dir().join(name);
        let shown = path.display().to_string();
        let output = Command::new(env!("CARGO_BIN_EXE_itinera"))
            .arg("check")
            .arg(&path)
            .output()
            .expect("itinera runs");
        let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(code),
            "{name}: exit status\nstdout:\n{stdout}\nstderr:\n{stderr}"
        );
        let (_, expected) = CASES
            .iter()
            .find(|(n, _)| *n == name)
            .expect("the fixture is in CASES");
        let mut want: Vec<String> = expected.iter().map(|l| format!("{shown}:{l}")).collect();
        want.push(format!("{shown}: {summary}"));
        let got: Vec<&str> = stdout.lines().collect();
        assert_eq!(got, want, "{name}: stdout\nstderr:\n{stderr}");
        if code == 1 {
            assert!(
                got.iter().any(|l| {
                    l.strip_prefix(&format!("{shown}:")).is_some_and(|rest| {
                        let mut parts = rest.splitn(3, ':');
                        let line = parts.next().unwrap_or_default();
                        let col = parts.next().unwrap_or_default();
                        let tail = parts.next().unwrap_or_default();
                        line.parse::<usize>().is_ok()
                            && col.parse::<usize>().is_ok()
                            && tail.starts_with(" error: ")
                    })
                }),
                "{name}: no PATH:LINE:COL: error: line in\n{stdout}"
            );
        }
        assert!(stderr.is_empty(), "{name}: stderr:\n{stderr}");
    }
}

const HEAD: &str = "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";

/// Runs `itinera check` on `text`, written to a file named `m.toml` in a
/// temporary directory; the exit code and stdout.
fn check_text(text: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("m.toml"), text).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["check", "m.toml"])
        .current_dir(dir.path())
        .output()
        .expect("itinera runs");
    let stdout = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    (output.status.code(), stdout)
}

#[test]
fn check_prints_the_first_thousand_problems_and_counts_the_rest() {
    // 1,004 visits, each with an unknown key; the last three also with an
    // unknown kind, the very last with an empty title.
    let mut text = HEAD.to_string();
    for i in 0..1_004 {
        text.push_str(&format!(
            "[[visits]]\ndate = 2022-11-14\ntitle = \"V{i}\"\nnote = 1\n"
        ));
    }
    text.push_str("kind = \"workshop\"\n[[visits]]\ndate = 2022-11-14\ntitle = \"\"\n");
    let (code, stdout) = check_text(&text);
    assert_eq!(code, Some(1), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        1_002,
        "{}",
        lines[lines.len() - 3..].join("\n")
    );
    assert_eq!(
        lines[0],
        "m.toml:9:1: warning: unknown key `note` in [[visits]] (did you mean `notes`?); it is kept but not used"
    );
    assert_eq!(
        lines[999],
        "m.toml:4005:1: warning: unknown key `note` in [[visits]] (did you mean `notes`?); it is kept but not used"
    );
    assert_eq!(
        lines[1_000..],
        [
            "... and 6 more problems (1 error, 5 warnings)",
            "m.toml: 1 error, 1005 warnings",
        ]
    );
}

#[test]
fn a_long_value_is_quoted_only_in_part() {
    let key = "k".repeat(1_000_000);
    let id = format!("ü{}", "x".repeat(200));
    let text = format!(
        "{HEAD}{key} = 1\n[[participants]]\nid = \"a\"\nname = \"A\"\n\
         [[visits]]\ndate = 2022-11-14\ntitle = \"V\"\nparticipants = [\"{id}\"]\n"
    );
    let (code, stdout) = check_text(&text);
    assert_eq!(code, Some(1), "{stdout}");
    assert_eq!(
        stdout,
        format!(
            "m.toml:6:1: warning: unknown key `{}…` in [mission]; it is kept but not used\n\
             m.toml:13:17: error: unknown participant id \"ü{}…\" (ids come from [[participants]])\n\
             m.toml: 1 error, 1 warning\n",
            "k".repeat(60),
            "x".repeat(59),
        )
    );
}
