//! `itinera publish` against a real CalDAV server (Radicale): the events
//! it creates, updates and removes, what it leaves alone, read back from
//! the server with an independent iCalendar parser.

mod publish_support;

use publish_support::*;

const CAL: &str = "japan";

/// The resource names of the sample's visits that `keep` accepts.
fn names(keep: impl Fn(&itinera::domain::Visit) -> bool) -> Vec<String> {
    let mission = mission_of(SAMPLE);
    let mut names: Vec<String> = mission
        .visit_ids()
        .iter()
        .zip(&mission.visits)
        .filter(|(_, v)| keep(v))
        .map(|(id, _)| resource(id))
        .collect();
    names.sort();
    names
}

#[test]
fn the_first_publish_creates_the_calendar_and_every_event_as_the_mission_has_it() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    let out = ws.publish(&["--url", &url, "--user", USER]);
    let text = ok(&out);
    assert!(
        text.starts_with(&format!(
            "Created the calendar {url}\n\
             Added: Osaka Prefectural Government (Mon 14 Nov, 10:00–11:30)\n\
             Added: Lunch (Mon 14 Nov, 12:00–13:00)\n"
        )),
        "{text}"
    );
    assert_eq!(
        headline(&out),
        "22 events: 22 added, 0 updated, 0 removed, 0 unchanged"
    );
    assert_eq!(server.stored(CAL), names(|_| true));
    let mission = mission_of(SAMPLE);
    for id in mission.visit_ids() {
        let (status, body) = server.get(CAL, &resource(&id));
        assert_eq!(status, 200, "{id}");
        assert_event_is_visit(&body, &mission, &id);
    }
}

#[test]
fn an_unchanged_republish_changes_nothing_also_at_another_time() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    let before = server.snapshot(CAL);
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        "22 events: 0 added, 0 updated, 0 removed, 22 unchanged\n"
    );
    // A day later: only DTSTAMP would differ, which is no change.
    let later = ws.publish_env(
        &[("SOURCE_DATE_EPOCH", "1667347200")],
        &["--url", &url, "--user", USER],
    );
    assert_eq!(
        headline(&later),
        "22 events: 0 added, 0 updated, 0 removed, 22 unchanged"
    );
    assert_eq!(server.snapshot(CAL), before);
}

#[test]
fn a_moved_visit_updates_its_event_and_no_other() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    let before = server.snapshot(CAL);
    ws.edit(
        "id = \"osaka-lunch\"\ndate = 2022-11-14\nstart = 12:00:00\nend = 13:00:00\n",
        "id = \"osaka-lunch\"\ndate = 2022-11-14\nstart = 12:30:00\nend = 13:30:00\n",
    );
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        "Updated: Lunch (Mon 14 Nov, 12:30–13:30)\n\
         22 events: 0 added, 1 updated, 0 removed, 21 unchanged\n"
    );
    let after = server.snapshot(CAL);
    let lunch = resource("osaka-lunch");
    let changed: Vec<&str> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.as_str())
        .collect();
    assert_eq!(changed, vec![lunch.as_str()]);
    let (_, body) = server.get(CAL, &lunch);
    assert_event_is_visit(&body, &ws.current(), "osaka-lunch");
}

#[test]
fn a_deleted_visit_removes_its_event() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    ws.remove_visit("atr");
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        "Removed: Advanced Telecommunications Research Institute International (ATR) \
         (Fri 18 Nov, 13:15–14:15)\n\
         21 events: 0 added, 0 updated, 1 removed, 21 unchanged\n"
    );
    assert_eq!(server.get(CAL, &resource("atr")).0, 404);
    assert_eq!(
        server.stored(CAL),
        names(|v| v.title != "Advanced Telecommunications Research Institute International (ATR)")
    );
}

const FOREIGN: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Phone//EN\r\n\
BEGIN:VEVENT\r\nUID:dentist-1234@phone\r\nDTSTAMP:20221101T000000Z\r\n\
DTSTART:20221118T090000Z\r\nDTEND:20221118T093000Z\r\nSUMMARY:Dentist\r\n\
END:VEVENT\r\nEND:VCALENDAR\r\n";

#[test]
fn an_event_itinera_did_not_publish_stays_even_with_force() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    assert_eq!(server.put(CAL, "dentist.ics", FOREIGN), 201);
    let (_, foreign_before) = server.get(CAL, "dentist.ics");
    ws.remove_visit("nict");
    let out = ws.publish(&["--url", &url, "--user", USER, "--force"]);
    let text = ok(&out);
    assert!(
        text.ends_with(
            "21 events: 0 added, 0 updated, 1 removed, 21 unchanged\n\
             1 other event in the calendar is not itinera's and was left alone.\n"
        ),
        "{text}"
    );
    assert_eq!(server.get(CAL, "dentist.ics"), (200, foreign_before));
    assert!(server.stored(CAL).contains(&"dentist.ics".to_string()));
}

#[test]
fn an_event_edited_on_the_server_is_reported_and_kept_and_force_overwrites_it() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    let atr = resource("atr");
    let (_, body) = server.get(CAL, &atr);
    let edited = body.replace(
        "SUMMARY:Advanced Telecommunications Research Institute International (ATR)",
        "SUMMARY:ATR (room 3\\, said the host)",
    );
    assert_ne!(edited, body, "the test edits the title");
    assert_eq!(server.put(CAL, &atr, &edited), 204, "replaced");
    let kept = server.get(CAL, &atr).1;

    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        format!(
            "Left as on the server: Advanced Telecommunications Research Institute International \
             (ATR) (Fri 18 Nov, 13:15–14:15) ({atr}): changed on the server since it was last \
             published; --force overwrites it\n\
             22 events: 0 added, 0 updated, 0 removed, 21 unchanged; 1 left as on the server\n"
        )
    );
    assert_eq!(server.get(CAL, &atr).1, kept, "the edit stays");

    let out = ws.publish(&["--url", &url, "--user", USER, "--force"]);
    assert_eq!(
        headline(&out),
        "22 events: 0 added, 1 updated, 0 removed, 21 unchanged"
    );
    assert_event_is_visit(&server.get(CAL, &atr).1, &ws.current(), "atr");
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        "22 events: 0 added, 0 updated, 0 removed, 22 unchanged\n"
    );
}

#[test]
fn an_event_deleted_on_the_server_is_reported_and_force_puts_it_back() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    assert_eq!(server.delete(CAL, &resource("edison")), 200);
    let out = ws.publish(&["--url", &url, "--user", USER]);
    let text = ok(&out);
    assert!(
        text.contains(
            ": deleted on the server since it was last published; --force puts it back\n"
        ),
        "{text}"
    );
    assert_eq!(server.get(CAL, &resource("edison")).0, 404);
    let out = ws.publish(&["--url", &url, "--user", USER, "--force"]);
    assert_eq!(
        headline(&out),
        "22 events: 1 added, 0 updated, 0 removed, 21 unchanged"
    );
    assert_event_is_visit(
        &server.get(CAL, &resource("edison")).1,
        &ws.current(),
        "edison",
    );
}

#[test]
fn a_dry_run_changes_nothing_on_the_server_nor_in_the_record() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    let out = ws.publish(&["--url", &url, "--user", USER, "--dry-run"]);
    let text = ok(&out);
    assert!(
        text.starts_with(&format!(
            "Dry run: nothing is changed on the server.\n\
             Would create the calendar {url}\n\
             Would add: Osaka Prefectural Government (Mon 14 Nov, 10:00–11:30)\n"
        )),
        "{text}"
    );
    assert_eq!(
        headline(&out),
        "22 events: 22 to add, 0 to update, 0 to remove, 0 unchanged"
    );
    assert!(!server.has_calendar(CAL), "no calendar was created");
    assert_eq!(ws.data_text(), "", "nothing was recorded");

    ok(&ws.publish(&["--url", &url, "--user", USER]));
    let before = server.snapshot(CAL);
    ws.edit(
        "start = 12:00:00\nend = 13:00:00\ntitle = \"Lunch\"\nkind = \"meal\"\ncity = \"Osaka\"",
        "start = 12:30:00\nend = 13:30:00\ntitle = \"Lunch\"\nkind = \"meal\"\ncity = \"Osaka\"",
    );
    ws.remove_visit("denken");
    let out = ws.publish(&["--url", &url, "--user", USER, "--dry-run"]);
    assert_eq!(
        ok(&out),
        "Dry run: nothing is changed on the server.\n\
         Would update: Lunch (Mon 14 Nov, 12:30–13:30)\n\
         Would remove: DENKEN telepresence robots (Wed 16 Nov, 11:30–12:45)\n\
         21 events: 0 to add, 1 to update, 1 to remove, 20 unchanged\n"
    );
    assert_eq!(server.snapshot(CAL), before);
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        headline(&out),
        "21 events: 0 added, 1 updated, 1 removed, 20 unchanged"
    );
}

#[test]
fn participant_publishes_only_the_visits_that_person_attends() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url("aura");
    let attends = |v: &itinera::domain::Visit| {
        v.participants
            .as_ref()
            .is_none_or(|ids| ids.iter().any(|id| id == "aura"))
    };
    let expected = names(attends);
    assert!(expected.len() < 22 && !expected.contains(&resource("kento")));
    let out = ws.publish(&["--url", &url, "--user", USER, "--participant", "aura"]);
    assert_eq!(
        headline(&out),
        format!(
            "{n} events: {n} added, 0 updated, 0 removed, 0 unchanged",
            n = expected.len()
        )
    );
    assert_eq!(server.stored("aura"), expected);
    let mission = mission_of(SAMPLE);
    let (_, body) = server.get("aura", &resource("osaka-government"));
    assert_event_is_visit(&body, &mission, "osaka-government");

    let out = ws.publish(&["--url", &url, "--user", USER, "--participant", "auraa"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no participant with id \"auraa\"")
            && stderr(&out).contains("did you mean \"aura\"?"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn with_the_record_lost_the_same_events_are_recognised_and_edited_ones_kept() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    ok(&ws.publish(&["--url", &url, "--user", USER]));
    let denken = resource("denken");
    let (_, body) = server.get(CAL, &denken);
    let edited = body.replace("STATUS:CONFIRMED", "STATUS:TENTATIVE");
    assert_ne!(edited, body, "the test edits the status");
    assert_eq!(server.put(CAL, &denken, &edited), 204);
    std::fs::remove_dir_all(ws.dir.path().join("data/itinera/publish")).expect("loses the record");

    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        format!(
            "Left as on the server: DENKEN telepresence robots (Wed 16 Nov, 11:30–12:45) \
             ({denken}): already on the server with other content, not published from this \
             computer; --force overwrites it\n\
             22 events: 0 added, 0 updated, 0 removed, 21 unchanged; 1 left as on the server\n"
        )
    );
    assert!(server.get(CAL, &denken).1.contains("STATUS:TENTATIVE"));
    // The 21 recognised are in the record again: a visit removed now is
    // removed from the calendar.
    ws.remove_visit("edison");
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        headline(&out),
        "21 events: 0 added, 0 updated, 1 removed, 20 unchanged; 1 left as on the server"
    );
    assert_eq!(server.get(CAL, &resource("edison")).0, 404);
}

#[test]
fn a_proxy_in_the_environment_is_not_used_for_this_computer() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url(CAL);
    // Nothing listens there: a request sent through it would fail.
    let proxy = format!("http://127.0.0.1:{}", free_port());
    let env: Vec<(&str, &str)> = ["ALL_PROXY", "HTTPS_PROXY", "HTTP_PROXY", "http_proxy"]
        .into_iter()
        .map(|name| (name, proxy.as_str()))
        .collect();
    let out = ws.publish_env(&env, &["--url", &url, "--user", USER]);
    assert_eq!(
        headline(&out),
        "22 events: 22 added, 0 updated, 0 removed, 0 unchanged"
    );
}
