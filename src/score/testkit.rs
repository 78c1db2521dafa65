//! Test helpers for the scoring engine: checklists from inline TOML and assessments built from
//! terse answer rows, so each test reads as the situation it checks.

use jiff::Timestamp;

use crate::assessment::{Answer, AnswerValue, Assessment, Candidate};
use crate::checklist::{Checklist, Origin, load_str};

/// The header every test checklist shares; tests append `[readiness]` and dimensions.
const HEADER: &str =
    "schema_version = 1\n[checklist]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\n";

/// A checklist from the TOML after the header (readiness and dimensions).
pub fn checklist(body: &str) -> Checklist {
    let text = format!("{HEADER}{body}");
    match load_str("t.toml", &text, Origin::Builtin) {
        Ok(checklist) => checklist,
        Err(report) => panic!("test checklist is invalid: {report:?}\n{text}"),
    }
}

/// A timestamp from RFC 3339.
pub fn ts(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

/// The default answer time and report time of tests that do not care about staleness.
pub const AT: &str = "2026-11-28T00:00:00Z";

/// An answer given at [`AT`].
pub fn ans(item: &str, by: &str, value: AnswerValue) -> Answer {
    ans_at(item, by, value, AT)
}

/// An answer given at a time.
pub fn ans_at(item: &str, by: &str, value: AnswerValue, at: &str) -> Answer {
    Answer {
        item: item.to_string(),
        by: by.to_string(),
        value,
        at: ts(at),
        note: None,
        evidence: Vec::new(),
    }
}

/// Answers by one assessor, amy, given at [`AT`]: (item, value) rows.
pub fn by_amy<const N: usize>(rows: [(&str, AnswerValue); N]) -> Vec<Answer> {
    rows.into_iter()
        .map(|(item, value)| ans(item, "amy", value))
        .collect()
}

/// The same answer with evidence attached.
pub fn with_evidence(mut answer: Answer, evidence: &str) -> Answer {
    answer.evidence = vec![evidence.to_string()];
    answer
}

/// An assessment holding these answers.
pub fn assessment(answers: Vec<Answer>) -> Assessment {
    Assessment {
        checklist: "t".to_string(),
        checklist_version: "1.0.0".to_string(),
        checklist_digest: None,
        created: ts(AT),
        candidate: Candidate {
            name: "Candidate".to_string(),
            ..Candidate::default()
        },
        answers,
        unfit: Vec::new(),
    }
}

/// `yes`.
pub fn yes() -> AnswerValue {
    AnswerValue::Bool(true)
}

/// `no`.
pub fn no() -> AnswerValue {
    AnswerValue::Bool(false)
}

/// Not applicable.
pub fn na() -> AnswerValue {
    AnswerValue::Na
}

/// A scale level, or an integer number.
pub fn int(value: i64) -> AnswerValue {
    AnswerValue::Int(value)
}

/// A float number.
pub fn float(value: f64) -> AnswerValue {
    AnswerValue::Float(value)
}

/// A choice label or a text.
pub fn text(value: &str) -> AnswerValue {
    AnswerValue::Text(value.to_string())
}

/// Scores at [`AT`].
pub fn score_now(checklist: &Checklist, answers: Vec<Answer>) -> super::Scorecard {
    super::score(checklist, &assessment(answers), ts(AT))
}

/// Scores at [`AT`] against the checklist with this TOML body (see [`checklist`]).
pub fn score_body(body: &str, answers: Vec<Answer>) -> super::Scorecard {
    score_now(&checklist(body), answers)
}

/// The result for item `id` of [`score_body`].
pub fn score_item(body: &str, id: &str, answers: Vec<Answer>) -> super::ItemScore {
    item(&score_body(body, answers), id).clone()
}

/// The item result with this id.
pub fn item<'a>(card: &'a super::Scorecard, id: &str) -> &'a super::ItemScore {
    card.items
        .iter()
        .find(|i| i.id == id)
        .expect("item in scorecard")
}
