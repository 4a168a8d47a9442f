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
