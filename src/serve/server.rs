//! The HTTP server: axum on tokio, built only when `weigh serve` runs. Every request passes the
//! token check first (401 before anything else is read); every answer carries the security
//! headers; request bodies are capped; a stop signal lets requests in flight finish and waits
//! for every vote to be on disk.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::api::JsonError;
use super::live::Live;
use super::token;

/// The largest request body accepted, in bytes (a vote with a long note fits many times over).
pub const BODY_MAX: usize = 64 * 1024;

/// How long requests in flight may take to finish once the server is told to stop; a client
/// that holds a request open longer is cut off (the votes it cast are written all the same).
pub const GRACE: Duration = Duration::from_secs(5);

/// How often the watcher looks at the assessment's files.
pub const POLL: Duration = Duration::from_millis(400);

/// The Content-Security-Policy of every answer: nothing from anywhere but weigh itself, scripts
/// only from files it serves (no inline script), forms only to itself, no framing.
pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/// Who a request's token says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The session token: participants and observers.
    Participant,
    /// The facilitator's token: also reveals, moves on and back.
    Facilitator,
}

/// The two tokens of a session.
#[derive(Debug, Clone)]
pub struct Tokens {
    /// Everyone's.
    pub participant: String,
    /// The facilitator's.
    pub facilitator: String,
}

/// Everything the handlers share.
pub struct App {
    /// The session.
    pub live: Arc<Live>,
    /// The tokens.
    pub tokens: Tokens,
    /// The page templates.
    pub pages: minijinja::Environment<'static>,
}

/// Serves the session on `listener` until `stop` completes; then waits for every vote in flight
/// to be written.
pub async fn serve(
    listener: std::net::TcpListener,
    app: Arc<App>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let watcher = tokio::spawn(watch(app.live.clone()));
    let (stopping, stopped) = tokio::sync::oneshot::channel();
    let serving = axum::serve(listener, router(app.clone())).with_graceful_shutdown(async move {
        stop.await;
        let _ = stopping.send(());
    });
    let result = tokio::select! {
        result = serving => result,
        () = async {
            if stopped.await.is_ok() {
                tokio::time::sleep(GRACE).await;
            } else {
                std::future::pending::<()>().await;
            }
        } => Ok(()),
    };
    watcher.abort();
    app.live.settle().await;
    result
}

/// Re-reads the assessment whenever its files change, so answers given elsewhere show.
async fn watch(live: Arc<Live>) {
    loop {
        tokio::time::sleep(POLL).await;
        live.watch_once().await;
    }
}

/// Every route, behind the token check and the security headers.
pub fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/api/join", post(super::routes::join))
        .route("/api/state", get(super::routes::state))
        .route("/api/vote", post(super::routes::vote))
        .route("/api/reveal", post(super::routes::reveal))
        .route("/api/next", post(super::routes::next))
        .route("/api/back", post(super::routes::back))
        .route("/", get(super::pages::home))
        .route("/board", get(super::pages::board))
        .route("/join", post(super::pages::join))
        .route("/vote", post(super::pages::vote))
        .route("/reveal", post(super::pages::reveal))
        .route("/next", post(super::pages::next))
        .route("/back", post(super::pages::back))
        .route("/live", get(super::pages::live))
        .route("/live.js", get(super::pages::script))
        .route("/report", get(super::pages::report))
        .layer(DefaultBodyLimit::max(BODY_MAX))
        .layer(middleware::from_fn_with_state(app.clone(), authenticate))
        .layer(middleware::map_response(secure))
        .with_state(app)
}

/// Answers 401 unless the request presents one of the session's tokens, before anything else
/// is read; otherwise records the [`Role`] for the handlers.
async fn authenticate(State(app): State<Arc<App>>, mut request: Request, next: Next) -> Response {
    let authorization = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let role = match token::presented(authorization, request.uri().query()) {
        Some(t) if token::matches(t, &app.tokens.facilitator) => Some(Role::Facilitator),
        Some(t) if token::matches(t, &app.tokens.participant) => Some(Role::Participant),
        _ => None,
    };
    let Some(role) = role else {
        return error(
            StatusCode::UNAUTHORIZED,
            "missing or wrong session token",
            "use the URL `weigh serve` printed (it carries ?token=…), or send `Authorization: Bearer TOKEN`",
        );
    };
    request.extensions_mut().insert(role);
    next.run(request).await
}

/// The headers every answer carries.
async fn secure(mut response: Response) -> Response {
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    response
}

/// A JSON error answer.
pub fn error(status: StatusCode, message: &str, help: &str) -> Response {
    let body = JsonError {
        error: message.to_string(),
        help: Some(help.to_string()),
    };
    (status, axum::Json(body)).into_response()
}
