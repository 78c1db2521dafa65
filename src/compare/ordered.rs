//! A parallel map that hands its results back in input order, holding only a few at a time.
//!
//! `compare` and `gate` load, score and reduce many files. Each file is independent, so
//! several threads work at once; the results must still come out in the order the files were
//! given, and memory must not grow with the number of files. Workers take inputs in order and
//! never run more than a fixed window ahead of what the caller has consumed, so at most that
//! many results wait in memory, however slow one file is.

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// A worker panicked on this input (a bug in weigh); the other inputs are still processed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panicked;

/// How many results may wait for the caller, per worker thread.
const WINDOW_PER_THREAD: usize = 4;

/// The number of worker threads for `inputs` items: one per core the process may use, never
/// more than there are items.
pub fn threads_for(inputs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    cores.min(inputs).max(1)
}

/// Applies `work` to every input on `threads` threads and passes each result to `sink` in
/// input order, as soon as it and every earlier one are ready. A panic in `work` reaches the
/// sink as [`Panicked`] for that input.
pub fn map<T, R, W, S>(inputs: &[T], threads: usize, work: W, mut sink: S)
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    S: FnMut(usize, Result<R, Panicked>),
{
    let guarded = |input: &T| catch_unwind(AssertUnwindSafe(|| work(input))).map_err(|_| Panicked);
    if threads <= 1 || inputs.len() <= 1 {
        for (i, input) in inputs.iter().enumerate() {
            sink(i, guarded(input));
        }
        return;
    }
    let window = threads * WINDOW_PER_THREAD;
    let gate = Gate::default();
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (gate, guarded) = (&gate, &guarded);
            scope.spawn(move || {
                while let Some(i) = gate.take(inputs.len(), window) {
                    if tx.send((i, guarded(&inputs[i]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (i, result) in rx {
            waiting.insert(i, result);
            while let Some(result) = waiting.remove(&next) {
                sink(next, result);
                next += 1;
                gate.consumed(next);
            }
        }
    });
}

/// Hands out input indices in order, no further than `window` past what was consumed.
#[derive(Default)]
struct Gate {
    state: Mutex<Progress>,
    moved: Condvar,
}

#[derive(Default)]
struct Progress {
    /// The next index to hand out.
    next: usize,
    /// How many results the caller has consumed.
    consumed: usize,
}

impl Gate {
    /// The next index to work on, waiting while the window is full; `None` when all are taken.
    fn take(&self, len: usize, window: usize) -> Option<usize> {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        while state.next < len && state.next >= state.consumed + window {
            state = self.moved.wait(state).unwrap_or_else(|e| e.into_inner());
        }
        (state.next < len).then(|| {
            state.next += 1;
            state.next - 1
        })
    }

    /// The caller has consumed `count` results.
    fn consumed(&self, count: usize) {
        self.state
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .consumed = count;
        self.moved.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_back_in_input_order_whatever_the_thread_count() {
        let inputs: Vec<u64> = (0..200).collect();
        for threads in [1, 2, 4] {
            let mut seen = Vec::new();
            map(
                &inputs,
                threads,
                |n| {
                    // Uneven work, so threads finish out of order.
                    std::thread::sleep(std::time::Duration::from_micros((n % 7) * 50));
                    n * 2
                },
                |i, r| seen.push((i, r.unwrap())),
            );
            let want: Vec<(usize, u64)> = (0..200).map(|n| (n as usize, n * 2)).collect();
            assert_eq!(seen, want, "{threads} threads");
        }
    }

    #[test]
    fn a_panic_reaches_the_sink_for_its_input_and_the_rest_go_on() {
        let inputs: Vec<u32> = (0..20).collect();
        let mut seen = Vec::new();
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        map(
            &inputs,
            2,
            |n| {
                assert!(*n != 7, "boom");
                *n
            },
            |i, r| seen.push((i, r.ok())),
        );
        std::panic::set_hook(hook);
        assert_eq!(seen.len(), 20);
        assert_eq!(seen[7], (7, None));
        assert_eq!(seen[8], (8, Some(8)));
    }

    #[test]
    fn workers_never_run_more_than_the_window_ahead_of_the_sink() {
        let inputs: Vec<usize> = (0..100).collect();
        let started = AtomicUsize::new(0);
        let mut worst = 0;
        map(
            &inputs,
            2,
            |_| started.fetch_add(1, Ordering::SeqCst),
            |i, _| {
                std::thread::sleep(std::time::Duration::from_micros(200));
                worst = worst.max(started.load(Ordering::SeqCst) - i);
            },
        );
        assert!(worst <= 2 * WINDOW_PER_THREAD + 1, "ran {worst} ahead");
    }
}
