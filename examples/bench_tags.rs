//! Bulk tagging benchmark (issue 22): a case of N documents made by `gen_corpus`, then the
//! bulk actions a person runs on "all N hits" of a search, each one change: select every
//! document a query finds, tag them all, search `tag:`, undo the tag, star them all by ids.
//! Prints each step's wall time (the write inside the transaction apart from the commit and
//! the search index catching up the re-tagged documents) and the process's peak memory
//! during the step.
//!
//! Run: `cargo run --release --example gen_corpus -- ../shared/corpus/news-corpus.tar.gz
//! 100000 /tmp/corpus-100k`, then `cargo run --release --example bench_tags --
//! /tmp/corpus-100k` (several folders may be given, such as the first hundred of a 1M
//! corpus, `corpus-1m/00{00..99}`). `BENCH_KEEP=DIR` keeps the imported case in `DIR` for the
//! next run (the import, without extraction, is not what is measured).

use std::path::PathBuf;
use std::time::Instant;

use dossier::model::{BulkAction, DocumentSelection};
use dossier::{Case, SearchRequest};

/// A field of this process's memory accounting, in MB.
fn status_mb(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Resets the peak (VmHWM) to the current resident size, so each step's peak is its own.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn step<T>(name: &str, run: impl FnOnce() -> T) -> T {
    reset_peak();
    let before = status_mb("VmRSS:");
    let started = Instant::now();
    let result = run();
    println!(
        "{name:<44} {:>9.2} s   RSS {:>7.1} MB before, peak {:>7.1} MB",
        started.elapsed().as_secs_f64(),
        before,
        status_mb("VmHWM:")
    );
    result
}

fn main() {
    let corpus: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if corpus.is_empty() {
        eprintln!("usage: bench_tags CORPUS_FOLDER… (from gen_corpus)");
        std::process::exit(2);
    }
    let keep = std::env::var("BENCH_KEEP").ok().map(PathBuf::from);
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = keep.unwrap_or_else(|| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the case folder");
    let path = dir.join("tags.dossier");
    if !path.exists() {
        let started = Instant::now();
        let mut case = Case::create(&path).expect("a new case");
        let report = case
            .import_with(&corpus, false, &mut |_| true)
            .expect("the import");
        println!(
            "imported {} documents without extraction in {:.1} s (not measured below)",
            report.imported,
            started.elapsed().as_secs_f64()
        );
    }
    // A fresh open, as a person's session starts, with the index opened by a first search.
    let case = Case::open(&path).expect("the case opens");
    let documents = case.document_count().unwrap();
    case.search(&SearchRequest::new("oil")).unwrap();
    println!("{documents} documents; {}", env!("CARGO_PKG_VERSION"));

    // "Ctrl+A on all N hits": a query with only an exclusion finds every document.
    let all = DocumentSelection::Query("-zzqxjv".into());
    let ids = step("select every hit of a query (ids)", || {
        case.selected_documents(&all).unwrap()
    });
    assert_eq!(ids.len(), documents);

    let mut wrote = None;
    let started = Instant::now();
    let report = step("tag all N hits (one change, with index)", || {
        case.bulk(&all, &BulkAction::Tag("bench".into()), &mut |p| {
            if p.done == p.total {
                wrote = Some(started.elapsed());
            }
            true
        })
        .unwrap()
    });
    let total = started.elapsed();
    let wrote = wrote.unwrap_or_default();
    println!(
        "  of which selecting and writing the rows {:.2} s, commit and index catch-up {:.2} s",
        wrote.as_secs_f64(),
        (total - wrote).as_secs_f64()
    );
    assert_eq!(report.changed, documents);

    let found = step("search tag:bench (count, top 20)", || {
        case.search(&SearchRequest::new("tag:bench")).unwrap().total
    });
    assert_eq!(found, documents);
    step("search tag:bench again (warm)", || {
        case.search(&SearchRequest::new("tag:bench")).unwrap().total
    });

    step("undo the bulk tag (one change, with index)", || {
        case.undo_bulk(report.bulk_id).unwrap()
    });
    let star = step("star N documents by ids (one change)", || {
        case.bulk(
            &DocumentSelection::Ids(ids.clone()),
            &BulkAction::Star,
            &mut |_| true,
        )
        .unwrap()
    });
    assert_eq!(star.changed, documents);
    let log = case.audit_log(&Default::default()).unwrap();
    let check = step("verify the audit chain", || case.check_audit_log().unwrap());
    println!(
        "audit log: {} entries, chain {}",
        log.len(),
        if check.first_broken.is_none() {
            "intact"
        } else {
            "BROKEN"
        }
    );
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("case file {:.1} MB", size as f64 / 1e6);
}
