//! One entry of an entity's field description reaches every part that
//! handles the field: the reader (a known key, read as written), the edit
//! form (a field with its label, whose typed value is saved under its key
//! and read back), the visit pane (for a day, the pane of a day without
//! visits), the skeleton of `itinera new`, the JSON export and the report
//! of what changed, for visits and for days. Every test walks the tables,
//! so a field added to a description is covered without a new test.

mod common;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use itinera::app::form::{Entity, Form, Input};
use itinera::domain::schema::{
    DAY, Detail, Example, FieldSpec, FieldValue, HEADER, PARTICIPANT, PUBLISH, Schema, VISIT,
    ValueKind,
};
use itinera::domain::{DayInfo, Header, Mission, Visit};
use ratatui::layout::Rect;

/// A mission with two participants and no visit.
const HEAD: &str = "format = 1\n\n[mission]\ntitle = \"Mission\"\nstart = 2022-11-14\n\
                    end = 2022-11-18\n\n[[participants]]\nid = \"a\"\nname = \"Anna Alpha\"\n\n\
                    [[participants]]\nid = \"b\"\nname = \"Bruno Beta\"\n";

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
}

/// A value for field `at` of a visit, other than its default, that the
/// tests write, type and look for: text naming the field, the visit on
/// the 15th ending on the 16th, times 90 minutes apart, a choice's first
/// word that is not the default, participant "b".
fn sample(at: usize) -> FieldValue {
    sample_in(VISIT.fields, at)
}

/// The sample value of field `at` of `fields` (see [`sample`]).
fn sample_in<E>(fields: &[FieldSpec<E>], at: usize) -> FieldValue {
    let field = &fields[at];
    let key = field.key;
    match field.kind {
        ValueKind::Text => FieldValue::Text(format!("Sample {}", key.replace('_', " "))),
        ValueKind::MultiLine => FieldValue::Text(format!("Sample {key}, first line\nsecond line")),
        ValueKind::Date if field.required => FieldValue::Date(day(15)),
        ValueKind::Date => FieldValue::Date(day(16)),
        ValueKind::Time { .. } => {
            let earlier = fields[..at]
                .iter()
                .filter(|f| matches!(f.kind, ValueKind::Time { .. }))
                .count();
            let ten = NaiveTime::from_hms_opt(10, 0, 0).expect("time");
            FieldValue::Time(ten + TimeDelta::minutes(90 * earlier as i64))
        }
        ValueKind::Choice(choice) => FieldValue::Word(
            choice
                .words
                .iter()
                .copied()
                .find(|w| *w != choice.default)
                .expect("a word that is not the default"),
        ),
        ValueKind::Id => FieldValue::Text(format!("sample-{}", key.replace('_', "-"))),
        ValueKind::IdList => FieldValue::List(vec!["b".into()]),
        ValueKind::TagList => FieldValue::List(vec!["tag-one".into(), "tag-two".into()]),
        ValueKind::TimeZone => FieldValue::Zone(chrono_tz::Asia::Tokyo),
        ValueKind::Url => FieldValue::Text(format!("https://dav.example.org/{key}/")),
        ValueKind::Minutes { min, max } => FieldValue::Minutes((min + 40).min(max)),
    }
}

/// A value as a mission file writes it.
fn toml(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => format!("{text:?}"),
        FieldValue::Date(date) => date.to_string(),
        FieldValue::Time(time) => time.format("%H:%M:%S").to_string(),
        FieldValue::Word(word) => format!("{word:?}"),
        FieldValue::List(list) => format!("{list:?}"),
        FieldValue::Zone(tz) => format!("{:?}", tz.name()),
        FieldValue::Minutes(minutes) => minutes.to_string(),
    }
}

/// A value as a text field of a form shows it, and as it is typed.
fn typed(value: &FieldValue) -> String {
    match value {
        FieldValue::Text(text) => text.clone(),
        FieldValue::Date(date) => date.to_string(),
        FieldValue::Time(time) => time.format("%H:%M").to_string(),
        FieldValue::Word(word) => word.to_string(),
        FieldValue::List(list) => list.join(", "),
        FieldValue::Zone(tz) => tz.name().to_string(),
        FieldValue::Minutes(minutes) => minutes.to_string(),
    }
}

/// The mission file: [`HEAD`] and one visit with every field of its
/// description set to its sample.
fn file_with_every_field() -> String {
    let mut text = format!("{HEAD}\n[[visits]]\n");
    for (at, field) in VISIT.fields.iter().enumerate() {
        text.push_str(&format!("{} = {}\n", field.key, toml(&sample(at))));
    }
    text
}

#[test]
fn every_field_of_a_visit_is_a_known_key_read_as_written() {
    let text = file_with_every_field();
    let parsed = itinera::file::parse(&text).unwrap_or_else(|r| panic!("{text}\n{r:?}"));
    assert_eq!(parsed.report.diagnostics, [], "{text}");
    let visit = &parsed.mission.visits[0];
    for (at, field) in VISIT.fields.iter().enumerate() {
        assert_eq!((field.get)(visit), Some(sample(at)), "{}", field.key);
    }
}

#[test]
fn every_field_of_a_visit_is_in_its_form_with_its_label_and_value() {
    let parsed = itinera::file::parse(&file_with_every_field()).expect("valid");
    let form = Form::visit(&parsed.mission, &parsed.mission.visits[0], Some(0));
    for (at, field) in VISIT.fields.iter().enumerate() {
        let found = form
            .fields
            .iter()
            .find(|f| f.label == field.label)
            .unwrap_or_else(|| panic!("no field labelled {:?} in the form", field.label));
        match &found.input {
            Input::Text { .. } => {
                assert_eq!(form.text(found.name), typed(&sample(at)), "{}", field.key)
            }
            Input::Choice { options, selected } => {
                assert_eq!(Some(options[*selected].as_str()), sample(at).as_word())
            }
            Input::Checklist { whole, items, .. } => {
                let ticked: Vec<&str> = items
                    .iter()
                    .filter(|(_, _, t)| *t)
                    .map(|(id, _, _)| id.as_str())
                    .collect();
                assert!(!whole, "{}", field.key);
                assert_eq!(
                    Some(ticked),
                    sample(at)
                        .as_list()
                        .map(|l| l.iter().map(String::as_str).collect())
                );
            }
        }
    }
}

/// How the visit pane may show a value: its text, a date as "15 November"
/// or as the day shift after a time ("+1d"), a time as "10:00", tags
/// joined, attendees by name.
fn shown(value: &FieldValue, visit_date: NaiveDate) -> Vec<String> {
    match value {
        FieldValue::Date(date) => vec![
            date.format("%-d %B").to_string(),
            format!("+{}d", (*date - visit_date).num_days()),
        ],
        FieldValue::Text(text) => text.lines().map(str::to_string).collect(),
        FieldValue::List(ids) => ids
            .iter()
            .map(|id| match id.as_str() {
                "a" => "Anna Alpha".to_string(),
                "b" => "Bruno Beta".to_string(),
                tag => tag.to_string(),
            })
            .collect(),
        other => vec![typed(other)],
    }
}

#[test]
fn every_field_of_a_visit_shows_in_the_visit_pane() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("every-field.toml");
    std::fs::write(&path, file_with_every_field()).expect("write");
    let mut app = common::app_for(path.to_str().expect("UTF-8 path"));
    common::select_visit(&mut app, "Sample title");
    // Below 80 columns one pane shows at a time: Tab shows the visit pane.
    let (width, height) = (70, 60);
    common::press(&mut app, &["tab"], Rect::new(0, 0, width, height));
    let pane = common::screen(&mut app, width, height);
    for (at, field) in VISIT.fields.iter().enumerate() {
        let value = sample(at);
        let forms = shown(&value, day(15));
        match field.detail {
            Detail::Hidden => panic!("{} is not shown in the visit pane", field.key),
            Detail::Row(_) => {
                let row = pane
                    .lines()
                    .map(|line| line.trim_matches(|c: char| c == '│' || c == ' '))
                    .find_map(|line| line.strip_prefix(field.label))
                    .unwrap_or_else(|| panic!("no {:?} row:\n{pane}", field.label));
                assert_eq!(row.trim(), typed(&value), "{pane}");
            }
            Detail::Own => assert!(
                forms.iter().any(|f| pane.contains(f.as_str())),
                "{}: none of {forms:?} in\n{pane}",
                field.key
            ),
        }
    }
}

/// The keys a part of the skeleton writes, commented out or not, in order.
fn skeleton_keys(part: &str) -> Vec<&str> {
    part.lines()
        .filter_map(|line| {
            let line = line.strip_prefix("# ").unwrap_or(line);
            let (key, _) = line.split_once(" = ")?;
            key.chars()
                .all(|c| c.is_ascii_lowercase() || c == '_')
                .then_some(key)
        })
        .collect()
}

/// The keys the skeleton should write for `entity` (`None`: an example
/// entry): those with a value, and those with an example.
fn expected_keys<E>(schema: &Schema<E>, entity: Option<&E>) -> Vec<&'static str> {
    schema
        .fields
        .iter()
        .filter(|f| entity.and_then(f.get).is_some() || f.example != Example::Omitted)
        .map(|f| f.key)
        .collect()
}

#[test]
fn every_table_gives_the_skeleton_its_keys_and_examples_that_read_back() {
    let (start, zone) = (day(14), Some(chrono_tz::Asia::Tokyo));
    let text = itinera::file::skeleton::skeleton("Mission", start, start, zone);
    let part = |from: &str, to: &str| {
        let at = text.find(from).unwrap_or_else(|| panic!("{from}: {text}"));
        let rest = &text[at + from.len()..];
        &rest[..rest.find(to).unwrap_or(rest.len())]
    };
    let mut header = Header::new("Mission", start, start);
    header.timezone = zone;
    assert_eq!(
        skeleton_keys(part("[mission]", "# [publish]")),
        expected_keys(&HEADER, Some(&header))
    );
    assert_eq!(
        skeleton_keys(part("# [publish]", "[[days]]")),
        expected_keys(&PUBLISH, None)
    );
    assert_eq!(
        skeleton_keys(part("\n[[days]]", "# The delegation")),
        expected_keys(&DAY, Some(&DayInfo::new(start)))
    );
    assert_eq!(
        skeleton_keys(part("# [[participants]]", "# The visits")),
        expected_keys(&PARTICIPANT, None)
    );
    assert_eq!(
        skeleton_keys(part("# [[visits]]", "\0")),
        expected_keys(&VISIT, None)
    );
    let visit_keys = expected_keys(&VISIT, None);
    assert!(visit_keys.len() > 1, "{visit_keys:?}");

    // Every example, uncommented, is a known key with a value of its type.
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(code) if code.starts_with('[') || code.contains(" = ") => code,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    let parsed =
        itinera::file::parse(&uncommented).unwrap_or_else(|r| panic!("{uncommented}\n{r:?}"));
    assert_eq!(parsed.report.diagnostics, [], "{uncommented}");
    assert_eq!(parsed.mission.visits.len(), 1, "{uncommented}");
}

#[test]
fn a_value_typed_in_the_form_is_saved_under_its_key_and_read_back() {
    let parsed = itinera::file::parse(HEAD).expect("valid");
    let mission = parsed.mission.clone();
    let mut form = Form::visit(&mission, &Visit::new(day(15), ""), None);
    let mut typed_keys = Vec::new();
    for i in 0..form.fields.len() {
        let key = form.fields[i].name.0;
        let at = VISIT
            .fields
            .iter()
            .position(|f| f.key == key)
            .expect("a field of the table");
        if !matches!(form.fields[i].input, Input::Text { .. }) {
            continue;
        }
        typed_keys.push(key);
        let text = typed(&sample(at));
        if form.text(form.fields[i].name) != text {
            form.focus = i;
            form.paste(&text, &mission);
        }
    }
    assert!(typed_keys.len() > 1, "{typed_keys:?}");
    assert!(form.validate(&mission), "the typed values are valid");
    let Entity::Visit(visit) = form.build() else {
        panic!("a visit form builds a visit");
    };
    for key in &typed_keys {
        let at = VISIT.at(key);
        assert_eq!((VISIT.fields[at].get)(&visit), Some(sample(at)), "{key}");
    }

    let mut edited = mission.clone();
    edited.visits.push(visit.clone());
    let saved = parsed.base.clone().render(&edited);
    assert_saved(&saved, &typed_keys, &VISIT, &visit, |m| &m.visits[0]);
}

#[test]
fn every_field_of_a_visit_is_in_the_json_export() {
    let parsed = itinera::file::parse(&file_with_every_field()).expect("valid");
    let json = itinera::export::json::export(&parsed.mission, &Default::default()).expect("JSON");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let visit = &doc["visits"][0];
    for (at, field) in VISIT.fields.iter().enumerate() {
        let expected = match sample(at) {
            FieldValue::Time(time) => serde_json::json!(time.format("%H:%M:%S").to_string()),
            FieldValue::List(list) => serde_json::json!(list),
            other => serde_json::json!(typed(&other)),
        };
        assert_eq!(visit[field.key], expected, "{}", field.key);
    }
}

#[test]
fn every_field_of_a_visit_that_holds_text_is_in_what_changed() {
    // A field the report compares one by one is one that holds text,
    // words, tags or a zone; the others (id, dates, times, attendees) are
    // what matches and moves visits.
    let old = itinera::file::parse(&file_with_every_field()).expect("valid");
    let mut compared = 0;
    for field in VISIT.fields.iter() {
        let other = match field.kind {
            ValueKind::Text | ValueKind::MultiLine => FieldValue::Text("Another value".into()),
            ValueKind::TagList => FieldValue::List(vec!["another-tag".into()]),
            ValueKind::TimeZone => FieldValue::Zone(chrono_tz::Europe::Rome),
            ValueKind::Choice(choice) => FieldValue::Word(choice.default),
            _ => continue,
        };
        compared += 1;
        let mut new = old.mission.clone();
        (field.set)(&mut new.visits[0], Some(other));
        let changes = itinera::domain::changes::compare(&old.mission, &new);
        let fields: Vec<(&str, &str)> = changes
            .days
            .iter()
            .flat_map(|d| &d.visits)
            .flat_map(|v| v.fields.iter().map(|f| (f.key, f.label)))
            .collect();
        assert_eq!(fields, [(field.key, field.label)], "{}", field.key);
    }
    assert!(compared >= 10, "only {compared} fields compared");
}

// --- days ----------------------------------------------------------------------

/// The mission file: [`HEAD`] and one `[[days]]` entry, on the 15th, with
/// every field of its description set to its sample.
fn file_with_every_day_field() -> String {
    let mut text = format!("{HEAD}\n[[days]]\n");
    for (at, field) in DAY.fields.iter().enumerate() {
        text.push_str(&format!(
            "{} = {}\n",
            field.key,
            toml(&sample_in(DAY.fields, at))
        ));
    }
    text
}

#[test]
fn every_field_of_a_day_is_a_known_key_read_as_written() {
    let text = file_with_every_day_field();
    let parsed = itinera::file::parse(&text).unwrap_or_else(|r| panic!("{text}\n{r:?}"));
    assert_eq!(parsed.report.diagnostics, [], "{text}");
    let info = &parsed.mission.days[0];
    for (at, field) in DAY.fields.iter().enumerate() {
        assert_eq!(
            (field.get)(info),
            Some(sample_in(DAY.fields, at)),
            "{}",
            field.key
        );
    }
}

#[test]
fn every_field_of_a_day_but_its_date_is_in_its_form_with_its_label_and_value() {
    let parsed = itinera::file::parse(&file_with_every_day_field()).expect("valid");
    let form = Form::day(&parsed.mission.days[0]);
    for (at, field) in DAY.fields.iter().enumerate() {
        let found = form.fields.iter().find(|f| f.label == field.label);
        if field.key == "date" {
            // The form's title names the day; the date is not edited there.
            assert!(found.is_none(), "{:?}", form.fields.len());
            continue;
        }
        let found = found.unwrap_or_else(|| panic!("no field {:?} in the form", field.label));
        assert_eq!(
            form.text(found.name),
            typed(&sample_in(DAY.fields, at)),
            "{}",
            field.key
        );
    }
}

#[test]
fn every_field_of_a_day_shows_in_the_pane_of_a_day_without_visits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("every-day-field.toml");
    std::fs::write(&path, file_with_every_day_field()).expect("write");
    let mut app = common::app_for(path.to_str().expect("UTF-8 path"));
    let (width, height) = (70, 60);
    let area = Rect::new(0, 0, width, height);
    // The 15th, then the visit pane (one pane at a time below 80 columns).
    common::press(&mut app, &["l", "tab"], area);
    let pane = common::screen(&mut app, width, height);
    for (at, field) in DAY.fields.iter().enumerate() {
        let value = sample_in(DAY.fields, at);
        match field.detail {
            Detail::Hidden => panic!("{} is not shown in the pane", field.key),
            Detail::Row(_) => {
                let row = pane
                    .lines()
                    .map(|line| line.trim_matches(|c: char| c == '│' || c == ' '))
                    .find_map(|line| line.strip_prefix(field.label))
                    .unwrap_or_else(|| panic!("no {:?} row:\n{pane}", field.label));
                let first_line = typed(&value).lines().next().unwrap_or("").to_string();
                assert_eq!(row.trim(), first_line, "{pane}");
            }
            Detail::Own => assert!(
                pane.contains("Tuesday 15 November 2022"),
                "{}: no date heading in\n{pane}",
                field.key
            ),
        }
    }
}

#[test]
fn a_value_typed_in_the_day_form_is_saved_under_its_key_and_read_back() {
    let parsed = itinera::file::parse(HEAD).expect("valid");
    let mission = parsed.mission.clone();
    let mut form = Form::day(&DayInfo::new(day(15)));
    let mut typed_keys = Vec::new();
    for i in 0..form.fields.len() {
        let key = form.fields[i].name.0;
        typed_keys.push(key);
        form.focus = i;
        form.paste(&typed(&sample_in(DAY.fields, DAY.at(key))), &mission);
    }
    assert!(typed_keys.len() > 1, "{typed_keys:?}");
    assert!(form.validate(&mission), "the typed values are valid");
    let Entity::Day(info) = form.build() else {
        panic!("a day form builds a day");
    };
    let mut edited = mission.clone();
    edited.days.push(info.clone());
    let saved = parsed.base.clone().render(&edited);
    assert_saved(&saved, &typed_keys, &DAY, &info, |m| &m.days[0]);
}

/// The new table of `schema`'s list in `saved` writes each of `keys`, and
/// `saved` reads back to `entity` (the one `first` takes) in every field.
fn assert_saved<E>(
    saved: &str,
    keys: &[&str],
    schema: &Schema<E>,
    entity: &E,
    first: impl Fn(&Mission) -> &E,
) {
    let at = saved.find(schema.section).expect("a new table");
    let table = &saved[at..];
    for key in keys {
        assert!(
            table
                .lines()
                .any(|line| line.starts_with(&format!("{key} = "))),
            "{key} is not written:\n{saved}"
        );
    }
    let back = itinera::file::parse(saved).unwrap_or_else(|r| panic!("{saved}\n{r:?}"));
    for field in schema.fields {
        assert_eq!(
            (field.get)(first(&back.mission)),
            (field.get)(entity),
            "{}",
            field.key
        );
    }
}

#[test]
fn every_field_of_a_day_is_in_the_json_export() {
    let parsed = itinera::file::parse(&file_with_every_day_field()).expect("valid");
    let json = itinera::export::json::export(&parsed.mission, &Default::default()).expect("JSON");
    let doc: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    let info = doc["days"]
        .as_array()
        .and_then(|days| days.iter().find(|d| d["date"] == "2022-11-15"))
        .unwrap_or_else(|| panic!("no day 2022-11-15 in {json}"));
    for (at, field) in DAY.fields.iter().enumerate() {
        let expected = serde_json::json!(typed(&sample_in(DAY.fields, at)));
        assert_eq!(info[field.key], expected, "{}", field.key);
    }
}
