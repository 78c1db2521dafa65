//! Assessments: one candidate scored against one checklist (SPEC §3).

pub mod model;

pub use model::{Answer, AnswerValue, Assessment, Candidate, Fact, Scalar};
