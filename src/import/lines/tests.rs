use super::*;

fn one(text: &str) -> Component {
    let mut calendars = read(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(calendars.len(), 1);
    calendars.remove(0)
}

fn error(text: &str) -> String {
    read(text).expect_err("invalid").to_string()
}

#[test]
fn folded_lines_are_joined_and_keep_where_they_start() {
    let cal = one(
        "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Kyoto Prefectural \r\n Government\r\n\
         DESCRIPTION:a\r\n\tb\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
    );
    let event = &cal.components[0];
    assert_eq!(event.name, "VEVENT");
    assert_eq!(event.line, 2);
    let summary = event.property("SUMMARY").expect("summary");
    assert_eq!(summary.value, "Kyoto Prefectural Government");
    assert_eq!((summary.line, summary.value_at), (3, (3, 9)));
    assert_eq!(event.property("DESCRIPTION").expect("d").value, "ab");
}

#[test]
fn lf_alone_blank_lines_and_lower_case_names_are_read() {
    let cal = one("begin:vcalendar\n\nBEGIN:VEVENT\nsummary:x\nEND:VEVENT\nEND:VCALENDAR");
    assert_eq!(cal.components[0].property("SUMMARY").expect("s").value, "x");
}

#[test]
fn parameters_are_split_and_unquoted() {
    let cal = one(
        "BEGIN:VCALENDAR\nX-A;TZID=\"Europe/Rome\";VALUE=DATE-TIME;M=a,\"b:c\":v;w\nEND:VCALENDAR\n",
    );
    let p = &cal.properties[0];
    assert_eq!(p.name, "X-A");
    assert_eq!(p.param("TZID"), Some("Europe/Rome"));
    assert_eq!(p.param("VALUE"), Some("DATE-TIME"));
    assert_eq!(p.param("M"), Some("a,b:c"));
    assert_eq!(p.value, "v;w");
}

#[test]
fn text_values_are_unescaped_and_lists_split_at_bare_commas() {
    assert_eq!(
        unescape(r"a\, b\; c\\d\nline\Nend"),
        "a, b; c\\d\nline\nend"
    );
    assert_eq!(
        unescape_list(r"Meeting,s3\, regional,back\\,x"),
        ["Meeting", "s3, regional", "back\\", "x"]
    );
}

#[test]
fn bad_lines_are_reported_at_their_line_and_column() {
    assert_eq!(
        error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY Lunch\nEND:VEVENT\nEND:VCALENDAR\n"),
        "3:8: ' ' cannot be part of a property name; expected NAME:VALUE"
    );
    assert_eq!(
        error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Asia/Tokyo\nEND:VEVENT\n"),
        "3:24: the line has no ':' before its value; expected DTSTART:VALUE"
    );
    assert_eq!(
        error("BEGIN:VCALENDAR\nX;A=\"open:v\nEND:VCALENDAR\n"),
        "2:5: the quoted value of A is never closed"
    );
    assert_eq!(
        error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VTODO\nEND:VCALENDAR\n"),
        "3:5: END:VTODO where BEGIN:VEVENT (line 2) is still open"
    );
    assert_eq!(
        error("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\n"),
        "3:1: BEGIN:VEVENT on line 2 is never closed by END:VEVENT"
    );
    assert_eq!(
        error("SUMMARY:x\n"),
        "1:9: SUMMARY outside any component; an iCalendar file starts with BEGIN:VCALENDAR"
    );
    assert_eq!(
        error("BEGIN:VEVENT\n"),
        "1:7: expected BEGIN:VCALENDAR, the start of an iCalendar file, not BEGIN:VEVENT"
    );
    assert_eq!(
        error("\n\n"),
        "1:1: not an iCalendar file: there is no BEGIN:VCALENDAR"
    );
}

#[test]
fn a_column_on_a_continuation_line_counts_its_leading_space() {
    // The bad character is on line 3, after the space that folds it.
    assert_eq!(
        error("BEGIN:VCALENDAR\nSUMM\n A Y:x\nEND:VCALENDAR\n"),
        "3:3: ' ' cannot be part of a property name; expected NAME:VALUE"
    );
}
