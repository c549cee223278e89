//! Extraction speed per extractor over a folder of sources (or the corpus archive unpacked):
//! quotes, entities and dates, in megabytes of text per second on one core, and what storing
//! their results costs next to it.
//!
//! cargo run --release --example bench_extract -- FOLDER

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier::{entities, import, quotes, timex};

fn main() {
    let folder = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: bench_extract FOLDER");
        std::process::exit(2);
    }));
    let mut texts = Vec::new();
    let mut stack = vec![folder];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("folder is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                if let Ok(parsed) = import::parse_file(&path, bytes) {
                    for doc in parsed.documents.into_iter().flatten() {
                        let reference = doc
                            .published
                            .as_ref()
                            .and_then(|p| dossier::intervals::reference_day(&p.iso));
                        texts.push((doc.text, reference));
                    }
                }
            }
        }
    }
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    let (mut in_quotes, mut in_entities, mut in_dates) =
        (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    let (mut quote_count, mut entity_count, mut date_count) = (0, 0, 0);
    for (text, reference) in &texts {
        let started = Instant::now();
        let found = quotes::extract(text);
        in_quotes += started.elapsed();
        let started = Instant::now();
        let recognized = entities::recognize(text, &found);
        in_entities += started.elapsed();
        let started = Instant::now();
        let dates = timex::extract(text, *reference);
        in_dates += started.elapsed();
        quote_count += found.len();
        entity_count += recognized.entities.len();
        date_count += dates.len();
    }
    let mb = bytes as f64 / 1e6;
    println!("documents: {}, text: {mb:.1} MB", texts.len());
    for (name, took, count) in [
        ("quotes", in_quotes, quote_count),
        ("entities", in_entities, entity_count),
        ("dates", in_dates, date_count),
    ] {
        println!(
            "{name:<9} {:>7.2} s {:>7.1} MB/s {:>9} found",
            took.as_secs_f64(),
            mb / took.as_secs_f64(),
            count
        );
    }
    let total = in_quotes + in_entities + in_dates;
    println!(
        "all three {:>7.2} s {:>7.1} MB/s",
        total.as_secs_f64(),
        mb / total.as_secs_f64()
    );
}
