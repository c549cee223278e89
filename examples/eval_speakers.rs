//! Scores the speakers quotes are shown with on news outside PolNeAR, against a hand-annotated
//! gold file, because PolNeAR's own scoring only asks whether the speaker *mention* overlaps the
//! gold source: a quote credited to "he" with no antecedent, or to "Showers" (a weather word that
//! happened to stand before "said"), scores there but is useless to a person reading the case.
//!
//! The gold file (`tests/fixtures/quotes/speakers-gold.tsv`) holds ids and character spans only,
//! never article text: `doc`, quote content `start`/`end` (chars in the stored, normalized text
//! of that document), `class` (`name`, `description`, `unknown`, or `none` for a quoted stretch
//! that is not speech), the `speaker` a person should see, and the speaker mention's
//! `mention_start`/`mention_end` (or `-`).
//!
//! A quote's speaker counts as right when what the app would show matches the gold: the same
//! name (folded, titles dropped; a surname alone counts when it is the gold's surname), a
//! description for a described source whose mention overlaps the gold's, or nothing for
//! `unknown`. A pronoun shown as a name is always wrong. A gold quote the extractor does not
//! return as direct speech counts as wrong too.
//!
//! Usage:
//!   cargo run --release --example eval_speakers -- CORPUS [GOLD]     score (CORPUS is the
//!       unpacked `news-corpus/` folder; GOLD defaults to the fixture)
//!   cargo run --release --example eval_speakers -- sample CORPUS [PER_SOURCE] [SEED]
//!       print the seeded sample of quoted stretches with their context, for annotation

use dossier::import;
use dossier::quotes::{extract, Quote, QuoteKind};
use std::collections::BTreeMap;
use std::path::Path;

/// The sources outside PolNeAR, in the order the sample takes them.
const SOURCES: &[&str] = &["reuters21578", "bbc", "casie"];

/// SplitMix64: a small seeded generator, so the sample is the same on every machine without a
/// dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The stored text of a corpus file, as the importer makes it.
fn stored_text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let parsed = import::parse_file(path, bytes).ok()?;
    parsed
        .documents
        .into_iter()
        .flatten()
        .next()
        .map(|d| d.text)
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”')
}

/// Quoted stretches within one paragraph (content spans, marks excluded) of at least three
/// words: an independent pairing, so the sample does not depend on the extractor under test.
fn quoted_stretches(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        if c == '\n' {
            open = None;
        } else if is_mark(c) {
            match open {
                None => open = Some(i + 1),
                Some(s) => {
                    let words = chars[s..i]
                        .split(|c| c.is_whitespace())
                        .filter(|w| w.iter().any(|c| c.is_alphanumeric()))
                        .count();
                    if words >= 3 {
                        out.push((s, i));
                    }
                    open = None;
                }
            }
        }
    }
    out
}

fn files_of(corpus: &Path, source: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus.join(source))
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.join(source).display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names
}

fn sample(corpus: &Path, per_source: usize, seed: u64) {
    for (si, source) in SOURCES.iter().enumerate() {
        let mut rng = Rng(seed.wrapping_add(si as u64));
        let mut names = files_of(corpus, source);
        // Fisher–Yates with the seeded generator.
        for i in (1..names.len()).rev() {
            let j = rng.below(i + 1);
            names.swap(i, j);
        }
        let mut taken = 0;
        for name in names {
            if taken == per_source {
                break;
            }
            let Some(text) = stored_text(&corpus.join(source).join(&name)) else {
                continue;
            };
            let chars: Vec<char> = text.chars().collect();
            let found = quoted_stretches(&chars);
            if found.is_empty() {
                continue;
            }
            let (s, e) = found[rng.below(found.len())];
            taken += 1;
            let before: String = chars[s.saturating_sub(700)..s].iter().collect();
            let quote: String = chars[s..e].iter().collect();
            let after: String = chars[e..(e + 220).min(chars.len())].iter().collect();
            println!("=== {source}/{name}\t{s}\t{e}");
            println!(
                "{}[[{quote}]]{}",
                before.replace('\n', " ⏎ "),
                after.replace('\n', " ⏎ ")
            );
        }
    }
}

struct GoldRow {
    doc: String,
    start: usize,
    end: usize,
    class: String,
    speaker: String,
    mention: Option<(usize, usize)>,
}

fn load_gold(path: &Path) -> Vec<GoldRow> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut rows = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = || {
            panic!(
                "{}:{}: expected 7 tab-separated columns",
                path.display(),
                n + 1
            )
        };
        if cols.len() != 7 {
            bad();
        }
        let num = |s: &str| s.parse::<usize>().ok();
        let mention = num(cols[5]).zip(num(cols[6]));
        rows.push(GoldRow {
            doc: cols[0].to_string(),
            start: num(cols[1]).unwrap_or_else(bad),
            end: num(cols[2]).unwrap_or_else(bad),
            class: cols[3].to_string(),
            speaker: cols[4].to_string(),
            mention,
        });
    }
    rows
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
fn fold(name: &str) -> Vec<String> {
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
/// aide", "the APEA council": lower-case words, or a determiner before lower-case words), or a
/// name ("Department for Transport", "the SEC").
fn shown_class(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    let function = |w: &str| matches!(w, "of" | "for" | "and" | "de" | "van" | "von" | "the");
    let determiner = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "one" | "his" | "her" | "its" | "their" | "some" | "two"
        )
    };
    if PRONOUNS.contains(&lower.as_str()) {
        "pronoun"
    } else if words
        .first()
        .is_some_and(|w| w.starts_with(char::is_lowercase) && !determiner(w))
        || words.first().is_some_and(|w| determiner(w))
            && words[1..]
                .iter()
                .any(|w| w.starts_with(char::is_lowercase) && !function(w))
    {
        "description"
    } else {
        "name"
    }
}

fn names_match(got: &str, gold: &str) -> bool {
    let (g, w) = (fold(got), fold(gold));
    if g.is_empty() || w.is_empty() {
        return false;
    }
    // The same words, a surname alone on either side, or the shown name the end of the gold
    // one ("Van Der Linden" for "Rene Van Der Linden"): the person is identified, and the full
    // name is the entity's.
    g == w || ((g.len() == 1 || w.len() == 1) && w.last() == g.last()) || w.ends_with(&g)
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0.max(b.0) < a.1.min(b.1)
}

fn score(corpus: &Path, gold_path: &Path) {
    let gold = load_gold(gold_path);
    let mut by_doc: BTreeMap<&str, Vec<&GoldRow>> = BTreeMap::new();
    for g in &gold {
        by_doc.entry(&g.doc).or_default().push(g);
    }
    let mut right = 0usize;
    let mut total = 0usize;
    let mut per_class: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut errors: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    // Stretches that are not scored: (taken as direct quotes, all), by class.
    let mut unscored: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (doc, rows) in by_doc {
        let Some(text) = stored_text(&corpus.join(doc)) else {
            panic!("{doc}: not found in {}", corpus.display());
        };
        let chars: Vec<char> = text.chars().collect();
        let quotes = extract(&text);
        for g in rows {
            let found: Option<&Quote> = quotes
                .iter()
                .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed))
                .find(|q| {
                    let ov: usize = q
                        .spans
                        .iter()
                        .map(|s| s.end.min(g.end).saturating_sub(s.start.max(g.start)))
                        .sum();
                    ov * 2 >= g.end - g.start
                });
            let quote_text: String = chars[g.start..g.end.min(g.start + 60)].iter().collect();
            if g.class == "none" || g.class == "partial" {
                let counts = unscored.entry(g.class.clone()).or_default();
                counts.1 += 1;
                if let Some(q) = found {
                    counts.0 += 1;
                    if g.class == "none" {
                        errors
                            .entry("not speech, taken as a quote")
                            .or_default()
                            .push(format!(
                                "{doc}: {quote_text:?} → {:?}",
                                q.speaker.as_ref().map(|s| &s.name)
                            ));
                    }
                }
                continue;
            }
            total += 1;
            // A pronoun that stands for no one is not shown as a name.
            let shown = found
                .and_then(|q| q.speaker.as_ref())
                .filter(|s| s.resolved);
            let category: Option<&str> = match (found, shown) {
                (None, _) => Some("quote not found"),
                (Some(_), None) => (g.class != "unknown").then_some("unknown, gold knows"),
                (Some(_), Some(s)) => {
                    let class = shown_class(&s.name);
                    let mention_ok = g.mention.is_some_and(|m| overlaps(m, (s.start, s.end)));
                    match (g.class.as_str(), class) {
                        (_, "pronoun") => Some("pronoun shown as a name"),
                        ("unknown", _) => Some("speaker where gold has none"),
                        ("name", "name") => {
                            (!names_match(&s.name, &g.speaker)).then_some("wrong name")
                        }
                        ("name", _) => Some("description, gold names"),
                        ("description", "description") => {
                            let same = fold(&s.name) == fold(&g.speaker);
                            (!(mention_ok || same)).then_some("wrong description")
                        }
                        _ => Some("name, gold describes"),
                    }
                }
            };
            let entry = per_class.entry(g.class.clone()).or_default();
            entry.1 += 1;
            match category {
                None => {
                    right += 1;
                    entry.0 += 1;
                }
                Some(c) => errors.entry(c).or_default().push(format!(
                    "{doc}: {quote_text:?} gold {} {:?}, shown {:?}",
                    g.class,
                    g.speaker,
                    shown.map(|s| &s.name)
                )),
            }
        }
    }
    for (category, list) in &errors {
        println!("\n== {category} ({})", list.len());
        for e in list {
            println!("  {e}");
        }
    }
    println!("\ngold quotes {total}");
    for (class, (ok, n)) in &per_class {
        println!("  {class:<12} {ok}/{n} right");
    }
    println!("errors by category:");
    for (category, list) in &errors {
        println!("  {category:<32} {}", list.len());
    }
    for (class, (taken, n)) in &unscored {
        println!("unscored {class}: {taken}/{n} returned as direct quotes");
    }
    println!(
        "speaker accuracy {:.3} ({right}/{total})",
        right as f64 / total.max(1) as f64
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || {
        eprintln!(
            "usage: eval_speakers CORPUS [GOLD] | eval_speakers sample CORPUS [PER_SOURCE] [SEED]"
        );
        std::process::exit(2);
    };
    match args.first().map(String::as_str) {
        Some("sample") => {
            let Some(corpus) = args.get(1) else { usage() };
            let per = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(80);
            let seed = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(15);
            sample(Path::new(corpus), per, seed);
        }
        Some(corpus) => {
            let gold = args
                .get(1)
                .cloned()
                .unwrap_or_else(|| "tests/fixtures/quotes/speakers-gold.tsv".to_string());
            score(Path::new(corpus), Path::new(&gold));
        }
        None => usage(),
    }
}
