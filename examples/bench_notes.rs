//! Claim-check and brief speed on a real corpus.
//!
//! Imports a folder of news records (with extraction), writes a note that cites N quotes of
//! the case, each with its exact words in quotation marks and every tenth one misquoted, then
//! times the claim check, the live check of unsaved text (what the editor runs as you type),
//! the preview, and the brief.
//!
//! cargo run --release --example bench_notes -- FOLDER [CITATIONS]

use std::time::Instant;

use dossier::model::{BriefOptions, QuoteFilter};
use dossier::Case;

fn median_ms(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (f64, T) {
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        last = Some(f());
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    (median_ms(times), last.expect("at least one run"))
}

fn main() -> dossier::Result<()> {
    let mut args = std::env::args().skip(1);
    let folder = args.next().expect("usage: bench_notes FOLDER [CITATIONS]");
    let citations: usize = args.next().map_or(300, |n| n.parse().expect("a number"));
    let dir = tempfile_dir();
    let path = dir.join("bench.dossier");
    let mut case = Case::create(&path)?;
    let started = Instant::now();
    let report = case.import(&[folder.into()], &mut |_| true)?;
    println!(
        "imported {} documents in {:.1} s",
        report.imported,
        started.elapsed().as_secs_f64()
    );
    let quotes = case.quotes(&QuoteFilter {
        kind: Some("direct".to_string()),
        ..QuoteFilter::default()
    })?;
    let step = (quotes.len() / citations.max(1)).max(1);
    let mut text = String::from("# Benchmark note\n\n");
    let mut cited = 0;
    for (i, quote) in quotes.iter().step_by(step).take(citations).enumerate() {
        let words: Vec<&str> = quote.text.split_whitespace().take(8).collect();
        let mut quoted = words.join(" ");
        if i % 10 == 9 {
            quoted.push_str(" allegedly");
        }
        let quoted = quoted.replace('"', "");
        text.push_str(&format!(
            "{} said \"{quoted}\" [@q{}].\n",
            quote.speaker.as_deref().unwrap_or("Someone"),
            quote.id
        ));
        cited += 1;
    }
    let note = case.add_note("Benchmark", &text)?;
    println!(
        "note: {cited} citations, {} characters",
        text.chars().count()
    );
    let (check_ms, report) = time(5, || case.check(Some(note.summary.id)));
    let report = report?;
    println!(
        "check: {check_ms:.1} ms median of 5 ({} claims, {} problems)",
        report.claims.len(),
        report.problems.len()
    );
    let (live_ms, problems) = time(5, || case.check_text(Some(note.summary.id), &text));
    println!(
        "live check of unsaved text: {live_ms:.1} ms median of 5 ({} problems)",
        problems?.len()
    );
    let (preview_ms, html) = time(5, || case.render_note_html(&text));
    println!(
        "preview: {preview_ms:.1} ms median of 5 ({} bytes of HTML)",
        html?.len()
    );
    let options = BriefOptions {
        notes: vec![note.summary.id],
        ..BriefOptions::default()
    };
    let (brief_ms, brief) = time(5, || case.brief(&options));
    let brief = brief?;
    println!(
        "brief: {brief_ms:.1} ms median of 5 ({} footnotes, {} sources, {} bytes)",
        brief.footnotes,
        brief.sources,
        brief.markdown.len()
    );
    drop(case);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-bench-notes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}
