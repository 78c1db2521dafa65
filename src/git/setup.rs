//! What `weigh init` sets up in a git repository: a `.gitattributes` in the assessments folder
//! that routes assessment files to the `weigh` merge driver, and the driver's registration in the
//! repository's own git config (which git does not version, hence `init --git-driver-only` for a
//! fresh clone).

use std::path::Path;

use crate::error::{Error, Result};

/// The line of `assessments/.gitattributes`: every assessment file below it merges through weigh.
pub const ATTRIBUTES: &str = "*.toml merge=weigh\n";

/// The driver command git runs, with `weigh` found on PATH as git finds git-lfs.
pub const DRIVER: &str = "weigh merge-file %O %A %B %P";

/// The text of `.gitattributes` in the assessments folder.
pub fn attributes_file() -> String {
    format!(
        "# Assessment files merge answer by answer through `weigh merge-file` (registered by `weigh init`).\n{ATTRIBUTES}"
    )
}

/// Whether an existing `.gitattributes` already routes `*.toml` to the weigh driver.
pub fn routes_to_weigh(text: &str) -> bool {
    text.lines()
        .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["*.toml", "merge=weigh"])
}

/// Registers the driver in the git config of the repository around `dir`; `Ok(false)` when
/// `dir` is not in a git repository.
pub fn register(dir: &Path) -> Result<bool> {
    if super::top_level(dir).is_none() {
        return Ok(false);
    }
    for (key, value) in [
        (
            "merge.weigh.name",
            "weigh: merge assessments answer by answer",
        ),
        ("merge.weigh.driver", DRIVER),
    ] {
        let out = super::run(Some(dir), &["config", "--local", key, value])?;
        if !out.success() {
            return Err(Error::Io {
                path: dir.join(".git/config"),
                action: "write",
                source: std::io::Error::other(out.stderr.trim().to_string()),
            });
        }
    }
    Ok(true)
}

/// Whether a `weigh` executable is on PATH (git runs the driver from there).
pub fn weigh_on_path() -> bool {
    let Some(path) = std::env::var_os("PATH") else {
        return false;
    };
    let names: &[&str] = if cfg!(windows) {
        &["weigh.exe", "weigh"]
    } else {
        &["weigh"]
    };
    std::env::split_paths(&path).any(|dir| names.iter().any(|n| dir.join(n).is_file()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_an_attributes_line_routing_toml_to_weigh() {
        assert!(routes_to_weigh("# x\n*.toml   merge=weigh\n"));
        assert!(!routes_to_weigh("*.toml merge=union\n"));
    }
}
