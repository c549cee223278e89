//! Benchmark of the PDF importer: `cargo run --release --example bench_pdf -- FOLDER`.
//!
//! Extracts every `*.pdf` in the folder and prints, per file, the page count, the time, any
//! error, and at the end pages per second and the process's peak resident memory (VmHWM).

use std::time::Instant;

use dossier::import::pdf::{extract_pdf, PdfLimits};

fn main() {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: bench_pdf FOLDER");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&folder) {
        Ok(dir) => dir
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("pdf")))
            .collect(),
        Err(e) => {
            eprintln!("cannot read {folder}: {e}");
            std::process::exit(2);
        }
    };
    paths.sort();
    let limits = PdfLimits::default();
    let (mut pages, mut chars, mut failed) = (0usize, 0usize, 0usize);
    let started = Instant::now();
    for path in &paths {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let t = Instant::now();
        match extract_pdf(&bytes, &limits) {
            Ok(out) => {
                pages += out.pages.len();
                chars += out.text.chars().count();
                let ocr = if out.needs_ocr { " (needs OCR)" } else { "" };
                println!(
                    "{}\t{} pages\t{:.1} ms{ocr}",
                    path.display(),
                    out.pages.len(),
                    t.elapsed().as_secs_f64() * 1e3
                );
            }
            Err(e) => {
                failed += 1;
                println!(
                    "{}\terror: {e}\t{:.1} ms",
                    path.display(),
                    t.elapsed().as_secs_f64() * 1e3
                );
            }
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} files, {} failed, {pages} pages, {chars} chars in {secs:.2} s: {:.1} pages/s, peak RSS {}",
        paths.len(),
        failed,
        pages as f64 / secs.max(1e-9),
        peak_rss()
    );
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
