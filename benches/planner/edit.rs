//! Editing: a move and its undo, and a format-preserving save after one
//! edit, against the bare reference on the same text.

use std::hint::black_box;
use std::time::Instant;

use itinera::runner::Session;

use super::app::{Scratch, WIDE, key, open_file, open_text, to_middle};
use super::inprocess::reference_time;
use super::{Plan, median, mission_text, ms, ratio, target};

/// `J` (the selected visit one later in its day) and `u` (undo), as the
/// event loop handles them: update and fit the screen, no frame.
fn move_and_undo(app: &mut Session) {
    key(app, "J", WIDE);
    key(app, "u", WIDE);
}

/// One edit (`edit`: `J` or `K`, a visit moved within its day) then
/// `ctrl-s`, the real save: render into the file's own text, read it back
/// to verify, write atomically with a `.bak`.
fn edit_and_save(app: &mut Session, edit: &str) {
    key(app, edit, WIDE);
    assert!(app.app.is_dirty(), "the move is an edit");
    key(app, "ctrl-s", WIDE);
    assert!(!app.app.is_dirty(), "saved: {:?}", app.app.message.as_ref());
}

pub fn group(plan: Plan) {
    println!("## edit: a move and its undo, a save after one edit\n");
    println!(
        "{:>8} {:>10} {:>10} {:>11} {:>11} {:>11} {:>11} {:>10}",
        "visits",
        "reference",
        "move+undo",
        "move+undo/",
        "first save/",
        "next save/",
        "prepare/",
        "first save"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>11} {:>11} {:>11} {:>11} {:>10}",
        "", "(ms)", "(ms)", "ref", "ref", "ref", "ref", "(ms)"
    );
    let mut sizes = vec![10];
    sizes.extend_from_slice(plan.sizes());
    for n in sizes {
        let runs = plan.runs(n);
        let text = mission_text(n, false);
        let reference = reference_time(&text, runs);

        let mut app = open_text(&text);
        to_middle(&mut app, WIDE);
        let before = app.app.mission().clone();
        let moved = median(runs * 3, || move_and_undo(black_box(&mut app)));
        assert!(
            app.app.mission().same_content(&before),
            "undo gives the mission back"
        );

        // The first save builds the document a save patches; each run
        // opens the file afresh so that every save is a first one.
        let scratch = Scratch::new(&format!("save-{n}"));
        let mut first = Vec::new();
        for _ in 0..runs.min(5) {
            let path = scratch.file("mission.toml", &text);
            let mut app = open_file(&path);
            to_middle(&mut app, WIDE);
            let start = Instant::now();
            edit_and_save(&mut app, "J");
            first.push(start.elapsed());
        }
        first.sort();
        let first = first[first.len() / 2];
        // Later saves start from the document the first one built.
        let path = scratch.file("mission.toml", &text);
        let mut app = open_file(&path);
        to_middle(&mut app, WIDE);
        edit_and_save(&mut app, "J");
        let mut back = false;
        let next = median(runs.min(5), || {
            back = !back;
            edit_and_save(&mut app, if back { "K" } else { "J" });
        });

        // What building that document costs alone, as it would be built
        // after the first frame.
        let base = itinera::file::parse_bytes(text.as_bytes())
            .expect("valid")
            .base;
        let prepare = median(runs.min(5), || {
            let work = base.prepare().expect("not built yet");
            black_box(work.build());
        });
        println!(
            "{:>8} {:>10.1} {:>10.2} {:>11.3} {:>11.2} {:>11.2} {:>11.2} {:>10.1}",
            n,
            ms(reference),
            ms(moved),
            ratio(moved, reference),
            ratio(first, reference),
            ratio(next, reference),
            ratio(prepare, reference),
            ms(first)
        );
        if n == 100_000 {
            target(
                "save after one edit at 100k (first save of the session)",
                ratio(first, reference),
                2.0,
                "≤ 2x",
            );
            target(
                "save after one edit at 100k (the document already built)",
                ratio(next, reference),
                2.0,
                "≤ 2x",
            );
        }
    }
    println!(
        "\nA save renders, reads the text back to verify it, and writes it atomically with a \
         .bak. The first save of a session also builds the format-preserving document \
         (prepare/ref: that part alone); next save: one made after it.\n"
    );
}
