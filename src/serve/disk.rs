//! The session's assessment on disk, through the Store: every vote is one locked, atomic
//! update (a folder assessment: the voter's own member file), and a cheap signature of the
//! files (size, modification time, inode) tells when another program changed them.

use std::path::{Path, PathBuf};

use crate::assessment::store::{self, Loaded, Lookup, NewFile};
use crate::assessment::{Answer, edit};
use crate::error::Result;

/// Where the assessment is and how to write it.
#[derive(Debug, Clone)]
pub struct Disk {
    /// The assessment: a file, or a folder of one file per assessor.
    pub path: PathBuf,
    /// How its checklist is found.
    pub lookup: Lookup,
    /// What a new assessment starts with (a new folder gets its first file with the first vote).
    pub new: Option<NewFile>,
    /// The `#:schema` line to write, when the project has schemas.
    pub schema_line: Option<String>,
}

/// What the files looked like: each file's name, size, modification time and inode.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Signature(Vec<(PathBuf, u64, Option<std::time::SystemTime>, u64)>);

impl Disk {
    /// Opens the assessment, creating a one-file assessment from `new` when it is missing.
    pub fn open(&self) -> Result<Loaded> {
        store::update(
            &self.path,
            &self.lookup,
            self.new.as_ref(),
            self.schema_line.as_deref(),
            |_, _| Ok(()),
        )
    }

    /// Reads the assessment as it is now.
    pub fn read(&self) -> Result<Loaded> {
        if store::exists(&self.path) {
            return store::read(&self.path, &self.lookup);
        }
        // A new folder has no file until the first vote.
        self.open()
    }

    /// Writes one answer (replacing that assessor's earlier one) under the Store's lock.
    pub fn write(&self, answer: &Answer) -> Result<Loaded> {
        store::update(
            &self.path,
            &self.lookup,
            self.new.as_ref(),
            self.schema_line.as_deref(),
            |a, _| {
                edit::set(a, answer.clone());
                Ok(())
            },
        )
    }

    /// The files' signature now; a file that cannot be read simply counts as changed.
    pub fn signature(&self) -> Signature {
        let files = if crate::assessment::folder::is_folder(&self.path) {
            crate::assessment::folder::members(&self.path).unwrap_or_default()
        } else {
            vec![self.path.clone()]
        };
        Signature(files.iter().map(|f| stat(f)).collect())
    }
}

fn stat(path: &Path) -> (PathBuf, u64, Option<std::time::SystemTime>, u64) {
    let meta = std::fs::metadata(path).ok();
    let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
    let modified = meta.as_ref().and_then(|m| m.modified().ok());
    (path.to_path_buf(), size, modified, inode(meta.as_ref()))
}

#[cfg(unix)]
fn inode(meta: Option<&std::fs::Metadata>) -> u64 {
    use std::os::unix::fs::MetadataExt;
    meta.map_or(0, MetadataExt::ino)
}

#[cfg(not(unix))]
fn inode(_: Option<&std::fs::Metadata>) -> u64 {
    0
}
