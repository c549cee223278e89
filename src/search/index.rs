//! The index's lifecycle: opening, rebuilding from SQLite, catching up with the journal, and
//! committing in batches.
//!
//! SQLite is the truth. The index lives in `.<case>.index/` beside the case file and records
//! in each commit's payload the schema version and the last `search_journal` sequence number
//! it holds. On open, a missing, stale or unreadable index is rebuilt from the case file, and
//! a healthy one re-indexes whatever the journal recorded after that sequence number (a crash
//! between the SQLite commit and the index commit, or a document edited by another process).

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::indexer::NoMergePolicy;
use tantivy::schema::Facet;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::schema::{self, Fields, SCHEMA_VERSION};
use crate::model::StepProgress;
use crate::store::documents::{self, IndexRow};
use crate::store::events::{self as event_store, EventIndexRow};
use crate::store::notes::{self as note_store, NoteIndexRow};
use crate::store::quotes::{self as quote_store, QuoteIndexRow};
use crate::store::search_journal;
use crate::{Error, Result};

/// Two indexing threads sharing this much memory: tokenizing and stemming dominate import
/// time, so a second core nearly halves it, while the budget stays small enough for a laptop
/// with other work open and still indexes thousands of articles in few segments.
const WRITER_THREADS: usize = 2;
const WRITER_MEMORY: usize = 128 * 1024 * 1024;

/// What every commit records, so the next open can tell a stale or lagging index.
#[derive(Debug, Serialize, Deserialize)]
struct Payload {
    schema_version: u32,
    journal_seq: i64,
    /// The identity of the case the index was built from (`case_identity`, migration 0009).
    /// An index from before identities has none and is rebuilt once.
    #[serde(default)]
    case_id: Option<String>,
}

pub fn tantivy_error(err: TantivyError) -> Error {
    match err {
        TantivyError::LockFailure(LockError::LockBusy, _) => Error::conflict(
            "the search index is being updated by another Dossier process; try again when it \
             has finished",
        ),
        other => Error::internal(format!("search index error: {other}")),
    }
}

/// Where a case's index lives: beside the case file, named after it and hidden, so that
/// importing the folder that holds a case never takes the index's files for sources.
pub fn index_dir(case_path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(case_path.file_name().unwrap_or_default());
    name.push(".index");
    case_path.with_file_name(name)
}

pub struct SearchIndex {
    pub index: Index,
    pub reader: IndexReader,
    pub fields: Fields,
    writer: Option<IndexWriter>,
    dir: PathBuf,
    journal_seq: i64,
    /// The case this index belongs to, written into every commit.
    case_id: String,
    /// Things a person should be told (a rebuild, a catch-up), taken by the next search.
    pub notices: Vec<String>,
    /// Facet columns of the segments searched so far (see `facets::ColumnCache`).
    pub(super) facet_columns: super::facets::ColumnCache,
    /// The query analyzers, kept between searches with the stems they remember; None only
    /// while a search has them.
    pub(super) analyzers: Option<super::query_build::Analyzers>,
}

impl SearchIndex {
    /// Opens the index of the case at `case_path`, rebuilding or catching it up as needed.
    /// Without `may_write` (another process holds the case's write lock) a healthy index is
    /// opened as it is, and one that needs a rebuild is a `conflict`, for the caller to wait
    /// for the lock and try again.
    pub fn open(case_path: &Path, conn: &Connection, may_write: bool) -> Result<SearchIndex> {
        let dir = index_dir(case_path);
        let case_id = crate::store::case_id(conn)?;
        let trusted = Self::open_existing(&dir).and_then(|index| {
            index.belongs_to(&case_id, search_journal::head(conn).map_err(|e| e.message)?)?;
            Ok(index)
        });
        let problem = match trusted {
            Ok(mut index) if !may_write => {
                index.note_if_behind(conn)?;
                return Ok(index);
            }
            Ok(mut index) => {
                let caught_up = index.catch_up_or_note(conn)?;
                if caught_up > 0 {
                    index.notices.push(format!(
                        "the search index was behind the case file; re-indexed {caught_up} \
                         document{}",
                        if caught_up == 1 { "" } else { "s" }
                    ));
                }
                return Ok(index);
            }
            Err(problem) => problem,
        };
        if !may_write {
            return Err(Error::conflict(format!(
                "the search index {problem}, and another Dossier process is writing the case"
            )));
        }
        let mut index = Self::create(&dir, case_id)?;
        let documents = index.rebuild(conn, &mut |_| {})?;
        index.notices.push(format!(
            "the search index {problem}; rebuilt it from the case file ({documents} \
             document{})",
            if documents == 1 { "" } else { "s" }
        ));
        Ok(index)
    }

    /// Opens the index as last committed, for a read-only `Case`: no rebuild and no catch-up,
    /// since both need the writer's lock, which the writing `Case` beside it may hold.
    pub fn open_read_only(case_path: &Path) -> Result<SearchIndex> {
        Self::open_existing(&index_dir(case_path)).map_err(|problem| {
            Error::conflict(format!(
                "the search index {problem}; search is back when the running import ends"
            ))
        })
    }

    /// For a read-only reader: sees the newest commit, and says so when the case holds
    /// changes the index has not taken in yet (the documents a running import has written).
    pub fn note_lag(&mut self, conn: &Connection) -> Result<()> {
        self.reader.reload().map_err(tantivy_error)?;
        if let Some(payload) = self
            .index
            .load_metas()
            .map_err(tantivy_error)?
            .payload
            .and_then(|p| serde_json::from_str::<Payload>(&p).ok())
        {
            self.journal_seq = payload.journal_seq;
        }
        if search_journal::head(conn)? > self.journal_seq {
            self.notices.push(
                "an import is running: the documents it brings are searchable once it ends"
                    .to_string(),
            );
        }
        Ok(())
    }

    /// Builds a new index from SQLite, replacing whatever was there (`dossier reindex`). A
    /// readable index of this schema is rebuilt in place, so that a search running in another
    /// process meanwhile keeps the files it has open and never finds the folder gone.
    pub fn rebuilt(
        case_path: &Path,
        conn: &Connection,
        progress: &mut dyn FnMut(&StepProgress),
    ) -> Result<(SearchIndex, usize)> {
        let dir = index_dir(case_path);
        let case_id = crate::store::case_id(conn)?;
        let mut index = match Self::open_existing(&dir) {
            Ok(mut index) => {
                index.case_id = case_id;
                index
            }
            Err(_) => Self::create(&dir, case_id)?,
        };
        let documents = index.rebuild(conn, progress)?;
        Ok((index, documents))
    }

    /// Creates a new, empty index for a new case.
    pub fn create_empty(case_path: &Path, conn: &Connection) -> Result<SearchIndex> {
        let mut index = Self::create(&index_dir(case_path), crate::store::case_id(conn)?)?;
        index.commit(0, false)?;
        Ok(index)
    }

    /// Opens an index that exists and is of our schema version, or says why it cannot.
    fn open_existing(dir: &Path) -> std::result::Result<SearchIndex, String> {
        if !dir.join("meta.json").exists() {
            return Err(if dir.exists() {
                "was incomplete".to_string()
            } else {
                "was missing".to_string()
            });
        }
        let unreadable = |e: TantivyError| format!("was unreadable ({e})");
        let index = Index::open_in_dir(dir).map_err(unreadable)?;
        let payload: Option<Payload> = index
            .load_metas()
            .map_err(unreadable)?
            .payload
            .and_then(|p| serde_json::from_str(&p).ok());
        let Some(payload) = payload else {
            return Err("had no version record".into());
        };
        if payload.schema_version != SCHEMA_VERSION {
            return Err(format!(
                "was built by another version of Dossier (schema {}, now {SCHEMA_VERSION})",
                payload.schema_version
            ));
        }
        let (expected, fields) = schema::build();
        if index.schema() != expected {
            return Err("had an unexpected schema".into());
        }
        schema::register(index.tokenizers());
        let reader = open_reader(&index).map_err(unreadable)?;
        // Reading every segment's stored-field footer now turns a truncated or damaged file
        // into a rebuild here, instead of an error in the middle of a search.
        let searcher = reader.searcher();
        for segment in searcher.segment_readers() {
            segment
                .get_store_reader(1)
                .map_err(|e| format!("was unreadable ({e})"))?;
        }
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writer: None,
            dir: dir.to_path_buf(),
            journal_seq: payload.journal_seq,
            case_id: payload.case_id.unwrap_or_default(),
            notices: Vec::new(),
            facet_columns: Default::default(),
            analyzers: None,
        })
    }

    /// Says why this index cannot be trusted for the case `case_id` whose journal is at
    /// `head`: it was built from another case (a copied folder), or it has seen changes the
    /// case file does not have (an older copy of the case was restored, or the file was cut
    /// short), so it would return documents the case no longer holds. Catching up cannot mend
    /// either; only a rebuild can.
    fn belongs_to(&self, case_id: &str, head: i64) -> std::result::Result<(), String> {
        if self.case_id.is_empty() {
            return Err("had no record of the case it belongs to".into());
        }
        if self.case_id != case_id {
            return Err("belonged to another case".into());
        }
        if self.journal_seq > head {
            return Err(format!(
                "was ahead of the case file (it had seen change {}, the case file ends at \
                 {head}; was an older copy of the case restored?)",
                self.journal_seq
            ));
        }
        Ok(())
    }

    fn create(dir: &Path, case_id: String) -> Result<SearchIndex> {
        if dir.exists() {
            std::fs::remove_dir_all(dir).map_err(|e| Error::io_at(dir, &e))?;
        }
        std::fs::create_dir_all(dir).map_err(|e| Error::io_at(dir, &e))?;
        let (schema, fields) = schema::build();
        let index = Index::create_in_dir(dir, schema).map_err(tantivy_error)?;
        schema::register(index.tokenizers());
        let reader = open_reader(&index).map_err(tantivy_error)?;
        Ok(SearchIndex {
            index,
            reader,
            fields,
            writer: None,
            dir: dir.to_path_buf(),
            journal_seq: 0,
            case_id,
            notices: Vec::new(),
            facet_columns: Default::default(),
            analyzers: None,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The writer, created on first use in an action and dropped at its commit: it holds the
    /// index's lock, which another process writing the case will want next.
    fn writer(&mut self) -> Result<&mut IndexWriter> {
        if self.writer.is_none() {
            // Another writer (a CLI run finishing its commit) usually lets go within moments,
            // so a busy lock is retried for a second before it is reported.
            let mut attempts = 0;
            let writer: IndexWriter = loop {
                match self
                    .index
                    .writer_with_num_threads(WRITER_THREADS, WRITER_MEMORY)
                {
                    Err(TantivyError::LockFailure(LockError::LockBusy, _)) if attempts < 20 => {
                        attempts += 1;
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                    other => break other.map_err(tantivy_error)?,
                }
            };
            // Merges run synchronously after commits (see `compact`), so none is left half
            // done when a short-lived CLI process exits.
            writer.set_merge_policy(Box::new(NoMergePolicy));
            // A process killed in the middle of a commit leaves files the index never came to
            // reference, such as a segment's `<segment>.<opstamp>.del`; the next commit would
            // reuse that opstamp and fail on the file already being there. Tantivy lists every
            // file it writes before writing it, so collecting the unreferenced ones now clears
            // what a crash left behind.
            writer
                .garbage_collect_files()
                .wait()
                .map_err(tantivy_error)?;
            self.writer = Some(writer);
        }
        Ok(self.writer.as_mut().expect("writer was just created"))
    }

    /// Re-indexes every document (with its quotes) and every event from SQLite, telling
    /// `progress` how far it is. Returns how many documents were indexed.
    pub fn rebuild(
        &mut self,
        conn: &Connection,
        progress: &mut dyn FnMut(&StepProgress),
    ) -> Result<usize> {
        // One read transaction, so the rows and the journal position agree.
        let tx = conn.unchecked_transaction()?;
        let seq = search_journal::head(&tx)?;
        let fields = self.fields;
        let writer = self.writer()?;
        writer.delete_all_documents().map_err(tantivy_error)?;
        let total = documents::count(&tx)? as u64;
        let step = "indexing documents and their quotes";
        let mut done = 0u64;
        progress(&StepProgress { step, done, total });
        let count = documents::for_each_for_index(&tx, None, |row| {
            done += 1;
            if done.is_multiple_of(1_000) {
                progress(&StepProgress {
                    step,
                    done,
                    total: total.max(done),
                });
            }
            add_document_unit(&tx, writer, &fields, row)
        })?;
        progress(&StepProgress {
            step: "indexing events and notes",
            done: 0,
            total: 0,
        });
        event_store::for_each_for_index(&tx, None, |row| add_event(writer, &fields, row))?;
        note_store::for_each_for_index(&tx, None, |row| add_note(writer, &fields, row))?;
        drop(tx);
        progress(&StepProgress {
            step: "writing and merging the index",
            done: 0,
            total: 0,
        });
        self.commit(seq, true)?;
        search_journal::prune(conn, seq);
        Ok(count)
    }

    /// Re-indexes the units the journal recorded since the last commit, in one commit.
    /// Returns how many units were re-indexed (or removed).
    pub fn catch_up(&mut self, conn: &Connection) -> Result<usize> {
        // Every search comes through here, and the journal only grows, so a plain read of its
        // head settles the common case (nothing new) without the cost of a transaction.
        if search_journal::head(conn)? <= self.journal_seq {
            return Ok(0);
        }
        let tx = conn.unchecked_transaction()?;
        let head = search_journal::head(&tx)?;
        if head <= self.journal_seq {
            return Ok(0);
        }
        let units = search_journal::changed_units(&tx, self.journal_seq, head)?;
        let fields = self.fields;
        let since = self.journal_seq;
        let writer = self.writer()?;
        let mut event_ids = Vec::new();
        let mut note_ids = Vec::new();
        for unit in &units {
            writer.delete_term(Term::from_field_text(fields.unit, unit));
            if let Some(id) = unit.strip_prefix("event:").and_then(|id| id.parse().ok()) {
                event_ids.push(id);
            }
            if let Some(id) = unit.strip_prefix("note:").and_then(|id| id.parse().ok()) {
                note_ids.push(id);
            }
        }
        documents::for_each_for_index(&tx, Some((since, head)), |row| {
            add_document_unit(&tx, writer, &fields, row)
        })?;
        event_store::for_each_for_index(&tx, Some(&event_ids), |row| {
            add_event(writer, &fields, row)
        })?;
        note_store::for_each_for_index(&tx, Some(&note_ids), |row| add_note(writer, &fields, row))?;
        drop(tx);
        self.commit(head, false)?;
        search_journal::prune(conn, head);
        Ok(units.len())
    }

    /// Whether the index holds everything the journal lists (this process's view of it): a
    /// plain read of the journal's head, so a search can skip the write lock and the writer.
    pub fn is_current(&self, conn: &Connection) -> Result<bool> {
        Ok(search_journal::head(conn)? <= self.journal_seq)
    }

    /// Says so when the case has changes this index has not seen, for a search that cannot
    /// catch up now because another process is writing the case; the reader is reloaded so
    /// that what that process has committed is found.
    pub fn note_if_behind(&mut self, conn: &Connection) -> Result<()> {
        let _ = self.reader.reload();
        if search_journal::head(conn)? > self.journal_seq {
            self.notices.push(
                "another Dossier process is writing this case; the newest changes may be \
                 missing from these results"
                    .to_string(),
            );
        }
        Ok(())
    }

    /// Lets go of the writer and its lock, so that another process (or this one's next
    /// action) can write the index; kept only for the length of one action.
    pub fn release_writer(&mut self) {
        self.writer = None;
    }

    /// Like `catch_up`, but while another process holds the index (an import running in
    /// another window) searches go on with what the index has, with a notice saying so.
    pub fn catch_up_or_note(&mut self, conn: &Connection) -> Result<usize> {
        match self.catch_up(conn) {
            Err(err) if err.code == crate::ErrorCode::Conflict => {
                self.notices.push(
                    "another Dossier process is updating the search index; the newest \
                     documents may be missing from these results"
                        .to_string(),
                );
                Ok(0)
            }
            other => other,
        }
    }

    /// Commits what was added, recording the journal position, then keeps the segment count
    /// bounded (tiered merges after a commit, packing after a rebuild: `merges`) and makes the
    /// change visible to searches.
    fn commit(&mut self, journal_seq: i64, rebuilt: bool) -> Result<()> {
        let payload = serde_json::to_string(&Payload {
            schema_version: SCHEMA_VERSION,
            journal_seq,
            case_id: Some(self.case_id.clone()),
        })?;
        let writer = self.writer()?;
        let mut prepared = writer.prepare_commit().map_err(tantivy_error)?;
        prepared.set_payload(&payload);
        prepared.commit().map_err(tantivy_error)?;
        self.journal_seq = journal_seq;
        let merged = self.compact(rebuilt)?;
        self.reader.reload().map_err(tantivy_error)?;
        if merged {
            // The merged segments' files stay on disk while a searcher holds them; once the
            // reader has moved on they are removed now rather than at the next commit, which
            // after a rebuild or a last import batch may never come in this process (issue
            // 23: 100k documents left 572 MB on disk for a 320 MB index).
            self.writer()?
                .garbage_collect_files()
                .wait()
                .map_err(tantivy_error)?;
        }
        self.release_writer();
        Ok(())
    }

    /// Runs the merges `merges::plan` asks for after a commit (segments grouped in tiers by
    /// size, a full tier merged into one segment), or `merges::pack` after a rebuild, so that
    /// commits never pile up segments while no merge rewrites or maps the whole index. Says
    /// whether it merged.
    fn compact(&mut self, rebuilt: bool) -> Result<bool> {
        let metas = self
            .index
            .searchable_segment_metas()
            .map_err(tantivy_error)?;
        // A segment's files are named after its id (`<id>.idx`, `<id>.store`, …).
        let mut bytes_by_id: std::collections::HashMap<String, u64> = Default::default();
        for entry in std::fs::read_dir(&self.dir)
            .map_err(|e| Error::io_at(&self.dir, &e))?
            .flatten()
        {
            let name = entry.file_name();
            let Some((id, _)) = name.to_str().and_then(|n| n.split_once('.')) else {
                continue;
            };
            *bytes_by_id.entry(id.to_string()).or_insert(0) +=
                entry.metadata().map_or(0, |m| m.len());
        }
        let sizes: Vec<u64> = metas
            .iter()
            .map(|meta| {
                bytes_by_id
                    .get(&meta.id().uuid_string())
                    .copied()
                    .unwrap_or(0)
            })
            .collect();
        let groups = if rebuilt {
            super::merges::pack(&sizes)
        } else {
            super::merges::plan(&sizes)
        };
        if groups.is_empty() {
            return Ok(false);
        }
        let writer = self.writer()?;
        for group in groups {
            let ids: Vec<_> = group.iter().map(|&i| metas[i].id()).collect();
            writer.merge(&ids).wait().map_err(tantivy_error)?;
        }
        Ok(true)
    }

    pub fn segment_count(&self) -> Result<usize> {
        Ok(self
            .index
            .searchable_segment_ids()
            .map_err(tantivy_error)?
            .len())
    }
}

fn open_reader(index: &Index) -> tantivy::Result<IndexReader> {
    index
        .reader_builder()
        .reload_policy(ReloadPolicy::Manual)
        .try_into()
}

pub fn document_key(id: i64) -> String {
    format!("document:{id}")
}

/// A document and its quotes: one unit, because quote hits show the document's title, outlet
/// and date, so any change to the document re-indexes its quotes too.
fn add_document_unit(
    conn: &Connection,
    writer: &IndexWriter,
    f: &Fields,
    row: IndexRow,
) -> Result<()> {
    for quote in quote_store::for_index(conn, row.id)? {
        add_quote(writer, f, &row, quote)?;
    }
    add_document(writer, f, row)
}

/// The fields every hit in a document's unit shares: where it is and when it was published.
/// Only the document hit indexes its title, outlet and URL; its quotes store them to show.
fn add_document_context(d: &mut TantivyDocument, f: &Fields, row: &IndexRow, is_document: bool) {
    d.add_text(f.unit, document_key(row.id));
    d.add_i64(f.doc_id, row.id);
    if is_document {
        d.add_text(f.title, &row.title);
        d.add_text(f.title_exact, &row.title);
    } else {
        d.add_text(f.label, &row.title);
    }
    d.add_text(f.kind, row.kind.as_str());
    if let Some(outlet) = row.outlet.as_deref().filter(|o| !o.is_empty()) {
        if is_document {
            d.add_text(f.outlet, outlet);
        }
        d.add_text(f.outlet_name, outlet);
        d.add_facet(f.facets, Facet::from_path(["outlet", outlet]));
    }
    if let Some(url) = row.url.as_ref().filter(|_| is_document) {
        d.add_text(f.url, url);
    }
    if let Some(published) = &row.published {
        d.add_text(f.published, published);
    }
    if let (Some(earliest), Some(latest)) = (row.earliest, row.latest) {
        add_dates(d, f, earliest, latest);
    }
}

fn add_dates(d: &mut TantivyDocument, f: &Fields, earliest: i64, latest: i64) {
    d.add_i64(f.published_earliest, earliest);
    d.add_i64(f.published_latest, latest);
    if let Some(date) = chrono::DateTime::from_timestamp(earliest, 0) {
        d.add_facet(
            f.facets,
            Facet::from_path(["year", &date.format("%Y").to_string()]),
        );
    }
}

fn add_document(writer: &IndexWriter, f: &Fields, row: IndexRow) -> Result<()> {
    let mut d = TantivyDocument::default();
    d.add_text(f.hit_kind, "document");
    d.add_i64(f.id, row.id);
    add_document_context(&mut d, f, &row, true);
    d.add_facet(f.facets, Facet::from_path(["kind", row.kind.as_str()]));
    d.add_text(f.text, &row.text);
    d.add_text(f.text_exact, &row.text);
    for keyword in &row.keywords {
        d.add_text(f.keywords, keyword);
    }
    // People's tags: `tag:` finds them (each its own value, so a phrase never runs from one
    // tag into the next) and the tags facet counts them; marks are `is:starred`,
    // `is:reviewed`.
    for tag in &row.tags {
        d.add_text(f.tags, tag);
        d.add_facet(f.facets, Facet::from_path(["tag", tag.as_str()]));
    }
    if row.starred {
        d.add_facet(f.facets, Facet::from_path(["is", "starred"]));
    }
    if row.reviewed {
        d.add_facet(f.facets, Facet::from_path(["is", "reviewed"]));
    }
    writer.add_document(d).map_err(tantivy_error)?;
    Ok(())
}

fn add_quote(writer: &IndexWriter, f: &Fields, row: &IndexRow, quote: QuoteIndexRow) -> Result<()> {
    let mut d = TantivyDocument::default();
    d.add_text(f.hit_kind, "quote");
    d.add_i64(f.id, quote.id);
    add_document_context(&mut d, f, row, false);
    d.add_facet(f.facets, Facet::from_path(["kind", "quote"]));
    d.add_text(f.hit_text, &quote.text);
    d.add_text(f.hit_text_exact, &quote.text);
    if let Some(speaker) = &quote.speaker {
        d.add_text(f.speaker, speaker);
        d.add_facet(f.speakers, Facet::from_path(["speaker", speaker.as_str()]));
    }
    if let Some(role) = &quote.role {
        // A role is searchable as text ("analyst"), but as a value of its own, never cut
        // into snippets as if it were the quote's words.
        d.add_text(f.hit_text, role);
    }
    d.add_text(f.tags, &quote.kind);
    writer.add_document(d).map_err(tantivy_error)?;
    Ok(())
}

fn add_event(writer: &IndexWriter, f: &Fields, event: EventIndexRow) -> Result<()> {
    let mut d = TantivyDocument::default();
    d.add_text(f.unit, format!("event:{}", event.id));
    d.add_text(f.hit_kind, "event");
    d.add_i64(f.id, event.id);
    if let Some(doc_id) = event.doc_id {
        d.add_i64(f.doc_id, doc_id);
    }
    d.add_text(f.label, &event.title);
    // An extracted event's title is the start of its sentence; a manual event's title is its
    // own words, which must be found too.
    let title_in_description = event
        .description
        .starts_with(event.title.trim_end_matches('…'));
    let text = if title_in_description {
        event.description.clone()
    } else {
        format!("{}\n\n{}", event.title, event.description)
    };
    d.add_text(f.hit_text, &text);
    d.add_text(f.hit_text_exact, &text);
    d.add_text(f.published, &event.value);
    d.add_facet(f.facets, Facet::from_path(["kind", "event"]));
    // People's tags make `tag:arrest` find the event; each is its own value so that a phrase
    // never runs from one tag into the next.
    for tag in event.tags.iter().flat_map(|t| t.split(',')) {
        d.add_text(f.tags, tag);
    }
    // The index keeps inclusive ends, as for documents.
    add_dates(&mut d, f, event.earliest, event.latest - 1);
    writer.add_document(d).map_err(tantivy_error)?;
    Ok(())
}

/// A note: its own unit, found by its title and its text (`kind:note`).
fn add_note(writer: &IndexWriter, f: &Fields, note: NoteIndexRow) -> Result<()> {
    let mut d = TantivyDocument::default();
    d.add_text(f.unit, format!("note:{}", note.id));
    d.add_text(f.hit_kind, "note");
    d.add_i64(f.id, note.id);
    d.add_text(f.title, &note.title);
    d.add_text(f.title_exact, &note.title);
    d.add_text(f.label, &note.title);
    d.add_text(f.hit_text, &note.text);
    d.add_text(f.hit_text_exact, &note.text);
    d.add_text(f.published, &note.updated_at);
    d.add_facet(f.facets, Facet::from_path(["kind", "note"]));
    writer.add_document(d).map_err(tantivy_error)?;
    Ok(())
}
