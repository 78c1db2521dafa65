//! The running session: the [`Board`] behind a lock, the one writer that puts votes into the
//! assessment through the Store, and the watcher that notices when another program (a `weigh
//! answer` in a terminal) changed the files.
//!
//! Writes are serialised in this process (one at a time, in the order votes arrive), and the
//! Store's file lock serialises them with other processes, so no vote is ever lost. A write
//! holds the writer until its file is committed and the board refreshed, even when the client
//! that cast it has gone away; stopping the server waits for it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use jiff::Timestamp;

use super::board::{Ballot, Board, Cast, Refusal};
use super::disk::{Disk, Signature};
use crate::error::Error;

/// What a vote can end in.
#[derive(Debug)]
pub enum VoteError {
    /// The board refused it (a 4xx answer).
    Refused(Refusal),
    /// The Store could not write it (a 500 answer).
    Failed(Error),
}

/// The shared session.
pub struct Live {
    board: Mutex<Board>,
    writer: Arc<tokio::sync::Mutex<Signature>>,
    disk: Disk,
    clock: Arc<dyn Fn() -> Timestamp + Send + Sync>,
    log: Arc<dyn Fn(&str) + Send + Sync>,
    saved: AtomicUsize,
    last_problem: Mutex<Option<String>>,
}

impl Live {
    /// A session over a board and its assessment on disk.
    pub fn new(
        board: Board,
        disk: Disk,
        clock: Arc<dyn Fn() -> Timestamp + Send + Sync>,
        log: Arc<dyn Fn(&str) + Send + Sync>,
    ) -> Live {
        let signature = disk.signature();
        Live {
            board: Mutex::new(board),
            writer: Arc::new(tokio::sync::Mutex::new(signature)),
            disk,
            clock,
            log,
            saved: AtomicUsize::new(0),
            last_problem: Mutex::new(None),
        }
    }

    /// The board, locked for a moment.
    pub fn board(&self) -> MutexGuard<'_, Board> {
        // A panic while holding the lock cannot leave the board half-changed (every change is
        // one assignment), so a poisoned lock is still usable.
        self.board.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Now, by the session's clock.
    pub fn now(&self) -> Timestamp {
        (self.clock)()
    }

    /// Votes saved since the session started.
    pub fn saved(&self) -> usize {
        self.saved.load(Ordering::SeqCst)
    }

    /// Checks a vote, writes it through the Store, and refreshes the board from what was written.
    pub async fn vote(
        self: &Arc<Self>,
        participant: &str,
        ballot: &Ballot,
    ) -> Result<Cast, VoteError> {
        let cast = self
            .board()
            .cast(participant, ballot, self.now())
            .map_err(VoteError::Refused)?;
        let guard = self.writer.clone().lock_owned().await;
        let live = self.clone();
        let answer = cast.answer.clone();
        let written = tokio::task::spawn_blocking(move || {
            let _guard = guard;
            let loaded = live.disk.write(&answer)?;
            live.board().refresh(loaded.assessment);
            live.saved.fetch_add(1, Ordering::SeqCst);
            Ok::<(), Error>(())
        })
        .await;
        match written {
            Ok(Ok(())) => Ok(cast),
            Ok(Err(e)) => Err(VoteError::Failed(e)),
            Err(join) => Err(VoteError::Failed(Error::usage(
                format!("internal error while saving the vote: {join}"),
                "report this as a bug in weigh",
            ))),
        }
    }

    /// Re-reads the assessment when its files changed since the last look.
    pub async fn watch_once(self: &Arc<Self>) {
        let live = self.clone();
        let mut guard = self.writer.clone().lock_owned().await;
        let _ = tokio::task::spawn_blocking(move || {
            let now = live.disk.signature();
            if now == *guard {
                return;
            }
            // The signature is taken before reading: a change in between is seen next time.
            match live.disk.read() {
                Ok(loaded) => {
                    live.board().refresh(loaded.assessment);
                    *guard = now;
                    *live.last_problem.lock().unwrap_or_else(|e| e.into_inner()) = None;
                }
                Err(e) => live.problem(&e.to_string()),
            }
        })
        .await;
    }

    /// Logs a problem reading the files once (not at every poll).
    fn problem(&self, text: &str) {
        let mut last = self.last_problem.lock().unwrap_or_else(|e| e.into_inner());
        if last.as_deref() != Some(text) {
            (self.log)(&format!(
                "warning: the assessment could not be read; the session keeps its last good state until it can:\n{text}"
            ));
            *last = Some(text.to_string());
        }
    }

    /// Waits until no write is in flight (every vote cast so far is on disk).
    pub async fn settle(&self) {
        let _ = self.writer.lock().await;
    }
}
