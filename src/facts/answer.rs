//! Answers from data: an item bound to a fact (`fact = { name, map }` in the checklist) is
//! answered from the fact recorded in the assessment. The answer is dated at the fact's `as_of`,
//! so old data goes stale as the checklist says, and its note and evidence name the fact and its
//! source. Pure: no I/O, no clock.

use std::collections::BTreeMap;

use jiff::Timestamp;

use crate::assessment::write::datetime;
use crate::assessment::{Answer, AnswerValue, Fact, FactValue, Scalar};
use crate::checklist::model::same_label;
use crate::checklist::{Binding, Item, Kind, RuleAnswer, Test};
use crate::report::view::{fact_value_text, value_text};

/// How every note of an answer from data begins; `--from-facts` refreshes such answers and
/// leaves others alone.
pub const NOTE_PREFIX: &str = "from data: ";

/// An answer taken from a fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Derived {
    /// The value.
    pub value: AnswerValue,
    /// The value as shown (a level's text, a label, yes/no, a number).
    pub shown: String,
    /// The fact's `as_of`.
    pub at: Timestamp,
    /// Names the fact, its value and its source.
    pub note: String,
    /// The fact's source.
    pub evidence: Vec<String>,
}

/// Why an item has no answer from data.
#[derive(Debug, Clone, PartialEq)]
pub enum NoAnswer {
    /// The item names no fact.
    NotBound,
    /// The fact is not recorded in the assessment.
    Missing(String),
    /// The fact has no `as_of` (a bare value, written by hand or by an older weigh).
    Undated(String),
    /// No rule matches the fact's value.
    NoRule(String, String),
    /// The fact's value does not fit the item (e.g. text for a number item).
    Unfit(String, String),
}

impl std::fmt::Display for NoAnswer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NoAnswer::NotBound => write!(f, "the checklist binds it to no fact"),
            NoAnswer::Missing(name) => write!(f, "no fact `{name}` is recorded"),
            NoAnswer::Undated(name) => write!(
                f,
                "fact `{name}` has no as_of (record it again with weigh facts or weigh providers --into)"
            ),
            NoAnswer::NoRule(name, value) => {
                write!(
                    f,
                    "fact `{name}` = {value} matches none of the item's rules (the checklist leaves this case to a person)"
                )
            }
            NoAnswer::Unfit(name, value) => {
                write!(f, "fact `{name}` = {value} does not fit the item")
            }
        }
    }
}

/// Whether an answer was taken from data (its note says so).
pub fn is_from_data(answer: &Answer) -> bool {
    answer
        .note
        .as_deref()
        .is_some_and(|n| n.starts_with(NOTE_PREFIX))
}

/// The answer the recorded facts give an item.
pub fn derive(item: &Item, facts: &BTreeMap<String, Fact>) -> Result<Derived, NoAnswer> {
    let binding = item.fact.as_ref().ok_or(NoAnswer::NotBound)?;
    let fact = facts
        .get(&binding.name)
        .ok_or_else(|| NoAnswer::Missing(binding.name.clone()))?;
    let at = fact
        .as_of
        .ok_or_else(|| NoAnswer::Undated(binding.name.clone()))?;
    let shown_fact = fact_value_text(&fact.value);
    let value = value(item, binding, &fact.value).map_err(|no_rule| {
        if no_rule {
            NoAnswer::NoRule(binding.name.clone(), shown_fact.clone())
        } else {
            NoAnswer::Unfit(binding.name.clone(), shown_fact.clone())
        }
    })?;
    let source = fact.source.clone().unwrap_or_default();
    let note = format!(
        "{NOTE_PREFIX}fact `{}` = {shown_fact} ({}as of {})",
        binding.name,
        if source.is_empty() {
            String::new()
        } else {
            format!("{source}, ")
        },
        datetime(at)
    );
    Ok(Derived {
        shown: value_text(item, &value),
        value,
        at,
        note,
        evidence: if source.is_empty() {
            Vec::new()
        } else {
            vec![source]
        },
    })
}

/// What `--from-facts` does with one item.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Answer it from data.
    Answer(Derived),
    /// Keep this assessor's own answer (one not taken from data).
    Keep,
    /// The facts give no answer.
    Skip(NoAnswer),
}

/// What answering `items` from the recorded facts does, as assessor `by`: an item this assessor
/// answered by hand is kept unless `replace` (it was named on the command line); an answer taken
/// from data earlier is refreshed.
pub fn plan(
    items: &[&Item],
    answers: &[Answer],
    facts: &BTreeMap<String, Fact>,
    by: &str,
    replace: bool,
) -> Vec<(String, Step)> {
    items
        .iter()
        .map(|item| {
            let own = answers.iter().find(|a| a.item == item.id && a.by == by);
            let step = match derive(item, facts) {
                Err(why) => Step::Skip(why),
                Ok(_) if !replace && own.is_some_and(|a| !is_from_data(a)) => Step::Keep,
                Ok(derived) => Step::Answer(derived),
            };
            (item.id.clone(), step)
        })
        .collect()
}

/// The answer value; `Err(true)` when no rule matches, `Err(false)` when the value does not fit.
fn value(item: &Item, binding: &Binding, fact: &FactValue) -> Result<AnswerValue, bool> {
    if !binding.rules.is_empty() {
        let rule = binding
            .rules
            .iter()
            .find(|r| matches(&r.test, fact))
            .ok_or(true)?;
        return Ok(match &rule.answer {
            RuleAnswer::Yes(yes) => AnswerValue::Bool(*yes),
            RuleAnswer::Level(level) => AnswerValue::Int(*level as i64),
            RuleAnswer::Label(label) => AnswerValue::Text(label.clone()),
        });
    }
    match (&item.kind, fact) {
        (Kind::Number { .. }, FactValue::Scalar(Scalar::Int(i))) => Ok(AnswerValue::Int(*i)),
        (Kind::Number { .. }, FactValue::Scalar(Scalar::Float(f))) if f.is_finite() => {
            Ok(AnswerValue::Float(*f))
        }
        (Kind::YesNo, FactValue::Scalar(Scalar::Bool(b))) => Ok(AnswerValue::Bool(*b)),
        (Kind::Text, value) => Ok(AnswerValue::Text(fact_value_text(value))),
        _ => Err(false),
    }
}

fn matches(test: &Test, fact: &FactValue) -> bool {
    match (test, fact) {
        (Test::Range { min, max }, value) => number(value)
            .is_some_and(|n| min.is_none_or(|lo| n >= lo) && max.is_none_or(|hi| n <= hi)),
        (test, FactValue::Scalar(s)) => equals(test, s),
        (test, FactValue::List(items)) => items.iter().any(|s| equals(test, s)),
    }
}

fn equals(test: &Test, s: &Scalar) -> bool {
    match (test, s) {
        (Test::Text(t), Scalar::Text(v)) => same_label(t, v),
        (Test::Number(n), Scalar::Int(i)) => *i as f64 == *n,
        (Test::Number(n), Scalar::Float(f)) => f == n,
        (Test::Bool(b), Scalar::Bool(v)) => b == v,
        _ => false,
    }
}

/// A number, or a list's length.
fn number(value: &FactValue) -> Option<f64> {
    match value {
        FactValue::Scalar(Scalar::Int(i)) => Some(*i as f64),
        FactValue::Scalar(Scalar::Float(f)) => Some(*f),
        FactValue::List(items) => Some(items.len() as f64),
        FactValue::Scalar(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Origin, load_str};

    fn item(keys: &str) -> Item {
        let text = format!(
            "schema_version = 1\n[checklist]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n[[dimension.item]]\nid = \"x\"\nquestion = \"Q?\"\n{keys}\n"
        );
        load_str("t.toml", &text, Origin::Builtin)
            .unwrap_or_else(|r| panic!("{}", r.render(false)))
            .dimensions[0]
            .items[0]
            .clone()
    }

    fn facts(name: &str, value: FactValue) -> BTreeMap<String, Fact> {
        let at: Timestamp = "2026-07-01T00:00:00Z".parse().unwrap();
        BTreeMap::from([(name.to_string(), Fact::recorded(value, "models-dev", at))])
    }

    #[test]
    fn a_number_item_takes_the_fact_dated_at_its_as_of_with_note_and_evidence() {
        let i = item(
            "kind = \"number\"\nunit = \"providers\"\nbest = 3\nworst = 0\nfact = { name = \"providers.count\" }",
        );
        let d = derive(
            &i,
            &facts("providers.count", FactValue::Scalar(Scalar::Int(38))),
        )
        .unwrap();
        assert_eq!(d.value, AnswerValue::Int(38));
        assert_eq!(d.at, "2026-07-01T00:00:00Z".parse::<Timestamp>().unwrap());
        assert_eq!(
            d.note,
            "from data: fact `providers.count` = 38 (models-dev, as of 2026-07-01T00:00:00Z)"
        );
        assert_eq!(d.evidence, ["models-dev"]);
    }

    #[test]
    fn rules_map_text_lists_and_ranges_to_answers_first_match_wins() {
        let choice = item(
            "kind = \"choice\"\noptions = [{ label = \"Open\", score = 1.0 }, { label = \"Unclear\", score = 0.3 }]\nfact = { name = \"license\", map = [{ is = \"Apache-2.0\", answer = \"open\" }, { is = \"custom\", answer = \"Unclear\" }] }",
        );
        let open = facts(
            "license",
            FactValue::Scalar(Scalar::Text("apache-2.0".into())),
        );
        assert_eq!(
            derive(&choice, &open).unwrap().value,
            AnswerValue::Text("Open".into())
        );
        let other = facts("license", FactValue::Scalar(Scalar::Text("MIT".into())));
        assert!(matches!(derive(&choice, &other), Err(NoAnswer::NoRule(..))));

        let yes_no = item(
            "kind = \"yes_no\"\nfact = { name = \"pickle_files\", map = [{ min = 1, answer = false }, { max = 0, answer = true }] }",
        );
        let none = facts("pickle_files", FactValue::List(Vec::new()));
        assert_eq!(
            derive(&yes_no, &none).unwrap().value,
            AnswerValue::Bool(true)
        );
        let some = facts(
            "pickle_files",
            FactValue::List(vec![Scalar::Text("a.bin".into())]),
        );
        assert_eq!(
            derive(&yes_no, &some).unwrap().value,
            AnswerValue::Bool(false)
        );
    }

    #[test]
    fn from_facts_keeps_answers_given_by_hand_and_refreshes_those_from_data() {
        let i = item(
            "kind = \"number\"\nunit = \"u\"\nbest = 3\nworst = 0\nfact = { name = \"providers.count\" }",
        );
        let f = facts("providers.count", FactValue::Scalar(Scalar::Int(38)));
        let at: Timestamp = "2026-08-01T00:00:00Z".parse().unwrap();
        let by_hand = Answer {
            item: "x".into(),
            by: "alice".into(),
            value: AnswerValue::Int(2),
            at,
            note: Some("counted by hand".into()),
            evidence: vec![],
        };
        let from_data = Answer {
            note: Some(format!("{NOTE_PREFIX}old")),
            ..by_hand.clone()
        };
        assert_eq!(
            plan(&[&i], std::slice::from_ref(&by_hand), &f, "alice", false)[0].1,
            Step::Keep
        );
        assert!(matches!(
            plan(&[&i], std::slice::from_ref(&by_hand), &f, "alice", true)[0].1,
            Step::Answer(_)
        ));
        assert!(matches!(
            plan(&[&i], &[from_data], &f, "alice", false)[0].1,
            Step::Answer(_)
        ));
        assert!(
            matches!(
                plan(&[&i], &[by_hand], &f, "bob", false)[0].1,
                Step::Answer(_)
            ),
            "another assessor's answer is theirs"
        );
    }

    #[test]
    fn a_fact_without_a_date_or_of_the_wrong_type_gives_no_answer() {
        let i = item(
            "kind = \"number\"\nunit = \"u\"\nbest = 1\nworst = 0\nfact = { name = \"providers.count\" }",
        );
        let bare = BTreeMap::from([(
            "providers.count".to_string(),
            Fact::bare(FactValue::Scalar(Scalar::Int(3))),
        )]);
        assert!(matches!(derive(&i, &bare), Err(NoAnswer::Undated(_))));
        let text = facts(
            "providers.count",
            FactValue::Scalar(Scalar::Text("many".into())),
        );
        assert!(matches!(derive(&i, &text), Err(NoAnswer::Unfit(..))));
        assert!(matches!(
            derive(&i, &BTreeMap::new()),
            Err(NoAnswer::Missing(_))
        ));
    }
}
