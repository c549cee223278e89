//! What is and is not part of a name, apart from the keys names are compared by (`names`):
//! the stop words that never open one, offices, titles and parties written before a person's
//! name, a place after "of", groups and party members that are described rather than named,
//! and organisations' corporate forms. Pure word tests, linear in the words they look at.

/// Words that are never part of a person's or organisation's name, compared lower-cased:
/// determiners, quantifiers, prepositions, conjunctions, pronouns and the adjectives news puts
/// before a name ("this Trump", "one Trump", "of Trump", "a staunch Donald Trump"). A quote's
/// speaker or a capitalised run loses them at its start ([`name_only`]). "The" is not here:
/// the press's own names start with it ("The New York Times"), and `fold_key` drops it.
pub const NAME_STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "one",
    "two",
    "three",
    "some",
    "any",
    "every",
    "each",
    "all",
    "both",
    "many",
    "most",
    "several",
    "another",
    "other",
    "such",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "at",
    "in",
    "on",
    "about",
    "after",
    "before",
    "against",
    "and",
    "or",
    "but",
    "nor",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "senior",
    "staunch",
    "former",
    "late",
    "then",
    "fellow",
    "rival",
    "top",
    "presumptive",
    "embattled",
    "outspoken",
    "said",
    "says",
    "when",
    "while",
    "if",
    "as",
    "also",
    "even",
    "only",
    "just",
    "meanwhile",
    "however",
    "so",
    "yet",
    "not",
    "no",
    "i",
    "whether",
    "does",
    "did",
    "do",
    "neither",
    "either",
    "what",
    "why",
    "how",
    "because",
    "despite",
    "per",
    "via",
    "amid",
    "unlike",
    "besides",
    "once",
    "although",
    "though",
    "unless",
    "until",
    "since",
    "where",
    "which",
    "would",
    "could",
    "should",
    "is",
    "was",
    "are",
    "were",
    "has",
    "have",
    "had",
    "thank",
    "thanks",
    "dear",
    "yes",
    "well",
    "here",
    "there",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "support",
    "ask",
    "tell",
    // Prepositions, conjunctions and sentence adverbs that open a sentence before a name
    // ("Given Obama's rating", "Between Clinton, Cruz and Bloomberg", "Whatever Kilroy-Silk
    // does"): a closed class, none of them a first name.
    "given",
    "between",
    "whatever",
    "whoever",
    "absent",
    "like",
    "without",
    "within",
    "behind",
    "beyond",
    "beside",
    "over",
    "above",
    "below",
    "through",
    "throughout",
    "toward",
    "towards",
    "upon",
    "versus",
    "whenever",
    "wherever",
    "moreover",
    "nevertheless",
    "nonetheless",
    "hence",
    "perhaps",
    "maybe",
    "whom",
    "whose",
    "few",
    "minus",
    "plus",
    "except",
    "including",
    "regarding",
    "concerning",
    "following",
    "into",
    "onto",
    "near",
    "beneath",
    "around",
    "across",
    "along",
    "alongside",
    "atop",
    "inside",
    "outside",
    "prior",
    "instead",
    "rather",
    "whereas",
    "albeit",
    "lest",
    "whilst",
    "than",
    "i'm",
    "i've",
    "i'll",
    "i'd",
];

/// Whether `word` (as written, with or without a full stop) is one of [`NAME_STOP_WORDS`].
pub fn is_name_stop_word(word: &str) -> bool {
    // Called for many words of every document: sets, and no allocation for words that
    // cannot be one.
    static STOP: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| NAME_STOP_WORDS.iter().copied().collect());
    if word.len() > 14 || !word.is_ascii() {
        return false;
    }
    // "A." is an initial, not the article; "No." is still "no".
    let word = word.trim_end_matches([',', ':', ';']);
    let word = match word.strip_suffix('.') {
        Some(stem) if stem.chars().count() > 1 => stem,
        _ => word,
    };
    let mut lower = [0u8; 14];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|w| STOP.contains(w))
}

/// Lower-case words that may sit inside a name ("Bank of America", "Ludwig van Beethoven").
pub const NAME_CONNECTORS: &[&str] = &[
    "of", "de", "van", "von", "der", "bin", "al", "la", "du", "da",
];

/// The name in a phrase that ends with one: its last run of capitalised words (connectors
/// such as "of" allowed between two of them), without the stop words that open it. "a staunch
/// Donald Trump" and "of Trump" give "Donald Trump" and "Trump"; "Bank of America" stays
/// whole. None when no capitalised word is left. Pure, and linear in the phrase.
pub fn name_only(phrase: &str) -> Option<String> {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let mut end = words.len();
    while end > 0 && !capitalised(words[end - 1]) {
        end -= 1;
    }
    if end == 0 {
        return None;
    }
    let mut start = end - 1;
    while start > 0 {
        let before = words[start - 1];
        if capitalised(before) {
            start -= 1;
        } else if start >= 2 && NAME_CONNECTORS.contains(&before) && capitalised(words[start - 2]) {
            start -= 2;
        } else {
            break;
        }
    }
    while start < end
        && (is_name_stop_word(words[start]) || NAME_CONNECTORS.contains(&words[start]))
    {
        start += 1;
    }
    (start < end).then(|| words[start..end].join(" "))
}

/// Words of party or side that news puts before a person's name ("Republican Halvard Quist").
const AFFILIATIONS: &[&str] = &[
    "Republican",
    "Republicans",
    "Democrat",
    "Democratic",
    "GOP",
    "Conservative",
    "Liberal",
    "Labour",
    "Tory",
    "Independent",
    "Former",
    "Rival",
    "Incumbent",
];

/// Offices written before a name, besides the titles the recogniser knows.
const OFFICES: &[&str] = &[
    "Sen",
    "Sen.",
    "Gov",
    "Gov.",
    "Rep",
    "Rep.",
    "Pres.",
    "CEO",
    "Speaker",
    "Leader",
    "Chair",
    "Vice",
    "Candidate",
    "Nominee",
    "Spokesman",
    "Spokeswoman",
    "Ambassador",
    "Adviser",
    "Advisor",
    "Chancellor",
    "Premier",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Rabbi",
    "Reverend",
    "Coach",
    "Founder",
    "Executive",
    "Exchequer",
    "Representative",
    // Professions written before a name as a title ("Actor Clint Quist"); none is a surname
    // common enough to lose (unlike "Singer" or "Baker", left out).
    "Actor",
    "Actress",
    "Rapper",
    "Comedian",
    "Author",
    "Novelist",
    "Journalist",
    "Columnist",
    "Economist",
    "Analyst",
    "Lawyer",
    "Professor",
];

/// Whether a word is an office or a title ("Officer", "Sen.", "CEO"): a name never ends
/// with one.
pub fn is_office(word: &str) -> bool {
    OFFICES_AND_TITLES.contains(word)
}

/// Whether a word is a common given name ("Paul"), looked up in a set.
pub fn is_given_name(word: &str) -> bool {
    GIVEN.contains(word)
}

/// The given names, offices and titles as sets: they are looked up for every capitalised run.
static GIVEN: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        include_str!("given_names.txt")
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    });
static OFFICES_AND_TITLES: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        OFFICES
            .iter()
            .chain(super::lexicon::PERSON_TITLES)
            .copied()
            .collect()
    });

/// Corporate forms after an organisation's name, which the press drops ("Apple Inc.",
/// "Chrysler LLC", "Fiat Group SpA"), compared folded.
const CORPORATE_FORMS: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "llc",
    "ltd",
    "limited",
    "plc",
    "group",
    "spa",
    "nv",
    "ag",
    "sa",
    "gmbh",
    "holdings",
];

/// An organisation's folded key without its corporate forms: "apple inc" → "apple", "fiat
/// group spa" → "fiat". None when nothing would be left or nothing was dropped.
pub fn without_corporate_form(key: &str) -> Option<String> {
    let mut words: Vec<&str> = key.split(' ').collect();
    let before = words.len();
    while words.len() > 1 && words.last().is_some_and(|w| CORPORATE_FORMS.contains(w)) {
        words.pop();
    }
    (words.len() < before).then(|| words.join(" "))
}

/// An American organisation's folded key without the country the American press often drops:
/// "united states air force" and "us air force" are "air force". Only when two words or more
/// are left, so that no bare head word ("senate", "steel") becomes a key of its own.
pub fn without_country(key: &str) -> Option<&str> {
    let rest = key
        .strip_prefix("united states ")
        .or_else(|| key.strip_prefix("us "))?;
    (rest.split(' ').filter(|w| !w.is_empty()).count() >= 2).then_some(rest)
}

/// A department's folded key in the order the press writes it both ways: "department of
/// labor" is "labor department" ("the U.S. Department of Labor", "the Labor Department").
/// None for any other key.
pub fn department_first(key: &str) -> Option<String> {
    let subject = key.strip_prefix("department of ")?;
    let subject = subject.strip_prefix("the ").unwrap_or(subject);
    (!subject.is_empty()).then(|| format!("{subject} department"))
}

/// Words that end a description of a person, not a name ("an Iowa Republican"): a speaker or
/// a run ending in one is no person's name.
pub const PARTY_MEMBERS: &[&str] = &[
    "Republican",
    "Democrat",
    "Democratic",
    "Conservative",
    "Liberal",
    "Independent",
];

/// Words that end the name of a group of people ("House Democrats"), an organisation's.
pub const GROUPS: &[&str] = &[
    "Republicans",
    "Democrats",
    "Conservatives",
    "Liberals",
    "Tories",
    "Labour",
];

/// A person's name written with a place after it ("Marco Quist of Florida") without the place.
pub fn before_of(name: &str) -> &str {
    match name.find(" of ") {
        Some(at) if at > 0 => &name[..at],
        _ => name,
    }
}

/// Where a person's name starts among the capitalised words that carry it: after an office and
/// a place written before it ("Florida Senator Marco Rubio", "FBI Director James Comey": the
/// name starts at the first common given name when nothing before it is one) and after a party
/// or side ("Republican Quist"). At least the last word is always kept.
pub fn person_name_start(words: &[&str]) -> usize {
    let given = |w: &str| GIVEN.contains(w);
    // After the last office before the name: "Vermont Sen. Bernie Quist", "Hewlett-Packard
    // CEO Carly Quist", "Neither Speaker Quist".
    let mut start = (0..words.len().saturating_sub(1))
        .rev()
        .find(|&i| is_office(words[i]))
        .map_or(0, |i| i + 1);
    if start > 0 {
        return start;
    }
    if let Some(i) = (1..words.len().saturating_sub(1)).find(|&i| given(words[i])) {
        if !words[..i].iter().any(|w| given(w)) {
            start = i;
        }
    }
    while start + 1 < words.len() && AFFILIATIONS.contains(&words[start]) {
        start += 1;
    }
    start
}
