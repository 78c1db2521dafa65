//! What a path names once its symbolic links are followed: a regular file, nothing yet, or
//! something weigh must not replace (a FIFO, a device, a folder, a socket).

use std::fs::Metadata;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How many symbolic links weigh follows before giving up (Linux's own limit).
const MAX_LINKS: usize = 40;

/// A path resolved through its symbolic links.
#[derive(Debug)]
pub struct Target {
    /// The path the user gave.
    pub given: PathBuf,
    /// The file it names once every symbolic link is followed.
    pub path: PathBuf,
    /// What is there.
    pub kind: Kind,
}

/// What a resolved path names.
#[derive(Debug)]
pub enum Kind {
    /// Nothing yet (for a link: its target does not exist).
    Missing,
    /// A regular file.
    Regular(Metadata),
    /// A FIFO or a character device (`/dev/null`, a terminal): written through, never replaced.
    Stream(&'static str),
    /// A folder, a socket or a block device: neither read nor written as a file.
    Other(&'static str),
}

impl Target {
    /// Whether the user's path is a symbolic link (so `path` differs from `given`).
    pub fn via_link(&self) -> bool {
        self.path != self.given
    }

    /// The error for a target that does not exist: a dangling link says so.
    pub fn missing(&self) -> Error {
        if self.via_link() {
            Error::usage(
                format!(
                    "{} is a symbolic link to {}, which does not exist",
                    self.given.display(),
                    self.path.display()
                ),
                "fix the link, or name the file it should point to",
            )
        } else {
            Error::Missing(self.given.clone())
        }
    }

    /// The error for a target weigh does not `action` ("read", "write") as a file: exit 3.
    pub fn not_a_file(&self, action: &'static str, what: &str) -> Error {
        Error::refused(
            &self.given,
            action,
            format!("it is {what}, not a regular file"),
        )
    }
}

/// Follows `path` through its symbolic links (relative links resolve against the link's own
/// folder) and says what is at the end.
pub fn resolve(path: &Path) -> Result<Target> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        let meta = match std::fs::symlink_metadata(&current) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(target(path, current, Kind::Missing));
            }
            Err(e) => return Err(Error::io(path, "inspect", e)),
        };
        if !meta.file_type().is_symlink() {
            let kind = classify(meta);
            return Ok(target(path, current, kind));
        }
        let link = std::fs::read_link(&current).map_err(|e| Error::io(path, "inspect", e))?;
        current = match current.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir.join(link),
            _ => link,
        };
    }
    Err(Error::usage(
        format!("{}: too many levels of symbolic links", path.display()),
        "fix the links so that they end at a file",
    ))
}

fn target(given: &Path, path: PathBuf, kind: Kind) -> Target {
    Target {
        given: given.to_path_buf(),
        path,
        kind,
    }
}

fn classify(meta: Metadata) -> Kind {
    let t = meta.file_type();
    if t.is_file() {
        return Kind::Regular(meta);
    }
    if t.is_dir() {
        return Kind::Other("a folder");
    }
    special(&t)
}

#[cfg(unix)]
fn special(t: &std::fs::FileType) -> Kind {
    use std::os::unix::fs::FileTypeExt;
    if t.is_fifo() {
        Kind::Stream("a FIFO")
    } else if t.is_char_device() {
        Kind::Stream("a character device")
    } else if t.is_block_device() {
        Kind::Other("a block device")
    } else if t.is_socket() {
        Kind::Other("a socket")
    } else {
        Kind::Other("not a file")
    }
}

#[cfg(not(unix))]
fn special(_t: &std::fs::FileType) -> Kind {
    Kind::Other("not a file")
}

/// The identity of a file (device and inode), which names it however it is reached.
#[cfg(unix)]
pub fn identity(meta: &Metadata) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    (meta.dev(), meta.ino())
}

/// The identity of a file; without inodes, none (every file is distinct).
#[cfg(not(unix))]
pub fn identity(_meta: &Metadata) -> (u64, u64) {
    (0, 0)
}

/// How many names (hard links) a file has.
#[cfg(unix)]
pub fn links(meta: &Metadata) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.nlink()
}

/// How many names a file has; without hard links, one.
#[cfg(not(unix))]
pub fn links(_meta: &Metadata) -> u64 {
    1
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn follows_relative_and_chained_links_to_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        std::fs::write(dir.path().join("real/a.toml"), "x").unwrap();
        std::os::unix::fs::symlink("real/a.toml", dir.path().join("one")).unwrap();
        std::os::unix::fs::symlink("one", dir.path().join("two")).unwrap();
        let t = resolve(&dir.path().join("two")).unwrap();
        assert!(matches!(t.kind, Kind::Regular(_)));
        assert_eq!(t.path, dir.path().join("real/a.toml"));
        assert!(t.via_link());
    }

    #[test]
    fn a_dangling_link_is_missing_and_says_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("gone.toml", dir.path().join("a.toml")).unwrap();
        let t = resolve(&dir.path().join("a.toml")).unwrap();
        assert!(matches!(t.kind, Kind::Missing));
        let message = t.missing().to_string();
        assert!(message.contains("symbolic link to"), "{message}");
        assert!(message.contains("gone.toml"), "{message}");
    }

    #[test]
    fn a_link_cycle_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("b", dir.path().join("a")).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        let e = resolve(&dir.path().join("a")).unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }

    #[test]
    fn devices_are_streams_and_folders_are_not_files() {
        assert!(matches!(
            resolve(Path::new("/dev/null")).unwrap().kind,
            Kind::Stream(_)
        ));
        assert!(matches!(
            resolve(Path::new("/")).unwrap().kind,
            Kind::Other("a folder")
        ));
    }
}
