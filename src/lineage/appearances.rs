//! From a case's quotes to lineages of appearances: the earliest first (by publication date,
//! then import order), each later one with its word differences and whether it altered the
//! words. Pure, so the API and the claim check (`cite`) read lineages the same way.

use super::{altered, common, differences, group, QuoteWords};
use crate::model::{QuoteAppearance, QuoteLineage};

/// A quote with its speaker and its document's place in time, as the store reads it.
#[derive(Debug, Clone)]
pub struct Spoken {
    pub id: i64,
    pub doc_id: i64,
    pub start: i64,
    pub text: String,
    pub speaker_id: i64,
    pub speaker: Option<String>,
    pub doc_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Unix seconds of the earliest publication instant; None when undated.
    pub published_at: Option<i64>,
}

/// The earliest first: by publication instant (undated last), then import order, then place.
fn order(q: &Spoken) -> (bool, i64, i64, i64) {
    (
        q.published_at.is_none(),
        q.published_at.unwrap_or(0),
        q.doc_id,
        q.start,
    )
}

/// The lineages among `quotes`, each earliest first (the earliest document's quotes, then the
/// later appearances) with its differences, in the order of
/// their earliest quotes' ids.
pub fn lineages(quotes: &[Spoken]) -> Vec<Vec<QuoteAppearance>> {
    let said: Vec<QuoteWords<'_>> = quotes
        .iter()
        .map(|q| QuoteWords {
            id: q.id,
            document: q.doc_id,
            speaker: q.speaker_id,
            speaker_name: q.speaker.as_deref().unwrap_or(""),
            text: &q.text,
        })
        .collect();
    let mut out: Vec<Vec<QuoteAppearance>> = group(&said)
        .into_iter()
        .map(|members| {
            let mut members: Vec<&Spoken> = members.iter().map(|&i| &quotes[i]).collect();
            members.sort_by_key(|q| order(q));
            // The earliest document may quote the speaker more than once (a sentence, then a
            // longer passage holding it): each later appearance is compared with the one of
            // those it shares most words with, and all of them count as earliest.
            let first_doc = members[0].doc_id;
            let firsts: Vec<(&Spoken, Vec<String>)> = members
                .iter()
                .filter(|q| q.doc_id == first_doc)
                .map(|q| (*q, super::words(&q.text)))
                .collect();
            members
                .iter()
                .map(|q| {
                    let earliest = q.doc_id == first_doc;
                    let reference = if earliest {
                        *q
                    } else {
                        let own = super::words(&q.text);
                        firsts
                            .iter()
                            .max_by_key(|(_, w)| common(w, &own))
                            .map(|(f, _)| *f)
                            .expect("the earliest document has a quote")
                    };
                    let diff = if earliest {
                        Vec::new()
                    } else {
                        differences(&reference.text, &q.text)
                    };
                    QuoteAppearance {
                        quote_id: q.id,
                        doc_id: q.doc_id,
                        doc_title: q.doc_title.clone(),
                        outlet: q.outlet.clone(),
                        published: q.published.clone(),
                        text: q.text.clone(),
                        speaker: q.speaker.clone(),
                        earliest_quote: reference.id,
                        earliest,
                        altered: !earliest && altered(&diff),
                        diff,
                    }
                })
                .collect()
        })
        .collect();
    out.sort_by_key(|l| l[0].quote_id);
    out
}

/// The lineage of quote `id` among `quotes` (at least those whose speaker has its surname),
/// if it has one.
pub fn lineage_of(quotes: &[Spoken], id: i64) -> Option<QuoteLineage> {
    let own = quotes.iter().find(|q| q.id == id)?;
    let name = super::surname(own.speaker.as_deref().unwrap_or(""));
    let same: Vec<Spoken> = quotes
        .iter()
        .filter(|q| super::surname(q.speaker.as_deref().unwrap_or("")) == name)
        .cloned()
        .collect();
    lineages(&same)
        .into_iter()
        .find(|l| l.iter().any(|a| a.quote_id == id))
        .map(|appearances| QuoteLineage {
            quote: id,
            appearances,
        })
}
