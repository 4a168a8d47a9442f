//! The meeting that runs late: `+`/`-` move the rest of the day and say
//! what moved; `]`/`[` lengthen or shorten the selected visit and push or
//! pull the rest; nothing is moved past what a mission file can hold.

mod common;

use common::{Planner, message, press, sample_app, screen, status_bar};
use itinera::app::App;
use itinera::input::Action;
use itinera::input::Config;
use itinera::input::Key;
use itinera::present::time_label;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// The selected day's visits as "HH:MM–HH:MM Title".
fn day(app: &App) -> Vec<String> {
    app.day_visits()
        .iter()
        .map(|&i| {
            let v = &app.mission().visits[i];
            format!("{} {}", time_label(v), v.title)
        })
        .collect()
}

#[test]
fn plus_and_minus_say_how_many_visits_moved() {
    let mut app = sample_app();
    // Lunch, then KENTO and NCVC after it.
    press(&mut app, &["j", "+"], AREA);
    assert_eq!(message(&app), "Delayed 3 visits by 15 min.");
    assert!(
        status_bar(&screen(&mut app, 120, 40)).ends_with("Delayed 3 visits by 15 min."),
        "{}",
        status_bar(&screen(&mut app, 120, 40))
    );
    press(&mut app, &["G", "-"], AREA);
    assert_eq!(message(&app), "Brought 1 visit forward by 15 min.");
}

#[test]
fn brackets_lengthen_and_shorten_the_visit_and_move_the_rest() {
    let mut app = sample_app();
    press(&mut app, &["j", "]"], AREA);
    assert_eq!(
        day(&app)[1..],
        [
            "12:00–13:15 Lunch",
            "14:15–15:45 Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "16:00–17:15 NCVC Open Innovation Center (OIC)",
        ]
    );
    assert_eq!(
        message(&app),
        "Lengthened \"Lunch\" to 1h15 and delayed 2 visits after it by 15 min."
    );
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("Lunch"),
        "the selection stays"
    );

    press(&mut app, &["[", "["], AREA);
    assert_eq!(
        day(&app)[1..],
        [
            "12:00–12:45 Lunch",
            "13:45–15:15 Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "15:30–16:45 NCVC Open Innovation Center (OIC)",
        ]
    );
    assert_eq!(
        message(&app),
        "Shortened \"Lunch\" to 45 min and brought 2 visits after it forward by 15 min."
    );

    // The last visit of the day has nothing after it.
    press(&mut app, &["G", "]"], AREA);
    assert_eq!(
        message(&app),
        "Lengthened \"NCVC Open Innovation Center (OIC)\" to 1h30."
    );

    // Each press is one undo step.
    press(&mut app, &["u", "u", "u", "u"], AREA);
    assert_eq!(
        day(&app),
        [
            "10:00–11:30 Osaka Prefectural Government",
            "12:00–13:00 Lunch",
            "14:00–15:30 Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "15:45–17:00 NCVC Open Innovation Center (OIC)",
        ]
    );
}

#[test]
fn a_visit_cannot_be_shortened_to_nothing() {
    let mut app = sample_app();
    app.config.ripple_minutes = 60;
    press(&mut app, &["j", "["], AREA);
    assert_eq!(
        message(&app),
        "\"Lunch\" lasts 1h: too short to shorten by 60 min; nothing moved."
    );
    assert!(!app.is_dirty());
}

#[test]
fn the_help_shows_the_keys_with_their_step() {
    let mut app = sample_app();
    app.config.ripple_minutes = 30;
    let area = Rect::new(0, 0, 100, 50);
    press(&mut app, &["?"], area);
    let s = screen(&mut app, 100, 50);
    for line in [
        "+/=          delay this and later visits (+30 min)",
        "-            bring this and later visits forward (-30 min)",
        "]            lengthen this visit, push the rest (+30 min)",
        "[            shorten this visit, pull the rest (-30 min)",
    ] {
        assert!(s.contains(line), "{line:?} in the help:\n{s}");
    }
}

#[test]
fn lengthen_and_shorten_have_config_names() {
    assert_eq!(Action::Lengthen.name(), "lengthen");
    assert_eq!(Action::Shorten.name(), "shorten");
    let (config, problems) = Config::parse(
        "[keys]\n\"ctrl-l\" = \"lengthen\"\n\"ctrl-k\" = \"shorten\"\n",
        "config.toml",
    );
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(config.keymap.action(Key::ctrl('l')), Some(Action::Lengthen));
    assert_eq!(config.keymap.action(Key::ctrl('k')), Some(Action::Shorten));
    assert_eq!(config.keymap.action(Key::char(']')), Some(Action::Lengthen));
}

/// A one-day mission on the last date a file can hold, with a visit
/// at 23:00–23:50 and one at 23:50–23:55.
fn last_day() -> Planner {
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("last.toml");
    std::fs::write(
        &path,
        "format = 1\n\n[mission]\ntitle = \"The end of time\"\nstart = 9999-12-31\nend = 9999-12-31\n\n\
         [[visits]]\ndate = 9999-12-31\nstart = 23:00:00\nend = 23:50:00\ntitle = \"Late\"\n\n\
         [[visits]]\ndate = 9999-12-31\nstart = 23:50:00\nend = 23:55:00\ntitle = \"Later\"\n",
    )
    .expect("write the mission");
    let loaded = itinera::file::load(&path).expect("the mission loads");
    Planner::open(loaded, Config::default(), None)
}

#[test]
fn nothing_moves_past_the_last_date_a_file_can_hold() {
    let mut app = last_day();
    press(&mut app, &["+"], AREA);
    assert_eq!(
        message(&app),
        "\"Late\" would end after 9999-12-31, the last date a mission file can hold; nothing moved."
    );
    press(&mut app, &["]"], AREA);
    assert_eq!(
        message(&app),
        "\"Late\" would end after 9999-12-31, the last date a mission file can hold; nothing moved."
    );
    press(&mut app, &["j", "]"], AREA);
    assert_eq!(
        message(&app),
        "\"Later\" would end after 9999-12-31, the last date a mission file can hold; nothing moved."
    );
    assert_eq!(day(&app), ["23:00–23:50 Late", "23:50–23:55 Later"]);
    assert!(!app.is_dirty());

    // A start pushed out of its day is refused too.
    let mut app = last_day();
    app.config.ripple_minutes = 60;
    press(&mut app, &["j"], AREA);
    for _ in 0..23 {
        press(&mut app, &["-"], AREA);
    }
    assert_eq!(day(&app)[1], "00:50–00:55 Later");
    press(&mut app, &["-"], AREA);
    assert_eq!(
        message(&app),
        "\"Later\" would start outside its day; nothing moved."
    );
    assert_eq!(day(&app)[1], "00:50–00:55 Later");
}
