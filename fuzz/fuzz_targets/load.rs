//! Any bytes as a mission file: loading never panics; a refusal names an
//! error inside the text; a mission that loads renders back to exactly
//! the bytes it came from when nothing was edited, and can be exported in
//! every format and drawn.

#![no_main]

use chrono::{TimeZone, Utc};
use itinera::app::{App, Opening};
use itinera::export::{self, Scope};
use itinera::input::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = match itinera::file::parse_bytes(data) {
        Ok(parsed) => parsed,
        Err((text, report)) => return itinera_fuzz::check_refusal(&text, &report),
    };
    let written = parsed.base.clone().render(&parsed.mission);
    assert!(
        written.as_bytes() == data,
        "the mission renders back to other bytes:\n{written}"
    );
    let text = String::from_utf8_lossy(data);
    itinera_fuzz::check_inside(
        text.strip_prefix('\u{feff}').unwrap_or(&text),
        &parsed.report,
    );

    let mission = &parsed.mission;
    let stamp = Utc
        .with_ymd_and_hms(2022, 11, 1, 0, 0, 0)
        .single()
        .expect("a time");
    let someone = mission.participants.first().map(|p| p.id.clone());
    let first_day = mission.dates().next();
    for (participant, day, include_cancelled) in [(None, None, false), (someone, first_day, true)] {
        let scope = Scope {
            participant,
            day,
            width: 40,
            include_cancelled,
        };
        export::agenda(mission, &scope);
        export::markdown::agenda(mission, &scope);
        export::ics::calendar(mission, &scope, stamp);
        export::json::export(mission, &scope).expect("JSON");
    }
    let mut app = App::new(mission.clone(), Config::default(), Opening::default());
    app.start_on(stamp);
    itinera_fuzz::draw(&mut app, 100, 30);
    itinera_fuzz::draw(&mut app, 50, 12);
});
