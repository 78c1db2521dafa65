//! The rows a snapshot folder adds to `weigh facts`'s table: exact weights, licence, remote
//! code, pickle files, chat template, sampling, and what weigh did not read.

use super::snapshot::Snapshot;
use super::table::{human_bytes, thousands};
use crate::text::escape_control;

/// The snapshot's rows, as (label, value) text.
pub fn rows(s: &Snapshot) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if let Some(w) = &s.weights {
        let dtypes: Vec<&str> = w.dtypes.iter().map(String::as_str).collect();
        rows.push((
            "weights (exact)".into(),
            format!(
                "{} bytes ({}) in {}; dtypes: {}",
                thousands(w.bytes),
                human_bytes(w.bytes),
                escape_control(&w.file),
                escape_control(&dtypes.join(", "))
            ),
        ));
    }
    rows.push(("licence".into(), licence(s)));
    rows.push(("remote code".into(), listed(&s.remote_code, "no")));
    rows.push(("pickle files".into(), listed(&s.pickle_files, "none")));
    if let Some(c) = s.code_free() {
        rows.push((
            "loads without code".into(),
            format!(
                "{}: {}; {}",
                if c.value { "yes" } else { "no" },
                escape_control(&c.weights),
                escape_control(&c.remote_code)
            ),
        ));
    }
    rows.push((
        "chat template".into(),
        s.chat_template.as_deref().map_or_else(
            || "none".into(),
            |at| format!("yes, in {}", escape_control(at)),
        ),
    ));
    if !s.generation.is_empty() {
        let settings: Vec<String> = s
            .generation
            .iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect();
        rows.push(("recommended sampling".into(), settings.join(", ")));
    }
    if !s.listing.skipped_links.is_empty() {
        rows.push((
            "not followed".into(),
            format!(
                "links out of the folder: {}",
                escape_control(&s.listing.skipped_links.join(", "))
            ),
        ));
    }
    for note in &s.notes {
        rows.push(("note".into(), escape_control(note)));
    }
    rows
}

fn licence(s: &Snapshot) -> String {
    match &s.license {
        None => "none declared (no license in README.md front matter, no LICENSE file)".into(),
        Some(l) => {
            let name = l
                .name
                .as_deref()
                .map(|n| format!(" ({})", escape_control(n)))
                .unwrap_or_default();
            format!(
                "{}{name}, declared as `{}` in {}",
                escape_control(l.id()),
                escape_control(&l.declared),
                escape_control(&l.file)
            )
        }
    }
}

fn listed(items: &[String], none: &str) -> String {
    if items.is_empty() {
        none.into()
    } else {
        escape_control(&items.join(", "))
    }
}
