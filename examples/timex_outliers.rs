//! Dates the extractor places outside 1900–2030 on a real corpus, by kind, with samples.
//!
//! Such dates are rare but they are what a case's timeline opens on, so a clock time read as
//! the year 1400 or a phone model read as a decade shows first. This program runs
//! `timex::extract` over every article of a folder (the news corpus unpacked), with the
//! article's publication date as reference, and prints how many dated expressions fall
//! outside 1900–2030 by the shape of their text, with a few samples in context for each, so
//! the genuine ones (the 19th century, "in 1850") can be told from numbers read as dates.
//!
//! cargo run --release --example timex_outliers -- FOLDER [SAMPLES_PER_KIND]

use std::collections::BTreeMap;
use std::path::PathBuf;

use dossier::{import, timex};

fn main() {
    let mut args = std::env::args().skip(1);
    let folder = PathBuf::from(args.next().unwrap_or_else(|| {
        eprintln!("usage: timex_outliers FOLDER [SAMPLES_PER_KIND]");
        std::process::exit(2);
    }));
    let samples: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(8);
    let mut files = Vec::new();
    let mut stack = vec![folder];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("folder is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                files.push(path);
            }
        }
    }
    // Sorted so that the samples printed are the same from one run to the next.
    files.sort();
    let (mut documents, mut dated, mut outside) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<&'static str, (usize, Vec<String>)> = BTreeMap::new();
    for path in files {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(parsed) = import::parse_file(&path, bytes) else {
            continue;
        };
        for doc in parsed.documents.into_iter().flatten() {
            documents += 1;
            let reference = doc
                .published
                .as_ref()
                .and_then(|p| dossier::intervals::reference_day(&p.iso));
            let chars: Vec<char> = doc.text.chars().collect();
            for t in timex::extract(&doc.text, reference) {
                let Some(year) = t.earliest.as_deref().and_then(year_of) else {
                    continue;
                };
                dated += 1;
                if (1900..=2030).contains(&year) {
                    continue;
                }
                outside += 1;
                let kind = kind_of(&t);
                let entry = by_kind.entry(kind).or_default();
                entry.0 += 1;
                if entry.1.len() < samples {
                    let from = t.start.saturating_sub(50);
                    let to = (t.end + 50).min(chars.len());
                    let before: String = chars[from..t.start].iter().collect();
                    let after: String = chars[t.end..to].iter().collect();
                    entry.1.push(format!(
                        "{} [{}] {} → {} ({})",
                        before.replace('\n', " "),
                        t.text,
                        after.replace('\n', " "),
                        t.value,
                        path.file_name()
                            .map(|f| f.to_string_lossy())
                            .unwrap_or_default()
                    ));
                }
            }
        }
    }
    println!("documents: {documents}, dated expressions: {dated}, outside 1900–2030: {outside}");
    println!();
    println!("| kind | count |");
    println!("|---|---|");
    for (kind, (count, _)) in &by_kind {
        println!("| {kind} | {count} |");
    }
    for (kind, (_, list)) in &by_kind {
        println!();
        println!("## {kind}");
        for s in list {
            println!("  {s}");
        }
    }
}

/// The year of an ISO-like date (`1987-03-01`, `-0500`, `1400T14:00`).
fn year_of(iso: &str) -> Option<i32> {
    let neg = iso.starts_with('-');
    let digits: String = iso
        .trim_start_matches('-')
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let y: i32 = digits.parse().ok()?;
    Some(if neg { -y } else { y })
}

/// The shape of an expression's text, which is what tells a genuine old date from a number
/// read as one: a century or decade word, a clock-like number, a month name, digits only.
fn kind_of(t: &timex::Timex) -> &'static str {
    let text = t.text.to_lowercase();
    let has_month = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]
    .iter()
    .any(|m| text.contains(m));
    if text.contains("centur") || text.ends_with("00s") && text.len() <= 6 {
        "century"
    } else if matches!(t.kind, timex::TimexType::Time) {
        "clock time"
    } else if text.ends_with('s') && text.chars().any(|c| c.is_ascii_digit()) {
        "decade"
    } else if has_month {
        "date with a month name"
    } else if text.contains('.') || text.contains('/') || text.contains('-') {
        "numeric date (dots, slashes, dashes)"
    } else if text.chars().all(|c| c.is_ascii_digit()) {
        "bare four-digit year"
    } else {
        "year with words"
    }
}
