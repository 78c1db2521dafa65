//! The JSON API's handlers: join, state, vote, and the facilitator's reveal, next and back.
//! Bodies are read only after the token check; a malformed or oversized body is answered with
//! its status (400, 413, 415) and a [`JsonError`](super::api::JsonError).

use std::sync::Arc;

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Extension, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, extract::rejection::FormRejection};
use serde::Deserialize;

use super::api::{JsonJoin, JsonJoined, JsonVote, JsonVoted};
use super::board::{Ballot, Refusal};
use super::live::VoteError;
use super::server::{App, Role, error};
use crate::report::view::value_text;

/// The query of state requests: who is asking.
#[derive(Debug, Deserialize)]
pub struct Viewer {
    /// A participant's id; absent for an observer.
    pub participant: Option<String>,
}

/// `POST /api/join`.
pub async fn join(
    State(app): State<Arc<App>>,
    body: Result<Json<JsonJoin>, JsonRejection>,
) -> Response {
    let Json(body) = match body {
        Ok(body) => body,
        Err(rejection) => return rejected_json(&rejection),
    };
    match add_participant(&app, &body.name) {
        Ok(participant) => Json(JsonJoined { participant }).into_response(),
        Err(refusal) => refused(&refusal),
    }
}

/// Adds a participant with a fresh random id; the id.
pub fn add_participant(app: &App, name: &str) -> Result<String, Refusal> {
    let id = super::token::fresh()
        .map_err(|e| Refusal::Malformed(format!("no random numbers from the system: {e}")))?;
    let mut board = app.live.board();
    board.join(id, name).map(|p| p.id.clone())
}

/// `GET /api/state`.
pub async fn state(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    query: Result<Query<Viewer>, QueryRejection>,
) -> Response {
    let Ok(Query(viewer)) = query else {
        return error(
            StatusCode::BAD_REQUEST,
            "malformed query",
            "GET /api/state?participant=ID",
        );
    };
    let now = app.live.now();
    let state = app.live.board().state(
        viewer.participant.as_deref(),
        role == Role::Facilitator,
        now,
    );
    match state {
        Ok(state) => Json(state).into_response(),
        Err(refusal) => refused(&refusal),
    }
}

/// `POST /api/vote`.
pub async fn vote(
    State(app): State<Arc<App>>,
    body: Result<Json<JsonVote>, JsonRejection>,
) -> Response {
    let Json(body) = match body {
        Ok(body) => body,
        Err(rejection) => return rejected_json(&rejection),
    };
    let ballot = match ballot(&body) {
        Ok(ballot) => ballot,
        Err(refusal) => return refused(&refusal),
    };
    match app.live.vote(&body.participant, &ballot).await {
        Ok(cast) => {
            let board = app.live.board();
            let value = board
                .checklist()
                .item(&cast.answer.item)
                .map_or_else(String::new, |i| value_text(i, &cast.answer.value));
            Json(JsonVoted {
                item: cast.answer.item,
                by: cast.answer.by,
                value,
                warnings: cast.warnings,
            })
            .into_response()
        }
        Err(e) => vote_failed(&e),
    }
}

/// A JSON vote as a ballot: a number or boolean `value` is read as its text.
fn ballot(body: &JsonVote) -> Result<Ballot, Refusal> {
    let value = match &body.value {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(serde_json::Value::Bool(b)) => Some(if *b { "yes" } else { "no" }.to_string()),
        Some(_) => {
            return Err(Refusal::Malformed(
                "`value` is a string, a number or a boolean".into(),
            ));
        }
    };
    Ok(Ballot {
        item: body.item.clone(),
        value,
        na: body.na,
        note: body.note.clone(),
        evidence: body.evidence.clone(),
    })
}

/// `POST /api/reveal`.
pub async fn reveal(State(app): State<Arc<App>>, Extension(role): Extension<Role>) -> Response {
    facilitate(&app, role, |board, f, _| board.reveal(f))
}

/// `POST /api/next`.
pub async fn next(State(app): State<Arc<App>>, Extension(role): Extension<Role>) -> Response {
    facilitate(&app, role, |board, f, now| board.next(f, now))
}

/// `POST /api/back`.
pub async fn back(State(app): State<Arc<App>>, Extension(role): Extension<Role>) -> Response {
    facilitate(&app, role, |board, f, now| board.back(f, now))
}

/// Runs a facilitator's move and answers with the state the facilitator now sees.
fn facilitate(
    app: &App,
    role: Role,
    step: impl FnOnce(&mut super::board::Board, bool, jiff::Timestamp) -> Result<(), Refusal>,
) -> Response {
    let now = app.live.now();
    let facilitator = role == Role::Facilitator;
    let mut board = app.live.board();
    match step(&mut board, facilitator, now).and_then(|()| board.state(None, facilitator, now)) {
        Ok(state) => Json(state).into_response(),
        Err(refusal) => refused(&refusal),
    }
}

/// The answer to a refusal.
pub fn refused(refusal: &Refusal) -> Response {
    let (message, help) = refusal.explain();
    let status = StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST);
    error(status, &message, &help)
}

/// The answer to a vote that was refused or could not be saved.
pub fn vote_failed(e: &VoteError) -> Response {
    match e {
        VoteError::Refused(refusal) => refused(refusal),
        VoteError::Failed(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("the vote could not be saved: {e}"),
            "the terminal running `weigh serve` shows the details; fix the file and vote again",
        ),
    }
}

/// The answer to a JSON body that could not be read: its own status (400, 413, 415).
fn rejected_json(rejection: &JsonRejection) -> Response {
    error(
        rejection.status(),
        &rejection.body_text(),
        &format!(
            "send a JSON body of at most {} KiB with Content-Type: application/json; `weigh schema serve-api` describes it",
            super::server::BODY_MAX / 1024
        ),
    )
}

/// The answer to a form body that could not be read (400, 413, 415), as plain text.
pub fn rejected_form(rejection: &FormRejection) -> Response {
    (rejection.status(), rejection.body_text()).into_response()
}
