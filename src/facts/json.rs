//! `weigh facts --format json`: its own output types (documented in the README, with a schema
//! from these doc comments that the tests check the output against).

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

use super::arch::Attention;
use super::model::{ModelFacts, Precision};

/// The facts about one model.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFacts {
    /// The config file read.
    pub config: String,
    /// The architecture class, e.g. `DeepseekV3ForCausalLM`.
    pub architecture: String,
    /// `model_type`, e.g. `deepseek_v3`.
    pub model_type: String,
    /// Parameter counts.
    pub params: JsonParams,
    /// `max_position_embeddings`, when the config gives it.
    pub context_length: Option<u64>,
    /// `grouped-query` or `latent`.
    pub attention: String,
    /// The head dimension (grouped-query): `head_dim` when given, else hidden / heads.
    pub head_dim: Option<u64>,
    /// KV-cache bytes per token, by dtype.
    pub kv_cache_bytes_per_token: JsonByDtype,
    /// KV-cache bytes for one sequence at the sized context (sliding windows applied).
    pub kv_cache_at_context: JsonKvAtContext,
    /// Weight bytes.
    pub weights: JsonWeights,
    /// How `accelerators` was sized.
    pub fit: JsonFit,
    /// How many of each accelerator one replica needs.
    pub accelerators: Vec<JsonAccelerator>,
    /// Whether one replica fits on the hardware declared with `--have`; null without `--have`.
    pub hardware: Option<JsonHardware>,
    /// The licence (snapshot folders only; null otherwise or when none is declared).
    pub license: Option<JsonLicense>,
    /// Whether loading runs the repository's own code (snapshot folders only).
    pub remote_code: Option<bool>,
    /// Why: `auto_map` entries and `.py` files.
    pub remote_code_reasons: Vec<String>,
    /// Pickle-format files (snapshot folders only).
    pub pickle_files: Option<Vec<String>>,
    /// Whether the weights load with no repository code: true with safetensors weights and no
    /// remote code, false with remote code or pickle weights only; null outside a snapshot or
    /// when the folder has neither weights nor code.
    pub loads_without_code: Option<bool>,
    /// Whether the tokenizer carries a chat template (snapshot folders only).
    pub chat_template: Option<bool>,
    /// The developer's recommended sampling from `generation_config.json`.
    pub generation: BTreeMap<String, f64>,
    /// Links weigh did not follow (out of the folder).
    pub skipped_links: Vec<String>,
    /// What weigh could not read.
    pub notes: Vec<String>,
}

/// Parameter counts.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonParams {
    /// Every parameter of the main model, all experts counted.
    pub total: u64,
    /// Parameters active per token.
    pub active: u64,
    /// Multi-token-prediction parameters as stored, not in `total`; null when none.
    pub mtp: Option<u64>,
}

/// Bytes by dtype.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonByDtype {
    /// At 16 bits.
    pub bf16: u64,
    /// At 8 bits.
    pub fp8: u64,
}

/// KV-cache bytes at a context.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonKvAtContext {
    /// Tokens.
    pub context: u64,
    /// At 16 bits.
    pub bf16: u64,
    /// At 8 bits.
    pub fp8: u64,
    /// How engines hold this cache across tensor-parallel ranks.
    pub note: String,
}

/// Weight bytes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonWeights {
    /// Estimated at 16 bits from total parameters.
    pub bf16: u64,
    /// Estimated at 8 bits.
    pub fp8: u64,
    /// Estimated at 4 bits.
    pub int4: u64,
    /// Exact, from the snapshot's safetensors index (or single file); null otherwise.
    pub bytes: Option<u64>,
    /// Tensor dtypes in the safetensors headers weigh read.
    pub dtypes: Vec<String>,
}

/// The sizing assumptions.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonFit {
    /// Weight precision: `bf16`, `fp8` or `int4`.
    pub precision: String,
    /// KV-cache dtype (always `bf16`).
    pub kv_cache_dtype: String,
    /// Tokens of one sequence the KV cache is sized for.
    pub context: u64,
    /// Extra fraction on top of weights and KV cache.
    pub headroom: f64,
    /// How the count is computed.
    pub method: String,
}

/// One accelerator.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonAccelerator {
    /// Kebab-case id, e.g. `h100-80gb`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Memory per accelerator, in bytes (the data sheet's GB × 10^9).
    pub memory: u64,
    /// Accelerators one replica needs; null when the KV cache alone does not fit on one.
    pub count: Option<u64>,
}

/// The hardware declared with `--have`, and whether one replica fits on it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonHardware {
    /// The accelerator's id in the data file, e.g. `h200-141gb`.
    pub accelerator: String,
    /// Its display name.
    pub name: String,
    /// How many the team has.
    pub count: u64,
    /// How many one replica needs at the sized precision, context and headroom; null when no
    /// number of them holds it.
    pub needed: Option<u64>,
    /// `needed` is at most `count`.
    pub fits: bool,
}

/// The licence.
#[derive(Debug, Serialize, JsonSchema)]
pub struct JsonLicense {
    /// The SPDX id, or `custom`.
    pub id: String,
    /// What the file declares, e.g. `apache-2.0`, `other`.
    pub declared: String,
    /// The licence's name, when the card gives one.
    pub name: Option<String>,
    /// The file it was read from.
    pub file: String,
}

/// The JSON Schema (draft-07) of [`JsonFacts`].
pub fn schema() -> schemars::Schema {
    schemars::SchemaGenerator::new(schemars::generate::SchemaSettings::draft07())
        .into_root_schema_for::<JsonFacts>()
}

/// The note every KV-cache figure carries.
pub fn kv_note(latent: bool) -> String {
    if latent {
        "latent attention: engines replicate the latent cache on every tensor-parallel rank unless attention is data-parallel".into()
    } else {
        "grouped-query attention: the cache splits across tensor-parallel ranks up to the number of KV heads".into()
    }
}

/// How accelerator counts are computed.
pub const METHOD: &str = "fewest accelerators of one model whose memory holds weights/N plus each rank's KV cache, times 1 + headroom, with N-way tensor parallelism";

/// The JSON view of a model's facts.
pub fn facts(f: &ModelFacts) -> JsonFacts {
    let snapshot = f.snapshot.as_ref();
    JsonFacts {
        config: f.config_path.clone(),
        architecture: f.spec.architecture.clone(),
        model_type: f.spec.model_type.clone(),
        params: JsonParams {
            total: f.params.total,
            active: f.params.active,
            mtp: f.params.mtp,
        },
        context_length: f.spec.context,
        attention: if f.latent() {
            "latent"
        } else {
            "grouped-query"
        }
        .into(),
        head_dim: match f.spec.attention {
            Attention::Grouped { head_dim, .. } => Some(head_dim),
            Attention::Latent { .. } => None,
        },
        kv_cache_bytes_per_token: JsonByDtype {
            bf16: f.kv_per_token.0,
            fp8: f.kv_per_token.1,
        },
        kv_cache_at_context: JsonKvAtContext {
            context: f.context,
            bf16: f.kv_at_context.0,
            fp8: f.kv_at_context.1,
            note: kv_note(f.latent()),
        },
        weights: weights(f),
        fit: JsonFit {
            precision: f.options.precision.name().into(),
            kv_cache_dtype: "bf16".into(),
            context: f.context,
            headroom: f.options.headroom,
            method: METHOD.into(),
        },
        accelerators: f
            .fit
            .iter()
            .map(|(a, count)| JsonAccelerator {
                id: a.id.clone(),
                name: a.name.clone(),
                memory: a.memory_bytes(),
                count: *count,
            })
            .collect(),
        hardware: f.hardware.map(|fit| JsonHardware {
            accelerator: fit.have.accelerator.id.clone(),
            name: fit.have.accelerator.name.clone(),
            count: fit.have.count,
            needed: fit.needed,
            fits: fit.fits(),
        }),
        license: snapshot
            .and_then(|s| s.license.as_ref())
            .map(|l| JsonLicense {
                id: l.id().into(),
                declared: l.declared.clone(),
                name: l.name.clone(),
                file: l.file.clone(),
            }),
        remote_code: snapshot.map(|s| !s.remote_code.is_empty()),
        remote_code_reasons: snapshot.map(|s| s.remote_code.clone()).unwrap_or_default(),
        pickle_files: snapshot.map(|s| s.pickle_files.clone()),
        loads_without_code: snapshot.and_then(|s| s.code_free()).map(|c| c.value),
        chat_template: snapshot.map(|s| s.chat_template.is_some()),
        generation: snapshot.map(|s| s.generation.clone()).unwrap_or_default(),
        skipped_links: snapshot
            .map(|s| s.listing.skipped_links.clone())
            .unwrap_or_default(),
        notes: snapshot.map(|s| s.notes.clone()).unwrap_or_default(),
    }
}

fn weights(f: &ModelFacts) -> JsonWeights {
    let exact = f.snapshot.as_ref().and_then(|s| s.weights.as_ref());
    JsonWeights {
        bf16: f.weights(Precision::Bf16),
        fp8: f.weights(Precision::Fp8),
        int4: f.weights(Precision::Int4),
        bytes: exact.map(|w| w.bytes),
        dtypes: exact
            .map(|w| w.dtypes.iter().cloned().collect())
            .unwrap_or_default(),
    }
}
