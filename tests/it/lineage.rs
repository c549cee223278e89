//! Quote lineage (issue 21): the same words from the same speaker in several documents form
//! one lineage, earliest first by publication date; a later appearance that changed a word is
//! `altered` with the word-level difference, a trimmed one is not; `quotes --altered` lists the
//! altered ones, and the claim check tells a note that cites an altered later wording.

use serde_json::Value;

use crate::notes::add_note;
use crate::support::{news_record, Sandbox};

const SAID: &str = "We will not raise taxes on working families this year or next year";

fn article(quote: &str, day: u32) -> String {
    format!(
        "The city budget was presented on Monday after weeks of debate in the council.\n\n\
         \"{quote},\" said Ana Lopez, the mayor of Valencia, at a press conference on day {day}.\n\n\
         The opposition called the budget a missed chance and promised amendments."
    )
}

/// Four outlets: the first wording (published on the 10th, imported second), a trimmed copy,
/// a copy with "not" dropped, and another speaker's quote.
fn case_with_outlets() -> Sandbox {
    let sandbox = Sandbox::new();
    sandbox.write(
        "1-trimmed.txt",
        news_record(
            "trimmed",
            "Budget day",
            "2017-04-12",
            &article("We will not raise taxes on working families this year", 1),
        ),
    );
    sandbox.write(
        "2-first.txt",
        news_record(
            "first",
            "Mayor presents budget",
            "2017-04-10",
            &article(SAID, 2),
        ),
    );
    sandbox.write(
        "3-altered.txt",
        news_record(
            "altered",
            "Taxes to rise",
            "2017-04-13",
            &article(
                "We will raise taxes on working families this year or next year",
                3,
            ),
        ),
    );
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    sandbox
}

fn quote_in(sandbox: &Sandbox, doc: i64) -> Value {
    let (_, quotes) = sandbox.json(&["quotes", "--doc", &doc.to_string()]);
    quotes
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains("taxes"))
        .unwrap_or_else(|| panic!("no quote about taxes in document {doc}: {quotes}"))
        .clone()
}

#[test]
fn the_same_words_from_one_speaker_form_a_lineage_with_the_earliest_first() {
    let sandbox = case_with_outlets();
    let trimmed = quote_in(&sandbox, 1);
    let first = quote_in(&sandbox, 2);
    let altered = quote_in(&sandbox, 3);
    assert_eq!(first["speaker"], trimmed["speaker"], "one speaker");
    let (code, lineage) = sandbox.json(&["quote", "lineage", &trimmed["id"].to_string()]);
    assert_eq!(code, 0, "{lineage}");
    let appearances = lineage["appearances"].as_array().unwrap();
    let docs: Vec<i64> = appearances
        .iter()
        .map(|a| a["doc_id"].as_i64().unwrap())
        .collect();
    assert_eq!(docs, [2, 1, 3], "earliest by publication date: {lineage}");
    assert_eq!(appearances[0]["earliest"], true);
    assert_eq!(
        appearances[1]["altered"], false,
        "trimming is not altering: {lineage}"
    );
    assert_eq!(
        appearances[2]["altered"], true,
        "a dropped \"not\" is: {lineage}"
    );
    let removed: Vec<&str> = appearances[2]["diff"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["op"] == "removed")
        .map(|p| p["text"].as_str().unwrap().trim())
        .collect();
    assert_eq!(removed, ["not"], "{lineage}");
    assert_eq!(appearances[2]["earliest_quote"], first["id"]);
    assert_eq!(appearances[2]["quote_id"], altered["id"]);
}

#[test]
fn quotes_altered_lists_only_the_changed_wording() {
    let sandbox = case_with_outlets();
    let altered = quote_in(&sandbox, 3);
    let (code, list) = sandbox.json(&["quotes", "--altered"]);
    assert_eq!(code, 0, "{list}");
    let ids: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["quote_id"])
        .collect();
    assert_eq!(ids, [&altered["id"]], "{list}");
    let text = sandbox.run(&["quotes", "--altered"]);
    let out = String::from_utf8_lossy(&text.stdout);
    assert!(out.contains("[-not-]") && out.contains("ALTERED"), "{out}");
}

#[test]
fn a_quote_seen_once_is_its_own_lineage() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "one.txt",
        news_record("one", "Budget", "2017-04-10", &article(SAID, 1)),
    );
    sandbox.import(&[&sandbox.sources()]);
    let q = quote_in(&sandbox, 1);
    let (code, lineage) = sandbox.json(&["quote", "lineage", &q["id"].to_string()]);
    assert_eq!(code, 0);
    assert_eq!(lineage["appearances"].as_array().unwrap().len(), 1);
    let (code, missing) = sandbox.json(&["quote", "lineage", "999"]);
    assert_ne!(code, 0, "{missing}");
}

#[test]
fn the_claim_check_tells_a_note_citing_an_altered_later_wording() {
    let sandbox = case_with_outlets();
    let altered = quote_in(&sandbox, 3);
    let first = quote_in(&sandbox, 2);
    add_note(
        &sandbox,
        "Taxes",
        &format!(
            "The mayor promised to raise taxes [@q{}].\n\nShe first said the opposite [@q{}].\n",
            altered["id"], first["id"]
        ),
    );
    let (_, report) = sandbox.json(&["check"]);
    let problems: Vec<&Value> = report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "altered")
        .collect();
    assert_eq!(
        problems.len(),
        1,
        "only the later wording is flagged: {report}"
    );
    let message = problems[0]["message"].as_str().unwrap();
    assert!(message.contains(&format!("q{}", first["id"])), "{message}");
    assert!(message.contains("will not raise"), "{message}");
    assert_eq!(problems[0]["line"], 1);
}
