//! Dossier's desktop app: a window onto one case file.
//!
//! Every command here is a one-line delegation to [`dossier::Case`] (through [`AppState`] for
//! the open case, recent cases and imports); the SQL and the business rules live in the core so
//! that the CLI, the app and the tests all behave the same way. Every command runs its core
//! call on the blocking pool, so the window never waits on the disk.

// Release builds on Windows should not open a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod dto;
mod folders;
mod recent;
mod state;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use dossier::model::{BackupReport, DeletionImpact, DocumentEdit, NoteDraft, TrashedDocument};
use dossier::model::{
    Brief, BriefOptions, CheckProblem, CitationCandidate, EntityDetail, EntityFilter, EntityPage,
    EntitySummary, EventInput, EventRecord, EventTagCount, NoteDetail, NoteSummary, NoteVersion,
    QuoteEdit, QuoteFilter, QuoteRecord, ReviewStatus, TimelinePoints, TimelineQuery,
};
use dossier::{
    Document, DocumentSummary, Error, Existing, ImportReport, SavedSearch, SearchRequest,
    SearchResults,
};
use tauri::path::BaseDirectory;
use tauri::{AppHandle, Emitter, Manager};

use dto::{CaseInfo, RecentCase};
use state::{AppState, Places};

/// When the process started, to log how long the window took to become interactive.
struct Launch {
    at: Instant,
    logged: AtomicBool,
}

/// The case to open at start: the first command-line argument, else `DOSSIER_CASE`.
/// Empty values are ignored so that `DOSSIER_CASE=` behaves like an unset variable.
fn startup_case_path(first_arg: Option<OsString>, env_case: Option<OsString>) -> Option<PathBuf> {
    first_arg
        .filter(|arg| !arg.is_empty())
        .or(env_case.filter(|value| !value.is_empty()))
        .map(PathBuf::from)
}

/// Runs `call` on the blocking thread pool with the app's state, so that a slow disk or a long
/// search never occupies the async runtime that delivers the window's other messages.
async fn blocking<T: Send + 'static>(
    app: AppHandle,
    call: impl FnOnce(&AppState) -> dossier::Result<T> + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(move || call(&app.state::<AppState>()))
        .await
        .map_err(|err| Error::internal(format!("the command stopped unexpectedly: {err}")))?
}

#[tauri::command]
async fn current_case(
    app: AppHandle,
    launch: tauri::State<'_, Launch>,
) -> Result<Option<CaseInfo>, Error> {
    let asked = launch.at.elapsed();
    let answer = blocking(app, |s| s.current()).await;
    // The first answer is the moment the window can show a case or the picker: the figure
    // docs/benchmarks.md records as cold start.
    if std::env::var_os("DOSSIER_TIMING").is_some() && !launch.logged.swap(true, Ordering::SeqCst) {
        eprintln!(
            "dossier-app: interactive {} ms after launch (asked at {} ms)",
            launch.at.elapsed().as_millis(),
            asked.as_millis()
        );
    }
    answer
}

#[tauri::command]
async fn open_case(app: AppHandle, path: String) -> Result<CaseInfo, Error> {
    blocking(app, move |s| s.open(path.as_ref())).await
}

#[tauri::command]
async fn create_case(app: AppHandle, path: String) -> Result<CaseInfo, Error> {
    blocking(app, move |s| s.create(path.as_ref())).await
}

#[tauri::command]
async fn open_demo_case(app: AppHandle) -> Result<CaseInfo, Error> {
    blocking(app, |s| s.open_demo()).await
}

#[tauri::command]
async fn close_case(app: AppHandle) -> Result<(), Error> {
    blocking(app, |s| s.close()).await
}

#[tauri::command]
async fn recent_cases(app: AppHandle) -> Result<Vec<RecentCase>, Error> {
    blocking(app, |s| Ok(s.recent())).await
}

#[tauri::command]
async fn forget_recent_case(app: AppHandle, path: String) -> Result<Vec<RecentCase>, Error> {
    blocking(app, move |s| s.forget_recent(path.as_ref())).await
}

/// Where a file dialog starts: the folder last used in one, else the person's home.
#[tauri::command]
async fn dialog_folder(app: AppHandle) -> Result<Option<String>, Error> {
    let home = app.path().home_dir().ok();
    blocking(app, move |s| Ok(s.dialog_folder(home))).await
}

#[tauri::command]
async fn remember_folder(app: AppHandle, path: String) -> Result<(), Error> {
    blocking(app, move |s| s.remember_folder(path.as_ref())).await
}

#[tauri::command]
async fn list_documents(app: AppHandle) -> Result<Vec<DocumentSummary>, Error> {
    blocking(app, |s| s.with_reader(|case| case.documents())).await
}

#[tauri::command]
async fn get_document(app: AppHandle, id: i64) -> Result<Document, Error> {
    blocking(app, move |s| s.with_reader(|case| case.document(id))).await
}

/// Imports files and folders (from the import button's dialog or a drop on the window),
/// emitting `import-progress` events while it runs.
#[tauri::command]
async fn import_paths(app: AppHandle, paths: Vec<String>) -> Result<ImportReport, Error> {
    let emitter = app.clone();
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    blocking(app, move |s| {
        s.import(&paths, &mut |event| {
            let _ = emitter.emit("import-progress", event);
        })
    })
    .await
}

#[tauri::command]
async fn cancel_import(app: AppHandle) -> Result<bool, Error> {
    Ok(app.state::<AppState>().cancel_import())
}

#[tauri::command]
async fn search(app: AppHandle, request: SearchRequest) -> Result<SearchResults, Error> {
    blocking(app, move |s| s.with_reader(|case| case.search(&request))).await
}

#[tauri::command]
async fn export_search_csv(
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
async fn saved_searches(app: AppHandle) -> Result<Vec<SavedSearch>, Error> {
    blocking(app, |s| s.with_reader(|case| case.saved_searches())).await
}

#[tauri::command]
async fn save_search(app: AppHandle, name: String, query: String) -> Result<SavedSearch, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.save_search(&name, &query))
    })
    .await
}

#[tauri::command]
async fn delete_saved_search(app: AppHandle, name: String) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.delete_saved_search(&name))
    })
    .await
}

#[tauri::command]
async fn list_quotes(app: AppHandle, filter: QuoteFilter) -> Result<Vec<QuoteRecord>, Error> {
    blocking(app, move |s| s.with_case(|case| case.quotes(&filter))).await
}

#[tauri::command]
async fn count_quotes(app: AppHandle, filter: QuoteFilter) -> Result<usize, Error> {
    blocking(app, move |s| s.with_case(|case| case.quote_count(&filter))).await
}

#[tauri::command]
async fn get_quote(app: AppHandle, id: i64) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.quote(id))).await
}

#[tauri::command]
async fn review_quote(app: AppHandle, id: i64, status: ReviewStatus) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.review_quote(id, status))
    })
    .await
}

#[tauri::command]
async fn edit_quote(app: AppHandle, id: i64, edit: QuoteEdit) -> Result<QuoteRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.edit_quote(id, &edit))).await
}

#[tauri::command]
async fn export_quotes_csv(
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
async fn entity_page(app: AppHandle, filter: EntityFilter) -> Result<EntityPage, Error> {
    blocking(app, move |s| s.with_case(|case| case.entity_page(&filter))).await
}

#[tauri::command]
async fn get_entity(app: AppHandle, id: i64) -> Result<EntityDetail, Error> {
    blocking(app, move |s| s.with_case(|case| case.entity(id))).await
}

#[tauri::command]
async fn rename_entity(app: AppHandle, id: i64, name: String) -> Result<EntitySummary, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.rename_entity(id, &name))
    })
    .await
}

#[tauri::command]
async fn merge_entities(app: AppHandle, into: i64, from: i64) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.merge_entities(into, from))
    })
    .await
}

#[tauri::command]
async fn unmerge_entities(app: AppHandle, merge: i64) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.unmerge_entities(merge))
    })
    .await
}

#[tauri::command]
async fn split_entity(app: AppHandle, id: i64, alias: String) -> Result<i64, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.split_entity(id, &alias))
    })
    .await
}

#[tauri::command]
async fn timeline(app: AppHandle, query: TimelineQuery) -> Result<Vec<EventRecord>, Error> {
    blocking(app, move |s| s.with_case(|case| case.timeline(&query))).await
}

#[tauri::command]
async fn timeline_points(app: AppHandle, query: TimelineQuery) -> Result<TimelinePoints, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.timeline_points(&query))
    })
    .await
}

#[tauri::command]
async fn event_titles(app: AppHandle, ids: Vec<i64>) -> Result<Vec<String>, Error> {
    blocking(app, move |s| s.with_case(|case| case.event_titles(&ids))).await
}

#[tauri::command]
async fn get_event(app: AppHandle, id: i64) -> Result<EventRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.event(id))).await
}

#[tauri::command]
async fn add_event(app: AppHandle, input: EventInput) -> Result<EventRecord, Error> {
    blocking(app, move |s| s.with_case(|case| case.add_event(&input))).await
}

#[tauri::command]
async fn edit_event(app: AppHandle, id: i64, input: EventInput) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.edit_event(id, &input))
    })
    .await
}

#[tauri::command]
async fn review_event(app: AppHandle, id: i64, status: ReviewStatus) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.review_event(id, status))
    })
    .await
}

#[tauri::command]
async fn merge_events(app: AppHandle, into: i64, from: Vec<i64>) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.merge_events(into, &from))
    })
    .await
}

#[tauri::command]
async fn tag_event(
    app: AppHandle,
    id: i64,
    add: Vec<String>,
    remove: Vec<String>,
) -> Result<EventRecord, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.tag_event(id, &add, &remove))
    })
    .await
}

#[tauri::command]
async fn event_tags(app: AppHandle) -> Result<Vec<EventTagCount>, Error> {
    blocking(app, move |s| s.with_case(|case| case.event_tags())).await
}

#[tauri::command]
async fn export_timeline_csv(
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
async fn list_notes(app: AppHandle) -> Result<Vec<NoteSummary>, Error> {
    blocking(app, |s| s.with_case(|case| case.notes())).await
}

#[tauri::command]
async fn get_note(app: AppHandle, id: i64) -> Result<NoteDetail, Error> {
    blocking(app, move |s| s.with_case(|case| case.note(id))).await
}

#[tauri::command]
async fn add_note(app: AppHandle, title: String, text: String) -> Result<NoteDetail, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.add_note(&title, &text))
    })
    .await
}

#[tauri::command]
async fn edit_note(
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
async fn note_history(app: AppHandle, id: i64) -> Result<Vec<NoteVersion>, Error> {
    blocking(app, move |s| s.with_case(|case| case.note_history(id))).await
}

#[tauri::command]
async fn restore_note(app: AppHandle, id: i64, version: i64) -> Result<NoteDetail, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.restore_note(id, version))
    })
    .await
}

#[tauri::command]
async fn check_note_text(
    app: AppHandle,
    note: Option<i64>,
    text: String,
) -> Result<Vec<CheckProblem>, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.check_text(note, &text))
    })
    .await
}

#[tauri::command]
async fn render_note_html(app: AppHandle, text: String) -> Result<String, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.render_note_html(&text))
    })
    .await
}

#[tauri::command]
async fn citation_candidates(
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
async fn preview_brief(app: AppHandle, options: BriefOptions) -> Result<Brief, Error> {
    blocking(app, move |s| s.with_case(|case| case.brief(&options))).await
}

#[tauri::command]
async fn export_brief(app: AppHandle, options: BriefOptions, path: String) -> Result<Brief, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.export_brief(&options, path.as_ref(), Existing::Replace))
    })
    .await
}

#[tauri::command]
async fn edit_document(app: AppHandle, id: i64, edit: DocumentEdit) -> Result<Document, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.edit_document(id, &edit))
    })
    .await
}

#[tauri::command]
async fn deletion_impact(app: AppHandle, ids: Vec<i64>) -> Result<DeletionImpact, Error> {
    blocking(app, move |s| s.with_case(|case| case.deletion_impact(&ids))).await
}

#[tauri::command]
async fn delete_documents(app: AppHandle, ids: Vec<i64>) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.delete_documents(&ids))
    })
    .await
}

#[tauri::command]
async fn restore_documents(app: AppHandle, ids: Vec<i64>) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.restore_documents(&ids))
    })
    .await
}

#[tauri::command]
async fn purge_documents(app: AppHandle, ids: Vec<i64>) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, move |s| s.with_case(|case| case.purge_documents(&ids))).await
}

#[tauri::command]
async fn trashed_documents(app: AppHandle) -> Result<Vec<TrashedDocument>, Error> {
    blocking(app, |s| s.with_case(|case| case.trash())).await
}

#[tauri::command]
async fn backup_case(app: AppHandle, path: String, overwrite: bool) -> Result<BackupReport, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.backup(path.as_ref(), overwrite))
    })
    .await
}

#[tauri::command]
async fn delete_note(app: AppHandle, id: i64) -> Result<(), Error> {
    blocking(app, move |s| s.with_case(|case| case.delete_note(id))).await
}

#[tauri::command]
async fn undelete_note(app: AppHandle, id: i64) -> Result<NoteSummary, Error> {
    blocking(app, move |s| s.with_case(|case| case.undelete_note(id))).await
}

#[tauri::command]
async fn deleted_notes(app: AppHandle) -> Result<Vec<NoteSummary>, Error> {
    blocking(app, |s| s.with_case(|case| case.deleted_notes())).await
}

#[tauri::command]
async fn save_note_draft(
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
async fn note_drafts(app: AppHandle) -> Result<Vec<NoteDraft>, Error> {
    blocking(app, |s| s.with_case(|case| case.note_drafts())).await
}

#[tauri::command]
async fn discard_note_draft(app: AppHandle, note_id: Option<i64>) -> Result<(), Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.discard_note_draft(note_id))
    })
    .await
}

/// Answers at once without touching the case: the benchmark measures the window's round trip
/// with it while an import runs.
#[tauri::command]
async fn ping() -> Result<(), Error> {
    Ok(())
}

fn places(app: &AppHandle) -> tauri::Result<Places> {
    Ok(Places {
        recent_file: app.path().app_config_dir()?.join("recent-cases.json"),
        demo_case: app.path().app_data_dir()?.join("demo.dossier"),
        demo_sources: app.path().resolve("demo", BaseDirectory::Resource)?,
    })
}

fn main() {
    let launch = Launch {
        at: Instant::now(),
        logged: AtomicBool::new(false),
    };
    let startup = startup_case_path(std::env::args_os().nth(1), std::env::var_os("DOSSIER_CASE"));

    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(launch)
        .setup(move |app| {
            let places = places(app.handle())?;
            app.manage(AppState::new(places, startup));
            state::checkpoint_when_idle(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            current_case,
            open_case,
            create_case,
            open_demo_case,
            close_case,
            recent_cases,
            forget_recent_case,
            dialog_folder,
            remember_folder,
            list_documents,
            get_document,
            import_paths,
            cancel_import,
            search,
            export_search_csv,
            saved_searches,
            save_search,
            delete_saved_search,
            list_quotes,
            count_quotes,
            get_quote,
            review_quote,
            edit_quote,
            export_quotes_csv,
            entity_page,
            get_entity,
            rename_entity,
            merge_entities,
            unmerge_entities,
            split_entity,
            timeline,
            timeline_points,
            event_titles,
            get_event,
            add_event,
            edit_event,
            review_event,
            merge_events,
            tag_event,
            event_tags,
            export_timeline_csv,
            list_notes,
            get_note,
            add_note,
            edit_note,
            note_history,
            restore_note,
            check_note_text,
            render_note_html,
            citation_candidates,
            preview_brief,
            export_brief,
            edit_document,
            deletion_impact,
            delete_documents,
            restore_documents,
            purge_documents,
            trashed_documents,
            backup_case,
            delete_note,
            undelete_note,
            deleted_notes,
            save_note_draft,
            note_drafts,
            discard_note_draft,
            ping
        ])
        .build(tauri::generate_context!())
        .expect("the Dossier window could not be started")
        .run(|app, event| {
            // Closing the case on the way out empties the write-ahead log into the case file,
            // so a copy made after the app quits is complete.
            if let tauri::RunEvent::Exit = event {
                let _ = app.state::<AppState>().close();
            }
        });
}

#[cfg(test)]
mod tests;
