//! The search DTOs: what `Case::search` takes and returns, printed by the CLI as JSON and sent
//! to the app over IPC (generated to TypeScript by ts-rs).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::DocumentKind;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum SearchSort {
    #[default]
    Relevance,
    /// Newest publication first; undated hits last.
    Date,
}

/// One search: the query in Dossier's query language (docs/search.md) and the page wanted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SearchRequest {
    pub query: String,
    pub limit: usize,
    pub offset: usize,
    pub sort: SearchSort,
    /// Facet counts cost a pass over every matching hit; batch runs switch them off.
    pub facets: bool,
    /// Snippets cost reading each hit's text; batch runs switch them off.
    pub snippets: bool,
    /// Show the document hits of one group of near-duplicates as one hit, the best ranked,
    /// with how many others it stands for in `copies` (issue 21).
    pub collapse_copies: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            limit: 20,
            offset: 0,
            sort: SearchSort::Relevance,
            facets: true,
            snippets: true,
            collapse_copies: false,
        }
    }
}

impl SearchRequest {
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            ..SearchRequest::default()
        }
    }
}

/// What a hit is. Only documents are indexed so far; the others arrive with their features.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum HitKind {
    Document,
    Quote,
    Event,
    Note,
}

impl HitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Document => "document",
            HitKind::Quote => "quote",
            HitKind::Event => "event",
            HitKind::Note => "note",
        }
    }

    pub fn parse(name: &str) -> Option<HitKind> {
        Some(match name {
            "document" => HitKind::Document,
            "quote" => HitKind::Quote,
            "event" => HitKind::Event,
            "note" => HitKind::Note,
            _ => return None,
        })
    }
}

/// One ranked hit.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SearchHit {
    pub kind: HitKind,
    /// The hit's own id (for a document hit, the document id).
    #[ts(type = "number")]
    pub id: i64,
    /// The document the hit is in.
    #[ts(type = "number")]
    pub doc_id: i64,
    pub title: String,
    /// BM25 relevance; null when sorted by date.
    pub score: Option<f32>,
    /// Up to three fragments joined by ` … `, matched words between `«` and `»`. Plain text:
    /// any `«`/`»` in the source itself is shown as `‹`/`›`, so the markers are unambiguous.
    pub snippet: String,
    pub document_kind: Option<DocumentKind>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// ISO 8601 truncated to its precision.
    pub published: Option<String>,
    /// With `collapse_copies`, how many other hits, near-duplicates of this document, it
    /// stands for (0 otherwise).
    pub copies: usize,
}

/// One value of a facet and how many matching hits have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct FacetCount {
    pub value: String,
    #[ts(type = "number")]
    pub count: u64,
}

/// Counts over all matching hits, not only the page shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SearchFacets {
    pub kind: Vec<FacetCount>,
    /// The 20 outlets with most hits.
    pub outlet: Vec<FacetCount>,
    /// Publication years, oldest first.
    pub year: Vec<FacetCount>,
    /// Speakers of quote hits (empty until quotes exist).
    pub speaker: Vec<FacetCount>,
    /// People's tags on the documents hit, the 50 most frequent.
    pub tag: Vec<FacetCount>,
}

/// The answer to one search.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SearchResults {
    pub query: String,
    /// The exact number of matching hits.
    pub total: usize,
    #[ts(type = "number")]
    pub took_us: u64,
    pub hits: Vec<SearchHit>,
    pub facets: SearchFacets,
    /// Set when the index had to be rebuilt or caught up before answering, for the UI to show.
    pub notice: Option<String>,
}

/// A query kept in the case under a name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
    /// RFC 3339, UTC.
    pub saved_at: String,
}

/// The outcome of rebuilding the index from the case file.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ReindexReport {
    pub documents: usize,
    #[ts(type = "number")]
    pub took_ms: u64,
}
