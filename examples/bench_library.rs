//! The library's page reads (`Case::document_page`) at a million documents: the first page
//! (what the app waits for when a case opens), a page at the very end (the End key), a page in
//! the middle, for each sort and direction, and a filtered first page with its count.
//!
//! The app's library used to receive every document summary at open; it now asks for the
//! rows it shows. This measures those asks on a real case's document rows without touching
//! the case: the rows (metadata only, not the texts) are copied into a scratch case, which
//! gets every migration's indexes, and timed there.
//!
//! With copies collapsed (issue 21), and with copies and mail threads collapsed, the published
//! order is timed again. SOURCE can be a real case or what `scripts/synthetic-library.py`
//! writes.
//!
//! cargo run --release --example bench_library -- SOURCE.dossier SCRATCH.dossier [REPEATS]

use std::path::PathBuf;
use std::time::Instant;

use dossier::model::{DocumentPageRequest, LibrarySort, SortDir};
use dossier::Case;

const COLUMNS: &str = "id, kind, title, url, outlet, authors, published_raw, published,
    published_precision, published_zone, published_earliest, published_latest, keywords,
    language, doc_ref, format, sha256, original_size, extra, imported_at, original_path";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [source, scratch, rest @ ..] = args.as_slice() else {
        eprintln!("usage: bench_library SOURCE.dossier SCRATCH.dossier [REPEATS]");
        std::process::exit(2);
    };
    let repeats: usize = rest.first().map_or(Ok(5), |r| r.parse())?;
    let scratch = PathBuf::from(scratch);
    if !scratch.exists() {
        let started = Instant::now();
        drop(Case::create(&scratch)?);
        let conn = rusqlite::Connection::open(&scratch)?;
        conn.execute(
            "ATTACH DATABASE ?1 AS src",
            [format!("file:{source}?mode=ro")],
        )?;
        conn.execute_batch(&format!(
            "BEGIN; INSERT INTO documents ({COLUMNS}) SELECT {COLUMNS} FROM src.documents;
             DELETE FROM search_journal; COMMIT;"
        ))?;
        // The near-duplicate groups, for collapsing copies; the signatures themselves are
        // not read by the library, so they are left empty.
        let has_groups: bool = conn.query_row(
            "SELECT count(*) > 0 FROM src.sqlite_master WHERE name = 'document_signatures'",
            [],
            |r| r.get(0),
        )?;
        if has_groups {
            conn.execute_batch(
                "INSERT INTO document_signatures (document_id, shingles, signature, group_id)
                 SELECT document_id, shingles, x'', group_id FROM src.document_signatures
                 WHERE group_id IS NOT NULL; DELETE FROM grouping_pending;",
            )?;
        }
        // Only the scratch case: a bare ANALYZE would write statistics into the read-only source.
        conn.execute_batch("ANALYZE main;")?;
        println!(
            "copied the document rows in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }
    let case = Case::open_read_only(&scratch)?;
    let total = case.document_count()?;
    println!("{total} documents");
    let time = |request: &DocumentPageRequest| -> Result<(f64, usize), dossier::Error> {
        let mut times = Vec::new();
        let mut rows = 0;
        for _ in 0..repeats {
            let started = Instant::now();
            rows = case.document_page(request)?.documents.len();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        Ok((times[times.len() / 2], rows))
    };
    println!("median of {repeats} reads, 200-row pages, ms:");
    println!(
        "{:<10} {:<5} {:>12} {:>12} {:>12}",
        "sort", "dir", "first+count", "middle", "end"
    );
    for sort in [
        LibrarySort::Published,
        LibrarySort::Title,
        LibrarySort::Kind,
        LibrarySort::Outlet,
        LibrarySort::Imported,
    ] {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let at = |offset: usize, skip_total: bool| DocumentPageRequest {
                sort,
                dir,
                offset,
                limit: Some(200),
                skip_total,
                ..Default::default()
            };
            let (first, _) = time(&at(0, false))?;
            let (middle, _) = time(&at(total / 2, true))?;
            let (end, rows) = time(&at(total.saturating_sub(200), true))?;
            assert_eq!(rows, 200.min(total));
            println!(
                "{:<10} {:<5} {first:>12.1} {middle:>12.1} {end:>12.1}",
                format!("{sort:?}"),
                format!("{dir:?}")
            );
        }
    }
    // Copies collapsed (issue 21): every row walked is looked up in the groups. Then copies and
    // threads, as the app asks since threads fold too: every row is also looked up in the
    // connection's copy of the threads, which the first page makes from the emails' index.
    for (threads, what, sort) in [
        (false, "copies", LibrarySort::Published),
        (true, "copies and threads", LibrarySort::Published),
        (true, "copies and threads", LibrarySort::Title),
        (true, "copies and threads", LibrarySort::Kind),
        (true, "copies and threads", LibrarySort::Outlet),
        (true, "copies and threads", LibrarySort::Imported),
    ] {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let at = |offset: usize, skip_total: bool| DocumentPageRequest {
                sort,
                dir,
                offset,
                limit: Some(200),
                skip_total,
                collapse_copies: true,
                collapse_threads: threads,
                ..Default::default()
            };
            let (first, _) = time(&at(0, false))?;
            let shown = case.document_page(&at(0, false))?.total.unwrap_or(0);
            let (middle, _) = time(&at(shown / 2, true))?;
            let (end, _) = time(&at(shown.saturating_sub(200), true))?;
            println!(
                "{:<10} {:<5} {first:>12.1} {middle:>12.1} {end:>12.1}   ({shown} rows with {what} collapsed)",
                format!("{sort:?}"),
                format!("{dir:?}")
            );
        }
    }
    // The app asks with copies and threads collapsed; the filters are timed both ways.
    let collapsed = |request: DocumentPageRequest| DocumentPageRequest {
        collapse_copies: true,
        collapse_threads: true,
        ..request
    };
    let title = |words: &str| DocumentPageRequest {
        title: Some(words.into()),
        limit: Some(200),
        ..Default::default()
    };
    for (label, request) in [
        ("title \"botnet\", collapsed", collapsed(title("botnet"))),
        (
            "title \"minister election\", collapsed",
            collapsed(title("minister election")),
        ),
        ("title \"the\", collapsed", collapsed(title("the"))),
        (
            "title \"botnet\", collapsed, page 2",
            DocumentPageRequest {
                offset: 200,
                skip_total: true,
                ..collapsed(title("botnet"))
            },
        ),
        (
            "title filter \"botnet\"",
            DocumentPageRequest {
                title: Some("botnet".into()),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "outlet filter \"reuters\"",
            DocumentPageRequest {
                outlet: Some("reuters".into()),
                limit: Some(200),
                ..Default::default()
            },
        ),
        (
            "year 2016",
            DocumentPageRequest {
                from: Some("2016".into()),
                to: Some("2016".into()),
                limit: Some(200),
                ..Default::default()
            },
        ),
    ] {
        let (ms, _) = time(&request)?;
        let n = case.document_page(&request)?.total.unwrap_or(0);
        println!("{label:<40} first page with count: {ms:.1} ms ({n} match)");
    }
    let started = Instant::now();
    let outlets = case.document_outlets(50)?;
    println!(
        "top {} outlets: {:.1} ms",
        outlets.len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}
