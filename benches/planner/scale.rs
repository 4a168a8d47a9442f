//! A keypress as the event loop handles it (update, fit the screen, a
//! full 120x40 frame) at 10,000 and 100,000 visits, against the same
//! keypress at 10 visits: a ratio near 1 means the work per keypress does
//! not grow with the mission.

use std::time::Duration;

use itinera::runner::Session;

use super::app::{WIDE, draw, key, open_text, terminal, to_middle};
use super::{Plan, median, mission_text, ratio, target};

/// Median time of a keypress cycle alternating `forward` and `back` (so
/// the selection stays in place) over `runs` runs.
fn keypress(app: &mut Session, forward: &str, back: &str, runs: usize) -> Duration {
    let mut terminal = terminal(WIDE);
    let mut flip = false;
    median(runs, || {
        flip = !flip;
        key(app, if flip { forward } else { back }, WIDE);
        draw(app, &mut terminal);
    })
}

/// `j`/`k` in the timeline, `l`/`h` between days, `j`/`k` in the all-days
/// agenda.
fn keypresses(app: &mut Session, runs: usize) -> [Duration; 3] {
    let key_time = keypress(app, "j", "k", runs);
    let day_time = keypress(app, "l", "h", runs);
    key(app, "a", WIDE);
    let agenda_time = keypress(app, "j", "k", runs);
    key(app, "a", WIDE);
    [key_time, day_time, agenda_time]
}

pub fn group(plan: Plan) {
    let runs = if plan.quick { 25 } else { 105 };
    let mut small = open_text(&mission_text(10, false));
    let at_10 = keypresses(&mut small, runs);
    println!("## scale: a keypress and its frame, against the same at 10 visits\n");
    println!(
        "{:>8} {:>10} {:>10} {:>10}",
        "visits", "key/", "day/", "agenda/"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>10}",
        "", "key@10", "day@10", "agenda@10"
    );
    for &n in plan.sizes() {
        let mut app = open_text(&mission_text(n, false));
        to_middle(&mut app, WIDE);
        let at_n = keypresses(&mut app, runs);
        let ratios: Vec<f64> = at_n
            .iter()
            .zip(&at_10)
            .map(|(a, b)| ratio(*a, *b))
            .collect();
        println!(
            "{:>8} {:>10.2} {:>10.2} {:>10.2}",
            n, ratios[0], ratios[1], ratios[2]
        );
        if n == 100_000 {
            let worst = ratios.iter().copied().fold(0.0, f64::max);
            target(
                "keypress at 100k (the slowest of j/k, l/h, agenda j/k)",
                worst,
                1.5,
                "about 1x the same at 10 visits: keep",
            );
        }
    }
    println!(
        "\nkey@10 (j/k in the timeline at 10 visits, update + full frame) took {:.0} µs; \
         absolute times are for orientation only.\n",
        at_10[0].as_secs_f64() * 1e6
    );
}
