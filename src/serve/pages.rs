//! The HTML pages: server-rendered from templates (minijinja, autoescaped), working without
//! JavaScript through plain forms that carry the token in their action URL, and kept live by a
//! small script weigh serves itself (`/live.js`), which polls `/live` for the part of the board
//! that changes.

use std::sync::Arc;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{Extension, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::{Deserialize, Serialize};

use super::api::JsonState;
use super::board::{Ballot, Refusal};
use super::live::VoteError;
use super::report::Scoreboard;
use super::routes::{add_participant, rejected_form};
use super::server::{App, Role};
use crate::assessment::{AnswerValue, edit};
use crate::report::html::context::ItemCard;

/// The page templates, embedded so the binary needs no files.
const TEMPLATES: &[(&str, &str)] = &[
    (
        "serve/page.html",
        include_str!("../../templates/serve/page.html"),
    ),
    (
        "serve/join.html",
        include_str!("../../templates/serve/join.html"),
    ),
    (
        "serve/board.html",
        include_str!("../../templates/serve/board.html"),
    ),
    (
        "serve/end.html",
        include_str!("../../templates/serve/end.html"),
    ),
    (
        "serve/live_only.html",
        include_str!("../../templates/serve/live_only.html"),
    ),
    (
        "serve/partials/styles.html",
        include_str!("../../templates/serve/partials/styles.html"),
    ),
    (
        "serve/partials/question.html",
        include_str!("../../templates/serve/partials/question.html"),
    ),
    (
        "serve/partials/vote_form.html",
        include_str!("../../templates/serve/partials/vote_form.html"),
    ),
    (
        "serve/partials/live.html",
        include_str!("../../templates/serve/partials/live.html"),
    ),
    (
        "serve/partials/facilitator.html",
        include_str!("../../templates/serve/partials/facilitator.html"),
    ),
];

/// The script that keeps pages live.
const SCRIPT: &str = include_str!("../../templates/serve/live.js");

/// The template environment: the HTML report's (its layout, partials and `markdown` filter,
/// autoescaping by the `.html` names, undefined values an error) with the session's templates
/// added.
pub fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = crate::report::html::environment()?;
    for (name, source) in TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

/// Who is looking, from the query string (the token is read by the token check).
#[derive(Debug, Default, Deserialize)]
pub struct Viewer {
    /// A participant's id.
    pub participant: Option<String>,
    /// For `/live`: the version the page shows.
    pub since: Option<u64>,
}

/// The join form.
#[derive(Debug, Deserialize)]
pub struct JoinForm {
    /// The name.
    pub name: String,
}

/// The vote form.
#[derive(Debug, Default, Deserialize, Serialize)]
pub struct VoteForm {
    /// The item the page showed.
    pub item: String,
    /// The picked or typed value.
    pub value: Option<String>,
    /// Present when "not applicable" was pressed.
    pub na: Option<String>,
    /// The note.
    #[serde(default)]
    pub note: String,
    /// Evidence, one a line.
    #[serde(default)]
    pub evidence: String,
}

/// Links of a page, each carrying the viewer's token (and participant id).
#[derive(Debug, Serialize)]
struct Links {
    home: String,
    board: String,
    watch: String,
    join: String,
    vote: String,
    reveal: String,
    next: String,
    back: String,
    live: String,
    script: String,
    report: String,
}

impl Links {
    fn new(token: &str, participant: Option<&str>) -> Links {
        let who = participant.map_or_else(String::new, |p| format!("&participant={p}"));
        let at = |path: &str| format!("{path}?token={token}{who}");
        Links {
            home: format!("/?token={token}"),
            board: at("/board"),
            watch: format!("/board?token={token}"),
            join: format!("/join?token={token}"),
            vote: at("/vote"),
            reveal: at("/reveal"),
            next: at("/next"),
            back: at("/back"),
            live: at("/live"),
            script: format!("/live.js?token={token}"),
            report: format!("/report?token={token}"),
        }
    }
}

/// What the vote form shows: the submitted values after a refusal, else the viewer's answer.
#[derive(Debug, Default, Serialize)]
struct FormDefaults {
    value: String,
    note: String,
    evidence: String,
}

/// Everything a page template sees.
#[derive(Debug, Serialize)]
struct Page<'a> {
    state: &'a JsonState,
    links: Links,
    form: FormDefaults,
    error: Option<String>,
    notices: Vec<String>,
    /// The Content-Security-Policy, repeated in the page (the layout has a stricter default).
    csp: &'static str,
    /// The team's verdict so far, from the answers this viewer may see.
    scoreboard: Option<Scoreboard>,
    /// The current item's card, when its answers are visible to this viewer.
    card: Option<ItemCard>,
}

impl<'a> Page<'a> {
    fn new(state: &'a JsonState, links: Links) -> Page<'a> {
        Page {
            state,
            links,
            form: FormDefaults::default(),
            error: None,
            notices: Vec::new(),
            csp: super::server::CSP,
            scoreboard: None,
            card: None,
        }
    }
}

/// `GET /`: the join page, or the board for a participant who has joined.
pub async fn home(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    if let Some(id) = &viewer.participant
        && app.live.board().participant(id).is_some()
    {
        return Redirect::to(&Links::new(token(&app, role), Some(id)).board).into_response();
    }
    render_join(&app, role, None, StatusCode::OK)
}

/// `GET /board`: the current item, or the end page once the session is finished.
pub async fn board(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    render_board(
        &app,
        role,
        viewer.participant.as_deref(),
        Outcome::default(),
    )
}

/// `POST /join`.
pub async fn join(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    form: Result<Form<JoinForm>, FormRejection>,
) -> Response {
    let Form(form) = match form {
        Ok(form) => form,
        Err(rejection) => return rejected_form(&rejection),
    };
    match add_participant(&app, &form.name) {
        Ok(id) => Redirect::to(&Links::new(token(&app, role), Some(&id)).board).into_response(),
        Err(refusal) => {
            let status = status(&refusal);
            render_join(&app, role, Some(refusal.explain().0), status)
        }
    }
}

/// `POST /vote`.
pub async fn vote(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
    form: Result<Form<VoteForm>, FormRejection>,
) -> Response {
    let Form(form) = match form {
        Ok(form) => form,
        Err(rejection) => return rejected_form(&rejection),
    };
    let participant = viewer.participant.as_deref().unwrap_or_default();
    let ballot = ballot(&form);
    match app.live.vote(participant, &ballot).await {
        Ok(cast) if cast.warnings.is_empty() => {
            Redirect::to(&Links::new(token(&app, role), Some(participant)).board).into_response()
        }
        Ok(cast) => render_board(
            &app,
            role,
            Some(participant),
            Outcome {
                notices: cast.warnings,
                ..Outcome::default()
            },
        ),
        Err(e) => {
            let (status, message) = match &e {
                VoteError::Refused(refusal) => (self::status(refusal), refusal.explain().0),
                VoteError::Failed(e) => (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    format!("the vote could not be saved: {e}"),
                ),
            };
            let outcome = Outcome {
                status,
                error: Some(message),
                form: Some(FormDefaults {
                    value: form.value.clone().unwrap_or_default(),
                    note: form.note.clone(),
                    evidence: form.evidence.clone(),
                }),
                notices: Vec::new(),
            };
            render_board(&app, role, Some(participant), outcome)
        }
    }
}

fn ballot(form: &VoteForm) -> Ballot {
    let na = form.na.is_some();
    Ballot {
        item: form.item.clone(),
        value: if na {
            None
        } else {
            Some(form.value.clone().unwrap_or_default())
        },
        na,
        note: Some(form.note.clone()),
        evidence: form.evidence.lines().map(str::to_string).collect(),
    }
}

/// `POST /reveal`.
pub async fn reveal(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    facilitate(&app, role, &viewer, |board, f, _| board.reveal(f))
}

/// `POST /next`.
pub async fn next(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    facilitate(&app, role, &viewer, |board, f, now| board.next(f, now))
}

/// `POST /back`.
pub async fn back(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    facilitate(&app, role, &viewer, |board, f, now| board.back(f, now))
}

fn facilitate(
    app: &App,
    role: Role,
    viewer: &Viewer,
    step: impl FnOnce(&mut super::board::Board, bool, jiff::Timestamp) -> Result<(), Refusal>,
) -> Response {
    let now = app.live.now();
    let (done, known) = {
        let mut board = app.live.board();
        let done = step(&mut board, role == Role::Facilitator, now);
        // Only an id the board knows goes back into a URL (it is then URL-safe base64).
        let known = viewer
            .participant
            .clone()
            .filter(|p| board.participant(p).is_some());
        (done, known)
    };
    match done {
        Ok(()) => {
            Redirect::to(&Links::new(token(app, role), known.as_deref()).board).into_response()
        }
        Err(refusal) => (status(&refusal), refusal.explain().0).into_response(),
    }
}

/// `GET /live?since=V`: 204 while the board is at version V, else the live part of the board
/// with the new version and the current item in headers.
pub async fn live(
    State(app): State<Arc<App>>,
    Extension(role): Extension<Role>,
    Query(viewer): Query<Viewer>,
) -> Response {
    if viewer.since == Some(app.live.board().version()) {
        return StatusCode::NO_CONTENT.into_response();
    }
    match fragment(&app, role, viewer.participant.as_deref()) {
        Ok(response) => response,
        Err(refusal) => (status(&refusal), refusal.explain().0).into_response(),
    }
}

/// `GET /live.js`.
pub async fn script() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        SCRIPT,
    )
        .into_response()
}

/// `GET /report`: the team's readiness report as it stands, without the answers to the current
/// item until they are revealed.
pub async fn report(State(app): State<Arc<App>>) -> Response {
    let page = {
        let board = app.live.board();
        super::report::page(&board, None, app.live.now())
    };
    match crate::report::html::render_page("report.html", &page) {
        Ok(html) => Html(html).into_response(),
        Err(e) => template_failed(&e),
    }
}

/// What a POST led to, for the page shown after it.
struct Outcome {
    status: StatusCode,
    error: Option<String>,
    form: Option<FormDefaults>,
    notices: Vec<String>,
}

impl Default for Outcome {
    fn default() -> Self {
        Outcome {
            status: StatusCode::OK,
            error: None,
            form: None,
            notices: Vec::new(),
        }
    }
}

fn render_join(app: &App, role: Role, error: Option<String>, status: StatusCode) -> Response {
    let seen = match seen(app, role, None) {
        Ok(seen) => seen,
        Err(refusal) => return (self::status(&refusal), refusal.explain().0).into_response(),
    };
    let page = Page {
        error,
        ..Page::new(&seen.state, Links::new(token(app, role), None))
    };
    respond(app, "serve/join.html", &page, status)
}

fn render_board(app: &App, role: Role, participant: Option<&str>, outcome: Outcome) -> Response {
    let seen = match seen(app, role, participant) {
        Ok(seen) => seen,
        Err(refusal) => return (status(&refusal), refusal.explain().0).into_response(),
    };
    let page = Page {
        form: outcome.form.unwrap_or(seen.defaults),
        error: outcome.error,
        notices: outcome.notices,
        scoreboard: Some(seen.scoreboard),
        card: seen.card,
        ..Page::new(&seen.state, Links::new(token(app, role), participant))
    };
    match seen.report {
        None => respond(app, "serve/board.html", &page, outcome.status),
        Some(report) => {
            let html = app.pages.get_template("serve/end.html").and_then(|t| {
                t.render(context! {
                    page => Value::from(Serde(&report)),
                    serve => Value::from(Serde(&page)),
                })
            });
            match html {
                Ok(html) => (outcome.status, Html(html)).into_response(),
                Err(e) => template_failed(&e),
            }
        }
    }
}

/// What one viewer sees now, taken under one lock of the board.
struct Seen {
    state: JsonState,
    defaults: FormDefaults,
    scoreboard: Scoreboard,
    card: Option<ItemCard>,
    /// Once the session is finished: the readiness report.
    report: Option<crate::report::html::context::ReportPage>,
}

fn seen(app: &App, role: Role, participant: Option<&str>) -> Result<Seen, Refusal> {
    let now = app.live.now();
    let board = app.live.board();
    let state = board.state(participant, role == Role::Facilitator, now)?;
    let name = participant
        .and_then(|p| board.participant(p))
        .map(|p| p.name.clone());
    let defaults = name
        .as_deref()
        .map(|n| own_answer(&board, n))
        .unwrap_or_default();
    let (scoreboard, card) = super::report::live(&board, name.as_deref(), now);
    let visible = state.item.as_ref().is_some_and(|i| i.answers_visible);
    let report = state
        .finished
        .then(|| super::report::page(&board, name.as_deref(), now));
    Ok(Seen {
        state,
        defaults,
        scoreboard,
        card: card.filter(|_| visible),
        report,
    })
}

/// The vote form's defaults from the viewer's own answer to the current item.
fn own_answer(board: &super::board::Board, name: &str) -> FormDefaults {
    let Some(answer) = board
        .current()
        .and_then(|item| edit::find(board.assessment(), item, name))
    else {
        return FormDefaults::default();
    };
    let value = match &answer.value {
        AnswerValue::Int(i) => i.to_string(),
        AnswerValue::Float(f) => crate::show::number(*f),
        AnswerValue::Text(t) => t.clone(),
        AnswerValue::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        AnswerValue::Na => String::new(),
    };
    FormDefaults {
        value,
        note: answer.note.clone().unwrap_or_default(),
        evidence: answer.evidence.join("\n"),
    }
}

fn fragment(app: &App, role: Role, participant: Option<&str>) -> Result<Response, Refusal> {
    let seen = seen(app, role, participant)?;
    let page = Page {
        scoreboard: Some(seen.scoreboard),
        card: seen.card,
        ..Page::new(&seen.state, Links::new(token(app, role), participant))
    };
    let html = match &seen.state.item {
        Some(_) => app
            .pages
            .get_template("serve/live_only.html")
            .and_then(|t| t.render(context! { page => Value::from(Serde(&page)) })),
        None => Ok(String::new()),
    };
    let mut response = match html {
        Ok(html) => Html(html).into_response(),
        Err(e) => return Ok(template_failed(&e)),
    };
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&seen.state.version.to_string()) {
        headers.insert("x-weigh-version", v);
    }
    let item = seen.state.item.as_ref().map_or("", |i| i.id.as_str());
    if let Ok(v) = HeaderValue::from_str(item) {
        headers.insert("x-weigh-item", v);
    }
    Ok(response)
}

fn respond(app: &App, template: &str, page: &Page<'_>, status: StatusCode) -> Response {
    let html = app
        .pages
        .get_template(template)
        .and_then(|t| t.render(context! { page => Value::from(Serde(page)) }));
    match html {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => template_failed(&e),
    }
}

fn template_failed(e: &minijinja::Error) -> Response {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        format!("internal error in weigh's page templates (a bug): {e}"),
    )
        .into_response()
}

/// The token a page's links carry: the facilitator's for the facilitator.
fn token(app: &App, role: Role) -> &str {
    match role {
        Role::Facilitator => &app.tokens.facilitator,
        Role::Participant => &app.tokens.participant,
    }
}

fn status(refusal: &Refusal) -> StatusCode {
    StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST)
}
