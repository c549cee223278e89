//! The date filter (`date:2016`, `date:1987-03-01..1987-04-30`): the hits whose publication
//! interval overlaps a span, read from the `published_earliest` and `published_latest`
//! columns.
//!
//! It answers what two of tantivy's fast-field range queries in an intersection answered,
//! for less. A filter is mostly asked about the candidates of a query's words one at a time,
//! and there each range query opened its column at every search (decoding the column's block
//! index) and each candidate went through a nested intersection: a third of the slowest
//! benchmark query at 100k documents (issue 23, session 13). Here a segment's columns are
//! opened once and kept, and a candidate costs a lookup in each column. Driving a search on
//! its own, the filter lists the hits of one bound window by window, as tantivy's range
//! query does, and tests the other bound at each.

use std::collections::HashMap;
use std::ops::RangeInclusive;
use std::sync::{Arc, Mutex};

use tantivy::columnar::Column;
use tantivy::index::SegmentId;
use tantivy::query::{EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SeekDangerResult, SegmentReader, TantivyError, TERMINATED};

use super::schema::{PUBLISHED_EARLIEST, PUBLISHED_LATEST};

/// Hits listed per window when the filter drives a search, as tantivy's range query starts.
const WINDOW: u32 = 4096;

/// A segment's two date columns; None where no hit of the segment is dated.
#[derive(Clone)]
struct SegmentDates {
    earliest: Option<Column<i64>>,
    latest: Option<Column<i64>>,
}

/// The date columns of the segments searched so far, shared by the filters built from it and
/// kept between searches. Segments a searcher no longer sees are dropped by `keep_only`.
#[derive(Clone, Default)]
pub struct DateColumns {
    by_segment: Arc<Mutex<HashMap<SegmentId, SegmentDates>>>,
}

impl DateColumns {
    fn of(&self, segment: &SegmentReader) -> tantivy::Result<SegmentDates> {
        let mut by_segment = self.by_segment.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(dates) = by_segment.get(&segment.segment_id()) {
            return Ok(dates.clone());
        }
        let fast = segment.fast_fields();
        let dates = SegmentDates {
            earliest: fast.column_opt::<i64>(PUBLISHED_EARLIEST)?,
            latest: fast.column_opt::<i64>(PUBLISHED_LATEST)?,
        };
        by_segment.insert(segment.segment_id(), dates.clone());
        Ok(dates)
    }

    /// Forgets the columns of segments `searcher` does not see (merged away).
    pub fn keep_only(&self, searcher: &tantivy::Searcher) {
        let segments = searcher.segment_readers();
        let mut by_segment = self.by_segment.lock().unwrap_or_else(|e| e.into_inner());
        by_segment.retain(|id, _| segments.iter().any(|s| s.segment_id() == *id));
    }
}

/// Hits whose interval begins before `end` (when given) and ends at or after `start` (when
/// given), with a score of 0, so that the filter narrows without reordering.
#[derive(Clone)]
pub struct DateFilter {
    pub start: Option<i64>,
    pub end: Option<i64>,
    pub columns: DateColumns,
}

impl std::fmt::Debug for DateFilter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DateFilter({:?}..{:?})", self.start, self.end)
    }
}

impl Query for DateFilter {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.clone()))
    }
}

impl Weight for DateFilter {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let dates = self.columns.of(reader)?;
        // A bound whose column the segment lacks matches no hit of it.
        let earliest = match (self.end, dates.earliest) {
            (None, _) => None,
            (Some(end), Some(column)) => match end.checked_sub(1) {
                Some(last) => Some((column, i64::MIN..=last)),
                None => return Ok(Box::new(EmptyScorer)),
            },
            (Some(_), None) => return Ok(Box::new(EmptyScorer)),
        };
        let latest = match (self.start, dates.latest) {
            (None, _) => None,
            (Some(start), Some(column)) => Some((column, start..=i64::MAX)),
            (Some(_), None) => return Ok(Box::new(EmptyScorer)),
        };
        if earliest.is_none() && latest.is_none() {
            // No bound at all: as an empty conjunction, it matches nothing.
            return Ok(Box::new(EmptyScorer));
        }
        let mut scorer = DateScorer {
            bounds: earliest.into_iter().chain(latest).collect(),
            max_doc: reader.max_doc(),
            doc: 0,
            window: Vec::new(),
            at: 0,
            next_window: 0,
        };
        scorer.next_from(0);
        Ok(Box::new(scorer))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document #{doc} is outside the date filter"
            )));
        }
        Ok(Explanation::new("date filter", 0.0))
    }
}

/// The filter over one segment. `bounds` holds one or two columns with the values a hit's
/// value must fall in; the first lists candidates when the filter drives.
struct DateScorer {
    bounds: Vec<(Column<i64>, RangeInclusive<i64>)>,
    max_doc: u32,
    doc: DocId,
    /// The hits of the current window that meet the first bound, and the next one to look at.
    window: Vec<DocId>,
    at: usize,
    /// Where the next window starts.
    next_window: DocId,
}

impl DateScorer {
    fn matches(&self, doc: DocId) -> bool {
        self.bounds
            .iter()
            .all(|(column, range)| column.values_for_doc(doc).any(|v| range.contains(&v)))
    }

    /// Moves to the first matching hit at or after `from`.
    fn next_from(&mut self, from: DocId) -> DocId {
        loop {
            while self.at < self.window.len() {
                let doc = self.window[self.at];
                if doc >= from && self.matches(doc) {
                    self.doc = doc;
                    return doc;
                }
                self.at += 1;
            }
            let start = self.next_window.max(from);
            if start >= self.max_doc {
                self.doc = TERMINATED;
                return TERMINATED;
            }
            let end = start.saturating_add(WINDOW).min(self.max_doc);
            self.window.clear();
            self.at = 0;
            let (column, range) = &self.bounds[0];
            column.get_docids_for_value_range(range.clone(), start..end, &mut self.window);
            self.next_window = end;
        }
    }
}

impl DocSet for DateScorer {
    fn advance(&mut self) -> DocId {
        if self.doc == TERMINATED {
            return TERMINATED;
        }
        self.next_from(self.doc + 1)
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        self.next_from(target)
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= self.max_doc {
            self.doc = TERMINATED;
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        // A candidate from the words of the query: tested where it is, without listing.
        if self.matches(target) {
            self.doc = target;
            return SeekDangerResult::Found;
        }
        // The listing state stays valid: `next_from` skips what lies before its start.
        self.doc = target;
        SeekDangerResult::SeekLowerBound(target + 1)
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        // As tantivy's fast-field range query guesses, so intersections order their parts as
        // they did with it.
        self.max_doc / 10
    }

    fn cost(&self) -> u64 {
        (f64::from(self.max_doc) * 0.8) as u64
    }
}

impl Scorer for DateScorer {
    fn score(&mut self) -> Score {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::DocSetCollector;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::IndexRecordOption;
    use tantivy::{Index, TantivyDocument, Term};

    use super::*;
    use crate::search::query_build::exact_dates;
    use crate::search::schema;

    /// A small random generator, so the test needs no crate and repeats exactly.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (self.0 >> 33) % n
        }
    }

    #[test]
    fn the_date_filter_finds_what_the_two_range_queries_found() {
        let (schema, f) = schema::build();
        let index = Index::create_in_ram(schema);
        schema::register(index.tokenizers());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let mut rng = Lcg(7);
        // Two segments of hits: dated ones, undated ones, a few with only a start, and a word
        // on a third of them for the filter to narrow.
        for segment in 0..2 {
            for _ in 0..20_000 {
                let mut doc = TantivyDocument::default();
                if rng.below(3) == 0 {
                    doc.add_text(f.hit_kind, "document");
                }
                match rng.below(10) {
                    0 => {}
                    1 => doc.add_i64(f.published_earliest, rng.below(1000) as i64 - 100),
                    _ => {
                        let earliest = rng.below(1000) as i64 - 100;
                        doc.add_i64(f.published_earliest, earliest);
                        doc.add_i64(f.published_latest, earliest + rng.below(50) as i64);
                    }
                }
                writer.add_document(doc).unwrap();
            }
            writer.commit().unwrap();
            assert_eq!(index.searchable_segment_ids().unwrap().len(), segment + 1);
        }
        let searcher = index.reader().unwrap().searcher();
        let columns = DateColumns::default();
        let word = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.hit_kind, "document"),
                IndexRecordOption::Basic,
            ))
        };
        let mut checked = 0;
        for _ in 0..200 {
            let bound = |rng: &mut Lcg| match rng.below(4) {
                0 => None,
                1 => Some(i64::MIN + rng.below(2) as i64),
                _ => Some(rng.below(1200) as i64 - 200),
            };
            let (start, end) = (bound(&mut rng), bound(&mut rng));
            let ours = DateFilter {
                start,
                end,
                columns: columns.clone(),
            };
            let theirs = exact_dates(start, end, &f);
            // On its own, where the filter lists hits, and after a word, where it tests them.
            let alone = |q: &dyn Query| searcher.search(q, &DocSetCollector).unwrap();
            assert_eq!(alone(&ours), alone(theirs.as_ref()), "{start:?}..{end:?}");
            let narrowed = |q: Box<dyn Query>| {
                let both = BooleanQuery::new(vec![(Occur::Must, word()), (Occur::Must, q)]);
                searcher.search(&both, &DocSetCollector).unwrap()
            };
            let found = narrowed(Box::new(ours.clone()));
            assert_eq!(
                found,
                narrowed(exact_dates(start, end, &f)),
                "{start:?}..{end:?}"
            );
            checked += found.len();
        }
        assert!(
            checked > 10_000,
            "the filters found too little to compare: {checked}"
        );
    }
}
