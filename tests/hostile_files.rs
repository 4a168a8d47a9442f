//! Generated hostile files (see `hostile::generated`): nesting 100,000
//! deep, arrays of 100,000 elements, lines and files at and over the
//! limits. Each gets its exact problems when read in this process, on a
//! thread with a test's usual stack (a reader that recursed once per level
//! would overflow it), and from `itinera check` within ten seconds.

#![cfg(unix)]

mod hostile;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hostile::Generated;

const WATCHDOG: Duration = Duration::from_secs(10);

/// What `check` prints for the file: its first lines and its summary, in
/// the same form as [`Generated`] gives them.
fn expected(case: &Generated) -> (Vec<String>, String) {
    (case.first.clone(), case.summary.to_string())
}

/// The problems read in this process: the first lines (as many as the
/// case gives) and the summary.
fn read_here(case: &Generated) -> (Vec<String>, String) {
    let bytes = std::fs::read(&case.path).expect("read");
    let Err((text, report)) = itinera::file::parse_bytes(&bytes) else {
        panic!("{}: loads", case.name);
    };
    let first = hostile::report_lines(&report, &text)
        .into_iter()
        .take(case.first.len())
        .collect();
    (first, report.summary())
}

/// `itinera check` on the file: its first lines and summary, or why
/// there is no answer.
fn checked(case: &Generated, dir: &Path) -> Result<(Vec<String>, String), String> {
    let out_path = dir.join(format!("{}.out", case.name));
    let out = std::fs::File::create(&out_path).map_err(|e| e.to_string())?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .arg("check")
        .arg(&case.path)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| e.to_string())?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > WATCHDOG {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no answer after {} s", WATCHDOG.as_secs()));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if status.code() != Some(1) {
        return Err(format!("exit {:?}", status.code()));
    }
    let report = std::fs::read_to_string(&out_path).map_err(|e| e.to_string())?;
    let prefix = format!("{}:", case.path.display());
    let lines: Vec<&str> = report.lines().collect();
    let first = lines
        .iter()
        .take(case.first.len())
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
        .collect();
    let summary = lines
        .last()
        .and_then(|l| l.strip_prefix(&prefix))
        .map(|s| s.trim_start().to_string())
        .unwrap_or_default();
    Ok((first, summary))
}

#[test]
fn each_generated_file_gets_its_exact_problems_in_process() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = hostile::generated(dir.path());
    // A test thread's stack, whatever RUST_MIN_STACK says.
    let failures = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            cases
                .iter()
                .filter_map(|case| {
                    let got = read_here(case);
                    (got != expected(case)).then(|| {
                        format!("{}: expected {:?}, read {got:?}", case.name, expected(case))
                    })
                })
                .collect::<Vec<_>>()
        })
        .expect("thread")
        .join()
        .expect("no overflow, no panic");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn check_answers_each_generated_file_quickly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cases = hostile::generated(dir.path());
    assert_eq!(cases.len(), 17);
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| match checked(case, dir.path()) {
            Ok(got) if got == expected(case) => None,
            Ok(got) => Some(format!(
                "{}: expected {:?}, printed {got:?}",
                case.name,
                expected(case)
            )),
            Err(why) => Some(format!("{}: {why}", case.name)),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
