//! Dossier's core: the case file and everything that reads, writes and derives from it.
//!
//! [`Case`] is the single API surface. The `dossier` CLI, the desktop app's commands and the
//! tests all go through it; none of them touch SQL directly.

pub mod analysis;
mod api;
mod case;
pub mod demo;
pub mod entities;
pub mod error;
mod export;
pub mod import;
pub mod intervals;
pub mod legal;
pub mod model;
pub mod normalize;
pub mod notes;
pub mod pubdate;
pub mod quotes;
pub mod search;
pub mod stage;
mod store;
pub mod timex;
mod verify;

pub use case::{Case, Notifier};
pub use error::{Error, ErrorCode, Result};
pub use export::file::Existing;
pub use model::{
    Document, DocumentKind, DocumentSummary, ImportFailure, ImportProgress, ImportReport,
    LegalStructure, PageSpan, RepairReport, SourceFormat, TextStatus, VerifyReport,
};
pub use search::model::{
    FacetCount, HitKind, ReindexReport, SavedSearch, SearchFacets, SearchHit, SearchRequest,
    SearchResults, SearchSort,
};
