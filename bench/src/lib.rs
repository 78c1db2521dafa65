//! weigh-bench: the benchmark harness of issue 14.
//!
//! A seeded generator writes a realistic corpus of weigh projects ([`corpus`]); a parse-only
//! program, `weigh-floor`, gives each command its floor; [`suite`] runs weigh's commands and
//! their floors over the same files, timing each with `wait4(2)` ([`measure`]); [`results`]
//! prints the targets as ratios, met or not. [`verify`] keeps the comparison honest and
//! [`profile`] runs one job under callgrind or perf.

pub mod callgrind;
pub mod corpus;
pub mod measure;
pub mod profile;
pub mod results;
pub mod suite;
pub mod verify;
