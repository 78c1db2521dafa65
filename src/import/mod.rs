//! Numbers from evaluation results (`weigh import`): an lm-evaluation-harness results file
//! (`results` → task → `"metric,filter"`), or any JSON by a JSON pointer (promptfoo, Inspect, a
//! team's own). A missing task, metric or pointer is an error that lists what the file contains.

use std::path::Path;

use serde_json::Value;

use crate::error::{Error, Result};
use crate::facts::bounded;
use crate::text::escape_control;

/// At most this many names are listed in an error.
const LISTED: usize = 40;

/// A number taken from a results file.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The number, as written in the file.
    pub value: f64,
    /// Where in the file it was, e.g. `lm-evaluation-harness gsm8k exact_match,strict-match`.
    pub what: String,
}

/// Reads a results file (at most 64 MB of JSON).
pub fn read(path: &Path) -> Result<Value> {
    bounded::json(path, bounded::RESULTS_LIMIT)
}

/// The metric of a task in an lm-evaluation-harness results file. Without `metric`, the task's
/// only metric; a metric without a filter (`acc`) also finds `acc,none`.
pub fn lm_eval(json: &Value, file: &str, task: &str, metric: Option<&str>) -> Result<Imported> {
    let Some(results) = json.get("results").and_then(Value::as_object) else {
        return Err(Error::usage(
            format!(
                "{file} is not an lm-evaluation-harness results file: it has no `results` object"
            ),
            format!(
                "its top-level keys are {}; for other JSON use --pointer",
                keys(json)
            ),
        ));
    };
    let groups = json.get("groups").and_then(Value::as_object);
    let Some(scores) = results
        .get(task)
        .or_else(|| groups.and_then(|g| g.get(task)))
    else {
        let tasks: Vec<&str> = results.keys().map(String::as_str).collect();
        return Err(Error::usage(
            format!("{file} has no task `{}`", escape_control(task)),
            format!("the tasks in it are {}", listed(&tasks)),
        ));
    };
    let metrics = metrics(scores);
    let key = match metric {
        Some(m) if scores.get(m).is_some() => m.to_string(),
        Some(m) if !m.contains(',') && scores.get(format!("{m},none")).is_some() => {
            format!("{m},none")
        }
        Some(m) => {
            return Err(Error::usage(
                format!(
                    "task `{}` in {file} has no metric `{}`",
                    escape_control(task),
                    escape_control(m)
                ),
                format!("its metrics are {}", listed(&metrics)),
            ));
        }
        None if metrics.len() == 1 => metrics[0].to_string(),
        None => {
            return Err(Error::usage(
                format!(
                    "task `{}` in {file} has {} metrics; which one?",
                    escape_control(task),
                    metrics.len()
                ),
                format!("pass --metric with one of {}", listed(&metrics)),
            ));
        }
    };
    let value = number(
        &scores[key.as_str()],
        &format!("`{key}` of task `{task}`"),
        file,
    )?;
    Ok(Imported {
        value,
        what: format!("lm-evaluation-harness {task} {key}"),
    })
}

/// The number a JSON pointer (RFC 6901) points at.
pub fn pointer(json: &Value, file: &str, pointer: &str) -> Result<Imported> {
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err(Error::usage(
            format!("`{}` is not a JSON pointer", escape_control(pointer)),
            "a JSON pointer starts with `/`, e.g. /results/stats/successes",
        ));
    }
    let Some(found) = json.pointer(pointer) else {
        let (prefix, there) = deepest(json, pointer);
        let shown = if prefix.is_empty() {
            "the document"
        } else {
            prefix.as_str()
        };
        return Err(Error::usage(
            format!("{file} has nothing at `{}`", escape_control(pointer)),
            format!("{} holds {}", escape_control(shown), contents(there)),
        ));
    };
    let value = number(found, &format!("`{pointer}`"), file)?;
    Ok(Imported {
        value,
        what: format!("JSON pointer {pointer}"),
    })
}

/// The longest prefix of the pointer that exists, and its value.
fn deepest<'a>(json: &'a Value, pointer: &str) -> (String, &'a Value) {
    let mut prefix = String::new();
    let mut here = json;
    for token in pointer.split('/').skip(1) {
        let next = format!("{prefix}/{token}");
        match json.pointer(&next) {
            Some(v) => {
                prefix = next;
                here = v;
            }
            None => break,
        }
    }
    (prefix, here)
}

fn contents(value: &Value) -> String {
    match value {
        Value::Object(_) => format!("the keys {}", keys(value)),
        Value::Array(items) => format!(
            "an array of {} element(s), /0 to /{}",
            items.len(),
            items.len().saturating_sub(1)
        ),
        other => format!("the value {}", escape_control(&other.to_string())),
    }
}

fn number(value: &Value, what: &str, file: &str) -> Result<f64> {
    value.as_f64().filter(|f| f.is_finite()).ok_or_else(|| {
        Error::usage(
            format!(
                "{what} in {file} is {}, not a number",
                escape_control(&value.to_string())
            ),
            "import a number: point at a score, not at its parent or a label",
        )
    })
}

fn metrics(scores: &Value) -> Vec<&str> {
    scores
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(k, v)| v.is_number() && !k.contains("_stderr"))
        .map(|(k, _)| k.as_str())
        .collect()
}

fn keys(value: &Value) -> String {
    let names: Vec<&str> = value
        .as_object()
        .map(|m| m.keys().map(String::as_str).collect())
        .unwrap_or_default();
    listed(&names)
}

fn listed(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".into();
    }
    let shown: Vec<String> = names
        .iter()
        .take(LISTED)
        .map(|n| format!("`{}`", escape_control(n)))
        .collect();
    let more = names.len().saturating_sub(LISTED);
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("{}{tail}", shown.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn results() -> Value {
        json!({
            "results": {
                "gsm8k": { "alias": "gsm8k", "exact_match,strict-match": 0.81, "exact_match_stderr,strict-match": 0.01, "exact_match,flexible-extract": 0.83 },
                "arc_easy": { "alias": "arc_easy", "acc,none": 0.79, "acc_stderr,none": 0.008 }
            },
            "versions": {}
        })
    }

    #[test]
    fn a_metric_is_found_as_written_or_with_its_none_filter() {
        let r = results();
        assert_eq!(
            lm_eval(&r, "r.json", "gsm8k", Some("exact_match,strict-match"))
                .unwrap()
                .value,
            0.81
        );
        assert_eq!(
            lm_eval(&r, "r.json", "arc_easy", Some("acc"))
                .unwrap()
                .value,
            0.79
        );
        assert_eq!(lm_eval(&r, "r.json", "arc_easy", None).unwrap().value, 0.79);
    }

    #[test]
    fn a_missing_task_or_metric_lists_what_the_file_has() {
        let r = results();
        let e = lm_eval(&r, "r.json", "mmlu", None).unwrap_err().to_string();
        assert!(
            e.contains("no task `mmlu`") && e.contains("`arc_easy`, `gsm8k`"),
            "{e}"
        );
        let e = lm_eval(&r, "r.json", "gsm8k", None)
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("`exact_match,flexible-extract`, `exact_match,strict-match`"),
            "{e}"
        );
        assert!(!e.contains("stderr"), "{e}");
        let e = lm_eval(&r, "r.json", "gsm8k", Some("acc"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("no metric `acc`"), "{e}");
    }

    #[test]
    fn a_missing_pointer_lists_the_deepest_part_that_exists() {
        let doc = json!({ "results": { "stats": { "successes": 41, "failures": 3 } } });
        assert_eq!(
            pointer(&doc, "p.json", "/results/stats/successes")
                .unwrap()
                .value,
            41.0
        );
        let e = pointer(&doc, "p.json", "/results/stats/passRate")
            .unwrap_err()
            .to_string();
        assert!(e.contains("nothing at `/results/stats/passRate`"), "{e}");
        assert!(
            e.contains("/results/stats holds the keys `failures`, `successes`"),
            "{e}"
        );
        let e = pointer(&doc, "p.json", "/results").unwrap_err().to_string();
        assert!(e.contains("not a number"), "{e}");
        assert!(pointer(&doc, "p.json", "results").is_err());
    }
}
