//! `weigh providers --format json` (SPEC §5): `{ model, providers, variants, summary }`, plus
//! `unlinked`, `model_context` and `notes`. Documented in the README, with a schema from these
//! doc comments that the tests check the output against.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Availability, Offer, Stats};

/// Who serves a model.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonProviders {
    /// The model: its canonical id, or the name given.
    pub model: String,
    /// The model's own context length (its canonical entry's, else the largest served).
    pub model_context: Option<u64>,
    /// Entries serving the model, by provider then id.
    pub providers: Vec<JsonOffer>,
    /// Variants: entries whose `base_model` is the model under another id.
    pub variants: Vec<JsonOffer>,
    /// Entries named like the model that models.dev does not tie to it (no `base_model`); not
    /// counted anywhere.
    pub unlinked: Vec<JsonOffer>,
    /// Over `providers` only.
    pub summary: JsonSummary,
    /// Files weigh could not read.
    pub notes: Vec<String>,
}

/// One provider entry.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonOffer {
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

/// The summary.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonSummary {
    /// Distinct providers serving the model.
    pub count: usize,
    /// Input prices (USD per 1M tokens) over entries with a price above 0.
    pub price_input: JsonStats,
    /// Output prices, likewise.
    pub price_output: JsonStats,
    /// Distinct providers serving the model's full context.
    pub full_context: usize,
    /// Distinct providers listing 0 for input and output (a plan or a free tier), left out of
    /// the price statistics.
    pub zero_priced: usize,
}

/// Lowest, median and highest.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonStats {
    /// Lowest.
    pub min: Option<f64>,
    /// Median (the mean of the middle two for an even count).
    pub median: Option<f64>,
    /// Highest.
    pub max: Option<f64>,
}

/// The JSON Schema (draft-07) of [`JsonProviders`].
pub fn schema() -> schemars::Schema {
    schemars::SchemaGenerator::new(schemars::generate::SchemaSettings::draft07())
        .into_root_schema_for::<JsonProviders>()
}

/// The JSON view.
pub fn providers(a: &Availability) -> JsonProviders {
    let offers = |list: &[Offer]| list.iter().map(offer).collect();
    JsonProviders {
        model: a.model.clone(),
        model_context: a.model_context,
        providers: offers(&a.providers),
        variants: offers(&a.variants),
        unlinked: offers(&a.unlinked),
        summary: JsonSummary {
            count: a.summary.count,
            price_input: stats(a.summary.price_input),
            price_output: stats(a.summary.price_output),
            full_context: a.summary.full_context,
            zero_priced: a.summary.zero_priced,
        },
        notes: a.notes.clone(),
    }
}

fn offer(o: &Offer) -> JsonOffer {
    JsonOffer {
        provider: o.provider.clone(),
        name: o.name.clone(),
        id: o.id.clone(),
        cost_input: o.cost_input,
        cost_output: o.cost_output,
        cost_cache_read: o.cost_cache_read,
        context: o.context,
        output: o.output,
        tool_call: o.tool_call,
        structured_output: o.structured_output,
        context_below_model: o.context_below_model,
    }
}

fn stats(s: Stats) -> JsonStats {
    JsonStats {
        min: s.min,
        median: s.median,
        max: s.max,
    }
}
