//! The README is the user's manual: it must name every action that has a
//! default key, and its two commands must be the real ones.

use itinera::input::Keymap;

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).expect("README.md")
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
fn readme_gives_the_run_and_test_commands() {
    let readme = readme();
    assert!(readme.contains("cargo run --release -- data/clust-er-health-japan-2022.toml"));
    assert!(readme.contains("\ncargo test\n"));
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
