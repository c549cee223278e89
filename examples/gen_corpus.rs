//! Makes a large corpus of news records from a small one, for measuring Dossier at a million
//! documents: article `k` is source file `k mod n` of the corpus, and every copy after the
//! first round gets a new DOC ID, a new date, a new outlet in its URL and a few small changes
//! to its words, so every file written has its own SHA-256 (an import would otherwise take
//! copies for duplicates) and the timeline spreads over many years rather than piling up.
//! Everything is derived from `k` and the seed, so the same arguments write the same bytes.
//!
//! Run: `cargo run --release --example gen_corpus -- ../shared/corpus/news-corpus.tar.gz
//! 1000000 /tmp/corpus-1m [SEED]`. Files go in folders of 1,000 (`OUT/0000/0000000.txt`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Outlets a copy is said to come from; the URL's host is the only place they appear.
const OUTLETS: &[&str] = &[
    "www.harbourgazette.example",
    "news.northfieldpost.example",
    "www.tidewaterherald.example",
    "www.capitalledger.example",
    "www.riverbendtimes.example",
    "www.eastportobserver.example",
    "www.granitedaily.example",
    "www.lakeshorecourier.example",
    "www.westmarchtribune.example",
    "www.meridianreview.example",
    "www.coastalsentinel.example",
    "www.highlandrecord.example",
];

/// Word swaps that keep a sentence readable; a copy swaps a few occurrences.
const SWAPS: &[(&str, &str)] = &[
    ("also", "as well"),
    ("big", "large"),
    ("about", "around"),
    ("many", "numerous"),
    ("begin", "start"),
    ("buy", "purchase"),
    ("help", "assist"),
    ("show", "indicate"),
    ("rise", "increase"),
    ("fall", "decline"),
    ("quickly", "rapidly"),
    ("however", "though"),
];

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// SplitMix64: a few lines of well-mixed pseudo-random numbers from a counter, which is all a
/// reproducible corpus needs (no dependency, and any `k` can be made without the ones before).
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// One source record, split at the header lines the news format has.
struct Source {
    lines: Vec<String>,
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for entry in entries {
            collect(&entry, files);
        }
    } else {
        files.push(path.to_path_buf());
    }
}

/// The copy of `source` that article `k` (of round `round`) is.
fn copy(source: &Source, k: u64, round: u64, seed: u64) -> String {
    if round == 0 {
        return source.lines.join("\n");
    }
    let mut random = mix(seed ^ mix(k));
    let mut next = |bound: u64| {
        random = mix(random);
        random % bound
    };
    let outlet = OUTLETS[next(OUTLETS.len() as u64) as usize];
    let mut out = Vec::with_capacity(source.lines.len() + 1);
    for line in &source.lines {
        if let Some(id) = line.strip_prefix("DOC ID:") {
            out.push(format!("DOC ID:{}-g{round}", id.trim()));
        } else if let Some(url) = line.strip_prefix("URL:") {
            let path = url.split_once("://").map_or(url, |(_, rest)| rest);
            let path = path.split_once('/').map_or("story", |(_, p)| p);
            out.push(format!("URL:https://{outlet}/{path}-{round}"));
        } else if let Some(date) = line.strip_prefix("DATE:") {
            // A dated record gets a date anywhere from 1985 to 2025; an undated one (the BBC
            // set) stays undated, as such sources are in real archives.
            if date.trim().is_empty() {
                out.push(line.clone());
            } else {
                let month = MONTHS[next(12) as usize];
                let day = 1 + next(28);
                let year = 1985 + next(41);
                out.push(format!("DATE:{month} {day:02}, {year}"));
            }
        } else if let Some(content) = line.strip_prefix("CONTENT:") {
            out.push(format!("CONTENT:{}", reword(content, &mut next)));
        } else {
            out.push(line.clone());
        }
    }
    out.join("\n")
}

/// Swaps up to three words for their counterparts in `SWAPS`, choosing which by chance, and
/// sometimes adds an update line: the small differences between copies of one story.
fn reword(content: &str, next: &mut impl FnMut(u64) -> u64) -> String {
    let mut words: Vec<String> = content.split(' ').map(str::to_string).collect();
    let mut swapped = 0;
    let start = next(words.len().max(1) as u64) as usize;
    for i in (start..words.len()).chain(0..start) {
        if swapped == 3 {
            break;
        }
        if let Some((_, to)) = SWAPS.iter().find(|(from, _)| words[i] == *from) {
            if next(2) == 0 {
                words[i] = (*to).to_string();
                swapped += 1;
            }
        }
    }
    let mut text = words.join(" ");
    if next(4) == 0 {
        text.push_str(" (Updated with further details.)");
    }
    text
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(source), Some(count), Some(out)) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: gen_corpus CORPUS.tar.gz|FOLDER COUNT OUT_FOLDER [SEED]");
        std::process::exit(2);
    };
    let count: u64 = count.parse().expect("COUNT is a number");
    let seed: u64 = args
        .next()
        .map_or(1, |s| s.parse().expect("SEED is a number"));
    let out = PathBuf::from(out);
    let started = Instant::now();
    let unpacked = tempfile::tempdir().unwrap();
    let source = PathBuf::from(source);
    let folder = if source.is_dir() {
        source
    } else {
        let file = std::fs::File::open(&source).expect("corpus opens");
        tar::Archive::new(flate2::read::GzDecoder::new(file))
            .unpack(unpacked.path())
            .expect("corpus unpacks");
        unpacked.path().to_path_buf()
    };
    let mut files = Vec::new();
    collect(&folder, &mut files);
    let sources: Vec<Source> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .map(|text| Source {
            lines: text.lines().map(str::to_string).collect(),
        })
        .collect();
    assert!(!sources.is_empty(), "no readable records in the corpus");
    println!(
        "{} source records; writing {count} articles to {}",
        sources.len(),
        out.display()
    );
    let n = sources.len() as u64;
    let mut bytes = 0u64;
    for k in 0..count {
        let dir = out.join(format!("{:04}", k / 1000));
        if k % 1000 == 0 {
            std::fs::create_dir_all(&dir).expect("output folder");
        }
        let text = copy(&sources[(k % n) as usize], k, k / n, seed);
        bytes += text.len() as u64;
        let mut file = std::fs::File::create(dir.join(format!("{k:07}.txt"))).expect("file");
        file.write_all(text.as_bytes()).expect("write");
        if (k + 1) % 50_000 == 0 {
            let done = (k + 1) as f64 / count as f64;
            let elapsed = started.elapsed().as_secs_f64();
            println!(
                "  {} articles, {:.0} s, about {:.0} s left",
                k + 1,
                elapsed,
                elapsed / done - elapsed
            );
        }
    }
    println!(
        "{count} articles, {:.1} MB, in {:.1} s",
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
}
