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
use tantivy::columnar::StrColumn;
use tantivy::fastfield::FacetReader;
use tantivy::index::SegmentId;
use tantivy::{DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

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
    /// Each segment's columns, by segment ordinal; speakers only when they are counted.
    columns: Vec<SegmentColumns>,
}

/// A segment's facet columns, opened once. A column is absent when no hit of the segment has
/// a value in it (a segment without quotes has no speakers).
#[derive(Clone, Default)]
pub struct SegmentColumns {
    facets: Option<StrColumn>,
    speakers: Option<StrColumn>,
}

/// The facet columns of the segments a searcher sees, kept from one search to the next.
/// Opening a column decodes its block index, a cost that grows with the segment (a sixteenth
/// of a search at 100k documents, measured in issue 23) and that a segment, which never
/// changes, need pay only once.
#[derive(Default)]
pub struct ColumnCache {
    by_segment: HashMap<SegmentId, SegmentColumns>,
}

impl ColumnCache {
    /// The columns of `searcher`'s segments, by segment ordinal, with speakers when
    /// `speakers` is set. Segments the searcher no longer sees are forgotten.
    pub fn columns(
        &mut self,
        searcher: &Searcher,
        speakers: bool,
    ) -> tantivy::Result<Vec<SegmentColumns>> {
        let segments = searcher.segment_readers();
        self.by_segment
            .retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
        let mut out = Vec::with_capacity(segments.len());
        for segment in segments {
            let entry = match self.by_segment.entry(segment.segment_id()) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(SegmentColumns {
                    facets: open(segment, FACETS_FIELD)?,
                    speakers: None,
                }),
            };
            if speakers && entry.speakers.is_none() {
                entry.speakers = open(segment, SPEAKERS_FIELD)?;
            }
            out.push(SegmentColumns {
                facets: entry.facets.clone(),
                speakers: if speakers {
                    entry.speakers.clone()
                } else {
                    None
                },
            });
        }
        Ok(out)
    }
}

/// A facet field's column in `segment`, if any of its hits has a value there.
fn open(segment: &SegmentReader, field: &str) -> tantivy::Result<Option<StrColumn>> {
    segment.fast_fields().str(field)
}

/// A collector of kinds, outlets and years, and of speakers too when `columns` hold them (the
/// query can match quote hits, the only hits with a speaker).
pub fn collector(columns: Vec<SegmentColumns>) -> FacetTallyCollector {
    FacetTallyCollector { columns }
}

/// One facet column of a segment and its hits per ordinal.
struct Column {
    reader: FacetReader,
    counts: Vec<u64>,
}

impl Column {
    fn new(column: StrColumn) -> Column {
        let reader = FacetReader::new(column);
        let counts = vec![0; reader.num_facets()];
        Column { reader, counts }
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
    facets: Option<Column>,
    speakers: Option<Column>,
}

impl Collector for FacetTallyCollector {
    type Fruit = FacetTally;
    type Child = FacetTallySegment;

    fn for_segment(
        &self,
        ordinal: SegmentOrdinal,
        _: &SegmentReader,
    ) -> tantivy::Result<FacetTallySegment> {
        let columns = self
            .columns
            .get(ordinal as usize)
            .cloned()
            .unwrap_or_default();
        Ok(FacetTallySegment {
            facets: columns.facets.map(Column::new),
            speakers: columns.speakers.map(Column::new),
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
        if let Some(facets) = &mut self.facets {
            facets.collect(doc);
        }
        if let Some(speakers) = &mut self.speakers {
            speakers.collect(doc);
        }
    }

    fn harvest(self) -> FacetTally {
        let mut tally = FacetTally::default();
        if let Some(facets) = self.facets {
            facets.harvest_into(&mut tally);
        }
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
