//! The SQL of quote lineage: the quotes with a speaker, with what ordering and listing their
//! appearances need. Lineages are computed when asked (`api::lineage`), never stored, so a
//! reviewed speaker, a rejected quote or a corrected date is taken into account at once.

use rusqlite::Connection;

use crate::lineage::Spoken;
use crate::Result;

/// Quotes with a speaker, not rejected and not scare quotes, of one speaker or all.
pub fn spoken(conn: &Connection, speaker: Option<i64>) -> Result<Vec<Spoken>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.document_id, q.start, q.text, q.speaker_id,
                coalesce(e.name, q.speaker_name), d.title, d.outlet, d.published,
                d.published_earliest
         FROM quotes q
         JOIN documents d ON d.id = q.document_id
         LEFT JOIN entities e ON e.id = q.speaker_id
         WHERE q.speaker_id IS NOT NULL AND q.status <> 'rejected' AND q.kind <> 'scare'
           AND (?1 IS NULL OR q.speaker_id = ?1)
         ORDER BY q.id",
    )?;
    let rows = stmt.query_map([speaker], |r| {
        Ok(Spoken {
            id: r.get(0)?,
            doc_id: r.get(1)?,
            start: r.get(2)?,
            text: r.get(3)?,
            speaker_id: r.get(4)?,
            speaker: r.get(5)?,
            doc_title: r.get(6)?,
            outlet: r.get(7)?,
            published: r.get(8)?,
            published_at: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A quote's speaker, if it has one; `None` inside when it has none, not found when the quote
/// does not exist.
pub fn speaker_of(conn: &Connection, quote: i64) -> Result<Option<Option<i64>>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .prepare_cached("SELECT speaker_id FROM quotes WHERE id = ?1")?
        .query_row([quote], |r| r.get::<_, Option<i64>>(0))
        .optional()?)
}
