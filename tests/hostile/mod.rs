//! Hostile mission files too big or too odd to keep in the repository,
//! made by the tests that use them: nesting 100,000 deep, arrays of
//! 100,000 elements, files at and over the size limit (sparse, so they
//! cost no disk), and paths that are not regular files (a pipe, a
//! directory, links to devices, to nothing and in a loop, a socket, a file
//! nobody may read). Each with what itinera says about it.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The mission's first lines: the problems below are on line 6 or later.
pub const HEAD: &str =
    "format = 1\n[mission]\ntitle = \"T\"\nstart = 2022-11-14\nend = 2022-11-18\n";

const PEOPLE: &str = "[[participants]]\nid = \"vicini\"\nname = \"Sauro Vicini\"\n";

/// A generated file and what `check` prints for it.
pub struct Generated {
    pub name: &'static str,
    pub path: PathBuf,
    /// The first problem lines, without the `FILE:` prefix (all of them
    /// when there are few).
    pub first: Vec<String>,
    /// The summary after `FILE: `.
    pub summary: &'static str,
}

/// How the bytes of a generated file are made.
enum Content {
    Text(String),
    /// `head`, then NUL bytes up to `len` bytes in all, without writing
    /// them (a sparse file, as a crash can leave one).
    Sparse {
        head: &'static str,
        len: u64,
    },
}

/// The largest file itinera reads (`file::source::MAX_FILE_BYTES`).
pub const LIMIT: u64 = 64 << 20;
/// The longest line (`file::source::MAX_LINE_BYTES`).
pub const LINE_LIMIT: usize = 1 << 20;

const DEEP: usize = 100_000;
const LONG: usize = 100_000;

fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut text = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    text.push_str(&open.repeat(depth));
    text.push_str(inner);
    text.push_str(&close.repeat(depth));
    text
}

fn list(n: usize, item: impl Fn(usize) -> String) -> String {
    let mut text = String::from("[");
    for i in 0..n {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&item(i));
    }
    text.push(']');
    text
}

fn visit(extra: &str) -> String {
    format!("{PEOPLE}[[visits]]\ndate = 2022-11-14\ntitle = \"Lunch\"\n{extra}\n")
}

const NESTED: &str = "error: invalid TOML: values nested more than 80 deep (arrays or inline tables inside each other)";
const LONG_KEY: &str = "error: invalid TOML: a key of more than 80 dotted parts";

/// (name, content, first lines, summary)
fn cases() -> Vec<(&'static str, Content, Vec<String>, &'static str)> {
    let at = |place: &str, message: &str| vec![format!("{place}: {message}")];
    let text = |body: String| Content::Text(format!("{HEAD}{body}"));
    let dotted = |n: usize| format!("a{}", ".a".repeat(n));
    vec![
        // --- Nesting: the reader stops at 80 levels, without recursing
        // deeper (a stack overflow would kill the process).
        (
            "deep_arrays",
            text(format!("a = {}\n", nested("[", "", "]", DEEP))),
            at("6:85", NESTED),
            "1 error",
        ),
        (
            "deep_inline_tables",
            text(format!("a = {}\n", nested("{ b = ", "1", " }", DEEP))),
            at("6:485", NESTED),
            "1 error",
        ),
        (
            "deep_arrays_of_inline_tables",
            text(format!("a = {}\n", nested("[{ b = ", "1", " }]", DEEP / 2))),
            at("6:285", NESTED),
            "1 error",
        ),
        (
            "deep_arrays_never_closed",
            text(format!("a = {}\n", "[".repeat(DEEP))),
            at("6:85", NESTED),
            "1 error",
        ),
        (
            "deep_in_a_visit",
            text(visit(&format!(
                "participants = {}",
                nested("[", "\"vicini\"", "]", DEEP)
            ))),
            at("12:96", NESTED),
            "1 error",
        ),
        (
            "deep_dotted_key",
            text(format!("{} = 1\n", dotted(DEEP))),
            at("6:1", LONG_KEY),
            "1 error",
        ),
        (
            "deep_table_header",
            text(format!("[{}]\n", dotted(DEEP))),
            at("6:2", LONG_KEY),
            "1 error",
        ),
        (
            "deep_array_table_header",
            text(format!("[[{}]]\n", dotted(DEEP))),
            at("6:3", LONG_KEY),
            "1 error",
        ),
        // --- Arrays of 100,000 elements.
        (
            "participant_listed_100000_times",
            text(visit(&format!(
                "participants = {}",
                list(LONG, |_| "\"vicini\"".into())
            ))),
            vec![
                "12:27: error: participant \"vicini\" is listed twice".into(),
                "12:37: error: participant \"vicini\" is listed twice".into(),
            ],
            "99999 errors",
        ),
        (
            "tags_100000_integers",
            text(visit(&format!("tags = {}", list(LONG, |i| i.to_string())))),
            vec![
                "12:9: error: `tags` must be a list of strings; this item is an integer".into(),
                "12:12: error: `tags` must be a list of strings; this item is an integer".into(),
            ],
            "100000 errors",
        ),
        (
            "tags_100000_arrays",
            text(visit(&format!(
                "tags = {}",
                list(LONG, |_| "[\"a\"]".into())
            ))),
            vec![
                "12:9: error: `tags` must be a list of strings; this item is an array".into(),
                "12:16: error: `tags` must be a list of strings; this item is an array".into(),
            ],
            "100000 errors",
        ),
        (
            "participants_100000_unknown",
            text(visit(&format!(
                "participants = [\n{}\n]",
                (0..LONG)
                    .map(|i| format!("\"guest-{i}\","))
                    .collect::<Vec<_>>()
                    .join("\n")
            ))),
            vec![
                "13:1: error: unknown participant id \"guest-0\" (ids come from [[participants]])"
                    .into(),
                "14:1: error: unknown participant id \"guest-1\" (ids come from [[participants]])"
                    .into(),
            ],
            "100000 errors",
        ),
        (
            "days_100000_inline_tables",
            Content::Text(format!(
                "format = 1\ndays = {}\n{}",
                list(LONG, |_| "{}".into()),
                &HEAD["format = 1\n".len()..]
            )),
            at(
                "2:8",
                "error: `days` must be tables written [[days]], not an array",
            ),
            "1 error",
        ),
        // --- Sizes.
        (
            "line_one_byte_over",
            text(format!("summary = \"{}\"\n", "x".repeat(LINE_LIMIT - 12))),
            at(
                "6:1",
                "error: line is 1048577 bytes long; itinera reads lines up to 1048576 bytes",
            ),
            "1 error",
        ),
        (
            "nul_bytes_to_just_under_the_limit",
            Content::Sparse {
                head: HEAD,
                len: LIMIT - 1,
            },
            at(
                "6:1",
                "error: line is 67108794 bytes long; itinera reads lines up to 1048576 bytes",
            ),
            "1 error",
        ),
        (
            "nul_bytes_to_the_limit",
            Content::Sparse {
                head: HEAD,
                len: LIMIT,
            },
            at(
                "6:1",
                "error: line is 67108795 bytes long; itinera reads lines up to 1048576 bytes",
            ),
            "1 error",
        ),
        (
            "one_byte_over_the_limit",
            Content::Sparse {
                head: HEAD,
                len: LIMIT + 1,
            },
            at(
                "1:1",
                "error: file is 65 MB; itinera reads mission files up to 64 MB",
            ),
            "1 error",
        ),
    ]
}

/// Writes every generated file into `dir`.
pub fn generated(dir: &Path) -> Vec<Generated> {
    cases()
        .into_iter()
        .map(|(name, content, first, summary)| {
            let path = dir.join(format!("{name}.toml"));
            match content {
                Content::Text(text) => std::fs::write(&path, text).expect("write"),
                Content::Sparse { head, len } => {
                    std::fs::write(&path, head).expect("write");
                    let file = std::fs::OpenOptions::new()
                        .write(true)
                        .open(&path)
                        .expect("open");
                    file.set_len(len).expect("set_len");
                }
            }
            Generated {
                name,
                path,
                first,
                summary,
            }
        })
        .collect()
}

/// A path that is not a regular file, and the planner's whole answer.
pub struct Special {
    pub name: &'static str,
    pub message: String,
}

fn mkfifo(path: &Path) {
    rustix::fs::mkfifoat(
        rustix::fs::CWD,
        path,
        rustix::fs::Mode::from_raw_mode(0o600),
    )
    .expect("mkfifo");
}

/// Whether this process reads any file whatever its mode (root).
pub fn reads_everything() -> bool {
    rustix::process::geteuid().is_root()
}

/// Makes the special paths in `dir`, named as they are referred to from
/// `dir`, and what each is refused as.
pub fn specials(dir: &Path) -> Vec<Special> {
    use std::os::unix::fs::symlink;
    mkfifo(&dir.join("pipe.toml"));
    std::fs::create_dir(dir.join("folder.toml")).expect("mkdir");
    symlink("/dev/zero", dir.join("zero.toml")).expect("symlink");
    symlink("/dev/null", dir.join("null.toml")).expect("symlink");
    symlink("folder.toml", dir.join("to-folder.toml")).expect("symlink");
    symlink("loop-b.toml", dir.join("loop-a.toml")).expect("symlink");
    symlink("loop-a.toml", dir.join("loop-b.toml")).expect("symlink");
    symlink("gone.toml", dir.join("dangling.toml")).expect("symlink");
    let socket = dir.join("socket.toml");
    // Kept bound for as long as the process runs; the file stays.
    std::mem::forget(std::os::unix::net::UnixListener::bind(&socket).expect("bind"));
    let refused = |name: &'static str, why: &str| Special {
        name,
        message: format!("error: cannot read {name}: {why}\n"),
    };
    let dir_name = dir.display();
    vec![
        refused("pipe.toml", "it is a named pipe (FIFO), not a regular file"),
        refused("folder.toml", "it is a directory, not a regular file"),
        refused(
            "zero.toml",
            "it is a link to /dev/zero, which is a character device, not a regular file",
        ),
        refused(
            "null.toml",
            "it is a link to /dev/null, which is a character device, not a regular file",
        ),
        refused(
            "to-folder.toml",
            &format!(
                "it is a link to {dir_name}/folder.toml, which is a directory, not a regular file"
            ),
        ),
        refused(
            "loop-a.toml",
            "it is a symbolic link in a loop of links that never reaches a file",
        ),
        refused(
            "dangling.toml",
            "it is a symbolic link to gone.toml, which does not exist",
        ),
        refused("socket.toml", "it is a socket, not a regular file"),
    ]
}

/// A mission file of mode 000 in `dir`, named `unreadable.toml`, with
/// an error in it (a key set twice) for whoever can read it.
pub fn unreadable(dir: &Path) -> &'static str {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("unreadable.toml");
    std::fs::write(&path, format!("{HEAD}title = \"again\"\n")).expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    "unreadable.toml"
}

/// The check lines of `report` on `text`, as the binary prints them,
/// with the file named `F`.
pub fn report_lines(report: &itinera::file::Report, text: &str) -> Vec<String> {
    report
        .render("F", text)
        .lines()
        .map(|l| l.strip_prefix("F:").unwrap_or(l).to_string())
        .collect()
}
