//! One rendered frame of each view, through the public UI (`ui::render`
//! on a test terminal), at growing sizes against the same frame at 10
//! visits: a ratio near 1 means drawing does not grow with the mission.

use std::hint::black_box;
use std::time::Duration;

use itinera::app::{Mode, Pane};
use itinera::runner::Session;
use ratatui::layout::Rect;

use super::app::{NARROW, WIDE, draw, key, open_text, terminal, to_middle};
use super::{Plan, median, mission_text, ratio};

/// The views, each as the keys that lead to it from the timeline, the
/// screen it is drawn on, and the keys that lead back.
const VIEWS: &[(&str, &[&str], Rect, &[&str])] = &[
    ("timeline", &[], WIDE, &[]),
    ("all days", &["a"], WIDE, &["a"]),
    ("visit pane", &["tab"], NARROW, &["backtab"]),
    (
        "delegation",
        &["tab", "tab"],
        NARROW,
        &["backtab", "backtab"],
    ),
    ("help", &["?"], WIDE, &["esc"]),
    ("visit form", &["e"], WIDE, &["esc"]),
];

/// Checks that the keys led where the view's name says.
fn arrived(session: &Session, view: &str) -> bool {
    let app = &session.app;
    match view {
        "timeline" => app.view.focus == Pane::Timeline && !app.view.all_days,
        "all days" => app.view.all_days,
        "visit pane" => app.view.focus == Pane::Detail,
        "delegation" => app.view.focus == Pane::Participants,
        "help" => matches!(app.mode, Mode::Help { .. }),
        "visit form" => matches!(app.mode, Mode::Form(_)),
        _ => false,
    }
}

/// The median frame time of each view of a mission of `n` visits.
fn frames(n: usize, runs: usize) -> Vec<Duration> {
    let mut app = open_text(&mission_text(n, false));
    to_middle(&mut app, WIDE);
    VIEWS
        .iter()
        .map(|&(view, there, area, back)| {
            for k in there {
                key(&mut app, k, area);
            }
            assert!(
                arrived(&app, view),
                "the keys {there:?} did not open {view}"
            );
            let mut terminal = terminal(area);
            let time = median(runs, || {
                draw(black_box(&app), &mut terminal);
            });
            for k in back {
                key(&mut app, k, area);
            }
            assert!(matches!(app.app.mode, Mode::Normal), "back from {view}");
            time
        })
        .collect()
}

pub fn group(plan: Plan) {
    println!("## frames: one frame of each view, against the same frame at 10 visits\n");
    let runs = if plan.quick { 20 } else { 200 };
    let small = frames(10, runs);
    print!("{:>8}", "visits");
    for (view, ..) in VIEWS {
        print!(" {view:>11}");
    }
    println!();
    print!("{:>8}", "10 (µs)");
    for t in &small {
        print!(" {:>11.0}", t.as_secs_f64() * 1e6);
    }
    println!();
    for &n in plan.sizes() {
        let big = frames(n, runs);
        print!("{n:>8}");
        for (b, s) in big.iter().zip(&small) {
            print!(" {:>11.2}", ratio(*b, *s));
        }
        println!();
    }
    println!(
        "\nThe wide views at 120x40; the visit pane and the delegation at 70x30, where one \
         pane shows at a time. First row: the frame at 10 visits (µs, info); below: ratios.\n"
    );
}
