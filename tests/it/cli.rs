//! The CLI's contract: exit codes, JSON shapes and messages.

use crate::support::*;

#[test]
fn usage_errors_exit_2() {
    let out = dossier().arg("import").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dossier().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_case_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .arg("--case")
        .arg(dir.path().join("nope.dossier"))
        .arg("docs")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("dossier new"), "{}", stderr(&out));
    let out = dossier().arg("docs").output().unwrap();
    assert!(
        stderr(&out).contains("--case PATH or set DOSSIER_CASE"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_case_can_come_from_the_environment() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let out = dossier()
        .env("DOSSIER_CASE", &sandbox.case)
        .args(["docs", "--json"])
        .output()
        .unwrap();
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
}

#[test]
fn new_refuses_to_overwrite() {
    let sandbox = Sandbox::new();
    let out = dossier()
        .arg("new")
        .arg(&sandbox.case)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "conflict");
}

#[test]
fn docs_json_has_the_documented_fields() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let docs = sandbox.docs();
    let mut keys: Vec<&String> = docs[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "copies",
            "doc_ref",
            "format",
            "id",
            "kind",
            "outlet",
            "published",
            "sha256",
            "title",
            "url"
        ]
    );
}

#[test]
fn show_of_an_unknown_id_is_not_found() {
    let sandbox = Sandbox::new();
    let (code, err) = sandbox.json(&["show", "42"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], "not_found");
    assert_eq!(err["error"]["message"], "no document with id 42");
}

#[test]
fn human_output_names_failures_and_sums_up() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write("empty.txt", "");
    let out = sandbox.run(&[
        "import",
        &seed_path().display().to_string(),
        &bad.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("failed: ") && stderr(&out).contains("empty.txt: empty file"));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.trim().lines().collect();
    assert_eq!(
        lines[0],
        "Imported 1 document, 0 duplicates skipped, 1 file failed."
    );
    // The import waited for the extraction stage, which says what it did.
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(
        lines[1].starts_with("Extracted 1 pending document(s): "),
        "{printed}"
    );
}

#[test]
fn extract_article_needs_no_case() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html lang=\"en-GB\"><head><title>A headline | The Example Times</title>\
         <meta property=\"og:site_name\" content=\"The Example Times\">\
         <meta name=\"author\" content=\"Ana Ruiz\">\
         <meta property=\"article:published_time\" content=\"2017-04-12T05:00:00-07:00\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>\
         <h1>A headline</h1><p>The first paragraph of the story, which is long enough to be the \
         main text of this page by any measure.</p><p>The second paragraph continues the story \
         with more detail about what happened.</p></article>\
         <footer>Copyright The Example Times</footer></body></html>",
    )
    .unwrap();
    let out = dossier()
        .args(["extract", "article"])
        .arg(&page)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["title"], "A headline");
    assert_eq!(article["site_name"], "The Example Times");
    assert_eq!(article["byline"], "Ana Ruiz");
    assert_eq!(article["published"], "2017-04-12T05:00:00-07:00");
    assert_eq!(article["lang"], "en-GB");
    let text = article["text"].as_str().unwrap();
    assert!(
        text.starts_with("The first paragraph") || text.starts_with("A headline"),
        "{text}"
    );
    assert!(
        !text.contains("Home") && !text.contains("Copyright"),
        "{text}"
    );
}

fn extract_json(args: &[&str]) -> serde_json::Value {
    let out = dossier()
        .arg("extract")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn extract_dates_resolves_the_seed_against_its_publication_date() {
    let seed = seed_path().display().to_string();
    let found = extract_json(&["dates", &seed, "--ref", "2017-04-12"]);
    let value_of = |text: &str| {
        let hit = found.as_array().unwrap().iter().find(|t| t["text"] == text);
        hit.unwrap_or_else(|| panic!("'{text}' not found in {found}"))
            .clone()
    };
    assert_eq!(value_of("last week")["value"], "2017-W14");
    assert_eq!(value_of("last week")["earliest"], "2017-04-03");
    assert_eq!(value_of("last month")["value"], "2017-03");
    assert_eq!(value_of("at least 20 years")["type"], "DURATION");
    assert_eq!(value_of("at least 20 years")["value"], "P20Y");
    assert_eq!(
        value_of("Apr 12, 2017 5:00 AM PT")["value"],
        "2017-04-12T05:00-07:00"
    );
    let out = dossier()
        .args(["extract", "dates", &seed, "--ref", "12/04/2017"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn extract_quotes_attributes_the_seed_to_its_speakers() {
    let found = extract_json(&["quotes", &seed_path().display().to_string()]);
    let quotes = found.as_array().unwrap();
    let mut speakers: Vec<&str> = quotes
        .iter()
        .filter(|q| q["kind"] == "direct")
        .filter_map(|q| q["speaker"]["name"].as_str())
        .collect();
    speakers.sort();
    speakers.dedup();
    assert_eq!(
        speakers,
        [
            "Avivah Litan",
            "Keith Jarvis",
            "Kenneth A. Blanco",
            "Leo Taddeo",
            "Vitali Kremez"
        ]
    );
    let scare = quotes
        .iter()
        .find(|q| q["text"] == "pump and dump")
        .unwrap();
    assert_eq!(scare["kind"], "scare");
    assert!(scare["speaker"].is_null());
    let split = quotes
        .iter()
        .find(|q| q["spans"].as_array().unwrap().len() == 2)
        .unwrap();
    assert_eq!(split["speaker"]["name"], "Keith Jarvis");
}
