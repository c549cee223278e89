//! Tests of the app's state without a window: start-up, recent cases, imports and the demo.

use std::path::{Path, PathBuf};

use dossier::{Case, ErrorCode};

use super::startup_case_path;
use crate::dto::ImportPhase;
use crate::state::{AppState, Places};

/// A scratch folder removed when the test ends.
pub(crate) struct Scratch(PathBuf);

impl Scratch {
    pub(crate) fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("dossier-app-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    pub(crate) fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    pub(crate) fn state(&self, requested: Option<PathBuf>) -> AppState {
        AppState::new(
            Places {
                recent_file: self.path("config/recent-cases.json"),
                demo_case: self.path("data/demo.dossier"),
                demo_sources: demo_sources(),
            },
            requested,
        )
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn demo_sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/demo")
}

#[test]
fn argument_wins_over_environment() {
    let path = startup_case_path(Some("a.dossier".into()), Some("b.dossier".into()));
    assert_eq!(path, Some(PathBuf::from("a.dossier")));
    let path = startup_case_path(None, Some("b.dossier".into()));
    assert_eq!(path, Some(PathBuf::from("b.dossier")));
    assert_eq!(startup_case_path(Some("".into()), Some("".into())), None);
    assert_eq!(startup_case_path(None, None), None);
}

#[test]
fn commands_without_a_case_send_the_person_to_the_picker() {
    let scratch = Scratch::new("nocase");
    let state = scratch.state(None);
    assert_eq!(state.current().unwrap(), None);
    let err = state.with_case(Case::documents).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert!(err.message.contains("case picker"));
}

#[test]
fn a_failed_open_leaves_the_open_case_alone() {
    let scratch = Scratch::new("failedopen");
    let state = scratch.state(None);
    let good = scratch.path("good.dossier");
    let info = state.create(&good).unwrap();
    assert_eq!((info.name.as_str(), info.document_count), ("good", 0));

    let err = state.open(&scratch.path("missing.dossier")).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    let still_open = state
        .with_case(|case| Ok(case.path().to_path_buf()))
        .unwrap();
    assert_eq!(still_open, good);

    let err = state.create(&good).unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
}

#[test]
fn joining_a_team_case_never_overwrites_a_file_and_a_failed_join_keeps_the_open_case() {
    let scratch = Scratch::new("join");
    let state = scratch.state(None);
    let good = scratch.path("good.dossier");
    state.create(&good).unwrap();
    // The chosen file exists: refused before any server is asked.
    let err = state
        .join_team("host=/nonexistent-socket-dir dbname=team", &good)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict, "{}", err.message);
    // No server there: a clear error, no file left behind, the open case still open.
    let new = scratch.path("new.dossier");
    let err = state
        .join_team(
            "host=/nonexistent-socket-dir dbname=team connect_timeout=2",
            &new,
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Unavailable, "{}", err.message);
    assert!(!new.exists());
    let still_open = state
        .with_case(|case| Ok(case.path().to_path_buf()))
        .unwrap();
    assert_eq!(still_open, good);
}

#[test]
fn the_requested_case_is_retried_until_it_opens() {
    let scratch = Scratch::new("requested");
    let path = scratch.path("later.dossier");
    let state = scratch.state(Some(path.clone()));
    assert_eq!(state.current().unwrap_err().code, ErrorCode::NotFound);
    drop(Case::create(&path).unwrap());
    assert_eq!(state.current().unwrap().unwrap().name, "later");
}

#[test]
fn the_last_case_reopens_at_start_and_recent_cases_are_listed() {
    let scratch = Scratch::new("recent");
    let first = scratch.path("first.dossier");
    let second = scratch.path("second.dossier");
    {
        let state = scratch.state(None);
        state.create(&first).unwrap();
        state.create(&second).unwrap();
        let names: Vec<_> = state.recent().into_iter().map(|r| r.name).collect();
        assert_eq!(names, ["second", "first"]);
        state.close().unwrap();
        assert_eq!(state.current().unwrap(), None, "closing goes to the picker");
    }
    // A new process (a new state over the same config folder) reopens the last case.
    let state = scratch.state(None);
    assert_eq!(state.current().unwrap().unwrap().name, "second");
    let left = state.forget_recent(&second).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].name, "first");
}

#[test]
fn imports_report_progress_phases_and_can_be_cancelled() {
    let scratch = Scratch::new("import");
    let state = scratch.state(None);
    state.create(&scratch.path("case.dossier")).unwrap();
    let sources = scratch.path("sources");
    std::fs::create_dir_all(&sources).unwrap();
    for i in 0..5 {
        std::fs::write(
            sources.join(format!("note{i}.txt")),
            format!("Note {i}\n\nThe Kelihos botnet, part {i}."),
        )
        .unwrap();
    }
    std::fs::write(sources.join("empty.txt"), b"").unwrap();

    let mut events = Vec::new();
    let report = state
        .import(std::slice::from_ref(&sources), &mut |event| {
            events.push(event)
        })
        .unwrap();
    assert_eq!(report.imported, 5);
    assert_eq!(report.failed.len(), 1);
    assert!(report.failed[0].path.ends_with("empty.txt"));
    let last = events.last().unwrap();
    assert_eq!(last.phase, ImportPhase::Indexing);
    assert_eq!(last.progress.files_done, last.progress.files_total);
    assert!(!state.cancel_import(), "nothing runs any more");

    let more = scratch.path("more");
    std::fs::create_dir_all(&more).unwrap();
    for i in 0..5 {
        std::fs::write(more.join(format!("m{i}.txt")), format!("More {i}")).unwrap();
    }
    // Cancelling from the progress callback stands in for the Cancel button, which sets the
    // same flag from another thread while the import runs.
    let report = state
        .import(&[more], &mut |_| {
            state.cancel_import();
        })
        .unwrap();
    assert!(report.cancelled);
    assert!(report.imported < 5);
    assert_eq!(
        state.with_case(Case::document_count).unwrap(),
        5 + report.imported
    );
}

#[test]
fn documents_and_search_are_read_while_an_import_holds_the_case() {
    let scratch = Scratch::new("reading");
    let state = scratch.state(None);
    state.create(&scratch.path("case.dossier")).unwrap();
    let sources = scratch.path("sources");
    std::fs::create_dir_all(&sources).unwrap();
    std::fs::write(sources.join("a.txt"), "Kelihos\n\nThe Kelihos botnet fell.").unwrap();
    state.import(&[sources], &mut |_| {}).unwrap();

    let more = scratch.path("more");
    std::fs::create_dir_all(&more).unwrap();
    for i in 0..3 {
        std::fs::write(
            more.join(format!("m{i}.txt")),
            format!("More {i}\n\nText {i}."),
        )
        .unwrap();
    }
    let mut during = Vec::new();
    state
        .import(&[more], &mut |_| {
            let docs = state.with_reader(Case::documents).map(|d| d.len());
            let hits = state
                .with_reader(|case| case.search(&dossier::SearchRequest::new("kelihos")))
                .map(|r| r.total);
            let writes = state.with_case(Case::document_count).map_err(|e| e.code);
            during.push((docs, hits, writes));
        })
        .unwrap();
    assert!(!during.is_empty());
    for (docs, hits, writes) in during {
        assert!(
            docs.unwrap() >= 1,
            "the library is listed during the import"
        );
        assert_eq!(hits.unwrap(), 1, "search answers during the import");
        assert_eq!(
            writes,
            Err(ErrorCode::Conflict),
            "other commands still wait"
        );
    }
    assert_eq!(state.with_reader(Case::document_count).unwrap(), 4);
}

#[test]
fn the_demo_case_is_built_once_from_the_shipped_sources() {
    let scratch = Scratch::new("demo");
    let state = scratch.state(None);
    let info = state.open_demo().unwrap();
    assert_eq!(info.name, "demo");
    assert!(info.document_count >= 5, "{info:?}");
    let titles = state
        .with_case(|case| {
            Ok(case
                .documents()?
                .into_iter()
                .map(|d| d.title)
                .collect::<Vec<_>>())
        })
        .unwrap();
    assert!(titles.iter().any(|t| t.contains("Spam Czar")), "{titles:?}");
    // The second time it only opens what exists.
    assert_eq!(
        state.open_demo().unwrap().document_count,
        info.document_count
    );
}

#[test]
fn missing_demo_sources_are_reported_and_leave_nothing_behind() {
    let scratch = Scratch::new("nodemo");
    let state = AppState::new(
        Places {
            recent_file: scratch.path("recent.json"),
            demo_case: scratch.path("data/demo.dossier"),
            demo_sources: scratch.path("no-such-folder"),
        },
        None,
    );
    assert_eq!(state.open_demo().unwrap_err().code, ErrorCode::NotFound);
    assert!(!scratch.path("data/demo.dossier").exists());
}

#[test]
fn the_about_box_names_the_workspace_version() {
    // The one version: [workspace.package] in the root Cargo.toml, which src-tauri inherits and
    // Tauri reads (tauri.conf.json states none), so the About box, the CLI and the packages agree.
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).unwrap();
    let workspace = manifest.split("[workspace.package]").nth(1).unwrap();
    let line = workspace
        .lines()
        .find(|line| line.starts_with("version = "))
        .unwrap();
    let about = crate::dto::About::current();
    assert_eq!(format!("version = \"{}\"", about.version), line);
    assert!(!about.commit.is_empty());
}
