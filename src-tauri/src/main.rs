//! Dossier's desktop app: a window onto one case file.
//!
//! Every command here is a thin delegation to [`dossier::Case`]; the SQL and the business rules
//! live in the core so that the CLI, the app and the tests all behave the same way.

// Release builds on Windows should not open a console window next to the app.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use dossier::{Case, Document, DocumentSummary, Error};
use serde::Serialize;
use tauri::{Manager, State};

/// The open case, if any. `Case` holds a SQLite connection, which is `Send` but not `Sync`,
/// so every command takes the lock for the length of one core call.
type OpenCase = Mutex<Option<Case>>;

/// The case the app was asked to open at start. It is kept so that, while no case is open,
/// `current_case` can try it again and say why it fails instead of a bare "no case is open";
/// the file may also have been created since, and "Try again" in the window should then work.
struct Requested(Option<PathBuf>);

/// What the window shows about the open case.
#[derive(Debug, Clone, Serialize)]
struct CaseInfo {
    path: String,
    document_count: usize,
}

impl CaseInfo {
    fn of(case: &Case) -> dossier::Result<CaseInfo> {
        Ok(CaseInfo {
            path: case.path().display().to_string(),
            document_count: case.document_count()?,
        })
    }
}

/// Takes a lock, turning a poisoned one into an error the UI can show rather than a panic,
/// because a panic in an earlier command should not take the whole window down with it.
fn lock<T>(mutex: &Mutex<T>) -> dossier::Result<MutexGuard<'_, T>> {
    mutex.lock().map_err(|_| {
        Error::internal(
            "the app's state was left inconsistent by an earlier failure; restart the app",
        )
    })
}

/// Runs one core call against the open case.
fn with_case<T>(
    state: &OpenCase,
    call: impl FnOnce(&Case) -> dossier::Result<T>,
) -> dossier::Result<T> {
    let guard = lock(state)?;
    let case = guard.as_ref().ok_or_else(|| {
        Error::not_found("no case is open: start the app with a case file, e.g. `dossier-app path/to/case.dossier`")
    })?;
    call(case)
}

/// Opens `path` as the current case, replacing any case that was open.
fn open_into(state: &OpenCase, path: &Path) -> dossier::Result<CaseInfo> {
    let case = Case::open(path)?;
    let info = CaseInfo::of(&case)?;
    *lock(state)? = Some(case);
    Ok(info)
}

/// The case to open at start: the first command-line argument, else `DOSSIER_CASE`.
/// Empty values are ignored so that `DOSSIER_CASE=` behaves like an unset variable.
fn startup_case_path(first_arg: Option<OsString>, env_case: Option<OsString>) -> Option<PathBuf> {
    first_arg
        .filter(|arg| !arg.is_empty())
        .or(env_case.filter(|value| !value.is_empty()))
        .map(PathBuf::from)
}

#[tauri::command]
async fn current_case(
    state: State<'_, OpenCase>,
    requested: State<'_, Requested>,
) -> Result<Option<CaseInfo>, Error> {
    if let Some(case) = lock(&state)?.as_ref() {
        return CaseInfo::of(case).map(Some);
    }
    match &requested.0 {
        Some(path) => open_into(&state, path).map(Some),
        None => Ok(None),
    }
}

#[tauri::command]
async fn open_case(path: String, state: State<'_, OpenCase>) -> Result<CaseInfo, Error> {
    open_into(&state, Path::new(&path))
}

#[tauri::command]
async fn list_documents(state: State<'_, OpenCase>) -> Result<Vec<DocumentSummary>, Error> {
    with_case(&state, Case::documents)
}

#[tauri::command]
async fn get_document(id: i64, state: State<'_, OpenCase>) -> Result<Document, Error> {
    with_case(&state, |case| case.document(id))
}

fn main() {
    let startup = startup_case_path(std::env::args_os().nth(1), std::env::var_os("DOSSIER_CASE"));

    tauri::Builder::default()
        .manage(OpenCase::default())
        .manage(Requested(startup.clone()))
        .setup(move |app| {
            if let Some(path) = startup {
                // The window shows the same error through `current_case`; stderr keeps it for
                // whoever launched the app from a terminal or a script.
                if let Err(err) = open_into(&app.state::<OpenCase>(), &path) {
                    eprintln!("dossier-app: cannot open {}: {}", path.display(), err);
                }
            }
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            current_case,
            open_case,
            list_documents,
            get_document
        ])
        .run(tauri::generate_context!())
        .expect("the Dossier window could not be started");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn argument_wins_over_environment() {
        let path = startup_case_path(Some("a.dossier".into()), Some("b.dossier".into()));
        assert_eq!(path, Some(PathBuf::from("a.dossier")));
    }

    #[test]
    fn environment_is_used_without_argument() {
        let path = startup_case_path(None, Some("b.dossier".into()));
        assert_eq!(path, Some(PathBuf::from("b.dossier")));
    }

    #[test]
    fn empty_values_mean_no_case() {
        assert_eq!(startup_case_path(Some("".into()), Some("".into())), None);
        assert_eq!(startup_case_path(None, None), None);
    }

    #[test]
    fn commands_without_a_case_say_how_to_open_one() {
        let err = with_case(&OpenCase::default(), Case::documents).unwrap_err();
        assert_eq!(err.code, dossier::ErrorCode::NotFound);
        assert!(err.message.contains("dossier-app"));
    }

    #[test]
    fn a_failed_open_leaves_the_open_case_alone() {
        let dir = std::env::temp_dir().join(format!("dossier-app-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let good = dir.join("good.dossier");
        let _ = std::fs::remove_file(&good);
        Case::create(&good).unwrap();

        let state = OpenCase::default();
        let err = open_into(&state, &dir.join("missing.dossier")).unwrap_err();
        assert_eq!(err.code, dossier::ErrorCode::NotFound);
        assert!(state.lock().unwrap().is_none());

        let info = open_into(&state, &good).unwrap();
        assert_eq!(info.document_count, 0);
        assert!(open_into(&state, &dir.join("missing.dossier")).is_err());
        let still_open = with_case(&state, |case| Ok(case.path().to_path_buf())).unwrap();
        assert_eq!(still_open, good);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
