//! `itinera diff` refusing what it cannot compare: versions with errors,
//! missing files, wrong arguments; and its help.

mod diff_support;

use diff_support::*;

#[test]
fn versions_with_errors_exit_1_with_every_problem() {
    let broken = edit(
        BASE,
        &[("participants = [\"vicini\"]", "participants = [\"rossi\"]")],
    );
    let out = diff(
        &broken,
        &broken.replace("end = 2022-11-15\n", "end = 2022-11-13\n"),
        &[],
    );
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(
        lines[0].starts_with("old.toml:44:17: error: unknown participant id \"rossi\""),
        "{err}"
    );
    assert!(lines[1].starts_with("new.toml:6:7: error: "), "{err}");
    assert!(
        lines[2].starts_with("new.toml:44:17: error: unknown participant id \"rossi\""),
        "{err}"
    );
}

#[test]
fn a_missing_version_exits_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("new.toml"), BASE).expect("write");
    let out = itinera_in(dir.path(), &["diff", "old.toml", "new.toml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).starts_with("error: cannot read old.toml: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_without_a_file_is_a_usage_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &["diff"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("<OLD>"), "{}", stderr(&out));
    let out = itinera_in(
        dir.path(),
        &["diff", "a.toml", "b.toml", "--format", "html"],
    );
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("possible values: text, markdown"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_help_describes_the_options_and_exit_codes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = itinera_in(dir.path(), &["diff", "--help"]);
    assert_eq!(code(&out), 0);
    let help = stdout(&out)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in [
        "Usage: itinera diff [OPTIONS] <OLD> [NEW]",
        "compares its version in git's HEAD with the file as it is now",
        "Exits 0 whether or not anything changed, 1 when a version has errors",
        "--format <FORMAT>",
        "markdown: Markdown",
        "--participant <ID> Only what changes for this participant",
    ] {
        assert!(help.contains(words), "diff --help lacks {words:?}: {help}");
    }
}
