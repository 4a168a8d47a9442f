//! `itinera check` on files full of problems, against the same work on a
//! clean file of the same size. Problems are found, placed (line and
//! column) and printed; a file's problems must cost linear time, so a
//! ratio near 1 is the goal and 2 the most allowed for 13,000 warnings.

use std::hint::black_box;

use super::stress::{
    duplicate_days, integer_tags, out_of_order, unknown_participants, visits_text,
};
use super::{Plan, median, ratio};

/// What `itinera check` does once the file is read: parse, validate,
/// render every problem and the summary.
pub fn check(text: &str) -> String {
    let bytes = text.as_bytes();
    let (text, report) = match itinera::file::parse_bytes(bytes) {
        Ok(parsed) => (text.to_string(), parsed.report),
        Err((text, report)) => (text, report),
    };
    format!(
        "{}m.toml: {}\n",
        report.render("m.toml", &text),
        report.summary()
    )
}

pub fn group(plan: Plan) {
    let (n, runs) = if plan.quick {
        (10_000, 3)
    } else {
        (100_000, 5)
    };
    let clean = visits_text(n, false);
    let warned = visits_text(n, true);
    let summary = check(&warned);
    let reference = median(runs, || {
        black_box(check(black_box(&clean)));
    });
    let inputs: [(&str, String); 5] = [
        ("13% of visits warned", warned),
        ("integer tags", integer_tags(n)),
        ("unknown participants", unknown_participants(n)),
        ("duplicate [[days]]", duplicate_days(n)),
        ("out-of-order visits", out_of_order(n / 2)),
    ];
    println!(
        "## check: files with very many problems\n\n`itinera check` against the same on {n} clean visits ({:.0} ms, info)\n",
        reference.as_secs_f64() * 1e3
    );
    println!(
        "{:>22} {:>10} {:>10} {:>10} {:>10}",
        "input", "MB", "problems", "check/", "check"
    );
    println!(
        "{:>22} {:>10} {:>10} {:>10} {:>10}",
        "", "", "", "clean", "(ms, info)"
    );
    for (name, text) in &inputs {
        let problems = match itinera::file::parse_bytes(text.as_bytes()) {
            Ok(parsed) => parsed.report.diagnostics.len(),
            Err((_, report)) => report.diagnostics.len(),
        };
        let time = median(runs, || {
            black_box(check(black_box(text)));
        });
        println!(
            "{:>22} {:>10.1} {:>10} {:>10.2} {:>10.1}",
            name,
            text.len() as f64 / 1e6,
            problems,
            ratio(time, reference),
            time.as_secs_f64() * 1e3
        );
    }
    println!(
        "\n(13% of visits warned: {})",
        summary.lines().last().unwrap_or_default()
    );
}
