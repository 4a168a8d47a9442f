//! The Markdown agenda: snapshots of the sample, and mission text full of
//! Markdown's own characters read back by a CommonMark parser as the
//! words written.

mod common;

use common::{mission, scope};

use itinera::export::markdown::agenda;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const SAMPLE: &str = include_str!("../data/clust-er-health-japan-2022.toml");

#[test]
fn snapshot_of_the_sample_agenda() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(None, None)));
}

#[test]
fn snapshot_of_one_participants_agenda() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(Some("vicini"), None)));
}

#[test]
fn snapshot_of_one_day() {
    insta::assert_snapshot!(agenda(&mission(SAMPLE), &scope(None, Some("2022-11-18"))));
}

/// Mission text made of Markdown markup.
const MARKUP: &str = r#"format = 1
[mission]
title = "Mission #2 *Osaka* #"
start = 2026-03-30
end = 2026-03-30
summary = """
# Not a heading
- not an item
> not a quote
2026. not a list
===
    not code"""

[[days]]
date = 2026-03-30
city = "Osaka | Kobe"
lodging = "Hotel <Umeda> & Spa &amp; more"
notes = "See [the map](http://example.org) at ~~noon~~"

[[participants]]
id = "a"
name = "Ann *Star* Lee"
organization = "R&D_Lab"

[[participants]]
id = "b"
name = "Bo `Tick`"

[[visits]]
date = 2026-03-30
start = 10:00:00
title = "Lunch **with** _guests_ | [x]"
venue = "- Hall 3"
host = "snake_case_host \\ backslash"
participants = ["a"]
notes = """
1. first line
+ second line

# second paragraph ```fence```"""
"#;

/// The text a CommonMark reader shows (tables and strikethrough on, as
/// on the common hosting sites), one string per block, and the markup it
/// found.
fn rendered(markdown: &str) -> (Vec<String>, Vec<String>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut markup = Vec::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Text(t) => current.push_str(&t),
            Event::SoftBreak => current.push(' '),
            Event::HardBreak => current.push('\n'),
            Event::Code(c) => markup.push(format!("code {c}")),
            Event::Html(h) | Event::InlineHtml(h) => markup.push(format!("html {h}")),
            Event::Start(tag) => {
                if !current.is_empty() {
                    blocks.push(std::mem::take(&mut current));
                }
                markup.push(format!("{tag:?}"));
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item)
                if !current.is_empty() =>
            {
                blocks.push(std::mem::take(&mut current));
            }
            _ => {}
        }
    }
    (blocks, markup)
}

#[test]
fn markup_in_mission_text_reads_back_as_written() {
    let m = mission(MARKUP);
    let md = agenda(&m, &scope(None, None));
    let (blocks, markup) = rendered(&md);
    let has = |text: &str| {
        assert!(
            blocks.iter().any(|b| b == text),
            "no block {text:?} in {blocks:#?}\n{md}"
        )
    };
    has("Mission #2 *Osaka* #");
    has("# Not a heading\n- not an item\n> not a quote\n2026. not a list\n===\nnot code");
    has("Monday 30 March 2026 · Osaka | Kobe");
    has("Lodging: Hotel <Umeda> & Spa &amp; more");
    has("See [the map](http://example.org) at ~~noon~~");
    has("Ann *Star* Lee · R&D_Lab");
    has("Bo `Tick`");
    has("10:00 Lunch **with** _guests_ | [x]");
    has("- Hall 3");
    has("Host: snake_case_host \\ backslash");
    has("Attendees: Ann *Star* Lee");
    has("1. first line\n+ second line");
    has("# second paragraph ```fence```");
    // The only markup is the agenda's own: its headings, its list, the bold
    // times and names.
    let unexpected: Vec<&String> = markup
        .iter()
        .filter(|m| {
            !(m.starts_with("Heading")
                || m.starts_with("Paragraph")
                || m.starts_with("List")
                || m.starts_with("Item")
                || m.starts_with("Strong"))
        })
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}\n{md}");
    let headings = markup.iter().filter(|m| m.starts_with("Heading")).count();
    assert_eq!(headings, 3, "title, Delegation, the day:\n{md}");
    assert!(
        markup
            .iter()
            .all(|m| !m.starts_with(&format!("{:?}", Tag::BlockQuote(None)))),
        "{md}"
    );
}

#[test]
fn one_persons_agenda_says_who_else_comes_only_when_not_everyone() {
    let m = mission(SAMPLE);
    let md = agenda(&m, &scope(Some("vicini"), Some("2022-11-14")));
    assert!(md.contains(
        "- **14:00–15:30** Northern Osaka Health and Biomedical Innovation Town (KENTO)\n  \
         - Visit · Suita\n  \
         - Host: Northern Osaka Health and Biomedical Innovation Town (KENTO)\n  \
         - With: Emilia-Romagna Region representative, BIOCAT representative, Catalonia representative\n"
    ), "{md}");
    let lunch = md.split("- **12:00–13:00** Lunch\n").nth(1).expect("lunch");
    assert!(
        lunch.starts_with("  - Meal · Osaka\n  - Illustrative"),
        "{md}"
    );
    // Alone at a visit.
    let alone = MARKUP.replace("participants = [\"a\"]", "participants = [\"b\"]");
    let md = agenda(&mission(&alone), &scope(Some("b"), None));
    assert!(
        md.contains("  - With: nobody else from the delegation\n"),
        "{md}"
    );
}

#[test]
fn a_day_without_visits_says_so() {
    let text = MARKUP.replace("end = 2026-03-30\nsummary", "end = 2026-03-31\nsummary");
    let md = agenda(&mission(&text), &scope(None, Some("2026-03-31")));
    assert!(
        md.ends_with("## Tuesday 31 March 2026\n\n*Nothing scheduled.*\n"),
        "{md}"
    );
}
