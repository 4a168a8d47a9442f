//! `itinera diff` as a user meets it: the real binary, two versions of a
//! mission, the exact report.

mod diff_support;

use std::path::Path;

use diff_support::*;
use unicode_width::UnicodeWidthStr;

const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

// --- each kind of change ------------------------------------------------------

#[test]
fn an_added_visit_is_listed_under_its_day() {
    let new = format!(
        "{BASE}\n[[visits]]\ndate = 2022-11-15\nstart = 12:00:00\nend = 13:00:00\ntitle = \"Lunch\"\n"
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(TUESDAY, "Added: 12:00–13:00 Lunch\n")
    );
}

#[test]
fn a_removed_visit_is_listed_under_its_old_day() {
    let new = edit(
        BASE,
        &[(
            "[[visits]]\nid = \"kento\"\ndate = 2022-11-14\nstart = 14:00:00\nend = 15:30:00\n\
             title = \"KENTO health innovation hub\"\nkind = \"visit\"\nparticipants = [\"vicini\"]\n\n",
            "",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(MONDAY, "Removed: 14:00–15:30 KENTO health innovation hub\n")
    );
}

#[test]
fn a_cancelled_visit_is_reported_as_cancelled_not_as_a_status_change() {
    let new = edit(
        BASE,
        &[(
            "kind = \"visit\"\n",
            "kind = \"visit\"\nstatus = \"cancelled\"\n",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Cancelled: 14:00–15:30 KENTO health innovation hub\n"
        )
    );
}

#[test]
fn a_visit_no_longer_cancelled_is_reinstated_with_its_new_status() {
    let old = edit(
        BASE,
        &[("status = \"tentative\"", "status = \"cancelled\"")],
    );
    assert_eq!(
        report(&old, BASE, &[]),
        on_day(
            TUESDAY,
            "Reinstated: 09:30–11:00 NCVC Open Innovation Center (tentative)\n"
        )
    );
}

#[test]
fn a_visit_moved_to_another_day_gives_both_days_and_times() {
    let new = edit(
        BASE,
        &[(
            "id = \"kento\"\ndate = 2022-11-14\nstart = 14:00:00\nend = 15:30:00",
            "id = \"kento\"\ndate = 2022-11-15\nstart = 08:00:00\nend = 09:15:00",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            TUESDAY,
            "Moved: KENTO health innovation hub\n\
             \x20 from Monday 14 November, 14:00–15:30\n\
             \x20 to Tuesday 15 November, 08:00–09:15\n"
        )
    );
}

#[test]
fn a_visit_moved_in_its_day_gives_both_times() {
    let new = edit(
        BASE,
        &[(
            "start = 10:00:00\nend = 11:30:00",
            "start = 10:30:00\nend = 12:00:00",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Moved: Osaka Prefectural Government\n\
             \x20 from 10:00–11:30 to 10:30–12:00\n"
        )
    );
}

#[test]
fn changed_fields_are_named_with_old_and_new_values() {
    let new = edit(
        BASE,
        &[(
            "kind = \"meeting\"\nvenue = \"Sakishima Building\"",
            "kind = \"presentation\"\nvenue = \"Sakishima Building, 24th floor\"\n\
              host = \"Osaka Prefectural Government\"\ntags = [\"expo-2025\", \"government\"]\n\
              notes = \"\"\"\nBring the regional S3 presentation.\n\nTwenty minutes each.\"\"\"",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Changed: 10:00–11:30 Osaka Prefectural Government\n\
             \x20 Kind: meeting → presentation\n\
             \x20 Venue: Sakishima Building → Sakishima Building, 24th floor\n\
             \x20 Host: (none) → Osaka Prefectural Government\n\
             \x20 Tags: (none) → expo-2025, government\n\
             \x20 Notes added:\n\
             \x20   Bring the regional S3 presentation.\n\
             \n\
             \x20   Twenty minutes each.\n"
        )
    );
}

#[test]
fn attendees_added_and_dropped_are_named() {
    let new = edit(
        BASE,
        &[("participants = [\"vicini\"]", "participants = [\"biocat\"]")],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Changed: 14:00–15:30 KENTO health innovation hub\n\
             \x20 Attendees added: BIOCAT representative\n\
             \x20 Attendees dropped: Sauro Vicini\n"
        )
    );
}

#[test]
fn header_changes_come_first() {
    let new = edit(
        BASE,
        &[
            (
                "title = \"Clust-ER Health in Osaka\"",
                "title = \"Clust-ER Health in Osaka and Kyoto\"",
            ),
            (
                "end = 2022-11-15\n",
                "end = 2022-11-16\nsummary = \"Health innovation, in view of Expo 2025.\"\n",
            ),
        ],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        "Changes to Clust-ER Health in Osaka and Kyoto\n\
         14–16 November 2022\n\
         \n\
         Mission\n\
         -------\n\
         Dates: 14–15 November 2022 → 14–16 November 2022\n\
         Title: Clust-ER Health in Osaka → Clust-ER Health in Osaka and Kyoto\n\
         \n\
         Summary added:\n\
         \x20 Health innovation, in view of Expo 2025.\n"
    );
}

#[test]
fn day_lodging_and_notes_changes_are_listed_before_the_visits() {
    let new = edit(
        BASE,
        &[
            (
                "lodging = \"Hotel in the Umeda area\"",
                "lodging = \"Hotel Nikko Osaka\"\nnotes = \"Government day.\"",
            ),
            (
                "kind = \"visit\"\n",
                "kind = \"visit\"\nstatus = \"cancelled\"\n",
            ),
        ],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Lodging: Hotel in the Umeda area → Hotel Nikko Osaka\n\
             \n\
             Notes added:\n\
             \x20 Government day.\n\
             \n\
             Cancelled: 14:00–15:30 KENTO health innovation hub\n"
        )
    );
}

#[test]
fn a_new_lodging_address_and_phone_are_listed_with_their_labels() {
    let new = edit(
        BASE,
        &[(
            "lodging = \"Hotel in the Umeda area\"",
            "lodging = \"Hotel in the Umeda area\"\n\
             lodging_address = \"1-1-1 Umeda, Kita-ku, Osaka\"\n\
             lodging_phone = \"+81 6 0000 0000\"",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            MONDAY,
            "Lodging address: (none) → 1-1-1 Umeda, Kita-ku, Osaka\n\
             Lodging phone: (none) → +81 6 0000 0000\n"
        )
    );
}

#[test]
fn delegation_changes_name_who_joined_and_left() {
    let new = edit(
        BASE,
        &[(
            "id = \"biocat\"\nname = \"BIOCAT representative\"\norganization = \"BIOCAT\"",
            "id = \"aura\"\nname = \"Auvergne-Rhône-Alpes representative\"",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        format!(
            "{HEAD}\n\
             Delegation\n\
             ----------\n\
             Joined: Auvergne-Rhône-Alpes representative\n\
             Left: BIOCAT representative (BIOCAT)\n"
        )
    );
}

#[test]
fn a_renamed_visit_without_an_id_is_changed_not_removed_and_added() {
    let new = edit(
        BASE,
        &[(
            "title = \"NCVC Open Innovation Center\"",
            "title = \"NCVC Open Innovation Center (OIC)\"",
        )],
    );
    assert_eq!(
        report(BASE, &new, &[]),
        on_day(
            TUESDAY,
            "Changed: 09:30–11:00 NCVC Open Innovation Center (OIC) (tentative)\n\
             \x20 Title: NCVC Open Innovation Center → NCVC Open Innovation Center (OIC)\n"
        )
    );
}

// --- nothing changed -----------------------------------------------------------

#[test]
fn a_file_against_itself_prints_one_line_and_exits_0() {
    assert_eq!(report(BASE, BASE, &[]), "No changes.\n");
    assert_eq!(
        report(BASE, BASE, &["--format", "markdown"]),
        "No changes.\n"
    );
    let sample = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .expect("sample");
    assert_eq!(report(&sample, &sample, &[]), "No changes.\n");
}

#[test]
fn comments_and_layout_are_not_changes() {
    let new = format!(
        "# Second draft\n{}",
        BASE.replace("\n\n", "\n\n\n").replace('\n', "\r\n")
    );
    assert_eq!(report(BASE, &new, &[]), "No changes.\n");
}

// --- Markdown, width, what the files may hold ---------------------------------------

/// The sample after a busy afternoon of changes.
fn edited_sample() -> (String, String) {
    let old = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .expect("sample");
    let mut new = edit(
        &old,
        &[
            (
                "lodging = \"Hotel in the Umeda / Osaka Station area\"  # illustrative",
                "lodging = \"Hotel Nikko Osaka\"",
            ),
            (
                "id = \"osaka-lunch\"\ndate = 2022-11-14\nstart = 12:00:00\nend = 13:00:00",
                "id = \"osaka-lunch\"\ndate = 2022-11-14\nstart = 12:30:00\nend = 13:30:00",
            ),
            (
                "id = \"kento\"\n",
                "id = \"kento\"\nstatus = \"cancelled\"\n",
            ),
            (
                "venue = \"National Cerebral and Cardiovascular Center (NCVC)\"",
                "venue = \"NCVC main building\"",
            ),
            (
                "participants = [\"vicini\", \"biocat\", \"emilia-romagna\", \"catalonia\"]\n\
                 tags = [\"health\", \"regenerative-medicine\"]\nnotes = \"\"\"\nVisit to the Open",
                "participants = [\"vicini\", \"biocat\", \"aura\"]\n\
                 tags = [\"health\", \"regenerative-medicine\"]\nnotes = \"\"\"\nVisit to the Open",
            ),
            (
                "title = \"DENKEN telepresence robots\"",
                "title = \"DENKEN telepresence robots [demo]\"",
            ),
            (
                "notes = \"Last day: Keihanna Science City, ATR, NICT and the Restitution Meeting.\"",
                "notes = \"\"\"\nLast day.\n# Bring the badges *and* the S3 slides.\"\"\"",
            ),
        ],
    );
    new.push_str(
        "\n[[visits]]\ndate = 2022-11-16\nstart = 18:00:00\n\
         title = \"Dinner with the Oita <cluster> & partners\"\nstatus = \"tentative\"\n",
    );
    (old, new)
}

#[test]
fn markdown_report_of_the_edited_sample() {
    let (old, new) = edited_sample();
    insta::assert_snapshot!(report(&old, &new, &["--format", "markdown"]));
}

#[test]
fn text_report_of_the_edited_sample_fits_80_columns() {
    let (old, new) = edited_sample();
    let text = report(&old, &new, &[]);
    for line in text.lines() {
        assert!(line.width() <= 80, "{} columns: {line:?}", line.width());
    }
    assert!(
        text.contains(
            "\n\x20 Attendees dropped: Emilia-Romagna Region representative, Catalonia\n\
             \x20   representative\n"
        ),
        "{text}"
    );
}

#[test]
fn control_characters_from_the_files_are_escaped() {
    let new = edit(
        BASE,
        &[
            (
                "title = \"KENTO health innovation hub\"",
                "title = \"KENTO\\u001b[2J hub\\u0007\"",
            ),
            (
                "lodging = \"Hotel in the Umeda area\"",
                "lodging = \"Hotel\\tNikko\\nOsaka\"",
            ),
        ],
    );
    let text = report(BASE, &new, &[]);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "{text:?}"
    );
    assert_eq!(
        text,
        on_day(
            MONDAY,
            "Lodging: Hotel in the Umeda area → Hotel\\tNikko\\nOsaka\n\
             \n\
             Changed: 14:00–15:30 KENTO\\u{1b}[2J hub\\u{7}\n\
             \x20 Title: KENTO health innovation hub → KENTO\\u{1b}[2J hub\\u{7}\n"
        )
    );
}

// --- README --------------------------------------------------------------------

#[test]
fn the_readme_example_is_what_diff_prints() {
    let old = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SAMPLE))
        .expect("sample");
    let new = edit(
        &old,
        &[
            (
                "lodging = \"Hotel in the Umeda / Osaka Station area\"  # illustrative",
                "lodging = \"Hotel Nikko Osaka\"",
            ),
            (
                "start = 12:00:00\nend = 13:00:00",
                "start = 12:30:00\nend = 13:30:00",
            ),
            (
                "id = \"kento\"\n",
                "id = \"kento\"\nstatus = \"cancelled\"\n",
            ),
            (
                "venue = \"National Cerebral and Cardiovascular Center (NCVC)\"\n\
                 address = \"6-1 Kishibe-Shimmachi, Suita, Osaka\"\n\
                 host = \"National Cerebral and Cardiovascular Center (NCVC)\"\n\
                 participants = [\"vicini\", \"biocat\", \"emilia-romagna\", \"catalonia\"]",
                "venue = \"NCVC main building\"\n\
                 address = \"6-1 Kishibe-Shimmachi, Suita, Osaka\"\n\
                 host = \"National Cerebral and Cardiovascular Center (NCVC)\"\n\
                 participants = [\"vicini\", \"biocat\", \"emilia-romagna\", \"catalonia\", \"aura\"]",
            ),
        ],
    );
    let text = report(&old, &new, &[]);
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    assert!(
        readme.contains(&format!("```text\n{text}```\n")),
        "README.md does not show this report:\n{text}"
    );
}
