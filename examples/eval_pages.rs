//! Scores `dossier::import::html::extract_article` on a development set of real pages with
//! 4-word shingle F1, as the public article-extraction benchmarks do.
//!
//! Usage: `cargo run --release --example eval_pages -- <dir> [--dump <page>] [--all]`
//!
//! `<dir>` holds one folder per page with `source.html` (the page as served) and `gold.txt` (the
//! article body a reader wants: no headline or byline, no captions, related stories, sign-ups,
//! author bios, share bars, comments or ads; see `tests/fixtures/html-pages/README.md`). Both
//! texts are lower-cased and split into words on every non-alphanumeric character; the shingles
//! are the consecutive 4-word tuples, taken as a multiset (a text under 4 words is one shingle
//! of all its words). Precision, recall and F1 are computed per page and averaged over pages
//! (macro). The program prints those means, the ten worst pages by F1 with their precision and
//! recall (`--all` lists every page), and the extraction time, which excludes reading the files.
//! With `--dump <page>` it prints our text and the gold of that page.

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::import::html::extract_article;

mod text_overlap;
use text_overlap::{f1, multiset_pr, shingles, tokens};

/// Shingle length, as in the public benchmarks.
const SHINGLE: usize = 4;

struct PageScore {
    name: String,
    precision: f64,
    recall: f64,
    f1: f64,
}

fn score(predicted: &str, gold: &str) -> (f64, f64) {
    let (p, g) = (tokens(predicted), tokens(gold));
    multiset_pr(&shingles(&p, SHINGLE), &shingles(&g, SHINGLE))
}

fn main() {
    let (dir, dump) = text_overlap::args("eval_pages <dir> [--dump <page>] [--all]");
    let pages = text_overlap::pages(&dir, &["source.html", "gold.txt"]);

    let mut scores: Vec<PageScore> = Vec::new();
    let mut total_time = Duration::ZERO;
    let mut total_bytes = 0usize;
    let mut slowest = (Duration::ZERO, String::new());
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let read = |f: &str| {
            let bytes = std::fs::read(Path::new(page).join(f)).unwrap_or_default();
            String::from_utf8_lossy(&bytes).into_owned()
        };
        let source = read("source.html");
        let gold = read("gold.txt");
        total_bytes += source.len();

        let started = Instant::now();
        let got = extract_article(&source);
        let took = started.elapsed();
        total_time += took;
        if took > slowest.0 {
            slowest = (took, name.clone());
        }

        let (precision, recall) = score(&got.text, &gold);
        if dump.as_ref() == Some(&name) {
            println!(
                "=== extracted ===\n{}\n=== gold ===\n{}\n",
                got.text,
                gold.trim()
            );
        }
        scores.push(PageScore {
            f1: f1(precision, recall),
            name,
            precision,
            recall,
        });
    }

    let n = scores.len().max(1) as f64;
    let mean = |f: fn(&PageScore) -> f64| scores.iter().map(f).sum::<f64>() / n;
    println!("pages:            {}", scores.len());
    println!("mean precision:   {:.4}", mean(|s| s.precision));
    println!("mean recall:      {:.4}", mean(|s| s.recall));
    println!("mean shingle F1:  {:.4}", mean(|s| s.f1));
    let secs = total_time.as_secs_f64();
    println!(
        "time:             {:.1} ms total for {:.1} MB ({:.0} pages/s, {:.1} MB/s), slowest {:.1} ms ({})",
        secs * 1000.0,
        total_bytes as f64 / 1e6,
        scores.len() as f64 / secs.max(1e-9),
        total_bytes as f64 / 1e6 / secs.max(1e-9),
        slowest.0.as_secs_f64() * 1000.0,
        slowest.1
    );
    scores.sort_by(|a, b| a.f1.total_cmp(&b.f1));
    let shown = if std::env::args().any(|a| a == "--all") {
        scores.len()
    } else {
        10
    };
    println!("worst pages:      F1      P      R");
    for s in scores.iter().take(shown) {
        println!(
            "  {:<36} {:.3}  {:.3}  {:.3}",
            s.name, s.f1, s.precision, s.recall
        );
    }
}
