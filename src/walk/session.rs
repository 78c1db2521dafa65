//! The walk's view of the assessment file: every answer is committed through the Store the
//! moment it is given, and the in-memory assessment is refreshed from what was written (so
//! answers other assessors save meanwhile appear too).

use std::path::PathBuf;
use std::sync::Arc;

use jiff::Timestamp;

use super::Details;
use crate::assessment::store::{self, Loaded, Lookup, NewFile};
use crate::assessment::{Answer, AnswerValue, Assessment, edit};
use crate::checklist::Checklist;
use crate::diag::Report;
use crate::error::Result;

/// An open assessment file and the assessor walking it.
pub struct Session {
    /// The file.
    pub path: PathBuf,
    /// How its checklist is found.
    pub lookup: Lookup,
    /// The `#:schema` line to write, when the project has schemas.
    pub schema_line: Option<String>,
    /// The checklist, loaded once when the session opens.
    pub checklist: Arc<Checklist>,
    /// The assessment as last written.
    pub assessment: Assessment,
    /// The assessor.
    pub by: String,
    /// Answers saved in this session.
    pub saved: usize,
    /// Warnings from opening the assessment (for a folder, one report per file).
    pub warnings: Vec<Report>,
    /// What a new assessment starts with: a new folder gets its first file with the first answer.
    new: Option<NewFile>,
    clock: Box<dyn Fn() -> Timestamp>,
}

impl Session {
    /// Opens (creating from `new` when missing) an assessment file for an assessor.
    pub fn open(
        path: PathBuf,
        lookup: Lookup,
        new: Option<&NewFile>,
        schema_line: Option<String>,
        by: String,
        clock: Box<dyn Fn() -> Timestamp>,
    ) -> Result<Session> {
        let loaded: Loaded =
            store::update(&path, &lookup, new, schema_line.as_deref(), |_, _| Ok(()))?;
        let warnings = loaded.all_warnings().cloned().collect();
        let Loaded {
            assessment,
            checklist,
            ..
        } = loaded;
        Ok(Session {
            path,
            lookup,
            schema_line,
            checklist,
            assessment,
            by,
            saved: 0,
            warnings,
            new: new.cloned(),
            clock,
        })
    }

    /// Now, by the session's clock.
    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Commits this assessor's answer to an item, atomically, and refreshes the assessment.
    pub fn save(&mut self, item: &str, value: AnswerValue, details: Details) -> Result<()> {
        let now = self.now();
        self.save_at(item, value, details, now)
    }

    /// [`Session::save`], dated `at` (an answer taken from data is dated at the fact's as_of).
    pub fn save_at(
        &mut self,
        item: &str,
        value: AnswerValue,
        details: Details,
        at: Timestamp,
    ) -> Result<()> {
        let answer = Answer {
            item: item.to_string(),
            by: self.by.clone(),
            value,
            at,
            note: details.note.filter(|n| !n.trim().is_empty()),
            evidence: details.evidence,
        };
        let loaded = store::update(
            &self.path,
            &self.lookup,
            self.new.as_ref(),
            self.schema_line.as_deref(),
            |a, _| {
                edit::set(a, answer.clone());
                Ok(())
            },
        )?;
        self.assessment = loaded.assessment;
        self.saved += 1;
        Ok(())
    }
}
