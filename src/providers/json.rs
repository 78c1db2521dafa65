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
    pub providers: Vec<Offer>,
    /// Variants: entries whose `base_model` is the model under another id.
    pub variants: Vec<Offer>,
    /// Entries named like the model that models.dev does not tie to it (no `base_model`); not
    /// counted anywhere.
    pub unlinked: Vec<Offer>,
    /// Over `providers` only.
    pub summary: JsonSummary,
    /// Files weigh could not read.
    pub notes: Vec<String>,
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
    let offers = |list: &[Offer]| list.to_vec();
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

fn stats(s: Stats) -> JsonStats {
    JsonStats {
        min: s.min,
        median: s.median,
        max: s.max,
    }
}
