//! The git merge driver for one-file assessments (`weigh merge-file BASE OURS THEIRS [PATH]`,
//! SPEC §3): a three-way merge of answer sets keyed by (item, assessor), written over OURS in
//! canonical form. When the header conflicts, the answers are still merged and only the header
//! lines that conflict are left between git's conflict markers; when a version cannot be read as an
//! assessment, the driver falls back to git's own line merge.

use std::path::Path;

use crate::assessment::merge::three_way;
use crate::assessment::store::{self, Loaded, Lookup};
use crate::error::Result;

/// The three versions git hands a merge driver.
#[derive(Debug, Clone, Copy)]
pub struct Versions<'a> {
    /// The common ancestor (`%O`); empty when both sides added the file.
    pub base: &'a Path,
    /// Our version (`%A`), which receives the result.
    pub ours: &'a Path,
    /// Their version (`%B`).
    pub theirs: &'a Path,
    /// The file's path in the repository (`%P`), for messages.
    pub name: &'a str,
}

/// How a merge ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Whether OURS now holds a complete merge (otherwise it holds conflict markers).
    pub clean: bool,
    /// What to tell the person merging: answers settled automatically, conflicts.
    pub messages: Vec<String>,
}

/// Merges THEIRS and BASE into OURS.
pub fn merge(v: Versions<'_>, lookup: &Lookup) -> Result<Outcome> {
    let texts = [v.base, v.ours, v.theirs].map(crate::fsx::read_text);
    let [base_text, ours_text, theirs_text] = texts;
    let (base_text, ours_text, theirs_text) = (base_text?, ours_text?, theirs_text?);
    let load =
        |side: &str, text: &str| store::load_text(&format!("{} ({side})", v.name), text, lookup);
    let base = if base_text.trim().is_empty() {
        None
    } else {
        match load("base", &base_text) {
            Ok(loaded) => Some(loaded),
            Err(e) => return fallback(v, vec![unreadable(&e)], false),
        }
    };
    let (ours, theirs) = match (load("ours", &ours_text), load("theirs", &theirs_text)) {
        (Ok(o), Ok(t)) => (o, t),
        (Err(e), _) | (_, Err(e)) => return fallback(v, vec![unreadable(&e)], false),
    };
    write_merged(v, base.as_ref(), ours, &theirs, &ours_text)
}

fn write_merged(
    v: Versions<'_>,
    base: Option<&Loaded>,
    ours: Loaded,
    theirs: &Loaded,
    ours_text: &str,
) -> Result<Outcome> {
    let merged = three_way(
        base.map(|b| &b.assessment),
        &ours.assessment,
        &theirs.assessment,
    );
    let schema_line = ours_text
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("#:schema "))
        .map(str::trim);
    let mut assessment = merged.assessment;
    if merged.conflicts.is_empty() {
        let text = store::render(&mut assessment, &ours.checklist, schema_line);
        crate::fsx::write_atomic(v.ours, text.as_bytes())?;
        return Ok(Outcome {
            clean: true,
            messages: merged.warnings,
        });
    }
    if ours.assessment.checklist != theirs.assessment.checklist {
        return fallback(v, merged.conflicts, true);
    }
    // The answers are merged; only the header lines the two sides changed differently are left
    // between markers, each side's value on its own line.
    let mut theirs_header = assessment.clone();
    theirs_header.candidate.name = theirs.assessment.candidate.name.clone();
    theirs_header.candidate.model = theirs.assessment.candidate.model.clone();
    theirs_header.candidate.revision = theirs.assessment.candidate.revision.clone();
    assessment.candidate.name = ours.assessment.candidate.name.clone();
    assessment.candidate.model = ours.assessment.candidate.model.clone();
    assessment.candidate.revision = ours.assessment.candidate.revision.clone();
    let ours_side = store::render(&mut assessment, &ours.checklist, schema_line);
    let theirs_side = store::render(&mut theirs_header, &ours.checklist, schema_line);
    let text = crate::udiff::with_markers(&ours_side, &theirs_side);
    crate::fsx::write_atomic(v.ours, text.as_bytes())?;
    let mut messages = merged.warnings;
    messages.extend(merged.conflicts);
    messages.push(resolve_help(v.name, true));
    Ok(Outcome {
        clean: false,
        messages,
    })
}

fn unreadable(e: &crate::error::Error) -> String {
    format!(
        "weigh could not read every version as an assessment, so git merged the lines:\n{}",
        e.to_string().trim_end()
    )
}

/// git's line merge into OURS (`git merge-file`), leaving conflict markers where lines clash.
/// `conflicted`: weigh found a conflict itself, so the merge is not clean whatever git says.
fn fallback(v: Versions<'_>, mut messages: Vec<String>, conflicted: bool) -> Result<Outcome> {
    let (ours, base, theirs) = (path_arg(v.ours), path_arg(v.base), path_arg(v.theirs));
    let out = super::run(
        None,
        &[
            "merge-file",
            "-L",
            "ours",
            "-L",
            "base",
            "-L",
            "theirs",
            &ours,
            &base,
            &theirs,
        ],
    )?;
    let clean = out.success() && !conflicted;
    if !out.success() && out.code.is_none_or(|c| c < 0) {
        messages.push(format!("git merge-file failed: {}", out.stderr.trim()));
    }
    if !clean {
        messages.push(resolve_help(v.name, conflicted));
    }
    Ok(Outcome { clean, messages })
}

/// How to finish a merge that stopped: a header field takes one value; answer blocks keep both.
fn resolve_help(name: &str, header: bool) -> String {
    if header {
        return format!(
            "resolve {name}: keep one side of each conflict in the header, delete the marker lines, then run `weigh fmt {name}`"
        );
    }
    format!(
        "resolve {name}: keep both sides of each conflict, delete the marker lines, then run `weigh fmt {name}` (it keeps the newer of two answers by one assessor to one item)"
    )
}

fn path_arg(path: &Path) -> String {
    path.display().to_string()
}
