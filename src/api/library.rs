//! The library's reads: a page of documents in the order and filter the window shows, and the
//! outlets to suggest in its filter, so the window never needs every document at once.

use crate::model::{DocumentPage, DocumentPageRequest, OutletCount};
use crate::store::document_page;
use crate::{Case, Result};

impl Case {
    /// One page of the library, and how many documents its filter selects.
    pub fn document_page(&self, request: &DocumentPageRequest) -> Result<DocumentPage> {
        document_page::page(&self.conn, request)
    }

    /// The `limit` outlets with the most documents, most first.
    pub fn document_outlets(&self, limit: usize) -> Result<Vec<OutletCount>> {
        document_page::outlets(&self.conn, limit)
    }
}
