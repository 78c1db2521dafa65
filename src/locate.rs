//! Finding a checklist from a command-line argument (SPEC §3, "Finding the checklist").
//!
//! An argument with `/` or `\`, or ending in `.toml`, is a path; anything else is an id, looked up
//! among the built-ins.

use std::path::Path;

use crate::checklist::{self, Checklist, Origin, builtin};
use crate::error::{Error, Result};

/// Whether a checklist argument names a file rather than an id.
pub fn is_path(arg: &str) -> bool {
    arg.contains('/') || arg.contains('\\') || arg.ends_with(".toml")
}

/// Loads the checklist an argument names.
pub fn checklist(arg: &str) -> Result<Checklist> {
    if is_path(arg) {
        return from_path(Path::new(arg));
    }
    if let Some(found) = builtin::find(arg) {
        return checklist::load_str(&format!("builtin:{}", found.id), found.source, Origin::Builtin)
            .map_err(|r| Error::Invalid(Box::new(r)));
    }
    let ids: Vec<&str> = builtin::all().iter().map(|b| b.id).collect();
    let suggestion = crate::text::did_you_mean(arg, ids.iter().copied())
        .map(|s| format!("{s} "))
        .unwrap_or_default();
    Err(Error::usage(
        format!("no checklist with id `{arg}`; looked among the built-ins ({})", ids.join(", ")),
        format!("{suggestion}or name a file with --checklist PATH"),
    ))
}

/// Loads a checklist file.
pub fn from_path(path: &Path) -> Result<Checklist> {
    let text = crate::fsx::read_text(path)?;
    checklist::load_str(&path.display().to_string(), &text, Origin::Path(path.to_path_buf()))
        .map_err(|r| Error::Invalid(Box::new(r)))
}
