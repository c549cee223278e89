//! Commands about the case's documents: the library list, one document for the reader, its
//! near-duplicates and how a copy differs from the earliest, an email's thread,
//! imports (with their progress events and cancel), correcting a document's details, and
//! deleting to the trash, restoring and purging, and where the extraction stage that follows
//! an import stands. Reads go to the read-only handle while an import runs (`with_reader`),
//! so the library and the reader stay usable.

use std::path::PathBuf;

use dossier::model::{
    CopyGroup, DeletionImpact, DiffPart, DocumentEdit, DocumentPage, DocumentPageRequest,
    GroupedDocument, OutletCount, PageImage, ThreadMessage, TrashedDocument,
};
use dossier::{Document, DocumentSummary, Error, ImportReport};
use tauri::{AppHandle, Emitter, Manager};

use super::blocking;
use crate::dto::ExtractionState;
use crate::state::AppState;

#[tauri::command]
pub async fn list_documents(app: AppHandle) -> Result<Vec<DocumentSummary>, Error> {
    blocking(app, |s| s.with_reader(|case| case.documents())).await
}

/// One page of the library in the order and filter it shows, with how many match.
#[tauri::command]
pub async fn document_page(
    app: AppHandle,
    request: DocumentPageRequest,
) -> Result<DocumentPage, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.document_page(&request))
    })
    .await
}

/// The outlets with the most documents, for the library filter's suggestions.
#[tauri::command]
pub async fn document_outlets(app: AppHandle, limit: usize) -> Result<Vec<OutletCount>, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.document_outlets(limit))
    })
    .await
}

#[tauri::command]
pub async fn get_document(app: AppHandle, id: i64) -> Result<Document, Error> {
    blocking(app, move |s| s.with_reader(|case| case.document(id))).await
}

/// The other messages of an email's thread, oldest first, for the reader's list.
#[tauri::command]
pub async fn thread_of(app: AppHandle, id: i64) -> Result<Vec<ThreadMessage>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.thread_of(id))).await
}

/// Every document that has near-duplicates, with its group, for the library's "+N copies".
#[tauri::command]
pub async fn grouped_documents(app: AppHandle) -> Result<Vec<GroupedDocument>, Error> {
    blocking(app, |s| s.with_reader(|case| case.grouped_documents())).await
}

/// A document's group of near-duplicates, earliest first (a lone document is its only member).
#[tauri::command]
pub async fn document_copies(app: AppHandle, id: i64) -> Result<CopyGroup, Error> {
    blocking(app, move |s| s.with_reader(|case| case.copies(id))).await
}

/// How a copy differs from its group's earliest document, word by word.
#[tauri::command]
pub async fn copy_differences(app: AppHandle, id: i64) -> Result<Vec<DiffPart>, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.copy_differences(id))
    })
    .await
}

/// A page's picture of a scanned PDF or image, rendered from the stored original and sent as
/// data, for the reader to show beside the recognised text.
#[tauri::command]
pub async fn page_image(app: AppHandle, id: i64, page: u32) -> Result<PageImage, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.page_image(id, page))
    })
    .await
}

/// The one import entry point: the Import buttons and a drop on the window both call it. It
/// imports files and folders, emitting `import-progress` events while it runs.
#[tauri::command]
pub async fn import_paths(app: AppHandle, paths: Vec<String>) -> Result<ImportReport, Error> {
    let emitter = app.clone();
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    blocking(app, move |s| {
        s.import(&paths, &mut |event| {
            let _ = emitter.emit("import-progress", event);
        })
    })
    .await
}

/// Where the extraction stage stands: the window asks once when it opens a case and then
/// follows the `extraction-progress` events.
#[tauri::command]
pub async fn extraction_status(app: AppHandle) -> Result<ExtractionState, Error> {
    Ok(app.state::<AppState>().extraction())
}

#[tauri::command]
pub async fn cancel_import(app: AppHandle) -> Result<bool, Error> {
    Ok(app.state::<AppState>().cancel_import())
}

#[tauri::command]
pub async fn edit_document(app: AppHandle, id: i64, edit: DocumentEdit) -> Result<Document, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.edit_document(id, &edit))
    })
    .await
}

#[tauri::command]
pub async fn deletion_impact(app: AppHandle, ids: Vec<i64>) -> Result<DeletionImpact, Error> {
    blocking(app, move |s| s.with_case(|case| case.deletion_impact(&ids))).await
}

#[tauri::command]
pub async fn delete_documents(
    app: AppHandle,
    ids: Vec<i64>,
) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.delete_documents(&ids))
    })
    .await
}

#[tauri::command]
pub async fn restore_documents(app: AppHandle, ids: Vec<i64>) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.restore_documents(&ids))
    })
    .await
}

#[tauri::command]
pub async fn purge_documents(app: AppHandle, ids: Vec<i64>) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, move |s| s.with_case(|case| case.purge_documents(&ids))).await
}

#[tauri::command]
pub async fn trashed_documents(app: AppHandle) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, |s| s.with_case(|case| case.trash())).await
}
