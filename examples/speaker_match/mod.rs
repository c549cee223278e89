//! The speaker comparison shared by the quote evaluators (`eval_speakers` for direct quotes,
//! `eval_indirect` for indirect ones), so that both sets of figures judge a shown speaker by one
//! rule: the same name (folded, titles dropped; a surname alone counts when it is the gold's
//! surname), a description whose mention overlaps the gold's, or nothing for `unknown`; a
//! pronoun shown as a name is always wrong. The seeded sampler and the corpus reader live here
//! too, so the two samples are drawn the same way.

use dossier::import;
use dossier::quotes::Speaker;
use std::path::Path;

/// The sources outside PolNeAR, in the order the samples take them.
pub const SOURCES: &[&str] = &["reuters21578", "bbc", "casie"];

/// SplitMix64: a small seeded generator, so the sample is the same on every machine without a
/// dependency.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The stored text of a corpus file, as the importer makes it.
pub fn stored_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let parsed = import::parse_file(path, bytes).ok()?;
    parsed
        .documents
        .into_iter()
        .flatten()
        .next()
        .map(|d| d.text)
}

/// The `.txt` files of one source, sorted, so a seeded shuffle of them is reproducible.
pub fn files_of(corpus: &Path, source: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus.join(source))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.join(source).display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

/// The files of one source in the seeded order (Fisher–Yates with the seeded generator, which
/// the caller keeps using for its own draws).
pub fn shuffled_files(corpus: &Path, source: &str, rng: &mut Rng) -> Vec<String> {
    let mut names = files_of(corpus, source);
    for i in (1..names.len()).rev() {
        let j = rng.below(i + 1);
        names.swap(i, j);
    }
    names
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "president",
    "sen",
    "senator",
    "gov",
    "governor",
    "prof",
];

/// Lowercase words without punctuation, titles or a leading article.
pub fn fold(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .map(|w| {
            w.trim_end_matches("'s")
                .trim_end_matches("’s")
                .chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    while words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "the" | "a" | "an") || TITLES.contains(&w.as_str()))
    {
        words.remove(0);
    }
    words.retain(|w| !matches!(w.as_str(), "inc" | "corp" | "co" | "ltd" | "plc"));
    words
}

/// How the app would show a speaker name: a pronoun, a description ("a spokesman", "the
/// aide", "the APEA council", "IMF officials": lower-case words, a determiner before lower-case
/// words, or a lower-case head noun last), or a name ("Department for Transport", "the SEC").
pub fn shown_class(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    let function = |w: &str| matches!(w, "of" | "for" | "and" | "de" | "van" | "von" | "the");
    let determiner = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "one" | "his" | "her" | "its" | "their" | "some" | "two"
        )
    };
    // A name ends in a capitalised word; "Opec members" ends in its common head noun.
    let lower_head = words.len() > 1
        && words.last().is_some_and(|w| {
            w.starts_with(char::is_lowercase) && w.chars().all(char::is_alphabetic) && !function(w)
        });
    let lower_start = words
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && !determiner(w));
    let determined = words.first().is_some_and(|w| determiner(w))
        && words[1..]
            .iter()
            .any(|w| w.starts_with(char::is_lowercase) && !function(w));
    if PRONOUNS.contains(&lower.as_str()) {
        "pronoun"
    } else if lower_head || lower_start || determined {
        "description"
    } else {
        "name"
    }
}

pub fn names_match(got: &str, gold: &str) -> bool {
    let (g, w) = (fold(got), fold(gold));
    if g.is_empty() || w.is_empty() {
        return false;
    }
    // The same words, a surname alone on either side, or the shown name the end of the gold
    // one ("Van Der Linden" for "Rene Van Der Linden"): the person is identified, and the full
    // name is the entity's.
    g == w || ((g.len() == 1 || w.len() == 1) && w.last() == g.last()) || w.ends_with(&g)
}

pub fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0.max(b.0) < a.1.min(b.1)
}

/// What is wrong with the speaker a found quote is shown with, or `None` when it is right.
/// `class` is the gold class (`name`, `description` or `unknown`), `speaker` the gold name and
/// `mention` the gold mention's span; `speaker` of the quote is only shown when resolved (a
/// pronoun that stands for no one is not shown as a name).
pub fn speaker_error(
    class: &str,
    speaker: &str,
    mention: Option<(usize, usize)>,
    shown: Option<&Speaker>,
) -> Option<&'static str> {
    let Some(s) = shown.filter(|s| s.resolved) else {
        return (class != "unknown").then_some("unknown, gold knows");
    };
    let shown_as = shown_class(&s.name);
    let mention_ok = mention.is_some_and(|m| overlaps(m, (s.start, s.end)));
    match (class, shown_as) {
        (_, "pronoun") => Some("pronoun shown as a name"),
        ("unknown", _) => Some("speaker where gold has none"),
        ("name", "name") => (!names_match(&s.name, speaker)).then_some("wrong name"),
        ("name", _) => Some("description, gold names"),
        ("description", "description") => {
            let same = fold(&s.name) == fold(speaker);
            (!(mention_ok || same)).then_some("wrong description")
        }
        _ => Some("name, gold describes"),
    }
}

/// The command line both evaluators take: `NAME CORPUS [GOLD]` scores the gold file (by default
/// `default_gold`), `NAME sample CORPUS [PER_SOURCE] [SEED]` prints the seeded sample that was
/// annotated.
pub fn run_cli(
    name: &str,
    default_gold: &str,
    default_sample: (usize, u64),
    sample: fn(&Path, usize, u64),
    score: fn(&Path, &Path),
) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        eprintln!("usage: {name} CORPUS [GOLD] | {name} sample CORPUS [PER_SOURCE] [SEED]");
        std::process::exit(2);
    };
    match args.first().map(String::as_str) {
        Some("sample") => {
            let Some(corpus) = args.get(1) else { usage() };
            let per = args
                .get(2)
                .and_then(|s| s.parse().ok())
                .unwrap_or(default_sample.0);
            let seed = args
                .get(3)
                .and_then(|s| s.parse().ok())
                .unwrap_or(default_sample.1);
            sample(Path::new(corpus), per, seed);
        }
        Some(corpus) => {
            let gold = args
                .get(1)
                .cloned()
                .unwrap_or_else(|| default_gold.to_string());
            score(Path::new(corpus), Path::new(&gold));
        }
        None => usage(),
    }
}

/// The seeded sample both evaluators annotate: for each source, its files in the seeded order,
/// and from each file that has candidates (`candidates` gives char spans of the stored text)
/// one drawn with the same generator, until `per_source` are taken. Prints a `=== doc\tS\tE`
/// header per pick, then whatever `show` prints of it.
pub fn draw_sample(
    corpus: &Path,
    per_source: usize,
    seed: u64,
    candidates: impl Fn(&[char]) -> Vec<(usize, usize)>,
    show: impl Fn(&[char], usize, usize),
) {
    for (si, source) in SOURCES.iter().enumerate() {
        let mut rng = Rng(seed.wrapping_add(si as u64));
        let names = shuffled_files(corpus, source, &mut rng);
        let mut taken = 0;
        for name in names {
            if taken == per_source {
                break;
            }
            let Some(text) = stored_text(&corpus.join(source).join(&name)) else {
                continue;
            };
            let chars: Vec<char> = text.chars().collect();
            let found = candidates(&chars);
            if found.is_empty() {
                continue;
            }
            let (s, e) = found[rng.below(found.len())];
            taken += 1;
            println!("=== {source}/{name}\t{s}\t{e}");
            show(&chars, s, e);
        }
    }
}
