//! Commands that write a file the person chose in a save dialog (search hits, quotes and the
//! timeline as CSV, the Markdown brief), and the brief's preview. The save dialog has already
//! asked before replacing a file, so each export replaces an existing one.

use dossier::model::{Brief, BriefOptions, QuoteFilter, TimelineQuery};
use dossier::{Error, Existing, SearchRequest};
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn export_search_csv(
    app: AppHandle,
    request: SearchRequest,
    path: String,
) -> Result<usize, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.export_search_csv(&request, path.as_ref(), Existing::Replace))
    })
    .await
}

#[tauri::command]
pub async fn export_quotes_csv(
    app: AppHandle,
    filter: QuoteFilter,
    path: String,
) -> Result<usize, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.export_quotes_csv(&filter, Some(path.as_ref()), Existing::Replace))
    })
    .await
}

#[tauri::command]
pub async fn export_timeline_csv(
    app: AppHandle,
    query: TimelineQuery,
    path: String,
) -> Result<usize, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.export_timeline_csv(&query, Some(path.as_ref()), Existing::Replace))
    })
    .await
}

#[tauri::command]
pub async fn preview_brief(app: AppHandle, options: BriefOptions) -> Result<Brief, Error> {
    blocking(app, move |s| s.with_case(|case| case.brief(&options))).await
}

#[tauri::command]
pub async fn export_brief(
    app: AppHandle,
    options: BriefOptions,
    path: String,
) -> Result<Brief, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.export_brief(&options, path.as_ref(), Existing::Replace))
    })
    .await
}
