//! The staged import (issue 23): documents are stored and searchable before the extraction
//! stage runs; the stage is durable (each document records the extractor version it was
//! extracted with), resumes where it stopped without doing a document twice or skipping one,
//! re-extracts after a version bump keeping reviewed rows, and `status --json` counts it all.
//! Kills of the real binary mid-stage are the crash campaign's (`scripts/crash-campaign.py`).

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{repo_path, stderr, Sandbox};

const PEOPLE: [(&str, &str); 4] = [
    ("Jane Smith", "a spokeswoman for the Justice Department"),
    ("Peter Levashov", "a Russian programmer"),
    ("Maria Lopez", "a police inspector in Barcelona"),
    ("Tom Becker", "a security researcher"),
];

/// `n` articles with quotes, people and dates, so that extraction has something to write.
fn write_articles(sandbox: &Sandbox, n: usize) {
    for i in 0..n {
        let (name, role) = PEOPLE[i % PEOPLE.len()];
        let surname = name.split(' ').next_back().unwrap();
        sandbox.write(
            &format!("a{i:03}.txt"),
            format!(
                "Hearing {i} on the Kelihos botnet\n\nBARCELONA, April {day}, 2017 — Peter \
                 Levashov appeared in court on Friday, case {i}. \"We took down the botnet, \
                 part {i},\" said {name}, {role}. \"The spam kept coming,\" {surname} said on \
                 Monday. The hearing resumes next week.\n",
                day = 1 + i % 27
            ),
        );
    }
}

fn status(sandbox: &Sandbox) -> Value {
    let (code, status) = sandbox.json(&["status"]);
    assert_eq!(code, 0, "{status}");
    status
}

fn counts(status: &Value) -> (u64, u64, u64) {
    (
        status["documents"].as_u64().unwrap(),
        status["extracted"].as_u64().unwrap(),
        status["pending"].as_u64().unwrap(),
    )
}

fn rows(sandbox: &Sandbox) -> Vec<Value> {
    ["quotes", "entities", "timeline"]
        .iter()
        .map(|what| sandbox.json(&[what]).1)
        .collect()
}

#[test]
fn search_finds_documents_whose_extraction_has_not_run() {
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 5);
    let (code, report) = sandbox.json(&[
        "import",
        "--no-extract",
        &sandbox.sources().display().to_string(),
    ]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 5);
    assert_eq!(counts(&status(&sandbox)), (5, 0, 5));
    assert_eq!(sandbox.json(&["quotes"]).1.as_array().unwrap().len(), 0);
    let (code, found) = sandbox.json(&["search", "Kelihos"]);
    assert_eq!(code, 0, "{found}");
    assert_eq!(found["total"], 5, "{found}");
    let (_, found) = sandbox.json(&["search", "Becker"]);
    assert_eq!(found["total"], 1, "{found}");
}

#[test]
fn status_json_counts_documents_extracted_and_pending() {
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 6);
    let sources = sandbox.sources().display().to_string();
    let (code, _) = sandbox.json(&["import", "--no-extract", &sources]);
    assert_eq!(code, 0);
    let status_now = status(&sandbox);
    assert_eq!(counts(&status_now), (6, 0, 6));
    assert_eq!(status_now["running"], false);
    assert_eq!(status_now["extractor_version"], dossier::EXTRACTOR_VERSION);

    // The next import runs the stage over everything pending, not only its own documents.
    let extra = sandbox.write("later/b.txt", "Later\n\n\"One more,\" said Jane Smith.\n");
    let (code, report) = sandbox.import(&[&extra]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 1);
    assert_eq!(report["extraction"]["documents"], 7, "{report}");
    assert_eq!(counts(&status(&sandbox)), (7, 7, 0));

    // Nothing pending: the stage does nothing, and says so.
    let (code, again) = sandbox.json(&["reextract", "--pending"]);
    assert_eq!(code, 0, "{again}");
    assert_eq!(again["documents"], 0);
    assert_eq!(again["quotes"], 0);
}

#[test]
fn import_no_wait_returns_searchable_documents_and_extracts_in_the_background() {
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 12);
    let sources = sandbox.sources().display().to_string();
    let (code, report) = sandbox.json(&["import", "--no-wait", &sources]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 12);
    assert!(report["extraction_pid"].as_u64().is_some(), "{report}");
    assert!(report["extraction"].is_null(), "{report}");
    // The documents are searchable at once, whatever the background process has done.
    let (_, found) = sandbox.json(&["search", "Kelihos"]);
    assert_eq!(found["total"], 12, "{found}");
    // The detached `reextract --pending` finishes the stage.
    let started = Instant::now();
    loop {
        let now = status(&sandbox);
        if now["pending"] == 0 && now["running"] == false {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the background extraction did not finish: {now}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(counts(&status(&sandbox)), (12, 12, 0));
    // What it wrote is what a waiting import writes.
    let waited = Sandbox::new();
    write_articles(&waited, 12);
    let (code, _) = waited.json(&["import", &waited.sources().display().to_string()]);
    assert_eq!(code, 0);
    assert_eq!(rows(&sandbox), rows(&waited));
    assert_eq!(sandbox.json(&["quotes"]).1.as_array().unwrap().len(), 24);
}

#[test]
fn a_stopped_stage_resumes_without_doubles_or_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir(&sources).unwrap();
    // More documents than one batch (64), so the stage stops between batches as well as
    // within one.
    for i in 0..150 {
        let (name, role) = PEOPLE[i % PEOPLE.len()];
        std::fs::write(
            sources.join(format!("a{i:03}.txt")),
            format!(
                "Memo {i}\n\nMADRID, May {day}, 2016 — \"Item {i} is filed,\" said {name}, \
                 {role}, on Tuesday.\n",
                day = 1 + i % 28
            ),
        )
        .unwrap();
    }
    let extracted_rows = |path: &Path| {
        let case = dossier::Case::open(path).unwrap();
        (
            case.quotes(&Default::default()).unwrap(),
            case.entities().unwrap(),
            case.extraction_status().unwrap(),
        )
    };
    let whole = dir.path().join("whole.dossier");
    let mut case = dossier::Case::create(&whole).unwrap();
    case.import_with(std::slice::from_ref(&sources), true, &mut |_| true)
        .unwrap();
    drop(case);
    let expected = extracted_rows(&whole);
    assert_eq!(expected.0.len(), 150);
    assert_eq!((expected.2.extracted, expected.2.pending), (150, 0));

    for stop_after in [1, 63, 64, 65, 100] {
        let path = dir.path().join(format!("stopped{stop_after}.dossier"));
        let mut case = dossier::Case::create(&path).unwrap();
        case.import_with(std::slice::from_ref(&sources), false, &mut |_| true)
            .unwrap();
        let first = case
            .extract_pending(&mut |p| {
                assert_eq!(p.total, 150);
                p.done < stop_after
            })
            .unwrap();
        assert_eq!(first.documents, stop_after);
        let status = case.extraction_status().unwrap();
        assert_eq!(
            (status.extracted, status.pending),
            (stop_after, 150 - stop_after)
        );
        let mut totals = Vec::new();
        let second = case
            .extract_pending(&mut |p| {
                totals.push(p.total);
                true
            })
            .unwrap();
        assert_eq!(second.documents, 150 - stop_after, "a document done twice");
        assert!(totals.iter().all(|&t| t == 150 - stop_after));
        drop(case);
        let got = extracted_rows(&path);
        assert_eq!(got.0, expected.0, "quotes after stopping at {stop_after}");
        assert_eq!(got.1, expected.1, "entities after stopping at {stop_after}");
        assert_eq!((got.2.extracted, got.2.pending), (150, 0));
    }
}

#[test]
fn an_extractor_version_bump_reextracts_and_keeps_reviewed_rows() {
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 8);
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    let quotes = sandbox.json(&["quotes"]).1;
    let quotes = quotes.as_array().unwrap().clone();
    assert_eq!(quotes.len(), 16);
    let id = |q: &Value| q["id"].as_i64().unwrap().to_string();
    let confirmed = id(&quotes[0]);
    let rejected = id(&quotes[3]);
    assert_eq!(
        sandbox.run(&["quote", "confirm", &confirmed]).status.code(),
        Some(0)
    );
    assert_eq!(
        sandbox.run(&["quote", "reject", &rejected]).status.code(),
        Some(0)
    );
    let before = sandbox.json(&["quotes"]).1;

    // What bumping EXTRACTOR_VERSION does to a case: every document's recorded version is now
    // older than the current one. Setting them back says the same without a second build.
    let conn = rusqlite::Connection::open(&sandbox.case).unwrap();
    conn.execute("UPDATE document_extraction SET version = 0", [])
        .unwrap();
    drop(conn);
    assert_eq!(counts(&status(&sandbox)), (8, 0, 8));

    let (code, report) = sandbox.json(&["reextract", "--pending"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["documents"], 8);
    assert_eq!(report["kept_reviewed"], 2, "{report}");
    assert_eq!(counts(&status(&sandbox)), (8, 8, 0));
    let after = sandbox.json(&["quotes"]).1;
    let after = after.as_array().unwrap();
    // No quote proposed twice: the reviewed ones are kept, with their ids and statuses, and
    // not proposed again beside themselves (the list leaves rejected quotes out).
    assert_eq!(after.len(), 15);
    assert_eq!(after.len(), before.as_array().unwrap().len());
    let confirmed_now: Vec<String> = after
        .iter()
        .filter(|q| q["status"] == "confirmed")
        .map(id)
        .collect();
    assert_eq!(confirmed_now, vec![confirmed]);
    let rejected_now = sandbox.json(&["quotes", "--status", "rejected"]).1;
    let rejected_now: Vec<String> = rejected_now.as_array().unwrap().iter().map(id).collect();
    assert_eq!(rejected_now, vec![rejected]);
    let texts = |qs: &[Value]| {
        let mut t: Vec<String> = qs.iter().map(|q| q["text"].to_string()).collect();
        t.sort();
        t
    };
    assert_eq!(texts(after), texts(before.as_array().unwrap()));
}

#[test]
fn a_case_from_before_the_stage_counts_what_it_extracted_as_done() {
    // A case as a build before migration 0014 left it: documents imported with extraction
    // have quotes, mentions and events; those imported with `--no-extract` have none.
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 3);
    assert_eq!(sandbox.import(&[&sandbox.sources()]).0, 0);
    let later = sandbox.write("later/b.txt", "Later\n\n\"Not yet,\" said Jane Smith.\n");
    let out = sandbox.run(&["import", "--no-extract", &later.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let conn = rusqlite::Connection::open(&sandbox.case).unwrap();
    // Every migration from 0014 on is undone, whatever came after it, so the case is as a
    // build before the stage left it.
    undo_migrations_from(&conn, 14);
    drop(conn);
    // Opening it migrates: the three extracted documents count as extracted by version 1 (the
    // extractors before the stage), the fourth as never extracted. This build's extractors
    // are version 2, so all four are pending and the stage extracts them again.
    assert_eq!(counts(&status(&sandbox)), (4, 0, 4));
    let conn = rusqlite::Connection::open(&sandbox.case).unwrap();
    let labelled: Vec<(i64, i64)> = conn
        .prepare("SELECT document_id, version FROM document_extraction ORDER BY document_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(labelled, vec![(1, 1), (2, 1), (3, 1)]);
    drop(conn);
    let (_, report) = sandbox.json(&["reextract", "--pending"]);
    assert_eq!(report["documents"], 4);
    assert_eq!(counts(&status(&sandbox)), (4, 4, 0));

    // The first schema had no extraction at all: its document is pending.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.dossier");
    std::fs::copy(repo_path("tests/fixtures/cases/v1.dossier"), &copy).unwrap();
    let case = dossier::Case::open(&copy).unwrap();
    let status = case.extraction_status().unwrap();
    assert_eq!(
        (status.documents, status.extracted, status.pending),
        (1, 0, 1)
    );
    assert_eq!(case.extract_pending(&mut |_| true).unwrap().documents, 1);
    assert_eq!(case.extraction_status().unwrap().pending, 0);
}

#[test]
fn quotes_extracted_after_the_import_are_searchable_though_the_newest_journal_row_names_their_document(
) {
    // The quote trigger skips journaling a document the newest journal row already names,
    // and after an import of one document that row is the document's own, already indexed:
    // its quotes, extracted later by the stage or by `reextract --doc`, went unindexed.
    for extract in [
        &["reextract", "--pending"][..],
        &["reextract", "--doc", "1"][..],
    ] {
        let sandbox = Sandbox::new();
        let file = sandbox.write("one.txt", "One\n\n\"We kept it,\" said Maria Lopez.\n");
        let out = sandbox.run(&["import", "--no-extract", &file.display().to_string()]);
        assert!(out.status.success(), "{}", stderr(&out));
        let (_, found) = sandbox.json(&["search", "kind:quote kept"]);
        assert_eq!(found["total"], 0, "{found}");
        let out = sandbox.run(extract);
        assert!(out.status.success(), "{}", stderr(&out));
        let (_, found) = sandbox.json(&["search", "kind:quote kept"]);
        assert_eq!(found["total"], 1, "{extract:?}: {found}");
        let (_, found) = sandbox.json(&["search", "speaker:lopez"]);
        assert_eq!(found["total"], 1, "{extract:?}: {found}");
    }
}

/// The ids each pending queue holds, and the ids a walk over every document finds pending
/// (the stage's reads before migration 0023), which must always be the same.
fn queues_and_walks(case: &Path) -> [(Vec<i64>, Vec<i64>); 2] {
    let conn = rusqlite::Connection::open(case).unwrap();
    let ids = |sql: &str| -> Vec<i64> {
        conn.prepare(sql)
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    [
        (
            ids("SELECT document_id FROM extraction_pending ORDER BY 1"),
            ids("SELECT d.id FROM documents d LEFT JOIN document_extraction e
                 ON e.document_id = d.id
                 WHERE e.version IS NULL OR e.version < (SELECT max(version) FROM document_extraction)
                 ORDER BY 1"),
        ),
        (
            ids("SELECT document_id FROM grouping_pending ORDER BY 1"),
            ids("SELECT d.id FROM documents d WHERE NOT EXISTS
                 (SELECT 1 FROM document_signatures s WHERE s.document_id = d.id) ORDER BY 1"),
        ),
    ]
}

#[track_caller]
fn assert_queued(sandbox: &Sandbox, extraction: &[i64], grouping: &[i64]) {
    let [(extraction_queue, extraction_walk), (grouping_queue, grouping_walk)] =
        queues_and_walks(&sandbox.case);
    assert_eq!(extraction_queue, extraction, "the extraction queue");
    assert_eq!(extraction_walk, extraction, "a walk over every document");
    assert_eq!(grouping_queue, grouping, "the grouping queue");
    assert_eq!(grouping_walk, grouping, "a walk over every document");
}

#[test]
fn the_stage_found_its_work_by_walking_every_document_now_its_queues_stay_exact() {
    // At a million documents the stage's count and first read walked the whole documents
    // table for each of its two passes, 3 s from a cold cache for 1,000 new articles. The
    // queues that replace the walk are kept by triggers; here they follow every way a
    // document comes, goes, is done or becomes pending again.
    let sandbox = Sandbox::new();
    write_articles(&sandbox, 3);
    let run = |args: &[&str]| {
        let out = sandbox.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    };
    run(&[
        "import",
        "--no-extract",
        &sandbox.sources().display().to_string(),
    ]);
    assert_queued(&sandbox, &[1, 2, 3], &[1, 2, 3]);
    run(&["reextract", "--pending"]);
    assert_queued(&sandbox, &[], &[]);

    let later = sandbox.write("later/d.txt", "Later\n\n\"Not yet,\" said Jane Smith.\n");
    run(&["import", "--no-extract", &later.display().to_string()]);
    assert_queued(&sandbox, &[4], &[4]);
    // A document in the trash is nobody's work; restored, it is pending again if it was
    // never done, and not if it was.
    run(&["delete", "4", "1"]);
    assert_queued(&sandbox, &[], &[]);
    run(&["restore", "4", "1"]);
    assert_queued(&sandbox, &[4], &[4]);
    run(&["delete", "--purge", "4"]);
    assert_queued(&sandbox, &[], &[]);

    // An older extractor's document is found by the stage from the version index, and a
    // deleted extraction row (a new OCR text does that) queues its document again.
    let conn = rusqlite::Connection::open(&sandbox.case).unwrap();
    conn.execute(
        "UPDATE document_extraction SET version = 1 WHERE document_id = 2",
        [],
    )
    .unwrap();
    conn.execute("DELETE FROM document_extraction WHERE document_id = 3", [])
        .unwrap();
    drop(conn);
    let [(extraction_queue, _), _] = queues_and_walks(&sandbox.case);
    assert_eq!(extraction_queue, vec![3]);
    assert_eq!(counts(&status(&sandbox)), (3, 1, 2));
    let (_, report) = sandbox.json(&["reextract", "--pending"]);
    assert_eq!(report["documents"], 2, "{report}");
    assert_queued(&sandbox, &[], &[]);
    assert_eq!(counts(&status(&sandbox)), (3, 3, 0));
}

/// Takes a case back to the schema it had before migration `first` (by file number): drops
/// what every migration file from `first` on created (tables, indexes, triggers) and the
/// columns they added, newest first, and lowers the schema version by as many migrations. So
/// a test of an old case stays true as later migrations are added.
fn undo_migrations_from(conn: &rusqlite::Connection, first: u32) {
    let mut files: Vec<(u32, std::path::PathBuf)> = std::fs::read_dir(repo_path("migrations"))
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let number = path.file_name()?.to_str()?.get(..4)?.parse().ok()?;
            (number >= first).then_some((number, path))
        })
        .collect();
    files.sort();
    let create = regex::Regex::new(
        r"(?i)CREATE\s+(?:UNIQUE\s+)?(TABLE|INDEX|TRIGGER|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)",
    )
    .unwrap();
    let add_column =
        regex::Regex::new(r"(?i)ALTER\s+TABLE\s+(\w+)\s+ADD\s+COLUMN\s+(\w+)").unwrap();
    let mut undo = Vec::new();
    for (_, path) in &files {
        let sql = std::fs::read_to_string(path).unwrap();
        let sql: String = sql
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .collect::<Vec<_>>()
            .join("\n");
        // In the file's order, so that an index on an added column is dropped before it.
        let mut in_file: Vec<(usize, String)> = create
            .captures_iter(&sql)
            .map(|m| {
                (
                    m.get(0).unwrap().start(),
                    format!("DROP {} IF EXISTS {};", &m[1], &m[2]),
                )
            })
            .chain(add_column.captures_iter(&sql).map(|m| {
                (
                    m.get(0).unwrap().start(),
                    format!("ALTER TABLE {} DROP COLUMN {};", &m[1], &m[2]),
                )
            }))
            .collect();
        in_file.sort();
        undo.extend(in_file.into_iter().map(|(_, statement)| statement));
    }
    // Triggers and indexes before their tables, newest first.
    undo.reverse();
    undo.sort_by_key(|statement| !statement.starts_with("DROP TRIGGER") as u8);
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    for statement in &undo {
        conn.execute_batch(statement)
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    conn.pragma_update(None, "user_version", version - files.len() as i64)
        .unwrap();
}
