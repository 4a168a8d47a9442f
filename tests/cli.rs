//! The command line as a user meets it: the real binary, its exit codes,
//! what it prints on stdout and stderr, and the files it writes.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::run::{code, itinera_in, stderr, stdout};
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

const SAMPLE_HEADINGS: [&str; 5] = [
    "Monday 14 November 2022 · Osaka",
    "Tuesday 15 November 2022 · Oita",
    "Wednesday 16 November 2022 · Oita",
    "Thursday 17 November 2022 · Kyoto",
    "Friday 18 November 2022 · Kyoto",
];

fn project_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs itinera in the project directory, where `data/` is.
fn itinera(args: &[&str]) -> Output {
    itinera_in(&project_dir(), args)
}

/// Help text with its line wrapping undone, so phrases can be searched.
fn unwrapped(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `line` looks like `NAME:LINE:COL: SEVERITY: ...`.
fn is_located(line: &str, name: &str, severity: &str) -> bool {
    let Some(rest) = line.strip_prefix(&format!("{name}:")) else {
        return false;
    };
    let mut parts = rest.splitn(3, ':');
    let line_no = parts.next().unwrap_or_default();
    let col = parts.next().unwrap_or_default();
    let message = parts.next().unwrap_or_default();
    !line_no.is_empty()
        && line_no.chars().all(|c| c.is_ascii_digit())
        && !col.is_empty()
        && col.chars().all(|c| c.is_ascii_digit())
        && message.starts_with(&format!(" {severity}: "))
}

/// Splits an agenda into its day sections: heading -> the text under it
/// (up to the next heading).
fn sections<'a>(agenda: &'a str, headings: &[&str]) -> Vec<&'a str> {
    let starts: Vec<usize> = headings
        .iter()
        .map(|h| {
            agenda
                .find(&format!("\n{h}\n"))
                .unwrap_or_else(|| panic!("heading {h:?} missing from:\n{agenda}"))
        })
        .collect();
    let mut sorted = starts.clone();
    sorted.sort_unstable();
    assert_eq!(
        starts, sorted,
        "day headings are not in date order:\n{agenda}"
    );
    starts
        .iter()
        .enumerate()
        .map(|(i, &start)| {
            let end = starts.get(i + 1).copied().unwrap_or(agenda.len());
            &agenda[start..end]
        })
        .collect()
}

/// A valid mission in which the only problem is an unknown `kind` (a
/// warning).
const WARNING_ONLY: &str = r#"format = 1

[mission]
title = "Warning test"
start = 2026-03-30
end = 2026-03-31

[[visits]]
date = 2026-03-30
title = "Workshop"
kind = "workshop"
"#;

/// A mission whose only visit names a participant that does not exist (an
/// error on line 17, column 17).
const WITH_ERROR: &str = r#"format = 1

[mission]
title = "Error test"
start = 2026-03-30
end = 2026-03-31

[[participants]]
id = "rossi"
name = "Maria Rossi"

[[visits]]
date = 2026-03-30
start = 09:30:00
end = 11:00:00
title = "Meeting"
participants = ["rosi"]
"#;

// --- check -----------------------------------------------------------------

#[test]
fn check_sample_prints_exactly_no_problems() {
    let out = itinera(&["check", SAMPLE]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "data/clust-er-health-japan-2022.toml: no problems\n"
    );
    assert_eq!(stderr(&out), "");
}

#[test]
fn check_file_with_errors_exits_1_with_located_problems() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.toml"), WITH_ERROR).expect("write bad.toml");
    let out = itinera_in(dir.path(), &["check", "bad.toml"]);
    assert_eq!(code(&out), 1, "stdout: {}", stdout(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "bad.toml:17:17: error: unknown participant id \"rosi\" (did you mean \"rossi\"?)",
            "bad.toml: 1 error",
        ],
        "whole output:\n{text}"
    );
    assert!(is_located(lines[0], "bad.toml", "error"));
}

#[test]
fn check_reports_every_error_in_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = WITH_ERROR.replace("end = 11:00:00", "end = 08:00:00");
    std::fs::write(dir.path().join("bad.toml"), text).expect("write bad.toml");
    let out = itinera_in(dir.path(), &["check", "bad.toml"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let errors: Vec<&str> = text
        .lines()
        .filter(|l| is_located(l, "bad.toml", "error"))
        .collect();
    assert_eq!(errors.len(), 2, "two errors expected in:\n{text}");
    assert!(errors[0].starts_with("bad.toml:15:7: error: the visit ends at 08:00"));
    assert!(errors[1].starts_with("bad.toml:17:17: error: unknown participant id"));
    assert_eq!(text.lines().last(), Some("bad.toml: 2 errors"));
}

#[test]
fn check_invalid_toml_exits_1_with_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("broken.toml"),
        "format = 1\n[mission\ntitle = \"x\"\n",
    )
    .expect("write broken.toml");
    let out = itinera_in(dir.path(), &["check", "broken.toml"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let first = text.lines().next().expect("a line");
    assert!(
        first.starts_with("broken.toml:2:") && first.contains(": error: invalid TOML"),
        "{text}"
    );
}

#[test]
fn check_file_with_only_warnings_exits_0() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("warn.toml"), WARNING_ONLY).expect("write warn.toml");
    let out = itinera_in(dir.path(), &["check", "warn.toml"]);
    assert_eq!(code(&out), 0, "stdout: {}", stdout(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    // The second day has no visit: a note, which does not fail the check.
    assert_eq!(
        lines[0],
        "warn.toml:3:1: note: nothing is planned on 2026-03-31 (Tuesday)"
    );
    assert!(is_located(lines[1], "warn.toml", "warning"), "{text}");
    assert!(lines[1].starts_with("warn.toml:11:8: warning: unknown kind \"workshop\""));
    assert_eq!(lines[2], "warn.toml: 1 warning, 1 note");
}

#[test]
fn check_missing_file_exits_2_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &["check", "no-such-mission.toml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.starts_with("error: "), "{err}");
    assert!(err.contains("no-such-mission.toml"), "{err}");
    assert!(err.contains("cannot read"), "{err}");
}

#[test]
fn check_directory_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("missions")).expect("mkdir");
    let out = itinera_in(dir.path(), &["check", "missions"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(err.contains("missions"), "{err}");
}

// --- help, version, usage errors ------------------------------------------

#[test]
fn help_lists_commands_and_exit_statuses() {
    let out = itinera(&["--help"]);
    assert_eq!(code(&out), 0);
    let help = unwrapped(&stdout(&out));
    for command in ["check", "export", "new"] {
        assert!(
            help.contains(&format!(" {command} ")),
            "--help does not mention {command}: {help}"
        );
    }
    assert!(help.contains("Exit status"), "{help}");
    assert!(help.contains("0 success"), "{help}");
    assert!(help.contains("1 the mission file has errors"), "{help}");
    assert!(help.contains("2 usage error"), "{help}");
}

#[test]
fn version_prints_name_and_version() {
    let out = itinera(&["--version"]);
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out).trim_end(), "itinera 0.1.0");
}

#[test]
fn export_help_describes_every_option() {
    let out = itinera(&["export", "--help"]);
    assert_eq!(code(&out), 0);
    let help = unwrapped(&stdout(&out));
    for (flag, words) in [
        (
            "--participant <ID>",
            "Only the visits this participant attends",
        ),
        ("--day <DATE>", "Only this day (YYYY-MM-DD)"),
        ("--width <N>", "Wrap lines at this many columns"),
        ("-o, --output <OUT>", "Write to this file"),
        ("--format <FORMAT>", "Output format"),
    ] {
        assert!(help.contains(flag), "export --help lacks {flag}: {help}");
        assert!(
            help.contains(words),
            "export --help lacks {words:?}: {help}"
        );
    }
    assert!(help.contains("[default: 80]"), "{help}");
}

#[test]
fn new_help_describes_every_option() {
    let out = itinera(&["new", "--help"]);
    assert_eq!(code(&out), 0);
    let help = unwrapped(&stdout(&out));
    for (flag, words) in [
        ("--title <TITLE>", "Title of the mission"),
        ("--start <START>", "First day (YYYY-MM-DD)"),
        ("--end <END>", "Last day (YYYY-MM-DD)"),
        ("--timezone <ZONE>", "IANA time zone"),
    ] {
        assert!(help.contains(flag), "new --help lacks {flag}: {help}");
        assert!(help.contains(words), "new --help lacks {words:?}: {help}");
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    for args in [
        &["--frobnicate"][..],
        &["export", SAMPLE, "--frobnicate"][..],
        &["check", "--frobnicate", SAMPLE][..],
    ] {
        let out = itinera(args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        assert!(stderr(&out).contains("--frobnicate"), "{args:?}");
    }
}

// --- export ------------------------------------------------------------------

#[test]
fn export_sample_prints_the_five_days_in_order_with_their_visits() {
    let out = itinera(&["export", SAMPLE]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(stderr(&out), "");
    let agenda = stdout(&out);
    assert!(agenda.starts_with("Clust-ER Health in Japan\n14–18 November 2022"));
    let days = sections(&agenda, &SAMPLE_HEADINGS);
    let expect = [
        (
            0,
            &[
                "Osaka Prefectural Government",
                "Northern Osaka Health and Biomedical Innovation Town (KENTO)",
                "NCVC Open Innovation Center (OIC)",
            ][..],
        ),
        (
            1,
            &[
                "Kansai International Airport (KIX): hydrogen airport",
                "Flight Kansai International Airport to Oita",
            ][..],
        ),
        (
            2,
            &[
                "EDiSON disaster information platform",
                "DENKEN telepresence robots",
            ][..],
        ),
        (
            3,
            &["Kyoto Prefectural Government: meeting with Governor Nishiwaki"][..],
        ),
        (
            4,
            &[
                "Keihanna R&D Innovation Consortium",
                "Research Promotion Council of Keihanna",
                "Restitution Meeting",
            ][..],
        ),
    ];
    for (day, titles) in expect {
        for title in titles {
            for (other, section) in days.iter().enumerate() {
                let found = section.contains(&format!("  {title}\n"));
                assert_eq!(
                    found,
                    other == day,
                    "{title:?} should be under {:?} only, checking {:?}",
                    SAMPLE_HEADINGS[day],
                    SAMPLE_HEADINGS[other]
                );
            }
        }
    }
    // Within a day, visits keep their order.
    let friday = days[4];
    let at = |title: &str| {
        friday
            .find(&format!("  {title}\n"))
            .expect("title line on Friday")
    };
    let a = at("Keihanna R&D Innovation Consortium");
    let b = at("Research Promotion Council of Keihanna");
    let c = at("Restitution Meeting");
    assert!(a < b && b < c, "Friday's visits out of order:\n{friday}");
}

#[test]
fn export_for_vicini_names_him() {
    let out = itinera(&["export", SAMPLE, "--participant", "vicini"]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let agenda = stdout(&out);
    assert!(
        agenda
            .lines()
            .any(|l| l == "Agenda for Sauro Vicini (Clust-ER Health)"),
        "{agenda}"
    );
    // He attends the KENTO visit, which lists participants explicitly.
    assert!(agenda.contains("Northern Osaka Health and Biomedical Innovation Town (KENTO)"));
}

#[test]
fn export_for_a_participant_omits_visits_they_do_not_attend() {
    // KENTO and NCVC list vicini, biocat, emilia-romagna and catalonia only.
    let out = itinera(&["export", SAMPLE, "--participant", "aura"]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let agenda = stdout(&out);
    assert!(
        agenda
            .lines()
            .any(|l| l == "Agenda for Auvergne-Rhône-Alpes representative"),
        "{agenda}"
    );
    assert!(!agenda.contains("KENTO)"), "{agenda}");
    assert!(!agenda.contains("NCVC Open Innovation Center"), "{agenda}");
    // Whole-delegation visits remain, and so do all five days.
    assert!(agenda.contains("Osaka Prefectural Government"));
    assert!(agenda.contains("Restitution Meeting"));
    sections(&agenda, &SAMPLE_HEADINGS);

    // Everyone else's agenda has the visit.
    let all = stdout(&itinera(&["export", SAMPLE]));
    assert!(all.contains("NCVC Open Innovation Center"));
}

#[test]
fn export_unknown_participant_exits_2_with_a_hint() {
    let out = itinera(&["export", SAMPLE, "--participant", "vicin"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: no participant with id \"vicin\" in data/clust-er-health-japan-2022.toml \
         (did you mean \"vicini\"?)\n"
    );

    let out = itinera(&["export", SAMPLE, "--participant", "nobody-at-all"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: no participant with id \"nobody-at-all\" in data/clust-er-health-japan-2022.toml; \
         the ids are: vicini, emilia-romagna, biocat, catalonia, aura, euskadi, ljubljana, \
         val-doise\n"
    );
}

#[test]
fn export_unknown_participant_lists_ten_ids_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from(
        "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-14\n",
    );
    for i in 1..=12 {
        text.push_str(&format!(
            "[[participants]]\nid = \"p{i}\"\nname = \"P{i}\"\n"
        ));
    }
    std::fs::write(dir.path().join("m.toml"), text).expect("write");
    let out = itinera_in(dir.path(), &["export", "m.toml", "--participant", "nobody"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: no participant with id \"nobody\" in m.toml; \
         the ids are: p1, p2, p3, p4, p5, p6, p7, p8, p9, p10 and 2 more\n"
    );

    std::fs::write(
        dir.path().join("empty.toml"),
        "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-14\n",
    )
    .expect("write");
    let out = itinera_in(
        dir.path(),
        &["export", "empty.toml", "--participant", "nobody"],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: no participant with id \"nobody\" in empty.toml; the mission has no participants\n"
    );
}

#[test]
fn export_one_day_gives_only_that_day() {
    let out = itinera(&["export", SAMPLE, "--day", "2022-11-16"]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let agenda = stdout(&out);
    for heading in SAMPLE_HEADINGS {
        let present = agenda.lines().any(|l| l == heading);
        assert_eq!(present, heading.starts_with("Wednesday"), "{heading}");
    }
    assert!(agenda.contains("EDiSON disaster information platform"));
    assert!(agenda.contains("Geothermal green-hydrogen plant"));
    assert!(!agenda.contains("Osaka Prefectural Government"));
    assert!(!agenda.contains("Restitution Meeting"));
}

#[test]
fn export_day_outside_the_mission_exits_2() {
    let out = itinera(&["export", SAMPLE, "--day", "2022-11-20"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: 2022-11-20 is not a day of the mission (2022-11-14 to 2022-11-18)\n"
    );
}

#[test]
fn export_bad_day_is_a_usage_error() {
    let out = itinera(&["export", SAMPLE, "--day", "16/11/2022"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("\"16/11/2022\" is not a date like 2022-11-14"));
}

#[test]
fn export_width_40_keeps_every_line_within_40_columns() {
    let out = itinera(&["export", SAMPLE, "--width", "40"]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let agenda = stdout(&out);
    for line in agenda.lines() {
        assert!(line.width() <= 40, "{} columns: {line:?}", line.width());
    }
    // The text is wrapped, not cut: the same words as at the default width.
    let wide = stdout(&itinera(&["export", SAMPLE]));
    assert!(agenda.lines().count() > wide.lines().count());
    assert!(wide.lines().any(|l| l.width() > 40));
    let words = |s: &str| -> Vec<String> { s.split_whitespace().map(String::from).collect() };
    let joined = |s: &str| words(s).concat();
    assert_eq!(joined(&agenda), joined(&wide));
    sections(&agenda, &SAMPLE_HEADINGS);
}

#[test]
fn export_width_below_40_is_a_usage_error() {
    // Narrower, the text beside the times would break words mid-letter.
    for width in ["5", "20", "39"] {
        let out = itinera(&["export", SAMPLE, "--width", width]);
        assert_eq!(code(&out), 2);
        assert_eq!(stdout(&out), "");
        assert_eq!(
            stderr(&out),
            format!(
                "error: invalid value '{width}' for '--width <N>': the agenda needs at least \
                 40 columns, or its words would be broken\n\nFor more information, try '--help'.\n"
            )
        );
    }
    let out = itinera(&["export", SAMPLE, "--width", "wide"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("expected a number of columns, 40 or more"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_to_a_file_writes_what_stdout_would_show() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = project_dir().join(SAMPLE);
    let sample = sample.to_str().expect("UTF-8 path");
    let out = itinera_in(dir.path(), &["export", sample, "-o", "out.txt"]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing on stdout with -o");
    assert_eq!(stderr(&out), "");
    let written = std::fs::read_to_string(dir.path().join("out.txt")).expect("out.txt");
    let printed = stdout(&itinera(&["export", SAMPLE]));
    assert!(!printed.is_empty());
    assert_eq!(written, printed);

    // The long form, with options, too.
    let out = itinera_in(
        dir.path(),
        &[
            "export",
            sample,
            "--day",
            "2022-11-18",
            "--output",
            "fri.txt",
        ],
    );
    assert_eq!(code(&out), 0);
    let written = std::fs::read_to_string(dir.path().join("fri.txt")).expect("fri.txt");
    assert_eq!(
        written,
        stdout(&itinera(&["export", SAMPLE, "--day", "2022-11-18"]))
    );
}

#[test]
fn export_to_an_unwritable_place_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sample = project_dir().join(SAMPLE);
    let sample = sample.to_str().expect("UTF-8 path");
    let out = itinera_in(dir.path(), &["export", sample, "-o", "no-such-dir/out.txt"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("no-such-dir/out.txt"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_file_with_errors_exits_1_and_prints_no_agenda() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.toml"), WITH_ERROR).expect("write bad.toml");
    let out = itinera_in(dir.path(), &["export", "bad.toml"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        err.lines().any(|l| is_located(l, "bad.toml", "error")),
        "{err}"
    );
    assert!(err.starts_with("bad.toml:17:17: error: unknown participant id \"rosi\""));
}

#[test]
fn export_file_with_warnings_prints_agenda_and_warnings_on_stderr() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("warn.toml"), WARNING_ONLY).expect("write warn.toml");
    let out = itinera_in(dir.path(), &["export", "warn.toml"]);
    assert_eq!(code(&out), 0);
    assert!(stdout(&out).starts_with("Warning test\n"));
    assert!(stdout(&out).contains("Workshop"));
    let err = stderr(&out);
    assert!(
        err.starts_with("warn.toml:11:8: warning: unknown kind"),
        "{err}"
    );
}

#[test]
fn export_missing_file_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &["export", "gone.toml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert!(stderr(&out).contains("gone.toml"));
}

#[test]
fn export_format_text_is_the_default_and_unknown_formats_are_usage_errors() {
    let explicit = itinera(&["export", SAMPLE, "--format", "text"]);
    assert_eq!(code(&explicit), 0);
    assert_eq!(stdout(&explicit), stdout(&itinera(&["export", SAMPLE])));

    let out = itinera(&["export", SAMPLE, "--format", "pdf"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    assert!(
        err.contains("'pdf'")
            && ["text", "markdown", "ics", "json"]
                .iter()
                .all(|f| err.contains(f)),
        "{err}"
    );
}

// --- new -------------------------------------------------------------------

const NEW_ARGS: [&str; 9] = [
    "new",
    "m.toml",
    "--title",
    "Mission to Kyoto",
    "--start",
    "2026-03-30",
    "--end",
    "2026-04-02",
    "--timezone",
];

fn new_args(timezone: &str) -> Vec<&str> {
    let mut args = NEW_ARGS.to_vec();
    args.push(timezone);
    args
}

#[test]
fn new_creates_a_file_that_check_accepts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &new_args("Asia/Tokyo"));
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert!(
        stdout(&out).starts_with("Created m.toml (4 days)"),
        "{}",
        stdout(&out)
    );

    let text = std::fs::read_to_string(dir.path().join("m.toml")).expect("m.toml written");
    let days = text.lines().filter(|l| l.trim() == "[[days]]").count();
    assert_eq!(days, 4, "{text}");
    assert!(text.contains("title = \"Mission to Kyoto\""));
    assert!(text.contains("timezone = \"Asia/Tokyo\""));

    // Nothing is planned yet: a note on each day, at its [[days]] entry.
    let check = itinera_in(dir.path(), &["check", "m.toml"]);
    assert_eq!(code(&check), 0);
    assert_eq!(
        stdout(&check),
        "m.toml:27:8: note: nothing is planned on 2026-03-30 (Monday)\n\
         m.toml:34:8: note: nothing is planned on 2026-03-31 (Tuesday)\n\
         m.toml:41:8: note: nothing is planned on 2026-04-01 (Wednesday)\n\
         m.toml:48:8: note: nothing is planned on 2026-04-02 (Thursday)\n\
         m.toml: 4 notes\n"
    );

    // And its agenda has the four days, nothing scheduled yet.
    let export = itinera_in(dir.path(), &["export", "m.toml"]);
    assert_eq!(code(&export), 0);
    let agenda = stdout(&export);
    assert!(agenda.starts_with("Mission to Kyoto\n30 March – 2 April 2026"));
    assert_eq!(agenda.matches("(nothing scheduled)").count(), 4, "{agenda}");
}

#[test]
fn new_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = itinera_in(dir.path(), &new_args("Asia/Tokyo"));
    assert_eq!(code(&first), 0);
    let path = dir.path().join("m.toml");
    let mut edited = std::fs::read(&path).expect("read m.toml");
    edited.extend_from_slice(b"# my own notes\n");
    std::fs::write(&path, &edited).expect("edit m.toml");

    let again = itinera_in(dir.path(), &new_args("Europe/Rome"));
    assert_eq!(code(&again), 2);
    assert_eq!(stdout(&again), "");
    let err = stderr(&again);
    assert!(err.contains("m.toml already exists"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read m.toml"), edited);
}

#[test]
fn new_end_before_start_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(
        dir.path(),
        &[
            "new",
            "m.toml",
            "--title",
            "T",
            "--start",
            "2026-04-03",
            "--end",
            "2026-04-02",
        ],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: --end 2026-04-02 is before --start 2026-04-03\n"
    );
    assert!(!dir.path().join("m.toml").exists());
}

#[test]
fn new_unknown_timezone_exits_2_with_a_suggestion() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &new_args("Asia/Tokio"));
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("unknown time zone \"Asia/Tokio\" (did you mean \"Asia/Tokyo\"?)"),
        "{err}"
    );
    assert!(!dir.path().join("m.toml").exists());

    let out = itinera_in(dir.path(), &new_args("Nowhere"));
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("use an IANA name"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn new_bad_date_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (start, end) in [("2026-02-30", "2026-03-02"), ("2026-03-30", "April 2")] {
        let out = itinera_in(
            dir.path(),
            &[
                "new", "m.toml", "--title", "T", "--start", start, "--end", end,
            ],
        );
        assert_eq!(code(&out), 2, "{start} {end}");
        let err = stderr(&out);
        assert!(err.contains("is not a date like 2022-11-14"), "{err}");
        assert!(!dir.path().join("m.toml").exists());
    }
}

#[test]
fn new_empty_title_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(
        dir.path(),
        &[
            "new",
            "m.toml",
            "--title",
            "  ",
            "--start",
            "2026-03-30",
            "--end",
            "2026-03-30",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--title must not be empty"));
    assert!(!dir.path().join("m.toml").exists());
}

#[test]
fn new_refuses_a_mission_of_more_than_three_years() {
    let dir = tempfile::tempdir().expect("tempdir");
    let new = |end: &str| {
        itinera_in(
            dir.path(),
            &[
                "new",
                "m.toml",
                "--title",
                "T",
                "--start",
                "2024-01-01",
                "--end",
                end,
            ],
        )
    };
    let out = new("9999-12-31");
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: --start 2024-01-01 to --end 9999-12-31 is 2913174 days; \
         itinera plans missions of up to 1096 days (3 years)\n"
    );
    assert!(!dir.path().join("m.toml").exists());
    // Three whole years, a leap day included, are allowed.
    let out = new("2026-12-31");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "Created m.toml (1096 days). Open it with: itinera m.toml\n"
    );
}

#[test]
fn new_in_a_missing_directory_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(
        dir.path(),
        &[
            "new",
            "nowhere/m.toml",
            "--title",
            "T",
            "--start",
            "2026-03-30",
            "--end",
            "2026-03-30",
        ],
    );
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).contains("cannot write nowhere/m.toml"),
        "{}",
        stderr(&out)
    );
}

// --- broken pipe -------------------------------------------------------------

/// Spawns `itinera export FILE`, reads one line, closes the pipe and waits.
fn export_first_line_then_close(dir: &Path, file: &str) -> (String, Output) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["export", file])
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn itinera");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).expect("read one line");
    drop(reader);
    let out = child.wait_with_output().expect("itinera exits");
    (first, out)
}

/// A generated mission whose agenda is far larger than a pipe buffer
/// (64 KiB), so the export is still writing when the reader goes away.
fn long_mission(dir: &Path) -> &'static str {
    let mut text = String::from(
        "format = 1\n\n[mission]\ntitle = \"Long mission\"\nstart = 2026-03-30\nend = 2026-03-30\n",
    );
    for i in 0..3000 {
        text.push_str(&format!(
            "\n[[visits]]\ndate = 2026-03-30\ntitle = \"Visit number {i}\"\n\
             notes = \"Some notes to make the agenda long enough to fill the pipe.\"\n"
        ));
    }
    let mut file = std::fs::File::create(dir.join("long.toml")).expect("create");
    file.write_all(text.as_bytes()).expect("write long.toml");
    "long.toml"
}

#[test]
fn export_into_a_closed_pipe_exits_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = long_mission(dir.path());
    let whole = itinera_in(dir.path(), &["export", name]);
    assert_eq!(code(&whole), 0, "{}", stderr(&whole));
    assert!(
        whole.stdout.len() > 4 * 64 * 1024,
        "the agenda is {} bytes, not far more than a pipe buffer",
        whole.stdout.len()
    );

    let (first, out) = export_first_line_then_close(dir.path(), name);
    assert_eq!(first, "Long mission\n");
    assert_eq!(out.status.code(), Some(0), "stderr: {}", stderr(&out));
    assert_eq!(stderr(&out), "", "nothing said about the closed pipe");
}
