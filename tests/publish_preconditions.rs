//! Every write of `itinera publish` carries a precondition, so a change
//! made on the server between its listing and its write is reported, not
//! overwritten. A recording server shows the headers sent and answers
//! each write "412 Precondition Failed", as a server does when the event
//! changed meanwhile.

mod publish_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::sync::{Arc, Mutex};

use publish_support::*;

const MISSION: &str = r#"format = 1

[mission]
title = "Trip"
start = 2022-11-14
end = 2022-11-14
timezone = "Asia/Tokyo"

[[visits]]
id = "lunch"
date = 2022-11-14
start = 12:00:00
end = 13:00:00
title = "Lunch"
"#;

/// The end of a reply's head: one request per connection.
const CLOSE: &str = "Connection: close\r\n\r\n";

/// A calendar at /alice/trip/ that holds `members` (name and ETag),
/// answers every PUT and DELETE with 412, and records each request's
/// method and headers.
fn recording_server(
    members: &'static [(&'static str, &'static str)],
) -> (u16, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("binds");
    let port = listener.local_addr().expect("an address").port();
    let requests = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&requests);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let mut reader = BufReader::new(stream);
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            let reply = if head.starts_with("PROPFIND") {
                let mut xml = String::from(
                    "<multistatus xmlns=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">\
                     <response><href>/alice/trip/</href><propstat><prop><resourcetype>\
                     <collection/><C:calendar/></resourcetype></prop>\
                     <status>HTTP/1.1 200 OK</status></propstat></response>",
                );
                for (name, etag) in members {
                    xml.push_str(&format!(
                        "<response><href>/alice/trip/{name}</href><propstat><prop>\
                         <resourcetype/><getetag>{etag}</getetag></prop>\
                         <status>HTTP/1.1 200 OK</status></propstat></response>"
                    ));
                }
                xml.push_str("</multistatus>");
                format!(
                    "207 Multi-Status\r\nContent-Length: {}\r\n{CLOSE}{xml}",
                    xml.len()
                )
            } else {
                format!("412 Precondition Failed\r\nContent-Length: 0\r\n{CLOSE}")
            };
            seen.lock().expect("the request list").push(head);
            let mut stream = reader.into_inner();
            let _ = stream.write_all(format!("HTTP/1.1 {reply}").as_bytes());
        }
    });
    (port, requests)
}

fn writes(requests: &Mutex<Vec<String>>) -> Vec<String> {
    requests
        .lock()
        .expect("the request list")
        .iter()
        .filter(|r| !r.starts_with("PROPFIND"))
        .cloned()
        .collect()
}

fn header<'a>(request: &'a str, name: &str) -> Option<&'a str> {
    request.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name).then(|| value.trim())
    })
}

#[test]
fn a_new_event_is_created_only_if_nothing_is_there_and_a_refusal_is_reported() {
    let (port, requests) = recording_server(&[]);
    let ws = Workspace::new();
    std::fs::write(ws.mission(), MISSION).expect("writes the mission");
    let url = format!("http://127.0.0.1:{port}/alice/trip/");
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(
        ok(&out),
        "Left as on the server: Lunch (Mon 14 Nov, 12:00–13:00) (lunch@trip.itinera.ics): \
         changed on the server while publishing; publish again to compare anew\n\
         1 event: 0 added, 0 updated, 0 removed, 0 unchanged; 1 left as on the server\n"
    );
    let writes = writes(&requests);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(writes[0].starts_with("PUT /alice/trip/lunch@trip.itinera.ics HTTP/1.1\r\n"));
    assert_eq!(header(&writes[0], "If-None-Match"), Some("*"));
    assert_eq!(header(&writes[0], "If-Match"), None);
}

#[test]
fn a_forced_overwrite_still_names_the_version_it_replaces() {
    let (port, requests) = recording_server(&[("lunch@trip.itinera.ics", "\"v7\"")]);
    let ws = Workspace::new();
    std::fs::write(ws.mission(), MISSION).expect("writes the mission");
    let url = format!("http://127.0.0.1:{port}/alice/trip/");
    let out = ws.publish(&["--url", &url, "--user", USER, "--force"]);
    assert_eq!(
        headline(&out),
        "1 event: 0 added, 0 updated, 0 removed, 0 unchanged; 1 left as on the server"
    );
    let writes = writes(&requests);
    assert_eq!(writes.len(), 1, "{writes:?}");
    assert!(writes[0].starts_with("PUT /alice/trip/lunch@trip.itinera.ics HTTP/1.1\r\n"));
    assert_eq!(header(&writes[0], "If-Match"), Some("\"v7\""));
    // Basic authentication, over the connection only.
    assert!(header(&writes[0], "Authorization").is_some_and(|v| v.starts_with("Basic ")));
}
