//! Word-overlap scores shared by the HTML extraction evaluators (`eval_html`, `eval_pages`).
//!
//! Both texts are lower-cased and split on every non-alphanumeric character (Unicode aware);
//! precision and recall are taken over multisets of items (single words, or word shingles).
// Each evaluator uses a part of the module.
#![allow(dead_code)]

use std::collections::HashMap;
use std::hash::Hash;

/// Folds whitespace runs to one space and trims.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-cased words, split on every non-alphanumeric character.
pub fn tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Consecutive `n`-word tuples of `words`; a text shorter than `n` words (but not empty) is one
/// shingle of all its words.
pub fn shingles(words: &[String], n: usize) -> Vec<&[String]> {
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < n {
        return vec![words];
    }
    words.windows(n).collect()
}

/// Precision and recall of `predicted` against `gold`, both taken as multisets. Two empty sides
/// score (1, 1); one empty side scores 0 where it is the denominator's other side.
pub fn multiset_pr<T: Eq + Hash>(predicted: &[T], gold: &[T]) -> (f64, f64) {
    if predicted.is_empty() && gold.is_empty() {
        return (1.0, 1.0);
    }
    if predicted.is_empty() || gold.is_empty() {
        return (0.0, 0.0);
    }
    let mut counts: HashMap<&T, i64> = HashMap::new();
    for t in gold {
        *counts.entry(t).or_default() += 1;
    }
    let mut overlap = 0usize;
    for t in predicted {
        if let Some(c) = counts.get_mut(t) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    (
        overlap as f64 / predicted.len() as f64,
        overlap as f64 / gold.len() as f64,
    )
}

/// The harmonic mean of precision and recall (0 when both are 0).
pub fn f1(precision: f64, recall: f64) -> f64 {
    if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    }
}

/// The evaluator's arguments: the folder of pages and the page `--dump` names, if any; exits
/// with `usage` when the folder is missing.
pub fn args(usage: &str) -> (String, Option<String>) {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(dir) = args.first() else {
        eprintln!("usage: {usage}");
        std::process::exit(2);
    };
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1))
        .cloned();
    (dir.clone(), dump)
}

/// The page folders in `dir` that hold every file of `needed`, sorted by name.
pub fn pages(dir: &str, needed: &[&str]) -> Vec<std::path::PathBuf> {
    let mut pages: Vec<_> = std::fs::read_dir(dir)
        .expect("readable page directory")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| needed.iter().all(|file| p.join(file).exists()))
        .collect();
    pages.sort();
    pages
}
