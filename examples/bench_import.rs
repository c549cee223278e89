//! Import benchmark: unpacks a corpus of news records (a `.tar.gz` or a folder) and imports it
//! into a fresh case, then prints documents per second, megabytes per second and peak memory.
//!
//! Run: `cargo run --release --example bench_import -- ../shared/corpus/news-corpus.tar.gz
//! [--no-extract | --no-wait]`
//!
//! Three modes, one per run so that each peak RSS is its own: by default the import waits for
//! the extraction stage, as `dossier import` does; `--no-extract` imports documents only;
//! `--no-wait` times what `dossier import --no-wait` waits for (documents stored and indexed),
//! then runs the stage as its background process would, and times that apart. In every mode
//! the near-duplicate grouping is timed apart and counted in the total, with its share of the
//! rest.

use std::path::{Path, PathBuf};
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

fn unpack(archive: &Path, into: &Path) -> std::io::Result<()> {
    let file = std::fs::File::open(archive)?;
    tar::Archive::new(flate2::read::GzDecoder::new(file)).unpack(into)
}

fn main() {
    let source = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: bench_import CORPUS.tar.gz|FOLDER [--no-extract | --no-wait]");
        std::process::exit(2);
    }));
    // Extraction (quotes, entities, dates) runs by default, as in the app; `--no-extract`
    // measures the import alone, for the ratio between the two.
    let mode = std::env::args().nth(2).unwrap_or_default();
    let no_wait = mode == "--no-wait";
    let extract = mode != "--no-extract" && !no_wait;
    let work = tempfile::tempdir().expect("temporary folder");
    let case_dir = tempfile::tempdir().expect("temporary folder");
    let folder = if source.is_dir() {
        source.clone()
    } else {
        let started = Instant::now();
        unpack(&source, work.path()).expect("corpus unpacks");
        println!(
            "unpacked {} in {:.2} s (not counted)",
            source.display(),
            started.elapsed().as_secs_f64()
        );
        work.path().to_path_buf()
    };
    let case_path = case_dir.path().join("bench.dossier");
    let mut case = Case::create(&case_path).expect("case is created");
    let started = Instant::now();
    let mut bytes = 0u64;
    let mut files_done_at = 0.0;
    let report = case
        .import_with(&[folder], false, &mut |p| {
            bytes = p.bytes_done;
            files_done_at = started.elapsed().as_secs_f64();
            true
        })
        .expect("import runs");
    let imported_secs = started.elapsed().as_secs_f64();
    // Near-duplicate grouping (issue 21) runs after the stage in `dossier import`; here it runs
    // first and alone, so its share of the import is measured in the same run (the stage then
    // finds nothing left to group).
    let grouping_started = Instant::now();
    let grouped = case.group_copies().expect("grouping runs");
    let grouping_secs = grouping_started.elapsed().as_secs_f64();
    // The stage runs after the documents are in, as `dossier import` runs it (waiting) or its
    // background process does (`--no-wait`).
    let stage = (extract || no_wait).then(|| {
        let rss_before = peak_rss_mb();
        let started = Instant::now();
        let done = case
            .extract_pending(&mut |_| true)
            .expect("the stage runs")
            .documents;
        (done, started.elapsed().as_secs_f64(), rss_before)
    });
    let secs = match (&stage, extract) {
        (Some((_, stage_secs, _)), true) => imported_secs + stage_secs,
        _ => imported_secs,
    };
    let without_grouping = secs;
    let secs = secs + grouping_secs;
    let case_mb = std::fs::metadata(&case_path).map_or(0.0, |m| m.len() as f64 / 1e6);
    println!(
        "extraction:         {}",
        match (extract, no_wait) {
            (true, _) => "waited for (import, then the stage)",
            (false, true) => "--no-wait (the stage after the import returns)",
            (false, false) => "off",
        }
    );
    println!("documents imported: {}", report.imported);
    println!("duplicates:         {}", report.duplicates);
    println!("failed files:       {}", report.failed.len());
    for failure in report.failed.iter().take(5) {
        println!("  {}", failure.error);
    }
    println!("source bytes:       {:.1} MB", bytes as f64 / 1e6);
    println!("time:               {secs:.2} s");
    println!(
        "  of which stored:   {files_done_at:.2} s, then indexed for search: {:.2} s",
        imported_secs - files_done_at
    );
    println!(
        "copy grouping:      {grouping_secs:.2} s for {} documents, {} in groups ({:.1}% of the import without it)",
        grouped.documents,
        grouped.grouped,
        100.0 * grouping_secs / without_grouping
    );
    println!("documents/s:        {:.0}", report.imported as f64 / secs);
    println!("MB/s:               {:.1}", bytes as f64 / 1e6 / secs);
    println!("peak RSS:           {:.0} MB", peak_rss_mb());
    println!("case file:          {case_mb:.1} MB");
    if let Some((done, stage_secs, rss_before)) = stage {
        println!("returned after:     {imported_secs:.2} s (documents stored and searchable)");
        println!(
            "stage, after:       {stage_secs:.2} s for {done} documents ({:.0}/s)",
            done as f64 / stage_secs
        );
        println!("until all extracted: {:.2} s", imported_secs + stage_secs);
        println!("peak RSS before the stage: {rss_before:.0} MB");
    }
}
