//! Dossier's core: the case file and everything that reads, writes and derives from it.
//!
//! [`Case`] is the single API surface. The `dossier` CLI, the desktop app's commands and the
//! tests all go through it; none of them touch SQL directly.

// The API: `Case` and the types it takes and returns.
pub mod model;
pub mod search;

// Pure extractors and helpers, public on purpose: text in, spans or values out, no case
// needed. The benchmarks, the evaluations and the fuzzer (examples/) call them directly.
pub mod copies;
pub mod entities;
pub mod import;
pub mod intervals;
pub mod legal;
pub mod lineage;
pub mod mail;
pub mod network;
pub mod normalize;
pub mod notes;
pub mod ocr;
pub mod pubdate;
pub mod quotes;
pub mod text;
pub mod timex;

// The demo case the app builds on first use.
pub mod demo;

// Not API: the case's insides, reached only through `Case`.
pub(crate) mod analysis;
mod api;
mod audit;
mod case;
mod cite;
mod digest;
pub(crate) mod error;
mod export;
mod grouping;
mod ocr_stage;
mod stage;
mod store;
#[cfg(feature = "team")]
mod team;
mod verify;

pub use case::{Case, Notifier};
pub use error::{Error, ErrorCode, Result};
pub use export::file::Existing;
pub use model::{
    Document, DocumentKind, DocumentSummary, ImportFailure, ImportProgress, ImportReport,
    LegalStructure, PageSpan, RepairReport, SourceFormat, TextStatus, VerifyReport,
};
pub use model::{
    FacetCount, HitKind, ReindexReport, SavedSearch, SearchFacets, SearchHit, SearchRequest,
    SearchResults, SearchSort, ENTITY_DETAIL_ROWS,
};
pub use stage::EXTRACTOR_VERSION;
