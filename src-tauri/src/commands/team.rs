//! Commands of team cases (issue 20): making the open case a team case on a PostgreSQL
//! server, giving a role its rights there, joining a team case as a new local case file,
//! syncing, and the sync status the Sync button shows. The connection string is the user's,
//! passed through as typed: TLS and passwords follow libpq's rules in the core.

use dossier::model::{SyncReport, SyncStatus};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;
use crate::dto::CaseInfo;

/// Sends a team case's changes to its server and brings everyone else's (the Sync button).
#[tauri::command]
pub async fn sync_case(app: AppHandle) -> Result<SyncReport, Error> {
    blocking(app, move |s| s.with_case(|case| case.sync())).await
}

/// What the Sync button shows, read locally: last sync, changes waiting, who changed what.
#[tauri::command]
pub async fn sync_status(app: AppHandle) -> Result<SyncStatus, Error> {
    blocking(app, move |s| s.with_case(|case| case.sync_status())).await
}
/// Publishes the open case to a team server: the schema, then every document and decision.
#[tauri::command]
pub async fn publish_team_case(app: AppHandle, url: String) -> Result<SyncReport, Error> {
    blocking(app, move |s| s.with_case(|case| case.team_publish(&url))).await
}

/// Gives an existing PostgreSQL role editor or reader rights on the open team case.
#[tauri::command]
pub async fn grant_team_role(app: AppHandle, role: String, editor: bool) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.team_grant(&role, editor))
    })
    .await
}

/// Makes a new local case file at `path` from a team case, originals included, and opens it.
#[tauri::command]
pub async fn join_team_case(app: AppHandle, url: String, path: String) -> Result<CaseInfo, Error> {
    blocking(app, move |s| s.join_team(&url, path.as_ref())).await
}
