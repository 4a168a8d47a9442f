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
use super::{Plan, Shape, median, mission_shaped, mission_text, ms, per_day, ratio, target};

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
        ..Touched::default()
    };
    let update = median(runs, || problems.update(&mission, &index, &touched));
    let build = median(runs.min(5), || {
        black_box(Problems::build_indexed(&mission, &index));
    });
    (update, build)
}

/// The first edit of a day, which writes the ids of the visits it moves
/// (`l` to a day not edited yet, `+`, a frame), over `runs` days.
fn first_edits(app: &mut Session, runs: usize) -> Duration {
    let mut terminal = terminal(WIDE);
    median(runs, || {
        key(app, "l", WIDE);
        key(app, "+", WIDE);
        draw(app, &mut terminal);
    })
}

/// An editing keypress (`+`/`-`), the first edit of a day, and opening
/// the planner, in a mission of `n` visits, `per_day` a day, without
/// written ids.
struct Edits {
    edit: Duration,
    first: Duration,
    open: Duration,
}

fn edits(n: usize, per_day: usize, runs: usize) -> Edits {
    let shape = Shape {
        per_day,
        warned: false,
        ids: false,
    };
    let text = mission_shaped(n, shape);
    let mut opened = None;
    let open = median(1, || opened = Some(open_text(&text)));
    let Some(mut app) = opened else {
        unreachable!("opened above")
    };
    to_middle(&mut app, WIDE);
    let first = first_edits(&mut app, runs.min(31));
    let edit = keypress(&mut app, "+", "-", runs);
    Edits { edit, first, open }
}

pub fn group(plan: Plan) {
    let runs = if plan.quick { 25 } else { 105 };
    let mut small = open_text(&mission_text(10, false));
    let at_10 = keypresses(&mut small, runs);
    println!("## scale: a keypress and its frame, against the same at 10 visits\n");
    println!(
        "{:>8} {:>7} {:>7} {:>9} {:>6} {:>9} {:>9} {:>11} {:>9} {:>10}",
        "visits",
        "key/",
        "day/",
        "agenda/",
        "a day",
        "edit key",
        "edit key/",
        "first edit/",
        "edit key/",
        "problems/"
    );
    println!(
        "{:>8} {:>7} {:>7} {:>9} {:>6} {:>9} {:>9} {:>11} {:>9} {:>10}",
        "", "key@10", "day@10", "agenda@10", "", "(ms)", "same@1k", "same@1k", "open", "all days"
    );
    for &n in plan.sizes() {
        let mut app = open_text(&mission_text(n, false));
        to_middle(&mut app, WIDE);
        let at_n = keypresses(&mut app, runs);
        let ratios: Vec<f64> = at_n[..3]
            .iter()
            .zip(&at_10)
            .map(|(a, b)| ratio(*a, *b))
            .collect();
        let (update, build) = problem_times(&app, runs.min(21));
        let problems = ratio(update, build);
        drop(app);
        let per_day = per_day(n);
        let at_n = edits(n, per_day, runs);
        let at_1k = edits(1_000, per_day, runs);
        let edit_ratio = ratio(at_n.edit, at_1k.edit);
        let first_ratio = ratio(at_n.first, at_1k.first);
        let of_open = ratio(at_n.edit.max(at_n.first), at_n.open);
        println!(
            "{:>8} {:>7.2} {:>7.2} {:>9.2} {:>6} {:>9.2} {:>9.2} {:>11.2} {:>9.4} {:>10.4}",
            n,
            ratios[0],
            ratios[1],
            ratios[2],
            per_day,
            ms(at_n.edit),
            edit_ratio,
            first_ratio,
            of_open,
            problems
        );
        if n == 100_000 {
            let worst = ratios.iter().copied().fold(0.0, f64::max);
            target(
                "keypress at 100k (the slowest of j/k, l/h, agenda j/k)",
                worst,
                1.5,
                "about 1x the same at 10 visits: keep",
            );
            target(
                "editing keypress (+/-, or a day's first edit) at 100k, against opening the planner on it",
                of_open,
                0.01,
                "an edit under 1% of a load",
            );
            target(
                "problems worked out after an edit at 100k, against all days'",
                problems,
                0.05,
                "the days it touched only",
            );
        }
    }
    println!(
        "\nkey@10 (j/k in the timeline at 10 visits, update + full frame) took {:.0} µs; \
         absolute times are for orientation only. a day: visits a day. \
         edit key: + then - on a visit in the middle of a mission without written ids, \
         the rest of its day delayed and brought back, the problems of the days it touched \
         worked out again, a full frame; first edit: l to a day not edited yet, +, a frame \
         (the first edit of a day writes the ids of the visits it moves). same@1k: the same \
         in a mission of 1,000 visits as many a day; open: reading the mission and \
         opening the planner on it, the slower of edit key and first edit against it.\n",
        at_10[0].as_secs_f64() * 1e6,
    );
}
