//! Tokenizer: words, punctuation, double quote marks and paragraph breaks.
//!
//! Offsets are kept both in chars (for the public spans) and in bytes (so that
//! a word can be looked at as a `&str` without allocating).

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum K {
    Word,
    Punct,
    /// A double quote mark; `c` tells which one.
    Mark,
    /// One or more line breaks: quote marks are re-synchronised here.
    Para,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok {
    pub s: usize,
    pub e: usize,
    pub bs: usize,
    pub be: usize,
    pub k: K,
    pub c: char,
}

/// Abbreviations whose trailing period belongs to the word, so that it does
/// not end the sentence ("Sen. Lindsey Graham said").
const ABBREV: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "rev", "jr",
    "sr", "st", "prof", "no", "vs", "inc", "corp", "co", "ltd", "mt", "ft", "jan", "feb", "aug",
    "sept", "sep", "oct", "nov", "dec", "adm", "maj", "cmdr", "supt", "atty", "pres",
];

pub(crate) fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_apos(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether `c`, after `prev`, continues a word although it is no letter: a
/// combining accent, or a Latin-1 symbol after "Ã", "Â" or an accent.
#[inline(never)]
fn in_word_mark(c: char, prev: char) -> bool {
    let combining = |c: char| matches!(c, '\u{300}'..='\u{36F}');
    combining(c)
        || matches!(c, '\u{80}'..='\u{BF}') && (matches!(prev, 'Ã' | 'Â') || combining(prev))
}

/// Splits `text` into tokens in one pass.
pub(crate) fn tokenize(text: &str) -> (Vec<char>, Vec<Tok>) {
    let chars: Vec<char> = text.chars().collect();
    // Byte offset of each char, plus one past the end, for slicing.
    let mut boff = Vec::with_capacity(chars.len() + 1);
    for (b, _) in text.char_indices() {
        boff.push(b);
    }
    boff.push(text.len());
    let n = chars.len();
    let mut toks = Vec::with_capacity(n / 4 + 1);
    let mut i = 0;
    let push = |toks: &mut Vec<Tok>, s: usize, e: usize, k: K| {
        toks.push(Tok {
            s,
            e,
            bs: boff[s],
            be: boff[e],
            k,
            c: chars[s],
        })
    };
    while i < n {
        let c = chars[i];
        if c == '\n' {
            let s = i;
            while i < n && chars[i].is_whitespace() {
                i += 1;
            }
            // Trailing spaces after the break belong to it.
            push(&mut toks, s, i, K::Para);
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let s = i;
            i += 1;
            loop {
                while i < n && chars[i].is_alphanumeric() {
                    i += 1;
                }
                // Combining accents (decomposed text) are part of the word, and so
                // is the symbol that UTF-8 read as Latin-1 leaves after "Ã" or "Â"
                // ("FranÃ§ois", decomposed or not).
                // Only a non-ASCII char is looked at, to keep this loop fast.
                if i < n && !chars[i].is_ascii() && in_word_mark(chars[i], chars[i - 1]) {
                    i += 1;
                    continue;
                }
                // Internal apostrophes, hyphens and dots join word parts
                // ("Dell's", "long-time", "U.S").
                if i + 1 < n
                    && (is_apos(chars[i]) || chars[i] == '-' || chars[i] == '.')
                    && chars[i + 1].is_alphanumeric()
                {
                    // A dot only joins single letters ("U.S", "p.m") or digits ("1.5"), so that
                    // glued sentences ("warrant.The") still split.
                    if chars[i] == '.' {
                        // "U.S", "p.m", and party tags such as "D-N.C".
                        let single = i - s == 1 || (i >= 2 && matches!(chars[i - 2], '.' | '-'));
                        let digits = chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit();
                        if !(single || digits) {
                            break;
                        }
                    }
                    i += 1;
                    continue;
                }
                break;
            }
            // A trailing period belongs to initials and known abbreviations.
            if i < n && chars[i] == '.' {
                let w: String = chars[s..i].iter().collect::<String>().to_lowercase();
                let initial = i - s == 1 && chars[s].is_uppercase();
                let dotted = w.contains('.') && !w.chars().any(|c| c.is_ascii_digit());
                if initial || dotted || ABBREV.contains(&w.as_str()) {
                    i += 1;
                }
            }
            // A possessive apostrophe after a plural ("SecureWorks' Jarvis").
            if i + 1 < n
                && is_apos(chars[i])
                && chars[i - 1] == 's'
                && chars[i + 1] == ' '
                && i + 2 < n
                && chars[i + 2].is_uppercase()
            {
                i += 1;
            }
            push(&mut toks, s, i, K::Word);
            continue;
        }
        if is_mark(c) {
            push(&mut toks, i, i + 1, K::Mark);
        } else {
            push(&mut toks, i, i + 1, K::Punct);
        }
        i += 1;
    }
    (chars, toks)
}
