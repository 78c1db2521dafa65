//! Folder assessments (SPEC §3): one file per assessor, read as one assessment, so that
//! assessors answering on different branches never touch the same file.
//!
//! Members are the `*.toml` files directly in the folder whose names do not start with `.`;
//! nothing else there is read. They must agree on the checklist and the candidate's name;
//! `created` is the earliest; `model` and `revision` are merged (two different values are an
//! error naming both files); facts are merged by name; answers are the union. Drift is judged per
//! file. A writer writes only the files whose answers changed: its own
//! `<slug of the assessor>.toml`, created on its first answer with the others' header.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::merge::{Key, Slot, merge_facts, set_slots, slots};
use super::model::{Assessment, Candidate};
use super::store::{
    Loaded, Lookup, NewFile, Parsed, dropped_comments, load_parsed, lock, parse, render, verify,
};
use crate::checklist::Checklist;
use crate::diag::{Diagnostic, Report, SourceFile};
use crate::error::{Error, Result};

/// Whether `path` names a folder assessment: a path without the `.toml` extension that is a
/// folder or does not exist yet (`-`, stdin, and existing files are files).
pub fn is_folder(path: &Path) -> bool {
    if path == Path::new("-") || path.extension().is_some_and(|e| e == "toml") {
        return false;
    }
    std::fs::metadata(path).map_or(true, |meta| meta.is_dir())
}

/// The member files of a folder, sorted by name.
pub fn members(folder: &Path) -> Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, "read", e))?;
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| is_member(p))
        .collect();
    out.sort();
    Ok(out)
}

fn is_member(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or(".");
    !name.starts_with('.') && path.extension().is_some_and(|e| e == "toml") && path.is_file()
}

/// The file an assessor writes: `<slug>.toml`, or with `-` and 8 hex digits of the name's
/// SHA-256 appended when the slug is empty (`assessor-…`) or another assessor holds that file.
pub fn own_file(folder: &Path, by: &str, holders: &HashMap<PathBuf, Vec<String>>) -> PathBuf {
    let taken = |p: &Path| {
        holders
            .get(p)
            .is_some_and(|names| names.iter().any(|n| n != by))
    };
    // The slug falls back to `candidate` when a name has no ASCII letter or digit.
    if !by.chars().any(|c| c.is_ascii_alphanumeric()) {
        return folder.join(format!("assessor-{}.toml", hash8(by)));
    }
    let slug = crate::text::slug(by);
    let plain = folder.join(format!("{slug}.toml"));
    if taken(&plain) {
        folder.join(format!("{slug}-{}.toml", hash8(by)))
    } else {
        plain
    }
}

fn hash8(name: &str) -> String {
    Sha256::digest(name.as_bytes())
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// One member file as read.
struct Member {
    path: PathBuf,
    text: String,
    loaded: Loaded,
}

/// A folder as read: its members, the merged view, and which member holds each answer.
struct State {
    members: Vec<Member>,
    merged: Loaded,
    home: HashMap<Key, usize>,
}

/// Reads a folder assessment.
pub fn read(folder: &Path, lookup: &Lookup) -> Result<Loaded> {
    match state(folder, lookup)? {
        Some(state) => Ok(state.merged),
        None => Err(empty(folder)),
    }
}

fn empty(folder: &Path) -> Error {
    if folder.exists() {
        Error::usage(
            format!("{} holds no assessment files (*.toml)", folder.display()),
            "start the assessment with `weigh answer FOLDER ITEM VALUE --candidate NAME` or `weigh assess FOLDER`",
        )
    } else {
        Error::Missing(folder.to_path_buf())
    }
}

/// Reads every member; `None` when the folder is missing or has none.
fn state(folder: &Path, lookup: &Lookup) -> Result<Option<State>> {
    if !folder.is_dir() {
        return Ok(None);
    }
    let texts = members(folder)?
        .into_iter()
        .map(|path| crate::fsx::read_text(&path).map(|text| (path, text)))
        .collect::<Result<Vec<_>>>()?;
    from_texts(texts, lookup)
}

/// Reads a folder assessment from its members' paths and texts, sorted by file name (as git
/// holds them at a revision, for `REV:FOLDER`); `folder` names it in errors and warnings.
pub fn read_texts(folder: &Path, texts: Vec<(PathBuf, String)>, lookup: &Lookup) -> Result<Loaded> {
    match from_texts(texts, lookup)? {
        Some(mut state) => {
            state.merged.warnings.source.name = folder.display().to_string();
            Ok(state.merged)
        }
        None => Err(Error::usage(
            format!("{} holds no assessment files (*.toml)", folder.display()),
            "name a folder with one file per assessor, or a file",
        )),
    }
}

/// The folder from its members' texts; `None` when there are none.
fn from_texts(texts: Vec<(PathBuf, String)>, lookup: &Lookup) -> Result<Option<State>> {
    let mut texts = texts.into_iter();
    let Some((first_path, first_text)) = texts.next() else {
        return Ok(None);
    };
    let folder = first_path
        .parent()
        .map_or_else(PathBuf::new, Path::to_path_buf);
    let first_parsed = parse(&first_path.display().to_string(), &first_text)?;
    let header = Header::of(&first_parsed);
    let first = load_parsed(first_parsed, |id| lookup.checklist_for(id))?;
    let checklist = first.checklist.clone();
    let mut members = vec![Member {
        path: first_path.clone(),
        text: first_text,
        loaded: first,
    }];
    for (path, text) in texts {
        let parsed = parse(&path.display().to_string(), &text)?;
        header.agrees(&parsed, &first_path)?;
        let loaded = load_parsed(parsed, |_| Ok(checklist.clone()))?;
        members.push(Member { path, text, loaded });
    }
    merge(&folder, members).map(Some)
}

/// What every member must agree on, as the first member has it.
struct Header {
    checklist: String,
    candidate: String,
}

impl Header {
    fn of(parsed: &Parsed) -> Header {
        let meta = parsed.file.assessment.as_ref().map(|m| m.get_ref());
        let candidate = parsed.file.candidate.as_ref().map(|c| c.get_ref());
        Header {
            checklist: meta
                .and_then(|m| m.checklist.as_ref())
                .map_or(String::new(), |c| c.get_ref().clone()),
            candidate: candidate
                .and_then(|c| c.name.as_ref())
                .map_or(String::new(), |n| n.get_ref().trim().to_string()),
        }
    }

    /// An error at the key of `parsed` that differs from the first member's.
    fn agrees(&self, parsed: &Parsed, first: &Path) -> Result<()> {
        let other = Header::of(parsed);
        let meta = parsed.file.assessment.as_ref().map(|m| m.get_ref());
        let candidate = parsed.file.candidate.as_ref().map(|c| c.get_ref());
        let (what, mine, theirs, span) = if other.checklist != self.checklist {
            let span = meta.and_then(|m| m.checklist.as_ref()).map(|c| c.span());
            ("checklist", &other.checklist, &self.checklist, span)
        } else if other.candidate != self.candidate {
            let span = candidate.and_then(|c| c.name.as_ref()).map(|n| n.span());
            ("candidate", &other.candidate, &self.candidate, span)
        } else {
            return Ok(());
        };
        let mut d = Diagnostic::error(
            "member-differs",
            format!(
                "this file's {what} is \"{mine}\", but {} has \"{theirs}\"",
                first.display()
            ),
        )
        .label("every file of a folder assessment must agree on this")
        .help(format!(
            "a folder holds one candidate scored against one checklist: fix this file's {what}, or move it to a folder of its own"
        ));
        if let Some(span) = span {
            d = d.at(span);
        }
        Err(invalid(&parsed.source, d))
    }
}

fn invalid(source: &SourceFile, d: Diagnostic) -> Error {
    Error::Invalid(Box::new(Report {
        source: source.clone(),
        diagnostics: vec![d],
    }))
}

/// The merged view of the members (in file-name order).
fn merge(folder: &Path, members: Vec<Member>) -> Result<State> {
    let first = &members[0].loaded;
    let checklist = first.checklist.clone();
    let mut merged = first.assessment.clone();
    merged.created = members
        .iter()
        .map(|m| m.loaded.assessment.created)
        .min()
        .unwrap_or(merged.created);
    merged.candidate = candidate(&members)?;
    let mut folder_warnings = Vec::new();
    let names: Vec<String> = members.iter().map(|m| file_name(&m.path)).collect();
    let sources: Vec<(&str, &BTreeMap<String, super::Fact>)> = members
        .iter()
        .zip(&names)
        .map(|(m, n)| (n.as_str(), &m.loaded.assessment.candidate.facts))
        .collect();
    let (facts, fact_warnings) = merge_facts(&sources);
    merged.candidate.facts = facts;
    folder_warnings.extend(
        fact_warnings
            .into_iter()
            .map(|w| Diagnostic::warning("fact-differs", w)),
    );
    if let Some(drifted) = members.iter().map(|m| &m.loaded.assessment).find(|a| {
        a.checklist_digest
            .as_ref()
            .is_some_and(|d| *d != checklist.digest)
    }) {
        merged.checklist_version = drifted.checklist_version.clone();
        merged.checklist_digest = drifted.checklist_digest.clone();
    }
    let (all, home) = union(&members, &names, &mut folder_warnings);
    set_slots(&mut merged, all);
    merged.answers = super::load::canonical_order(std::mem::take(&mut merged.answers), &checklist);
    let member_warnings = members
        .iter()
        .map(|m| m.loaded.warnings.clone())
        .filter(|r| !r.diagnostics.is_empty())
        .collect();
    let merged = Loaded {
        assessment: merged,
        checklist,
        warnings: Report {
            source: SourceFile {
                name: folder.display().to_string(),
                text: String::new(),
            },
            diagnostics: folder_warnings,
        },
        member_warnings,
    };
    Ok(State {
        members,
        merged,
        home,
    })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

/// The union of the members' answers; an (item, assessor) in two files keeps the later `at`.
fn union(
    members: &[Member],
    names: &[String],
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Slot>, HashMap<Key, usize>) {
    let mut all: BTreeMap<Key, (Slot, usize)> = BTreeMap::new();
    for (index, member) in members.iter().enumerate() {
        for (key, slot) in slots(&member.loaded.assessment) {
            if let Some((kept, from)) = all.get(&key) {
                let newer = slot.0.at > kept.0.at;
                warnings.push(Diagnostic::warning(
                    "duplicate-answer",
                    format!(
                        "{} and {} both hold {}'s answer to `{}`; weigh uses the newer one, in {}",
                        names[*from],
                        names[index],
                        key.1,
                        key.0,
                        if newer { &names[index] } else { &names[*from] }
                    ),
                ));
                if !newer {
                    continue;
                }
            }
            all.insert(key, (slot, index));
        }
    }
    let home = all.iter().map(|(k, (_, i))| (k.clone(), *i)).collect();
    (all.into_values().map(|(slot, _)| slot).collect(), home)
}

/// The candidate: the first member's name; `model` and `revision` from whichever member has
/// them, two different values being an error naming both files.
fn candidate(members: &[Member]) -> Result<Candidate> {
    let mut out = members[0].loaded.assessment.candidate.clone();
    let mut model: Option<(&str, &Path)> = None;
    let mut revision: Option<(&str, &Path)> = None;
    for m in members {
        let c = &m.loaded.assessment.candidate;
        agree("model", &mut model, c.model.as_deref(), m)?;
        agree("revision", &mut revision, c.revision.as_deref(), m)?;
    }
    out.model = model.map(|(v, _)| v.to_string());
    out.revision = revision.map(|(v, _)| v.to_string());
    Ok(out)
}

fn agree<'a>(
    key: &str,
    seen: &mut Option<(&'a str, &'a Path)>,
    value: Option<&'a str>,
    member: &'a Member,
) -> Result<()> {
    let Some(value) = value else { return Ok(()) };
    match seen {
        None => *seen = Some((value, &member.path)),
        Some((first, path)) if *first != value => {
            let message = format!(
                "candidate.{key} is \"{value}\" in {}, but \"{first}\" in {}",
                member.path.display(),
                path.display()
            );
            return Err(Error::usage(
                message,
                format!("make candidate.{key} the same in both files (or remove it from one)"),
            ));
        }
        Some(_) => {}
    }
    Ok(())
}

/// Applies `change` to the folder's merged assessment and writes the member files whose answers
/// changed, each under its lock; re-reads and retries when another writer got there first.
/// Changed facts go to the member file of `by` (the assessor recording them).
pub fn update<F>(
    folder: &Path,
    lookup: &Lookup,
    new: Option<&NewFile>,
    schema_line: Option<&str>,
    by: Option<&str>,
    mut change: F,
) -> Result<Loaded>
where
    F: FnMut(&mut Assessment, &Checklist) -> Result<()>,
{
    loop {
        let state = match state(folder, lookup)? {
            Some(state) => state,
            None => fresh(folder, new)?,
        };
        let mut after = state.merged.assessment.clone();
        change(&mut after, &state.merged.checklist)?;
        let plan = plan(folder, &state, &after, by)?;
        if create_new(&state, &plan, new, schema_line)? {
            continue;
        }
        let Some(dropped) = commit(&state, &plan, schema_line)? else {
            continue;
        };
        let mut merged = state.merged;
        merged.member_warnings.extend(dropped);
        after.answers = super::load::canonical_order(after.answers, &merged.checklist);
        merged.assessment = after;
        return Ok(merged);
    }
}

/// A folder with no members yet: the merged view is what `new` starts with.
fn fresh(folder: &Path, new: Option<&NewFile>) -> Result<State> {
    let new = new.ok_or_else(|| empty(folder))?;
    let assessment = new.assessment();
    Ok(State {
        members: Vec::new(),
        merged: Loaded {
            assessment,
            checklist: Arc::new(new.checklist.clone()),
            warnings: Report {
                source: SourceFile {
                    name: folder.display().to_string(),
                    text: String::new(),
                },
                diagnostics: Vec::new(),
            },
            member_warnings: Vec::new(),
        },
        home: HashMap::new(),
    })
}

/// What to write: for each file, its answers after the change (by key), and whether it is new.
struct Write {
    path: PathBuf,
    member: Option<usize>,
    changes: BTreeMap<Key, Option<Slot>>,
    /// Facts recorded or removed, by name.
    facts: BTreeMap<String, Option<super::Fact>>,
}

/// The files to write: each changed answer goes to the member that holds it, a new answer to
/// its assessor's own file.
fn plan(folder: &Path, state: &State, after: &Assessment, by: Option<&str>) -> Result<Vec<Write>> {
    let before = slots(&state.merged.assessment);
    let now = slots(after);
    let holders = holders(state);
    let mut writes: BTreeMap<PathBuf, Write> = BTreeMap::new();
    let keys: std::collections::BTreeSet<&Key> = before.keys().chain(now.keys()).collect();
    for key in keys {
        let (was, is) = (before.get(key), now.get(key));
        if was == is {
            continue;
        }
        let member = state.home.get(key).copied();
        let path = match member {
            Some(i) => state.members[i].path.clone(),
            None => own_file(folder, &key.1, &holders),
        };
        write_to(&mut writes, state, path, member)
            .changes
            .insert(key.clone(), is.cloned());
    }
    plan_facts(folder, state, after, by, &holders, &mut writes)?;
    if writes.is_empty() && after.candidate != state.merged.assessment.candidate {
        return Err(Error::usage(
            format!(
                "{} is a folder assessment: its candidate details change only along with an answer",
                folder.display()
            ),
            "name one member file (FOLDER/NAME.toml) to change the candidate's details",
        ));
    }
    Ok(writes.into_values().collect())
}

/// Changed facts go to the recording assessor's own file.
fn plan_facts(
    folder: &Path,
    state: &State,
    after: &Assessment,
    by: Option<&str>,
    holders: &HashMap<PathBuf, Vec<String>>,
    writes: &mut BTreeMap<PathBuf, Write>,
) -> Result<()> {
    let (before, now) = (
        &state.merged.assessment.candidate.facts,
        &after.candidate.facts,
    );
    let changed: BTreeMap<String, Option<super::Fact>> = before
        .keys()
        .chain(now.keys())
        .filter(|name| before.get(*name) != now.get(*name))
        .map(|name| (name.clone(), now.get(name).cloned()))
        .collect();
    if changed.is_empty() {
        return Ok(());
    }
    let Some(by) = by else {
        return Err(Error::usage(
            format!(
                "{} is a folder assessment: facts are recorded in one assessor's file",
                folder.display()
            ),
            "pass --as NAME (the facts go to that assessor's file)",
        ));
    };
    let path = own_file(folder, by, holders);
    write_to(writes, state, path, None).facts.extend(changed);
    Ok(())
}

/// The planned write to `path`, added when there is none yet (`member`: the member file it is,
/// when known; else found by path).
fn write_to<'w>(
    writes: &'w mut BTreeMap<PathBuf, Write>,
    state: &State,
    path: PathBuf,
    member: Option<usize>,
) -> &'w mut Write {
    let member = member.or_else(|| state.members.iter().position(|m| m.path == path));
    writes.entry(path.clone()).or_insert_with(|| Write {
        path,
        member,
        changes: BTreeMap::new(),
        facts: BTreeMap::new(),
    })
}

/// Who answers in each member file.
fn holders(state: &State) -> HashMap<PathBuf, Vec<String>> {
    state
        .members
        .iter()
        .map(|m| {
            let names = slots(&m.loaded.assessment)
                .into_keys()
                .map(|(_, by)| by)
                .collect();
            (m.path.clone(), names)
        })
        .collect()
}

/// Creates the new member files of the plan with the folder's header and no answers; `true`
/// when one was created (the caller re-reads, so the answers are written under the lock).
fn create_new(
    state: &State,
    plan: &[Write],
    new: Option<&NewFile>,
    schema_line: Option<&str>,
) -> Result<bool> {
    let mut created = false;
    for write in plan.iter().filter(|w| w.member.is_none()) {
        if write.path.exists() && !is_member(&write.path) {
            return Err(Error::usage(
                format!(
                    "{} exists but is not an assessment file",
                    write.path.display()
                ),
                "move it out of the way: weigh writes this assessor's answers there",
            ));
        }
        let merged = &state.merged;
        let created_at = match (state.members.is_empty(), new) {
            (true, Some(new)) => new.created,
            _ => crate::clock::now()?,
        };
        let mut a = Assessment {
            checklist: merged.checklist.id.clone(),
            checklist_version: merged.checklist.version.clone(),
            checklist_digest: Some(merged.checklist.digest.clone()),
            created: created_at,
            candidate: Candidate {
                facts: BTreeMap::new(),
                ..merged.assessment.candidate.clone()
            },
            answers: Vec::new(),
            unfit: Vec::new(),
        };
        let text = render(&mut a, &merged.checklist, schema_line);
        crate::fsx::create_atomic(&write.path, text.as_bytes())?;
        created = true;
    }
    Ok(created)
}

/// Locks every file of the plan, checks that none changed since it was read, and writes each;
/// `None` when one had changed (nothing is written then), else the warnings about comments that
/// were dropped.
fn commit(state: &State, plan: &[Write], schema_line: Option<&str>) -> Result<Option<Vec<Report>>> {
    let mut held = Vec::new();
    for write in plan {
        let Some(i) = write.member else {
            return Ok(None);
        };
        let (file, text) = lock(&write.path)?;
        if text != state.members[i].text {
            return Ok(None);
        }
        held.push(file);
    }
    let mut dropped = Vec::new();
    for (write, locked) in plan.iter().zip(&held) {
        let member = &state.members[write.member.unwrap_or_default()];
        let mut a = member.loaded.assessment.clone();
        let mut all = slots(&a);
        for (key, slot) in &write.changes {
            match slot {
                Some(slot) => all.insert(key.clone(), slot.clone()),
                None => all.remove(key),
            };
        }
        set_slots(&mut a, all.into_values());
        for (name, fact) in &write.facts {
            match fact {
                Some(fact) => a.candidate.facts.insert(name.clone(), fact.clone()),
                None => a.candidate.facts.remove(name),
            };
        }
        let text = render(&mut a, &state.merged.checklist, schema_line);
        verify(&write.path, &text, &state.merged.checklist)?;
        if let Some(d) = dropped_comments(&member.text) {
            dropped.push(Report {
                source: SourceFile {
                    name: member.path.display().to_string(),
                    text: member.text.clone(),
                },
                diagnostics: vec![d],
            });
        }
        locked.replace(text.as_bytes())?;
    }
    drop(held);
    Ok(Some(dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_without_toml_extension_names_a_folder() {
        assert!(is_folder(Path::new("no/such/assessments/kimi-k3")));
        assert!(!is_folder(Path::new("no/such/kimi-k3.toml")));
        assert!(!is_folder(Path::new("-")));
    }

    #[test]
    fn own_files_are_slugs_with_a_hash_when_taken_or_empty() {
        let folder = Path::new("f");
        let mut holders = HashMap::new();
        assert_eq!(
            own_file(folder, "Alice Smith", &holders),
            folder.join("alice-smith.toml")
        );
        holders.insert(
            folder.join("alice-smith.toml"),
            vec!["alice smith".to_string()],
        );
        let other = own_file(folder, "Alice Smith", &holders);
        assert!(
            other.to_string_lossy().starts_with("f/alice-smith-")
                && other.to_string_lossy().len() == "f/alice-smith-12345678.toml".len(),
            "{}",
            other.display()
        );
        let nameless = own_file(folder, "東京", &holders);
        assert!(
            nameless.to_string_lossy().starts_with("f/assessor-"),
            "{}",
            nameless.display()
        );
    }
}
