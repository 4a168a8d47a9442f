//! Whole processes, as a user runs them: the release `itinera check` and
//! `itinera export` against the bare reference run as a process on the
//! same file (this benchmark's executable with `--bare-reference FILE`),
//! at 1,000, 10,000 and 100,000 visits. The child's CPU time (user and
//! system) and peak resident memory from `wait4`, and the wall time from
//! spawn to exit; the targets are judged on CPU time, which a busy
//! machine inflates least. Standard output goes to
//! /dev/null. Runs of the commands are interleaved, so a busy moment of
//! the machine falls on all of them alike.
//!
//! calcurse, when installed, is measured too as a peer a user might pick
//! instead: `calcurse -Q` listing the same appointments (imported from
//! itinera's iCalendar export beforehand, untimed) over the mission's
//! days, for information, up to 10,000 visits.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::app::Scratch;
use super::{Plan, mission_text, ms, ratio, target};

const ITINERA: &str = env!("CARGO_BIN_EXE_itinera");

/// What one run of a process cost.
#[derive(Clone, Copy)]
struct Cost {
    wall: Duration,
    /// User and system CPU time.
    cpu: Duration,
    /// Peak resident set, in kB.
    rss: u64,
}

fn duration(t: libc::timeval) -> Duration {
    Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1_000)
}

/// Runs `command` to its end; `None` when it could not start or exited
/// other than with 0.
fn run(command: &mut Command) -> Option<Cost> {
    let start = Instant::now();
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let pid = libc::pid_t::try_from(child.id()).ok()?;
    let mut status = 0;
    // SAFETY: rusage is plain data, for which all zeroes is a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; the pointers are
    // to live locals. The `Child` is not waited for afterwards.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let wall = start.elapsed();
    let ok = waited == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    ok.then_some(Cost {
        wall,
        cpu: duration(usage.ru_utime) + duration(usage.ru_stime),
        rss: u64::try_from(usage.ru_maxrss).unwrap_or(0),
    })
}

/// The median of each figure of `costs`.
fn medians(costs: &mut [Cost]) -> Cost {
    let middle = costs.len() / 2;
    costs.sort_by_key(|c| c.wall);
    let wall = costs[middle].wall;
    costs.sort_by_key(|c| c.cpu);
    let cpu = costs[middle].cpu;
    costs.sort_by_key(|c| c.rss);
    Cost {
        wall,
        cpu,
        rss: costs[middle].rss,
    }
}

/// The commands measured at one size, in the order they are printed.
struct Commands {
    names: Vec<&'static str>,
    commands: Vec<Command>,
}

impl Commands {
    fn new() -> Self {
        Commands {
            names: Vec::new(),
            commands: Vec::new(),
        }
    }

    fn add(&mut self, name: &'static str, program: &Path, args: &[&str]) -> &mut Command {
        let mut command = Command::new(program);
        command.args(args);
        self.names.push(name);
        self.commands.push(command);
        self.commands.last_mut().expect("just pushed")
    }

    /// Each command's median cost over `runs` interleaved runs.
    fn measure(&mut self, runs: usize) -> Vec<Cost> {
        let mut costs = vec![Vec::new(); self.commands.len()];
        for _ in 0..runs {
            for (i, command) in self.commands.iter_mut().enumerate() {
                let cost = run(command);
                let cost = cost.unwrap_or_else(|| panic!("{} failed", self.names[i]));
                costs[i].push(cost);
            }
        }
        costs.iter_mut().map(|c| medians(c)).collect()
    }
}

/// calcurse's data directory holding the appointments of `mission`, or
/// why there is none.
fn calcurse_data(scratch: &Scratch, mission: &Path) -> Result<PathBuf, String> {
    let ics = scratch.0.join("mission.ics");
    let data = scratch.0.join("calcurse");
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    let export = Command::new(ITINERA)
        .args(["export", "--format", "ics", "-o"])
        .arg(&ics)
        .arg(mission)
        .stderr(Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if !export.success() {
        return Err("itinera export --format ics failed".into());
    }
    let import = Command::new("calcurse")
        .env("TZ", "Asia/Tokyo")
        .arg("-D")
        .arg(&data)
        .arg("-i")
        .arg(&ics)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    match import {
        Ok(status) if status.success() => Ok(data),
        Ok(status) => Err(format!("calcurse -i exited with {status}")),
        Err(err) => Err(format!("calcurse is not installed ({err})")),
    }
}

pub fn group(plan: Plan) {
    println!("## process: whole processes against the bare reference as a process\n");
    let sizes: &[usize] = if plan.quick {
        &[1_000]
    } else {
        &[1_000, 10_000, 100_000]
    };
    let me = std::env::current_exe().expect("the benchmark's own path");
    println!(
        "{:>8} {:>22} {:>9} {:>7} {:>9} {:>7} {:>9} {:>7}",
        "visits", "command", "CPU (ms)", "/ref", "wall (ms)", "/ref", "peak (MB)", "/ref"
    );
    let mut notes = Vec::new();
    for &n in sizes {
        let scratch = Scratch::new(&format!("process-{n}"));
        let clean = scratch.file("clean.toml", &mission_text(n, false));
        let warned = scratch.file("warned.toml", &mission_text(n, true));
        let (clean, warned) = (path_str(&clean), path_str(&warned));
        let mut commands = Commands::new();
        commands.add("reference", &me, &["--bare-reference", &clean]);
        commands.add("reference (warned)", &me, &["--bare-reference", &warned]);
        commands.add("check", Path::new(ITINERA), &["check", &clean]);
        commands.add(
            "check (13% warned)",
            Path::new(ITINERA),
            &["check", &warned],
        );
        commands.add("export", Path::new(ITINERA), &["export", &clean]);
        commands.add(
            "export (13% warned)",
            Path::new(ITINERA),
            &["export", &warned],
        );
        let peer = if n > 10_000 {
            Err(
                "calcurse -Q lists a day at a time, looking at every appointment each \
                 day: at 100,000 visits one run takes over a minute"
                    .to_string(),
            )
        } else {
            calcurse_data(&scratch, Path::new(&clean))
        };
        match peer {
            Ok(data) => {
                let data = path_str(&data);
                let days = n.div_ceil(7).clamp(1, 1096).to_string();
                commands
                    .add(
                        "calcurse -Q",
                        Path::new("calcurse"),
                        &["-D", &data, "-Q", "--from", "01/01/2030", "--days", &days],
                    )
                    .env("TZ", "Asia/Tokyo");
            }
            Err(why) => notes.push(format!("calcurse at {n} visits not measured: {why}")),
        }
        let runs = match n {
            _ if plan.quick => 3,
            n if n >= 100_000 => 3,
            n if n >= 10_000 => 7,
            _ => 11,
        };
        let costs = commands.measure(runs);
        let (reference, reference_warned) = (costs[0], costs[1]);
        for (name, cost) in commands.names.iter().zip(&costs) {
            let against = if name.contains("warned") {
                reference_warned
            } else {
                reference
            };
            println!(
                "{:>8} {:>22} {:>9.1} {:>7.2} {:>9.1} {:>7.2} {:>9.1} {:>7.2}",
                n,
                name,
                ms(cost.cpu),
                ratio(cost.cpu, against.cpu),
                ms(cost.wall),
                ratio(cost.wall, against.wall),
                cost.rss as f64 / 1e3,
                cost.rss as f64 / against.rss.max(1) as f64
            );
        }
        record_targets(n, &commands.names, &costs);
        println!();
    }
    for note in notes {
        println!("{note}");
    }
    println!(
        "Each figure is the median of interleaved runs; `/ref` divides by the bare reference \
         on the same file (the warned one for the warned rows).\n"
    );
}

fn path_str(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The targets that these runs measure.
fn record_targets(n: usize, names: &[&str], costs: &[Cost]) {
    let cost = |name: &str| names.iter().position(|n| *n == name).map(|i| costs[i]);
    let (Some(reference), Some(reference_warned)) = (cost("reference"), cost("reference (warned)"))
    else {
        return;
    };
    let time = |name: &str, against: Cost| cost(name).map(|c| ratio(c.cpu, against.cpu));
    let rss =
        |name: &str, against: Cost| cost(name).map(|c| c.rss as f64 / against.rss.max(1) as f64);
    let record = |what: String, value: Option<f64>, bound: f64, text: &'static str| {
        if let Some(value) = value {
            target(what, value, bound, text);
        }
    };
    match n {
        10_000 => {
            record(
                "`check` at 10k, 13% of visits warned".into(),
                time("check (13% warned)", reference_warned),
                1.3,
                "≤ 1.3x",
            );
            record(
                "`export` at 10k".into(),
                time("export", reference),
                1.3,
                "≤ 1.3x",
            );
            record(
                "`check` at 10k, no warnings".into(),
                time("check", reference),
                1.3,
                "≤ 1.3x",
            );
            record(
                "calcurse -Q at 10k (a peer, for information)".into(),
                time("calcurse -Q", reference),
                f64::INFINITY,
                "(information)",
            );
        }
        100_000 => {
            record(
                "`check` at 100k, 13% of visits warned".into(),
                time("check (13% warned)", reference_warned),
                1.3,
                "≤ 1.3x",
            );
            record(
                "peak memory, `check` at 100k (13% warned)".into(),
                rss("check (13% warned)", reference_warned),
                1.5,
                "≤ 1.5x",
            );
        }
        _ => {}
    }
}
