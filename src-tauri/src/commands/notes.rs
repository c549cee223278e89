//! Commands of the notes view: notes and every saved version, the claim check and the
//! sanitised preview of text being written, citation autocomplete, deleting and undeleting
//! notes, and the editor's autosaved drafts.

use dossier::model::{
    CheckProblem, CitationCandidate, NoteDetail, NoteDraft, NoteSummary, NoteVersion,
};
use dossier::Error;
use tauri::AppHandle;

use super::blocking;

#[tauri::command]
pub async fn list_notes(app: AppHandle) -> Result<Vec<NoteSummary>, Error> {
    blocking(app, |s| s.with_case(|case| case.notes())).await
}

#[tauri::command]
pub async fn get_note(app: AppHandle, id: i64) -> Result<NoteDetail, Error> {
    blocking(app, move |s| s.with_case(|case| case.note(id))).await
}

#[tauri::command]
pub async fn add_note(app: AppHandle, title: String, text: String) -> Result<NoteDetail, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.add_note(&title, &text))
    })
    .await
}

#[tauri::command]
pub async fn edit_note(
    app: AppHandle,
    id: i64,
    title: Option<String>,
    text: String,
) -> Result<NoteDetail, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.edit_note(id, title.as_deref(), &text))
    })
    .await
}

#[tauri::command]
pub async fn note_history(app: AppHandle, id: i64) -> Result<Vec<NoteVersion>, Error> {
    blocking(app, move |s| s.with_case(|case| case.note_history(id))).await
}

#[tauri::command]
pub async fn restore_note(app: AppHandle, id: i64, version: i64) -> Result<NoteDetail, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.restore_note(id, version))
    })
    .await
}

/// The claim check of text being written; with the note's id, stale quotes are found too.
#[tauri::command]
pub async fn check_note_text(
    app: AppHandle,
    note: Option<i64>,
    text: String,
) -> Result<Vec<CheckProblem>, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.check_text(note, &text))
    })
    .await
}

/// Sanitised HTML from the core: the one HTML the window shows (the note preview).
#[tauri::command]
pub async fn render_note_html(app: AppHandle, text: String) -> Result<String, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.render_note_html(&text))
    })
    .await
}

#[tauri::command]
pub async fn citation_candidates(
    app: AppHandle,
    query: String,
    limit: usize,
) -> Result<Vec<CitationCandidate>, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.citation_candidates(&query, limit))
    })
    .await
}

#[tauri::command]
pub async fn delete_note(app: AppHandle, id: i64) -> Result<(), Error> {
    blocking(app, move |s| s.with_case(|case| case.delete_note(id))).await
}

#[tauri::command]
pub async fn undelete_note(app: AppHandle, id: i64) -> Result<NoteSummary, Error> {
    blocking(app, move |s| s.with_case(|case| case.undelete_note(id))).await
}

#[tauri::command]
pub async fn deleted_notes(app: AppHandle) -> Result<Vec<NoteSummary>, Error> {
    blocking(app, |s| s.with_case(|case| case.deleted_notes())).await
}

#[tauri::command]
pub async fn save_note_draft(
    app: AppHandle,
    note_id: Option<i64>,
    title: String,
    text: String,
) -> Result<NoteDraft, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.save_note_draft(note_id, &title, &text))
    })
    .await
}

#[tauri::command]
pub async fn note_drafts(app: AppHandle) -> Result<Vec<NoteDraft>, Error> {
    blocking(app, |s| s.with_case(|case| case.note_drafts())).await
}

#[tauri::command]
pub async fn discard_note_draft(app: AppHandle, note_id: Option<i64>) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.discard_note_draft(note_id))
    })
    .await
}
