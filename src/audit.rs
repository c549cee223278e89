//! The audit trail's rules, apart from its SQL (`store::audit`): how an entry is hashed and
//! how a chain of entries is checked.
//!
//! An entry's hash is the SHA-256 of a canonical encoding of everything it records and the
//! hash of the entry before it: a JSON array `[version, id, time, action, target, author,
//! detail, prev_hash]`, strings escaped by serde_json and `detail` as the exact text stored.
//! A JSON array of strings has one encoding per value, so no two different entries share an
//! encoding (a line-based format would let a newline inside a field pose as a separator).
//! Including the id makes a removed or reordered entry break the chain as surely as an edited
//! one. Nothing here touches the case: it is tested on rows built in memory.

use crate::digest::sha256_hex;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Which encoding an entry's hash is over; a future change of encoding bumps it, and entries
/// keep the one they were written with.
const ENCODING: u32 = 1;

/// An entry as stored, borrowed, for hashing and checking.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub time: String,
    pub action: String,
    pub target: String,
    pub author: Option<String>,
    pub detail: String,
    pub prev_hash: String,
    pub hash: String,
}

/// The hash an entry with these fields must carry.
#[allow(clippy::too_many_arguments)]
pub fn entry_hash(
    id: i64,
    time: &str,
    action: &str,
    target: &str,
    author: Option<&str>,
    detail: &str,
    prev_hash: &str,
) -> String {
    let encoded = serde_json::to_string(&(
        ENCODING, id, time, action, target, author, detail, prev_hash,
    ))
    .expect("a tuple of strings and numbers always encodes");
    sha256_hex(encoded.as_bytes())
}

impl Row {
    /// The hash this row's fields call for, whatever its `hash` column says.
    pub fn expected_hash(&self) -> String {
        entry_hash(
            self.id,
            &self.time,
            &self.action,
            &self.target,
            self.author.as_deref(),
            &self.detail,
            &self.prev_hash,
        )
    }
}

/// Walks a chain in id order and checks it link by link. Keeps the last row's hash and id
/// between calls, so `store::audit` can feed it the log a row at a time.
pub struct ChainCheck {
    last_hash: String,
    last_id: i64,
    pub checked: usize,
    /// The first entry that breaks the chain and why; later ones are not judged, since after
    /// one break every later link is suspect anyway.
    pub broken: Option<(i64, String)>,
}

impl Default for ChainCheck {
    fn default() -> Self {
        ChainCheck {
            last_hash: GENESIS.to_string(),
            last_id: 0,
            checked: 0,
            broken: None,
        }
    }
}

impl ChainCheck {
    /// Checks the next row (rows come in id order).
    pub fn push(&mut self, row: &Row) {
        if self.broken.is_some() {
            return;
        }
        self.checked += 1;
        let problem = if row.prev_hash != self.last_hash {
            Some(if row.id != self.last_id + 1 {
                format!(
                    "audit log entry {} does not follow entry {}: the entries between them \
                     were removed",
                    row.id, self.last_id
                )
            } else if self.last_id == 0 {
                format!(
                    "audit log entry {} does not start the chain: the entries before it \
                     were removed",
                    row.id
                )
            } else {
                format!(
                    "audit log entry {} does not carry the hash of entry {}: one of them was \
                     altered",
                    row.id, self.last_id
                )
            })
        } else if row.expected_hash() != row.hash {
            Some(format!(
                "audit log entry {} ({} on {}) was altered after it was written: its \
                 contents no longer match its hash",
                row.id, row.action, row.target
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            self.broken = Some((row.id, problem));
        }
        self.last_hash = row.hash.clone();
        self.last_id = row.id;
    }

    /// Ends the walk: `highest_id` is the largest id the log ever gave (SQLite's sequence),
    /// which tells when the newest entries were removed, since no later row remains to miss
    /// their hash.
    pub fn finish(&mut self, highest_id: i64) {
        if self.broken.is_none() && highest_id > self.last_id {
            self.broken = Some((
                self.last_id + 1,
                format!(
                    "audit log entries {} to {highest_id} were removed (the log ends at entry \
                     {})",
                    self.last_id + 1,
                    self.last_id
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<Row> {
        let mut prev = GENESIS.to_string();
        (1..=n)
            .map(|id| {
                let mut row = Row {
                    id,
                    time: format!("2026-12-05T10:00:0{id}Z"),
                    action: "document.tag".into(),
                    target: format!("document:{id}"),
                    author: None,
                    detail: r#"{"tag":"x"}"#.into(),
                    prev_hash: prev.clone(),
                    hash: String::new(),
                };
                row.hash = row.expected_hash();
                prev = row.hash.clone();
                row
            })
            .collect()
    }

    fn check(rows: &[Row], highest: i64) -> ChainCheck {
        let mut c = ChainCheck::default();
        for row in rows {
            c.push(row);
        }
        c.finish(highest);
        c
    }

    #[test]
    fn an_intact_chain_checks() {
        let c = check(&chain(5), 5);
        assert_eq!((c.checked, c.broken), (5, None));
        assert_eq!(check(&[], 0).broken, None);
    }

    #[test]
    fn an_edited_entry_is_named() {
        let mut rows = chain(5);
        rows[2].detail = r#"{"tag":"y"}"#.into();
        let (id, why) = check(&rows, 5).broken.unwrap();
        assert_eq!(id, 3);
        assert!(why.contains("altered"), "{why}");
    }

    #[test]
    fn an_entry_rehashed_after_an_edit_breaks_the_next_link() {
        let mut rows = chain(5);
        rows[2].author = Some("mallory".into());
        rows[2].hash = rows[2].expected_hash();
        let (id, why) = check(&rows, 5).broken.unwrap();
        assert_eq!(id, 4);
        assert!(why.contains("hash of entry 3"), "{why}");
    }

    #[test]
    fn removed_entries_are_named_in_the_middle_at_the_start_and_at_the_end() {
        let mut rows = chain(5);
        rows.remove(2);
        assert_eq!(check(&rows, 5).broken.unwrap().0, 4);
        let rows = chain(5);
        assert_eq!(check(&rows[1..], 5).broken.unwrap().0, 2);
        let (id, why) = check(&rows[..3], 5).broken.unwrap();
        assert_eq!(id, 4);
        assert!(why.contains("4 to 5"), "{why}");
    }

    #[test]
    fn a_field_cannot_pose_as_the_next_one() {
        // With a naive joined encoding, moving a separator between two fields keeps the hash.
        let a = entry_hash(1, "t", "a", "b\",\"c", None, "{}", GENESIS);
        let b = entry_hash(1, "t", "a\",\"b", "c", None, "{}", GENESIS);
        assert_ne!(a, b);
    }
}
