//! The version of a mission file in git's HEAD, for `itinera diff FILE`.
//!
//! git is run as a separate program (`git -C DIR show HEAD:PATH`); each way
//! this can fail (no git, no repository, a file git does not track, a file
//! added after the last commit) has its own message.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use super::Failure;

/// A file as committed: its name for messages ("HEAD:data/m.toml") and
/// its bytes.
pub(super) struct Committed {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// The bytes of `path` in the HEAD commit of the repository it is in.
pub(super) fn head_version(path: &Path) -> Result<Committed, Failure> {
    let shown = path.display();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let Some(file_name) = path.file_name() else {
        return Err(Failure::usage(format!("error: {shown} is not a file\n")));
    };

    let prefix = git(dir, &["rev-parse".as_ref(), "--show-prefix".as_ref()])?;
    if !prefix.status.success() {
        let why = first_line(&prefix.stderr);
        return Err(Failure::usage(if why.contains("not a git repository") {
            format!(
                "error: {shown} is not in a git repository; give the version to compare \
                 with: itinera diff OLD.toml NEW.toml\n"
            )
        } else {
            format!("error: git cannot read the repository of {shown}: {why}\n")
        }));
    }
    let tracked = git(
        dir,
        &[
            "ls-files".as_ref(),
            "-z".as_ref(),
            "--error-unmatch".as_ref(),
            "--".as_ref(),
            file_name,
        ],
    )?;
    if !tracked.status.success() {
        return Err(Failure::usage(format!(
            "error: {shown} is not tracked by git, so it has no committed version to \
             compare with\n"
        )));
    }
    let head = git(
        dir,
        &[
            "rev-parse".as_ref(),
            "--verify".as_ref(),
            "--quiet".as_ref(),
            "HEAD".as_ref(),
        ],
    )?;
    if !head.status.success() {
        return Err(Failure::usage(format!(
            "error: the git repository of {shown} has no commits yet\n"
        )));
    }
    let prefix = String::from_utf8_lossy(&prefix.stdout);
    let mut spec = OsString::from(format!("HEAD:{}", prefix.trim_end_matches(['\n', '\r'])));
    spec.push(file_name);
    let shown_spec = spec.to_string_lossy().into_owned();
    let committed = git(dir, &["show".as_ref(), spec.as_os_str()])?;
    if !committed.status.success() {
        return Err(Failure::usage(format!(
            "error: {shown} has no version in git's HEAD (it was added after the last \
             commit)\n"
        )));
    }
    Ok(Committed {
        name: shown_spec,
        bytes: committed.stdout,
    })
}

/// Runs git in `dir`, its messages in English so they can be recognised.
fn git(dir: &Path, args: &[&OsStr]) -> Result<Output, Failure> {
    Command::new("git")
        .arg("--no-pager")
        .arg("--literal-pathspecs")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .map_err(|err| {
            Failure::usage(match err.kind() {
                io::ErrorKind::NotFound => "error: git was not found: with one file, itinera \
                                            diff compares it with its version in git's HEAD, \
                                            which needs git; to compare two files: itinera diff \
                                            OLD.toml NEW.toml\n"
                    .to_string(),
                _ => format!("error: cannot run git: {err}\n"),
            })
        })
}

fn first_line(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    line.trim().to_string()
}
