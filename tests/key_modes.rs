//! The keymap by mode: forms, text fields, dialogs and the command line
//! read their keys from the same table as the main screen, list them in
//! the help, and take rebindings from `config.toml`.

mod common;

use common::{Planner, form, press, sample_app, screen};
use itinera::app::form::Name;
use itinera::app::{Confirm, Mode};
use itinera::input::{Config, Key, KeyMode};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

fn configured(text: &str) -> (Planner, Vec<String>) {
    let (config, problems) = Config::parse(text, "config.toml");
    let mut app = sample_app();
    app.config = config;
    (app, problems)
}

/// The help overlay's rows from the first one containing `heading`, to
/// the next blank row, scrolled until the heading of the section after
/// it is in view too (so the section is whole).
fn help_section(app: &mut Planner, heading: &str) -> Vec<String> {
    press(app, &["?"], AREA);
    let mut rows = Vec::new();
    for _ in 0..80 {
        let s = screen(app, 120, 60);
        let inside: Vec<String> = s
            .lines()
            .map(|l| {
                l.split('│')
                    .nth(2)
                    .unwrap_or_default()
                    .trim_end()
                    .to_string()
            })
            .collect();
        if let Some(at) = inside.iter().position(|l| l == heading) {
            rows = inside[at + 1..]
                .iter()
                .take_while(|l| !l.trim().is_empty())
                .cloned()
                .collect();
            let next = inside.get(at + rows.len() + 2);
            if rows.len() > 1 && next.is_some_and(|l| !l.trim().is_empty()) {
                break;
            }
        }
        press(app, &["down"], AREA);
    }
    press(app, &["esc"], AREA);
    rows
}

#[test]
fn the_help_has_a_section_for_each_mode() {
    let mut app = sample_app();
    let form_keys = help_section(&mut app, "In a form");
    assert!(
        form_keys.contains(&"  Tab                      next field".to_string()),
        "{form_keys:#?}"
    );
    assert!(
        form_keys
            .contains(&"  Enter/Ctrl-S/Ctrl-Enter  apply (Enter: new line in notes)".to_string()),
        "{form_keys:#?}"
    );
    let text = help_section(&mut app, "Editing text (form fields, command line)");
    assert!(
        text.contains(&"  Ctrl-U                delete to the start of the line".to_string()),
        "{text:#?}"
    );
    let dialog = help_section(&mut app, "In a dialog");
    assert!(
        dialog.contains(&"  r            reload the file changed on disk".to_string())
            && dialog.contains(&"  r            restore the changes kept".to_string()),
        "one key, a choice in each of two dialogs:\n{dialog:#?}"
    );
    let command = help_section(&mut app, "Command line");
    assert_eq!(
        command,
        [
            "  Enter        run the command, or save as the name",
            "  Esc          close the command line"
        ]
    );
}

#[test]
fn the_help_lists_export_publish_and_import_with_the_file_keys() {
    let mut app = sample_app();
    let file = help_section(&mut app, "File");
    for row in [
        "  x            export the agenda to a file",
        "  P            publish to the calendar of [publish]",
        "  i            import calendar events (.ics) as one undo step",
    ] {
        assert!(file.contains(&row.to_string()), "{row}:\n{file:#?}");
    }
}

#[test]
fn form_and_text_keys_can_be_rebound() {
    let (mut app, problems) = configured(
        "[keys.form]\n\"ctrl-n\" = \"next_field\"\n\"enter\" = \"none\"\n\
         [keys.text]\n\"ctrl-b\" = \"word_left\"\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, &["e"], AREA);
    assert_eq!(form(&app).text(Name::Title), "Osaka Prefectural Government");
    press(&mut app, &["ctrl-b", "ctrl-u"], AREA);
    assert_eq!(
        form(&app).text(Name::Title),
        "Government",
        "Ctrl-B went back a word, so Ctrl-U deleted two"
    );
    press(&mut app, &["ctrl-n"], AREA);
    assert_eq!(form(&app).fields[form(&app).focus].label, "Date");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Form(_)), "Enter no longer applies");
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains(" Ctrl-S apply "),
        "the hints follow the keymap:\n{s}"
    );
    press(&mut app, &["ctrl-s"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.selected_visit().map(|v| v.title.as_str()),
        Some("Government")
    );
}

#[test]
fn a_key_bound_to_several_dialog_choices_does_the_one_the_dialog_offers() {
    let (mut app, problems) =
        configured("[keys.dialog]\n\"enter\" = [\"confirm\", \"save\"]\n\"n\" = \"none\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, &["tab", "tab", "j", "j", "d"], AREA);
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::DeleteParticipant { .. })
    ));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("  y/Enter  remove"), "{s}");
    assert!(
        !s.contains("keep"),
        "n is unbound: the choice has no key\n{s}"
    );
    press(&mut app, &["enter"], AREA);
    assert_eq!(app.mission().participants.len(), 7, "Enter removed them");

    press(&mut app, &["q"], AREA);
    assert!(matches!(app.mode, Mode::Confirm(Confirm::Quit)));
    assert!(screen(&mut app, 120, 40).contains("  s/Enter  save and quit"));
    press(&mut app, &["n"], AREA);
    assert!(
        matches!(app.mode, Mode::Confirm(Confirm::Quit)),
        "n: nothing"
    );
    press(&mut app, &["esc"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "Esc cancels");
    assert!(!app.should_quit);
}

#[test]
fn the_command_line_takes_its_own_keys_and_the_text_keys() {
    let (mut app, problems) = configured("[keys.command]\n\"ctrl-g\" = \"cancel\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, &[":", "x", "ctrl-g"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "Ctrl-G closed it");
    press(&mut app, &[":", "q", "x", "backspace", "enter"], AREA);
    assert!(app.should_quit, ":q after Backspace");
}

#[test]
fn mode_tables_take_only_their_own_actions() {
    let (config, problems) = Config::parse(
        "[keys]\n\"x\" = \"tick\"\n[keys.dialog]\n\"x\" = \"next_day\"\n\
         [keys.search]\n\"x\" = \"apply\"\n[keys.form]\n\"x\" = \"aply\"\n",
        "config.toml",
    );
    assert_eq!(
        problems,
        [
            "config.toml: \"next_day\" is not an action of [keys.dialog] (key x; see the README for each table's actions)",
            "config.toml: unknown action \"aply\" for key x in [keys.form] (see the README for action names)",
            "config.toml: there is no key table keys.search (the tables are keys.form, keys.text, keys.dialog, keys.command, keys.help, keys.schedule, keys.problems)",
            "config.toml: \"tick\" is not an action of [keys] (key x; see the README for each table's actions)",
        ]
    );
    let x = Key::char('x');
    assert_eq!(
        config.keymap.actions_in(KeyMode::Normal, x),
        [itinera::input::Action::Export]
    );
    assert_eq!(
        config.keymap.actions_in(KeyMode::Form, x),
        [itinera::input::Action::Tick],
        "a mistake leaves the key as it was"
    );
}

#[test]
fn the_help_and_schedule_popups_read_the_main_screens_keys_unless_rebound() {
    let (mut app, problems) =
        configured("[keys]\n\"x\" = \"down\"\n[keys.help]\n\"y\" = \"down\"\n");
    assert!(problems.is_empty(), "{problems:?}");
    press(&mut app, &["?", "x", "y"], AREA);
    assert!(matches!(app.mode, Mode::Help { scroll: 2 }), "both scroll");
    press(&mut app, &["tab"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "another key closes it");
}
