//! Running the itinera binary the way a user does, and reading what it
//! printed.

use std::path::Path;
use std::process::{Command, Output};

/// Runs itinera with `args` in `dir`.
pub fn itinera_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(args)
        .current_dir(dir)
        .env_remove("RUST_BACKTRACE")
        .output()
        .expect("run itinera")
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

/// The exit code; a run ended by a signal fails the test.
pub fn code(out: &Output) -> i32 {
    out.status
        .code()
        .expect("itinera exited normally, not by a signal")
}
