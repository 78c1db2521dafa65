//! Checks that keep the harness honest: the corpus is in the canonical form the weigh under test
//! writes (adding one answer changes no other line), weigh reads it without a warning, and the
//! line-mode walk wrote exactly what one `weigh answer` per item wrote.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;

use crate::corpus::checklist::{Item, Kind};
use crate::corpus::text::float;
use crate::corpus::{Corpus, NOW};

/// Adds one answer to a copy of a fleet file with the weigh under test and checks that the
/// only change is the new block.
pub fn canonical(weigh: &Path, c: &Corpus) -> io::Result<()> {
    let dir = &c.typical.dir;
    let copy = dir.join("canonical-check.toml");
    fs::copy(dir.join(&c.fleet[0]), &copy)?;
    let (id, value) = c
        .typical
        .checklist
        .items()
        .filter(|i| i.when.is_none() && !i.evidence_required)
        .find_map(|i| simple_value(i).map(|v| (i.id.clone(), v)))
        .ok_or_else(|| io::Error::other("no unconditional item to answer"))?;
    let out = Command::new(weigh)
        .current_dir(dir)
        .env("WEIGH_NOW", NOW)
        .args([
            "answer",
            "canonical-check.toml",
            &id,
            &value,
            "--as",
            "zz-bench-check",
        ])
        .output()?;
    let after = fs::read_to_string(&copy);
    let before = fs::read_to_string(dir.join(&c.fleet[0]))?;
    fs::remove_file(&copy)?;
    if !out.status.success() {
        return Err(io::Error::other(format!(
            "weigh could not answer into a corpus file: {}",
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    only_inserted(&before, &after?).map_err(|e| {
        io::Error::other(format!(
            "the corpus is not in the form this weigh writes ({e}); regenerate it with \
             `weigh-bench generate --regenerate`, or the generator needs updating"
        ))
    })
}

/// A value `weigh answer` accepts for the item.
fn simple_value(item: &Item) -> Option<String> {
    Some(match &item.kind {
        Kind::YesNo => "yes".into(),
        Kind::Scale(levels) => levels.first()?.to_string(),
        Kind::Choice(options) => options.first()?.label.to_string(),
        Kind::Number { best, .. } => float(*best),
        Kind::Text => return None,
    })
}

/// `after` is `before` with lines inserted at one place, and nothing else changed.
pub fn only_inserted(before: &str, after: &str) -> Result<(), String> {
    let old: Vec<&str> = before.lines().collect();
    let new: Vec<&str> = after.lines().collect();
    if new.len() <= old.len() {
        return Err(format!("{} lines became {}", old.len(), new.len()));
    }
    let head = old.iter().zip(&new).take_while(|(a, b)| a == b).count();
    let added = new.len() - old.len();
    if old[head..] == new[head + added..] {
        Ok(())
    } else {
        let line = head + 1;
        Err(format!(
            "line {line} was {:?}, weigh wrote {:?}",
            old.get(head).copied().unwrap_or_default(),
            new.get(head).copied().unwrap_or_default()
        ))
    }
}

/// Whether the walk's file equals the one-answer-per-command file, and how many answers the
/// walk wrote.
pub fn walk_matches(walked: &Path, answered: &Path) -> io::Result<(bool, usize)> {
    let a = fs::read_to_string(walked)?;
    let b = fs::read_to_string(answered)?;
    let answers = a.lines().filter(|l| *l == "[[answer]]").count();
    Ok((a == b, answers))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_inserted_block_is_the_only_change_allowed() {
        let before = "a\nb\n\nc\n";
        assert!(only_inserted(before, "a\nb\n\nx\ny\n\nc\n").is_ok());
        assert!(only_inserted(before, "a\nB\n\nx\ny\n\nc\n").is_err());
        assert!(only_inserted(before, "a\nb\n\nc\nx\n").is_ok());
        assert!(only_inserted(before, before).is_err());
    }
}
