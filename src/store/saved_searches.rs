//! The `saved_searches` table: queries kept in the case under a name.

use rusqlite::{Connection, OptionalExtension};

use crate::model::SavedSearch;
use crate::{Error, Result};

/// Saves `query` as `name`, replacing an earlier search of that name.
pub fn save(conn: &Connection, name: &str, query: &str) -> Result<SavedSearch> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid_input("a saved search needs a name"));
    }
    let saved_at = super::now();
    conn.execute(
        "INSERT INTO saved_searches (name, query, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (name) DO UPDATE SET query = excluded.query, saved_at = excluded.saved_at",
        [name, query, &saved_at],
    )?;
    Ok(SavedSearch {
        name: name.to_string(),
        query: query.to_string(),
        saved_at,
    })
}

pub fn list(conn: &Connection) -> Result<Vec<SavedSearch>> {
    let mut stmt =
        conn.prepare("SELECT name, query, saved_at FROM saved_searches ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        Ok(SavedSearch {
            name: r.get(0)?,
            query: r.get(1)?,
            saved_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(conn: &Connection, name: &str) -> Result<SavedSearch> {
    conn.query_row(
        "SELECT name, query, saved_at FROM saved_searches WHERE name = ?1",
        [name.trim()],
        |r| {
            Ok(SavedSearch {
                name: r.get(0)?,
                query: r.get(1)?,
                saved_at: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("no saved search named '{}'", name.trim())))
}

pub fn delete(conn: &Connection, name: &str) -> Result<()> {
    if conn.execute("DELETE FROM saved_searches WHERE name = ?1", [name.trim()])? == 0 {
        return Err(Error::not_found(format!(
            "no saved search named '{}'",
            name.trim()
        )));
    }
    Ok(())
}
