//! The commented starting file `itinera new` writes.

use chrono::NaiveDate;
use chrono_tz::Tz;

/// A format-1 mission file with one `[[days]]` per date and a commented-out
/// example participant and visit. It passes `itinera check` as written.
pub fn skeleton(title: &str, start: NaiveDate, end: NaiveDate, timezone: Option<Tz>) -> String {
    let quoted = toml_edit::Value::from(title).to_string();
    let timezone = match timezone {
        Some(tz) => format!(
            "timezone = \"{}\"         # IANA zone where the trip happens\n",
            tz.name()
        ),
        None => "# timezone = \"Asia/Tokyo\"  # IANA zone where the trip happens\n".to_string(),
    };
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
         {timezone}\
         # home_timezone = \"Europe/Rome\"  # a second clock for the people at home\n\
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
         # id = \"rossi\"                  # letters, digits, '-' and '_'\n\
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
         # kind = \"meeting\"    # meeting, visit, presentation, travel, meal, other\n\
         # status = \"confirmed\"  # confirmed, tentative, cancelled\n\
         # city = \"\"\n\
         # venue = \"\"\n\
         # host = \"\"\n\
         # participants = [\"rossi\"]  # leave out for the whole delegation\n\
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
}
