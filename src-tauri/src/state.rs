//! The app's state between commands: the open case, the running import, the extraction stage
//! running in the background (`stage.rs`), and where the app keeps its own files. Everything here is plain Rust over `dossier::Case`, so it is tested
//! without a window; `main.rs` only wraps these calls in Tauri commands.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use dossier::{Case, Error, ImportProgress, ImportReport};

use crate::dto::{CaseInfo, ExtractionState, ImportEvent, ImportPhase, RecentCase};
use crate::folders::{folder_of, start_folder, LastFolder};
use crate::recent::{now_ms, RecentList};
use crate::stage::{Background, Listener, StepAside};

/// Progress events are sent at most this often: a 23k-file import would otherwise send 23k
/// events, and a bar moving 25 times a second already looks continuous.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(40);

/// Where the app keeps its own files.
pub struct Places {
    /// The JSON list of recent cases.
    pub recent_file: PathBuf,
    /// Where "Open the demo case" builds the demo case the first time.
    pub demo_case: PathBuf,
    /// The demo sources shipped with the app (`assets/demo/`).
    pub demo_sources: PathBuf,
}

pub struct AppState {
    /// The open case. `Case` holds a SQLite connection, which is `Send` but not `Sync`, so
    /// every call takes the lock for the length of one core call. The extraction stage's thread
    /// shares it, holding it while it runs and letting go whenever a command needs it.
    case: Arc<Mutex<Option<Case>>>,
    /// Set while an import holds the case, so other commands answer at once with `conflict`
    /// instead of queueing behind an import that may take a minute.
    importing: AtomicBool,
    /// A read-only handle on the case an import or the extraction stage is writing to, open
    /// while they run, so the library, the reader, search and the quotes, people and timeline
    /// views go on meanwhile (`with_reader`).
    reader: Arc<Mutex<Option<Case>>>,
    /// The extraction stage, run in the background after an import and on open.
    stage: Background,
    cancel: AtomicBool,
    /// The case named on the command line or in `DOSSIER_CASE`. It is kept until a case
    /// opens, so that "Try again" in the window retries it after the file appears.
    requested: Mutex<Option<PathBuf>>,
    /// Whether the start-up reopening of the last case has been tried (it is tried once).
    last_tried: AtomicBool,
    places: Places,
}

/// Takes a lock, turning a poisoned one into an error the UI can show rather than a panic,
/// because a panic in an earlier command should not take the whole window down with it.
fn lock<T>(mutex: &Mutex<T>) -> dossier::Result<MutexGuard<'_, T>> {
    mutex.lock().map_err(|_| {
        Error::internal(
            "the app's state was left inconsistent by an earlier failure; restart the app",
        )
    })
}

fn import_running() -> Error {
    Error::conflict(
        "an import is running in this case; this is available again when it finishes or is cancelled",
    )
}

/// Resets the import flag however the import ends, including by a panic.
struct Running<'a>(&'a AtomicBool);

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::SeqCst);
    }
}

/// Drops the import's read-only handle however the import ends, so the next reads go to the
/// case itself again and the handle's files are released.
struct Closing<'a>(&'a Mutex<Option<Case>>);

impl Drop for Closing<'_> {
    fn drop(&mut self) {
        if let Ok(mut reader) = self.0.lock() {
            *reader = None;
        }
    }
}

impl AppState {
    pub fn new(places: Places, requested: Option<PathBuf>) -> AppState {
        AppState {
            case: Arc::new(Mutex::new(None)),
            importing: AtomicBool::new(false),
            reader: Arc::new(Mutex::new(None)),
            stage: Background::default(),
            cancel: AtomicBool::new(false),
            requested: Mutex::new(requested),
            last_tried: AtomicBool::new(false),
            places,
        }
    }

    /// Takes the open case, asking a running extraction stage to step aside (it commits the
    /// batch it is on, at most a second's work, and goes on when the guard is dropped).
    fn lock_case(&self) -> dossier::Result<(StepAside<'_>, MutexGuard<'_, Option<Case>>)> {
        let aside = self.stage.step_aside();
        let guard = lock(&self.case)?;
        Ok((aside, guard))
    }

    /// Runs one core call against the open case.
    pub fn with_case<T>(
        &self,
        call: impl FnOnce(&Case) -> dossier::Result<T>,
    ) -> dossier::Result<T> {
        if self.importing.load(Ordering::SeqCst) {
            return Err(import_running());
        }
        let asked = Instant::now();
        let (_aside, guard) = self.lock_case()?;
        let case = guard
            .as_ref()
            .ok_or_else(|| Error::not_found("no case is open: choose one in the case picker"))?;
        if !crate::timing::enabled() {
            return call(case);
        }
        let name = std::any::type_name_of_val(&call);
        let (waited, started) = (asked.elapsed(), Instant::now());
        let result = call(case);
        eprintln!("{}", crate::timing::line(name, waited, started.elapsed()));
        result
    }

    /// Runs a core call that only reads: against the open case, or while an import or the
    /// extraction stage holds it, against a read-only handle that sees each batch they commit
    /// and the search index as last committed.
    pub fn with_reader<T>(
        &self,
        call: impl FnOnce(&Case) -> dossier::Result<T>,
    ) -> dossier::Result<T> {
        if self.importing.load(Ordering::SeqCst) {
            return match lock(&self.reader)?.as_ref() {
                Some(reader) => call(reader),
                None => Err(import_running()),
            };
        }
        if self.stage.is_running() {
            if let Some(reader) = lock(&self.reader)?.as_ref() {
                return call(reader);
            }
        }
        self.with_case(call)
    }

    /// Where the extraction stage stands in the open case.
    pub fn extraction(&self) -> ExtractionState {
        self.stage.state()
    }

    /// Sends the extraction stage's progress to `listener` (the window's event).
    pub fn on_extraction(&self, listener: Listener) {
        self.stage.listen(listener);
    }

    /// Starts the extraction stage in the background over the open case's pending documents,
    /// with a read-only handle for the window's reads while it runs.
    fn start_stage(&self, path: &Path) -> dossier::Result<()> {
        {
            let mut reader = lock(&self.reader)?;
            if reader.is_none() {
                *reader = Case::open_read_only(path).ok();
            }
        }
        let reader = Arc::clone(&self.reader);
        self.stage.start(Arc::clone(&self.case), move || {
            // The reads go back to the case itself, whose index is now current; the handle's
            // files are released.
            if let Ok(mut reader) = reader.lock() {
                *reader = None;
            }
        })
    }

    /// Waits until the background stage has nothing left to do (the tests' way to see it end).
    #[cfg(test)]
    pub fn wait_for_extraction(&self) -> ExtractionState {
        while self.stage.is_running() {
            std::thread::sleep(Duration::from_millis(10));
        }
        self.stage.state()
    }

    /// The open case; at start, the case asked for on the command line, else the last case
    /// the person had open. `None` sends the window to the case picker.
    pub fn current(&self) -> dossier::Result<Option<CaseInfo>> {
        if let Some(case) = self.lock_case()?.1.as_ref() {
            return CaseInfo::of(case).map(Some);
        }
        let requested = lock(&self.requested)?.clone();
        if let Some(path) = requested {
            return self.open(&path).map(Some);
        }
        if !self.last_tried.swap(true, Ordering::SeqCst) {
            let recent = RecentList::load(&self.places.recent_file);
            if let Some(path) = recent.last_existing() {
                match self.open(path) {
                    Ok(info) => return Ok(Some(info)),
                    // A last case that no longer opens is not an error to show at start:
                    // the picker lists it, and opening it from there says what is wrong.
                    Err(err) => eprintln!("dossier-app: cannot reopen {}: {err}", path.display()),
                }
            }
        }
        Ok(None)
    }

    /// Opens `path` as the current case, replacing any open case, and remembers it.
    pub fn open(&self, path: &Path) -> dossier::Result<CaseInfo> {
        self.install(Case::open(path)?)
    }

    /// Creates a new case file at `path` and opens it.
    pub fn create(&self, path: &Path) -> dossier::Result<CaseInfo> {
        if path.exists() {
            return Err(Error::conflict(format!(
                "{} already exists: open it instead, or choose another name",
                path.display()
            )));
        }
        self.install(Case::create(path)?)
    }

    /// Joins a team case as a new local case file at `path` (originals included) and opens it.
    pub fn join_team(&self, url: &str, path: &Path) -> dossier::Result<CaseInfo> {
        if path.exists() {
            return Err(Error::conflict(format!(
                "{} already exists: choose a new file for the team case",
                path.display()
            )));
        }
        let (case, _) = Case::team_join(url, path)?;
        self.install(case)
    }

    fn install(&self, case: Case) -> dossier::Result<CaseInfo> {
        if self.importing.load(Ordering::SeqCst) {
            return Err(import_running());
        }
        let info = CaseInfo::of(&case)?;
        // A case with documents not yet extracted (a killed import, an older extractor, a CLI
        // `import --no-extract`) goes on extracting them in the background.
        let pending = case.extraction_status()?.pending > 0;
        let path = case.path().to_path_buf();
        let mut recent = RecentList::load(&self.places.recent_file);
        recent.touch(case.path(), now_ms());
        self.stage.stop();
        *lock(&self.reader)? = None;
        *lock(&self.case)? = Some(case);
        *lock(&self.requested)? = None;
        // The case is open either way; an unwritable config folder only costs the history.
        if let Err(err) = recent.save(&self.places.recent_file) {
            eprintln!("dossier-app: cannot remember recent cases: {err}");
        }
        if pending {
            self.start_stage(&path)?;
        }
        Ok(info)
    }

    /// Closes the open case (releasing its files) and goes back to the picker.
    pub fn close(&self) -> dossier::Result<()> {
        if self.importing.load(Ordering::SeqCst) {
            return Err(import_running());
        }
        self.stage.stop();
        *lock(&self.reader)? = None;
        *lock(&self.case)? = None;
        *lock(&self.requested)? = None;
        self.last_tried.store(true, Ordering::SeqCst);
        Ok(())
    }

    /// On the app's way out: tells a running stage to stop without waiting for it (what it
    /// committed stays, and the next open goes on from there), and closes the case unless the
    /// stage still holds it.
    pub fn exit(&self) {
        self.stage.signal_stop();
        if self.importing.load(Ordering::SeqCst) {
            return;
        }
        if let Ok(mut case) = self.case.try_lock() {
            *case = None;
        }
    }

    pub fn recent(&self) -> Vec<RecentCase> {
        RecentList::load(&self.places.recent_file).to_dtos()
    }

    pub fn forget_recent(&self, path: &Path) -> dossier::Result<Vec<RecentCase>> {
        let mut recent = RecentList::load(&self.places.recent_file);
        recent.forget(path);
        recent.save(&self.places.recent_file)?;
        Ok(recent.to_dtos())
    }

    /// The remembered dialog folder lives beside the recent-cases list, in the config folder.
    fn folder_file(&self) -> PathBuf {
        self.places.recent_file.with_file_name("last-folder.json")
    }

    /// Where the next file dialog starts: the last folder used, else `home`.
    pub fn dialog_folder(&self, home: Option<PathBuf>) -> Option<String> {
        start_folder(&self.folder_file(), home).map(|f| f.to_string_lossy().into_owned())
    }

    /// Remembers the folder of a path picked in a dialog, for the next one.
    pub fn remember_folder(&self, picked: &Path) -> dossier::Result<()> {
        match folder_of(picked) {
            Some(folder) => LastFolder {
                folder: Some(folder),
            }
            .save(&self.folder_file()),
            None => Ok(()),
        }
    }

    /// Opens the demo case, building it from the shipped demo sources the first time.
    pub fn open_demo(&self) -> dossier::Result<CaseInfo> {
        let Places {
            demo_case,
            demo_sources,
            ..
        } = &self.places;
        if !demo_case.exists() {
            build_demo(demo_case, demo_sources)?;
        }
        self.open(demo_case)
    }

    /// Imports `paths` into the open case, calling `emit` with throttled progress, then starts
    /// the extraction stage over the new documents in the background. Blocks until the
    /// documents are stored and searchable; the caller runs it off the main thread.
    pub fn import(
        &self,
        paths: &[PathBuf],
        emit: &mut dyn FnMut(ImportEvent),
    ) -> dossier::Result<ImportReport> {
        let (report, path) = self.import_documents(paths, emit)?;
        // The documents are in whatever happened to the import (a cancelled one keeps what it
        // committed), so their quotes, people and dates come next.
        self.start_stage(&path)?;
        Ok(report)
    }

    /// The documents' part of an import: stores and indexes them, without extraction.
    fn import_documents(
        &self,
        paths: &[PathBuf],
        emit: &mut dyn FnMut(ImportEvent),
    ) -> dossier::Result<(ImportReport, PathBuf)> {
        if self.importing.swap(true, Ordering::SeqCst) {
            return Err(Error::conflict("an import is already running in this case"));
        }
        let _running = Running(&self.importing);
        self.cancel.store(false, Ordering::SeqCst);
        let (_aside, mut guard) = self.lock_case()?;
        let case = guard
            .as_mut()
            .ok_or_else(|| Error::not_found("no case is open to import into"))?;
        // Without the reader the window only loses reading during the import, as before.
        *lock(&self.reader)? = Case::open_read_only(case.path()).ok();
        let _reader = Closing(&self.reader);
        let mut last_sent: Option<Instant> = None;
        let mut on_progress = |progress: &ImportProgress| {
            let reading_done = progress.files_done >= progress.files_total;
            let due = last_sent.is_none_or(|at| at.elapsed() >= PROGRESS_INTERVAL);
            if due || reading_done {
                last_sent = Some(Instant::now());
                emit(ImportEvent {
                    // After the last file the core commits the batch to the search index.
                    phase: if reading_done {
                        ImportPhase::Indexing
                    } else {
                        ImportPhase::Reading
                    },
                    progress: progress.clone(),
                });
            }
            !self.cancel.load(Ordering::SeqCst)
        };
        let report = case.import_with(paths, false, &mut on_progress)?;
        Ok((report, case.path().to_path_buf()))
    }

    /// Asks the running import to stop after the current file; what it imported stays.
    pub fn cancel_import(&self) -> bool {
        let running = self.importing.load(Ordering::SeqCst);
        if running {
            self.cancel.store(true, Ordering::SeqCst);
        }
        running
    }
}

/// Creates the demo case at `case_path` from the sources in `sources` (see `dossier::demo`).
fn build_demo(case_path: &Path, sources: &Path) -> dossier::Result<()> {
    dossier::demo::create(case_path, sources).map(drop)
}

/// How long the case must go without a command before its write-ahead log is emptied.
const IDLE_CHECKPOINT: Duration = Duration::from_secs(20);

/// Empties the open case's write-ahead log into the case file whenever no command holds the
/// case, every `IDLE_CHECKPOINT`, so that a copy of the case file made with the file manager
/// while the app is open misses at most the last moments' work. An empty log costs nothing to
/// checkpoint; a busy case (an import, a command) is simply skipped until the next round.
pub fn checkpoint_when_idle(app: tauri::AppHandle) {
    // The stage holds the case while it runs, so `try_lock` skips it then; its batches are
    // commits of their own, checkpointed automatically by SQLite as the log grows.
    use tauri::Manager;
    std::thread::spawn(move || loop {
        std::thread::sleep(IDLE_CHECKPOINT);
        let state = app.state::<AppState>();
        if state.importing.load(Ordering::SeqCst) {
            continue;
        }
        let guard = state.case.try_lock();
        if let Ok(Some(case)) = guard.as_deref() {
            let _ = case.checkpoint();
        }
        drop(guard);
    });
}
