//! The files this command has read, by identity (device and inode), so that `-o` never writes
//! over one of them however it is named: a second path, a symbolic link or a hard link.

use std::collections::HashSet;
use std::fs::Metadata;
use std::sync::{Mutex, PoisonError};

static SEEN: Mutex<Option<HashSet<(u64, u64)>>> = Mutex::new(None);

/// Notes that this command read the file.
pub fn record(meta: &Metadata) {
    let mut seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
    seen.get_or_insert_with(HashSet::new)
        .insert(super::target::identity(meta));
}

/// Whether this command read the file.
pub fn was_read(meta: &Metadata) -> bool {
    if cfg!(not(unix)) {
        return false;
    }
    let seen = SEEN.lock().unwrap_or_else(PoisonError::into_inner);
    seen.as_ref()
        .is_some_and(|s| s.contains(&super::target::identity(meta)))
}
