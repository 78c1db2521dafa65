//! weigh: decide, as a team, whether a newly released open-weight model is ready for your product.
//!
//! The library holds every type, rule and renderer and never prints; the `weigh` binary parses
//! arguments, does the I/O and maps outcomes to exit codes. Data flows one way: a TOML checklist is
//! loaded and validated ([`checklist`]), assessments are scored against it, and views of the result
//! are rendered.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs)]

pub mod assessment;
pub mod checklist;
pub mod clock;
pub mod compare;
pub mod diag;
pub mod diff;
pub mod error;
pub mod facts;
pub mod fsx;
#[doc(hidden)]
pub mod fuzz;
pub mod git;
pub mod idmap;
pub mod import;
pub mod jsonout;
pub mod locate;
pub mod markdown;
pub mod num;
pub mod project;
pub mod providers;
pub mod report;
pub mod schema;
pub mod score;
pub mod serve;
pub mod show;
pub mod text;
pub mod tomlcheck;
pub mod udiff;
pub mod walk;
