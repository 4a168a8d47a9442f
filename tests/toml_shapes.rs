//! How the reader tells TOML's shapes apart (a table written `[mission]`,
//! with dotted keys or inline; `[[visits]]` or an inline array; numbers too
//! large for TOML) and shows values in messages: every problem, line,
//! column and message byte for byte.

macro_rules! head {
    () => {
        "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n"
    };
}

/// (file text, every problem as `LINE:COL: SEVERITY: MESSAGE`)
const CASES: &[(&str, &[&str])] = &[
    // Numbers a TOML reader cannot hold are TOML errors, wherever they are.
    (
        concat!(head!(), "x = 99999999999999999999\n"),
        &["6:5: error: invalid TOML: integer number overflowed"],
    ),
    (
        concat!(head!(), "x = [1, -9223372036854775809]\n"),
        &["6:9: error: invalid TOML: integer number overflowed"],
    ),
    (
        concat!(head!(), "x = { y = 0xFFFFFFFFFFFFFFFFFF }\n"),
        &["6:11: error: invalid TOML: integer number overflowed"],
    ),
    (
        concat!(head!(), "x = 1e400\ny = 2e400\n"),
        &["6:5: error: invalid TOML: floating-point number overflowed"],
    ),
    (
        concat!(head!(), "x = -1e400\n"),
        &["6:5: error: invalid TOML: floating-point number overflowed"],
    ),
    (
        concat!(head!(), "x = inf\ny = -inf\nz = nan\n"),
        &[
            "6:1: warning: unknown key `x` in [mission]; it is kept but not used",
            "7:1: warning: unknown key `y` in [mission]; it is kept but not used",
            "8:1: warning: unknown key `z` in [mission]; it is kept but not used",
        ],
    ),
    (
        "format = 99999999999999999999\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["1:10: error: invalid TOML: integer number overflowed"],
    ),
    (
        concat!(head!(), "x = 99999999999999999999\ny = \"unclosed\n"),
        &["7:14: error: invalid TOML: invalid basic string, expected `\"`"],
    ),
    (
        concat!(
            head!(),
            "x = 9223372036854775807\ny = -9223372036854775808\n"
        ),
        &[
            "6:1: warning: unknown key `x` in [mission]; it is kept but not used",
            "7:1: warning: unknown key `y` in [mission]; it is kept but not used",
        ],
    ),
    // `[mission]` written as dotted keys, as an inline table, or implied by a
    // sub-table header.
    (
        "format = 1\nmission.title = \"T\"\nmission.start = 2022-11-14\n",
        &["2:1: error: [mission] is missing required field `end`"],
    ),
    (
        "format = 1\nmission = { title = \"T\", start = 2022-11-14, end = 2022-11-18 }\n",
        &["2:11: error: `mission` must be a table, written [mission], not an inline table"],
    ),
    (
        "format = 1\n[mission.extra]\nx = 1\n",
        &[
            "2:2: error: [mission] is missing required field `title`",
            "2:2: error: [mission] is missing required field `start`",
            "2:2: error: [mission] is missing required field `end`",
            "2:10: warning: unknown key `extra` in [mission]; it is kept but not used",
        ],
    ),
    (
        "format = 1\n[mission.extra]\nx = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:10: warning: unknown key `extra` in [mission]; it is kept but not used"],
    ),
    // `[[visits]]` written any other way.
    (
        "format = 1\nvisits = [{ title = \"A\", date = 2022-11-14 }]\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:10: error: `visits` must be tables written [[visits]], not an array"],
    ),
    (
        "format = 1\nvisits = [[1], [2]]\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:10: error: `visits` must be tables written [[visits]], not an array"],
    ),
    (
        "format = 1\nvisits = []\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:10: error: `visits` must be tables written [[visits]], not an array"],
    ),
    (
        "format = 1\nvisits = \"no\"\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:10: error: `visits` must be tables written [[visits]], not a string"],
    ),
    (
        "format = 1\nvisits.title = \"A\"\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n",
        &["2:1: error: `visits` must be tables written [[visits]], not a table"],
    ),
    (
        concat!(head!(), "[visits.sub]\nx = 1\n"),
        &["6:2: error: `visits` must be tables written [[visits]], not a table"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nextra.x = 1\n[visits.more]\ny = 2\n"
        ),
        &[
            "9:1: warning: unknown key `extra` in [[visits]]; it is kept but not used",
            "10:9: warning: unknown key `more` in [[visits]]; it is kept but not used",
        ],
    ),
    // Values shown as written, and the kind of each value named.
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nstart = 23:59:60\n"
        ),
        &["9:9: error: invalid time 23:59:60 for `start`: expected HH:MM, like 09:30"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nstart = '9h30'\n"
        ),
        &["9:9: error: invalid time \"9h30\" for `start`: expected HH:MM, like 09:30"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nstart = \"9h\\\"30\"\n"
        ),
        &["9:9: error: invalid time '9h\"30' for `start`: expected HH:MM, like 09:30"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nstart = \"\"\"\n9h30\"\"\"\n"
        ),
        &["9:9: error: invalid time \"9h30\" for `start`: expected HH:MM, like 09:30"],
    ),
    (
        concat!(head!(), "[[visits]]\ntitle = \"A\"\ndate = '14 nov'\n"),
        &["8:8: error: invalid date \"14 nov\" for `date`: expected YYYY-MM-DD, like 2022-11-14"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nend = 1979-05-27T07:32:00Z\n"
        ),
        &[
            "9:7: error: `end` must be a time like 09:30, not a date-time; the date goes in `end_date`",
        ],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\nstart = 1979-05-27 07:32\n"
        ),
        &[
            "9:9: error: `start` must be a time like 09:30, not a date-time; the date goes in `date`",
        ],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\ntags = [1, 2.5, true, 10:00, 2022-11-14, [1], { a = 1 }, 'ok']\n"
        ),
        &[
            "9:9: error: `tags` must be a list of strings; this item is an integer",
            "9:12: error: `tags` must be a list of strings; this item is a float",
            "9:17: error: `tags` must be a list of strings; this item is a boolean",
            "9:23: error: `tags` must be a list of strings; this item is a datetime",
            "9:30: error: `tags` must be a list of strings; this item is a datetime",
            "9:42: error: `tags` must be a list of strings; this item is an array",
            "9:47: error: `tags` must be a list of strings; this item is an inline table",
        ],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"A\"\ndate = 2022-11-14\ntitle2 = 1\n\"quoted key\" = 2\n'lit' = 3\nb.c = 4\n"
        ),
        &[
            "9:1: warning: unknown key `title2` in [[visits]] (did you mean `title`?); it is kept but not used",
            "10:1: warning: unknown key `quoted key` in [[visits]]; it is kept but not used",
            "11:1: warning: unknown key `lit` in [[visits]]; it is kept but not used",
            "12:1: warning: unknown key `b` in [[visits]]; it is kept but not used",
        ],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = { x = 1 }\ndate = [2022-11-14]\nkind = 1.5\nstatus = false\n"
        ),
        &[
            "7:9: error: `title` must be a string, not an inline table",
            "8:8: error: `date` must be a date like 2022-11-14, not an array",
            "9:8: error: `kind` must be a string, not a float",
            "10:10: error: `status` must be a string, not a boolean",
        ],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\n[visits.title]\nx = 1\n[[visits.date]]\n"
        ),
        &[
            "7:1: error: `title` must be a string, not a table",
            "9:1: error: `date` must be a date like 2022-11-14, not an array of tables",
        ],
    ),
    (
        concat!(head!(), "summary = \"\"\"\r\nline\r\n\"\"\"\n"),
        &[],
    ),
    // Wrong shapes at the top level, blank text, and keys in file order.
    (
        "format = \"1\"\nmission = 5\ndays = 1\nparticipants = {}\n",
        &[
            "1:10: error: `format` must be an integer, not a string",
            "2:11: error: `mission` must be a table, written [mission], not an integer",
            "3:8: error: `days` must be tables written [[days]], not an integer",
            "4:16: error: `participants` must be tables written [[participants]], not an inline table",
        ],
    ),
    (
        "format = 1\n[[mission]]\ntitle = \"A\"\n[[mission]]\ntitle = \"B\"\n",
        &["2:1: error: `mission` must be a table, written [mission], not an array of tables"],
    ),
    (
        concat!(
            head!(),
            "[[visits]]\ntitle = \"\"\ndate = 2022-11-14\nid = \"  \"\n"
        ),
        &[
            "7:9: error: `title` must not be empty",
            "9:6: error: invalid visit id \"  \": use letters, digits, '-' and '_'",
        ],
    ),
    (
        concat!(head!(), "zeta = 1\nalpha = 2\nmid = 3\n"),
        &[
            "6:1: warning: unknown key `zeta` in [mission]; it is kept but not used",
            "7:1: warning: unknown key `alpha` in [mission]; it is kept but not used",
            "8:1: warning: unknown key `mid` in [mission]; it is kept but not used",
        ],
    ),
];

fn report(text: &str) -> Vec<String> {
    let report = match itinera::file::parse(text) {
        Ok(parsed) => parsed.report,
        Err(report) => report,
    };
    report
        .render("F", text)
        .lines()
        .map(|l| l.trim_start_matches("F:").to_string())
        .collect()
}

#[test]
fn each_shape_gets_its_exact_problems() {
    let mut wrong = Vec::new();
    for (text, expected) in CASES {
        let got = report(text);
        if got != *expected {
            wrong.push(format!(
                "{text:?}\n  expected {expected:#?}\n  got {got:#?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
