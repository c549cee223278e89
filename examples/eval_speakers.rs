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

mod speaker_match;

use dossier::quotes::{extract, Quote, QuoteKind};
use speaker_match::{draw_sample, speaker_error, stored_text};
use std::collections::BTreeMap;
use std::path::Path;

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

fn sample(corpus: &Path, per_source: usize, seed: u64) {
    draw_sample(corpus, per_source, seed, quoted_stretches, |chars, s, e| {
        let before: String = chars[s.saturating_sub(700)..s].iter().collect();
        let quote: String = chars[s..e].iter().collect();
        let after: String = chars[e..(e + 220).min(chars.len())].iter().collect();
        println!(
            "{}[[{quote}]]{}",
            before.replace('\n', " ⏎ "),
            after.replace('\n', " ⏎ ")
        );
    });
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
            let category: Option<&str> = match found {
                None => Some("quote not found"),
                Some(q) => speaker_error(&g.class, &g.speaker, g.mention, q.speaker.as_ref()),
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
    speaker_match::run_cli(
        "eval_speakers",
        "tests/fixtures/quotes/speakers-gold.tsv",
        (80, 15),
        sample,
        score,
    );
}
