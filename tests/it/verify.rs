//! `verify` proves a case is intact and reports tampering precisely.

use crate::support::*;

#[test]
fn an_intact_case_verifies() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&repo_path("assets/demo")]);
    let (code, report) = sandbox.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ok"], true);
    // Five text sources, the tip's CSV ledger and the superseding indictment PDF.
    assert_eq!(report["documents_checked"], 7);
    assert_eq!(report["integrity"], "ok");
}

#[test]
fn a_changed_original_is_reported_with_its_document() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&repo_path("assets/demo")]);
    let conn = rusqlite::Connection::open(&sandbox.case).unwrap();
    conn.execute(
        "UPDATE document_contents SET original = X'00' WHERE document_id = 2",
        [],
    )
    .unwrap();
    drop(conn);
    let (code, report) = sandbox.json(&["verify"]);
    assert_eq!(code, 1);
    assert_eq!(report["ok"], false);
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert!(problems[0]
        .as_str()
        .unwrap()
        .starts_with("document 2: original bytes hash to"));
    let out = sandbox.run(&["verify"]);
    assert!(stdout(&out).contains("1 problem found"), "{}", stdout(&out));
}

fn problems(sandbox: &Sandbox) -> Vec<String> {
    let (code, report) = sandbox.json(&["verify"]);
    let problems: Vec<String> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    assert_eq!(code == 0, problems.is_empty(), "{report}");
    problems
}

fn demo_case() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.import(&[&repo_path("assets/demo")]);
    sandbox
}

fn raw(sandbox: &Sandbox, sql: &str) {
    rusqlite::Connection::open(&sandbox.case)
        .unwrap()
        .execute_batch(sql)
        .unwrap();
}

#[test]
fn a_changed_word_in_a_document_s_text_is_reported_and_repaired_from_the_original() {
    let sandbox = demo_case();
    // Document 3 is the first indictment (the tip's CSV ledger, which has dates in its rows
    // and so events read from them, is document 2).
    let before = sandbox.show(3)["text"].as_str().unwrap().to_string();
    // One letter changed in the middle of the text, as a flipped byte on disk would.
    raw(
        &sandbox,
        "UPDATE document_contents SET text = substr(text, 1, 40) || 'X' || substr(text, 42)
         WHERE document_id = 3",
    );
    assert_ne!(sandbox.show(3)["text"], before.as_str());
    let found = problems(&sandbox);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("document 3: its normalized text has changed")
            && found[0].contains("--repair"),
        "{found:?}"
    );

    let (code, report) = sandbox.json(&["verify", "--repair"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["repaired"], serde_json::json!([3]));
    assert_eq!(sandbox.show(3)["text"], before.as_str());
    assert!(problems(&sandbox).is_empty());
}

#[test]
fn a_text_whose_original_is_damaged_too_is_not_repaired_and_says_why() {
    let sandbox = demo_case();
    raw(
        &sandbox,
        "UPDATE document_contents SET text = 'X' || substr(text, 2),
            original = X'00' WHERE document_id = 3",
    );
    let (code, report) = sandbox.json(&["verify", "--repair"]);
    assert_eq!(code, 1, "{report}");
    let reasons = report["not_repaired"].as_array().unwrap();
    assert_eq!(reasons.len(), 1, "{report}");
    assert!(
        reasons[0]
            .as_str()
            .unwrap()
            .starts_with("document 3: cannot repair: its original bytes are damaged too"),
        "{report}"
    );
}

#[test]
fn a_changed_quote_is_reported_with_its_id() {
    let sandbox = demo_case();
    raw(
        &sandbox,
        "UPDATE quotes SET text = replace(text, 'a', 'o') WHERE id = 3",
    );
    let found = problems(&sandbox);
    assert_eq!(
        found,
        ["quote q3: its text is not the words of document 3 it was cut from"],
        "{found:?}"
    );
}

#[test]
fn a_changed_note_version_is_reported_with_its_note_and_version() {
    let sandbox = demo_case();
    let file = sandbox.write("n.md", "Kelihos was taken down [@d1].");
    let (code, note) = sandbox.json(&[
        "note",
        "add",
        "--title",
        "Takedown",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{note}");
    let id = note["id"].as_i64().unwrap();
    raw(
        &sandbox,
        &format!(
            "UPDATE note_versions SET text = 'Kelihos was taken up [@d1].' WHERE note_id = {id}"
        ),
    );
    let found = problems(&sandbox);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].starts_with(&format!("note n{id} version 1: its text has changed")),
        "{found:?}"
    );
    assert!(
        found[1].starts_with(&format!("note n{id}: its current text differs")),
        "{found:?}"
    );
}

#[test]
fn a_changed_event_sentence_is_reported() {
    let sandbox = demo_case();
    raw(
        &sandbox,
        "UPDATE events SET description = description || 'x'
         WHERE id = (SELECT min(id) FROM events WHERE kind = 'extracted')",
    );
    let found = problems(&sandbox);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("its description is not the sentence"),
        "{found:?}"
    );
}

/// On a 1M-document case `verify` and `reindex` take minutes each and showed nothing while
/// they ran (issue 23); both now report every step, and within a step how far it is, every
/// thousand items.
#[test]
fn verify_and_reindex_report_their_steps_instead_of_running_silently() {
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    for i in 0..1_200 {
        let text = news_record(
            &i.to_string(),
            &format!("Report {i}"),
            "",
            "A short report.",
        );
        std::fs::write(sources.join(format!("{i}.txt")), text).unwrap();
    }
    let mut case = dossier::Case::create(&dir.path().join("steps.dossier")).unwrap();
    case.import(&[sources], &mut |_| true).unwrap();
    let mut seen = Vec::new();
    let report = case
        .verify_with(&mut |p| seen.push((p.step, p.done, p.total)))
        .unwrap();
    assert!(report.is_ok(), "{report:?}");
    let steps: Vec<&str> = seen.iter().map(|s| s.0).collect::<Vec<_>>();
    let mut distinct = steps.clone();
    distinct.dedup();
    assert_eq!(
        distinct,
        [
            "checking the file's structure",
            "re-hashing the originals",
            "checking the texts",
            "checking the notes",
            "checking the quotes",
            "checking the events",
            "checking the kept counts",
        ]
    );
    assert!(
        seen.contains(&("re-hashing the originals", 1_000, 1_200)),
        "{seen:?}"
    );
    let mut seen = Vec::new();
    let report = case
        .reindex_with(&mut |p| seen.push((p.step, p.done, p.total)))
        .unwrap();
    assert_eq!(report.documents, 1_200);
    assert_eq!(
        seen.first(),
        Some(&("indexing documents and their quotes", 0, 1_200))
    );
    assert!(
        seen.contains(&("indexing documents and their quotes", 1_000, 1_200)),
        "{seen:?}"
    );
    assert_eq!(
        seen.last().map(|s| s.0),
        Some("writing and merging the index")
    );
}

/// A quote that runs on into the next paragraph, re-opened there (“… off-site. ¶ “You do not
/// …”), is stored with the paragraph break between its pieces, but `verify` rebuilt every
/// quote with an ellipsis between pieces and reported it as not the words it was cut from: 44
/// false problems on the 1M-document case, one per copy of such an article (issue 23).
#[test]
fn a_quote_running_on_into_the_next_paragraph_verifies() {
    let sandbox = Sandbox::new();
    let text = "The adviser said: “Never pay a ransom, because there is no guarantee you will \
                get your data back. Therefore all backups should be checked before storage.\n\n\
                “You do not want to clean your system only to bring the same problem back.” \
                Others agreed.\n";
    let file = sandbox.dir.path().join("ransom.txt");
    std::fs::write(&file, news_record("1", "Ransom advice", "", text)).unwrap();
    sandbox.import(&[&file]);
    let (_, quotes) = sandbox.json(&["quotes"]);
    let quotes = quotes.as_array().unwrap();
    assert!(
        quotes.iter().any(|q| q["text"]
            .as_str()
            .unwrap()
            .contains("storage.\n\nYou do not")),
        "{quotes:?}"
    );
    let (code, report) = sandbox.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ok"], true);
}
