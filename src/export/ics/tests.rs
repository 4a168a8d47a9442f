use chrono::TimeZone;

use super::*;
use crate::domain::{Header, Participant};

fn d(s: &str) -> NaiveDate {
    crate::domain::parse_date(s).expect("date")
}

fn t(s: &str) -> chrono::NaiveTime {
    crate::domain::parse_time(s).expect("time")
}

fn stamp() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2022, 11, 1, 8, 0, 0)
        .single()
        .expect("time")
}

fn mission(tz: Option<Tz>) -> Mission {
    let mut header = Header::new("Mission; to Kyoto, 2026", d("2026-03-30"), d("2026-03-31"));
    header.timezone = tz;
    Mission {
        header,
        days: Vec::new(),
        participants: vec![
            Participant::new("rossi", "Maria Rossi"),
            Participant::new("dupont", "Jean Dupont"),
        ],
        visits: Vec::new(),
    }
}

fn lines(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"), "{text:?}");
    text.trim_end_matches("\r\n").split("\r\n").collect()
}

#[test]
fn a_timed_visit_has_its_zone_uid_status_and_categories() {
    let m = mission(Some(chrono_tz::Asia::Tokyo));
    let mut v = Visit::new(d("2026-03-30"), "Kyoto Prefectural Government");
    v.start = Some(t("09:30"));
    v.end = Some(t("11:00"));
    v.kind = Kind::Meeting;
    v.status = Status::Tentative;
    v.venue = Some("Kyoto Prefectural Office".into());
    v.address = Some("Shimodachiuri-dori, Kamigyo-ku, Kyoto".into());
    v.city = Some("Kyoto".into());
    v.host = Some("International Affairs".into());
    v.participants = Some(vec!["dupont".into()]);
    v.tags = vec!["government".into(), "s3, regional".into()];
    v.notes = Some("Bring the letter;\nand brochures.".into());
    assert_eq!(
        lines(&event(&m, &v, "kyoto-gov", stamp())),
        [
            "BEGIN:VEVENT",
            "UID:kyoto-gov@mission-to-kyoto-2026.itinera",
            "DTSTAMP:20221101T080000Z",
            "DTSTART;TZID=Asia/Tokyo:20260330T093000",
            "DTEND;TZID=Asia/Tokyo:20260330T110000",
            "SUMMARY:Kyoto Prefectural Government",
            // 75 octets exactly: no fold.
            "LOCATION:Kyoto Prefectural Office\\, Shimodachiuri-dori\\, Kamigyo-ku\\, Kyoto",
            "DESCRIPTION:Host: International Affairs\\nAttendees: Jean Dupont\\n\\nBring th",
            " e letter\\;\\nand brochures.",
            "STATUS:TENTATIVE",
            "CATEGORIES:Meeting,government,s3\\, regional",
            "END:VEVENT",
        ]
    );
}

#[test]
fn an_untimed_visit_is_an_all_day_event_ending_the_day_after() {
    let m = mission(Some(chrono_tz::Asia::Tokyo));
    let mut v = Visit::new(d("2026-03-30"), "Expo site workshop");
    let one = event(&m, &v, "expo", stamp());
    assert!(
        one.contains("\r\nDTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260331\r\n"),
        "{one}"
    );
    v.end_date = Some(d("2026-03-31"));
    let two = event(&m, &v, "expo", stamp());
    assert!(
        two.contains("\r\nDTSTART;VALUE=DATE:20260330\r\nDTEND;VALUE=DATE:20260401\r\n"),
        "{two}"
    );
    // Nothing in it is timed: the calendar needs no VTIMEZONE.
    let mut m = m;
    m.visits.push(v);
    assert!(!calendar(&m, &Scope::default(), stamp()).contains("VTIMEZONE"));
}

#[test]
fn an_overnight_visit_ends_on_its_end_date() {
    let m = mission(Some(chrono_tz::Asia::Tokyo));
    let mut v = Visit::new(d("2026-03-31"), "Night bus");
    v.end_date = Some(d("2026-04-01"));
    v.start = Some(t("22:40"));
    v.end = Some(t("06:50"));
    let text = event(&m, &v, "bus", stamp());
    assert!(text.contains("\r\nDTSTART;TZID=Asia/Tokyo:20260331T224000\r\nDTEND;TZID=Asia/Tokyo:20260401T065000\r\n"), "{text}");
}

#[test]
fn a_start_without_an_end_is_an_instant_or_runs_to_the_end_of_its_last_day() {
    let m = mission(None);
    let mut v = Visit::new(d("2026-03-30"), "Arrival");
    v.start = Some(t("15:00"));
    let text = event(&m, &v, "arrival", stamp());
    assert!(
        text.contains("\r\nDTSTART:20260330T150000\r\nSUMMARY:Arrival\r\n"),
        "{text}"
    );
    v.end_date = Some(d("2026-03-31"));
    let text = event(&m, &v, "arrival", stamp());
    assert!(
        text.contains("\r\nDTSTART:20260330T150000\r\nDTEND:20260401T000000\r\n"),
        "{text}"
    );
}

#[test]
fn a_mission_without_a_zone_writes_floating_times_and_no_vtimezone() {
    let mut m = mission(None);
    let mut v = Visit::new(d("2026-03-30"), "Lab tour");
    v.start = Some(t("10:00"));
    v.end = Some(t("11:00"));
    m.visits.push(v);
    let text = calendar(&m, &Scope::default(), stamp());
    assert!(
        text.contains("\r\nDTSTART:20260330T100000\r\nDTEND:20260330T110000\r\n"),
        "{text}"
    );
    assert!(!text.contains("TZID"), "{text}");
}

#[test]
fn the_calendar_names_its_producer_and_carries_the_zone_once() {
    let mut m = mission(Some(chrono_tz::Europe::Brussels));
    for (title, start) in [("A", "09:00"), ("B", "14:00")] {
        let mut v = Visit::new(d("2026-03-30"), title);
        v.start = Some(t(start));
        m.visits.push(v);
    }
    let text = calendar(&m, &Scope::default(), stamp());
    let all = lines(&text);
    assert_eq!(
        all[..6],
        [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            &format!(
                "PRODID:-//itinera//itinera {}//EN",
                env!("CARGO_PKG_VERSION")
            ),
            "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:Mission\\; to Kyoto\\, 2026",
            "BEGIN:VTIMEZONE",
        ]
    );
    assert_eq!(all.last(), Some(&"END:VCALENDAR"));
    assert_eq!(text.matches("BEGIN:VTIMEZONE").count(), 1);
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 2);
    assert!(text.contains("UID:2026-03-30-a@mission-to-kyoto-2026.itinera\r\n"));
    assert!(text.contains("UID:2026-03-30-b@mission-to-kyoto-2026.itinera\r\n"));
}

#[test]
fn one_event_has_a_calendar_of_its_own() {
    let m = mission(Some(chrono_tz::Asia::Tokyo));
    let mut v = Visit::new(d("2026-03-30"), "Lab tour");
    v.start = Some(t("10:00"));
    let text = event_calendar(&m, &v, "lab", stamp());
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.contains("TZID:Asia/Tokyo\r\n"), "{text}");
    assert!(text.ends_with(&format!(
        "{}END:VCALENDAR\r\n",
        event(&m, &v, "lab", stamp())
    )));
}

#[test]
fn a_title_without_letters_gives_the_slug_mission() {
    let mut m = mission(None);
    m.header.title = "!!!".into();
    assert_eq!(uid(&m, "lab"), "lab@mission.itinera");
}

#[test]
fn a_visit_imported_from_another_calendar_keeps_its_events_uid() {
    let m = mission(None);
    let mut v = Visit::new(d("2026-03-30"), "Invitation");
    v.uid = Some("040000008200E00074C5B7101A82E008@outlook.com".into());
    let text = event(&m, &v, "2026-03-30-invitation", stamp());
    assert_eq!(
        lines(&text)[1],
        "UID:040000008200E00074C5B7101A82E008@outlook.com"
    );
    assert_eq!(
        visit_uid(&m, &v, "x"),
        "040000008200E00074C5B7101A82E008@outlook.com"
    );
    v.uid = Some("  ".into());
    assert_eq!(visit_uid(&m, &v, "x"), "x@mission-to-kyoto-2026.itinera");
}

#[test]
fn source_date_epoch_sets_the_stamp() {
    let now = stamp();
    assert_eq!(stamp_from_env(None, now), Ok(now));
    assert_eq!(stamp_from_env(Some(""), now), Ok(now));
    assert_eq!(
        stamp_from_env(Some("1668384000"), now),
        Ok(Utc
            .with_ymd_and_hms(2022, 11, 14, 0, 0, 0)
            .single()
            .expect("time"))
    );
    assert_eq!(
        stamp_from_env(Some("yesterday"), now),
        Err(
            "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not \"yesterday\""
                .into()
        )
    );
}
