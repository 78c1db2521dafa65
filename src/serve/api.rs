//! The JSON API of `weigh serve`: its request and response types and their JSON Schema
//! (`weigh schema serve-api`). Internal types never double as the wire format.
//!
//! Every request carries the session token (or the facilitator's) as `Authorization: Bearer
//! TOKEN` or as the `token` query parameter; without it the answer is 401.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// `POST /api/join`: a participant joins the session under a name.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonJoin {
    /// The participant's name; it becomes `by` on every answer they give. Trimmed, 1-100
    /// characters, no control characters, not already taken in this session.
    pub name: String,
}

/// The answer to `POST /api/join`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonJoined {
    /// The participant's id: pass it as `participant` with every vote and state request. It is
    /// a secret of its own (whoever holds it votes as this participant).
    pub participant: String,
}

/// `POST /api/vote`: a participant's answer to the session's current item.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonVote {
    /// The participant's id, from `POST /api/join`.
    pub participant: String,
    /// The item's id; it must be the session's current item.
    pub item: String,
    /// The answer in the syntax of `weigh answer`: `yes`/`no` (yes_no), a level's text or its
    /// 0-based index (scale), an option's label (choice), a number (number), any text (text).
    /// A JSON number or boolean is read as its text. Leave out with `na`.
    #[serde(default)]
    #[schemars(schema_with = "vote_value_schema")]
    pub value: Option<serde_json::Value>,
    /// Not applicable (where the item allows it), instead of `value`.
    #[serde(default)]
    pub na: bool,
    /// A note on the answer.
    #[serde(default)]
    pub note: Option<String>,
    /// Evidence: URLs or paths relative to the assessment's folder.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// The answer to `POST /api/vote`: what was saved.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonVoted {
    /// The item answered.
    pub item: String,
    /// The assessor the answer was saved under (the participant's name).
    pub by: String,
    /// The value as a person reads it (`N/A` for not applicable).
    pub value: String,
    /// Things worth knowing about the saved answer (e.g. required evidence is missing).
    pub warnings: Vec<String>,
}

/// `GET /api/state`: the session as one viewer sees it; the answers in it are only those this
/// viewer may see (SPEC §6: after answering the item, or once the facilitator revealed it).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonState {
    /// Grows by one or more with every change; equal numbers mean nothing changed.
    pub version: u64,
    /// The candidate's name.
    pub candidate: String,
    /// The checklist.
    pub checklist: JsonChecklistRef,
    /// Who is asking: the participant named by `participant`, or null for an observer.
    pub you: Option<JsonYou>,
    /// Whether the request carried the facilitator's token.
    pub facilitator: bool,
    /// Everyone who joined this session, in the order they joined.
    pub participants: Vec<JsonParticipant>,
    /// Whether the facilitator moved past the last item (the report is at `/report`).
    pub finished: bool,
    /// The current item; null when finished.
    pub item: Option<JsonItem>,
}

/// A checklist reference.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonChecklistRef {
    /// Id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Version.
    pub version: String,
}

/// The participant making the request.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonYou {
    /// Their id.
    pub participant: String,
    /// Their name (`by` in the assessment).
    pub name: String,
}

/// A participant, as everyone sees them.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonParticipant {
    /// Their name.
    pub name: String,
    /// Whether they have answered the current item (what they answered is not shown here).
    pub voted: bool,
}

/// The current item: the question, its rubric and guidance, who has answered, and the answers
/// this viewer may see.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonItem {
    /// Id.
    pub id: String,
    /// The dimension's id.
    pub dimension: String,
    /// The dimension's title.
    pub dimension_title: String,
    /// 1-based position among the dimension's applicable items, and their count.
    pub in_dimension: [usize; 2],
    /// 1-based position among all applicable items, and their count.
    pub overall: [usize; 2],
    /// The question (plain text).
    pub question: String,
    /// Guidance (Markdown written by the checklist's author).
    pub guidance: Option<String>,
    /// `yes_no`, `scale`, `choice`, `number` or `text`.
    pub kind: String,
    /// The answers to pick from (yes_no, scale, choice), worst first for scales.
    pub choices: Vec<JsonChoice>,
    /// For `number` items: the unit, and the values scoring 1 (`best`) and 0 (`worst`).
    pub number: Option<JsonNumber>,
    /// The gate in the item's own terms, e.g. "level ≥ 2".
    pub gate: Option<String>,
    /// Whether an answer needs evidence.
    pub evidence_required: bool,
    /// Whether "not applicable" is allowed.
    pub na_allowed: bool,
    /// Public sources.
    pub references: Vec<String>,
    /// Candidate facts that inform this item, as text.
    pub facts: Vec<JsonFact>,
    /// Whether the facilitator revealed everyone's answers to this item.
    pub revealed: bool,
    /// Everyone with an answer to this item (participants and anyone answering from a
    /// terminal), by name; what they answered is in `answers` only when visible.
    pub voted: Vec<String>,
    /// Participants who have not answered yet.
    pub waiting: Vec<String>,
    /// The viewer's own answer, if any.
    pub your_answer: Option<JsonAnswer>,
    /// Whether the others' answers are visible to this viewer.
    pub answers_visible: bool,
    /// Everyone's answers when visible (else empty): when they disagree, the lowest and the
    /// highest first (they explain first), then the rest worst to best.
    pub answers: Vec<JsonAnswer>,
    /// Whether the visible answers disagree (SPEC §4); false while they are hidden.
    pub disagreement: bool,
}

/// One answer to pick.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonChoice {
    /// What to send as `value`.
    pub value: String,
    /// What it says.
    pub label: String,
    /// An option's description.
    pub description: Option<String>,
}

/// A number item's scale.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonNumber {
    /// The unit.
    pub unit: String,
    /// The value scoring 1.
    pub best: f64,
    /// The value scoring 0.
    pub worst: f64,
}

/// A fact about the candidate.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonFact {
    /// Its key.
    pub key: String,
    /// Its value as text.
    pub value: String,
}

/// One assessor's answer as shown.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonAnswer {
    /// The assessor.
    pub by: String,
    /// The value as a person reads it (`N/A` for not applicable).
    pub value: String,
    /// Whether it is "not applicable".
    pub na: bool,
    /// When it was given (RFC 3339, UTC).
    pub at: String,
    /// The note.
    pub note: Option<String>,
    /// Evidence.
    pub evidence: Vec<String>,
    /// `lowest` or `highest` when the answers disagree and this one is at an end (asked to
    /// explain first); else null.
    pub explain: Option<String>,
}

/// The body of every error answer (4xx).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JsonError {
    /// What is wrong.
    pub error: String,
    /// How to fix it.
    pub help: Option<String>,
}

fn vote_value_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The answer in the syntax of `weigh answer`: yes/no, a level's text or its 0-based index, an option's label, a number, or text. A number or boolean is read as its text.",
        "anyOf": [
            { "type": "string" },
            { "type": "number" },
            { "type": "boolean" },
            { "type": "null" }
        ]
    })
}

/// The endpoints, for the schema's description.
const ENDPOINTS: &str = "The JSON API of `weigh serve`. Every request carries the session token as `Authorization: Bearer TOKEN` or the `token` query parameter (401 without it). POST /api/join (JsonJoin → 200 JsonJoined); GET /api/state?participant=ID (→ JsonState; without `participant`, an observer's view); POST /api/vote (JsonVote → 200 JsonVoted); POST /api/reveal, /api/next, /api/back (facilitator token only, else 403; → JsonState). Errors: 400 malformed request, 401 token, 403 not allowed, 404 unknown participant, 409 not the current item or a taken name, 413 body over 64 KiB, 422 a value the item does not accept; each with a JsonError body.";

/// The JSON Schema (draft-07) of the API: every message under `definitions`, the root any one
/// of them. `generator` carries the draft-07 settings and transforms of weigh's other schemas.
pub fn schema(mut generator: SchemaGenerator) -> Schema {
    let messages = [
        generator.subschema_for::<JsonJoin>(),
        generator.subschema_for::<JsonJoined>(),
        generator.subschema_for::<JsonVote>(),
        generator.subschema_for::<JsonVoted>(),
        generator.subschema_for::<JsonState>(),
        generator.subschema_for::<JsonError>(),
    ];
    let mut root = json_schema!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "weigh serve API",
        "description": ENDPOINTS,
        "anyOf": messages,
    });
    root.insert(
        "definitions".into(),
        serde_json::Value::Object(generator.take_definitions(true)),
    );
    root
}
