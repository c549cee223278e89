//! Applying another member's changes to the local case file, and what stays of the
//! disagreements: review decisions settle on the later one with the rest kept as the quote's
//! history, and a note changed by two members apart keeps both versions and a conflict row.
//! Every function here is idempotent, because a sync killed half-way applies the same changes
//! again.

use rusqlite::{params, Connection, OptionalExtension};
use serde_json::Value;

use super::sync_journal::{record_review, Incoming};
use crate::Result;

/// What applying a batch of changes found worth telling.
#[derive(Debug, Default)]
pub struct Applied {
    pub changes: usize,
    /// "note 'Timeline': Bob's version and yours were saved apart; both are kept".
    pub conflicts: Vec<String>,
}

/// Applies one pulled change (documents were stored when pulled).
pub fn apply(conn: &Connection, change: &Incoming, applied: &mut Applied) -> Result<()> {
    let p = &change.payload;
    match change.unit.as_str() {
        "quote_review" => {
            let target = p["target"].as_str().unwrap_or_default();
            let status = p["status"].as_str().unwrap_or_default();
            let at = p["at"].as_str().unwrap_or(&change.at);
            record_review(conn, &change.change_id, target, status, &change.author, at)?;
            settle_review(conn, target)?;
        }
        "note_version" => note_version(conn, change, applied)?,
        "saved_search" => saved_search(conn, p)?,
        "entity_merge" => {
            let into = entity_named(conn, p["into"].as_str().unwrap_or_default())?;
            let from = entity_named(conn, p["from"].as_str().unwrap_or_default())?;
            if let (Some(into), Some(from)) = (into, from) {
                if into != from {
                    let merge = super::entities::merge(conn, into, from)?;
                    super::authorship::merged_by(conn, merge, &change.author, &change.at)?;
                }
            }
        }
        "entity_rename" => {
            let to = p["to"].as_str().unwrap_or_default();
            if let Some(id) = entity_named(conn, p["from"].as_str().unwrap_or_default())? {
                if entity_named(conn, to)?.is_none() {
                    super::entities::rename(conn, id, to)?;
                }
            }
        }
        "document_delete" => {
            let sha256 = p["sha256"].as_str().unwrap_or_default();
            if let Some(id) = super::documents::find_by_sha256(conn, sha256)? {
                super::trash::trash(conn, id)?;
            }
        }
        "document_restore" => {
            let sha256 = p["sha256"].as_str().unwrap_or_default();
            let trashed: Option<i64> = conn
                .prepare_cached(
                    "SELECT t.id FROM trash_documents t
                     JOIN trashed_documents d ON d.document_id = t.id
                     WHERE t.sha256 = ?1 AND d.purged_at IS NULL",
                )?
                .query_row([sha256], |r| r.get(0))
                .optional()?;
            if let Some(id) = trashed {
                super::trash::restore(conn, id)?;
            }
        }
        "quote_edit" => quote_edit(conn, p)?,
        // A kind from a newer member is left alone rather than refused.
        _ => {}
    }
    applied.changes += 1;
    Ok(())
}

/// Moves a quote from the span it had to the corrected one, with its words, role and
/// speaker; a quote already moved (the change applied before) or never found is left alone.
fn quote_edit(conn: &Connection, p: &Value) -> Result<()> {
    let sha256 = p["sha256"].as_str().unwrap_or_default();
    let at = |v: &Value, i: usize| v[i].as_i64().unwrap_or(-1);
    let speaker = p["speaker"].as_str();
    let speaker_id = match speaker {
        Some(name) => entity_named(conn, name)?,
        None => None,
    };
    conn.prepare_cached(
        "UPDATE quotes SET start = ?4, end = ?5, text = ?6, spans = coalesce(?7, spans),
             role = ?8, speaker_name = coalesce(?9, speaker_name),
             speaker_id = coalesce(?10, speaker_id)
         WHERE document_id = (SELECT id FROM documents WHERE sha256 = ?1)
           AND start = ?2 AND end = ?3",
    )?
    .execute(params![
        sha256,
        at(&p["from"], 0),
        at(&p["from"], 1),
        at(&p["to"], 0),
        at(&p["to"], 1),
        p["text"].as_str().unwrap_or_default(),
        p["spans"].as_str(),
        p["role"].as_str(),
        speaker,
        speaker_id
    ])?;
    Ok(())
}

fn entity_named(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM entities WHERE name = ?1 ORDER BY id LIMIT 1")?
        .query_row([name], |r| r.get(0))
        .optional()?)
}

/// Sets a quote's or an event's status to its latest decision: the latest time, then the
/// author's name and the change id breaking ties, so every member settles on the same one
/// whatever order the decisions arrived in.
pub fn settle_review(conn: &Connection, target: &str) -> Result<()> {
    let winner: Option<(String, String)> = conn
        .prepare_cached(
            "SELECT status, at FROM sync_reviews WHERE target = ?1
             ORDER BY at DESC, author DESC, change_id DESC LIMIT 1",
        )?
        .query_row([target], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let Some((status, at)) = winner else {
        return Ok(());
    };
    let parts: Vec<&str> = target.splitn(5, ':').collect();
    match parts.as_slice() {
        ["quote", sha256, start, end] => {
            conn.prepare_cached(
                "UPDATE quotes SET status = ?4, reviewed_at = ?5
                 WHERE document_id = (SELECT id FROM documents WHERE sha256 = ?1)
                   AND start = ?2 AND end = ?3 AND (status <> ?4 OR reviewed_at IS NOT ?5)",
            )?
            .execute(params![sha256, start, end, status, at])?;
        }
        ["event", sha256, start, end, value] => {
            conn.prepare_cached(
                "UPDATE events SET status = ?5, reviewed_at = ?6
                 WHERE id IN (SELECT s.event_id FROM event_sources s
                              JOIN documents d ON d.id = s.document_id
                              WHERE d.sha256 = ?1 AND s.start = ?2 AND s.end = ?3
                                AND s.value = ?4)
                   AND (status <> ?5 OR reviewed_at IS NOT ?6)",
            )?
            .execute(params![sha256, start, end, value, status, at])?;
        }
        _ => {}
    }
    Ok(())
}

/// Settles every quote some member reviewed: after extraction has proposed the quotes of
/// documents that came in, their decisions find them.
pub fn settle_all_reviews(conn: &Connection) -> Result<()> {
    let targets: Vec<String> = conn
        .prepare("SELECT DISTINCT target FROM sync_reviews")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for target in targets {
        settle_review(conn, &target)?;
    }
    Ok(())
}

/// Marks a note's open conflicts settled: a version was saved on top of all its heads.
pub fn resolve_conflicts(conn: &Connection, note_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE sync_conflicts SET resolved_at = ?2 WHERE note_id = ?1 AND resolved_at IS NULL",
        params![note_id, super::now()],
    )?;
    Ok(())
}

/// The version a note shows now: its number, time, author and change.
fn current(conn: &Connection, note_id: i64) -> Result<(String, String, String)> {
    Ok(conn.query_row(
        "SELECT v.saved_at, coalesce(v.author, ''), coalesce(v.change_id, '')
         FROM notes n JOIN note_versions v ON v.note_id = n.id AND v.version = n.version
         WHERE n.id = ?1",
        [note_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?)
}

fn note_version(conn: &Connection, change: &Incoming, applied: &mut Applied) -> Result<()> {
    let p = &change.payload;
    let uid = p["uid"].as_str().unwrap_or_default();
    let title = p["title"].as_str().unwrap_or_default();
    let text = p["text"].as_str().unwrap_or_default();
    let saved_at = p["saved_at"].as_str().unwrap_or(&change.at);
    let parents: Vec<String> = p["parents"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM note_versions WHERE change_id = ?1)",
        [&change.change_id],
        |r| r.get(0),
    )?;
    if known {
        return Ok(());
    }
    let note: Option<i64> = conn
        .query_row("SELECT id FROM notes WHERE uid = ?1", [uid], |r| r.get(0))
        .optional()?;
    let digest = crate::digest::sha256_hex(text.as_bytes());
    let Some(note_id) = note else {
        // A note this member has not seen. Another live note may hold its title; the newcomer
        // then takes its author's name after the title, since titles name notes in links.
        let taken: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM notes WHERE title = ?1 COLLATE NOCASE
                            AND deleted_at IS NULL)",
            [title],
            |r| r.get(0),
        )?;
        let title = if taken {
            format!("{title} ({})", change.author)
        } else {
            title.to_string()
        };
        conn.execute(
            "INSERT INTO notes (title, text, version, created_at, updated_at, uid)
             VALUES (?1, ?2, 1, ?3, ?3, ?4)",
            params![title, text, saved_at, uid],
        )?;
        let id = conn.last_insert_rowid();
        insert_version(
            conn, id, 1, &title, text, saved_at, &digest, change, &parents,
        )?;
        return Ok(());
    };
    let version: i64 = conn.query_row(
        "SELECT max(version) FROM note_versions WHERE note_id = ?1",
        [note_id],
        |r| r.get(0),
    )?;
    let next = version + 1;
    let heads = super::sync_journal::note_heads(conn, note_id, next)?;
    let (current_at, current_author, current_change) = current(conn, note_id)?;
    insert_version(
        conn, note_id, next, title, text, saved_at, &digest, change, &parents,
    )?;
    // It continues the note when it was saved on top of every version this member has as a
    // head; otherwise it was saved apart, and both are kept with the conflict recorded.
    let continues = heads.iter().all(|h| parents.contains(h));
    if continues && heads.len() > 1 {
        resolve_conflicts(conn, note_id)?;
    }
    // The note shows the later of the versions saved apart (time, then author, then change
    // id), so every member shows the same one.
    let wins = continues
        || (saved_at, change.author.as_str(), change.change_id.as_str())
            > (
                current_at.as_str(),
                current_author.as_str(),
                current_change.as_str(),
            );
    if !continues {
        conn.execute(
            "INSERT INTO sync_conflicts (note_id, ours, theirs, author, found_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![note_id, version, next, change.author, super::now()],
        )?;
        applied.conflicts.push(format!(
            "note '{title}': {}'s version {next} was saved apart from version {version}; \
             both are kept (see `dossier note history`), and the next save settles it",
            change.author
        ));
    }
    if wins {
        conn.execute(
            "UPDATE notes SET title = ?2, text = ?3, version = ?4, updated_at = ?5 WHERE id = ?1",
            params![note_id, title, text, next, saved_at],
        )?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn insert_version(
    conn: &Connection,
    note_id: i64,
    version: i64,
    title: &str,
    text: &str,
    saved_at: &str,
    digest: &str,
    change: &Incoming,
    parents: &[String],
) -> Result<()> {
    conn.execute(
        "INSERT INTO note_versions (note_id, version, title, text, saved_at, text_sha256,
            change_id, author, parents)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            note_id,
            version,
            title,
            text,
            saved_at,
            digest,
            change.change_id,
            change.author,
            serde_json::to_string(parents)?
        ],
    )?;
    Ok(())
}

/// A saved search: the later save or deletion wins.
fn saved_search(conn: &Connection, p: &Value) -> Result<()> {
    let name = p["name"].as_str().unwrap_or_default();
    let at = p["at"].as_str().unwrap_or_default();
    let local: Option<String> = conn
        .query_row(
            "SELECT saved_at FROM saved_searches WHERE name = ?1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    if local.as_deref().is_some_and(|local| local > at) {
        return Ok(());
    }
    match p["query"].as_str() {
        Some(query) => {
            conn.execute(
                "INSERT INTO saved_searches (name, query, saved_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET query = excluded.query,
                     saved_at = excluded.saved_at",
                params![name, query, at],
            )?;
        }
        None => {
            conn.execute("DELETE FROM saved_searches WHERE name = ?1", [name])?;
        }
    }
    Ok(())
}

/// The latest changes other members made, newest first, as (author, time, what).
pub fn recent(conn: &Connection, limit: usize) -> Result<Vec<(String, String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT author, at, what FROM (
             SELECT author, at, substr(target, 1, instr(target, ':') - 1) || ' set to ' || status AS what FROM sync_reviews
             UNION ALL
             SELECT v.author, v.saved_at, 'saved a version of the note ' || v.title
             FROM note_versions v WHERE v.author IS NOT NULL)
         ORDER BY at DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit as i64], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Open conflicts, for the sync status.
pub fn open_conflicts(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}

/// What two members' cases must agree on after both synced, in an order that does not depend
/// on local ids: documents by SHA-256, quotes by span with their status, entities by name and
/// kind, events by their document and span, notes by uid with the digests of their versions
/// and their current text, saved searches.
pub fn fingerprint(conn: &Connection) -> Result<Value> {
    let strings = |sql: &str| -> Result<Vec<String>> {
        let mut stmt = conn.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        let mut out: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        out.sort();
        Ok(out)
    };
    Ok(serde_json::json!({
        "documents": strings("SELECT sha256 FROM documents")?,
        "quotes": strings(
            "SELECT d.sha256 || ':' || q.start || ':' || q.end || ':' || q.status
             FROM quotes q JOIN documents d ON d.id = q.document_id"
        )?,
        "entities": strings("SELECT kind || ':' || name FROM entities")?,
        "events": strings(
            "SELECT d.sha256 || ':' || s.start || ':' || s.end || ':' || e.status
             FROM event_sources s JOIN documents d ON d.id = s.document_id
             JOIN events e ON e.id = s.event_id"
        )?,
        "note_versions": strings(
            "SELECT coalesce(n.uid, n.title) || ':' || v.text_sha256
             FROM note_versions v JOIN notes n ON n.id = v.note_id"
        )?,
        "notes": strings(
            "SELECT coalesce(uid, title) || ':' || title || ':' || text FROM notes
             WHERE deleted_at IS NULL"
        )?,
        "saved_searches": strings("SELECT name || ':' || query FROM saved_searches")?,
    }))
}
