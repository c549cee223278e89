//! Facet counts over every matching hit: kind, outlet, year and people's tags on documents,
//! and speaker when the query can match quotes.
//!
//! Counting happens in our own collector rather than tantivy's `FacetCollector`. Every facet
//! we index is exactly two levels deep (`/kind/article`, `/outlet/NAME`, `/year/2017`), so a
//! hit's facet ordinals can be counted as they are: no per-segment collapse mapping has to be
//! computed from the whole facet dictionary. Only the ordinals that were hit are named, block
//! by block of the dictionary, so the cost follows the hits and not the dictionary's size.
//!
//! Speakers live in their own facet field (`speakers`), because a case has tens of thousands
//! of them, one per person quoted, and facets are mostly about documents: with speakers in the
//! same dictionary, every document search paid for a column and a dictionary walk the size of
//! all speakers (issue 23: 4.6 ms of 5.7 ms at 100k documents). Document searches now never
//! open the speaker column, since no document hit has a speaker.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::{FACETS_FIELD, SPEAKERS_FIELD};
use crate::model::{FacetCount, SearchFacets};

/// Outlets beyond this many are left out of the counts; a case can hold hundreds.
const MAX_OUTLETS: usize = 20;

/// The facet roots a result reports; any other root is ignored.
const ROOTS: [&str; 5] = ["kind", "outlet", "year", "speaker", "tag"];

/// Tags beyond this many are left out of the counts.
const MAX_TAGS: usize = 50;

/// Hit counts per facet root (an index into `ROOTS`) and value.
#[derive(Default)]
pub struct FacetTally {
    counts: [HashMap<String, u64>; 5],
}

/// Counts every matching hit's facets.
pub struct FacetTallyCollector {
    speakers: bool,
}

/// A collector of kinds, outlets and years, and of speakers too when `speakers` is set (the
/// query can match quote hits, the only hits with a speaker).
pub fn collector(speakers: bool) -> FacetTallyCollector {
    FacetTallyCollector { speakers }
}

/// One facet column of a segment and its hits per ordinal.
struct Column {
    reader: FacetReader,
    counts: Vec<u64>,
}

impl Column {
    fn open(segment: &SegmentReader, field: &str) -> tantivy::Result<Column> {
        let reader = segment.facet_reader(field)?;
        let counts = vec![0; reader.num_facets()];
        Ok(Column { reader, counts })
    }

    fn collect(&mut self, doc: DocId) {
        for ord in self.reader.facet_ords(doc) {
            self.counts[ord as usize] += 1;
        }
    }

    /// Names the ordinals that were hit and adds their counts to `tally`. A facet's encoded
    /// form is its path components separated by zero bytes.
    fn harvest_into(self, tally: &mut FacetTally) {
        let hit: Vec<u64> = (0..self.counts.len() as u64)
            .filter(|&ord| self.counts[ord as usize] > 0)
            .collect();
        let mut hits = hit.iter();
        let _ = self
            .reader
            .facet_dict()
            .sorted_ords_to_term_cb(&hit, |key| {
                let Some(&ord) = hits.next() else {
                    return;
                };
                let mut parts = key.split(|&b| b == 0);
                let root = parts.next().unwrap_or_default();
                let Some(slot) = ROOTS.iter().position(|r| r.as_bytes() == root) else {
                    return;
                };
                // A root on its own is not a value, and deeper levels (none are indexed today)
                // count under their second-level ancestor, as `FacetCollector` would.
                let Some(value) = parts.next() else {
                    return;
                };
                let value = String::from_utf8_lossy(value).into_owned();
                *tally.counts[slot].entry(value).or_insert(0) += self.counts[ord as usize];
            });
    }
}

pub struct FacetTallySegment {
    facets: Column,
    speakers: Option<Column>,
}

impl Collector for FacetTallyCollector {
    type Fruit = FacetTally;
    type Child = FacetTallySegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetTallySegment> {
        Ok(FacetTallySegment {
            facets: Column::open(reader, FACETS_FIELD)?,
            speakers: if self.speakers {
                Some(Column::open(reader, SPEAKERS_FIELD)?)
            } else {
                None
            },
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<FacetTally>) -> tantivy::Result<FacetTally> {
        let mut merged = FacetTally::default();
        for segment in segments {
            for (into, from) in merged.counts.iter_mut().zip(segment.counts) {
                if into.is_empty() {
                    *into = from;
                    continue;
                }
                for (value, count) in from {
                    *into.entry(value).or_insert(0) += count;
                }
            }
        }
        Ok(merged)
    }
}

impl SegmentCollector for FacetTallySegment {
    type Fruit = FacetTally;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.facets.collect(doc);
        if let Some(speakers) = &mut self.speakers {
            speakers.collect(doc);
        }
    }

    fn harvest(self) -> FacetTally {
        let mut tally = FacetTally::default();
        self.facets.harvest_into(&mut tally);
        if let Some(speakers) = self.speakers {
            speakers.harvest_into(&mut tally);
        }
        tally
    }
}

fn counts(tally: &FacetTally, root: &str) -> Vec<FacetCount> {
    let slot = ROOTS.iter().position(|r| *r == root).unwrap_or(0);
    tally.counts[slot]
        .iter()
        .map(|(value, &count)| FacetCount {
            value: value.clone(),
            count,
        })
        .collect()
}

/// Most frequent first (ties alphabetically), except years, which read oldest first.
pub fn summarize(tally: &FacetTally) -> SearchFacets {
    let by_count = |mut v: Vec<FacetCount>| {
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        v
    };
    let mut outlet = by_count(counts(tally, "outlet"));
    outlet.truncate(MAX_OUTLETS);
    let mut year = counts(tally, "year");
    year.sort_by(|a, b| a.value.cmp(&b.value));
    let mut tag = by_count(counts(tally, "tag"));
    tag.truncate(MAX_TAGS);
    SearchFacets {
        tag,
        kind: by_count(counts(tally, "kind")),
        outlet,
        year,
        speaker: by_count(counts(tally, "speaker")),
    }
}
