//! The real binary in a pseudo-terminal: what a person sees when they run
//! `itinera`, and that the terminal is handed back intact.

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
    raw: Vec<u8>,
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
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
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
            raw: Vec::new(),
        }
    }

    fn pump(&mut self, wait: Duration) {
        if let Ok(bytes) = self.output.recv_timeout(wait) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `text`, failing after ten seconds.
    fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + Duration::from_secs(10);
        while !self.screen().contains(text) {
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {text:?}; screen:\n{}",
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
                // Drain what is left.
                while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(100)) {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
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

#[test]
fn opens_the_sample_and_quits_cleanly() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::start(&[SAMPLE], home.path());
    session.wait_for("Osaka Prefectural Government");
    let screen = session.screen();
    assert!(screen.contains("Clust-ER Health in Japan"));
    assert!(screen.contains("Monday 14 November · Osaka"));
    assert!(screen.contains("Sauro Vicini"));
    assert!(
        session.parser.screen().alternate_screen(),
        "drawn on the alternate screen"
    );

    session.send("l");
    session.wait_for("Tuesday 15 November · Oita");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    assert!(
        !session.parser.screen().alternate_screen(),
        "the alternate screen is left on exit"
    );
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(raw.contains("\x1b[?1000h"), "mouse reporting was turned on");
    let after_on = raw.rfind("\x1b[?1000h").expect("turned on");
    assert!(
        raw[after_on..].contains("\x1b[?1000l"),
        "mouse reporting is turned off again"
    );
}

#[test]
fn first_run_opens_a_copy_of_the_sample_then_remembers_it() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::start(&[], home.path());
    session.wait_for("First run: opened a copy of the sample mission");
    assert!(session.screen().contains("Osaka Prefectural Government"));
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let copy = home
        .path()
        .join("data/itinera/clust-er-health-japan-2022.toml");
    assert!(copy.exists(), "the sample was copied to the data directory");

    let mut session = Session::start(&[], home.path());
    session.wait_for("Osaka Prefectural Government");
    assert!(
        !session.screen().contains("First run"),
        "the second run opens the remembered mission without the first-run note"
    );
    session.send("\x03");
    assert_eq!(session.wait_exit(), 0, "Ctrl-C quits");
}

#[test]
fn a_file_with_errors_prints_them_and_leaves_the_terminal_alone() {
    let home = tempfile::tempdir().expect("tempdir");
    let bad = home.path().join("bad.toml");
    std::fs::write(
        &bad,
        "format = 1\n[mission]\ntitle = 5\nstart = 2022-11-14\nend = 2022-11-18\n",
    )
    .expect("write");
    let path = bad.to_string_lossy().into_owned();
    let mut session = Session::start(&[&path], home.path());
    assert_eq!(session.wait_exit(), 1);
    let raw = String::from_utf8_lossy(&session.raw);
    assert!(
        raw.contains(&format!(
            "{path}:3:9: error: `title` must be a string, not an integer"
        )),
        "{raw}"
    );
    assert!(
        !raw.contains("\x1b[?1049h"),
        "the alternate screen was never entered"
    );
}
