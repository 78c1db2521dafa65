//! Real git repositories for tests, hermetic: no configuration from the machine, a fixed
//! identity and clock, so commits are the same wherever the tests run.

use std::path::Path;
use std::process::Command;

/// `git ARGS…` in `dir`, which must succeed; its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .env("GIT_AUTHOR_DATE", "2026-11-28T20:00:00Z")
        .env("GIT_COMMITTER_DATE", "2026-11-28T20:00:00Z")
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A new repository in `dir`.
pub fn init(dir: &Path) {
    git(dir, &["init", "--quiet", "--initial-branch=main"]);
}

/// Commits everything in `dir`.
pub fn commit_all(dir: &Path, message: &str) {
    git(dir, &["add", "--all"]);
    git(dir, &["commit", "--quiet", "--message", message]);
}

/// `program` in `dir` with the hermetic environment of [`super::weigh_command`] and the
/// `weigh` under test first on PATH, as a CI job would run it.
pub fn hermetic(program: &str, dir: &Path) -> Command {
    let model = super::weigh_command(dir);
    let mut cmd = Command::new(program);
    for (key, value) in model.get_envs() {
        match value {
            Some(value) => cmd.env(key, value),
            None => cmd.env_remove(key),
        };
    }
    let bin = Path::new(env!("CARGO_BIN_EXE_weigh"))
        .parent()
        .expect("the binary's folder")
        .to_path_buf();
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut paths = vec![bin];
    paths.extend(std::env::split_paths(&path));
    cmd.env("PATH", std::env::join_paths(paths).expect("a PATH"))
        .env("GIT_AUTHOR_NAME", "Test")
        .env("GIT_AUTHOR_EMAIL", "test@example.com")
        .env("GIT_COMMITTER_NAME", "Test")
        .env("GIT_COMMITTER_EMAIL", "test@example.com")
        .current_dir(dir);
    cmd
}
