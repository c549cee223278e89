//! What `verify` and `repair` read and write beyond the originals: the normalized texts with
//! their checksums (migration 0009), note versions with theirs, and the spans quotes and
//! events were cut from. Kept apart from the tables' own modules because it reads across them
//! the way only an integrity check should.

use rusqlite::{params, Connection};

use crate::Result;

/// A document's stored text with the checksum recorded when it was written.
pub struct StoredText {
    pub id: i64,
    pub text: String,
    pub text_sha256: Option<String>,
}

/// Visits every document's text with its recorded checksum, in id order.
pub fn for_each_text(conn: &Connection, mut visit: impl FnMut(StoredText)) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT document_id, text, text_sha256 FROM document_contents ORDER BY document_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        visit(StoredText {
            id: row.get(0)?,
            text: row.get(1)?,
            text_sha256: row.get(2)?,
        });
    }
    Ok(())
}

/// What repair needs of one document: its original bytes, where it came from (the file name
/// decides between plain text and Markdown), its format and the recorded checksums.
pub struct RepairSource {
    pub original: Vec<u8>,
    pub original_sha256: String,
    pub original_path: Option<String>,
    pub format: String,
    pub text_sha256: Option<String>,
}

pub fn repair_source(conn: &Connection, id: i64) -> Result<RepairSource> {
    Ok(conn.query_row(
        "SELECT c.original, d.sha256, d.original_path, d.format, c.text_sha256
         FROM documents d JOIN document_contents c ON c.document_id = d.id WHERE d.id = ?1",
        [id],
        |r| {
            Ok(RepairSource {
                original: r.get(0)?,
                original_sha256: r.get(1)?,
                original_path: r.get(2)?,
                format: r.get(3)?,
                text_sha256: r.get(4)?,
            })
        },
    )?)
}

/// Puts back a document's text re-derived from its original (and its checksum, which a
/// repair writes only when it is the one damaged). The journal row makes the search index
/// re-read the document, as the triggers do for every other change to it.
pub fn restore_text(conn: &Connection, id: i64, text: &str, text_sha256: &str) -> Result<()> {
    conn.execute(
        "UPDATE document_contents SET text = ?2, text_sha256 = ?3 WHERE document_id = ?1",
        params![id, text, text_sha256],
    )?;
    conn.execute(
        "INSERT INTO search_journal (unit) VALUES ('document:' || ?1)",
        [id],
    )?;
    Ok(())
}

/// A saved note version with its recorded checksum, and whether it is the note's current
/// version (whose text `notes` repeats).
pub struct StoredVersion {
    pub note_id: i64,
    pub version: i64,
    pub text: String,
    pub text_sha256: Option<String>,
    /// The text `notes` holds, for the current version only.
    pub current_text: Option<String>,
}

pub fn for_each_note_version(
    conn: &Connection,
    mut visit: impl FnMut(StoredVersion),
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT v.note_id, v.version, v.text, v.text_sha256,
                CASE WHEN n.version = v.version THEN n.text END
         FROM note_versions v JOIN notes n ON n.id = v.note_id
         ORDER BY v.note_id, v.version",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        visit(StoredVersion {
            note_id: row.get(0)?,
            version: row.get(1)?,
            text: row.get(2)?,
            text_sha256: row.get(3)?,
            current_text: row.get(4)?,
        });
    }
    Ok(())
}

/// A quote with the spans of its document's text it was cut from (JSON `[[start, end], …]`).
pub struct StoredQuote {
    pub id: i64,
    pub document_id: i64,
    pub text: String,
    pub spans: String,
}

/// Every quote, grouped by document so that each document's text is read once.
pub fn for_each_quote(conn: &Connection, mut visit: impl FnMut(StoredQuote)) -> Result<()> {
    let mut stmt =
        conn.prepare("SELECT id, document_id, text, spans FROM quotes ORDER BY document_id, id")?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        visit(StoredQuote {
            id: row.get(0)?,
            document_id: row.get(1)?,
            text: row.get(2)?,
            spans: row.get(3)?,
        });
    }
    Ok(())
}

/// Where an event is reported: the sentence and the date expression it was read from, and
/// the event's own description when it is an extracted one nobody has edited (which is then
/// one of its sources' sentences).
pub struct StoredEventSource {
    pub event_id: i64,
    pub document_id: i64,
    pub sentence: (i64, i64),
    pub date: Option<(String, i64, i64)>,
    pub extracted_description: Option<String>,
}

pub fn for_each_event_source(
    conn: &Connection,
    mut visit: impl FnMut(StoredEventSource),
) -> Result<()> {
    let mut stmt = conn.prepare(
        "SELECT s.event_id, s.document_id, s.start, s.end, s.date_text, s.date_start,
                s.date_end,
                CASE WHEN e.kind = 'extracted' AND e.status != 'edited' THEN e.description END
         FROM event_sources s JOIN events e ON e.id = s.event_id
         ORDER BY s.document_id, s.event_id",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let date_text: Option<String> = row.get(4)?;
        let date_start: Option<i64> = row.get(5)?;
        let date_end: Option<i64> = row.get(6)?;
        visit(StoredEventSource {
            event_id: row.get(0)?,
            document_id: row.get(1)?,
            sentence: (row.get(2)?, row.get(3)?),
            date: match (date_text, date_start, date_end) {
                (Some(text), Some(start), Some(end)) => Some((text, start, end)),
                _ => None,
            },
            extracted_description: row.get(7)?,
        });
    }
    Ok(())
}

/// The tables triggers keep in step with others (migrations 0023, 0026, 0029, 0031 and 0032), each with the
/// statement counting the keys on which it disagrees with the rows it is kept from: an extra
/// row, a missing one or a wrong count. A pending queue may hold documents an older extractor did
/// (the stage queues those itself), but never one done with `extractor_version`.
pub fn kept_tables_disagreeing(
    conn: &Connection,
    extractor_version: i64,
) -> Result<Vec<(&'static str, i64)>> {
    const CHECKS: [(&str, &str); 7] = [
        (
            "quote_tallies",
            "WITH kept AS (SELECT status, kind, n FROM quote_tallies WHERE n <> 0),
                  counted AS (SELECT status, kind, count(*) AS n FROM quotes GROUP BY 1, 2)
             SELECT count(*) FROM (
                 SELECT status, kind FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted)
                 UNION SELECT status, kind FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept))",
        ),
        (
            "quote_day_tallies",
            "WITH kept AS (SELECT undated, day, status, kind, n FROM quote_day_tallies
                           WHERE n <> 0),
                  counted AS (SELECT d.published_earliest IS NULL AS undated,
                                     coalesce((d.published_earliest
                                               - ((d.published_earliest % 86400) + 86400) % 86400)
                                              / 86400, 0) AS day,
                                     q.status, q.kind, count(*) AS n
                              FROM quotes q JOIN documents d ON d.id = q.document_id
                              GROUP BY 1, 2, 3, 4)
             SELECT count(*) FROM (
                 SELECT undated, day, status, kind
                 FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted)
                 UNION SELECT undated, day, status, kind
                 FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept))",
        ),
        (
            "entity_tallies",
            "WITH kept AS (SELECT entity_id, quotes, mentions, documents FROM entity_tallies
                           WHERE quotes <> 0 OR mentions <> 0 OR documents <> 0),
                  counted AS (SELECT id AS entity_id, sum(q) AS quotes, sum(m) AS mentions,
                                     sum(d) AS documents FROM (
                      SELECT speaker_id AS id, 1 AS q, 0 AS m, 0 AS d FROM quotes
                      WHERE speaker_id IS NOT NULL AND status <> 'rejected'
                      UNION ALL SELECT entity_id, 0, count(*), count(DISTINCT document_id)
                      FROM mentions GROUP BY entity_id) GROUP BY id)
             SELECT count(*) FROM (
                 SELECT entity_id FROM (SELECT * FROM kept EXCEPT SELECT * FROM counted)
                 UNION SELECT entity_id FROM (SELECT * FROM counted EXCEPT SELECT * FROM kept))",
        ),
        (
            "outlet_tallies",
            "WITH counted AS (SELECT outlet, count(*) AS n FROM documents
                              WHERE outlet IS NOT NULL AND outlet <> '' GROUP BY outlet)
             SELECT count(*) FROM (
                 SELECT outlet FROM (SELECT * FROM outlet_tallies EXCEPT SELECT * FROM counted)
                 UNION SELECT outlet FROM (SELECT * FROM counted EXCEPT SELECT * FROM outlet_tallies))",
        ),
        (
            "extraction_pending",
            "SELECT (SELECT count(*) FROM documents d
                     WHERE NOT EXISTS (SELECT 1 FROM document_extraction e WHERE e.document_id = d.id)
                       AND NOT EXISTS (SELECT 1 FROM extraction_pending p WHERE p.document_id = d.id))
                  + (SELECT count(*) FROM extraction_pending p
                     WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.document_id)
                        OR EXISTS (SELECT 1 FROM document_extraction e
                                   WHERE e.document_id = p.document_id AND e.version >= ?1))",
        ),
        (
            "documents.later_copy",
            "SELECT count(*) FROM documents d
             WHERE d.later_copy <> EXISTS (SELECT 1 FROM later_copies_now WHERE id = d.id)",
        ),
        (
            "grouping_pending",
            "SELECT (SELECT count(*) FROM documents d
                     WHERE NOT EXISTS (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id)
                       AND NOT EXISTS (SELECT 1 FROM grouping_pending p WHERE p.document_id = d.id))
                  + (SELECT count(*) FROM grouping_pending p
                     WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = p.document_id)
                        OR EXISTS (SELECT 1 FROM document_signatures s
                                   WHERE s.document_id = p.document_id))",
        ),
    ];
    let mut disagreeing = Vec::new();
    for (table, sql) in CHECKS {
        let mut stmt = conn.prepare(sql)?;
        let n: i64 = if stmt.parameter_count() == 1 {
            stmt.query_row([extractor_version], |r| r.get(0))?
        } else {
            stmt.query_row([], |r| r.get(0))?
        };
        if n != 0 {
            disagreeing.push((table, n));
        }
    }
    Ok(disagreeing)
}
