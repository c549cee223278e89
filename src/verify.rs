//! `verify`: proof that a case file is intact. SQLite checks its own structure; every original
//! is hashed again and compared with the SHA-256 recorded when it was imported; every
//! normalized text and every note version is compared with the checksum recorded when it was
//! written (migration 0009); and the quotes and event sentences cut from a text are compared
//! with the text they cite, and the audit log's hash chain is walked (`crate::audit`). `repair`
//! re-derives a damaged text from its original.

use std::collections::HashMap;

use rusqlite::Connection;

use crate::digest::sha256_hex;
use crate::model::{RepairReport, StepProgress, VerifyReport};
use crate::store::{self, documents, integrity};

/// Items between two progress reports: often enough for a bar to move smoothly, rarely enough
/// to cost nothing.
const REPORT_EVERY: u64 = 1_000;

/// Counts a step's items and reports every `REPORT_EVERY` of them.
struct Step<'a> {
    step: &'static str,
    done: u64,
    total: u64,
    progress: &'a mut dyn FnMut(&StepProgress),
}

impl<'a> Step<'a> {
    fn start(
        step: &'static str,
        total: u64,
        progress: &'a mut dyn FnMut(&StepProgress),
    ) -> Step<'a> {
        progress(&StepProgress {
            step,
            done: 0,
            total,
        });
        Step {
            step,
            done: 0,
            total,
            progress,
        }
    }

    fn tick(&mut self) {
        self.done += 1;
        if self.done.is_multiple_of(REPORT_EVERY) {
            (self.progress)(&StepProgress {
                step: self.step,
                done: self.done,
                total: self.total.max(self.done),
            });
        }
    }
}

/// How many rows `table` has, for a step's total; a table that cannot be counted reports 0.
fn count(conn: &Connection, table: &str) -> u64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
        r.get::<_, i64>(0)
    })
    .map_or(0, |n| n.max(0) as u64)
}
use crate::Result;

/// Checks everything `verify` checks, telling `progress` which step it is on and how far.
pub fn verify(conn: &Connection, progress: &mut dyn FnMut(&StepProgress)) -> Result<VerifyReport> {
    let mut report = VerifyReport::default();
    Step::start("checking the file's structure", 0, progress);
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let messages: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    report.integrity = messages.join("; ");
    if report.integrity != "ok" {
        report.problems.push(format!(
            "database integrity check failed: {}",
            report.integrity
        ));
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let orphans = stmt.query_map([], |row| row.get::<_, String>(0))?.count();
    if orphans > 0 {
        report
            .problems
            .push(format!("{orphans} rows refer to records that do not exist"));
    }
    let mut step = Step::start(
        "re-hashing the originals",
        count(conn, "documents"),
        progress,
    );
    report.documents_checked = documents::for_each_original(conn, |id, recorded, original| {
        step.tick();
        match original {
            None => report
                .problems
                .push(format!("document {id}: its original bytes are missing")),
            Some(bytes) => {
                let actual = sha256_hex(bytes);
                if actual != recorded {
                    report.problems.push(format!(
                        "document {id}: original bytes hash to {actual}, but {recorded} was \
                         recorded at import"
                    ));
                }
            }
        }
    })?;
    let mut step = Step::start("checking the texts", count(conn, "documents"), progress);
    check_texts(conn, &mut report, &mut step)?;
    let mut step = Step::start("checking the notes", count(conn, "note_versions"), progress);
    check_notes(conn, &mut report, &mut step)?;
    let mut step = Step::start("checking the quotes", count(conn, "quotes"), progress);
    check_quotes(conn, &mut report, &mut step)?;
    let mut step = Step::start(
        "checking the events",
        count(conn, "event_sources"),
        progress,
    );
    check_events(conn, &mut report, &mut step)?;
    let audit = store::audit::check(conn)?;
    report.audit_entries = audit.entries;
    report.audit_first_broken = audit.first_broken;
    report.problems.extend(audit.problem);
    Ok(report)
}

fn check_texts(conn: &Connection, report: &mut VerifyReport, step: &mut Step) -> Result<()> {
    integrity::for_each_text(conn, |stored| {
        step.tick();
        let actual = sha256_hex(stored.text.as_bytes());
        match stored.text_sha256 {
            Some(recorded) if recorded == actual => {}
            Some(_) => {
                report.problems.push(format!(
                    "document {}: its normalized text has changed since it was imported (it no \
                     longer matches its checksum); `dossier verify --repair` re-derives it \
                     from the original",
                    stored.id
                ));
                report.damaged_documents.push(stored.id);
            }
            None => report.problems.push(format!(
                "document {}: its normalized text has no checksum",
                stored.id
            )),
        }
    })
}

fn check_notes(conn: &Connection, report: &mut VerifyReport, step: &mut Step) -> Result<()> {
    integrity::for_each_note_version(conn, |v| {
        step.tick();
        let (note, version) = (v.note_id, v.version);
        if v.text_sha256.as_deref() != Some(sha256_hex(v.text.as_bytes()).as_str()) {
            report.problems.push(format!(
                "note n{note} version {version}: its text has changed since it was saved (it no \
                 longer matches its checksum); restore another version with `dossier note \
                 restore {note} VERSION`"
            ));
        }
        if v.current_text.is_some_and(|current| current != v.text) {
            report.problems.push(format!(
                "note n{note}: its current text differs from its saved version {version}; \
                 `dossier note restore {note} {version}` brings the saved one back"
            ));
        }
    })
}

/// A document's text with the byte offset of every character, so that the character spans
/// quotes and events store can be cut from it.
struct CharText {
    id: i64,
    text: String,
    bytes_at: Vec<usize>,
}

impl CharText {
    fn load(conn: &Connection, id: i64) -> Option<CharText> {
        let text = documents::get(conn, id).ok()?.text;
        let mut bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bytes_at.push(text.len());
        Some(CharText { id, text, bytes_at })
    }

    fn span(&self, start: i64, end: i64) -> Option<&str> {
        let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
        if start > end {
            return None;
        }
        Some(&self.text[*self.bytes_at.get(start)?..*self.bytes_at.get(end)?])
    }
}

/// Keeps the text of the document being checked; rows come grouped by document.
fn text_of<'a>(conn: &Connection, slot: &'a mut Option<CharText>, id: i64) -> Option<&'a CharText> {
    if slot.as_ref().is_none_or(|t| t.id != id) {
        *slot = CharText::load(conn, id);
    }
    slot.as_ref()
}

fn check_quotes(conn: &Connection, report: &mut VerifyReport, step: &mut Step) -> Result<()> {
    let mut current = None;
    integrity::for_each_quote(conn, |quote| {
        step.tick();
        let Some(doc) = text_of(conn, &mut current, quote.document_id) else {
            return;
        };
        // A quote's text is its pieces joined as the extractor joins them: by an ellipsis where
        // a cue splits it ("…," he said, "…"), by a paragraph break where it runs on into the
        // next paragraph.
        let spans: Vec<[i64; 2]> = serde_json::from_str(&quote.spans).unwrap_or_default();
        let mut rebuilt = Some(String::new());
        for (k, piece) in spans.iter().enumerate() {
            let words = doc.span(piece[0], piece[1]);
            let gap = (k > 0).then(|| doc.span(spans[k - 1][1], piece[0]));
            rebuilt = match (rebuilt, words, gap) {
                (Some(mut text), Some(words), None) => {
                    text.push_str(words);
                    Some(text)
                }
                (Some(mut text), Some(words), Some(Some(gap))) => {
                    text.push_str(crate::quotes::piece_joiner(gap.chars()));
                    text.push_str(words);
                    Some(text)
                }
                _ => None,
            };
        }
        if rebuilt.is_none_or(|text| text != quote.text) {
            report.problems.push(format!(
                "quote q{}: its text is not the words of document {} it was cut from",
                quote.id, quote.document_id
            ));
        }
    })
}

fn check_events(conn: &Connection, report: &mut VerifyReport, step: &mut Step) -> Result<()> {
    let mut current = None;
    // Whether an extracted event's description is the sentence of one of its sources (a
    // merged event has several and keeps one of their sentences).
    let mut described: HashMap<i64, bool> = HashMap::new();
    integrity::for_each_event_source(conn, |source| {
        step.tick();
        let Some(doc) = text_of(conn, &mut current, source.document_id) else {
            return;
        };
        if let Some((date_text, start, end)) = &source.date {
            if doc.span(*start, *end) != Some(date_text.as_str()) {
                report.problems.push(format!(
                    "event e{}: the date \"{date_text}\" is not the words of document {} it \
                     was read from",
                    source.event_id, source.document_id
                ));
            }
        }
        if let Some(description) = &source.extracted_description {
            let found = doc.span(source.sentence.0, source.sentence.1) == Some(description);
            *described.entry(source.event_id).or_default() |= found;
        }
    })?;
    let mut undescribed: Vec<i64> = described
        .into_iter()
        .filter(|(_, found)| !found)
        .map(|(id, _)| id)
        .collect();
    undescribed.sort_unstable();
    for id in undescribed {
        report.problems.push(format!(
            "event e{id}: its description is not the sentence of any document it was read from"
        ));
    }
    Ok(())
}

/// Re-derives every damaged document's normalized text from its original: the original's
/// SHA-256 must still match the one recorded at import, and the text it normalizes to must
/// hash to the checksum recorded for the text, so a repair writes back exactly what was
/// imported and nothing else. A document that cannot be proved so is left as it is, with the
/// reason.
pub fn repair(conn: &Connection) -> Result<RepairReport> {
    let mut report = RepairReport::default();
    for id in verify(conn, &mut |_| {})?.damaged_documents {
        match repair_document(conn, id)? {
            Ok(()) => report.repaired.push(id),
            Err(why) => report
                .not_repaired
                .push(format!("document {id}: cannot repair: {why}")),
        }
    }
    Ok(report)
}

fn repair_document(conn: &Connection, id: i64) -> Result<std::result::Result<(), String>> {
    let source = integrity::repair_source(conn, id)?;
    if sha256_hex(&source.original) != source.original_sha256 {
        return Ok(Err(
            "its original bytes are damaged too, so there is nothing to re-derive the text \
             from; import the source file again into a new case"
                .into(),
        ));
    }
    let Some(recorded) = source.text_sha256 else {
        return Ok(Err("no checksum of its text was recorded".into()));
    };
    // The file name decides between plain text and Markdown where the content cannot; the
    // format recorded at import stands in for a name that was not kept.
    let name = source
        .original_path
        .as_deref()
        .and_then(|p| std::path::Path::new(p).file_name())
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            let ext = match source.format.as_str() {
                "markdown" => "md",
                "html" => "html",
                "email" => "eml",
                "pdf" => "pdf",
                _ => "txt",
            };
            std::path::PathBuf::from(format!("document.{ext}"))
        });
    let parsed = match crate::import::parse_file(&name, source.original) {
        Ok(parsed) => parsed,
        Err(err) => {
            return Ok(Err(format!(
                "its original no longer parses: {}",
                err.message
            )))
        }
    };
    let text = parsed
        .documents
        .into_iter()
        .flatten()
        .map(|doc| doc.text)
        .find(|text| sha256_hex(text.as_bytes()) == recorded);
    match text {
        Some(text) => {
            integrity::restore_text(conn, id, &text, &recorded)?;
            Ok(Ok(()))
        }
        None => Ok(Err(
            "normalizing its original again does not give the text it was imported with \
             (a different version of Dossier normalized it)"
                .into(),
        )),
    }
}
