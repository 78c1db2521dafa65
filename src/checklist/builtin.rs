//! The built-in checklists: files in the repository's `checklists/` folder, compiled in.

use super::{Checklist, Origin, load_str};

/// A checklist compiled into weigh.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    /// Its id (the same as its `[checklist].id`).
    pub id: &'static str,
    /// Its TOML text.
    pub source: &'static str,
}

const BUILTINS: &[Builtin] = &[
    Builtin {
        id: "open-weight-adoption",
        source: include_str!("../../checklists/open-weight-adoption.toml"),
    },
    Builtin {
        id: "quick-screen",
        source: include_str!("../../checklists/quick-screen.toml"),
    },
];

/// The id of the default checklist.
pub const DEFAULT_ID: &str = "open-weight-adoption";

/// Every built-in checklist, default first.
pub fn all() -> &'static [Builtin] {
    BUILTINS
}

/// The built-in with this id.
pub fn find(id: &str) -> Option<&'static Builtin> {
    BUILTINS.iter().find(|b| b.id == id)
}

/// Loads and validates a built-in checklist; `None` for an unknown id or an invalid built-in
/// (which a test rules out).
pub fn load(id: &str) -> Option<Checklist> {
    let builtin = find(id)?;
    load_str(&format!("builtin:{id}"), builtin.source, Origin::Builtin).ok()
}
