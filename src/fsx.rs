//! File primitives: every file weigh reads or writes goes through here, so the rules live in
//! one place (SECURITY.md lists them with their tests).
//!
//! - Reading: a named file (or stdin for `-`), symbolic links followed, at most
//!   [`MAX_FILE_BYTES`], UTF-8 with the place of the first bad byte; folders, sockets and block
//!   devices are refused; every file read is remembered by identity ([`seen`]).
//! - Writing: a regular file is replaced atomically (a temporary file named after it in its
//!   own folder, flushed, renamed over it, the folder flushed) under an exclusive lock, keeping
//!   its mode and, where allowed, its owner and group; the temporary files of killed writers are
//!   removed by the next writer. A symbolic link is followed and its target replaced; a file with
//!   several hard links is refused (replacing it would silently detach the other names), and so
//!   is a read-only one; a FIFO or a character device is written through, never replaced. New
//!   files get 0666 less the umask.
//! - Results (`-o`): never written over a file the same command read.

pub mod lock;
pub mod seen;
pub mod target;
mod temp;

use std::io::{IsTerminal, Read, Write};
use std::path::Path;

pub use lock::Locked;
use target::Kind;

use crate::diag::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};

/// The largest file weigh reads: 64 MB. A checklist or an assessment is a few hundred kilobytes;
/// anything near this is a mistake or an attack (`/dev/zero`), refused before it fills memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Reads a whole file as UTF-8 text; `-` reads stdin.
pub fn read_text(path: &Path) -> Result<String> {
    let name = path.display().to_string();
    if path == Path::new("-") {
        let bytes = read_limited(std::io::stdin().lock(), path)?;
        return decode(&name, bytes);
    }
    let t = target::resolve(path)?;
    match &t.kind {
        Kind::Missing => return Err(t.missing()),
        Kind::Other(what) => return Err(t.not_a_file("read", what)),
        Kind::Regular(meta) => check_size(path, meta.len())?,
        Kind::Stream(_) => {}
    }
    let file = std::fs::File::open(&t.path).map_err(|e| Error::io(path, "read", e))?;
    if let Ok(meta) = file.metadata() {
        seen::record(&meta);
    }
    decode(&name, read_limited(file, path)?)
}

/// Reads at most one byte more than [`MAX_FILE_BYTES`], refusing a longer stream.
fn read_limited(reader: impl Read, path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, "read", e))?;
    check_size(path, bytes.len() as u64)?;
    Ok(bytes)
}

/// Refuses a file larger than [`MAX_FILE_BYTES`].
fn check_size(path: &Path, len: u64) -> Result<()> {
    if len <= MAX_FILE_BYTES {
        return Ok(());
    }
    Err(Error::usage(
        format!(
            "{} is larger than 64 MB; weigh reads files of at most 64 MB",
            path.display()
        ),
        "name the right file: checklists, assessments and weigh.toml files are far smaller",
    ))
}

/// Bytes as UTF-8 text; otherwise an error located at the first invalid byte.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let byte = e.as_bytes()[at];
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            let width = '\u{fffd}'.len_utf8();
            Err(Error::Invalid(Box::new(Report {
                source: SourceFile {
                    name: name.to_string(),
                    text,
                },
                diagnostics: vec![
                    Diagnostic::error(
                        "not-utf8",
                        format!("not UTF-8 text: byte 0x{byte:02x} cannot start a character here"),
                    )
                    .at(at..at + width)
                    .label("not UTF-8")
                    .help("save the file as UTF-8"),
                ],
            })))
        }
    }
}

/// Writes a result to stdout when `path` is `None` or `-` (through
/// [`crate::text::for_terminal`], colour stripped off a non-terminal), else to the file, without
/// colour, by [`write_file`]; a file this command read is never overwritten.
pub fn write_output(path: Option<&Path>, contents: &str) -> Result<()> {
    match path.filter(|p| *p != Path::new("-")) {
        Some(path) => {
            refuse_if_read(path)?;
            write_file(
                path,
                anstream::adapter::strip_str(contents)
                    .to_string()
                    .as_bytes(),
            )
        }
        None => {
            let mut out = anstream::stdout();
            out.write_all(crate::text::for_terminal(contents).as_bytes())
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", "write", e))
        }
    }
}

/// [`write_output`] for output made piece by piece: each piece `fill` hands over goes out as
/// soon as it is made (to stdout through the terminal escaping; to a file stripped of styles,
/// replacing it atomically at the end), so a long result is never held whole. Each piece must
/// be whole text (no style sequence split across two pieces).
pub fn write_output_each(
    path: Option<&Path>,
    fill: impl FnOnce(&mut dyn FnMut(&str) -> std::io::Result<()>) -> std::io::Result<()>,
) -> Result<()> {
    match path.filter(|p| *p != Path::new("-")) {
        Some(path) => {
            refuse_if_read(path)?;
            write_atomic_with(path, |out| {
                fill(&mut |piece| {
                    out.write_all(anstream::adapter::strip_str(piece).to_string().as_bytes())
                })
            })
        }
        None => {
            let mut out = anstream::stdout();
            fill(&mut |piece| out.write_all(crate::text::for_terminal(piece).as_bytes()))
                .and_then(|()| out.flush())
                .map_err(|e| Error::io("<stdout>", "write", e))
        }
    }
}

/// Refuses to write over a file this command read (compared by device and inode).
fn refuse_if_read(path: &Path) -> Result<()> {
    let t = target::resolve(path)?;
    match &t.kind {
        Kind::Regular(meta) if seen::was_read(meta) => Err(Error::usage(
            format!(
                "refusing to write over {}: this command reads it",
                path.display()
            ),
            "write the output to another file",
        )),
        _ => Ok(()),
    }
}

/// Writes `contents` to the file `path` names: a regular file is replaced atomically under its
/// lock, a missing one created, a FIFO or character device written through; a folder, socket
/// or block device is refused.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<()> {
    loop {
        let t = target::resolve(path)?;
        match &t.kind {
            Kind::Missing => {
                if create(path, contents, false)? {
                    return Ok(());
                }
            }
            Kind::Regular(_) => {
                if let Some(locked) = Locked::open(path)? {
                    return locked.replace(contents);
                }
            }
            Kind::Stream(_) => return write_through(&t.path, path, contents),
            Kind::Other(what) => return Err(t.not_a_file("write", what)),
        }
    }
}

/// Writes into a FIFO or character device as it is; a terminal gets its text escaped.
fn write_through(real: &Path, given: &Path, contents: &[u8]) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(given, "write", e);
    let mut file = std::fs::File::options()
        .write(true)
        .open(real)
        .map_err(fail)?;
    if file.is_terminal() {
        let text = crate::text::for_terminal(&String::from_utf8_lossy(contents));
        return file.write_all(text.as_bytes()).map_err(fail);
    }
    file.write_all(contents)
        .and_then(|()| file.flush())
        .map_err(fail)
}

/// Creates the file `path` names (through a dangling symbolic link: its target) atomically
/// with `contents`, creating its folder if needed, unless a file is there already: then
/// nothing is written and the result is `false` (another writer created it first; the caller
/// updates that file instead).
pub fn create_new(path: &Path, contents: &[u8]) -> Result<bool> {
    create(path, contents, true)
}

/// [`create_new`]; `make_folder` says whether a missing folder is created (a result written
/// with `-o` into a folder that does not exist is an error, not a new folder).
fn create(path: &Path, contents: &[u8], make_folder: bool) -> Result<bool> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    let t = target::resolve(path)?;
    if !matches!(t.kind, Kind::Missing) {
        return Ok(false);
    }
    let dir = folder(&t.path);
    if make_folder {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let name = t.path.file_name().unwrap_or_default();
    let temp = temp::write(dir, name, contents, None).map_err(fail)?;
    match temp.persist_noclobber(&t.path) {
        Ok(_) => sync_dir(dir).map_err(fail).map(|()| true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(fail(e.error)),
    }
}

/// [`write_file`], under the name earlier code knows.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    write_file(path, contents)
}

/// [`create_new`], ignoring whether another writer created the file first.
pub fn create_atomic(path: &Path, contents: &[u8]) -> Result<()> {
    create_new(path, contents).map(drop)
}

/// Writes a result to the file `path` names from a writer, for output produced piece by piece
/// (inputs may be read while it is written): `fill` writes into a temporary file in the
/// target's folder, which replaces the target only when `fill` and every flush succeed, and only
/// if the target is not a file this command read. Otherwise as [`write_file`]: a FIFO or a
/// character device is written through, a folder, socket or block device refused.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    let t = target::resolve(path)?;
    let replaces = match &t.kind {
        Kind::Missing => false,
        Kind::Regular(_) => true,
        Kind::Stream(_) => return stream_through(&t.path, path, fill),
        Kind::Other(what) => return Err(t.not_a_file("write", what)),
    };
    let dir = folder(&t.path);
    let name = t.path.file_name().unwrap_or_default();
    let mut temp = temp::create(dir, name, replaces).map_err(fail)?;
    {
        let mut out = std::io::BufWriter::new(temp.as_file_mut());
        fill(&mut out).map_err(fail)?;
        out.flush().map_err(fail)?;
    }
    refuse_if_read(path)?;
    place(path, temp)
}

/// Puts a filled temporary file (made beside the file `path` names) in that file's place:
/// replacing it under its lock, or creating it.
fn place(path: &Path, mut temp: tempfile::NamedTempFile) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(path, "write", e);
    loop {
        if let Some(locked) = Locked::open(path)? {
            return locked.replace_with(temp);
        }
        let t = target::resolve(path)?;
        temp::seal(&temp, None).map_err(fail)?;
        match temp.persist_noclobber(&t.path) {
            Ok(_) => return sync_dir(folder(&t.path)).map_err(fail),
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => temp = e.file,
            Err(e) => return Err(fail(e.error)),
        }
    }
}

/// [`write_atomic_with`] into a FIFO or character device; a terminal gets its text escaped.
fn stream_through(
    real: &Path,
    given: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let fail = |e: std::io::Error| Error::io(given, "write", e);
    let file = std::fs::File::options()
        .write(true)
        .open(real)
        .map_err(fail)?;
    if file.is_terminal() {
        let mut text = Vec::new();
        fill(&mut text).map_err(fail)?;
        return write_through(real, given, &text);
    }
    let mut out = std::io::BufWriter::new(file);
    fill(&mut out).and_then(|()| out.flush()).map_err(fail)
}

/// The folder a file is in (`.` for a bare name).
fn folder(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    std::fs::File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
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

    #[test]
    fn invalid_utf8_is_located_at_its_line_and_column() {
        let e = decode("c.toml", b"a = 1\nb = \"x\xffy\"\n".to_vec()).unwrap_err();
        let shown = e.to_string();
        assert!(shown.contains("c.toml:2:7"), "{shown}");
        assert!(shown.contains("not-utf8"), "{shown}");
        assert!(shown.contains("0xff"), "{shown}");
        assert_eq!(e.exit_code(), 2);
    }
}
