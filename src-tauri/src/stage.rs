//! The extraction stage in the background (issue 23): after an import has stored and indexed
//! its documents, and whenever a case opens with documents not yet extracted (a killed
//! import, an older extractor version, a CLI `import --no-extract`), a thread runs the core's
//! `Case::extract_pending` so the window never waits for it.
//!
//! The stage runs on the open case itself, the one writer, holding the case's mutex while a
//! run lasts. The window keeps working meanwhile because reads go to a read-only handle
//! (`AppState::with_reader`) and a person's write asks the stage to step aside: the stage
//! commits the batch it is on, releases the case for the write, and goes on from the next
//! pending document afterwards (the core's stage is resumable at any batch, so stepping
//! aside loses nothing). Closing the case or the app stops it the same way; the next open
//! goes on from there.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use dossier::{Case, Error};

use crate::dto::ExtractionState;

/// Progress is sent at most this often: the views read their lists again on an event, and
/// more than one reading a second is work nobody sees.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(1000);

/// How often a stage that stepped aside looks whether the write it made room for is done.
const YIELD_POLL: Duration = Duration::from_millis(20);

/// A rate is only said after this long, when it is more than the first batch's noise.
const RATE_AFTER: Duration = Duration::from_secs(2);

/// Who hears about the stage's progress: the window's `extraction-progress` event in the app,
/// a list in the tests.
pub type Listener = Box<dyn Fn(&ExtractionState) + Send + Sync>;

/// What the stage thread and the commands share.
#[derive(Default)]
struct Shared {
    /// Set to end the run: the case is closing or another one opening.
    stop: AtomicBool,
    /// Writes waiting for the case; while there are any, the stage steps aside.
    waiting: AtomicUsize,
    running: AtomicBool,
    state: Mutex<ExtractionState>,
    listener: Mutex<Option<Listener>>,
}

impl Shared {
    fn publish(&self, state: ExtractionState) {
        if let Ok(mut current) = self.state.lock() {
            *current = state.clone();
        }
        if let Ok(listener) = self.listener.lock() {
            if let Some(listener) = listener.as_ref() {
                listener(&state);
            }
        }
    }

    fn should_yield(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || self.waiting.load(Ordering::SeqCst) > 0
    }
}

/// The background stage of the open case: at most one thread at a time.
#[derive(Default)]
pub struct Background {
    shared: Arc<Shared>,
    thread: Mutex<Option<JoinHandle<()>>>,
}

/// Counts a write waiting for the case for as long as it lives, so the stage steps aside
/// until the write is done.
pub struct StepAside<'a>(&'a AtomicUsize);

impl Drop for StepAside<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Background {
    /// Sends every change of the stage's state to `listener`.
    pub fn listen(&self, listener: Listener) {
        if let Ok(mut slot) = self.shared.listener.lock() {
            *slot = Some(listener);
        }
    }

    pub fn is_running(&self) -> bool {
        self.shared.running.load(Ordering::SeqCst)
    }

    /// The stage's state as last published.
    pub fn state(&self) -> ExtractionState {
        self.shared
            .state
            .lock()
            .map(|s| s.clone())
            .unwrap_or_default()
    }

    /// Makes the stage step aside until the returned guard is dropped.
    pub fn step_aside(&self) -> StepAside<'_> {
        self.shared.waiting.fetch_add(1, Ordering::SeqCst);
        StepAside(&self.shared.waiting)
    }

    /// Starts the stage over `case` in the background unless it already runs. `done` is
    /// called on the stage's thread when it ends, however it ends.
    pub fn start(
        &self,
        case: Arc<Mutex<Option<Case>>>,
        done: impl FnOnce() + Send + 'static,
    ) -> dossier::Result<()> {
        let mut thread = self
            .thread
            .lock()
            .map_err(|_| Error::internal("the extraction stage's state was left inconsistent"))?;
        if self.shared.running.swap(true, Ordering::SeqCst) {
            return Ok(());
        }
        // A thread that ended on its own is only joined here, to release its handle.
        if let Some(ended) = thread.take() {
            let _ = ended.join();
        }
        self.shared.stop.store(false, Ordering::SeqCst);
        let shared = Arc::clone(&self.shared);
        let spawned = std::thread::Builder::new()
            .name("extraction stage".into())
            .spawn(move || {
                run(&case, &shared);
                shared.running.store(false, Ordering::SeqCst);
                let last = shared.state.lock().map(|s| s.clone()).unwrap_or_default();
                shared.publish(ExtractionState {
                    running: false,
                    rate: None,
                    eta_seconds: None,
                    ..last
                });
                done();
            });
        match spawned {
            Ok(handle) => {
                *thread = Some(handle);
                Ok(())
            }
            Err(err) => {
                self.shared.running.store(false, Ordering::SeqCst);
                Err(Error::internal(format!(
                    "the extraction stage could not start: {err}"
                )))
            }
        }
    }

    /// Tells a running stage to stop after the batch it is on, without waiting.
    pub fn signal_stop(&self) {
        self.shared.stop.store(true, Ordering::SeqCst);
    }

    /// Stops a running stage after the batch it is on, and waits until it has. Called before
    /// the case closes or another one opens; what it extracted stays, the rest stays pending.
    /// The caller must not hold the case's mutex.
    pub fn stop(&self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let handle = self.thread.lock().ok().and_then(|mut t| t.take());
        if let Some(handle) = handle {
            let _ = handle.join();
        }
        self.shared.stop.store(false, Ordering::SeqCst);
        self.shared.publish(ExtractionState::default());
    }
}

impl Drop for Background {
    /// The stage never outlives the app's state (the tests drop theirs while it may run).
    fn drop(&mut self) {
        self.stop();
    }
}

/// The stage's thread: runs the core's stage, stepping aside for writes, until nothing is
/// pending, it is stopped, or it fails.
fn run(slot: &Mutex<Option<Case>>, shared: &Shared) {
    let began = Instant::now();
    // Documents extracted when this run began, for the rate.
    let mut at_start: Option<usize> = None;
    let mut problems = 0;
    loop {
        while shared.waiting.load(Ordering::SeqCst) > 0 && !shared.stop.load(Ordering::SeqCst) {
            std::thread::sleep(YIELD_POLL);
        }
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(guard) = slot.lock() else { return };
        let Some(case) = guard.as_ref() else { return };
        let status = match case.extraction_status() {
            Ok(status) => status,
            Err(err) => return fail(shared, err, problems),
        };
        let start = *at_start.get_or_insert(status.extracted);
        let mut state = ExtractionState {
            running: true,
            documents: status.documents,
            extracted: status.extracted,
            problems,
            ..ExtractionState::default()
        };
        shared.publish(state.clone());
        if status.pending == 0 {
            return;
        }
        let mut stepped_aside = false;
        let mut last_sent = Instant::now();
        let result = case.extract_pending(&mut |progress| {
            if last_sent.elapsed() >= PROGRESS_INTERVAL {
                last_sent = Instant::now();
                state.extracted = status.extracted + progress.done;
                (state.rate, state.eta_seconds) = rate(
                    state.extracted.saturating_sub(start),
                    state.documents.saturating_sub(state.extracted),
                    began.elapsed(),
                );
                shared.publish(state.clone());
            }
            let go_on = !shared.should_yield();
            stepped_aside |= !go_on;
            go_on
        });
        let result = result.and_then(|report| Ok((report, case.extraction_status()?)));
        drop(guard);
        match result {
            Ok((report, after)) => {
                // Each problem names its document in the log, as the CLI prints them.
                for problem in &report.problems {
                    eprintln!("dossier-app: extraction: {problem}");
                }
                problems += report.problems.len();
                shared.publish(ExtractionState {
                    running: true,
                    documents: after.documents,
                    extracted: after.extracted,
                    problems,
                    ..ExtractionState::default()
                });
                // A run that went to its end is done, even when some documents could not be
                // written and stay pending: trying them again at once would fail again, and
                // the next open tries them.
                if !stepped_aside {
                    return;
                }
            }
            Err(err) => return fail(shared, err, problems),
        }
    }
}

/// The stage stopped on an error: the window shows it with its code until the case closes.
fn fail(shared: &Shared, err: Error, problems: usize) {
    eprintln!("dossier-app: extraction stopped: {err}");
    let last = shared.state.lock().map(|s| s.clone()).unwrap_or_default();
    shared.publish(ExtractionState {
        running: true,
        problems,
        error: Some(err),
        ..last
    });
}

/// Documents a second and seconds left, once the run has gone on long enough to say.
pub(crate) fn rate(done: usize, left: usize, elapsed: Duration) -> (Option<f64>, Option<f64>) {
    let seconds = elapsed.as_secs_f64();
    if elapsed < RATE_AFTER || done == 0 {
        return (None, None);
    }
    let per_second = done as f64 / seconds;
    (Some(per_second), Some(left as f64 / per_second))
}
