//! `dossier ocr ID` on a scan a person has already reviewed (issue 19): reading it again used
//! to be refused as soon as one quote or event was reviewed. Now the reviewed quotes and
//! events are kept as re-extraction keeps them, moved to where their words are in the new
//! text; those whose words the new text lacks are removed, reported and kept in the audit log.
//!
//! The second reading is simulated where it must be exact: the pages the engine "read" are put
//! in the case's OCR tables as the stage would have saved them, so the words that move and the
//! words that vanish are known, whatever Tesseract's version.

use serde_json::Value;

use crate::ocr::{import_one, offset_of, scan};
use crate::pdf::chars;
use crate::support::*;

const QUOTE: &str = "\"We never touched the money,\" said John Carver on March 3, 2016.";
const MEETING: &str = "The board met again on April 12, 2016 to vote on the sale.";

fn quotes_of(s: &Sandbox, id: i64) -> Vec<Value> {
    let (code, quotes) = s.json(&["quotes", "--doc", &id.to_string()]);
    assert_eq!(code, 0, "{quotes}");
    quotes.as_array().cloned().unwrap_or_default()
}

fn events_from(s: &Sandbox, id: i64) -> Vec<Value> {
    let (code, events) = s.json(&["timeline", "--status", "confirmed"]);
    assert_eq!(code, 0, "{events}");
    let events = events.as_array().cloned().unwrap_or_default();
    events
        .into_iter()
        .filter(|e| e.to_string().contains(&format!("\"doc_id\":{id}")))
        .collect()
}

/// The words of document `doc` a quote's offsets point at.
fn words_at(doc: &Value, quote: &Value) -> String {
    chars(
        doc["text"].as_str().unwrap(),
        quote["start"].as_u64().unwrap(),
        quote["end"].as_u64().unwrap(),
    )
}

fn verify_passes(s: &Sandbox) {
    let out = s.run(&["verify"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn ocr_again_on_a_scan_with_reviewed_quotes_and_events_keeps_them_instead_of_refusing() {
    let pictures = scan(
        &[vec!["MEMORANDUM FOR THE FILE", "", QUOTE, "", MEETING]],
        200,
    );
    let s = Sandbox::new();
    let path = s.write("memo.png", dossier::ocr::fixtures::png(&pictures[0]));
    let (_, doc) = import_one(&s, &path, &[]);
    let id = doc["id"].as_i64().unwrap();
    let quotes = quotes_of(&s, id);
    let quote = quotes
        .iter()
        .find(|q| q["text"].to_string().contains("touched the money"))
        .unwrap_or_else(|| panic!("the quote is found in the OCR text: {quotes:?}"));
    let quote_id = quote["id"].to_string();
    assert_eq!(s.json(&["quote", "confirm", &quote_id]).0, 0);
    let (_, timeline) = s.json(&["timeline"]);
    let meeting = timeline
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e.to_string().contains("board met"))
        .unwrap_or_else(|| panic!("the meeting is an event: {timeline}"))
        .clone();
    let meeting_id = meeting["id"].to_string();
    assert_eq!(s.json(&["event", "confirm", &meeting_id]).0, 0);

    // Read again with other languages: this was refused with `conflict` before.
    let (code, out) = s.json(&["ocr", &id.to_string(), "--lang", "eng+deu"]);
    assert_eq!(code, 0, "{out}");
    let doc = s.show(id);
    assert_eq!(doc["ocr"]["languages"], "eng+deu");
    let kept = quotes_of(&s, id);
    let kept = kept
        .iter()
        .find(|q| q["id"] == quote["id"])
        .unwrap_or_else(|| panic!("the confirmed quote is kept: {kept:?} {out}"));
    assert_eq!(kept["status"], "confirmed");
    assert!(words_at(&doc, kept).contains("touched the money"));
    assert!(
        events_from(&s, id).iter().any(|e| e["id"] == meeting["id"]),
        "the confirmed event is kept: {out}"
    );
    verify_passes(&s);

    // A second reading that finds a stamp above the text and cannot read the meeting's
    // sentence: the quote moves down by the stamp's length, the event's sentence is gone.
    let text = doc["text"].as_str().unwrap().to_string();
    let stamp = "RECEIVED BY FAX 14 MAR 2016\n\n";
    let garbled = text.replace("board met again", "b0ard rnet aga1n");
    assert_ne!(garbled, text, "the meeting's words are in the text: {text}");
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute(
        "INSERT INTO ocr_jobs (document_id, languages, pages) VALUES (?1, 'eng', '[1]')",
        [id],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO ocr_pages (document_id, physical, text, low, words, confidence, error)
         VALUES (?1, 1, ?2, '[]', 40, 91.0, NULL)",
        rusqlite::params![id, format!("{stamp}{garbled}")],
    )
    .unwrap();
    drop(conn);
    let (code, out) = s.json(&["ocr"]);
    assert_eq!(code, 0, "{out}");
    let problems = out["ocr"]["problems"].to_string();
    assert!(
        problems.contains(&format!("event e{meeting_id}")) && problems.contains("board met"),
        "the event whose sentence vanished is reported by id and words: {problems}"
    );
    assert!(
        !problems.contains(&format!("quote q{quote_id}")),
        "{problems}"
    );
    let doc = s.show(id);
    let moved = quotes_of(&s, id)
        .into_iter()
        .find(|q| q["id"] == quote["id"])
        .expect("the confirmed quote is kept");
    assert_eq!(moved["status"], "confirmed");
    assert_eq!(words_at(&doc, &moved), kept["text"].as_str().unwrap());
    assert_eq!(
        moved["start"].as_u64().unwrap(),
        kept["start"].as_u64().unwrap() + offset_of(doc["text"].as_str().unwrap(), "MEMORANDUM"),
        "the quote moved down by the stamp"
    );
    assert!(!events_from(&s, id).iter().any(|e| e["id"] == meeting["id"]));
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    let logged: String = conn
        .query_row(
            "SELECT detail FROM audit_log WHERE action = 'ocr.review_removed'
             AND target = ?1",
            [format!("document:{id}")],
            |r| r.get(0),
        )
        .unwrap();
    assert!(logged.contains("board met again"), "{logged}");
    drop(conn);
    verify_passes(&s);
}

#[test]
fn ocr_again_is_still_refused_when_a_note_cites_the_text_by_span() {
    let pictures = scan(&[vec!["A single page that a note cites by span."]], 150);
    let s = Sandbox::new();
    let path = s.write("page.png", dossier::ocr::fixtures::png(&pictures[0]));
    let (_, doc) = import_one(&s, &path, &[]);
    let id = doc["id"].as_i64().unwrap();
    let note = s.write("note.md", format!("It says so [@d{id}:0-8]."));
    let out = s.run(&[
        "note",
        "add",
        "--title",
        "Span",
        "--file",
        note.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = s.run(&["ocr", &id.to_string()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("cited by span"), "{}", stderr(&out));
}
