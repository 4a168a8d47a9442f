//! The text agenda, through the library: what it says and how it wraps.

use chrono::NaiveDate;
use itinera::domain::Mission;
use itinera::export::{Scope, agenda};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const SMALL: &str = include_str!("fixtures/valid/small.toml");
const FEATURES: &str = include_str!("fixtures/valid/features.toml");
const CJK: &str = include_str!("fixtures/valid/cjk.toml");
const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

const CJK_TITLE: &str =
    "大阪府庁との会議：大阪・関西万博に向けた健康・医療分野における地域間協力の可能性について";
const CJK_NOTES: &str = "会議では、再生医療、医療機器、デジタルヘルスの三つの分野を中心に、欧州の地域クラスターと大阪のスタートアップとの具体的な連携方法を話し合います。";
const ACCENTED_NOTES: &str = "Réunion préparée avec l'équipe de la Région Auvergne-Rhône-Alpes : présentation générale, échanges sur la santé numérique et déjeuner à côté du siège.";

fn mission(text: &str) -> Mission {
    let parsed = itinera::file::parse(text).expect("fixture is a valid mission");
    assert!(
        parsed.report.diagnostics.is_empty(),
        "fixture has problems: {:?}",
        parsed.report
    );
    parsed.mission
}

fn render(text: &str, width: usize) -> String {
    agenda(
        &mission(text),
        &Scope {
            width,
            ..Scope::default()
        },
    )
}

/// The agenda with cancelled visits listed.
fn render_with_cancelled(text: &str, width: usize) -> String {
    agenda(
        &mission(text),
        &Scope {
            width,
            include_cancelled: true,
            ..Scope::default()
        },
    )
}

fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

/// The lines of one visit: from the line holding `first` up to the blank
/// line after it.
fn block<'a>(agenda: &'a str, first: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = agenda.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.contains(first))
        .unwrap_or_else(|| panic!("no line with {first:?} in:\n{agenda}"));
    lines[start..]
        .iter()
        .take_while(|l| !l.is_empty())
        .copied()
        .collect()
}

fn leading_spaces(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn assert_fits(agenda: &str, width: usize) {
    for (n, line) in agenda.lines().enumerate() {
        assert!(
            line.width() <= width,
            "line {} is {} columns wide, more than {width}: {line:?}\n{agenda}",
            n + 1,
            line.width()
        );
        assert_eq!(line, line.trim_end(), "trailing spaces on line {}", n + 1);
    }
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_wide(c: char) -> bool {
    c.width() == Some(2)
}

// --- content -----------------------------------------------------------------

#[test]
fn header_has_title_dates_time_zone_organizer_and_summary() {
    let text = render(FEATURES, 80);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Health Innovation Mission to Japan");
    assert_eq!(
        lines[1],
        "30 March – 2 April 2026 · times are local (Asia/Tokyo)"
    );
    assert_eq!(lines[2], "Organizer: Clust-ER Health");
    assert_eq!(lines[3], "");
    assert_eq!(
        lines[4],
        "Meetings with prefectural governments and visits to health innovation hubs."
    );
    assert_eq!(lines[5], "");
}

#[test]
fn day_headings_have_weekday_date_and_city_underlined() {
    let text = render(FEATURES, 80);
    let lines: Vec<&str> = text.lines().collect();
    for heading in [
        "Monday 30 March 2026 · Osaka",
        "Tuesday 31 March 2026 · Kyoto",
        "Wednesday 1 April 2026",
        "Thursday 2 April 2026",
    ] {
        let at = lines
            .iter()
            .position(|l| *l == heading)
            .unwrap_or_else(|| panic!("no heading {heading:?} in:\n{text}"));
        assert_eq!(lines[at - 1], "", "blank line before {heading:?}");
        assert_eq!(lines[at + 1], "-".repeat(heading.width()), "underline");
    }
    // Monday's lodging and notes follow its heading.
    let monday = text
        .find("Monday 30 March 2026 · Osaka\n")
        .expect("Monday heading");
    assert!(text[monday..].starts_with(
        "Monday 30 March 2026 · Osaka\n\
         ----------------------------\n\
         Lodging: Hotel near Osaka Station\n\
         Arrival day.\n\n"
    ));
    // A day without visits says so.
    let wednesday = text.find("Wednesday 1 April 2026\n").expect("Wednesday");
    assert!(
        text[wednesday..].starts_with(
            "Wednesday 1 April 2026\n----------------------\n\n  (nothing scheduled)\n"
        )
    );
}

#[test]
fn a_timed_visit_shows_time_range_place_host_contact_attendees_and_notes() {
    let text = render(FEATURES, 80);
    // The time labels share one column, as wide as the widest label
    // ("22:00–06:00 +1d"), so the text starts at column 19.
    assert_eq!(
        block(&text, "Osaka Prefectural Government"),
        [
            "  09:30–11:00      Osaka Prefectural Government",
            "                   Meeting · Sakishima Building, 1-14-16 Nankokita, Osaka",
            "                   Host: Osaka Prefectural Government",
            "                   Contact: Ms. Yamada, International Affairs",
            "                   Main subject: Expo 2025 as a showcase for regional excellence",
            "                   in life sciences and biotechnology, with a view of the",
            "                   artificial island.",
        ]
    );
}

#[test]
fn a_visit_without_start_is_time_tbc_and_a_tentative_one_is_marked() {
    let text = render(FEATURES, 80);
    assert_eq!(
        block(&text, "Dinner with the consulate"),
        [
            "  time tbc         [TENTATIVE] Dinner with the consulate",
            "                   Meal",
            "                   Attendees: Maria Rossi, Núria Garcia",
        ]
    );
}

#[test]
fn an_untimed_visit_over_several_dates_is_all_day() {
    let text = render(FEATURES, 80);
    assert_eq!(
        block(&text, "Expo site workshop"),
        [
            "  all day          Expo site workshop",
            "                   Visit · Osaka",
            "                   Host: Expo Association",
        ]
    );
}

#[test]
fn a_cancelled_visit_is_left_out_unless_asked_for_and_then_marked() {
    let text = render(FEATURES, 80);
    assert!(!text.contains("Regenerative medicine lab"), "{text}");
    let text = render_with_cancelled(FEATURES, 80);
    assert_eq!(
        block(&text, "Regenerative medicine lab"),
        [
            "  14:00–15:00      [CANCELLED] Regenerative medicine lab",
            "                   Visit · Kyoto",
            "                   Attendees: Jean Dupont",
        ]
    );
}

#[test]
fn a_visit_past_midnight_shows_the_extra_day() {
    let text = render(FEATURES, 80);
    assert_eq!(
        block(&text, "Flight home"),
        [
            "  22:00–06:00 +1d  Flight home",
            "                   Travel",
            "                   Check in three hours before departure.",
        ]
    );
}

#[test]
fn notes_stay_under_the_visit_and_wrap_to_the_width() {
    let text = render(FEATURES, 50);
    assert_fits(&text, 50);
    let lines = block(&text, "Osaka Prefectural Government");
    let notes_at = lines
        .iter()
        .position(|l| l.trim_start().starts_with("Main subject:"))
        .expect("notes line");
    let notes = &lines[notes_at..];
    assert!(notes.len() >= 3, "notes should wrap at 50: {notes:#?}");
    for line in notes {
        assert_eq!(leading_spaces(line), 19, "{line:?}");
    }
    let joined: Vec<&str> = notes.iter().map(|l| l.trim()).collect();
    assert_eq!(
        joined.join(" "),
        "Main subject: Expo 2025 as a showcase for regional excellence in life \
         sciences and biotechnology, with a view of the artificial island."
    );
}

#[test]
fn a_participant_scope_names_them_and_keeps_only_their_visits() {
    let scope = Scope {
        participant: Some("dupont".into()),
        ..Scope::default()
    };
    let text = agenda(&mission(FEATURES), &scope);
    assert!(
        text.lines()
            .any(|l| l == "Agenda for Jean Dupont (Auvergne-Rhône-Alpes)"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l == "Visits are with the whole delegation unless they say who comes."),
        "{text}"
    );
    assert!(
        text.contains("Osaka Prefectural Government"),
        "whole delegation"
    );
    assert!(
        !text.contains("Dinner with the consulate"),
        "rossi and garcia only"
    );
    // Dupont's one visit of his own is cancelled: listed only when asked,
    // and it says nobody else comes.
    assert!(!text.contains("Regenerative medicine lab"), "{text}");
    let with_cancelled = Scope {
        include_cancelled: true,
        ..scope
    };
    let text = agenda(&mission(FEATURES), &with_cancelled);
    assert_eq!(
        block(&text, "Regenerative medicine lab"),
        [
            "  14:00–15:00      [CANCELLED] Regenerative medicine lab",
            "                   Visit · Kyoto",
            "                   With: nobody else from the delegation",
        ]
    );
}

#[test]
fn one_persons_agenda_names_the_others_only_when_not_everyone_comes() {
    let scope = Scope {
        participant: Some("rossi".into()),
        ..Scope::default()
    };
    let text = agenda(&mission(FEATURES), &scope);
    assert_eq!(
        block(&text, "Dinner with the consulate"),
        [
            "  time tbc         [TENTATIVE] Dinner with the consulate",
            "                   Meal",
            "                   With: Núria Garcia",
        ]
    );
    assert!(
        !block(&text, "Osaka Prefectural Government")
            .iter()
            .any(|l| l.contains("With:") || l.contains("Attendees:")),
        "{text}"
    );
}

#[test]
fn a_day_scope_keeps_only_that_day() {
    let text = agenda(
        &mission(FEATURES),
        &Scope {
            day: Some(date("2026-03-31")),
            ..Scope::default()
        },
    );
    assert!(text.contains("\nTuesday 31 March 2026 · Kyoto\n"));
    for other in ["Monday", "Wednesday", "Thursday"] {
        assert!(!text.contains(other), "{other} in:\n{text}");
    }
    assert!(text.contains("Expo site workshop"));
    assert!(!text.contains("Osaka Prefectural Government"));
    // A compact heading: the title, which day it is and the zone, not the
    // organizer, summary or delegation.
    assert!(
        text.starts_with(
            "Health Innovation Mission to Japan · day 2 of 4\n\
             Times are local (Asia/Tokyo)\n\
             Visits are for the whole delegation unless they name who attends.\n\
             \n\
             Tuesday 31 March 2026 · Kyoto\n"
        ),
        "{text}"
    );
    for left_out in ["Organizer", "Meetings with prefectural", "Delegation"] {
        assert!(!text.contains(left_out), "{left_out} in:\n{text}");
    }
}

/// Control characters written as escapes in the file, which a terminal
/// would act on (ring, clear the screen, recolour, move back).
const CONTROLS: &str = r#"format = 1

[mission]
title = "Mission\u0007 to \u001b[1mOsaka\u001b[0m"
start = 2022-11-14
end = 2022-11-14
summary = "Line one,\tthen a tab.\nLine two\b\b."

[[days]]
date = 2022-11-14
city = "Osa\u001b[2Jka"
notes = "Bring\u0008 the\tbadges."

[[visits]]
date = 2022-11-14
start = 10:00:00
title = "\u001b[31mRed\u001b[0m meeting"
host = "Prefecture\u0007"
notes = "First line\u0007\n\nThird line\twith a tab."
"#;

#[test]
fn control_characters_are_dropped_and_tabs_become_spaces() {
    assert_eq!(
        render(CONTROLS, 80),
        "Mission to [1mOsaka[0m\n\
         14 November 2022\n\
         \n\
         Line one, then a tab.\n\
         Line two.\n\
         \n\
         Monday 14 November 2022 · Osa[2Jka\n\
         ----------------------------------\n\
         Bring the badges.\n\
         \n  \
         10:00     [31mRed[0m meeting\n            \
         Host: Prefecture\n            \
         First line\n\
         \n            \
         Third line with a tab.\n"
    );
}

// --- wrapping by display width -------------------------------------------------

/// The visit text of a block: the title lines (up to the kind line), with
/// the time label and indentation taken off.
fn title_lines<'a>(lines: &[&'a str], text_column: usize, kind: &str) -> Vec<&'a str> {
    lines
        .iter()
        .map(|l| {
            &l[l.char_indices()
                .nth(text_column)
                .map_or(l.len(), |(i, _)| i)..]
        })
        .take_while(|l| !l.starts_with(kind))
        .collect()
}

#[test]
fn cjk_and_accented_text_wrap_within_the_width() {
    for width in [40, 60] {
        let text = render(CJK, width);
        assert_fits(&text, width);

        // The CJK title is broken between ideographs, never cut, and reads
        // back whole.
        let lines = block(&text, "大阪府庁との会議");
        assert!(lines[0].starts_with("  10:00–11:30  大阪府庁との会議"));
        let text_column = "  10:00–11:30  ".width();
        let title = title_lines(&lines, text_column, "Meeting · ");
        assert!(title.len() >= 2, "title should wrap at {width}: {title:#?}");
        assert_eq!(title.concat(), CJK_TITLE, "width {width}");
        for pair in title.windows(2) {
            let end = pair[0].chars().last().expect("non-empty line");
            let start = pair[1].chars().next().expect("non-empty line");
            assert!(is_wide(end) && is_wide(start), "{pair:?}");
        }
        for line in &title {
            assert_eq!(line.width() % 2, 0, "half a character? {line:?}");
        }

        // Every line of the visit after the first starts at the text
        // column: no line falls back to the margin.
        for line in &lines[1..] {
            assert_eq!(leading_spaces(line), text_column, "width {width}: {line:?}");
        }

        // The CJK notes paragraph and the accented one read back whole.
        let notes_at = lines
            .iter()
            .position(|l| l.trim_start().starts_with("会議では"))
            .expect("CJK notes");
        let french_at = lines
            .iter()
            .position(|l| l.trim_start().starts_with("Réunion"))
            .expect("French notes");
        let cjk_notes: Vec<&str> = lines[notes_at..french_at]
            .iter()
            .map(|l| l.trim())
            .collect();
        assert!(cjk_notes.len() >= 2, "{cjk_notes:#?}");
        assert_eq!(cjk_notes.concat(), CJK_NOTES);
        let french: Vec<&str> = lines[french_at..].iter().map(|l| l.trim()).collect();
        assert!(french.len() >= 2, "{french:#?}");
        assert_eq!(french.join(" "), ACCENTED_NOTES);
    }
}

#[test]
fn wrapped_cjk_lines_do_not_start_with_closing_punctuation() {
    for width in [40, 60] {
        let text = render(CJK, width);
        let mut previous = "";
        for line in text.lines() {
            let body = line.trim_start();
            let continued = !previous.is_empty() && !line.is_empty();
            if continued {
                let first = body.chars().next().expect("non-empty line");
                assert!(
                    !"、。，．）」』：".contains(first),
                    "width {width}: line starts with {first:?}: {line:?}"
                );
            }
            previous = line;
        }
    }
}

#[test]
fn accented_text_is_measured_in_columns_not_bytes() {
    // "Missione in Giappone: città e prefetture" is 40 columns but 41 bytes:
    // it fits on one line at width 40.
    let text = render(CJK, 40);
    assert_eq!(
        text.lines().next(),
        Some("Missione in Giappone: città e prefetture")
    );
    // And the day's CJK lodging, notes and city wrap within the width too.
    assert!(text.contains("\nMonday 30 March 2026 · 大阪\n---------------------------\n"));
    let lodging = block(&text, "Lodging: ");
    assert!(lodging.len() >= 2);
}

#[test]
fn mixed_latin_and_cjk_title_reads_back_whole() {
    for width in [40, 60] {
        let text = render(CJK, width);
        let lines = block(&text, "Visita al laboratorio");
        let title = title_lines(&lines, "  14:00–15:30  ".width(), "Visit · ");
        assert!(title.len() >= 2, "width {width}: {title:#?}");
        assert_eq!(
            without_whitespace(&title.concat()),
            without_whitespace(
                "Visita al laboratorio di medicina rigenerativa dell'Università di Kyoto \
                 (京都大学 iPS細胞研究所)"
            )
        );
        // Both participants attend: the whole delegation, not named.
        assert!(!lines.iter().any(|l| l.contains("Attendees")), "{lines:#?}");
        // They are in the delegation, each name whole on its line.
        assert!(
            text.lines()
                .any(|l| l == "Núria Garcia i Peñalver · BIOCAT"),
            "{text}"
        );
    }
}

fn assert_fits_at_every_width(name: &str, text: &str, widths: std::ops::RangeInclusive<usize>) {
    let mission = mission(text);
    for width in widths {
        let out = agenda(
            &mission,
            &Scope {
                width,
                ..Scope::default()
            },
        );
        for line in out.lines() {
            assert!(
                line.width() <= width,
                "{name} at width {width}: {} columns: {line:?}",
                line.width()
            );
        }
    }
}

/// A visit ending ten days later has a wide time label ("22:00–06:00 +10d"),
/// next to a visit with an ordinary one.
const WIDE_LABEL: &str = "format = 1\n\
                          [mission]\n\
                          title = \"Edge\"\n\
                          start = 2026-03-30\n\
                          end = 2026-03-30\n\
                          [[visits]]\n\
                          date = 2026-03-30\n\
                          start = 09:00:00\n\
                          end = 10:00:00\n\
                          title = \"Kamigyo-ku office\"\n\
                          [[visits]]\n\
                          date = 2026-03-30\n\
                          start = 22:00:00\n\
                          end = 06:00:00\n\
                          end_date = 2026-04-09\n\
                          title = \"長い旅行\"\n";

#[test]
fn no_line_is_ever_wider_than_the_width() {
    for (name, text) in [
        ("small", SMALL),
        ("cjk", CJK),
        ("sample", SAMPLE),
        ("features", FEATURES),
        ("wide label", WIDE_LABEL),
    ] {
        assert_fits_at_every_width(name, text, 20..=100);
    }
}

#[test]
fn nothing_scheduled_fits_the_narrowest_width() {
    // Wednesday 1 April has no visits.
    let text = render(FEATURES, 20);
    assert!(text.contains("nothing"), "{text}");
    assert_fits(&text, 20);
}

#[test]
fn a_wide_time_label_never_pushes_text_past_the_width() {
    // "22:00–06:00 +10d" would put the text column at 20; a CJK character is
    // two columns wide, so at width 20 each one would end at column 21.
    let out = render(WIDE_LABEL, 20);
    assert!(out.contains("22:00–06:00 +10d"), "{out}");
    assert_fits(&out, 20);
}

#[test]
fn a_label_too_wide_for_the_text_column_gets_its_own_line() {
    // At width 30 the text column is at most 15: "  09:00–10:00  " fits
    // before it, "  22:00–06:00 +10d  " does not.
    let out = render(WIDE_LABEL, 30);
    assert_eq!(
        block(&out, "09:00–10:00"),
        ["  09:00–10:00  Kamigyo-ku", "               office",]
    );
    assert_eq!(
        block(&out, "22:00–06:00 +10d"),
        ["  22:00–06:00 +10d", "               長い旅行",]
    );
    // With room, the text column follows the widest label as before.
    let wide = render(WIDE_LABEL, 80);
    assert!(wide.contains("\n  22:00–06:00 +10d  長い旅行\n"), "{wide}");
    assert!(
        wide.contains("\n  09:00–10:00       Kamigyo-ku office\n"),
        "{wide}"
    );
}

#[test]
fn hyphenated_words_are_not_split_at_their_hyphens() {
    // From width 40 the text column leaves at least 20 columns, room for
    // every hyphenated word of these agendas: a line ending in "letter-"
    // can only be a word split at its hyphen.
    for (name, text) in [("small", SMALL), ("features", FEATURES), ("cjk", CJK)] {
        let mission = mission(text);
        for width in 40..=100 {
            let out = agenda(
                &mission,
                &Scope {
                    width,
                    ..Scope::default()
                },
            );
            for line in out.lines() {
                let mut end = line.chars().rev();
                let split =
                    end.next() == Some('-') && end.next().is_some_and(char::is_alphanumeric);
                assert!(!split, "{name} at width {width}: {line:?}\n{out}");
            }
        }
    }
    // The addresses stay whole at widths that used to split them.
    let text = render(FEATURES, 52);
    assert!(text.contains("1-14-16"), "{text}");
    let text = render(SMALL, 60);
    assert!(text.contains("Kamigyo-ku"), "{text}");
}

// --- the whole agenda --------------------------------------------------------

#[test]
fn golden_small_agenda() {
    let expected = "\
Mission to Kyoto
30–31 March 2026 · times are local (Asia/Tokyo)
Organizer: Clust-ER Health

Visits are for the whole delegation unless they name who attends.

Delegation
----------
Maria Rossi · Emilia-Romagna Region
Kenji Tanaka

Monday 30 March 2026 · Kyoto
----------------------------
Lodging: Hotel near Kyoto Station

  09:30–11:00  Kyoto Prefectural Government
               Meeting · Kyoto Prefectural Office, Kamigyo-ku, Kyoto
               Host: International Affairs Division
               Bring the signed letter of intent and twenty copies of the
               regional brochure for the hosts.

  time tbc     [TENTATIVE] Lab tour
               Visit · Kyoto Research Park
               Attendees: Maria Rossi

Tuesday 31 March 2026 · Osaka
-----------------------------

  (nothing scheduled)
";
    assert_eq!(render(SMALL, 80), expected);
}

#[test]
fn golden_small_agenda_with_cancelled_visits() {
    let text = render_with_cancelled(SMALL, 80);
    let tuesday = text.find("Tuesday 31 March 2026").expect("Tuesday");
    // Everyone attends the lunch (both are named): nobody is listed.
    assert_eq!(
        &text[tuesday..],
        "\
Tuesday 31 March 2026 · Osaka
-----------------------------

  12:00–13:00  [CANCELLED] Lunch with the consulate
               Meal · Osaka
"
    );
    assert_eq!(text[..tuesday], render(SMALL, 80)[..tuesday]);
}
