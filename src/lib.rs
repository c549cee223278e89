//! Dossier's core: the case file and everything that reads, writes and derives from it.
//!
//! [`Case`] is the single API surface. The `dossier` CLI, the desktop app's commands and the
//! tests all go through it; none of them touch SQL directly.

pub mod error;
pub mod import;
pub mod model;
pub mod normalize;
pub mod pubdate;
pub mod quotes;
mod store;
pub mod timex;
mod verify;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::{Error, ErrorCode, Result};
pub use model::{
    Document, DocumentKind, DocumentSummary, ImportFailure, ImportProgress, ImportReport,
    SourceFormat, VerifyReport,
};

/// An open case file.
pub struct Case {
    conn: Connection,
    path: PathBuf,
}

impl Case {
    /// Creates a new, empty case file at `path`; fails if the file exists.
    pub fn create(path: &Path) -> Result<Case> {
        let conn = store::create(path)?;
        Ok(Case {
            conn,
            path: path.to_path_buf(),
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
        store::documents::update_metadata(&self.conn, id, kind, title)?;
        self.document(id)
    }

    /// Imports files and folders. `progress` sees every file as it is done; returning `false`
    /// from it cancels the rest, keeping what was imported.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&ImportProgress) -> bool,
    ) -> Result<ImportReport> {
        import::import_paths(&mut self.conn, &self.path, paths, progress)
    }

    /// Checks the database's integrity and re-hashes every stored original.
    pub fn verify(&self) -> Result<VerifyReport> {
        verify::verify(&self.conn)
    }
}
