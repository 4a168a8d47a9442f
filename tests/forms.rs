//! The edit forms, driven with keys as a user types them: text editing,
//! inline problems, choices, the attendee checklist, participants, the
//! mission and day forms, paste, and what each leaves in the undo history.

mod common;

use common::{
    Planner, body, error_of, form, paste, press, sample_app, screen, status_bar, type_text,
};
use itinera::app::form::{Input, Name};
use itinera::app::{App, Confirm, Mode, Pane};
use itinera::domain::{Kind, Status};
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// Presses `key` `n` times.
fn repeat(app: &mut Planner, key: &str, n: usize) {
    for _ in 0..n {
        press(app, &[key], AREA);
    }
}

fn is_form(app: &App) -> bool {
    matches!(app.mode, Mode::Form(_))
}

fn focused(app: &App) -> Name {
    let form = form(app);
    form.fields[form.focus].name
}

/// Tabs (or Shift-Tabs) through the form until field `name` has the
/// focus.
fn tab_to(app: &mut Planner, name: Name) {
    let target = form(app)
        .fields
        .iter()
        .position(|f| f.name == name)
        .unwrap_or_else(|| panic!("no field {name:?} in the form"));
    for _ in 0..form(app).fields.len() {
        let at = form(app).focus;
        if at == target {
            return;
        }
        press(app, &[if at < target { "tab" } else { "backtab" }], AREA);
    }
    assert_eq!(focused(app), name, "Tab reaches {name:?}");
}

/// Empties the focused one-line text field with End and Backspace.
fn clear_field(app: &mut Planner) {
    let name = focused(app);
    let len = form(app).text(name).chars().count();
    press(app, &["end"], AREA);
    repeat(app, "backspace", len);
    assert_eq!(form(app).text(name), "", "{name:?} is empty");
}

/// Replaces the text of field `name`.
fn set_field(app: &mut Planner, name: Name, text: &str) {
    tab_to(app, name);
    clear_field(app);
    type_text(app, text, AREA);
}

fn selected_title(app: &App) -> String {
    app.selected_visit()
        .map(|v| v.title.clone())
        .unwrap_or_default()
}

fn visit_by_id<'a>(app: &'a App, id: &str) -> &'a itinera::domain::Visit {
    app.mission()
        .visits
        .iter()
        .find(|v| v.id.as_deref() == Some(id))
        .unwrap_or_else(|| panic!("visit {id}"))
}

/// The text inside the dialog box on screen, its lines joined with spaces.
fn dialog_text(s: &str) -> String {
    let lines: Vec<Vec<char>> = s.lines().map(|l| l.chars().collect()).collect();
    let Some((top, left)) = lines.iter().enumerate().find_map(|(row, line)| {
        let text: String = line.iter().collect();
        let at = text.find("┌ Confirm")?;
        Some((row, text[..at].chars().count()))
    }) else {
        return String::new();
    };
    let right = (left + 1..lines[top].len())
        .find(|&c| lines[top][c] == '┐')
        .unwrap_or(lines[top].len());
    let mut words = Vec::new();
    for line in &lines[top + 1..] {
        if line.get(left) == Some(&'└') {
            break;
        }
        let inside: String = line[left + 1..right.min(line.len())].iter().collect();
        words.extend(inside.split_whitespace().map(str::to_string));
    }
    words.join(" ")
}

/// Whether a dialog on screen offers the answer `key` ("  y  remove").
fn has_choice(s: &str, key: char) -> bool {
    s.lines().any(|l| {
        l.split('│')
            .any(|cell| cell.trim_start().starts_with(&format!("{key}  ")))
    })
}

/// The line of the delegation pane (right of the other panes at 120
/// columns) that names `who`.
fn delegation_row<'a>(s: &'a str, who: &str) -> &'a str {
    s.lines()
        .find(|l| l.contains(who))
        .unwrap_or_else(|| panic!("{who} on screen:\n{s}"))
}

#[test]
fn editing_a_title_with_the_cursor_then_undo() {
    let mut app = sample_app();
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    press(&mut app, &["e"], AREA);
    assert_eq!(form(&app).title, "Edit visit");
    assert_eq!(focused(&app), Name::Title, "the form opens on the title");

    // "Osaka Prefectural Government" -> "Osaka Prefectural Office".
    press(&mut app, &["end"], AREA);
    repeat(&mut app, "backspace", "Government".len());
    type_text(&mut app, "Office", AREA);
    assert_eq!(form(&app).text(Name::Title), "Osaka Prefectural Office");
    // Typing at the start.
    press(&mut app, &["home"], AREA);
    type_text(&mut app, "New ", AREA);
    // And in the middle: one word to the left of the end.
    assert_eq!(form(&app).text(Name::Title), "New Osaka Prefectural Office");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("New Osaka Prefectural Office"), "{s}");

    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "Enter applies");
    assert_eq!(selected_title(&app), "New Osaka Prefectural Office");
    assert!(app.is_dirty());
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains("10:00–11:30   New Osaka Prefectural"),
        "the timeline shows the new title:\n{s}"
    );
    assert!(status_bar(&s).contains("[+]"), "unsaved marker:\n{s}");

    press(&mut app, &["u"], AREA);
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    assert!(!app.is_dirty(), "one undo is back to the file");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("10:00–11:30   Osaka Prefectural Govern"), "{s}");
    assert!(!body(&s).contains("New Osaka"), "{s}");
    assert!(!status_bar(&s).contains("[+]"), "{s}");
}

#[test]
fn an_invalid_time_is_shown_inline_and_blocks_apply_until_fixed() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    set_field(&mut app, Name::Start, "9.30");
    let problem = "\"9.30\" is not a time like 09:30";
    assert_eq!(error_of(&app, Name::Start).as_deref(), Some(problem));
    let s = screen(&mut app, 120, 40);
    assert!(
        s.contains(problem),
        "the problem is shown in the form:\n{s}"
    );

    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app), "Enter does not apply a form with a problem");
    assert_eq!(
        form(&app).message.as_deref(),
        Some("Fix the marked fields first (Esc cancels).")
    );
    assert_eq!(focused(&app), Name::Start, "focus goes to the problem");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Fix the marked fields first"), "{s}");
    assert!(!app.is_dirty());

    clear_field(&mut app);
    type_text(&mut app, "09:30", AREA);
    assert_eq!(error_of(&app, Name::Start), None);
    let s = screen(&mut app, 120, 40);
    assert!(!s.contains("is not a time"), "{s}");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "fixed: Enter applies");
    let visit = app.selected_visit().expect("selected");
    assert_eq!(
        visit.start.map(|t| t.to_string()).as_deref(),
        Some("09:30:00")
    );
    assert_eq!(
        visit.end.map(|t| t.to_string()).as_deref(),
        Some("11:00:00"),
        "the end followed the start: the visit still lasts 1h30"
    );
}

#[test]
fn end_before_start_is_refused_and_ends_on_makes_an_overnight_item_valid() {
    let mut app = sample_app();
    press(&mut app, &["G"], AREA);
    assert_eq!(selected_title(&app), "NCVC Open Innovation Center (OIC)");
    press(&mut app, &["e"], AREA);
    set_field(&mut app, Name::End, "15:00");
    let error = error_of(&app, Name::End).expect("end before start is a problem");
    assert!(error.starts_with("not after the start"), "{error}");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("not after the start"), "{s}");
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app), "refused");

    // An evening event running past midnight.
    set_field(&mut app, Name::Start, "22:00");
    set_field(&mut app, Name::End, "01:00");
    let error = error_of(&app, Name::End).expect("past midnight without Ends on");
    assert!(error.contains("set \"Ends on\" to the next day"), "{error}");
    set_field(&mut app, Name::EndDate, "2022-11-15");
    assert_eq!(error_of(&app, Name::End), None, "overnight is valid");
    assert_eq!(error_of(&app, Name::EndDate), None);
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    let visit = visit_by_id(&app, "ncvc-oic");
    assert_eq!(visit.date.to_string(), "2022-11-14");
    assert_eq!(
        visit.end_date.map(|d| d.to_string()).as_deref(),
        Some("2022-11-15")
    );
    assert_eq!(
        visit.start.map(|t| t.to_string()).as_deref(),
        Some("22:00:00")
    );
    assert_eq!(
        visit.end.map(|t| t.to_string()).as_deref(),
        Some("01:00:00")
    );
    assert_eq!(visit.duration().map(|d| d.num_minutes()), Some(180));
}

#[test]
fn kind_and_status_are_choices() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    tab_to(&mut app, Name::Kind);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("‹ meeting ›"), "{s}");
    press(&mut app, &["right", "right"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("‹ presentation ›"), "{s}");
    press(&mut app, &["left"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ visit ›"));
    press(&mut app, &["space"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ presentation ›"));
    // Left from the first wraps to the last.
    press(&mut app, &["left", "left", "left"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ other ›"));
    press(&mut app, &["right", "right", "right"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ presentation ›"));

    press(&mut app, &["tab"], AREA);
    assert_eq!(focused(&app), Name::Status);
    press(&mut app, &["right"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ tentative ›"));
    press(&mut app, &["space"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ cancelled ›"));
    press(&mut app, &["left"], AREA);
    assert!(screen(&mut app, 120, 40).contains("‹ tentative ›"));

    press(&mut app, &["enter"], AREA);
    assert!(
        matches!(app.mode, Mode::Normal),
        "Enter on a choice applies"
    );
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(visit.kind, Kind::Presentation);
    assert_eq!(visit.status, Status::Tentative);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("presentation · tentative · Osaka"), "{s}");
    assert!(s.contains("tentative"), "{s}");
}

#[test]
fn attendees_checklist_chooses_people() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    tab_to(&mut app, Name::Attendees);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("[x] Whole delegation"), "{s}");
    // Untick "Whole delegation": nobody is ticked any more.
    press(&mut app, &["space"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("[ ] Whole delegation"), "{s}");
    assert!(s.contains("[ ] Sauro Vicini"), "{s}");
    // Tick the fifth and sixth people: Auvergne-Rhône-Alpes and Euskadi.
    repeat(&mut app, "down", 5);
    press(&mut app, &["space", "down", "space"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("[x] Auvergne-Rhône-Alpes representative"), "{s}");
    assert!(
        s.contains("[x] Euskadi Basque Country representative"),
        "{s}"
    );
    assert!(s.contains("[ ] BIOCAT representative"), "{s}");

    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(
        visit.participants,
        Some(vec!["aura".to_string(), "euskadi".to_string()])
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Delegation 2/8"), "{s}");
    assert!(
        delegation_row(&s, "Auvergne-Rhône-A").contains("● Auvergne"),
        "{s}"
    );
    assert!(
        delegation_row(&s, "Euskadi Basque").contains("● Euskadi"),
        "{s}"
    );
    assert!(
        delegation_row(&s, "Sauro Vicini").contains("· Sauro Vicini"),
        "{s}"
    );
    assert!(
        delegation_row(&s, "BIOCAT repr").contains("· BIOCAT"),
        "{s}"
    );

    // Ticking "Whole delegation" again gives everyone.
    press(&mut app, &["e"], AREA);
    tab_to(&mut app, Name::Attendees);
    press(&mut app, &["space", "enter"], AREA);
    assert_eq!(visit_by_id(&app, "osaka-government").participants, None);
}

/// With "Whole delegation" ticked every person shows `[x]`; Space on one of
/// them should untick that person and keep everybody else.
#[test]
fn unticking_one_person_from_the_whole_delegation_keeps_the_others() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    tab_to(&mut app, Name::Attendees);
    press(&mut app, &["down"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("[x] Sauro Vicini"), "{s}");
    press(&mut app, &["space"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("[ ] Sauro Vicini"), "unticked:\n{s}");
    assert!(s.contains("[x] BIOCAT representative"), "others stay:\n{s}");
    press(&mut app, &["enter"], AREA);
    let visit = visit_by_id(&app, "osaka-government");
    let ids = visit.participants.clone().expect("a chosen few");
    assert_eq!(ids.len(), 7, "{ids:?}");
    assert!(!ids.contains(&"vicini".to_string()), "{ids:?}");
}

#[test]
fn esc_cancels_without_changing_anything() {
    let mut app = sample_app();
    let before = app.mission().clone();
    press(&mut app, &["e"], AREA);
    type_text(&mut app, " changed", AREA);
    set_field(&mut app, Name::City, "Kobe");
    tab_to(&mut app, Name::Kind);
    press(&mut app, &["right"], AREA);
    press(&mut app, &["esc"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(app.mission().same_content(&before), "nothing changed");
    assert!(!app.is_dirty());
    assert!(!app.history().can_undo());
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Cancelled; nothing changed."), "{s}");
    assert!(!status_bar(&s).contains("[+]"), "{s}");
    assert!(!s.contains("Government changed"), "{s}");
}

#[test]
fn applying_a_form_that_changed_three_fields_is_one_undo_step() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    type_text(&mut app, " (HQ)", AREA);
    set_field(&mut app, Name::City, "Sakishima");
    set_field(&mut app, Name::Venue, "Cosmo Tower");
    press(&mut app, &["enter"], AREA);
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(visit.title, "Osaka Prefectural Government (HQ)");
    assert_eq!(visit.city.as_deref(), Some("Sakishima"));
    assert_eq!(visit.venue.as_deref(), Some("Cosmo Tower"));

    press(&mut app, &["u"], AREA);
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(visit.title, "Osaka Prefectural Government");
    assert_eq!(visit.city.as_deref(), Some("Osaka"));
    assert_eq!(visit.venue.as_deref(), Some("Sakishima Building"));
    assert!(!app.is_dirty());
    assert!(!app.history().can_undo(), "it was a single step");

    press(&mut app, &["ctrl-r"], AREA);
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(visit.title, "Osaka Prefectural Government (HQ)");
    assert_eq!(visit.venue.as_deref(), Some("Cosmo Tower"));
    assert!(app.is_dirty());
}

#[test]
fn n_adds_a_visit_after_the_selected_one() {
    let mut app = sample_app();
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    press(&mut app, &["n"], AREA);
    let f = form(&app);
    assert_eq!(f.title, "New visit");
    assert_eq!(f.text(Name::Title), "");
    assert_eq!(f.text(Name::Date), "2022-11-14", "the selected day");
    assert_eq!(
        f.text(Name::Start),
        "11:30",
        "starts when the selected visit ends"
    );
    assert_eq!(f.text(Name::City), "Osaka", "the day's city");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains(" New visit "), "{s}");

    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app), "a visit needs a title");
    assert_eq!(error_of(&app, Name::Title).as_deref(), Some("required"));
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("✗ required"), "{s}");

    type_text(&mut app, "Coffee with the Expo team", AREA);
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "applied");
    assert_eq!(
        app.view.pos, 1,
        "right after the selected visit, and selected"
    );
    assert_eq!(selected_title(&app), "Coffee with the Expo team");
    let titles: Vec<&str> = app
        .day_visits()
        .iter()
        .map(|&i| app.mission().visits[i].title.as_str())
        .collect();
    assert_eq!(
        titles[..3],
        [
            "Osaka Prefectural Government",
            "Coffee with the Expo team",
            "Lunch"
        ]
    );
    assert_eq!(app.mission().visits.len(), 23);
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("11:30–12:30   Coffee with the Expo"), "{s}");

    press(&mut app, &["u"], AREA);
    assert_eq!(app.mission().visits.len(), 22, "one undo removes it");
    assert!(!app.is_dirty());
}

#[test]
fn editing_a_participant_id_updates_the_visits_naming_them() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab"], AREA);
    assert_eq!(app.view.focus, Pane::Participants);
    assert_eq!(
        app.mission().participants[app.view.participant].id,
        "vicini"
    );
    press(&mut app, &["e"], AREA);
    assert_eq!(form(&app).title, "Edit participant");
    assert_eq!(focused(&app), Name::Name);
    set_field(&mut app, Name::Id, "sauro");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().participants[0].id, "sauro");
    for id in ["kento", "ncvc-oic"] {
        let ids = visit_by_id(&app, id).participants.clone().expect("named");
        assert_eq!(ids[0], "sauro", "{id}: {ids:?}");
        assert!(!ids.contains(&"vicini".to_string()), "{id}: {ids:?}");
    }
    // The delegation pane still marks him on KENTO.
    press(&mut app, &["esc", "j", "j"], AREA);
    assert_eq!(
        selected_title(&app),
        "Northern Osaka Health and Biomedical Innovation Town (KENTO)"
    );
    let s = screen(&mut app, 120, 40);
    assert!(
        delegation_row(&s, "Sauro Vicini").contains("● Sauro"),
        "{s}"
    );

    // One undo puts the id back everywhere.
    press(&mut app, &["u"], AREA);
    assert_eq!(app.mission().participants[0].id, "vicini");
    let ids = visit_by_id(&app, "kento")
        .participants
        .clone()
        .expect("named");
    assert!(ids.contains(&"vicini".to_string()), "{ids:?}");
    assert!(!app.is_dirty());
}

#[test]
fn an_id_already_used_is_refused() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "e"], AREA);
    set_field(&mut app, Name::Id, "biocat");
    assert_eq!(
        error_of(&app, Name::Id).as_deref(),
        Some("\"biocat\" is already used")
    );
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app));
}

#[test]
fn n_in_the_delegation_pane_adds_a_participant() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "n"], AREA);
    assert_eq!(form(&app).title, "New participant");
    assert_eq!(
        form(&app).text(Name::Id),
        "",
        "the id may be left to the name"
    );
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app), "a participant needs a name");
    assert_eq!(error_of(&app, Name::Name).as_deref(), Some("required"));
    type_text(&mut app, "Marco Rossi", AREA);
    set_field(&mut app, Name::Id, "rossi");
    set_field(&mut app, Name::Organization, "ART-ER");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().participants.len(), 9);
    let added = &app.mission().participants[8];
    assert_eq!(added.id, "rossi");
    assert_eq!(added.name, "Marco Rossi");
    assert_eq!(added.organization.as_deref(), Some("ART-ER"));
    assert_eq!(app.view.participant, 8, "the new participant is selected");
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Marco Rossi"), "{s}");
    assert!(
        s.contains("Delegation 9/9"),
        "a whole-delegation visit includes them:\n{s}"
    );
}

#[test]
fn deleting_a_participant_named_in_visits_asks_first() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "j", "j"], AREA);
    assert_eq!(
        app.mission().participants[app.view.participant].id,
        "biocat"
    );
    press(&mut app, &["d"], AREA);
    assert!(
        matches!(
            app.mode,
            Mode::Confirm(Confirm::DeleteParticipant {
                attends: 22,
                named: 2,
                ..
            })
        ),
        "asks"
    );
    let s = screen(&mut app, 120, 40);
    assert!(
        dialog_text(&s).contains(
            "BIOCAT representative attends 22 visits and is named in 2 of them. \
             Remove BIOCAT representative from the delegation and from those visits?"
        ),
        "{s}"
    );
    assert!(has_choice(&s, 'y'), "{s}");
    assert!(s.contains("n  keep"), "{s}");

    press(&mut app, &["n"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().participants.len(), 8, "kept");
    assert!(!app.is_dirty());
    assert!(screen(&mut app, 120, 40).contains("Nothing deleted."));

    press(&mut app, &["d", "y"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().participants.len(), 7);
    assert!(app.mission().participant("biocat").is_none());
    for id in ["kento", "ncvc-oic"] {
        let ids = visit_by_id(&app, id).participants.clone().expect("named");
        assert_eq!(ids, ["vicini", "emilia-romagna", "catalonia"], "{id}");
    }
    let s = screen(&mut app, 120, 40);
    assert!(!body(&s).contains("BIOCAT representative"), "{s}");
    assert!(
        s.contains("Removed BIOCAT representative from the delegation"),
        "{s}"
    );

    // One undo brings them back, in the visits too.
    press(&mut app, &["u"], AREA);
    assert!(app.mission().participant("biocat").is_some());
    let ids = visit_by_id(&app, "kento")
        .participants
        .clone()
        .expect("named");
    assert!(ids.contains(&"biocat".to_string()), "{ids:?}");
    assert!(!app.is_dirty());
}

#[test]
fn deleting_a_participant_named_nowhere_still_asks_and_removes_only_them() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "j", "j", "j", "j"], AREA);
    assert_eq!(app.mission().participants[app.view.participant].id, "aura");
    press(&mut app, &["d"], AREA);
    let s = screen(&mut app, 120, 40);
    assert!(
        dialog_text(&s).contains(
            "Auvergne-Rhône-Alpes representative attends 20 visits. Remove \
             Auvergne-Rhône-Alpes representative from the delegation?"
        ),
        "whole-delegation visits count as attending:\n{s}"
    );
    let visits_before = app.mission().visits.clone();
    press(&mut app, &["y"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().participants.len(), 7);
    assert!(app.mission().participant("aura").is_none());
    assert_eq!(app.mission().visits, visits_before, "no visit named them");
    assert!(app.is_dirty());
    let s = screen(&mut app, 120, 40);
    assert!(
        !body(&s).contains("Auvergne-Rhône-Alpes representative"),
        "{s}"
    );
    assert!(
        status_bar(&s).contains("Removed Auvergne-Rhône-Alpes representative from the delegation."),
        "{s}"
    );
}

#[test]
fn a_participant_who_attends_nothing_is_removed_without_asking() {
    // Every visit has an explicit list without the last participant.
    let mut app = common::sample_with(|mission| {
        let last = mission.participants.len() - 1;
        let others: Vec<String> = mission.participants[..last]
            .iter()
            .map(|p| p.id.clone())
            .collect();
        for visit in &mut mission.visits {
            visit.participants = Some(others.clone());
        }
    });
    let last = app.mission().participants.len() - 1;
    press(&mut app, &["tab", "tab", "G", "d"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "no question");
    assert_eq!(app.mission().participants.len(), last);
}

#[test]
fn m_edits_the_mission_and_the_header_shows_it() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    assert_eq!(form(&app).title, "Edit mission");
    assert_eq!(focused(&app), Name::Title);
    type_text(&mut app, " 2022", AREA);
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.mission().header.title, "Clust-ER Health in Japan 2022");
    let s = screen(&mut app, 120, 40);
    let header = s.lines().next().expect("header row");
    assert!(
        header.contains("Clust-ER Health in Japan 2022 · 14–18 November 2022"),
        "{s}"
    );
    press(&mut app, &["u"], AREA);
    assert_eq!(app.mission().header.title, "Clust-ER Health in Japan");
}

#[test]
fn a_bad_time_zone_is_refused_with_a_suggestion() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    set_field(&mut app, Name::Timezone, "Asia/Tokio");
    let error = error_of(&app, Name::Timezone).expect("unknown zone");
    assert!(error.contains("Asia/Tokyo"), "{error}");
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app));
}

#[test]
fn a_mission_of_more_than_three_years_is_refused() {
    let mut app = sample_app();
    press(&mut app, &["m"], AREA);
    // From 14 November 2022: 1,096 days end on 13 November 2025.
    set_field(&mut app, Name::LastDay, "2025-11-13");
    assert_eq!(error_of(&app, Name::LastDay), None);
    set_field(&mut app, Name::LastDay, "2025-11-14");
    assert_eq!(
        error_of(&app, Name::LastDay).as_deref(),
        Some("over 1096 days (3 years) from the first day")
    );
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app));
    assert_eq!(app.mission().header.end.to_string(), "2022-11-18");
}

#[test]
fn capital_d_edits_the_day_city() {
    let mut app = sample_app();
    press(&mut app, &["D"], AREA);
    assert_eq!(form(&app).title, "Edit Monday 14 November");
    assert_eq!(focused(&app), Name::City);
    set_field(&mut app, Name::City, "Kobe");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    let s = screen(&mut app, 120, 40);
    let day_bar = s.lines().nth(1).expect("day bar");
    assert!(day_bar.contains("Mon 14 Kobe"), "{s}");
    assert!(s.contains("Monday 14 November · Kobe"), "{s}");
    assert!(
        app.selected_visit()
            .is_some_and(|v| v.title == "Osaka Prefectural Government"),
        "the selection stays"
    );
    press(&mut app, &["u"], AREA);
    assert!(screen(&mut app, 120, 40).contains("Monday 14 November · Osaka"));
}

#[test]
fn pasting_into_a_text_field() {
    let mut app = sample_app();
    // Pasting outside a form does nothing.
    paste(&mut app, "ignored", AREA);
    assert!(!app.is_dirty());

    press(&mut app, &["e"], AREA);
    paste(&mut app, " (HQ)", AREA);
    assert_eq!(
        form(&app).text(Name::Title),
        "Osaka Prefectural Government (HQ)"
    );
    // A newline in a one-line field becomes a space, whichever line end
    // the terminal sends (tmux and xterm send CR).
    for pasted in ["Cosmo\nTower", "Cosmo\rTower", "Cosmo\r\nTower"] {
        set_field(&mut app, Name::Venue, "");
        paste(&mut app, pasted, AREA);
        assert_eq!(form(&app).text(Name::Venue), "Cosmo Tower", "{pasted:?}");
    }
    // Pasted text is checked like typed text.
    set_field(&mut app, Name::Start, "");
    paste(&mut app, "9h30", AREA);
    assert!(error_of(&app, Name::Start).is_some());
    clear_field(&mut app);
    paste(&mut app, "09:45", AREA);
    assert_eq!(error_of(&app, Name::Start), None);
    // Notes keep their lines.
    tab_to(&mut app, Name::Notes);
    paste(&mut app, "\r\nBring badges.\r\n", AREA);
    press(&mut app, &["ctrl-s"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "Ctrl-S applies");
    let visit = visit_by_id(&app, "osaka-government");
    assert_eq!(visit.title, "Osaka Prefectural Government (HQ)");
    assert_eq!(visit.venue.as_deref(), Some("Cosmo Tower"));
    assert_eq!(
        visit.start.map(|t| t.to_string()).as_deref(),
        Some("09:45:00")
    );
    let notes = visit.notes.clone().expect("notes");
    assert!(notes.contains("\nBring badges."), "{notes:?}");
    assert!(!notes.contains('\r'), "{notes:?}");
}

#[test]
fn snapshot_of_the_visit_form() {
    let area = Rect::new(0, 0, 100, 30);
    let mut app = sample_app();
    press(&mut app, &["e"], area);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains(" Edit visit "), "{s}");
    assert!(
        s.contains("Title       Osaka Prefectural Government"),
        "{s}"
    );
    assert!(s.contains("Date        2022-11-14"), "{s}");
    assert!(s.contains("Start       10:00"), "{s}");
    assert!(s.contains("End         11:30"), "{s}");
    assert!(s.contains("Kind        ‹ meeting ›"), "{s}");
    assert!(s.contains("Status      ‹ confirmed ›"), "{s}");
    assert!(s.contains("Venue       Sakishima Building"), "{s}");
    assert!(s.contains("[x] Whole delegation"), "{s}");
    assert!(s.contains("Enter apply  Esc cancel"), "{s}");
    for line in s.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 100, "{line}");
    }
    insta::assert_snapshot!(s);
}

#[test]
fn snapshot_of_the_participant_delete_dialog() {
    let area = Rect::new(0, 0, 100, 30);
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "d"], area);
    let s = screen(&mut app, 100, 30);
    assert!(s.contains(" Confirm "), "{s}");
    assert!(
        dialog_text(&s).starts_with("Sauro Vicini attends 22 visits and is named in 2 of them."),
        "{s}"
    );
    assert!(
        dialog_text(&s).contains("delegation and from those visits?"),
        "{s}"
    );
    assert!(has_choice(&s, 'y'), "{s}");
    assert!(s.contains("n  keep"), "{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn the_checklist_scrolls_with_its_cursor_in_a_small_terminal() {
    let area = Rect::new(0, 0, 80, 24);
    let mut app = sample_app();
    press(&mut app, &["e"], area);
    for _ in 0..14 {
        press(&mut app, &["tab"], area);
    }
    let Mode::Form(f) = &app.mode else {
        panic!("form")
    };
    assert!(matches!(f.fields[f.focus].input, Input::Checklist { .. }));
    press(&mut app, &["space"], area);
    for _ in 0..8 {
        press(&mut app, &["down"], area);
    }
    let s = screen(&mut app, 80, 24);
    assert!(
        s.contains("Val d'Oise representative"),
        "the last person is visible:\n{s}"
    );
}

#[test]
fn changing_the_date_moves_the_visit_to_that_day_in_time_order() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    set_field(&mut app, Name::Date, "2022-11-16");
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(
        app.index()
            .date(app.view.day)
            .map(|d| d.to_string())
            .as_deref(),
        Some("2022-11-16"),
        "the selection follows the visit to its new day"
    );
    assert_eq!(selected_title(&app), "Osaka Prefectural Government");
    let titles: Vec<&str> = app
        .day_visits()
        .iter()
        .map(|&i| app.mission().visits[i].title.as_str())
        .collect();
    assert_eq!(
        titles,
        [
            "EDiSON disaster information platform",
            "Osaka Prefectural Government",
            "DENKEN telepresence robots",
            "Geothermal green-hydrogen plant"
        ]
    );
    let s = screen(&mut app, 120, 40);
    assert!(s.contains("Wednesday 16 November · Oita"), "{s}");
    press(&mut app, &["u"], AREA);
    assert_eq!(
        app.mission().visits[0].title,
        "Osaka Prefectural Government"
    );
    assert_eq!(app.mission().visits[0].date.to_string(), "2022-11-14");
    assert!(!app.is_dirty());
}

#[test]
fn a_date_must_be_a_date() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    set_field(&mut app, Name::Date, "14/11/2022");
    assert_eq!(
        error_of(&app, Name::Date).as_deref(),
        Some("\"14/11/2022\" is not a date like 2022-11-14")
    );
    clear_field(&mut app);
    assert_eq!(
        error_of(&app, Name::Date).as_deref(),
        Some("required: YYYY-MM-DD")
    );
    // An end time needs a start time.
    set_field(&mut app, Name::Date, "2022-11-14");
    set_field(&mut app, Name::Start, "");
    assert_eq!(
        error_of(&app, Name::Start).as_deref(),
        Some("needed when there is an end time")
    );
    press(&mut app, &["enter"], AREA);
    assert!(is_form(&app));
    press(&mut app, &["esc"], AREA);
    assert!(!app.is_dirty());
}

#[test]
fn applying_an_unchanged_form_changes_nothing() {
    let mut app = sample_app();
    press(&mut app, &["e"], AREA);
    // Typed and erased again, and spaces around a value, are no change.
    type_text(&mut app, "  ", AREA);
    tab_to(&mut app, Name::City);
    type_text(&mut app, "x", AREA);
    press(&mut app, &["backspace", "enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal));
    assert!(!app.is_dirty());
    assert!(!app.history().can_undo());
    assert_eq!(
        app.message.as_ref().map(|m| m.text.as_str()),
        Some("No changes.")
    );
}

#[test]
fn a_new_participant_left_without_an_id_gets_one_from_the_name() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "n"], AREA);
    assert_eq!(form(&app).title, "New participant");
    type_text(&mut app, "Núria García", AREA);
    press(&mut app, &["enter"], AREA);
    assert!(matches!(app.mode, Mode::Normal), "the id may be left empty");
    let added = app.mission().participants.last().expect("added");
    assert_eq!(added.name, "Núria García");
    assert_eq!(added.id, "núria-garcía");
    // The same name again gets a distinct id.
    press(&mut app, &["n"], AREA);
    type_text(&mut app, "Núria García", AREA);
    press(&mut app, &["enter"], AREA);
    assert_eq!(
        app.mission().participants.last().expect("added").id,
        "núria-garcía-2"
    );
}
