//! Full-text search over a case: a tantivy index beside the case file, derived from it.
//!
//! - `schema`: the fields and analyzers, with the schema version (the one place they live).
//! - `index`: lifecycle (open, rebuild, journal catch-up, batched commits, bounded segments).
//! - `query_parser`: Dossier's query language → syntax tree, with positioned errors.
//! - `query_build`: syntax tree → tantivy queries.
//! - `dates`: the date filter, on the publication columns.
//! - `snippets`, `facets`: what a result shows besides the ranked hits.
//! - `folding`: a search with the copies of one story folded into one hit.
//! - `stem_cache`: English stemming that remembers the words it has stemmed.
//!
//! The DTOs it takes and returns (`SearchRequest`, `SearchResults`, …) live in `model::search`;
//! saved searches live in `store::saved_searches`.

mod dates;
mod facets;
mod folding;
mod index;
mod merges;
mod query_build;
pub mod query_parser;
mod schema;
mod snippets;
mod stem_cache;

use std::time::Instant;

use tantivy::collector::{Count, TopDocs};
use tantivy::schema::Value;
use tantivy::{DocAddress, Order, TantivyDocument};

use crate::model::{HitKind, SearchFacets, SearchHit, SearchRequest, SearchResults, SearchSort};
pub use folding::Folding;
use index::tantivy_error;
pub use index::{index_dir, SearchIndex};
use query_build::Analyzers;
pub use schema::SCHEMA_VERSION;

/// The search DTOs moved to `crate::model` (issue 18); this name keeps paths written before the
/// move compiling.
pub use crate::model::search as model;

use crate::model::DocumentKind;
use crate::Result;

/// Collects the `doc_id` fast field of every matching hit.
struct DocIds;

struct SegmentDocIds {
    column: tantivy::columnar::Column<i64>,
    ids: Vec<i64>,
}

impl tantivy::collector::Collector for DocIds {
    type Fruit = Vec<i64>;
    type Child = SegmentDocIds;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentDocIds> {
        Ok(SegmentDocIds {
            column: reader.fast_fields().i64("doc_id")?,
            ids: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, segments: Vec<Vec<i64>>) -> tantivy::Result<Vec<i64>> {
        Ok(segments.concat())
    }
}

impl tantivy::collector::SegmentCollector for SegmentDocIds {
    type Fruit = Vec<i64>;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        // A note hit has no document and is no part of a document selection.
        if let Some(id) = self.column.first(doc) {
            self.ids.push(id);
        }
    }

    fn harvest(self) -> Vec<i64> {
        self.ids
    }
}

/// No page holds more hits than this; `--csv` pages through larger results.
pub const MAX_LIMIT: usize = 10_000;

/// Searches find documents unless the query asks for other hits by kind (`kind:quote`,
/// `kind:event`) or by a field only they have (`speaker:`), so a plain search lists sources
/// once rather than once per quote and date in them. Also says whether the query stayed open
/// to other hits (and so to quotes, whose speakers are then counted).
fn scoped(node: query_parser::Node, has_notes: bool) -> (query_parser::Node, bool) {
    use query_parser::{KindFilter, Node, TextField};
    fn asks_for_other_hits(node: &Node) -> bool {
        match node {
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().any(asks_for_other_hits),
            Node::Not(inner) => asks_for_other_hits(inner),
            Node::Kind(KindFilter::Hit(kind)) => *kind != "document",
            Node::Text(TextField::Speaker, _) => true,
            _ => false,
        }
    }
    if asks_for_other_hits(&node) {
        return (node, true);
    }
    // Holding a search to documents intersects it with every document's hit, which cost a
    // fifth of a search at 100k documents (issue 23). A query that can only match through the
    // fields no quote or event has (title, text, keywords, outlet) needs only to leave out
    // the notes, which share titles: an exclusion as short as the case's list of notes, and
    // no clause at all in a case without notes (the exclusion alone costs a tenth).
    if !matches_only_documents_and_notes(&node) {
        return (
            Node::And(vec![node, Node::Kind(KindFilter::Hit("document"))]),
            false,
        );
    }
    if !has_notes {
        return (node, false);
    }
    let no_notes = Node::Not(Box::new(Node::Kind(KindFilter::Hit("note"))));
    (Node::And(vec![node, no_notes]), false)
}

/// Whether every hit `node` matches is a document or a note, because each of its matches
/// needs a word in a field only those hits have. A bare word that is a SHA-256 becomes a
/// filter on the document's id, which its quotes and events carry too. The walk recurses as
/// deep as the tree, which the parser bounds.
fn matches_only_documents_and_notes(node: &query_parser::Node) -> bool {
    use query_parser::{Match, Node, TextField};
    match node {
        Node::And(nodes) => nodes.iter().any(matches_only_documents_and_notes),
        Node::Or(nodes) => !nodes.is_empty() && nodes.iter().all(matches_only_documents_and_notes),
        Node::Text(TextField::Any, Match::Word(word)) => !query_build::is_sha256(word),
        Node::Text(TextField::Any | TextField::Title | TextField::Outlet, _) => true,
        Node::Text(TextField::Tag | TextField::Speaker, _)
        | Node::Not(_)
        | Node::Kind(_)
        | Node::Doc(_)
        | Node::Is(_)
        | Node::Date { .. } => false,
    }
}

/// A query parsed and scoped, with `analyzers` told the documents its 64-hex words name by
/// SHA-256 (which the index cannot hold).
fn parsed(
    query: &str,
    has_notes: bool,
    document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
    analyzers: &mut Analyzers,
) -> Result<(query_parser::Node, bool)> {
    let (node, other_hits) = scoped(query_parser::parse(query)?, has_notes);
    analyzers.reset();
    for hash in query_build::sha256_words(&node) {
        if let Some(id) = document_by_sha256(&hash)? {
            analyzers.documents_by_sha256.push((hash, id));
        }
    }
    Ok((node, other_hits))
}

/// Ranked hits (each one's score, None when sorted by date, and address), how many hits match
/// in all, and the facet counts when they were asked for.
type Ranked = (
    Vec<(Option<f32>, DocAddress)>,
    usize,
    Option<facets::FacetTally>,
);

/// The hits ranked `offset..offset + limit` (by score, or newest first), how many hits match
/// in all, and the facet counts when a collector is given: one pass over the matches.
fn ranked(
    searcher: &tantivy::Searcher,
    query: &dyn tantivy::query::Query,
    sort: SearchSort,
    limit: usize,
    offset: usize,
    facet_collector: Option<facets::FacetTallyCollector>,
) -> Result<Ranked> {
    let top = (limit > 0).then(|| TopDocs::with_limit(limit).and_offset(offset));
    match sort {
        SearchSort::Relevance => {
            let top = top.map(|t| t.order_by_score());
            let (found, total, facets) = searcher
                .search(query, &(top, Count, facet_collector))
                .map_err(tantivy_error)?;
            let found = found.unwrap_or_default();
            let found = found.into_iter().map(|(s, a)| (Some(s), a)).collect();
            Ok((found, total, facets))
        }
        SearchSort::Date => {
            let top = top.map(|t| t.order_by_fast_field::<i64>("published_earliest", Order::Desc));
            let (found, total, facets) = searcher
                .search(query, &(top, Count, facet_collector))
                .map_err(tantivy_error)?;
            let found = found.unwrap_or_default();
            Ok((
                found.into_iter().map(|(_, a)| (None, a)).collect(),
                total,
                facets,
            ))
        }
    }
}

impl SearchIndex {
    /// Runs `request`. `document_by_sha256` finds the document whose original has a given
    /// SHA-256 (lower-case hex), which the index cannot hold, for a query that names one.
    pub fn search(
        &mut self,
        request: &SearchRequest,
        document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
    ) -> Result<SearchResults> {
        let started = Instant::now();
        self.search_keeping_analyzers(request, document_by_sha256, started, None)
    }

    /// Runs `request` with the document hits of one group of near-duplicates folded into one
    /// hit, the best ranked (or newest), whose `copies` says how many it stands for (issue
    /// 21). `folding` names each document's group.
    pub fn search_folding_copies(
        &mut self,
        request: &SearchRequest,
        document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
        folding: &mut Folding<'_>,
    ) -> Result<SearchResults> {
        let started = Instant::now();
        self.search_keeping_analyzers(request, document_by_sha256, started, Some(folding))
    }

    /// The analyzers are kept from one search to the next: building them, and stemming the
    /// query's and the snippets' words again with an empty memory of stems, was a twentieth
    /// of a search at 100k documents (session 13).
    fn search_keeping_analyzers(
        &mut self,
        request: &SearchRequest,
        document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
        started: Instant,
        folding: Option<&mut Folding<'_>>,
    ) -> Result<SearchResults> {
        let mut analyzers = self.analyzers.take().unwrap_or_else(Analyzers::new);
        let results = self.search_with(
            request,
            document_by_sha256,
            &mut analyzers,
            started,
            folding,
        );
        self.analyzers = Some(analyzers);
        results
    }

    fn search_with(
        &mut self,
        request: &SearchRequest,
        document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
        analyzers: &mut Analyzers,
        started: Instant,
        folding: Option<&mut Folding<'_>>,
    ) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let has_notes = self.has_notes(&searcher);
        let (node, other_hits) = parsed(&request.query, has_notes, document_by_sha256, analyzers)?;
        analyzers.dates.keep_only(&searcher);
        let query = self.query(&node, other_hits, analyzers);
        let limit = request.limit.min(MAX_LIMIT);
        let facet_collector = match request.facets {
            true => Some(facets::collector(
                self.facet_columns
                    .columns(&searcher, other_hits)
                    .map_err(tantivy_error)?,
            )),
            false => None,
        };
        let (page, total, facet_counts) = match folding {
            Some(folding) if limit > 0 => self.folded(
                &searcher,
                query.as_ref(),
                request,
                limit,
                other_hits,
                facet_collector,
                folding,
            )?,
            _ => {
                let (found, total, facets) = ranked(
                    &searcher,
                    query.as_ref(),
                    request.sort,
                    limit,
                    request.offset,
                    facet_collector,
                )?;
                let page = found.into_iter().map(|(s, a)| (s, a, 0)).collect();
                (page, total, facets)
            }
        };
        let highlighter = request
            .snippets
            .then(|| snippets::Highlighter::new(&node, analyzers));
        let mut hits = Vec::with_capacity(page.len());
        for (score, address, copies) in page {
            let doc: TantivyDocument = searcher.doc(address).map_err(tantivy_error)?;
            let mut hit = self.hit(&doc, score, highlighter.as_ref(), analyzers);
            hit.copies = copies;
            hits.push(hit);
        }
        Ok(SearchResults {
            query: request.query.clone(),
            total,
            took_us: started.elapsed().as_micros() as u64,
            hits,
            facets: facet_counts
                .map(|c| facets::summarize(&c))
                .unwrap_or_else(SearchFacets::default),
            notice: {
                let notices: Vec<String> = self
                    .notices
                    .drain(..)
                    .chain(analyzers.unindexed_notice())
                    .collect();
                (!notices.is_empty()).then(|| notices.join("; "))
            },
        })
    }

    /// The ids of every document a query finds, in id order, without ranking, snippets or
    /// stored fields: what a bulk action over "all N hits" acts on, including the hits a
    /// window never loaded. A query that finds quotes or events selects their documents.
    pub fn document_ids(
        &mut self,
        query: &str,
        document_by_sha256: &dyn Fn(&str) -> Result<Option<i64>>,
    ) -> Result<Vec<i64>> {
        let searcher = self.reader.searcher();
        let has_notes = self.has_notes(&searcher);
        let mut analyzers = self.analyzers.take().unwrap_or_else(Analyzers::new);
        let parsed = parsed(query, has_notes, document_by_sha256, &mut analyzers);
        let query = parsed.map(|(node, other_hits)| self.query(&node, other_hits, &mut analyzers));
        self.analyzers = Some(analyzers);
        let query = query?;
        let mut ids = searcher.search(&query, &DocIds).map_err(tantivy_error)?;
        ids.sort_unstable();
        ids.dedup();
        Ok(ids)
    }

    /// Whether any segment `searcher` sees holds a note hit (a term lookup per segment).
    /// Deleted notes still count, which only keeps an exclusion that matches nothing.
    fn has_notes(&self, searcher: &tantivy::Searcher) -> bool {
        let note = tantivy::Term::from_field_text(self.fields.hit_kind, "note");
        searcher.doc_freq(&note).map_or(true, |n| n > 0)
    }

    /// The tantivy query of a scoped query. Documents keep their words in `text` and other
    /// hits in `hit_text`; a query open to other hits is asked of the documents over the
    /// first and of every other hit over the second, each side held to its own hits, so a
    /// negated word (`speaker:blanco -kelihos`) is looked for where that hit keeps its words.
    fn query(
        &self,
        node: &query_parser::Node,
        other_hits: bool,
        analyzers: &mut Analyzers,
    ) -> Box<dyn tantivy::query::Query> {
        use query_parser::{KindFilter, Node};
        use tantivy::query::{BooleanQuery, Occur};
        if !other_hits {
            return query_build::build(node, &self.fields, analyzers);
        }
        let document = || Node::Kind(KindFilter::Hit("document"));
        let documents = Node::And(vec![node.clone(), document()]);
        let others = Node::And(vec![node.clone(), Node::Not(Box::new(document()))]);
        let mut hit_fields = self.fields;
        hit_fields.text = self.fields.hit_text;
        hit_fields.text_exact = self.fields.hit_text_exact;
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                query_build::build(&documents, &self.fields, analyzers),
            ),
            (
                Occur::Should,
                query_build::build(&others, &hit_fields, analyzers),
            ),
        ]))
    }

    fn hit(
        &self,
        doc: &TantivyDocument,
        score: Option<f32>,
        highlighter: Option<&snippets::Highlighter>,
        analyzers: &mut Analyzers,
    ) -> SearchHit {
        let f = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let int = |field| doc.get_first(field).and_then(|v| v.as_i64());
        let body = doc
            .get_first(f.text_exact)
            .or_else(|| doc.get_first(f.hit_text_exact))
            .and_then(|v| v.as_str())
            .unwrap_or("");
        SearchHit {
            kind: text(f.hit_kind)
                .and_then(|k| HitKind::parse(&k))
                .unwrap_or(HitKind::Document),
            id: int(f.id).unwrap_or_default(),
            doc_id: int(f.doc_id).unwrap_or_default(),
            title: text(f.label).or_else(|| text(f.title)).unwrap_or_default(),
            score,
            snippet: highlighter
                .map(|h| h.snippet(body, analyzers))
                .unwrap_or_default(),
            document_kind: text(f.kind).and_then(|k| DocumentKind::parse(&k)),
            url: text(f.url),
            outlet: text(f.outlet_name),
            published: text(f.published),
            copies: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each query and whether it can only match through fields that documents and notes
    /// alone have; the document filter is dropped only for the first kind.
    fn check(cases: &[(&str, bool)]) {
        for (query, expected) in cases {
            let node = query_parser::parse(query).unwrap();
            assert_eq!(
                matches_only_documents_and_notes(&node),
                *expected,
                "{query}"
            );
        }
    }

    #[test]
    fn only_queries_through_document_fields_skip_the_document_filter() {
        let hash = "ab".repeat(32);
        check(&[
            ("oil", true),
            ("oil prices", true),
            ("\"interest rates\"", true),
            ("petrol*", true),
            ("goverment~2", true),
            ("title:oil date:1987-03", true),
            ("outlet:reuters", true),
            ("oil OR gas", true),
            ("oil -gas", true),
            ("oil OR tag:energy", false),
            ("tag:energy", false),
            ("-gas", false),
            ("date:2016", false),
            ("kind:email", false),
            ("doc:3", false),
            ("is:starred", false),
            (&hash, false),
        ]);
    }

    #[test]
    fn a_plain_search_keeps_notes_out_only_where_the_case_has_some() {
        use query_parser::{KindFilter, Node};
        let node = || query_parser::parse("oil").unwrap();
        assert_eq!(scoped(node(), false), (node(), false));
        let no_notes = Node::Not(Box::new(Node::Kind(KindFilter::Hit("note"))));
        assert_eq!(
            scoped(node(), true),
            (Node::And(vec![node(), no_notes]), false)
        );
        let dated = || query_parser::parse("date:2016").unwrap();
        let documents = Node::Kind(KindFilter::Hit("document"));
        assert_eq!(
            scoped(dated(), false),
            (Node::And(vec![dated(), documents]), false)
        );
    }
}
