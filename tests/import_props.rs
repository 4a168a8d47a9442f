//! Whatever an .ics file holds, reading it gives events or one problem
//! inside the file, and planning their import into the sample gives a
//! mission the file format can hold; nothing panics.

use chrono::{TimeZone, Utc};
use itinera::export::{Scope, ics};
use proptest::prelude::*;

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

fn sample_export() -> String {
    let mission = itinera::file::parse(SAMPLE).expect("valid").mission;
    let stamp = Utc
        .with_ymd_and_hms(2022, 11, 1, 0, 0, 0)
        .single()
        .expect("time");
    ics::calendar(&mission, &Scope::default(), stamp)
}

fn check(text: &str) -> Result<(), TestCaseError> {
    match itinera::import::events(text) {
        Ok(events) => {
            let parsed = itinera::file::parse(SAMPLE).expect("valid");
            let plan = itinera::import::plan(&parsed.mission, &events);
            prop_assert_eq!(plan.entries.len(), events.len());
            let mut base = parsed.base;
            let rendered = base.render_checked(&plan.mission);
            prop_assert!(rendered.is_ok(), "{:?}", rendered.err());
        }
        Err(err) => {
            let lines = text.split('\n').count();
            prop_assert!(err.line >= 1 && err.line <= lines, "{err} in {lines} lines");
            prop_assert!(err.col >= 1, "{err}");
        }
    }
    Ok(())
}

/// The sample's export with a slice replaced: cut lines, stray
/// separators, broken dates and zones.
fn mutated() -> impl Strategy<Value = String> {
    let text = sample_export();
    let len = text.len();
    (
        0..len,
        0usize..40,
        prop::sample::select(vec![
            "",
            ":",
            ";",
            "\"",
            ",",
            "\\",
            "\r\n",
            "\n",
            "\r\n ",
            "=",
            "é",
            "大阪",
            "BEGIN:VEVENT\r\n",
            "END:VEVENT\r\n",
            "Z",
            "T",
            "99991231",
            "TZID=Nowhere/City",
            "VALUE=DATE",
            "DURATION:P1W\r\n",
            "RRULE:FREQ=DAILY\r\n",
            "UID:x@y.itinera\r\n",
        ]),
    )
        .prop_map(move |(at, cut, insert)| {
            let mut bytes = text.as_bytes().to_vec();
            let end = (at + cut).min(len);
            bytes.splice(at..end, insert.bytes());
            String::from_utf8_lossy(&bytes).into_owned()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn mutated_exports_never_panic(text in mutated()) {
        check(&text)?;
    }

    #[test]
    fn random_content_lines_never_panic(
        text in "(BEGIN:VCALENDAR\r\n)?([A-Z;=:\"0-9TZ, /\\\\-]{0,30}\r\n){0,12}(END:VCALENDAR\r\n)?"
    ) {
        check(&text)?;
    }
}
