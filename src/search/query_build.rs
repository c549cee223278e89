//! Turns a parsed query into tantivy queries over the schema's fields.
//!
//! Bare words go to the stemmed fields (title boosted, text, keywords) for recall; phrases,
//! proximity, prefixes and fuzzy words go to the unstemmed fields so they match what was
//! written. Filters (kind, doc, dates) score nothing, so they narrow without reordering.

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, EmptyQuery, FuzzyTermQuery, Occur,
    PhrasePrefixQuery, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer};
use tantivy::Term;

use super::dates::{DateColumns, DateFilter};
use super::query_parser::{KindFilter, Match, Node, TextField};
use super::schema::{exact_analyzer, stemmed_analyzer, Fields, MAX_TOKEN_BYTES};

/// The analyzers a query's words go through, the same as at indexing time.
pub struct Analyzers {
    pub exact: TextAnalyzer,
    pub stemmed: TextAnalyzer,
    /// The bare tokenizer, to find the words the other two drop for being too long.
    raw: TextAnalyzer,
    /// Words of the query the index cannot hold (see `MAX_TOKEN_BYTES`), so they match
    /// nothing; the search reports them in its notice rather than leaving people puzzled.
    pub unindexed: Vec<String>,
    /// The documents whose originals hash to a SHA-256 written in the query (lower-case
    /// hex), looked up in the case file by the caller before building (see `sha256_words`).
    pub documents_by_sha256: Vec<(String, i64)>,
    /// The date columns date filters read, opened once per segment and kept with the
    /// analyzers from one search to the next.
    pub dates: DateColumns,
}

impl Analyzers {
    pub fn new() -> Analyzers {
        Analyzers {
            exact: exact_analyzer(),
            stemmed: stemmed_analyzer(),
            raw: TextAnalyzer::from(SimpleTokenizer::default()),
            unindexed: Vec::new(),
            documents_by_sha256: Vec::new(),
            dates: DateColumns::default(),
        }
    }

    /// Forgets what the last query noted (its unindexed words, the documents its hashes
    /// named), so that the analyzers, and the stems their filters remember, serve the next.
    pub fn reset(&mut self) {
        self.unindexed.clear();
        self.documents_by_sha256.clear();
    }

    /// Remembers the words of `text` too long to be indexed.
    fn note_unindexed(&mut self, text: &str) {
        for word in tokens(&mut self.raw, text) {
            if word.len() >= MAX_TOKEN_BYTES && !self.unindexed.contains(&word) {
                self.unindexed.push(word);
            }
        }
    }

    /// What the search's notice says about words that cannot match, if there were any.
    pub fn unindexed_notice(&self) -> Option<String> {
        if self.unindexed.is_empty() {
            return None;
        }
        let shown: Vec<String> = self
            .unindexed
            .iter()
            .map(|w| {
                let head: String = w.chars().take(12).collect();
                format!("'{head}…'")
            })
            .collect();
        Some(format!(
            "words of {MAX_TOKEN_BYTES} bytes or more are not indexed and cannot be searched \
             for: {}",
            shown.join(", ")
        ))
    }
}

/// The tokens of `text` through `analyzer`.
pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    positioned_tokens(analyzer, text)
        .into_iter()
        .map(|(_, t)| t)
        .collect()
}

/// The tokens of `text` with their positions. A word the analyzer drops (one too long to
/// index) leaves a gap in the positions, as it does in the index, so a phrase around it
/// still lines up with the text it was written in.
fn positioned_tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let token = stream.token();
        out.push((token.position, token.text.clone()));
    }
    out
}

/// Whether a bare word is a SHA-256 in hex, as briefs and `show` print a source's.
pub fn is_sha256(word: &str) -> bool {
    word.len() == 64 && word.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The bare words of the query that are SHA-256s, lower-cased. A hash is too long for the
/// index (64 bytes), so the search finds its document in the case file instead, and people can
/// paste a hash from a brief to get back to the source. The walk recurses as deep as the tree,
/// which the parser bounds.
pub fn sha256_words(node: &Node) -> Vec<String> {
    fn walk(node: &Node, out: &mut Vec<String>) {
        match node {
            Node::And(nodes) | Node::Or(nodes) => nodes.iter().for_each(|n| walk(n, out)),
            Node::Not(inner) => walk(inner, out),
            Node::Text(TextField::Any, Match::Word(word)) if is_sha256(word) => {
                out.push(word.to_ascii_lowercase())
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(node, &mut out);
    out
}

/// A query that matches nothing: what a word the index cannot hold turns into.
fn nothing() -> Box<dyn Query> {
    Box::new(EmptyQuery)
}

/// The tantivy query for a parsed tree. It recurses once per level of the tree, which the
/// parser bounds ([`super::query_parser::MAX_DEPTH`]); trees come only from the parser.
pub fn build(node: &Node, f: &Fields, an: &mut Analyzers) -> Box<dyn Query> {
    match node {
        Node::And(nodes) => {
            let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for n in nodes {
                match n {
                    Node::Not(inner) => clauses.push((Occur::MustNot, build(inner, f, an))),
                    other => clauses.push((Occur::Must, build(other, f, an))),
                }
            }
            // A query of exclusions alone means "everything except".
            if clauses.iter().all(|(occur, _)| *occur == Occur::MustNot) {
                clauses.push((Occur::Must, Box::new(AllQuery)));
            }
            Box::new(BooleanQuery::new(clauses))
        }
        Node::Or(nodes) => Box::new(BooleanQuery::new(
            nodes
                .iter()
                .map(|n| (Occur::Should, build(n, f, an)))
                .collect(),
        )),
        Node::Not(inner) => Box::new(BooleanQuery::new(vec![
            (Occur::Must, Box::new(AllQuery) as Box<dyn Query>),
            (Occur::MustNot, build(inner, f, an)),
        ])),
        Node::Text(field, m) => text_query(*field, m, f, an),
        Node::Kind(KindFilter::Document(kind)) => filter(term(f.kind, kind.as_str())),
        Node::Kind(KindFilter::Hit(kind)) => filter(term(f.hit_kind, kind)),
        Node::Is(mark) => filter(Box::new(TermQuery::new(
            Term::from_facet(f.facets, &tantivy::schema::Facet::from_path(["is", *mark])),
            IndexRecordOption::Basic,
        ))),
        Node::Doc(id) => filter(Box::new(TermQuery::new(
            Term::from_field_i64(f.doc_id, *id),
            IndexRecordOption::Basic,
        ))),
        // Hits whose publication interval overlaps `[start, end)`: it begins before the end
        // and finishes at or after the start. Undated hits match no date filter. The filter
        // scores 0, as `filter` would make it.
        Node::Date { start, end } => Box::new(DateFilter {
            start: *start,
            end: *end,
            columns: an.dates.clone(),
        }),
    }
}

/// The date filter as two of tantivy's range queries, which `DateFilter` replaced: kept for
/// the test that the two agree.
#[cfg(test)]
pub fn exact_dates(start: Option<i64>, end: Option<i64>, f: &Fields) -> Box<dyn Query> {
    use std::ops::Bound;
    use tantivy::query::RangeQuery;
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let Some(end) = end {
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                Bound::Unbounded,
                Bound::Excluded(Term::from_field_i64(f.published_earliest, end)),
            )),
        ));
    }
    if let Some(start) = start {
        clauses.push((
            Occur::Must,
            Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.published_latest, start)),
                Bound::Unbounded,
            )),
        ));
    }
    filter(Box::new(BooleanQuery::new(clauses)))
}

fn filter(query: Box<dyn Query>) -> Box<dyn Query> {
    Box::new(ConstScoreQuery::new(query, 0.0))
}

fn term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// The stemmed fields (with boosts) a word is looked up in, and the unstemmed fields used
/// for phrases, prefixes and fuzzy matches. Fields that hold names are never stemmed.
fn fields_for(field: TextField, f: &Fields) -> (Vec<(Field, f32)>, Vec<Field>, bool) {
    match field {
        TextField::Any => (
            vec![(f.title, 2.0), (f.text, 1.0), (f.keywords, 1.0)],
            vec![f.title_exact, f.text_exact],
            true,
        ),
        TextField::Title => (vec![(f.title, 1.0)], vec![f.title_exact], true),
        TextField::Outlet => (vec![(f.outlet, 1.0)], vec![f.outlet], false),
        TextField::Tag => (vec![(f.tags, 1.0)], vec![f.tags], false),
        TextField::Speaker => (vec![(f.speaker, 1.0)], vec![f.speaker], false),
    }
}

fn any_of(queries: Vec<Box<dyn Query>>) -> Box<dyn Query> {
    if queries.len() == 1 {
        return queries.into_iter().next().expect("one query");
    }
    Box::new(BooleanQuery::new(
        queries.into_iter().map(|q| (Occur::Should, q)).collect(),
    ))
}

fn text_query(field: TextField, m: &Match, f: &Fields, an: &mut Analyzers) -> Box<dyn Query> {
    let (stemmed_fields, exact_fields, stems) = fields_for(field, f);
    // Values are matched on the words the index holds. A word too long to be indexed leaves a
    // gap that any word fills, as it left one in the index; a value with nothing else matches
    // nothing, and a phrase left with one word becomes a plain term (tantivy's phrase queries
    // refuse fewer than two).
    let phrase = |words: &[(usize, String)], slop: u32| -> Box<dyn Query> {
        let Some((first, _)) = words.first() else {
            return nothing();
        };
        any_of(
            exact_fields
                .iter()
                .map(|field| {
                    if words.len() == 1 {
                        return Box::new(TermQuery::new(
                            Term::from_field_text(*field, &words[0].1),
                            IndexRecordOption::WithFreqs,
                        )) as Box<dyn Query>;
                    }
                    let terms = words
                        .iter()
                        .map(|(at, w)| (at - first, Term::from_field_text(*field, w)))
                        .collect();
                    Box::new(PhraseQuery::new_with_offset_and_slop(terms, slop))
                })
                .collect(),
        )
    };
    match m {
        Match::Word(word) => {
            if field == TextField::Any && is_sha256(word) {
                let hash = word.to_ascii_lowercase();
                if let Some((_, id)) = an.documents_by_sha256.iter().find(|(h, _)| *h == hash) {
                    return filter(Box::new(TermQuery::new(
                        Term::from_field_i64(f.doc_id, *id),
                        IndexRecordOption::Basic,
                    )));
                }
            }
            an.note_unindexed(word);
            let analyzer = if stems {
                &mut an.stemmed
            } else {
                &mut an.exact
            };
            let words = tokens(analyzer, word);
            if words.len() != 1 {
                // `e-mail` or `U.S.` are several tokens: match them as written, in order.
                return phrase(&positioned_tokens(&mut an.exact, word), 0);
            }
            any_of(
                stemmed_fields
                    .iter()
                    .map(|(field, boost)| {
                        let q: Box<dyn Query> = Box::new(TermQuery::new(
                            Term::from_field_text(*field, &words[0]),
                            IndexRecordOption::WithFreqs,
                        ));
                        if *boost == 1.0 {
                            q
                        } else {
                            Box::new(BoostQuery::new(q, *boost))
                        }
                    })
                    .collect(),
            )
        }
        Match::Phrase { text, slop } => {
            an.note_unindexed(text);
            phrase(&positioned_tokens(&mut an.exact, text), *slop)
        }
        Match::Prefix(prefix) => {
            an.note_unindexed(prefix);
            let raw = positioned_tokens(&mut an.raw, prefix);
            let words = positioned_tokens(&mut an.exact, prefix);
            // The last word is the prefix itself: if it was too long to keep, no indexed word
            // (all shorter) can start with it, and the words before it alone are not the query.
            let (Some((last_raw, _)), Some((last, _))) = (raw.last(), words.last()) else {
                return nothing();
            };
            if last_raw != last {
                return nothing();
            }
            let first = words[0].0;
            any_of(
                exact_fields
                    .iter()
                    .map(|field| {
                        let mut terms: Vec<(usize, Term)> = words
                            .iter()
                            .map(|(at, w)| (at - first, Term::from_field_text(*field, w)))
                            .collect();
                        if terms.len() == 1 {
                            let (_, t) = terms.pop().expect("one term");
                            Box::new(FuzzyTermQuery::new_prefix(t, 0, false)) as Box<dyn Query>
                        } else {
                            Box::new(PhrasePrefixQuery::new_with_offset(terms))
                        }
                    })
                    .collect(),
            )
        }
        Match::Fuzzy { word, distance } => {
            an.note_unindexed(word);
            let words = positioned_tokens(&mut an.exact, word);
            if words.len() != 1 || tokens(&mut an.raw, word).len() != 1 {
                return phrase(&words, 0);
            }
            any_of(
                exact_fields
                    .iter()
                    .map(|field| {
                        Box::new(FuzzyTermQuery::new(
                            Term::from_field_text(*field, &words[0].1),
                            *distance,
                            true,
                        )) as Box<dyn Query>
                    })
                    .collect(),
            )
        }
    }
}
