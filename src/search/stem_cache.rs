//! English stemming with a memory of the words already stemmed.
//!
//! Snowball stemming was a fifth of the indexing threads' time on the news corpus, yet news
//! uses a vocabulary of some tens of thousands of words, most of them many times. Each
//! analyzer (tantivy gives every indexing thread and field its own copy) remembers the stems
//! it computed, so a word is stemmed once per copy and then looked up. The stems are exactly
//! those of tantivy's own `Stemmer`, which computes every stem the cache has not seen.

use foldhash::HashMap;
use tantivy::tokenizer::{
    Language, RawTokenizer, Stemmer, TextAnalyzer, Token, TokenFilter, TokenStream, Tokenizer,
};

/// Words longer than this are stemmed every time: they are rare, and keeping them would let
/// a text of unusual words grow the memory for nothing.
const MAX_CACHED_BYTES: usize = 24;

/// Past this many words the memory starts again, which bounds it to a few megabytes.
const MAX_CACHED_WORDS: usize = 100_000;

/// A token filter stemming English like `Stemmer::new(Language::English)`, remembering stems.
#[derive(Clone, Default)]
pub struct CachedEnglishStemmer;

impl TokenFilter for CachedEnglishStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter {
            inner: tokenizer,
            cache: Cache::new(),
        }
    }
}

/// The stems seen so far, and the stemmer that computes new ones.
struct Cache {
    /// A fast hash, since the keys are short words and a slow one would eat what the cache
    /// saves, but a randomly seeded one, since the words come from imported text.
    stems: HashMap<String, String>,
    stemmer: TextAnalyzer,
}

impl Cache {
    fn new() -> Cache {
        Cache {
            stems: HashMap::default(),
            stemmer: TextAnalyzer::builder(RawTokenizer::default())
                .filter(Stemmer::new(Language::English))
                .build(),
        }
    }

    fn stem(&mut self, word: &str) -> String {
        let mut stream = self.stemmer.token_stream(word);
        if stream.advance() {
            stream.token().text.clone()
        } else {
            word.to_string()
        }
    }

    /// Replaces `text` with its stem.
    fn apply(&mut self, text: &mut String) {
        if text.len() > MAX_CACHED_BYTES {
            *text = self.stem(text);
            return;
        }
        if let Some(stem) = self.stems.get(text.as_str()) {
            text.clear();
            text.push_str(stem);
            return;
        }
        let stem = self.stem(text);
        if self.stems.len() >= MAX_CACHED_WORDS {
            self.stems.clear();
        }
        self.stems
            .insert(std::mem::replace(text, stem.clone()), stem);
    }
}

impl Clone for Cache {
    /// A copy starts with an empty memory: copies are made per thread and field before any
    /// text is seen, and sharing one would need a lock on every word.
    fn clone(&self) -> Cache {
        Cache::new()
    }
}

#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
    cache: Cache,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

pub struct CachedStemmerStream<'a, T> {
    tail: T,
    cache: &'a mut Cache,
}

impl<T: TokenStream> TokenStream for CachedStemmerStream<'_, T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        self.cache.apply(&mut self.tail.token_mut().text);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    use super::*;

    fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_exactly_as_tantivy_does_the_first_time_and_every_time_after() {
        let text = "Interest rates rose as the central banks' governors were meeting; \
                    rates, rating and rated, running runners ran. Generously generalized \
                    internationalization incomprehensibilities";
        let mut plain = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let mut cached = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedEnglishStemmer)
            .build();
        let expected = tokens(&mut plain, text);
        assert!(expected.contains(&"rate".to_string()));
        for _ in 0..3 {
            assert_eq!(tokens(&mut cached, text), expected);
        }
        // A copy (what each indexing thread gets) stems the same.
        let mut copy = cached.clone();
        assert_eq!(tokens(&mut copy, text), expected);
    }

    #[test]
    fn the_memory_stays_bounded() {
        let mut cache = Cache::new();
        for i in 0..(MAX_CACHED_WORDS + 10) {
            let mut word = format!("word{i}s");
            cache.apply(&mut word);
            assert_eq!(word, format!("word{i}"));
        }
        assert!(cache.stems.len() <= MAX_CACHED_WORDS);
    }
}
