//! Merging assessments: facts from several sources (one function, keyed by fact name), and the
//! three-way merge of answer sets keyed by (item, assessor) that the git merge driver runs
//! (SPEC §3). Pure: no I/O, no clock.

use std::collections::BTreeMap;

use super::model::{Answer, Assessment, Fact};

/// One assessor's answer to one item: the key answers are merged by.
pub type Key = (String, String);

/// An answer and whether it fits the checklist (`false`: kept as written, never scored).
pub type Slot = (Answer, bool);

/// Every answer of an assessment by (item, assessor), fitting or not.
pub fn slots(a: &Assessment) -> BTreeMap<Key, Slot> {
    let fit = a.answers.iter().map(|x| (x.clone(), true));
    let unfit = a.unfit.iter().map(|x| (x.clone(), false));
    fit.chain(unfit)
        .map(|(x, fits)| ((x.item.clone(), x.by.clone()), (x, fits)))
        .collect()
}

/// Puts answers back into an assessment: fitting ones in `answers`, the others in `unfit`.
pub fn set_slots(a: &mut Assessment, slots: impl IntoIterator<Item = Slot>) {
    a.answers.clear();
    a.unfit.clear();
    for (answer, fits) in slots {
        if fits {
            a.answers.push(answer);
        } else {
            a.unfit.push(answer);
        }
    }
}

/// Merges facts from several sources, given in a fixed order (member file names, or ours then
/// theirs), keyed by fact name. Where sources disagree on a fact, the one with the later `as_of`
/// wins; between facts without one (bare values) or with the same one, the first source wins.
/// Each disagreement is a warning.
pub fn merge_facts(
    sources: &[(&str, &BTreeMap<String, Fact>)],
) -> (BTreeMap<String, Fact>, Vec<String>) {
    let mut merged: BTreeMap<String, (&str, &Fact)> = BTreeMap::new();
    let mut warnings = Vec::new();
    for (source, facts) in sources {
        for (name, fact) in *facts {
            match merged.get(name) {
                None => {
                    merged.insert(name.clone(), (source, fact));
                }
                Some((kept_from, kept)) if *kept != fact => {
                    let (from, winner, why) = newer((kept_from, kept), (source, fact));
                    warnings.push(format!(
                        "fact `{name}` differs between {kept_from} and {source}; using {from}'s ({why})"
                    ));
                    merged.insert(name.clone(), (from, winner));
                }
                Some(_) => {}
            }
        }
    }
    let facts = merged
        .into_iter()
        .map(|(name, (_, fact))| (name, fact.clone()))
        .collect();
    (facts, warnings)
}

/// Of two differing facts, the one that wins and why: the later `as_of`; else the first.
fn newer<'a>(
    first: (&'a str, &'a Fact),
    second: (&'a str, &'a Fact),
) -> (&'a str, &'a Fact, &'static str) {
    match (first.1.as_of, second.1.as_of) {
        (Some(a), Some(b)) if b > a => (second.0, second.1, "read later"),
        (None, Some(_)) => (second.0, second.1, "the only one with a date"),
        (Some(a), Some(b)) if a == b => (
            first.0,
            first.1,
            "read at the same time; the first file by name wins",
        ),
        (Some(_), _) => (first.0, first.1, "read later"),
        (None, None) => (first.0, first.1, "no dates; the first file by name wins"),
    }
}

/// What a three-way merge gave.
#[derive(Debug, Clone)]
pub struct Merged {
    /// The merged assessment (answers in no particular order; the writer orders them).
    pub assessment: Assessment,
    /// Things resolved automatically that a person should know about.
    pub warnings: Vec<String>,
    /// Header fields both sides changed differently: the merge cannot be completed.
    pub conflicts: Vec<String>,
}

/// Three-way merge of two assessments that share `base` (`None` when both sides added the file).
/// Answers merge by (item, assessor): a change on one side wins; the same answer changed on both
/// sides keeps the later `at`, with a warning. Header fields merge the same way, but two
/// different changes to one field are a conflict; `created` is the earlier of the two.
pub fn three_way(base: Option<&Assessment>, ours: &Assessment, theirs: &Assessment) -> Merged {
    let mut warnings = Vec::new();
    let mut conflicts = Vec::new();
    let mut merged = ours.clone();
    header(base, ours, theirs, &mut merged, &mut conflicts);
    let (facts, fact_warnings) = facts(base, ours, theirs);
    merged.candidate.facts = facts;
    warnings.extend(fact_warnings);
    let answers = answers(base, ours, theirs, &mut warnings);
    set_slots(&mut merged, answers);
    Merged {
        assessment: merged,
        warnings,
        conflicts,
    }
}

/// The value a three-way merge of one field gives, or `None` when both sides changed it
/// differently.
fn pick<T: PartialEq + Clone>(base: Option<&T>, ours: &T, theirs: &T) -> Option<T> {
    if ours == theirs || Some(theirs) == base {
        Some(ours.clone())
    } else if Some(ours) == base {
        Some(theirs.clone())
    } else {
        None
    }
}

fn header(
    base: Option<&Assessment>,
    ours: &Assessment,
    theirs: &Assessment,
    merged: &mut Assessment,
    conflicts: &mut Vec<String>,
) {
    let fields: [(&str, Field); 4] = [
        ("assessment.checklist", |a| Some(a.checklist.clone())),
        ("candidate.name", |a| Some(a.candidate.name.clone())),
        ("candidate.model", |a| a.candidate.model.clone()),
        ("candidate.revision", |a| a.candidate.revision.clone()),
    ];
    for (name, get) in fields {
        let b = base.map(get);
        match pick(b.as_ref(), &get(ours), &get(theirs)) {
            Some(value) => set_field(merged, name, value),
            None => conflicts.push(format!(
                "`{name}` changed on both sides: {} here, {} on the other branch",
                shown(get(ours)),
                shown(get(theirs))
            )),
        }
    }
    merged.created = ours.created.min(theirs.created);
}

/// Reads one header field of an assessment.
type Field = fn(&Assessment) -> Option<String>;

fn set_field(a: &mut Assessment, name: &str, value: Option<String>) {
    match name {
        "assessment.checklist" => a.checklist = value.unwrap_or_default(),
        "candidate.name" => a.candidate.name = value.unwrap_or_default(),
        "candidate.model" => a.candidate.model = value,
        _ => a.candidate.revision = value,
    }
}

fn shown(value: Option<String>) -> String {
    value.map_or_else(|| "(none)".into(), |v| format!("\"{v}\""))
}

/// Facts merge by name: a change on one side wins; two different changes to one fact are
/// settled as [`merge_facts`] settles them, ours first.
fn facts(
    base: Option<&Assessment>,
    ours: &Assessment,
    theirs: &Assessment,
) -> (BTreeMap<String, Fact>, Vec<String>) {
    let (o, t) = (&ours.candidate.facts, &theirs.candidate.facts);
    let mut out = BTreeMap::new();
    let mut warnings = Vec::new();
    for name in o.keys().chain(t.keys()) {
        let b = base.and_then(|b| b.candidate.facts.get(name));
        let value = match pick(Some(&b), &o.get(name), &t.get(name)) {
            Some(value) => value.cloned(),
            None => {
                let sides: Vec<(&str, BTreeMap<String, Fact>)> = [("ours", o), ("theirs", t)]
                    .into_iter()
                    .filter_map(|(side, f)| {
                        f.get(name)
                            .map(|v| (side, BTreeMap::from([(name.clone(), v.clone())])))
                    })
                    .collect();
                let refs: Vec<(&str, &BTreeMap<String, Fact>)> =
                    sides.iter().map(|(s, f)| (*s, f)).collect();
                let (merged, w) = merge_facts(&refs);
                warnings.extend(w);
                merged.get(name).cloned()
            }
        };
        if let Some(value) = value {
            out.insert(name.clone(), value);
        }
    }
    (out, warnings)
}

fn answers(
    base: Option<&Assessment>,
    ours: &Assessment,
    theirs: &Assessment,
    warnings: &mut Vec<String>,
) -> Vec<Slot> {
    let b = base.map(slots).unwrap_or_default();
    let (o, t) = (slots(ours), slots(theirs));
    let keys: std::collections::BTreeSet<&Key> = o.keys().chain(t.keys()).collect();
    let mut out = Vec::new();
    for key in keys {
        let (bk, ok, tk) = (b.get(key), o.get(key), t.get(key));
        let chosen = match pick(Some(&bk), &ok, &tk) {
            Some(chosen) => chosen,
            None => both_changed(key, ok, tk, warnings),
        };
        out.extend(chosen.cloned());
    }
    out
}

/// One answer changed differently on both sides: the later `at` wins (ours on a tie); an answer
/// removed on one side and changed on the other is kept, so nothing anyone wrote is lost.
fn both_changed<'a>(
    (item, by): &Key,
    ours: Option<&'a Slot>,
    theirs: Option<&'a Slot>,
    warnings: &mut Vec<String>,
) -> Option<&'a Slot> {
    match (ours, theirs) {
        (Some(o), Some(t)) => {
            let newer = if t.0.at > o.0.at { t } else { o };
            warnings.push(format!(
                "{by}'s answer to `{item}` changed on both sides; kept the newer one (at {})",
                super::write::datetime(newer.0.at)
            ));
            Some(newer)
        }
        (kept, other) => {
            warnings.push(format!(
                "{by}'s answer to `{item}` was removed on one side and changed on the other; kept the changed answer"
            ));
            kept.or(other)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{AnswerValue, Candidate, FactValue, Scalar};

    fn at(minute: u32) -> jiff::Timestamp {
        format!("2026-11-28T20:{minute:02}:00Z").parse().unwrap()
    }

    fn answer(item: &str, by: &str, value: i64, minute: u32) -> Answer {
        Answer {
            item: item.into(),
            by: by.into(),
            value: AnswerValue::Int(value),
            at: at(minute),
            note: None,
            evidence: Vec::new(),
        }
    }

    fn assessment(answers: Vec<Answer>) -> Assessment {
        Assessment {
            checklist: "small".into(),
            checklist_version: "1.0.0".into(),
            checklist_digest: None,
            created: at(0),
            candidate: Candidate {
                name: "K".into(),
                ..Candidate::default()
            },
            answers,
            unfit: Vec::new(),
        }
    }

    fn values(m: &Merged) -> Vec<(String, String, AnswerValue)> {
        let mut out: Vec<_> = m
            .assessment
            .answers
            .iter()
            .map(|a| (a.item.clone(), a.by.clone(), a.value.clone()))
            .collect();
        out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        out
    }

    #[test]
    fn answers_to_different_items_from_both_sides_are_all_kept() {
        let base = assessment(vec![answer("a", "alice", 1, 1)]);
        let ours = assessment(vec![answer("a", "alice", 1, 1), answer("b", "alice", 2, 2)]);
        let theirs = assessment(vec![answer("a", "alice", 1, 1), answer("c", "bob", 3, 3)]);
        let m = three_way(Some(&base), &ours, &theirs);
        assert!(m.conflicts.is_empty() && m.warnings.is_empty());
        assert_eq!(values(&m).len(), 3);
    }

    #[test]
    fn a_change_or_removal_on_one_side_wins() {
        let base = assessment(vec![answer("a", "alice", 1, 1), answer("b", "bob", 1, 1)]);
        let ours = assessment(vec![answer("a", "alice", 2, 5), answer("b", "bob", 1, 1)]);
        let theirs = assessment(vec![answer("a", "alice", 1, 1)]);
        let m = three_way(Some(&base), &ours, &theirs);
        assert_eq!(
            values(&m),
            [("a".into(), "alice".into(), AnswerValue::Int(2))]
        );
        assert!(m.warnings.is_empty());
    }

    #[test]
    fn the_same_answer_changed_on_both_sides_keeps_the_later_at_and_warns() {
        let base = assessment(vec![answer("a", "alice", 1, 1)]);
        let ours = assessment(vec![answer("a", "alice", 2, 9)]);
        let theirs = assessment(vec![answer("a", "alice", 3, 5)]);
        let m = three_way(Some(&base), &ours, &theirs);
        assert_eq!(values(&m)[0].2, AnswerValue::Int(2));
        assert_eq!(m.warnings.len(), 1, "{:?}", m.warnings);
    }

    #[test]
    fn a_header_field_changed_differently_on_both_sides_is_a_conflict() {
        let base = assessment(Vec::new());
        let mut ours = base.clone();
        ours.candidate.model = Some("lab/a".into());
        let mut theirs = base.clone();
        theirs.candidate.model = Some("lab/b".into());
        let m = three_way(Some(&base), &ours, &theirs);
        assert_eq!(m.conflicts.len(), 1);
        assert!(
            m.conflicts[0].contains("candidate.model"),
            "{:?}",
            m.conflicts
        );
    }

    fn bare(s: Scalar) -> Fact {
        Fact::bare(FactValue::Scalar(s))
    }

    #[test]
    fn differing_bare_facts_are_settled_in_source_order_with_a_warning() {
        let a = BTreeMap::from([("ctx".to_string(), bare(Scalar::Int(1)))]);
        let b = BTreeMap::from([
            ("ctx".to_string(), bare(Scalar::Int(2))),
            ("moe".to_string(), bare(Scalar::Bool(true))),
        ]);
        let (facts, warnings) = merge_facts(&[("alice.toml", &a), ("bob.toml", &b)]);
        assert_eq!(facts["ctx"], bare(Scalar::Int(1)));
        assert_eq!(facts.len(), 2);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("alice.toml") && warnings[0].contains("bob.toml"));
    }

    #[test]
    fn of_two_dated_facts_the_later_as_of_wins_with_a_warning() {
        let at = |t: &str| t.parse::<jiff::Timestamp>().unwrap();
        let fact = |n, t| Fact::recorded(FactValue::Scalar(Scalar::Int(n)), "models.dev", at(t));
        let a = BTreeMap::from([(
            "providers.count".to_string(),
            fact(30, "2026-08-01T00:00:00Z"),
        )]);
        let b = BTreeMap::from([(
            "providers.count".to_string(),
            fact(38, "2026-07-01T00:00:00Z"),
        )]);
        let (facts, warnings) = merge_facts(&[("alice.toml", &b), ("bob.toml", &a)]);
        assert_eq!(facts["providers.count"], fact(30, "2026-08-01T00:00:00Z"));
        assert!(
            warnings[0].contains("using bob.toml's (read later)"),
            "{warnings:?}"
        );
        let (facts, _) = merge_facts(&[("alice.toml", &a), ("bob.toml", &b)]);
        assert_eq!(facts["providers.count"], fact(30, "2026-08-01T00:00:00Z"));
    }
}
