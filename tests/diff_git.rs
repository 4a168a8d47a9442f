//! `itinera diff FILE`: the file compared with its version in git's HEAD,
//! in repositories the tests make, and each way that can fail.

mod diff_support;

use std::path::Path;
use std::process::{Command, Output};

use diff_support::*;

/// A directory for a test repository, with an empty git configuration so
/// the machine's settings (signing, hooks, default branch) play no part.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    /// A directory under a fresh temporary one, which git is told not to
    /// look above, so it is never taken for part of another repository.
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("work")).expect("mkdir");
        std::fs::write(dir.path().join("gitconfig"), "").expect("write gitconfig");
        Repo { dir }
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("work")
    }

    /// `cmd` with an environment that keeps git to this directory.
    fn env(&self, mut cmd: Command) -> Command {
        for var in [
            "GIT_DIR",
            "GIT_WORK_TREE",
            "GIT_INDEX_FILE",
            "GIT_OBJECT_DIRECTORY",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.dir.path().join("gitconfig"))
            .env("GIT_CEILING_DIRECTORIES", self.dir.path())
            .current_dir(self.path());
        cmd
    }

    /// Runs git here; a test that needs git fails, saying so, where git is
    /// not installed.
    fn git(&self, args: &[&str]) {
        let mut cmd = self.env(Command::new("git"));
        cmd.args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
            .args([
                "-c",
                "commit.gpgsign=false",
                "-c",
                "init.defaultBranch=main",
            ])
            .args(args);
        let out = cmd.output().unwrap_or_else(|err| {
            panic!("this test needs git installed (to make a repository), and it could not be run: {err}")
        });
        assert!(
            out.status.success(),
            "git {args:?} failed: {}",
            stderr(&out)
        );
    }

    fn write(&self, path: &str, text: &str) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    /// itinera in the repository (or a directory in it), with `PATH` as
    /// given or as it is.
    fn itinera(&self, dir: &str, args: &[&str], path: Option<&Path>) -> Output {
        let mut cmd = self.env(Command::new(env!("CARGO_BIN_EXE_itinera")));
        cmd.args(args)
            .current_dir(self.path().join(dir))
            .env_remove("RUST_BACKTRACE");
        if let Some(path) = path {
            cmd.env("PATH", path);
        }
        cmd.output().expect("run itinera")
    }
}

#[test]
fn one_tracked_file_is_compared_with_its_version_in_head() {
    let repo = Repo::new();
    repo.git(&["init", "-q"]);
    repo.write("data/m.toml", BASE);
    repo.git(&["add", "data/m.toml"]);
    repo.git(&["commit", "-q", "-m", "First plan"]);
    repo.write(
        "data/m.toml",
        &edit(
            BASE,
            &[(
                "kind = \"visit\"\n",
                "kind = \"visit\"\nstatus = \"cancelled\"\n",
            )],
        ),
    );
    let expected = on_day(
        MONDAY,
        "Cancelled: 14:00–15:30 KENTO health innovation hub\n",
    );
    for (dir, file) in [(".", "data/m.toml"), ("data", "m.toml")] {
        let out = repo.itinera(dir, &["diff", file], None);
        assert_eq!(stderr(&out), "", "from {dir}");
        assert_eq!(code(&out), 0, "from {dir}");
        assert_eq!(stdout(&out), expected, "from {dir}");
    }
    repo.git(&["commit", "-q", "-a", "-m", "Cancel KENTO"]);
    let out = repo.itinera(".", &["diff", "data/m.toml"], None);
    assert_eq!((code(&out), stdout(&out)), (0, "No changes.\n".to_string()));
}

#[test]
fn problems_of_the_committed_version_are_named_after_its_git_path() {
    let repo = Repo::new();
    repo.git(&["init", "-q"]);
    let broken = edit(
        BASE,
        &[("participants = [\"vicini\"]", "participants = [\"rossi\"]")],
    );
    repo.write("data/m.toml", &broken);
    repo.git(&["add", "."]);
    repo.git(&["commit", "-q", "-m", "Broken"]);
    repo.write("data/m.toml", BASE);
    let out = repo.itinera(".", &["diff", "data/m.toml"], None);
    assert_eq!(code(&out), 1);
    assert_eq!(stdout(&out), "");
    assert!(
        stderr(&out).starts_with("HEAD:data/m.toml:44:17: error: unknown participant id \"rossi\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_file_outside_a_repository_is_a_clear_error() {
    let repo = Repo::new();
    repo.write("m.toml", BASE);
    // git itself must be there for this message, not the one for no git.
    repo.git(&["--version"]);
    let out = repo.itinera(".", &["diff", "m.toml"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: m.toml is not in a git repository; give the version to compare with: \
         itinera diff OLD.toml NEW.toml\n"
    );
}

#[test]
fn an_untracked_file_is_a_clear_error() {
    let repo = Repo::new();
    repo.git(&["init", "-q"]);
    repo.write("README", "notes\n");
    repo.git(&["add", "README"]);
    repo.git(&["commit", "-q", "-m", "Start"]);
    repo.write("m.toml", BASE);
    let out = repo.itinera(".", &["diff", "m.toml"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: m.toml is not tracked by git, so it has no committed version to compare with\n"
    );
}

#[test]
fn a_file_added_since_the_last_commit_is_a_clear_error() {
    let repo = Repo::new();
    repo.git(&["init", "-q"]);
    repo.write("m.toml", BASE);
    repo.git(&["add", "m.toml"]);
    let out = repo.itinera(".", &["diff", "m.toml"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: the git repository of m.toml has no commits yet\n"
    );

    repo.write("README", "notes\n");
    repo.git(&["add", "README"]);
    repo.git(&["commit", "-q", "-m", "Start", "--", "README"]);
    let out = repo.itinera(".", &["diff", "m.toml"], None);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: m.toml has no version in git's HEAD (it was added after the last commit)\n"
    );
}

#[test]
fn without_git_one_file_is_a_clear_error() {
    let repo = Repo::new();
    repo.write("m.toml", BASE);
    let empty = tempfile::tempdir().expect("tempdir");
    let out = repo.itinera(".", &["diff", "m.toml"], Some(empty.path()));
    assert_eq!(code(&out), 2);
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: git was not found: with one file, itinera diff compares it with its version in \
         git's HEAD, which needs git; to compare two files: itinera diff OLD.toml NEW.toml\n"
    );
}
