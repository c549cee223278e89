//! Tests of the extraction stage in the app (issue 23): an import hands the documents over
//! first and extracts in the background, a case opened with pending documents extracts them,
//! a person's write makes the stage step aside, and closing stops it with nothing lost.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use dossier::model::QuoteFilter;
use dossier::Case;

use crate::dto::ExtractionState;
use crate::stage::rate;
use crate::tests::Scratch;

/// `n` short articles, each with a quote, a speaker and a date, so extraction finds something
/// in every one.
fn articles(dir: &Path, n: usize) -> PathBuf {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        std::fs::write(
            dir.join(format!("article{i:04}.txt")),
            format!(
                "Botnet report {i}\n\n\"We took the botnet down on the {i}th try,\" said Peter \
                 Levashov, a spokesman for the group. The operation ended on April {}, 2017, \
                 after {i} weeks.",
                i % 28 + 1
            ),
        )
        .unwrap();
    }
    dir.to_path_buf()
}

/// A case holding `n` articles none of which is extracted yet, as `dossier import
/// --no-extract` leaves it.
fn pending_case(scratch: &Scratch, n: usize) -> PathBuf {
    let path = scratch.path("pending.dossier");
    let mut case = Case::create(&path).unwrap();
    let sources = articles(&scratch.path("sources"), n);
    case.import_with(&[sources], false, &mut |_| true).unwrap();
    assert_eq!(case.extraction_status().unwrap().pending, n);
    path
}

fn quote_count(case: &Case) -> dossier::Result<usize> {
    case.quote_count(&QuoteFilter::default())
}

fn waited(state: &crate::state::AppState) -> ExtractionState {
    let began = Instant::now();
    let last = state.wait_for_extraction();
    assert!(
        began.elapsed() < Duration::from_secs(120),
        "the stage ended"
    );
    last
}

#[test]
fn an_import_returns_with_documents_in_and_extracts_them_in_the_background() {
    let scratch = Scratch::new("stage-import");
    let state = scratch.state(None);
    let heard: Arc<Mutex<Vec<ExtractionState>>> = Arc::default();
    let log = Arc::clone(&heard);
    state.on_extraction(Box::new(move |s| log.lock().unwrap().push(s.clone())));
    state.create(&scratch.path("case.dossier")).unwrap();
    let sources = articles(&scratch.path("sources"), 40);

    let report = state.import(&[sources], &mut |_| {}).unwrap();
    assert_eq!(report.imported, 40);
    // The import is back before extraction is done: every document is readable and
    // searchable at once, whatever the stage has reached.
    assert_eq!(state.with_reader(Case::document_count).unwrap(), 40);
    let hits = state
        .with_reader(|case| case.search(&dossier::SearchRequest::new("levashov")))
        .unwrap();
    assert_eq!(hits.total, 40);

    let last = waited(&state);
    assert!(!last.running && last.error.is_none(), "{last:?}");
    assert_eq!((last.extracted, last.documents), (40, 40));
    assert_eq!(state.with_case(quote_count).unwrap(), 40);
    let heard = heard.lock().unwrap();
    assert!(heard.iter().any(|s| s.running), "the window hears it run");
    assert!(!heard.last().unwrap().running, "and then that it is done");
    let status = state.with_case(Case::extraction_status).unwrap();
    assert_eq!(status.pending, 0);
}

#[test]
fn opening_a_case_with_pending_documents_extracts_them_in_the_background() {
    let scratch = Scratch::new("stage-open");
    let path = pending_case(&scratch, 30);
    let state = scratch.state(None);
    let info = state.open(&path).unwrap();
    assert_eq!(info.document_count, 30, "the case opens without waiting");
    // The views read meanwhile, from the read-only handle while the stage holds the case.
    let quotes = state.with_reader(quote_count).unwrap();
    assert!(quotes <= 30);
    let last = waited(&state);
    assert_eq!((last.extracted, last.documents, last.problems), (30, 30, 0));
    assert_eq!(state.with_reader(quote_count).unwrap(), 30);
}

#[test]
fn a_write_during_the_stage_makes_it_step_aside_and_it_goes_on() {
    let scratch = Scratch::new("stage-write");
    let path = pending_case(&scratch, 300);
    let state = scratch.state(None);
    state.open(&path).unwrap();
    // A person's write (saving a search) is answered while the stage runs, not after it.
    let began = Instant::now();
    state
        .with_case(|case| case.save_search("botnets", "botnet"))
        .unwrap();
    let answered = began.elapsed();
    let last = waited(&state);
    assert!(
        answered < Duration::from_secs(10),
        "the write waited {answered:?}"
    );
    assert_eq!((last.extracted, last.documents), (300, 300));
    assert_eq!(state.with_case(quote_count).unwrap(), 300);
    assert_eq!(state.with_case(Case::saved_searches).unwrap().len(), 1);
}

#[test]
fn closing_the_case_stops_the_stage_and_the_next_open_finishes_it_without_duplicates() {
    let scratch = Scratch::new("stage-close");
    let path = pending_case(&scratch, 300);
    let state = scratch.state(None);
    state.open(&path).unwrap();
    std::thread::sleep(Duration::from_millis(50));
    state.close().unwrap();
    assert!(!state.extraction().running, "closing stops the stage");
    let left = Case::open(&path).unwrap().extraction_status().unwrap();
    assert_eq!(left.documents, 300);

    state.open(&path).unwrap();
    let last = waited(&state);
    assert_eq!((last.extracted, last.documents), (300, 300));
    // One quote per article, each once: nothing done twice, nothing skipped.
    assert_eq!(state.with_case(quote_count).unwrap(), 300);
}

#[test]
fn a_case_with_nothing_pending_starts_no_stage() {
    let scratch = Scratch::new("stage-none");
    let state = scratch.state(None);
    state.create(&scratch.path("empty.dossier")).unwrap();
    assert_eq!(state.extraction(), ExtractionState::default());
}

#[test]
fn the_rate_and_time_left_are_said_once_the_run_has_gone_on_a_while() {
    assert_eq!(rate(100, 900, Duration::from_millis(500)), (None, None));
    assert_eq!(rate(0, 900, Duration::from_secs(5)), (None, None));
    let (per_second, left) = rate(100, 900, Duration::from_secs(4));
    assert_eq!(per_second, Some(25.0));
    assert_eq!(left, Some(36.0));
}
