//! Commands of the quotes view and the reader's quote review: pages of quotes and their
//! count, one quote, and a person's review or correction of one. The reads go to the
//! read-only handle while an import or the extraction stage writes (`with_reader`), so the
//! view fills as the stage goes on without pausing it.

use dossier::model::{QuoteEdit, QuoteFilter, QuoteRecord, ReviewStatus};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn list_quotes(app: AppHandle, filter: QuoteFilter) -> Result<Vec<QuoteRecord>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.quotes(&filter))).await
}

#[tauri::command]
pub async fn count_quotes(app: AppHandle, filter: QuoteFilter) -> Result<usize, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.quote_count(&filter))
    })
    .await
}

#[tauri::command]
pub async fn get_quote(app: AppHandle, id: i64) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| s.with_reader(|case| case.quote(id))).await
}

#[tauri::command]
pub async fn review_quote(
    app: AppHandle,
    id: i64,
    status: ReviewStatus,
) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.review_quote(id, status))
    })
    .await
}

#[tauri::command]
pub async fn edit_quote(app: AppHandle, id: i64, edit: QuoteEdit) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.edit_quote(id, &edit))).await
}
