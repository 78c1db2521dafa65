//! Hash maps keyed by item ids, the lookups every load, score and report makes per answer.
//!
//! std's SipHash costs more than the lookups' string compares on long ids; foldhash (already
//! hashbrown's default, so no new code in the build) is several times faster and still seeded
//! at random per process, so a file cannot choose ids that collide.

use std::collections::{HashMap, HashSet};

/// A hash map with a fast, per-process seeded hasher.
pub type IdMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with the same hasher as [`IdMap`].
pub type IdSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// An empty [`IdMap`] with room for `capacity` entries.
pub fn with_capacity<K, V>(capacity: usize) -> IdMap<K, V> {
    IdMap::with_capacity_and_hasher(capacity, foldhash::fast::RandomState::default())
}
