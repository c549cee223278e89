//! The window's Tauri commands, one file per area of the app. Every command is a one-line
//! delegation to [`dossier::Case`] (through [`AppState`] for the open case, recent cases and
//! imports) that maps the core's error for the window; the SQL and the business rules live in
//! the core so that the CLI, the app and the tests all behave the same way. Every command runs
//! its core call on the blocking pool, so the window never waits on the disk.
//!
//! `main.rs` registers them with `generate_handler!`, and `ipc_table.rs` (a test) reads these
//! files to write `ui/src/lib/commands.gen.ts` and to check that every command here is
//! registered, so a command's name and argument keys are written once, in its signature.

pub mod case;
pub mod documents;
pub mod entities;
pub mod export;
pub mod network;
pub mod notes;
pub mod quotes;
pub mod search;
pub mod tags;
pub mod team;
pub mod timeline;

use dossier::Error;
use tauri::{AppHandle, Manager};

use crate::state::AppState;

/// Runs `call` on the blocking thread pool with the app's state, so that a slow disk or a long
/// search never occupies the async runtime that delivers the window's other messages.
pub(crate) async fn blocking<T: Send + 'static>(
    app: AppHandle,
    call: impl FnOnce(&AppState) -> dossier::Result<T> + Send + 'static,
) -> Result<T, Error> {
    tauri::async_runtime::spawn_blocking(move || call(&app.state::<AppState>()))
        .await
        .map_err(|err| Error::internal(format!("the command stopped unexpectedly: {err}")))?
}
