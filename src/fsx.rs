//! File primitives: reading whole files (or stdin for `-`) and atomic writes.
//!
//! An atomic write goes to a temporary file in the same folder, is flushed to disk, renamed over
//! the target, and the folder is flushed too: a crash or kill leaves the old file or the new one,
//! never a truncated mix.

use std::io::{Read, Write};
use std::path::Path;

use crate::error::{Error, Result};

/// Reads a whole file as UTF-8 text; `-` reads stdin.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Error::io(path, "read", e))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Error::io(path, "read", e))?
    };
    String::from_utf8(bytes).map_err(|e| {
        Error::usage(
            format!(
                "{}: not UTF-8 text (invalid byte at offset {})",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
            "save the file as UTF-8",
        )
    })
}

/// Writes `contents` to `path` atomically: temp file in the same folder, fsync, rename, fsync
/// the folder.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    let dir = folder(path);
    let temp = synced_temp(dir, contents).map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_dir(dir).map_err(fail)
}

/// Writes `path` atomically from a writer, for output produced piece by piece: `fill` writes
/// the contents into a temporary file in the same folder, which replaces `path` only when
/// `fill` and every flush succeed.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    let dir = folder(path);
    let mut temp = synced_temp(dir, b"").map_err(fail)?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        fill(&mut out).map_err(fail)?;
        out.flush().map_err(fail)?;
    }
    temp.as_file().sync_all().map_err(fail)?;
    temp.persist(path).map_err(|e| fail(e.error))?;
    sync_dir(dir).map_err(fail)
}

/// The folder a file is in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A temporary file in `dir` holding `contents`, flushed to disk.
fn synced_temp(dir: &Path, contents: &[u8]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut temp = tempfile::Builder::new()
        .prefix(".weigh-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(contents)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

/// Writes to stdout when `path` is `None` or `-`, else atomically to the file.
pub fn write_output(path: Option<&Path>, contents: &str) -> Result<()> {
    match path {
        Some(p) if p != Path::new("-") => write_atomic(p, contents.as_bytes()),
        _ => {
            let mut out = std::io::stdout().lock();
            out.write_all(contents.as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", "write", e))
        }
    }
}

/// Creates `path` atomically with `contents`, unless it already exists (then nothing is written:
/// another writer created it first, and the caller updates that file instead).
pub fn create_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    let dir = folder(path);
    std::fs::create_dir_all(dir).map_err(fail)?;
    let temp = synced_temp(dir, contents).map_err(fail)?;
    match temp.persist_noclobber(path) {
        Ok(_) => sync_dir(dir).map_err(fail),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(fail(e.error)),
    }
}

/// The absolute form of a path with `.` and `..` resolved lexically (`std::path::absolute`
/// keeps `..` on Unix), so `../m.toml` names its real folder for discovery and relative paths.
pub fn normalize(path: &Path) -> std::path::PathBuf {
    use std::path::Component;
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut out = std::path::PathBuf::new();
    for component in absolute.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_resolves_dot_and_dot_dot() {
        assert_eq!(
            normalize(Path::new("/a/b/../c/./d.toml")),
            Path::new("/a/c/d.toml")
        );
        assert!(normalize(Path::new("x/../y")).ends_with("y"));
        assert!(
            !normalize(Path::new("x/../y"))
                .to_string_lossy()
                .contains("..")
        );
    }
}
