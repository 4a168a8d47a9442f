//! The JSON export: valid against its published schema, and carrying every
//! field of the mission.

mod common;

use common::mission;

use itinera::domain::Mission;
use itinera::export::Scope;
use itinera::export::json::export;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");
const FEATURES: &str = include_str!("fixtures/valid/features.toml");
const SCHEMA: &str = include_str!("../docs/mission.schema.json");

fn exported(m: &Mission, scope: &Scope) -> Value {
    let text = export(m, scope).expect("serializes");
    assert!(text.ends_with("}\n"), "{text}");
    serde_json::from_str(&text).expect("the export is JSON")
}

fn schema() -> Value {
    serde_json::from_str(SCHEMA).expect("the schema is JSON")
}

fn problems(instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(&schema()).expect("the schema compiles");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_a_valid_2020_12_schema() {
    jsonschema::meta::validate(&schema()).expect("a valid JSON Schema");
}

#[test]
fn the_sample_export_validates_against_the_schema() {
    let m = mission(SAMPLE);
    for scope in [
        Scope::default(),
        Scope {
            participant: Some("aura".into()),
            ..Scope::default()
        },
        Scope {
            day: Some(m.header.start),
            ..Scope::default()
        },
    ] {
        let doc = exported(&m, &scope);
        assert_eq!(problems(&doc), Vec::<String>::new(), "{scope:?}");
    }
    let doc = exported(&mission(FEATURES), &Scope::default());
    assert_eq!(problems(&doc), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_the_export_never_writes() {
    let doc = exported(&mission(SAMPLE), &Scope::default());
    let mut missing = doc.clone();
    missing["visits"][0]
        .as_object_mut()
        .expect("a visit")
        .remove("notes");
    assert_eq!(problems(&missing).len(), 1, "{:?}", problems(&missing));
    let mut extra = doc.clone();
    extra["mission"]["colour"] = json!("blue");
    assert_eq!(problems(&extra).len(), 1);
    let mut bad_time = doc.clone();
    bad_time["visits"][0]["start"] = json!("9:30");
    assert_eq!(problems(&bad_time).len(), 1);
    let mut ids = doc;
    ids["participants"][0]["id"] = json!("müller_2-b");
    assert_eq!(problems(&ids), Vec::<String>::new(), "any letter");
    ids["participants"][0]["id"] = json!("a b");
    assert_eq!(problems(&ids).len(), 1, "no space");
}

#[test]
fn every_visit_field_is_there_with_its_effective_id() {
    let m = mission(SAMPLE);
    let doc = exported(&m, &Scope::default());
    assert_eq!(doc["format_version"], 1);
    assert_eq!(doc["scope"], json!({"participant": null, "day": null}));
    assert_eq!(doc["mission"]["timezone"], "Asia/Tokyo");
    assert_eq!(doc["mission"]["home_timezone"], "Europe/Rome");
    assert_eq!(doc["mission"]["travel_buffer"], 60);
    assert_eq!(
        doc["routes"][0],
        json!({"between": ["Osaka", "Suita"], "minutes": 40})
    );
    assert_eq!(doc["routes"].as_array().map(Vec::len), Some(3));
    assert_eq!(doc["days"].as_array().expect("days").len(), 5);
    assert_eq!(doc["days"][1]["city"], "Oita");
    assert_eq!(doc["participants"].as_array().expect("people").len(), 8);
    let visits = doc["visits"].as_array().expect("visits");
    assert_eq!(visits.len(), m.visits.len());
    let kento = visits
        .iter()
        .find(|v| v["id"] == "kento")
        .expect("the KENTO visit");
    assert_eq!(
        *kento,
        json!({
            "id": "kento",
            "id_generated": false,
            "uid": null,
            "date": "2022-11-14",
            "end_date": null,
            "start": "14:00:00",
            "end": "15:30:00",
            "timezone": null,
            "end_timezone": null,
            "title": "Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "kind": "visit",
            "status": "confirmed",
            "city": "Suita",
            "venue": null,
            "address": null,
            "host": "Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "contact": null,
            "participants": ["vicini", "biocat", "emilia-romagna", "catalonia"],
            "attendees": ["vicini", "emilia-romagna", "biocat", "catalonia"],
            "tags": ["health", "regenerative-medicine"],
            "notes": "Visit to the region's main hub for innovation in the health sector."
        })
    );
    // A whole-delegation visit: no list, everyone attends.
    assert_eq!(visits[0]["participants"], Value::Null);
    assert_eq!(visits[0]["attendees"].as_array().expect("ids").len(), 8);
}

#[test]
fn a_visit_without_an_id_carries_its_generated_one() {
    let text = FEATURES.replacen("id = \"government\"\n", "", 1);
    let doc = exported(&mission(&text), &Scope::default());
    let first = &doc["visits"][0];
    assert_eq!(first["id"], "2026-03-30-osaka-prefectural-government");
    assert_eq!(first["id_generated"], true);
    assert_eq!(doc["visits"][1]["id_generated"], false);
}

#[test]
fn a_scoped_export_says_so_and_keeps_the_delegation() {
    let m = mission(SAMPLE);
    let doc = exported(
        &m,
        &Scope {
            participant: Some("aura".into()),
            day: Some(m.header.start),
            ..Scope::default()
        },
    );
    assert_eq!(
        doc["scope"],
        json!({"participant": "aura", "day": "2022-11-14"})
    );
    assert_eq!(doc["participants"].as_array().expect("people").len(), 8);
    let days: Vec<&Value> = doc["days"].as_array().expect("days").iter().collect();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0]["date"], "2022-11-14");
    let ids: Vec<&str> = doc["visits"]
        .as_array()
        .expect("visits")
        .iter()
        .map(|v| v["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["osaka-government", "osaka-lunch"]);
}

#[test]
fn the_publish_table_is_exported_and_validates_and_is_null_without_one() {
    let text = SAMPLE.replacen(
        "\n[[days]]",
        "\n[publish]\nurl = \"https://dav.example.org/alice/japan/\"\n\n[[days]]",
        1,
    );
    let doc = exported(&mission(&text), &Scope::default());
    assert_eq!(
        doc["publish"],
        json!({"url": "https://dav.example.org/alice/japan/", "user": null})
    );
    assert_eq!(problems(&doc), Vec::<String>::new());
    let mut bad = doc;
    bad["publish"]["password"] = json!("hunter2");
    assert_eq!(problems(&bad).len(), 1, "no password, ever");
    let doc = exported(&mission(SAMPLE), &Scope::default());
    assert_eq!(doc["publish"], Value::Null);
}
