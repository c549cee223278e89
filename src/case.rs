//! The open case file: [`Case`] holds the connection, the search index opened on first use,
//! the case's write lock and where notices go. Its methods are spread by area over `api/`;
//! here live opening, the write seam every person's change goes through, importing, and
//! the search index's life.

use std::cell::{Cell, RefCell};
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, ErrorCode, Result};
use crate::model::{
    self, Document, DocumentKind, DocumentSummary, ExtractionProgress, ExtractionReport,
    ExtractionStatus, ImportFailure, ImportProgress, ImportReport, RepairReport, StepProgress,
    VerifyReport,
};
use crate::model::{ReindexReport, SavedSearch, SearchRequest, SearchResults};
use crate::search::SearchIndex;
use crate::{export, grouping, import, search, stage, store, verify, Existing};

/// How often an import indexes the batches it has committed: often enough that a big archive
/// becomes searchable as it arrives, rarely enough that index commits and their merges stay a
/// small part of the import.
const INDEX_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// An open case file.
pub struct Case {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    /// The search index, opened on first use so that merely opening a case (as a second
    /// process may while an import runs) never takes the index's writer lock.
    pub(crate) search: RefCell<Option<SearchIndex>>,
    /// Where notices go as they happen (the CLI prints them on stderr). Without one they wait
    /// for the next search's results or for `take_notices`.
    pub(crate) notify: Option<Notifier>,
    /// The case's write lock while this process holds it (`store::lock`), and how many
    /// nested actions are using it, so that an action inside another does not wait for itself.
    pub(crate) write_lock: RefCell<Option<store::lock::WriteLock>>,
    pub(crate) write_depth: Cell<u32>,
    /// Opened with `open_read_only`: the connection refuses writes, and the search index is
    /// read as last committed, never rebuilt or caught up (that would need its writer lock).
    pub(crate) read_only: bool,
}

/// Something that tells a person what Dossier did on its own: an index rebuilt because it
/// did not match its case, or a wait for another process writing the case.
pub type Notifier = Box<dyn Fn(&str) + Send>;

impl Case {
    /// Creates a new, empty case file at `path`; fails if the file exists.
    pub fn create(path: &Path) -> Result<Case> {
        let conn = store::create(path)?;
        let index = SearchIndex::create_empty(path, &conn)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            search: RefCell::new(Some(index)),
            notify: None,
            write_lock: RefCell::new(None),
            write_depth: Cell::new(0),
            read_only: false,
        })
    }

    /// Opens an existing case file, migrating it to the current schema if it is older.
    pub fn open(path: &Path) -> Result<Case> {
        if !path.exists() {
            return Err(Error::not_found(format!(
                "no case file at {} (create one with `dossier new {}`)",
                path.display(),
                path.display()
            )));
        }
        let conn = store::open(path)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            search: RefCell::new(None),
            read_only: false,
            notify: None,
            write_lock: RefCell::new(None),
            write_depth: Cell::new(0),
        })
    }

    /// Opens a case for reading beside a `Case` that is writing to it, such as the app's
    /// running import, which holds its `Case` for minutes: this one lists the documents each
    /// committed batch brought and searches the index as it was last committed. It takes no
    /// lock and writes nothing; a write through it fails.
    pub fn open_read_only(path: &Path) -> Result<Case> {
        if !path.exists() {
            return Err(Error::not_found(format!(
                "no case file at {}",
                path.display()
            )));
        }
        let conn = store::open_read_only(path)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            search: RefCell::new(None),
            read_only: true,
            notify: None,
            write_lock: RefCell::new(None),
            write_depth: Cell::new(0),
        })
    }

    /// Sends every notice to `notify` as it happens (the CLI prints them on stderr).
    pub fn on_notice(&mut self, notify: Notifier) {
        self.notify = Some(notify);
    }

    /// Notices not yet delivered: what the app shows when it has not searched since (an index
    /// rebuilt because it belonged to another case or was ahead of the case file).
    pub fn take_notices(&self) -> Vec<String> {
        self.search
            .borrow_mut()
            .as_mut()
            .map(|index| std::mem::take(&mut index.notices))
            .unwrap_or_default()
    }

    pub(crate) fn notice(&self, message: &str) {
        if let Some(notify) = &self.notify {
            notify(message);
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every document, oldest publication first, undated ones last.
    pub fn documents(&self) -> Result<Vec<DocumentSummary>> {
        store::documents::list(&self.conn)
    }

    pub fn document_count(&self) -> Result<usize> {
        store::documents::count(&self.conn)
    }

    /// One document with its text and full metadata.
    pub fn document(&self, id: i64) -> Result<Document> {
        store::documents::get(&self.conn, id)
    }

    /// The original bytes of a document, exactly as imported.
    pub fn original(&self, id: i64) -> Result<Vec<u8>> {
        store::documents::original(&self.conn, id)
    }

    /// Corrects a document's kind or title.
    pub fn update_document(
        &self,
        id: i64,
        kind: Option<DocumentKind>,
        title: Option<&str>,
    ) -> Result<Document> {
        self.edit_document(
            id,
            &model::DocumentEdit {
                kind,
                title: title.map(str::to_string),
                ..Default::default()
            },
        )
    }

    /// The one seam every write a person makes goes through: it takes the case's write lock,
    /// runs `change` in one transaction, commits it, and brings the search index up to date
    /// as this action's own commit. A change that fails rolls back whole. This is where an
    /// audit trail or a team's change journal hooks in; store functions never open
    /// transactions of their own.
    pub(crate) fn change<T>(
        &self,
        change: impl FnOnce(&rusqlite::Transaction) -> Result<T>,
    ) -> Result<T> {
        self.changing_index(|| {
            let tx = self.conn.unchecked_transaction()?;
            let result = change(&tx)?;
            tx.commit()?;
            Ok(result)
        })
    }

    /// Runs a change to the case and brings the search index up to date with it as this
    /// action's own commit. The index is opened first, so that the change is indexed now rather
    /// than found later as a lag; a failed index update is not lost, because the journal makes
    /// the next open catch up.
    pub(crate) fn changing_index<T>(&self, change: impl FnOnce() -> Result<T>) -> Result<T> {
        self.writing(|| {
            let _ = self.with_index(|_| Ok(()));
            let result = change()?;
            let _ = self.with_index(|index| index.catch_up(&self.conn));
            Ok(result)
        })
    }

    /// Runs a write holding the case's write lock, waiting (with a notice) while another
    /// process has it, so that two commands writing one case take turns instead of failing.
    pub(crate) fn writing<T>(&self, write: impl FnOnce() -> Result<T>) -> Result<T> {
        self.lock_for_writing(true)?;
        let result = write();
        self.unlock_for_writing();
        result
    }

    /// Takes the case's write lock, or counts one more use of it if this process has it.
    /// Without `wait`, returns false at once when another process has it.
    fn lock_for_writing(&self, wait: bool) -> Result<bool> {
        if self.write_depth.get() == 0 {
            let lock = if wait {
                store::lock::acquire(&self.path, |pid| {
                    self.notice(&match pid {
                        Some(pid) => format!(
                            "waiting for another Dossier process writing this case (pid {pid})…"
                        ),
                        None => "waiting for another Dossier process writing this case…".into(),
                    })
                })?
            } else {
                match store::lock::try_acquire(&self.path)? {
                    Some(lock) => lock,
                    None => return Ok(false),
                }
            };
            *self.write_lock.borrow_mut() = Some(lock);
        }
        self.write_depth.set(self.write_depth.get() + 1);
        Ok(true)
    }

    /// Ends one use of the write lock; the last one lets go of the index's writer, then of
    /// the lock, so that the next process finds both free.
    fn unlock_for_writing(&self) {
        let depth = self.write_depth.get().saturating_sub(1);
        self.write_depth.set(depth);
        if depth == 0 {
            if let Ok(mut slot) = self.search.try_borrow_mut() {
                if let Some(index) = slot.as_mut() {
                    index.release_writer();
                }
            }
            self.write_lock.borrow_mut().take();
        }
    }

    /// Imports files and folders, then runs the extraction stage (quotes, entities, dates) over
    /// every document not yet extracted, the new ones included. `progress` sees every file as
    /// it is done, and once more per document extracted; returning `false` from it cancels the
    /// rest, keeping what was imported and extracted.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        self.import_with(paths, true, progress)
    }

    /// Like `import`; with `extract` false the stage is not run, and the new documents stay
    /// pending for a later `extract_pending` (`dossier reextract --pending`) or import.
    pub fn import_with(
        &mut self,
        paths: &[PathBuf],
        extract: bool,
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        self.lock_for_writing(true)?;
        let mut last = None;
        let mut report = self.import_locked(paths, &mut |p| {
            last = Some(p.clone());
            progress(p)
        });
        if let (Ok(report), true) = (&mut report, extract) {
            // An import of nothing new still finishes what an earlier one left pending.
            let last = last.unwrap_or(ImportProgress {
                files_done: 0,
                files_total: 0,
                bytes_done: 0,
                bytes_total: 0,
                imported: 0,
                duplicates: 0,
                failed: 0,
                current: String::new(),
            });
            if !report.cancelled {
                // The import's own progress is what its caller can cancel through, so the
                // stage asks it again (with the import's last figures) after each document.
                match self.extract_pending_locked(&mut |_| progress(&last)) {
                    Ok(outcome) => {
                        report.cancelled = outcome.cancelled;
                        for (source, problem) in outcome.problems {
                            report.warnings.push(ImportFailure {
                                path: source,
                                error: problem,
                                code: ErrorCode::Internal,
                            });
                        }
                    }
                    Err(err) => report.warnings.push(ImportFailure {
                        path: self.path.display().to_string(),
                        error: format!(
                            "the documents are imported, but extracting their quotes, entities \
                             and dates stopped ({}); `dossier reextract --pending` finishes it",
                            err.message
                        ),
                        code: err.code,
                    }),
                }
            }
        }
        self.unlock_for_writing();
        report
    }

    /// Stores and indexes the documents of an import; the caller holds the write lock.
    fn import_locked(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let _ = self.with_index(|_| Ok(()));
        // Committed batches are indexed as the import goes, every `INDEX_EVERY`, so a big
        // archive is searchable batch by batch rather than only at the end (issue 23). The
        // index is taken out of its cell meanwhile, since the import holds the connection.
        let mut index = self.search.borrow_mut().take();
        let mut last_indexed = std::time::Instant::now();
        let mut behind = None;
        let imported =
            import::import_paths(&mut self.conn, &self.path, paths, progress, &mut |conn| {
                if last_indexed.elapsed() < INDEX_EVERY {
                    return;
                }
                if let Some(index) = index.as_mut() {
                    behind = index.catch_up(conn).err();
                }
                last_indexed = std::time::Instant::now();
            });
        *self.search.borrow_mut() = index;
        let mut report = imported?;
        if let Some(err) = behind {
            self.notice(&format!(
                "the search index fell behind the import: {}",
                err.message
            ));
        }
        // What the last batches added goes into the index in one commit. If that fails, the
        // import still stands and the journal makes the next search catch up, so it is a
        // warning.
        if let Err(err) = self.with_index(|index| index.catch_up(&self.conn)) {
            report.warnings.push(ImportFailure {
                path: search::index_dir(&self.path).display().to_string(),
                error: format!("the search index was not updated yet: {}", err.message),
                code: err.code,
            });
        }
        Ok(report)
    }

    /// Runs the extraction stage: quotes, entities and dates of every document not yet
    /// extracted with the current extractor version (`stage::EXTRACTOR_VERSION`), in batches
    /// that each commit with their documents marked, so a stage killed at any point resumes
    /// here. Reviewed rows are kept as `reextract` keeps them. `progress` sees every document
    /// written; returning `false` from it stops after committing what is done.
    pub fn extract_pending(
        &self,
        progress: &mut dyn FnMut(&ExtractionProgress) -> bool,
    ) -> Result<ExtractionReport> {
        self.lock_for_writing(true)?;
        let outcome = self.extract_pending_locked(progress);
        self.unlock_for_writing();
        Ok(outcome?.report)
    }

    fn extract_pending_locked(
        &self,
        progress: &mut dyn FnMut(&ExtractionProgress) -> bool,
    ) -> Result<stage::Outcome> {
        // The index is opened first so the extraction's hits (quotes, events) are indexed as
        // this run's own commit at the end rather than found later as a lag.
        let _ = self.with_index(|_| Ok(()));
        // Scans are recognised first, so their text is extracted in this same run.
        let ocr = crate::ocr_stage::run(&self.conn, &mut |_| {
            progress(&ExtractionProgress { done: 0, total: 0 })
        });
        let outcome = stage::run(&self.conn, &self.path, stage::EXTRACTOR_VERSION, progress);
        let mut outcome = outcome.map(|mut o| {
            let problems = match ocr {
                Ok(ocr) => ocr
                    .problems
                    .into_iter()
                    .map(|p| (p.source, p.problem))
                    .collect(),
                Err(err) => vec![(
                    self.path.display().to_string(),
                    format!("scans were not recognised: {}", err.message),
                )],
            };
            for (source, problem) in problems {
                o.report.problems.push(format!("{source}: {problem}"));
                o.problems.push((source, problem));
            }
            o
        });
        // Near-duplicates are grouped after the extractors (issue 21); a failure there keeps
        // what the stage did and is reported, and the next run goes on where it stopped.
        if let Ok(done) = &mut outcome {
            if !done.cancelled {
                if let Err(err) = grouping::run(&self.conn, &mut |_, _| true) {
                    let problem = format!(
                        "grouping near-duplicate documents stopped ({}); the next import or \
                         `dossier reextract --pending` finishes it",
                        err.message
                    );
                    let source = self.path.display().to_string();
                    done.report.problems.push(format!("{source}: {problem}"));
                    done.problems.push((source, problem));
                }
            }
        }
        // Whatever committed is indexed, even when the stage stopped on an error. When the
        // stage extracted most of the case (a first import), rebuilding the index costs about
        // the time of catching it up and a third less memory: catching up deletes and adds
        // every document again in one commit (378 MB peak on the 23k corpus against 243 MB
        // for a rebuild; docs/benchmarks.md, "Import in stages").
        let most = outcome.as_ref().is_ok_and(|o| {
            o.report.documents >= 200
                && o.report.documents * 2 >= store::documents::count(&self.conn).unwrap_or(0)
        });
        let indexed = if most {
            release_freed_memory();
            self.rebuild_index().map(drop)
        } else {
            self.with_index(|index| index.catch_up(&self.conn))
                .map(drop)
        };
        let outcome = outcome?;
        if let Err(err) = indexed {
            self.notice(&format!(
                "the search index was not updated yet: {}",
                err.message
            ));
        }
        Ok(outcome)
    }

    /// Brings the search index up to date with what was committed; a failure is a notice,
    /// since the journal makes the next open catch up.
    pub(crate) fn catch_up_index(&self) {
        if let Err(err) = self.with_index(|index| index.catch_up(&self.conn)) {
            self.notice(&format!(
                "the search index was not updated yet: {}",
                err.message
            ));
        }
    }

    /// How many documents the case has, how many are extracted and how many pending, and
    /// whether another process seems to be extracting them now.
    pub fn extraction_status(&self) -> Result<ExtractionStatus> {
        let version = stage::EXTRACTOR_VERSION;
        let (documents, pending) = store::extraction::counts(&self.conn, version)?;
        let extracted = documents.saturating_sub(pending);
        // Another process holding the write lock while documents are pending is, almost
        // always, the stage; asking costs one try at the lock.
        let writer_busy = self.write_depth.get() == 0
            && !self.read_only
            && store::lock::try_acquire(&self.path)?.is_none();
        Ok(ExtractionStatus {
            documents,
            extracted,
            pending,
            extractor_version: version,
            running: writer_busy && pending > 0,
        })
    }

    /// Runs `f` on the search index, opening it first if needed (which rebuilds a missing,
    /// stale or corrupt index and catches up a lagging one).
    /// Its notices go to the notifier, if there is one; a search keeps them for its results.
    fn with_index<T>(&self, f: impl FnOnce(&mut SearchIndex) -> Result<T>) -> Result<T> {
        let result = self.with_index_keeping_notices(f);
        if self.notify.is_some() {
            for notice in self.take_notices() {
                self.notice(&notice);
            }
        }
        result
    }

    fn with_index_keeping_notices<T>(
        &self,
        f: impl FnOnce(&mut SearchIndex) -> Result<T>,
    ) -> Result<T> {
        let mut slot = self.search.borrow_mut();
        if slot.is_none() {
            *slot = Some(if self.read_only {
                SearchIndex::open_read_only(&self.path)?
            } else {
                self.open_index()?
            });
        }
        f(slot.as_mut().expect("the index was just opened"))
    }

    /// Opens the index, catching it up or rebuilding it when the write lock is free. While
    /// another process writes the case a healthy index opens as it is, and one that must be
    /// rebuilt waits for the lock, since nothing can be searched until then.
    fn open_index(&self) -> Result<SearchIndex> {
        let locked = self.lock_for_writing(false)?;
        let opened = match SearchIndex::open(&self.path, &self.conn, locked) {
            Err(err) if !locked && err.code == ErrorCode::Conflict => {
                self.lock_for_writing(true)?;
                let opened = SearchIndex::open(&self.path, &self.conn, true);
                self.unlock_for_writing();
                opened
            }
            other => other,
        };
        if locked {
            self.unlock_for_writing();
        }
        opened
    }

    /// Searches the case with Dossier's query language (docs/search.md). A malformed query is
    /// an `invalid_input` error naming the problem and its position.
    /// A search never waits for another process writing the case: it catches the index up
    /// when the write lock is free, and otherwise searches what is committed, with a notice.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        if self.read_only {
            return self.with_index_keeping_notices(|index| {
                index.note_lag(&self.conn)?;
                self.run_search(index, request)
            });
        }
        // Most searches find the index as current as the journal. They need neither the case's
        // write lock nor the index's writer: taking and dropping the lock cost a sixth of a
        // search at 100k documents (perf, 2026-12-05).
        let current = self.with_index_keeping_notices(|index| {
            if index.is_current(&self.conn)? {
                self.run_search(index, request).map(Some)
            } else {
                Ok(None)
            }
        })?;
        if let Some(results) = current {
            return Ok(results);
        }
        let locked = self.lock_for_writing(false)?;
        let results = self.with_index_keeping_notices(|index| {
            if locked {
                index.catch_up_or_note(&self.conn)?;
            } else {
                index.note_if_behind(&self.conn)?;
            }
            self.run_search(index, request)
        });
        if locked {
            self.unlock_for_writing();
        }
        results
    }

    /// The ids of every document `query` finds (documents of quote and event hits included),
    /// in id order: the selection "all N hits" stands for, loaded or not. The index is
    /// caught up first, as a search does.
    pub fn search_document_ids(&self, query: &str) -> Result<Vec<i64>> {
        self.search(&SearchRequest {
            query: query.to_string(),
            limit: 0,
            facets: false,
            snippets: false,
            ..SearchRequest::default()
        })?;
        self.with_index_keeping_notices(|index| {
            index.document_ids(query, &|sha| {
                store::documents::find_by_sha256(&self.conn, sha)
            })
        })
    }

    /// Writes every hit of `request` (all pages) to `path` as CSV: doc id, kind, title, URL,
    /// date, score and snippet. Returns the number of hits written.
    pub fn export_search_csv(
        &self,
        request: &SearchRequest,
        path: &Path,
        existing: Existing,
    ) -> Result<usize> {
        let written = export::search_csv(&|r| self.search(r), request, path, existing)?;
        self.log_alone(
            "export.hits_csv",
            "case",
            serde_json::json!({ "query": request.query, "hits": written }),
        )?;
        Ok(written)
    }

    /// Rebuilds the search index from the case file.
    pub fn reindex(&self) -> Result<ReindexReport> {
        self.reindex_with(&mut |_| {})
    }

    /// `reindex`, telling `progress` which step it is on and how far.
    pub fn reindex_with(&self, progress: &mut dyn FnMut(&StepProgress)) -> Result<ReindexReport> {
        self.writing(|| {
            let started = std::time::Instant::now();
            let documents = self.rebuild_index_with(progress)?;
            Ok(ReindexReport {
                documents,
                took_ms: started.elapsed().as_millis() as u64,
            })
        })
    }

    /// Rebuilds the search index; the caller holds the write lock.
    fn rebuild_index(&self) -> Result<usize> {
        self.rebuild_index_with(&mut |_| {})
    }

    fn rebuild_index_with(&self, progress: &mut dyn FnMut(&StepProgress)) -> Result<usize> {
        let mut slot = self.search.borrow_mut();
        // Dropping the open index first releases its writer lock for the new one.
        *slot = None;
        let (index, documents) = SearchIndex::rebuilt(&self.path, &self.conn, progress)?;
        *slot = Some(index);
        Ok(documents)
    }

    /// The number of segments in the search index (each one costs every search a little).
    pub fn search_segment_count(&self) -> Result<usize> {
        self.with_index(|index| index.segment_count())
    }

    /// Saves a query under a name, replacing an earlier one of that name.
    pub fn save_search(&self, name: &str, query: &str) -> Result<SavedSearch> {
        // A query that cannot run is refused now rather than when someone re-runs it.
        search::query_parser::parse(query)?;
        self.change(|tx| {
            let saved = store::saved_searches::save(tx, name, query)?;
            self.log(
                tx,
                "search.save",
                &format!("search:{name}"),
                serde_json::json!({ "query": query }),
            )?;
            Ok(saved)
        })
    }

    /// Saved searches by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        store::saved_searches::list(&self.conn)
    }

    pub fn saved_search(&self, name: &str) -> Result<SavedSearch> {
        store::saved_searches::get(&self.conn, name)
    }

    pub fn delete_saved_search(&self, name: &str) -> Result<()> {
        self.change(|tx| {
            store::saved_searches::delete(tx, name)?;
            self.log(
                tx,
                "search.delete",
                &format!("search:{name}"),
                serde_json::json!({}),
            )
        })
    }

    /// Checks the database's integrity, re-hashes every stored original and checks every
    /// stored text, note version, quote and event sentence against what it was derived from.
    pub fn verify(&self) -> Result<VerifyReport> {
        self.verify_with(&mut |_| {})
    }

    /// `verify`, telling `progress` which check it is on and how far.
    pub fn verify_with(&self, progress: &mut dyn FnMut(&StepProgress)) -> Result<VerifyReport> {
        verify::verify(&self.conn, progress)
    }

    /// Re-derives every damaged document's normalized text from its original, when the
    /// original is intact and normalizes to exactly the text that was imported (its checksum);
    /// the search index is brought up to date with the repaired texts.
    pub fn repair(&self) -> Result<RepairReport> {
        self.change(|tx| {
            let report = verify::repair(tx)?;
            self.log(
                tx,
                "case.repair",
                "case",
                serde_json::json!({ "repaired": report.repaired }),
            )?;
            Ok(report)
        })
    }
}

/// Hands the heap memory this process has freed back to the system. glibc keeps freed memory
/// for reuse, so after an import and the extraction stage the process still held about 100 MB
/// it no longer used when the index rebuild began allocating its own; the import that waits
/// for the stage then peaked at 325 MB where the stage alone peaks at 250 (issue 23 asks for
/// under 300 MB).
fn release_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free pages of the allocator's own heap to the system;
    // it touches no memory the program holds.
    unsafe {
        libc::malloc_trim(0);
    }
}
