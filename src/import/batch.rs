//! Writing an import into the case: reader threads prepare files (reading, parsing,
//! normalizing) while this one stores them in batches, one transaction per batch. What the
//! extractors find in the documents is the extraction stage's work (`stage`), after the
//! documents are in and searchable.
//!
//! A document is stored all or nothing. Giving every document its own savepoint would ensure
//! that, but costs the importing thread about a fifth of its time (SQLite copies the pages a
//! savepoint changes into a sub-journal) for the rare document that fails. So documents are
//! written without one, and the batch keeps its prepared files until it commits: when a
//! document fails, the batch's transaction is rolled back and its files are written again,
//! this time each document in its own savepoint, so the failing one is rolled back alone and
//! the report reads exactly as if every document had had a savepoint from the start.
//!
//! A file is handed over in parts: one for most files, one per message for an mbox archive
//! (`messages::stream_mbox`), which is read as a stream and never held whole, so an archive of
//! any size costs the memory of the messages in flight. The parts of a file come in order
//! from the thread that reads it, the last one marked, and only then is the next thread's
//! file taken.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::{Connection, Transaction};

use super::{
    collect_files, failure, parse_file, read_source, sha256_hex, ImportedDocument, COMMIT_EVERY,
    COMMIT_EVERY_DOCUMENTS,
};
use crate::model::{ImportProgress, ImportReport};
use crate::store::documents;
use crate::{Error, Result};

/// A file's documents and notes on repairs.
type PreparedFile = (Vec<Result<ImportedDocument>>, Vec<String>);

/// A file (or a part of one) read, parsed and normalized, ready to be stored.
struct Prepared {
    path: PathBuf,
    /// The bytes of the file this part covers.
    size: u64,
    outcome: Result<PreparedFile>,
    /// Whether this is the file's last part.
    last: bool,
}

/// Prepares a file and sends its parts; false when the receiver is gone (the import was
/// cancelled or failed), so the thread stops reading.
fn prepare(path: &Path, size: u64, send: &dyn Fn(Prepared) -> bool) -> bool {
    let part = |outcome, size, last| Prepared {
        path: path.to_path_buf(),
        size,
        outcome,
        last,
    };
    if super::messages::is_mbox(path) {
        let mut sent = 0;
        let mut open = true;
        let streamed = super::messages::stream_mbox(path, &mut |parsed, covered| {
            sent += covered;
            open = send(part(
                Ok((parsed.documents, parsed.warnings)),
                covered,
                false,
            ));
            open
        });
        return open
            && send(part(
                streamed.map(|()| (Vec::new(), Vec::new())),
                size.saturating_sub(sent),
                true,
            ));
    }
    let parsed = read_source(path, size).and_then(|bytes| parse_file(path, bytes));
    send(part(parsed.map(|p| (p.documents, p.warnings)), size, true))
}

/// How the documents of a file are written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Straight into the batch's transaction; the first failure stops the file and asks for
    /// the batch to be written again in `Isolated` mode.
    Direct,
    /// Each document in its own savepoint, so a failure rolls back that document alone and
    /// becomes a failure in the report.
    Isolated,
}

/// A document failed while writing directly: the batch's transaction holds part of it.
struct NeedsIsolation;

/// How long the report's lists were when the open transaction began, so that writing its
/// files again starts from the same report.
struct Marks {
    imported: usize,
    duplicates: usize,
    failed: usize,
    warnings: usize,
    documents: usize,
}

impl Marks {
    fn of(report: &ImportReport) -> Marks {
        Marks {
            imported: report.imported,
            duplicates: report.duplicates,
            failed: report.failed.len(),
            warnings: report.warnings.len(),
            documents: report.documents.len(),
        }
    }

    fn restore(&self, report: &mut ImportReport) {
        report.imported = self.imported;
        report.duplicates = self.duplicates;
        report.failed.truncate(self.failed);
        report.warnings.truncate(self.warnings);
        report.documents.truncate(self.documents);
    }
}

/// How many threads prepare files: every core but the one the importing thread writes on, at
/// least one, and at most four (beyond that the writes are what the import waits for).
fn preparing_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get().saturating_sub(1))
        .clamp(1, 4)
}

/// Imports files and folders into the case behind `conn`, documents only (their extraction is
/// the stage's). `progress` is called after every file; returning `false` from it cancels the
/// import after committing what is done. `after_commit` is called after each batch commits,
/// with the connection outside any transaction (the caller indexes what is new there).
pub fn import_paths(
    conn: &mut Connection,
    case_path: &Path,
    paths: &[PathBuf],
    progress: &mut dyn FnMut(&ImportProgress) -> bool,
    after_commit: &mut dyn FnMut(&Connection),
) -> Result<ImportReport> {
    import_with_threads(
        conn,
        case_path,
        paths,
        preparing_threads(),
        progress,
        after_commit,
    )
}

fn import_with_threads(
    conn: &mut Connection,
    case_path: &Path,
    paths: &[PathBuf],
    threads: usize,
    progress: &mut dyn FnMut(&ImportProgress) -> bool,
    after_commit: &mut dyn FnMut(&Connection),
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut files = collect_files(paths, &mut report.failed);
    // A folder may hold the case file itself; it and its journal files are never sources.
    let case_files: Vec<PathBuf> = ["", "-wal", "-shm", "-journal"]
        .iter()
        .filter_map(|suffix| {
            let mut name = case_path.as_os_str().to_owned();
            name.push(suffix);
            std::fs::canonicalize(PathBuf::from(name)).ok()
        })
        .collect();
    files
        .retain(|(path, _)| std::fs::canonicalize(path).map_or(true, |p| !case_files.contains(&p)));
    let mut state = ImportProgress {
        files_done: 0,
        files_total: files.len(),
        bytes_done: 0,
        bytes_total: files.iter().map(|(_, size)| size).sum(),
        imported: 0,
        duplicates: 0,
        failed: report.failed.len(),
        current: String::new(),
    };
    let imported_at = crate::store::now();
    // Other threads read, parse and normalize ahead of this one, which only writes to the
    // case. With more cores, files are dealt to the threads in turn and taken back in the same
    // turn, so they are stored in the order found. The channels are bounded so the readers never run
    // far ahead of what is stored.
    std::thread::scope(|scope| -> Result<ImportReport> {
        let threads = threads.max(1);
        let mut shares: Vec<Vec<(PathBuf, u64)>> = vec![Vec::new(); threads];
        for (i, file) in files.into_iter().enumerate() {
            shares[i % threads].push(file);
        }
        let mut receivers = Vec::with_capacity(threads);
        for share in shares {
            let (sender, receiver) = std::sync::mpsc::sync_channel::<Prepared>(32 / threads);
            receivers.push(receiver);
            scope.spawn(move || {
                // A closed channel means the import was cancelled or failed: stop reading.
                let send = |prepared: Prepared| sender.send(prepared).is_ok();
                for (path, size) in share {
                    if !prepare(&path, size, &send) {
                        break;
                    }
                }
            });
        }
        // File i is the (i / threads)-th of thread i % threads, and its parts come from that
        // thread until the last. The first thread found done in this turn means every file
        // was taken, since files were dealt in the same turn. The iterator owns the
        // receivers, so leaving the loop early closes the channels.
        let mut next = 0;
        let in_order = std::iter::from_fn(move || {
            let prepared = receivers[next % threads].recv().ok();
            if prepared.as_ref().is_some_and(|p| p.last) {
                next += 1;
            }
            prepared
        });
        let mut tx = conn.transaction()?;
        // The files written in the open transaction, kept to be written again if one of
        // their documents fails.
        let mut batch: Vec<Prepared> = Vec::new();
        let mut marks = Marks::of(&report);
        let mut last_commit = Instant::now();
        for prepared in in_order {
            state.current = prepared.path.display().to_string();
            let mut commit_now = false;
            let written = write_file(&tx, &prepared, Mode::Direct, &imported_at, &mut report);
            batch.push(prepared);
            if written.is_err() {
                // Rolling back fails only when SQLite already has (after some I/O errors);
                // either way the transaction is gone, and writing again reports what fails.
                let _ = tx.rollback();
                marks.restore(&mut report);
                tx = conn.transaction()?;
                for prepared in &batch {
                    // Isolated writing records failures in the report and never stops.
                    let _ = write_file(&tx, prepared, Mode::Isolated, &imported_at, &mut report);
                }
                commit_now = true;
            }
            let file = batch.last().expect("the file was just added");
            state.files_done += usize::from(file.last);
            state.bytes_done += file.size;
            state.imported = report.imported;
            state.duplicates = report.duplicates;
            state.failed = report.failed.len();
            let uncommitted = report.imported - marks.imported;
            if commit_now
                || uncommitted >= COMMIT_EVERY_DOCUMENTS
                || last_commit.elapsed() >= COMMIT_EVERY
            {
                log_batch(&tx, &report, &marks)?;
                tx.commit()?;
                after_commit(conn);
                tx = conn.transaction()?;
                batch.clear();
                marks = Marks::of(&report);
                last_commit = Instant::now();
            }
            if !progress(&state) {
                report.cancelled = true;
                break;
            }
        }
        log_batch(&tx, &report, &marks)?;
        tx.commit()?;
        after_commit(conn);
        Ok(std::mem::take(&mut report))
    })
}

/// Records the documents the open transaction added in the audit log, in that transaction,
/// so the log holds every batch that committed and none that did not. A batch that added
/// nothing (only duplicates or failures) changed nothing and is not recorded.
fn log_batch(tx: &Transaction<'_>, report: &ImportReport, marks: &Marks) -> Result<()> {
    let added = &report.documents[marks.documents.min(report.documents.len())..];
    let (Some(first), Some(last)) = (added.first(), added.last()) else {
        return Ok(());
    };
    let target = if first == last {
        format!("document:{first}")
    } else {
        format!("documents:{first}-{last}")
    };
    let author = crate::store::audit::author(tx)?;
    crate::store::audit::append(
        tx,
        "import",
        &target,
        author.as_deref(),
        &serde_json::json!({
            "count": added.len(),
            "first": first,
            "last": last,
            "duplicates": report.duplicates - marks.duplicates,
            "failed": report.failed.len() - marks.failed,
        }),
    )?;
    Ok(())
}

/// Writes one prepared file's documents and records in `report` what became of each.
/// Only `Mode::Direct` returns an error, when a document failed partway.
fn write_file(
    tx: &Transaction<'_>,
    prepared: &Prepared,
    mode: Mode,
    imported_at: &str,
    report: &mut ImportReport,
) -> std::result::Result<(), NeedsIsolation> {
    let path = &prepared.path;
    let (documents, warnings) = match &prepared.outcome {
        Err(err) => {
            report.failed.push(failure(path, err));
            return Ok(());
        }
        Ok(file) => file,
    };
    for warning in warnings {
        report
            .warnings
            .push(failure(path, &Error::invalid_input(warning.clone())));
    }
    for doc in documents {
        let doc = match doc {
            Err(err) => {
                report.failed.push(failure(path, err));
                continue;
            }
            Ok(doc) => doc,
        };
        let stored = match mode {
            Mode::Direct => Ok(store_one(tx, doc, path, imported_at).map_err(|_| NeedsIsolation)?),
            Mode::Isolated => isolated(tx, doc, path, imported_at),
        };
        match stored {
            Ok(Some(id)) => {
                report.imported += 1;
                report.documents.push(id);
            }
            Ok(None) => report.duplicates += 1,
            Err(err) => {
                report.failed.push(failure(path, &err));
            }
        }
    }
    Ok(())
}

/// Stores a document inside its own savepoint, so that a failure leaves nothing of it behind
/// in the batch's transaction. The savepoint's statements are prepared once for the import
/// rather than parsed for every document, as `Transaction::savepoint` would.
fn isolated(
    tx: &Transaction<'_>,
    doc: &ImportedDocument,
    path: &Path,
    imported_at: &str,
) -> Result<Option<i64>> {
    tx.prepare_cached("SAVEPOINT import_document")?
        .execute([])?;
    let stored = store_one(tx, doc, path, imported_at);
    if stored.is_err() {
        tx.prepare_cached("ROLLBACK TO import_document")?
            .execute([])?;
    }
    tx.prepare_cached("RELEASE import_document")?.execute([])?;
    stored
}

/// Stores a document unless its original bytes are already in the case (Ok(None)).
fn store_one(
    conn: &Connection,
    doc: &ImportedDocument,
    path: &Path,
    imported_at: &str,
) -> Result<Option<i64>> {
    let sha = sha256_hex(&doc.original);
    if documents::find_by_sha256(conn, &sha)?.is_some() {
        return Ok(None);
    }
    let original_path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut original_path = original_path.display().to_string();
    // An attachment came out of the file under its own name, which goes after a `#`: the
    // file name then ends with the attachment's, whose extension is what tells plain text
    // from Markdown when `verify --repair` reads the original again.
    if let Some(name) = doc.extra["attached_to"]["name"].as_str() {
        original_path = format!("{original_path}#{name}");
    }
    let id = documents::insert(conn, doc, &sha, Some(&original_path), imported_at)?;
    crate::store::pages::insert(conn, id, &doc.structure)?;
    Ok(Some(id))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(conn: &Connection, sql: &str) -> i64 {
        conn.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn a_document_that_fails_halfway_is_rolled_back_alone() {
        let dir = tempfile::tempdir().unwrap();
        let case = dir.path().join("case.dossier");
        let mut conn = crate::store::create(&case).unwrap();
        // A write that fails halfway through the second document, after its row in
        // `documents` is already written.
        conn.execute_batch(
            "CREATE TEMP TRIGGER refuse BEFORE INSERT ON document_contents
             WHEN NEW.text LIKE '%refused%'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();
        let sources = dir.path().join("sources");
        std::fs::create_dir(&sources).unwrap();
        std::fs::write(
            sources.join("a.txt"),
            "\"We kept everything,\" said Maria Lopez, an analyst at Acme Corp.\n",
        )
        .unwrap();
        // In the same batch, before the failing document: a file that fails on its own and
        // one imported with a warning, each of which must be reported once, not again when
        // the batch is written a second time.
        std::fs::write(sources.join("a_empty.txt"), "").unwrap();
        std::fs::write(
            sources.join("a_latin1.txt"),
            b"Caf\xe9 notes from the meeting.\n",
        )
        .unwrap();
        std::fs::write(
            sources.join("b.txt"),
            "\"This was refused,\" said John Carter, a spokesman for Beta Inc.\n",
        )
        .unwrap();
        std::fs::write(
            sources.join("c.txt"),
            "\"We kept this too,\" said Ann Smith, director at Gamma Ltd.\n",
        )
        .unwrap();
        let report =
            import_paths(&mut conn, &case, &[sources], &mut |_| true, &mut |_| {}).unwrap();
        assert_eq!(report.imported, 3, "{:?}", report.failed);
        assert_eq!(report.failed.len(), 2, "{:?}", report.failed);
        assert!(report.failed[0].path.ends_with("a_empty.txt"));
        assert!(report.failed[1].path.ends_with("b.txt"));
        assert!(report.failed[1].error.contains("refused by the test"));
        assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
        assert!(report.warnings[0].path.ends_with("a_latin1.txt"));
        let mut ids = report.documents.clone();
        ids.dedup();
        assert_eq!(ids.len(), 3, "{:?}", report.documents);
        assert_eq!(count(&conn, "SELECT count(*) FROM documents"), 3);
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM documents WHERE id IN (SELECT value FROM json_each(?))"
                    .replace('?', &format!("'{:?}'", report.documents))
                    .as_str()
            ),
            3
        );
        assert_eq!(
            count(
                &conn,
                "SELECT count(*) FROM documents WHERE title LIKE '%refused%'
                 OR id NOT IN (SELECT document_id FROM document_contents)"
            ),
            0
        );
        // The failing batch was written again with a savepoint per document, each released,
        // so the import's transaction committed normally and a later write starts cleanly.
        conn.execute_batch("DROP TRIGGER temp.refuse").unwrap();
        assert!(conn.is_autocommit());
    }
    #[test]
    fn files_prepared_on_several_threads_are_stored_in_the_order_found() {
        let dir = tempfile::tempdir().unwrap();
        let sources = dir.path().join("sources");
        std::fs::create_dir(&sources).unwrap();
        for i in 0..11 {
            std::fs::write(
                sources.join(format!("{i:02}.txt")),
                format!("Memo {i}\n\n\"Number {i} is in,\" said Ann Smith of Gamma Ltd.\n"),
            )
            .unwrap();
        }
        // A file that fails and one that repeats another, among them.
        std::fs::write(sources.join("04b.txt"), "").unwrap();
        std::fs::copy(sources.join("02.txt"), sources.join("07b.txt")).unwrap();
        let titles = |threads: usize| {
            let case = dir.path().join(format!("case{threads}.dossier"));
            let mut conn = crate::store::create(&case).unwrap();
            let report = import_with_threads(
                &mut conn,
                &case,
                std::slice::from_ref(&sources),
                threads,
                &mut |_| true,
                &mut |_| {},
            )
            .unwrap();
            assert_eq!(
                (report.imported, report.duplicates, report.failed.len()),
                (11, 1, 1)
            );
            let titles: Vec<String> = report
                .documents
                .iter()
                .map(|id| {
                    conn.query_row("SELECT title FROM documents WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .unwrap()
                })
                .collect();
            let ids_in_order = report.documents.windows(2).all(|w| w[0] < w[1]);
            assert!(ids_in_order, "{:?}", report.documents);
            (titles, count(&conn, "SELECT count(*) FROM documents"))
        };
        let one = titles(1);
        assert_eq!(
            one.0,
            (0..11).map(|i| format!("Memo {i}")).collect::<Vec<_>>()
        );
        assert_eq!(one.1, 11);
        assert_eq!(titles(3), one);
        assert_eq!(titles(4), one);
    }
}
