//! Who serves a model (SPEC §5): which entries match it, which are variants, and the summary.
//!
//! An entry matches MODEL when its `base_model` is MODEL and its own id's last segment equals
//! MODEL's (ignoring case), or it has no `base_model` and its id's last segment equals MODEL's.
//! An entry whose `base_model` is MODEL under another id (`…-6bit`, `…-lightning`) is a variant.
//! Beyond SPEC, entries with no `base_model` whose last segment contains MODEL's between dashes
//! (`…-cheaper`, `alicloud-…`) are listed as "unlinked": models.dev does not tie them to the
//! model, so weigh shows them for a person to check and counts them nowhere.

use std::collections::BTreeSet;

use serde_json::Value;

use super::db::{Entry, Found, Query, last};

/// What one provider entry offers; `weigh providers --format json` writes it as it is.
#[derive(Debug, Clone, PartialEq, serde::Serialize, schemars::JsonSchema)]
pub struct Offer {
    /// The models.dev provider id.
    pub provider: String,
    /// The provider's name.
    pub name: String,
    /// The model's id at the provider.
    pub id: String,
    /// USD per million input tokens.
    pub cost_input: Option<f64>,
    /// USD per million output tokens.
    pub cost_output: Option<f64>,
    /// USD per million cached input tokens read.
    pub cost_cache_read: Option<f64>,
    /// Context cap, tokens.
    pub context: Option<u64>,
    /// Output cap, tokens.
    pub output: Option<u64>,
    /// Tool calling.
    pub tool_call: Option<bool>,
    /// Structured output.
    pub structured_output: Option<bool>,
    /// The context cap is below the model's own.
    pub context_below_model: bool,
}

/// Price statistics.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Stats {
    /// Lowest.
    pub min: Option<f64>,
    /// Median (the mean of the middle two for an even count).
    pub median: Option<f64>,
    /// Highest.
    pub max: Option<f64>,
}

/// The summary over matching entries (variants and unlinked entries not counted).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    /// Distinct providers serving the model.
    pub count: usize,
    /// Input prices, per entry with a price above 0.
    pub price_input: Stats,
    /// Output prices.
    pub price_output: Stats,
    /// Distinct providers serving the model's full context.
    pub full_context: usize,
    /// The smallest and largest context caps among entries that state one.
    pub context_caps: (Option<u64>, Option<u64>),
    /// Distinct providers with tool calling.
    pub tool_call: usize,
    /// Distinct providers with structured output.
    pub structured_output: usize,
    /// Distinct providers listing a price of 0 for input and output: a subscription plan or a
    /// free tier, not a per-token price, so it is left out of the price statistics.
    pub zero_priced: usize,
}

/// Who serves a model.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Availability {
    /// The model asked for: its canonical id, or the name given.
    pub model: String,
    /// The model's own context length (its canonical entry's, else the largest served).
    pub model_context: Option<u64>,
    /// Matching entries, by provider then id.
    pub providers: Vec<Offer>,
    /// Variants.
    pub variants: Vec<Offer>,
    /// Entries named like the model but not tied to it.
    pub unlinked: Vec<Offer>,
    /// The summary.
    pub summary: Summary,
    /// Files weigh could not read.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Match,
    Variant,
    Unlinked,
    Other,
}

fn role(e: &Entry, q: &Query) -> Role {
    let own = last(&e.id);
    let base_is_model = match (&e.base_model, &q.id) {
        (Some(base), Some(id)) => base.eq_ignore_ascii_case(id),
        (Some(base), None) => last(base) == q.last,
        (None, _) => false,
    };
    match (&e.base_model, base_is_model) {
        (_, true) if own == q.last => Role::Match,
        (_, true) => Role::Variant,
        (Some(_), false) => Role::Other,
        (None, false) if own == q.last => Role::Match,
        (None, false) if dash_bounded(&own, &q.last) => Role::Unlinked,
        (None, false) => Role::Other,
    }
}

fn dash_bounded(own: &str, model: &str) -> bool {
    own.starts_with(&format!("{model}-"))
        || own.ends_with(&format!("-{model}"))
        || own.contains(&format!("-{model}-"))
}

/// Sorts the entries into providers, variants and unlinked, and summarises.
pub fn availability(q: &Query, found: Found) -> Availability {
    let canonical_context = found
        .canonical
        .as_ref()
        .and_then(|c| number(c, &["limit", "context"]));
    let mut sorted: Vec<(Role, &Entry)> = found.entries.iter().map(|e| (role(e, q), e)).collect();
    sorted.sort_by(|a, b| (&a.1.provider, &a.1.id).cmp(&(&b.1.provider, &b.1.id)));
    let served_max = sorted
        .iter()
        .filter(|(r, _)| *r == Role::Match)
        .filter_map(|(_, e)| number(&e.fields, &["limit", "context"]))
        .max();
    let model_context = canonical_context.or(served_max);
    let offers = |role: Role| -> Vec<Offer> {
        sorted
            .iter()
            .filter(|(r, _)| *r == role)
            .map(|(_, e)| offer(e, model_context))
            .collect()
    };
    let providers = offers(Role::Match);
    let summary = summary(&providers, model_context);
    Availability {
        model: q.id.clone().unwrap_or_else(|| q.last.clone()),
        model_context,
        variants: offers(Role::Variant),
        unlinked: offers(Role::Unlinked),
        providers,
        summary,
        notes: found.notes,
    }
}

fn offer(e: &Entry, model_context: Option<u64>) -> Offer {
    let f = &e.fields;
    let context = number(f, &["limit", "context"]);
    Offer {
        provider: e.provider.clone(),
        name: e.provider_name.clone(),
        id: e.id.clone(),
        cost_input: price(f, "input"),
        cost_output: price(f, "output"),
        cost_cache_read: price(f, "cache_read"),
        context,
        output: number(f, &["limit", "output"]),
        tool_call: f.get("tool_call").and_then(Value::as_bool),
        structured_output: f.get("structured_output").and_then(Value::as_bool),
        context_below_model: matches!((context, model_context), (Some(c), Some(m)) if c < m),
    }
}

fn price(f: &Value, key: &str) -> Option<f64> {
    f.get("cost")?
        .get(key)?
        .as_f64()
        .filter(|p| p.is_finite() && *p >= 0.0)
}

fn number(f: &Value, path: &[&str]) -> Option<u64> {
    let v = path.iter().try_fold(f, |v, key| v.get(*key))?;
    v.as_u64().or_else(|| {
        v.as_f64()
            .filter(|x| *x >= 0.0 && x.fract() == 0.0)
            .map(|x| x as u64)
    })
}

fn summary(providers: &[Offer], model_context: Option<u64>) -> Summary {
    let distinct = |keep: &dyn Fn(&Offer) -> bool| -> usize {
        providers
            .iter()
            .filter(|o| keep(o))
            .map(|o| o.provider.as_str())
            .collect::<BTreeSet<_>>()
            .len()
    };
    let caps: Vec<u64> = providers.iter().filter_map(|o| o.context).collect();
    Summary {
        count: distinct(&|_| true),
        price_input: stats(priced(providers, |o| o.cost_input)),
        price_output: stats(priced(providers, |o| o.cost_output)),
        full_context: distinct(
            &|o| matches!((o.context, model_context), (Some(c), Some(m)) if c >= m),
        ),
        context_caps: (caps.iter().min().copied(), caps.iter().max().copied()),
        tool_call: distinct(&|o| o.tool_call == Some(true)),
        structured_output: distinct(&|o| o.structured_output == Some(true)),
        zero_priced: distinct(&|o| o.cost_input == Some(0.0) && o.cost_output == Some(0.0)),
    }
}

/// The prices above 0: a listed 0 is a plan or a free tier, and would drag the median of what
/// a token costs toward nothing.
fn priced(providers: &[Offer], price: impl Fn(&Offer) -> Option<f64>) -> Vec<f64> {
    providers
        .iter()
        .filter_map(price)
        .filter(|p| *p > 0.0)
        .collect()
}

fn stats(mut values: Vec<f64>) -> Stats {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    let median = match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    };
    Stats {
        min: values.first().copied(),
        median,
        max: values.last().copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(provider: &str, id: &str, base: Option<&str>) -> Entry {
        Entry {
            provider: provider.into(),
            provider_name: provider.into(),
            id: id.into(),
            base_model: base.map(str::to_string),
            fields: json!({}),
        }
    }

    #[test]
    fn matches_and_variants_follow_spec_section_5() {
        let q = Query {
            id: Some("lab/m-pro".into()),
            last: "m-pro".into(),
        };
        let cases = [
            (entry("a", "lab/M-Pro", Some("lab/m-pro")), Role::Match),
            (entry("b", "m-pro", None), Role::Match),
            (
                entry("c", "route/m-pro-6bit", Some("lab/m-pro")),
                Role::Variant,
            ),
            (entry("d", "m-pro-cheaper", None), Role::Unlinked),
            (entry("e", "m-pro", Some("lab/m-flash")), Role::Other),
            (entry("f", "m-pro-max", Some("lab/m-pro-max")), Role::Other),
            (entry("g", "m-proton", None), Role::Other),
        ];
        for (e, expected) in cases {
            assert_eq!(role(&e, &q), expected, "{}", e.id);
        }
    }

    #[test]
    fn a_price_of_zero_is_a_plan_left_out_of_the_price_statistics() {
        let offer = |provider: &str, input: f64, output: f64| Offer {
            provider: provider.into(),
            name: provider.into(),
            id: "m".into(),
            cost_input: Some(input),
            cost_output: Some(output),
            cost_cache_read: None,
            context: None,
            output: None,
            tool_call: None,
            structured_output: None,
            context_below_model: false,
        };
        let s = summary(
            &[
                offer("plan", 0.0, 0.0),
                offer("a", 1.0, 2.0),
                offer("b", 3.0, 6.0),
            ],
            None,
        );
        assert_eq!(s.count, 3);
        assert_eq!(s.zero_priced, 1);
        assert_eq!(
            (s.price_input.min, s.price_input.median),
            (Some(1.0), Some(2.0))
        );
        assert_eq!(s.price_output.median, Some(4.0));
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        let s = stats(vec![3.0, 1.0, 2.0, 10.0]);
        assert_eq!((s.min, s.median, s.max), (Some(1.0), Some(2.5), Some(10.0)));
        assert_eq!(stats(Vec::new()), Stats::default());
    }
}
