//! How itinera's speed and memory scale with the size of a mission, against
//! a bare reference measured in the same run.
//!
//! Run with `cargo bench`; `cargo bench --bench planner -- GROUP...` runs
//! only the groups named (no name runs them all, in this order):
//!
//! | group | what |
//! |---|---|
//! | `load` | reading and validating a file, in process |
//! | `export` | each export format: text, Markdown, iCalendar, JSON |
//! | `frames` | one rendered frame of each view, through the public UI |
//! | `edit` | a move and its undo; a format-preserving save after one edit |
//! | `memory` | peak heap of `check` and of the planner up to its first frame |
//! | `process` | whole processes: `itinera check` and `itinera export` |
//! | `scale` | a keypress, an editing keypress (`+`/`-`, problems worked out again) at 10,000 and 100,000 visits against 10 visits; one day's problems against all days' |
//! | `check` | `check` of files with very many problems |
//!
//! The machine is shared and noisy, so every result is a ratio against a
//! reference measured in the same run, and times are CPU times (the
//! thread's, or the child's user and system time), which waiting for a
//! busy core does not inflate; absolute times are printed for orientation
//! only. The reference is the least a program can do with the
//! same file ([`reference`]): `toml::from_str` into plain serde structs,
//! sort the visits, print an agenda. The whole-process figures run it as a
//! process too: this benchmark's own executable, started again with
//! `--bare-reference FILE`, so it needs no binary of its own.
//!
//! `--write-mission N FILE [--warned]` writes the generated mission of N
//! visits to FILE instead, to look at or to profile.
//!
//! After a full run, a summary lists each target of docs/performance.md
//! with the ratio measured. `--quick` runs small sizes only.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicIsize, Ordering};
use std::time::{Duration, Instant};

#[path = "planner/app.rs"]
mod app;
#[path = "planner/check.rs"]
mod check;
#[path = "planner/edit.rs"]
mod edit;
#[path = "planner/frames.rs"]
mod frames;
#[path = "planner/inprocess.rs"]
mod inprocess;
#[path = "planner/memory.rs"]
mod memory;
#[path = "planner/process.rs"]
mod process;
#[path = "planner/reference.rs"]
mod reference;
#[path = "planner/scale.rs"]
mod scale;
#[path = "../tests/stress/mod.rs"]
mod stress;

/// Counts live and peak heap bytes while `COUNTING` (off in the reference
/// process, which then allocates like any program).
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicIsize = AtomicIsize::new(0);
static PEAK: AtomicIsize = AtomicIsize::new(0);

// SAFETY: defers to the system allocator and only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as System.alloc.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() && COUNTING.load(Ordering::Relaxed) {
            let size = layout.size() as isize;
            let live = LIVE.fetch_add(size, Ordering::Relaxed) + size;
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as System.dealloc.
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The result of `f` and the most heap it held at once beyond what was
/// live before.
pub fn peak_heap<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let out = f();
    let peak = PEAK.load(Ordering::Relaxed) - before;
    (out, peak.max(0) as usize)
}

/// The heap live now, as counted since counting began.
pub fn live_now() -> usize {
    LIVE.load(Ordering::Relaxed).max(0) as usize
}

/// A mission of `visits` visits, about 290 bytes each: seven a day (more
/// when seven a day would make it longer than the longest mission, 1,096
/// days: 92 a day at 100,000 visits), with twenty participants, a comment
/// above each day and attendee lists, like a real file. With `warned`,
/// 13 visits in 100 carry one warning each: an unknown key, kind or
/// status, or a start before the visit above.
pub fn mission_text(visits: usize, warned: bool) -> String {
    mission_shaped(
        visits,
        Shape {
            per_day: per_day(visits),
            warned,
            ids: true,
        },
    )
}

/// How many visits a day [`mission_text`] puts in a mission of `visits`.
pub fn per_day(visits: usize) -> usize {
    let max_days = itinera::domain::MAX_MISSION_DAYS as usize;
    visits.div_ceil(max_days).max(7)
}

/// What a generated mission is like, beyond its size.
#[derive(Clone, Copy)]
pub struct Shape {
    pub per_day: usize,
    /// 13 visits in 100 with a warning.
    pub warned: bool,
    /// Every visit with an `id` written (otherwise each is known by the
    /// id generated from its date and title, as in the sample).
    pub ids: bool,
}

/// [`mission_text`] of another [`Shape`].
pub fn mission_shaped(visits: usize, shape: Shape) -> String {
    let Shape {
        per_day,
        warned,
        ids,
    } = shape;
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
        let slot = v % per_day;
        let date = start + chrono::TimeDelta::days((v / per_day) as i64);
        let warning = warned && v % 100 < 13;
        let mut from = 8 * 60 + slot * step;
        let (mut kind, mut extra) = ("visit", "");
        match v % 4 {
            1 if warning => kind = "workshop",
            2 if warning => extra = "status = \"maybe\"\n",
            3 if warning && slot != 0 => from = 7 * 60,
            _ if warning => extra = "budget = 100\n",
            _ => {}
        }
        let to = from + length;
        if slot == 0 {
            let _ = write!(text, "\n# --- {date} ---\n");
        }
        if ids {
            let _ = write!(text, "\n[[visits]]\nid = \"v{v}\"");
        } else {
            text.push_str("\n[[visits]]");
        }
        let _ = write!(
            text,
            "\ndate = {date}\nstart = {:02}:{:02}:00\nend = {:02}:{:02}:00\n\
             title = \"Visit number {v} to an innovation hub\"\nkind = \"{kind}\"\n{extra}city = \"City {}\"\n\
             venue = \"Building {v}\"\nparticipants = [\"p{}\", \"p{}\"]\n\
             notes = \"Meeting with the hosts about cooperation in life sciences, and brochures.\"\n",
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

/// The CPU time this thread has used. The machine is shared: time spent
/// waiting for a core counts in wall time, not here.
#[cfg(unix)]
pub fn cpu_now() -> Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a live, writable timespec.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) } == 0;
    if ok {
        Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
    } else {
        Duration::ZERO
    }
}

/// Median CPU time of `runs` runs of `f` (wall time where the thread's CPU
/// time cannot be read).
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let (wall, cpu) = (Instant::now(), cpu_now());
            f();
            match cpu_now().checked_sub(cpu) {
                Some(used) if !used.is_zero() => used,
                _ => wall.elapsed(),
            }
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

pub fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64().max(1e-9)
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

pub fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// One row of the summary: a target of docs/performance.md and what this
/// run measured for it.
pub struct Target {
    pub what: String,
    pub measured: String,
    pub target: &'static str,
    pub met: bool,
}

static TARGETS: Mutex<Vec<Target>> = Mutex::new(Vec::new());

/// Records a target's measured `value` (a ratio), met when at most `bound`.
pub fn target(what: impl Into<String>, value: f64, bound: f64, target: &'static str) {
    if let Ok(mut targets) = TARGETS.lock() {
        targets.push(Target {
            what: what.into(),
            measured: if value < 0.1 {
                format!("{value:.4}x")
            } else {
                format!("{value:.2}x")
            },
            target,
            met: value <= bound,
        });
    }
}

fn summary() {
    let Ok(targets) = TARGETS.lock() else {
        return;
    };
    if targets.is_empty() {
        return;
    }
    println!("\n## Targets (ratios against the bare reference in this run)\n");
    println!("| | measured | target | |");
    println!("|---|---|---|---|");
    for t in targets.iter() {
        let mark = if t.met { "met" } else { "NOT MET" };
        println!("| {} | {} | {} | {mark} |", t.what, t.measured, t.target);
    }
}

/// A group's name and what runs it.
type Group = (&'static str, fn(Plan));

/// Which sizes and how many runs: the full set, or `--quick`.
#[derive(Clone, Copy)]
pub struct Plan {
    pub quick: bool,
}

impl Plan {
    /// The mission sizes of the in-process groups.
    pub fn sizes(self) -> &'static [usize] {
        if self.quick {
            &[1_000]
        } else {
            &[10_000, 100_000]
        }
    }

    /// Runs for a median, fewer for big missions.
    pub fn runs(self, visits: usize) -> usize {
        match (self.quick, visits) {
            (true, _) => 3,
            (false, v) if v >= 100_000 => 5,
            (false, _) => 11,
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, file, ..] if flag == "--bare-reference" => {
            std::process::exit(reference::process(file));
        }
        // The generated missions, to look at or to profile.
        [flag, visits, out, rest @ ..] if flag == "--write-mission" => {
            let visits = visits.parse().expect("a number of visits");
            let warned = rest.iter().any(|a| a == "--warned");
            std::fs::write(out, mission_text(visits, warned)).expect("write");
            return;
        }
        _ => {}
    }
    COUNTING.store(true, Ordering::Relaxed);
    // `cargo bench -- --quick` (or cargo test running benches) keeps it short.
    let plan = Plan {
        quick: args.iter().any(|a| a == "--quick" || a == "--test"),
    };
    // Group names on the command line choose the groups; none runs all.
    let groups: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let wanted = |group: &str| groups.is_empty() || groups.iter().any(|g| *g == group);
    println!("itinera benchmarks: ratios against a reference measured in this run\n");
    let all: [Group; 8] = [
        ("load", inprocess::load),
        ("export", inprocess::export),
        ("frames", frames::group),
        ("edit", edit::group),
        ("memory", memory::group),
        ("process", process::group),
        ("scale", scale::group),
        ("check", check::group),
    ];
    for (name, group) in all {
        if wanted(name) {
            group(plan);
        }
    }
    summary();
}
