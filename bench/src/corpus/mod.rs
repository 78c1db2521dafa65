//! The synthetic corpus under `target/bench-corpus/`: four weigh projects (a `weigh.toml`, one
//! checklist, assessments), generated from fixed seeds, so every clone measures the same bytes.
//!
//! - `typical`: a 200-item checklist and 10,000 assessments by three assessors each (the first
//!   100 and 1,000 are the smaller fleets; the first is the typical file for `weigh report`);
//! - `walk`: a 1,000-item checklist for the scripted line-mode walk;
//! - `large-2000`: a 2,000-item checklist, one assessment by three assessors, and one of 5,000
//!   answers for `weigh answer`;
//! - `large-20000`: a 20,000-item checklist and one assessment by three assessors.
//!
//! Assessments are written the way the weigh under test writes them: its digest of the checklist
//! and its spelling of `scale` answers, both learnt by letting it write one answer ([`probe`]).

pub mod answers;
pub mod checklist;
pub mod probe;
pub mod text;
pub mod walk;
pub mod words;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use fastrand::Rng;

pub use answers::ScaleForm;
use checklist::Checklist;

/// Bump when the generator's output changes, so stale corpora are regenerated.
const GENERATOR_VERSION: u32 = 1;
/// Items in the typical checklist.
pub const TYPICAL_ITEMS: usize = 200;
/// Assessments in the largest fleet; the smaller fleets are its first 100 and 1,000.
pub const FLEET: usize = 10_000;
/// Items in the walk's checklist.
pub const WALK_ITEMS: usize = 1_000;
/// Items in the large checklists (the growth pair).
pub const LARGE: [usize; 2] = [2_000, 20_000];
/// Assessors per assessment.
pub const ASSESSORS: usize = 3;
/// The assessor who walks, and who answers one item at a time.
pub const WALKER: &str = "Priya Raman";
/// The fixed "now" of every measured command (`WEIGH_NOW`).
pub const NOW: &str = "2026-07-01T00:00:00Z";

/// One weigh project of the corpus.
pub struct Project {
    /// Its folder.
    pub dir: PathBuf,
    /// Its checklist.
    pub checklist: Checklist,
    /// The checklist file, relative to `dir`.
    pub checklist_file: PathBuf,
    /// The checklist digest weigh computed.
    pub digest: String,
}

impl Project {
    /// Files a command reads besides its assessments, relative to `dir`.
    pub fn support_files(&self) -> Vec<PathBuf> {
        vec![PathBuf::from("weigh.toml"), self.checklist_file.clone()]
    }
}

/// The generated corpus.
pub struct Corpus {
    /// How scale answers are written in it.
    pub form: ScaleForm,
    /// 200 items, the fleet of assessments.
    pub typical: Project,
    /// Fleet files, relative to `typical.dir`, in order.
    pub fleet: Vec<PathBuf>,
    /// The walk's project.
    pub walk: Project,
    /// The 2,000- and 20,000-item projects.
    pub large: [Project; 2],
    /// The assessment files of the large projects, relative to their folders.
    pub large_files: [PathBuf; 2],
    /// The 5,000-answer file, relative to `large[0].dir`.
    pub answer_file: PathBuf,
    /// The answer recorded into it: `weigh answer FILE` arguments after FILE.
    pub answer_args: Vec<String>,
    /// The walk.
    pub walk_steps: Vec<walk::Step>,
}

/// Generates what is missing (or everything with `force`) and describes the corpus.
pub fn ensure(weigh: &Path, root: &Path, force: bool) -> io::Result<Corpus> {
    let typical = generate_checklist(TYPICAL_ITEMS);
    let scratch = root.join("probe");
    write_project(&scratch, &typical)?;
    let (form, _) = probe::learn(weigh, &scratch, &typical)?;
    let root = root.join(form.name());
    eprintln!("corpus: {} (scale answers as {:?})", root.display(), form);
    let typical = project(weigh, &root.join("typical"), typical)?;
    let fleet = fleet(&typical, form, force)?;
    let walk = project(weigh, &root.join("walk"), generate_checklist(WALK_ITEMS))?;
    let large = LARGE.map(|n| {
        project(
            weigh,
            &root.join(format!("large-{n}")),
            generate_checklist(n),
        )
    });
    let [small, big] = large;
    let large = [small?, big?];
    let large_files = [0, 1].map(|k| large_file(&large[k], form, force));
    let [a, b] = large_files;
    let large_files = [a?, b?];
    let (answer_file, answer_args) = answer_file(&large[0], form, force)?;
    let walk_steps = walk_steps(&walk.checklist);
    Ok(Corpus {
        form,
        typical,
        fleet,
        walk,
        large,
        large_files,
        answer_file,
        answer_args,
        walk_steps,
    })
}

/// The corpus's checklist of `items` items (its id is `bench-ITEMS`).
pub fn generate_checklist(items: usize) -> Checklist {
    checklist::generate(
        &format!("bench-{items}"),
        items,
        seed("checklist", items as u64),
    )
}

/// The walk over `checklist`: [`WALKER`]'s answers to the items the walk asks, in order.
pub fn walk_steps(checklist: &Checklist) -> Vec<walk::Step> {
    walk::steps(checklist, seed("walk", 0), WALKER)
}

/// A fixed seed per part of the corpus.
fn seed(part: &str, n: u64) -> u64 {
    part.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    }) ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Writes the project's `weigh.toml` and checklist, and learns the checklist's digest.
fn project(weigh: &Path, dir: &Path, checklist: Checklist) -> io::Result<Project> {
    let checklist_file = write_project(dir, &checklist)?;
    let (_, digest) = probe::learn(weigh, dir, &checklist)?;
    Ok(Project {
        dir: dir.to_path_buf(),
        checklist,
        checklist_file,
        digest,
    })
}

/// `weigh.toml`, `checklists/ID.toml` and an `assessments/` folder; the checklist's path.
pub fn write_project(dir: &Path, checklist: &Checklist) -> io::Result<PathBuf> {
    let checklist_file = PathBuf::from(format!("checklists/{}.toml", checklist.id));
    fs::create_dir_all(dir.join("checklists"))?;
    fs::create_dir_all(dir.join("assessments"))?;
    let manifest = format!(
        "schema_version = 1\nchecklists = [\"checklists\"]\nassessments = \"assessments\"\ndefault_checklist = \"{}\"\n",
        checklist.id
    );
    write_if_changed(&dir.join("weigh.toml"), &manifest)?;
    write_if_changed(&dir.join(&checklist_file), &checklist::render(checklist))?;
    Ok(checklist_file)
}

fn write_if_changed(path: &Path, text: &str) -> io::Result<()> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(());
    }
    fs::write(path, text)
}

/// What a complete set of generated files was made from; regenerated when it differs.
fn stamp(p: &Project, form: ScaleForm, what: &str) -> String {
    format!(
        "generator {GENERATOR_VERSION}\nform {}\ndigest {}\nset {what}\n",
        form.name(),
        p.digest
    )
}

fn up_to_date(p: &Project, name: &str, stamp: &str, force: bool) -> bool {
    !force && fs::read_to_string(p.dir.join(name)).is_ok_and(|s| s == stamp)
}

/// The fleet: `FLEET` assessments of the typical checklist, written on both cores.
fn fleet(p: &Project, form: ScaleForm, force: bool) -> io::Result<Vec<PathBuf>> {
    let stamp = stamp(p, form, &format!("fleet {FLEET}"));
    let files: Vec<(usize, PathBuf)> = (0..FLEET)
        .map(|i| (i, fleet_path(&p.checklist, i)))
        .collect();
    if !up_to_date(p, ".fleet-complete", &stamp, force) {
        eprintln!(
            "corpus: writing {FLEET} assessments of {} items",
            TYPICAL_ITEMS
        );
        let halves: Vec<&[(usize, PathBuf)]> = files.chunks(FLEET.div_ceil(2)).collect();
        std::thread::scope(|s| {
            let workers: Vec<_> = halves
                .iter()
                .map(|half| s.spawn(|| write_fleet(p, form, half)))
                .collect();
            workers
                .into_iter()
                .try_for_each(|w| w.join().expect("generator thread"))
        })?;
        fs::write(p.dir.join(".fleet-complete"), stamp)?;
    }
    Ok(files.into_iter().map(|(_, f)| f).collect())
}

/// The `i`th fleet file, relative to its project: `assessments/` and the candidate's slug.
pub fn fleet_path(checklist: &Checklist, i: usize) -> PathBuf {
    let mut rng = Rng::with_seed(seed("fleet", i as u64));
    let c = answers::candidate(&mut rng, checklist, i);
    PathBuf::from(format!("assessments/{}.toml", slug(&c.header.name)))
}

fn write_fleet(p: &Project, form: ScaleForm, files: &[(usize, PathBuf)]) -> io::Result<()> {
    for (i, file) in files {
        let text = fleet_assessment(&p.checklist, &p.digest, form, *i);
        fs::write(p.dir.join(file), text)?;
    }
    Ok(())
}

/// The `index`th assessment of a fleet: three assessors answering every item.
pub fn fleet_assessment(
    checklist: &Checklist,
    digest: &str,
    form: ScaleForm,
    index: usize,
) -> String {
    let mut rng = Rng::with_seed(seed("fleet", index as u64));
    team_assessment(
        &mut rng,
        (checklist, digest),
        form,
        index,
        &[usize::MAX; ASSESSORS],
    )
    .0
}

/// An assessment by a team, and the team; assessor k answers the first `limits[k]` items.
fn team_assessment(
    rng: &mut Rng,
    (checklist, digest): (&Checklist, &str),
    form: ScaleForm,
    index: usize,
    limits: &[usize],
) -> (String, Vec<&'static str>) {
    let c = answers::candidate(rng, checklist, index);
    let team = answers::team(rng, limits.len());
    let all = team
        .iter()
        .zip(limits)
        .flat_map(|(by, limit)| answers::answers(rng, checklist, &c, by, *limit))
        .collect();
    let text = answers::render(checklist, Some(digest), &c.header, all, form);
    (text, team)
}

/// The large project's assessment by three assessors.
fn large_file(p: &Project, form: ScaleForm, force: bool) -> io::Result<PathBuf> {
    let items = p.checklist.items().count();
    let file = PathBuf::from(format!("assessments/report-{items}.toml"));
    let stamp = stamp(p, form, "report");
    if !up_to_date(p, ".report-complete", &stamp, force) {
        eprintln!(
            "corpus: writing {} ({items} items × {ASSESSORS} assessors)",
            file.display()
        );
        let text = large_assessment(&p.checklist, &p.digest, form);
        fs::write(p.dir.join(&file), text)?;
        fs::write(p.dir.join(".report-complete"), stamp)?;
    }
    Ok(file)
}

/// The large project's assessment: three assessors answering every item of `checklist`.
pub fn large_assessment(checklist: &Checklist, digest: &str, form: ScaleForm) -> String {
    let items = checklist.items().count();
    let mut rng = Rng::with_seed(seed("large", items as u64));
    team_assessment(
        &mut rng,
        (checklist, digest),
        form,
        0,
        &[usize::MAX; ASSESSORS],
    )
    .0
}

/// A file of 5,000 answers (two assessors answered all 2,000 items, a third the first 1,000),
/// and the third assessor's next answer: an item past the 1,000th that applies without
/// conditions, with a note and evidence.
fn answer_file(p: &Project, form: ScaleForm, force: bool) -> io::Result<(PathBuf, Vec<String>)> {
    let answered = 1_000;
    let file = PathBuf::from("assessments/answer-5000.toml");
    let mut rng = Rng::with_seed(seed("answer", 5_000));
    let limits = [usize::MAX, usize::MAX, answered];
    let (text, team) = team_assessment(&mut rng, (&p.checklist, &p.digest), form, 1, &limits);
    let stamp = stamp(p, form, "answer");
    if !up_to_date(p, ".answer-complete", &stamp, force) {
        eprintln!("corpus: writing {} (5,000 answers)", file.display());
        fs::write(p.dir.join(&file), &text)?;
        fs::write(p.dir.join(".answer-complete"), stamp)?;
    }
    let (item, levels) = p
        .checklist
        .items()
        .skip(answered + 500)
        .filter(|i| i.when.is_none())
        .find_map(|i| match &i.kind {
            checklist::Kind::Scale(levels) => Some((i, levels)),
            _ => None,
        })
        .expect("a 2,000-item checklist has unconditional scale items");
    let args = vec![
        item.id.clone(),
        levels[2].to_string(),
        "--note".into(),
        "Measured on 1,200 cases from last month's traffic.".into(),
        "--evidence".into(),
        format!("evals/2026-06/{}.md", item.topic),
        "--as".into(),
        team[2].to_string(),
    ];
    Ok((file, args))
}

/// A candidate's file name, the way `weigh assess` names it (SPEC §6).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::checklist::{Gate, Kind, When};
    use super::*;

    fn typical() -> Checklist {
        generate_checklist(TYPICAL_ITEMS)
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        assert_eq!(checklist::render(&typical()), checklist::render(&typical()));
        let a = team_text(&typical(), 7);
        assert_eq!(a, team_text(&typical(), 7));
        assert_ne!(a, team_text(&typical(), 8));
    }

    fn team_text(c: &Checklist, i: usize) -> String {
        fleet_assessment(c, "sha256:00", ScaleForm::Text, i)
    }

    #[test]
    fn the_typical_checklist_uses_every_kind_gate_and_condition() {
        let c = typical();
        let items: Vec<_> = c.items().collect();
        assert_eq!(items.len(), 200);
        assert_eq!(c.dimensions.len(), 4);
        let kinds: HashSet<&str> = items
            .iter()
            .map(|i| match i.kind {
                Kind::YesNo => "yes_no",
                Kind::Scale(_) => "scale",
                Kind::Choice(_) => "choice",
                Kind::Number { .. } => "number",
                Kind::Text => "text",
            })
            .collect();
        assert_eq!(kinds.len(), 5, "{kinds:?}");
        let gates: HashSet<&str> = items
            .iter()
            .filter_map(|i| i.gate.as_ref())
            .map(|g| match g {
                Gate::Yes => "yes",
                Gate::Level(_) => "level",
                Gate::Score(_) => "score",
                Gate::Min(_) | Gate::Max(_) => "range",
            })
            .collect();
        assert_eq!(gates.len(), 4, "{gates:?}");
        assert!(items.iter().any(|i| matches!(i.when, Some(When::In(..)))));
        assert!(items.iter().any(|i| matches!(i.when, Some(When::Is(..)))));
        assert!(items.iter().any(|i| i.max_age_days.is_some()));
        assert!(items.iter().any(|i| i.evidence_required));
        assert!(items.iter().any(|i| i.na_allowed));
    }

    #[test]
    fn item_ids_are_unique_kebab_case_and_controllers_come_first() {
        let c = generate_checklist(2_000);
        let items: Vec<_> = c.items().collect();
        let ids: HashSet<&str> = items.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), items.len());
        for (index, item) in items.iter().enumerate() {
            assert!(
                item.id.split('-').all(|part| !part.is_empty()
                    && part
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())),
                "{}",
                item.id
            );
            if let Some(When::In(k, _) | When::Is(k, _)) = &item.when {
                assert!(*k < index);
                assert!(items[*k].when.is_none());
            }
        }
    }

    #[test]
    fn files_parse_as_toml_with_answers_in_canonical_order() {
        let checklist: toml::Table =
            toml::from_str(&checklist::render(&typical())).expect("checklist parses");
        assert_eq!(checklist["dimension"].as_array().map(Vec::len), Some(4));
        let text = team_text(&typical(), 3);
        let doc: toml::Table = toml::from_str(&text).expect("assessment parses");
        let answers = doc["answer"].as_array().expect("answers");
        assert_eq!(answers.len(), 200 * ASSESSORS);
        let ids: Vec<String> = typical().items().map(|i| i.id.clone()).collect();
        let keys: Vec<(usize, String)> = answers
            .iter()
            .map(|a| {
                let item = a["item"].as_str().expect("item");
                let position = ids.iter().position(|i| i == item).expect("known item");
                (position, a["by"].as_str().expect("by").to_string())
            })
            .collect();
        assert!(
            keys.is_sorted(),
            "answers are in checklist order, then by assessor"
        );
    }

    #[test]
    fn scale_answers_follow_the_form_weigh_writes() {
        let c = typical();
        let levels: std::collections::HashMap<&str, &Vec<&str>> = c
            .items()
            .filter_map(|i| match &i.kind {
                Kind::Scale(levels) => Some((i.id.as_str(), levels)),
                _ => None,
            })
            .collect();
        for form in [ScaleForm::Index, ScaleForm::Text] {
            let text = fleet_assessment(&c, "sha256:00", form, 2);
            let doc: toml::Table = toml::from_str(&text).expect("parses");
            let values: Vec<(&Vec<&str>, &toml::Value)> = doc["answer"]
                .as_array()
                .expect("answers")
                .iter()
                .filter_map(|a| Some((*levels.get(a["item"].as_str()?)?, a.get("value")?)))
                .collect();
            assert!(
                values.len() > 100,
                "{form:?}: {} scale values",
                values.len()
            );
            for (levels, value) in values {
                match form {
                    ScaleForm::Index => assert!(
                        value
                            .as_integer()
                            .is_some_and(|i| (i as usize) < levels.len())
                    ),
                    ScaleForm::Text => assert!(levels.contains(&value.as_str().expect("text"))),
                }
            }
        }
    }

    #[test]
    fn the_walk_asks_only_items_that_apply_and_scripts_one_line_each() {
        let c = generate_checklist(WALK_ITEMS);
        let steps = walk::steps(&c, seed("walk", 0), WALKER);
        assert!(
            steps.len() > WALK_ITEMS * 8 / 10 && steps.len() < WALK_ITEMS,
            "{}",
            steps.len()
        );
        assert_eq!(walk::script(&steps).lines().count(), steps.len());
        let args = walk::answer_args(&steps[1]);
        assert_eq!(args[0], steps[1].item);
    }

    #[test]
    fn slugs_are_lowercase_runs_of_letters_and_digits() {
        assert_eq!(slug("Nimbus Chat 235B-A22B r7"), "nimbus-chat-235b-a22b-r7");
        assert_eq!(slug("  --Tomás-- "), "tom-s");
    }
}
