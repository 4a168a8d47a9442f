//! `/` search and the filters, as a user meets them: the keys, the
//! screen, and matching that ignores case and accents and works for
//! Japanese text.

mod common;

use common::{press, sample_app, sample_with, screen, type_text};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 100, 30);

fn search(app: &mut common::Planner, query: &str) {
    press(app, &["/"], AREA);
    type_text(app, query, AREA);
    press(app, &["enter"], AREA);
}

fn selected(app: &common::Planner) -> String {
    app.selected_visit()
        .map(|v| v.title.clone())
        .unwrap_or_default()
}

#[test]
fn a_search_hit_on_another_day_is_selected() {
    let mut app = sample_app();
    search(&mut app, "geothermal");
    assert_eq!(selected(&app), "Geothermal green-hydrogen plant");
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Wednesday 16 November · Oita"), "{s}");
    assert!(
        s.contains("\"geothermal\": match 1 of 1 · n next, N previous"),
        "{s}"
    );
    insta::assert_snapshot!(s);
}

#[test]
fn n_and_shift_n_step_through_the_matches_and_wrap() {
    let mut app = sample_app();
    search(&mut app, "lunch");
    assert_eq!(
        common::message(&app),
        "\"lunch\": match 1 of 2 · n next, N previous"
    );
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-14")
    );
    press(&mut app, &["n"], AREA);
    assert_eq!(selected(&app), "Lunch");
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-18")
    );
    press(&mut app, &["n"], AREA);
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-14"),
        "wraps"
    );
    press(&mut app, &["N"], AREA);
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-18")
    );
    // Esc ends the search: n adds a visit again.
    let before = app.mission().visits.len();
    press(&mut app, &["esc", "n"], AREA);
    assert!(
        matches!(app.mode, itinera::app::Mode::Form(_)),
        "n opens the new visit form"
    );
    press(&mut app, &["esc"], AREA);
    assert_eq!(app.mission().visits.len(), before);
}

#[test]
fn searching_ignores_case_and_accents() {
    let mut app = sample_with(|m| {
        m.visits[0].venue = Some("Università di Bologna".into());
        m.visits[5].notes = Some("Briefing at the Île de la Réunion office".into());
    });
    search(&mut app, "universita");
    assert_eq!(selected(&app), "Osaka Prefectural Government");
    search(&mut app, "REUNION");
    assert_eq!(
        selected(&app),
        "Flight Kansai International Airport to Oita"
    );
    search(&mut app, "île");
    assert_eq!(
        selected(&app),
        "Flight Kansai International Airport to Oita"
    );
    search(&mut app, "no such place");
    assert_eq!(common::message(&app), "No visit matches \"no such place\".");
}

#[test]
fn searching_works_for_japanese_text() {
    let mut app = sample_with(|m| {
        m.visits[2].venue = Some("大阪大学 吹田キャンパス".into());
        m.visits[9].host = Some("ﾃﾞﾝｹﾝ株式会社".into());
        m.visits[6].notes = Some("がっこう".into());
    });
    search(&mut app, "吹田");
    assert_eq!(
        selected(&app),
        "Northern Osaka Health and Biomedical Innovation Town (KENTO)"
    );
    // Half-width katakana is the same text as full-width.
    search(&mut app, "デンケン");
    assert_eq!(selected(&app), "DENKEN telepresence robots");
    // A voiced kana is another letter, not an accented one.
    search(&mut app, "かっこう");
    assert_eq!(common::message(&app), "No visit matches \"かっこう\".");
}

#[test]
fn attendee_names_and_tags_are_searched() {
    let mut app = sample_app();
    search(&mut app, "expo-2025");
    assert_eq!(selected(&app), "Osaka Prefectural Government");
    // Catalonia attends KENTO and NCVC, and every whole-delegation visit.
    search(&mut app, "catalonia repr");
    assert!(
        app.message
            .as_ref()
            .is_some_and(|m| m.text.contains("of 22")),
        "{:?}",
        app.message
    );
}

#[test]
fn a_filtered_view_is_named_in_the_header_and_cleared_with_one_key() {
    let mut app = sample_app();
    // City is the second row; Kyoto is the fourth city in order.
    press(&mut app, &["f", "j", "l", "l", "l"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("City         ‹ Kyoto ›"), "{s}");
    press(&mut app, &["enter", "a"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains("Filter: city Kyoto"), "{s}");
    assert!(s.contains("All days · 2 visits"), "{s}");
    assert!(s.contains("15:00–16:30   Kyoto Prefectural Govern"), "{s}");
    assert!(!s.contains("Osaka Prefectural Government"), "{s}");
    insta::assert_snapshot!(s);
    press(&mut app, &["F"], AREA);
    let s = screen(&mut app, 100, 30);
    assert!(!s.contains("Filter:"), "{s}");
    assert!(s.contains("All days · 22 visits"), "{s}");
}

#[test]
fn filters_combine_and_edits_see_the_whole_mission() {
    let mut app = sample_app();
    app.set_filter(itinera::app::Filter {
        participant: Some("aura".into()),
        kind: Some(itinera::domain::Kind::Visit),
        ..Default::default()
    });
    let shown: Vec<String> = (0..app.index().len())
        .flat_map(|d| app.index().visits_on(d).to_vec())
        .map(|v| app.mission().visits[v].title.clone())
        .collect();
    assert!(
        !shown.iter().any(|t| t.contains("KENTO")),
        "aura is not at KENTO"
    );
    assert!(shown.iter().all(|t| !t.contains("Lunch")), "not a visit");
    assert!(shown.contains(&"DENKEN telepresence robots".to_string()));
    let s = screen(&mut app, 100, 30);
    assert!(
        s.contains("Filter: participant Auvergne-Rhône-Alpes represe…"),
        "{s}"
    );
    assert_eq!(
        app.filter().label(app.mission()),
        "participant Auvergne-Rhône-Alpes representative · kind visit"
    );
    // Deleting the selected shown visit removes that visit from the mission.
    let first = selected(&app);
    press(&mut app, &["d"], AREA);
    assert!(!app.mission().visits.iter().any(|v| v.title == first));
    assert_eq!(app.mission().visits.len(), 21);
}

#[test]
fn the_search_keys_are_rebindable() {
    use itinera::input::{Action, Binding, Key, KeyMode, Keymap};
    let mut app = sample_app();
    // `n` only adds a visit; Ctrl-N goes to the next match.
    let bind = |key: &str, actions: Vec<Action>| Binding {
        mode: KeyMode::Normal,
        key: Key::parse(key).expect("key"),
        actions,
    };
    app.config.keymap = Keymap::with_overrides(&[
        bind("n", vec![Action::Add]),
        bind("ctrl-n", vec![Action::SearchNext]),
    ]);
    search(&mut app, "lunch");
    assert_eq!(
        common::message(&app),
        "\"lunch\": match 1 of 2 · Ctrl-N next, N previous"
    );
    press(&mut app, &["ctrl-n"], AREA);
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-18")
    );
}

#[test]
fn a_search_looks_only_at_the_visits_the_filter_shows() {
    let mut app = sample_app();
    app.set_filter(itinera::app::Filter {
        city: Some("Osaka".into()),
        ..Default::default()
    });
    search(&mut app, "lunch");
    assert_eq!(
        common::message(&app),
        "\"lunch\": match 1 of 1 · n next, N previous",
        "Friday's lunch is in Keihanna, filtered out"
    );
    search(&mut app, "geothermal");
    assert_eq!(common::message(&app), "No visit matches \"geothermal\".");
}
