//! Saving writes back what was read: without edits byte for byte, and with
//! an edit only the lines of what was edited.
//!
//! The fixtures in `tests/fixtures/roundtrip/` are about their bytes (CRLF
//! line ends, a byte-order mark, no final newline); `.gitattributes` keeps
//! git from converting them.

mod common;

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveTime};
use common::files::comment_lines;
use itinera::domain::ops::{self, Direction};
use itinera::domain::{DayIndex, Kind, Mission, Status};
use itinera::file::{Parsed, parse, parse_bytes};

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";
const FIXTURES: &str = "tests/fixtures/roundtrip";
const BOM: &str = "\u{feff}";

fn read(path: impl AsRef<Path>) -> Vec<u8> {
    let path = path.as_ref();
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn fixture(name: &str) -> Vec<u8> {
    read(Path::new(FIXTURES).join(name))
}

fn load(name: &str, bytes: &[u8]) -> Parsed {
    match parse_bytes(bytes) {
        Ok(parsed) => parsed,
        Err((text, report)) => panic!("{name} does not load:\n{}", report.render(name, &text)),
    }
}

/// The first line where `a` and `b` differ, for failure messages.
fn first_difference(a: &str, b: &str) -> String {
    let (mut la, mut lb) = (a.split_inclusive('\n'), b.split_inclusive('\n'));
    for n in 1.. {
        match (la.next(), lb.next()) {
            (None, None) => return "no line differs".into(),
            (x, y) if x == y => {}
            (x, y) => return format!("line {n}:\n  read:    {x:?}\n  written: {y:?}"),
        }
    }
    unreachable!()
}

/// Loads `bytes` and saves them without an edit: must give the same bytes.
fn assert_round_trip(name: &str, bytes: &[u8]) {
    let parsed = load(name, bytes);
    let written = parsed.base.clone().render(&parsed.mission);
    if written.as_bytes() != bytes {
        let read = String::from_utf8_lossy(bytes);
        panic!(
            "{name}: saving without edits changed the file; first difference at {}",
            first_difference(&read, &written)
        );
    }
    // The same through the full save path, which an unedited mission
    // skips: save an added visit, then save it removed again.
    let mut base = parsed.base.clone();
    let mut edited = parsed.mission.clone();
    let date = edited.header.start;
    edited
        .visits
        .push(itinera::domain::Visit::new(date, "Added, then removed"));
    let with_edit = base.render(&edited);
    // Exactly the new table, after a blank line, in the file's line ends.
    let old = String::from_utf8_lossy(bytes);
    let nl = if old.contains("\r\n") { "\r\n" } else { "\n" };
    let table = format!("[[visits]]{nl}date = {date}{nl}title = \"Added, then removed\"");
    let without_table = |cut: String| with_edit.replacen(&cut, "", 1) == old;
    assert!(
        without_table(format!("{nl}{nl}{table}")) || without_table(format!("{table}{nl}{nl}")),
        "{name}: adding a visit changes more than its table; first difference at {}",
        first_difference(&old, &with_edit)
    );
    let undone = base.render(&parsed.mission);
    if undone.as_bytes() != bytes {
        let read = String::from_utf8_lossy(bytes);
        panic!(
            "{name}: an edit saved then undone does not give the file back; first difference at {}",
            first_difference(&read, &undone)
        );
    }
}

/// Without edits only. (Once a file changes, every `[[list]]` header is
/// written with the spacing of the list's first one: documented.)
fn assert_unedited_round_trip(name: &str, bytes: &[u8]) {
    let parsed = load(name, bytes);
    let written = parsed.base.clone().render(&parsed.mission);
    assert!(
        written.as_bytes() == bytes,
        "{name}: {}",
        first_difference(&String::from_utf8_lossy(bytes), &written)
    );
}

/// Every `.toml` file of a directory, sorted.
fn toml_files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {dir}: {e}"))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

// ---------------------------------------------------------------------------
// Load and save without edits: byte for byte.

#[test]
fn the_sample_is_written_back_byte_for_byte() {
    assert_round_trip(SAMPLE, &read(SAMPLE));
}

#[test]
fn every_roundtrip_fixture_is_written_back_byte_for_byte() {
    let files = toml_files(FIXTURES);
    assert!(files.len() >= 10, "fixtures missing: {files:?}");
    for path in files {
        assert_round_trip(&path.display().to_string(), &read(&path));
    }
}

#[test]
fn the_other_valid_fixtures_are_written_back_byte_for_byte() {
    for path in toml_files("tests/fixtures/valid") {
        assert_round_trip(&path.display().to_string(), &read(&path));
    }
}

#[test]
fn the_fixtures_have_the_bytes_they_are_about() {
    let text = |name: &str| String::from_utf8(fixture(name)).expect("UTF-8");
    let crlf_only = |t: &str| t.matches('\n').count() == t.matches("\r\n").count();

    let crlf = text("crlf.toml");
    assert!(crlf_only(&crlf) && crlf.ends_with("\r\n") && !crlf.starts_with(BOM));
    assert!(crlf_only(&text("crlf_spacing.toml")));

    let bom = text("bom.toml");
    assert!(bom.starts_with(BOM) && !bom.contains('\r') && bom.ends_with('\n'));

    let all = text("bom_crlf_no_final_newline.toml");
    assert!(all.starts_with(BOM) && crlf_only(&all) && !all.ends_with('\n'));

    for name in [
        "no_final_newline.toml",
        "no_final_newline_after_comment.toml",
    ] {
        let t = text(name);
        assert!(!t.ends_with('\n') && !t.contains('\r'), "{name}");
    }
    assert!(text("no_final_newline_after_comment.toml").ends_with("without a newline"));

    let spacing = text("spacing.toml");
    for odd in [
        "title=\"x\"",
        "start    =   2022",
        "\t",
        "   \n",
        "\n\n\n\n",
        "  [[",
        "[ mission ]",
    ] {
        assert!(spacing.contains(odd), "spacing.toml lacks {odd:?}");
    }
}

/// `text` (LF line ends, final newline, no BOM) with every combination of
/// byte-order mark, CRLF line ends and a missing final newline.
fn layouts(text: &str) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    for bom in [false, true] {
        for crlf in [false, true] {
            for final_newline in [true, false] {
                let mut body = text.to_string();
                if !final_newline {
                    body.truncate(body.trim_end_matches('\n').len());
                }
                if crlf {
                    body = body.replace('\n', "\r\n");
                }
                if bom {
                    body.insert_str(0, BOM);
                }
                let label = format!("bom={bom} crlf={crlf} final_newline={final_newline}");
                out.push((label, body.into_bytes()));
            }
        }
    }
    out
}

#[test]
fn every_layout_of_every_lf_fixture_is_written_back_byte_for_byte() {
    let mut sources = vec![PathBuf::from(SAMPLE)];
    sources.extend(toml_files(FIXTURES));
    for path in sources {
        let bytes = read(&path);
        let text = String::from_utf8(bytes).expect("UTF-8");
        if text.starts_with(BOM) || text.contains('\r') || !text.ends_with('\n') {
            continue;
        }
        for (label, bytes) in layouts(&text) {
            assert_round_trip(&format!("{} ({label})", path.display()), &bytes);
        }
    }
}

#[test]
fn a_file_mixing_line_ends_is_kept_until_edited_then_written_with_lf() {
    // Documented: a file mixing LF and CRLF is kept as it is when nothing
    // changed, and saved with LF throughout after an edit.
    let text = String::from_utf8(fixture("comments.toml")).expect("UTF-8");
    let mixed = text.replacen('\n', "\r\n", 5);
    assert!(mixed.contains("\r\n") && mixed.replace("\r\n", "").contains('\n'));
    let parsed = load("mixed", mixed.as_bytes());
    let written = parsed.base.clone().render(&parsed.mission);
    assert!(written == mixed, "{}", first_difference(&mixed, &written));

    let mut mission = parsed.mission.clone();
    mission.header.title.push_str(" (edited)");
    let written = parsed.base.clone().render(&mission);
    assert!(!written.contains('\r'), "LF throughout after an edit");
    let expected = text.replace(
        "title = \"Mission à Ōsaka · 大阪ミッション\"",
        "title = \"Mission à Ōsaka · 大阪ミッション (edited)\"",
    );
    assert!(
        written == expected,
        "{}",
        first_difference(&expected, &written)
    );
}

#[test]
fn an_inline_mission_table_is_refused_as_documented() {
    // docs/mission-format.md: `[mission]` "Must be written as a [mission]
    // section, not as `mission = { … }`", so there is nothing to round-trip.
    let text =
        "format = 1\nmission = { title = \"Ōsaka 大阪\", start = 2022-11-14, end = 2022-11-15 }\n";
    let (_, report) = parse_bytes(text.as_bytes()).expect_err("inline [mission] is an error");
    let rendered = report.render("inline.toml", text);
    assert!(
        rendered.contains("`mission` must be a table, written [mission], not an inline table"),
        "{rendered}"
    );
}

// ---------------------------------------------------------------------------
// Edits: only the lines of what was edited change.

/// The lines of `text` without their line ends (LF or CRLF), without the
/// byte-order mark.
fn lines(text: &str) -> Vec<&str> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    text.split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect()
}

/// A line diff: lines only in the old text and lines only in the new text,
/// with their indices, from a longest common subsequence.
#[derive(Debug, Default)]
struct Diff {
    removed: Vec<(usize, String)>,
    added: Vec<(usize, String)>,
}

impl Diff {
    fn removed(&self) -> Vec<&str> {
        self.removed.iter().map(|(_, l)| l.as_str()).collect()
    }

    fn added(&self) -> Vec<&str> {
        self.added.iter().map(|(_, l)| l.as_str()).collect()
    }
}

fn diff(old: &str, new: &str) -> Diff {
    let (a, b) = (lines(old), lines(new));
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: length of the LCS of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Diff::default();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.added.push((j, b[j].to_string()));
            j += 1;
        } else {
            out.removed.push((i, a[i].to_string()));
            i += 1;
        }
    }
    out
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn assert_comments_kept(what: &str, old: &str, new: &str) {
    let (before, after) = (comment_lines(old), comment_lines(new));
    let lost: Vec<_> = before
        .iter()
        .filter(|(line, n)| after.get(*line).copied().unwrap_or(0) != **n)
        .map(|(line, n)| (line, n, after.get(line).copied().unwrap_or(0)))
        .collect();
    assert!(
        lost.is_empty() && before.len() == after.len(),
        "{what}: comment lines changed (line, before, after): {lost:#?}\n{new}"
    );
}

/// The layout of `new` is the layout of `old`: BOM, line ends, final newline.
fn assert_same_layout(what: &str, old: &str, new: &str) {
    let crlf_only = |t: &str| t.matches('\n').count() == t.matches("\r\n").count();
    assert_eq!(old.starts_with(BOM), new.starts_with(BOM), "{what}: BOM");
    assert_eq!(crlf_only(old), crlf_only(new), "{what}: line ends");
    assert_eq!(
        old.ends_with('\n'),
        new.ends_with('\n'),
        "{what}: final newline"
    );
}

/// Reads `text` back: it must be `mission`, apart from session keys.
fn assert_reads_back(what: &str, text: &str, mission: &Mission) {
    let parsed = match parse_bytes(text.as_bytes()) {
        Ok(parsed) => parsed,
        Err((text, report)) => panic!("{what}: saved text does not load:\n{}", {
            report.render(what, &text)
        }),
    };
    assert!(
        parsed.mission.same_content(mission),
        "{what}: saved text reads back as another mission\nsaved: {:#?}\nread:  {:#?}",
        mission,
        parsed.mission
    );
    // The plain-text reader sees the same (no BOM, any line ends).
    let plain = text.strip_prefix(BOM).unwrap_or(text);
    let reparsed = parse(plain).expect("saved text parses without its BOM");
    assert!(reparsed.mission.same_content(mission), "{what}: parse()");
}

/// Indices of the lines of the table `[[name]]` that `line` is in: from its
/// header to the line before the next `[[…]]` header (sub-tables such as
/// `[visits.extra]` are part of it).
fn table_around(lines: &[&str], line: usize, name: &str) -> Option<std::ops::Range<usize>> {
    let header = format!("[[{name}]]");
    let is_header = |l: &str| l.trim_start().starts_with("[[") || l.trim() == "[mission]";
    let start = (0..=line).rev().find(|&i| is_header(lines[i]))?;
    if lines[start].trim() != header {
        return None;
    }
    let end = (line + 1..lines.len())
        .find(|&i| is_header(lines[i]))
        .unwrap_or(lines.len());
    Some(start..end)
}

fn date(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 11, d).expect("date")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("time")
}

/// One single-field edit and the lines it should remove and add (line
/// ends left out).
struct Case {
    what: &'static str,
    change: fn(&mut Mission),
    removed: &'static [&'static str],
    added: &'static [&'static str],
    /// For an added field: the `[[name]]` table and title (or id) line the
    /// added line must be inside.
    inside: Option<(&'static str, &'static str)>,
}

/// Edits of `comments.toml` (and its CRLF twin, `crlf.toml`). Visits: 0
/// "Préfecture", 1 "Déjeuner", 2 "KENTO", 3 "Shinkansen".
fn cases() -> Vec<Case> {
    let mut cases = changed_values();
    cases.extend(removed_values());
    cases.extend(added_values());
    cases.extend(other_entities());
    cases
}

/// Values changed in place.
fn changed_values() -> Vec<Case> {
    vec![
        Case {
            what: "visit title",
            change: |m| m.visits[0].title = "Préfecture de Kyōto — 京都府庁".into(),
            removed: &["title = \"Préfecture d'Ōsaka — 大阪府庁\""],
            added: &["title = \"Préfecture de Kyōto — 京都府庁\""],
            inside: None,
        },
        Case {
            what: "start written as \"09:30\"",
            change: |m| m.visits[0].start = Some(time(10, 15)),
            removed: &["start = \"09:30\"  # a string time without seconds"],
            added: &["start = \"10:15\"  # a string time without seconds"],
            inside: None,
        },
        Case {
            what: "start written as a bare 12:00",
            change: |m| m.visits[1].start = Some(time(12, 30)),
            removed: &["start = 12:00  # a bare TOML 1.1 time"],
            added: &["start = 12:30:00  # a bare TOML 1.1 time"],
            inside: None,
        },
        Case {
            what: "end written as \"11:00:00\"",
            change: |m| m.visits[0].end = Some(time(11, 45)),
            removed: &["end = \"11:00:00\"  # a string time with seconds"],
            added: &["end = \"11:45:00\"  # a string time with seconds"],
            inside: None,
        },
        Case {
            what: "one-line notes",
            change: |m| m.visits[3].notes = Some("Tickets bought. 切符あり".into()),
            removed: &[
                r#"notes = "Tickets: \"JR Pass\" \u00e0 la gare."  # escapes in a basic string"#,
            ],
            added: &[r#"notes = "Tickets bought. 切符あり"  # escapes in a basic string"#],
            inside: None,
        },
        Case {
            what: "kind written \"Meal\"",
            change: |m| m.visits[1].kind = Kind::Meeting,
            removed: &["kind = \"Meal\"  # written with a capital"],
            added: &["kind = \"meeting\"  # written with a capital"],
            inside: None,
        },
        Case {
            what: "status written \"canceled\"",
            change: |m| m.visits[1].status = Status::Tentative,
            removed: &["status = \"canceled\"  # US spelling"],
            added: &["status = \"tentative\"  # US spelling"],
            inside: None,
        },
        Case {
            what: "participants list on one line",
            change: |m| {
                m.visits[3].participants =
                    Some(vec!["vicini".into(), "müller".into(), "田中".into()])
            },
            removed: &["participants = [\"vicini\", \"müller\"]"],
            added: &["participants = [\"vicini\", \"müller\", \"田中\"]"],
            inside: None,
        },
        Case {
            what: "tags",
            change: |m| m.visits[2].tags = vec!["health".into(), "再生医療".into()],
            removed: &[
                "tags = [ \"health\",   \"regenerative-medicine\" ]  # odd spacing in an array",
            ],
            added: &["tags = [ \"health\",   \"再生医療\" ]  # odd spacing in an array"],
            inside: None,
        },
    ]
}

/// Values removed, or set back to their default.
fn removed_values() -> Vec<Case> {
    vec![
        Case {
            what: "removing host",
            change: |m| m.visits[2].host = None,
            removed: &["host = \"KENTO\""],
            added: &[],
            inside: None,
        },
        Case {
            what: "kind back to the default",
            change: |m| m.visits[0].kind = Kind::Other,
            removed: &["kind = \"meeting\"  # the kind"],
            added: &[],
            inside: None,
        },
        Case {
            what: "status back to the default",
            change: |m| m.visits[3].status = Status::Confirmed,
            removed: &["status = \"tentative\""],
            added: &[],
            inside: None,
        },
        Case {
            what: "removing multi-line notes",
            change: |m| m.visits[0].notes = None,
            removed: &[
                "notes = \"\"\"",
                "Bring the S3 presentation.",
                "Café afterwards.\"\"\"",
            ],
            added: &[],
            inside: None,
        },
        Case {
            what: "removing a day's literal notes",
            change: |m| m.days[1].notes = None,
            removed: &[
                "notes = '''",
                "Literal notes: C:\\path\\not\\escaped",
                "second line'''",
            ],
            added: &[],
            inside: None,
        },
    ]
}

/// Values added where there were none.
fn added_values() -> Vec<Case> {
    vec![
        Case {
            what: "adding host",
            change: |m| m.visits[1].host = Some("Hôtel New Ōtani".into()),
            removed: &[],
            added: &["host = \"Hôtel New Ōtani\""],
            inside: Some(("visits", "title = \"Déjeuner\"")),
        },
        Case {
            what: "adding venue before a sub-table",
            change: |m| m.visits[2].venue = Some("健都 Hall".into()),
            removed: &[],
            added: &["venue = \"健都 Hall\""],
            inside: Some(("visits", "title = \"KENTO 健都\"")),
        },
        Case {
            what: "adding venue after a dotted key",
            change: |m| m.visits[3].venue = Some("Shin-Ōsaka".into()),
            removed: &[],
            added: &["venue = \"Shin-Ōsaka\""],
            inside: Some(("visits", "title = \"Shinkansen to Kyōto\"")),
        },
        Case {
            what: "adding contact after a multi-line array",
            change: |m| m.visits[0].contact = Some("Mr. 佐藤".into()),
            removed: &[],
            added: &["contact = \"Mr. 佐藤\""],
            inside: Some(("visits", "id = \"government\"  # a written id")),
        },
        Case {
            what: "adding a participant's e-mail",
            change: |m| m.participants[2].email = Some("tanaka@example.jp".into()),
            removed: &[],
            added: &["email = \"tanaka@example.jp\""],
            inside: Some(("participants", "id = \"田中\"")),
        },
    ]
}

/// The mission header, a day and a participant.
fn other_entities() -> Vec<Case> {
    vec![
        Case {
            what: "mission title",
            change: |m| m.header.title = "Mission à Kyōto · 京都ミッション".into(),
            removed: &["title = \"Mission à Ōsaka · 大阪ミッション\"  # title with CJK"],
            added: &["title = \"Mission à Kyōto · 京都ミッション\"  # title with CJK"],
            inside: None,
        },
        Case {
            what: "mission start written as text",
            change: |m| m.header.start = date(13),
            removed: &["start = \"2022-11-14\"  # a date written as text"],
            added: &["start = \"2022-11-13\"  # a date written as text"],
            inside: None,
        },
        Case {
            what: "a day's city",
            change: |m| m.days[1].city = Some("Kyōto".into()),
            removed: &["city = \"京都\""],
            added: &["city = \"Kyōto\""],
            inside: None,
        },
        Case {
            what: "a participant's name",
            change: |m| m.participants[1].name = "Jürgen Müller-Lüdenscheidt".into(),
            removed: &["name = \"Jürgen Müller\""],
            added: &["name = \"Jürgen Müller-Lüdenscheidt\""],
            inside: None,
        },
    ]
}

fn check_cases(name: &str, cases: &[Case]) {
    let bytes = fixture(name);
    let old = String::from_utf8(bytes.clone()).expect("UTF-8");
    let parsed = load(name, &bytes);
    for case in cases {
        let what = format!("{name}: {}", case.what);
        let mut mission = parsed.mission.clone();
        (case.change)(&mut mission);
        assert!(!mission.same_content(&parsed.mission), "{what}: no change");
        let new = parsed.base.clone().render(&mission);
        let d = diff(&old, &new);
        assert_eq!(d.removed(), case.removed, "{what}: removed lines\n{new}");
        assert_eq!(d.added(), case.added, "{what}: added lines\n{new}");
        if let Some((table, marker)) = case.inside {
            let new_lines = lines(&new);
            let (at, _) = d.added[0];
            let range = table_around(&new_lines, at, table)
                .unwrap_or_else(|| panic!("{what}: added line is in no [[{table}]]\n{new}"));
            assert!(
                new_lines[range].contains(&marker),
                "{what}: added line is not in the table with {marker}\n{new}"
            );
        }
        assert_comments_kept(&what, &old, &new);
        assert_same_layout(&what, &old, &new);
        assert_reads_back(&what, &new, &mission);
    }
}

#[test]
fn single_field_edits_change_only_their_lines() {
    check_cases("comments.toml", &cases());
}

#[test]
fn single_field_edits_of_a_crlf_file_change_only_their_lines() {
    check_cases("crlf.toml", &cases());
}

#[test]
fn changing_a_line_of_multi_line_notes_changes_that_line() {
    check_cases(
        "comments.toml",
        &[Case {
            what: "multi-line notes",
            change: |m| {
                m.visits[0].notes = Some("Bring the S3 presentation.\nCafé at 16:00.".into())
            },
            removed: &["Café afterwards.\"\"\""],
            added: &["Café at 16:00.\"\"\""],
            inside: None,
        }],
    );
}

#[test]
fn multi_line_notes_in_a_crlf_file_read_back() {
    let bytes = fixture("crlf.toml");
    let parsed = load("crlf.toml", &bytes);
    let mut mission = parsed.mission.clone();
    // As the visit form builds it: lines joined with '\n'.
    mission.visits[1].notes = Some("Two\nlines".into());
    let text = parsed.base.clone().render(&mission);
    // Reads back as "Two\r\nlines": the save would be refused.
    assert_reads_back("crlf.toml: notes with a line break", &text, &mission);
    // The cause: a value read from a CRLF file has CRLF inside it, so the
    // same file with LF line ends holds another mission.
    assert_eq!(
        parsed.mission.visits[0].notes.as_deref(),
        Some("Bring the S3 presentation.\nCafé afterwards."),
        "a CRLF file's multi-line text reads like the LF file's"
    );
}

#[test]
fn changing_a_commented_participants_list_keeps_its_comments() {
    let old = String::from_utf8(fixture("comments.toml")).expect("UTF-8");
    let parsed = load("comments.toml", old.as_bytes());
    let mut mission = parsed.mission.clone();
    mission.visits[0].participants = Some(vec!["vicini".into(), "müller".into()]);
    let new = parsed.base.clone().render(&mission);
    assert_reads_back("participants", &new, &mission);
    assert_comments_kept("dropping 田中 from a commented list", &old, &new);
}

// ---------------------------------------------------------------------------
// Moves: only the moved tables' lines move, every comment stays.

fn is_array_header(line: &str) -> bool {
    line.trim_start().starts_with("[[")
}

fn is_header(line: &str) -> bool {
    line.trim_start().starts_with('[')
}

/// The lines of the visit table whose line `marker` (unique) is in: its
/// attached comments (directly above the header), the header, its keys and
/// its sub-tables (`[visits.…]`), without the blank and comment lines after
/// its last key (those are above the next table).
fn block(lines: &[&str], marker: &str) -> std::ops::Range<usize> {
    let found: Vec<usize> = (0..lines.len()).filter(|&i| lines[i] == marker).collect();
    assert_eq!(
        found.len(),
        1,
        "marker {marker:?} found {} times",
        found.len()
    );
    let at = found[0];
    let header = (0..at)
        .rev()
        .find(|&i| is_array_header(lines[i]))
        .expect("a header above");
    let mut start = header;
    while start > 0 && is_comment(lines[start - 1]) {
        start -= 1;
    }
    let own_sub_table = |l: &str| {
        let l = l.trim_start();
        l.starts_with("[visits.") || l.starts_with("[[visits.")
    };
    let mut end = (at + 1..lines.len())
        .find(|&i| is_header(lines[i]) && !own_sub_table(lines[i]))
        .unwrap_or(lines.len());
    while end > at + 1 && (lines[end - 1].trim().is_empty() || is_comment(lines[end - 1])) {
        end -= 1;
    }
    start..end
}

/// `lines` without the given ranges, runs of blank lines counted as one.
fn rest<'a>(lines: &[&'a str], cut: &[std::ops::Range<usize>]) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if cut.iter().any(|r| r.contains(&i)) {
            continue;
        }
        if line.trim().is_empty() && out.last().is_some_and(|l| l.trim().is_empty()) {
            continue;
        }
        out.push(line);
    }
    out
}

/// Whether a line sets a visit's date or time (what a move may change).
fn sets_date_or_time(line: &str) -> bool {
    let key = line.split('=').next().unwrap_or("").trim();
    matches!(key, "date" | "end_date" | "start" | "end")
}

fn apply_plan(
    mission: &mut Mission,
    plan: impl FnOnce(&Mission, &DayIndex) -> Result<ops::Plan, ops::OpError>,
) {
    let index = DayIndex::build(mission);
    let plan = plan(mission, &index).expect("the move is possible");
    plan.edit.apply(mission).expect("the edit applies");
}

/// Applies a move to `name` and checks that the tables with the `markers`
/// lines moved (with their attached comments and sub-tables), changing at
/// most their dates and times, and that nothing else changed.
fn check_move(
    name: &str,
    what: &str,
    plan: impl FnOnce(&Mission, &DayIndex) -> Result<ops::Plan, ops::OpError>,
    markers: &[&str],
) {
    let what = format!("{name}: {what}");
    let bytes = if name == SAMPLE {
        read(SAMPLE)
    } else {
        fixture(name)
    };
    let old = String::from_utf8(bytes.clone()).expect("UTF-8");
    let parsed = load(name, &bytes);
    let mut mission = parsed.mission.clone();
    apply_plan(&mut mission, plan);
    let new = parsed.base.clone().render(&mission);

    let (old_lines, new_lines) = (lines(&old), lines(&new));
    let old_blocks: Vec<_> = markers.iter().map(|m| block(&old_lines, m)).collect();
    let new_blocks: Vec<_> = markers.iter().map(|m| block(&new_lines, m)).collect();
    assert_eq!(
        rest(&old_lines, &old_blocks),
        rest(&new_lines, &new_blocks),
        "{what}: lines outside the moved tables changed\n{new}"
    );
    for ((marker, o), n) in markers.iter().zip(&old_blocks).zip(&new_blocks) {
        let keep = |r: &std::ops::Range<usize>, lines: &[&str]| -> Vec<String> {
            lines[r.clone()]
                .iter()
                .filter(|l| !sets_date_or_time(l))
                .map(|l| l.to_string())
                .collect()
        };
        assert_eq!(
            keep(o, &old_lines),
            keep(n, &new_lines),
            "{what}: the table of {marker} changed beyond its date and times\n{new}"
        );
        assert_eq!(o.len(), n.len(), "{what}: {marker}: lines added or lost");
    }
    assert!(
        old_blocks.iter().zip(&new_blocks).any(|(o, n)| {
            let before = old_lines[..o.start].iter().filter(|l| is_array_header(l));
            let after = new_lines[..n.start].iter().filter(|l| is_array_header(l));
            before.count() != after.count()
        }),
        "{what}: nothing moved"
    );
    assert_comments_kept(&what, &old, &new);
    assert_same_layout(&what, &old, &new);
    assert_reads_back(&what, &new, &mission);
}

#[test]
fn swapping_two_visits_of_a_day_moves_only_their_tables() {
    for name in ["comments.toml", "crlf.toml"] {
        check_move(
            name,
            "first visit later",
            |m, ix| ops::move_within_day(m, ix, 0, Direction::Later),
            &[
                "id = \"government\"  # a written id",
                "title = \"Déjeuner\"",
            ],
        );
        check_move(
            name,
            "second visit earlier",
            |m, ix| ops::move_within_day(m, ix, 1, Direction::Earlier),
            &[
                "id = \"government\"  # a written id",
                "title = \"Déjeuner\"",
            ],
        );
    }
    check_move(
        SAMPLE,
        "first visit later",
        |m, ix| ops::move_within_day(m, ix, 0, Direction::Later),
        &["id = \"osaka-government\"", "id = \"osaka-lunch\""],
    );
    check_move(
        SAMPLE,
        "a Friday visit earlier",
        |m, ix| ops::move_within_day(m, ix, 15, Direction::Earlier),
        &[
            "id = \"keihanna-research-council\"",
            "id = \"keihanna-rd-consortium\"",
        ],
    );
}

#[test]
fn moving_a_visit_to_the_next_day_moves_only_its_table() {
    for name in ["comments.toml", "crlf.toml"] {
        // With its sub-table, past the next day's heading.
        check_move(
            name,
            "KENTO to Tuesday",
            |m, ix| ops::move_to_day(m, ix, 2, Direction::Later),
            &["title = \"KENTO 健都\""],
        );
        // With its attached comment and multi-line values.
        check_move(
            name,
            "the first visit to Tuesday",
            |m, ix| ops::move_to_day(m, ix, 0, Direction::Later),
            &["id = \"government\"  # a written id"],
        );
    }
    check_move(
        SAMPLE,
        "the last Monday visit to Tuesday",
        |m, ix| ops::move_to_day(m, ix, 3, Direction::Later),
        &["id = \"ncvc-oic\""],
    );
    check_move(
        SAMPLE,
        "the first Tuesday visit to Monday",
        |m, ix| ops::move_to_day(m, ix, 4, Direction::Earlier),
        &["id = \"kix-hydrogen\""],
    );
    check_move(
        SAMPLE,
        "a Wednesday visit to Thursday",
        |m, ix| ops::move_to_day(m, ix, 9, Direction::Later),
        &["id = \"denken\""],
    );
}

#[test]
fn moving_the_only_tuesday_visit_of_the_comment_rich_file_leaves_its_heading() {
    check_move(
        "comments.toml",
        "the Tuesday train to Monday",
        |m, ix| ops::move_to_day(m, ix, 3, Direction::Earlier),
        &["id = \"kyoto-train\""],
    );
}

#[test]
fn save_then_load_gives_back_the_edited_mission() {
    let mut sources: Vec<(String, Vec<u8>)> = vec![(SAMPLE.to_string(), read(SAMPLE))];
    for path in toml_files(FIXTURES) {
        sources.push((path.display().to_string(), read(&path)));
    }
    for (name, bytes) in sources {
        let parsed = load(&name, &bytes);
        let mut mission = parsed.mission.clone();
        // A bit of everything: edits, a move, an insert, a delete.
        mission.header.title.push_str(" (rev. 2) — 改訂");
        if let Some(v) = mission.visits.first_mut() {
            v.title.push_str(" ✓");
            v.start = Some(time(7, 5));
            v.end = None;
            v.tags.push("édité".into());
        }
        if mission.visits.len() > 1 {
            apply_plan(&mut mission, |m, ix| {
                ops::move_to_day(m, ix, 0, Direction::Later)
                    .or_else(|_| ops::move_within_day(m, ix, 0, Direction::Later))
            });
        }
        let copy = ops::duplicate_visit(&mission, &mission.visits[0]);
        mission.visits.push(copy);
        mission.visits.remove(0);
        if let Some(p) = mission.participants.first_mut() {
            p.phone = Some("+81 6-0000-0000".into());
        }
        let text = parsed.base.clone().render(&mission);
        assert_reads_back(&name, &text, &mission);
        // And again from the saved text: the second save is the first.
        let again = parse_bytes(text.as_bytes())
            .map_err(|(_, r)| r)
            .expect("loads");
        assert_eq!(
            again.base.clone().render(&again.mission),
            text,
            "{name}: second save"
        );
    }
}

#[test]
fn spaces_inside_an_array_of_tables_header_are_kept_without_edits() {
    let head = "format = 1\n\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-14\n";
    for (first, second) in [
        ("[[participants]]", "[[ participants ]]"),
        ("[[ participants ]]", "[[participants]]"),
        ("[[ participants ]]", "[[ participants ]]"),
        ("[[participants]]", "[[ participants]]"),
    ] {
        let text = format!(
            "{head}\n{first}\nid = \"a\"\nname = \"A\"\n\n{second}\nid = \"b\"\nname = \"B\"\n"
        );
        assert_unedited_round_trip(&format!("{first} then {second}"), text.as_bytes());
    }
}

#[test]
fn a_visit_keeps_its_sub_table_when_it_moves_up() {
    let parsed = load("comments.toml", &fixture("comments.toml"));
    let mut mission = parsed.mission.clone();
    apply_plan(&mut mission, |m, ix| {
        ops::move_within_day(m, ix, 2, Direction::Earlier)
    });
    let text = parsed.base.clone().render(&mission);
    let doc: toml::Table = toml::from_str(&text).expect("TOML");
    let visits = doc["visits"].as_array().expect("visits");
    let with_extra: Vec<&str> = visits
        .iter()
        .filter(|v| v.get("extra").and_then(|e| e.get("badge")).is_some())
        .map(|v| v["title"].as_str().expect("title"))
        .collect();
    assert_eq!(with_extra, ["KENTO 健都"], "{text}");
}

#[test]
fn the_first_entries_added_to_a_new_skeleton_go_after_its_examples() {
    use chrono::NaiveDate;
    use itinera::domain::{Participant, Visit};
    let start = NaiveDate::from_ymd_opt(2026, 3, 30).expect("date");
    let end = NaiveDate::from_ymd_opt(2026, 4, 2).expect("date");
    let text = itinera::file::skeleton::skeleton("Mission to Kyoto", start, end, None);
    let parsed = itinera::file::parse(&text).expect("the skeleton loads");
    let mut mission = parsed.mission.clone();
    mission
        .participants
        .push(Participant::new("rossi", "Maria Rossi"));
    mission
        .visits
        .push(Visit::new(start, "Meeting with Kyoto Prefecture"));
    let written = parsed.base.clone().render(&mission);

    // Each new table sits under the commented example of its kind, and
    // every line of the skeleton is still there, in order.
    let at = |needle: &str| {
        written
            .find(needle)
            .unwrap_or_else(|| panic!("{needle}:\n{written}"))
    };
    assert!(at("# phone = \"\"") < at("\n[[participants]]\n"));
    assert!(at("\n[[participants]]\n") < at("# The visits, in the order"));
    assert!(at("# notes = \"\"\"What to prepare") < at("\n[[visits]]\n"));
    let without_new = written
        .replace(
            "[[participants]]\nid = \"rossi\"\nname = \"Maria Rossi\"\n\n",
            "",
        )
        .replace(
            "\n[[visits]]\ndate = 2026-03-30\ntitle = \"Meeting with Kyoto Prefecture\"\n",
            "",
        );
    assert_eq!(without_new, text, "{written}");
    let back = itinera::file::parse(&written).expect("reads back");
    assert!(back.mission.same_content(&mission));
}

#[test]
fn undoing_a_saved_delete_brings_back_the_entry_as_it_was_written() {
    // Delete, save, undo, save: the file is as it was, comments, unknown
    // keys and formatting of the entry included.
    for (name, visits, participants) in [
        ("comments.toml", &[0usize, 2][..], &[0usize][..]),
        ("crlf.toml", &[0, 2], &[0]),
        (SAMPLE, &[0, 5, 21], &[0, 3]),
    ] {
        let bytes = if name == SAMPLE {
            read(SAMPLE)
        } else {
            fixture(name)
        };
        let original = String::from_utf8(bytes.clone()).expect("UTF-8");
        for &i in visits {
            let parsed = load(name, &bytes);
            let mut base = parsed.base.clone();
            let mut without = parsed.mission.clone();
            without.visits.remove(i);
            let saved = base.render(&without);
            assert!(!saved.contains(&original), "{name}: visit {i} was deleted");
            let back = base.render(&parsed.mission);
            assert!(
                back == original,
                "{name}: visit {i}: {}",
                first_difference(&original, &back)
            );
        }
        for &p in participants {
            let parsed = load(name, &bytes);
            let mut base = parsed.base.clone();
            let mut without = parsed.mission.clone();
            let id = without.participants[p].id.clone();
            without.participants.remove(p);
            for visit in &mut without.visits {
                if let Some(ids) = &mut visit.participants {
                    ids.retain(|x| *x != id);
                }
            }
            base.render(&without);
            let back = base.render(&parsed.mission);
            // The participant's own table comes back exactly; inside the
            // visits' lists, which had them removed, every comment is still
            // there (a comment between two list items cannot say which one
            // it was about).
            let tables = |text: &str| -> String {
                text.split("\n[[")
                    .filter(|t| t.starts_with("participants]]"))
                    .collect::<Vec<_>>()
                    .join("\n[[")
            };
            assert_eq!(tables(&back), tables(&original), "{name}: participant {p}");
            let comments = |text: &str| {
                let mut lines: Vec<String> = text
                    .lines()
                    .filter_map(|l| l.find('#').map(|at| l[at..].trim().to_string()))
                    .collect();
                lines.sort();
                lines
            };
            assert_eq!(
                comments(&back),
                comments(&original),
                "{name}: participant {p}"
            );
            let read_back = itinera::file::parse(&back).expect("reads back");
            assert!(read_back.mission.same_content(&parsed.mission));
        }
    }
}
