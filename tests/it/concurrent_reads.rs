//! Reading a case while an import writes to it: the app's library and search go on during an
//! import through a read-only `Case` beside the importing one (issue 16, "search is refused
//! until the import ends" and "the library says the case has no documents").

use std::cell::Cell;
use std::time::Duration;

use dossier::{Case, SearchRequest};

use crate::support::*;

#[test]
fn a_read_only_case_lists_each_committed_batch_and_searches_while_an_import_writes() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let sources = s.sources();
    for i in 0..4 {
        s.write(
            &format!("sources/new{i}.txt"),
            news_record(
                &format!("n{i}"),
                &format!("Zanzibar report {i}"),
                "2019-03-0{i}",
                "Zanzibar officials spoke about the harbour.",
            ),
        );
    }
    let mut case = Case::open(&s.case).unwrap();
    let reader = Case::open_read_only(&s.case).unwrap();
    let calls = Cell::new(0);
    let mut seen = Vec::new();
    let mut notices = Vec::new();
    let mut found_new = Vec::new();
    case.import(&[sources], &mut |_progress| {
        calls.set(calls.get() + 1);
        // The importer commits a batch every two seconds; waiting that long after the first
        // file makes the second file's write commit both, before its progress is reported.
        if calls.get() == 1 {
            std::thread::sleep(Duration::from_millis(2100));
        }
        seen.push(reader.documents().unwrap().len());
        let found = reader.search(&SearchRequest::new("kelihos")).unwrap();
        assert!(
            found.total >= 1,
            "the indexed seed is found during the import"
        );
        notices.push(found.notice);
        found_new.push(
            reader
                .search(&SearchRequest::new("zanzibar"))
                .unwrap()
                .total,
        );
        true
    })
    .unwrap();
    // Four files, then the extraction stage (issue 23), which asks the import's progress
    // again after each of the four new documents.
    assert_eq!(calls.get(), 8);
    assert_eq!(
        seen.first(),
        Some(&1),
        "nothing committed after the first file"
    );
    assert!(
        seen[1..].iter().all(|&n| n >= 3),
        "the first batch (two files) is listed as soon as it commits: {seen:?}"
    );
    assert!(
        notices[1..4].iter().all(|n| n
            .as_deref()
            .is_some_and(|n| n.contains("searchable once it ends"))),
        "searches say the new documents are not indexed yet: {notices:?}"
    );
    // Documents first: while the stage extracts, the new documents are already searchable.
    assert_eq!(notices[4..], [None, None, None, None], "{notices:?}");
    assert_eq!(found_new[4..], [4, 4, 4, 4], "{found_new:?}");
    // Once the import has committed to the index, the reader finds the new documents.
    let after = reader.search(&SearchRequest::new("zanzibar")).unwrap();
    assert_eq!(after.total, 4);
    assert_eq!(after.notice, None);
    assert_eq!(reader.documents().unwrap().len(), 5);
}

#[test]
fn a_read_only_case_refuses_writes_with_an_error() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let reader = Case::open_read_only(&s.case).unwrap();
    let err = reader
        .save_search("mine", "kelihos")
        .expect_err("a read-only case does not write");
    assert!(!err.message.is_empty());
    assert_eq!(
        Case::open_read_only(&s.dir.path().join("missing.dossier"))
            .err()
            .map(|e| e.code),
        Some(dossier::ErrorCode::NotFound)
    );
}
