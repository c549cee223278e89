//! The counts a big case reads instead of counting (migration 0029, kept by triggers): quotes
//! by status and kind, and each entity's quotes, mentions and documents. Every change a person
//! or the extractors make must leave them equal to a count of the rows themselves, and the lists
//! that read them must list what the slow way listed.

use dossier::model::{EntityFilter, QuoteEdit, QuoteFilter, ReviewStatus};

use crate::support::*;

/// The tallies as kept, and as counted from the rows, each sorted.
type Tallies = (Vec<(String, String, i64)>, Vec<(i64, i64, i64, i64)>);

fn kept_and_counted(case_path: &std::path::Path) -> (Tallies, Tallies) {
    let conn = rusqlite::Connection::open(case_path).unwrap();
    let quote_rows = |sql: &str| -> Vec<(String, String, i64)> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let entity_rows = |sql: &str| -> Vec<(i64, i64, i64, i64)> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let kept = (
        quote_rows("SELECT status, kind, n FROM quote_tallies WHERE n <> 0 ORDER BY 1, 2"),
        entity_rows(
            "SELECT entity_id, quotes, mentions, documents FROM entity_tallies
             WHERE quotes <> 0 OR mentions <> 0 OR documents <> 0 ORDER BY 1",
        ),
    );
    let counted = (
        quote_rows("SELECT status, kind, count(*) FROM quotes GROUP BY 1, 2 ORDER BY 1, 2"),
        entity_rows(
            "SELECT e.id,
                (SELECT count(*) FROM quotes q WHERE q.speaker_id = e.id AND q.status <> 'rejected'),
                (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id),
                (SELECT count(DISTINCT m.document_id) FROM mentions m WHERE m.entity_id = e.id)
             FROM entities e
             WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = e.id AND q.status <> 'rejected')
                OR EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = e.id)
             ORDER BY 1",
        ),
    );
    (kept, counted)
}

/// A row of the quotes per publication day: undated, day, status, kind and how many.
type DayTally = (bool, i64, String, String, i64);

/// The quotes per publication day (migration 0031) as kept, and as counted from the rows.
fn days_kept_and_counted(case_path: &std::path::Path) -> (Vec<DayTally>, Vec<DayTally>) {
    let conn = rusqlite::Connection::open(case_path).unwrap();
    let rows = |sql: &str| -> Vec<DayTally> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    (
        rows(
            "SELECT undated, day, status, kind, n FROM quote_day_tallies WHERE n <> 0
             ORDER BY 1, 2, 3, 4",
        ),
        // A day is the UTC date of the document's earliest instant, whatever its time of day.
        rows(
            "SELECT d.published_earliest IS NULL,
                    coalesce(CAST(julianday(d.published_earliest, 'unixepoch', 'start of day')
                                  - julianday('1970-01-01') AS INTEGER), 0),
                    q.status, q.kind, count(*)
             FROM quotes q JOIN documents d ON d.id = q.document_id
             GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4",
        ),
    )
}

#[track_caller]
fn assert_tallies_exact(s: &Sandbox, case: &dossier::Case, when: &str) {
    let (kept, counted) = kept_and_counted(&s.case);
    assert_eq!(kept, counted, "{when}");
    let (kept, counted) = days_kept_and_counted(&s.case);
    assert_eq!(kept, counted, "{when}: the quotes per day");
    // The unfiltered and status-filtered counts read the tallies; with a date they count rows.
    for status in [None, Some(ReviewStatus::Auto), Some(ReviewStatus::Rejected)] {
        let filter = QuoteFilter {
            status,
            ..QuoteFilter::default()
        };
        let listed = case.quotes(&filter).unwrap().len();
        assert_eq!(
            case.quote_count(&filter).unwrap(),
            listed,
            "{when}: {status:?}"
        );
        let dated = QuoteFilter {
            from: Some("1900".into()),
            ..filter
        };
        assert_eq!(
            case.quote_count(&dated).unwrap(),
            listed,
            "{when}: dated {status:?}"
        );
    }
}

#[test]
fn quote_and_entity_counts_were_recounted_from_every_row_now_tallies_stay_exact() {
    // At a million documents the Quotes view's count took 5 to 11 s and the People view's
    // ranking grouped 7.5M mentions on every page. The tallies that replace those counts
    // follow extraction, review, correction, merges, splits, the trash and re-extraction.
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    assert_tallies_exact(&s, &case, "after the import");

    let quotes = case.quotes(&QuoteFilter::default()).unwrap();
    assert!(quotes.len() >= 3, "the seed has quotes");
    case.review_quote(quotes[0].id, ReviewStatus::Rejected)
        .unwrap();
    case.review_quote(quotes[1].id, ReviewStatus::Confirmed)
        .unwrap();
    case.edit_quote(
        quotes[2].id,
        &QuoteEdit {
            speaker: Some("Someone Entirely New".into()),
            ..QuoteEdit::default()
        },
    )
    .unwrap();
    assert_tallies_exact(&s, &case, "after reviews and a new speaker");

    let people = case
        .entity_page(&EntityFilter {
            quoted: true,
            ..EntityFilter::default()
        })
        .unwrap()
        .entities;
    assert!(people.len() >= 2, "the seed has two quoted people");
    let kept = case.merge_entities(people[0].id, people[1].id).unwrap();
    assert_tallies_exact(&s, &case, "after a merge");
    let alias = case.entity(kept).unwrap().entity.aliases.into_iter().next();
    if let Some(alias) = alias {
        case.split_entity(kept, &alias).unwrap();
        assert_tallies_exact(&s, &case, "after a split");
    }

    let doc = case.documents().unwrap()[0].id;
    case.delete_documents(&[doc]).unwrap();
    assert_tallies_exact(&s, &case, "after moving a document to the trash");
    case.restore_documents(&[doc]).unwrap();
    assert_tallies_exact(&s, &case, "after restoring it");
    case.reextract(None).unwrap();
    assert_tallies_exact(&s, &case, "after extracting everything again");
    case.purge_documents(&[doc]).unwrap();
    assert_tallies_exact(&s, &case, "after purging a document");
}

#[test]
fn the_people_ranking_and_the_quotes_page_read_from_tallies_list_what_counting_listed() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    let page = case.entity_page(&EntityFilter::default()).unwrap();
    let ranked: Vec<(usize, usize)> = page
        .entities
        .iter()
        .map(|e| (e.quote_count, e.mention_count))
        .collect();
    let mut sorted = ranked.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(ranked, sorted, "most quoted, then most mentioned, first");
    assert_eq!(page.total, page.entities.len());
    for summary in &page.entities {
        let one = case.entity(summary.id).unwrap();
        assert_eq!(
            (one.entity.quote_count, one.entity.mention_count),
            (summary.quote_count, summary.mention_count),
            "{}",
            summary.name
        );
    }
    // Pages of the publication-ordered walk join up into the whole list.
    let all = case.quotes(&QuoteFilter::default()).unwrap();
    let mut paged = Vec::new();
    for offset in (0..all.len()).step_by(2) {
        paged.extend(
            case.quotes(&QuoteFilter {
                offset: Some(offset),
                limit: Some(2),
                ..QuoteFilter::default()
            })
            .unwrap(),
        );
    }
    let ids = |q: &[dossier::model::QuoteRecord]| q.iter().map(|q| q.id).collect::<Vec<_>>();
    assert_eq!(ids(&paged), ids(&all));
}

#[test]
fn verify_names_a_kept_table_a_write_bypassed() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let case = dossier::Case::open(&s.case).unwrap();
    assert!(case.verify().unwrap().is_ok());
    drop(case);
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    // Writes that go around the triggers: a tally one too high, a queued id with no document,
    // a document marked a later copy that has no group.
    conn.execute_batch(
        "UPDATE quote_tallies SET n = n + 1
         WHERE (status, kind) = (SELECT status, kind FROM quote_tallies LIMIT 1);
         INSERT INTO grouping_pending (document_id) VALUES (999999);
         INSERT INTO outlet_tallies (outlet, n) VALUES ('Nobody''s outlet', 3);
         UPDATE documents SET later_copy = 1 WHERE id = (SELECT min(id) FROM documents);",
    )
    .unwrap();
    drop(conn);
    let (kept, problems) = disagreements(&s);
    assert_eq!(kept.len(), 4, "{problems:?}");
    assert!(kept[0].starts_with("quote_tallies: 1 rows"), "{kept:?}");
    assert!(kept[1].starts_with("outlet_tallies: 1 rows"), "{kept:?}");
    assert!(
        kept[2].starts_with("documents.later_copy: 1 rows"),
        "{kept:?}"
    );
    assert!(kept[3].starts_with("grouping_pending: 1 rows"), "{kept:?}");
}

#[test]
fn verify_names_the_quotes_per_day_a_write_bypassed() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    // A review written with the day's trigger gone: the quote leaves its status's row of its
    // day and joins another's, and the day tallies alone miss it.
    conn.execute_batch(
        "DROP TRIGGER quote_day_tallies_update;
         UPDATE quotes SET status = 'confirmed' WHERE id = (SELECT min(id) FROM quotes);",
    )
    .unwrap();
    drop(conn);
    let (kept, problems) = disagreements(&s);
    assert_eq!(kept.len(), 1, "{problems:?}");
    assert!(kept[0].starts_with("quote_day_tallies: 2 rows"), "{kept:?}");
}

/// Several quotes a day and several documents a day, at times of day either side of
/// midnight UTC (a day is the UTC date of the earliest instant, as the walk orders them),
/// before 1970, a year alone, and undated, with scare quotes among the speech.
fn quote_days() -> (Sandbox, dossier::Case) {
    let s = Sandbox::new();
    let mut records = String::new();
    for (i, date) in [
        "Apr 12, 2017 5:00 AM PT",
        "Apr 12, 2017 9:30 PM ET",
        "2017-04-12T23:59:59Z",
        "April 12, 2017",
        "2017-04-13T00:00:00+02:00",
        "",
        "2016",
        "1969-12-31T23:00:00Z",
        "Apr 12, 2017 5:00 AM PT",
        "",
        "May 1, 2016",
    ]
    .iter()
    .enumerate()
    {
        records.push_str(&news_record(
            &format!("q{i}"),
            &format!("Botnet story {i}"),
            date,
            &format!(
                "\"We took the botnet down in {i} days,\" said Jane Doe. Critics called it a \
                 \"victory\" for show. \"It will be back,\" said John Roe. \"Nobody was \
                 arrested,\" said Ann Poe."
            ),
        ));
        records.push('\n');
    }
    let news = s.write("news.txt", records);
    let (code, report) = s.import(&[&news]);
    assert_eq!(code, 0, "{report}");
    let case = dossier::Case::open(&s.case).unwrap();
    (s, case)
}

/// The ids `filter` lists, sorted plainly from the rows: publication (undated last), then the
/// quote's place in its document.
fn sorted_plainly(case_path: &std::path::Path, filter: &QuoteFilter) -> Vec<i64> {
    let conn = rusqlite::Connection::open(case_path).unwrap();
    let ids = conn
        .prepare(
            "SELECT q.id FROM quotes q JOIN documents d ON d.id = q.document_id
         WHERE (?1 IS NULL AND q.status <> 'rejected' OR q.status = ?1)
           AND (?2 IS NULL AND q.kind <> 'scare' OR q.kind = ?2)
         ORDER BY d.published_earliest IS NULL, d.published_earliest, d.id, q.start, q.id",
        )
        .unwrap()
        .query_map(
            rusqlite::params![filter.status.map(|s| s.as_str()), filter.kind],
            |r| r.get(0),
        )
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    ids
}

#[track_caller]
fn assert_every_page_is_the_sorted_list(s: &Sandbox, case: &dossier::Case, when: &str) {
    let (kept, counted) = kept_and_counted(&s.case);
    assert_eq!(kept, counted, "{when}");
    let (kept, counted) = days_kept_and_counted(&s.case);
    assert_eq!(kept, counted, "{when}: the quotes per day");
    for filter in [
        QuoteFilter::default(),
        QuoteFilter {
            status: Some(ReviewStatus::Auto),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            status: Some(ReviewStatus::Rejected),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            kind: Some("scare".into()),
            ..QuoteFilter::default()
        },
        QuoteFilter {
            kind: Some("direct".into()),
            status: Some(ReviewStatus::Auto),
            ..QuoteFilter::default()
        },
    ] {
        let sorted = sorted_plainly(&s.case, &filter);
        assert_eq!(case.quote_count(&filter).unwrap(), sorted.len(), "{when}");
        for limit in [1, 2, 5] {
            for offset in 0..=sorted.len() {
                let page: Vec<i64> = case
                    .quotes(&QuoteFilter {
                        offset: Some(offset),
                        limit: Some(limit),
                        ..filter.clone()
                    })
                    .unwrap()
                    .iter()
                    .map(|q| q.id)
                    .collect();
                let end = (offset + limit).min(sorted.len());
                assert_eq!(
                    page,
                    sorted[offset..end],
                    "{when}: {filter:?} at {offset} in pages of {limit}"
                );
            }
        }
    }
}

#[test]
fn quotes_pages_read_from_their_day_are_the_sorted_list_through_every_change() {
    let (s, case) = quote_days();
    let all = case.quotes(&QuoteFilter::default()).unwrap();
    assert!(all.len() >= 20, "{} quotes", all.len());
    let scare = QuoteFilter {
        kind: Some("scare".into()),
        ..QuoteFilter::default()
    };
    assert!(!case.quotes(&scare).unwrap().is_empty(), "scare quotes");
    assert!(all.iter().any(|q| q.published.is_none()), "undated quotes");
    assert_every_page_is_the_sorted_list(&s, &case, "after the import");

    case.review_quote(all[all.len() / 2].id, ReviewStatus::Rejected)
        .unwrap();
    case.review_quote(all[1].id, ReviewStatus::Confirmed)
        .unwrap();
    assert_every_page_is_the_sorted_list(&s, &case, "after a quote is rejected");

    // The first document moves from its day to another, with its quotes.
    let moved = all[0].doc_id;
    case.edit_document(
        moved,
        &dossier::model::DocumentEdit {
            published: Some("2017-04-12T12:00:00Z".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_every_page_is_the_sorted_list(&s, &case, "after a document is dated anew");

    let middle = all[all.len() / 2].doc_id;
    case.delete_documents(&[middle]).unwrap();
    assert_every_page_is_the_sorted_list(&s, &case, "after a document goes to the trash");
    case.restore_documents(&[middle]).unwrap();
    assert_every_page_is_the_sorted_list(&s, &case, "after it is restored");
    case.reextract(None).unwrap();
    assert_every_page_is_the_sorted_list(&s, &case, "after extracting everything again");
}

/// What `verify` says of the case's kept tables that disagree with a recount, and all it says.
fn disagreements(s: &Sandbox) -> (Vec<String>, Vec<String>) {
    let report = dossier::Case::open(&s.case).unwrap().verify().unwrap();
    let kept = report
        .problems
        .iter()
        .filter(|p| p.contains("disagree"))
        .cloned()
        .collect();
    (kept, report.problems)
}
