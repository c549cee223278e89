//! Near-duplicate sources (issue 21): syndicated copies of a wire story, updated versions of
//! one article, the same press release on several sites. Exact copies are already caught by
//! their SHA-256; these differ by a trimmed ending, reordered paragraphs, a new headline or a
//! changed word, so they are found by the resemblance of their word shingles instead.
//!
//! Comparing every pair of documents is quadratic, so each document gets a MinHash signature
//! (`PERMUTATIONS` minimums of hashed shingles; the share of equal minimums estimates the
//! Jaccard similarity of two shingle sets) cut into `BANDS` bands: two documents become
//! candidates only when one band is equal, which a table indexed by band finds in one lookup
//! per band, and a candidate is kept when its estimated similarity reaches [`THRESHOLD`]. The
//! table files each key once per group of copies (`grouping::add`).
//! Pure: text in, signature and band keys out; the case's side is `store::copies`.

/// How many words a shingle has. Five words make a phrase rare enough that two unrelated
/// articles share few of them, yet one changed word touches only five shingles.
pub const SHINGLE_WORDS: usize = 5;

/// How many hash functions a signature has: the estimate's standard error at a similarity of
/// one half is about 0.044.
pub const PERMUTATIONS: usize = 128;

/// Bands of `ROWS` minimums each. With 32 bands of 4, a pair with a similarity of 0.5 becomes a
/// candidate with probability 0.87, 0.6 with 0.99, and unrelated texts (0.02) almost never.
pub const BANDS: usize = 32;
pub const ROWS: usize = PERMUTATIONS / BANDS;

/// The estimated Jaccard similarity from which two documents are copies of one another.
/// Chosen by `examples/eval_copies.rs` (docs/benchmarks.md): a copy trimmed by a third, with
/// its paragraphs reordered and a word changed, stays above it; distinct articles on one story
/// stay far below it.
pub const THRESHOLD: f64 = 0.5;

/// Texts with fewer shingles than this are too short to call anything a copy of them: two
/// one-line captions or a dateline alone resemble each other by accident.
pub const MIN_SHINGLES: usize = 10;

/// A document's MinHash signature and how many distinct shingles it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    pub mins: Vec<u32>,
    pub shingles: usize,
}

impl Signature {
    /// Whether the text had enough shingles to be compared at all.
    pub fn comparable(&self) -> bool {
        self.shingles >= MIN_SHINGLES
    }

    /// The estimated Jaccard similarity of the two texts' shingle sets: the share of
    /// permutations whose minimum is the same.
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.mins.len() != other.mins.len() || self.mins.is_empty() {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / self.mins.len() as f64
    }

    /// One key per band, the band's index mixed in so that equal minimums in different bands
    /// never meet. Stored as `i64` because that is what SQLite holds.
    pub fn band_keys(&self) -> Vec<i64> {
        self.mins
            .chunks(ROWS)
            .enumerate()
            .map(|(band, rows)| {
                let mut h = mix(band as u64 + 1);
                for &m in rows {
                    h = mix(h ^ u64::from(m));
                }
                h as i64
            })
            .collect()
    }

    /// The signature as stored: the minimums as little-endian bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.mins.iter().flat_map(|m| m.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8], shingles: usize) -> Signature {
        Signature {
            mins: bytes
                .chunks_exact(4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect(),
            shingles,
        }
    }
}

/// SplitMix64's finaliser: a fixed, well-mixing 64-bit hash. Signatures are stored in the case
/// and compared across builds, so no hash whose output may change with the compiler (such as
/// the standard library's `DefaultHasher`) is used.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// FNV-1a of a word's lower-cased characters, then mixed.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    mix(h)
}

/// The permutations' multipliers (odd) and offsets, derived once from fixed seeds.
fn permutations() -> &'static [(u64, u64); PERMUTATIONS] {
    static TABLE: std::sync::OnceLock<[(u64, u64); PERMUTATIONS]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = [(0u64, 0u64); PERMUTATIONS];
        for (i, slot) in table.iter_mut().enumerate() {
            let i = i as u64;
            *slot = (mix(2 * i + 1) | 1, mix(2 * i + 2));
        }
        table
    })
}

/// The hashed shingles of a text, deduplicated. Words are runs of letters and digits, case
/// folded, so punctuation and capitals changed by an editor do not count. Shingles never cross
/// a line break, so moving a paragraph changes none of them; a paragraph shorter than a
/// shingle is one shingle of its words.
pub fn shingles(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut words: Vec<u64> = Vec::new();
    for line in text.split('\n') {
        words.clear();
        words.extend(
            line.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(word_hash),
        );
        if words.is_empty() {
            continue;
        }
        if words.len() < SHINGLE_WORDS {
            out.push(words.iter().fold(0x5bd1_e995, |h, w| mix(h ^ w)));
            continue;
        }
        for window in words.windows(SHINGLE_WORDS) {
            out.push(window.iter().fold(0x5bd1_e995, |h, w| mix(h ^ w)));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The MinHash signature of a text: linear in its length (one multiply-add per shingle and
/// permutation).
pub fn signature(text: &str) -> Signature {
    let shingles = shingles(text);
    let table = permutations();
    let mut mins = vec![u32::MAX; PERMUTATIONS];
    for &s in &shingles {
        for (min, &(a, b)) in mins.iter_mut().zip(table.iter()) {
            let v = (a.wrapping_mul(s).wrapping_add(b) >> 32) as u32;
            if v < *min {
                *min = v;
            }
        }
    }
    Signature {
        mins,
        shingles: shingles.len(),
    }
}

/// The exact Jaccard similarity of two texts' shingle sets, for evaluations and tests that
/// check the estimate (quadratic use only on pairs already found).
pub fn exact_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (shingles(a), shingles(b));
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

/// How documents of a group are ordered to find the earliest: by publication instant, undated
/// ones after every dated one, then by import order (the id).
pub fn earliest_order(published_at: Option<i64>, id: i64) -> (bool, i64, i64) {
    (published_at.is_none(), published_at.unwrap_or(0), id)
}

pub mod diff;

#[cfg(test)]
mod tests;
