//! What both fuzz targets check: a refusal's problems point into the
//! text, saved text reads back as the mission it was made from, and a
//! mission can be drawn.

use itinera::app::App;
use itinera::domain::Mission;
use itinera::file::{Report, parse_bytes};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// A file refused: at least one error, every problem inside the text,
/// and every line of the report names the file.
pub fn check_refusal(text: &str, report: &Report) {
    assert!(report.has_errors(), "refused without an error: {report:?}");
    check_inside(text, report);
    let rendered = report.render("m.toml", text);
    assert!(
        rendered
            .lines()
            .all(|l| l.starts_with("m.toml:") || l.starts_with("... and ")),
        "{rendered}"
    );
}

/// Every problem's place is inside `text`, on a character boundary.
pub fn check_inside(text: &str, report: &Report) {
    for d in &report.diagnostics {
        assert!(
            d.span.start <= text.len() && text.is_char_boundary(d.span.start),
            "{d:?} is not a place in the text ({} bytes)",
            text.len()
        );
    }
}

/// `text`, written for `mission`, reads back as `mission`.
pub fn check_reads_back(text: &str, mission: &Mission) {
    match parse_bytes(text.as_bytes()) {
        Ok(parsed) => assert!(
            parsed.mission.same_content(mission),
            "the saved text reads back as another mission:\n{text}"
        ),
        Err((read, report)) => panic!(
            "the saved text does not load:\n{}\n{text}",
            report.render("saved", &read)
        ),
    }
}

/// Draws `app` on a `width`x`height` screen, as the event loop does.
pub fn draw(app: &mut App, width: u16, height: u16) {
    itinera::ui::settle(app, Rect::new(0, 0, width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|frame| itinera::ui::render(frame, app))
        .expect("draws");
}
