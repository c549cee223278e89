//! The app's own IPC types, generated to TypeScript with ts-rs next to the core's bindings.
//! Everything about documents and searches comes from the core; these describe only the
//! window's state: the open case, recent cases, the progress of a running import and of the
//! extraction stage running in the background, and the app's version for the About box.

use dossier::{Case, Error, ImportProgress};
use serde::Serialize;
use ts_rs::TS;

/// What the window shows about the open case.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CaseInfo {
    pub path: String,
    /// The file name without `.dossier`, used as the case's title.
    pub name: String,
    pub document_count: usize,
}

impl CaseInfo {
    pub fn of(case: &Case) -> dossier::Result<CaseInfo> {
        Ok(CaseInfo {
            path: case.path().display().to_string(),
            name: case_name(case.path()),
            document_count: case.document_count()?,
        })
    }
}

/// A case's display name: its file name without the `.dossier` extension.
pub fn case_name(path: &std::path::Path) -> String {
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A case the person opened before, newest first in the picker.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RecentCase {
    pub path: String,
    pub name: String,
    /// When it was last opened, in milliseconds since the Unix epoch.
    #[ts(type = "number")]
    pub opened_at_ms: u64,
    /// False when the file has been moved or deleted since; the picker greys it out.
    pub exists: bool,
}

/// Which part of an import is running. Reading covers every file; indexing is the one search
/// index commit at the end, which on a large batch takes long enough to deserve its own label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum ImportPhase {
    Reading,
    Indexing,
}

/// The payload of the `import-progress` event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ImportEvent {
    pub phase: ImportPhase,
    pub progress: ImportProgress,
}

/// Where the extraction stage (quotes, people, dates) stands in the open case: the payload of
/// the `extraction-progress` event and the answer of `extraction_status`. The window shows
/// "extracting 12,345 of 23,192" from it while `running`, and nothing once every document is
/// extracted.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ExtractionState {
    /// The stage is running in the background now.
    pub running: bool,
    /// Documents in the case.
    pub documents: usize,
    /// Documents extracted with the current extractor version, this run's included.
    pub extracted: usize,
    /// Documents extracted per second by this run, once it has run long enough to say.
    pub rate: Option<f64>,
    /// Seconds left at that rate.
    pub eta_seconds: Option<f64>,
    /// Documents this run could not extract (left pending, or kept without some proposals),
    /// each named in the app's log.
    pub problems: usize,
    /// Why the stage stopped, when it stopped on an error; the next open tries again.
    pub error: Option<Error>,
}

/// What the About box says: the app's version, which the workspace's Cargo.toml states once for
/// the app, the CLI and the packages, and the commit it was built from. The build scripts pass
/// the commit in `DOSSIER_COMMIT` (from `git rev-parse`) when they compile the app; a build
/// without it says "unknown" rather than guess.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct About {
    pub version: String,
    pub commit: String,
}

impl About {
    pub fn current() -> About {
        About {
            version: env!("CARGO_PKG_VERSION").to_string(),
            commit: option_env!("DOSSIER_COMMIT")
                .filter(|commit| !commit.is_empty())
                .unwrap_or("unknown")
                .to_string(),
        }
    }
}
