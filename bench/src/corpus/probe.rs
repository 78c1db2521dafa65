//! Learning from the weigh under test what its files look like: it writes one answer into a
//! fresh assessment, and the corpus copies its checklist digest and its spelling of a `scale`
//! answer (an index on older builds, the level's text per SPEC §3). Nothing else is assumed.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;

use super::NOW;
use super::answers::ScaleForm;
use super::checklist::{Checklist, Kind};

/// The scale form and checklist digest weigh writes for this project's checklist.
pub fn learn(weigh: &Path, dir: &Path, checklist: &Checklist) -> io::Result<(ScaleForm, String)> {
    let item = checklist
        .items()
        .find(|i| matches!(i.kind, Kind::Scale(_)) && i.when.is_none() && !i.evidence_required)
        .ok_or_else(|| io::Error::other("the checklist has no plain scale item to probe with"))?;
    let file = dir.join("probe.toml");
    let _ = fs::remove_file(&file);
    let out = Command::new(weigh)
        .current_dir(dir)
        .env("WEIGH_NOW", NOW)
        .args(["answer", "probe.toml", &item.id, "1", "--as", "probe"])
        .args(["--candidate", "Probe", "--checklist", &checklist.id])
        .output()?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "`weigh answer` could not write a probe answer in {}: {}",
            dir.display(),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    let text = fs::read_to_string(&file)?;
    fs::remove_file(&file)?;
    read(&text).ok_or_else(|| io::Error::other(format!("unexpected probe file:\n{text}")))
}

fn read(text: &str) -> Option<(ScaleForm, String)> {
    let doc: toml::Table = toml::from_str(text).ok()?;
    let digest = doc.get("assessment")?.get("checklist_digest")?.as_str()?;
    let value = doc.get("answer")?.get(0)?.get("value")?;
    let form = match value {
        toml::Value::String(_) => ScaleForm::Text,
        toml::Value::Integer(_) => ScaleForm::Index,
        _ => return None,
    };
    Some((form, digest.to_string()))
}

/// Whether this weigh has a `compare` subcommand.
pub fn has_subcommand(weigh: &Path, name: &str) -> bool {
    Command::new(weigh)
        .args([name, "--help"])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "schema_version = 1\n\n[assessment]\nchecklist = \"bench-200\"\nchecklist_version = \"1.0.0\"\nchecklist_digest = \"sha256:ab\"\ncreated = 2026-07-01T00:00:00Z\n\n[candidate]\nname = \"Probe\"\n\n[[answer]]\nitem = \"x\"\nby = \"probe\"\n";

    #[test]
    fn an_integer_scale_answer_means_the_index_form() {
        let text = format!("{HEAD}value = 1\nat = 2026-07-01T00:00:00Z\n");
        assert_eq!(read(&text), Some((ScaleForm::Index, "sha256:ab".into())));
    }

    #[test]
    fn a_string_scale_answer_means_the_text_form() {
        let text = format!("{HEAD}value = \"Spot-checked\"\nat = 2026-07-01T00:00:00Z\n");
        assert_eq!(read(&text), Some((ScaleForm::Text, "sha256:ab".into())));
    }
}
