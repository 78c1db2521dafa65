//! Reading foreign files with bounds: only regular files, never more than a stated size, so a
//! hostile folder cannot make weigh block on a FIFO, read a device, or load a 5 GB file whole.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, Result};

/// The largest JSON file weigh parses from a snapshot (an index of 100,000 tensors is ~10 MB):
/// weigh's limit for every file it reads whole, [`crate::fsx::MAX_FILE_BYTES`].
pub const JSON_LIMIT: u64 = crate::fsx::MAX_FILE_BYTES;

/// The largest evaluation results file `weigh import` parses (lm-evaluation-harness keeps
/// samples in separate files; a results file is kilobytes).
pub const RESULTS_LIMIT: u64 = crate::fsx::MAX_FILE_BYTES;

/// How much of a model card or licence file weigh reads.
pub const TEXT_PREFIX: u64 = 1024 * 1024;

/// The largest TOML file weigh parses from a models.dev checkout.
pub const TOML_LIMIT: u64 = 1024 * 1024;

/// Reads a whole regular file of at most `limit` bytes; anything larger is refused.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let mut file = open_regular(path)?;
    let mut bytes = Vec::new();
    (&mut file)
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "read", e))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, limit));
    }
    Ok(bytes)
}

/// Reads at most the first `limit` bytes of a regular file.
pub fn read_prefix(path: &Path, limit: u64) -> Result<Vec<u8>> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "read", e))?;
    Ok(bytes)
}

/// Reads and parses a JSON file of at most `limit` bytes.
pub fn json(path: &Path, limit: u64) -> Result<serde_json::Value> {
    let bytes = read(path, limit)?;
    serde_json::from_slice(&bytes).map_err(|e| {
        Error::usage(
            format!(
                "{}:{}:{}: not valid JSON: {e}",
                path.display(),
                e.line(),
                e.column()
            ),
            "pass the JSON file as it was published, unedited",
        )
    })
}

/// Opens a path that must be a regular file (after following the link the user named).
pub fn open_regular(path: &Path) -> Result<std::fs::File> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, "read", e))?;
    if !meta.is_file() {
        return Err(Error::usage(
            format!("{} is not a regular file", path.display()),
            "name a file (weigh reads no folders, devices or pipes here)",
        ));
    }
    crate::fsx::seen::record(&meta);
    std::fs::File::open(path).map_err(|e| Error::io(path, "read", e))
}

fn too_large(path: &Path, limit: u64) -> Error {
    Error::usage(
        format!(
            "{} is larger than {} MiB; weigh does not read it",
            path.display(),
            limit / (1024 * 1024)
        ),
        "check that this is the file you meant; weigh reads configuration and index files, never weights",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_over_the_limit_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        std::fs::write(&path, vec![b' '; 2048]).unwrap();
        let e = read(&path, 1024).unwrap_err().to_string();
        assert!(e.contains("big.json") && e.contains("larger than"), "{e}");
        assert_eq!(read(&path, 4096).unwrap().len(), 2048);
        assert_eq!(read_prefix(&path, 10).unwrap().len(), 10);
    }

    #[test]
    fn a_folder_is_not_read_as_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path(), 1024).unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn invalid_json_names_the_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.json");
        std::fs::write(&path, "{\n  \"a\": 1,\n}").unwrap();
        let e = json(&path, 1024).unwrap_err().to_string();
        assert!(e.contains("config.json:3:1"), "{e}");
    }
}
