//! A real CalDAV server for the publish tests: Radicale, installed once
//! per target directory into `target/radicale-venv` (under a file lock,
//! since test binaries run in parallel), started per test on 127.0.0.1 on
//! a free port with its own storage folder and an htpasswd user.
//!
//! A test never skips: when Python or pip fails, it fails and says how to
//! get them.

#![allow(dead_code)]

mod events;

pub use events::*;

use std::fs::File;
use std::io::Read as _;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

pub const RADICALE_VERSION: &str = "3.9.0";
pub const USER: &str = "alice";
pub const PASSWORD: &str = "s3cret-Pa55";
pub const SAMPLE: &str = include_str!("../../data/clust-er-health-japan-2022.toml");
/// The slug in every UID of the sample.
pub const SLUG: &str = "clust-er-health-in-japan";

/// The target directory (the parent of `CARGO_TARGET_TMPDIR`).
fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

/// `target/radicale-venv/bin/radicale`, installed when missing.
pub fn radicale() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(install)
}

fn install() -> PathBuf {
    let target = target_dir();
    let venv = target.join("radicale-venv");
    let bin = venv.join("bin").join("radicale");
    let marker = venv.join(format!(".installed-radicale-{RADICALE_VERSION}"));
    std::fs::create_dir_all(&target).expect("the target directory");
    let lock = File::create(target.join("radicale-venv.lock")).expect("the install lock file");
    rustix::fs::flock(&lock, rustix::fs::FlockOperation::LockExclusive)
        .expect("locks the install lock file");
    if marker.exists() && bin.exists() {
        return bin;
    }
    let how = "install Python 3 with its venv module (Debian: apt-get install python3 \
               python3-venv) and let pip reach PyPI, then run the tests again";
    let venv_arg = venv.to_string_lossy().into_owned();
    run_or_fail(
        Command::new("python3").args(["-m", "venv", "--clear", &venv_arg]),
        &format!("`python3 -m venv {venv_arg}` failed; {how}"),
    );
    run_or_fail(
        Command::new(venv.join("bin").join("pip")).args([
            "install",
            "--quiet",
            "--disable-pip-version-check",
            &format!("radicale=={RADICALE_VERSION}"),
        ]),
        &format!("`pip install radicale=={RADICALE_VERSION}` failed; {how}"),
    );
    assert!(bin.exists(), "pip installed no {}; {how}", bin.display());
    std::fs::write(&marker, "").expect("writes the install marker");
    bin
}

fn run_or_fail(command: &mut Command, message: &str) {
    match command.stdin(Stdio::null()).output() {
        Ok(out) if out.status.success() => {}
        Ok(out) => panic!(
            "cannot install Radicale for the publish tests: {message}\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
        Err(err) => panic!("cannot install Radicale for the publish tests: {message} ({err})"),
    }
}

/// A free TCP port on 127.0.0.1 (free when this returns).
pub fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Polls `port` until it accepts, for up to 30 s, or until the server
/// exits.
fn wait_until_listening(child: &mut Child, port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        // A connection to a port nobody listens on can meet itself (the
        // kernel may pick the same port as its source): that is no server.
        let connected = TcpStream::connect((Ipv4Addr::LOCALHOST, port))
            .is_ok_and(|s| s.local_addr().ok() != s.peer_addr().ok());
        if connected {
            return true;
        }
        if matches!(child.try_wait(), Ok(Some(_))) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A Radicale server of its own, stopped when dropped.
pub struct Server {
    child: Option<Child>,
    pub port: u16,
    pub dir: tempfile::TempDir,
}

impl Server {
    pub fn start() -> Server {
        let bin = radicale();
        let dir = tempfile::tempdir().expect("a storage folder");
        let users = dir.path().join("users");
        std::fs::write(&users, format!("{USER}:{PASSWORD}\n")).expect("writes the users");
        let mut last_log = String::new();
        // The port is free when chosen; another process could take it
        // before Radicale binds it, so try a few.
        for _ in 0..3 {
            let port = free_port();
            let log = dir.path().join("radicale.log");
            let child = Command::new(bin)
                .args(["--config", ""])
                .args(["--server-hosts", &format!("127.0.0.1:{port}")])
                .args(["--auth-type", "htpasswd"])
                .arg("--auth-htpasswd-filename")
                .arg(&users)
                .args(["--auth-htpasswd-encryption", "plain"])
                .arg("--storage-filesystem-folder")
                .arg(dir.path().join("storage"))
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(File::create(&log).expect("the log file"))
                .spawn()
                .expect("starts radicale");
            let mut child = child;
            if wait_until_listening(&mut child, port) {
                return Server {
                    child: Some(child),
                    port,
                    dir,
                };
            }
            let _ = child.kill();
            let _ = child.wait();
            last_log = std::fs::read_to_string(&log).unwrap_or_default();
        }
        panic!("Radicale did not start:\n{last_log}");
    }

    /// Stops the server; nothing listens on its port afterwards.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// The URL of calendar `name` of the test user.
    pub fn url(&self, name: &str) -> String {
        format!("http://127.0.0.1:{}/{USER}/{name}/", self.port)
    }

    /// The names of the resources stored in calendar `name`, read from
    /// Radicale's storage folder (not through itinera's own listing).
    pub fn stored(&self, name: &str) -> Vec<String> {
        let dir = self
            .dir
            .path()
            .join("storage/collection-root")
            .join(USER)
            .join(name);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Vec::new();
        };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| !n.starts_with('.'))
            .collect();
        names.sort();
        names
    }

    /// Whether calendar `name` exists in the storage folder.
    pub fn has_calendar(&self, name: &str) -> bool {
        self.dir
            .path()
            .join("storage/collection-root")
            .join(USER)
            .join(name)
            .is_dir()
    }

    fn agent() -> ureq::Agent {
        ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into()
    }

    fn auth() -> String {
        use base64::Engine as _;
        let token = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"));
        format!("Basic {token}")
    }

    /// GET of resource `resource` in calendar `name`: status and body.
    pub fn get(&self, name: &str, resource: &str) -> (u16, String) {
        let url = format!("{}{resource}", self.url(name));
        let mut response = Self::agent()
            .get(&url)
            .header("Authorization", Self::auth())
            .call()
            .expect("GET reaches the server");
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_string().unwrap_or_default();
        (status, body)
    }

    /// PUT of `body` as resource `resource` in calendar `name`, as another
    /// calendar program would: the status.
    pub fn put(&self, name: &str, resource: &str, body: &str) -> u16 {
        let url = format!("{}{resource}", self.url(name));
        Self::agent()
            .put(&url)
            .header("Authorization", Self::auth())
            .header("Content-Type", "text/calendar")
            .send(body)
            .expect("PUT reaches the server")
            .status()
            .as_u16()
    }

    /// DELETE of resource `resource` in calendar `name`: the status.
    pub fn delete(&self, name: &str, resource: &str) -> u16 {
        let url = format!("{}{resource}", self.url(name));
        Self::agent()
            .delete(&url)
            .header("Authorization", Self::auth())
            .call()
            .expect("DELETE reaches the server")
            .status()
            .as_u16()
    }

    /// The bytes of every stored resource of calendar `name`, to compare
    /// before and after.
    pub fn snapshot(&self, name: &str) -> Vec<(String, String)> {
        self.stored(name)
            .into_iter()
            .map(|resource| {
                let (_, body) = self.get(name, &resource);
                (resource, body)
            })
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A mission file and a data directory of the test's own.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    /// With the sample as `mission.toml`.
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("mission.toml"), SAMPLE).expect("writes the mission");
        std::fs::create_dir_all(dir.path().join("data")).expect("data dir");
        Workspace { dir }
    }

    pub fn mission(&self) -> PathBuf {
        self.dir.path().join("mission.toml")
    }

    /// Replaces `from` by `to` in the mission file (exactly once).
    pub fn edit(&self, from: &str, to: &str) {
        let text = std::fs::read_to_string(self.mission()).expect("reads the mission");
        assert_eq!(text.matches(from).count(), 1, "{from:?} occurs once");
        std::fs::write(self.mission(), text.replacen(from, to, 1)).expect("writes the mission");
    }

    /// Removes the `[[visits]]` table of visit `id` from the mission file.
    pub fn remove_visit(&self, id: &str) {
        let text = std::fs::read_to_string(self.mission()).expect("reads the mission");
        let tables: Vec<&str> = text.split("\n[[visits]]\n").collect();
        let line = format!("id = \"{id}\"\n");
        assert_eq!(tables.iter().filter(|t| t.starts_with(&line)).count(), 1);
        let kept: Vec<&str> = tables
            .into_iter()
            .filter(|t| !t.starts_with(&line))
            .collect();
        std::fs::write(self.mission(), kept.join("\n[[visits]]\n")).expect("writes the mission");
    }

    /// The mission as the file now has it.
    pub fn current(&self) -> itinera::domain::Mission {
        mission_of(&std::fs::read_to_string(self.mission()).expect("reads the mission"))
    }

    /// `itinera publish mission.toml ARGS` with the test user, the
    /// password in `ITINERA_PASSWORD`, a fixed DTSTAMP and the workspace's
    /// data directory.
    pub fn publish(&self, args: &[&str]) -> Output {
        self.publish_with_password(PASSWORD, args)
    }

    pub fn publish_with_password(&self, password: &str, args: &[&str]) -> Output {
        self.publish_env(&[("ITINERA_PASSWORD", password)], args)
    }

    /// As [`Workspace::publish`], with these environment variables set too
    /// (after the others, so they win).
    pub fn publish_env(&self, env: &[(&str, &str)], args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_itinera"))
            .arg("publish")
            .arg(self.mission())
            .args(args)
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("ITINERA_PASSWORD", PASSWORD)
            .env("SOURCE_DATE_EPOCH", "1667260800")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .expect("runs itinera")
    }

    /// Everything in the data directory, as text.
    pub fn data_text(&self) -> String {
        let mut text = String::new();
        let mut dirs = vec![self.dir.path().join("data")];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else if let Ok(mut file) = File::open(&path) {
                    let _ = file.read_to_string(&mut text);
                }
            }
        }
        text
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Asserts the run succeeded and returns its standard output.
pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status.code(),
        stdout(out),
        stderr(out)
    );
    stdout(out)
}

/// The last line of the report: the headline.
pub fn headline(out: &Output) -> String {
    ok(out)
        .lines()
        .rfind(|l| l.contains(" events: ") || l.contains(" event: "))
        .unwrap_or_default()
        .to_string()
}

/// The resource name of the sample's visit `id`.
pub fn resource(id: &str) -> String {
    format!("{id}@{SLUG}.itinera.ics")
}
