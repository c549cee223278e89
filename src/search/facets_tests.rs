//! The facet counts' tests: counting by sets of values gives the columns' counts, and a
//! segment's sets are built on a thread while its first searches count from the column.

use tantivy::collector::Collector;
use tantivy::query::{AllQuery, Query};
use tantivy::schema::{Facet, Schema, INDEXED};
use tantivy::{Index, TantivyDocument};

use super::*;

/// Per segment and root, the sorted counts of every hit's facets.
type Counts = Vec<Vec<Vec<(String, u64)>>>;

/// The counts of every hit's facets, taken through the hits' sets and read from the
/// column at each hit.
fn both_counts(index: &Index) -> (Counts, Counts) {
    let searcher = index.reader().unwrap().searcher();
    let sorted = |tally: FacetTally| -> Vec<Vec<(String, u64)>> {
        tally
            .counts
            .into_iter()
            .map(|c| {
                let mut v: Vec<_> = c.into_iter().collect();
                v.sort();
                v
            })
            .collect()
    };
    let mut by_sets = Vec::new();
    let mut by_column = Vec::new();
    for segment in searcher.segment_readers() {
        let column = open(segment, FACETS_FIELD).unwrap().unwrap();
        let sets = FacetSets::build(&column, segment.max_doc())
            .unwrap()
            .unwrap();
        for (facets, into) in [
            (Facets::Sets(Arc::new(sets)), &mut by_sets),
            (Facets::Column(column), &mut by_column),
        ] {
            let collector = collector(vec![SegmentColumns {
                facets: Some(facets),
                speakers: None,
            }]);
            let weight = AllQuery
                .weight(tantivy::query::EnableScoring::disabled_from_searcher(
                    &searcher,
                ))
                .unwrap();
            let tally = collector
                .collect_segment(weight.as_ref(), 0, segment)
                .unwrap();
            into.push(sorted(tally));
        }
    }
    (by_sets, by_column)
}

/// Grouping a segment's hits reads its whole column, so the first search of a segment
/// counts from the column while a thread groups them, and later searches count by sets:
/// grouping within the first search made every `dossier search` of a million-document
/// case 170 ms slower.
#[test]
fn the_first_search_of_a_segment_counts_from_its_column_while_a_thread_groups_it() {
    let mut schema = Schema::builder();
    let field = schema.add_facet_field(FACETS_FIELD, INDEXED);
    let index = Index::create_in_ram(schema.build());
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for i in 0..1_000u32 {
        let mut doc = TantivyDocument::default();
        let kind = ["article", "quote"][(i % 2) as usize];
        doc.add_facet(field, Facet::from_path(["kind", kind]));
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();
    let weight = AllQuery
        .weight(tantivy::query::EnableScoring::disabled_from_searcher(
            &searcher,
        ))
        .unwrap();
    let mut cache = ColumnCache::default();
    let count = |cache: &mut ColumnCache| {
        let columns = cache.columns(&searcher, false).unwrap();
        let grouped = matches!(columns[0].facets, Some(Facets::Sets(_)));
        let tally = collector(columns)
            .collect_segment(weight.as_ref(), 0, &searcher.segment_readers()[0])
            .unwrap();
        (grouped, tally.counts[0]["article"])
    };
    assert_eq!(count(&mut cache), (false, 500), "the first search");
    let started = std::time::Instant::now();
    while !count(&mut cache).0 {
        assert!(started.elapsed().as_secs() < 30, "never grouped");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(count(&mut cache), (true, 500));
}

#[test]
fn counting_by_sets_of_values_gives_the_columns_counts() {
    let mut schema = Schema::builder();
    let field = schema.add_facet_field(FACETS_FIELD, INDEXED);
    let index = Index::create_in_ram(schema.build());
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(1, 15_000_000).unwrap();
    for i in 0..5_000u32 {
        let mut doc = TantivyDocument::default();
        // Every seventh hit has no facet at all, others a kind, an outlet for most, a
        // year, and a tag for a few; a root on its own and another root are not counted.
        if i % 7 != 0 {
            let kind = ["article", "quote", "event"][(i % 3) as usize];
            doc.add_facet(field, Facet::from_path(["kind", kind]));
            if i % 5 != 0 {
                doc.add_facet(field, Facet::from_path(["outlet", &format!("o{}", i % 11)]));
            }
            doc.add_facet(
                field,
                Facet::from_path(["year", &format!("{}", 1980 + i % 40)]),
            );
            if i % 13 == 0 {
                doc.add_facet(field, Facet::from_path(["tag", &format!("t{}", i % 4)]));
                doc.add_facet(field, Facet::from_path(["tag", &format!("t{}", i % 3)]));
            }
            if i % 17 == 0 {
                doc.add_facet(field, Facet::from_path(["other", "x"]));
            }
        }
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    let (by_sets, by_column) = both_counts(&index);
    assert_eq!(by_sets, by_column);
    assert!(
        by_sets[0][0].len() == 3 && by_sets[0][1].len() == 11,
        "{:?}",
        by_sets[0]
    );
}
