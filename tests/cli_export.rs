//! `itinera export` in every format, to stdout, a file or one file per
//! participant: the real binary, its exit codes and the bytes it writes.

mod common;

use common::run::{code, stderr, stdout};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";
const IDS: [&str; 8] = [
    "vicini",
    "emilia-romagna",
    "biocat",
    "catalonia",
    "aura",
    "euskadi",
    "ljubljana",
    "val-doise",
];
/// 2022-11-01T00:00:00Z.
const EPOCH: &str = "1667260800";

fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE)
}

/// Runs itinera in `dir` with `args` and the given environment.
fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_itinera"));
    command
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .env_remove("SOURCE_DATE_EPOCH");
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("run itinera")
}

/// Runs `itinera export SAMPLE ARGS...` in `dir` with a fixed DTSTAMP.
fn export_in(dir: &Path, args: &[&str]) -> Output {
    let sample = sample();
    let mut all = vec!["export", sample.to_str().expect("UTF-8 path")];
    all.extend_from_slice(args);
    run(dir, &all, &[("SOURCE_DATE_EPOCH", EPOCH)])
}

fn export(args: &[&str]) -> Output {
    export_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn ok(out: Output) -> Output {
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    out
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn each_format_starts_as_it_should() {
    let md = stdout(&ok(export(&["--format", "markdown"])));
    assert!(
        md.starts_with("# Clust-ER Health in Japan\n\n14–18 November 2022"),
        "{md}"
    );
    let ics = stdout(&ok(export(&["--format", "ics"])));
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//itinera//itinera "),
        "{ics}"
    );
    let json = stdout(&ok(export(&["--format", "json"])));
    assert!(json.starts_with("{\n  \"format_version\": 1,\n"), "{json}");
    let text = stdout(&ok(export(&["--format", "text"])));
    assert!(text.starts_with("Clust-ER Health in Japan\n"), "{text}");
}

#[test]
fn ics_exports_are_byte_identical_under_a_fixed_source_date_epoch() {
    let first = ok(export(&["--format", "ics"])).stdout;
    let second = ok(export(&["--format", "ics"])).stdout;
    assert!(!first.is_empty());
    assert_eq!(first, second);
    let text = String::from_utf8(first).expect("UTF-8");
    assert_eq!(
        text.matches("DTSTAMP:20221101T000000Z\r\n").count(),
        text.matches("BEGIN:VEVENT").count()
    );
}

#[test]
fn without_source_date_epoch_the_stamp_is_the_time_of_the_export() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let before = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let out = ok(run(dir, &["export", SAMPLE, "--format", "ics"], &[]));
    let after = chrono::Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    let text = stdout(&out);
    let stamp = text
        .split("\r\n")
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .expect("a DTSTAMP");
    assert!(
        before.as_str() <= stamp && stamp <= after.as_str(),
        "{before} {stamp} {after}"
    );
}

#[test]
fn a_bad_source_date_epoch_is_a_usage_error() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args = ["export", SAMPLE, "--format", "ics"];
    let out = run(dir, &args, &[("SOURCE_DATE_EPOCH", "last tuesday")]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, \
         not \"last tuesday\"\n"
    );
}

#[test]
fn every_format_writes_to_a_file_what_it_prints() {
    let dir = tempfile::tempdir().expect("tempdir");
    for format in ["text", "markdown", "ics", "json"] {
        let name = format!("out.{format}");
        let out = ok(export_in(
            dir.path(),
            &["--format", format, "--day", "2022-11-16", "-o", &name],
        ));
        assert_eq!(stdout(&out), "");
        let written = std::fs::read(dir.path().join(&name)).expect("written");
        let printed = ok(export(&["--format", format, "--day", "2022-11-16"])).stdout;
        assert_eq!(written, printed, "{format}");
    }
}

#[test]
fn each_participant_writes_one_file_per_person_named_by_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let out = ok(export_in(
        dir.path(),
        &["--format", "ics", "--each-participant", "--out-dir", "out"],
    ));
    let mut expected: Vec<String> = IDS.iter().map(|id| format!("{id}.ics")).collect();
    expected.sort();
    assert_eq!(names_in(&dir.path().join("out")), expected);
    let report = stdout(&out);
    assert!(
        report.starts_with("Wrote out/vicini.ics (Sauro Vicini)\n"),
        "{report}"
    );
    assert_eq!(report.lines().count(), IDS.len(), "{report}");
    for id in IDS {
        let written =
            std::fs::read(dir.path().join("out").join(format!("{id}.ics"))).expect("file");
        let alone = ok(export(&["--format", "ics", "--participant", id])).stdout;
        assert_eq!(written, alone, "{id}");
    }
    // Other formats take their own extension; --day narrows every file.
    let out = ok(export_in(
        dir.path(),
        &[
            "--format",
            "markdown",
            "--each-participant",
            "--out-dir",
            "out",
            "--day",
            "2022-11-14",
        ],
    ));
    assert!(stdout(&out).contains("Wrote out/aura.md (Auvergne-Rhône-Alpes representative)\n"));
    let aura = std::fs::read_to_string(dir.path().join("out/aura.md")).expect("aura.md");
    assert!(
        aura.contains("## Monday 14 November 2022 · Osaka"),
        "{aura}"
    );
    assert!(
        !aura.contains("Innovation Town (KENTO)"),
        "aura is not at KENTO: {aura}"
    );
    assert!(!aura.contains("## Tuesday"), "{aura}");
}

#[test]
fn each_participant_refuses_an_out_dir_that_is_missing_or_a_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = export_in(dir.path(), &["--each-participant", "--out-dir", "nowhere"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: --out-dir nowhere does not exist; create it first\n"
    );
    std::fs::write(dir.path().join("plain"), "x").expect("write");
    let out = export_in(dir.path(), &["--each-participant", "--out-dir", "plain"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stderr(&out), "error: --out-dir plain is not a directory\n");
    assert_eq!(names_in(dir.path()), ["plain"]);
}

#[test]
fn each_participant_and_out_dir_go_together_and_not_with_one_output() {
    for args in [
        &["--each-participant"][..],
        &["--out-dir", "."][..],
        &[
            "--each-participant",
            "--out-dir",
            ".",
            "--participant",
            "vicini",
        ][..],
        &["--each-participant", "--out-dir", ".", "-o", "x.txt"][..],
    ] {
        let out = export(args);
        assert_eq!(code(&out), 2, "{args:?}");
        assert_eq!(stdout(&out), "", "{args:?}");
        let err = stderr(&out);
        assert!(
            err.contains("--each-participant") || err.contains("--out-dir"),
            "{err}"
        );
    }
}

#[test]
fn an_export_is_never_written_over_the_mission_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mission = dir.path().join("m.toml");
    std::fs::copy(sample(), &mission).expect("copy");
    let original = std::fs::read(&mission).expect("read");
    #[cfg(unix)]
    std::os::unix::fs::symlink("m.toml", dir.path().join("link.md")).expect("symlink");
    let mut targets = vec!["m.toml", "./m.toml"];
    if cfg!(unix) {
        targets.push("link.md");
    }
    for target in targets {
        let out = run(
            dir.path(),
            &["export", "m.toml", "--format", "markdown", "-o", target],
            &[],
        );
        assert_eq!(code(&out), 2, "{target}");
        assert_eq!(
            stderr(&out),
            format!(
                "error: {target} is the mission file m.toml itself; choose another output file\n"
            )
        );
        assert_eq!(std::fs::read(&mission).expect("read"), original, "{target}");
    }
}

#[test]
fn each_participant_writes_nothing_when_one_file_would_be_the_mission() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mission = dir.path().join("biocat.json");
    std::fs::copy(sample(), &mission).expect("copy");
    let original = std::fs::read(&mission).expect("read");
    let args = [
        "export",
        "biocat.json",
        "--format",
        "json",
        "--each-participant",
        "--out-dir",
        ".",
    ];
    let out = run(dir.path(), &args, &[]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: ./biocat.json is the mission file biocat.json itself; choose another output file\n"
    );
    assert_eq!(std::fs::read(&mission).expect("read"), original);
    assert_eq!(names_in(dir.path()), ["biocat.json"], "no file was written");
}

#[test]
fn export_help_names_the_formats_and_the_per_participant_options() {
    let out = ok(export(&["--help"]));
    let help = stdout(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "text: Plain text, wrapped to --width",
        "markdown: Markdown",
        "ics: iCalendar (.ics)",
        "json: JSON, for scripts",
        "--each-participant Write one file per participant",
        "--out-dir <DIR> Existing directory",
    ] {
        assert!(
            help.contains(words),
            "export --help lacks {words:?}: {help}"
        );
    }
}

const TWO_CASES: &str = "format = 1\n\
                         [mission]\n\
                         title = \"Cases\"\n\
                         start = 2026-03-30\n\
                         end = 2026-03-30\n\
                         [[participants]]\n\
                         id = \"rossi\"\n\
                         name = \"Maria Rossi\"\n\
                         [[participants]]\n\
                         id = \"Rossi\"\n\
                         name = \"Paolo Rossi\"\n";

#[test]
fn each_participant_refuses_ids_that_differ_only_in_case_and_a_mission_without_people() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("m.toml"), TWO_CASES).expect("write");
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let args = ["export", "m.toml", "--each-participant", "--out-dir", "out"];
    let out = run(dir.path(), &args, &[]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: participants \"rossi\" and \"Rossi\" would get the same file name; \
         rename one of the ids\n"
    );
    assert!(names_in(&dir.path().join("out")).is_empty());

    let nobody = TWO_CASES.split("[[participants]]").next().expect("header");
    std::fs::write(dir.path().join("m.toml"), nobody).expect("write");
    let out = run(dir.path(), &args, &[]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: the mission has no participants to write files for\n"
    );
}
