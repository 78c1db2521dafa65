//! The facts about one model, computed once from a `config.json` or a snapshot folder; the
//! table, the JSON output and the recorded assessment facts are all views of this.

use std::path::Path;

use super::accelerators::{self, Accelerator, Load};
use super::arch::{self, Attention, Spec};
use super::config::Config;
use super::hardware::{Fit, Have};
use super::size::{self, Params};
use super::snapshot::{self, Snapshot};
use crate::error::{Error, Result};

/// A serving precision for the weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// 16-bit (2 bytes per parameter).
    Bf16,
    /// 8-bit (1 byte per parameter).
    Fp8,
    /// 4-bit (half a byte per parameter).
    Int4,
}

impl Precision {
    /// The name used in output, e.g. `fp8`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::Bf16 => "bf16",
            Precision::Fp8 => "fp8",
            Precision::Int4 => "int4",
        }
    }

    /// Bytes of `params` parameters at this precision (rounded up).
    pub fn bytes(self, params: u64) -> u64 {
        match self {
            Precision::Bf16 => params.saturating_mul(2),
            Precision::Fp8 => params,
            Precision::Int4 => params.div_ceil(2),
        }
    }
}

/// How to size the deployment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Context to size the KV cache for; default the model's context length.
    pub context: Option<u64>,
    /// Weight precision; default bf16.
    pub precision: Precision,
    /// Extra memory fraction for activations and fragmentation; default 0.2.
    pub headroom: f64,
    /// The hardware the team has, to say whether one replica fits on it.
    pub have: Option<Have>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            context: None,
            precision: Precision::Bf16,
            headroom: 0.2,
            have: None,
        }
    }
}

/// Everything `weigh facts` reports about a model.
#[derive(Debug, Clone)]
pub struct ModelFacts {
    /// The config file read.
    pub config_path: String,
    /// The architecture.
    pub spec: Spec,
    /// Parameter counts.
    pub params: Params,
    /// KV-cache bytes per token at 16 and 8 bits.
    pub kv_per_token: (u64, u64),
    /// The context the KV cache and the fit are sized for.
    pub context: u64,
    /// KV-cache bytes for one sequence at `context`, at 16 and 8 bits.
    pub kv_at_context: (u64, u64),
    /// How the deployment is sized.
    pub options: Options,
    /// How many of each accelerator one replica needs (`None`: does not fit).
    pub fit: Vec<(Accelerator, Option<u64>)>,
    /// Whether one replica fits on the hardware declared with `--have`.
    pub hardware: Option<Fit>,
    /// From a snapshot folder, what else it holds.
    pub snapshot: Option<Snapshot>,
}

impl ModelFacts {
    /// Estimated weight bytes at a precision, from total parameters (every expert is resident).
    pub fn weights(&self, precision: Precision) -> u64 {
        precision.bytes(self.params.total)
    }

    /// Whether the KV cache is latent (replicated on every tensor-parallel rank).
    pub fn latent(&self) -> bool {
        matches!(self.spec.attention, Attention::Latent { .. })
    }
}

/// Reads a `config.json` or a snapshot folder and computes its facts.
pub fn read(path: &Path, options: Options) -> Result<ModelFacts> {
    let (readable, config_path, snapshot) = if path.is_dir() {
        let (snapshot, readable) = snapshot::read(path)?;
        (readable, path.join("config.json"), Some(snapshot))
    } else {
        (path.to_path_buf(), path.to_path_buf(), None)
    };
    let config = Config::read(&readable, &config_path)?;
    let spec = arch::spec(&config)?;
    let context = options.context.or(spec.context).ok_or_else(|| {
        Error::usage(
            format!(
                "{}: no max_position_embeddings to size the KV cache for",
                config.name
            ),
            "pass --context N",
        )
    })?;
    let params = size::params(&spec)?;
    let kv_per_token = (
        size::kv_bytes_per_token(&spec, 2)?,
        size::kv_bytes_per_token(&spec, 1)?,
    );
    let kv_at_context = (
        size::kv_bytes_at(&spec, context, 2)?,
        size::kv_bytes_at(&spec, context, 1)?,
    );
    let load = Load {
        weights: options.precision.bytes(params.total),
        kv_cache: kv_at_context.0,
        kv_heads: match spec.attention {
            Attention::Grouped { kv_heads, .. } => Some(kv_heads),
            Attention::Latent { .. } => None,
        },
        headroom: options.headroom,
    };
    let fit: Vec<(Accelerator, Option<u64>)> = accelerators::all()
        .iter()
        .map(|a| (a.clone(), accelerators::count(&load, a.memory_bytes())))
        .collect();
    let hardware = options.have.map(|have| Fit {
        have,
        needed: accelerators::count(&load, have.accelerator.memory_bytes()),
    });
    Ok(ModelFacts {
        config_path: config_path.display().to_string(),
        spec,
        params,
        kv_per_token,
        context,
        kv_at_context,
        options,
        fit,
        hardware,
        snapshot,
    })
}
