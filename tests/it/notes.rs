//! Notes, the claim check and briefs on the seed case.

use std::io::Write;
use std::process::Stdio;

use serde_json::Value;

use crate::support::*;

/// 2026-01-02T03:04:05Z: the clock every run of these tests sees, so briefs are reproducible.
pub(crate) const FIXED_CLOCK: i64 = 1_767_323_045;

pub(crate) fn seed_case() -> Sandbox {
    let s = Sandbox::new().with_fixed_clock(FIXED_CLOCK);
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    s
}

pub(crate) fn quote_by(s: &Sandbox, speaker: &str, containing: &str) -> Value {
    let (_, quotes) = s.json(&["quotes", "--speaker", speaker]);
    quotes
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"].as_str().unwrap().contains(containing))
        .unwrap_or_else(|| panic!("no quote by {speaker} with {containing:?}: {quotes}"))
        .clone()
}

fn arrest_event(s: &Sandbox) -> i64 {
    let (_, events) = s.json(&["timeline"]);
    events
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["value"] == "2017-W14")
        .expect("the arrest is dated 2017-W14")["id"]
        .as_i64()
        .unwrap()
}

pub(crate) fn add_note(s: &Sandbox, title: &str, text: &str) -> Value {
    let file = s.write(&format!("{title}.md"), text);
    let (code, note) = s.json(&[
        "note",
        "add",
        "--title",
        title,
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{note}");
    note
}

fn check(s: &Sandbox) -> (i32, Value) {
    s.json(&["check"])
}

fn problems_of_kind(report: &Value, kind: &str) -> Vec<Value> {
    report["problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == kind)
        .cloned()
        .collect()
}

/// The note the seed's brief is made from: two quotes, an event and a span.
fn seed_note(s: &Sandbox) -> (String, Value, Value) {
    let kremez = quote_by(s, "Vitali Kremez", "evade prosecution");
    let blanco = quote_by(s, "Kenneth A. Blanco", "Our success");
    let event = arrest_event(s);
    let text = format!(
        "# The arrest\n\n\
         Pyotr Levashov was arrested in Spain \"last week\" [@e{event}], and Kremez says he had \
         been able to \"evade prosecution for at least 20 years\" [@q{k}].\n\n\
         Blanco credited \"strong cooperation between private industry experts and law \
         enforcement\" [@q{b}]. The story opens on the arrest [@d1:0-152].\n",
        k = kremez["id"],
        b = blanco["id"]
    );
    (text, kremez, blanco)
}

#[test]
fn a_brief_carries_the_exact_words_speakers_url_and_sha256() {
    let s = seed_case();
    let (text, kremez, blanco) = seed_note(&s);
    let note = add_note(&s, "Levashov", &text);
    let (code, report) = check(&s);
    assert_eq!(code, 0, "a faithful note has no problems: {report}");
    assert_eq!(report["claims"].as_array().unwrap().len(), 3, "{report}");

    let out = s.dir.path().join("brief.md");
    let note_id = note["id"].to_string();
    let (code, written) = s.json(&[
        "export",
        "brief",
        "--out",
        out.to_str().unwrap(),
        "--note",
        &note_id,
        "--timeline",
        "2017-04..2017-04",
    ]);
    assert_eq!(code, 0, "{written}");
    let brief = std::fs::read_to_string(&out).unwrap();
    let document = s.show(1);
    let sha = document["sha256"].as_str().unwrap();
    let url = document["url"].as_str().unwrap();
    for quote in [&kremez, &blanco] {
        let words = quote["text"].as_str().unwrap();
        let footnote = brief
            .lines()
            .find(|l| l.starts_with("[^") && l.contains(words))
            .unwrap_or_else(|| panic!("no footnote quotes {words:?}:\n{brief}"));
        assert!(
            footnote.contains(quote["speaker"].as_str().unwrap()),
            "{footnote}"
        );
        assert!(footnote.contains(sha), "{footnote}");
        assert!(footnote.contains(&format!("<{url}>")), "{footnote}");
        assert!(
            footnote.contains("imported 2026-01-02T03:04:05Z"),
            "{footnote}"
        );
    }
    assert!(
        brief.contains("threat intelligence director at Flashpoint"),
        "{brief}"
    );
    assert!(
        brief.contains("| 2017-W14 (2017-04-03 – 2017-04-09) |"),
        "{brief}"
    );

    // The same case and options give the same bytes, and the bytes are pinned.
    let again = s.dir.path().join("again.md");
    s.json(&[
        "export",
        "brief",
        "--out",
        again.to_str().unwrap(),
        "--note",
        &note_id,
        "--timeline",
        "2017-04..2017-04",
    ]);
    assert_eq!(std::fs::read_to_string(&again).unwrap(), brief);
    assert_renders_as_commonmark(&brief);
    insta::assert_snapshot!("seed_brief", brief);
}

/// Every footnote reference has its definition, the timeline is a table, and nothing of the
/// sources' words turned into markup.
fn assert_renders_as_commonmark(brief: &str) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut references = std::collections::BTreeSet::new();
    let mut definitions = std::collections::BTreeSet::new();
    let mut tables = 0;
    for event in Parser::new_ext(brief, Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES) {
        match event {
            Event::FootnoteReference(label) => {
                references.insert(label.to_string());
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                definitions.insert(label.to_string());
            }
            Event::Start(Tag::Table(_)) => tables += 1,
            Event::Html(html) | Event::InlineHtml(html) => panic!("raw HTML in the brief: {html}"),
            _ => {}
        }
    }
    assert!(!references.is_empty());
    assert_eq!(
        references, definitions,
        "every footnote is defined exactly once"
    );
    assert_eq!(tables, 1);
}

#[test]
fn a_misquote_is_flagged_with_the_source_s_wording() {
    let s = seed_case();
    let kremez = quote_by(&s, "Vitali Kremez", "evade prosecution");
    add_note(
        &s,
        "Misquote",
        &format!(
            "Intro line.\n\nKremez said Levashov \"evaded prosecution for 30 years\" [@q{}].\n",
            kremez["id"]
        ),
    );
    let (code, report) = check(&s);
    assert_eq!(code, 1, "problems make check exit non-zero");
    let misquotes = problems_of_kind(&report, "misquote");
    assert_eq!(misquotes.len(), 1, "{report}");
    let problem = &misquotes[0];
    assert_eq!(
        (problem["line"].as_i64(), problem["column"].as_i64()),
        (Some(3), Some(23))
    );
    assert_eq!(
        problem["suggestion"],
        "evade prosecution for at least 20 years"
    );
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .contains("evade prosecution for at least 20 years"),
        "{problem}"
    );
    assert!(problem["note_id"].is_i64());
}

/// Found by fuzzing: a claim citing the same quote two thousand times took 13 s to check,
/// comparing its quoted words with every copy. Each cited target is now compared once, so
/// the misquote's message names each source once however often the claim repeats it.
#[test]
fn a_claim_repeating_its_citations_is_checked_against_each_source_once() {
    let s = seed_case();
    let kremez = quote_by(&s, "Vitali Kremez", "evade prosecution");
    let q = kremez["id"].as_i64().unwrap();
    let doc = kremez["doc_id"].as_i64().unwrap();
    let repeated = format!("[@q{q}][@d{doc}]").repeat(500);
    add_note(
        &s,
        "Repeated",
        &format!("Kremez said Levashov \"evaded prosecution for 30 years\" {repeated}.\n"),
    );
    let (_, report) = check(&s);
    let misquotes = problems_of_kind(&report, "misquote");
    assert_eq!(misquotes.len(), 1, "{report}");
    let message = misquotes[0]["message"].as_str().unwrap();
    let cited = message
        .split_once(" is not what ")
        .and_then(|(_, rest)| rest.split_once(" says;"))
        .map(|(cited, _)| cited);
    assert_eq!(cited, Some(format!("q{q}, d{doc}").as_str()), "{message}");
    assert_eq!(
        misquotes[0]["suggestion"],
        "evade prosecution for at least 20 years"
    );
}

#[test]
fn broken_citations_are_reported_with_line_and_column() {
    let s = seed_case();
    let rejected = quote_by(&s, "Avivah Litan", "more than a possibility");
    s.json(&["quote", "reject", &rejected["id"].to_string()]);
    let text = format!(
        "Fine [@d1].\nUnknown [@q9999] and bad [@x9].\n  Outside [@d1:10-9999999].\nRejected [@q{}]. See [[No such note]].\n`[@q9999]` in code is not a citation.\n",
        rejected["id"]
    );
    add_note(&s, "Broken", &text);
    let (code, report) = check(&s);
    assert_eq!(code, 1);
    let broken: Vec<(i64, i64, String)> = problems_of_kind(&report, "broken")
        .iter()
        .map(|p| {
            (
                p["line"].as_i64().unwrap(),
                p["column"].as_i64().unwrap(),
                p["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let at: Vec<(i64, i64)> = broken.iter().map(|(l, c, _)| (*l, *c)).collect();
    let link_column = 20 + rejected["id"].to_string().len() as i64;
    assert_eq!(
        at,
        [(2, 10), (2, 27), (3, 12), (4, 11), (4, link_column)],
        "{broken:?}"
    );
    assert!(broken[0].2.contains("no quote q9999"));
    assert!(broken[1].2.contains("'x9' is not a citation"));
    assert!(broken[2].2.contains("goes past the end of document d1"));
    assert!(broken[3].2.contains("rejected"));
    assert!(broken[4].2.contains("No such note"));
}

#[test]
fn every_version_is_kept_and_an_earlier_one_restores() {
    let s = seed_case();
    let note = add_note(&s, "Drafts", "First draft [@d1].\n");
    let id = note["id"].to_string();
    let second = s.write("second.md", "Second draft.\n");
    let (code, edited) = s.json(&[
        "note",
        "edit",
        &id,
        "--file",
        second.to_str().unwrap(),
        "--title",
        "Drafts v2",
    ]);
    assert_eq!(code, 0, "{edited}");
    assert_eq!(edited["version"], 2);
    assert_eq!(edited["title"], "Drafts v2");

    let (_, restored) = s.json(&["note", "restore", &id, "1"]);
    assert_eq!(restored["text"], "First draft [@d1].\n");
    assert_eq!(restored["title"], "Drafts");
    assert_eq!(restored["version"], 3);
    let (_, history) = s.json(&["note", "history", &id]);
    let versions: Vec<(i64, Value)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|v| (v["version"].as_i64().unwrap(), v["restored_from"].clone()))
        .collect();
    assert_eq!(
        versions,
        [(3, Value::from(1)), (2, Value::Null), (1, Value::Null)],
        "restoring is itself a version, so nothing written is lost"
    );
    let (_, second_version) = s.json(&["note", "version", &id, "2"]);
    assert_eq!(second_version["text"], "Second draft.\n");

    let (code, error) = s.json(&["note", "restore", &id, "9"]);
    assert_eq!(code, 1);
    assert_eq!(error["error"]["code"], "not_found", "{error}");
}

#[test]
fn notes_come_from_standard_input_and_titles_are_unique() {
    let s = seed_case();
    let mut child = dossier()
        .arg("--case")
        .arg(&s.case)
        .args(["note", "add", "--title", "Piped", "--json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("From *stdin* [@d1].".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let note: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(note["text"], "From *stdin* [@d1].");

    let file = s.write("again.md", "x");
    let (code, error) = s.json(&[
        "note",
        "add",
        "--title",
        "piped",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(error["error"]["code"], "conflict", "{error}");
}

#[test]
fn quotes_edited_rejected_or_reattributed_after_citing_are_stale() {
    let s = seed_case();
    let jarvis = quote_by(&s, "Keith Jarvis", "wide variety of spam");
    let taddeo = quote_by(&s, "Leo Taddeo", "public source information");
    let note = add_note(
        &s,
        "Stale",
        &format!(
            "Jarvis expects less spam [@q{}].\nTaddeo is unsure [@q{}].\n",
            jarvis["id"], taddeo["id"]
        ),
    );
    assert_eq!(check(&s).0, 0);

    s.json(&[
        "quote",
        "edit",
        &jarvis["id"].to_string(),
        "--speaker",
        "Brian Krebs",
    ]);
    s.json(&["quote", "reject", &taddeo["id"].to_string()]);
    let (code, report) = check(&s);
    assert_eq!(code, 1);
    let stale: Vec<String> = problems_of_kind(&report, "stale")
        .iter()
        .map(|p| p["message"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stale.len(), 2, "{report}");
    assert!(
        stale[0].contains("re-attributed from Keith Jarvis to Brian Krebs"),
        "{stale:?}"
    );
    assert!(
        stale[1].contains("rejected in review after this note cited it"),
        "{stale:?}"
    );

    // Accepting the changes clears what was re-attributed; a rejected quote stays broken.
    s.json(&["note", "accept", &note["id"].to_string()]);
    let (_, report) = check(&s);
    assert!(problems_of_kind(&report, "stale").is_empty(), "{report}");
    assert_eq!(problems_of_kind(&report, "broken").len(), 1, "{report}");
}

#[test]
fn backlinks_search_and_re_extraction_keep_notes_connected() {
    let s = seed_case();
    let kremez = quote_by(&s, "Vitali Kremez", "evade prosecution");
    let target = add_note(
        &s,
        "Kremez",
        &format!("Kremez on Levashov [@q{}].", kremez["id"]),
    );
    let linking = add_note(&s, "Index", "See [[kremez]] for the expert view.");

    let (_, backlinks) = s.json(&["note", "backlinks", "document", "1"]);
    assert_eq!(backlinks[0]["note_id"], target["id"], "{backlinks}");
    let speaker = kremez["speaker_id"].to_string();
    let (_, backlinks) = s.json(&["note", "backlinks", "entity", &speaker]);
    assert_eq!(backlinks.as_array().unwrap().len(), 1, "{backlinks}");
    let (_, shown) = s.json(&["note", "show", &target["id"].to_string()]);
    assert_eq!(shown["backlinks"][0]["note_id"], linking["id"], "{shown}");

    let (_, found) = s.json(&["search", "kind:note expert"]);
    assert_eq!(found["total"], 1, "{found}");
    assert_eq!(found["hits"][0]["title"], "Index");

    // A cited quote is kept when extraction runs again, so the citation never breaks.
    s.json(&["reextract"]);
    let (code, report) = check(&s);
    assert_eq!(code, 0, "{report}");
    let (_, again) = s.json(&["quote", "show", &kremez["id"].to_string()]);
    assert_eq!(again["text"], kremez["text"]);
    let (_, quotes) = s.json(&["quotes", "--speaker", "Vitali Kremez"]);
    assert_eq!(
        quotes.as_array().unwrap().len(),
        2,
        "no duplicate was proposed: {quotes}"
    );
}

#[test]
fn quotes_timeline_and_notes_export_as_files() {
    let s = seed_case();
    add_note(&s, "One: first/second", "Text [@d1].");
    let dir = s.dir.path();
    let quotes = dir.join("quotes.csv");
    let out = s.run(&[
        "export",
        "quotes",
        "--csv",
        "--out",
        quotes.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&quotes).unwrap();
    assert!(
        csv.starts_with("id,doc_id,document,published,speaker,role,kind,status,start,end,text\n")
    );
    assert!(csv.contains("Vitali Kremez"));

    let timeline = stdout(&s.run(&["export", "timeline", "--csv", "--from", "2017-04"]));
    assert!(timeline.contains(",2017-W14,"), "{timeline}");
    assert!(!timeline.contains(",2012,"), "{timeline}");

    let notes = dir.join("notes");
    let (code, files) = s.json(&["export", "notes", "--out", notes.to_str().unwrap()]);
    assert_eq!(code, 0);
    let file = files[0].as_str().unwrap();
    assert!(file.ends_with("n1-one-first-second.md"), "{file}");
    assert_eq!(
        std::fs::read_to_string(file).unwrap(),
        "# One: first/second\n\nText [@d1].\n"
    );
}

#[test]
fn the_demo_case_has_a_note_that_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let case = dir.path().join("demo.dossier");
    let out = dossier()
        .arg("demo")
        .arg(&case)
        .arg("--sources")
        .arg(repo_path("assets/demo"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let check = dossier()
        .args(["--case", case.to_str().unwrap(), "check", "--json"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&check.stdout).unwrap();
    assert!(check.status.success(), "{report}");
    assert_eq!(report["claims"].as_array().unwrap().len(), 4, "{report}");
}

#[test]
fn a_brief_cites_pdf_sources_by_page() {
    let s = Sandbox::new().with_fixed_clock(FIXED_CLOCK);
    let pdf = repo_path("assets/demo/superseding-indictment-united-states-v-marlow.pdf");
    let (code, report) = s.import(&[&pdf]);
    assert_eq!(code, 0, "{report}");
    let document = s.show(1);
    let pages = document["pages"].as_array().unwrap();
    assert!(pages.len() >= 2, "{document}");
    // A span well inside the second page.
    let page = &pages[1];
    let start = page["start"].as_i64().unwrap() + 10;
    let end = start + 20;
    add_note(
        &s,
        "Page",
        &format!("The filing says so [@d1:{start}-{end}]."),
    );
    let out = s.dir.path().join("brief.md");
    let (code, written) = s.json(&["export", "brief", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    let brief = std::fs::read_to_string(&out).unwrap();
    let expected = format!("\\[d1:{start}-{end}, p. {}, characters", page["number"]);
    assert!(brief.contains(&expected), "{expected} not in\n{brief}");
}
