//! A hang detector: `itinera check` answers for every file of the
//! malformed corpus (`tests/fixtures/invalid/`) and for generated files
//! with tens of thousands of problems of one kind. A file without an answer
//! within ten seconds fails the test, by name. The bound is generous (each
//! file takes well under that, even in a debug build): this catches
//! hangs and work that grows with the square of the problems, and leaves
//! speed to the benchmark.

mod stress;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

const WATCHDOG: Duration = Duration::from_secs(10);

/// Runs `itinera check` on `path`; its report, or why there is none.
fn check(path: &Path, out_dir: &Path) -> Result<String, String> {
    let out_path = out_dir.join("stdout.txt");
    let out = File::create(&out_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .arg("check")
        .arg(path)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if started.elapsed() > WATCHDOG => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("no answer after {} s", WATCHDOG.as_secs()));
            }
            None => sleep(Duration::from_millis(20)),
        }
    };
    let report = std::fs::read_to_string(&out_path).map_err(|e| e.to_string())?;
    let summary = format!("{}: ", path.display());
    match status.code() {
        Some(0 | 1)
            if report
                .lines()
                .last()
                .is_some_and(|l| l.starts_with(&summary)) =>
        {
            Ok(report)
        }
        code => Err(format!(
            "exit {code:?}, report ending {:?}",
            report.lines().last()
        )),
    }
}

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/invalid/ is readable")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_malformed_file_gets_an_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let files = corpus();
    assert!(files.len() >= 60, "{} fixtures", files.len());
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            check(path, dir.path())
                .err()
                .map(|why| format!("{}: {why}", path.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn files_with_very_many_problems_get_an_answer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let keep = std::env::var_os("ITINERA_KEEP_STRESS").map(PathBuf::from);
    let inputs = [
        (
            "integer_tags",
            stress::integer_tags(100_000),
            "100000 errors",
        ),
        (
            "unknown_participants",
            stress::unknown_participants(50_000),
            "50000 errors",
        ),
        (
            "duplicate_days",
            stress::duplicate_days(100_000),
            "99999 errors",
        ),
        (
            "out_of_order",
            stress::out_of_order(50_000),
            // Every visit is on the first of the 365 days.
            "49999 warnings, 364 notes",
        ),
        (
            "warned_visits",
            stress::visits_text(30_000, true),
            "3900 warnings, 3 notes",
        ),
        (
            "duplicate_keys",
            stress::duplicate_keys(100_000),
            "99999 errors",
        ),
        ("long_zone", stress::long_zone(100_000), "1 error"),
        (
            "long_key",
            stress::long_key(1_000_000),
            "1 warning, 365 notes",
        ),
    ];
    let mut failures = Vec::new();
    for (name, text, summary) in inputs {
        let path = dir.path().join(format!("{name}.toml"));
        std::fs::write(&path, &text).expect("write");
        if let Some(keep) = &keep {
            std::fs::write(keep.join(format!("{name}.toml")), &text).expect("keep");
        }
        let started = Instant::now();
        match check(&path, dir.path()) {
            Ok(report) => {
                eprintln!("{name}: {:?}", started.elapsed());
                let last = report.lines().last().unwrap_or_default();
                if !last.ends_with(&format!(": {summary}")) {
                    failures.push(format!("{name}: summary {last:?}, expected {summary:?}"));
                }
            }
            Err(why) => failures.push(format!("{name}: {why}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
