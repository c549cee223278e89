//! `verify` proves a case is intact and reports tampering precisely.

use crate::support::*;

#[test]
fn an_intact_case_verifies() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&repo_path("assets/demo")]);
    let (code, report) = sandbox.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["ok"], true);
    // Five text sources and the superseding indictment PDF.
    assert_eq!(report["documents_checked"], 6);
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
