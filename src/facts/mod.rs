//! Facts from data: model size, memory and serving hardware from a transformers `config.json`,
//! and from a model snapshot folder also exact weight bytes, licence, remote code and pickle
//! files. Nothing here touches the network, and nothing in a snapshot is ever executed.

pub mod accelerators;
pub mod names;
pub mod arch;
pub mod bounded;
pub mod config;
pub mod license;
pub mod listing;
pub mod safetensors;
pub mod size;
pub mod snapshot;
pub mod model;
pub mod json;
pub mod table;
mod table_snapshot;
pub mod record;
pub mod answer;
