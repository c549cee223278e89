//! Commands for tags and marks on documents, bulk actions over a selection (with
//! `bulk-progress` events while they write, so a bulk action over 100,000 documents shows its
//! progress and the window stays responsive), the originals export, and the audit log panel.

use dossier::model::{
    AuditCheck, AuditEntry, AuditFilter, BulkAction, BulkReport, DocumentMarks, DocumentSelection,
    DocumentTagCount, ExtractionReport,
};
use dossier::{Error, Existing};
use tauri::{AppHandle, Emitter};

use super::blocking;

#[tauri::command]
pub async fn bulk_documents(
    app: AppHandle,
    selection: DocumentSelection,
    action: BulkAction,
) -> Result<BulkReport, Error> {
    let emitter = app.clone();
    blocking(app, move |s| {
        s.with_case(|case| {
            case.bulk(&selection, &action, &mut |p| {
                let _ = emitter.emit("bulk-progress", p);
                true
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn undo_bulk(app: AppHandle, bulk_id: i64) -> Result<BulkReport, Error> {
    blocking(app, move |s| s.with_case(|case| case.undo_bulk(bulk_id))).await
}

#[tauri::command]
pub async fn selected_documents(
    app: AppHandle,
    selection: DocumentSelection,
) -> Result<Vec<i64>, Error> {
    blocking(app, move |s| {
        s.with_reader(|case| case.selected_documents(&selection))
    })
    .await
}

#[tauri::command]
pub async fn tag_document(
    app: AppHandle,
    id: i64,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<DocumentMarks, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.tag_document(id, &add, &remove))
    })
    .await
}

#[tauri::command]
pub async fn document_marks(app: AppHandle, id: i64) -> Result<DocumentMarks, Error> {
    blocking(app, move |s| s.with_reader(|case| case.document_marks(id))).await
}

#[tauri::command]
pub async fn marked_documents(app: AppHandle) -> Result<Vec<DocumentMarks>, Error> {
    blocking(app, |s| s.with_reader(|case| case.marked_documents())).await
}

#[tauri::command]
pub async fn document_tags(app: AppHandle) -> Result<Vec<DocumentTagCount>, Error> {
    blocking(app, |s| s.with_reader(|case| case.document_tags())).await
}

#[tauri::command]
pub async fn reextract_documents(
    app: AppHandle,
    selection: DocumentSelection,
) -> Result<ExtractionReport, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.reextract_documents(&case.selected_documents(&selection)?))
    })
    .await
}

#[tauri::command]
pub async fn export_originals(
    app: AppHandle,
    selection: DocumentSelection,
    path: String,
) -> Result<usize, Error> {
    let emitter = app.clone();
    blocking(app, move |s| {
        s.with_case(|case| {
            case.export_originals(&selection, path.as_ref(), Existing::Replace, &mut |p| {
                // One event per hundred originals is smooth enough and spares the window.
                if p.done % 100 == 0 || p.done == p.total {
                    let _ = emitter.emit("bulk-progress", p);
                }
                true
            })
        })
    })
    .await
}

#[tauri::command]
pub async fn audit_log(app: AppHandle, filter: AuditFilter) -> Result<Vec<AuditEntry>, Error> {
    blocking(app, move |s| s.with_reader(|case| case.audit_log(&filter))).await
}

#[tauri::command]
pub async fn check_audit_log(app: AppHandle) -> Result<AuditCheck, Error> {
    blocking(app, |s| s.with_reader(|case| case.check_audit_log())).await
}
