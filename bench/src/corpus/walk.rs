//! The scripted walk: one assessor answering a fresh assessment through `weigh assess` in line
//! mode (SPEC §6), and the same answers given one `weigh answer` each, so the two can be timed
//! against each other and their files compared byte for byte.

use fastrand::Rng;

use super::answers::{self, Answer, Value, applies, command_value};
use super::checklist::Checklist;

/// One asked item and its answer.
pub struct Step {
    /// The item id.
    pub item: String,
    /// The answer (its `at` is unused: both ways of answering write "now").
    pub answer: Answer,
    /// VALUE as `weigh answer` takes it; `None` for N/A.
    pub value: Option<String>,
}

/// The walker's answers to the items the walk asks, in the order it asks them: every item
/// that applies given the walker's own earlier answers.
pub fn steps(checklist: &Checklist, seed: u64, by: &'static str) -> Vec<Step> {
    let mut rng = Rng::with_seed(seed);
    let candidate = answers::candidate(&mut rng, checklist, 0);
    let all = answers::answers(&mut rng, checklist, &candidate, by, usize::MAX);
    let items: Vec<_> = checklist.items().collect();
    let mut own: Vec<Option<&Value>> = vec![None; items.len()];
    let mut steps = Vec::new();
    for answer in &all {
        let item = items[answer.item];
        if !applies(item, &own) {
            continue;
        }
        own[answer.item] = Some(&answer.value);
        steps.push(Step {
            item: item.id.clone(),
            value: command_value(item, &answer.value),
            answer: without_na_details(answer.clone()),
        });
    }
    steps
}

/// The walkthrough saves N/A without a note or evidence, and so does the scripted `--na`.
fn without_na_details(mut a: Answer) -> Answer {
    if a.value == Value::Na {
        a.note = None;
        a.evidence.clear();
    }
    a
}

/// The line-mode script: `VALUE[\tNOTE[\tEVIDENCE…]]` or `:na`, one line per step.
pub fn script(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        let Some(value) = &step.value else {
            out.push_str(":na\n");
            continue;
        };
        out.push_str(value);
        let note = step.answer.note.as_deref().unwrap_or("");
        if !note.is_empty() || !step.answer.evidence.is_empty() {
            out.push('\t');
            out.push_str(note);
        }
        if !step.answer.evidence.is_empty() {
            out.push('\t');
            out.push_str(&step.answer.evidence.join(" "));
        }
        out.push('\n');
    }
    out
}

/// The arguments after `weigh answer FILE` for one step.
pub fn answer_args(step: &Step) -> Vec<String> {
    let mut args = vec![step.item.clone()];
    match &step.value {
        Some(value) => args.push(value.clone()),
        None => args.push("--na".into()),
    }
    if let Some(note) = &step.answer.note {
        args.extend(["--note".into(), note.clone()]);
    }
    for e in &step.answer.evidence {
        args.extend(["--evidence".into(), e.clone()]);
    }
    args
}
