//! The reader ([`super::tree`], over toml's `DeTable`) and the save's
//! document (toml_edit's `DocumentMut`, built later from the same text)
//! must accept the same files: a file the planner opened must never turn
//! out unpatchable at the first save. Both come from one TOML parser, but
//! each builds its own tables (duplicate keys, tables defined twice,
//! dotted keys extending a table, `[[x]]` after `x = [...]`) and only
//! toml_edit checks that numbers fit; these documents are made of
//! exactly those constructs.

use proptest::prelude::*;

use super::tree;

/// Whether the reader takes `text` as TOML.
fn reader_accepts(text: &str) -> bool {
    let (root, errors) = toml::de::DeTable::parse_recoverable(text);
    errors.is_empty() && tree::overflow(root.get_ref()).is_none()
}

fn document_accepts(text: &str) -> bool {
    text.parse::<toml_edit::DocumentMut>().is_ok()
}

const LINES: &[&str] = &[
    "[a]",
    "[b]",
    "[a.b]",
    "[a.b.c]",
    "[b.a]",
    "[[a]]",
    "[[b]]",
    "[[a.b]]",
    "[[a.b.c]]",
    "[ a . b ]",
    "[\"a\".b]",
    "['a']",
    "a = 1",
    "b = 2",
    "c = 3",
    "a.b = 1",
    "b.c = 1",
    "a.b.c = 1",
    "\"a\".b = 1",
    "a = {}",
    "b = { c = 1 }",
    "c = { a.b = 1, a.c = 2 }",
    "c = { a = 1, a.b = 2 }",
    "a = [1]",
    "b = []",
    "c = [{ x = 1 }]",
    "a = [[1], [2]]",
    "x = 99999999999999999999",
    "x = -9223372036854775808",
    "x = 0x7FFFFFFFFFFFFFFF",
    "x = 0xFFFFFFFFFFFFFFFFFF",
    "x = 1e400",
    "x = -inf",
    "x = nan",
    "x = [1, 1e999]",
    "x = { y = 99999999999999999999 }",
    "x = 23:59:60",
    "x = 1979-02-29",
    "x = 2024-02-29T10:00:00Z",
    "# comment",
    "",
];

fn document() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(LINES), 0..12).prop_map(|lines| lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_reader_and_the_document_accept_the_same_files(text in document()) {
        prop_assert_eq!(reader_accepts(&text), document_accepts(&text), "{}", text);
    }
}

#[test]
fn they_agree_on_every_fixture() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    for dir in ["valid", "invalid", "roundtrip"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        files.extend(entries.flatten().map(|e| e.path()));
    }
    files.push(root.join("../../data/clust-er-health-japan-2022.toml"));
    let mut compared = 0;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        assert_eq!(
            reader_accepts(text),
            document_accepts(text),
            "{}",
            path.display()
        );
        compared += 1;
    }
    assert!(compared > 60, "only {compared} files compared");
}
