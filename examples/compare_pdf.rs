//! Compares PDF text extractors on a folder of PDFs that each have a reference text beside
//! them (`NAME.txt.ref`): `cargo run --release --example compare_pdf -- CANDIDATE FOLDER`,
//! with CANDIDATE one of `dossier` (pdf-extract glyphs + this crate's layout), `pdf-extract`
//! (its plain-text output) and `lopdf` (`Document::extract_text`). Prints token F1 (bag of
//! words), bigram F1 (which also penalises wrong reading order), the share of reference
//! paragraphs reproduced exactly, pages/s and peak RSS. Run
//! one candidate per process so the peak memory is its own.

use std::collections::HashMap;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(candidate), Some(folder)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: compare_pdf dossier|pdf-extract|lopdf FOLDER");
        std::process::exit(2);
    };
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("readable folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
        .collect();
    paths.sort();
    let (mut pages, mut secs) = (0usize, 0f64);
    for path in &paths {
        let bytes = std::fs::read(path).expect("readable file");
        let reference = std::fs::read_to_string(path.with_extension("txt.ref")).ok();
        let t = Instant::now();
        let result = std::panic::catch_unwind(|| extract(candidate, &bytes));
        secs += t.elapsed().as_secs_f64();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        match result {
            Ok(Ok((text, n))) => {
                pages += n;
                if let Some(reference) = reference {
                    let (f1, f2) = (
                        f1(&tokens(&reference), &tokens(&text)),
                        f1(&bigrams(&reference), &bigrams(&text)),
                    );
                    let exact = exact_paragraphs(&reference, &text);
                    println!(
                        "{candidate}\t{name}\t{n} pages\ttoken F1 {f1:.3}\tbigram F1 {f2:.3}\tparagraphs exact {exact:.3}"
                    );
                } else {
                    println!("{candidate}\t{name}\t{n} pages\t(no reference)");
                }
            }
            Ok(Err(e)) => println!("{candidate}\t{name}\terror: {e}"),
            Err(_) => println!("{candidate}\t{name}\tpanicked"),
        }
    }
    let rss = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(|l| l[6..].trim().to_string())
        })
        .unwrap_or_default();
    println!(
        "{candidate}\tTOTAL\t{pages} pages in {secs:.3} s\t{:.1} pages/s\tpeak RSS {rss}",
        pages as f64 / secs.max(1e-9)
    );
}

fn extract(candidate: &str, bytes: &[u8]) -> Result<(String, usize), String> {
    match candidate {
        "dossier" => dossier::import::pdf::extract_pdf(bytes, &Default::default())
            .map(|o| {
                let n = o.pages.len();
                (o.text, n)
            })
            .map_err(|e| e.to_string()),
        "pdf-extract" => {
            let pages =
                pdf_extract::extract_text_from_mem_by_pages(bytes).map_err(|e| e.to_string())?;
            let n = pages.len();
            Ok((pages.join("\n"), n))
        }
        "lopdf" => {
            let doc = lopdf::Document::load_mem(bytes).map_err(|e| e.to_string())?;
            let numbers: Vec<u32> = doc.get_pages().keys().copied().collect();
            let text = doc.extract_text(&numbers).map_err(|e| e.to_string())?;
            Ok((text, numbers.len()))
        }
        other => Err(format!("unknown candidate {other}")),
    }
}

/// The share of the reference's paragraphs that appear, whitespace aside, as paragraphs
/// (blank-line separated) of the output.
fn exact_paragraphs(reference: &str, text: &str) -> f64 {
    let split = |t: &str| -> Vec<String> {
        t.split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect()
    };
    let got: std::collections::HashSet<String> = split(text).into_iter().collect();
    let want = split(reference);
    want.iter().filter(|p| got.contains(*p)).count() as f64 / want.len().max(1) as f64
}

fn tokens(text: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for t in words(text) {
        *out.entry(t).or_insert(0) += 1;
    }
    out
}

fn bigrams(text: &str) -> HashMap<String, usize> {
    let w = words(text);
    let mut out = HashMap::new();
    for pair in w.windows(2) {
        *out.entry(format!("{} {}", pair[0], pair[1])).or_insert(0) += 1;
    }
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn f1(reference: &HashMap<String, usize>, got: &HashMap<String, usize>) -> f64 {
    let common: usize = reference
        .iter()
        .map(|(k, &n)| n.min(got.get(k).copied().unwrap_or(0)))
        .sum();
    let (r, g): (usize, usize) = (reference.values().sum(), got.values().sum());
    if common == 0 {
        return 0.0;
    }
    let (p, rc) = (common as f64 / g as f64, common as f64 / r as f64);
    2.0 * p * rc / (p + rc)
}
