//! The audit trail on the [`Case`] API: how every person's change records itself (`log`,
//! called inside the change's own transaction, so a change and its entry commit or roll
//! back together), reading the log, and checking its hash chain.
//!
//! What is recorded: imports (one entry per committed batch, `import::batch`), review
//! decisions, merges, splits and renames, tags and marks (a bulk action is one entry), note
//! versions, event edits, deletes, restores and purges, saved searches, repairs and exports.
//! What is not: the drafts the note editor autosaves every few seconds (a draft is no
//! decision; the version saved from it is), and the extraction stage, which is the import's
//! own work rather than a person's.

use rusqlite::Connection;
use serde_json::Value;

use crate::model::{AuditCheck, AuditEntry, AuditFilter};
use crate::{store, Case, Result};

impl Case {
    /// Appends an audit entry for a change, in that change's transaction (`tx`). `target`
    /// names what was changed (`document:12`); `detail` says how, without a source's title
    /// (a purge must be able to take a title out of the case, and the log is append-only).
    pub(crate) fn log(
        &self,
        tx: &Connection,
        action: &str,
        target: &str,
        detail: Value,
    ) -> Result<()> {
        store::audit::append(tx, action, target, self.author(), &detail)?;
        Ok(())
    }

    /// Who is making changes: None in a single-user case. A team case (issue 21's sync) names
    /// its members here.
    fn author(&self) -> Option<&str> {
        None
    }

    /// Records an action that changes nothing in the case but belongs in its trail, such as an
    /// export, as a change of its own. A read-only case (the app's second one while an
    /// import runs) cannot write, so there the export goes unrecorded rather than failing.
    pub(crate) fn log_alone(&self, action: &str, target: &str, detail: Value) -> Result<()> {
        if self.read_only {
            return Ok(());
        }
        self.change(|tx| self.log(tx, action, target, detail))
    }

    /// Audit log entries, newest first: all, or those `filter` selects.
    pub fn audit_log(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        store::audit::list(&self.conn, filter)
    }

    /// One audit log entry.
    pub fn audit_entry(&self, id: i64) -> Result<AuditEntry> {
        store::audit::get(&self.conn, id)
    }

    /// Checks the audit log's hash chain and names the first entry that breaks it.
    pub fn check_audit_log(&self) -> Result<AuditCheck> {
        store::audit::check(&self.conn)
    }
}

/// How a change names several documents (or quotes, events…): `document:12` for one, else
/// `documents:N`, with the ids in the entry's detail.
pub(crate) fn target_of(kind: &str, ids: &[i64]) -> String {
    match ids {
        [one] => format!("{kind}:{one}"),
        many => format!("{kind}s:{}", many.len()),
    }
}

/// The most ids an entry lists; a bigger selection is recorded by its count (a bulk action's
/// documents are kept apart, in `bulk_action_documents`), so that one action over 100,000
/// documents does not write a megabyte into the log.
const MAX_LISTED_IDS: usize = 1000;

/// The ids a change touched, as an entry's detail: listed, or counted when there are many.
pub(crate) fn ids_detail(ids: &[i64]) -> Value {
    if ids.len() <= MAX_LISTED_IDS {
        serde_json::json!({ "ids": ids })
    } else {
        serde_json::json!({ "count": ids.len() })
    }
}
