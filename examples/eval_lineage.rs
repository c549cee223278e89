//! Evaluation of the altered-quote flag of quote lineage (issue 21) on fixtures built from
//! PolNeAR train articles: each sampled article is imported as published, and three later
//! copies from other outlets: `word` (one word inside a gold direct quote changed: the flag
//! should fire), `trimmed` (the quote cut by its last third: it should not) and `reattributed`
//! (the quote's source named as someone else: not the same speaker, so no lineage and no
//! flag). Everything goes through a real case: import, the extraction stage, then
//! `Case::altered_quotes`. Prints precision and recall of the flag, and why a miss was missed.
//!
//! Run: `cargo run --release --example eval_lineage -- ../shared [ARTICLES]` (default 200).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use dossier::Case;

const PRONOUNS: [&str; 12] = [
    "he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "this", "that",
];

/// The gold direct quotes of an article: (content start, end, source start, end) in chars.
fn gold(ann: &str, chars: &[char]) -> Vec<(usize, usize, usize, usize)> {
    let mut spans: HashMap<&str, (&str, usize, usize)> = HashMap::new();
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(what)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            let mut parts = what.split([' ', ';']);
            let kind = parts.next().unwrap_or("");
            let nums: Vec<usize> = parts.filter_map(|n| n.parse().ok()).collect();
            if nums.len() == 2 {
                spans.insert(id, (kind, nums[0], nums[1]));
            }
        } else if id.starts_with('E') {
            let role = |name: &str| {
                what.split(' ')
                    .find_map(|p| p.strip_prefix(name))
                    .and_then(|t| spans.get(t).copied())
            };
            if let (Some(content), Some(source)) = (role("Content:"), role("Source:")) {
                out.push((content.1, content.2, source.1, source.2));
            }
        }
    }
    out.retain(|&(cs, ce, ss, se)| {
        ce <= chars.len()
            && se <= chars.len()
            && matches!(chars.get(cs), Some('"' | '“'))
            && chars[cs..ce]
                .iter()
                .collect::<String>()
                .split_whitespace()
                .count()
                >= 8
            && {
                let source: String = chars[ss..se].iter().collect();
                source.chars().next().is_some_and(char::is_uppercase)
                    && !PRONOUNS.contains(&source.to_lowercase().as_str())
                    && source.split_whitespace().count() <= 4
            }
            && (se <= cs || ss >= ce)
    });
    out
}

fn record(url: &str, title: &str, date: &str, id: &str, content: &str) -> String {
    format!("URL:{url}\nTITLE:{title}\nMETA-KEYWORDS:politics\nDATE:{date}\nDOC ID:{id}\nCONTENT:{content}\n")
}

/// A copy's date: the original's (YYYY-MM-DD) a year later, `days` on, so every copy is
/// published after the original and the copies in their order.
fn later(date: &str, days: u32) -> String {
    let mut parts = date.splitn(3, '-');
    let year: u32 = parts.next().and_then(|y| y.parse().ok()).unwrap_or(2016);
    let month = parts.next().unwrap_or("01");
    let day: u32 = parts.next().and_then(|d| d.parse().ok()).unwrap_or(1);
    format!("{}-{month}-{:02}", year + 1, day.min(25) + days)
}

/// Replaces the chars `start..end` of `chars` with `with`.
fn splice(chars: &[char], start: usize, end: usize, with: &str) -> String {
    let mut s: String = chars[..start].iter().collect();
    s.push_str(with);
    s.extend(&chars[end..]);
    s
}

/// Changes the middle long word of the quote. Returns the new quote and the word put in.
fn change_word(quote: &str) -> Option<(String, &'static str)> {
    let words: Vec<(usize, &str)> = quote
        .match_indices(|c: char| c.is_alphabetic())
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || !quote[..i].ends_with(|c: char| c.is_alphabetic()))
        .map(|i| {
            let end = quote[i..]
                .find(|c: char| !c.is_alphabetic())
                .map_or(quote.len(), |e| i + e);
            (i, &quote[i..end])
        })
        .filter(|(_, w)| w.len() >= 5)
        .collect();
    if words.len() < 3 {
        return None;
    }
    let (at, word) = words[words.len() / 2];
    let replacement = if word.eq_ignore_ascii_case("seventeen") {
        "dozens"
    } else {
        "seventeen"
    };
    Some((
        format!("{}{replacement}{}", &quote[..at], &quote[at + word.len()..]),
        replacement,
    ))
}

/// Cuts the last third of the quote's words, keeping its closing mark.
fn trim(quote: &str) -> String {
    let inner = quote.trim_end_matches(['"', '”', '.', ',']);
    let words: Vec<&str> = inner.split(' ').collect();
    let keep = (words.len() * 2).div_ceil(3);
    let close = if quote.starts_with('“') { '”' } else { '"' };
    format!("{},{close}", words[..keep].join(" "))
}

fn main() {
    let shared = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: eval_lineage SHARED_FOLDER [ARTICLES]");
        std::process::exit(2);
    }));
    let wanted: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    let polnear = shared.join("eval/quotes/polnear");
    let metadata = std::fs::read_to_string(polnear.join("metadata.tsv")).expect("metadata.tsv");
    let mut meta: HashMap<String, (String, String)> = HashMap::new();
    for line in metadata.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() > 7 {
            meta.insert(
                cols[1].to_string(),
                (cols[4].to_string(), cols[5].to_string()),
            );
        }
    }
    let train = polnear.join("train");
    let mut anns: Vec<PathBuf> = std::fs::read_dir(train.join("attributions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    anns.sort();
    let work = tempfile::tempdir().unwrap();
    let sources = work.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    // What each generated file is: (kind, the word put in for `word` copies).
    let mut truth: HashMap<PathBuf, (&str, &str)> = HashMap::new();
    let mut done_articles = std::collections::HashSet::new();
    let mut articles = 0;
    for ann_path in &anns {
        if articles >= wanted {
            break;
        }
        let stem = ann_path.file_stem().unwrap().to_string_lossy().to_string();
        let name = stem
            .rsplit_once('_')
            .map_or(stem.as_str(), |(n, _)| n)
            .to_string();
        if !done_articles.insert(name.clone()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(train.join("text").join(format!("{name}.txt")))
        else {
            continue;
        };
        let chars: Vec<char> = text.chars().collect();
        let ann = std::fs::read_to_string(ann_path).unwrap();
        let Some(&(cs, ce, ss, se)) = gold(&ann, &chars).first() else {
            continue;
        };
        let quote: String = chars[cs..ce].iter().collect();
        let Some((changed, word)) = change_word(&quote) else {
            continue;
        };
        let (publisher, date) = meta
            .get(&name)
            .cloned()
            .unwrap_or(("outlet".into(), "2016-01-01".into()));
        articles += 1;
        let title = format!("Article {articles}");
        let write = |kind: &str, day: u32, body: String| -> PathBuf {
            let path = sources.join(format!("{articles:04}-{kind}.txt"));
            let outlet = if kind == "original" {
                publisher.clone()
            } else {
                format!("{kind}-copy")
            };
            std::fs::write(
                &path,
                record(
                    &format!("https://{outlet}.example/{name}"),
                    &title,
                    &if day == 0 {
                        date.clone()
                    } else {
                        later(&date, day)
                    },
                    &format!("{kind}-{name}"),
                    &body,
                ),
            )
            .unwrap();
            path
        };
        truth.insert(write("original", 0, text.clone()), ("original", ""));
        truth.insert(
            write("word", 1, splice(&chars, cs, ce, &changed)),
            ("word", word),
        );
        truth.insert(
            write("trimmed", 2, splice(&chars, cs, ce, &trim(&quote))),
            ("trimmed", ""),
        );
        truth.insert(
            write(
                "reattributed",
                3,
                splice(&chars, ss, se, "Jordan Whitfield"),
            ),
            ("reattributed", ""),
        );
    }
    println!(
        "{articles} PolNeAR train articles, {} documents generated",
        truth.len()
    );

    let case_dir = tempfile::tempdir().unwrap();
    let mut case = Case::create(&case_dir.path().join("eval.dossier")).unwrap();
    let started = Instant::now();
    let report = case
        .import(std::slice::from_ref(&sources), &mut |_| true)
        .expect("import runs");
    println!(
        "imported {} ({} failed) and extracted in {:.1} s",
        report.imported,
        report.failed.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let altered = case.altered_quotes().unwrap();
    println!("lineages read in {:.2} s", started.elapsed().as_secs_f64());
    let path_of = |doc: i64| -> PathBuf {
        PathBuf::from(
            case.document(doc)
                .unwrap()
                .original_path
                .unwrap_or_default(),
        )
    };
    let (mut tp, mut fp) = (0usize, 0usize);
    let mut fp_by_kind: HashMap<&str, usize> = HashMap::new();
    let mut found_word_docs = std::collections::HashSet::new();
    for a in &altered {
        let path = path_of(a.doc_id);
        let (kind, word) = truth.get(&path).copied().unwrap_or(("unknown", ""));
        if kind == "word" && a.text.contains(word) {
            tp += 1;
            found_word_docs.insert(path);
        } else {
            fp += 1;
            *fp_by_kind.entry(kind).or_default() += 1;
            if fp <= 12 {
                let marked: String = a
                    .diff
                    .iter()
                    .map(|p| match p.op {
                        dossier::model::DiffOp::Same => p.text.clone(),
                        dossier::model::DiffOp::Removed => format!("[-{}-]", p.text),
                        dossier::model::DiffOp::Added => format!("{{+{}+}}", p.text),
                    })
                    .collect();
                println!(
                    "  false flag ({kind}) q{} (earliest q{}): {}",
                    a.quote_id,
                    a.earliest_quote,
                    dossier::text::short(&marked, 400)
                );
            }
        }
    }
    let positives = truth.values().filter(|(k, _)| *k == "word").count();
    // Why a changed quote was missed: the extractor found no quote with the changed word, or
    // found it without a speaker, or the lineage did not hold it.
    let mut missed_extraction = 0;
    for (path, (kind, word)) in &truth {
        if *kind != "word" || found_word_docs.contains(path) {
            continue;
        }
        let doc = case
            .documents()
            .unwrap()
            .into_iter()
            .find(|d| path_of(d.id) == *path)
            .map(|d| d.id);
        let quoted = doc.and_then(|id| {
            case.quotes(&dossier::model::QuoteFilter {
                doc_id: Some(id),
                ..Default::default()
            })
            .ok()
        });
        let has = quoted.is_some_and(|qs| {
            qs.iter()
                .any(|q| q.text.contains(word) && q.speaker_id.is_some())
        });
        if !has {
            missed_extraction += 1;
        } else if std::env::var_os("EVAL_LINEAGE_DEBUG").is_some() {
            let qs = case
                .quotes(&dossier::model::QuoteFilter {
                    doc_id: doc,
                    ..Default::default()
                })
                .unwrap();
            let q = qs.iter().find(|q| q.text.contains(word)).unwrap();
            let lineage = case.quote_lineage(q.id).unwrap();
            println!(
                "  missed q{} by {:?} ({} appearances): {}",
                q.id,
                q.speaker,
                lineage.appearances.len(),
                dossier::text::short(&q.text, 200)
            );
            let original = doc.unwrap() - 3;
            for oq in case
                .quotes(&dossier::model::QuoteFilter {
                    doc_id: Some(original),
                    ..Default::default()
                })
                .unwrap()
                .iter()
                .filter(|oq| oq.text.contains("deliver") || oq.text.contains("condolences"))
            {
                println!(
                    "     original q{} {:?} {:?} {:?}",
                    oq.id,
                    oq.speaker,
                    oq.status,
                    dossier::text::short(&oq.text, 120)
                );
            }
            for a in &lineage.appearances {
                println!(
                    "     q{} d{} {:?} altered={} earliest=q{} diff={:?}",
                    a.quote_id,
                    a.doc_id,
                    a.speaker,
                    a.altered,
                    a.earliest_quote,
                    a.diff
                        .iter()
                        .filter(|p| p.op != dossier::model::DiffOp::Same)
                        .collect::<Vec<_>>()
                );
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / positives.max(1) as f64;
    println!(
        "flagged {} (true {tp}, false {fp}); changed-word copies {positives}",
        altered.len()
    );
    println!("precision {precision:.4}");
    println!("recall    {recall:.4}");
    let extracted = positives - missed_extraction;
    println!(
        "recall where the extractor found the changed quote with a speaker: {}/{extracted} = {:.4}",
        tp,
        tp as f64 / extracted.max(1) as f64
    );
    let mut kinds: Vec<_> = fp_by_kind.into_iter().collect();
    kinds.sort();
    println!("false flags by document kind: {kinds:?}");
}
