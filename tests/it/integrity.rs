//! A case and everything derived from it stay in agreement: a note is saved with its citations
//! or not at all, an index from another case or from the case's future is rebuilt, and
//! `verify` sees every stored text, not only the originals.

use serde_json::Value;

use crate::support::*;

fn small_case() -> Sandbox {
    let s = Sandbox::new();
    let a = s.write(
        "a.txt",
        news_record(
            "A1",
            "Harbour deal signed",
            "2020-03-01",
            "The mayor said \"the harbour deal is signed\" on Monday.",
        ),
    );
    let b = s.write(
        "b.txt",
        news_record(
            "B2",
            "Council vote delayed",
            "2020-04-02",
            "The council delayed its vote on the bridge.",
        ),
    );
    let (code, report) = s.import(&[&a, &b]);
    assert_eq!(code, 0, "{report}");
    s
}

fn sql(s: &Sandbox, statement: &str) {
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute_batch(statement).unwrap();
}

/// A citation row that cannot be written, as when the process dies between the note and its
/// citations: the trigger fails the insert the way a kill would cut it short.
const FAIL_CITATIONS: &str = "CREATE TRIGGER fail_citations BEFORE INSERT ON note_citations
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";

fn note_file(s: &Sandbox, name: &str, text: &str) -> String {
    s.write(name, text).display().to_string()
}

#[test]
fn note_add_that_fails_at_its_citations_saves_nothing_and_a_retry_succeeds() {
    let s = small_case();
    sql(&s, FAIL_CITATIONS);
    let file = note_file(&s, "n.md", "The deal is signed [@d1].");
    let (code, error) = s.json(&["note", "add", "--title", "Harbour", "--file", &file]);
    assert_eq!(code, 1, "{error}");
    let (_, notes) = s.json(&["note", "list"]);
    assert_eq!(
        notes,
        Value::Array(vec![]),
        "a note without its citations was saved"
    );

    sql(&s, "DROP TRIGGER fail_citations;");
    let (code, note) = s.json(&["note", "add", "--title", "Harbour", "--file", &file]);
    assert_eq!(code, 0, "the retry must not find the title taken: {note}");
    let (_, backlinks) = s.json(&["note", "backlinks", "document", "1"]);
    assert_eq!(backlinks.as_array().unwrap().len(), 1, "{backlinks}");
}

#[test]
fn note_edit_that_fails_at_its_citations_keeps_the_previous_version() {
    let s = small_case();
    let first = note_file(&s, "n.md", "The deal is signed [@d1].");
    let (code, note) = s.json(&["note", "add", "--title", "Harbour", "--file", &first]);
    assert_eq!(code, 0, "{note}");
    let id = note["id"].as_i64().unwrap().to_string();

    sql(&s, FAIL_CITATIONS);
    let second = note_file(&s, "n2.md", "The vote was delayed [@d2].");
    let (code, error) = s.json(&["note", "edit", &id, "--file", &second]);
    assert_eq!(code, 1, "{error}");
    let (_, history) = s.json(&["note", "history", &id]);
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");
    let (_, shown) = s.json(&["note", "show", &id]);
    assert_eq!(shown["text"], "The deal is signed [@d1].");
}
