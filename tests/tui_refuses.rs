//! The planner refuses every malformed file without touching the
//! terminal: run in a pseudo-terminal on each file of the corpus that does
//! not load (`tests/fixtures/invalid/` and the generated files of
//! `hostile::generated`), it prints exactly the problems `itinera check`
//! would list, ends with the exit code of `check`, and writes not one
//! escape sequence: no alternate screen, no raw mode, no cursor moves.
//! (The paths that are not files are in `special_files.rs`.)

#![cfg(unix)]

mod common;
mod hostile;

use std::path::{Path, PathBuf};

use common::pty::Session;

/// Every file of the corpus that the planner must refuse.
fn corpus(generated: &Path) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| itinera::file::load(path).is_err())
        .collect();
    files.sort();
    files.extend(hostile::generated(generated).into_iter().map(|g| g.path));
    files
}

/// What is wrong with the planner's run on `path`, if anything.
fn refusal_problem(path: &Path, home: &Path) -> Option<String> {
    let err = itinera::file::load(path).err()?;
    let arg = path.to_string_lossy().into_owned();
    let mut session = Session::start(&[arg.as_str()], home, home);
    let code = session.wait_exit();
    let raw = String::from_utf8_lossy(&session.raw).replace("\r\n", "\n");
    let name = path.file_name()?.to_string_lossy().into_owned();
    if raw.contains('\u{1b}') {
        return Some(format!("{name}: escape sequences in {raw:?}"));
    }
    if code != u32::from(err.exit_code()) {
        return Some(format!("{name}: exit {code}, not {}", err.exit_code()));
    }
    (raw != err.render()).then(|| format!("{name}: printed {raw:?}\nnot {:?}", err.render()))
}

#[test]
fn the_planner_refuses_each_malformed_file_with_its_problems_alone() {
    let generated = tempfile::tempdir().expect("tempdir");
    let files = corpus(generated.path());
    assert!(files.len() >= 100, "{} files", files.len());
    // Two at a time: each run is a process in a terminal of its own.
    let (left, right) = files.split_at(files.len() / 2);
    let run = |part: &[PathBuf]| {
        let home = tempfile::tempdir().expect("home");
        part.iter()
            .filter_map(|path| refusal_problem(path, home.path()))
            .collect::<Vec<_>>()
    };
    let failures: Vec<String> = std::thread::scope(|scope| {
        let other = scope.spawn(|| run(right));
        let mut failures = run(left);
        failures.extend(other.join().expect("no panic"));
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
