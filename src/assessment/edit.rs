//! Changing answers: parsing a VALUE as `weigh answer` takes it (SPEC §5), replacing and
//! clearing one assessor's answer.

use super::load::accepts;
use super::model::{Answer, AnswerValue, Assessment};
use crate::checklist::model::same_label;
use crate::checklist::{Item, Kind};

/// Parses a command-line VALUE for an item; the error says what the item accepts.
pub fn parse_value(item: &Item, text: &str) -> Result<AnswerValue, String> {
    let trimmed = text.trim();
    let refused = || {
        format!(
            "`{}` does not accept \"{text}\"; it accepts {}",
            item.id,
            accepts(item)
        )
    };
    match &item.kind {
        Kind::YesNo => match trimmed.to_lowercase().as_str() {
            "yes" | "y" | "true" => Ok(AnswerValue::Bool(true)),
            "no" | "n" | "false" => Ok(AnswerValue::Bool(false)),
            _ => Err(refused()),
        },
        Kind::Scale { levels } => scale(levels, trimmed).ok_or_else(refused),
        Kind::Choice { options } => options
            .iter()
            .find(|o| same_label(&o.label, trimmed))
            .map(|o| AnswerValue::Text(o.label.clone()))
            .ok_or_else(refused),
        Kind::Number { .. } => number(trimmed).ok_or_else(refused),
        Kind::Text if !trimmed.is_empty() => Ok(AnswerValue::Text(text.to_string())),
        Kind::Text => Err(refused()),
    }
}

/// ASCII digits are always the 0-based index; anything else must equal a level's text.
fn scale(levels: &[String], text: &str) -> Option<AnswerValue> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let level: usize = text.parse().ok()?;
        return (level < levels.len()).then_some(AnswerValue::Int(level as i64));
    }
    levels
        .iter()
        .position(|l| same_label(l, text))
        .map(|i| AnswerValue::Int(i as i64))
}

/// A finite number; `1,000`, `85%`, `inf` and `nan` are refused.
fn number(text: &str) -> Option<AnswerValue> {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'));
    if !plain || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    if let Ok(i) = text.parse::<i64>() {
        return Some(AnswerValue::Int(i));
    }
    text.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(AnswerValue::Float)
}

/// Replaces this assessor's whole answer to the item, or adds it. An old answer that no longer
/// fits a changed checklist is replaced too: one answer per item and assessor.
pub fn set(assessment: &mut Assessment, answer: Answer) {
    clear(assessment, &answer.item.clone(), &answer.by.clone());
    assessment.answers.push(answer);
}

/// Removes this assessor's answer to the item, fitting or not; whether there was one.
pub fn clear(assessment: &mut Assessment, item: &str, by: &str) -> bool {
    let before = assessment.answers.len() + assessment.unfit.len();
    let other = |a: &Answer| !(a.item == item && a.by == by);
    assessment.answers.retain(other);
    assessment.unfit.retain(other);
    assessment.answers.len() + assessment.unfit.len() != before
}

/// This assessor's answer to the item.
pub fn find<'a>(assessment: &'a Assessment, item: &str, by: &str) -> Option<&'a Answer> {
    assessment
        .answers
        .iter()
        .find(|a| a.item == item && a.by == by)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checklist::{Origin, load_str};

    fn item(kind_keys: &str) -> Item {
        let text = format!(
            "schema_version = 1\n[checklist]\nid = \"t\"\ntitle = \"T\"\nversion = \"1.0.0\"\n[[dimension]]\nid = \"d\"\ntitle = \"D\"\n[[dimension.item]]\nid = \"x\"\nquestion = \"Q?\"\n{kind_keys}\n"
        );
        load_str("t.toml", &text, Origin::Builtin)
            .expect("valid")
            .dimensions[0]
            .items[0]
            .clone()
    }

    #[test]
    fn yes_no_accepts_yes_no_true_false_y_n_in_any_case() {
        let i = item("kind = \"yes_no\"");
        for (text, value) in [
            ("YES", true),
            ("n", false),
            ("True", true),
            ("no", false),
            ("y", true),
        ] {
            assert_eq!(
                parse_value(&i, text),
                Ok(AnswerValue::Bool(value)),
                "{text}"
            );
        }
        assert!(parse_value(&i, "maybe").unwrap_err().contains("yes or no"));
    }

    #[test]
    fn scale_digits_are_indexes_and_other_text_must_match_a_level() {
        let i = item("kind = \"scale\"\nlevels = [\"None\", \"2 checks\", \"Full\"]");
        assert_eq!(parse_value(&i, "2"), Ok(AnswerValue::Int(2)));
        assert_eq!(parse_value(&i, " full "), Ok(AnswerValue::Int(2)));
        assert_eq!(parse_value(&i, "2 CHECKS"), Ok(AnswerValue::Int(1)));
        assert!(parse_value(&i, "3").is_err());
        assert!(parse_value(&i, "-1").unwrap_err().contains("0 = None"));
    }

    #[test]
    fn choice_matches_labels_ignoring_case_and_writes_the_listed_spelling() {
        let i = item("kind = \"choice\"\noptions = [{ label = \"Self-host\", score = 1.0 }]");
        assert_eq!(
            parse_value(&i, "self-HOST"),
            Ok(AnswerValue::Text("Self-host".into()))
        );
        assert!(parse_value(&i, "API").unwrap_err().contains("`Self-host`"));
    }

    #[test]
    fn number_refuses_thousands_separators_percent_and_infinity() {
        let i = item("kind = \"number\"\nunit = \"ms\"\nbest = 100\nworst = 1000");
        assert_eq!(parse_value(&i, "-5"), Ok(AnswerValue::Int(-5)));
        assert_eq!(parse_value(&i, "2.5e2"), Ok(AnswerValue::Float(250.0)));
        for bad in ["1,000", "85%", "inf", "nan", "", "1e999"] {
            assert!(parse_value(&i, bad).is_err(), "{bad}");
        }
    }
}
