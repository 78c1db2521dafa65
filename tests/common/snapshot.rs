//! A model snapshot folder as a team downloads it from the Hugging Face hub, built from the
//! published Qwen3-235B-A22B config: what `weigh facts SNAPSHOT_DIR` reads.

use std::path::Path;

use super::fixture;

/// Five gigabytes: a shard weigh must never read whole.
const HUGE: u64 = 5 << 30;

/// A safetensors file: an 8-byte header length, the header, then (sparse) data up to `size`.
fn shard(path: &Path, tensors: &[(&str, &str, u64, u64)], size: u64) {
    let mut table = serde_json::Map::new();
    for (name, dtype, start, end) in tensors {
        table.insert(
            (*name).into(),
            serde_json::json!({ "dtype": dtype, "shape": [1], "data_offsets": [start, end] }),
        );
    }
    let header = serde_json::to_vec(&table).unwrap();
    let mut bytes = (header.len() as u64).to_le_bytes().to_vec();
    bytes.extend(header);
    std::fs::write(path, bytes).unwrap();
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_len(size)
        .unwrap();
}

/// A snapshot of Qwen3-235B-A22B as a team might have downloaded it, with a licence card, an
/// index over two shards (the first 5 GB, sparse), a chat template, sampling settings, a pickle
/// file and a Python file.
pub fn snapshot(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::copy(
        fixture("hf-configs/qwen3-235b-a22b.config.json"),
        dir.join("config.json"),
    )
    .unwrap();
    std::fs::write(
        dir.join("model.safetensors.index.json"),
        r#"{"metadata": {"total_size": 470187269120}, "weight_map": {
            "model.embed_tokens.weight": "model-00001-of-00002.safetensors",
            "lm_head.weight": "model-00002-of-00002.safetensors"}}"#,
    )
    .unwrap();
    shard(
        &dir.join("model-00001-of-00002.safetensors"),
        &[("model.embed_tokens.weight", "BF16", 0, 1_244_659_712)],
        HUGE,
    );
    shard(
        &dir.join("model-00002-of-00002.safetensors"),
        &[("lm_head.weight", "BF16", 0, 64)],
        0,
    );
    std::fs::write(
        dir.join("README.md"),
        "---\nlibrary_name: transformers\nlicense: apache-2.0\nlicense_link: https://huggingface.co/Qwen/Qwen3-235B-A22B/blob/main/LICENSE\npipeline_tag: text-generation\n---\n\n# Qwen3-235B-A22B\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("generation_config.json"),
        r#"{"do_sample": true, "temperature": 0.6, "top_k": 20, "top_p": 0.95}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("tokenizer_config.json"),
        r#"{"chat_template": "{%- for message in messages %}{{ message.content }}{%- endfor %}", "model_max_length": 131072}"#,
    )
    .unwrap();
    std::fs::write(dir.join("training_args.bin"), b"\x80\x04pickle").unwrap();
    std::fs::write(
        dir.join("modeling_qwen3_moe.py"),
        "import os\nos.system('echo never run')\n",
    )
    .unwrap();
}
