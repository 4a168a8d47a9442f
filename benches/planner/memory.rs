//! Peak heap, counted by the benchmark's allocator, against the bare
//! reference's peak on the same text: what `itinera check` holds, and what
//! the planner holds up to its first frame and through its first save.

use std::hint::black_box;

use super::app::{Scratch, WIDE, draw, key, open_file, terminal};
use super::check::check;
use super::{Plan, live_now, mb, mission_text, peak_heap, reference, target};

pub fn group(plan: Plan) {
    println!("## memory: peak heap, against the bare reference's peak on the same text\n");
    println!(
        "{:>8} {:>8} {:>10} {:>8} {:>11} {:>11} {:>11} {:>11}",
        "visits",
        "file",
        "reference",
        "check/",
        "first frame",
        "first frame",
        "after save",
        "held/"
    );
    println!(
        "{:>8} {:>8} {:>10} {:>8} {:>11} {:>11} {:>11} {:>11}",
        "", "(MB)", "(MB)", "ref", "/ref", "/file", "/ref", "file"
    );
    for &n in plan.sizes() {
        let text = mission_text(n, true);
        let (_, reference) = peak_heap(|| black_box(reference::agenda(&text).is_ok()));
        let (_, check) = peak_heap(|| black_box(check(&text).len()));

        let scratch = Scratch::new(&format!("memory-{n}"));
        let path = scratch.file("mission.toml", &text);
        // The planner as it starts: the file read, the app built, a frame.
        let live = live_now();
        let (mut app, first) = peak_heap(|| {
            let mut app = open_file(&path);
            let mut terminal = terminal(WIDE);
            key(&mut app, "j", WIDE);
            draw(&app, &mut terminal);
            app
        });
        // What it goes on holding, and its peak through a first save.
        let held = live_now().saturating_sub(live);
        let (_, save) = peak_heap(|| {
            key(&mut app, "J", WIDE);
            key(&mut app, "ctrl-s", WIDE);
            assert!(!app.app.is_dirty(), "saved");
        });
        let size = text.len() as f64;
        println!(
            "{:>8} {:>8.1} {:>10.1} {:>8.2} {:>11.2} {:>11.1} {:>11.2} {:>11.1}",
            n,
            mb(text.len()),
            mb(reference),
            check as f64 / reference as f64,
            first as f64 / reference as f64,
            first as f64 / size,
            (first.max(save)) as f64 / reference as f64,
            held as f64 / size,
        );
        if n == 100_000 {
            target(
                "TUI peak memory at 100k, up to the first frame",
                first as f64 / reference as f64,
                2.0,
                "≤ 2x the reference's peak",
            );
            target(
                "TUI peak memory at 100k, through the first save",
                first.max(save) as f64 / reference as f64,
                2.0,
                "≤ 2x the reference's peak",
            );
        }
        drop(app);
    }
    println!(
        "\nFiles with 13% of visits warned. check/ref: parse, validate and print every \
         problem. first frame: the planner from reading the file to its first frame; after \
         save: its peak through an edit and the first save, which builds the \
         format-preserving document. held/file: the heap still held after the first frame.\n"
    );
}
