//! Publishing from the planner (`P`): what the app asks the runner for,
//! the masked password prompt, the status bar while it runs and after,
//! and, through the runner's own code against a real Radicale, a publish
//! that works and one that fails without touching the mission.

mod common;
mod publish_support;

use std::time::Duration;

use common::files::TempMission;
use common::{Planner, message, message_level, press, sample_app, sample_with, screen, type_text};
use itinera::app::{Effect, Level, Mode, Msg, Password, Report};
use itinera::domain::Publish;
use itinera::input::Key;
use itinera::runner::Publisher;
use publish_support::{PASSWORD, Server, USER};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);
const URL: &str = "https://dav.example.org/alice/japan/";

/// The effects the app asks for on `keys`, none of them performed.
fn asked(app: &mut Planner, keys: &[&str]) -> Vec<Effect> {
    keys.iter()
        .flat_map(|k| app.update(Msg::Key(Key::parse(k).expect("a key"))))
        .collect()
}

fn with_table() -> Planner {
    sample_with(|m| {
        m.publish = Some(Publish {
            url: URL.into(),
            user: Some(USER.into()),
        })
    })
}

#[test]
fn without_a_publish_table_the_key_says_how_to_add_one() {
    let mut app = sample_app();
    assert_eq!(asked(&mut app, &["P"]), []);
    assert_eq!(
        message_level(&app),
        (
            Level::Warning,
            "Nowhere to publish: add a [publish] table with the calendar's url (and user) to \
             clust-er-health-japan-2022.toml; the README shows how."
                .to_string()
        )
    );
}

#[test]
fn the_key_asks_the_runner_and_a_password_is_asked_for_masked() {
    let mut app = with_table();
    assert_eq!(
        asked(&mut app, &["P"]),
        [Effect::Publish { password: None }]
    );
    app.update(Msg::Done(Report::PasswordNeeded {
        user: USER.into(),
        url: URL.into(),
    }));
    assert!(matches!(app.mode, Mode::Prompt(_)));
    type_text(&mut app, "hunter 2", AREA);
    let s = screen(&mut app, 80, 24);
    assert!(!s.contains("hunter"), "{s}");
    assert_eq!(
        s.lines().last(),
        Some("Password for alice at https://dav.example.org/alice/japan/: ••••••••")
    );
    let s = screen(&mut app, 60, 20);
    assert_eq!(
        s.lines().last(),
        Some("Password for alice: ••••••••"),
        "the URL leaves too little room at 60 columns:\n{s}"
    );
    let effects = asked(&mut app, &["enter"]);
    assert_eq!(
        effects,
        [Effect::Publish {
            password: Some(Password::new("hunter 2"))
        }],
        "taken as typed, the space too"
    );
    assert!(!format!("{effects:?}").contains("hunter"), "{effects:?}");
    // Esc at the prompt publishes nothing.
    app.update(Msg::Done(Report::PasswordNeeded {
        user: USER.into(),
        url: URL.into(),
    }));
    assert_eq!(asked(&mut app, &["x", "esc"]), []);
    assert_eq!(message(&app), "Not published.");
}

#[test]
fn keys_keep_working_while_it_runs_and_the_outcome_is_said() {
    let mut app = with_table();
    app.update(Msg::Done(Report::Publishing { url: URL.into() }));
    assert_eq!(message(&app), format!("Publishing to {URL}…"));
    // Moving about and editing go on; another publish waits its turn.
    press(&mut app, &["j"], AREA);
    assert_eq!(app.view.pos, 1);
    // The key's message is gone; the bar still says it runs.
    assert_eq!(message(&app), "");
    assert_eq!(
        common::status_bar(&screen(&mut app, 120, 40)),
        format!("clust-er-health-japan-2022.toml Publishing to {URL}…")
    );
    assert_eq!(asked(&mut app, &["P"]), []);
    assert_eq!(
        message(&app),
        format!("Still publishing to {URL}; the status bar says when it is done.")
    );
    app.update(Msg::Done(Report::Published {
        url: URL.into(),
        headline: "22 events: 1 added, 0 updated, 0 removed, 21 unchanged".into(),
    }));
    assert_eq!(
        message(&app),
        format!("Published to {URL}: 22 events: 1 added, 0 updated, 0 removed, 21 unchanged.")
    );
    assert_eq!(
        asked(&mut app, &["P"]),
        [Effect::Publish { password: None }]
    );
}

#[test]
fn a_failure_says_why_and_changes_nothing_in_the_plan() {
    let mut app = with_table();
    let before = app.mission().clone();
    app.update(Msg::Done(Report::Publishing { url: URL.into() }));
    app.update(Msg::Done(Report::PublishFailed {
        problem: "cannot reach the server for https://dav.example.org/alice/japan/: refused".into(),
    }));
    assert_eq!(
        message_level(&app),
        (
            Level::Error,
            "Not published: cannot reach the server for https://dav.example.org/alice/japan/: \
             refused."
                .to_string()
        )
    );
    assert!(app.mission().same_content(&before));
    assert!(!app.is_dirty());
    assert!(!app.history().can_undo());
    assert_eq!(app.publishing, None);
}

/// The sample in a temporary home, its `[publish]` table naming calendar
/// `japan` of the test user on `server`.
fn trip_on(server: &Server) -> TempMission {
    let trip = TempMission::of_sample("japan.toml");
    let table = format!(
        "\n[publish]\nurl = \"{}\"\nuser = \"{USER}\"\n\n# --- Days",
        server.url("japan")
    );
    let text = trip.original.replacen("\n# --- Days", &table, 1);
    std::fs::write(&trip.path, &text).expect("writes the mission");
    trip
}

/// The planner on `trip`, with no `ITINERA_PASSWORD`: it asks.
fn planner(trip: &TempMission) -> Planner {
    let mut app = trip.open();
    app.session.publisher = Publisher::new(None, None);
    app
}

fn wait(app: &mut Planner) {
    assert!(
        app.session.wait_for_background(Duration::from_secs(60)),
        "the publish ended"
    );
}

#[test]
fn the_planner_publishes_in_the_background_with_the_password_it_asked_for() {
    let server = Server::start();
    let trip = trip_on(&server);
    let url = server.url("japan");
    let mut app = planner(&trip);
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Prompt(_)), "asks for the password");
    type_text(&mut app, PASSWORD, AREA);
    press(&mut app, &["enter"], AREA);
    assert_eq!(message(&app), format!("Publishing to {url}…"));
    press(&mut app, &["j"], AREA);
    assert_eq!(app.view.pos, 1, "keys work meanwhile");
    wait(&mut app);
    assert_eq!(
        message(&app),
        format!("Published to {url}: 22 events: 22 added, 0 updated, 0 removed, 0 unchanged.")
    );
    assert_eq!(server.stored("japan").len(), 22);
    // The password is the session's now; nothing was written to the file.
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "no second prompt");
    wait(&mut app);
    assert_eq!(
        message(&app),
        format!("Published to {url}: 22 events: 0 added, 0 updated, 0 removed, 22 unchanged.")
    );
    assert!(!trip.on_disk().contains(PASSWORD));
    let records: Vec<String> = std::fs::read_dir(trip.dirs.data.join("publish"))
        .expect("the record")
        .map(|e| std::fs::read_to_string(e.expect("entry").path()).expect("reads"))
        .collect();
    assert_eq!(records.len(), 1);
    assert!(records.iter().all(|r| !r.contains(PASSWORD)), "{records:?}");
}

#[test]
fn a_refused_login_leaves_the_mission_its_history_and_file_as_they_were() {
    let server = Server::start();
    let trip = trip_on(&server);
    let url = server.url("japan");
    let mut app = planner(&trip);
    let file = trip.on_disk();
    let before = app.mission().clone();
    press(&mut app, &["P"], AREA);
    type_text(&mut app, "wrong", AREA);
    press(&mut app, &["enter"], AREA);
    wait(&mut app);
    assert_eq!(
        message_level(&app),
        (
            Level::Error,
            format!(
                "Not published: the server refused the login of \"{USER}\" at {url} (401 \
                 Unauthorized): check the user name and the password."
            )
        )
    );
    assert!(app.mission().same_content(&before));
    assert!(!app.is_dirty());
    assert!(!app.history().can_undo());
    assert_eq!(trip.on_disk(), file);
    assert_eq!(server.stored("japan"), Vec::<String>::new());
    // The refused password is not kept: the next publish asks again.
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Prompt(_)));
}

#[test]
fn the_password_file_of_the_config_is_used_without_asking_and_a_missing_one_is_said() {
    let server = Server::start();
    let trip = trip_on(&server);
    let url = server.url("japan");
    let secret = trip.dir.path().join("dav-password");
    let config = itinera::input::Config {
        password_file: Some(secret.clone()),
        ..itinera::input::Config::default()
    };
    let loaded = itinera::file::load(&trip.path).expect("loads");
    let mut app = Planner::open(loaded, config, Some(trip.dirs.clone()));
    // Not there yet: said, and nothing asked for.
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "no prompt");
    assert_eq!(
        message_level(&app),
        (
            Level::Error,
            format!(
                "Not published: cannot read the password file {}: No such file or directory \
                 (os error 2).",
                secret.display()
            )
        )
    );
    std::fs::write(&secret, format!("{PASSWORD}\n")).expect("writes the password");
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "no prompt");
    wait(&mut app);
    assert_eq!(
        message(&app),
        format!("Published to {url}: 22 events: 22 added, 0 updated, 0 removed, 0 unchanged.")
    );
}

#[test]
fn itinera_password_is_used_without_asking() {
    let server = Server::start();
    let trip = trip_on(&server);
    let url = server.url("japan");
    let mut app = trip.open();
    app.session.publisher = Publisher::new(Some(itinera::publish::Secret::new(PASSWORD)), None);
    press(&mut app, &["P"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "no prompt");
    wait(&mut app);
    assert_eq!(
        message(&app),
        format!("Published to {url}: 22 events: 22 added, 0 updated, 0 removed, 0 unchanged.")
    );
}

#[test]
fn snapshot_of_the_password_prompt_at_80x24() {
    let mut app = with_table();
    app.update(Msg::Done(Report::PasswordNeeded {
        user: USER.into(),
        url: URL.into(),
    }));
    type_text(&mut app, "secret", Rect::new(0, 0, 80, 24));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn snapshot_of_the_status_bar_while_publishing_at_80x24() {
    let mut app = with_table();
    app.update(Msg::Done(Report::Publishing { url: URL.into() }));
    press(&mut app, &["j"], Rect::new(0, 0, 80, 24));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}
