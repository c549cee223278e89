//! PDF import speed and memory over a folder of PDFs: pages per second and the process's peak
//! resident memory, for the reader alone (`extract`: bounds check, glyphs, layout) and for
//! everything import does before writing (`parse`: that, plus normalization with page
//! mapping and the legal structure of court filings), and then a real import into a
//! throw-away case (with the quote, entity and date extractors).
//!
//! cargo run --release --example bench_pdf -- FOLDER

use std::path::PathBuf;
use std::time::Instant;

use dossier::import::pdf::{extract_pdf, PdfLimits};
use dossier::{import, Case};

fn main() {
    let Some(folder) = std::env::args().nth(1).map(PathBuf::from) else {
        eprintln!("usage: bench_pdf FOLDER");
        std::process::exit(2);
    };
    let mut paths: Vec<PathBuf> = match std::fs::read_dir(&folder) {
        Ok(dir) => dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
            .collect(),
        Err(e) => {
            eprintln!("cannot read {}: {e}", folder.display());
            std::process::exit(2);
        }
    };
    paths.sort();
    let files: Vec<(PathBuf, Vec<u8>)> = paths
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, b)))
        .collect();
    let megabytes = files.iter().map(|(_, b)| b.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{} PDFs, {megabytes:.1} MB, in {}",
        files.len(),
        folder.display()
    );

    // The reader alone, per file.
    let limits = PdfLimits::default();
    let (mut pages, mut chars, mut failed) = (0usize, 0usize, 0usize);
    let started = Instant::now();
    for (path, bytes) in &files {
        let t = Instant::now();
        match extract_pdf(bytes, &limits) {
            Ok(out) => {
                pages += out.pages.len();
                chars += out.text.chars().count();
                let ocr = if out.needs_ocr { " (needs OCR)" } else { "" };
                println!(
                    "  {}\t{} pages\t{:.1} ms{ocr}",
                    path.display(),
                    out.pages.len(),
                    t.elapsed().as_secs_f64() * 1e3
                );
            }
            Err(e) => {
                failed += 1;
                println!("  {}\terror: {e}", path.display());
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "extract: {pages} pages, {chars} chars, {failed} failed in {secs:.2} s: {:.0} pages/s; \
         peak RSS {}",
        pages as f64 / secs.max(1e-9),
        peak_rss()
    );

    // Everything before the write: normalization, page mapping, legal structure.
    let (mut filings, mut counts, mut paragraphs) = (0usize, 0usize, 0usize);
    let started = Instant::now();
    for (path, bytes) in &files {
        let Ok(parsed) = import::parse_file(path, bytes.clone()) else {
            continue;
        };
        for doc in parsed.documents.into_iter().flatten() {
            if let Some(legal) = &doc.structure.legal {
                filings += 1;
                counts += legal.counts.len();
                paragraphs += legal.paragraphs.len();
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "parse: {:.0} pages/s ({filings} court filings: {counts} counts, {paragraphs} \
         paragraphs); peak RSS {}",
        pages as f64 / secs.max(1e-9),
        peak_rss()
    );

    // A real import, extractors included, into a case in a temporary folder.
    let dir = std::env::temp_dir().join(format!("bench_pdf_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut case = Case::create(&dir.join("bench.dossier")).expect("temporary case");
    let started = Instant::now();
    let paths: Vec<PathBuf> = files.iter().map(|(p, _)| p.clone()).collect();
    let report = case.import(&paths, &mut |_| true).expect("import runs");
    let secs = started.elapsed().as_secs_f64();
    println!(
        "import: {} imported, {} failed in {secs:.2} s: {:.0} pages/s; peak RSS {}",
        report.imported,
        report.failed.len(),
        pages as f64 / secs.max(1e-9),
        peak_rss()
    );
    drop(case);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The process's peak resident set size, from /proc/self/status (Linux only).
fn peak_rss() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l["VmHWM:".len()..].trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into())
}
