//! The real binary in a pseudo-terminal: what a person sees when they run
//! `itinera`, and that the terminal is handed back intact.

mod common;

use common::pty::Session;

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";
const REPO: &str = env!("CARGO_MANIFEST_DIR");

#[test]
fn opens_the_sample_and_quits_cleanly() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::start(&[SAMPLE], home.path(), REPO.as_ref());
    session.wait_for("Osaka Prefectural Government");
    let screen = session.screen();
    assert!(screen.contains("Clust-ER Health in Japan"));
    assert!(screen.contains("Monday 14 November · Osaka"));
    assert!(screen.contains("Sauro Vicini"));
    assert!(
        session.parser.screen().alternate_screen(),
        "drawn on the alternate screen"
    );

    session.send("l");
    session.wait_for("Tuesday 15 November · Oita");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(
        !session.parser.screen().alternate_screen(),
        "the alternate screen is left on exit"
    );
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(raw.contains("\x1b[?1000h"), "mouse reporting was turned on");
    let after_on = raw.rfind("\x1b[?1000h").expect("turned on");
    assert!(
        raw[after_on..].contains("\x1b[?1000l"),
        "mouse reporting is turned off again"
    );
}

#[test]
fn first_run_opens_a_copy_of_the_sample_then_remembers_it() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::start(&[], home.path(), REPO.as_ref());
    session.wait_for("First run: opened a copy of the sample mission");
    assert!(session.screen().contains("Osaka Prefectural Government"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let copy = home
        .path()
        .join("data/itinera/clust-er-health-japan-2022.toml");
    assert!(copy.exists(), "the sample was copied to the data directory");

    let mut session = Session::start(&[], home.path(), REPO.as_ref());
    session.wait_for("Osaka Prefectural Government");
    assert!(
        !session.screen().contains("First run"),
        "the second run opens the remembered mission without the first-run note"
    );
    session.send("\x03");
    assert_eq!(session.wait_exit(), 0, "Ctrl-C quits");
}

#[test]
fn a_file_with_errors_prints_them_and_leaves_the_terminal_alone() {
    let home = tempfile::tempdir().expect("tempdir");
    let bad = home.path().join("bad.toml");
    std::fs::write(
        &bad,
        "format = 1\n[mission]\ntitle = 5\nstart = 2022-11-14\nend = 2022-11-18\n",
    )
    .expect("write");
    let path = bad.to_string_lossy().into_owned();
    let mut session = Session::start(&[&path], home.path(), REPO.as_ref());
    assert_eq!(session.wait_exit(), 1);
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(
        raw.contains(&format!(
            "{path}:3:9: error: `title` must be a string, not an integer"
        )),
        "{raw}"
    );
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
}

#[test]
fn no_color_in_the_environment_draws_without_colour() {
    let colour_codes = |raw: &[u8]| {
        let raw = String::from_utf8_lossy(raw);
        raw.matches("\x1b[38;5;").count() + raw.matches("\x1b[48;5;").count()
    };
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::start(&[SAMPLE], home.path(), REPO.as_ref());
    session.wait_for("Osaka Prefectural Government");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(colour_codes(&session.raw) > 0, "colours by default");

    let mut session =
        Session::start_with(&[SAMPLE], home.path(), REPO.as_ref(), &[("NO_COLOR", "1")]);
    session.wait_for("Osaka Prefectural Government");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert_eq!(colour_codes(&session.raw), 0, "no colour with NO_COLOR set");
}
