//! Bad input never stops a batch and never changes what is already in the case: each bad file
//! gets an error naming it and its problem, and the good files beside it are imported.

use crate::support::*;

/// Imports one bad file beside one good file into a case that already holds the seed, and
/// checks that the bad one failed with `expected` in its message, the good one was imported,
/// and the seed is untouched. Returns the report.
fn check_bad(name: &str, write: impl FnOnce(&Sandbox) -> std::path::PathBuf, expected: &str) {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let before = sandbox.snapshot();
    let bad = write(&sandbox);
    let good = sandbox.write(
        "good.txt",
        format!("A good note beside {name}\n\nIt imports.\n"),
    );
    let (code, report) = sandbox.import(&[&bad, &good]);
    assert_eq!(code, 3, "partial failure exits 3: {report}");
    assert_eq!(report["imported"], 1, "{report}");
    let failed = failures(&report);
    assert_eq!(failed.len(), 1, "{report}");
    let (file, error) = &failed[0];
    assert!(
        error.contains(file.as_str()),
        "the error names the file: {error}"
    );
    assert!(
        error.contains(expected),
        "{name}: expected '{expected}' in '{error}'"
    );
    let after = sandbox.snapshot();
    assert_eq!(
        after[..before.len()],
        before[..],
        "what was in the case is unchanged"
    );
    assert!(sandbox.run(&["verify"]).status.success());
}

#[test]
fn empty_file() {
    check_bad("empty", |s| s.write("empty.txt", ""), "empty file");
}

#[test]
fn whitespace_only_file() {
    check_bad(
        "blank",
        |s| s.write("blank.txt", "  \n\n \t\n"),
        "holds no text",
    );
}

#[test]
fn binary_junk() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    check_bad("junk", |s| s.write("junk.txt", &junk), "binary data");
}

#[test]
fn a_pdf_is_named_as_such() {
    check_bad(
        "pdf",
        |s| s.write("filing.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
        "PDF",
    );
}

#[test]
fn huge_file_is_refused_without_being_read() {
    check_bad(
        "huge",
        |s| {
            let path = s.write("huge.txt", "");
            // A sparse file: 200 MB on paper, nothing on disk, so the test stays fast.
            std::fs::File::options()
                .write(true)
                .open(&path)
                .unwrap()
                .set_len(200_000_000)
                .unwrap();
            path
        },
        "too large (200.0 MB)",
    );
}

#[test]
fn truncated_news_record() {
    check_bad(
        "truncated",
        |s| {
            s.write(
                "cut.txt",
                "URL:https://example.com/a\nTITLE:Cut off\nDATE:Apr 1, 2017\nDOC",
            )
        },
        "truncated news record",
    );
}

#[test]
fn unreadable_path() {
    check_bad(
        "missing",
        |s| s.sources().join("does-not-exist.txt"),
        "No such file",
    );
}

#[test]
fn unknown_format_is_reported_not_guessed() {
    // A CSV was the example once; tables are imported now (`import::table`).
    check_bad(
        "json",
        |s| s.write("data.json", "{\"a\": [1, 2]}\n"),
        "unknown format",
    );
}

#[test]
fn legacy_encoding_is_decoded_with_a_note() {
    let sandbox = Sandbox::new();
    let path = sandbox.write(
        "cp1252.txt",
        b"Caf\xe9 society\n\n\x93Quoted,\x94 she said.\n",
    );
    let (code, report) = sandbox.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    assert!(report["warnings"][0]["warning"]
        .as_str()
        .unwrap()
        .contains("windows-1252"));
    let doc = sandbox.show(report["documents"][0].as_i64().unwrap());
    assert_eq!(doc["text"], "Café society\n\n“Quoted,” she said.");
    assert_eq!(
        doc["original_size"], 34,
        "the original bytes are kept as they were"
    );
}

#[test]
fn mojibake_is_repaired_in_the_text_but_not_in_the_original() {
    let sandbox = Sandbox::new();
    let record = news_record("m1", "Profits", "", "Profits rose to $1.13bn (Â£600m).");
    let path = sandbox.write("mojibake.txt", &record);
    let (_, report) = sandbox.import(&[&path]);
    let doc = sandbox.show(report["documents"][0].as_i64().unwrap());
    assert_eq!(doc["text"], "Profits rose to $1.13bn (£600m).");
    assert_eq!(
        doc["sha256"],
        dossier::import::sha256_hex(record.as_bytes())
    );
}

#[test]
fn html_scripts_and_handlers_never_reach_the_text() {
    let sandbox = Sandbox::new();
    let page = "<html><head><title>Hostile page</title><script>alert('pwned')</script></head>\
        <body><article><p>An ordinary paragraph that a reader wants to keep, long enough to be \
        the article.</p><img src=x onerror=\"alert('img')\"><p>Another paragraph of real text \
        for the reader view to keep.</p><script>document.write('injected')</script>\
        </article></body></html>";
    let path = sandbox.write("hostile.html", page);
    let (code, report) = sandbox.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    let text = sandbox.show(report["documents"][0].as_i64().unwrap())["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(text.contains("An ordinary paragraph"), "{text}");
    for forbidden in ["alert", "onerror", "injected", "<script", "<img"] {
        assert!(
            !text.contains(forbidden),
            "'{forbidden}' leaked into {text}"
        );
    }
}

#[test]
fn one_damaged_record_does_not_cost_the_others() {
    let sandbox = Sandbox::new();
    let file = format!(
        "{}URL:https://example.com/cut\nTITLE:No content\nDATE:\nDOC ID:9\n{}",
        news_record("1", "Fine", "", "Fine text."),
        news_record("2", "Also fine", "", "More text.")
    );
    let path = sandbox.write("mixed.txt", &file);
    let (code, report) = sandbox.import(&[&path]);
    assert_eq!(code, 3, "{report}");
    assert_eq!(report["imported"], 2);
    let (_, error) = &failures(&report)[0];
    assert!(
        error.contains("record 2") && error.contains("no CONTENT"),
        "{error}"
    );
}

#[test]
fn a_file_that_is_not_a_case_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let not_a_case = dir.path().join("notes.txt");
    std::fs::write(&not_a_case, "just some text, not a database").unwrap();
    let out = dossier()
        .arg("--case")
        .arg(&not_a_case)
        .arg("docs")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("is not a Dossier case file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(&not_a_case).unwrap(),
        "just some text, not a database"
    );
}
