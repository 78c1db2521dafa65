//! Architectures weigh knows, and what a config says about one: attention, each layer's MLP and
//! attention window, embeddings, and multi-token-prediction layers. An unknown architecture is an
//! error that names it and lists the supported ones; weigh never guesses.

use super::config::Config;
use crate::error::{Error, Result};

/// The `model_type`s weigh computes sizes for.
pub const SUPPORTED: &[&str] = &[
    "deepseek_v2",
    "deepseek_v3",
    "gemma",
    "gemma2",
    "llama",
    "mistral",
    "mixtral",
    "phi3",
    "qwen2",
    "qwen2_moe",
    "qwen3",
    "qwen3_moe",
];

/// More layers than any real model; a config beyond it is refused.
const MAX_LAYERS: u64 = 4096;

/// What the size arithmetic needs to know about a model.
#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// `model_type`, e.g. `deepseek_v3`.
    pub model_type: String,
    /// The first of `architectures`, e.g. `DeepseekV3ForCausalLM` (else the model type).
    pub architecture: String,
    /// Vocabulary size.
    pub vocab: u64,
    /// Hidden size.
    pub hidden: u64,
    /// Whether the output head shares the embedding matrix.
    pub tied: bool,
    /// `max_position_embeddings`.
    pub context: Option<u64>,
    /// The attention design, the same in every layer.
    pub attention: Attention,
    /// The main layers, in order.
    pub layers: Vec<Layer>,
    /// Norm vectors of `hidden` size per layer (2; Gemma 2 has 4).
    pub norms_per_layer: u64,
    /// Multi-token-prediction layers (DeepSeek `num_nextn_predict_layers`), counted apart.
    pub mtp_layers: u64,
}

/// The attention design.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Attention {
    /// Multi-head or grouped-query attention.
    Grouped {
        /// Query heads.
        heads: u64,
        /// Key/value heads.
        kv_heads: u64,
        /// Head dimension: `head_dim` when the config gives it, else hidden / heads.
        head_dim: u64,
        /// Biases on the q, k and v projections.
        qkv_bias: bool,
        /// A bias on the output projection.
        o_bias: bool,
        /// RMS norms on queries and keys (Qwen 3).
        qk_norm: bool,
    },
    /// Multi-head latent attention (DeepSeek V2/V3).
    Latent {
        /// Query heads.
        heads: u64,
        /// Query compression rank; `None` when queries are projected directly.
        q_lora: Option<u64>,
        /// Key/value compression rank: what the cache holds per token and layer.
        kv_lora: u64,
        /// Rotary part of the query/key head dimension, also cached.
        rope: u64,
        /// Non-rotary part of the query/key head dimension.
        nope: u64,
        /// Value head dimension.
        v: u64,
    },
}

/// One transformer layer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layer {
    /// Its feed-forward block.
    pub mlp: Mlp,
    /// Its sliding attention window, if it attends to a window only.
    pub window: Option<u64>,
}

/// A feed-forward block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mlp {
    /// A gated MLP (gate, up, down) of this intermediate size.
    Dense {
        /// Intermediate size.
        intermediate: u64,
        /// Biases on its projections.
        bias: bool,
    },
    /// A mixture of experts.
    Moe(Moe),
}

/// A mixture-of-experts block.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moe {
    /// Routed experts.
    pub experts: u64,
    /// Routed experts active per token.
    pub active: u64,
    /// Each routed expert's intermediate size.
    pub intermediate: u64,
    /// The shared experts' total intermediate size (0: none); always active.
    pub shared: u64,
    /// A sigmoid gate on the shared expert (Qwen 2 MoE).
    pub shared_gate: bool,
    /// A per-expert routing bias (DeepSeek V3 `noaux_tc`).
    pub router_bias: bool,
}

/// Reads the architecture a config describes.
pub fn spec(c: &Config) -> Result<Spec> {
    let model_type = c.text("model_type").unwrap_or_default().to_string();
    let architecture = c
        .get("architectures")
        .and_then(|a| a.get(0))
        .and_then(|a| a.as_str())
        .map_or_else(|| model_type.clone(), str::to_string);
    if !SUPPORTED.contains(&model_type.as_str()) {
        return Err(unknown(&model_type, &architecture));
    }
    let base = Base::read(c, &model_type)?;
    let family = model_type.clone();
    let family = family.as_str();
    let (attention, layers, norms_per_layer, mtp_layers) = match family {
        "llama" | "mistral" | "qwen2" | "qwen3" | "gemma" | "gemma2" | "phi3" => {
            dense_family(c, family, &base)?
        }
        "mixtral" | "qwen2_moe" | "qwen3_moe" => moe_family(c, family, &base)?,
        "deepseek_v2" | "deepseek_v3" => deepseek(c, family, &base)?,
        _ => return Err(unknown(&model_type, &architecture)),
    };
    Ok(Spec {
        model_type,
        architecture,
        vocab: base.vocab,
        hidden: base.hidden,
        tied: c.flag("tie_word_embeddings", matches!(family, "gemma" | "gemma2")),
        context: c.opt_int("max_position_embeddings")?,
        attention,
        layers,
        norms_per_layer,
        mtp_layers,
    })
}

fn unknown(model_type: &str, architecture: &str) -> Error {
    let named = if model_type.is_empty() {
        format!("no `model_type` (architecture `{architecture}`)")
    } else {
        format!("`{model_type}` (architecture `{architecture}`)")
    };
    Error::usage(
        format!(
            "unknown architecture {}: weigh does not guess sizes for it",
            crate::text::escape_control(&named)
        ),
        format!(
            "weigh computes sizes for the model types {}",
            crate::text::one_of(SUPPORTED)
        ),
    )
}

/// What every family has.
struct Base {
    vocab: u64,
    hidden: u64,
    layers: u64,
}

impl Base {
    fn read(c: &Config, model_type: &str) -> Result<Base> {
        let layers = c.int("num_hidden_layers", model_type)?;
        if layers == 0 || layers > MAX_LAYERS {
            return Err(Error::usage(
                format!("{}: num_hidden_layers is {layers}", c.name),
                format!("a model has 1 to {MAX_LAYERS} layers; check the config"),
            ));
        }
        Ok(Base {
            vocab: c.int("vocab_size", model_type)?,
            hidden: c.int("hidden_size", model_type)?,
            layers,
        })
    }
}

type Parts = (Attention, Vec<Layer>, u64, u64);

fn grouped(c: &Config, family: &str, hidden: u64) -> Result<Attention> {
    let heads = c.int("num_attention_heads", family)?;
    if heads == 0 {
        return Err(Error::usage(
            format!("{}: num_attention_heads is 0", c.name),
            "check the config",
        ));
    }
    let bias = c.flag("attention_bias", false);
    Ok(Attention::Grouped {
        heads,
        kv_heads: c.int_or("num_key_value_heads", heads)?,
        head_dim: c.int_or("head_dim", hidden / heads)?,
        qkv_bias: bias || matches!(family, "qwen2" | "qwen2_moe"),
        o_bias: bias,
        qk_norm: matches!(family, "qwen3" | "qwen3_moe"),
    })
}

fn dense_family(c: &Config, family: &str, base: &Base) -> Result<Parts> {
    let attention = grouped(c, family, base.hidden)?;
    let mlp = Mlp::Dense {
        intermediate: c.int("intermediate_size", family)?,
        bias: c.flag("mlp_bias", false),
    };
    let windows = windows(c, family, base.layers)?;
    let layers = windows.into_iter().map(|window| Layer { mlp, window });
    let norms = if family == "gemma2" { 4 } else { 2 };
    Ok((attention, layers.collect(), norms, 0))
}

fn moe_family(c: &Config, family: &str, base: &Base) -> Result<Parts> {
    let attention = grouped(c, family, base.hidden)?;
    let moe = if family == "mixtral" {
        Moe {
            experts: c.int("num_local_experts", family)?,
            active: c.int("num_experts_per_tok", family)?,
            intermediate: c.int("intermediate_size", family)?,
            shared: 0,
            shared_gate: false,
            router_bias: false,
        }
    } else {
        let shared = c.int_or("shared_expert_intermediate_size", 0)?;
        Moe {
            experts: c.int("num_experts", family)?,
            active: c.int("num_experts_per_tok", family)?,
            intermediate: c.int("moe_intermediate_size", family)?,
            shared,
            shared_gate: family == "qwen2_moe" && shared > 0,
            router_bias: false,
        }
    };
    let dense = Mlp::Dense {
        intermediate: c.int_or("intermediate_size", 0)?,
        bias: false,
    };
    let step = c.int_or("decoder_sparse_step", 1)?.max(1);
    let mlp_only = c.ints("mlp_only_layers")?;
    let windows = windows(c, family, base.layers)?;
    let layers = (0..base.layers)
        .zip(windows)
        .map(|(i, window)| {
            let sparse = family == "mixtral"
                || (!mlp_only.contains(&i) && moe.experts > 0 && (i + 1) % step == 0);
            Layer {
                mlp: if sparse { Mlp::Moe(moe) } else { dense },
                window,
            }
        })
        .collect();
    Ok((attention, layers, 2, 0))
}

fn deepseek(c: &Config, family: &str, base: &Base) -> Result<Parts> {
    let attention = Attention::Latent {
        heads: c.int("num_attention_heads", family)?,
        q_lora: c.opt_int("q_lora_rank")?,
        kv_lora: c.int("kv_lora_rank", family)?,
        rope: c.int("qk_rope_head_dim", family)?,
        nope: c.int("qk_nope_head_dim", family)?,
        v: c.int("v_head_dim", family)?,
    };
    let experts = c.int_or("n_routed_experts", 0)?;
    let moe = Moe {
        experts,
        active: c.int_or("num_experts_per_tok", 0)?,
        intermediate: if experts > 0 {
            c.int("moe_intermediate_size", family)?
        } else {
            0
        },
        shared: c.int_or("n_shared_experts", 0)? * c.int_or("moe_intermediate_size", 0)?,
        shared_gate: false,
        router_bias: c.text("topk_method") == Some("noaux_tc"),
    };
    let dense = Mlp::Dense {
        intermediate: c.int("intermediate_size", family)?,
        bias: false,
    };
    let first_dense = c.int_or("first_k_dense_replace", 0)?;
    let freq = c.int_or("moe_layer_freq", 1)?.max(1);
    let layers = (0..base.layers)
        .map(|i| Layer {
            mlp: if experts > 0 && i >= first_dense && i % freq == 0 {
                Mlp::Moe(moe)
            } else {
                dense
            },
            window: None,
        })
        .collect();
    let mtp = c.int_or("num_nextn_predict_layers", 0)?;
    Ok((attention, layers, 2, mtp))
}

/// Each layer's sliding window: from `layer_types` when the config lists them, else by the
/// family's rule.
fn windows(c: &Config, family: &str, layers: u64) -> Result<Vec<Option<u64>>> {
    let window = c.opt_int("sliding_window")?;
    let types = c.texts("layer_types");
    if types.len() as u64 == layers {
        return Ok(types
            .iter()
            .map(|t| window.filter(|_| t == "sliding_attention"))
            .collect());
    }
    let sliding: Box<dyn Fn(u64) -> bool> = match family {
        "mistral" | "mixtral" | "phi3" => Box::new(|_| true),
        "gemma2" => Box::new(|i| i % 2 == 0),
        "qwen2" | "qwen3" | "qwen2_moe" | "qwen3_moe" if c.flag("use_sliding_window", false) => {
            let from = c.int_or("max_window_layers", 0)?;
            Box::new(move |i| i >= from)
        }
        _ => Box::new(|_| false),
    };
    let window = if family == "gemma2" {
        Some(window.unwrap_or(4096))
    } else {
        window
    };
    Ok((0..layers).map(|i| window.filter(|_| sliding(i))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec_of(value: serde_json::Value) -> Result<Spec> {
        spec(&Config::from_value("config.json", value)?)
    }

    #[test]
    fn an_unknown_architecture_is_named_and_the_supported_ones_listed() {
        let e = spec_of(json!({
            "model_type": "glm4_moe",
            "architectures": ["Glm4MoeForCausalLM"],
            "hidden_size": 4096
        }))
        .unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let text = e.to_string();
        assert!(
            text.contains("`glm4_moe` (architecture `Glm4MoeForCausalLM`)"),
            "{text}"
        );
        assert!(
            text.contains("`deepseek_v3`") && text.contains("`qwen3_moe`"),
            "{text}"
        );
    }

    #[test]
    fn head_dim_is_taken_from_the_config_when_given() {
        let given = spec_of(json!({
            "model_type": "mistral", "vocab_size": 131072, "hidden_size": 5120,
            "num_hidden_layers": 40, "num_attention_heads": 32, "num_key_value_heads": 8,
            "head_dim": 128, "intermediate_size": 14336
        }))
        .unwrap();
        let Attention::Grouped { head_dim, .. } = given.attention else {
            panic!("grouped")
        };
        assert_eq!(head_dim, 128, "not 5120 / 32 = 160");
    }

    #[test]
    fn gemma2_alternates_sliding_and_global_layers() {
        let s = spec_of(json!({
            "model_type": "gemma2", "vocab_size": 256000, "hidden_size": 2304,
            "num_hidden_layers": 4, "num_attention_heads": 8, "num_key_value_heads": 4,
            "head_dim": 256, "intermediate_size": 9216, "sliding_window": 4096
        }))
        .unwrap();
        let windows: Vec<Option<u64>> = s.layers.iter().map(|l| l.window).collect();
        assert_eq!(windows, [Some(4096), None, Some(4096), None]);
        assert!(s.tied, "Gemma ties its embeddings by default");
    }
}
