//! Who serves a model, as assessment facts (`providers.*`, see [`crate::facts::names`]).

use std::collections::BTreeMap;

use jiff::Timestamp;

use super::{Availability, Stats};
use crate::assessment::{Fact, FactValue, Scalar};

/// The facts to record, each from `source` as of `as_of`.
pub fn facts(a: &Availability, source: &str, as_of: Timestamp) -> BTreeMap<String, Fact> {
    let mut out = BTreeMap::new();
    let mut put = |name: &str, value: Scalar| {
        out.insert(
            name.to_string(),
            Fact::recorded(FactValue::Scalar(value), source, as_of),
        );
    };
    let s = &a.summary;
    let count = |n: usize| Scalar::Int(i64::try_from(n).unwrap_or(i64::MAX));
    put("providers.count", count(s.count));
    put("providers.full_context", count(s.full_context));
    put("providers.tool_call", count(s.tool_call));
    put("providers.structured_output", count(s.structured_output));
    for (name, stats) in [
        ("price_input", s.price_input),
        ("price_output", s.price_output),
    ] {
        for (which, value) in values(stats) {
            put(&format!("providers.{name}.{which}"), Scalar::Float(value));
        }
    }
    let tokens = |n: u64| Scalar::Int(i64::try_from(n).unwrap_or(i64::MAX));
    if let Some(c) = a.model_context {
        put("providers.context", tokens(c));
    }
    if let Some(c) = s.context_caps.0 {
        put("providers.context_cap.min", tokens(c));
    }
    if let Some(c) = s.context_caps.1 {
        put("providers.context_cap.max", tokens(c));
    }
    out
}

fn values(s: Stats) -> Vec<(&'static str, f64)> {
    [("min", s.min), ("median", s.median), ("max", s.max)]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}
