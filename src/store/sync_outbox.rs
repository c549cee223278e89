//! A team case's outbox (migrations 0016 and 0024): the units the triggers noted, and what
//! each goes up as once a push has prepared it. Preparing is its own local transaction,
//! committed before the server sees anything, so that a change's id and content are decided
//! once: a sync killed after the server committed sends the very same change again, which the
//! server keeps once. Building the payload twice could not promise that, since building it
//! decides things (a note's uid, a review's time) that a rolled-back transaction forgets.

use rusqlite::{params, Connection, OptionalExtension};

use super::sync_journal::outgoing;
use crate::Result;

/// A row of the outbox.
pub struct Pending {
    pub seq: i64,
    pub unit: String,
    pub detail: Option<String>,
}

/// A prepared row: the change exactly as the server gets it.
pub struct Prepared {
    pub seq: i64,
    pub change_id: String,
    pub kind: String,
    pub payload: String,
    /// A document's original, read from the case when the change is sent.
    pub original: Option<(String, Vec<u8>)>,
}

/// Changes waiting to be sent. Audit log entries are left out of the count: each records a
/// change already counted, and goes up with it.
pub fn outbox_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sync_outbox WHERE unit NOT LIKE 'audit:%'",
        [],
        |r| r.get(0),
    )?)
}

pub fn outbox_last(conn: &Connection) -> Result<i64> {
    Ok(
        conn.query_row("SELECT coalesce(max(seq), 0) FROM sync_outbox", [], |r| {
            r.get(0)
        })?,
    )
}

/// Gives the oldest `limit` rows not prepared yet their change id (`<member>-<seq>`, the
/// sequence being AUTOINCREMENT and so never given twice) and their payload, read from the
/// unit's state now; a unit that no longer exists leaves the outbox. Returns how many rows
/// were looked at. The caller commits before pushing.
pub fn prepare(conn: &Connection, member: &str, author: &str, limit: usize) -> Result<usize> {
    let pending: Vec<Pending> = conn
        .prepare_cached(
            "SELECT seq, unit, detail FROM sync_outbox WHERE change_id IS NULL
             ORDER BY seq LIMIT ?1",
        )?
        .query_map([limit as i64], |r| {
            Ok(Pending {
                seq: r.get(0)?,
                unit: r.get(1)?,
                detail: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for p in &pending {
        let change_id = format!("{member}-{}", p.seq);
        match outgoing(conn, p, &change_id, author)? {
            Some(out) => {
                conn.prepare_cached(
                    "UPDATE sync_outbox SET change_id = ?2, kind = ?3, payload = ?4, original = ?5
                     WHERE seq = ?1",
                )?
                .execute(params![
                    p.seq,
                    change_id,
                    out.kind,
                    out.payload.to_string(),
                    out.original
                ])?;
            }
            None => {
                conn.execute("DELETE FROM sync_outbox WHERE seq = ?1", [p.seq])?;
            }
        }
    }
    Ok(pending.len())
}

/// The oldest prepared rows, up to `limit` of them and to about `max_bytes` of originals.
/// A document whose original is no longer anywhere in the case (purged since it was
/// prepared) comes without one; the caller skips it, as nobody else had it.
pub fn prepared(conn: &Connection, limit: usize, max_bytes: usize) -> Result<Vec<Prepared>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, change_id, kind, payload, original FROM sync_outbox
         WHERE change_id IS NOT NULL ORDER BY seq LIMIT ?1",
    )?;
    let rows: Vec<(i64, String, String, String, Option<String>)> = stmt
        .query_map([limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    let mut bytes = 0;
    for (seq, change_id, kind, payload, sha256) in rows {
        if bytes > max_bytes {
            break;
        }
        let original = match sha256 {
            Some(sha256) => original_of(conn, &sha256)?.map(|b| {
                bytes += b.len();
                (sha256, b)
            }),
            None => None,
        };
        out.push(Prepared {
            seq,
            change_id,
            kind,
            payload,
            original,
        });
    }
    Ok(out)
}

/// A document's original bytes by SHA-256, live or in the trash.
fn original_of(conn: &Connection, sha256: &str) -> Result<Option<Vec<u8>>> {
    let live = conn
        .prepare_cached(
            "SELECT c.original FROM document_contents c JOIN documents d ON d.id = c.document_id
             WHERE d.sha256 = ?1",
        )?
        .query_row([sha256], |r| r.get(0))
        .optional()?;
    if live.is_some() {
        return Ok(live);
    }
    Ok(conn
        .prepare_cached(
            "SELECT c.original FROM trash_document_contents c
             JOIN trash_documents d ON d.id = c.document_id WHERE d.sha256 = ?1",
        )?
        .query_row([sha256], |r| r.get(0))
        .optional()?)
}

/// Forgets the prepared rows pushed, up to and including `seq`.
pub fn outbox_done(conn: &Connection, seq: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM sync_outbox WHERE seq <= ?1 AND change_id IS NOT NULL",
        [seq],
    )?;
    Ok(())
}

/// Forgets what the triggers recorded while pulled changes were applied: those came from the
/// server and must not go back to it as this member's.
pub fn outbox_forget_after(conn: &Connection, seq: i64) -> Result<()> {
    conn.execute("DELETE FROM sync_outbox WHERE seq > ?1", [seq])?;
    Ok(())
}

/// Puts every unit of the case in the outbox, for `publish`: documents in id order, reviewed
/// quotes, every note version, saved searches, merges not undone and the audit log.
pub fn enqueue_everything(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT INTO sync_outbox (unit) SELECT 'document:' || id FROM documents ORDER BY id;
         INSERT INTO sync_outbox (unit)
             SELECT 'quote:' || id FROM quotes WHERE status <> 'auto' ORDER BY id;
         INSERT INTO sync_outbox (unit)
             SELECT 'event:' || id FROM events WHERE status <> 'auto' ORDER BY id;
         INSERT INTO sync_outbox (unit)
             SELECT 'note_version:' || v.note_id || ':' || v.version
             FROM note_versions v JOIN notes n ON n.id = v.note_id
             WHERE n.deleted_at IS NULL ORDER BY v.note_id, v.version;
         INSERT INTO sync_outbox (unit) SELECT 'saved_search:' || name FROM saved_searches;
         INSERT INTO sync_outbox (unit)
             SELECT 'entity_merge:' || id FROM entity_merges WHERE undone = 0 ORDER BY id;
         INSERT INTO sync_outbox (unit) SELECT 'audit:' || id FROM audit_log ORDER BY id;",
    )?;
    Ok(())
}
