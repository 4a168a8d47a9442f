//! The README is the user's manual: it must name every action that has a
//! default key, its two commands must be the real ones, and its screen
//! capture must be the planner as it is today.

mod common;

use itinera::input::{KeyMode, Keymap};

const README: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");

fn readme() -> String {
    std::fs::read_to_string(README).expect("README.md")
}

/// The README in three parts: before its screen capture (up to and
/// including the line that opens the ```text block), the capture, and
/// the rest (from the closing fence on).
fn split_at_screen(readme: &str) -> (&str, &str, &str) {
    let open = "```text\n";
    let start = readme.find(open).expect("README.md has a ```text block") + open.len();
    let len = readme[start..]
        .find("```\n")
        .expect("the ```text block is closed");
    (
        &readme[..start],
        &readme[start..start + len],
        &readme[start + len..],
    )
}

/// The README's screen is the planner on the bundled sample at 100x24, at
/// 09:30 in Tokyo on the first day: the screen is rendered here, so the
/// README cannot fall behind the layout. `UPDATE_README=1 cargo test --test
/// readme` writes the current screen into README.md.
#[test]
fn the_readme_screen_is_the_planner_on_the_sample_as_it_is() {
    let mut app = common::sample_app();
    let screen = common::screen(&mut app, 100, 24);
    let text = readme();
    let (before, shown, after) = split_at_screen(&text);
    if std::env::var_os("UPDATE_README").is_some_and(|v| !v.is_empty()) && shown != screen {
        std::fs::write(README, format!("{before}{screen}{after}")).expect("write README.md");
        return;
    }
    assert_eq!(
        shown, screen,
        "README.md's screen capture is not what the planner shows; \
         `UPDATE_README=1 cargo test --test readme` rewrites it"
    );
}

#[test]
fn every_default_action_is_in_the_key_table() {
    let readme = readme();
    for action in Keymap::default().actions() {
        let name = format!("`{}`", action.name());
        assert!(readme.contains(&name), "README.md does not document {name}");
    }
}

#[test]
fn every_mode_and_its_actions_are_in_the_configuration_section() {
    let readme = readme();
    let configuration = &readme[readme
        .find("## Configuration")
        .expect("a Configuration section")..];
    for mode in KeyMode::ALL {
        let table = format!("`[{}]`", mode.table());
        assert!(
            configuration.contains(&table),
            "README.md does not document {table}"
        );
        if mode == KeyMode::Normal {
            // The main screen's actions are the key table's, above.
            continue;
        }
        let row = configuration
            .lines()
            .find(|l| l.starts_with(&format!("| {table}")))
            .unwrap_or_else(|| panic!("no row of {table}"));
        for action in mode.actions() {
            let name = format!("`{}`", action.name());
            assert!(
                row.contains(&name),
                "the row of {table} does not name {name}"
            );
        }
    }
}

#[test]
fn readme_gives_the_run_and_test_commands() {
    let readme = readme();
    assert!(readme.contains("cargo run --release -- data/clust-er-health-japan-2022.toml"));
    assert!(readme.contains("\ncargo test --locked\n"));
    // CI runs the same command.
    let ci =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/.ci/run")).expect(".ci/run");
    assert!(ci.contains("cargo test --locked"), "{ci}");
    assert!(
        std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/data/clust-er-health-japan-2022.toml"
        ))
        .exists()
    );
}

#[test]
fn the_format_tour_is_a_valid_mission() {
    let readme = readme();
    let tour = readme
        .split("## The mission file")
        .nth(1)
        .and_then(|rest| rest.split("```toml\n").nth(1))
        .and_then(|block| block.split("```").next())
        .expect("README.md has a TOML example under \"The mission file\"");
    let parsed = itinera::file::parse(tour).expect("the README's example loads");
    assert!(
        parsed.report.diagnostics.is_empty(),
        "{}",
        parsed.report.render("README.md", tour)
    );
    assert_eq!(parsed.mission.visits.len(), 1);
}
