//! The live session as a pure state machine: who joined, which item the team is on, which items
//! the facilitator revealed, and what each viewer may see. No I/O and no clock: the server
//! writes the answers a [`Board::cast`] returns through the Store and hands the result back with
//! [`Board::refresh`].
//!
//! The walkthrough's rules hold (SPEC §6): items in checklist order, only those that apply given
//! the answers so far (`when`, through [`crate::walk::flow`]); a participant sees the others'
//! answers to an item once they have answered it themselves, or once the facilitator revealed it.

use std::collections::{BTreeSet, HashMap};

use jiff::Timestamp;

use super::api::{JsonChecklistRef, JsonParticipant, JsonState, JsonYou};
use crate::assessment::{Answer, AnswerValue, Assessment, edit};
use crate::checklist::Checklist;
use crate::walk::{Options, flow};

/// The longest name a participant may take, in characters.
pub const NAME_MAX: usize = 100;
/// The longest note, in characters.
pub const NOTE_MAX: usize = 10_000;
/// The most evidence entries on one answer.
pub const EVIDENCE_MAX: usize = 50;
/// The most participants a session takes (a bound on what a script with the token can make the
/// server hold).
pub const PARTICIPANTS_MAX: usize = 500;

/// One person who joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    /// Their id (a secret: whoever holds it votes as them).
    pub id: String,
    /// Their name, `by` in the assessment.
    pub name: String,
}

/// A vote as cast: the current item, a value in the syntax of `weigh answer` or N/A, a note
/// and evidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ballot {
    /// The item's id.
    pub item: String,
    /// The value as text, if any.
    pub value: Option<String>,
    /// Not applicable.
    pub na: bool,
    /// A note.
    pub note: Option<String>,
    /// Evidence entries.
    pub evidence: Vec<String>,
}

/// A vote the board accepted: the answer to write, and what the voter should know.
#[derive(Debug, Clone, PartialEq)]
pub struct Cast {
    /// The answer, ready for the Store.
    pub answer: Answer,
    /// Warnings, e.g. missing required evidence.
    pub warnings: Vec<String>,
}

/// Why the board refused a request.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// The request is malformed (both or neither of value and N/A, …): 400.
    Malformed(String),
    /// Only the facilitator may do this: 403.
    FacilitatorOnly,
    /// No participant has this id: 404.
    UnknownParticipant,
    /// The name is taken by another participant: 409.
    NameTaken(String),
    /// The vote is for another item than the current one (or the session is finished): 409.
    NotCurrent {
        /// The item voted on.
        item: String,
        /// The current item, if any.
        current: Option<String>,
    },
    /// A value or name the item or session does not accept: 422.
    Invalid(String),
}

impl Refusal {
    /// The HTTP status code this refusal is answered with.
    pub fn status(&self) -> u16 {
        match self {
            Refusal::Malformed(_) => 400,
            Refusal::FacilitatorOnly => 403,
            Refusal::UnknownParticipant => 404,
            Refusal::NameTaken(_) | Refusal::NotCurrent { .. } => 409,
            Refusal::Invalid(_) => 422,
        }
    }

    /// What went wrong and how to fix it.
    pub fn explain(&self) -> (String, String) {
        match self {
            Refusal::Malformed(why) => (why.clone(), "see `weigh schema serve-api`".into()),
            Refusal::FacilitatorOnly => (
                "only the facilitator may do this".into(),
                "use the facilitator's link (the second URL `weigh serve` printed)".into(),
            ),
            Refusal::UnknownParticipant => (
                "no participant has this id".into(),
                "join first (POST /api/join), then pass the id it returns as `participant`".into(),
            ),
            Refusal::NameTaken(name) => (
                format!("someone in this session already joined as \"{name}\""),
                "use your own link from when you joined, or choose another name".into(),
            ),
            Refusal::NotCurrent { item, current } => (
                format!("the session is not at `{item}`"),
                match current {
                    Some(current) => format!("the current item is `{current}`; vote on that one"),
                    None => "the session is finished; see the report".into(),
                },
            ),
            Refusal::Invalid(why) => (why.clone(), "fix the value and send it again".into()),
        }
    }
}

/// The session's state.
#[derive(Debug, Clone)]
pub struct Board {
    checklist: Checklist,
    assessment: Assessment,
    participants: Vec<Participant>,
    by_id: HashMap<String, usize>,
    current: Option<String>,
    revealed: BTreeSet<String>,
    version: u64,
}

impl Board {
    /// A board over an assessment, at the first applicable item nobody has answered (else the
    /// first applicable item): a resumed session goes on where the team stopped.
    pub fn new(checklist: Checklist, assessment: Assessment, now: Timestamp) -> Board {
        let shown = flow::sequence(&checklist, &assessment, "", &Options::default(), now);
        let current = shown
            .iter()
            .find(|i| assessment.answers_to(&i.id).next().is_none())
            .or(shown.first())
            .map(|i| i.id.clone());
        Board {
            checklist,
            assessment,
            participants: Vec::new(),
            by_id: HashMap::new(),
            current,
            revealed: BTreeSet::new(),
            version: 1,
        }
    }

    /// The checklist.
    pub fn checklist(&self) -> &Checklist {
        &self.checklist
    }

    /// The assessment as last written or read.
    pub fn assessment(&self) -> &Assessment {
        &self.assessment
    }

    /// The current item's id; `None` once the facilitator moved past the last one.
    pub fn current(&self) -> Option<&str> {
        self.current.as_deref()
    }

    /// Grows with every change.
    pub fn version(&self) -> u64 {
        self.version
    }

    /// Whether the facilitator revealed the answers to an item.
    pub fn is_revealed(&self, item: &str) -> bool {
        self.revealed.contains(item)
    }

    /// Everyone who joined, in join order.
    pub fn participants(&self) -> &[Participant] {
        &self.participants
    }

    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.by_id.get(id).map(|&i| &self.participants[i])
    }

    /// Adds a participant under `id` (a fresh random id from the caller). The name is trimmed;
    /// it must be plain text of 1-100 characters not taken by another participant.
    pub fn join(&mut self, id: String, name: &str) -> Result<&Participant, Refusal> {
        let name = valid_name(name)?;
        if self.participants.len() >= PARTICIPANTS_MAX {
            return Err(Refusal::Invalid(format!(
                "the session is full ({PARTICIPANTS_MAX} participants)"
            )));
        }
        if self.participants.iter().any(|p| p.name == name) {
            return Err(Refusal::NameTaken(name));
        }
        self.by_id.insert(id.clone(), self.participants.len());
        self.participants.push(Participant { id, name });
        self.version += 1;
        Ok(self.participants.last().expect("just added"))
    }

    /// Checks a vote and builds the answer to write; the board itself changes only when the
    /// written assessment comes back through [`Board::refresh`].
    pub fn cast(&self, participant: &str, ballot: &Ballot, at: Timestamp) -> Result<Cast, Refusal> {
        let voter = self
            .participant(participant)
            .ok_or(Refusal::UnknownParticipant)?;
        if self.current.as_deref() != Some(ballot.item.as_str()) {
            return Err(Refusal::NotCurrent {
                item: ballot.item.clone(),
                current: self.current.clone(),
            });
        }
        let item = self
            .checklist
            .item(&ballot.item)
            .ok_or_else(|| Refusal::Invalid(format!("no item `{}`", ballot.item)))?;
        let value = ballot_value(item, ballot)?;
        let evidence = clean_evidence(&ballot.evidence)?;
        let note = clean_note(ballot.note.as_deref())?;
        let mut warnings = Vec::new();
        if item.evidence_required && !value.is_na() && evidence.is_empty() {
            warnings.push(format!(
                "`{}` requires evidence: saved without it, the report lists it as missing_evidence",
                item.id
            ));
        }
        Ok(Cast {
            answer: Answer {
                item: item.id.clone(),
                by: voter.name.clone(),
                value,
                at,
                note,
                evidence,
            },
            warnings,
        })
    }

    /// Takes the assessment as written by a vote, or as read after another program changed the
    /// file; a change bumps the version.
    pub fn refresh(&mut self, assessment: Assessment) {
        if assessment != self.assessment {
            self.assessment = assessment;
            self.version += 1;
        }
    }

    /// Shows everyone's answers to the current item (facilitator).
    pub fn reveal(&mut self, facilitator: bool) -> Result<(), Refusal> {
        if !facilitator {
            return Err(Refusal::FacilitatorOnly);
        }
        if let Some(item) = &self.current
            && self.revealed.insert(item.clone())
        {
            self.version += 1;
        }
        Ok(())
    }

    /// Moves to the next item that applies given the answers so far (facilitator); past the
    /// last one the session is finished.
    pub fn next(&mut self, facilitator: bool, now: Timestamp) -> Result<(), Refusal> {
        if !facilitator {
            return Err(Refusal::FacilitatorOnly);
        }
        if let Some(current) = &self.current {
            self.current = flow::next(
                &self.checklist,
                &self.assessment,
                "",
                &Options::default(),
                now,
                current,
            );
            self.version += 1;
        }
        Ok(())
    }

    /// Moves back to the previous item that applies (facilitator); from the end, to the last.
    pub fn back(&mut self, facilitator: bool, now: Timestamp) -> Result<(), Refusal> {
        if !facilitator {
            return Err(Refusal::FacilitatorOnly);
        }
        let shown = flow::sequence(
            &self.checklist,
            &self.assessment,
            "",
            &Options::default(),
            now,
        );
        let to = match &self.current {
            Some(current) => Some(flow::previous(
                &self.checklist,
                &self.assessment,
                "",
                &Options::default(),
                now,
                current,
            )),
            None => shown.last().map(|i| i.id.clone()),
        };
        if to != self.current {
            self.current = to;
            self.version += 1;
        }
        Ok(())
    }

    /// Whether the viewer named `you` (or an observer, `None`) may see the answers to an item:
    /// once revealed, or once they answered it themselves.
    pub fn visible_to(&self, item: &str, you: Option<&str>) -> bool {
        self.is_revealed(item)
            || you.is_some_and(|name| edit::find(&self.assessment, item, name).is_some())
    }

    /// The assessment without the answers to the current item, unless this viewer may see them:
    /// what reports and charts shown during the session are computed from.
    pub fn visible_assessment(&self, you: Option<&str>) -> Assessment {
        let mut a = self.assessment.clone();
        if let Some(item) = self.current.as_deref()
            && !self.visible_to(item, you)
        {
            a.answers.retain(|x| x.item != item);
            a.unfit.retain(|x| x.item != item);
        }
        a
    }

    /// The session as one viewer sees it: a participant (by id) or an observer (`None`).
    pub fn state(
        &self,
        participant: Option<&str>,
        facilitator: bool,
        now: Timestamp,
    ) -> Result<JsonState, Refusal> {
        let you = match participant {
            Some(id) => Some(self.participant(id).ok_or(Refusal::UnknownParticipant)?),
            None => None,
        };
        let item = self
            .current
            .as_deref()
            .and_then(|id| super::item::view(self, id, you.map(|p| p.name.as_str()), now));
        Ok(JsonState {
            version: self.version,
            candidate: self.assessment.candidate.name.clone(),
            checklist: JsonChecklistRef {
                id: self.checklist.id.clone(),
                title: self.checklist.title.clone(),
                version: self.checklist.version.clone(),
            },
            you: you.map(|p| JsonYou {
                participant: p.id.clone(),
                name: p.name.clone(),
            }),
            facilitator,
            participants: self
                .participants
                .iter()
                .map(|p| JsonParticipant {
                    name: p.name.clone(),
                    voted: self
                        .current
                        .as_deref()
                        .is_some_and(|item| edit::find(&self.assessment, item, &p.name).is_some()),
                })
                .collect(),
            finished: self.current.is_none(),
            item,
        })
    }
}

/// A participant's name: trimmed, 1-100 characters, no control characters.
fn valid_name(name: &str) -> Result<String, Refusal> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > NAME_MAX || name.chars().any(char::is_control) {
        return Err(Refusal::Invalid(format!(
            "a name is 1 to {NAME_MAX} characters of plain text on one line"
        )));
    }
    Ok(name.to_string())
}

/// The ballot's value: exactly one of a value (parsed as `weigh answer` does) and N/A.
fn ballot_value(item: &crate::checklist::Item, ballot: &Ballot) -> Result<AnswerValue, Refusal> {
    match (&ballot.value, ballot.na) {
        (Some(_), true) => Err(Refusal::Malformed(
            "a vote has either a value or `na`, not both".into(),
        )),
        (None, false) => Err(Refusal::Malformed(
            "a vote needs a value, or `na: true`".into(),
        )),
        (None, true) if !item.na_allowed => Err(Refusal::Invalid(format!(
            "`{}` cannot be marked not applicable; it accepts {}",
            item.id,
            crate::assessment::load::accepts(item)
        ))),
        (None, true) => Ok(AnswerValue::Na),
        (Some(text), false) => edit::parse_value(item, text).map_err(Refusal::Invalid),
    }
}

fn clean_evidence(evidence: &[String]) -> Result<Vec<String>, Refusal> {
    let kept: Vec<String> = evidence
        .iter()
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .collect();
    if kept.len() > EVIDENCE_MAX || kept.iter().any(|e| e.chars().any(char::is_control)) {
        return Err(Refusal::Invalid(format!(
            "evidence is at most {EVIDENCE_MAX} URLs or paths, each on one line"
        )));
    }
    Ok(kept)
}

fn clean_note(note: Option<&str>) -> Result<Option<String>, Refusal> {
    let Some(note) = note.map(str::trim).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    if note.chars().count() > NOTE_MAX {
        return Err(Refusal::Invalid(format!(
            "a note is at most {NOTE_MAX} characters"
        )));
    }
    Ok(Some(note.replace("\r\n", "\n")))
}
