//! Readiness reports: a view-model built once ([`view`]) and rendered as terminal tables,
//! GitHub-flavoured Markdown or JSON.

pub mod json;
pub mod markdown;
pub mod reason;
pub mod table;
pub mod view;

pub use view::{ReportView, build};
