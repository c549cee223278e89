//! Facet counts over every matching hit: kind, outlet, year and (once quotes exist) speaker.
//!
//! Counting happens in our own collector rather than tantivy's `FacetCollector`. Every facet
//! we index is exactly two levels deep (`/kind/article`, `/outlet/NAME`, `/year/2017`), so a
//! hit's facet ordinals can be counted as they are: no per-segment collapse mapping has to be
//! computed from the whole facet dictionary, and the ordinals that were hit are turned into
//! names in one sequential pass over the dictionary instead of one lookup each.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::model::{FacetCount, SearchFacets};

/// Outlets beyond this many are left out of the counts; a case can hold hundreds.
const MAX_OUTLETS: usize = 20;

/// The facet roots a result reports; any other root is ignored.
const ROOTS: [&str; 4] = ["kind", "outlet", "year", "speaker"];

/// Hit counts per facet root (an index into `ROOTS`) and value.
#[derive(Default)]
pub struct FacetTally {
    counts: [HashMap<String, u64>; 4],
}

/// Counts every matching hit's facets.
pub struct FacetTallyCollector;

pub fn collector() -> FacetTallyCollector {
    FacetTallyCollector
}

pub struct FacetTallySegment {
    reader: FacetReader,
    /// Hits per facet ordinal of this segment's dictionary.
    counts: Vec<u64>,
}

impl Collector for FacetTallyCollector {
    type Fruit = FacetTally;
    type Child = FacetTallySegment;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<FacetTallySegment> {
        let reader = reader.facet_reader("facets")?;
        let counts = vec![0; reader.num_facets()];
        Ok(FacetTallySegment { reader, counts })
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
        for ord in self.reader.facet_ords(doc) {
            self.counts[ord as usize] += 1;
        }
    }

    fn harvest(self) -> FacetTally {
        let mut tally = FacetTally::default();
        let Some(first) = self.counts.iter().position(|&c| c > 0) else {
            return tally;
        };
        // The dictionary is read in order from the first ordinal that was hit; a facet's
        // encoded form is its path components separated by zero bytes.
        let dict = self.reader.facet_dict();
        let Ok(mut terms) = dict.range().into_stream() else {
            return tally;
        };
        while terms.advance() {
            let ord = terms.term_ord() as usize;
            if ord < first {
                continue;
            }
            let count = self.counts[ord];
            if count == 0 {
                continue;
            }
            let mut parts = terms.key().split(|&b| b == 0);
            let root = parts.next().unwrap_or_default();
            let Some(slot) = ROOTS.iter().position(|r| r.as_bytes() == root) else {
                continue;
            };
            // A root on its own is not a value, and deeper levels (none are indexed today)
            // count under their second-level ancestor, as `FacetCollector` would.
            let Some(value) = parts.next() else {
                continue;
            };
            let value = String::from_utf8_lossy(value).into_owned();
            *tally.counts[slot].entry(value).or_insert(0) += count;
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
    SearchFacets {
        kind: by_count(counts(tally, "kind")),
        outlet,
        year,
        speaker: by_count(counts(tally, "speaker")),
    }
}
