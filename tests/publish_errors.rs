//! `itinera publish` when it cannot publish: a refused login, a server
//! that is not running, plain http to another computer, and servers that
//! answer wrongly (no TLS, no answer, bad XML, an unexpected status). Each
//! gives one clear line on stderr and a non-zero exit, and never shows
//! the password.

mod publish_support;

use std::io::{Read, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::time::Duration;

use publish_support::*;

const WRONG: &str = "wrong-Horse-77";

#[test]
fn a_wrong_password_is_a_refused_login_and_is_never_shown() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url("japan");
    let out = ws.publish_with_password(WRONG, &["--url", &url, "--user", USER]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        format!(
            "error: the server refused the login of \"{USER}\" at {url} (401 Unauthorized): \
             check the user name and the password\n"
        )
    );
    // The first line of --password-file comes before ITINERA_PASSWORD
    // (which holds the right one here).
    let file = ws.dir.path().join("password");
    std::fs::write(&file, format!("{WRONG}\nsecond line\n")).expect("writes the file");
    let file = file.to_string_lossy().into_owned();
    let by_file = ws.publish(&["--url", &url, "--user", USER, "--password-file", &file]);
    assert_eq!(by_file.status.code(), Some(3));
    assert!(
        stderr(&by_file).contains("refused the login"),
        "{}",
        stderr(&by_file)
    );
    for out in [&out, &by_file] {
        assert!(!stdout(out).contains(WRONG) && !stderr(out).contains(WRONG));
    }
    assert!(!ws.data_text().contains(WRONG));
    assert!(!server.has_calendar("japan"));
}

#[test]
fn no_login_where_one_is_needed_says_to_give_one() {
    let server = Server::start();
    let ws = Workspace::new();
    let url = server.url("japan");
    let out = ws.publish(&["--url", &url]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "error: the server at {url} asks for a login (401 Unauthorized): give --user, and \
             the password with --password-file or ITINERA_PASSWORD\n"
        )
    );
    // The principal's folder is no calendar.
    let folder = format!("http://127.0.0.1:{}/{USER}/", server.port);
    let out = ws.publish(&["--url", &folder, "--user", USER]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "error: {folder} is a folder but not a calendar: give the URL of a calendar in it, \
             or of a new one to create (for example {folder}itinera/)\n"
        )
    );
}

#[test]
fn a_stopped_server_is_a_clear_error() {
    let mut server = Server::start();
    let url = server.url("japan");
    server.stop();
    let ws = Workspace::new();
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!(
            "error: cannot reach the server for {url}: nothing is listening there (connection \
             refused)\n"
        )
    );
}

#[test]
fn plain_http_to_another_computer_is_refused_without_insecure_http() {
    let ws = Workspace::new();
    let url = "http://192.0.2.10:5232/alice/japan/";
    let out = ws.publish(&["--url", url, "--user", USER]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: refusing plain http:// to 192.0.2.10: the password and the events would cross \
         the network unencrypted; use https://, or --insecure-http for a server you trust\n"
    );
    // With it, itinera tries (and here finds no server in time).
    let out = ws.publish(&[
        "--url",
        url,
        "--user",
        USER,
        "--insecure-http",
        "--timeout",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(!stderr(&out).contains("refusing"), "{}", stderr(&out));
}

/// A server on 127.0.0.1 that answers every connection with `reply`
/// once the client has said something, or, with `None`, never answers.
fn fake_server(reply: Option<&'static str>) -> u16 {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("binds");
    let port = listener.local_addr().expect("an address").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            std::thread::spawn(move || {
                // The first bytes of the request (or of a TLS handshake).
                let mut first = [0u8; 4096];
                let _ = stream.read(&mut first);
                match reply {
                    Some(reply) => {
                        let _ = stream.write_all(reply.as_bytes());
                    }
                    None => std::thread::sleep(Duration::from_secs(10)),
                }
            });
        }
    });
    port
}

fn reply(status: &str, body: &str) -> &'static str {
    let text = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{body}",
        body.len()
    );
    Box::leak(text.into_boxed_str())
}

#[test]
fn a_server_without_tls_on_an_https_url_is_a_tls_failure() {
    let port = fake_server(Some(reply("400 Bad Request", "")));
    let ws = Workspace::new();
    let url = format!("https://127.0.0.1:{port}/alice/japan/");
    let out = ws.publish(&["--url", &url, "--user", USER]);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        stderr(&out).starts_with(&format!(
            "error: the secure (TLS) connection for {url} failed: "
        )),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_server_that_does_not_answer_is_a_timeout() {
    let port = fake_server(None);
    let ws = Workspace::new();
    let url = format!("http://127.0.0.1:{port}/alice/japan/");
    let out = ws.publish(&["--url", &url, "--user", USER, "--timeout", "1"]);
    assert_eq!(out.status.code(), Some(3));
    assert_eq!(
        stderr(&out),
        format!("error: the server did not answer in time for {url} (timeout: 1 s)\n")
    );
}

#[test]
fn a_malformed_or_unexpected_reply_is_a_clear_error() {
    let cases = [
        (
            reply("207 Multi-Status", "<multistatus xmlns=\"DAV:\"><response>"),
            "cannot be understood: the XML cannot be read: ",
        ),
        (
            reply("207 Multi-Status", "<html><body>Welcome</body></html>"),
            "cannot be understood: expected a DAV multistatus, got <html>\n",
        ),
        (
            reply("500 Internal Server Error", "oops"),
            "with 500 Internal Server Error\n",
        ),
    ];
    for (answer, says) in cases {
        let port = fake_server(Some(answer));
        let ws = Workspace::new();
        let url = format!("http://127.0.0.1:{port}/alice/japan/");
        let out = ws.publish(&["--url", &url, "--user", USER]);
        assert_eq!(out.status.code(), Some(3), "{says}");
        let err = stderr(&out);
        assert!(err.starts_with("error: the server"), "{err}");
        assert!(err.contains(&format!("PROPFIND {url}")), "{err}");
        assert!(err.contains(says), "{says}: {err}");
        assert!(!err.contains(PASSWORD), "{err}");
    }
}

#[test]
fn without_a_password_or_a_terminal_to_ask_on_it_says_how_to_give_one() {
    use std::os::unix::process::CommandExt as _;
    let ws = Workspace::new();
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_itinera"));
    command
        .arg("publish")
        .arg(ws.mission())
        .args(["--url", "http://127.0.0.1:9/alice/japan/", "--user", USER])
        .env("XDG_DATA_HOME", ws.dir.path().join("data"))
        .env_remove("ITINERA_PASSWORD")
        .stdin(std::process::Stdio::null());
    // SAFETY: setsid is async-signal-safe; the child leaves the
    // terminal, so it has none to ask on (and a test never waits on one).
    unsafe {
        command.pre_exec(|| rustix::process::setsid().map(|_| ()).map_err(Into::into));
    }
    let out = command.output().expect("runs itinera");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!(
            "error: no password for \"{USER}\": give --password-file FILE or set \
             ITINERA_PASSWORD (there is no terminal to ask on)\n"
        )
    );
}
