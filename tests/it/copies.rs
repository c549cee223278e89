//! Near-duplicate sources (issue 21): syndicated copies of one story are grouped at import,
//! each kept as its own document, with the earliest by publication date and each copy's
//! similarity to it; `docs --json` gives the group, `copies ID` lists it, `search
//! --collapse-copies` shows a group as one hit, and `copies ID --diff` shows a copy's changed
//! words.

use serde_json::Value;

use crate::support::{news_record, Sandbox};

const STORY: [&str; 6] = [
    "The city council voted on Tuesday to close the harbour bridge for repairs that engineers say are overdue by a decade.",
    "Mayor Ana Lopez said the closure would last nine months and that ferries would run every twenty minutes during the works.",
    "\"We cannot keep patching a structure that carries forty thousand cars a day,\" Lopez told reporters outside city hall.",
    "Shop owners on the north bank fear the detour will cost them customers, and a petition against the timing has gathered signatures.",
    "The repairs are expected to cost 120 million euros, most of it from a regional fund approved last spring.",
    "Opposition councillors abstained, saying the plan for buses had not been published before the vote was called.",
];

const OTHER: &str = "The national team beat its rivals three goals to one on Saturday night, its \
    coach praising a defence that had conceded nine goals in the spring.\n\nFans filled the \
    stadium despite the rain and the late kick-off, and the captain thanked them on the pitch \
    after the final whistle.\n\nThe team plays its next qualifier in Lisbon in October.";

/// Writes the story as published by several outlets: the wire's original, a trimmed copy, a
/// copy with its paragraphs reordered, a new headline and one word of the quote changed, and
/// an unrelated article. Returns nothing; ids follow the file names' order.
fn write_outlets(sandbox: &Sandbox) {
    let original = STORY.join("\n\n");
    let trimmed = STORY[..5].join("\n\n");
    let mut reordered: Vec<String> = STORY.iter().map(|p| p.to_string()).collect();
    reordered.swap(0, 3);
    reordered[2] = reordered[2].replace("forty thousand", "fifty thousand");
    let reordered = reordered.join("\n\n");
    // The trimmed copy is imported first but published a day after the original.
    sandbox.write(
        "1-trimmed.txt",
        news_record("trimmed", "Bridge to close", "2017-04-13", &trimmed),
    );
    sandbox.write(
        "2-wire.txt",
        news_record(
            "wire",
            "Council votes to shut harbour bridge",
            "2017-04-12",
            &original,
        ),
    );
    sandbox.write(
        "3-altered.txt",
        news_record(
            "altered",
            "Nine months without the bridge",
            "2017-04-14",
            &reordered,
        ),
    );
    sandbox.write(
        "4-other.txt",
        news_record("other", "Team wins qualifier", "2017-04-12", OTHER),
    );
}

fn by_id(docs: &[Value]) -> std::collections::BTreeMap<i64, Value> {
    docs.iter()
        .map(|d| (d["id"].as_i64().unwrap(), d.clone()))
        .collect()
}

#[test]
fn syndicated_copies_form_one_group_whose_earliest_is_the_first_published() {
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    let docs = by_id(&sandbox.docs());
    assert_eq!(docs.len(), 4, "every copy is kept as its own document");
    let copies: Vec<&Value> = (1..=3).map(|id| &docs[&id]["copies"]).collect();
    for c in &copies {
        assert_eq!(c["group"], 1, "{c}");
        assert_eq!(
            c["earliest"], 2,
            "the wire's original is published first: {c}"
        );
        assert_eq!(c["size"], 3);
    }
    assert_eq!(copies[1]["similarity"], 1.0);
    assert!(copies[0]["similarity"].as_f64().unwrap() >= 0.5);
    assert!(copies[2]["similarity"].as_f64().unwrap() >= 0.5);
    assert!(docs[&4]["copies"].is_null(), "{}", docs[&4]);

    let (code, group) = sandbox.json(&["copies", "3"]);
    assert_eq!(code, 0, "{group}");
    let members: Vec<i64> = group["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert_eq!(members, [2, 1, 3], "earliest first, then by date");
    assert_eq!(group["members"][0]["earliest"], true);

    let (code, alone) = sandbox.json(&["copies", "4"]);
    assert_eq!(code, 0);
    assert!(alone["group"].is_null());
    assert_eq!(alone["members"].as_array().unwrap().len(), 1);
}

#[test]
fn a_copy_imported_later_joins_the_group() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "wire.txt",
        news_record("wire", "Council votes", "2017-04-12", &STORY.join("\n\n")),
    );
    sandbox.import(&[&sandbox.sources()]);
    assert!(sandbox.docs()[0]["copies"].is_null());
    let later = sandbox.write(
        "later/copy.txt",
        news_record(
            "copy",
            "Bridge shut",
            "2017-04-10",
            &STORY[1..].join("\n\n"),
        ),
    );
    let (code, report) = sandbox.import(&[&later]);
    assert_eq!(code, 0, "{report}");
    let docs = by_id(&sandbox.docs());
    assert_eq!(docs[&1]["copies"]["group"], 1);
    assert_eq!(docs[&2]["copies"]["group"], 1);
    // Published earlier, though imported later: it is the earliest.
    assert_eq!(docs[&1]["copies"]["earliest"], 2);
}

#[test]
fn search_collapse_copies_shows_a_group_as_one_hit_with_its_count() {
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    sandbox.import(&[&sandbox.sources()]);
    let (code, all) = sandbox.json(&["search", "harbour bridge"]);
    assert_eq!(code, 0, "{all}");
    assert_eq!(all["total"], 3, "{all}");
    let (code, collapsed) = sandbox.json(&["search", "harbour bridge", "--collapse-copies"]);
    assert_eq!(code, 0, "{collapsed}");
    let hits = collapsed["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{collapsed}");
    assert_eq!(hits[0]["copies"], 2);
    assert_eq!(collapsed["total"], 1);
    // The unrelated article is not folded into anything.
    let (_, team) = sandbox.json(&["search", "qualifier OR bridge", "--collapse-copies"]);
    assert_eq!(team["hits"].as_array().unwrap().len(), 2, "{team}");
    let text = sandbox.run(&["search", "harbour bridge", "--collapse-copies"]);
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("+2 copies"),
        "{}",
        String::from_utf8_lossy(&text.stdout)
    );
}

#[test]
fn copies_diff_shows_the_changed_word_of_the_quote() {
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    sandbox.import(&[&sandbox.sources()]);
    let (code, group) = sandbox.json(&["copies", "3", "--diff"]);
    assert_eq!(code, 0, "{group}");
    let parts = group["diff"].as_array().unwrap();
    let changed = |op: &str| -> Vec<String> {
        parts
            .iter()
            .filter(|p| p["op"] == op)
            .map(|p| p["text"].as_str().unwrap().trim().to_string())
            .collect()
    };
    assert!(
        changed("added").iter().any(|t| t.contains("fifty")),
        "{group}"
    );
    assert!(
        changed("removed").iter().any(|t| t.contains("forty")),
        "{group}"
    );
    let (_, earliest) = sandbox.json(&["copies", "2", "--diff"]);
    assert!(earliest["diff"].as_array().unwrap().is_empty());
}

#[test]
fn a_deleted_copy_leaves_its_group_and_returns_with_a_restore() {
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    sandbox.import(&[&sandbox.sources()]);
    assert!(sandbox.run(&["delete", "2"]).status.success());
    let docs = by_id(&sandbox.docs());
    // With the original in the trash, the trimmed copy (published next) is the earliest.
    assert_eq!(docs[&1]["copies"]["earliest"], 1);
    assert_eq!(docs[&1]["copies"]["size"], 2);
    assert!(sandbox.run(&["restore", "2"]).status.success());
    let docs = by_id(&sandbox.docs());
    assert_eq!(docs[&1]["copies"]["earliest"], 2);
    assert_eq!(docs[&3]["copies"]["size"], 3);
}

#[test]
fn documents_imported_without_extraction_are_grouped_by_the_pending_run() {
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    let out = sandbox.run(&[
        "import",
        "--no-extract",
        "--quiet",
        &sandbox.sources().display().to_string(),
    ]);
    assert!(out.status.success());
    assert!(sandbox.docs()[0]["copies"].is_null());
    assert!(sandbox.run(&["reextract", "--pending"]).status.success());
    let docs = by_id(&sandbox.docs());
    assert_eq!(docs[&3]["copies"]["group"], 1);
}

#[test]
fn a_case_from_before_grouping_is_grouped_on_its_next_import() {
    // The first schema's case has one document and no signatures (migration 0017 adds the
    // tables empty); importing a copy of its article groups the two.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.dossier");
    std::fs::copy(
        crate::support::repo_path("tests/fixtures/cases/v1.dossier"),
        &copy,
    )
    .unwrap();
    let mut case = dossier::Case::open(&copy).unwrap();
    let old = case.document(1).unwrap();
    assert!(case.copy_index().unwrap().is_empty());
    let source = dir.path().join("syndicated.txt");
    std::fs::write(
        &source,
        news_record(
            "syndicated",
            "Copied",
            "2030-01-01",
            &old.text.replace("the ", "The "),
        ),
    )
    .unwrap();
    case.import(&[source], &mut |_| true).unwrap();
    let index = case.copy_index().unwrap();
    assert_eq!(index.len(), 2, "{index:?}");
    assert_eq!(
        index[&1].earliest, 1,
        "the old document was published first"
    );
}

/// The library (issue 21): with copies collapsed, a group is one row (its first-imported
/// document still in the case) carrying how many copies it stands for; without, every copy is
/// its own row with the same count. A deleted first copy hands the row to the next.
#[test]
fn the_library_shows_a_group_of_copies_as_one_row_with_its_count() {
    use dossier::model::{DocumentPageRequest, LibrarySort};
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    sandbox.import(&[&sandbox.sources()]);
    let read = |collapse: bool| {
        let case = dossier::Case::open(&sandbox.case).unwrap();
        let page = case
            .document_page(&DocumentPageRequest {
                sort: LibrarySort::Imported,
                collapse_copies: collapse,
                ..DocumentPageRequest::default()
            })
            .unwrap();
        let rows: Vec<(i64, usize)> = page
            .documents
            .iter()
            .map(|d| d.id)
            .zip(page.copies.iter().copied())
            .collect();
        (page.total, rows)
    };
    assert_eq!(read(false), (Some(4), vec![(1, 2), (2, 2), (3, 2), (4, 0)]));
    assert_eq!(read(true), (Some(2), vec![(1, 2), (4, 0)]));
    assert!(sandbox.run(&["delete", "1"]).status.success());
    assert_eq!(read(true), (Some(2), vec![(2, 1), (4, 0)]));
}

/// A filter that leaves out a group's first copy must not hide the copies it matches: the
/// row for the group is the first copy that passes the filter.
#[test]
fn a_library_filter_that_leaves_out_the_first_copy_still_shows_the_copies_it_matches() {
    use dossier::model::{DocumentPageRequest, LibrarySort};
    let sandbox = Sandbox::new();
    write_outlets(&sandbox);
    sandbox.import(&[&sandbox.sources()]);
    let case = dossier::Case::open(&sandbox.case).unwrap();
    let read = |title: &str| {
        let page = case
            .document_page(&DocumentPageRequest {
                sort: LibrarySort::Imported,
                title: Some(title.to_string()),
                collapse_copies: true,
                ..DocumentPageRequest::default()
            })
            .unwrap();
        (
            page.total,
            page.documents.iter().map(|d| d.id).collect::<Vec<i64>>(),
        )
    };
    // "Council votes…" is document 2, whose group's first copy (1, "Bridge to close") the
    // filter leaves out.
    assert_eq!(read("council"), (Some(1), vec![2]));
    assert_eq!(read("bridge"), (Some(1), vec![1]));
    assert_eq!(read("months"), (Some(1), vec![3]));
}

/// A collapsed search folds document hits only, and reads further when its first window holds
/// fewer distinct hits than the page: 61 copies of a story fill a window of 50 with one group.
/// A query open to quotes lists each copy's quote apart, since a quote is no copy of another
/// document (their folding is read from the index: `search::folding`).
#[test]
fn a_collapsed_search_folds_only_documents_and_reads_past_a_window_of_one_group() {
    let sandbox = Sandbox::new();
    for n in 0..61 {
        sandbox.write(
            &format!("copies/{n:02}.txt"),
            news_record(
                &format!("outlet{n}"),
                &format!("Harbour bridge to close, report {n}"),
                &format!("2017-04-{:02}", 1 + n % 28),
                &STORY.join("\n\n"),
            ),
        );
    }
    sandbox.write(
        "other.txt",
        news_record("other", "Team wins qualifier", "2017-04-12", OTHER),
    );
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");

    let (code, plain) = sandbox.json(&["search", "harbour bridge", "--collapse-copies"]);
    assert_eq!(code, 0, "{plain}");
    let hits = plain["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 1, "{plain}");
    assert_eq!(hits[0]["copies"], 60);
    assert_eq!(plain["total"], 1);

    // Every hit is read (the limit is past them all): 61 documents, and each copy's quotes
    // and events, which stay apart.
    let query = [
        "search",
        "kind:quote OR harbour",
        "--collapse-copies",
        "--limit",
        "1000",
    ];
    let (code, open) = sandbox.json(&query);
    assert_eq!(code, 0, "{open}");
    let hits = open["hits"].as_array().unwrap();
    let documents: Vec<&Value> = hits.iter().filter(|h| h["kind"] == "document").collect();
    assert_eq!(documents.len(), 1, "{open}");
    assert_eq!(documents[0]["copies"], 60);
    let others: Vec<&Value> = hits.iter().filter(|h| h["kind"] != "document").collect();
    assert!(
        others.iter().filter(|h| h["kind"] == "quote").count() >= 61,
        "each copy's quote is its own hit"
    );
    assert!(others.iter().all(|h| h["copies"] == 0));
    assert_eq!(
        open["total"],
        hits.len(),
        "every hit read, so the total is exact"
    );
}
