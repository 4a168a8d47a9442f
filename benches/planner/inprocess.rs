//! Loading and exporting in process, against the bare reference on the
//! same text: `load` and `export`.

use std::hint::black_box;
use std::time::Duration;

use itinera::export::Scope;

use super::{Plan, median, mission_text, ms, ratio, reference, target};

/// The bare reference's median time on `text`.
pub fn reference_time(text: &str, runs: usize) -> Duration {
    median(runs, || {
        black_box(reference::agenda(black_box(text)).expect("the reference reads it"));
    })
}

/// Reading and validating (`file::parse_bytes`: text to checked mission,
/// with the base a save starts from), clean and with 13% of visits
/// warned; the same for reading only (`file::read_bytes`, what `check`
/// and `export` do); the TOML parsers alone for orientation.
pub fn load(plan: Plan) {
    println!("## load: text to validated mission, against the bare reference\n");
    println!(
        "{:>8} {:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "visits", "MB", "reference", "load/", "warned/", "read/", "DeTable/", "toml_edit/", "load"
    );
    println!(
        "{:>8} {:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10}",
        "", "", "(ms)", "ref", "ref", "ref", "ref", "ref", "(ms)"
    );
    for &n in plan.sizes() {
        let runs = plan.runs(n);
        let text = mission_text(n, false);
        let warned = mission_text(n, true);
        let reference = reference_time(&text, runs);
        let load = median(runs, || {
            black_box(itinera::file::parse_bytes(black_box(text.as_bytes())).is_ok());
        });
        let load_warned = median(runs, || {
            black_box(itinera::file::parse_bytes(black_box(warned.as_bytes())).is_ok());
        });
        let read = median(runs, || {
            let bytes = black_box(text.as_bytes()).to_vec();
            black_box(itinera::file::read_bytes(bytes).is_ok());
        });
        let detable = median(runs, || {
            black_box(toml::de::DeTable::parse(black_box(&text)).is_ok());
        });
        let toml_edit = median(runs, || {
            black_box(toml_edit::Document::parse(black_box(text.clone())).is_ok());
        });
        println!(
            "{:>8} {:>8.1} {:>10.1} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>10.1}",
            n,
            text.len() as f64 / 1e6,
            ms(reference),
            ratio(load, reference),
            ratio(load_warned, reference),
            ratio(read, reference),
            ratio(detable, reference),
            ratio(toml_edit, reference),
            ms(load)
        );
        if n == 100_000 {
            target(
                "load+validate at 100k, the planner's read (with the base a save starts from)",
                ratio(load, reference),
                1.37,
                "≤ 1.37x (the schema-driven reader before the field tables: 1.33–1.37x)",
            );
            target(
                "load+validate at 100k, for reading only (check, export)",
                ratio(read, reference),
                1.37,
                "≤ 1.37x",
            );
        }
    }
    println!(
        "\nload: with the base a save starts from (the planner); read: for reading only \
         (check, export), the file's bytes copied in as it reads them. DeTable/ref: toml's tree alone, which the reader walks; toml_edit/ref: the \
         format-preserving document alone, which a save builds.\n"
    );
}

/// Each export of a loaded mission (the whole mission, default width),
/// against the bare reference's whole job on the same text.
pub fn export(plan: Plan) {
    println!("## export: each format from a loaded mission, against the bare reference\n");
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>12}",
        "visits", "reference", "text/", "markdown/", "ics/", "json/", "load+text/"
    );
    println!(
        "{:>8} {:>10} {:>10} {:>10} {:>10} {:>10} {:>12}",
        "", "(ms)", "ref", "ref", "ref", "ref", "ref"
    );
    let stamp = chrono::DateTime::from_timestamp(1_900_000_000, 0).expect("stamp");
    let scope = Scope::default();
    for &n in plan.sizes() {
        let runs = plan.runs(n);
        let text = mission_text(n, false);
        let mission = itinera::file::parse_bytes(text.as_bytes())
            .expect("valid")
            .mission;
        let reference = reference_time(&text, runs);
        let time = |f: &dyn Fn() -> usize| {
            median(runs, || {
                black_box(f());
            })
        };
        let agenda = time(&|| itinera::export::agenda(&mission, &scope).len());
        let markdown = time(&|| itinera::export::markdown::agenda(&mission, &scope).len());
        let ics = time(&|| itinera::export::ics::calendar(&mission, &scope, stamp).len());
        let json = time(&|| {
            itinera::export::json::export(&mission, &scope)
                .expect("json")
                .len()
        });
        let whole = time(&|| {
            let read = itinera::file::read_bytes(text.as_bytes().to_vec()).expect("valid");
            itinera::export::agenda(&read.mission, &scope).len()
        });
        println!(
            "{:>8} {:>10.1} {:>10.2} {:>10.2} {:>10.2} {:>10.2} {:>12.2}",
            n,
            ms(reference),
            ratio(agenda, reference),
            ratio(markdown, reference),
            ratio(ics, reference),
            ratio(json, reference),
            ratio(whole, reference)
        );
    }
    println!(
        "\nEach format alone is a fraction of the reference's whole job (parse, sort, print); \
         load+text/ref is what `itinera export` does in process.\n"
    );
}
