//! Gates (SPEC §2 kind table): whether a consensus answer reaches its item's minimum.

use crate::assessment::AnswerValue;
use crate::checklist::model::same_label;
use crate::checklist::{Gate, Kind};
use crate::num::round9;

/// Whether a consensus value misses the gate. A gate that does not match its item's kind or
/// value cannot be judged (validation and the store rule that out) and never fails.
pub fn misses(gate: &Gate, kind: &Kind, value: &AnswerValue) -> bool {
    match (gate, value) {
        (Gate::Yes, AnswerValue::Bool(yes)) => !yes,
        (Gate::MinLevel(min), AnswerValue::Int(level)) => *level < *min as i64,
        (Gate::MinScore(min), AnswerValue::Text(label)) => {
            option_score(kind, label).is_some_and(|s| round9(s) < round9(*min))
        }
        (Gate::Range { min, max }, value) => {
            value.as_number().is_some_and(|v| !within(v, *min, *max))
        }
        _ => false,
    }
}

fn option_score(kind: &Kind, label: &str) -> Option<f64> {
    let Kind::Choice { options } = kind else {
        return None;
    };
    options
        .iter()
        .find(|o| same_label(&o.label, label))
        .map(|o| o.score)
}

/// `min ≤ value ≤ max`, inclusive, on the raw value; a missing bound does not limit.
fn within(value: f64, min: Option<f64>, max: Option<f64>) -> bool {
    min.is_none_or(|m| m <= value) && max.is_none_or(|m| value <= m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::ChoiceOption;

    fn choice() -> Kind {
        let option = |label: &str, score: f64| ChoiceOption {
            label: label.to_string(),
            score,
            description: None,
        };
        // 0.1 + 0.2 is 0.30000000000000004: rounding makes it meet a gate of 0.3.
        Kind::Choice {
            options: vec![
                option("low", 0.2),
                option("edge", 0.1 + 0.2),
                option("high", 1.0),
            ],
        }
    }

    fn number() -> Kind {
        Kind::Number {
            unit: "u".into(),
            best: 0.0,
            worst: 100.0,
        }
    }

    #[test]
    fn each_gate_kind_judges_its_own_terms() {
        let scale = Kind::Scale {
            levels: ["a", "b", "c"].map(String::from).to_vec(),
        };
        let range = |min, max| Gate::Range { min, max };
        let text = |s: &str| AnswerValue::Text(s.into());
        let cases = [
            (Gate::Yes, Kind::YesNo, AnswerValue::Bool(true), false),
            (Gate::Yes, Kind::YesNo, AnswerValue::Bool(false), true),
            (Gate::MinLevel(1), scale.clone(), AnswerValue::Int(0), true),
            (Gate::MinLevel(1), scale.clone(), AnswerValue::Int(1), false),
            (Gate::MinLevel(1), scale, AnswerValue::Int(2), false),
            (Gate::MinScore(0.3), choice(), text("low"), true),
            (Gate::MinScore(0.3), choice(), text("edge"), false),
            (Gate::MinScore(0.3), choice(), text("high"), false),
            (
                range(Some(10.0), Some(20.0)),
                number(),
                AnswerValue::Int(10),
                false,
            ),
            (
                range(Some(10.0), Some(20.0)),
                number(),
                AnswerValue::Float(20.0),
                false,
            ),
            (
                range(Some(10.0), Some(20.0)),
                number(),
                AnswerValue::Float(9.5),
                true,
            ),
            (
                range(Some(10.0), Some(20.0)),
                number(),
                AnswerValue::Float(20.5),
                true,
            ),
            (
                range(None, Some(20.0)),
                number(),
                AnswerValue::Float(-1e9),
                false,
            ),
            (
                range(Some(10.0), None),
                number(),
                AnswerValue::Float(1e9),
                false,
            ),
        ];
        for (gate, kind, value, want) in cases {
            assert_eq!(misses(&gate, &kind, &value), want, "{gate:?} {value:?}");
        }
    }

    #[test]
    fn a_number_gate_judges_the_raw_value_beyond_the_clamp() {
        // best 0, worst 100: −50 scores 1 like 0 does, but a gate of min 0 rejects it.
        let gate = Gate::Range {
            min: Some(0.0),
            max: None,
        };
        assert!(misses(&gate, &number(), &AnswerValue::Float(-50.0)));
    }
}
