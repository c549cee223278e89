//! Commands of the network view (issue 22): the network of people and organisations under a
//! filter, the shortest path between two of them, and the sources behind an edge. They only
//! read, so they go to the read-only handle while an import or the extraction stage writes.

use dossier::model::{LinkEvidence, Network, NetworkFilter, NetworkPath};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn network(app: AppHandle, filter: NetworkFilter) -> Result<Network, Error> {
    blocking(app, move |s| s.with_reader(|case| case.network(&filter))).await
}

#[tauri::command]
pub async fn network_path(
    app: AppHandle,
    from: i64,
    to: i64,
    filter: NetworkFilter,
) -> Result<NetworkPath, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.network_path(from, to, &filter))
    })
    .await
}

#[tauri::command]
pub async fn network_evidence(
    app: AppHandle,
    a: i64,
    b: i64,
    filter: NetworkFilter,
) -> Result<Vec<LinkEvidence>, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.network_evidence(a, b, &filter))
    })
    .await
}
