//! Property tests: random sequences of what a user does in the planner
//! (moving around, moving and rippling visits, adding, duplicating,
//! editing and deleting visits and participants, undo and redo), pressed as
//! keys through the real event path, keep the mission consistent, save and
//! load back to the same mission, keep every comment of the file, and undo
//! back to the mission as it was read.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;

use itinera::app::{App, Mode, Pane};
use itinera::domain::{Key, Mission, Participant, Visit};
use itinera::file::{Base, parse};
use itinera::input::Config;
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestRunner};
use ratatui::layout::Rect;

use common::files::comment_lines;
use common::{Planner, SAMPLE, press};

const AREA: Rect = Rect::new(0, 0, 120, 40);

/// A fixture of the round-trip tests with CRLF line ends.
const CRLF: &str = "tests/fixtures/roundtrip/crlf.toml";

fn open_sample() -> (Planner, Base, Copy) {
    open(SAMPLE)
}

/// A copy of `path` in a temporary directory: the planner opens the copy,
/// so a save by mistake cannot touch the repository's files.
struct Copy {
    path: PathBuf,
    bytes: Vec<u8>,
}

impl Copy {
    fn of(path: &str) -> Copy {
        let copy = common::temporary_copy(path);
        let bytes = std::fs::read(&copy).expect("fixture");
        Copy { path: copy, bytes }
    }

    /// Nothing saved into the copy.
    fn assert_untouched(&self) {
        let now = std::fs::read(&self.path).expect("copy");
        assert!(
            now == self.bytes,
            "the test saved into {}",
            self.path.display()
        );
    }
}

/// `path` (a temporary copy of it) opened as `common::app_for` opens a
/// file, and the save base of the file as read (the same base the app's
/// document holds: nothing is saved in these tests).
fn open(path: &str) -> (Planner, Base, Copy) {
    let copy = Copy::of(path);
    let loaded = itinera::file::load(&copy.path).expect("fixture loads");
    let base = loaded.parsed.base.clone();
    let mut app = Planner::open(loaded, Config::default(), None);
    app.now = Some(common::fixed_now());
    (app, base, copy)
}

/// One thing a user does, as keys.
#[derive(Clone, Debug)]
enum Step {
    /// Plain keys in the timeline: moving around, moving, rippling,
    /// duplicating and deleting visits, undo, redo.
    Keys(Vec<&'static str>),
    /// `n`, a title, Enter.
    AddVisit(String),
    /// `e`, characters appended to the title, Enter (or Esc).
    EditTitle {
        text: String,
        cancel: bool,
    },
    /// `e`, the date field replaced by 2022-11-DD, Enter.
    EditDate(u32),
    /// `e`, the start field replaced by HH:MM, Enter.
    EditStart(u32, u32),
    /// `e`, the kind moved `n` choices to the right, Enter.
    EditKind(usize),
    /// `e`, lines added to the notes (Enter starts a line), Ctrl-S.
    EditNotes(Vec<String>),
    /// `D`, characters appended to the day's city, Enter.
    EditDay(String),
    /// `m`, the last day of the mission set to 2022-11-DD, Enter.
    EditMissionEnd(u32),
    /// `e`, in the attendee checklist: `true` moves down, `false` ticks.
    EditAttendees(Vec<bool>),
    /// In the delegation pane, on participant `at`: `n` with a name.
    AddParticipant(String),
    DuplicateParticipant(usize),
    /// `d`; a referenced participant asks first: answer `y` (true) or `n`.
    DeleteParticipant {
        at: usize,
        confirm: bool,
    },
    /// `e` on participant `at`, characters appended to the id, Enter.
    RenameParticipant {
        at: usize,
        text: String,
    },
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!['a', 'z', 'é', 'Ü', '大', '阪', '-', '7', ' ']),
        1..5,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn id_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(vec!['x', 'ø', '2', '_', '-']), 1..3)
        .prop_map(|chars| chars.into_iter().collect())
}

fn step() -> impl Strategy<Value = Step> {
    let nav = prop::sample::select(vec!["j", "k", "h", "l", "g", "G", "a"]);
    let change = prop::sample::select(vec!["J", "K", "<", ">", "+", "-", "c", "d"]);
    let history = prop::sample::select(vec!["u", "u", "ctrl-r"]);
    prop_oneof![
        4 => prop::collection::vec(nav, 1..3).prop_map(Step::Keys),
        6 => change.prop_map(|k| Step::Keys(vec![k])),
        3 => history.prop_map(|k| Step::Keys(vec![k])),
        2 => text().prop_map(Step::AddVisit),
        2 => (text(), prop::bool::weighted(0.2))
            .prop_map(|(text, cancel)| Step::EditTitle { text, cancel }),
        1 => (13u32..=19).prop_map(Step::EditDate),
        1 => (7u32..=22, prop::sample::select(vec![0u32, 15, 30, 45]))
            .prop_map(|(h, m)| Step::EditStart(h, m)),
        1 => (1usize..6).prop_map(Step::EditKind),
        1 => prop::collection::vec(text(), 1..3).prop_map(Step::EditNotes),
        1 => text().prop_map(Step::EditDay),
        1 => (14u32..=20).prop_map(Step::EditMissionEnd),
        1 => prop::collection::vec(any::<bool>(), 1..5).prop_map(Step::EditAttendees),
        1 => text().prop_map(Step::AddParticipant),
        1 => (0usize..9).prop_map(Step::DuplicateParticipant),
        2 => (0usize..9, any::<bool>())
            .prop_map(|(at, confirm)| Step::DeleteParticipant { at, confirm }),
        1 => (0usize..9, id_text()).prop_map(|(at, text)| Step::RenameParticipant { at, text }),
    ]
}

/// Keys typing `text` into a form field.
fn typing(text: &str) -> Vec<String> {
    text.chars()
        .map(|c| match c {
            ' ' => "space".to_string(),
            c => c.to_string(),
        })
        .collect()
}

fn keys(list: &[&str]) -> Vec<String> {
    list.iter().map(|k| k.to_string()).collect()
}

/// Focus on participant `at` (clamped) of the delegation pane.
fn to_participant(at: usize) -> Vec<String> {
    let mut k = keys(&["esc", "tab", "tab", "g"]);
    k.extend(std::iter::repeat_n("j".to_string(), at));
    k
}

/// The keys of a step, as a user presses them: those that open a popup
/// (or do the whole step), the label of the form field to go to (found by
/// reading the labels, as a user does, not by counting Tabs), and the keys
/// for that field or dialog. The last keys are only pressed while the popup
/// is open: typed letters must never reach the keymap (Ctrl-S there saves).
struct Keys {
    open: Vec<String>,
    field: Option<&'static str>,
    then: Vec<String>,
}

/// Keys that replace the text of a one-line field with `text` and apply.
fn replace_with(text: &str) -> Vec<String> {
    let mut k = keys(&["end", "ctrl-u"]);
    k.extend(typing(text));
    k.push("enter".into());
    k
}

fn step_keys(step: &Step) -> Keys {
    let keys_of = |open: &[&str], field: Option<&'static str>, then: Vec<String>| Keys {
        open: keys(open),
        field,
        then,
    };
    let then_enter = |mut k: Vec<String>| {
        k.push("enter".into());
        k
    };
    match step {
        Step::Keys(k) => keys_of(k, None, Vec::new()),
        Step::AddVisit(title) => keys_of(&["esc", "n"], Some("Title"), then_enter(typing(title))),
        Step::EditTitle { text, cancel } => {
            let mut k = typing(text);
            k.push(if *cancel { "esc" } else { "enter" }.into());
            keys_of(&["esc", "e"], Some("Title"), k)
        }
        Step::EditDate(day) => keys_of(
            &["esc", "e"],
            Some("Date"),
            replace_with(&format!("2022-11-{day:02}")),
        ),
        Step::EditStart(h, m) => keys_of(
            &["esc", "e"],
            Some("Start"),
            replace_with(&format!("{h:02}:{m:02}")),
        ),
        Step::EditKind(n) => keys_of(
            &["esc", "e"],
            Some("Kind"),
            then_enter(std::iter::repeat_n("l".to_string(), *n).collect()),
        ),
        Step::EditNotes(lines) => {
            let mut k = Vec::new();
            for line in lines {
                k.push("enter".into());
                k.extend(typing(line));
            }
            k.push("ctrl-s".into());
            keys_of(&["esc", "e"], Some("Notes"), k)
        }
        Step::EditDay(text) => keys_of(&["esc", "D"], Some("City"), then_enter(typing(text))),
        Step::EditMissionEnd(day) => keys_of(
            &["esc", "m"],
            Some("Last day"),
            replace_with(&format!("2022-11-{day:02}")),
        ),
        Step::EditAttendees(moves) => {
            let k = moves
                .iter()
                .map(|&down| if down { "j" } else { "space" }.to_string())
                .collect();
            keys_of(&["esc", "e"], Some("Attendees"), then_enter(k))
        }
        Step::AddParticipant(_)
        | Step::DuplicateParticipant(_)
        | Step::DeleteParticipant { .. }
        | Step::RenameParticipant { .. } => participant_keys(step),
    }
}

/// The keys of the steps in the delegation pane.
fn participant_keys(step: &Step) -> Keys {
    match step {
        Step::AddParticipant(name) => {
            let mut then = typing(name);
            then.push("enter".into());
            Keys {
                open: keys(&["esc", "tab", "tab", "n"]),
                field: Some("Name"),
                then,
            }
        }
        Step::DuplicateParticipant(at) => {
            let mut k = to_participant(*at);
            k.push("c".into());
            Keys {
                open: k,
                field: None,
                then: Vec::new(),
            }
        }
        Step::DeleteParticipant { at, confirm } => {
            let mut k = to_participant(*at);
            k.push("d".into());
            Keys {
                open: k,
                field: None,
                then: keys(&[if *confirm { "y" } else { "n" }]),
            }
        }
        Step::RenameParticipant { at, text } => {
            let mut k = to_participant(*at);
            k.push("e".into());
            Keys {
                open: k,
                field: Some("Id"),
                then: {
                    let mut then = typing(text);
                    then.push("enter".into());
                    then
                },
            }
        }
        _ => Keys {
            open: Vec::new(),
            field: None,
            then: Vec::new(),
        },
    }
}

/// Does `step`: the keys that open a popup, Tab to the step's field, then
/// the popup's keys one by one for as long as it stays open.
fn perform(app: &mut Planner, step: &Step) {
    let Keys { open, field, then } = step_keys(step);
    let open: Vec<&str> = open.iter().map(String::as_str).collect();
    press(app, &open, AREA);
    if let (Some(label), Mode::Form(_)) = (field, &app.mode) {
        common::tab_to(app, label, AREA);
    }
    for key in &then {
        if matches!(app.mode, Mode::Normal) {
            break;
        }
        press(app, &[key.as_str()], AREA);
    }
}

/// Closes whatever a step left open: a form that would not apply (an empty
/// title, an end before the start), or a question not answered.
fn settle(app: &mut Planner) {
    for _ in 0..3 {
        if matches!(app.mode, Mode::Normal) {
            break;
        }
        press(app, &["esc"], AREA);
    }
    assert!(matches!(app.mode, Mode::Normal), "a popup stays open");
    if app.view.focus != Pane::Timeline {
        press(app, &["esc"], AREA);
    }
}

/// What must hold after every step.
fn check_consistent(app: &App) -> Result<(), TestCaseError> {
    let m = &app.mission();
    let keys: HashSet<_> = m.visits.iter().map(|v| v.key).collect();
    prop_assert_eq!(keys.len(), m.visits.len(), "visit keys are unique");
    let keys: HashSet<_> = m.participants.iter().map(|p| p.key).collect();
    prop_assert_eq!(
        keys.len(),
        m.participants.len(),
        "participant keys are unique"
    );

    let mut ids = HashSet::new();
    for id in m.visits.iter().filter_map(|v| v.id.as_deref()) {
        prop_assert!(ids.insert(id), "visit id {} twice", id);
    }
    let generated = m.visit_ids();
    let unique: HashSet<_> = generated.iter().collect();
    prop_assert_eq!(unique.len(), generated.len(), "visit ids (generated too)");
    let mut ids = HashSet::new();
    for p in &m.participants {
        prop_assert!(ids.insert(p.id.as_str()), "participant id {} twice", p.id);
    }
    for v in &m.visits {
        if let Some(list) = &v.participants {
            let mut seen = HashSet::new();
            for id in list {
                prop_assert!(ids.contains(id.as_str()), "{:?} names {}", v.title, id);
                prop_assert!(seen.insert(id), "{:?} lists {} twice", v.title, id);
            }
        }
    }

    prop_assert_eq!(app.index().visit_count(), m.visits.len());
    prop_assert!(app.view.day < app.index().len().max(1));
    prop_assert!(app.view.pos < app.day_visits().len().max(1));
    prop_assert!(app.view.participant < m.participants.len().max(1));
    Ok(())
}

/// Save (render into the file as read) and load back.
fn check_saves(app: &App, base: &Base, original_text: &str) -> Result<(), TestCaseError> {
    let text = base.clone().render(app.mission());
    let parsed = match parse(&text) {
        Ok(parsed) => parsed,
        Err(report) => {
            return Err(TestCaseError::fail(format!(
                "the saved text does not load:\n{}\n{text}",
                report.render("saved", &text)
            )));
        }
    };
    prop_assert!(
        parsed.mission.same_content(app.mission()),
        "the saved text reads back as another mission:\n{}",
        text
    );
    let before = comment_lines(original_text);
    let after = comment_lines(&text);
    for (line, n) in &before {
        prop_assert!(
            after.get(line) == Some(n),
            "comment {:?}: {} times before, {:?} after\n{}",
            line,
            n,
            after.get(line),
            text
        );
    }
    prop_assert_eq!(before.len(), after.len(), "comments added\n{}", text);
    Ok(())
}

/// Presses `u` until there is nothing to undo; returns how many times.
fn undo_all(app: &mut Planner) -> usize {
    let mut n = 0;
    while app.history().can_undo() {
        press(app, &["u"], AREA);
        n += 1;
        assert!(n < 10_000, "undo never ends");
    }
    n
}

fn run(path: &str, steps: &[Step], original_text: &str) -> Result<(), TestCaseError> {
    let (mut app, base, copy) = open(path);
    let original: Mission = app.mission().clone();
    for step in steps {
        perform(&mut app, step);
        settle(&mut app);
        check_consistent(&app)?;
    }
    check_saves(&app, &base, original_text)?;
    if *app.mission() != original {
        prop_assert!(app.is_dirty(), "changed but not marked unsaved");
    }

    let end = app.mission().clone();
    let depth = undo_all(&mut app);
    prop_assert!(
        *app.mission() == original,
        "undoing everything gives the mission as read"
    );
    prop_assert!(!app.is_dirty(), "undone to the file: no unsaved marker");
    check_consistent(&app)?;
    prop_assert!(
        base.clone().render(app.mission()) == original_text,
        "undone: renders the file as read"
    );

    for _ in 0..depth {
        prop_assert!(app.history().can_redo());
        press(&mut app, &["ctrl-r"], AREA);
    }
    prop_assert!(
        *app.mission() == end,
        "redoing what was undone gives the last mission"
    );
    check_consistent(&app)?;
    undo_all(&mut app);
    prop_assert!(*app.mission() == original, "undone again");
    prop_assert!(!app.is_dirty());
    copy.assert_untouched();
    Ok(())
}

/// Runs the property on `path`.
fn random_user_actions(path: &str) {
    let original_text = std::fs::read_to_string(path).expect("fixture");
    // PROPTEST_CASES=5000 for a longer search.
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(64);
    let config = ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let mut runner = TestRunner::new(config);
    let result = runner.run(&prop::collection::vec(step(), 1..40), |steps| {
        run(path, &steps, &original_text)
    });
    if let Err(err) = result {
        panic!("{path}: {err}");
    }
}

#[test]
fn random_user_actions_keep_the_mission_consistent_and_undoable() {
    random_user_actions(SAMPLE);
}

/// The fields that differ, by name.
fn differing(fields: &[(&str, bool)]) -> String {
    fields
        .iter()
        .filter(|(_, differs)| *differs)
        .map(|(name, _)| *name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn visit_fields(a: &Visit, b: &Visit) -> String {
    differing(&[
        ("id", a.id != b.id),
        ("date", a.date != b.date),
        ("start", a.start != b.start),
        ("end", a.end != b.end),
        ("end_date", a.end_date != b.end_date),
        ("title", a.title != b.title),
        ("kind", a.kind != b.kind),
        ("status", a.status != b.status),
        ("city", a.city != b.city),
        ("venue", a.venue != b.venue),
        ("address", a.address != b.address),
        ("host", a.host != b.host),
        ("contact", a.contact != b.contact),
        ("participants", a.participants != b.participants),
        ("tags", a.tags != b.tags),
        ("notes", a.notes != b.notes),
    ])
}

fn participant_fields(a: &Participant, b: &Participant) -> String {
    differing(&[
        ("id", a.id != b.id),
        ("name", a.name != b.name),
        ("organization", a.organization != b.organization),
        ("region", a.region != b.region),
        ("role", a.role != b.role),
        ("email", a.email != b.email),
        ("phone", a.phone != b.phone),
        ("notes", a.notes != b.notes),
    ])
}

/// Entities matched by session key: "+NAME" for those added, "-NAME" for
/// those removed, "NAME: FIELDS" for those changed, and "order" when the
/// ones in both are in another order.
fn keyed_changes<T>(
    before: &[T],
    after: &[T],
    key: impl Fn(&T) -> Key,
    name: impl Fn(&T) -> String,
    fields: impl Fn(&T, &T) -> String,
) -> Vec<String> {
    let mut out = Vec::new();
    let find = |list: &[T], k: Key| list.iter().position(|x| key(x) == k);
    for b in before {
        match find(after, key(b)) {
            None => out.push(format!("-{}", name(b))),
            Some(i) => {
                let changed = fields(b, &after[i]);
                if !changed.is_empty() {
                    out.push(format!("{}: {changed}", name(b)));
                }
            }
        }
    }
    out.extend(
        after
            .iter()
            .filter(|a| find(before, key(a)).is_none())
            .map(|a| format!("+{}", name(a))),
    );
    let kept = |list: &[T], other: &[T]| -> Vec<Key> {
        list.iter()
            .map(&key)
            .filter(|k| find(other, *k).is_some())
            .collect()
    };
    if kept(before, after) != kept(after, before) {
        out.push("order".into());
    }
    out
}

/// What differs between two missions, one line per changed thing:
/// "mission: end", "day 2022-11-14: city", "participant +Ana", "visit
/// osaka-government: start, end", "visit order". Visits are named by id
/// (or title), participants by id.
fn changes(before: &Mission, after: &Mission) -> Vec<String> {
    let (h, g) = (&before.header, &after.header);
    let mut out = Vec::new();
    let header = differing(&[
        ("title", h.title != g.title),
        ("start", h.start != g.start),
        ("end", h.end != g.end),
        ("timezone", h.timezone != g.timezone),
        ("home_timezone", h.home_timezone != g.home_timezone),
        ("organizer", h.organizer != g.organizer),
        ("summary", h.summary != g.summary),
    ]);
    if !header.is_empty() {
        out.push(format!("mission: {header}"));
    }
    for date in before
        .dates()
        .chain(after.dates())
        .collect::<std::collections::BTreeSet<_>>()
    {
        let (a, b) = (before.day_info(date), after.day_info(date));
        let line = match (a, b) {
            (Some(a), Some(b)) => {
                let fields: Vec<(&str, bool)> = itinera::domain::schema::DAY
                    .fields
                    .iter()
                    .map(|f| (f.key, (f.get)(a) != (f.get)(b)))
                    .collect();
                differing(&fields)
            }
            (None, Some(_)) => "added".into(),
            (Some(_), None) => "removed".into(),
            (None, None) => String::new(),
        };
        if !line.is_empty() {
            out.push(format!("day {date}: {line}"));
        }
    }
    let people = keyed_changes(
        &before.participants,
        &after.participants,
        |p| p.key,
        |p| p.id.clone(),
        participant_fields,
    );
    out.extend(people.into_iter().map(|c| format!("participant {c}")));
    let visits = keyed_changes(
        &before.visits,
        &after.visits,
        |v| v.key,
        |v| v.id.clone().unwrap_or_else(|| v.title.clone()),
        visit_fields,
    );
    out.extend(visits.into_iter().map(|c| format!("visit {c}")));
    out
}

/// Each kind of step on the sample, and what it changes.
fn step_cases() -> Vec<(Step, &'static [&'static str])> {
    let mut cases: Vec<(Step, &'static [&'static str])> = vec![
        (
            Step::Keys(vec!["J"]),
            &[
                "visit osaka-government: start, end",
                "visit osaka-lunch: start, end",
                "visit order",
            ],
        ),
        (
            Step::Keys(vec![">"]),
            &["visit osaka-government: date", "visit order"],
        ),
        (
            Step::Keys(vec!["+"]),
            &[
                "visit osaka-government: start, end",
                "visit osaka-lunch: start, end",
                "visit kento: start, end",
                "visit ncvc-oic: start, end",
            ],
        ),
        (Step::Keys(vec!["c"]), &["visit +osaka-government-2"]),
        (Step::Keys(vec!["d"]), &["visit -osaka-government"]),
        (Step::AddVisit("Café 大阪".into()), &["visit +Café 大阪"]),
        (
            Step::EditTitle {
                text: "é".into(),
                cancel: false,
            },
            &["visit osaka-government: title"],
        ),
        (
            Step::EditDate(16),
            &["visit osaka-government: date", "visit order"],
        ),
        (
            Step::EditStart(8, 15),
            &["visit osaka-government: start, end"],
        ),
        (Step::EditKind(2), &["visit osaka-government: kind"]),
        (
            Step::EditNotes(vec!["x".into(), "大 é".into()]),
            &["visit osaka-government: notes"],
        ),
        (Step::EditDay("é".into()), &["day 2022-11-14: city"]),
        (Step::EditMissionEnd(20), &["mission: end"]),
        (
            Step::EditAttendees(vec![false]),
            &["visit osaka-government: participants"],
        ),
    ];
    cases.extend(participant_cases());
    cases
}

/// Each kind of step in the delegation pane, and what it changes.
fn participant_cases() -> Vec<(Step, &'static [&'static str])> {
    vec![
        (Step::AddParticipant("Ana".into()), &["participant +ana"]),
        (
            Step::DuplicateParticipant(1),
            &["participant +emilia-romagna-2"],
        ),
        (
            Step::DeleteParticipant {
                at: 0,
                confirm: true,
            },
            &[
                "participant -vicini",
                "visit kento: participants",
                "visit ncvc-oic: participants",
            ],
        ),
        (
            Step::RenameParticipant {
                at: 2,
                text: "x".into(),
            },
            &[
                "participant biocat: id",
                "visit kento: participants",
                "visit ncvc-oic: participants",
            ],
        ),
    ]
}

/// The steps of the generator one by one, each reaching its field by
/// label and changing exactly what it says and nothing else, so a change
/// in how the app takes keys shows here first, not as a shrunk random
/// case.
#[test]
fn each_kind_of_step_changes_exactly_its_field() {
    for (step, expected) in step_cases() {
        let (mut app, _, copy) = open_sample();
        let original = app.mission().clone();
        perform(&mut app, &step);
        copy.assert_untouched();
        assert!(matches!(app.mode, Mode::Normal), "{step:?}: back to normal");
        assert_eq!(changes(&original, app.mission()), expected, "{step:?}");
        assert!(app.is_dirty(), "{step:?}: not marked unsaved");
        assert!(app.history().can_undo(), "{step:?}: no undo step");
    }
    // Answering no keeps a referenced participant.
    let (mut app, _, _copy) = open_sample();
    let original = app.mission().clone();
    perform(
        &mut app,
        &Step::DeleteParticipant {
            at: 0,
            confirm: false,
        },
    );
    assert_eq!(changes(&original, app.mission()), Vec::<String>::new());
    assert!(!app.is_dirty());
}

#[test]
fn deleting_every_participant_keeps_the_comments_of_the_file() {
    let original_text = std::fs::read_to_string(SAMPLE).expect("sample");
    let (mut app, base, _copy) = open_sample();
    let mut n = 0;
    while !app.mission().participants.is_empty() {
        perform(
            &mut app,
            &Step::DeleteParticipant {
                at: 0,
                confirm: true,
            },
        );
        n += 1;
        assert!(n < 100, "participants are not deleted");
    }
    let saved = check_saves(&app, &base, &original_text);
    assert!(saved.is_ok(), "{saved:?}");
}

#[test]
fn notes_with_a_line_break_save_in_a_crlf_file() {
    let (mut app, _, copy) = open(CRLF);
    // The visit form of the first visit; its notes get a second line.
    perform(&mut app, &Step::EditNotes(vec!["Second line".into()]));
    assert!(matches!(app.mode, Mode::Normal), "the form applied");
    assert!(app.is_dirty());
    press(&mut app, &["ctrl-s"], AREA);
    let message = app.message.as_ref().map(|m| m.text.clone());
    assert!(!app.is_dirty(), "not saved: {message:?}");
    let saved = std::fs::read_to_string(&copy.path).expect("saved file");
    assert!(saved.contains("Second line"), "{saved}");
    let lf = saved.matches('\n').count();
    let crlf = saved.matches("\r\n").count();
    assert!(lf > 0 && crlf == lf, "{} of {lf} line ends are CRLF", crlf);
    assert!(!saved.replace("\r\n", "").contains('\r'), "no stray CR");
}
