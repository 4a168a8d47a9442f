//! Snapshots of the planner's screens at the sizes people use, each also
//! asserting the content a user would look for.

mod common;

use common::{press, sample_app, screen};
use ratatui::layout::Rect;

#[test]
fn three_panes_at_120x40() {
    let mut app = sample_app();
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Clust-ER Health in Japan · 14–18 November 2022"));
    assert!(s.contains("Tokyo 09:30 · Rome 01:30"), "clocks:\n{s}");
    assert!(s.contains("Monday 14 November · Osaka"));
    assert!(s.contains("10:00–11:30"));
    assert!(s.contains("Osaka Prefectural Government"));
    assert!(
        s.contains("Sakishima Building"),
        "detail pane shows the venue"
    );
    assert!(
        s.contains("Sauro Vicini"),
        "delegation pane lists the cluster manager"
    );
    assert!(s.contains("Delegation 8/8"));
    let last_visit = s
        .find("NCVC Open Innovation Center")
        .expect("last Monday visit");
    let lodging = s
        .find("Lodging: Hotel in the Umeda / Osaka Station")
        .expect("the day's lodging under its visits");
    assert!(last_visit < lodging, "the lodging follows the day's visits");
    insta::assert_snapshot!(s);
}

#[test]
fn stacked_panes_at_80x24() {
    let mut app = sample_app();
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("Monday 14 November · Osaka"));
    assert!(s.contains("Osaka Prefectural Government"));
    assert!(s.contains("Kind      meeting"));
    assert!(s.contains("● Sauro Vicini"));
    for line in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn one_pane_at_60x20() {
    let mut app = sample_app();
    let s = screen(&mut app, 60, 20);
    assert!(s.contains("Timeline   Visit   Delegation"));
    assert!(s.contains("Osaka Prefectural Government"));
    assert!(
        !s.contains("Kind      meeting"),
        "the detail pane is behind a tab"
    );
    insta::assert_snapshot!(s);

    press(&mut app, &["tab"], Rect::new(0, 0, 60, 20));
    let s = screen(&mut app, 60, 20);
    assert!(
        s.contains("Kind      meeting"),
        "Tab shows the detail pane:\n{s}"
    );
}

#[test]
fn too_small_says_so() {
    let mut app = sample_app();
    let s = screen(&mut app, 30, 8);
    assert!(s.contains("Terminal too small (30x8)"), "{s}");
    assert!(s.contains("40x10"));
}

#[test]
fn help_overlay_lists_the_keymap() {
    let mut app = sample_app();
    press(&mut app, &["?"], Rect::new(0, 0, 100, 40));
    let s = screen(&mut app, 100, 40);
    assert!(s.contains("Keys · ↑↓ scroll · Esc closes"), "{s}");
    assert!(s.contains("h/←"), "{s}");
    assert!(s.contains("next day"));
    assert!(s.contains("all days / one day"));
    assert!(s.contains("K/Shift-↑"), "moving a visit is listed:\n{s}");
    insta::assert_snapshot!(s);

    press(&mut app, &["G"], Rect::new(0, 0, 100, 40));
    let s = screen(&mut app, 100, 40);
    assert!(
        s.contains("q/Ctrl-C"),
        "the end of the help: q and Ctrl-C quit\n{s}"
    );
    assert!(s.contains("Keys can be changed in config.toml"));
}

#[test]
fn all_days_view_shows_the_week() {
    let mut app = sample_app();
    press(&mut app, &["a"], Rect::new(0, 0, 120, 40));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("All days · 22 visits"));
    let monday = s
        .find("Monday 14 November · Osaka")
        .expect("Monday heading");
    let tuesday = s
        .find("Tuesday 15 November · Oita")
        .expect("Tuesday heading");
    let kento = s.find("Northern Osaka Health").expect("KENTO visit");
    assert!(
        monday < kento && kento < tuesday,
        "KENTO is listed under Monday"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn participant_schedule() {
    let mut app = sample_app();
    let area = Rect::new(0, 0, 100, 30);
    // The delegation pane, fifth participant (Auvergne-Rhône-Alpes), Enter.
    press(&mut app, &["tab", "tab", "j", "j", "j", "j", "enter"], area);
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("Schedule · 20 visits · Auvergne-Rhône-Alpes representative"),
        "{s}"
    );
    assert!(s.contains("Osaka Prefectural Government"));
    assert!(
        !s.contains("Northern Osaka Health"),
        "KENTO lists four people, not this one:\n{s}"
    );
    assert!(
        s.contains("Restitution"),
        "the last meeting includes everyone"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn cjk_text_keeps_columns_aligned() {
    let mut app = common::app_for("tests/fixtures/valid/cjk.toml");
    let s = screen(&mut app, 100, 30);
    for line in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
    }
    // Every bordered row ends in the same column.
    let ends: Vec<usize> = s
        .lines()
        .filter(|l| l.ends_with('│'))
        .map(unicode_width::UnicodeWidthStr::width)
        .collect();
    assert!(!ends.is_empty());
    assert!(ends.iter().all(|&w| w == ends[0]), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn mono_theme_uses_no_colour() {
    use ratatui::style::Color;
    let mut app = sample_app();
    app.config.theme = itinera::input::ThemeName::Mono;
    press(&mut app, &["tab", "tab"], Rect::new(0, 0, 100, 30));
    itinera::ui::settle(&mut app, Rect::new(0, 0, 100, 30));
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 100, 30));
    itinera::ui::draw(&app, Rect::new(0, 0, 100, 30), &mut buf);
    let coloured = buf
        .content()
        .iter()
        .filter(|c| c.fg != Color::Reset || c.bg != Color::Reset)
        .count();
    assert_eq!(coloured, 0, "no cell has a colour under NO_COLOR / mono");
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
        .count();
    assert!(
        reversed > 0,
        "the selection is still visible, in reverse video"
    );
}

#[test]
fn overnight_visits_keep_the_columns() {
    let mut app = common::app_for("tests/fixtures/valid/features.toml");
    let area = Rect::new(0, 0, 120, 40);
    press(&mut app, &["a"], area);
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("22:00–"),
        "the overnight flight is on screen:\n{s}"
    );
    // Every visit's title starts in the same column.
    let columns: Vec<(u16, u16)> = [
        "Osaka Prefectural Government",
        "Dinner with the consulate",
        "Expo site workshop",
        "Regenerative medicine lab",
        "Flight home",
    ]
    .iter()
    .map(|title| {
        // The leftmost occurrence: the timeline's, not the visit pane's.
        s.lines()
            .filter_map(|l| {
                let at = l.find(title)?;
                Some((unicode_width::UnicodeWidthStr::width(&l[..at]) as u16, 0))
            })
            .min()
            .unwrap_or_else(|| panic!("{title}:\n{s}"))
    })
    .collect();
    let columns: Vec<u16> = columns.into_iter().map(|(x, _)| x).collect();
    assert!(columns.iter().all(|&c| c == columns[0]), "{columns:?}\n{s}");
}

#[test]
fn a_long_mission_title_gives_way_to_the_dates() {
    let mut app = common::sample_with(|mission| {
        mission.header.title =
            "Clust-ER Health and the European regional clusters in Japan: Osaka, Oita, Kyoto and Keihanna".into();
    });
    let s = screen(&mut app, 80, 24);
    let header = s.lines().next().expect("header");
    assert!(header.contains("… · 14–18 November 2022"), "{header}");
    let s = screen(&mut app, 200, 24);
    let header = s.lines().next().expect("header");
    assert!(
        header.contains("Keihanna · 14–18 November 2022"),
        "{header}"
    );
    assert!(header.contains("Tokyo 09:30 · Rome 01:30"), "{header}");
}

#[test]
fn the_home_clock_can_be_turned_off() {
    let mut app = sample_app();
    app.config.home_clock = false;
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Tokyo 09:30"), "{s}");
    assert!(!s.contains("Rome"), "no home time anywhere:\n{s}");
}

#[test]
fn participant_form() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "e"], Rect::new(0, 0, 100, 30));
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Edit participant"), "{s}");
    let row = |label: &str| -> Vec<String> {
        let line = s.lines().find(|l| l.contains(label)).unwrap_or_default();
        let inside = line.split('│').nth(2).unwrap_or_default();
        inside
            .split("  ")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    };
    assert_eq!(
        row("Organization"),
        ["Organization", "Clust-ER Health"],
        "label and value apart:\n{s}"
    );
    assert_eq!(row("Name "), ["Name", "Sauro Vicini"], "{s}");
    insta::assert_snapshot!(s);
}

/// The rows of the visit pane (the middle pane at 120 columns), trimmed.
fn visit_pane_rows(s: &str) -> Vec<String> {
    s.lines()
        .filter_map(|l| l.split('│').nth(3))
        .map(|r| r.trim_end().to_string())
        .collect()
}

#[test]
fn a_blank_line_in_notes_is_one_empty_row() {
    let mut app = common::sample_with(|mission| {
        // The first visit of the first day.
        mission.visits[0].notes = Some("Arrive early.\n\nBring the Expo brochures.".into());
    });
    assert_eq!(app.day_visits()[0], 0);
    let s = screen(&mut app, 120, 40);
    let rows = visit_pane_rows(&s);
    let notes = rows
        .iter()
        .position(|r| r.trim() == "Notes")
        .unwrap_or_else(|| panic!("the notes are on screen:\n{s}"));
    assert_eq!(
        rows[notes..notes + 4],
        [
            " Notes",
            "   Arrive early.",
            "",
            "   Bring the Expo brochures."
        ],
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn the_tab_row_is_never_cut_mid_word() {
    let mut app = sample_app();
    let s = screen(&mut app, 40, 12);
    assert_eq!(
        s.lines().nth(2),
        Some("  Timeline   Visit   Delegation   Tab"),
        "at 40 columns only the key fits after the tabs:\n{s}"
    );
    insta::assert_snapshot!(s);
    let s = screen(&mut app, 60, 20);
    assert_eq!(
        s.lines().nth(2),
        Some("  Timeline   Visit   Delegation   Tab switches"),
        "{s}"
    );
}

#[test]
fn an_overnight_visit_shows_its_day_shift_as_the_home_clock_does() {
    let mut app = common::app_for("tests/fixtures/valid/features.toml");
    press(&mut app, &["l", "l", "l"], Rect::new(0, 0, 120, 40));
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("│ 22:00–06:00 +1d   Flight home"),
        "the timeline writes +1d:\n{s}"
    );
    assert!(
        s.contains("│ Thursday 2 April · 22:00–06:00 +1d (8h)"),
        "and so does the visit pane:\n{s}"
    );
}
