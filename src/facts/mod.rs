//! Facts from data: model size, memory and serving hardware from a transformers `config.json`,
//! and from a model snapshot folder also exact weight bytes, licence, remote code and pickle
//! files. Nothing here touches the network, and nothing in a snapshot is ever executed.

pub mod accelerators;
pub mod answer;
pub mod arch;
pub mod bounded;
pub mod config;
pub mod hardware;
pub mod json;
pub mod license;
pub mod listing;
pub mod model;
pub mod names;
pub mod record;
pub mod safetensors;
pub mod size;
pub mod snapshot;
pub mod table;
mod table_snapshot;
