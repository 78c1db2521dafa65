//! The facts weigh records in assessments (`[candidate.facts]`), by name: what `weigh facts` and
//! `weigh providers` write with `--into`, and what a checklist item's `fact` may name.

use super::accelerators;

/// Every fixed fact name, with what it holds.
pub const FIXED: &[(&str, &str)] = &[
    (
        "architecture",
        "the architecture class, e.g. DeepseekV3ForCausalLM",
    ),
    ("params.total", "total parameters, every expert counted"),
    ("params.active", "parameters active per token"),
    (
        "params.mtp",
        "multi-token-prediction parameters, not in the total",
    ),
    ("context_length", "the context length the config declares"),
    (
        "kv_cache.bytes_per_token.bf16",
        "KV-cache bytes per token at 16 bits",
    ),
    (
        "kv_cache.bytes_per_token.fp8",
        "KV-cache bytes per token at 8 bits",
    ),
    (
        "kv_cache.bytes_at_context.bf16",
        "KV-cache bytes for one sequence at the sized context, 16 bits",
    ),
    (
        "weights.bf16",
        "weight bytes at 16 bits, estimated from total parameters",
    ),
    (
        "weights.fp8",
        "weight bytes at 8 bits, estimated from total parameters",
    ),
    (
        "weights.int4",
        "weight bytes at 4 bits, estimated from total parameters",
    ),
    (
        "weights.bytes",
        "exact weight bytes from the snapshot's safetensors index",
    ),
    (
        "weights.dtypes",
        "the tensor dtypes in the safetensors files",
    ),
    (
        "weights.safetensors",
        "whether the snapshot ships safetensors weights",
    ),
    (
        "weights.loads_without_code",
        "whether the weights load with no repository code: safetensors weights and no remote code",
    ),
    (
        "hardware.have",
        "the hardware declared with --have, as COUNTxACCELERATOR (e.g. 8xh200-141gb)",
    ),
    (
        "hardware.fits",
        "whether one replica, at the sized precision, context and headroom, fits on the hardware declared",
    ),
    (
        "license",
        "the licence: an SPDX id, or \"custom\" with the file named in the source",
    ),
    (
        "remote_code",
        "whether loading needs the repository's own Python code",
    ),
    (
        "pickle_files",
        "pickle-format files (*.bin, *.pt, *.pth, *.pkl) in the snapshot",
    ),
    (
        "chat_template",
        "whether the tokenizer config carries a chat template",
    ),
    (
        "generation.temperature",
        "the developer's recommended temperature",
    ),
    ("generation.top_p", "the developer's recommended top-p"),
    ("generation.top_k", "the developer's recommended top-k"),
    ("generation.min_p", "the developer's recommended min-p"),
    (
        "generation.repetition_penalty",
        "the developer's recommended repetition penalty",
    ),
    (
        "providers.count",
        "providers serving the model (models.dev), variants not counted",
    ),
    (
        "providers.price_input.min",
        "lowest USD per 1M input tokens among providers",
    ),
    (
        "providers.price_input.median",
        "median USD per 1M input tokens among providers",
    ),
    (
        "providers.price_input.max",
        "highest USD per 1M input tokens among providers",
    ),
    (
        "providers.price_output.min",
        "lowest USD per 1M output tokens among providers",
    ),
    (
        "providers.price_output.median",
        "median USD per 1M output tokens among providers",
    ),
    (
        "providers.price_output.max",
        "highest USD per 1M output tokens among providers",
    ),
    (
        "providers.context",
        "the model's own context length, per models.dev",
    ),
    (
        "providers.context_cap.min",
        "the smallest context a provider serves",
    ),
    (
        "providers.context_cap.max",
        "the largest context a provider serves",
    ),
    (
        "providers.full_context",
        "providers serving the model's full context",
    ),
    ("providers.tool_call", "providers with tool calling"),
    (
        "providers.structured_output",
        "providers with structured output",
    ),
];

/// The prefix of the per-accelerator facts: `accelerators.<id>` holds how many are needed.
pub const ACCELERATOR_PREFIX: &str = "accelerators.";

/// Every fact name weigh records, fixed names first, then one per accelerator.
pub fn all() -> Vec<String> {
    FIXED
        .iter()
        .map(|(name, _)| (*name).to_string())
        .chain(
            accelerators::all()
                .iter()
                .map(|a| format!("{ACCELERATOR_PREFIX}{}", a.id)),
        )
        .collect()
}

/// Whether weigh records a fact of this name.
pub fn is_known(name: &str) -> bool {
    FIXED.iter().any(|(n, _)| *n == name)
        || name
            .strip_prefix(ACCELERATOR_PREFIX)
            .is_some_and(|id| accelerators::all().iter().any(|a| a.id == id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accelerator_facts_are_known_by_their_data_file_ids() {
        assert!(is_known("accelerators.h100-80gb"));
        assert!(is_known("providers.count"));
        assert!(!is_known("accelerators.h100"));
        assert!(!is_known("provider.count"));
        assert!(all().len() > FIXED.len());
    }
}
