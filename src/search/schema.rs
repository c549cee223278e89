//! The search index's schema and analyzers, defined here and nowhere else.
//!
//! Text is indexed twice: once stemmed (English) for recall, and once unstemmed with positions
//! so that phrases, prefixes and fuzzy matches are exact. Both analyzers lower-case and fold
//! diacritics, so `Zürich` finds `Zurich` and `Levashov` finds `levashov`.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TokenizerManager,
};

use super::stem_cache::CachedEnglishStemmer;

/// Bump this whenever the schema or an analyzer changes: an index written with another
/// version is rebuilt from SQLite on open. Version 4 dropped the per-hit `key` field and the
/// inverted index of `id`, which no query used; version 5 moved quote speakers out of
/// `facets` into their own `speakers` facet field, so counting a document search's facets
/// no longer walks a dictionary of every person quoted, and the words of quote, event and
/// note hits out of `text` into `hit_text`, so a document search reads documents' postings.
/// Version 6 indexed people's tags on documents (`tag:`, a `/tag/NAME` facet) and their
/// marks (`/is/starred`, `/is/reviewed`).
pub const SCHEMA_VERSION: u32 = 6;

/// The stemmed analyzer's name in tantivy's tokenizer manager.
pub const STEMMED: &str = "dossier_stemmed";
/// The unstemmed analyzer's name in tantivy's tokenizer manager.
pub const EXACT: &str = "dossier_exact";

/// The facet fields' names, which the facet collector opens by name.
pub const FACETS_FIELD: &str = "facets";
pub const SPEAKERS_FIELD: &str = "speakers";

/// The date columns' names, which the date filter opens by name.
pub const PUBLISHED_EARLIEST: &str = "published_earliest";
pub const PUBLISHED_LATEST: &str = "published_latest";

/// Words longer than this are not indexed: they are base64 or other machine noise.
pub const MAX_TOKEN_BYTES: usize = 60;

pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(CachedEnglishStemmer)
        .build()
}

/// Registers our analyzers; tantivy does not persist them, so every opened index needs this.
pub fn register(tokenizers: &TokenizerManager) {
    tokenizers.register(EXACT, exact_analyzer());
    tokenizers.register(STEMMED, stemmed_analyzer());
}

/// Every field of the index. Hits of every kind (documents now; quotes, events and notes
/// later) share the schema, told apart by `hit_kind`; fields a kind lacks stay empty.
#[derive(Clone, Copy)]
pub struct Fields {
    /// The unit of re-indexing every update deletes by before adding: `document:12` for a
    /// document and its quotes (which show the document's title and date), `event:7`.
    pub unit: Field,
    pub hit_kind: Field,
    /// The hit's own id (for a document, the document id), stored to be shown. It is not
    /// indexed: nothing searches by it, and with extraction an import adds some seven quote
    /// and event hits per document, each of which would add a term that no query reads.
    pub id: Field,
    pub doc_id: Field,
    pub title: Field,
    pub title_exact: Field,
    /// The title shown for a quote or event hit (its document's title, the event's title),
    /// stored but not indexed: indexing it again for every quote and date would double the
    /// cost of importing them for words the document hit already finds.
    pub label: Field,
    /// A document's words, stemmed.
    pub text: Field,
    /// A document's words unstemmed with positions; it also stores the text that snippets are
    /// cut from.
    pub text_exact: Field,
    /// The words of quote, event and note hits (and a quote's speaker's role), stemmed. They
    /// are kept apart from documents' `text` because most searches find documents alone,
    /// and a quote or a dated sentence repeats its document's words: at 100k documents the
    /// hits made the posting list of `government` 2.3 times as long as its documents'.
    pub hit_text: Field,
    /// The words of quote, event and note hits unstemmed with positions, stored for snippets.
    pub hit_text_exact: Field,
    pub outlet: Field,
    pub outlet_name: Field,
    pub url: Field,
    pub kind: Field,
    pub published: Field,
    pub published_earliest: Field,
    pub published_latest: Field,
    pub keywords: Field,
    pub tags: Field,
    pub speaker: Field,
    /// Facet paths `/kind/article`, `/outlet/NAME`, `/year/2017`: what every hit has.
    pub facets: Field,
    /// Facet paths `/speaker/NAME` of quote hits, apart from `facets` because there are as
    /// many as people quoted and only searches that can match quotes count them.
    pub speakers: Field,
}

fn text(analyzer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::WithFreqs
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(analyzer)
            .set_index_option(record),
    )
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let fields = Fields {
        unit: b.add_text_field("unit", STRING),
        hit_kind: b.add_text_field("hit_kind", STRING | STORED),
        id: b.add_i64_field("id", STORED),
        doc_id: b.add_i64_field("doc_id", INDEXED | STORED | FAST),
        title: b.add_text_field("title", text(STEMMED, true) | STORED),
        title_exact: b.add_text_field("title_exact", text(EXACT, true)),
        label: b.add_text_field("label", STORED),
        text: b.add_text_field("text", text(STEMMED, false)),
        text_exact: b.add_text_field("text_exact", text(EXACT, true) | STORED),
        hit_text: b.add_text_field("hit_text", text(STEMMED, false)),
        hit_text_exact: b.add_text_field("hit_text_exact", text(EXACT, true) | STORED),
        outlet: b.add_text_field("outlet", text(EXACT, true)),
        outlet_name: b.add_text_field("outlet_name", STORED),
        url: b.add_text_field("url", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        published: b.add_text_field("published", STORED),
        published_earliest: b.add_i64_field(PUBLISHED_EARLIEST, INDEXED | STORED | FAST),
        published_latest: b.add_i64_field(PUBLISHED_LATEST, INDEXED | FAST),
        keywords: b.add_text_field("keywords", text(STEMMED, true)),
        tags: b.add_text_field("tags", text(EXACT, true)),
        speaker: b.add_text_field("speaker", text(EXACT, true)),
        facets: b.add_facet_field(FACETS_FIELD, INDEXED),
        speakers: b.add_facet_field(SPEAKERS_FIELD, INDEXED),
    };
    (b.build(), fields)
}
