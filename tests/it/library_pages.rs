//! The library's pages (`Case::document_page`): every order and filter read a page at a time
//! gives the same rows as reading it whole, in the order a reader expects, so the window can
//! ask only for the rows it shows.

use std::cmp::Ordering;

use dossier::model::{DocumentPageRequest, LibrarySort, SortDir};
use dossier::{DocumentKind, DocumentSummary};

use crate::support::*;

/// A case with equal titles, undated documents and documents without an outlet, the rows a
/// page boundary could repeat or skip.
fn library() -> (Sandbox, dossier::Case) {
    let s = Sandbox::new();
    let mut records = String::new();
    for (i, (title, date)) in [
        ("Botnet taken down", "March 3, 2017"),
        ("botnet taken down", "March 3, 2017"),
        ("Arrest in Spain", "April 10, 2017"),
        ("Élysée statement", ""),
        ("Zero-day sold", "2016"),
        ("Botnet taken down", ""),
        ("Kelihos returns", "May 1, 2016"),
        ("An 100% match_test", "June 2, 2018"),
    ]
    .iter()
    .enumerate()
    {
        records.push_str(&news_record(
            &format!("r{i}"),
            title,
            date,
            "A botnet was dismantled by investigators.",
        ));
        records.push('\n');
    }
    let news = s.write("news.txt", records);
    let (code, report) = s.import(&[
        &news,
        &seed_path(),
        &repo_path("assets/demo/email-tip-from-source.eml"),
    ]);
    assert_eq!(code, 0, "{report}");
    let case = dossier::Case::open(&s.case).unwrap();
    (s, case)
}

/// The library's order written out plainly: the column (titles and outlets ignoring ASCII
/// case), ties by id in the column's direction, rows without a value last in import order.
fn expected(docs: &[DocumentSummary], sort: LibrarySort, dir: SortDir) -> Vec<i64> {
    let value = |d: &DocumentSummary| -> Option<String> {
        match sort {
            LibrarySort::Published => d.published.clone(),
            LibrarySort::Title => Some(d.title.to_ascii_lowercase()),
            LibrarySort::Kind => Some(d.kind.as_str().to_string()),
            LibrarySort::Outlet => d.outlet.as_ref().map(|o| o.to_ascii_lowercase()),
            LibrarySort::Imported => Some(String::new()),
        }
    };
    let mut sorted = docs.to_vec();
    sorted.sort_by(|a, b| match (value(a), value(b)) {
        (None, None) => a.id.cmp(&b.id),
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => {
            let o = x.cmp(&y).then(a.id.cmp(&b.id));
            if dir == SortDir::Desc {
                o.reverse()
            } else {
                o
            }
        }
    });
    sorted.iter().map(|d| d.id).collect()
}

const SORTS: [LibrarySort; 5] = [
    LibrarySort::Published,
    LibrarySort::Title,
    LibrarySort::Kind,
    LibrarySort::Outlet,
    LibrarySort::Imported,
];

fn read_in_pages(case: &dossier::Case, request: &DocumentPageRequest, size: usize) -> Vec<i64> {
    let mut ids = Vec::new();
    loop {
        let page = case
            .document_page(&DocumentPageRequest {
                offset: ids.len(),
                limit: Some(size),
                skip_total: true,
                ..request.clone()
            })
            .unwrap();
        assert_eq!(page.total, None, "a skipped total is not counted");
        if page.documents.is_empty() {
            return ids;
        }
        ids.extend(page.documents.iter().map(|d| d.id));
    }
}

#[test]
fn library_pages_in_every_order_add_up_to_the_whole_sorted_list() {
    let (_s, case) = library();
    let all = case.documents().unwrap();
    assert!(all.len() >= 10, "{} documents", all.len());
    assert!(all.iter().any(|d| d.published.is_none()));
    assert!(all.iter().any(|d| d.outlet.is_none()));
    for sort in SORTS {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let request = DocumentPageRequest {
                sort,
                dir,
                ..Default::default()
            };
            let whole = case.document_page(&request).unwrap();
            assert_eq!(whole.total, Some(all.len()));
            let whole: Vec<i64> = whole.documents.iter().map(|d| d.id).collect();
            // Published sorts on the instant, which these dates order as their ISO strings.
            assert_eq!(whole, expected(&all, sort, dir), "{sort:?} {dir:?}");
            for size in [1, 3, 4] {
                assert_eq!(
                    read_in_pages(&case, &request, size),
                    whole,
                    "{sort:?} {dir:?} in pages of {size}"
                );
            }
        }
    }
    // The default order is the one `documents()` (the CLI's list) has always had.
    let default = case.document_page(&DocumentPageRequest::default()).unwrap();
    assert_eq!(default.documents, all);
}

/// Which documents a filter should keep, written out plainly.
type Keep = Box<dyn Fn(&DocumentSummary) -> bool>;

/// Whether a document's publication, at its own precision, overlaps `from`..=`to` (each a
/// year, a month or a day): the library's date fields written out plainly.
fn overlaps(d: &DocumentSummary, from: &str, to: &str) -> bool {
    let Some(p) = d.published.as_deref() else {
        return false;
    };
    let date = &p[..10.min(p.len())];
    date >= &from[..date.len().min(from.len())] && &date[..to.len().min(date.len())] <= to
}

#[test]
fn library_filters_select_the_same_rows_in_pages_with_their_count() {
    let (_s, case) = library();
    let all = case.documents().unwrap();
    let filters: Vec<(DocumentPageRequest, Keep)> = vec![
        (
            DocumentPageRequest {
                title: Some("  BOTNET  down ".into()),
                ..Default::default()
            },
            Box::new(|d| d.title.to_lowercase().contains("botnet") && d.title.contains("down")),
        ),
        (
            DocumentPageRequest {
                kind: Some(DocumentKind::Email),
                ..Default::default()
            },
            Box::new(|d| d.kind == DocumentKind::Email),
        ),
        (
            DocumentPageRequest {
                from: Some("2017-03".into()),
                to: Some("2017-04-10".into()),
                ..Default::default()
            },
            Box::new(|d| {
                d.published
                    .as_deref()
                    .is_some_and(|p| ("2017-03".."2017-04-11").contains(&&p[..10.min(p.len())]))
            }),
        ),
        (
            // Part of an outlet's name, in any case: the names are found in their tally.
            DocumentPageRequest {
                outlet: Some("NEWS.EXAMPLE".into()),
                ..Default::default()
            },
            Box::new(|d| {
                d.outlet
                    .as_deref()
                    .is_some_and(|o| o.to_lowercase().contains("news.example"))
            }),
        ),
        (
            // A year and a month: a document dated only "2016" overlaps both, as does one of
            // May 2016; the publication index narrows, the dates' text decides.
            DocumentPageRequest {
                from: Some("2016".into()),
                to: Some("2016-05".into()),
                ..Default::default()
            },
            Box::new(|d| overlaps(d, "2016", "2016-05")),
        ),
        (
            DocumentPageRequest {
                from: Some("2016-06".into()),
                ..Default::default()
            },
            Box::new(|d| overlaps(d, "2016-06", "9999")),
        ),
        (
            // A wildcard in the filter is a character to find, not a pattern.
            DocumentPageRequest {
                title: Some("100%".into()),
                ..Default::default()
            },
            Box::new(|d| d.title.contains("100%")),
        ),
        (
            DocumentPageRequest {
                title: Some("_".into()),
                ..Default::default()
            },
            Box::new(|d| d.title.contains('_')),
        ),
    ];
    for (filter, keep) in filters {
        let wanted: Vec<&DocumentSummary> = all.iter().filter(|d| keep(d)).collect();
        assert!(!wanted.is_empty(), "{filter:?} selects something");
        assert!(wanted.len() < all.len(), "{filter:?} leaves something out");
        for sort in SORTS {
            let request = DocumentPageRequest {
                sort,
                dir: SortDir::Desc,
                ..filter.clone()
            };
            let first = case
                .document_page(&DocumentPageRequest {
                    limit: Some(1),
                    ..request.clone()
                })
                .unwrap();
            assert_eq!(first.total, Some(wanted.len()), "{request:?}");
            let mut ids = read_in_pages(&case, &request, 2);
            let expected_order: Vec<i64> = expected(
                &wanted.iter().map(|d| (*d).clone()).collect::<Vec<_>>(),
                sort,
                SortDir::Desc,
            );
            assert_eq!(ids, expected_order, "{request:?}");
            ids.sort();
            let mut wanted_ids: Vec<i64> = wanted.iter().map(|d| d.id).collect();
            wanted_ids.sort();
            assert_eq!(ids, wanted_ids);
        }
    }
}

/// The regression: the app's library asked for every document summary when a case opened,
/// hundreds of megabytes at a million documents. A page is as long as asked, whatever the
/// case holds, and still says how many there are; a page past the end is empty.
#[test]
fn library_open_reads_one_page_instead_of_every_document() {
    let (_s, case) = library();
    let all = case.document_count().unwrap();
    let page = case
        .document_page(&DocumentPageRequest {
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(page.documents.len(), 3);
    assert_eq!(page.total, Some(all));
    let past = case
        .document_page(&DocumentPageRequest {
            offset: all + 5,
            limit: Some(3),
            ..Default::default()
        })
        .unwrap();
    assert!(past.documents.is_empty());
    assert_eq!(past.total, Some(all));
    let outlets = case.document_outlets(10).unwrap();
    assert!(!outlets.is_empty());
    assert!(outlets.windows(2).all(|w| w[0].documents >= w[1].documents));
    assert_eq!(
        outlets.iter().map(|o| o.documents).sum::<usize>(),
        case.documents()
            .unwrap()
            .iter()
            .filter(|d| d.outlet.as_deref().is_some_and(|o| !o.is_empty()))
            .count()
    );
}

/// The regression after paging: "select all" in the library stood for the rows the window
/// had loaded, so a bulk action over a filter reached only its first pages. A library
/// selection is resolved by the core: every row of the filter, or the rows of a range in the
/// library's order (a Shift+click over rows not loaded yet).
#[test]
fn library_select_all_acts_on_every_row_of_the_filter_not_only_the_loaded_ones() {
    use dossier::model::{BulkAction, DocumentSelection};
    let (_s, case) = library();
    let filter = DocumentPageRequest {
        title: Some("botnet".into()),
        sort: LibrarySort::Title,
        ..Default::default()
    };
    let matching = case.document_page(&filter).unwrap();
    let total = matching.total.unwrap();
    assert!(total >= 3, "{total} botnet titles");
    // The window has loaded one row; "all" still means every row the filter selects.
    let all = DocumentSelection::Library(DocumentPageRequest {
        limit: Some(1),
        ..filter.clone()
    });
    assert_eq!(case.selected_documents(&all).unwrap().len(), 1);
    let all = DocumentSelection::Library(filter.clone());
    let mut wanted: Vec<i64> = matching.documents.iter().map(|d| d.id).collect();
    wanted.sort();
    assert_eq!(case.selected_documents(&all).unwrap(), wanted);
    let report = case
        .bulk(&all, &BulkAction::Tag("botnet".into()), &mut |_| true)
        .unwrap();
    assert_eq!((report.selected, report.changed), (total, total));
    let mut tagged: Vec<i64> = case
        .marked_documents()
        .unwrap()
        .iter()
        .filter(|m| m.tags.iter().any(|t| t == "botnet"))
        .map(|m| m.document_id)
        .collect();
    tagged.sort();
    assert_eq!(tagged, wanted, "every row of the filter, and only those");
    // A range is rows `offset..offset + limit` in the library's order.
    let range = DocumentSelection::Library(DocumentPageRequest {
        offset: 1,
        limit: Some(2),
        ..filter.clone()
    });
    let mut in_range: Vec<i64> = matching.documents[1..3].iter().map(|d| d.id).collect();
    in_range.sort();
    assert_eq!(case.selected_documents(&range).unwrap(), in_range);
}

/// The outlet filter counts from a table triggers keep (migration 0026): it must follow
/// imports, a changed outlet, the trash and a restore, and `verify` checks it.
#[test]
fn the_outlet_counts_follow_edits_the_trash_and_restores() {
    let (_s, case) = library();
    let by_outlet = |name: &str| {
        case.document_page(&DocumentPageRequest {
            outlet: Some(name.into()),
            limit: Some(1),
            ..Default::default()
        })
        .unwrap()
        .total
    };
    let news = by_outlet("news.example.com").unwrap();
    assert!(news >= 8, "the eight records: {news}");
    let first = case.documents().unwrap()[0].id;
    case.edit_document(
        first,
        &dossier::model::DocumentEdit {
            outlet: Some("Wire & Co".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(by_outlet("wire &"), Some(1));
    assert_eq!(by_outlet("news.example.com"), Some(news - 1));
    let second = case.documents().unwrap()[1].id;
    case.delete_documents(&[second]).unwrap();
    assert_eq!(by_outlet("news.example.com"), Some(news - 2));
    case.restore_documents(&[second]).unwrap();
    assert_eq!(by_outlet("news.example.com"), Some(news - 1));
    assert_eq!(by_outlet("no such outlet"), Some(0));
    let report = case.verify().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}
