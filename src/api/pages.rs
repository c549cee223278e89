//! Pages and legal structure: what citations and briefs need to say "p. 12".

use crate::model::{LegalStructure, PageSpan};
use crate::store::pages;
use crate::{Case, Error, Result};

impl Case {
    /// The pages of a document, in order, each with its printed number and char span in the
    /// stored text; empty for sources without pages.
    pub fn pages(&self, doc_id: i64) -> Result<Vec<PageSpan>> {
        pages::must_exist(&self.conn, doc_id)?;
        pages::pages(&self.conn, doc_id)
    }

    /// The page holding char `offset` of a document's text, or `None` for a source without
    /// pages. An offset past the end of the text is invalid input.
    pub fn page_of(&self, doc_id: i64, offset: usize) -> Result<Option<PageSpan>> {
        let pages = self.pages(doc_id)?;
        let Some(last) = pages.last() else {
            return Ok(None);
        };
        if offset > last.end {
            return Err(Error::invalid_input(format!(
                "offset {offset} is past the end of document {doc_id} ({} chars)",
                last.end
            )));
        }
        Ok(pages::page_at(&pages, offset).cloned())
    }

    /// The legal structure of a court filing (court, case number, caption, counts and
    /// paragraphs), or `None` when the document is not one.
    pub fn legal_structure(&self, doc_id: i64) -> Result<Option<LegalStructure>> {
        pages::must_exist(&self.conn, doc_id)?;
        pages::legal(&self.conn, doc_id)
    }
}
