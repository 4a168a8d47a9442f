//! The mission file's `[publish]` table: read with its problems, kept by
//! the planner's saves, and used by `itinera publish` when `--url` and
//! `--user` are not given.

mod common;
mod publish_support;

use common::{Planner, press, temporary_copy};
use itinera::domain::Publish;
use publish_support::*;
use ratatui::layout::Rect;

const HEAD: &str = "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-15\n";

/// `itinera check`'s lines for `text`, without the file name.
fn problems(text: &str) -> Vec<String> {
    let report = match itinera::file::parse(text) {
        Ok(parsed) => parsed.report,
        Err(report) => report,
    };
    report
        .render("m.toml", text)
        .lines()
        .map(|l| l.trim_start_matches("m.toml:").to_string())
        .collect()
}

#[test]
fn the_table_is_read_with_its_url_and_user() {
    let text = format!(
        "{HEAD}\n[publish]   # the delegation's calendar\nurl = \"https://dav.example.org/alice/japan/\"\nuser = \"alice\"\n"
    );
    let parsed = itinera::file::parse(&text).expect("valid");
    assert!(parsed.report.diagnostics.is_empty(), "{:?}", parsed.report);
    assert_eq!(
        parsed.mission.publish,
        Some(Publish {
            url: "https://dav.example.org/alice/japan/".into(),
            user: Some("alice".into()),
        })
    );
    assert_eq!(
        itinera::file::parse(HEAD).expect("valid").mission.publish,
        None
    );
}

#[test]
fn each_problem_of_the_table_is_reported_where_it_is() {
    let cases: &[(&str, &[&str])] = &[
        (
            "user = \"alice\"\n",
            &["6:1: error: [publish] is missing required field `url`"],
        ),
        (
            "url = \"dav.example.org/alice/japan/\"\n",
            &[
                "7:7: error: `url` is not a calendar URL: it must start with https:// (or http:// to this computer)",
            ],
        ),
        (
            "url = \"https://alice:hunter2@dav.example.org/alice/\"\n",
            &[
                "7:7: error: `url` is not a calendar URL: leave the user name and password out of the URL: write the user name as `user` in [publish]; the password never goes in the file",
            ],
        ),
        (
            "url = \"https://dav.example.org/a/\"\npassword = \"hunter2\"\n",
            &[
                "8:1: error: `password` does not belong in the mission file, which others read: remove it; publishing takes the password from ITINERA_PASSWORD or asks for it",
            ],
        ),
        (
            "url = \"http://dav.example.org/a/\"\nusre = \"alice\"\n",
            &[
                "7:7: warning: `url`: plain http:// to dav.example.org would send the password and the plan unencrypted; use https:// (`itinera publish` refuses it without --insecure-http)",
                "8:1: warning: unknown key `usre` in [publish] (did you mean `user`?); it is kept but not used",
            ],
        ),
        (
            "url = 5232\n",
            &["7:7: error: `url` must be a string, not an integer"],
        ),
        ("url = \"http://127.0.0.1:5232/alice/japan/\"\n", &[]),
    ];
    for (table, expected) in cases {
        let text = format!("{HEAD}[publish]\n{table}");
        assert_eq!(problems(&text), *expected, "{table}");
    }
    assert_eq!(
        problems(&HEAD.replace(
            "format = 1\n",
            "format = 1\npublish = \"https://dav.example.org/\"\n"
        )),
        ["2:11: error: `publish` must be a table, written [publish], not a string"]
    );
}

#[test]
fn an_edit_saved_by_the_planner_keeps_the_table_byte_for_byte() {
    let path = temporary_copy("tests/fixtures/valid/small.toml");
    let table = "\n[publish] # shared with the delegation\nuser = 'rossi'   # the manager\nurl  = \"https://dav.example.org/rossi/kyoto/\"\n";
    let original = std::fs::read_to_string(&path).expect("reads");
    let text = original.replacen("\n[[days]]", &format!("{table}\n[[days]]"), 1);
    std::fs::write(&path, &text).expect("writes");
    let mut app = Planner::load(&path, None);
    press(&mut app, &["l", "<", "ctrl-s"], Rect::new(0, 0, 120, 40));
    let saved = std::fs::read_to_string(&path).expect("reads");
    assert_ne!(saved, text, "the move was saved");
    assert!(saved.contains(&format!("{table}\n[[days]]")), "{saved}");
}

#[test]
fn publish_without_url_uses_the_table_and_says_how_to_add_one() {
    let ws = Workspace::new();
    let out = ws.publish(&[]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        format!(
            "error: no calendar to publish to: give --url URL, or add a [publish] table with \
             the calendar's `url` (and `user`) to {}\n",
            ws.mission().display()
        )
    );
    let server = Server::start();
    ws.edit(
        "\n# --- Days",
        &format!(
            "\n[publish]\nurl = \"{}\"\nuser = \"{USER}\"\n\n# --- Days",
            server.url("japan")
        ),
    );
    let out = ws.publish(&[]);
    assert_eq!(
        headline(&out),
        "22 events: 22 added, 0 updated, 0 removed, 0 unchanged"
    );
    assert_eq!(server.stored("japan").len(), 22);
    // --url and --user still win over the table.
    let out = ws.publish(&["--url", &server.url("other"), "--user", USER]);
    assert_eq!(
        headline(&out),
        "22 events: 22 added, 0 updated, 0 removed, 0 unchanged"
    );
    assert_eq!(server.stored("other").len(), 22);
}

#[test]
fn a_password_file_without_any_user_is_refused() {
    let ws = Workspace::new();
    let file = ws.dir.path().join("pw");
    std::fs::write(&file, "secret\n").expect("writes");
    let file = file.to_string_lossy().into_owned();
    let out = ws.publish(&["--url", "http://127.0.0.1:9/a/b/", "--password-file", &file]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "error: --password-file needs a user name: give --user NAME, or set `user` in the \
         mission's [publish] table\n"
    );
}
