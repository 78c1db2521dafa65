//! One answer on its item's axis (SPEC §2 kind table, SPEC §4 ordering): the score a value
//! earns, and where it sorts from worst to best.

use std::cmp::Ordering;

use crate::assessment::AnswerValue;
use crate::checklist::model::same_label;
use crate::checklist::{ChoiceOption, Kind};

/// Where a value answer sits on its item's worst-to-best axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Place {
    /// The score, 0..=1.
    pub score: f64,
    /// Sorts worse to better; for a `number` the raw value oriented from `worst` toward `best`,
    /// so values beyond the clamp still order.
    rank: f64,
    /// Breaks ties between equal-scoring `choice` options: position in `options`.
    position: usize,
}

impl Place {
    /// Compares two places, worse first; `Equal` means equal values.
    pub fn cmp_worse_first(&self, other: &Place) -> Ordering {
        self.rank
            .total_cmp(&other.rank)
            .then(self.position.cmp(&other.position))
    }
}

/// Places a value answer of a scored item; `None` for N/A, `text`, or a value that does not fit
/// the kind (the store rules those out; scoring ignores them rather than panic).
pub fn place(kind: &Kind, value: &AnswerValue) -> Option<Place> {
    match (kind, value) {
        (Kind::YesNo, AnswerValue::Bool(yes)) => Some(plain(if *yes { 1.0 } else { 0.0 })),
        (Kind::Scale { levels }, AnswerValue::Int(level)) => place_level(levels.len(), *level),
        (Kind::Choice { options }, AnswerValue::Text(label)) => place_option(options, label),
        (Kind::Number { best, worst, .. }, value) => {
            value.as_number().map(|v| place_number(*best, *worst, v))
        }
        _ => None,
    }
}

/// Whether a value (not N/A) fits the kind: what makes it count as a value answer.
pub fn fits(kind: &Kind, value: &AnswerValue) -> bool {
    match (kind, value) {
        (Kind::Text, AnswerValue::Text(_)) => true,
        _ => place(kind, value).is_some(),
    }
}

/// A place whose score is its rank.
fn plain(score: f64) -> Place {
    Place {
        score,
        rank: score,
        position: 0,
    }
}

fn place_level(count: usize, level: i64) -> Option<Place> {
    let level = usize::try_from(level).ok().filter(|l| *l < count)?;
    Some(plain(level as f64 / (count - 1) as f64))
}

fn place_option(options: &[ChoiceOption], label: &str) -> Option<Place> {
    // Labels are unique ignoring case and white space (SPEC §2), so this match is unambiguous
    // and also accepts a label whose spelling drifted from the listed one.
    let position = options.iter().position(|o| same_label(&o.label, label))?;
    let score = options[position].score;
    Some(Place {
        score,
        rank: score,
        position,
    })
}

/// SPEC §4: clamp((value − worst) / (best − worst), 0, 1); ranked by the raw value.
fn place_number(best: f64, worst: f64, value: f64) -> Place {
    let oriented = if best > worst { value } else { -value };
    Place {
        score: ((value - worst) / (best - worst)).clamp(0.0, 1.0),
        // + 0.0 turns −0.0 into 0.0, which `total_cmp` would otherwise sort apart.
        rank: oriented + 0.0,
        position: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(best: f64, worst: f64) -> Kind {
        Kind::Number {
            unit: "u".to_string(),
            best,
            worst,
        }
    }

    fn options(scores: &[(&str, f64)]) -> Kind {
        let options = scores
            .iter()
            .map(|(label, score)| ChoiceOption {
                label: label.to_string(),
                score: *score,
                description: None,
            })
            .collect();
        Kind::Choice { options }
    }

    #[test]
    fn each_kind_scores_as_the_kind_table_says() {
        let scale = Kind::Scale {
            levels: vec!["a".into(), "b".into(), "c".into(), "d".into(), "e".into()],
        };
        let cases = [
            (Kind::YesNo, AnswerValue::Bool(true), 1.0),
            (Kind::YesNo, AnswerValue::Bool(false), 0.0),
            (scale.clone(), AnswerValue::Int(0), 0.0),
            (scale.clone(), AnswerValue::Int(1), 0.25),
            (scale, AnswerValue::Int(4), 1.0),
            (
                options(&[("x", 0.0), ("y", 0.4)]),
                AnswerValue::Text("y".into()),
                0.4,
            ),
            (number(100.0, 0.0), AnswerValue::Int(25), 0.25),
            (number(100.0, 0.0), AnswerValue::Float(150.0), 1.0),
            (number(100.0, 0.0), AnswerValue::Float(-5.0), 0.0),
            (number(0.0, 200.0), AnswerValue::Float(50.0), 0.75),
            (number(0.0, 200.0), AnswerValue::Float(300.0), 0.0),
        ];
        for (kind, value, want) in cases {
            let got = place(&kind, &value).map(|p| p.score);
            assert_eq!(got, Some(want), "{kind:?} {value:?}");
        }
    }

    #[test]
    fn na_text_and_misfits_have_no_place() {
        let cases = [
            (Kind::YesNo, AnswerValue::Na),
            (Kind::Text, AnswerValue::Text("t".into())),
            (Kind::YesNo, AnswerValue::Int(1)),
            (
                Kind::Scale {
                    levels: vec!["a".into(), "b".into()],
                },
                AnswerValue::Int(2),
            ),
            (
                Kind::Scale {
                    levels: vec!["a".into(), "b".into()],
                },
                AnswerValue::Int(-1),
            ),
            (options(&[("x", 0.0)]), AnswerValue::Text("nope".into())),
        ];
        for (kind, value) in cases {
            assert_eq!(place(&kind, &value), None, "{kind:?} {value:?}");
        }
    }

    #[test]
    fn text_values_fit_text_items_but_na_fits_nothing() {
        assert!(fits(&Kind::Text, &AnswerValue::Text("t".into())));
        assert!(!fits(&Kind::Text, &AnswerValue::Na));
        assert!(fits(&Kind::YesNo, &AnswerValue::Bool(false)));
        assert!(!fits(&Kind::YesNo, &AnswerValue::Na));
    }

    #[test]
    fn numbers_beyond_the_clamp_still_order_by_raw_value() {
        let kind = number(100.0, 0.0);
        let far = place(&kind, &AnswerValue::Float(500.0)).unwrap();
        let best = place(&kind, &AnswerValue::Float(100.0)).unwrap();
        assert_eq!(far.score, best.score);
        assert_eq!(best.cmp_worse_first(&far), Ordering::Less);
    }

    #[test]
    fn numbers_with_best_below_worst_order_lower_as_better() {
        let kind = number(0.0, 200.0);
        let low = place(&kind, &AnswerValue::Float(-10.0)).unwrap();
        let high = place(&kind, &AnswerValue::Float(250.0)).unwrap();
        let mid = place(&kind, &AnswerValue::Float(100.0)).unwrap();
        assert_eq!(high.cmp_worse_first(&mid), Ordering::Less);
        assert_eq!(mid.cmp_worse_first(&low), Ordering::Less);
    }

    #[test]
    fn negative_zero_and_zero_are_equal_values() {
        let kind = number(0.0, 10.0);
        let a = place(&kind, &AnswerValue::Float(0.0)).unwrap();
        let b = place(&kind, &AnswerValue::Float(-0.0)).unwrap();
        assert_eq!(a.cmp_worse_first(&b), Ordering::Equal);
    }

    #[test]
    fn equal_scoring_options_sort_earlier_listed_as_worse() {
        let kind = options(&[("first", 0.5), ("second", 0.5)]);
        let first = place(&kind, &AnswerValue::Text("first".into())).unwrap();
        let second = place(&kind, &AnswerValue::Text("second".into())).unwrap();
        assert_eq!(first.cmp_worse_first(&second), Ordering::Less);
        assert_eq!(first.cmp_worse_first(&first), Ordering::Equal);
    }
}
