//! Facet counts over every matching hit: kind, outlet, year and people's tags on documents,
//! and speaker when the query can match quotes.
//!
//! Kind, outlet and year are single-valued fast columns every hit has (schema version 7), so
//! a hit's value is one direct read and counting is an array increment per column; the values
//! are named once per segment, only for the ordinals that were hit. Tags and marks, which few
//! hits have, stay in the multi-valued `facets` column, read only in segments that hold any.
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
use tantivy::columnar::{Column as FastColumn, StrColumn};
use tantivy::fastfield::FacetReader;
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::schema::{FACETS_FIELD, KIND_COLUMN, OUTLET_COLUMN, SPEAKERS_FIELD, YEAR_COLUMN};
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
    /// The segment's column of `field`, or None when no hit in the segment has a value there.
    fn open(segment: &SegmentReader, field: &str) -> tantivy::Result<Option<Column>> {
        let reader = segment.facet_reader(field)?;
        if reader.num_facets() == 0 {
            return Ok(None);
        }
        let counts = vec![0; reader.num_facets()];
        Ok(Some(Column { reader, counts }))
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

/// A single-valued string column of a segment and its hits per term ordinal.
struct Values {
    column: StrColumn,
    counts: Vec<u64>,
}

impl Values {
    fn open(segment: &SegmentReader, field: &str) -> tantivy::Result<Option<Values>> {
        let Some(column) = segment.fast_fields().str(field)? else {
            return Ok(None);
        };
        let counts = vec![0; column.num_terms()];
        Ok(Some(Values { column, counts }))
    }

    fn collect(&mut self, doc: DocId) {
        if let Some(ord) = self.column.ords().first(doc) {
            self.counts[ord as usize] += 1;
        }
    }

    /// Names the ordinals that were hit under `root`; the empty value (no outlet) is no value.
    fn harvest_into(self, root: usize, tally: &mut FacetTally) {
        let mut name = String::new();
        for (ord, &count) in self.counts.iter().enumerate() {
            if count == 0 || !matches!(self.column.ord_to_str(ord as u64, &mut name), Ok(true)) {
                continue;
            }
            if !name.is_empty() {
                *tally.counts[root].entry(name.clone()).or_insert(0) += count;
            }
        }
    }
}

/// The year column of a segment and its hits per year, counted from the segment's first year.
struct Years {
    column: FastColumn<u64>,
    first: u64,
    counts: Vec<u64>,
}

impl Years {
    fn open(segment: &SegmentReader) -> tantivy::Result<Option<Years>> {
        let Some(column) = segment.fast_fields().column_opt::<u64>(YEAR_COLUMN)? else {
            return Ok(None);
        };
        let first = column.min_value();
        // Years are at most four digits, so the span is bounded whatever a source says.
        let span = column.max_value().saturating_sub(first).min(10_000) as usize + 1;
        Ok(Some(Years {
            column,
            first,
            counts: vec![0; span],
        }))
    }

    fn collect(&mut self, doc: DocId) {
        if let Some(year) = self.column.first(doc) {
            if let Some(count) = self
                .counts
                .get_mut(year.saturating_sub(self.first) as usize)
            {
                *count += 1;
            }
        }
    }

    /// Year 0 stands for undated hits, which have no year to count.
    fn harvest_into(self, root: usize, tally: &mut FacetTally) {
        for (offset, &count) in self.counts.iter().enumerate() {
            let year = self.first + offset as u64;
            if count > 0 && year > 0 {
                *tally.counts[root].entry(format!("{year:04}")).or_insert(0) += count;
            }
        }
    }
}

fn root(name: &str) -> usize {
    ROOTS.iter().position(|r| *r == name).unwrap_or(0)
}

pub struct FacetTallySegment {
    kinds: Option<Values>,
    outlets: Option<Values>,
    years: Option<Years>,
    facets: Option<Column>,
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
            kinds: Values::open(reader, KIND_COLUMN)?,
            outlets: Values::open(reader, OUTLET_COLUMN)?,
            years: Years::open(reader)?,
            facets: Column::open(reader, FACETS_FIELD)?,
            speakers: if self.speakers {
                Column::open(reader, SPEAKERS_FIELD)?
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
        if let Some(kinds) = &mut self.kinds {
            kinds.collect(doc);
        }
        if let Some(outlets) = &mut self.outlets {
            outlets.collect(doc);
        }
        if let Some(years) = &mut self.years {
            years.collect(doc);
        }
        if let Some(facets) = &mut self.facets {
            facets.collect(doc);
        }
        if let Some(speakers) = &mut self.speakers {
            speakers.collect(doc);
        }
    }

    fn harvest(self) -> FacetTally {
        let mut tally = FacetTally::default();
        if let Some(kinds) = self.kinds {
            kinds.harvest_into(root("kind"), &mut tally);
        }
        if let Some(outlets) = self.outlets {
            outlets.harvest_into(root("outlet"), &mut tally);
        }
        if let Some(years) = self.years {
            years.harvest_into(root("year"), &mut tally);
        }
        if let Some(facets) = self.facets {
            facets.harvest_into(&mut tally);
        }
        if let Some(speakers) = self.speakers {
            speakers.harvest_into(&mut tally);
        }
        tally
    }
}

fn counts(tally: &FacetTally, name: &str) -> Vec<FacetCount> {
    tally.counts[root(name)]
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
