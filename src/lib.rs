//! Dossier's core: the case file and everything that reads, writes and derives from it.
//!
//! [`Case`] is the single API surface. The `dossier` CLI, the desktop app's commands and the
//! tests all go through it; none of them touch SQL directly.

pub mod analysis;
mod api;
pub mod demo;
pub mod entities;
pub mod error;
mod export;
pub mod import;
pub mod intervals;
pub mod legal;
pub mod model;
pub mod normalize;
pub mod notes;
pub mod pubdate;
pub mod quotes;
pub mod search;
mod store;
pub mod timex;
mod verify;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::{Error, ErrorCode, Result};
pub use model::{
    Document, DocumentKind, DocumentSummary, ImportFailure, ImportProgress, ImportReport,
    LegalStructure, PageSpan, SourceFormat, TextStatus, VerifyReport,
};
pub use search::model::{
    FacetCount, HitKind, ReindexReport, SavedSearch, SearchFacets, SearchHit, SearchRequest,
    SearchResults, SearchSort,
};
use search::SearchIndex;

/// An open case file.
pub struct Case {
    conn: Connection,
    path: PathBuf,
    /// The search index, opened on first use so that merely opening a case (as a second
    /// process may while an import runs) never takes the index's writer lock.
    search: RefCell<Option<SearchIndex>>,
    /// Opened with `open_read_only`: the connection refuses writes, and the search index is
    /// read as last committed, never rebuilt or caught up (that would need its writer lock).
    read_only: bool,
}

impl Case {
    /// Creates a new, empty case file at `path`; fails if the file exists.
    pub fn create(path: &Path) -> Result<Case> {
        let conn = store::create(path)?;
        let index = SearchIndex::create_empty(path)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
            search: RefCell::new(Some(index)),
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
        })
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
        self.changing_index(|| store::documents::update_metadata(&self.conn, id, kind, title))?;
        self.document(id)
    }

    /// Runs a change to the case and brings the search index up to date with it as this
    /// action's own commit. The index is opened first, so that the change is indexed now rather
    /// than found later as a lag; a failed index update is not lost, because the journal makes
    /// the next open catch up.
    pub(crate) fn changing_index<T>(&self, change: impl FnOnce() -> Result<T>) -> Result<T> {
        let _ = self.with_index(|_| Ok(()));
        let result = change()?;
        let _ = self.with_index(|index| index.catch_up(&self.conn));
        Ok(result)
    }

    /// Imports files and folders, running the quote, entity and date extractors on each new
    /// document. `progress` sees every file as it is done; returning `false` from it cancels
    /// the rest, keeping what was imported.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        self.import_with(paths, true, progress)
    }

    /// Like `import`; with `extract` false the extractors are left for a later `reextract`,
    /// which makes a very large first import faster.
    pub fn import_with(
        &mut self,
        paths: &[PathBuf],
        extract: bool,
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        let _ = self.with_index(|_| Ok(()));
        let mut report =
            import::import_paths(&mut self.conn, &self.path, paths, extract, progress)?;
        // The whole batch goes into the index in one commit. If that fails, the import still
        // stands and the journal makes the next search catch up, so it is a warning.
        if let Err(err) = self.with_index(|index| index.catch_up(&self.conn)) {
            report.warnings.push(ImportFailure {
                path: search::index_dir(&self.path).display().to_string(),
                error: format!("the search index was not updated yet: {}", err.message),
                code: err.code,
            });
        }
        Ok(report)
    }

    /// Runs `f` on the search index, opening it first if needed (which rebuilds a missing,
    /// stale or corrupt index and catches up a lagging one).
    fn with_index<T>(&self, f: impl FnOnce(&mut SearchIndex) -> Result<T>) -> Result<T> {
        let mut slot = self.search.borrow_mut();
        if slot.is_none() {
            *slot = Some(if self.read_only {
                SearchIndex::open_read_only(&self.path)?
            } else {
                SearchIndex::open(&self.path, &self.conn)?
            });
        }
        f(slot.as_mut().expect("the index was just opened"))
    }

    /// Searches the case with Dossier's query language (docs/search.md). A malformed query is
    /// an `invalid_input` error naming the problem and its position.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.with_index(|index| {
            if self.read_only {
                index.note_lag(&self.conn)?;
            } else {
                index.catch_up_or_note(&self.conn)?;
            }
            index.search(request)
        })
    }

    /// Writes every hit of `request` (all pages) to `path` as CSV: doc id, kind, title, URL,
    /// date, score and snippet. Returns the number of hits written.
    pub fn export_search_csv(&self, request: &SearchRequest, path: &Path) -> Result<usize> {
        export::search_csv(self, request, path)
    }

    /// Rebuilds the search index from the case file.
    pub fn reindex(&self) -> Result<ReindexReport> {
        let started = std::time::Instant::now();
        let mut slot = self.search.borrow_mut();
        // Dropping the open index first releases its writer lock for the new one.
        *slot = None;
        let (index, documents) = SearchIndex::rebuilt(&self.path, &self.conn)?;
        *slot = Some(index);
        Ok(ReindexReport {
            documents,
            took_ms: started.elapsed().as_millis() as u64,
        })
    }

    /// The number of segments in the search index (each one costs every search a little).
    pub fn search_segment_count(&self) -> Result<usize> {
        self.with_index(|index| index.segment_count())
    }

    /// Saves a query under a name, replacing an earlier one of that name.
    pub fn save_search(&self, name: &str, query: &str) -> Result<SavedSearch> {
        // A query that cannot run is refused now rather than when someone re-runs it.
        search::query_parser::parse(query)?;
        store::saved_searches::save(&self.conn, name, query)
    }

    /// Saved searches by name.
    pub fn saved_searches(&self) -> Result<Vec<SavedSearch>> {
        store::saved_searches::list(&self.conn)
    }

    pub fn saved_search(&self, name: &str) -> Result<SavedSearch> {
        store::saved_searches::get(&self.conn, name)
    }

    pub fn delete_saved_search(&self, name: &str) -> Result<()> {
        store::saved_searches::delete(&self.conn, name)
    }

    /// Checks the database's integrity and re-hashes every stored original.
    pub fn verify(&self) -> Result<VerifyReport> {
        verify::verify(&self.conn)
    }
}
