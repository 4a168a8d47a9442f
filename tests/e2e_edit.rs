//! The real binary in a pseudo-terminal, editing and saving a copy of the
//! sample: what ends up in the file after a user moves a visit, edits its
//! title and presses Ctrl-S.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;
const SAMPLE: &str = "data/clust-er-health-japan-2022.toml";

/// A running itinera in a pseudo-terminal, with a screen emulator fed by
/// its output.
struct Session {
    /// Kept open for the session: closing it hangs up the terminal.
    _master: Box<dyn portable_pty::MasterPty + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    parser: vt100::Parser,
}

impl Session {
    fn start(args: &[&str], home: &Path) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_itinera"));
        cmd.args(args);
        cmd.cwd(home);
        cmd.env("TERM", "xterm-256color");
        cmd.env("XDG_DATA_HOME", home.join("data"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("HOME", home);
        let child = pty.slave.spawn_command(cmd).expect("spawn itinera");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            _master: pty.master,
            child,
            writer,
            output,
            parser: vt100::Parser::new(ROWS, COLS, 0),
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`, failing after ten seconds.
    fn wait_for(&mut self, text: &str) {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text));
    }

    /// Waits until `done` holds for the screen, failing after ten seconds.
    fn wait_until(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !done(&self.screen()) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what}; screen:\n{}",
                self.screen()
            );
            self.pump(Duration::from_millis(50));
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    /// Waits for the process to end and returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            self.pump(Duration::from_millis(20));
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                    self.parser.process(&bytes);
                }
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "itinera did not exit; screen:\n{}",
                self.screen()
            );
        }
    }
}

/// How many times each comment line occurs.
fn comment_lines(text: &str) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for line in text.lines() {
        if line.trim_start().starts_with('#') {
            *counts.entry(line.trim_end()).or_default() += 1;
        }
    }
    counts
}

/// The `[[visits]]` table that has `id = "ID"`, as text.
fn visit_table<'a>(text: &'a str, id: &str) -> &'a str {
    let at = text
        .find(&format!("id = \"{id}\""))
        .unwrap_or_else(|| panic!("visit {id} in the file"));
    let start = text[..at].rfind("[[visits]]").expect("table header");
    let end = text[at..]
        .find("\n[[")
        .map_or(text.len(), |offset| at + offset);
    &text[start..end]
}

#[test]
fn move_edit_and_save_in_the_real_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let path = home.path().join("japan.toml");
    let original = std::fs::read_to_string(SAMPLE).expect("sample");
    std::fs::write(&path, &original).expect("copy the sample");
    let arg = path.to_string_lossy().into_owned();

    let mut session = Session::start(&[&arg], home.path());
    session.wait_for("Monday 14 November · Osaka");
    session.wait_for("10:00–11:30   Osaka Prefectural");

    // J: the first visit trades places and time slots with Lunch.
    session.send("J");
    session.wait_for("11:30–13:00   Osaka Prefectural");
    assert!(
        session.screen().contains("10:00–11:00   Lunch"),
        "{}",
        session.screen()
    );
    session.send("e");
    session.wait_for("Edit visit");
    session.send("\x1b[F"); // End
    session.send(" (HQ)");
    session.wait_for("Osaka Prefectural Government (HQ)");
    session.send("\r");
    session.wait_until("Enter to apply the form", |s| !s.contains("Edit visit"));
    assert!(session.screen().contains("[+]"), "{}", session.screen());
    session.send("\x13"); // Ctrl-S
    session.wait_for("Saved");
    assert!(!session.screen().contains("[+]"), "{}", session.screen());
    session.send("q");
    assert_eq!(session.wait_exit(), 0, "quits without asking after a save");

    let saved = std::fs::read_to_string(&path).expect("the saved mission");
    assert_eq!(
        std::fs::read_to_string(home.path().join("japan.toml.bak")).expect("backup"),
        original,
        "the previous version is kept"
    );

    // The title changed.
    assert!(
        saved.contains("title = \"Osaka Prefectural Government (HQ)\""),
        "{saved}"
    );
    assert!(!saved.contains("title = \"Osaka Prefectural Government\"\n"));

    // Monday's first two visits traded places and time slots.
    let lunch = saved.find("id = \"osaka-lunch\"").expect("lunch");
    let government = saved.find("id = \"osaka-government\"").expect("government");
    let kento = saved.find("id = \"kento\"").expect("kento");
    assert!(
        lunch < government && government < kento,
        "Lunch is listed first now"
    );
    let heading = saved
        .find("# --- Monday 14 November: Osaka ---")
        .expect("heading comment");
    assert!(heading < lunch, "the day's heading stays above the day");
    let lunch_table = visit_table(&saved, "osaka-lunch");
    assert!(lunch_table.contains("start = 10:00"), "{lunch_table}");
    assert!(lunch_table.contains("end = 11:00"), "{lunch_table}");
    let government_table = visit_table(&saved, "osaka-government");
    assert!(
        government_table.contains("start = 11:30"),
        "{government_table}"
    );
    assert!(
        government_table.contains("end = 13:00"),
        "{government_table}"
    );
    assert!(
        government_table.contains("tags = [\"expo-2025\", \"government\"]"),
        "untouched keys keep their text:\n{government_table}"
    );

    // The file reads back as that plan.
    let loaded = itinera::file::load(&path).expect("the saved file loads");
    let monday: Vec<(String, String, String)> = loaded
        .parsed
        .mission
        .visits
        .iter()
        .filter(|v| v.date.to_string() == "2022-11-14")
        .map(|v| {
            let time = |t: Option<chrono::NaiveTime>| {
                t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default()
            };
            (v.title.clone(), time(v.start), time(v.end))
        })
        .collect();
    let expected = [
        ("Lunch", "10:00", "11:00"),
        ("Osaka Prefectural Government (HQ)", "11:30", "13:00"),
        (
            "Northern Osaka Health and Biomedical Innovation Town (KENTO)",
            "14:00",
            "15:30",
        ),
        ("NCVC Open Innovation Center (OIC)", "15:45", "17:00"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(monday, expected);

    // Every comment line of the sample is still there, as often as before.
    assert_eq!(comment_lines(&saved), comment_lines(&original));
    assert_eq!(
        saved.matches("# illustrative").count(),
        original.matches("# illustrative").count(),
        "end-of-line comments too"
    );
}
