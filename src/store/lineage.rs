//! The SQL of quote lineage: the quotes with a speaker, with what ordering and listing their
//! appearances need. Lineages are computed when asked (`api::lineage`), never stored, so a
//! reviewed speaker, a rejected quote or a corrected date is taken into account at once.

use rusqlite::Connection;

use crate::lineage::Spoken;
use crate::Result;

/// Quotes with a speaker, not rejected and not scare quotes: all of them, or those whose
/// speaker's name ends with `surname` (lower case; a pre-filter, `lineage` compares exactly).
pub fn spoken(conn: &Connection, surname: Option<&str>) -> Result<Vec<Spoken>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, q.document_id, q.start, q.text, q.speaker_id,
                coalesce(e.name, q.speaker_name), d.title, d.outlet, d.published,
                d.published_earliest, q.spans
         FROM quotes q
         JOIN documents d ON d.id = q.document_id
         LEFT JOIN entities e ON e.id = q.speaker_id
         WHERE q.speaker_id IS NOT NULL AND q.status <> 'rejected' AND q.kind <> 'scare'
           AND (?1 IS NULL OR lower(coalesce(e.name, q.speaker_name)) LIKE '%' || ?1)
         ORDER BY q.id",
    )?;
    let rows = stmt.query_map([surname], |r| {
        Ok(Spoken {
            id: r.get(0)?,
            doc_id: r.get(1)?,
            start: r.get(2)?,
            text: quoted_words(r.get(3)?, r.get(2)?, &r.get::<_, String>(10)?),
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

/// The words a quote quotes: its text, or, for a quote interrupted by its attribution
/// (`"…," she said, "…"`), its pieces joined by an ellipsis, so that who is named as saying it
/// is never compared as the quote's words.
fn quoted_words(text: String, start: i64, spans: &str) -> String {
    let spans: Vec<[i64; 2]> = serde_json::from_str(spans).unwrap_or_default();
    if spans.len() < 2 {
        return text;
    }
    let chars: Vec<char> = text.chars().collect();
    let pieces: Vec<String> = spans
        .iter()
        .filter_map(|&[s, e]| {
            let (s, e) = ((s - start).max(0) as usize, (e - start).max(0) as usize);
            (s < e && e <= chars.len()).then(|| chars[s..e].iter().collect::<String>())
        })
        .collect();
    if pieces.is_empty() {
        text
    } else {
        pieces.join(" … ")
    }
}

/// The surname of a quote's speaker (folded), if it has a speaker; `None` inside when it has
/// none, `None` outside when the quote does not exist.
pub fn speaker_of(conn: &Connection, quote: i64) -> Result<Option<Option<String>>> {
    use rusqlite::OptionalExtension;
    let found = conn
        .prepare_cached(
            "SELECT q.speaker_id, coalesce(e.name, q.speaker_name) FROM quotes q
             LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?1",
        )?
        .query_row([quote], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<String>>(1)?))
        })
        .optional()?;
    Ok(found.map(|(id, name)| {
        id.and(name)
            .map(|n| crate::lineage::surname(&n))
            .filter(|s| !s.is_empty())
    }))
}
