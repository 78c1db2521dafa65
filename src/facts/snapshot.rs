//! What a model snapshot folder says beyond its `config.json`: exact weight bytes and dtypes,
//! the licence, whether loading runs the repository's own code, pickle-format files, the
//! developer's recommended sampling and whether the tokenizer carries a chat template.
//!
//! Nothing in the folder is executed. Only `config.json`, `model.safetensors.index.json`,
//! `generation_config.json`, `tokenizer_config.json` (each at most 64 MiB), the first MiB of
//! `README.md` and of a LICENSE file, and the headers of safetensors files are read.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde_json::Value;

use super::bounded;
use super::license::{self, License};
use super::listing::{self, Listing};
use super::safetensors;
use crate::error::{Error, Result};

/// Pickle-format extensions: loading such a file can run arbitrary code.
const PICKLE: &[&str] = &["bin", "pt", "pth", "pkl"];

/// Sampling settings reported from `generation_config.json`.
const SAMPLING: &[&str] = &[
    "temperature",
    "top_p",
    "top_k",
    "min_p",
    "repetition_penalty",
];

/// Stop reading safetensors headers after this many bytes of them in all.
const HEADER_BUDGET: u64 = 512 * 1024 * 1024;

/// What a snapshot folder holds besides the architecture.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    /// The folder, as given.
    pub dir: std::path::PathBuf,
    /// The folder's files.
    pub listing: Listing,
    /// Exact weights, from safetensors.
    pub weights: Option<Weights>,
    /// The licence, when declared.
    pub license: Option<License>,
    /// Why loading would run the repository's code (`auto_map`, `.py` files); empty when not.
    pub remote_code: Vec<String>,
    /// Pickle-format files.
    pub pickle_files: Vec<String>,
    /// Where the chat template is (`tokenizer_config.json`, `chat_template.jinja`), if any.
    pub chat_template: Option<String>,
    /// The developer's recommended sampling settings.
    pub generation: BTreeMap<String, f64>,
    /// Things weigh could not read, for the user to know (e.g. a broken shard header).
    pub notes: Vec<String>,
}

/// Whether the weights load with no code from the repository: safetensors weights and nothing
/// that makes the loader import the repository's Python (`auto_map`, `.py` files). Both reasons
/// are kept, for the recorded fact's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeFree {
    /// True when safetensors weights ship and no remote code is needed.
    pub value: bool,
    /// The weights part: `safetensors weights`, or `pickle weights only (…)`.
    pub weights: String,
    /// The remote-code part: `no remote code`, or `remote code: …`.
    pub remote_code: String,
}

impl Snapshot {
    /// Whether the snapshot ships safetensors weights.
    pub fn has_safetensors(&self) -> bool {
        self.listing
            .names
            .iter()
            .any(|n| n.to_lowercase().ends_with(".safetensors"))
    }

    /// Whether loading needs no repository code; `None` when the folder holds neither weights
    /// weigh recognises nor remote code (a config alone says nothing either way).
    pub fn code_free(&self) -> Option<CodeFree> {
        let safetensors = self.has_safetensors();
        let pickles = !self.pickle_files.is_empty();
        let remote = !self.remote_code.is_empty();
        if !(safetensors || pickles || remote) {
            return None;
        }
        let weights = if safetensors {
            "safetensors weights".to_string()
        } else if pickles {
            format!("pickle weights only ({})", abridged(&self.pickle_files))
        } else {
            "no weights in the folder".to_string()
        };
        let remote_code = if remote {
            format!("remote code: {}", abridged(&self.remote_code))
        } else {
            "no remote code".to_string()
        };
        Some(CodeFree {
            value: safetensors && !remote,
            weights,
            remote_code,
        })
    }
}

/// The first three names, then how many more.
fn abridged(names: &[String]) -> String {
    let shown = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    match names.len().saturating_sub(3) {
        0 => shown,
        more => format!("{shown} and {more} more"),
    }
}

/// Weight bytes and dtypes from safetensors.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Weights {
    /// Exact bytes of tensor data.
    pub bytes: u64,
    /// Tensor dtypes found in the headers weigh could read.
    pub dtypes: BTreeSet<String>,
    /// Where the byte count comes from.
    pub file: String,
}

/// Reads a snapshot folder; it must hold a `config.json`.
pub fn read(dir: &Path) -> Result<(Snapshot, std::path::PathBuf)> {
    let listing = listing::list(dir)?;
    let Some(config) = listing.path("config.json").map(Path::to_path_buf) else {
        return Err(no_config(dir, &listing));
    };
    let config_json = bounded::json(&config, bounded::JSON_LIMIT)?;
    let mut snapshot = Snapshot {
        dir: dir.to_path_buf(),
        license: license::find(&listing),
        pickle_files: pickle_files(&listing),
        ..Snapshot::default()
    };
    snapshot.remote_code = remote_code(&listing, &config_json);
    snapshot.chat_template = chat_template(&listing);
    snapshot.generation = generation(&listing);
    snapshot.weights = weights(&listing, &mut snapshot.notes);
    snapshot.listing = listing;
    Ok((snapshot, config))
}

fn no_config(dir: &Path, listing: &Listing) -> Error {
    let why = if listing.skipped_links.iter().any(|l| l == "config.json") {
        "config.json is a link out of the folder, which weigh does not follow".to_string()
    } else {
        format!("{} has no config.json", dir.display())
    };
    let shown: Vec<&str> = listing.names.iter().take(20).map(String::as_str).collect();
    let contains = if shown.is_empty() {
        "nothing weigh reads".to_string()
    } else {
        crate::text::escape_control(&shown.join(", "))
    };
    Error::usage(
        why,
        format!("pass a model snapshot folder or a config.json; the folder contains: {contains}"),
    )
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, ext)| ext.to_lowercase())
        .unwrap_or_default()
}

fn pickle_files(listing: &Listing) -> Vec<String> {
    listing
        .names
        .iter()
        .filter(|n| PICKLE.contains(&extension(n).as_str()))
        .cloned()
        .collect()
}

fn remote_code(listing: &Listing, config: &Value) -> Vec<String> {
    let mut reasons = Vec::new();
    if config.get("auto_map").is_some() {
        reasons.push("config.json has auto_map".to_string());
    }
    if read_json(listing, "tokenizer_config.json").is_some_and(|t| t.get("auto_map").is_some()) {
        reasons.push("tokenizer_config.json has auto_map".to_string());
    }
    reasons.extend(
        listing
            .names
            .iter()
            .filter(|n| extension(n) == "py")
            .cloned(),
    );
    reasons
}

fn chat_template(listing: &Listing) -> Option<String> {
    let in_config = read_json(listing, "tokenizer_config.json")
        .and_then(|t| t.get("chat_template").cloned())
        .is_some_and(|t| t.as_str().is_some_and(|s| !s.trim().is_empty()) || t.is_array());
    if in_config {
        return Some("tokenizer_config.json".into());
    }
    ["chat_template.jinja", "chat_template.json"]
        .into_iter()
        .find(|name| listing.names.iter().any(|n| n == name))
        .map(str::to_string)
}

fn generation(listing: &Listing) -> BTreeMap<String, f64> {
    let Some(config) = read_json(listing, "generation_config.json") else {
        return BTreeMap::new();
    };
    SAMPLING
        .iter()
        .filter_map(|key| {
            let v = config.get(*key)?.as_f64().filter(|v| v.is_finite())?;
            Some(((*key).to_string(), v))
        })
        .collect()
}

fn read_json(listing: &Listing, name: &str) -> Option<Value> {
    bounded::json(listing.path(name)?, bounded::JSON_LIMIT).ok()
}

/// Exact weights: the index's `total_size` with the shards' dtypes, else one safetensors file's
/// header.
fn weights(listing: &Listing, notes: &mut Vec<String>) -> Option<Weights> {
    const INDEX: &str = "model.safetensors.index.json";
    if let Some(path) = listing.path(INDEX) {
        match bounded::json(path, bounded::JSON_LIMIT) {
            Ok(index) => match safetensors::index(&index) {
                Some((bytes, shards)) => {
                    return Some(Weights {
                        bytes,
                        dtypes: dtypes(listing, &shards, notes),
                        file: INDEX.into(),
                    });
                }
                None => notes.push(format!("{INDEX} has no metadata.total_size")),
            },
            Err(e) => notes.push(e.to_string()),
        }
    }
    let single = "model.safetensors";
    let path = listing.path(single)?;
    match safetensors::header(path) {
        Ok(h) => Some(Weights {
            bytes: h.bytes,
            dtypes: h.dtypes,
            file: single.into(),
        }),
        Err(why) => {
            notes.push(format!("{single}: {why}"));
            None
        }
    }
}

fn dtypes(listing: &Listing, shards: &[String], notes: &mut Vec<String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut read = 0u64;
    for shard in shards {
        if read > HEADER_BUDGET {
            notes.push("stopped reading safetensors headers after 512 MiB of them".into());
            break;
        }
        let Some(path) = listing.path(shard) else {
            notes.push(format!(
                "{shard} is not in the folder; its dtypes are not known"
            ));
            continue;
        };
        match safetensors::header(path) {
            Ok(h) => {
                found.extend(h.dtypes);
                read = read.saturating_add(h.length);
            }
            Err(why) => notes.push(format!("{shard}: {why}")),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_without_config_json_lists_what_it_contains() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("weights.gguf"), "").unwrap();
        let e = read(dir.path()).unwrap_err();
        assert_eq!(e.exit_code(), 2);
        let text = e.to_string();
        assert!(
            text.contains("has no config.json") && text.contains("weights.gguf"),
            "{text}"
        );
    }

    #[test]
    fn remote_code_pickle_files_template_and_sampling_are_found() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(
            p.join("config.json"),
            r#"{"auto_map": {"AutoModel": "modeling_x.X"}}"#,
        )
        .unwrap();
        std::fs::write(p.join("modeling_x.py"), "import os").unwrap();
        std::fs::write(p.join("pytorch_model.bin"), "").unwrap();
        std::fs::write(p.join("tokenizer_config.json"), r#"{"chat_template": "{{ messages }}", "auto_map": {"AutoTokenizer": ["tok.T", null]}}"#).unwrap();
        std::fs::write(
            p.join("generation_config.json"),
            r#"{"temperature": 0.6, "top_p": 0.95, "do_sample": true}"#,
        )
        .unwrap();
        let (s, _) = read(p).unwrap();
        assert_eq!(
            s.remote_code,
            [
                "config.json has auto_map",
                "tokenizer_config.json has auto_map",
                "modeling_x.py"
            ]
        );
        assert_eq!(s.pickle_files, ["pytorch_model.bin"]);
        assert_eq!(s.chat_template.as_deref(), Some("tokenizer_config.json"));
        assert_eq!(s.generation.get("temperature"), Some(&0.6));
        assert_eq!(s.generation.len(), 2);
    }

    fn code_free(files: &[(&str, &str)]) -> Option<CodeFree> {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        read(dir.path()).unwrap().0.code_free()
    }

    #[test]
    fn weights_load_without_code_only_from_safetensors_with_no_remote_code() {
        let plain = code_free(&[("config.json", "{}"), ("model.safetensors", "")]).unwrap();
        assert!(plain.value);
        assert_eq!(
            (plain.weights.as_str(), plain.remote_code.as_str()),
            ("safetensors weights", "no remote code")
        );
        let beside_pickle = code_free(&[
            ("config.json", "{}"),
            ("model.safetensors", ""),
            ("training_args.bin", ""),
        ]);
        assert!(beside_pickle.unwrap().value, "loaders prefer safetensors");
        let remote = code_free(&[
            ("config.json", r#"{"auto_map": {"AutoModel": "m.M"}}"#),
            ("model.safetensors", ""),
        ])
        .unwrap();
        assert!(!remote.value);
        assert_eq!(remote.remote_code, "remote code: config.json has auto_map");
        let pickled = code_free(&[
            ("config.json", "{}"),
            ("a.bin", ""),
            ("b.bin", ""),
            ("c.pt", ""),
            ("d.pth", ""),
            ("e.pkl", ""),
        ])
        .unwrap();
        assert!(!pickled.value);
        assert_eq!(
            pickled.weights,
            "pickle weights only (a.bin, b.bin, c.pt and 2 more)"
        );
        assert_eq!(
            code_free(&[("config.json", "{}")]),
            None,
            "nothing to judge"
        );
    }

    #[test]
    fn without_an_index_a_single_safetensors_file_gives_the_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("config.json"), "{}").unwrap();
        safetensors::write_header(
            &p.join("model.safetensors"),
            &[("a", "F16", 0, 100), ("b", "F16", 100, 300)],
        );
        let (s, _) = read(p).unwrap();
        let w = s.weights.unwrap();
        assert_eq!((w.bytes, w.file.as_str()), (300, "model.safetensors"));
    }

    #[test]
    fn exact_bytes_come_from_the_index_and_dtypes_from_shard_headers() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::write(p.join("config.json"), "{}").unwrap();
        std::fs::write(
            p.join("model.safetensors.index.json"),
            r#"{"metadata": {"total_size": 3072}, "weight_map": {"a": "model-1.safetensors", "b": "model-2.safetensors"}}"#,
        )
        .unwrap();
        safetensors::write_header(&p.join("model-1.safetensors"), &[("a", "BF16", 0, 2048)]);
        let (s, _) = read(p).unwrap();
        let w = s.weights.unwrap();
        assert_eq!(w.bytes, 3072);
        assert_eq!(w.dtypes.into_iter().collect::<Vec<_>>(), ["BF16"]);
        assert!(s.notes[0].contains("model-2.safetensors is not in the folder"));
    }
}
