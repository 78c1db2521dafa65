//! `scripts/test.sh`, the README's test command and what CI runs: on a machine without chromium
//! or chromedriver it installs Debian's (`apt-get install -y chromium chromium-driver`, only what
//! is missing) before `cargo test`; with both it installs nothing; without them or apt-get it
//! says what to do and fails.
//!
//! The script runs for real under bash, with a PATH of its own holding stand-ins for `apt-get`,
//! `sudo` and `cargo` that log their arguments (the stand-in `apt-get install` puts a `chromium`
//! on that PATH), so the install path is exercised without touching this machine's packages.

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{root, temp};

/// A folder for PATH with the few real tools the script needs and logging stand-ins.
fn sandbox(dir: &Path, with_apt: bool, with_chromium: bool) -> PathBuf {
    sandbox_with(dir, with_apt, with_chromium, with_chromium)
}

/// [`sandbox`], with chromium and chromedriver present or not each on its own.
fn sandbox_with(dir: &Path, with_apt: bool, with_chromium: bool, with_driver: bool) -> PathBuf {
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).unwrap();
    for tool in ["bash", "chmod", "dirname", "id"] {
        let real = ["/usr/bin", "/bin"]
            .iter()
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.is_file())
            .unwrap_or_else(|| panic!("{tool} on this machine"));
        std::os::unix::fs::symlink(real, bin.join(tool)).unwrap();
    }
    let log = dir.join("log");
    let stub = |name: &str, extra: &str| {
        let path = bin.join(name);
        let text = format!(
            "#!{}\necho \"{name} $*\" >> {}\n{extra}\n",
            bin.join("bash").display(),
            log.display()
        );
        std::fs::write(&path, text).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    };
    stub("cargo", "");
    stub("sudo", "\"$@\"");
    if with_apt {
        // `apt-get install` puts the programs of the packages it is given on PATH.
        let (chromium, driver) = (bin.join("chromium"), bin.join("chromedriver"));
        stub(
            "apt-get",
            &format!(
                "if [ \"$1\" = install ]; then for p in \"$@\"; do case $p in \
                 chromium) printf '#!/bin/sh\\n' > {0}; chmod +x {0};; \
                 chromium-driver) printf '#!/bin/sh\\n' > {1}; chmod +x {1};; esac; done; fi",
                chromium.display(),
                driver.display()
            ),
        );
    }
    if with_chromium {
        stub("chromium", "");
    }
    if with_driver {
        stub("chromedriver", "");
    }
    bin
}

/// Runs the script with PATH = `bin` and returns (exit code, the stand-ins' log, stderr).
fn run_script(dir: &Path, bin: &Path) -> (i32, String, String) {
    let out = Command::new(bin.join("bash"))
        .arg(root().join("scripts/test.sh"))
        .arg("--locked")
        .env_clear()
        .env("PATH", bin)
        .output()
        .expect("bash runs the script");
    let log = std::fs::read_to_string(dir.join("log")).unwrap_or_default();
    (
        out.status.code().expect("an exit code"),
        log,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn without_chromium_the_script_installs_it_then_runs_the_tests() {
    let dir = temp();
    let bin = sandbox(dir.path(), true, false);
    let (code, log, stderr) = run_script(dir.path(), &bin);
    assert_eq!(code, 0, "{stderr}");
    // As a user other than root, the script goes through sudo, which logs a line of its own.
    let lines: Vec<&str> = log.lines().filter(|l| !l.starts_with("sudo ")).collect();
    assert_eq!(
        lines,
        [
            "apt-get update -qq",
            "apt-get install -y -qq chromium chromium-driver",
            "cargo test --workspace --locked"
        ],
        "{log}"
    );
    assert!(stderr.contains("installing Debian's chromium"), "{stderr}");
}

#[test]
fn with_chromium_but_no_chromedriver_the_script_installs_the_driver_only() {
    let dir = temp();
    let bin = sandbox_with(dir.path(), true, true, false);
    let (code, log, stderr) = run_script(dir.path(), &bin);
    assert_eq!(code, 0, "{stderr}");
    let lines: Vec<&str> = log.lines().filter(|l| !l.starts_with("sudo ")).collect();
    assert_eq!(
        lines,
        [
            "apt-get update -qq",
            "apt-get install -y -qq chromium-driver",
            "cargo test --workspace --locked"
        ],
        "{log}"
    );
}

#[test]
fn with_chromium_the_script_only_runs_the_tests() {
    let dir = temp();
    let bin = sandbox(dir.path(), true, true);
    let (code, log, stderr) = run_script(dir.path(), &bin);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(log.trim(), "cargo test --workspace --locked");
}

#[test]
fn without_chromium_or_apt_the_script_says_what_to_do() {
    let dir = temp();
    let bin = sandbox(dir.path(), false, false);
    let (code, log, stderr) = run_script(dir.path(), &bin);
    assert_eq!(code, 1);
    assert!(log.is_empty(), "nothing ran: {log}");
    assert!(stderr.contains("install chromium"), "{stderr}");
}
