//! OCR accuracy and speed (issue 19): known text rendered to page pictures, degraded as scans
//! are, read back through the case's own OCR path (import, then the OCR stage), and scored by
//! character error rate against the known text, per condition, with pages per second and peak
//! memory; `ocrmypdf` reads the same scanned PDFs in the same run for comparison. It also
//! compares the quotes and dates found in the OCR text with those found in the true text:
//! quotes matched as `eval_quotes` matches them (half the words shared), and letter for
//! letter; dates by their text and value.
//!
//! Usage: cargo run --release --example eval_ocr -- DIR [PAGES [CONDITION...]]
//!   DIR holds news records (`*.txt` in the seed's format, e.g. a folder of
//!   ../shared/corpus/news-corpus.tar.gz unpacked) and/or plain texts such as the fictional
//!   indictments. A news record gives one page (its first 40 lines of at most 88 chars); a
//!   plain text gives up to 12 pages. PAGES (default 12) pages are taken in name order.
//!   CONDITION words keep only the conditions whose names contain one of them (`skew`,
//!   `noise`, `JPEG`, `fax`, `clean`), since a loaded machine reads a page in seconds.
//!   With `EVAL_OCR_SHOW_QUOTES` set, each page whose quotes differ prints both lists;
//!   `EVAL_OCR_OTHER_PAGES=N` has ocrmypdf read only the first N pages (whole chunks) of each
//!   condition, where Dossier's CER on the same pages is printed beside it (0: not at all).
//!
//! Conditions: 300 dpi clean; 200 dpi clean; skewed +2° and −2° (300 dpi); scanner noise
//! (300 dpi, ±40 grey levels and dust); JPEG at quality 25 (300 dpi); fax-like 1-bit (200 dpi).
//! CER = Levenshtein distance / true characters, with white space folded to one space on both
//! sides (layout is not what is measured).
//!
//! The pages go in scanned PDFs of 20 pages each, so this program's memory does not grow with
//! the set. Each reader runs as its own process and its peak RSS is read when it ends
//! (`wait4`): for Dossier, the case's process and, separately, the largest Tesseract or
//! pdftoppm it started; for ocrmypdf, its whole process tree's largest member.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dossier::ocr::fixtures::{self, Gray, PdfPage};
use dossier::Case;

const LINES: usize = 40;
const WIDTH: usize = 88;

/// The pages a file gives: a news record (it has `CONTENT:`) its first page, a plain text up
/// to 12 pages, each of at most 40 lines of at most 88 characters.
fn file_pages(raw: &str) -> Vec<Vec<String>> {
    let (body, most) = match raw.split_once("CONTENT:") {
        Some((_, content)) => (content, 1),
        None => (raw, 12),
    };
    // Helvetica in WinAnsi: what the font has stays, curly quotes and dashes included (the
    // quote extractor reads them as the article had them); anything else becomes a space.
    let body: String = body
        .chars()
        .map(|c| {
            if fixtures::win_ansi(c).is_some() {
                c
            } else {
                ' '
            }
        })
        .collect();
    let mut pages: Vec<Vec<String>> = vec![Vec::new()];
    for word in body.split_whitespace() {
        let page = pages.last_mut().expect("a page");
        let full = page.len() == LINES;
        match page.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= WIDTH => {
                line.push(' ');
                line.push_str(word);
            }
            _ if !full => page.push(word.to_string()),
            _ => {
                if pages.len() == most {
                    break;
                }
                pages.push(vec![word.to_string()]);
            }
        }
    }
    pages.retain(|lines| lines.len() >= 8);
    pages
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

/// Quotes (their folded text) and dates (text and value) an extractor finds in a text.
fn findings(text: &str) -> (Vec<String>, HashSet<String>) {
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

/// A quote's words, lower-cased, as a multiset.
fn words_of(quote: &str) -> std::collections::HashMap<String, usize> {
    let mut words = std::collections::HashMap::new();
    for w in quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *words.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    words
}

/// F1 of the quotes found in the OCR text against those found in the true text, matched one
/// to one as `eval_quotes` matches a prediction to a gold quote: when they share at least half
/// of the reference's words (there, half its characters). A misread letter inside a quote is
/// the CER's to count; this asks whether the quote itself was still found. None when neither
/// text has a quote.
fn quote_f1(truth: &[String], found: &[String]) -> Option<f64> {
    if truth.is_empty() && found.is_empty() {
        return None;
    }
    let hit = quote_matches(truth, found);
    let p = if found.is_empty() {
        0.0
    } else {
        hit as f64 / found.len() as f64
    };
    let r = if truth.is_empty() {
        0.0
    } else {
        hit as f64 / truth.len() as f64
    };
    Some(if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    })
}

/// How many of the true text's quotes the OCR text's quotes match, one to one.
fn quote_matches(truth: &[String], found: &[String]) -> usize {
    let found: Vec<_> = found.iter().map(|q| words_of(q)).collect();
    let mut used = vec![false; found.len()];
    let mut hit = 0usize;
    for t in truth {
        let want = words_of(t);
        let size: usize = want.values().sum();
        let best = found
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .map(|(i, f)| {
                let shared: usize = want
                    .iter()
                    .map(|(w, n)| (*n).min(f.get(w).copied().unwrap_or(0)))
                    .sum();
                let other: usize = f.values().sum();
                (i, shared, size.abs_diff(other))
            })
            // The most words shared, then the nearest in length, then the first: a one-word
            // quote ("The") must not take a long quote that merely contains its word.
            .max_by_key(|&(i, shared, diff)| {
                (shared, std::cmp::Reverse(diff), std::cmp::Reverse(i))
            })
            .map(|(i, shared, _)| (i, shared));
        if let Some((i, shared)) = best {
            if size > 0 && shared * 2 >= size {
                used[i] = true;
                hit += 1;
            }
        }
    }
    hit
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

/// Waits for a child and returns whether it succeeded and the peak RSS (MB) of the largest
/// process of its tree, as the kernel reports it for that child alone.
fn wait_with_peak(child: std::process::Child) -> (bool, f64) {
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 fills the status and usage it is given for this child's pid, which
    // std::process has not reaped (it is never waited on through `child`).
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    let ok = pid > 0 && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, usage.ru_maxrss as f64 / 1024.0)
}

/// The child side of `dossier_read`: imports one scanned PDF into a fresh case, runs the OCR
/// stage, and writes the pages' text, the stage's seconds and this process's own peak RSS and
/// its children's as JSON.
fn read_in_child(pdf: &Path, case_path: &Path, out: &Path) {
    let _ = std::fs::remove_file(case_path);
    let mut case = Case::create(case_path).expect("case");
    let imported = case
        .import_with(&[pdf.to_path_buf()], false, &mut |_| true)
        .expect("import");
    for failed in &imported.failed {
        eprintln!("  the import refused {failed:?}");
    }
    let started = Instant::now();
    let report = case.ocr_pending(&mut |_| true).expect("ocr");
    let seconds = started.elapsed().as_secs_f64();
    for p in &report.problems {
        eprintln!("  problem: {}: {}", p.source, p.problem);
    }
    let id = case.documents().expect("documents")[0].id;
    let doc = case.document(id).expect("document");
    let chars: Vec<char> = doc.text.chars().collect();
    let pages: Vec<String> = doc
        .pages
        .iter()
        .map(|p| chars[p.start..p.end].iter().collect())
        .collect();
    let answer = serde_json::json!({
        "pages": pages,
        "seconds": seconds,
        "own_mb": own_peak_rss_mb(),
        "children_mb": children_peak_rss_mb(),
    });
    std::fs::write(out, answer.to_string()).expect("answer");
    drop(case);
    let _ = std::fs::remove_file(case_path);
}

/// What one reader made of one PDF: its pages, seconds, and peak RSS figures (MB).
struct Reading {
    pages: Vec<String>,
    seconds: f64,
    /// The reading process's own peak (Dossier's case process; ocrmypdf's largest process).
    own_mb: f64,
    /// The largest helper it started (Tesseract or pdftoppm for Dossier; 0 for ocrmypdf).
    children_mb: f64,
}

/// Reads a scanned PDF through the case, in a child process of this program (`--read`).
fn dossier_read(pdf: &Path, work: &Path, pages: usize) -> Reading {
    let out = work.join("dossier-read.json");
    let case_path = work.join("read.dossier");
    let child = Command::new(std::env::current_exe().expect("this program"))
        .arg("--read")
        .args([pdf, &case_path, &out])
        .spawn()
        .expect("the reading child starts");
    let (ok, _) = wait_with_peak(child);
    assert!(ok, "the Dossier reader failed on {}", pdf.display());
    let answer: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("answer")).expect("JSON");
    let mut read: Vec<String> = answer["pages"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| p.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    read.resize(pages, String::new());
    Reading {
        pages: read,
        seconds: answer["seconds"].as_f64().unwrap_or(0.0),
        own_mb: answer["own_mb"].as_f64().unwrap_or(0.0),
        children_mb: answer["children_mb"].as_f64().unwrap_or(0.0),
    }
}

/// Reads the same PDF with ocrmypdf (text in a sidecar file, pages split by form feeds).
fn ocrmypdf_read(pdf: &Path, work: &Path, pages: usize) -> Option<Reading> {
    let sidecar = work.join("sidecar.txt");
    let out = work.join("ocrmypdf-out.pdf");
    let started = Instant::now();
    let child = Command::new("ocrmypdf")
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
        .spawn()
        .ok()?;
    let (ok, peak) = wait_with_peak(child);
    let seconds = started.elapsed().as_secs_f64();
    if !ok {
        eprintln!("  ocrmypdf failed on {}", pdf.display());
        return None;
    }
    let text = std::fs::read_to_string(&sidecar).ok()?;
    let mut read: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    read.resize(pages, String::new());
    Some(Reading {
        pages: read,
        seconds,
        own_mb: peak,
        children_mb: 0.0,
    })
}

/// Pages per scanned PDF: each is one document of the case, and this program holds only one
/// chunk's pictures at a time. Twenty 300 dpi pages of scanner noise, which deflate barely
/// compresses, made a PDF over the import's 64 MB bound for one source; ten stay under it.
const CHUNK: usize = 10;

/// The conditions, by name, and how each makes a page's picture from the clean renders.
const CONDITIONS: [&str; 7] = [
    "300 dpi clean",
    "200 dpi clean",
    "300 dpi skew +2°",
    "300 dpi skew −2°",
    "300 dpi noise",
    "300 dpi JPEG q25",
    "200 dpi fax 1-bit",
];

/// A JPEG's width and height, from its frame header (after the marker: length, precision,
/// height, width).
fn jpeg_size(bytes: &[u8]) -> Option<(u32, u32)> {
    bytes
        .windows(9)
        .find(|w| w[0] == 0xFF && matches!(w[1], 0xC0..=0xC2))
        .map(|w| {
            (
                u32::from(u16::from_be_bytes([w[7], w[8]])),
                u32::from(u16::from_be_bytes([w[5], w[6]])),
            )
        })
}

/// The scanned PDF of one chunk of pages under one condition.
fn scanned_pdf(condition: usize, lines: &[Vec<&str>], first_page: usize, work: &Path) -> Vec<u8> {
    let text_pdf = fixtures::pdf(&lines.iter().map(|l| PdfPage::Text(l)).collect::<Vec<_>>());
    let dpi = if matches!(condition, 1 | 6) { 200 } else { 300 };
    if condition == 5 {
        // JPEG pages: pdftoppm writes them itself at the quality asked. It writes three
        // components even with -gray; the PDF declares what the JPEG holds.
        let dir = work.join("jpeg");
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let input = dir.join("text.pdf");
        std::fs::write(&input, &text_pdf).unwrap();
        let status = Command::new("pdftoppm")
            .args(["-r", "300", "-gray", "-jpeg", "-jpegopt", "quality=25"])
            .arg(&input)
            .arg(dir.join("page"))
            .status()
            .expect("pdftoppm");
        assert!(status.success());
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "jpg"))
            .collect();
        names.sort();
        let jpegs: Vec<(Vec<u8>, u32, u32)> = names
            .iter()
            .map(|n| {
                let bytes = std::fs::read(n).unwrap();
                let (w, h) = jpeg_size(&bytes).expect("a JPEG's size");
                (bytes, w, h)
            })
            .collect();
        return fixtures::pdf(
            &jpegs
                .iter()
                .map(|(b, w, h)| PdfPage::Jpeg(b, *w, *h))
                .collect::<Vec<_>>(),
        );
    }
    let clean = fixtures::render(&text_pdf, dpi).expect("pdftoppm");
    let pictures: Vec<Gray> = clean
        .into_iter()
        .enumerate()
        .map(|(i, g)| match condition {
            2 => fixtures::skew(&g, 2.0),
            3 => fixtures::skew(&g, -2.0),
            4 => fixtures::noise(&g, 40, 400, (first_page + i) as u64 + 7),
            6 => fixtures::bilevel(&g),
            _ => g,
        })
        .collect();
    fixtures::pdf(&pictures.iter().map(PdfPage::Scan).collect::<Vec<_>>())
}

#[derive(Default)]
struct Tally {
    errors: usize,
    total: usize,
    seconds: f64,
    own_mb: f64,
    children_mb: f64,
    pages: usize,
}

impl Tally {
    fn add(&mut self, truth: &[String], reading: &Reading) {
        let (e, t) = cer(truth, &reading.pages);
        self.errors += e;
        self.total += t;
        self.seconds += reading.seconds;
        self.own_mb = self.own_mb.max(reading.own_mb);
        self.children_mb = self.children_mb.max(reading.children_mb);
        self.pages += truth.len();
    }

    fn cer(&self) -> String {
        format!(
            "{:.2}%",
            100.0 * self.errors as f64 / self.total.max(1) as f64
        )
    }

    fn rate(&self) -> String {
        format!("{:.2}", self.pages as f64 / self.seconds.max(1e-9))
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--read") {
        read_in_child(
            Path::new(&args[1]),
            Path::new(&args[2]),
            Path::new(&args[3]),
        );
        return;
    }
    let dir = PathBuf::from(args.first().expect("usage: eval_ocr DIR [PAGES]"));
    let wanted_pages: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(12);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    let mut truth_lines: Vec<Vec<String>> = Vec::new();
    let mut sources = 0;
    for f in &files {
        if truth_lines.len() >= wanted_pages {
            break;
        }
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let pages = file_pages(&String::from_utf8_lossy(&bytes));
        if !pages.is_empty() {
            sources += 1;
        }
        truth_lines.extend(pages);
    }
    truth_lines.truncate(wanted_pages);
    let truth: Vec<String> = truth_lines.iter().map(|l| l.join("\n")).collect();
    let pages = truth.len();
    let work = std::env::temp_dir().join(format!("eval-ocr-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let wanted: Vec<&String> = args.iter().skip(2).collect();
    println!(
        "OCR evaluation: {pages} pages from {sources} files of {} ({} true characters), {} cores, \
         scanned PDFs of {CHUNK} pages",
        dir.display(),
        truth.iter().map(|t| fold(t).len()).sum::<usize>(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    // ocrmypdf reads fewer pages when asked: it is the slower reader, and it is the comparison.
    let other_pages: usize = std::env::var("EVAL_OCR_OTHER_PAGES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(pages);
    println!(
        "| condition | Dossier CER | pages/s | peak RSS: case / Tesseract | on ocrmypdf's pages: \
         Dossier CER / ocrmypdf CER | ocrmypdf pages/s | peak RSS | quotes F1 (OCR vs text) | \
         dates F1 |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let truth_findings: Vec<_> = truth.iter().map(|t| findings(t)).collect();
    for (index, name) in CONDITIONS.iter().enumerate() {
        if !(wanted.is_empty() || wanted.iter().any(|w| name.contains(w.as_str()))) {
            continue;
        }
        let mut ours = Tally::default();
        let mut theirs = Tally::default();
        // Dossier on the pages ocrmypdf read, for a like-for-like comparison.
        let mut ours_there = Tally::default();
        let mut theirs_failed = false;
        let (mut q_sum, mut q_n, mut d_sum, mut d_n) = (0.0, 0, 0.0, 0);
        // The quotes' F1 when a single misread character makes a quote another one.
        let mut qx_sum = 0.0;
        // Over all pages: the true text's quotes, the OCR text's, and those found in both.
        let (mut kept, mut in_text, mut in_ocr) = (0usize, 0usize, 0usize);
        for first in (0..pages).step_by(CHUNK) {
            let last = (first + CHUNK).min(pages);
            let lines: Vec<Vec<&str>> = truth_lines[first..last]
                .iter()
                .map(|l| l.iter().map(String::as_str).collect())
                .collect();
            let pdf_bytes = scanned_pdf(index, &lines, first, &work);
            let pdf = work.join(format!("condition-{index}-pages-{first}.pdf"));
            std::fs::write(&pdf, &pdf_bytes).unwrap();
            let truth_chunk = &truth[first..last];
            let reading = dossier_read(&pdf, &work, last - first);
            ours.add(truth_chunk, &reading);
            for (i, r) in reading.pages.iter().enumerate() {
                let (tq, td) = &truth_findings[first + i];
                let (rq, rd) = findings(r);
                kept += quote_matches(tq, &rq);
                in_text += tq.len();
                in_ocr += rq.len();
                if let Some(f) = quote_f1(tq, &rq) {
                    q_sum += f;
                    q_n += 1;
                    if f < 1.0 && std::env::var_os("EVAL_OCR_SHOW_QUOTES").is_some() {
                        eprintln!(
                            "  page {}: quotes in the text {tq:?}\n    in the OCR {rq:?}",
                            first + i + 1
                        );
                    }
                }
                let exact = |v: &[String]| v.iter().cloned().collect::<HashSet<String>>();
                if let Some(f) = f1(&exact(tq), &exact(&rq)) {
                    qx_sum += f;
                }
                if let Some(f) = f1(td, &rd) {
                    d_sum += f;
                    d_n += 1;
                }
            }
            if first < other_pages {
                ours_there.add(truth_chunk, &reading);
                match ocrmypdf_read(&pdf, &work, last - first) {
                    Some(r) => theirs.add(truth_chunk, &r),
                    None => theirs_failed = true,
                }
            }
            let _ = std::fs::remove_file(&pdf);
            eprintln!("  {name}: pages {}-{last} of {pages} read", first + 1);
        }
        let (other_cer, other_rate, other_rss) = if theirs_failed || theirs.pages == 0 {
            ("—".to_string(), "—".to_string(), "—".to_string())
        } else {
            (
                format!(
                    "{} / {} ({} pages)",
                    ours_there.cer(),
                    theirs.cer(),
                    theirs.pages
                ),
                theirs.rate(),
                format!("{:.0} MB", theirs.own_mb),
            )
        };
        println!(
            "| {name} | {} | {} | {:.0} / {:.0} MB | {other_cer} | {other_rate} | {other_rss} | {} | {} |",
            ours.cer(),
            ours.rate(),
            ours.own_mb,
            ours.children_mb,
            if q_n > 0 {
                format!(
                    "{:.3} ({q_n} pages; {:.3} letter for letter; {kept} of the text's {in_text} \
                     found again, {} more in the OCR)",
                    q_sum / q_n as f64,
                    qx_sum / q_n as f64,
                    in_ocr.saturating_sub(kept)
                )
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
        "this program's own peak RSS (pictures of one chunk at a time): {:.0} MB",
        own_peak_rss_mb()
    );
    let _ = std::fs::remove_dir_all(&work);
}
