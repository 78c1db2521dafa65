//! The files of a snapshot folder, listed without following links out of it.
//!
//! A symbolic link is followed only when its target resolves inside the folder, or, for a
//! Hugging Face cache snapshot (`…/models--ORG--NAME/snapshots/REV/`), inside that model's cache
//! folder (`…/models--ORG--NAME/`), whose `blobs/` the cache's links point into. Any other link is
//! not read: its name still counts (a `.bin` link is still a pickle file) and it is listed as
//! skipped. Folders and files whose names start with `.` are not read, nor are links to
//! folders. The walk is bounded in depth and in entries.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// How far a walk goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// How deep below the folder.
    pub depth: usize,
    /// How many entries in all before the walk is refused.
    pub entries: usize,
}

/// A model snapshot: 4 levels, 20,000 entries (more than any snapshot has).
pub const SNAPSHOT: Limits = Limits {
    depth: 4,
    entries: 20_000,
};

/// What a snapshot folder holds.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Every file name (relative, `/`-separated), links included, sorted.
    pub names: Vec<String>,
    /// Files weigh may read: relative name → the path to open (a link's resolved target).
    pub readable: BTreeMap<String, PathBuf>,
    /// Links weigh did not follow (out of the folder, dangling, or to a folder), by name.
    pub skipped_links: Vec<String>,
}

impl Listing {
    /// The path to read a file at this relative name, if it may be read.
    pub fn path(&self, name: &str) -> Option<&Path> {
        self.readable.get(name).map(PathBuf::as_path)
    }
}

/// Lists a snapshot folder.
pub fn list(dir: &Path) -> Result<Listing> {
    list_with(dir, SNAPSHOT)
}

/// Lists a folder within `limits`.
pub fn list_with(dir: &Path, limits: Limits) -> Result<Listing> {
    let canonical = std::fs::canonicalize(dir).map_err(|e| Error::io(dir, "read", e))?;
    let root = containment_root(&canonical);
    let mut listing = Listing::default();
    let mut stack = vec![(canonical, String::new(), 0usize)];
    let mut seen = 0usize;
    while let Some((folder, prefix, depth)) = stack.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, "read", e))?;
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&folder, "read", e))?;
            seen += 1;
            if seen > limits.entries {
                return Err(Error::usage(
                    format!(
                        "{} holds more than {} entries; weigh does not walk it",
                        dir.display(),
                        limits.entries
                    ),
                    "pass the folder itself (a model snapshot, or a models.dev checkout), not one above it",
                ));
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let kind = entry
                .file_type()
                .map_err(|e| Error::io(entry.path(), "read", e))?;
            if kind.is_dir() {
                if depth < limits.depth {
                    stack.push((entry.path(), format!("{rel}/"), depth + 1));
                }
            } else if kind.is_symlink() {
                listing.names.push(rel.clone());
                match inside(&entry.path(), &root) {
                    Some(target) => {
                        listing.readable.insert(rel, target);
                    }
                    None => listing.skipped_links.push(rel),
                }
            } else if kind.is_file() {
                listing.names.push(rel.clone());
                listing.readable.insert(rel, entry.path());
            }
        }
    }
    listing.names.sort();
    listing.skipped_links.sort();
    Ok(listing)
}

/// The folder links may point into: the snapshot folder, or a Hugging Face cache model folder.
fn containment_root(snapshot: &Path) -> PathBuf {
    let parent = snapshot.parent();
    let grandparent = parent.and_then(Path::parent);
    let is_cache = parent
        .and_then(Path::file_name)
        .is_some_and(|n| n == "snapshots")
        && grandparent
            .and_then(Path::file_name)
            .is_some_and(|n| n.to_string_lossy().starts_with("models--"));
    match grandparent {
        Some(model_folder) if is_cache => model_folder.to_path_buf(),
        _ => snapshot.to_path_buf(),
    }
}

/// A link's target when it resolves to a regular file inside `root`.
fn inside(link: &Path, root: &Path) -> Option<PathBuf> {
    let target = std::fs::canonicalize(link).ok()?;
    let is_file = std::fs::metadata(&target).ok()?.is_file();
    (is_file && target.starts_with(root)).then_some(target)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_out_of_the_folder_are_listed_but_never_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let snap = tempfile::tempdir().unwrap();
        std::fs::write(snap.path().join("config.json"), "{}").unwrap();
        symlink(
            outside.path().join("secret.txt"),
            snap.path().join("README.md"),
        )
        .unwrap();
        symlink(
            snap.path().join("config.json"),
            snap.path().join("alias.json"),
        )
        .unwrap();
        let l = list(snap.path()).unwrap();
        assert_eq!(l.names, ["README.md", "alias.json", "config.json"]);
        assert_eq!(l.skipped_links, ["README.md"]);
        assert!(l.path("README.md").is_none());
        assert!(l.path("alias.json").is_some());
    }

    #[test]
    fn a_hugging_face_cache_snapshot_reads_its_own_blobs() {
        let cache = tempfile::tempdir().unwrap();
        let model = cache.path().join("models--org--name");
        let snapshot = model.join("snapshots/abc123");
        std::fs::create_dir_all(&snapshot).unwrap();
        std::fs::create_dir_all(model.join("blobs")).unwrap();
        std::fs::write(model.join("blobs/deadbeef"), "{}").unwrap();
        symlink("../../blobs/deadbeef", snapshot.join("config.json")).unwrap();
        let l = list(&snapshot).unwrap();
        assert!(l.path("config.json").is_some(), "{l:?}");
        assert!(l.skipped_links.is_empty());
    }

    #[test]
    fn hidden_entries_are_not_listed_and_subfolders_are() {
        let snap = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(snap.path().join(".cache/huggingface")).unwrap();
        std::fs::write(snap.path().join(".cache/huggingface/x.bin"), "").unwrap();
        std::fs::create_dir_all(snap.path().join("original")).unwrap();
        std::fs::write(snap.path().join("original/consolidated.pth"), "").unwrap();
        let l = list(snap.path()).unwrap();
        assert_eq!(l.names, ["original/consolidated.pth"]);
    }
}
