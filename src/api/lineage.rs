//! Quote lineage on the `Case` (issue 21): a quote's appearances across documents, earliest
//! first, and the quotes whose words differ from their earliest appearance. The rules are
//! `lineage`'s; the quotes come from `store::lineage`.

use crate::lineage;
use crate::model::{QuoteAppearance, QuoteLineage};
use crate::store::lineage as rows;
use crate::{Case, Error, Result};

impl Case {
    /// The lineage of quote `id`: every appearance of the same words from the same speaker,
    /// earliest first (by publication date, then import order), each later one with its word
    /// differences from the earliest. A quote seen once, or without a speaker, is alone.
    pub fn quote_lineage(&self, id: i64) -> Result<QuoteLineage> {
        let speaker = rows::speaker_of(&self.conn, id)?
            .ok_or_else(|| Error::not_found(format!("no quote {id}")))?;
        if let Some(surname) = speaker {
            let quotes = rows::spoken(&self.conn, Some(&surname))?;
            if let Some(found) = lineage::lineage_of(&quotes, id) {
                return Ok(found);
            }
        }
        let q = self.quote(id)?;
        let outlet = self.document(q.doc_id)?.summary.outlet;
        Ok(QuoteLineage {
            quote: id,
            appearances: vec![QuoteAppearance {
                quote_id: q.id,
                doc_id: q.doc_id,
                doc_title: q.doc_title,
                outlet,
                published: q.published,
                text: q.text,
                speaker: q.speaker,
                earliest_quote: q.id,
                earliest: true,
                altered: false,
                diff: Vec::new(),
            }],
        })
    }

    /// Every quote whose words differ from its lineage's earliest appearance, by lineage (in
    /// the order of their earliest quotes), with the differences.
    pub fn altered_quotes(&self) -> Result<Vec<QuoteAppearance>> {
        let quotes = rows::spoken(&self.conn, None)?;
        Ok(lineage::lineages(&quotes)
            .into_iter()
            .flatten()
            .filter(|a| a.altered)
            .collect())
    }
}
