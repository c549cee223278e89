//! A single-pass tokenizer that splits text into words, digit runs and
//! punctuation while remembering both byte and char offsets.
//!
//! Matching rules work on tokens rather than characters so that every rule
//! looks at a bounded window, which keeps extraction linear in the input.

/// The coarse class of a token; rules only need to tell these apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Num,
    Punct,
}

/// One token with its offsets and a lowercase copy stored in a shared buffer.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: Kind,
    /// Char offsets into the original text.
    pub cs: usize,
    pub ce: usize,
    /// Byte offsets into the original text.
    pub bs: usize,
    pub be: usize,
    /// Range of the lowercase form inside `Lexed::lower`.
    ls: usize,
    le: usize,
    /// Numeric value for digit runs short enough to be dates or counts.
    pub num: Option<u32>,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// Whether the first char is uppercase, used to tell `May` from `may`.
    pub upper: bool,
    /// Whether a word of two or more letters is all capitals ("TODAY"), as in
    /// headlines and tables, where capitals say nothing about names.
    pub caps: bool,
}

/// The token stream plus the buffer that holds the lowercase forms.
pub(crate) struct Lexed {
    pub toks: Vec<Tok>,
    lower: String,
}

impl Lexed {
    /// The lowercase text of token `i`, or "" past the end, so rules can
    /// look ahead without bounds checks.
    pub fn w(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.ls..t.le],
            None => "",
        }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn num(&self, i: usize) -> Option<u32> {
        self.toks.get(i).and_then(|t| t.num)
    }

    /// Number of digits of a digit token (0 for other tokens).
    pub fn ndigits(&self, i: usize) -> usize {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Num => t.be - t.bs,
            _ => 0,
        }
    }

    /// True when token `i` directly follows token `i - 1` with no space.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    pub fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }

    pub fn caps(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.caps)
    }
}

/// Splits `text` into tokens in one pass over its chars.
pub(crate) fn lex(text: &str) -> Lexed {
    let mut toks = Vec::with_capacity(text.len() / 5 + 1);
    let mut lower = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    let mut ci = 0usize;
    let mut space = true;
    while let Some(&(bs, c)) = chars.peek() {
        if c.is_whitespace() {
            chars.next();
            ci += 1;
            space = true;
            continue;
        }
        let cs = ci;
        let ls = lower.len();
        let mut lower_seen = false;
        let kind;
        let mut be = bs;
        if c.is_ascii_digit() {
            kind = Kind::Num;
            while let Some(&(b, d)) = chars.peek() {
                if !d.is_ascii_digit() {
                    break;
                }
                lower.push(d);
                be = b + 1;
                ci += 1;
                chars.next();
            }
        } else if c.is_alphabetic() {
            kind = Kind::Word;
            while let Some(&(b, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                lower_seen |= d.is_lowercase();
                for l in d.to_lowercase() {
                    lower.push(l);
                }
                be = b + d.len_utf8();
                ci += 1;
                chars.next();
            }
        } else {
            kind = Kind::Punct;
            // Curly apostrophes are folded to ASCII so rules see one form.
            let folded = match c {
                '\u{2019}' | '\u{2018}' => '\'',
                '\u{2013}' | '\u{2014}' => '-',
                other => other,
            };
            lower.push(folded);
            be = bs + c.len_utf8();
            ci += 1;
            chars.next();
        }
        // "4th qtr", "the year-ago qtr", "prior yr": the wires' abbreviations of
        // units are read as the words, so every rule sees one form.
        if kind == Kind::Word
            && (2..=4).contains(&(lower.len() - ls))
            && matches!(lower.as_bytes()[ls], b'q' | b'y' | b'm' | b'w')
        {
            let full = match &lower[ls..] {
                "qtr" => Some("quarter"),
                "qtrs" => Some("quarters"),
                "yr" => Some("year"),
                "yrs" => Some("years"),
                "mth" => Some("month"),
                "mths" => Some("months"),
                "wk" => Some("week"),
                "wks" => Some("weeks"),
                _ => None,
            };
            if let Some(full) = full {
                lower.truncate(ls);
                lower.push_str(full);
            }
        }
        let le = lower.len();
        let num = if kind == Kind::Num && be - bs <= 9 {
            lower[ls..le].parse().ok()
        } else {
            None
        };
        toks.push(Tok {
            kind,
            cs,
            ce: ci,
            bs,
            be,
            ls,
            le,
            num,
            space_before: space,
            upper: c.is_uppercase(),
            caps: kind == Kind::Word && !lower_seen && ci - cs >= 2,
        });
        space = false;
    }
    Lexed { toks, lower }
}
