//! `itinera diff --participant ID`: only what changes for one person.

mod diff_support;

use diff_support::*;

/// [`BASE`] after a change of lodging and venue (everyone), KENTO handed
/// from Vicini to BIOCAT, and a visit for BIOCAT alone.
fn reshuffled() -> String {
    let new = edit(
        BASE,
        &[
            (
                "lodging = \"Hotel in the Umeda area\"",
                "lodging = \"Hotel Nikko Osaka\"",
            ),
            (
                "venue = \"Sakishima Building\"",
                "venue = \"Sakishima Building, 24th floor\"",
            ),
            ("participants = [\"vicini\"]", "participants = [\"biocat\"]"),
        ],
    );
    format!(
        "{new}\n[[visits]]\ndate = 2022-11-15\nstart = 14:00:00\ntitle = \"BIOCAT partners\"\n\
         participants = [\"biocat\"]\n"
    )
}

#[test]
fn a_report_for_one_participant_says_what_changes_for_them() {
    assert_eq!(
        report(BASE, &reshuffled(), &["--participant", "vicini"]),
        "Changes to Clust-ER Health in Osaka\n\
         14–15 November 2022\n\
         For Sauro Vicini (Clust-ER Health)\n\
         \n\
         Monday 14 November 2022 · Osaka\n\
         -------------------------------\n\
         Lodging: Hotel in the Umeda area → Hotel Nikko Osaka\n\
         \n\
         Changed: 10:00–11:30 Osaka Prefectural Government\n\
         \x20 Venue: Sakishima Building → Sakishima Building, 24th floor\n\
         \n\
         You were dropped from: 14:00–15:30 KENTO health innovation hub\n"
    );
    assert_eq!(
        report(BASE, &reshuffled(), &["--participant", "biocat"]),
        "Changes to Clust-ER Health in Osaka\n\
         14–15 November 2022\n\
         For BIOCAT representative (BIOCAT)\n\
         \n\
         Monday 14 November 2022 · Osaka\n\
         -------------------------------\n\
         Lodging: Hotel in the Umeda area → Hotel Nikko Osaka\n\
         \n\
         Changed: 10:00–11:30 Osaka Prefectural Government\n\
         \x20 Venue: Sakishima Building → Sakishima Building, 24th floor\n\
         \n\
         You were added to: 14:00–15:30 KENTO health innovation hub\n\
         \n\
         Tuesday 15 November 2022 · Suita\n\
         --------------------------------\n\
         Added: 14:00 BIOCAT partners\n"
    );
}

#[test]
fn a_report_for_one_participant_leaves_out_what_they_do_not_attend() {
    let new = edit(
        BASE,
        &[(
            "kind = \"visit\"\n",
            "kind = \"visit\"\nstatus = \"cancelled\"\n",
        )],
    );
    assert_eq!(
        report(BASE, &new, &["--participant", "biocat"]),
        "No changes for BIOCAT representative (BIOCAT).\n"
    );
    assert_eq!(
        report(BASE, &new, &["--participant", "vicini"]),
        on_day(
            MONDAY,
            "Cancelled: 14:00–15:30 KENTO health innovation hub\n"
        )
        .replace("2022\n\n", "2022\nFor Sauro Vicini (Clust-ER Health)\n\n")
    );
}

#[test]
fn a_report_for_someone_who_joined_says_so() {
    let new = format!("{BASE}\n[[participants]]\nid = \"aura\"\nname = \"AURA representative\"\n")
        .replace(
            "participants = [\"vicini\"]",
            "participants = [\"vicini\", \"aura\"]",
        );
    assert_eq!(
        report(BASE, &new, &["--participant", "aura"]),
        "Changes to Clust-ER Health in Osaka\n\
         14–15 November 2022\n\
         For AURA representative\n\
         \n\
         Delegation\n\
         ----------\n\
         You joined the delegation\n\
         \n\
         Monday 14 November 2022 · Osaka\n\
         -------------------------------\n\
         You were added to: 14:00–15:30 KENTO health innovation hub\n"
    );
}

#[test]
fn an_unknown_participant_is_a_usage_error_with_a_hint() {
    let out = diff(BASE, &reshuffled(), &["--participant", "vicinni"]);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: no participant with id \"vicinni\" in either version (did you mean \"vicini\"?)\n"
    );
}
