//! Facet counts over every matching hit: kind, outlet, year and (once quotes exist) speaker.

use tantivy::collector::{FacetCollector, FacetCounts};

use super::model::{FacetCount, SearchFacets};

/// Outlets beyond this many are left out of the counts; a case can hold hundreds.
const MAX_OUTLETS: usize = 20;

pub fn collector() -> FacetCollector {
    let mut collector = FacetCollector::for_field("facets");
    for root in ["/kind", "/outlet", "/year", "/speaker"] {
        collector.add_facet(root);
    }
    collector
}

fn counts(facets: &FacetCounts, root: &str) -> Vec<FacetCount> {
    facets
        .get(root)
        .map(|(facet, count)| FacetCount {
            value: facet
                .to_path()
                .last()
                .map(|s| s.to_string())
                .unwrap_or_default(),
            count,
        })
        .collect()
}

/// Most frequent first (ties alphabetically), except years, which read oldest first.
pub fn summarize(facets: &FacetCounts) -> SearchFacets {
    let by_count = |mut v: Vec<FacetCount>| {
        v.sort_by(|a, b| b.count.cmp(&a.count).then(a.value.cmp(&b.value)));
        v
    };
    let mut outlet = by_count(counts(facets, "/outlet"));
    outlet.truncate(MAX_OUTLETS);
    let mut year = counts(facets, "/year");
    year.sort_by(|a, b| a.value.cmp(&b.value));
    SearchFacets {
        kind: by_count(counts(facets, "/kind")),
        outlet,
        year,
        speaker: by_count(counts(facets, "/speaker")),
    }
}
