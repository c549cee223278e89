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
//!
//! Kinds, outlets, years and tags are not read from the column at each hit either. Most hits
//! share their combination of those values with many others (a document's quotes and dates
//! carry its kind, outlet and year), so each segment's hits are grouped once by that set of
//! values (`FacetSets`), and a search counts one small number per hit. Reading the column at
//! every hit was a fifth of a search at 100k documents (issue 23). Grouping reads the whole
//! column, so it runs on a thread of its own once a segment is first searched, and searches
//! read the column at each hit until it is done: grouping in the first search made it 170 ms
//! slower at a million documents (every `dossier search`, and the first search in the app).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::column_index::MultiValueIndex;
use tantivy::columnar::{ColumnIndex, StrColumn};
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

/// A segment's facets, opened once. A column is absent when no hit of the segment has a
/// value in it (a segment without quotes has no speakers).
#[derive(Clone, Default)]
pub struct SegmentColumns {
    facets: Option<Facets>,
    speakers: Option<StrColumn>,
}

/// How a segment's kinds, outlets, years and tags are counted: by the hits' sets of values,
/// or from the column at each hit when the segment has more distinct sets than a set number
/// can name.
#[derive(Clone)]
enum Facets {
    Sets(Arc<FacetSets>),
    Column(StrColumn),
}

/// A segment's hits grouped by the facet values they carry: counting a hit is one array
/// lookup, and the values are named once per segment rather than at every search.
pub struct FacetSets {
    /// Each hit's set, by hit (document id in the segment); set 0 is the empty set.
    set_of_hit: Vec<u16>,
    /// Each set's facet ordinals, as many times as a hit holds each (which is once).
    sets: Vec<Box<[u32]>>,
    /// Each ordinal's root (an index into `ROOTS`) and value, or None for a facet this
    /// module does not report (a root on its own, another root).
    names: Vec<Option<(usize, String)>>,
}

impl FacetSets {
    /// Groups the hits of a segment whose facet column is `column`, or None when they hold
    /// more distinct sets than a `u16` numbers. The column is decoded in runs of hits rather
    /// than hit by hit, which at 100k documents takes milliseconds, once per segment.
    fn build(column: &StrColumn, num_docs: u32) -> std::io::Result<Option<FacetSets>> {
        let mut set_of_hit = vec![0u16; num_docs as usize];
        let mut sets: Vec<Box<[u32]>> = vec![Box::new([])];
        let mut numbers: foldhash::HashMap<Box<[u32]>, u16> = Default::default();
        numbers.insert(Box::new([]), 0);
        let mut last: (Vec<u32>, u16) = (Vec::new(), 0);
        let mut ords: Vec<u32> = Vec::new();
        // The set of `ords` (sorted), numbered on first sight; None once a u16 cannot number it.
        let mut number = |ords: &mut Vec<u32>| -> Option<u16> {
            ords.sort_unstable();
            // Neighbouring hits (a document's quotes and dates) mostly share their set.
            // Compared in line: a call to `memcmp` for a few ordinals was a sixth of the
            // grouping.
            if last.0.len() == ords.len() && last.0.iter().zip(ords.iter()).all(|(a, b)| a == b) {
                return Some(last.1);
            }
            let n = match numbers.get(ords.as_slice()) {
                Some(&n) => n,
                None => {
                    let n = u16::try_from(sets.len()).ok()?;
                    sets.push(ords.as_slice().into());
                    numbers.insert(ords.as_slice().into(), n);
                    n
                }
            };
            last.0.clone_from(ords);
            last.1 = n;
            Some(n)
        };
        let column_ords = column.ords();
        match &column_ords.index {
            ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(index)) => {
                // The hits that have values, in order, and where each one's values start.
                const RUN: usize = 4096;
                // Every hit has a kind, so the hits with values are usually all of them, and
                // listing them through the optional index (a quarter of the grouping) is
                // needless.
                let hits: Vec<u32> = if index.optional_index.num_non_nulls() == num_docs {
                    (0..num_docs).collect()
                } else {
                    index.optional_index.iter_non_null_docs().collect()
                };
                let mut starts = vec![0u32; RUN + 1];
                let mut values: Vec<u64> = Vec::new();
                for (run, chunk) in hits.chunks(RUN).enumerate() {
                    let first = run * RUN;
                    let starts = &mut starts[..chunk.len() + 1];
                    index.start_index_column.get_range(first as u64, starts);
                    values.resize((starts[chunk.len()] - starts[0]) as usize, 0);
                    column_ords
                        .values
                        .get_range(u64::from(starts[0]), &mut values);
                    for (i, &hit) in chunk.iter().enumerate() {
                        let from = (starts[i] - starts[0]) as usize;
                        let to = (starts[i + 1] - starts[0]) as usize;
                        ords.clear();
                        ords.extend(values[from..to].iter().map(|&o| o as u32));
                        let Some(n) = number(&mut ords) else {
                            return Ok(None);
                        };
                        set_of_hit[hit as usize] = n;
                    }
                }
            }
            // Other layouts (an index written by an older tantivy) are read hit by hit.
            _ => {
                for hit in 0..num_docs {
                    ords.clear();
                    ords.extend(column.term_ords(hit).map(|o| o as u32));
                    let Some(n) = number(&mut ords) else {
                        return Ok(None);
                    };
                    set_of_hit[hit as usize] = n;
                }
            }
        }
        let mut names = Vec::with_capacity(column.num_terms());
        let mut stream = column.dictionary().stream()?;
        while stream.advance() {
            names.push(name(stream.key()));
        }
        Ok(Some(FacetSets {
            set_of_hit,
            sets,
            names,
        }))
    }
}

/// The root (an index into `ROOTS`) and value of a facet in its encoded form (its path's
/// components separated by zero bytes), or None for a root on its own or another root.
/// Deeper levels (none are indexed today) count under their second-level ancestor, as
/// `FacetCollector` would.
fn name(key: &[u8]) -> Option<(usize, String)> {
    let mut parts = key.split(|&b| b == 0);
    let root = parts.next().unwrap_or_default();
    let slot = ROOTS.iter().position(|r| r.as_bytes() == root)?;
    let value = parts.next()?;
    Some((slot, String::from_utf8_lossy(value).into_owned()))
}

/// The facet columns of the segments a searcher sees, kept from one search to the next.
/// Opening a column decodes its block index, a cost that grows with the segment (a sixteenth
/// of a search at 100k documents, measured in issue 23) and that a segment, which never
/// changes, need pay only once.
#[derive(Default)]
pub struct ColumnCache {
    by_segment: HashMap<SegmentId, CachedSegment>,
}

/// What the cache holds for one segment: its facet column and, once the grouping thread is
/// done, its hits' sets (None inside when they were too many to number), and its speakers.
#[derive(Default)]
struct CachedSegment {
    facets: Option<(StrColumn, Grouping)>,
    speakers: Option<StrColumn>,
}

/// A segment's sets of values, filled by the grouping thread.
type Grouping = Arc<OnceLock<Option<Arc<FacetSets>>>>;

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
        let mut to_group = Vec::new();
        for segment in segments {
            let entry = match self.by_segment.entry(segment.segment_id()) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let facets = open(segment, FACETS_FIELD)?.map(|column| {
                        let grouping = Grouping::default();
                        to_group.push((column.clone(), segment.max_doc(), grouping.clone()));
                        (column, grouping)
                    });
                    e.insert(CachedSegment {
                        facets,
                        speakers: None,
                    })
                }
            };
            if speakers && entry.speakers.is_none() {
                entry.speakers = open(segment, SPEAKERS_FIELD)?;
            }
            let facets = entry
                .facets
                .as_ref()
                .map(|(column, grouping)| match grouping.get() {
                    Some(Some(sets)) => Facets::Sets(sets.clone()),
                    _ => Facets::Column(column.clone()),
                });
            out.push(SegmentColumns {
                facets,
                speakers: if speakers {
                    entry.speakers.clone()
                } else {
                    None
                },
            });
        }
        group_in_background(to_group);
        Ok(out)
    }
}

/// Groups the hits of newly searched segments by their sets of values on a thread of its own,
/// one segment after the other; searches count from the columns until a segment's sets are
/// there. A thread that cannot be started leaves them to the columns.
fn group_in_background(segments: Vec<(StrColumn, u32, Grouping)>) {
    if segments.is_empty() {
        return;
    }
    let _ = std::thread::Builder::new()
        .name("facet-sets".into())
        .spawn(move || {
            for (column, max_doc, grouping) in segments {
                let sets = FacetSets::build(&column, max_doc).ok().flatten();
                let _ = grouping.set(sets.map(Arc::new));
            }
        });
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
                let Some((slot, value)) = name(key) else {
                    return;
                };
                *tally.counts[slot].entry(value).or_insert(0) += self.counts[ord as usize];
            });
    }
}

/// Hits counted by their set of facet values, for one segment.
struct SetCounts {
    sets: Arc<FacetSets>,
    counts: Vec<u64>,
}

impl SetCounts {
    fn new(sets: Arc<FacetSets>) -> SetCounts {
        let counts = vec![0; sets.sets.len()];
        SetCounts { sets, counts }
    }

    fn collect(&mut self, doc: DocId) {
        if let Some(&set) = self.sets.set_of_hit.get(doc as usize) {
            self.counts[usize::from(set)] += 1;
        }
    }

    /// Adds each set's count to its values' counts in `tally`.
    fn harvest_into(self, tally: &mut FacetTally) {
        let mut by_ord = vec![0u64; self.sets.names.len()];
        for (set, &count) in self.counts.iter().enumerate() {
            if count > 0 {
                for &ord in self.sets.sets[set].iter() {
                    if let Some(slot) = by_ord.get_mut(ord as usize) {
                        *slot += count;
                    }
                }
            }
        }
        for (ord, count) in by_ord.into_iter().enumerate() {
            if count == 0 {
                continue;
            }
            if let Some((slot, value)) = &self.sets.names[ord] {
                *tally.counts[*slot].entry(value.clone()).or_insert(0) += count;
            }
        }
    }
}

enum Counter {
    Sets(SetCounts),
    Column(Column),
}

impl Counter {
    fn new(facets: Facets) -> Counter {
        match facets {
            Facets::Sets(sets) => Counter::Sets(SetCounts::new(sets)),
            Facets::Column(column) => Counter::Column(Column::new(column)),
        }
    }

    fn collect(&mut self, doc: DocId) {
        match self {
            Counter::Sets(sets) => sets.collect(doc),
            Counter::Column(column) => column.collect(doc),
        }
    }

    fn harvest_into(self, tally: &mut FacetTally) {
        match self {
            Counter::Sets(sets) => sets.harvest_into(tally),
            Counter::Column(column) => column.harvest_into(tally),
        }
    }
}

pub struct FacetTallySegment {
    facets: Option<Counter>,
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
            facets: columns.facets.map(Counter::new),
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

#[cfg(test)]
#[path = "facets_tests.rs"]
mod tests;
