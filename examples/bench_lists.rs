//! Times the reads behind the app's Quotes and People views on an existing case: the quote
//! count and pages of quotes at the top, the middle and the end of the list, and the people
//! ranking (the People view's first page, the Quotes view's speakers, the last page). Issue 23
//! asks these views to answer in under 500 ms on a million documents; this program prints the
//! median and the slowest of a few runs of each, so a change to the queries can be measured
//! on the 1M case without building the app.
//!
//! Run: `cargo run --release --example bench_lists -- CASE [RUNS]` (the case is opened read-only
//! and nothing is written; the first run of each read is reported apart, as it reads from a
//! cold page cache when the case was not used since the machine started).

use std::time::Instant;

use dossier::model::{EntityFilter, QuoteFilter};
use dossier::Case;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench_lists CASE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5).max(1);
    let case = match Case::open_read_only(std::path::Path::new(&path)) {
        Ok(case) => case,
        Err(err) => {
            eprintln!("{path}: {}", err.message);
            std::process::exit(1);
        }
    };
    let quotes = time("quotes: count", runs, || {
        case.quote_count(&QuoteFilter::default()).unwrap()
    });
    let page = |offset: usize| QuoteFilter {
        offset: Some(offset),
        limit: Some(100),
        ..QuoteFilter::default()
    };
    time("quotes: first page of 100", runs, || {
        case.quotes(&page(0)).unwrap().len()
    });
    time("quotes: a page in the middle", runs, || {
        case.quotes(&page(quotes / 2)).unwrap().len()
    });
    time("quotes: the last page", runs, || {
        case.quotes(&page(quotes.saturating_sub(100)))
            .unwrap()
            .len()
    });
    let people = |quoted: bool, offset: usize, limit: usize| EntityFilter {
        quoted,
        offset: Some(offset),
        limit: Some(limit),
        ..EntityFilter::default()
    };
    let entities = time("people: first page of 100", runs, || {
        case.entity_page(&people(false, 0, 100)).unwrap().total
    });
    time("people: the quotes view's 30 speakers", runs, || {
        case.entity_page(&people(true, 0, 30))
            .unwrap()
            .entities
            .len()
    });
    time("people: the last page", runs, || {
        case.entity_page(&people(false, entities.saturating_sub(100), 100))
            .unwrap()
            .entities
            .len()
    });
    // The detail of the most quoted person (the People view's first row) and of the most
    // mentioned one (found by the mention counts of the first page sorted as the view can).
    let first = case.entity_page(&people(false, 0, 100)).unwrap().entities;
    let most_quoted = first.first().map(|e| e.id);
    let most_mentioned = first.iter().max_by_key(|e| e.mention_count).map(|e| e.id);
    for (what, id) in [
        ("people: the most quoted one's detail", most_quoted),
        ("people: the most mentioned one's detail", most_mentioned),
    ] {
        if let Some(id) = id {
            time(what, runs, || {
                let detail = case.entity(id).unwrap();
                detail.quotes.len() + detail.mentions.len() + detail.roles.len()
            });
        }
    }
    time("people: find \"smith\"", runs, || {
        case.entity_page(&EntityFilter {
            find: Some("smith".into()),
            limit: Some(100),
            ..EntityFilter::default()
        })
        .unwrap()
        .total
    });
}

/// Runs `read` once cold and `runs` times warm; prints the cold time, the median and the
/// slowest warm time, and what the read returned.
fn time(what: &str, runs: usize, mut read: impl FnMut() -> usize) -> usize {
    let started = Instant::now();
    let value = read();
    let cold = started.elapsed().as_secs_f64() * 1000.0;
    let mut warm: Vec<f64> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            read();
            started.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    warm.sort_by(f64::total_cmp);
    println!(
        "{what:<40} first {cold:>9.1} ms   median {:>9.1} ms   slowest {:>9.1} ms   ({value})",
        warm[warm.len() / 2],
        warm[warm.len() - 1]
    );
    value
}
