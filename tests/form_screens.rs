//! The edit forms and the panes at 80x24, as a user reads them: hints in
//! line with the values, wrapped text without stray spaces, and a mark
//! wherever text or rows are hidden.

mod common;

use common::{find, focused_label, press, sample_app, screen, tab_to};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 80, 24);

/// The screen column where `needle` starts on the row that holds `label`.
fn column_on_row(s: &str, label: &str, needle: &str) -> usize {
    let line = s
        .lines()
        .find(|l| l.contains(&format!(" {label} ")))
        .unwrap_or_else(|| panic!("{label} on screen:\n{s}"));
    let at = line
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} on the {label} row:\n{s}"));
    unicode_width::UnicodeWidthStr::width(&line[..at])
}

#[test]
fn a_focused_empty_field_shows_its_hint_in_line_with_the_values() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    tab_to(&mut app, "Ends on", AREA);
    let s = screen(&mut app, 80, 24);
    assert_eq!(
        column_on_row(&s, "Ends on", "YYYY-MM-DD"),
        column_on_row(&s, "Date", "2022-11-14"),
        "the hint starts where the values do:\n{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn a_wrapped_summary_starts_no_row_with_a_space() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    let s = screen(&mut app, 80, 24);
    let value_column = column_on_row(&s, "Title", "Clust-ER");
    let (_, first) = find(&s, "Summary").expect("the summary field");
    let rows: Vec<String> = s
        .lines()
        .skip(usize::from(first))
        .take(6)
        .map(|l| l.chars().skip(value_column).take(56).collect())
        .collect();
    assert_eq!(
        rows,
        [
            "Collective European mission to Japan with               ",
            "representatives of six European regions and, for the    ",
            "health area, Clust-ER Health (Emilia-Romagna) and BIOCAT",
            "(Catalonia). Meetings with the prefectural governments  ",
            "of Osaka, Oita and Kyoto and visits to innovation hubs  ",
            "in health, hydrogen, disaster prevention, robotics and  ",
        ],
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn up_and_down_move_by_the_rows_on_screen_in_a_wrapped_field() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    tab_to(&mut app, "Summary", AREA);
    // The cursor is at the end of the summary, on its seventh row.
    let mut ups = 0;
    while focused_label(&app) == "Summary" {
        press(&mut app, &["up"], AREA);
        ups += 1;
        assert!(ups < 20, "Up never leaves the summary");
    }
    assert_eq!(ups, 7, "six rows up, then the field above");
    assert_eq!(focused_label(&app), "Organizer");
}

#[test]
fn text_hidden_past_the_edge_of_a_field_is_marked() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    let s = screen(&mut app, 80, 24);
    let organizer = s
        .lines()
        .find(|l| l.contains(" Organizer "))
        .expect("organizer row");
    assert!(
        organizer.contains("IURC project - EU-Japan Region-to-Region Innovation Coop…│"),
        "cut at the right edge, with a mark:\n{s}"
    );
    let summary_end = s
        .lines()
        .find(|l| l.contains("disaster prevention, robotics and"))
        .expect("the last summary row shown");
    assert!(
        summary_end.contains("robotics and  ↓│"),
        "more rows below:\n{s}"
    );

    tab_to(&mut app, "Organizer", AREA);
    press(&mut app, &["end"], AREA);
    let s = screen(&mut app, 80, 24);
    let organizer = s
        .lines()
        .find(|l| l.contains(" Organizer "))
        .expect("organizer row");
    assert!(
        organizer.contains(" Organizer  …ject - EU-Japan Region-to-Region Innovation Cooperation"),
        "scrolled to its end, the start is marked:\n{s}"
    );
    insta::assert_snapshot!(s);

    tab_to(&mut app, "Summary", AREA);
    let s = screen(&mut app, 80, 24);
    let top = s
        .lines()
        .find(|l| l.contains(" Summary "))
        .expect("summary row");
    assert!(
        top.contains("representatives of six European regions and, for the    ↑│"),
        "at its end, the summary marks the rows above:\n{s}"
    );
    assert!(s.contains("ICT, in view of Expo 2025 Osaka."), "{s}");
}

#[test]
fn the_visit_pane_says_when_there_is_more_below_and_above() {
    let mut app = sample_app();
    let s = screen(&mut app, 80, 24);
    // The visit pane's bottom border is on the row of the timeline's
    // lodging notes.
    let border = |s: &str| -> String {
        s.lines()
            .find(|l| l.contains("│└"))
            .unwrap_or_else(|| panic!("the visit pane's bottom border:\n{s}"))
            .to_string()
    };
    assert!(
        border(&s).ends_with("│└────────────────────────── ↓ more ┘"),
        "more below:\n{s}"
    );
    assert!(!s.contains("↑ more"), "nothing above yet:\n{s}");

    press(&mut app, &["tab", "j", "j", "j"], AREA);
    let s = screen(&mut app, 80, 24);
    let top = s.lines().nth(2).expect("the panes' top border");
    assert!(
        top.ends_with("┐┌ Visit ─────────────────── ↑ more ┐"),
        "scrolled, the top border says so:\n{s}"
    );
    insta::assert_snapshot!(s);

    press(&mut app, &["G"], AREA);
    let s = screen(&mut app, 80, 24);
    assert!(
        border(&s).ends_with("│└──────────────────────────────────┘"),
        "at the end, nothing more below:\n{s}"
    );
    assert!(
        s.contains("and biotechnology."),
        "the end of the notes:\n{s}"
    );
}

#[test]
fn a_hint_too_long_for_a_narrow_form_is_cut_with_a_mark() {
    let small = Rect::new(0, 0, 40, 12);
    let mut app = sample_app();
    press(&mut app, &["e"], small);
    tab_to(&mut app, "Ends on", small);
    let s = screen(&mut app, 40, 12);
    assert!(
        s.contains("│ │ Ends on     YYYY-MM-DD, for item…│ │"),
        "{s}"
    );
}
