//! What the `itinera diff` tests share: a small mission, the expected
//! report's heading, and running the real binary.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// A small mission; the tests change it a little and compare.
pub const BASE: &str = r#"format = 1

[mission]
title = "Clust-ER Health in Osaka"
start = 2022-11-14
end = 2022-11-15
timezone = "Asia/Tokyo"

[[days]]
date = 2022-11-14
city = "Osaka"
lodging = "Hotel in the Umeda area"

[[days]]
date = 2022-11-15
city = "Suita"

[[participants]]
id = "vicini"
name = "Sauro Vicini"
organization = "Clust-ER Health"

[[participants]]
id = "biocat"
name = "BIOCAT representative"
organization = "BIOCAT"

[[visits]]
id = "osaka-government"
date = 2022-11-14
start = 10:00:00
end = 11:30:00
title = "Osaka Prefectural Government"
kind = "meeting"
venue = "Sakishima Building"

[[visits]]
id = "kento"
date = 2022-11-14
start = 14:00:00
end = 15:30:00
title = "KENTO health innovation hub"
kind = "visit"
participants = ["vicini"]

[[visits]]
date = 2022-11-15
start = 09:30:00
end = 11:00:00
title = "NCVC Open Innovation Center"
status = "tentative"
"#;

/// The report's first lines for [`BASE`].
pub const HEAD: &str = "Changes to Clust-ER Health in Osaka\n14–15 November 2022\n";

pub const MONDAY: &str = "Monday 14 November 2022 · Osaka";
pub const TUESDAY: &str = "Tuesday 15 November 2022 · Suita";

/// The report of [`BASE`]'s changes on one day: the report's heading, the
/// day's heading and `body`.
pub fn on_day(heading: &str, body: &str) -> String {
    let rule = "-".repeat(heading.chars().count());
    format!("{HEAD}\n{heading}\n{rule}\n{body}")
}

/// `text` with each `(from, to)` replaced once; each `from` must be there.
pub fn edit(text: &str, edits: &[(&str, &str)]) -> String {
    let mut text = text.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from:?} is not in the mission");
        text = text.replacen(from, to, 1);
    }
    text
}

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

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("itinera exited normally")
}

/// `itinera diff old.toml new.toml ARGS` on two versions, in a fresh
/// directory.
pub fn diff(old: &str, new: &str, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("old.toml"), old).expect("write old.toml");
    std::fs::write(dir.path().join("new.toml"), new).expect("write new.toml");
    let mut all = vec!["diff", "old.toml", "new.toml"];
    all.extend_from_slice(args);
    itinera_in(dir.path(), &all)
}

/// The report for two versions, which must exit 0 with nothing on stderr.
pub fn report(old: &str, new: &str, args: &[&str]) -> String {
    let out = diff(old, new, args);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    assert_eq!(stderr(&out), "");
    stdout(&out)
}
