//! Parameter counts and KV-cache bytes from an architecture, exactly, in checked integer
//! arithmetic (a hostile config overflows into an error, never into a wrong number).
//!
//! Counted: embeddings, the output head unless tied, per layer the attention projections (with
//! their biases and norms), the MLP or every expert (routed and shared) with the router, and
//! the layer's norms; the final norm. Active parameters count the routed experts a token uses
//! instead of all of them. Multi-token-prediction layers are counted apart, as the checkpoint
//! stores them (one MoE layer, a projection of 2×hidden to hidden, three norms, and its own copy
//! of the embedding and output head), never in the total.

use super::arch::{Attention, Layer, Mlp, Moe, Spec};
use crate::error::{Error, Result};

/// Parameter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    /// Every parameter of the main model, every expert counted.
    pub total: u64,
    /// Parameters a token uses: routed experts counted by how many are active.
    pub active: u64,
    /// Multi-token-prediction parameters, not in `total`.
    pub mtp: Option<u64>,
}

/// Counts parameters.
pub fn params(spec: &Spec) -> Result<Params> {
    let count = |all_experts: bool| -> Option<u128> {
        let mut sum = embedding(spec)?.checked_add(u128::from(spec.hidden))?;
        for layer in &spec.layers {
            sum = sum.checked_add(layer_params(spec, layer, all_experts)?)?;
        }
        Some(sum)
    };
    let total = fit(spec, count(true))?;
    let active = fit(spec, count(false))?;
    let mtp = match spec.mtp_layers {
        0 => None,
        n => Some(fit(spec, mtp(spec).and_then(|m| m.checked_mul(n.into())))?),
    };
    Ok(Params { total, active, mtp })
}

/// KV-cache bytes per token: grouped-query 2 × layers × KV heads × head dim × bytes; latent
/// layers × (kv_lora_rank + qk_rope_head_dim) × bytes. Sliding windows do not change it.
pub fn kv_bytes_per_token(spec: &Spec, bytes: u64) -> Result<u64> {
    let per_layer = per_layer_per_token(spec.attention, bytes);
    let layers = spec.layers.len() as u128;
    fit(spec, per_layer.and_then(|p| p.checked_mul(layers)))
}

/// KV-cache bytes for one sequence of `context` tokens: a layer with a sliding window holds at
/// most its window.
pub fn kv_bytes_at(spec: &Spec, context: u64, bytes: u64) -> Result<u64> {
    let per_layer = per_layer_per_token(spec.attention, bytes);
    let sum = spec.layers.iter().try_fold(0u128, |sum, layer| {
        let tokens = layer.window.map_or(context, |w| w.min(context));
        sum.checked_add(per_layer?.checked_mul(tokens.into())?)
    });
    fit(spec, sum)
}

fn per_layer_per_token(attention: Attention, bytes: u64) -> Option<u128> {
    match attention {
        Attention::Grouped {
            kv_heads, head_dim, ..
        } => prod(&[2, kv_heads, head_dim, bytes]),
        Attention::Latent { kv_lora, rope, .. } => prod(&[kv_lora.checked_add(rope)?, bytes]),
    }
}

fn fit(spec: &Spec, n: Option<u128>) -> Result<u64> {
    n.and_then(|n| u64::try_from(n).ok()).ok_or_else(|| {
        Error::usage(
            format!(
                "the sizes in this `{}` config overflow: it cannot describe a real model",
                spec.model_type
            ),
            "check that this is the model's config.json",
        )
    })
}

fn prod(factors: &[u64]) -> Option<u128> {
    factors
        .iter()
        .try_fold(1u128, |acc, f| acc.checked_mul(u128::from(*f)))
}

fn embedding(spec: &Spec) -> Option<u128> {
    let table = prod(&[spec.vocab, spec.hidden])?;
    if spec.tied {
        Some(table)
    } else {
        table.checked_mul(2)
    }
}

fn layer_params(spec: &Spec, layer: &Layer, all_experts: bool) -> Option<u128> {
    let h = spec.hidden;
    attention(spec.attention, h)?
        .checked_add(mlp(layer.mlp, h, all_experts)?)?
        .checked_add(prod(&[spec.norms_per_layer, h])?)
}

fn attention(a: Attention, h: u64) -> Option<u128> {
    match a {
        Attention::Grouped {
            heads,
            kv_heads,
            head_dim,
            qkv_bias,
            o_bias,
            qk_norm,
        } => {
            let q = prod(&[heads, head_dim])?;
            let kv = prod(&[kv_heads, head_dim])?;
            let mut sum = (q + 2 * kv).checked_mul(h.into())?;
            sum = sum.checked_add(q.checked_mul(h.into())?)?;
            if qkv_bias {
                sum = sum.checked_add(q + 2 * kv)?;
            }
            if o_bias {
                sum = sum.checked_add(h.into())?;
            }
            if qk_norm {
                sum = sum.checked_add(2 * u128::from(head_dim))?;
            }
            Some(sum)
        }
        Attention::Latent {
            heads,
            q_lora,
            kv_lora,
            rope,
            nope,
            v,
        } => {
            let qk_head = nope.checked_add(rope)?;
            let q = match q_lora {
                Some(rank) => prod(&[h, rank])?
                    .checked_add(rank.into())?
                    .checked_add(prod(&[rank, heads, qk_head])?)?,
                None => prod(&[h, heads, qk_head])?,
            };
            let kv_a = prod(&[h, kv_lora.checked_add(rope)?])?.checked_add(kv_lora.into())?;
            let kv_b = prod(&[kv_lora, heads, nope.checked_add(v)?])?;
            let o = prod(&[heads, v, h])?;
            q.checked_add(kv_a)?.checked_add(kv_b)?.checked_add(o)
        }
    }
}

fn mlp(m: Mlp, h: u64, all_experts: bool) -> Option<u128> {
    match m {
        Mlp::Dense { intermediate, bias } => {
            let weights = prod(&[3, h, intermediate])?;
            let biases = if bias {
                prod(&[2, intermediate])? + u128::from(h)
            } else {
                0
            };
            weights.checked_add(biases)
        }
        Mlp::Moe(moe) => experts(moe, h, all_experts),
    }
}

fn experts(m: Moe, h: u64, all_experts: bool) -> Option<u128> {
    let used = if all_experts { m.experts } else { m.active };
    let routed = prod(&[used, 3, h, m.intermediate])?;
    let mut router = prod(&[h, m.experts])?;
    if m.router_bias {
        router = router.checked_add(m.experts.into())?;
    }
    let mut shared = prod(&[3, h, m.shared])?;
    if m.shared_gate {
        shared = shared.checked_add(h.into())?;
    }
    routed.checked_add(router)?.checked_add(shared)
}

/// One multi-token-prediction module as the checkpoint stores it.
fn mtp(spec: &Spec) -> Option<u128> {
    let h = spec.hidden;
    let last = spec.layers.last()?;
    let layer = layer_params(spec, last, true)?;
    let projection = prod(&[2, h, h])?;
    let norms = prod(&[3, h])?;
    let copies = prod(&[2, spec.vocab, h])?;
    layer
        .checked_add(projection)?
        .checked_add(norms)?
        .checked_add(copies)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::arch::spec;
    use crate::facts::config::Config;
    use serde_json::json;

    fn spec_of(value: serde_json::Value) -> Spec {
        spec(&Config::from_value("config.json", value).unwrap()).unwrap()
    }

    #[test]
    fn gemma_7b_ties_its_embeddings_and_counts_8_54_billion() {
        // google/gemma-7b: 8,537,680,896 parameters.
        let s = spec_of(json!({
            "model_type": "gemma", "vocab_size": 256000, "hidden_size": 3072,
            "num_hidden_layers": 28, "num_attention_heads": 16, "num_key_value_heads": 16,
            "head_dim": 256, "intermediate_size": 24576
        }));
        assert_eq!(params(&s).unwrap().total, 8_537_680_896);
    }

    #[test]
    fn sliding_window_layers_hold_at_most_their_window() {
        let s = spec_of(json!({
            "model_type": "mistral", "vocab_size": 32000, "hidden_size": 4096,
            "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
            "intermediate_size": 14336, "sliding_window": 4096
        }));
        let per_token = kv_bytes_per_token(&s, 2).unwrap();
        assert_eq!(per_token, 2 * 32 * 8 * 128 * 2);
        assert_eq!(kv_bytes_at(&s, 1000, 2).unwrap(), per_token * 1000);
        assert_eq!(kv_bytes_at(&s, 32768, 2).unwrap(), per_token * 4096);
    }

    #[test]
    fn huge_numbers_overflow_into_an_error_not_a_wrong_count() {
        let s = spec_of(json!({
            "model_type": "llama", "vocab_size": 1u64 << 40, "hidden_size": 1u64 << 40,
            "num_hidden_layers": 4096, "num_attention_heads": 1, "intermediate_size": 1u64 << 40
        }));
        let e = params(&s).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        assert!(e.to_string().contains("overflow"));
    }
}
