//! The ingest contract: what every importer hands over and the store writes. It lives with the
//! other data types, not in `import/`, so the store can write a document without depending on
//! the importer that made it (issue 18).

use crate::model::{DocumentKind, LegalStructure, PageSpan, SourceFormat, TextStatus};
use crate::pubdate::PublishedDate;

/// A document as an importer produced it, before it has an id.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedDocument {
    pub kind: DocumentKind,
    pub title: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published_raw: Option<String>,
    pub published: Option<PublishedDate>,
    pub keywords: Vec<String>,
    pub language: Option<String>,
    pub doc_ref: Option<String>,
    pub format: SourceFormat,
    /// The bytes exactly as they were in the file (for a file of several records, this
    /// record's bytes).
    pub original: Vec<u8>,
    pub text: String,
    pub extra: serde_json::Value,
    /// Pages, text status and legal structure, for the sources that have them.
    pub structure: Structure,
}

/// What a source tells about itself beyond its text and metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Structure {
    /// Where each page lies in the text, for paginated sources (PDF); empty otherwise.
    pub pages: Vec<PageSpan>,
    /// `NeedsOcr` when pages had no text layer.
    pub text_status: TextStatus,
    /// The structure of a court filing (caption, counts, paragraphs), when it is one.
    pub legal: Option<LegalStructure>,
}
