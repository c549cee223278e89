//! Commands of the quotes view and the reader's quote review: pages of quotes and their
//! count, one quote and its lineage across documents, the quotes whose wording was altered,
//! and a person's review or correction of one. The reads go to the read-only handle while an
//! import or the extraction stage writes (`with_reader`), so the view fills as the stage goes
//! on without pausing it.

use dossier::model::{
    QuoteAppearance, QuoteEdit, QuoteFilter, QuoteLineage, QuoteRecord, ReviewDecision,
    ReviewStatus,
};
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

/// Every appearance of a quote's words across documents, earliest first, with the changes.
#[tauri::command]
pub async fn quote_lineage(app: AppHandle, id: i64) -> Result<QuoteLineage, Error> {
    blocking(app, move |s| s.with_reader(|case| case.quote_lineage(id))).await
}

/// A quote's review decisions with who made each, newest first (empty for a single user).
#[tauri::command]
pub async fn quote_reviews(app: AppHandle, id: i64) -> Result<Vec<ReviewDecision>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.quote_reviews(id))).await
}

/// Every quote whose words differ from its earliest appearance, with the differences.
#[tauri::command]
pub async fn altered_quotes(app: AppHandle) -> Result<Vec<QuoteAppearance>, Error> {
    blocking(app, |s| s.with_reader(|case| case.altered_quotes())).await
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
