//! Commands about which case is open: opening, creating and closing one, the demo case, the
//! recent-cases list, where file dialogs start, a safe copy of the case, a ping the benchmark
//! times, and the app's version for the About box. They
//! go through [`AppState`], which owns the open case and the app's own
//! files; each is still a one-line delegation.

use std::sync::atomic::Ordering;

use dossier::model::BackupReport;
use dossier::Error;
use tauri::{AppHandle, Manager};

use super::blocking;
use crate::dto::{About, CaseInfo, RecentCase};
use crate::Launch;

#[tauri::command]
pub async fn current_case(
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
pub async fn open_case(app: AppHandle, path: String) -> Result<CaseInfo, Error> {
    blocking(app, move |s| s.open(path.as_ref())).await
}

#[tauri::command]
pub async fn create_case(app: AppHandle, path: String) -> Result<CaseInfo, Error> {
    blocking(app, move |s| s.create(path.as_ref())).await
}

#[tauri::command]
pub async fn open_demo_case(app: AppHandle) -> Result<CaseInfo, Error> {
    blocking(app, |s| s.open_demo()).await
}

#[tauri::command]
pub async fn close_case(app: AppHandle) -> Result<(), Error> {
    blocking(app, |s| s.close()).await
}

#[tauri::command]
pub async fn recent_cases(app: AppHandle) -> Result<Vec<RecentCase>, Error> {
    blocking(app, |s| Ok(s.recent())).await
}

#[tauri::command]
pub async fn forget_recent_case(app: AppHandle, path: String) -> Result<Vec<RecentCase>, Error> {
    blocking(app, move |s| s.forget_recent(path.as_ref())).await
}

/// Where a file dialog starts: the folder last used in one, else the person's home.
#[tauri::command]
pub async fn dialog_folder(app: AppHandle) -> Result<Option<String>, Error> {
    let home = app.path().home_dir().ok();
    blocking(app, move |s| Ok(s.dialog_folder(home))).await
}

#[tauri::command]
pub async fn remember_folder(app: AppHandle, path: String) -> Result<(), Error> {
    blocking(app, move |s| s.remember_folder(path.as_ref())).await
}

#[tauri::command]
pub async fn backup_case(
    app: AppHandle,
    path: String,
    overwrite: bool,
) -> Result<BackupReport, Error> {
    blocking(app, move |s| {
        s.with_case(|case| case.backup(path.as_ref(), overwrite))
    })
    .await
}

/// Answers at once without touching the case: the benchmark measures the window's round trip
/// with it while an import runs.
#[tauri::command]
pub async fn ping() -> Result<(), Error> {
    Ok(())
}

/// The version and commit the About box shows (with the keyboard shortcuts, under `?`).
#[tauri::command]
pub async fn about() -> Result<About, Error> {
    Ok(About::current())
}
