//! The interactive walkthrough (SPEC §6): a state machine over a [`Prompter`], separate from I/O.
//!
//! The [`flow`] decides which item comes next given the answers so far (`when` re-evaluated after
//! every answer); a [`Prompter`] shows an item and returns what the user did; the [`session`]
//! commits every answer through the Store the moment it is given. Prompters: [`terminal`]
//! (arrow keys, through inquire) and [`line`] (one line per item, for pipes and scripts).

pub mod flow;
pub mod line;
pub mod screen;
pub mod session;
pub mod terminal;

use crate::assessment::{Answer, AnswerValue};
use crate::checklist::{Dimension, Item};
use crate::facts::answer::Derived;

/// Everything shown about one item.
#[derive(Debug, Clone)]
pub struct ItemScreen<'a> {
    /// The item.
    pub item: &'a Item,
    /// Its dimension.
    pub dimension: &'a Dimension,
    /// Position among the dimension's applicable items (1-based) and their count.
    pub in_dimension: (usize, usize),
    /// Position among all applicable items in the walk (1-based) and their count.
    pub overall: (usize, usize),
    /// This assessor's current answer, pre-selected.
    pub existing: Option<&'a Answer>,
    /// Other assessors' answers: empty until this assessor has answered (unless --show-others).
    pub others: Vec<&'a Answer>,
    /// Candidate facts that inform this item, as (key, value) text.
    pub facts: Vec<(String, String)>,
    /// The answer the recorded facts give, offered as the default and marked "from data".
    pub suggestion: Option<Derived>,
    /// Set by the walk when the value chosen is the suggestion, so that note and evidence
    /// default to the suggestion's.
    pub from_data: bool,
}

/// What the user did at an item.
#[derive(Debug, Clone, PartialEq)]
pub enum Input {
    /// A value (possibly equal to the existing one).
    Value(AnswerValue),
    /// Kept the existing answer as it is.
    Keep,
    /// Go to the previous item.
    Back,
    /// Go to the next item without answering.
    Skip,
    /// Not applicable.
    Na,
    /// Show the item's references, then ask again.
    Refs,
    /// Save and quit (everything is saved already).
    Quit,
}

/// A note and evidence given after a value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// The note, if any.
    pub note: Option<String>,
    /// Evidence entries.
    pub evidence: Vec<String>,
}

/// Why a walk stopped before its end.
#[derive(Debug, Clone, PartialEq)]
pub enum Stop {
    /// Ctrl-C.
    Interrupted,
    /// Standard input ended (line mode).
    EndOfInput,
    /// An invalid line (line mode): its number and what was wrong.
    Invalid {
        /// 1-based line number.
        line: usize,
        /// The problem.
        message: String,
    },
    /// The terminal failed.
    Io(String),
}

/// Shows items and reads what the user does. Implemented for terminals and for line mode; tests
/// script it.
pub trait Prompter {
    /// Shows the item and asks for its answer.
    fn item(&mut self, screen: &ItemScreen<'_>) -> Result<Input, Stop>;
    /// After a value: asks for a note and evidence (defaults from the existing answer).
    fn details(&mut self, screen: &ItemScreen<'_>) -> Result<Details, Stop>;
    /// Asks again for evidence the item requires; empty means refused.
    fn evidence_again(&mut self, screen: &ItemScreen<'_>) -> Result<Vec<String>, Stop>;
    /// Tells the user something (others' answers, a disagreement, references, a refusal).
    fn message(&mut self, text: &str);
}

/// How the walk ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Every item was shown.
    Finished,
    /// The user chose save and quit at this item.
    Quit(String),
    /// Stopped early; the item it stopped at, if any.
    Stopped(Stop, Option<String>),
}

/// Options of a walk (SPEC §6).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Skip items this assessor has answered.
    pub unanswered: bool,
    /// Only this dimension.
    pub dimension: Option<String>,
    /// Show other assessors' answers before answering.
    pub show_others: bool,
}
