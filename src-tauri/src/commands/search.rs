//! Commands of the search view: a search and the saved searches. Searching and listing only
//! read, so they answer from the read-only handle while an import runs.

use dossier::{Error, SavedSearch, SearchRequest, SearchResults};
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn search(app: AppHandle, request: SearchRequest) -> Result<SearchResults, Error> {
    blocking(app, move |s| s.with_reader(|case| case.search(&request))).await
}

#[tauri::command]
pub async fn saved_searches(app: AppHandle) -> Result<Vec<SavedSearch>, Error> {
    blocking(app, |s| s.with_reader(|case| case.saved_searches())).await
}

#[tauri::command]
pub async fn save_search(
    app: AppHandle,
    name: String,
    query: String,
) -> Result<SavedSearch, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.save_search(&name, &query))
    })
    .await
}

#[tauri::command]
pub async fn delete_saved_search(app: AppHandle, name: String) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.delete_saved_search(&name))
    })
    .await
}
