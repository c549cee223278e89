//! How long the near-duplicate grouping's pure part takes: MinHash signatures and band keys
//! (`dossier::copies`) for every article of a corpus archive, read straight from the
//! `.tar.gz` without a case, so the pass's time in `bench_import` can be split between this
//! and its SQLite work.
//!
//! Run: `cargo run --release --example bench_signatures -- ../shared/corpus/news-corpus.tar.gz`

use std::io::Read;
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: bench_signatures CORPUS.tar.gz");
        std::process::exit(2);
    });
    let file = std::fs::File::open(&path).expect("corpus opens");
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut texts = Vec::new();
    for entry in archive.entries().expect("archive reads") {
        let mut entry = entry.expect("entry reads");
        if !entry.header().entry_type().is_file() {
            continue;
        }
        let mut text = String::new();
        if entry.read_to_string(&mut text).is_ok() {
            texts.push(text);
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let started = Instant::now();
    let mut shingles = 0usize;
    let mut keys = 0usize;
    for text in &texts {
        let signature = dossier::copies::signature(text);
        shingles += signature.shingles;
        keys += signature.band_keys().len();
    }
    let secs = started.elapsed().as_secs_f64();
    println!("texts:            {}", texts.len());
    println!("source bytes:     {:.1} MB", bytes as f64 / 1e6);
    println!("shingles:         {shingles}");
    println!("band keys:        {keys}");
    println!(
        "signatures:       {secs:.2} s ({:.0} µs per text)",
        secs * 1e6 / texts.len() as f64
    );
}
