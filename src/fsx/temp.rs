//! Temporary files for atomic writes: named after their target (`.NAME.weigh-XXXXXX.tmp` in the
//! target's folder), so the next writer, holding the target's lock, can find and remove the ones
//! a killed writer left behind, and nobody else's.

use std::ffi::OsStr;
use std::fs::Metadata;
use std::io::Write;
use std::path::Path;

use tempfile::NamedTempFile;

/// Random characters in a temporary file's name.
const RANDOM: usize = 6;

/// The longest part of the target's name a temporary file's name repeats, in bytes, so that
/// the temporary name stays within the 255-byte limit of common file systems.
const NAME_PART: usize = 200;

/// The prefix of every temporary file for `target` (a file name): `.NAME.weigh-`.
fn prefix(target: &OsStr) -> String {
    let name = target.to_string_lossy();
    let mut cut = name.len().min(NAME_PART);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    format!(".{}.weigh-", &name[..cut])
}

/// An empty temporary file in `dir` for the target named `target`: readable by its owner only
/// while it is filled when it will replace an existing file (which [`seal`] then copies the mode
/// of), else created as a new file is (0666 less the umask).
pub fn create(dir: &Path, target: &OsStr, replaces: bool) -> std::io::Result<NamedTempFile> {
    let prefix = prefix(target);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp").rand_bytes(RANDOM);
    if !replaces {
        new_file_mode(&mut builder);
    }
    builder.tempfile_in(dir)
}

/// Readies a filled temporary file to replace a file: with `like`, that file's mode and, where
/// the system allows, its owner and group; then flushed to disk.
pub fn seal(temp: &NamedTempFile, like: Option<&Metadata>) -> std::io::Result<()> {
    if let Some(meta) = like {
        keep_owner_and_mode(temp.as_file(), meta)?;
    }
    temp.as_file().sync_all()
}

/// A temporary file in `dir` for the target named `target`, holding `contents`, sealed to
/// replace a file like `like` (or to be a new file).
pub fn write(
    dir: &Path,
    target: &OsStr,
    contents: &[u8],
    like: Option<&Metadata>,
) -> std::io::Result<NamedTempFile> {
    let mut temp = create(dir, target, like.is_some())?;
    temp.write_all(contents)?;
    seal(&temp, like)?;
    Ok(temp)
}

/// Removes the temporary files of `target` in `dir` that killed writers left behind, but
/// `keep` (the caller's own). The caller holds the target's lock, so none of them belongs to a
/// live writer.
pub fn remove_stale(dir: &Path, target: &OsStr, keep: Option<&Path>) {
    let prefix = prefix(target);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let own = keep.and_then(Path::file_name) == Some(name.as_os_str());
        if !own && is_temp_of(&name.to_string_lossy(), &prefix) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

fn is_temp_of(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(".tmp"))
        .is_some_and(|random| {
            random.len() == RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

#[cfg(unix)]
fn new_file_mode(builder: &mut tempfile::Builder) {
    use std::os::unix::fs::PermissionsExt;
    builder.permissions(std::fs::Permissions::from_mode(0o666));
}

#[cfg(not(unix))]
fn new_file_mode(_builder: &mut tempfile::Builder) {}

/// Gives the temporary file the target's owner and group where allowed (root may set both, an
/// owner may set a group it belongs to), then its mode (after the owner: a change of owner
/// clears set-id bits).
#[cfg(unix)]
fn keep_owner_and_mode(file: &std::fs::File, meta: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    if std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err() {
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
    file.set_permissions(std::fs::Permissions::from_mode(meta.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &std::fs::File, meta: &Metadata) -> std::io::Result<()> {
    file.set_permissions(meta.permissions())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_made_from_the_target_and_recognised_only_for_it() {
        let p = prefix(OsStr::new("kimi.toml"));
        assert_eq!(p, ".kimi.toml.weigh-");
        assert!(is_temp_of(".kimi.toml.weigh-a1B2c3.tmp", &p));
        assert!(!is_temp_of(".kimi.toml.weigh-a1B2c3.tmp.bak", &p));
        assert!(!is_temp_of(".kimi.toml.weigh-a1.tmp", &p));
        assert!(!is_temp_of(".kimi2.toml.weigh-a1B2c3.tmp", &p));
        assert!(!is_temp_of("kimi.toml", &p));
    }

    #[test]
    fn long_target_names_give_temporary_names_within_the_limit() {
        let long = "é".repeat(120);
        assert!(prefix(OsStr::new(&long)).len() + RANDOM + 4 < 255);
    }
}
