//! Importing good sources: the seed, several formats, folders and duplicates.

use crate::support::*;

#[test]
fn seed_imports_with_its_metadata_and_repaired_paragraphs() {
    let sandbox = Sandbox::new();
    let (code, report) = sandbox.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 1);
    assert_eq!(report["duplicates"], 0);
    let id = report["documents"][0].as_i64().unwrap();
    let doc = sandbox.show(id);
    assert_eq!(
        doc["title"],
        "Spam Czar Nabbed in Spain May Have Link to Election Tampering"
    );
    assert_eq!(doc["url"], "http://www.technewsworld.com/story/84451.html");
    assert_eq!(doc["outlet"], "TechNewsWorld");
    assert_eq!(doc["keywords"], serde_json::json!(["Dell", "Gartner"]));
    assert_eq!(doc["doc_ref"], "578");
    assert_eq!(doc["published"], "2017-04-12T05:00-07:00");
    assert_eq!(doc["published_raw"], "Apr 12, 2017 5:00 AM PT");
    assert_eq!(doc["published_precision"], "minute");
    assert_eq!(doc["kind"], "article");
    assert_eq!(doc["language"], "en");
    assert_eq!(doc["format"], "news_record");
    let text = doc["text"].as_str().unwrap();
    assert!(
        text.contains("international warrant.\n\nThe alleged spam czar"),
        "{text}"
    );
    assert!(!text.contains("warrant.The"));
    assert!(
        text.contains("U.S. presidential elections"),
        "abbreviations stay intact"
    );
    assert!(text.contains("1.5 billion"), "decimals stay intact");
    assert!(text.contains("at Flashpoint.\n\n\"From an email spam perspective"));
    let original = std::fs::read(seed_path()).unwrap();
    assert_eq!(doc["sha256"], dossier::import::sha256_hex(&original));
    assert_eq!(doc["original_size"], original.len());
}

#[test]
fn reimporting_the_same_bytes_is_a_reported_duplicate() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let before = sandbox.snapshot();
    let copy = sandbox.write("renamed-copy.txt", std::fs::read(seed_path()).unwrap());
    let (code, report) = sandbox.import(&[&seed_path(), &copy]);
    assert_eq!(code, 0);
    assert_eq!(report["imported"], 0);
    assert_eq!(report["duplicates"], 2);
    assert_eq!(sandbox.snapshot(), before);
}

#[test]
fn folders_import_recursively_with_each_format_recognised_by_content() {
    let sandbox = Sandbox::new();
    sandbox.write(
        "a/record-without-extension",
        news_record("7", "A record", "Mar 3, 2017", "Text."),
    );
    sandbox.write(
        "a/b/page.html",
        "<html lang=\"en\"><head><title>Page title</title>\
         <meta property=\"article:published_time\" content=\"2017-04-11T09:30:00Z\"></head>\
         <body><article><h1>Page title</h1><p>The first paragraph of a page that is long enough \
         to count as an article body for any reader view.</p><p>A second paragraph follows \
         here with more words in it.</p></article></body></html>",
    );
    sandbox.write("a/b/notes.md", "---\ntitle: My notes\n---\nSome *notes*.\n");
    sandbox.write("plain.txt", "A plain title\n\nAnd a body.\n");
    sandbox.write(".hidden.txt", "editor litter that must be skipped\n");
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 4);
    let mut formats: Vec<String> = sandbox
        .docs()
        .iter()
        .map(|d| d["format"].as_str().unwrap().to_string())
        .collect();
    formats.sort();
    assert_eq!(formats, ["html", "markdown", "news_record", "text"]);
    let html = sandbox
        .docs()
        .into_iter()
        .find(|d| d["format"] == "html")
        .unwrap();
    assert_eq!(html["title"], "Page title");
    assert_eq!(html["published"], "2017-04-11T09:30:00Z");
}

#[test]
fn a_file_of_several_records_becomes_several_documents() {
    let sandbox = Sandbox::new();
    let file = [
        news_record("1", "First", "Jan 1, 2017", "One."),
        news_record("2", "Second", "Jan 2, 2017", "Two."),
        news_record("3", "Third", "", "Three."),
    ]
    .concat();
    let path = sandbox.write("three.txt", &file);
    let (code, report) = sandbox.import(&[&path]);
    assert_eq!(code, 0);
    assert_eq!(report["imported"], 3);
    let docs = sandbox.docs();
    let refs: Vec<&str> = docs
        .iter()
        .map(|d| d["doc_ref"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        ["1", "2", "3"],
        "dated documents first, in date order"
    );
}

#[test]
fn email_keeps_its_envelope_and_attachment_names() {
    let sandbox = Sandbox::new();
    let (code, report) = sandbox.import(&[&repo_path("assets/demo/email-tip-from-source.eml")]);
    assert_eq!(code, 0, "{report}");
    let doc = sandbox.show(report["documents"][0].as_i64().unwrap());
    assert_eq!(doc["kind"], "email");
    assert_eq!(
        doc["title"],
        "Keldara payments ledger - please keep my name out of it"
    );
    assert_eq!(doc["published"], "2017-04-11T22:47:05+02:00");
    assert_eq!(
        doc["extra"]["attachments"],
        serde_json::json!(["ledger-2017Q1.csv"])
    );
    assert_eq!(doc["extra"]["to"][0], "Newsdesk <newsdesk@example.com>");
    assert!(doc["text"]
        .as_str()
        .unwrap()
        .contains("Attached is the ledger"));
    assert!(
        !doc["text"].as_str().unwrap().contains("account-17"),
        "attachments are not body"
    );
}

#[test]
fn the_demo_sources_get_the_kinds_a_person_would_give_them() {
    let sandbox = Sandbox::new();
    let (code, report) = sandbox.import(&[&repo_path("assets/demo")]);
    assert_eq!(code, 0, "{report}");
    let mut kinds: Vec<String> = sandbox
        .docs()
        .iter()
        .map(|d| d["kind"].as_str().unwrap().to_string())
        .collect();
    kinds.sort();
    assert_eq!(
        kinds,
        [
            "article",
            "email",
            "indictment",
            "indictment",
            "other",
            "press_release",
            "transcript"
        ],
        "the tip's ledger (a CSV attachment) is a table of kind other"
    );
}

#[test]
fn kind_and_title_can_be_corrected() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let (code, doc) = sandbox.json(&["edit", "1", "--kind", "press-release", "--title", "Fixed"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["kind"], "press_release");
    assert_eq!(sandbox.show(1)["title"], "Fixed");
    let (code, err) = sandbox.json(&["edit", "1", "--kind", "poem"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], "invalid_input");
}

#[test]
fn a_case_made_by_the_first_schema_still_opens() {
    // This fixture was written by the first build (schema version 1) and is never regenerated:
    // every later build must open it and migrate it.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("v1.dossier");
    std::fs::copy(repo_path("tests/fixtures/cases/v1.dossier"), &copy).unwrap();
    let case = dossier::Case::open(&copy).unwrap();
    let docs = case.documents().unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].doc_ref.as_deref(), Some("578"));
    assert!(case.verify().unwrap().is_ok());
}

#[test]
fn importing_the_folder_that_holds_the_case_skips_the_case_itself() {
    let sandbox = Sandbox::new();
    sandbox.write("note.txt", "A note\n\nBeside the case file.\n");
    let (code, report) = sandbox.import(&[sandbox.dir.path()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["imported"], 1);
    assert_eq!(report["failed"].as_array().unwrap().len(), 0);
}
