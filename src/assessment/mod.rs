//! Assessments: one candidate scored against one checklist (SPEC §3).

mod direct;
pub mod edit;
pub mod file;
pub mod folder;
pub mod load;
pub mod merge;
pub mod model;
pub mod store;
pub mod write;

pub use model::{Answer, AnswerValue, Assessment, Candidate, Fact, FactValue, Scalar};
