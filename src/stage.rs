//! The extraction stage: quotes, entities, dates and legal structure found in documents that
//! are already imported, as a step of its own after the import (issue 23).
//!
//! An import stores and indexes documents first, so a big archive is searchable and readable
//! as soon as its batches commit; extraction, three times the import's CPU, then runs over the
//! documents not yet extracted with [`EXTRACTOR_VERSION`] (never extracted, or extracted by an
//! older extractor). It is durable and resumable: each batch of documents is one transaction
//! that writes what the extractors found and marks those documents extracted with the version
//! (`store::extraction`), so a stage killed at any moment leaves every document either fully
//! extracted and marked or untouched and pending, and the next run goes on from there, never
//! doing a document twice nor skipping one.
//!
//! Threads: a reader with its own read-only connection loads pending documents in id order and
//! deals them in turn to workers (one per core, up to four) that run the pure extractors; this
//! thread takes their results back in the same turn, so documents are written in id order and
//! a resumed stage writes exactly what an uninterrupted one would have (entity resolution
//! depends on the order documents are seen), and it is the only writer.

use std::path::Path;
use std::sync::mpsc::sync_channel;
use std::time::{Duration, Instant};

use rusqlite::{Connection, Transaction};

use crate::analysis::{self, Extraction};
use crate::model::{ExtractionProgress, ExtractionReport, LegalStructure};
use crate::store::entities::ResolveCache;
use crate::store::{self, documents, extraction as state};
use crate::Result;

/// The version of the extractors as a whole. Bump it when an extractor changes what it finds:
/// every document extracted by an older version becomes pending, and the stage extracts it
/// again, replacing only unreviewed proposals (as `reextract` always has).
///
/// 1: the extractors of the builds before the stage (migration 0014 labels their work so).
/// 2: speakers resolved through antecedents and never shown as a pronoun, vague and
///    anaphoric temporal expressions, numbers that are not dates, names without stop words,
///    and surnames resolved across documents (issue 15).
/// 3: quotes split by their attribution joined again, month-and-day dates that follow their
///    clause's tense, "Friday night" as the day, and the other value fixes of session 12's
///    third round (issue 15).
/// 4: the fourth round of temporal expressions: names and capitals that are not dates,
///    market streaks, vague periods, calendar phrases and deadlines (issue 15, session 13).
/// 5: quotes continued across paragraphs and attributions, lowercase quotes after a comma as
///    reports, speakers of coordinated and unlisted verbs, and table cells, companies, places,
///    openers and headlines that are not people (issue 15, session 14).
/// 6: companies quoted by their short name, words glued before names, organisations without
///    the country before them and officers run into their organisation's name; dates anchored
///    to a day named beside them and the fifth round of values; quotes after a party tag
///    (issue 15, session 15).
/// 7: hyphenated surnames, 884 given names and their short forms, departments in either order,
///    unions named by their members; chants and shouts as speech and a longer subject search;
///    the sixth round of dates (days within a month, clock phrases, fiscal periods, no dates in
///    web addresses) (issue 15, session 16).
/// 8: companies, their products and banks in bond notices that were people, roles that say
///    nothing, describing compounds before names; direct quotes after an attribution that opens
///    the sentence, quoted titles and terms that are not speech; sets, durations, times of day,
///    fiscal and crop years and the n-th period of something (issue 15, session 17).
/// 9: a speaker's surname joins the person the document named in full before it; products with
///    versions, clubs and watchdogs are not people; a quote's last paragraph attributed again,
///    fragments that take their own sentence's speaker; times of day in words, "that night",
///    "two years from now", the idiom "at the end of the day" (issue 15, session 18).
/// 10: indirect quotes read from the clause: a speaker with an aside, a title or "of" in the
///    name, "According to X," and parenthetical attributions; companies in angle brackets;
///    "General Motors"; a surname goes to the namesake named last (issue 15, session 19).
/// 11: coordinated cues ("but said"), the listener before "that", a cited document's author;
///    organisations run on over "of", "for" and "and Co" and keep their possessives; "it"
///    and "he" are no organisation or place; quotes split around a colon cue or a quoted
///    term (issue 15, session 20).
/// 12: after a verb of saying other than "said" and "told", only a clause is reported speech
///    ("announced the sanctions", "posted gains", "continued throughout the week" are not);
///    the listener or the time before "that"; "Analysts said" is shown as "analysts"; a
///    surname after an honorific marks the full name; new cues ("revealed", "disclosed"); a
///    second attribution in a sentence is its own quote (issue 15, session 21).
pub const EXTRACTOR_VERSION: i64 = 12;

/// Documents per transaction, at most: a batch usually ends at `BATCH_TIME` first. Each commit
/// writes every page it dirtied to the log (and a checkpoint writes them again), and inserts
/// into big indexes dirty pages all over them, so commits of 64 documents wrote 80 KB per
/// document on the 1M case, 30 times what the case grew by, and the writer waited on the disk
/// while the extracting threads idled (issue 23). A second's worth of documents shares those
/// pages; a kill still loses at most that second.
const BATCH_DOCUMENTS: usize = 2048;

/// A batch also commits once its documents' text passes this many bytes, since it is kept
/// whole until the commit (to be written again one by one if a document fails).
const BATCH_BYTES: usize = 16 << 20;

/// A batch also commits after this long, so a batch of slow documents still shows progress.
const BATCH_TIME: Duration = Duration::from_secs(1);

/// Pending ids the reader asks for at once.
const READ_AHEAD: usize = 256;

/// A pending document, loaded by the reader with what the extractors and `record` need.
struct Pending {
    id: i64,
    title: String,
    text: String,
    published: Option<String>,
    precision: Option<&'static str>,
    span: Option<(i64, i64)>,
    legal: Option<LegalStructure>,
    /// The file it came from (or its title), to name it in a problem.
    source: String,
    /// It has no quotes, mentions or event sources yet (a document never extracted, the
    /// common case), so there is nothing to replace or keep and `record` can skip looking.
    fresh: bool,
}

/// A pending document with what the extractors found in it.
struct Extracted {
    doc: Pending,
    extraction: Extraction,
}

/// What a run of the stage did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    pub report: ExtractionReport,
    /// Problems by the source they concern: an extractor that failed on a document (kept
    /// without those proposals), or a document whose proposals could not be written (left
    /// pending, so the next run tries it again).
    pub problems: Vec<(String, String)>,
    pub cancelled: bool,
}

/// How many threads run the extractors: every core (the writer mostly waits for them), at
/// least one, at most four.
fn extracting_threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
}

/// How many documents are pending: not extracted with `version` or a later one. It first
/// queues the documents an older extractor did, which only the stage knows to be stale.
pub(crate) fn pending_count(conn: &Connection, version: i64) -> Result<usize> {
    state::requeue_older(conn, version)?;
    state::pending_count(conn)
}

fn load(conn: &Connection, id: i64) -> Result<Pending> {
    let doc = documents::get(conn, id)?;
    Ok(Pending {
        id,
        span: documents::published_span(conn, id)?,
        legal: store::pages::legal(conn, id)?,
        fresh: !state::has_rows(conn, id)?,
        source: doc
            .original_path
            .clone()
            .unwrap_or_else(|| doc.summary.title.clone()),
        title: doc.summary.title,
        published: doc.summary.published,
        precision: doc.published_precision.map(|p| p.as_str()),
        text: doc.text,
    })
}

fn extract(doc: Pending) -> Extracted {
    let extraction = analysis::extract(&doc.text, doc.published.as_deref());
    let extraction = analysis::with_legal(extraction, &doc.text, doc.legal.as_ref());
    Extracted { doc, extraction }
}

/// Runs the stage over every document of the case behind `conn` (at `case_path`) not yet
/// extracted with `version`. The caller holds the case's write lock and brings the search
/// index up to date afterwards. `progress` sees every document written; returning `false`
/// from it commits what is written and stops.
pub(crate) fn run(
    conn: &Connection,
    case_path: &Path,
    version: i64,
    progress: &mut dyn FnMut(&ExtractionProgress) -> bool,
) -> Result<Outcome> {
    let total = pending_count(conn, version)?;
    let mut outcome = Outcome::default();
    if total == 0 {
        progress(&ExtractionProgress { done: 0, total });
        return Ok(outcome);
    }
    let threads = extracting_threads();
    // The reader reads through its own connection, so loading the next documents never waits
    // for this thread's writes; WAL lets it see the committed documents meanwhile. Each query
    // is its own short read, so the reader never pins an old snapshot of the case.
    let reader_conn = store::open_read_only(case_path)?;
    std::thread::scope(|scope| -> Result<Outcome> {
        let mut to_workers = Vec::with_capacity(threads);
        let mut from_workers = Vec::with_capacity(threads);
        for _ in 0..threads {
            let (send_in, receive_in) = sync_channel::<Result<Pending>>(8);
            let (send_out, receive_out) = sync_channel::<Result<Extracted>>(8);
            to_workers.push(send_in);
            from_workers.push(receive_out);
            scope.spawn(move || {
                for pending in receive_in {
                    // A closed channel means the stage stopped: stop extracting.
                    if send_out.send(pending.map(extract)).is_err() {
                        break;
                    }
                }
            });
        }
        scope.spawn(move || {
            let mut after = 0;
            let mut turn = 0;
            loop {
                let ids = match state::pending_after(&reader_conn, after, READ_AHEAD) {
                    Ok(ids) if ids.is_empty() => return,
                    Ok(ids) => ids,
                    Err(err) => {
                        let _ = to_workers[turn % threads].send(Err(err));
                        return;
                    }
                };
                for id in ids {
                    after = id;
                    let pending = load(&reader_conn, id);
                    let failed = pending.is_err();
                    if to_workers[turn % threads].send(pending).is_err() || failed {
                        return;
                    }
                    turn += 1;
                }
            }
        });
        // Document i went to worker i % threads, so taking results back in the same turn
        // keeps id order; the first closed channel means the reader is done. The iterator
        // owns the receivers, so leaving the loop early closes them and stops the threads.
        let mut next = 0;
        let in_order = std::iter::from_fn(move || {
            let extracted = from_workers[next % threads].recv().ok();
            next += 1;
            extracted
        });
        write_all(conn, version, total, in_order, progress, &mut outcome)?;
        Ok(outcome)
    })
}

/// The writer: documents in batches, each batch one transaction with the documents' marks.
fn write_all(
    conn: &Connection,
    version: i64,
    total: usize,
    in_order: impl Iterator<Item = Result<Extracted>>,
    progress: &mut dyn FnMut(&ExtractionProgress) -> bool,
    outcome: &mut Outcome,
) -> Result<()> {
    let mut cache = ResolveCache::default();
    let mut tx = conn.unchecked_transaction()?;
    // The documents written in the open transaction, kept to be written again one by one if
    // one of them fails, and the report as it was when the transaction began.
    let mut batch: Vec<Extracted> = Vec::new();
    let mut before = (outcome.report.clone(), outcome.problems.len());
    let mut started = Instant::now();
    let mut batch_bytes = 0;
    for (written, extracted) in in_order.enumerate() {
        let extracted = extracted?;
        batch_bytes += extracted.doc.text.len();
        let mut commit_now = false;
        if write_one(&tx, &extracted, version, &mut cache, outcome).is_err() {
            // Rolling the batch back and writing it again with a savepoint per document
            // leaves out only the document that fails, as the import does with its files.
            let _ = tx.rollback();
            cache.clear();
            outcome.report = before.0.clone();
            outcome.problems.truncate(before.1);
            tx = conn.unchecked_transaction()?;
            batch.push(extracted);
            for extracted in &batch {
                isolated(&tx, extracted, version, &mut cache, outcome)?;
            }
            commit_now = true;
        } else {
            batch.push(extracted);
        }
        let done = written + 1;
        let stop = !progress(&ExtractionProgress { done, total });
        if stop
            || commit_now
            || batch.len() >= BATCH_DOCUMENTS
            || batch_bytes >= BATCH_BYTES
            || started.elapsed() >= BATCH_TIME
        {
            tx.commit()?;
            tx = conn.unchecked_transaction()?;
            batch.clear();
            batch_bytes = 0;
            before = (outcome.report.clone(), outcome.problems.len());
            started = Instant::now();
        }
        if stop {
            outcome.cancelled = true;
            break;
        }
    }
    tx.commit()?;
    Ok(())
}

/// Writes one document's proposals and marks it extracted, in the open transaction.
fn write_one(
    tx: &Transaction<'_>,
    extracted: &Extracted,
    version: i64,
    cache: &mut ResolveCache,
    outcome: &mut Outcome,
) -> Result<()> {
    let doc = &extracted.doc;
    if !extracted.extraction.quotes.is_empty() {
        // Quotes are indexed with their document, which must be indexed again with them.
        store::search_journal::touch(tx, &format!("document:{}", doc.id))?;
    }
    let recorded = analysis::record(
        tx,
        &analysis::DocumentFacts {
            id: doc.id,
            title: &doc.title,
            text: &doc.text,
            published: doc.published.as_deref(),
            published_precision: doc.precision,
            published_span: doc.span,
            // A pending document may hold proposals of an older extractor, and a person may
            // have reviewed some: those are replaced or kept, never added to. The reader looked
            // on its own connection; nothing else writes the case while the stage holds its
            // lock, so what it saw still holds.
            fresh: doc.fresh,
        },
        &extracted.extraction,
        cache,
    )?;
    state::mark(tx, doc.id, version)?;
    let report = &mut outcome.report;
    report.documents += 1;
    report.quotes += recorded.quotes;
    report.mentions += recorded.mentions;
    report.events += recorded.events;
    report.kept_reviewed += recorded.kept_reviewed;
    for problem in recorded.problems {
        report.problems.push(format!("{}: {problem}", doc.source));
        outcome.problems.push((doc.source.clone(), problem));
    }
    Ok(())
}

/// Writes one document inside its own savepoint; one that fails is rolled back alone, stays
/// pending (the next run tries it again, so it is never silently skipped) and is reported.
fn isolated(
    tx: &Transaction<'_>,
    extracted: &Extracted,
    version: i64,
    cache: &mut ResolveCache,
    outcome: &mut Outcome,
) -> Result<()> {
    tx.prepare_cached("SAVEPOINT extract_document")?
        .execute([])?;
    if let Err(err) = write_one(tx, extracted, version, cache, outcome) {
        tx.prepare_cached("ROLLBACK TO extract_document")?
            .execute([])?;
        // The entities the cache remembers may have been rolled back with the savepoint.
        cache.clear();
        let source = &extracted.doc.source;
        let problem = format!(
            "its quotes, entities and dates could not be stored ({}); it stays pending",
            err.message
        );
        outcome.report.problems.push(format!("{source}: {problem}"));
        outcome.problems.push((source.clone(), problem));
    }
    tx.prepare_cached("RELEASE extract_document")?.execute([])?;
    Ok(())
}
