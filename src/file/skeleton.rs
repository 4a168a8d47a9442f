//! The commented starting file `itinera new` writes.

use chrono::NaiveDate;
use chrono_tz::Tz;

/// The lines of the skeleton that carry an explanation after the code,
/// with the zone line first: `(code, comment)`.
fn explained(timezone: Option<Tz>) -> [(String, &'static str); 6] {
    let zone = match timezone {
        Some(tz) => format!("timezone = \"{}\"", tz.name()),
        None => "# timezone = \"Asia/Tokyo\"".to_string(),
    };
    [
        (zone, "IANA zone where the trip happens"),
        (
            "# home_timezone = \"Europe/Rome\"".to_string(),
            "a second clock for the people at home",
        ),
        (
            "# id = \"rossi\"".to_string(),
            "letters, digits, '-' and '_'",
        ),
        (
            "# kind = \"meeting\"".to_string(),
            "meeting, visit, presentation, travel, meal, other",
        ),
        (
            "# status = \"confirmed\"".to_string(),
            "confirmed, tentative, cancelled",
        ),
        (
            "# participants = [\"rossi\"]".to_string(),
            "leave out for the whole delegation",
        ),
    ]
}

/// A format-1 mission file with one `[[days]]` per date and a commented-out
/// example participant and visit. It passes `itinera check` as written.
///
/// The explanations after the code all start in one column, two spaces
/// after the longest code they follow, whatever the zone's name.
pub fn skeleton(title: &str, start: NaiveDate, end: NaiveDate, timezone: Option<Tz>) -> String {
    let quoted = toml_edit::Value::from(title).to_string();
    let lines = explained(timezone);
    let column = lines
        .iter()
        .map(|(code, _)| code.chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let [zone, home, id, kind, status, participants] =
        lines.map(|(code, comment)| format!("{code:column$}# {comment}"));
    let mut out = format!(
        "# Mission file for itinera (format 1). Open it with `itinera FILE`,\n\
         # check it with `itinera check FILE`, print the agenda with\n\
         # `itinera export FILE`. Dates are YYYY-MM-DD, times HH:MM.\n\
         \n\
         format = 1\n\
         \n\
         [mission]\n\
         title = {quoted}\n\
         start = {start}\n\
         end = {end}\n\
         {zone}\n\
         {home}\n\
         # organizer = \"\"\n\
         # summary = \"\"\"What the mission is for.\"\"\"\n\
         \n\
         # One [[days]] per date: where the delegation is and where it sleeps.\n"
    );
    for date in start.iter_days().take_while(|d| *d <= end) {
        out.push_str(&format!(
            "\n[[days]]\ndate = {date}  # {}\n# city = \"\"\n# lodging = \"\"\n",
            date.format("%A")
        ));
    }
    out.push_str(&format!(
        "\n# The delegation. Visits name participants by id.\n\
         #\n\
         # [[participants]]\n\
         {id}\n\
         # name = \"Maria Rossi\"\n\
         # organization = \"\"\n\
         # region = \"\"\n\
         # role = \"\"\n\
         # email = \"\"\n\
         # phone = \"\"\n\
         \n\
         # The visits, in the order they happen within each day.\n\
         #\n\
         # [[visits]]\n\
         # date = {start}\n\
         # start = 09:30:00\n\
         # end = 11:00:00\n\
         # title = \"Meeting with the regional government\"\n\
         {kind}\n\
         {status}\n\
         # city = \"\"\n\
         # venue = \"\"\n\
         # host = \"\"\n\
         {participants}\n\
         # notes = \"\"\"What to prepare.\"\"\"\n"
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
            assert_eq!(columns.len(), 6, "{zone:?}: {columns:#?}");
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
