//! What team cases report (issue 20): a sync's outcome, a case's sync status for the app's
//! Sync button, and what `dossier team verify` found. They carry no PostgreSQL type, so the
//! model compiles without the `team` feature and the app can show a status it did not fetch.

use serde::Serialize;
use ts_rs::TS;

/// What one `dossier sync` (or publish, or join) did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SyncReport {
    /// This member's changes sent to the server.
    pub pushed: u32,
    /// Other members' changes received.
    pub pulled: u32,
    /// Documents that came in with them (originals included).
    pub documents: u32,
    /// Conflicts found and kept, for a person to resolve ("note 'X': …").
    pub conflicts: Vec<String>,
    /// The server's last change number this case has seen.
    #[ts(type = "number")]
    pub server_seq: i64,
}

/// A case's sync state, read locally (no network): what the Sync button shows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SyncStatus {
    /// Whether this case is a team case at all.
    pub team: bool,
    /// The server, without its password.
    pub server: Option<String>,
    /// The PostgreSQL role this member syncs as (every change's author).
    pub role: Option<String>,
    /// When the last sync finished (RFC 3339, UTC).
    pub last_sync: Option<String>,
    /// Local changes waiting to be sent.
    #[ts(type = "number")]
    pub waiting: i64,
    /// Conflicts kept and not yet resolved.
    #[ts(type = "number")]
    pub conflicts: i64,
    /// The latest changes other members made, newest first: "alice confirmed a quote".
    pub recent: Vec<TeamChange>,
}

/// One change a member made, as the status lists it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TeamChange {
    pub author: String,
    pub at: String,
    pub what: String,
}

/// One review decision on a quote, with the member who made it (a team case's quote history).
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReviewDecision {
    /// `confirmed`, `rejected` or `unreviewed`.
    pub status: String,
    /// The PostgreSQL role of the member who decided.
    pub author: String,
    pub at: String,
}

/// An entity folded into another, and who did it: what the People view lists under a person.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MergeRecord {
    /// The id `unmerge_entities` takes to undo it.
    #[ts(type = "number")]
    pub merge_id: i64,
    /// The name the merged entity had.
    pub from_name: String,
    /// The member's role in a team case; none in a single-user case.
    pub author: Option<String>,
    pub at: String,
}

/// What `dossier team verify` found: the server's originals re-hashed, and the local case
/// against the server's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct TeamVerifyReport {
    #[ts(type = "number")]
    pub originals_checked: u64,
    /// Originals on the server whose bytes no longer hash to their SHA-256.
    pub bad_originals: Vec<String>,
    /// Documents the server's log names without their original.
    pub missing_originals: Vec<String>,
    /// Documents on the server that this case lacks (a sync brings them).
    pub missing_locally: Vec<String>,
    /// Documents of this case not on the server although nothing waits to be sent.
    pub not_on_server: Vec<String>,
    /// Entries of the team's audit chain on the server that were checked.
    #[ts(type = "number")]
    pub audit_entries: u64,
    /// Where the server's audit chain first breaks (an entry edited, removed or reordered).
    pub audit_problem: Option<String>,
    /// The local case's own check (`dossier verify`).
    pub local: super::VerifyReport,
    pub ok: bool,
}
