//! The document a save patches is built from the file's text when first
//! needed, or ahead of that on another thread ([`Base::prepare`]); either
//! way a save writes the same bytes.

use itinera::file::{Base, parse_bytes};

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

fn sample() -> (Base, itinera::domain::Mission) {
    let parsed = parse_bytes(SAMPLE.as_bytes()).expect("the sample loads");
    (parsed.base, parsed.mission)
}

/// The sample with its second visit renamed.
fn edited(mission: &itinera::domain::Mission) -> itinera::domain::Mission {
    let mut mission = mission.clone();
    mission.visits[1].title = "Renamed visit".to_string();
    mission
}

#[test]
fn a_document_built_on_another_thread_saves_what_a_lazy_one_saves() {
    let (mut lazy, mission) = sample();
    // Entities are matched by key, so both bases hold one mission.
    let mut prepared = lazy.clone();
    let work = prepared.prepare().expect("nothing built yet");
    let built = std::thread::spawn(move || work.build())
        .join()
        .expect("the thread builds the document");
    assert!(prepared.install(built));
    // Installed, not yet patched: an unchanged mission is the file itself.
    assert_eq!(prepared.render(&mission), SAMPLE);
    assert!(prepared.prepare().is_none(), "the document is built");

    let change = edited(&mission);
    let written = lazy.render(&change);
    assert_eq!(prepared.render(&change), written);
    assert_eq!(
        written,
        SAMPLE.replacen("title = \"Lunch\"", "title = \"Renamed visit\"", 1)
    );
}

#[test]
fn a_document_for_text_the_base_moved_on_from_is_not_installed() {
    let (mut base, mission) = sample();
    let work = base.prepare().expect("nothing built yet");
    let written = base.render(&edited(&mission));
    assert!(base.prepare().is_none(), "the render built its own");
    assert!(!base.install(work.build()));
    // The base goes on from its own render: undoing the edit writes the
    // file as it was.
    assert_ne!(written, SAMPLE);
    assert_eq!(base.render(&mission), SAMPLE);

    // Nor in a base read from other text (the file, reloaded).
    let (sample, _) = sample();
    let work = sample.prepare().expect("nothing built yet");
    let mut reloaded = parse_bytes(written.as_bytes()).expect("loads").base;
    assert!(!reloaded.install(work.build()));
    assert!(reloaded.prepare().is_some(), "still to be built");
}

mod common;

use common::files::TempMission;
use common::{press, type_text};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// The planner after its first frame builds the document on another
/// thread; the first save waits for it and writes exactly what a save
/// without it writes: the file with the one line changed.
#[test]
fn the_planner_builds_the_document_after_its_first_frame_and_saves_the_same_bytes() {
    let trip = TempMission::of_sample("mission.toml");
    let mut app = trip.open();
    assert!(!app.doc().is_preparing(), "reading the file built nothing");
    app.session.after_frame();
    assert!(app.doc().is_preparing(), "the first frame starts the build");
    press(&mut app, &["e", "end"], AREA);
    type_text(&mut app, " (HQ)", AREA);
    press(&mut app, &["enter", "ctrl-s"], AREA);
    assert!(!app.is_dirty(), "saved");
    assert!(
        !app.doc().is_preparing(),
        "the save took the built document"
    );
    assert_eq!(
        trip.on_disk(),
        trip.original.replacen(
            "title = \"Osaka Prefectural Government\"",
            "title = \"Osaka Prefectural Government (HQ)\"",
            1
        )
    );
    // Later frames start nothing: the document is there.
    app.session.after_frame();
    assert!(!app.doc().is_preparing());
}
