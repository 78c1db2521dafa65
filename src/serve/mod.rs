//! `weigh serve`: a live team session in the browser over the same Store as every other command
//! (SPEC §5). Participants join with a name, vote blind on the current item, see the others'
//! answers once they have voted or the facilitator reveals them, and the facilitator moves the
//! team on; every vote is written into the assessment the moment it is cast.
//!
//! [`board`] is the session as a pure state machine (unit-tested like the walkthrough); [`item`]
//! what one viewer sees of the current item; [`api`] the JSON types and their schema; [`live`]
//! the shared session with its single writer and file watcher; [`disk`] the Store underneath;
//! [`server`], [`routes`] and [`pages`] the HTTP side (axum on tokio, built only when `serve`
//! runs); [`token`] the session tokens; [`qr`] the terminal QR code of the participant URL.

pub mod api;
pub mod board;
pub mod disk;
pub mod item;
pub mod live;
pub mod pages;
pub mod qr;
pub mod report;
pub mod routes;
pub mod server;
pub mod token;

use std::future::Future;
use std::sync::Arc;

use jiff::Timestamp;

use board::Board;
use disk::Disk;
use live::Live;
use server::{App, Tokens};

/// What `weigh serve` needs to run a session.
pub struct Config {
    /// The assessment on disk.
    pub disk: Disk,
    /// The session's tokens.
    pub tokens: Tokens,
    /// Now, for answers' `at` and staleness.
    pub clock: Arc<dyn Fn() -> Timestamp + Send + Sync>,
    /// Where the server reports problems it cannot answer with (the terminal).
    pub log: Arc<dyn Fn(&str) + Send + Sync>,
}

/// How a session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Votes written during the session.
    pub saved: usize,
    /// People who joined.
    pub participants: usize,
}

/// Runs a session on `listener` until Ctrl-C (SIGINT) or, on Unix, SIGTERM, on a tokio runtime
/// built here (and only here, so no other command pays for it); returns once every vote is on
/// disk. `ready` runs once the signals are caught, before the first request is served: that is
/// when to tell people the URL.
pub fn run(
    listener: std::net::TcpListener,
    board: Board,
    config: Config,
    ready: impl FnOnce(),
) -> std::io::Result<Summary> {
    let pages = pages::environment().map_err(std::io::Error::other)?;
    let live = Arc::new(Live::new(board, config.disk, config.clock, config.log));
    let app = Arc::new(App {
        live: live.clone(),
        tokens: config.tokens,
        pages,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let stop = stop_signals()?;
        ready();
        server::serve(listener, app, stop).await
    })?;
    Ok(Summary {
        saved: live.saved(),
        participants: live.board().participants().len(),
    })
}

/// Catches SIGINT and SIGTERM now (so a Ctrl-C right after the URL is printed stops the server
/// cleanly rather than killing it) and completes when either arrives.
#[cfg(unix)]
fn stop_signals() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => {}
            _ = terminate.recv() => {}
        }
    })
}

/// Completes on Ctrl-C.
#[cfg(not(unix))]
fn stop_signals() -> std::io::Result<impl Future<Output = ()> + Send + 'static> {
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}

#[cfg(test)]
mod tests;
