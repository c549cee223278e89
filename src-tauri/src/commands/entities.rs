//! Commands of the people view: pages of people and organisations found by name, one
//! entity's details, and the decisions a person makes about them (rename, merge, the exact
//! undo of a merge, split). The reads go to the read-only handle while an import or the
//! extraction stage writes, like the quotes view's.

use dossier::model::{EntityDetail, EntityFilter, EntityPage, EntitySummary, MergeRecord};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;

/// A page of the case's people and organisations, most quoted first, with how many match.
#[tauri::command]
pub async fn entity_page(app: AppHandle, filter: EntityFilter) -> Result<EntityPage, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.entity_page(&filter))
    })
    .await
}

#[tauri::command]
pub async fn get_entity(app: AppHandle, id: i64) -> Result<EntityDetail, Error> {
    blocking(app, move |s| s.with_reader(|case| case.entity(id))).await
}

#[tauri::command]
pub async fn rename_entity(app: AppHandle, id: i64, name: String) -> Result<EntitySummary, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.rename_entity(id, &name))
    })
    .await
}

/// Merges `from` into `into`; the answer is the merge's id, which `unmerge_entities` undoes.
#[tauri::command]
pub async fn merge_entities(app: AppHandle, into: i64, from: i64) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.merge_entities(into, from))
    })
    .await
}

#[tauri::command]
pub async fn unmerge_entities(app: AppHandle, merge: i64) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.unmerge_entities(merge))
    })
    .await
}

#[tauri::command]
pub async fn split_entity(app: AppHandle, id: i64, alias: String) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.split_entity(id, &alias))
    })
    .await
}

/// The merges folded into an entity that still stand, with who made each (a team member).
#[tauri::command]
pub async fn entity_merges(app: AppHandle, id: i64) -> Result<Vec<MergeRecord>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.entity_merges(id))).await
}
