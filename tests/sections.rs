//! Where comments go when visits move, are deleted or added
//! (`src/file/sections.rs`): a heading separated from the next table by a
//! blank line stays where it is; a comment written directly above a table's
//! header moves with that table.

use itinera::domain::ops::{self, Direction};
use itinera::domain::{DayIndex, Mission, Visit};
use itinera::file::parse;

const FILE: &str = "\
format = 1

[mission]
title = \"Sections\"
start = 2022-11-14
end = 2022-11-15

# --- Monday ---

[[visits]]
date = 2022-11-14
start = 09:00:00
end = 10:00:00
title = \"A\"

# note on B
[[visits]]
date = 2022-11-14
start = 11:00:00
end = 12:00:00
title = \"B\"

# --- Tuesday ---

[[visits]]
date = 2022-11-15
start = 08:00:00
end = 09:00:00
title = \"C\"

[[visits]]
date = 2022-11-15
start = 10:00:00
end = 11:00:00
title = \"D\"
";

/// The text saved after `change`, checked to read back as the mission.
fn saved(text: &str, change: impl FnOnce(&mut Mission)) -> String {
    let parsed = parse(text).expect("valid mission");
    let mut mission = parsed.mission.clone();
    change(&mut mission);
    let out = parsed.base.clone().render(&mission);
    let back = parse(&out).expect("saved text loads");
    assert!(back.mission.same_content(&mission), "reads back:\n{out}");
    out
}

fn plan(
    mission: &mut Mission,
    op: impl FnOnce(&Mission, &DayIndex) -> Result<ops::Plan, ops::OpError>,
) {
    let index = DayIndex::build(mission);
    op(mission, &index)
        .expect("possible")
        .edit
        .apply(mission)
        .expect("applies");
}

fn index_of(mission: &Mission, title: &str) -> usize {
    mission
        .visits
        .iter()
        .position(|v| v.title == title)
        .expect("visit")
}

/// `FILE` with `from` replaced by `to` (which must occur once).
fn with(from: &str, to: &str) -> String {
    assert_eq!(FILE.matches(from).count(), 1, "{from:?}");
    FILE.replacen(from, to, 1)
}

/// The mission header of `FILE`, and the visit tables as they are written
/// there, to assemble expected texts from.
const HEAD: &str = "\
format = 1

[mission]
title = \"Sections\"
start = 2022-11-14
end = 2022-11-15
";

fn visit(date: u32, start: &str, end: &str, title: &str) -> String {
    format!(
        "[[visits]]\ndate = 2022-11-{date}\nstart = {start}:00\nend = {end}:00\ntitle = \"{title}\"\n"
    )
}

#[test]
fn the_heading_stays_when_the_first_visit_under_it_moves_later() {
    // A and B trade places and time slots; the note on B goes with B.
    let out = saved(FILE, |m| {
        plan(m, |m, ix| ops::move_within_day(m, ix, 0, Direction::Later))
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n# note on B\n",
        &visit(14, "09:00", "10:00", "B"),
        "\n",
        &visit(14, "11:00", "12:00", "A"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn the_heading_stays_when_a_visit_from_another_day_moves_in_before_it() {
    // C (08:00) moves to Monday, before A: under the Monday heading. The
    // Tuesday heading stays above D.
    let out = saved(FILE, |m| {
        let c = index_of(m, "C");
        plan(m, |m, ix| ops::move_to_day(m, ix, c, Direction::Earlier))
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n",
        &visit(14, "08:00", "09:00", "C"),
        "\n",
        &visit(14, "09:00", "10:00", "A"),
        "\n# note on B\n",
        &visit(14, "11:00", "12:00", "B"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn the_heading_stays_when_the_first_visit_under_it_is_deleted() {
    let out = saved(FILE, |m| {
        m.visits.remove(index_of(m, "A"));
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n# note on B\n",
        &visit(14, "11:00", "12:00", "B"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn the_heading_stays_above_a_visit_inserted_first() {
    let out = saved(FILE, |m| {
        // Where the planner puts a new 08:00 visit of Monday: first.
        let mut new = Visit::new(m.visits[0].date, "Breakfast");
        new.start = chrono::NaiveTime::from_hms_opt(8, 0, 0);
        let at = ops::insertion_point(m, &DayIndex::build(m), new.date, new.start);
        assert_eq!(at, 0);
        m.visits.insert(at, new);
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n",
        "[[visits]]\ndate = 2022-11-14\nstart = 08:00:00\ntitle = \"Breakfast\"\n",
        "\n",
        &visit(14, "09:00", "10:00", "A"),
        "\n# note on B\n",
        &visit(14, "11:00", "12:00", "B"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn a_comment_directly_above_a_visit_moves_with_it() {
    // B and its note go to Tuesday, after D (B starts later than D).
    let out = saved(FILE, |m| {
        let b = index_of(m, "B");
        plan(m, |m, ix| ops::move_to_day(m, ix, b, Direction::Later))
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n",
        &visit(14, "09:00", "10:00", "A"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
        "\n# note on B\n",
        &visit(15, "11:00", "12:00", "B"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn a_heading_and_a_note_on_the_same_visit_part_ways() {
    // The heading stays on top; A's own note goes with A.
    let text = with(
        "# --- Monday ---\n\n[[visits]]",
        "# --- Monday ---\n\n# note on A\n[[visits]]",
    );
    let out = saved(&text, |m| {
        plan(m, |m, ix| ops::move_within_day(m, ix, 0, Direction::Later))
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n# note on B\n",
        &visit(14, "09:00", "10:00", "B"),
        "\n# note on A\n",
        &visit(14, "11:00", "12:00", "A"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

#[test]
fn a_heading_without_a_blank_line_below_it_belongs_to_the_visit() {
    // No blank line between the heading and A's header: the comment is
    // A's own, and moves with A.
    let text = with(
        "# --- Monday ---\n\n[[visits]]",
        "# --- Monday ---\n[[visits]]",
    );
    let out = saved(&text, |m| {
        plan(m, |m, ix| ops::move_within_day(m, ix, 0, Direction::Later))
    });
    let expected = [
        HEAD,
        "\n# note on B\n",
        &visit(14, "09:00", "10:00", "B"),
        "\n# --- Monday ---\n",
        &visit(14, "11:00", "12:00", "A"),
        "\n# --- Tuesday ---\n\n",
        &visit(15, "08:00", "09:00", "C"),
        "\n",
        &visit(15, "10:00", "11:00", "D"),
    ]
    .concat();
    assert_eq!(out, expected);
}

// ---------------------------------------------------------------------------
// Known bugs: a heading above the last table, or above every table of a
// list, is lost or travels. The expected texts are what the rule above
// gives; compared without trailing blank lines, which a fix may leave.

/// `FILE` without D: C is the last visit, alone under its heading.
fn without_d() -> String {
    let d = format!("\n{}", visit(15, "10:00", "11:00", "D"));
    assert!(FILE.ends_with(&d));
    FILE[..FILE.len() - d.len()].to_string()
}

#[test]
fn deleting_the_last_visit_keeps_its_heading() {
    let out = saved(&without_d(), |m| {
        m.visits.remove(index_of(m, "C"));
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n",
        &visit(14, "09:00", "10:00", "A"),
        "\n# note on B\n",
        &visit(14, "11:00", "12:00", "B"),
        "\n# --- Tuesday ---\n",
    ]
    .concat();
    assert_eq!(out.trim_end(), expected.trim_end());
}

#[test]
fn moving_the_last_visit_leaves_its_heading() {
    let out = saved(&without_d(), |m| {
        let c = index_of(m, "C");
        plan(m, |m, ix| ops::move_to_day(m, ix, c, Direction::Earlier))
    });
    let expected = [
        HEAD,
        "\n# --- Monday ---\n\n",
        &visit(14, "08:00", "09:00", "C"),
        "\n",
        &visit(14, "09:00", "10:00", "A"),
        "\n# note on B\n",
        &visit(14, "11:00", "12:00", "B"),
        "\n# --- Tuesday ---\n",
    ]
    .concat();
    assert_eq!(out.trim_end(), expected.trim_end());
}

#[test]
fn deleting_every_participant_keeps_the_heading() {
    let text = with(
        "# --- Monday ---",
        "# --- Delegation ---\n\n[[participants]]\nid = \"p\"\nname = \"P\"\n\n# --- Monday ---",
    );
    let out = saved(&text, |m| m.participants.clear());
    assert_eq!(
        out.trim_end(),
        with(
            "# --- Monday ---",
            "# --- Delegation ---\n\n# --- Monday ---"
        )
        .trim_end()
    );
}
