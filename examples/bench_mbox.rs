//! Mail archive benchmark (issue 21): writes an mbox of N messages in threads of 1 to 8 (one in
//! ten with a small text attachment) into a temporary folder, imports it into a fresh case
//! (documents only; extraction is the stage's, measured by `bench_extract`), threads every
//! email once as `docs --json` does, and prints messages per second and peak memory.
//!
//! Run: `cargo run --release --example bench_mbox -- [N]` (N defaults to 100,000).
//!
//! The mbox is read as a stream, a message at a time, so the peak memory should not grow
//! with N; the case's own caches and the threads computed at the end do.

use std::io::Write;
use std::time::Instant;

use dossier::Case;

/// Peak resident memory of this process so far, from the kernel's own accounting.
fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A small deterministic generator, so every run writes the same archive.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

const WORDS: &[&str] = &[
    "ledger",
    "payment",
    "meeting",
    "treasurer",
    "account",
    "transfer",
    "board",
    "contract",
    "invoice",
    "deadline",
    "council",
    "minister",
    "offshore",
    "budget",
    "audit",
    "report",
];

/// Writes the archive and returns (messages, threads, attachments).
fn write_mbox(path: &std::path::Path, n: usize) -> std::io::Result<(usize, usize, usize)> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut rng = Lcg(21);
    let (mut written, mut threads, mut attachments) = (0, 0, 0);
    while written < n {
        threads += 1;
        let size = (1 + rng.next(8) as usize).min(n - written);
        let mut references: Vec<String> = Vec::new();
        for k in 0..size {
            let id = format!("t{threads}.m{k}@bench.example");
            let day = 1 + (written % 28);
            let subject = format!(
                "{}Thread {threads} about the {}",
                if k > 0 { "Re: " } else { "" },
                WORDS[threads % WORDS.len()]
            );
            let body: Vec<&str> = (0..40 + rng.next(80))
                .map(|_| WORDS[rng.next(WORDS.len() as u64) as usize])
                .collect();
            let body = format!(
                "Message {written}: {}.\n\n>From the previous message, as quoted.\n",
                body.join(" ")
            );
            writeln!(out, "From sender{k}@bench.example Mon Jan  1 00:00:00 2024")?;
            writeln!(out, "From: Person {k} <p{k}@bench.example>")?;
            writeln!(out, "To: desk@bench.example")?;
            writeln!(out, "Subject: {subject}")?;
            writeln!(
                out,
                "Date: Mon, {day:02} Jan 2024 10:{:02}:00 +0000",
                k % 60
            )?;
            writeln!(out, "Message-ID: <{id}>")?;
            if let Some(parent) = references.last() {
                writeln!(out, "In-Reply-To: <{parent}>")?;
                let refs: Vec<String> = references.iter().map(|r| format!("<{r}>")).collect();
                writeln!(out, "References: {}", refs.join(" "))?;
            }
            if written % 10 == 9 {
                attachments += 1;
                writeln!(out, "MIME-Version: 1.0")?;
                writeln!(
                    out,
                    "Content-Type: multipart/mixed; boundary=\"b{written}\"\n"
                )?;
                writeln!(out, "--b{written}\nContent-Type: text/plain\n\n{body}")?;
                writeln!(
                    out,
                    "--b{written}\nContent-Type: text/plain; name=\"notes{written}.txt\"\n\
                     Content-Disposition: attachment; filename=\"notes{written}.txt\"\n\n\
                     Notes {written} on the {} in thread {threads}.\n--b{written}--\n",
                    WORDS[written % WORDS.len()]
                )?;
            } else {
                writeln!(out, "\n{body}")?;
            }
            references.push(id);
            written += 1;
        }
    }
    out.flush()?;
    Ok((written, threads, attachments))
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|a| a.replace(['_', ','], "").parse().expect("N is a number"))
        .unwrap_or(100_000);
    let work = tempfile::tempdir().expect("temporary folder");
    let mbox = work.path().join("archive.mbox");
    let started = Instant::now();
    let (messages, threads, attachments) = write_mbox(&mbox, n).expect("mbox is written");
    let size = std::fs::metadata(&mbox).map(|m| m.len()).unwrap_or(0);
    println!(
        "wrote {messages} messages in {threads} threads ({attachments} with an attachment), \
         {:.1} MB, in {:.1} s (not counted)",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let case_path = work.path().join("bench.dossier");
    let mut case = Case::create(&case_path).expect("case is created");
    let started = Instant::now();
    let report = case
        .import_with(std::slice::from_ref(&mbox), false, &mut |_| true)
        .expect("import runs");
    let secs = started.elapsed().as_secs_f64();
    let rss_import = peak_rss_mb();
    assert!(report.failed.is_empty(), "{:?}", &report.failed[..1]);
    assert_eq!(report.imported, messages + attachments);
    println!(
        "imported {} documents ({messages} messages, {attachments} attachments) in {secs:.1} s: \
         {:.0} messages/s, {:.1} MB/s; peak RSS {rss_import:.0} MB",
        report.imported,
        messages as f64 / secs,
        size as f64 / 1e6 / secs
    );
    let started = Instant::now();
    let links = case.mail_links().expect("threads are computed");
    let thread_secs = started.elapsed().as_secs_f64();
    let mut ids: Vec<&str> = links.threads.values().map(|t| t.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), threads, "every generated thread is found");
    assert_eq!(links.parents.len(), attachments);
    println!(
        "threaded {} emails into {} threads in {thread_secs:.2} s; peak RSS {:.0} MB",
        links.threads.len(),
        ids.len(),
        peak_rss_mb()
    );
}
