//! How itinera's speed and memory scale with the size of a mission.
//!
//! Run with `cargo bench`; `cargo bench --bench planner -- check` runs only
//! the `check` group (the groups are `scale` and `check`). Machines are
//! shared and noisy, so every result is a ratio against a reference
//! measured in the same run, never an absolute time:
//!
//! - loading is compared with parsing the same text with toml_edit alone
//!   (the floor for any format-preserving loader);
//! - a keypress (update + settle + a full 120x40 frame) at 10,000 and
//!   100,000 visits is compared with the same keypress at 10 visits: a
//!   ratio near 1 means the work per keypress does not grow with the
//!   mission;
//! - an edit (apply, rebuild the day index) and a save render are compared
//!   with loading the same mission;
//! - an editing keypress (`+` then `-`: the rest of a day delayed and
//!   brought back, update + settle + frame, with the problems of the plan
//!   worked out again) is compared with the same keypress at 10 visits,
//!   like the keypress above;
//! - working out the problems again for the one day an edit touched is
//!   compared with working them all out: far below 1 means an edit costs
//!   its days, not the mission;
//! - memory is the peak heap while loading, compared with the file's size;
//! - `itinera check` of a 100,000-visit file with 13,000 warnings, and of
//!   files with about 100,000 problems of one kind, is compared with
//!   `check` of the same 100,000 visits without a warning: problems must
//!   cost about what reading the file costs, not more.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use itinera::app::Msg;
use itinera::domain::problems::Problems;
use itinera::domain::{DayIndex, Edit, ListEdit, Touched};
use itinera::input::Action;
use itinera::input::Config;
use itinera::input::Key;
use itinera::runner::Session;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;

#[path = "planner/check.rs"]
mod check;
#[path = "../tests/stress/mod.rs"]
mod stress;

/// Counts live and peak heap bytes.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: defers to the system allocator and only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as System.alloc.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as System.dealloc.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// A mission of `visits` visits, seven a day (more when seven a day would
/// make it longer than the longest mission, 1,096 days: 92 a day at
/// 100,000 visits), with twenty participants and notes, comments and
/// explicit participant lists like a real file.
fn mission_text(visits: usize) -> String {
    let max_days = itinera::domain::MAX_MISSION_DAYS as usize;
    let per_day = visits.div_ceil(max_days).max(7);
    let days = visits.div_ceil(per_day).max(1);
    // Minutes between two starts, from 08:00 to 22:00; each visit lasts 45
    // minutes or until just before the next.
    let step = 14 * 60 / per_day;
    let length = 45.min(step - 1);
    let start = chrono::NaiveDate::from_ymd_opt(2030, 1, 1).expect("date");
    let end = start + chrono::TimeDelta::days(days as i64 - 1);
    let mut text = format!(
        "# Generated mission\nformat = 1\n\n[mission]\ntitle = \"Benchmark mission\"\n\
         start = {start}\nend = {end}\ntimezone = \"Asia/Tokyo\"\nhome_timezone = \"Europe/Rome\"\n"
    );
    for p in 0..20 {
        let _ = write!(
            text,
            "\n[[participants]]\nid = \"p{p}\"\nname = \"Participant {p}\"\norganization = \"Org {p}\"\n"
        );
    }
    for v in 0..visits {
        let date = start + chrono::TimeDelta::days((v / per_day) as i64);
        let from = 8 * 60 + (v % per_day) * step;
        let to = from + length;
        if v % per_day == 0 {
            let _ = write!(text, "\n# --- {date} ---\n");
        }
        let _ = write!(
            text,
            "\n[[visits]]\nid = \"v{v}\"\ndate = {date}\nstart = {:02}:{:02}:00\nend = {:02}:{:02}:00\n\
             title = \"Visit number {v} to an innovation hub\"\nkind = \"visit\"\ncity = \"City {}\"\n\
             venue = \"Building {v}\"\nparticipants = [\"p{}\", \"p{}\"]\n\
             notes = \"Meeting with the hosts about cooperation in life sciences; bring the brochures.\"\n",
            from / 60,
            from % 60,
            to / 60,
            to % 60,
            v % 13,
            v % 20,
            (v + 7) % 20
        );
    }
    text
}

/// Median time of `runs` runs of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn app_for(text: &str) -> Session {
    let parsed = itinera::file::parse_bytes(text.as_bytes()).expect("valid mission");
    let loaded = itinera::file::Loaded {
        path: "bench.toml".into(),
        parsed,
        bytes: text.as_bytes().to_vec(),
    };
    Session::open(loaded, Config::default(), None)
}

fn key(app: &mut Session, name: &str) {
    let key = Key::parse(name).expect("key");
    let event = Event::Key(itinera::runner::keys::event_of(key));
    app.handle(&event, AREA);
}

/// One keypress as the event loop handles it: update, settle, draw.
fn keypress_frame(app: &mut Session, terminal: &mut Terminal<TestBackend>, name: &str) {
    key(app, name);
    terminal
        .draw(|frame| itinera::ui::render(frame, &app.app))
        .expect("draw");
}

/// Median time of a keypress cycle alternating `forward` and `back` (so
/// the selection stays in place) over `runs` runs.
fn keypress(app: &mut Session, forward: &str, back: &str, runs: usize) -> Duration {
    let mut terminal = Terminal::new(TestBackend::new(AREA.width, AREA.height)).expect("terminal");
    let mut flip = false;
    median(runs, || {
        flip = !flip;
        keypress_frame(app, &mut terminal, if flip { forward } else { back });
    })
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

fn main() {
    // `cargo bench -- --quick` (or cargo test running benches) keeps it short.
    let quick = std::env::args().any(|a| a == "--quick" || a == "--test");
    // Group names on the command line choose the groups; none runs all.
    let groups: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wanted = |group: &str| groups.is_empty() || groups.iter().any(|g| g == group);
    if wanted("scale") {
        scale(quick);
    }
    if wanted("check") {
        check::group(quick);
    }
}

/// An edit: replace the selected visit (and undo it, to stay put).
fn edit_time(session: &mut Session, runs: usize) -> Duration {
    median(runs, || {
        let app = &mut session.app;
        let i = app.selected_index().expect("a visit is selected");
        let mut visit = app.mission().visits[i].clone();
        visit.title.push('!');
        app.apply(Edit::Visit(ListEdit::Replace(i, visit)), "bench", None);
        app.undo();
    })
}

/// Working out the problems of the selected visit's day again, as after
/// an edit of it, and working out all of them.
fn problem_times(session: &Session, runs: usize) -> (Duration, Duration) {
    let mission = session.app.mission().clone();
    let index = DayIndex::build(&mission);
    let mut problems = Problems::build_indexed(&mission, &index);
    let i = session.app.selected_index().expect("a visit is selected");
    let touched = Touched {
        dates: std::collections::BTreeSet::from([mission.visits[i].date]),
        everything: false,
    };
    let update = median(runs, || problems.update(&mission, &index, &touched));
    let build = median(runs.min(5), || {
        black_box(Problems::build_indexed(&mission, &index));
    });
    (update, build)
}

/// A save after an edit of the mission `text` (`n` visits), through the
/// real path: render, read back to verify, atomic write with a .bak.
fn save_time(text: &str, n: usize, runs: usize) -> Duration {
    let dir = std::env::temp_dir().join(format!("itinera-bench-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("mission.toml");
    std::fs::write(&path, text).expect("write");
    let loaded = itinera::file::load(&path).expect("loads");
    let mut saving = Session::open(loaded, Config::default(), None);
    let save = median(runs.min(5), || {
        let mut visit = saving.app.mission().visits[0].clone();
        visit.title.push('!');
        let edit = Edit::Visit(ListEdit::Replace(0, visit));
        saving.app.apply(edit, "bench", None);
        saving.update(Msg::Action(Action::Save));
        assert!(!saving.app.is_dirty(), "saved");
    });
    let _ = std::fs::remove_dir_all(&dir);
    save
}

/// Load, keypress, edit, save and memory at growing sizes.
fn scale(quick: bool) {
    let sizes: &[usize] = if quick {
        &[10, 1_000]
    } else {
        &[10, 10_000, 100_000]
    };
    let runs = if quick { 5 } else { 21 };

    let small = app_for(&mission_text(10));
    let mut small = small;
    let key_small = keypress(&mut small, "j", "k", runs * 5);
    let day_small = keypress(&mut small, "l", "h", runs * 5);
    let edit_key_small = keypress(&mut small, "+", "-", runs * 5);
    key(&mut small, "a");
    let agenda_small = keypress(&mut small, "j", "k", runs * 5);

    println!("itinera benchmarks (ratios against a reference measured in this run)\n");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "visits",
        "load/",
        "key/",
        "day/",
        "agenda/",
        "edit/",
        "edit key/",
        "problems/",
        "save/",
        "peak mem/",
        "load"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "",
        "parse",
        "key@10",
        "day@10",
        "agenda@10",
        "load",
        "same@10",
        "all days",
        "load",
        "file size",
        "(ms, info)"
    );
    for &n in sizes {
        let text = mission_text(n);
        let parse = median(runs.min(7), || {
            black_box(toml_edit::Document::parse(black_box(text.clone())).expect("parses"));
        });
        let load = median(runs.min(7), || {
            black_box(app_for(black_box(&text)));
        });

        LIVE.store(0, Ordering::Relaxed);
        let before = LIVE.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let mut app = app_for(&text);
        let peak = PEAK.load(Ordering::Relaxed).saturating_sub(before);

        // Middle of the mission, so nothing is at an edge.
        for _ in 0..(app.app.index().len() / 2).min(2_000) {
            key(&mut app, "l");
        }
        let key_n = keypress(&mut app, "j", "k", runs * 5);
        let day_n = keypress(&mut app, "l", "h", runs * 5);
        key(&mut app, "a");
        let agenda_n = keypress(&mut app, "j", "k", runs * 5);
        key(&mut app, "a");

        let edit = edit_time(&mut app, runs);
        let edit_key = keypress(&mut app, "+", "-", runs * 5);
        let (update, build) = problem_times(&app, runs);
        let save = save_time(&text, n, runs);

        println!(
            "{:>8} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>10.3} {:>10.2} {:>10.4} {:>10.2} {:>10.1} {:>10.1}",
            n,
            ratio(load, parse),
            ratio(key_n, key_small),
            ratio(day_n, day_small),
            ratio(agenda_n, agenda_small),
            ratio(edit, load),
            ratio(edit_key, edit_key_small),
            ratio(update, build),
            ratio(save, load),
            peak as f64 / text.len() as f64,
            load.as_secs_f64() * 1e3,
        );
    }
    println!(
        "\nkey@10 (j/k in the timeline at 10 visits, update + full frame) took {:.0} µs; \
         absolute times are for orientation only.",
        key_small.as_secs_f64() * 1e6
    );
}
