//! Dossier's desktop app: a window onto one case file.
//!
//! This file only starts the app: the case to open at start, where the app keeps its files,
//! the plugins, the state and the list of commands the window may call. The commands live in
//! `commands/`, one file per area, each a one-line delegation to [`dossier::Case`].

// Release builds on Windows should not open a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod dto;
mod folders;
mod recent;
mod stage;
mod state;
mod timing;

use std::ffi::OsString;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

use tauri::path::BaseDirectory;
use tauri::{AppHandle, Emitter, Manager};

use commands::{
    case, documents, entities, export, network, notes, quotes, search, tags, team, timeline,
};
use state::{AppState, Places};

/// When the process started, to log how long the window took to become interactive.
pub(crate) struct Launch {
    pub(crate) at: Instant,
    pub(crate) logged: AtomicBool,
}

/// The case to open at start: the first command-line argument, else `DOSSIER_CASE`.
/// Empty values are ignored so that `DOSSIER_CASE=` behaves like an unset variable.
fn startup_case_path(first_arg: Option<OsString>, env_case: Option<OsString>) -> Option<PathBuf> {
    first_arg
        .filter(|arg| !arg.is_empty())
        .or(env_case.filter(|value| !value.is_empty()))
        .map(PathBuf::from)
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
            let state = AppState::new(places, startup);
            let window = app.handle().clone();
            state.on_extraction(Box::new(move |progress| {
                let _ = window.emit("extraction-progress", progress);
            }));
            app.manage(state);
            state::checkpoint_when_idle(app.handle().clone());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            case::current_case,
            case::open_case,
            case::create_case,
            case::open_demo_case,
            case::close_case,
            case::recent_cases,
            case::forget_recent_case,
            case::dialog_folder,
            case::remember_folder,
            case::backup_case,
            team::sync_case,
            team::sync_status,
            team::publish_team_case,
            team::grant_team_role,
            team::join_team_case,
            case::ping,
            case::about,
            documents::list_documents,
            documents::document_page,
            documents::document_outlets,
            documents::get_document,
            documents::grouped_documents,
            documents::document_copies,
            documents::thread_of,
            documents::copy_differences,
            documents::page_image,
            documents::import_paths,
            documents::cancel_import,
            documents::extraction_status,
            documents::edit_document,
            documents::deletion_impact,
            documents::delete_documents,
            documents::restore_documents,
            documents::purge_documents,
            documents::trashed_documents,
            search::search,
            search::saved_searches,
            search::save_search,
            search::delete_saved_search,
            quotes::list_quotes,
            quotes::quote_lineage,
            quotes::quote_reviews,
            quotes::altered_quotes,
            quotes::count_quotes,
            quotes::get_quote,
            quotes::review_quote,
            quotes::edit_quote,
            entities::entity_page,
            entities::get_entity,
            entities::rename_entity,
            entities::merge_entities,
            entities::unmerge_entities,
            entities::entity_merges,
            entities::split_entity,
            network::network,
            network::network_path,
            network::network_evidence,
            timeline::timeline,
            timeline::timeline_points,
            timeline::timeline_density,
            timeline::event_titles,
            timeline::get_event,
            timeline::add_event,
            timeline::edit_event,
            timeline::review_event,
            timeline::merge_events,
            timeline::tag_event,
            timeline::event_tags,
            notes::list_notes,
            notes::get_note,
            notes::add_note,
            notes::edit_note,
            notes::note_history,
            notes::restore_note,
            notes::check_note_text,
            notes::render_note_html,
            notes::citation_candidates,
            notes::delete_note,
            notes::undelete_note,
            notes::deleted_notes,
            notes::save_note_draft,
            notes::note_drafts,
            notes::discard_note_draft,
            export::export_search_csv,
            export::export_quotes_csv,
            export::export_timeline_csv,
            export::preview_brief,
            export::export_brief,
            tags::bulk_documents,
            tags::undo_bulk,
            tags::selected_documents,
            tags::tag_document,
            tags::document_marks,
            tags::marked_documents,
            tags::document_tags,
            tags::reextract_documents,
            tags::export_originals,
            tags::audit_log,
            tags::check_audit_log
        ])
        .build(tauri::generate_context!())
        .expect("the Dossier window could not be started")
        .run(|app, event| {
            // Closing the case on the way out empties the write-ahead log into the case file,
            // so a copy made after the app quits is complete. A running extraction stage is
            // told to stop and not waited for: it is durable, and the next open goes on.
            if let tauri::RunEvent::Exit = event {
                app.state::<AppState>().exit();
            }
        });
}

#[cfg(test)]
mod ipc_table;
#[cfg(test)]
mod stage_tests;
#[cfg(test)]
mod tests;
