//! The `[[answer]]` blocks of a structurally checked document, converted to [`AnswerFile`]s
//! directly instead of through serde.
//!
//! Every answer has a time, and serde hands a TOML date-time to its type as text (toml prints
//! it, the type parses it back): with the rest of the generic path that was a fifth of reading
//! an assessment, for `compare` most of what it does beyond parsing. The structural check has
//! already removed unknown keys and values of the wrong type, so what is left converts field by
//! field; a block with anything else returns `None`, and the caller lets serde read the whole
//! array as before, so every file reads exactly as serde reads it.

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue, ValueDeserializer};

use super::file::AnswerFile;

/// The blocks of an `answer` array, or `None` when one of them needs serde.
pub fn answers(array: &DeArray<'_>) -> Option<Vec<Spanned<AnswerFile>>> {
    array
        .iter()
        .map(|block| match block.get_ref() {
            DeValue::Table(table) => answer(table).map(|a| Spanned::new(block.span(), a)),
            _ => None,
        })
        .collect()
}

fn answer(table: &DeTable<'_>) -> Option<AnswerFile> {
    let mut a = AnswerFile {
        item: None,
        by: None,
        value: None,
        na: None,
        at: None,
        note: None,
        evidence: None,
    };
    for (key, value) in table {
        let span = value.span();
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("item", DeValue::String(s)) => a.item = Some(Spanned::new(span, s.to_string())),
            ("by", DeValue::String(s)) => a.by = Some(Spanned::new(span, s.to_string())),
            ("note", DeValue::String(s)) => a.note = Some(Spanned::new(span, s.to_string())),
            ("na", DeValue::Boolean(b)) => a.na = Some(Spanned::new(span, *b)),
            ("at", DeValue::Datetime(dt)) => a.at = Some(Spanned::new(span, *dt)),
            ("value", _) => {
                let value =
                    Spanned::<toml::Value>::deserialize(ValueDeserializer::from(value.clone()))
                        .ok()?;
                a.value = Some(value);
            }
            ("evidence", DeValue::Array(list)) => {
                let list = list
                    .iter()
                    .map(|e| match e.get_ref() {
                        DeValue::String(s) => Some(Spanned::new(e.span(), s.to_string())),
                        _ => None,
                    })
                    .collect::<Option<Vec<_>>>()?;
                a.evidence = Some(Spanned::new(span, list));
            }
            _ => return None,
        }
    }
    Some(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What serde makes of a document's `answer` array.
    fn by_serde(text: &str) -> Vec<Spanned<AnswerFile>> {
        #[derive(Deserialize)]
        struct Doc {
            answer: Vec<Spanned<AnswerFile>>,
        }
        toml::from_str::<Doc>(text).expect("serde reads it").answer
    }

    fn direct(text: &str) -> Option<Vec<Spanned<AnswerFile>>> {
        let doc = DeTable::parse(text).expect("it parses");
        match doc.get_ref().get("answer").map(Spanned::get_ref) {
            Some(DeValue::Array(array)) => answers(array),
            _ => None,
        }
    }

    #[test]
    fn answers_read_directly_are_what_serde_reads() {
        let text = r#"
[[answer]]
item = "workload-result"
by = "Alice Ng"
value = "Better than the incumbent"
at = 2026-11-28T20:05:00.25+05:30
note = "Measured on \"real\" traffic"
evidence = ["evals/run-1.md", 'https://example.com/r?a=1']

[[answer]]
item = "p95-latency"
by = "Bob"
value = 1.5e3
at = 2026-11-28T20:05:00Z

[[answer]]
item = "open-licence"
by = "Bob"
na = true
at = 2026-01-01T00:00:00-00:00

[[answer]]
item = "levels"
by = "Bob"
value = 3
at = 2026-01-01T00:00:00Z
"#;
        let direct = direct(text).expect("every block converts");
        let serde = by_serde(text);
        assert_eq!(format!("{direct:?}"), format!("{serde:?}"));
    }

    #[test]
    fn a_block_with_anything_unexpected_is_left_to_serde() {
        let text = "[[answer]]\nitem = \"x\"\nby = \"A\"\nvalue = 1\nat = 2026-01-01T00:00:00Z\nextra = 1\n";
        assert!(direct(text).is_none());
        let text = "[[answer]]\nitem = 3\n";
        assert!(direct(text).is_none());
    }
}
