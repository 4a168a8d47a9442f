//! A keypress as the event loop handles it (update, fit the screen, a
//! full 120x40 frame) at 10,000 and 100,000 visits, against the same
//! keypress at 10 visits: a ratio near 1 means the work per keypress does
//! not grow with the mission. The same for an editing keypress (`+` then
//! `-`: the rest of a day delayed and brought back, with the problems of
//! the plan worked out again), and working out the problems of the one
//! day an edit touched against working them all out: far below 1 means an
//! edit costs its days, not the mission.

use std::time::Duration;

use std::collections::BTreeSet;
use std::hint::black_box;

use itinera::domain::problems::Problems;
use itinera::domain::{DayIndex, Touched};
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
/// agenda, `+`/`-` on the selected visit.
fn keypresses(app: &mut Session, runs: usize) -> [Duration; 4] {
    let key_time = keypress(app, "j", "k", runs);
    let day_time = keypress(app, "l", "h", runs);
    key(app, "a", WIDE);
    let agenda_time = keypress(app, "j", "k", runs);
    key(app, "a", WIDE);
    let edit_time = keypress(app, "+", "-", runs);
    [key_time, day_time, agenda_time, edit_time]
}

/// Working out the problems of the selected visit's day again, as after
/// an edit of it, and working out all of them.
fn problem_times(session: &Session, runs: usize) -> (Duration, Duration) {
    let mission = session.app.mission().clone();
    let index = DayIndex::build(&mission);
    let mut problems = Problems::build_indexed(&mission, &index);
    let date = session
        .app
        .selected_index()
        .map_or(mission.header.start, |i| mission.visits[i].date);
    let touched = Touched {
        dates: BTreeSet::from([date]),
        everything: false,
    };
    let update = median(runs, || problems.update(&mission, &index, &touched));
    let build = median(runs.min(5), || {
        black_box(Problems::build_indexed(&mission, &index));
    });
    (update, build)
}

pub fn group(plan: Plan) {
    let runs = if plan.quick { 25 } else { 105 };
    let mut small = open_text(&mission_text(10, false));
    let at_10 = keypresses(&mut small, runs);
    println!("## scale: a keypress and its frame, against the same at 10 visits\n");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "visits", "key/", "day/", "agenda/", "edit key/", "problems/"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "", "key@10", "day@10", "agenda@10", "same@10", "all days"
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
        let (update, build) = problem_times(&app, runs.min(21));
        let problems = ratio(update, build);
        println!(
            "{:>8} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>10.4}",
            n, ratios[0], ratios[1], ratios[2], ratios[3], problems
        );
        if n == 100_000 {
            let worst = ratios.iter().copied().fold(0.0, f64::max);
            target(
                "keypress at 100k (the slowest of j/k, l/h, agenda j/k, +/-)",
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
