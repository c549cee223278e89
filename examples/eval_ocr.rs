//! OCR accuracy and speed (issue 19): known text rendered to page pictures, degraded as scans
//! are, read back through the case's own OCR path (import, then the OCR stage), and scored by
//! character error rate against the known text, per condition, with pages per second and peak
//! memory; `ocrmypdf` reads the same scanned PDFs in the same run for comparison. It also
//! compares the quotes and dates found in the OCR text with those found in the true text.
//!
//! Usage: cargo run --release --example eval_ocr -- DIR [PAGES]
//!   DIR holds news records (`*.txt` in the seed's format, e.g. a folder of
//!   ../shared/corpus/news-corpus.tar.gz unpacked) and/or plain texts; the first PAGES
//!   (default 12) files in name order each become one page of 40 lines of at most 88 chars.
//!
//! Conditions: 300 dpi clean; 200 dpi clean; skewed +2° and −2° (300 dpi); scanner noise
//! (300 dpi, ±40 grey levels and dust); JPEG at quality 25 (300 dpi); fax-like 1-bit (200 dpi).
//! CER = Levenshtein distance / true characters, with white space folded to one space on both
//! sides (layout is not what is measured).

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dossier::ocr::fixtures::{self, Gray, PdfPage};
use dossier::Case;

const LINES: usize = 40;
const WIDTH: usize = 88;

fn page_text(raw: &str) -> Vec<String> {
    let body = raw
        .split_once("CONTENT:")
        .map_or(raw, |(_, content)| content);
    // Helvetica in WinAnsi: typographic marks folded to what the fixture font has.
    let body: String = body
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c if (c as u32) < 256 => c,
            _ => ' ',
        })
        .collect();
    let mut lines: Vec<String> = Vec::new();
    for word in body.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= WIDTH => {
                line.push(' ');
                line.push_str(word);
            }
            _ => {
                if lines.len() == LINES {
                    break;
                }
                lines.push(word.to_string());
            }
        }
    }
    lines
}

fn fold(text: &str) -> Vec<char> {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect()
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// Errors and true characters over pages.
fn cer(truth: &[String], read: &[String]) -> (usize, usize) {
    let mut errors = 0;
    let mut total = 0;
    for (i, t) in truth.iter().enumerate() {
        let t = fold(t);
        let r = fold(read.get(i).map_or("", String::as_str));
        errors += levenshtein(&t, &r);
        total += t.len();
    }
    (errors, total)
}

/// Quotes (their folded words) and dates (text and value) an extractor finds in a text.
fn findings(text: &str) -> (HashSet<String>, HashSet<String>) {
    let quotes = dossier::quotes::extract(text)
        .into_iter()
        .map(|q| fold(&q.text).into_iter().collect())
        .collect();
    let reference = chrono::NaiveDate::from_ymd_opt(2017, 4, 12);
    let dates = dossier::timex::extract(text, reference)
        .into_iter()
        .map(|t| format!("{}|{}", t.text, t.value))
        .collect();
    (quotes, dates)
}

fn f1(truth: &HashSet<String>, found: &HashSet<String>) -> Option<f64> {
    if truth.is_empty() && found.is_empty() {
        return None;
    }
    let hit = truth.intersection(found).count() as f64;
    let p = if found.is_empty() {
        0.0
    } else {
        hit / found.len() as f64
    };
    let r = if truth.is_empty() {
        0.0
    } else {
        hit / truth.len() as f64
    };
    Some(if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    })
}

fn children_peak_rss_mb() -> f64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage writes the struct it is given and nothing else.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    usage.ru_maxrss as f64 / 1024.0
}

fn own_peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        })
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Reads a scanned PDF through the case: import (no extraction), then the OCR stage, timed.
fn dossier_read(pdf: &Path, work: &Path, pages: usize) -> (Vec<String>, f64) {
    let case_path = work.join(format!(
        "{}.dossier",
        pdf.file_stem().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_file(&case_path);
    let mut case = Case::create(&case_path).expect("case");
    case.import_with(&[pdf.to_path_buf()], false, &mut |_| true)
        .expect("import");
    let started = Instant::now();
    let report = case.ocr_pending(&mut |_| true).expect("ocr");
    let seconds = started.elapsed().as_secs_f64();
    for p in &report.problems {
        eprintln!("  problem: {}: {}", p.source, p.problem);
    }
    let id = case.documents().expect("documents")[0].id;
    let doc = case.document(id).expect("document");
    let chars: Vec<char> = doc.text.chars().collect();
    let mut out: Vec<String> = doc
        .pages
        .iter()
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    out.resize(pages, String::new());
    (out, seconds)
}

/// Reads the same PDF with ocrmypdf (text in a sidecar file, pages split by form feeds).
fn ocrmypdf_read(pdf: &Path, work: &Path, pages: usize) -> Option<(Vec<String>, f64)> {
    let sidecar = work.join("sidecar.txt");
    let out = work.join("ocrmypdf-out.pdf");
    let started = Instant::now();
    let status = Command::new("ocrmypdf")
        .args([
            "--force-ocr",
            "-l",
            "eng",
            "--output-type",
            "pdf",
            "--sidecar",
        ])
        .arg(&sidecar)
        .arg(pdf)
        .arg(&out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    let seconds = started.elapsed().as_secs_f64();
    if !status.success() {
        eprintln!("  ocrmypdf failed on {}", pdf.display());
        return None;
    }
    let text = std::fs::read_to_string(&sidecar).ok()?;
    let mut read: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    read.resize(pages, String::new());
    Some((read, seconds))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = PathBuf::from(args.first().expect("usage: eval_ocr DIR [PAGES]"));
    let pages: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(12);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let truth_lines: Vec<Vec<String>> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .map(|b| page_text(&String::from_utf8_lossy(&b)))
        .filter(|lines| lines.len() >= 8)
        .take(pages)
        .collect();
    let truth: Vec<String> = truth_lines.iter().map(|l| l.join("\n")).collect();
    let pages = truth.len();
    let work = std::env::temp_dir().join(format!("eval-ocr-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let line_refs: Vec<Vec<&str>> = truth_lines
        .iter()
        .map(|l| l.iter().map(String::as_str).collect())
        .collect();
    let text_pdf = fixtures::pdf(
        &line_refs
            .iter()
            .map(|l| PdfPage::Text(l))
            .collect::<Vec<_>>(),
    );
    let at300 = fixtures::render(&text_pdf, 300).expect("pdftoppm");
    let at200 = fixtures::render(&text_pdf, 200).expect("pdftoppm");
    // JPEG pages: pdftoppm writes them itself at the quality asked.
    let jpegs: Vec<(Vec<u8>, u32, u32)> = {
        let input = work.join("text.pdf");
        std::fs::write(&input, &text_pdf).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-r", "300", "-gray", "-jpeg", "-jpegopt", "quality=25"])
            .arg(&input)
            .arg(work.join("jpeg"))
            .status()
            .expect("pdftoppm");
        assert!(status.success());
        let mut names: Vec<PathBuf> = std::fs::read_dir(&work)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
            .collect();
        names.sort();
        names
            .iter()
            .zip(&at300)
            .map(|(n, g)| (std::fs::read(n).unwrap(), g.width, g.height))
            .collect()
    };
    let conditions: Vec<(&str, Vec<Gray>)> = vec![
        ("300 dpi clean", at300.clone()),
        ("200 dpi clean", at200.clone()),
        (
            "300 dpi skew +2°",
            at300.iter().map(|g| fixtures::skew(g, 2.0)).collect(),
        ),
        (
            "300 dpi skew −2°",
            at300.iter().map(|g| fixtures::skew(g, -2.0)).collect(),
        ),
        (
            "300 dpi noise",
            at300
                .iter()
                .enumerate()
                .map(|(i, g)| fixtures::noise(g, 40, 400, i as u64 + 7))
                .collect(),
        ),
        ("300 dpi JPEG q25", Vec::new()),
        (
            "200 dpi fax 1-bit",
            at200.iter().map(fixtures::bilevel).collect(),
        ),
    ];
    println!(
        "OCR evaluation: {pages} pages of {} ({} true characters), {} cores",
        dir.display(),
        truth.iter().map(|t| fold(t).len()).sum::<usize>(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!(
        "| condition | Dossier CER | pages/s | ocrmypdf CER | pages/s | quotes F1 (OCR vs text) | dates F1 |"
    );
    println!("|---|---|---|---|---|---|---|");
    let truth_findings: Vec<_> = truth.iter().map(|t| findings(t)).collect();
    for (name, pictures) in &conditions {
        let pdf_bytes = if pictures.is_empty() {
            fixtures::pdf(
                &jpegs
                    .iter()
                    .map(|(b, w, h)| PdfPage::Jpeg(b, *w, *h))
                    .collect::<Vec<_>>(),
            )
        } else {
            fixtures::pdf(&pictures.iter().map(PdfPage::Scan).collect::<Vec<_>>())
        };
        // Numbered, since "+2°" and "−2°" differ only in characters a file name folds.
        let slug = format!(
            "condition-{}",
            conditions.iter().position(|(n, _)| n == name).unwrap_or(0)
        );
        let pdf = work.join(format!("{slug}.pdf"));
        std::fs::write(&pdf, &pdf_bytes).unwrap();
        let (read, seconds) = dossier_read(&pdf, &work, pages);
        let (errors, total) = cer(&truth, &read);
        let (mut q_sum, mut q_n, mut d_sum, mut d_n) = (0.0, 0, 0.0, 0);
        for (i, r) in read.iter().enumerate() {
            let (tq, td) = &truth_findings[i];
            let (rq, rd) = findings(r);
            if let Some(f) = f1(tq, &rq) {
                q_sum += f;
                q_n += 1;
            }
            if let Some(f) = f1(td, &rd) {
                d_sum += f;
                d_n += 1;
            }
        }
        let other = ocrmypdf_read(&pdf, &work, pages);
        let (other_cer, other_rate) = match &other {
            Some((r, s)) => {
                let (e, t) = cer(&truth, r);
                (
                    format!("{:.2}%", 100.0 * e as f64 / t as f64),
                    format!("{:.2}", pages as f64 / s),
                )
            }
            None => ("—".into(), "—".into()),
        };
        println!(
            "| {name} | {:.2}% | {:.2} | {other_cer} | {other_rate} | {} | {} |",
            100.0 * errors as f64 / total as f64,
            pages as f64 / seconds,
            if q_n > 0 {
                format!("{:.3} ({q_n} pages)", q_sum / q_n as f64)
            } else {
                "—".into()
            },
            if d_n > 0 {
                format!("{:.3} ({d_n} pages)", d_sum / d_n as f64)
            } else {
                "—".into()
            },
        );
    }
    println!(
        "peak RSS: this process {:.0} MB; largest child (tesseract, pdftoppm or ocrmypdf) {:.0} MB",
        own_peak_rss_mb(),
        children_peak_rss_mb()
    );
    let _ = std::fs::remove_dir_all(&work);
}
