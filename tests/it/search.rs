//! Full-text search through the CLI and the `Case` API: every query form against small
//! fixtures with known answers, the seed article, the index's lifecycle (missing, corrupt,
//! lagging) and its segment count over many imports.

use serde_json::Value;

use crate::support::*;

/// Four small news records whose words, dates and outlets make every answer checkable.
fn fixture() -> Sandbox {
    let sandbox = Sandbox::new();
    let records = [
        (
            "a1",
            "Botnet takedown in Zürich",
            "Apr 3, 2017",
            "Police dismantled the Kelihos botnet. The spam czar was arrested.",
        ),
        (
            "a2",
            "Election report",
            "Mar 15, 2017",
            "Investigators said botnets were running. Kelihos and other botnet operators \
             used spam to reach voters.",
        ),
        (
            "a3",
            "Weather notes",
            "2016",
            "A quiet spring with light rain in Zurich and nothing about networks.",
        ),
        (
            "a4",
            "Spam filters improve",
            "Jan 9, 2018",
            "Filtering spammers became easier; the czar of spam filtering spoke.",
        ),
    ];
    for (id, title, date, content) in records {
        sandbox.write(&format!("{id}.txt"), news_record(id, title, date, content));
    }
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 4);
    sandbox
}

fn search(sandbox: &Sandbox, args: &[&str]) -> Value {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    let (code, value) = sandbox.json(&all);
    assert_eq!(code, 0, "{args:?}: {value}");
    value
}

/// The titles of the hits of `query`, in rank order, with the exact total.
fn titles(sandbox: &Sandbox, query: &str) -> (u64, Vec<String>) {
    let value = search(sandbox, &[query]);
    let hits = value["hits"].as_array().unwrap();
    let titles = hits
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    (value["total"].as_u64().unwrap(), titles)
}

/// Each case: a query and the set of titles it must find (order checked separately).
fn check(sandbox: &Sandbox, cases: &[(&str, &[&str])]) {
    for (query, expected) in cases {
        let (total, mut found) = titles(sandbox, query);
        found.sort();
        let mut expected: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
        expected.sort();
        assert_eq!(found, expected, "query {query:?}");
        assert_eq!(total as usize, expected.len(), "total of {query:?}");
    }
}

const A1: &str = "Botnet takedown in Zürich";
const A2: &str = "Election report";
const A3: &str = "Weather notes";
const A4: &str = "Spam filters improve";

#[test]
fn every_query_form_finds_exactly_its_documents() {
    let s = fixture();
    check(
        &s,
        &[
            // Words, stemmed and ANDed; case and diacritics folded.
            ("kelihos", &[A1, A2]),
            ("KELIHOS botnet", &[A1, A2]),
            ("botnets", &[A1, A2]),
            ("zurich", &[A1, A3]),
            ("Zürich", &[A1, A3]),
            ("kelihos weather", &[]),
            ("kelihos AND arrested", &[A1]),
            // Phrases are exact: no stemming inside quotes.
            ("\"spam czar\"", &[A1]),
            ("\"botnets were\"", &[A2]),
            ("\"botnet were\"", &[]),
            // Proximity.
            ("\"kelihos botnet\"~3", &[A1, A2]),
            ("\"kelihos operators\"", &[]),
            ("\"kelihos operators\"~3", &[A2]),
            // OR, NOT, -word and parentheses.
            ("weather OR election", &[A2, A3]),
            ("spam -kelihos", &[A4]),
            ("spam NOT kelihos", &[A4]),
            ("-spam", &[A3]),
            ("(weather OR filters) rain", &[A3]),
            ("spam (kelihos OR filtering) -arrested", &[A2, A4]),
            // Prefix and fuzzy.
            ("spamm*", &[A4]),
            ("invest*", &[A2]),
            ("kelihso~", &[A1, A2]),
            ("kelhos~1", &[A1, A2]),
            ("klehos~2", &[A1, A2]),
            // Field filters.
            ("title:spam", &[A4]),
            ("title:\"botnet takedown\"", &[A1]),
            ("title:zurich", &[A1]),
            ("outlet:example", &[A1, A2, A3, A4]),
            ("outlet:\"news example\"", &[A1, A2, A3, A4]),
            ("outlet:reuters", &[]),
            ("kind:article", &[A1, A2, A3, A4]),
            ("kind:email", &[]),
            ("kind:document spam", &[A1, A2, A4]),
            ("tag:botnet", &[]),
            ("speaker:levashov", &[]),
            // Dates overlap the document's published interval.
            ("date:2017-04", &[A1]),
            ("date:2017", &[A1, A2]),
            ("date:2017-03-01..2017-04-30", &[A1, A2]),
            ("date:2016-06", &[A3]),
            ("after:2016", &[A1, A2, A4]),
            ("before:2017", &[A3]),
            ("before:2018 spam", &[A1, A2]),
            ("after:2017-03-31 before:2018", &[A1]),
        ],
    );
}

#[test]
fn doc_filter_ranking_paging_sorting_and_facets() {
    let s = fixture();
    let docs = s.docs();
    let id_of = |title: &str| {
        docs.iter()
            .find(|d| d["title"] == title)
            .map(|d| d["id"].as_i64().unwrap())
            .unwrap()
    };
    let a4 = id_of(A4).to_string();
    check(
        &s,
        &[
            (&format!("doc:{a4}"), &[A4]),
            (&format!("spam -doc:{a4}"), &[A1, A2]),
        ],
    );
    // The title match ranks first.
    let (_, ranked) = titles(&s, "spam");
    assert_eq!(ranked[0], A4);
    // Paging keeps the exact total.
    let page = search(&s, &["spam", "--limit", "1", "--offset", "1"]);
    assert_eq!(page["total"], 3);
    assert_eq!(page["hits"].as_array().unwrap().len(), 1);
    assert_eq!(page["hits"][0]["title"], ranked[1]);
    // Newest first when sorted by date.
    let by_date = search(&s, &["spam", "--sort", "date"]);
    let order: Vec<&str> = by_date["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(order, [A4, A1, A2]);
    assert_eq!(by_date["hits"][0]["score"], Value::Null);
    // Hits carry the documented fields, and the facets count all matches.
    let all = search(&s, &["spam"]);
    let hit = &all["hits"][0];
    for key in ["kind", "id", "doc_id", "title", "score", "snippet"] {
        assert!(hit.get(key).is_some(), "hit has no {key}: {hit}");
    }
    assert_eq!(hit["kind"], "document");
    assert_eq!(hit["id"], hit["doc_id"]);
    assert!(all["took_us"].as_u64().is_some());
    assert_eq!(
        all["facets"]["kind"],
        serde_json::json!([{"value": "article", "count": 3}])
    );
    assert_eq!(
        all["facets"]["year"],
        serde_json::json!([{"value": "2017", "count": 2}, {"value": "2018", "count": 1}])
    );
    assert_eq!(
        all["facets"]["outlet"],
        serde_json::json!([{"value": "news.example.com", "count": 3}])
    );
}

#[test]
fn snippets_highlight_the_query_words() {
    let s = fixture();
    let value = search(&s, &["\"spam czar\""]);
    let snippet = value["hits"][0]["snippet"].as_str().unwrap();
    assert!(
        snippet.contains("The «spam» «czar» was arrested."),
        "{snippet}"
    );
    let value = search(&s, &["zurich"]);
    let a3 = value["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["title"] == A3)
        .unwrap();
    assert!(a3["snippet"].as_str().unwrap().contains("rain in «Zurich»"));
}

#[test]
fn the_seed_answers_its_questions() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let title = "Spam Czar Nabbed in Spain May Have Link to Election Tampering";
    for query in [
        "Kelihos",
        "\"spam czar\"",
        "date:2017-04",
        "levashov",
        "LEVASHOV",
    ] {
        let (total, found) = titles(&s, query);
        assert_eq!((total, found), (1, vec![title.to_string()]), "{query}");
    }
    assert_eq!(titles(&s, "date:2017-05").0, 0);
    let human = s.run(&["search", "kelihos"]);
    assert!(human.status.success());
    let out = stdout(&human);
    assert!(out.starts_with("1 hit for kelihos"), "{out}");
    assert!(out.contains("«Kelihos»"), "{out}");
}

#[test]
fn malformed_queries_get_positioned_errors() {
    let s = fixture();
    for (query, message) in [
        ("\"spam czar", "unclosed quote at character 0 of the query"),
        (
            "spam (czar",
            "unclosed parenthesis at character 5 of the query",
        ),
        (
            "spam OR",
            "OR needs a term after it at character 5 of the query",
        ),
        ("kind:memo", "unknown kind 'memo'"),
        ("date:2017-13", "'2017-13' is not a date"),
        ("nosuch:x", "unknown field 'nosuch:'"),
        ("", "empty query"),
    ] {
        let (code, err) = s.json(&["search", query]);
        assert_eq!(code, 1, "{query}");
        assert_eq!(err["error"]["code"], "invalid_input", "{query}");
        let got = err["error"]["message"].as_str().unwrap();
        assert!(got.starts_with(message), "{query}: {got}");
    }
}

#[test]
fn batch_csv_and_saved_searches() {
    let s = fixture();
    let batch = s.write("queries.txt", "kelihos\n\n\"spam czar\"\nspam (\nzurich\n");
    let out = s.run(&["search", "--batch", &batch.display().to_string(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let summary: Vec<(String, Value)> = lines
        .iter()
        .map(|l| (l["query"].as_str().unwrap().to_string(), l["total"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            ("kelihos".to_string(), Value::from(2)),
            ("\"spam czar\"".to_string(), Value::from(1)),
            ("spam (".to_string(), Value::Null),
            ("zurich".to_string(), Value::from(2)),
        ]
    );
    assert_eq!(lines[2]["error"]["code"], "invalid_input");
    assert_eq!(lines[0]["hits"].as_array().unwrap().len(), 2);

    // CSV has every hit, not one page.
    let csv = s.dir.path().join("hits.csv");
    let csv_arg = csv.display().to_string();
    let (code, value) = s.json(&["search", "spam", "--limit", "1", "--csv", &csv_arg]);
    assert_eq!(code, 0, "{value}");
    assert_eq!(value["hits"], 3);
    let text = std::fs::read_to_string(&csv).unwrap();
    let rows: Vec<&str> = text.lines().collect();
    assert_eq!(rows[0], "doc_id,kind,title,url,published,score,snippet");
    assert_eq!(rows.len(), 4);
    assert!(
        text.contains(",https://news.example.com/a4,2018-01-09,"),
        "{text}"
    );

    // Saved searches are kept in the case and re-run by name.
    let (code, saved) = s.json(&["search", "--save", "bots", "kelihos -arrested"]);
    assert_eq!(code, 0, "{saved}");
    let (code, err) = s.json(&["search", "--save", "broken", "spam ("]);
    assert_eq!(
        (code, err["error"]["code"].as_str()),
        (1, Some("invalid_input"))
    );
    let (_, list) = s.json(&["searches"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["name"], "bots");
    assert_eq!(list[0]["query"], "kelihos -arrested");
    let run = search(&s, &["--run", "bots"]);
    assert_eq!(run["total"], 1);
    assert_eq!(run["hits"][0]["title"], A2);
    let (code, err) = s.json(&["search", "--run", "nope"]);
    assert_eq!(
        (code, err["error"]["code"].as_str()),
        (1, Some("not_found"))
    );
}

#[test]
fn a_deleted_or_corrupted_index_is_rebuilt_transparently() {
    let s = fixture();
    let index = dossier::search::index_dir(&s.case);
    assert!(index.join("meta.json").exists());

    std::fs::remove_dir_all(&index).unwrap();
    let out = s.run(&["search", "kelihos", "--json"]);
    assert!(out.status.success());
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["total"], 2);
    assert!(value["notice"].as_str().unwrap().contains("was missing"));
    assert!(stderr(&out).contains("note: the search index was missing; rebuilt it"));

    // Every file of the index overwritten with garbage.
    for entry in std::fs::read_dir(&index).unwrap() {
        std::fs::write(entry.unwrap().path(), b"garbage").unwrap();
    }
    let value = search(&s, &["kelihos"]);
    assert_eq!(value["total"], 2);
    assert!(
        value["notice"].as_str().unwrap().contains("rebuilt"),
        "{value}"
    );

    // Segment files truncated, meta.json intact.
    for entry in std::fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".json") && !name.starts_with('.') {
            let bytes = std::fs::read(&path).unwrap();
            std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        }
    }
    let value = search(&s, &["kelihos"]);
    assert_eq!(value["total"], 2);
    assert!(
        value["notice"].as_str().unwrap().contains("rebuilt"),
        "{value}"
    );

    // A healthy index says nothing; reindex rebuilds on demand.
    assert_eq!(search(&s, &["kelihos"])["notice"], Value::Null);
    let (code, report) = s.json(&["reindex"]);
    assert_eq!((code, report["documents"].as_u64()), (0, Some(4)));
    assert_eq!(search(&s, &["kelihos"])["total"], 2);
}

#[test]
fn an_index_of_an_older_schema_is_rebuilt_on_open() {
    let s = fixture();
    let meta = dossier::search::index_dir(&s.case).join("meta.json");
    let current = std::fs::read_to_string(&meta).unwrap();
    // The payload is JSON inside meta.json's JSON, so its quotes are escaped.
    let version = dossier::search::SCHEMA_VERSION;
    let mark = format!("\\\"schema_version\\\":{version}");
    assert!(current.contains(&mark), "{current}");
    let older = format!("\\\"schema_version\\\":{}", version - 1);
    std::fs::write(&meta, current.replace(&mark, &older)).unwrap();

    let value = search(&s, &["kelihos"]);
    assert_eq!(value["total"], 2);
    let notice = value["notice"].as_str().unwrap();
    assert!(
        notice.contains(&format!(
            "was built by another version of Dossier (schema {}, now {version}); rebuilt it",
            version - 1
        )),
        "{notice}"
    );
    // Rebuilt once: the next search finds a current index and says nothing.
    assert_eq!(search(&s, &["kelihos"])["notice"], Value::Null);
    assert!(std::fs::read_to_string(&meta).unwrap().contains(&mark));
}

#[test]
fn the_index_catches_up_with_what_sqlite_holds() {
    let s = fixture();
    // Another program (or a crash before the index commit) changes the case behind the
    // index's back: the journal written by SQLite triggers makes the next search catch up.
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute(
        "UPDATE documents SET title = 'Renamed weather' WHERE title = ?1",
        [A3],
    )
    .unwrap();
    drop(conn);
    let value = search(&s, &["title:renamed"]);
    assert_eq!(value["total"], 1);
    assert!(
        value["notice"].as_str().unwrap().contains("behind"),
        "{value}"
    );
    // Edits through the API are indexed at once.
    let case = dossier::Case::open(&s.case).unwrap();
    let id = s.docs().iter().find(|d| d["title"] == A4).unwrap()["id"]
        .as_i64()
        .unwrap();
    case.update_document(id, None, Some("Filters for junk mail"))
        .unwrap();
    let found = case
        .search(&dossier::SearchRequest::new("title:junk"))
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.notice, None);
}

#[test]
fn a_hundred_imports_keep_segments_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let case_path = dir.path().join("many.dossier");
    drop(dossier::Case::create(&case_path).unwrap());
    for i in 0..100 {
        let file = dir.path().join(format!("src/{i}.txt"));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        let content = format!("Report number {i} about the botnet.");
        std::fs::write(&file, news_record(&i.to_string(), "Report", "", &content)).unwrap();
        // A fresh `Case` each time, as separate CLI runs would open it.
        let mut case = dossier::Case::open(&case_path).unwrap();
        let report = case.import(&[file], &mut |_| true).unwrap();
        assert_eq!(report.imported, 1);
        assert!(
            report.warnings.is_empty(),
            "import {i}: {:?}",
            report.warnings
        );
    }
    let case = dossier::Case::open(&case_path).unwrap();
    let segments = case.search_segment_count().unwrap();
    assert!(segments <= 30, "{segments} segments");
    // A merge's inputs leave the disk once merged, not at some later commit (issue 23: a
    // rebuilt 100k index left 572 MB on disk for 320 MB of segments).
    let on_disk: std::collections::BTreeSet<String> =
        std::fs::read_dir(dossier::search::index_dir(&case_path))
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|name| name.len() > 33 && name.as_bytes()[32] == b'.')
            .map(|name| name[..32].to_string())
            .collect();
    assert_eq!(on_disk.len(), segments, "{on_disk:?}");
    let found = case.search(&dossier::SearchRequest::new("botnet")).unwrap();
    assert_eq!(found.total, 100);
    assert_eq!(found.notice, None);
    let found = case
        .search(&dossier::SearchRequest::new("\"number 42\""))
        .unwrap();
    assert_eq!(found.total, 1);
}

/// Issue 23: facets are about documents. A plain search counts the matching documents' kinds
/// and years even though the same words are in quote and event hits (whose years, such as
/// the 2012 elections the seed mentions, must not leak in), and speakers, kept in a facet
/// field of their own so that document searches never walk them, still count every quote a
/// quote search finds.
#[test]
fn facets_count_documents_only_and_speakers_only_for_quote_searches() {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");

    let plain = search(&s, &["kelihos"]);
    assert_eq!(plain["total"], 1, "{plain}");
    assert_eq!(
        plain["facets"]["kind"],
        serde_json::json!([{"value": "article", "count": 1}])
    );
    assert_eq!(
        plain["facets"]["year"],
        serde_json::json!([{"value": "2017", "count": 1}])
    );
    assert_eq!(plain["facets"]["speaker"], serde_json::json!([]));
    // The words are in other hits too, so the counts above really left them out.
    assert!(
        search(&s, &["kind:quote kelihos"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );
    assert!(
        search(&s, &["kind:event elections"])["total"]
            .as_u64()
            .unwrap()
            > 0
    );

    // A quote search counts speakers: as many per person as the quotes list holds.
    let (code, quotes) = s.json(&["quotes"]);
    assert_eq!(code, 0, "{quotes}");
    let mut expected = std::collections::BTreeMap::new();
    for quote in quotes.as_array().unwrap() {
        if let Some(name) = quote["speaker"].as_str() {
            *expected.entry(name.to_string()).or_insert(0u64) += 1;
        }
    }
    assert!(expected.len() >= 4, "{expected:?}");
    let found = search(&s, &["kind:quote", "--limit", "1000"]);
    assert_eq!(
        found["total"].as_u64(),
        Some(quotes.as_array().unwrap().len() as u64)
    );
    assert_eq!(
        found["facets"]["kind"],
        serde_json::json!([{"value": "quote", "count": found["total"]}])
    );
    let counted: std::collections::BTreeMap<String, u64> = found["facets"]["speaker"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["value"].as_str().unwrap().to_string(),
                f["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counted, expected);
    let kremez = search(&s, &["speaker:kremez"]);
    assert_eq!(
        kremez["facets"]["speaker"],
        serde_json::json!([{"value": "Vitali Kremez", "count": expected["Vitali Kremez"]}])
    );
}

/// Issue 23: quote, event and note hits keep their words apart from documents' (so document
/// searches read shorter posting lists). They are still found by their words, their snippets
/// are still cut from them, a negated word still excludes the hits that hold it, and a
/// speaker's role is still searchable.
#[test]
fn other_hits_are_found_and_excluded_by_their_own_words() {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    let total = |query: &str| search(&s, &[query])["total"].as_u64().unwrap();

    let (_, quotes) = s.json(&["quotes"]);
    let kremez: Vec<String> = quotes
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["speaker"] == "Vitali Kremez")
        .map(|q| q["text"].as_str().unwrap().to_lowercase())
        .collect();
    let with = kremez.iter().filter(|t| t.contains("prosecution")).count() as u64;
    assert!(with > 0 && with < kremez.len() as u64, "{kremez:?}");
    assert_eq!(total("speaker:kremez"), kremez.len() as u64);
    assert_eq!(total("speaker:kremez prosecution"), with);
    assert_eq!(
        total("speaker:kremez -prosecution"),
        kremez.len() as u64 - with
    );

    // Every event either mentions Kelihos or does not.
    let events = total("kind:event");
    let kelihos = total("kind:event kelihos");
    assert!(kelihos > 0 && kelihos < events, "{kelihos} of {events}");
    assert_eq!(total("kind:event -kelihos"), events - kelihos);

    let found = search(&s, &["kind:quote kelihos"]);
    assert!(found["total"].as_u64().unwrap() > 0, "{found}");
    let snippet = found["hits"][0]["snippet"].as_str().unwrap();
    assert!(snippet.contains("«Kelihos»"), "{snippet}");

    let analysts = quotes
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| q["role"].as_str().is_some_and(|r| r.contains("analyst")))
        .count() as u64;
    assert!(analysts > 0);
    assert!(total("kind:quote analyst") >= analysts);
    // A plain search still finds the one document, not its quotes or events.
    assert_eq!(total("kelihos"), 1);
}

/// Issue 23: a plain search no longer intersects every query with all document hits. A query
/// that needs a word in a document's own fields (title, text, keywords, outlet) only leaves
/// out notes, which share titles, and not even that in a case without notes; any other query
/// keeps the document filter. Either way the totals are those of documents alone.
#[test]
fn a_plain_search_skipped_the_document_filter_and_still_lists_only_documents() {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    let total = |query: &str| search(&s, &[query])["total"].as_u64().unwrap();
    // Kelihos is in the document, its quotes and its events; the plain forms find the source.
    let plain = [
        "kelihos",
        "kelihos botnet",
        "\"kelihos botnet\"",
        "kelih*",
        "kelihoss~1",
        "kelihos OR botnet",
        "kelihos -zanzibar",
        "kelihos date:2017",
    ];
    let before: Vec<u64> = plain.iter().map(|q| total(q)).collect();
    assert!(before.iter().all(|&n| n == 1), "{before:?}");
    assert!(total("kind:quote kelihos") > 0 && total("kind:event kelihos") > 0);
    // Queries that other hits can match through shared fields keep the filter.
    assert_eq!(total("date:2017"), 1);
    assert_eq!(total("-zanzibar"), 1);

    let file = s.write(
        "n.md",
        "Kelihos and its botnet, as the indictment tells it.",
    );
    let (code, note) = s.json(&[
        "note",
        "add",
        "--title",
        "Kelihos botnet timeline",
        "--file",
        &file.display().to_string(),
    ]);
    assert_eq!(code, 0, "{note}");
    let after: Vec<u64> = plain.iter().map(|q| total(q)).collect();
    assert_eq!(after, before, "a note joined a plain search");
    assert_eq!(total("title:kelihos"), total("title:kelihos kind:document"));
    assert_eq!(total("kind:note kelihos"), 1);
    assert_eq!(total("kind:note title:timeline"), 1);
}

/// The facet columns are kept per segment between searches (issue 23), and a segment may have
/// no column at all for a facet field none of its hits has: a quote search in a case whose
/// sources quote no one counts no speakers, and after an import with quotes, the same open
/// case counts the new segment's speakers and years.
#[test]
fn facet_columns_kept_between_searches_follow_new_segments_and_missing_speakers() {
    let s = Sandbox::new();
    s.write(
        "plain.txt",
        news_record(
            "p1",
            "Harbour report",
            "Mar 2, 2016",
            "The harbour was calm.",
        ),
    );
    let (code, report) = s.import(&[&s.sources()]);
    assert_eq!(code, 0, "{report}");
    let mut case = dossier::Case::open(&s.case).unwrap();
    let search = |case: &dossier::Case, query: &str| {
        case.search(&dossier::SearchRequest::new(query)).unwrap()
    };
    let quotes = search(&case, "kind:quote");
    assert_eq!(quotes.total, 0);
    assert!(quotes.facets.speaker.is_empty());
    let years = |found: &dossier::SearchResults| -> Vec<String> {
        found.facets.year.iter().map(|y| y.value.clone()).collect()
    };
    assert_eq!(years(&search(&case, "harbour OR kelihos")), ["2016"]);

    case.import(&[seed_path()], &mut |_| true).unwrap();
    let quotes = search(&case, "kind:quote");
    assert!(quotes.total > 0);
    assert!(!quotes.facets.speaker.is_empty());
    assert_eq!(
        years(&search(&case, "harbour OR kelihos")),
        ["2016", "2017"]
    );
}
