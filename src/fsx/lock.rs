//! The writer's lock: an exclusive lock on the file it is about to replace, taken after
//! following symbolic links, with the retry that atomic replacement needs and a notice when
//! another process holds the lock for more than a second.
//!
//! A rename replaces the file, so a writer that locked the old file notices (its handle's device
//! and inode differ from the path's) and starts again on the new one.

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::target::{self, Kind};
use crate::error::{Error, Result};

/// How long a writer waits quietly before saying whose lock it is waiting for.
const QUIET_WAIT: Duration = Duration::from_secs(1);

/// How often a waiting writer tries the lock again before it has said so.
const POLL: Duration = Duration::from_millis(25);

type Notice = Box<dyn Fn(&str) + Send + Sync>;

static NOTICE: OnceLock<Notice> = OnceLock::new();

/// Sets how a writer that waits for a lock tells the user (the binary prints to stderr; the
/// library never prints). Only the first call counts.
pub fn on_wait(notice: impl Fn(&str) + Send + Sync + 'static) {
    let _ = NOTICE.set(Box::new(notice));
}

/// A regular file, locked exclusively, ready to be read and replaced.
#[derive(Debug)]
pub struct Locked {
    file: File,
    /// The path as the user gave it (for messages).
    pub given: PathBuf,
    /// The file itself, symbolic links followed.
    pub path: PathBuf,
    meta: Metadata,
}

impl Locked {
    /// Locks the file `path` names; `None` when there is no file yet (a dangling link included:
    /// the caller creates its target). A FIFO, a device, a folder or a file with several hard
    /// links is refused with an error that says why.
    pub fn open(path: &Path) -> Result<Option<Locked>> {
        loop {
            let t = target::resolve(path)?;
            let meta = match t.kind {
                Kind::Missing => return Ok(None),
                Kind::Regular(meta) => meta,
                Kind::Stream(what) | Kind::Other(what) => {
                    return Err(t.not_a_file("write", what));
                }
            };
            refuse_read_only(path, &meta)?;
            refuse_hard_links(path, &meta)?;
            let file = File::options()
                .read(true)
                .write(true)
                .open(&t.path)
                .map_err(|e| Error::io(path, "write", e))?;
            wait_for(&file, path)?;
            let held = file.metadata().map_err(|e| Error::io(path, "inspect", e))?;
            if still_there(&held, &t.path)? {
                return Ok(Some(Locked {
                    file,
                    given: t.given,
                    path: t.path,
                    meta: held,
                }));
            }
        }
    }

    /// Reads the whole file through the locked handle, as [`super::read_text`] reads a file.
    pub fn read_text(&mut self) -> Result<String> {
        super::seen::record(&self.meta);
        let name = self.given.display().to_string();
        let mut bytes = Vec::new();
        (&self.file)
            .take(super::MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(&self.given, "read", e))?;
        super::check_size(&self.given, bytes.len() as u64)?;
        super::decode(&name, bytes)
    }

    /// Replaces the file atomically with `contents`, keeping its mode and (where allowed) its
    /// owner and group, after removing temporary files that killed writers left behind.
    pub fn replace(&self, contents: &[u8]) -> Result<()> {
        let fail = |e: std::io::Error| Error::io(&self.given, "write", e);
        let dir = super::folder(&self.path);
        let name = self.path.file_name().unwrap_or_default();
        super::temp::remove_stale(dir, name, None);
        let temp = super::temp::write(dir, name, contents, Some(&self.meta)).map_err(fail)?;
        self.install(temp)
    }

    /// Replaces the file with a temporary file already filled (made by `temp::create` in the
    /// file's folder), sealing it with the file's mode and owner first.
    pub(super) fn replace_with(&self, temp: tempfile::NamedTempFile) -> Result<()> {
        let fail = |e: std::io::Error| Error::io(&self.given, "write", e);
        let dir = super::folder(&self.path);
        let name = self.path.file_name().unwrap_or_default();
        super::temp::remove_stale(dir, name, Some(temp.path()));
        super::temp::seal(&temp, Some(&self.meta)).map_err(fail)?;
        self.install(temp)
    }

    fn install(&self, temp: tempfile::NamedTempFile) -> Result<()> {
        let fail = |e: std::io::Error| Error::io(&self.given, "write", e);
        temp.persist(&self.path).map_err(|e| fail(e.error))?;
        super::sync_dir(super::folder(&self.path)).map_err(fail)
    }
}

/// A file with no write permission for anyone is left alone, even by root: `chmod a-w` is how
/// a team freezes an assessment.
fn refuse_read_only(path: &Path, meta: &Metadata) -> Result<()> {
    if !meta.permissions().readonly() {
        return Ok(());
    }
    Err(Error::refused(
        path,
        "write",
        "it is read-only; make it writable (chmod u+w FILE) to change it",
    ))
}

fn refuse_hard_links(path: &Path, meta: &Metadata) -> Result<()> {
    let n = target::links(meta);
    if n <= 1 {
        return Ok(());
    }
    let others = if n == 2 { "name" } else { "names" };
    Err(Error::refused(
        path,
        "write",
        format!(
            "it has {n} hard links, and replacing it atomically would leave the other {others} with the old content; give it its own copy first (cp FILE FILE.new && mv FILE.new FILE) or use a symbolic link"
        ),
    ))
}

/// Takes the exclusive lock, saying whose lock it waits for after [`QUIET_WAIT`].
fn wait_for(file: &File, path: &Path) -> Result<()> {
    let started = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {}
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(path, "lock", e)),
        }
        if started.elapsed() >= QUIET_WAIT {
            break;
        }
        std::thread::sleep(POLL);
    }
    if let Some(notice) = NOTICE.get() {
        notice(&format!(
            "waiting for the lock on {} held by {}…",
            path.display(),
            holder(file).unwrap_or_else(|| "another process".into())
        ));
    }
    file.lock().map_err(|e| Error::io(path, "lock", e))
}

/// Whether the locked handle is still the file at `path` (a rename may have replaced it).
fn still_there(held: &Metadata, path: &Path) -> Result<bool> {
    match std::fs::metadata(path) {
        Ok(now) => Ok(target::identity(held) == target::identity(&now)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, "inspect", e)),
    }
}

/// Who holds the lock on `file`: on Linux, the process `/proc/locks` names, with its command
/// line; elsewhere unknown.
#[cfg(target_os = "linux")]
fn holder(file: &File) -> Option<String> {
    use std::os::unix::fs::MetadataExt;
    let meta = file.metadata().ok()?;
    let locks = std::fs::read_to_string("/proc/locks").ok()?;
    let pid = lock_holder(&locks, meta.dev(), meta.ino())?;
    let command = std::fs::read(format!("/proc/{pid}/cmdline"))
        .ok()
        .map(|raw| {
            String::from_utf8_lossy(&raw)
                .replace('\0', " ")
                .trim()
                .to_string()
        })
        .filter(|c| !c.is_empty());
    Some(match command {
        Some(c) => format!("process {pid} ({})", crate::text::clip(&c, 80)),
        None => format!("process {pid}"),
    })
}

#[cfg(not(target_os = "linux"))]
fn holder(_file: &File) -> Option<String> {
    None
}

/// The process holding a lock on (device, inode) in `/proc/locks` text. A line reads
/// `1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF` (device as hex major:minor); lines with
/// `->` are waiters, not holders.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn lock_holder(locks: &str, dev: u64, ino: u64) -> Option<u32> {
    let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & 0xffff_f000);
    let minor = (dev & 0xff) | ((dev >> 12) & 0xffff_ff00);
    let wanted = format!("{major:02x}:{minor:02x}:{ino}");
    locks
        .lines()
        .filter(|line| !line.contains("->"))
        .find_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let at = fields.iter().position(|f| *f == wanted)?;
            fields.get(at.checked_sub(1)?)?.parse().ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_holder_of_a_lock_in_proc_locks_text() {
        let locks = "1: FLOCK  ADVISORY  WRITE 4242 08:01:1234 0 EOF\n1: -> FLOCK  ADVISORY  WRITE 99 08:01:1234 0 EOF\n2: POSIX  ADVISORY  READ 7 fd:00:55 0 EOF\n";
        assert_eq!(lock_holder(locks, 0x0801, 1234), Some(4242));
        assert_eq!(lock_holder(locks, 0xfd00, 55), Some(7));
        assert_eq!(lock_holder(locks, 0x0801, 99), None);
    }
}
