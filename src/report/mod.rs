//! Readiness reports: a view-model built once ([`view`]) and rendered as terminal tables,
//! GitHub-flavoured Markdown, JSON or a self-contained HTML page with charts.

pub mod html;
pub mod json;
pub mod markdown;
pub mod reason;
pub mod svg;
pub mod table;
pub mod view;

pub use view::{ReportView, build};
