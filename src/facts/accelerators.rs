//! The accelerators weigh sizes deployments for (`data/accelerators.toml`, compiled in), and how
//! many of each hold a model's weights plus its KV cache.
//!
//! The count assumes tensor parallelism across N accelerators: the weights split N ways; a
//! grouped-query KV cache splits across ranks up to its number of KV heads (beyond that, heads
//! are replicated); a latent (MLA) cache is replicated on every rank, since engines do so unless
//! attention runs data-parallel. Headroom (activations, CUDA graphs, fragmentation) is added on
//! top of both.

use std::sync::LazyLock;

use serde::Deserialize;

/// The compiled-in data file.
const DATA: &str = include_str!("../../data/accelerators.toml");

/// The most accelerators weigh will consider for one replica.
pub const MAX_COUNT: u64 = 4096;

/// One accelerator model.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Accelerator {
    /// Kebab-case id, e.g. `h100-80gb`.
    pub id: String,
    /// Display name, e.g. "NVIDIA H100 80GB".
    pub name: String,
    /// Memory per accelerator in GB (10^9 bytes), as the data sheet states it.
    pub memory_gb: u64,
    /// The data sheet.
    pub source: String,
}

impl Accelerator {
    /// Memory in bytes.
    pub fn memory_bytes(&self) -> u64 {
        self.memory_gb.saturating_mul(1_000_000_000)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DataFile {
    accelerator: Vec<Accelerator>,
}

static ALL: LazyLock<Vec<Accelerator>> = LazyLock::new(|| {
    toml::from_str::<DataFile>(DATA)
        .map(|f| f.accelerator)
        .unwrap_or_default()
});

/// Every accelerator in the data file, in file order.
pub fn all() -> &'static [Accelerator] {
    &ALL
}

/// What has to fit on the accelerators of one replica.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Load {
    /// Weight bytes at the serving precision.
    pub weights: u64,
    /// KV-cache bytes for the context, on one rank without splitting.
    pub kv_cache: u64,
    /// KV heads the cache splits across (grouped-query); `None` for a latent cache, which every
    /// rank holds whole.
    pub kv_heads: Option<u64>,
    /// Extra fraction on top, e.g. 0.2.
    pub headroom: f64,
}

/// The fewest accelerators of `memory` bytes each that hold `load`, or `None` when not even
/// the KV cache share of one rank fits (or more than 4096 would be needed).
pub fn count(load: &Load, memory: u64) -> Option<u64> {
    (1..=MAX_COUNT).find(|&n| per_rank(load, n) <= memory as f64)
}

/// Bytes one of `n` ranks holds, headroom included.
fn per_rank(load: &Load, n: u64) -> f64 {
    let kv_split = load.kv_heads.map_or(1, |heads| n.min(heads.max(1)));
    let bytes = load.weights as f64 / n as f64 + load.kv_cache as f64 / kv_split as f64;
    bytes * (1.0 + load.headroom)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_loads_with_the_accelerators_the_issue_names() {
        let ids: Vec<&str> = all().iter().map(|a| a.id.as_str()).collect();
        for id in [
            "h100-80gb",
            "h200-141gb",
            "b200-192gb",
            "mi300x-192gb",
            "mi325x-256gb",
            "ascend-910b-64gb",
            "a100-80gb",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        assert!(all().iter().all(|a| a.source.starts_with("https://")));
        let h200 = all().iter().find(|a| a.id == "h200-141gb").unwrap();
        assert_eq!(h200.memory_bytes(), 141_000_000_000);
    }

    #[test]
    fn a_grouped_query_cache_splits_across_ranks_up_to_its_kv_heads() {
        let load = Load {
            weights: 160_000_000_000,
            kv_cache: 40_000_000_000,
            kv_heads: Some(8),
            headroom: 0.0,
        };
        // 2 ranks: 80 + 20 = 100 GB each; 3 ranks: 53.3 + 13.3 = 66.7 GB each.
        assert_eq!(count(&load, 80_000_000_000), Some(3));
    }

    #[test]
    fn a_latent_cache_is_whole_on_every_rank() {
        let load = Load {
            weights: 160_000_000_000,
            kv_cache: 40_000_000_000,
            kv_heads: None,
            headroom: 0.0,
        };
        // n ranks hold 160/n + 40 GB each: 4 ranks hold 80 GB.
        assert_eq!(count(&load, 80_000_000_000), Some(4));
        let too_long = Load {
            kv_cache: 90_000_000_000,
            ..load
        };
        assert_eq!(count(&too_long, 80_000_000_000), None);
    }

    #[test]
    fn headroom_is_added_on_top() {
        let load = Load {
            weights: 70_000_000_000,
            kv_cache: 0,
            kv_heads: Some(8),
            headroom: 0.2,
        };
        assert_eq!(count(&load, 80_000_000_000), Some(2));
    }
}
