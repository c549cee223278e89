//! The `event_tags` table: the tags people put on events, and their normal form.
//!
//! A tag's normal form is what is stored and compared: surrounding whitespace trimmed, every
//! inner run of whitespace one space, and lower-case (Unicode), so `Arrest`, ` arrest ` and
//! `ARREST` are one tag. A tag that is empty, longer than 40 characters, or holds a comma or a
//! line break is refused: commas separate tags in CSV and in the search index's row, and a
//! line break would break the CLI's one-line listing.

use rusqlite::Connection;

use crate::model::EventTagCount;
use crate::{Error, Result};

/// The longest a tag can be, in characters of its normal form.
pub const MAX_TAG_CHARS: usize = 40;

/// The normal form of `tag`, or `invalid_input` saying why it cannot be a tag.
pub fn normalize(tag: &str) -> Result<String> {
    if tag.contains(['\n', '\r']) {
        return Err(Error::invalid_input(format!(
            "the tag '{}' holds a line break; a tag is one line",
            tag.escape_debug()
        )));
    }
    if tag.contains(',') {
        return Err(Error::invalid_input(format!(
            "the tag '{tag}' holds a comma; give several tags separately"
        )));
    }
    if tag.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(Error::invalid_input(format!(
            "the tag '{}' holds a control character",
            tag.escape_debug()
        )));
    }
    let normal = tag
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if normal.is_empty() {
        return Err(Error::invalid_input("a tag cannot be empty"));
    }
    let chars = normal.chars().count();
    if chars > MAX_TAG_CHARS {
        return Err(Error::invalid_input(format!(
            "the tag '{normal}' is {chars} characters long; a tag has at most {MAX_TAG_CHARS}"
        )));
    }
    Ok(normal)
}

/// The normal forms of `tags`, sorted and without repeats; the first bad tag is the error.
pub fn normalize_all(tags: &[String]) -> Result<Vec<String>> {
    let mut normal = tags
        .iter()
        .map(|t| normalize(t))
        .collect::<Result<Vec<_>>>()?;
    normal.sort();
    normal.dedup();
    Ok(normal)
}

/// Adds tags (in normal form) to an event; tags it already has stay as they are.
pub fn add(conn: &Connection, event_id: i64, tags: &[String]) -> Result<()> {
    let mut stmt = conn.prepare_cached("INSERT OR IGNORE INTO event_tags VALUES (?1, ?2)")?;
    for tag in tags {
        stmt.execute(rusqlite::params![event_id, tag])?;
    }
    Ok(())
}

/// Removes tags (in normal form) from an event; tags it does not have are ignored.
pub fn remove(conn: &Connection, event_id: i64, tags: &[String]) -> Result<()> {
    let mut stmt =
        conn.prepare_cached("DELETE FROM event_tags WHERE event_id = ?1 AND tag = ?2")?;
    for tag in tags {
        stmt.execute(rusqlite::params![event_id, tag])?;
    }
    Ok(())
}

/// Makes an event's tags exactly `tags` (in normal form), touching only the rows that change
/// so that the search journal records the event once per real change.
pub fn set(conn: &Connection, event_id: i64, tags: &[String]) -> Result<()> {
    let current = of_event(conn, event_id)?;
    let gone: Vec<String> = current
        .iter()
        .filter(|t| !tags.contains(t))
        .cloned()
        .collect();
    remove(conn, event_id, &gone)?;
    add(conn, event_id, tags)
}

/// An event's tags, sorted.
pub fn of_event(conn: &Connection, event_id: i64) -> Result<Vec<String>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag FROM event_tags WHERE event_id = ?1 ORDER BY tag")?;
    let rows = stmt.query_map([event_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Gives `into` every tag of `from` (a merge keeps the union of the merged events' tags).
pub fn copy(conn: &Connection, into: i64, from: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO event_tags SELECT ?1, tag FROM event_tags WHERE event_id = ?2",
    )?
    .execute([into, from])?;
    Ok(())
}

/// Every tag in the case with how many events carry it (rejected ones included, since the
/// timeline shows them when asked), by tag.
pub fn counts(conn: &Connection) -> Result<Vec<EventTagCount>> {
    let mut stmt =
        conn.prepare_cached("SELECT tag, count(*) FROM event_tags GROUP BY tag ORDER BY tag")?;
    let rows = stmt.query_map([], |r| {
        Ok(EventTagCount {
            tag: r.get(0)?,
            count: r.get::<_, i64>(1)? as usize,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_normal_form_is_trimmed_single_spaced_and_lower_case() {
        assert_eq!(normalize("  Arrest ").unwrap(), "arrest");
        assert_eq!(normalize("Police \t Raid").unwrap(), "police raid");
        assert_eq!(normalize("ÉVASION").unwrap(), "évasion");
        assert_eq!(
            normalize_all(&["b".into(), "A".into(), " a".into()]).unwrap(),
            vec!["a", "b"]
        );
    }

    #[test]
    fn bad_tags_are_refused_with_the_reason() {
        for (tag, why) in [
            ("   ", "empty"),
            ("a,b", "comma"),
            ("a\nb", "line break"),
            ("a\u{7}", "control"),
            (&"x".repeat(41), "at most 40"),
        ] {
            let err = normalize(tag).unwrap_err();
            assert_eq!(err.code.as_str(), "invalid_input", "{tag:?}");
            assert!(err.message.contains(why), "{tag:?}: {}", err.message);
        }
        assert!(
            normalize(&"é".repeat(40)).is_ok(),
            "40 characters, not bytes"
        );
    }
}
