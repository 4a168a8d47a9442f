//! The commented starting file `itinera new` writes: the new mission's
//! header and days, and a commented-out `[publish]` table, example
//! participant and visit,
//! each written by walking the entity's description
//! ([`crate::domain::schema`]). A field the new mission gives a value
//! (its title, dates and zone, each day's date) is written as it is; any
//! other is its example, commented out, or nothing when its description
//! has none.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::patch::toml;
use crate::domain::schema::{DAY, Example, HEADER, PARTICIPANT, PUBLISH, Schema, VISIT, ValueKind};
use crate::domain::{DayInfo, Header};

/// One line of the skeleton.
struct Line {
    code: String,
    /// What follows the code after two spaces or more.
    comment: Comment,
}

enum Comment {
    None,
    /// An explanation: explanations start in one column.
    Explain(String),
    /// A note right after the code (a date's weekday).
    Label(String),
}

/// The lines of an entity's fields: `entity`'s values, or the examples.
fn lines<E>(schema: &Schema<E>, entity: Option<&E>, first_day: NaiveDate) -> Vec<Line> {
    let mut out = Vec::new();
    for field in schema.fields {
        let key = field.key;
        let code = match (entity.and_then(field.get), field.example) {
            (Some(value), _) => format!("{key} = {}", toml(value)),
            (None, Example::Omitted) => continue,
            (None, Example::Toml(example)) => format!("# {key} = {example}"),
            (None, Example::FirstDay) => format!("# {key} = {first_day}"),
        };
        let explain = match field.kind {
            ValueKind::Choice(choice) => choice.words.join(", "),
            _ => field.explain.to_string(),
        };
        let comment = if explain.is_empty() {
            Comment::None
        } else {
            Comment::Explain(explain)
        };
        out.push(Line { code, comment });
    }
    out
}

/// Lines as text, explanations in `column`.
fn text(lines: &[Line], column: usize) -> String {
    let mut out = String::new();
    for Line { code, comment } in lines {
        match comment {
            Comment::None => out.push_str(code),
            Comment::Explain(explain) => out.push_str(&format!("{code:column$}# {explain}")),
            Comment::Label(label) => out.push_str(&format!("{code}  # {label}")),
        }
        out.push('\n');
    }
    out
}

/// A format-1 mission file with one `[[days]]` per date and a commented-out
/// example participant and visit. It passes `itinera check` as written.
///
/// The explanations after the code all start in one column, two spaces
/// after the longest code they follow, whatever the zone's name.
pub fn skeleton(title: &str, start: NaiveDate, end: NaiveDate, timezone: Option<Tz>) -> String {
    let mut header = Header::new(title, start, end);
    header.timezone = timezone;
    let header = lines(&HEADER, Some(&header), start);
    let days: Vec<Vec<Line>> = start
        .iter_days()
        .take_while(|d| *d <= end)
        .map(|date| {
            let mut lines = lines(&DAY, Some(&DayInfo::new(date)), start);
            if let Some(line) = lines.iter_mut().find(|l| l.code.starts_with("date = ")) {
                line.comment = Comment::Label(date.format("%A").to_string());
            }
            lines
        })
        .collect();
    let publish = lines(&PUBLISH, None, start);
    let participant = lines(&PARTICIPANT, None, start);
    let visit = lines(&VISIT, None, start);
    let column = [&header, &participant, &visit]
        .into_iter()
        .chain(&days)
        .flat_map(|lines| lines.iter())
        .filter(|line| matches!(line.comment, Comment::Explain(_)))
        .map(|line| line.code.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let mut out = format!(
        "# Mission file for itinera (format 1). Open it with `itinera FILE`,\n\
         # check it with `itinera check FILE`, print the agenda with\n\
         # `itinera export FILE`. Dates are YYYY-MM-DD, times HH:MM.\n\
         \n\
         format = 1\n\
         \n\
         [mission]\n\
         {}\n\
         # The CalDAV calendar `itinera publish` (or P in the planner) puts the\n\
         # visits in. The password never goes in this file.\n\
         #\n\
         # [publish]\n\
         {}\n\
         # One [[days]] per date: where the delegation is and where it sleeps.\n",
        text(&header, column),
        text(&publish, column)
    );
    for day in &days {
        out.push_str(&format!("\n[[days]]\n{}", text(day, column)));
    }
    out.push_str(&format!(
        "\n# The delegation. Visits name participants by id.\n\
         #\n\
         # [[participants]]\n\
         {}\n\
         # The visits, in the order they happen within each day.\n\
         #\n\
         # [[visits]]\n\
         {}",
        text(&participant, column),
        text(&visit, column)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skeleton_reads_back_without_problems() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 30).expect("date");
        let end = NaiveDate::from_ymd_opt(2026, 4, 2).expect("date");
        let text = skeleton(
            "Mission \"A\" to Città",
            start,
            end,
            Some(chrono_tz::Asia::Tokyo),
        );
        let parsed = crate::file::parse(&text).expect("valid");
        assert!(parsed.report.diagnostics.is_empty(), "{:?}", parsed.report);
        assert_eq!(parsed.mission.header.title, "Mission \"A\" to Città");
        assert_eq!(parsed.mission.days.len(), 4);
        assert_eq!(parsed.mission.header.timezone, Some(chrono_tz::Asia::Tokyo));
    }

    #[test]
    fn the_publish_table_works_once_uncommented() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 30).expect("date");
        let text = skeleton("T", start, start, None);
        let text = text
            .replace("# [publish]\n", "[publish]\n")
            .replace("# url = ", "url = ")
            .replace("# user = \"\"", "user = \"alice\"");
        let parsed = crate::file::parse(&text).expect("valid");
        assert!(parsed.report.diagnostics.is_empty(), "{:?}", parsed.report);
        assert_eq!(
            parsed.mission.publish,
            Some(crate::domain::Publish {
                url: "https://dav.example.org/USER/CALENDAR/".into(),
                user: Some("alice".into()),
            })
        );
    }

    /// The column (in characters) where the explanation after the code
    /// starts, for every line that has one (the weekday after a date is a
    /// label, not an explanation).
    fn comment_columns(text: &str) -> Vec<(usize, &str)> {
        text.lines()
            .filter(|line| !line.starts_with("date = "))
            .filter_map(|line| {
                let at = line.find("  # ")?;
                let column = line[..at].chars().count() + line[at..].find('#')?;
                Some((column, line))
            })
            .collect()
    }

    #[test]
    fn explanations_line_up_whatever_the_zone() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 30).expect("date");
        for (zone, column) in [
            (None, 33),
            (Some(chrono_tz::Asia::Tokyo), 33),
            (Some(chrono_tz::Europe::Madrid), 33),
            (Some(chrono_tz::UTC), 33),
            (Some(chrono_tz::America::Argentina::ComodRivadavia), 47),
        ] {
            let text = skeleton("T", start, start, zone);
            let columns = comment_columns(&text);
            assert_eq!(columns.len(), 7, "{zone:?}: {columns:#?}");
            for (found, line) in columns {
                assert_eq!(found, column, "{zone:?}: {line:?}");
            }
            let parsed = crate::file::parse(&text).expect("valid");
            assert_eq!(parsed.mission.header.timezone, zone);
        }
        let text = skeleton("T", start, start, Some(chrono_tz::Europe::Madrid));
        assert!(
            text.contains(
                "\ntimezone = \"Europe/Madrid\"       # IANA zone where the trip happens\n\
                 # home_timezone = \"Europe/Rome\"  # a second clock for the people at home\n"
            ),
            "{text}"
        );
    }
}
