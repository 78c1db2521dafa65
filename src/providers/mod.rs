//! Who serves a model and at what price, from a local copy of the open models.dev database
//! (a checkout of its repository, or its `api.json`). No network.

pub mod availability;
pub mod db;
pub mod json;
pub mod record;
pub mod table;

use std::path::Path;

use crate::error::Result;

pub use availability::{Availability, Offer, Stats, Summary};

/// Reads the database at `path` and finds who serves `model` (a canonical id or a name).
pub fn find(path: &Path, model: &str) -> Result<Availability> {
    let (query, found) = db::load(path, model)?;
    Ok(availability::availability(&query, found))
}
