//! Correcting, deleting, restoring and purging documents, and copying the case file safely.
//!
//! A wrong drop or a cancelled import must be removable, and a source that must not be kept
//! must be removable for good; everything else about deletion is undoable (the trash, see
//! `store::trash`). A copy of the case made with `cp` while the app has it open misses what is
//! still in SQLite's write-ahead log, so `backup` copies through SQLite itself.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::model::{
    BacklinkTarget, BackupReport, DeletionImpact, DocumentEdit, NoteRef, TrashedDocument,
};
use crate::store::{self, notes as note_store, trash};
use serde_json::json;

use super::audit::{ids_detail, target_of};
use crate::{Case, Document, Error, Result};

impl Case {
    /// Corrects a document's kind, title, publication date or outlet, in one transaction.
    pub fn edit_document(&self, id: i64, edit: &DocumentEdit) -> Result<Document> {
        if edit.kind.is_none()
            && edit.title.is_none()
            && edit.published.is_none()
            && edit.outlet.is_none()
        {
            return Err(Error::invalid_input(
                "nothing to change: give a kind, title, date or outlet",
            ));
        }
        self.change(|tx| {
            store::documents::update_metadata(tx, id, edit)?;
            // Which fields changed, not their values: a title may name a source that a purge
            // must be able to take out of the case.
            let fields: Vec<&str> = [
                ("kind", edit.kind.is_some()),
                ("title", edit.title.is_some()),
                ("published", edit.published.is_some()),
                ("outlet", edit.outlet.is_some()),
            ]
            .into_iter()
            .filter_map(|(name, set)| set.then_some(name))
            .collect();
            self.log(
                tx,
                "document.edit",
                &format!("document:{id}"),
                json!({ "fields": fields }),
            )?;
            Ok(())
        })?;
        self.document(id)
    }

    /// What deleting these documents would take with it: their quotes, the events they
    /// report, and the notes that cite any of them.
    pub fn deletion_impact(&self, ids: &[i64]) -> Result<DeletionImpact> {
        let ids: BTreeSet<i64> = ids.iter().copied().collect();
        let (mut quotes, mut reviewed) = (0usize, 0usize);
        let mut events = BTreeSet::new();
        let mut notes = BTreeMap::new();
        for &id in &ids {
            if self.document_exists(id)? {
                let (q, r): (i64, i64) = self.conn.query_row(
                    "SELECT count(*), coalesce(sum(status <> 'auto'), 0) FROM quotes
                     WHERE document_id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                quotes += q as usize;
                reviewed += r as usize;
            } else {
                return Err(Error::not_found(format!("no document with id {id}")));
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT DISTINCT event_id FROM event_sources WHERE document_id = ?1",
            )?;
            for event in stmt.query_map([id], |r| r.get::<_, i64>(0))? {
                events.insert(event?);
            }
            for link in note_store::backlinks(&self.conn, BacklinkTarget::Document(id))? {
                notes.insert(link.note_id, link.note_title);
            }
        }
        let mut removed = 0;
        let mut others = self
            .conn
            .prepare_cached("SELECT document_id FROM event_sources WHERE event_id = ?1")?;
        for event in &events {
            let sources = others.query_map([event], |r| r.get::<_, i64>(0))?;
            let mut all_deleted = true;
            for source in sources {
                all_deleted &= ids.contains(&source?);
            }
            removed += usize::from(all_deleted);
        }
        Ok(DeletionImpact {
            documents: ids.into_iter().collect(),
            quotes,
            reviewed_quotes: reviewed,
            events: events.len(),
            events_removed: removed,
            citing_notes: notes
                .into_iter()
                .map(|(id, title)| NoteRef { id, title })
                .collect(),
        })
    }

    fn document_exists(&self, id: i64) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?
            .exists([id])?)
    }

    /// Moves documents to the trash, all or none, with their quotes, mentions and the events
    /// only they report; `restore_documents` undoes it.
    pub fn delete_documents(&self, ids: &[i64]) -> Result<Vec<TrashedDocument>> {
        if ids.is_empty() {
            return Err(Error::invalid_input("no documents given to delete"));
        }
        self.change(|tx| {
            for &id in ids {
                trash::trash(tx, id)?;
            }
            self.log(
                tx,
                "document.delete",
                &target_of("document", ids),
                ids_detail(ids),
            )
        })?;
        self.trashed(ids)
    }

    fn trashed(&self, ids: &[i64]) -> Result<Vec<TrashedDocument>> {
        ids.iter()
            .map(|&id| {
                trash::is_trashed(&self.conn, id)?
                    .ok_or_else(|| Error::internal(format!("document {id} is not in the trash")))
            })
            .collect()
    }

    /// Brings documents back from the trash, with their ids, quotes, mentions and events.
    pub fn restore_documents(&self, ids: &[i64]) -> Result<()> {
        if ids.is_empty() {
            return Err(Error::invalid_input("no documents given to restore"));
        }
        self.change(|tx| {
            for &id in ids {
                trash::restore(tx, id)?;
            }
            self.log(
                tx,
                "document.restore",
                &target_of("document", ids),
                ids_detail(ids),
            )
        })
    }

    /// Deleted documents not purged, most recent first.
    pub fn trash(&self) -> Result<Vec<TrashedDocument>> {
        trash::list(&self.conn)
    }

    /// Removes documents for good, deleting them first if they are not in the trash yet: their
    /// text and original bytes leave the case file. Freed pages are overwritten with zeros
    /// (`secure_delete`), the write-ahead log is emptied and the search index rebuilt, so the
    /// bytes are left in none of the files. Irreversible.
    pub fn purge_documents(&self, ids: &[i64]) -> Result<Vec<TrashedDocument>> {
        if ids.is_empty() {
            return Err(Error::invalid_input("no documents given to purge"));
        }
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let purged = self.change(|tx| {
            for &id in ids {
                if self.document_exists(id)? {
                    trash::trash(tx, id)?;
                }
                trash::purge(tx, id)?;
            }
            self.log(
                tx,
                "document.purge",
                &target_of("document", ids),
                ids_detail(ids),
            )
        });
        let _ = self.conn.pragma_update(None, "secure_delete", "OFF");
        purged?;
        self.checkpoint()?;
        // The search index keeps a deleted document's text in its segments until they are
        // merged; rebuilding it from the case file leaves none behind. Slow on a big case, but
        // a purge is rare and asked for.
        self.reindex()?;
        self.trashed(ids)
    }

    /// Copies the case file to `path` through SQLite (`VACUUM INTO`), so the copy holds every
    /// committed change, including what is still in the write-ahead log, and is consistent
    /// even while another process writes. It is written beside the target and renamed into
    /// place, so a failed copy never leaves half a file under the target's name. An existing
    /// file is replaced only with `overwrite`.
    pub fn backup(&self, path: &Path, overwrite: bool) -> Result<BackupReport> {
        if path.exists() {
            if !overwrite {
                return Err(Error::conflict(format!(
                    "{} already exists; choose another name or pass --force to replace it",
                    path.display()
                )));
            }
            let same = std::fs::canonicalize(path).ok() == std::fs::canonicalize(&self.path).ok();
            if same {
                return Err(Error::invalid_input(format!(
                    "{} is this case's own file; a copy needs another name",
                    path.display()
                )));
            }
        }
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().ok_or_else(|| {
            Error::invalid_input(format!("{} is not a file name", path.display()))
        })?;
        let partial = dir.join(format!(".{}.partial", name.to_string_lossy()));
        let _ = std::fs::remove_file(&partial);
        let target = partial
            .to_str()
            .ok_or_else(|| Error::invalid_input(format!("{} is not UTF-8", path.display())))?;
        if let Err(e) = self.conn.execute("VACUUM INTO ?1", [target]) {
            let _ = std::fs::remove_file(&partial);
            return Err(Error::io(format!(
                "cannot copy the case to {}: {e}",
                path.display()
            )));
        }
        std::fs::rename(&partial, path).map_err(|e| Error::io_at(path, &e))?;
        let bytes = std::fs::metadata(path)
            .map_err(|e| Error::io_at(path, &e))?
            .len();
        // Counted in the copy itself, so the report says what the copy holds.
        let copy =
            rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|e| Error::io(format!("cannot read the copy {}: {e}", path.display())))?;
        let count = |sql: &str| -> Result<usize> {
            Ok(copy.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok(BackupReport {
            path: path.display().to_string(),
            bytes,
            documents: count("SELECT count(*) FROM documents")?,
            notes: count("SELECT count(*) FROM notes WHERE deleted_at IS NULL")?,
        })
    }

    /// Moves everything in the write-ahead log into the case file and empties the log, so that
    /// the case file alone holds all the work (as after a clean close). Cheap when the log is
    /// already empty; the app calls it when idle and on close.
    pub fn checkpoint(&self) -> Result<()> {
        let busy: i64 = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
        if busy != 0 {
            return Err(Error::conflict(
                "the case is being read or written by another process; the log was not emptied",
            ));
        }
        Ok(())
    }
}
