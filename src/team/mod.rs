//! Team cases (issue 20): one case shared by a team through PostgreSQL, each member keeping an
//! ordinary local case file that works offline and syncs when it can.
//!
//! The server keeps a log of changes (`server`), each authored by the PostgreSQL role that
//! wrote it, and the originals by SHA-256. A member's writes go through `Case::change` as
//! always; triggers note each one in the local outbox (`store::sync_journal`), and a sync
//! sends the outbox, receives everyone else's changes and applies them (`store::sync_apply`).
//! Every step is a transaction on one side that the other side can repeat without harm: a
//! push is one server transaction whose changes carry ids the server keeps once, and the
//! outbox is emptied only after it committed; a pull stores what it received and moves its
//! cursor in one local transaction; the received changes wait in the inbox until the
//! extraction stage has proposed the quotes and entities of the documents that came with them.
//! So a sync killed at any moment, or cut off by the server going away, is finished by the
//! next one with nothing lost and nothing doubled.
//!
//! This module exists only with the `team` feature; a single-user case never calls it, and
//! the PostgreSQL client is never loaded for one.

mod connect;
mod server;
mod tls;

use std::path::Path;

use crate::model::{SyncReport, SyncStatus, TeamChange, TeamVerifyReport};
use crate::store::{self, sync_apply, sync_journal as journal};
use crate::{Case, Error, ErrorCode, Result};

/// How many changes a push or a pull moves per transaction.
const BATCH: usize = 200;
/// How many bytes of originals one push carries at most, so a batch of large PDFs does not
/// hold them all in memory at once.
const BATCH_BYTES: usize = 32 << 20;

impl Case {
    /// Makes this case a team case on the PostgreSQL database at `url` (its schema is created
    /// there) and sends everything up: documents with their originals, reviewed quotes, note
    /// versions, saved searches, entity merges. Run again after an interruption, it finishes.
    pub fn team_publish(&self, url: &str) -> Result<SyncReport> {
        let mut client = connect::connect(url)?;
        server::migrate(&mut client)?;
        let (existing, role) = server::identity(&mut client)?;
        let ours = journal::state(&self.conn, "team_case")?;
        let case_id = store::case_id(&self.conn)?;
        let team_case = match (existing, ours) {
            (Some(theirs), Some(ours)) if theirs == ours => theirs,
            (Some(theirs), _) if theirs == case_id => theirs,
            (Some(_), _) => {
                return Err(Error::conflict(format!(
                    "{} already holds another team case; join it with `dossier team join` or \
                     publish to an empty database",
                    connect::redact(url)
                )))
            }
            (None, Some(_)) => {
                return Err(Error::conflict(
                    "this case already belongs to a team case on another server",
                ))
            }
            (None, None) => {
                server::create_case(&mut client, &case_id)?;
                case_id
            }
        };
        if journal::state(&self.conn, "url")?.is_none() {
            self.writing(|| {
                let tx = self.conn.unchecked_transaction()?;
                start_membership(&tx, url, &team_case, &role)?;
                journal::enqueue_everything(&tx)?;
                tx.commit()?;
                Ok(())
            })?;
        }
        self.sync_with(&mut client)
    }

    /// Makes a new local case file at `path` from the team case at `url`, originals included,
    /// so it works offline. If interrupted, `dossier sync` on the new file finishes it.
    pub fn team_join(url: &str, path: &Path) -> Result<(Case, SyncReport)> {
        let mut client = connect::connect(url)?;
        let (team_case, role) = server::identity(&mut client)?;
        let team_case = team_case.ok_or_else(|| {
            Error::not_found(format!(
                "{} holds no team case (publish one with `dossier team publish`)",
                connect::redact(url)
            ))
        })?;
        let case = Case::create(path)?;
        case.writing(|| {
            let tx = case.conn.unchecked_transaction()?;
            start_membership(&tx, url, &team_case, &role)?;
            tx.commit()?;
            Ok(())
        })?;
        let report = case.sync_with(&mut client)?;
        Ok((case, report))
    }

    /// Sends this member's changes to the team server and brings everyone else's.
    pub fn sync(&self) -> Result<SyncReport> {
        let url = journal::state(&self.conn, "url")?.ok_or_else(|| {
            Error::invalid_input(
                "this case is not a team case (make it one with `dossier team publish --url …`)",
            )
        })?;
        let mut client = connect::connect(&url)?;
        let (theirs, _) = server::identity(&mut client)?;
        server::migrate_if_behind(&mut client)?;
        let ours = journal::state(&self.conn, "team_case")?;
        if theirs != ours {
            return Err(Error::conflict(format!(
                "{} holds another team case than this one",
                connect::redact(&url)
            )));
        }
        self.sync_with(&mut client)
    }

    /// Gives an existing PostgreSQL role its rights on this case's team server.
    pub fn team_grant(&self, role: &str, editor: bool) -> Result<()> {
        let mut client = connect::connect(&self.team_url()?)?;
        server::grant(&mut client, role, editor)
    }

    /// Checks the team server (every original re-hashed) and this case against it.
    pub fn team_verify(&self) -> Result<TeamVerifyReport> {
        let mut client = connect::connect(&self.team_url()?)?;
        let found = server::check(&mut client)?;
        let local = self.verify()?;
        let ours: std::collections::BTreeSet<String> =
            self.documents()?.into_iter().map(|d| d.sha256).collect();
        let theirs: std::collections::BTreeSet<String> = found.documents.into_iter().collect();
        let waiting = journal::outbox_count(&self.conn)?;
        let missing_locally: Vec<String> = theirs.difference(&ours).cloned().collect();
        let not_on_server: Vec<String> = if waiting == 0 {
            ours.difference(&theirs).cloned().collect()
        } else {
            Vec::new()
        };
        let ok = found.audit_problem.is_none()
            && found.bad_originals.is_empty()
            && found.missing_originals.is_empty()
            && missing_locally.is_empty()
            && not_on_server.is_empty()
            && local.problems.is_empty();
        Ok(TeamVerifyReport {
            originals_checked: found.originals,
            bad_originals: found.bad_originals,
            missing_originals: found.missing_originals,
            missing_locally,
            not_on_server,
            audit_entries: found.audit_entries,
            audit_problem: found.audit_problem,
            local,
            ok,
        })
    }

    /// This case's sync state, read locally: the app's Sync button.
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let Some(url) = journal::state(&self.conn, "url")? else {
            return Ok(SyncStatus::default());
        };
        let recent = sync_apply::recent(&self.conn, 10)?
            .into_iter()
            .map(|(author, at, what)| TeamChange { author, at, what })
            .collect();
        Ok(SyncStatus {
            team: true,
            server: Some(connect::redact(&url)),
            role: journal::state(&self.conn, "role")?,
            last_sync: journal::state(&self.conn, "last_sync")?,
            waiting: journal::outbox_count(&self.conn)?,
            conflicts: sync_apply::open_conflicts(&self.conn)?,
            recent,
        })
    }

    /// What two members' cases must agree on once both synced (documents, quotes with their
    /// statuses, entities, events, note versions, saved searches), independent of local ids.
    #[doc(hidden)]
    pub fn team_fingerprint(&self) -> Result<serde_json::Value> {
        sync_apply::fingerprint(&self.conn)
    }

    fn team_url(&self) -> Result<String> {
        journal::state(&self.conn, "url")?
            .ok_or_else(|| Error::invalid_input("this case is not a team case"))
    }

    /// Push, pull, extract what came in, apply the rest: under the case's write lock, with
    /// the search index brought up to date at the end.
    fn sync_with(&self, client: &mut postgres::Client) -> Result<SyncReport> {
        self.changing_index(|| {
            // A reader's changes are refused by the server; the reader still receives
            // everyone else's, and hears of the refusal once they are in.
            let mut refused = None;
            let pushed = match self.push_all(client) {
                Ok(pushed) => pushed,
                Err(e) if e.code == ErrorCode::Forbidden => {
                    refused = Some(e);
                    0
                }
                Err(e) => return Err(e),
            };
            let mut report = SyncReport {
                pushed,
                ..SyncReport::default()
            };
            self.pull_all(client, &mut report)?;
            // The documents that came in get their quotes, entities and dates here, so the
            // decisions waiting in the inbox find them.
            self.extract_pending(&mut |_| true)?;
            step("extracted");
            let tx = self.conn.unchecked_transaction()?;
            let mark = journal::outbox_last(&tx)?;
            let mut applied = sync_apply::Applied::default();
            for change in journal::inbox(&tx)? {
                sync_apply::apply(&tx, &change, &mut applied)?;
            }
            sync_apply::settle_all_reviews(&tx)?;
            journal::inbox_clear(&tx)?;
            journal::outbox_forget_after(&tx, mark)?;
            journal::set_state(&tx, "last_sync", &store::now())?;
            tx.commit()?;
            step("applied");
            report.conflicts = applied.conflicts;
            report.server_seq = cursor(&self.conn)?;
            let member = journal::state(&self.conn, "member")?.unwrap_or_default();
            server::record_member(client, &member, report.server_seq)?;
            match refused {
                Some(refusal) => Err(refusal),
                None => Ok(report),
            }
        })
    }

    /// Sends the outbox a batch at a time, in three steps each its own transaction: the
    /// batch's change ids and payloads are decided and kept locally, the server commits them,
    /// the outbox forgets them. Killed after the first or the second, the next push sends the
    /// same changes byte for byte and the server keeps each once by its id.
    fn push_all(&self, client: &mut postgres::Client) -> Result<u32> {
        let member = journal::state(&self.conn, "member")?
            .ok_or_else(|| Error::internal("team case without a member id"))?;
        let role = journal::state(&self.conn, "role")?.unwrap_or_default();
        let mut pushed = 0;
        loop {
            let tx = self.conn.unchecked_transaction()?;
            journal::prepare(&tx, &member, &role, BATCH)?;
            tx.commit()?;
            step("prepared");
            let tx = self.conn.unchecked_transaction()?;
            let prepared = journal::prepared(&tx, BATCH, BATCH_BYTES)?;
            let Some(last) = prepared.last().map(|p| p.seq) else {
                break;
            };
            let batch: Vec<server::Outbound> = prepared
                .into_iter()
                // A document purged before its first push goes nowhere: nobody else had it.
                .filter(|p| p.kind != "document" || p.original.is_some())
                .map(|p| server::Outbound {
                    change_id: p.change_id,
                    kind: p.kind,
                    payload: p.payload,
                    original: p.original,
                })
                .collect();
            pushed += server::push(client, &batch)? as u32;
            step("pushed");
            journal::outbox_done(&tx, last)?;
            tx.commit()?;
            step("marked");
        }
        Ok(pushed)
    }

    /// Receives everyone else's changes a batch at a time: documents are stored at once (they
    /// need extraction before anything can point into them), the rest waits in the inbox; the
    /// cursor moves in the same transaction.
    fn pull_all(&self, client: &mut postgres::Client, report: &mut SyncReport) -> Result<()> {
        let member = journal::state(&self.conn, "member")?.unwrap_or_default();
        let own = format!("{member}-");
        loop {
            let after = cursor(&self.conn)?;
            let changes = server::pull(client, after, BATCH as i64)?;
            let Some(last) = changes.last().map(|(c, _)| c.server_seq) else {
                break;
            };
            let tx = self.conn.unchecked_transaction()?;
            let mark = journal::outbox_last(&tx)?;
            for (change, original) in &changes {
                if change.change_id.starts_with(&own) {
                    continue;
                }
                report.pulled += 1;
                if change.unit == "document" {
                    let original = original.as_deref().ok_or_else(|| {
                        Error::not_found(format!(
                            "the team server has no original for document {}",
                            change.payload["sha256"]
                        ))
                    })?;
                    if journal::insert_document(&tx, &change.payload, original)? {
                        report.documents += 1;
                    }
                } else {
                    journal::inbox_add(&tx, change)?;
                }
            }
            journal::set_state(&tx, "cursor", &last.to_string())?;
            journal::outbox_forget_after(&tx, mark)?;
            tx.commit()?;
            step("pulled");
        }
        Ok(())
    }
}

/// Stops the process dead at a named step boundary of a sync when `DOSSIER_SYNC_KILL_AT`
/// says so (`step` or `step:n` for its n-th passage), as a kill -9 landing exactly there
/// would: the tests use it to check that the next sync finishes the job from every boundary,
/// which random kills only reach by luck. The steps are `prepared` (a push batch's changes
/// decided locally), `pushed` (the server committed them, the outbox not yet told),
/// `marked`, `pulled` (a pull batch stored), `extracted` and `applied`.
fn step(name: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static PASSED: AtomicUsize = AtomicUsize::new(0);
    let Some(wanted) = std::env::var_os("DOSSIER_SYNC_KILL_AT") else {
        return;
    };
    let wanted = wanted.to_string_lossy();
    let (at, nth) = match wanted.split_once(':') {
        Some((at, n)) => (at, n.parse().unwrap_or(1)),
        None => (wanted.as_ref(), 1),
    };
    if at == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 == nth {
        eprintln!("DOSSIER_SYNC_KILL_AT: stopping dead after {name}");
        std::process::abort();
    }
}

fn cursor(conn: &rusqlite::Connection) -> Result<i64> {
    Ok(journal::state(conn, "cursor")?
        .and_then(|c| c.parse().ok())
        .unwrap_or(0))
}

/// Records which server and team case this case syncs with, as which role, and gives this
/// member its id (the prefix of its change ids).
fn start_membership(
    conn: &rusqlite::Connection,
    url: &str,
    team_case: &str,
    role: &str,
) -> Result<()> {
    let member: String = conn.query_row("SELECT lower(hex(randomblob(8)))", [], |r| r.get(0))?;
    journal::set_state(conn, "member", &member)?;
    journal::set_state(conn, "team_case", team_case)?;
    journal::set_state(conn, "role", role)?;
    journal::set_state(conn, "cursor", "0")?;
    // Last, since the triggers start recording once the case has a server. The password, if
    // the URL had one, is left out: credentials come from `.pgpass` or the URL given each time.
    journal::set_state(conn, "url", &connect::redact(url))?;
    Ok(())
}
