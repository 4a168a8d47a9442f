//! Exporting from the planner (`x`): the export each choice of the form
//! asks the runner for, the question before a file is replaced, what the
//! status bar says, the files the runner's own code writes (the same
//! bytes as `itinera export`), and the popup as it looks.

mod common;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use common::files::TempMission;
use common::{Planner, message, press, sample_app, screen, type_text};
use itinera::app::{Confirm, Effect, ExportRequest, ExportScope, Mode, Msg, Report};
use itinera::export::{Format, Scope, render};
use itinera::input::Key;
use ratatui::layout::Rect;

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// The effects the app asks for on `keys`, none of them performed.
fn asked(app: &mut Planner, keys: &[&str]) -> Vec<Effect> {
    keys.iter()
        .flat_map(|k| app.update(Msg::Key(Key::parse(k).expect("a key"))))
        .collect()
}

fn request(format: Format, scope: ExportScope, path: &str) -> Effect {
    Effect::Export(ExportRequest {
        format,
        scope,
        path: path.to_string(),
        replace: false,
    })
}

/// `name` next to the mission file of `app`.
fn beside(app: &Planner, name: &str) -> String {
    app.file.with_file_name(name).to_string_lossy().into_owned()
}

#[test]
fn each_choice_of_the_form_asks_for_its_export_with_a_path_beside_the_mission() {
    let mut app = sample_app();
    let stem = "clust-er-health-japan-2022";
    let cases: &[(&[&str], Format, ExportScope, String)] = &[
        (
            &["x", "enter"],
            Format::Markdown,
            ExportScope::All,
            format!("{stem}.md"),
        ),
        (
            &["x", "h", "enter"],
            Format::Text,
            ExportScope::All,
            format!("{stem}.txt"),
        ),
        (
            &["x", "tab", "l", "enter"],
            Format::Text,
            ExportScope::Day(NaiveDate::from_ymd_opt(2022, 11, 14).expect("date")),
            format!("{stem}-2022-11-14.txt"),
        ),
        (
            &["x", "l", "tab", "l", "l", "enter"],
            Format::Markdown,
            ExportScope::Person("vicini".into()),
            format!("{stem}-vicini.md"),
        ),
        (
            &["x", "l", "tab", "h", "enter"],
            Format::Ics,
            ExportScope::Everyone,
            format!("{stem}-agendas/"),
        ),
    ];
    for (keys, format, scope, name) in cases {
        let path = beside(&app, name);
        assert_eq!(
            asked(&mut app, keys),
            [request(*format, scope.clone(), &path)],
            "{keys:?}"
        );
    }
}

#[test]
fn the_person_selected_in_the_delegation_is_the_default_and_a_typed_path_stays() {
    let mut app = sample_app();
    press(&mut app, &["tab", "tab", "j"], AREA);
    let second = app.mission().participants[1].id.clone();
    let path = beside(&app, &format!("clust-er-health-japan-2022-{second}.md"));
    assert_eq!(
        asked(&mut app, &["x", "enter"]),
        [request(
            Format::Markdown,
            ExportScope::Person(second),
            &path
        )]
    );
    // A path typed by hand no longer follows the format or the scope.
    asked(&mut app, &["x", "tab", "tab", "ctrl-u"]);
    type_text(&mut app, "~/out/agenda.json", AREA);
    assert_eq!(
        asked(&mut app, &["backtab", "backtab", "l", "tab", "h", "enter"]),
        [request(
            Format::Ics,
            ExportScope::Person("vicini".into()),
            "~/out/agenda.json"
        )]
    );
    // The next export starts from the format used last.
    let effects = asked(&mut app, &["esc", "x", "enter"]);
    assert!(
        matches!(&effects[..], [Effect::Export(r)] if r.format == Format::Ics),
        "{effects:?}"
    );
    asked(&mut app, &["x", "esc"]);
    assert_eq!(message(&app), "Not exported.");
}

#[test]
fn an_empty_path_is_refused_in_the_form() {
    let mut app = sample_app();
    assert_eq!(asked(&mut app, &["x", "tab", "tab", "ctrl-u", "enter"]), []);
    assert_eq!(
        common::error_of(&app, itinera::app::form::Name::Path).as_deref(),
        Some("required: a file, or a folder")
    );
}

#[test]
fn a_file_that_is_there_is_replaced_only_when_the_user_says_so() {
    let mut app = sample_app();
    let wanted = ExportRequest {
        format: Format::Markdown,
        scope: ExportScope::All,
        path: "japan.md".into(),
        replace: false,
    };
    let exists = || {
        Msg::Done(Report::ExportExists {
            request: wanted.clone(),
            existing: 1,
            files: 1,
        })
    };
    app.update(exists());
    assert!(matches!(
        app.mode,
        Mode::Confirm(Confirm::ReplaceExport { .. })
    ));
    let s = screen(&mut app, 80, 24);
    assert!(s.contains("japan.md already exists. Replace it?"), "{s}");
    assert_eq!(
        asked(&mut app, &["o"]),
        [Effect::Export(ExportRequest {
            replace: true,
            ..wanted.clone()
        })]
    );
    // Another name: the form again, on the path, with the same choices.
    app.update(exists());
    asked(&mut app, &["a"]);
    let form = common::form(&app);
    assert_eq!(form.fields[form.focus].label, "Save to");
    assert_eq!(form.text(itinera::app::form::Name::Path), "japan.md");
    assert_eq!(
        asked(&mut app, &["enter"]),
        [Effect::Export(wanted.clone())]
    );
    app.update(exists());
    assert_eq!(asked(&mut app, &["c"]), []);
    assert_eq!(message(&app), "Not exported.");
    // For a file each, the question counts the files.
    app.update(Msg::Done(Report::ExportExists {
        request: ExportRequest {
            scope: ExportScope::Everyone,
            path: "agendas/".into(),
            ..wanted
        },
        existing: 3,
        files: 8,
    }));
    let Mode::Confirm(question) = &app.mode else {
        panic!("a question");
    };
    assert_eq!(
        question.text(&app).0,
        "agendas/ already holds 3 of the 8 files (one per participant). Replace them?"
    );
}

#[test]
fn the_status_bar_says_where_each_export_went() {
    let mut app = sample_app();
    let done = |scope, path: &str, files, new_folder, replace| {
        Msg::Done(Report::Exported {
            request: ExportRequest {
                format: Format::Markdown,
                scope,
                path: path.into(),
                replace,
            },
            files,
            new_folder,
        })
    };
    let day = NaiveDate::from_ymd_opt(2022, 11, 15).expect("date");
    for (msg, said) in [
        (
            done(ExportScope::All, "/trip/m.md", 1, false, false),
            "Exported the agenda for everyone to /trip/m.md.",
        ),
        (
            done(ExportScope::Day(day), "m-day.md", 1, false, true),
            "Exported the agenda for Tuesday 15 November to m-day.md, replacing what was there.",
        ),
        (
            done(
                ExportScope::Person("vicini".into()),
                "v.md",
                1,
                false,
                false,
            ),
            "Exported Sauro Vicini's agenda to v.md.",
        ),
        (
            done(ExportScope::Everyone, "m-agendas/", 8, true, false),
            "Exported 8 agendas, one per participant, to m-agendas/ (a new folder).",
        ),
    ] {
        app.update(msg);
        assert_eq!(message(&app), said);
    }
}

/// A fixed `DTSTAMP` line for comparing calendars written at other times.
fn without_stamp(ics: &str) -> String {
    ics.lines()
        .filter(|l| !l.starts_with("DTSTAMP:"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_runner_writes_what_itinera_export_writes_and_never_the_mission() {
    let trip = TempMission::of_sample("japan.toml");
    let dir = trip.dir.path();
    let mut app = trip.open();
    let mission = app.mission().clone();
    let stamp = Utc
        .with_ymd_and_hms(2022, 11, 1, 0, 0, 0)
        .single()
        .expect("time");
    let person = |id: &str| Scope {
        participant: Some(id.into()),
        ..Scope::default()
    };

    press(&mut app, &["x", "enter"], AREA);
    let md = dir.join("japan.md");
    assert_eq!(
        message(&app),
        format!("Exported the agenda for everyone to {}.", md.display())
    );
    let expected = render(Format::Markdown, &mission, &Scope::default(), stamp).expect("md");
    assert_eq!(read(&md), expected);

    // Again: it asks, and `o` replaces the file.
    std::fs::write(&md, "old").expect("writes");
    press(&mut app, &["x", "enter"], AREA);
    assert!(matches!(app.mode, Mode::Confirm(_)), "asks first");
    assert_eq!(read(&md), "old");
    press(&mut app, &["o"], AREA);
    assert_eq!(read(&md), expected);

    // One person's calendar.
    press(&mut app, &["x", "l", "tab", "l", "l", "enter"], AREA);
    let ics = read(&dir.join("japan-vicini.ics"));
    let expected = render(Format::Ics, &mission, &person("vicini"), stamp).expect("ics");
    assert_eq!(without_stamp(&ics), without_stamp(&expected));

    // A file each, in a new folder.
    press(&mut app, &["x", "h", "tab", "h", "enter"], AREA);
    let folder: PathBuf = dir.join("japan-agendas");
    assert_eq!(
        message(&app),
        format!(
            "Exported 8 agendas, one per participant, to {}/ (a new folder).",
            folder.display()
        )
    );
    for p in &mission.participants {
        let file = folder.join(format!("{}.md", p.id));
        let expected = render(Format::Markdown, &mission, &person(&p.id), stamp).expect("md");
        assert_eq!(read(&file), expected, "{}", p.id);
    }

    // The mission file itself, by its name: refused, the form stays open.
    press(&mut app, &["x", "tab", "tab", "ctrl-u"], AREA);
    type_text(&mut app, &trip.arg(), AREA);
    press(&mut app, &["enter"], AREA);
    assert_eq!(
        message(&app),
        format!(
            "Not exported: {} is the mission file itself; choose another name.",
            trip.arg()
        )
    );
    assert!(matches!(app.mode, Mode::Form(_)));
    assert_eq!(trip.on_disk(), trip.original);
    assert!(!app.is_dirty());
}

/// The sample, its file named as a user in its folder would name it, so
/// the default paths on screen do not depend on where the test runs.
fn planner_in_its_folder() -> Planner {
    let mut app = sample_app();
    app.file = "clust-er-health-japan-2022.toml".into();
    app
}

#[test]
fn snapshot_of_the_export_popup_at_80x24() {
    let mut app = planner_in_its_folder();
    press(&mut app, &["x", "tab"], Rect::new(0, 0, 80, 24));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}

#[test]
fn snapshot_of_the_export_popup_at_120x40() {
    let mut app = planner_in_its_folder();
    press(&mut app, &["x", "tab", "h"], AREA);
    insta::assert_snapshot!(screen(&mut app, 120, 40));
}

#[test]
fn snapshot_of_the_replace_question_at_80x24() {
    let mut app = planner_in_its_folder();
    app.update(Msg::Done(Report::ExportExists {
        request: ExportRequest {
            format: Format::Markdown,
            scope: ExportScope::All,
            path: "clust-er-health-japan-2022.md".into(),
            replace: false,
        },
        existing: 1,
        files: 1,
    }));
    insta::assert_snapshot!(screen(&mut app, 80, 24));
}
