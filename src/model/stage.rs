//! What the extraction stage reports: its progress while it runs and the case's extraction
//! status at any time (documents, extracted, pending). Kept apart from the import's progress
//! because the stage runs on its own (after an import, in the background, or from
//! `dossier reextract --pending`) and a person follows the two separately.
//!
//! These cross no IPC yet (the app's side of the stage comes with the app's next change), so
//! they are serialized for the CLI's JSON but not generated to TypeScript.

use serde::Serialize;

/// How far a running extraction stage has come.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExtractionProgress {
    /// Documents extracted and committed by this run so far.
    pub done: usize,
    /// Documents that were pending when this run began.
    pub total: usize,
}

/// Where the case's extraction stands.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ExtractionStatus {
    pub documents: usize,
    /// Documents extracted with the current extractor version (or a later one).
    pub extracted: usize,
    /// Documents not extracted yet, or extracted by an older extractor version.
    pub pending: usize,
    /// The current extractor version (`stage::EXTRACTOR_VERSION`).
    pub extractor_version: i64,
    /// Another process holds the case's write lock while documents are pending: most likely
    /// a stage running (a background `reextract --pending` an `import --no-wait` started),
    /// though any writer holding the lock looks the same from outside.
    pub running: bool,
}
