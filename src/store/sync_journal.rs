//! The local side of a team case's change journal (migration 0016): the sync state, the
//! outbox the triggers fill, the inbox of pulled changes waiting for extraction, and the
//! payloads a unit is pushed as. Units are named like the search journal's (`document:12`,
//! `quote:40`, `note_version:3:2`) and read in their current state when pushed; a payload
//! names what it is about by what every member shares (a document's SHA-256, a quote's span
//! in it, a note's uid, an entity's name), never by a local id.

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

pub use super::sync_outbox::*;
use crate::{Error, Result};

pub fn state(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM sync_state WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

pub fn set_state(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![key, value])?;
    Ok(())
}

/// A unit as it goes to the server: its kind, its payload, and for a document the SHA-256 of
/// the original that goes with it. `None` when the unit no longer exists (a document deleted
/// since, a quote that re-extraction replaced), which pushes nothing.
pub struct Outgoing {
    pub kind: &'static str,
    pub payload: Value,
    pub original: Option<String>,
}

/// Reads a unit's current state as a payload. `change_id` is the id the change will carry,
/// recorded on what keeps it locally (a note version, a review).
pub fn outgoing(
    conn: &Connection,
    pending: &Pending,
    change_id: &str,
    author: &str,
) -> Result<Option<Outgoing>> {
    let (kind, rest) = pending
        .unit
        .split_once(':')
        .ok_or_else(|| Error::internal(format!("malformed sync unit {}", pending.unit)))?;
    let number = |s: &str| -> Result<i64> {
        s.parse()
            .map_err(|_| Error::internal(format!("malformed sync unit {}", pending.unit)))
    };
    match kind {
        "document" => document(conn, number(rest)?),
        "quote" => quote_review(conn, number(rest)?, change_id, author),
        "event" => event_review(conn, number(rest)?, change_id, author),
        "note_version" => {
            let (note, version) = rest
                .split_once(':')
                .ok_or_else(|| Error::internal(format!("malformed sync unit {}", pending.unit)))?;
            note_version(conn, number(note)?, number(version)?, change_id, author)
        }
        "saved_search" => saved_search(conn, rest),
        "entity_merge" => entity_merge(conn, number(rest)?),
        "entity_rename" => entity_rename(conn, number(rest)?, pending.detail.as_deref()),
        "document_delete" | "document_restore" => document_fate(conn, kind, number(rest)?),
        "quote_edit" => quote_edit(conn, number(rest)?, pending.detail.as_deref()),
        "audit" => audit_entry(conn, number(rest)?),
        other => Err(Error::internal(format!("unknown sync unit kind {other}"))),
    }
}

/// The columns of `documents` a member shares: all but the local id and where the file lay on
/// the importer's disk.
fn document_columns(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM pragma_table_info('documents')")?;
    let names = stmt.query_map([], |r| r.get::<_, String>(0))?;
    Ok(names
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|n| n != "id" && n != "original_path")
        .collect())
}

fn json_of(value: ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Integer(i) => json!(i),
        ValueRef::Real(f) => json!(f),
        ValueRef::Text(t) => json!(String::from_utf8_lossy(t)),
        // No column of `documents` is a blob; one would travel as hex rather than be lost.
        ValueRef::Blob(b) => json!(crate::digest::sha256_hex(b)),
    }
}

fn document(conn: &Connection, id: i64) -> Result<Option<Outgoing>> {
    let columns = document_columns(conn)?;
    let sql = format!("SELECT {} FROM documents WHERE id = ?1", columns.join(", "));
    let row = conn
        .query_row(&sql, [id], |r| {
            let mut map = Map::new();
            for (i, name) in columns.iter().enumerate() {
                map.insert(name.clone(), json_of(r.get_ref(i)?));
            }
            Ok(map)
        })
        .optional()?;
    let Some(row) = row else { return Ok(None) };
    let text: String = conn.query_row(
        "SELECT text FROM document_contents WHERE document_id = ?1",
        [id],
        |r| r.get(0),
    )?;
    let pages: Vec<(i64, i64, i64, i64)> = conn
        .prepare_cached(
            "SELECT physical, number, start, end FROM document_pages
             WHERE document_id = ?1 ORDER BY physical",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    // A court filing's structure names its defendants, which extraction makes entities of:
    // without it another member would extract other people from the same text.
    let structure: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT text_status, legal FROM document_structure WHERE document_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let sha256 = row.get("sha256").cloned().unwrap_or(Value::Null);
    Ok(Some(Outgoing {
        kind: "document",
        original: sha256.as_str().map(str::to_string),
        payload: json!({
            "sha256": sha256, "row": row, "text": text, "pages": pages, "structure": structure,
        }),
    }))
}

pub use super::authorship::quote_target;

fn quote_review(
    conn: &Connection,
    id: i64,
    change_id: &str,
    author: &str,
) -> Result<Option<Outgoing>> {
    let row: Option<(String, i64, i64, String, Option<String>)> = conn
        .query_row(
            "SELECT d.sha256, q.start, q.end, q.status, q.reviewed_at
             FROM quotes q JOIN documents d ON d.id = q.document_id WHERE q.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let Some((sha256, start, end, status, at)) = row else {
        return Ok(None);
    };
    let at = at.unwrap_or_else(super::now);
    let target = quote_target(&sha256, start, end);
    record_review(conn, change_id, &target, &status, author, &at)?;
    Ok(Some(Outgoing {
        kind: "quote_review",
        payload: json!({ "target": target, "status": status, "at": at }),
        original: None,
    }))
}

fn event_review(
    conn: &Connection,
    id: i64,
    change_id: &str,
    author: &str,
) -> Result<Option<Outgoing>> {
    // An event is found on every member by its first source sentence and its date; one a
    // person added by hand has no source and stays local.
    let row: Option<(String, i64, i64, String, String, Option<String>)> = conn
        .query_row(
            "SELECT d.sha256, s.start, s.end, s.value, e.status, e.reviewed_at
             FROM events e JOIN event_sources s ON s.event_id = e.id
             JOIN documents d ON d.id = s.document_id
             WHERE e.id = ?1 ORDER BY s.id LIMIT 1",
            [id],
            |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()?;
    let Some((sha256, start, end, value, status, at)) = row else {
        return Ok(None);
    };
    let at = at.unwrap_or_else(super::now);
    let target = format!("event:{sha256}:{start}:{end}:{value}");
    record_review(conn, change_id, &target, &status, author, &at)?;
    Ok(Some(Outgoing {
        kind: "quote_review",
        payload: json!({ "target": target, "status": status, "at": at }),
        original: None,
    }))
}

/// Keeps a review decision in the quote's history (ignored when already known).
pub fn record_review(
    conn: &Connection,
    change_id: &str,
    target: &str,
    status: &str,
    author: &str,
    at: &str,
) -> Result<bool> {
    Ok(conn
        .prepare_cached(
            "INSERT INTO sync_reviews (change_id, target, status, author, at)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (change_id) DO NOTHING",
        )?
        .execute(params![change_id, target, status, author, at])?
        > 0)
}

/// The note's uid, given on first need: a note made before the case was a team case has none.
fn note_uid(conn: &Connection, note_id: i64) -> Result<Option<String>> {
    conn.execute(
        "UPDATE notes SET uid = lower(hex(randomblob(16))) WHERE id = ?1 AND uid IS NULL",
        [note_id],
    )?;
    Ok(conn
        .query_row("SELECT uid FROM notes WHERE id = ?1", [note_id], |r| {
            r.get(0)
        })
        .optional()?)
}

fn note_version(
    conn: &Connection,
    note_id: i64,
    version: i64,
    change_id: &str,
    author: &str,
) -> Result<Option<Outgoing>> {
    let Some(uid) = note_uid(conn, note_id)? else {
        return Ok(None);
    };
    let row: Option<(String, String, String, Option<String>)> = conn
        .query_row(
            "SELECT title, text, saved_at, change_id FROM note_versions
             WHERE note_id = ?1 AND version = ?2",
            [note_id, version],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((title, text, saved_at, known)) = row else {
        return Ok(None);
    };
    // A version that came from the server already has its change; it is not this member's.
    if known.as_deref().is_some_and(|k| k != change_id) {
        return Ok(None);
    }
    // Saved on top of every head: a version written after a conflict was seen settles it.
    let parents = note_heads(conn, note_id, version)?;
    if parents.len() > 1 {
        super::sync_apply::resolve_conflicts(conn, note_id)?;
    }
    conn.execute(
        "UPDATE note_versions SET change_id = ?3, author = ?4, parents = ?5
         WHERE note_id = ?1 AND version = ?2",
        params![
            note_id,
            version,
            change_id,
            author,
            serde_json::to_string(&parents)?
        ],
    )?;
    Ok(Some(Outgoing {
        kind: "note_version",
        payload: json!({
            "uid": uid, "title": title, "text": text, "saved_at": saved_at, "parents": parents,
        }),
        original: None,
    }))
}

fn saved_search(conn: &Connection, name: &str) -> Result<Option<Outgoing>> {
    let row: Option<(String, String)> = conn
        .query_row(
            "SELECT query, saved_at FROM saved_searches WHERE name = ?1",
            [name],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let payload = match row {
        Some((query, at)) => json!({ "name": name, "query": query, "at": at }),
        None => json!({ "name": name, "query": null, "at": super::now() }),
    };
    Ok(Some(Outgoing {
        kind: "saved_search",
        payload,
        original: None,
    }))
}

fn entity_merge(conn: &Connection, id: i64) -> Result<Option<Outgoing>> {
    let row: Option<(String, String, i64)> = conn
        .query_row(
            "SELECT e.name, m.from_name, m.undone FROM entity_merges m
             JOIN entities e ON e.id = m.into_id WHERE m.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    Ok(row
        .filter(|(_, _, undone)| *undone == 0)
        .map(|(into, from, _)| Outgoing {
            kind: "entity_merge",
            payload: json!({ "into": into, "from": from }),
            original: None,
        }))
}

fn entity_rename(conn: &Connection, id: i64, old: Option<&str>) -> Result<Option<Outgoing>> {
    let name: Option<String> = conn
        .query_row("SELECT name FROM entities WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(name.zip(old).map(|(to, from)| Outgoing {
        kind: "entity_rename",
        payload: json!({ "from": from, "to": to }),
        original: None,
    }))
}

/// A document deleted or restored, by its SHA-256: it is looked for live and in the trash,
/// since it may have changed sides again since. A document purged since is gone with its
/// SHA-256, and its deletion stays local.
fn document_fate(conn: &Connection, kind: &str, id: i64) -> Result<Option<Outgoing>> {
    let sha256: Option<String> = conn
        .query_row(
            "SELECT sha256 FROM documents WHERE id = ?1
             UNION ALL SELECT sha256 FROM trash_documents WHERE id = ?1 LIMIT 1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(sha256.map(|sha256| Outgoing {
        kind: if kind == "document_delete" {
            "document_delete"
        } else {
            "document_restore"
        },
        payload: json!({ "sha256": sha256 }),
        original: None,
    }))
}

/// A quote's corrected span (with its words, role and speaker as they are now), saying which
/// span it had, since that is how the other members know the quote.
fn quote_edit(conn: &Connection, id: i64, old: Option<&str>) -> Result<Option<Outgoing>> {
    let Some((from_start, from_end)) = old.and_then(|o| o.split_once(':')) else {
        return Ok(None);
    };
    let from: [i64; 2] = [
        from_start.parse().unwrap_or(-1),
        from_end.parse().unwrap_or(-1),
    ];
    let payload = conn
        .query_row(
            "SELECT d.sha256, q.start, q.end, q.text, q.spans, q.role,
                    coalesce(e.name, q.speaker_name)
             FROM quotes q JOIN documents d ON d.id = q.document_id
             LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?1",
            [id],
            |r| {
                Ok(json!({
                    "sha256": r.get::<_, String>(0)?, "from": from,
                    "to": [r.get::<_, i64>(1)?, r.get::<_, i64>(2)?],
                    "text": r.get::<_, String>(3)?, "spans": r.get::<_, Option<String>>(4)?,
                    "role": r.get::<_, Option<String>>(5)?,
                    "speaker": r.get::<_, Option<String>>(6)?,
                }))
            },
        )
        .optional()?;
    Ok(payload.map(|payload| Outgoing {
        kind: "quote_edit",
        payload,
        original: None,
    }))
}

/// An audit log entry as this member's log wrote it; the server chains it again as the
/// team's (`team::server::push`).
fn audit_entry(conn: &Connection, id: i64) -> Result<Option<Outgoing>> {
    let entry = conn
        .query_row(
            "SELECT time, action, target, detail, hash FROM audit_log WHERE id = ?1",
            [id],
            |r| {
                Ok(json!({
                    "id": id, "time": r.get::<_, String>(0)?, "action": r.get::<_, String>(1)?,
                    "target": r.get::<_, String>(2)?, "detail": r.get::<_, String>(3)?,
                    "hash": r.get::<_, String>(4)?,
                }))
            },
        )
        .optional()?;
    Ok(entry.map(|payload| Outgoing {
        kind: "audit",
        payload,
        original: None,
    }))
}

/// A change pulled from the server, as the inbox keeps it until it is applied.
pub struct Incoming {
    pub server_seq: i64,
    pub change_id: String,
    pub unit: String,
    pub payload: Value,
    pub author: String,
    pub at: String,
}

pub fn inbox_add(conn: &Connection, change: &Incoming) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_inbox (server_seq, change_id, unit, payload, author, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (server_seq) DO NOTHING",
    )?
    .execute(params![
        change.server_seq,
        change.change_id,
        change.unit,
        change.payload.to_string(),
        change.author,
        change.at
    ])?;
    Ok(())
}

pub fn inbox(conn: &Connection) -> Result<Vec<Incoming>> {
    let mut stmt = conn.prepare(
        "SELECT server_seq, change_id, unit, payload, author, at FROM sync_inbox ORDER BY server_seq",
    )?;
    let rows = stmt.query_map([], |r| {
        let payload: String = r.get(3)?;
        Ok(Incoming {
            server_seq: r.get(0)?,
            change_id: r.get(1)?,
            unit: r.get(2)?,
            payload: serde_json::from_str(&payload).unwrap_or(Value::Null),
            author: r.get(4)?,
            at: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn inbox_clear(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM sync_inbox", [])?;
    Ok(())
}

/// Stores a document that came from the server, unless one with its SHA-256 is already in the
/// case. Returns whether it was new.
pub fn insert_document(conn: &Connection, payload: &Value, original: &[u8]) -> Result<bool> {
    let sha256 = payload["sha256"].as_str().unwrap_or_default();
    if crate::digest::sha256_hex(original) != sha256 {
        return Err(Error::invalid_input(format!(
            "the team server's original for document {sha256} does not hash to it; \
             `dossier team verify` checks every original"
        )));
    }
    // One this member deleted is known too: the deletion stands until someone restores it.
    let trashed: bool = conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM trash_documents WHERE sha256 = ?1)")?
        .query_row([sha256], |r| r.get(0))?;
    if trashed || super::documents::find_by_sha256(conn, sha256)?.is_some() {
        return Ok(false);
    }
    let row = payload["row"]
        .as_object()
        .ok_or_else(|| Error::invalid_input(format!("document {sha256}: no metadata")))?;
    let known = document_columns(conn)?;
    // Only the columns this build knows: a newer member's extra metadata is skipped, not
    // refused, so members one version apart still sync.
    let columns: Vec<&String> = known.iter().filter(|c| row.contains_key(*c)).collect();
    let id = super::trash::max_document_id(conn)? + 1;
    let sql = format!(
        "INSERT INTO documents (id, {}) VALUES (?1, {})",
        columns
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        (0..columns.len())
            .map(|i| format!("?{}", i + 2))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let mut values: Vec<rusqlite::types::Value> = vec![id.into()];
    for column in &columns {
        values.push(match &row[column.as_str()] {
            Value::Null => rusqlite::types::Value::Null,
            Value::Number(n) if n.is_i64() => n.as_i64().unwrap_or_default().into(),
            Value::Number(n) => n.as_f64().unwrap_or_default().into(),
            Value::String(s) => s.clone().into(),
            other => other.to_string().into(),
        });
    }
    conn.execute(&sql, rusqlite::params_from_iter(values))?;
    let text = payload["text"].as_str().unwrap_or_default();
    conn.execute(
        "INSERT INTO document_contents (document_id, original, text, text_sha256)
         VALUES (?1, ?2, ?3, ?4)",
        params![
            id,
            original,
            text,
            crate::digest::sha256_hex(text.as_bytes())
        ],
    )?;
    if let Some(pages) = payload["pages"].as_array() {
        for page in pages {
            conn.execute(
                "INSERT INTO document_pages (document_id, physical, number, start, end)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    id,
                    page[0].as_i64(),
                    page[1].as_i64(),
                    page[2].as_i64(),
                    page[3].as_i64()
                ],
            )?;
        }
    }
    if let Some(structure) = payload["structure"].as_array() {
        conn.execute(
            "INSERT INTO document_structure (document_id, text_status, legal) VALUES (?1, ?2, ?3)",
            params![id, structure[0].as_str(), structure[1].as_str()],
        )?;
    }
    Ok(true)
}

/// The versions of a note no other version was saved on top of, among those before
/// `before`: one normally, two or more while a conflict is open.
pub fn note_heads(conn: &Connection, note_id: i64, before: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT v.change_id FROM note_versions v
         WHERE v.note_id = ?1 AND v.version < ?2 AND v.change_id IS NOT NULL
           AND NOT EXISTS (
               SELECT 1 FROM note_versions w, json_each(coalesce(w.parents, '[]')) p
               WHERE w.note_id = v.note_id AND w.version < ?2 AND p.value = v.change_id)
         ORDER BY v.version",
    )?;
    let rows = stmt.query_map(params![note_id, before], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
