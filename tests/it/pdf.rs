//! PDF sources: page-exact text, court filings' structure, defendants linked to the press's
//! people, dated overt acts on the timeline, and a clear error for every bad PDF.

use std::path::PathBuf;

use serde_json::Value;

use crate::support::*;

/// The PDF writer the unit tests use: text runs placed on US Letter pages in Helvetica.
#[path = "../../src/import/pdf/testpdf.rs"]
#[allow(dead_code)]
mod testpdf;

use testpdf::{build, column, run, Page, Spec};

/// A fixture written for these tests after the public record of the 2017 Kelihos case; it
/// is not the text of the real filing.
const LEVASHOV: [&[&str]; 3] = [
    &[
        "UNITED STATES DISTRICT COURT",
        "DISTRICT OF CONNECTICUT",
        "",
        "UNITED STATES OF AMERICA",
        "v.",
        "PETER YURYEVICH LEVASHOV,",
        "  a/k/a \"Petr Levashov,\"",
        "  a/k/a \"Peter Severa,\"",
        "Defendant.",
        "",
        "Criminal No. 3:17-cr-00083",
        "",
        "INDICTMENT",
        "",
        "The Grand Jury charges:",
        "",
        "GENERAL ALLEGATIONS",
        "",
        "1. From at least in or about 2009 through the present, the defendant PETER YURYEVICH \
         LEVASHOV operated the Kelihos botnet.",
        "",
        "2. In or about March 2017, LEVASHOV used the Kelihos botnet to send spam.",
    ],
    &[
        "COUNT ONE",
        "(Conspiracy to Commit Wire Fraud)",
        "",
        "3. The allegations in paragraphs 1 and 2 are incorporated by reference.",
        "",
        "4. From in or about January 2016 through in or about April 2017, LEVASHOV conspired \
         to defraud, in violation of Title 18, United States Code, Section 1349.",
        "",
        "Overt Acts",
        "",
        "5. In furtherance of the conspiracy, the defendant committed these overt acts:",
        "",
        "a. On or about March 3, 2017, LEVASHOV caused the botnet to send 40 million emails.",
    ],
    &[
        "b. On or about March 21, 2017, LEVASHOV rented a server to control the botnet.",
        "",
        "COUNT TWO",
        "(Intentional Damage to a Protected Computer)",
        "",
        "6. In or about March 2017, LEVASHOV caused damage to protected computers, in \
         violation of 18 U.S.C. § 1030(a)(5)(A).",
        "",
        "A TRUE BILL.",
        "",
        "Dated: April 20, 2017",
    ],
];

/// Wraps each source line at 78 characters, as a word processor would, with a blank line
/// between paragraphs, so that the layout sees lines of a column and the gaps between
/// paragraphs.
fn wrap(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines {
        let indent = line.len() - line.trim_start().len();
        let mut current = " ".repeat(indent);
        for word in line.split_whitespace() {
            if current.trim().len() + word.len() + 1 > 78 {
                out.push(std::mem::take(&mut current));
            }
            if !current.trim().is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(current);
    }
    out
}

fn page(lines: &[&str], number: usize, of: usize) -> Page {
    let wrapped = wrap(lines);
    let refs: Vec<&str> = wrapped.iter().map(String::as_str).collect();
    let mut runs = column(72.0, 700.0, 13.0, &refs);
    runs.iter_mut().for_each(|r| r.size = 10.0);
    runs.push(run(
        72.0,
        760.0,
        &format!("Case 3:17-cr-00083 Document 1 Filed 04/20/17 Page {number} of {of}"),
    ));
    runs.push(run(300.0, 30.0, &number.to_string()));
    Page {
        runs,
        ..Page::default()
    }
}

fn indictment_pdf() -> Vec<u8> {
    build(&Spec {
        pages: LEVASHOV
            .iter()
            .enumerate()
            .map(|(i, lines)| page(lines, i + 1, LEVASHOV.len()))
            .collect(),
        title: Some("United States v. Levashov".into()),
        author: Some("U.S. Attorney's Office".into()),
        created: Some("D:20170420093000-04'00'".into()),
        compress: true,
        ..Spec::default()
    })
}

fn text_pdf(lines: &[&str]) -> Vec<u8> {
    build(&Spec {
        pages: vec![Page {
            runs: column(72.0, 700.0, 14.0, lines),
            ..Page::default()
        }],
        ..Spec::default()
    })
}

fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The printed number of the page of `doc` holding char `offset`.
fn page_of(doc: &Value, offset: u64) -> u64 {
    doc["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["start"].as_u64().unwrap() <= offset && offset < p["end"].as_u64().unwrap())
        .map(|p| p["number"].as_u64().unwrap())
        .unwrap_or_else(|| panic!("no page holds offset {offset}"))
}

fn only_document(s: &Sandbox, report: &Value) -> Value {
    let ids = report["documents"].as_array().unwrap();
    assert_eq!(ids.len(), 1, "{report}");
    s.show(ids[0].as_i64().unwrap())
}

#[test]
fn an_indictment_imports_with_pages_structure_and_page_exact_citations() {
    let s = Sandbox::new();
    let path = s.write("levashov-indictment.pdf", indictment_pdf());
    let (code, report) = s.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    let doc = only_document(&s, &report);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(doc["format"], "pdf");
    assert_eq!(doc["kind"], "indictment");
    assert_eq!(doc["text_status"], "text");
    assert_eq!(doc["title"], "United States v. Levashov");
    assert_eq!(doc["authors"][0], "U.S. Attorney's Office");
    // A filing is published when it is filed, not when its PDF was written.
    assert_eq!(doc["published"], "2017-04-20");
    // The running header and the page numbers are gone from the text.
    assert!(!text.contains("Document 1 Filed"), "{text}");

    // The pages tile the stored text, and each phrase is on the page it was printed on.
    let pages = doc["pages"].as_array().unwrap();
    assert_eq!(pages.len(), 3);
    let mut at = 0;
    for (i, p) in pages.iter().enumerate() {
        assert_eq!(p["physical"], i as u64 + 1);
        assert_eq!(p["number"], i as u64 + 1);
        assert_eq!(p["start"].as_u64().unwrap(), at);
        at = p["end"].as_u64().unwrap();
    }
    assert_eq!(at as usize, text.chars().count());
    let offset = |needle: &str| text[..text.find(needle).unwrap()].chars().count() as u64;
    assert_eq!(page_of(&doc, offset("GENERAL ALLEGATIONS")), 1);
    assert_eq!(page_of(&doc, offset("COUNT ONE")), 2);
    assert_eq!(page_of(&doc, offset("On or about March 3, 2017")), 2);
    assert_eq!(page_of(&doc, offset("On or about March 21, 2017")), 3);

    let legal = &doc["legal"];
    assert_eq!(legal["doc_type"], "indictment");
    assert_eq!(
        legal["court"],
        "United States District Court for the District of Connecticut"
    );
    assert_eq!(legal["case_number"], "3:17-cr-00083");
    assert_eq!(legal["filing_date"], "2017-04-20");
    assert_eq!(legal["caption"]["plaintiff"], "United States of America");
    let defendant = &legal["caption"]["defendants"][0];
    assert_eq!(defendant["name"], "PETER YURYEVICH LEVASHOV");
    assert_eq!(
        defendant["aliases"],
        serde_json::json!(["Petr Levashov", "Peter Severa"])
    );
    assert_eq!(
        chars(
            text,
            defendant["start"].as_u64().unwrap(),
            defendant["end"].as_u64().unwrap()
        ),
        "PETER YURYEVICH LEVASHOV"
    );
    let counts = legal["counts"].as_array().unwrap();
    let summary: Vec<(u64, Vec<&str>, &str, u64)> = counts
        .iter()
        .map(|c| {
            (
                c["number"].as_u64().unwrap(),
                c["statutes"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect(),
                c["description"].as_str().unwrap(),
                c["page"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                1,
                vec!["18 U.S.C. § 1349"],
                "Conspiracy to Commit Wire Fraud",
                2
            ),
            (
                2,
                vec!["18 U.S.C. § 1030(a)(5)(A)"],
                "Intentional Damage to a Protected Computer",
                3
            ),
        ]
    );
    let paragraphs: Vec<(&str, bool, u64, Option<&str>)> = legal["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["label"].as_str().unwrap(),
                p["is_overt_act"].as_bool().unwrap(),
                p["page"].as_u64().unwrap(),
                p["dates"][0]["value"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        paragraphs,
        [
            ("1", false, 1, Some("2009")),
            ("2", false, 1, Some("2017-03")),
            ("3", false, 2, None),
            ("4", false, 2, Some("2016-01")),
            ("5", false, 2, None),
            ("a", true, 2, Some("2017-03-03")),
            ("b", true, 3, Some("2017-03-21")),
            ("6", false, 3, Some("2017-03")),
        ]
    );
    let act_b = &legal["paragraphs"][6];
    assert!(chars(
        text,
        act_b["text_start"].as_u64().unwrap(),
        act_b["text_end"].as_u64().unwrap()
    )
    .starts_with("On or about March 21, 2017, LEVASHOV rented a server"));
}

#[test]
fn the_defendant_is_the_press_s_pyotr_levashov_and_his_overt_acts_are_events() {
    let s = Sandbox::new();
    let path = s.write("levashov-indictment.pdf", indictment_pdf());
    let (code, report) = s.import(&[&seed_path(), &path]);
    assert_eq!(code, 0, "{report}");
    let indictment_id = report["documents"][1].as_i64().unwrap();

    // One entity: the seed's "Pyotr Levashov" (and its misspelling "Levishov") and the
    // indictment's "Peter Yuryevich Levashov" a/k/a "Petr Levashov".
    let (code, entity) = s.json(&["entity", "show", "Pyotr Levashov"]);
    assert_eq!(code, 0, "{entity}");
    let (_, same) = s.json(&["entity", "show", "Peter Yuryevich Levashov"]);
    assert_eq!(entity["id"], same["id"], "{entity}\n{same}");
    let aliases: Vec<&str> = entity["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["alias"].as_str().unwrap())
        .collect();
    for alias in ["Peter Yuryevich Levashov", "Petr Levashov", "Peter Severa"] {
        assert!(aliases.contains(&alias), "{alias} missing from {aliases:?}");
    }
    let mentions = entity["mentions"].as_array().unwrap();
    assert!(mentions.iter().any(|m| m["doc_id"] == indictment_id));
    assert!(mentions.iter().any(|m| m["doc_id"] != indictment_id));
    let (_, all) = s.json(&["entities"]);
    let levashovs = all
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["name"].as_str().unwrap_or("").contains("Levashov"))
        .count();
    assert_eq!(levashovs, 1, "{all}");

    // The dated paragraphs are events citing the paragraph, whose page the document gives.
    let (code, events) = s.json(&["timeline"]);
    assert_eq!(code, 0);
    let events = events.as_array().unwrap();
    let doc = s.show(indictment_id);
    let text = doc["text"].as_str().unwrap();
    let event = |needle: &str| -> &Value {
        events
            .iter()
            .find(|e| e["title"].as_str().unwrap().contains(needle))
            .unwrap_or_else(|| panic!("no event {needle}: {events:?}"))
    };
    let rented = event("Overt act b");
    assert_eq!(rented["value"], "2017-03-21");
    assert_eq!(rented["precision"], "day");
    let source = &rented["sources"][0];
    assert_eq!(source["doc_id"], indictment_id);
    let (start, end) = (
        source["start"].as_u64().unwrap(),
        source["end"].as_u64().unwrap(),
    );
    assert_eq!(
        chars(text, start, end),
        "On or about March 21, 2017, LEVASHOV rented a server to control the botnet."
    );
    assert_eq!(page_of(&doc, start), 3);
    assert!(rented["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e == "Peter Yuryevich Levashov" || e == "Pyotr Levashov"));

    let month = event("¶ 2:");
    assert_eq!(month["value"], "2017-03");
    assert_eq!(month["precision"], "month");
    assert_eq!(
        (month["earliest"].as_str(), month["latest"].as_str()),
        (Some("2017-03-01"), Some("2017-03-31"))
    );
    let range = event("¶ 1:");
    assert_eq!(
        (range["earliest"].as_str(), range["latest"].as_str()),
        (Some("2009-01-01"), Some("2017-04-20")),
        "from at least 2009 through the present (the filing date): {range}"
    );
    assert_eq!(
        range["sources"][0]["date_text"],
        "From at least in or about 2009 through the present"
    );
    // The dates inside a paragraph make no sentence events of their own.
    let from_indictment = events
        .iter()
        .filter(|e| {
            e["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["doc_id"] == indictment_id)
        })
        .count();
    // Publication, ¶ 1, 2, 4, 6, overt acts a and b, and the "Dated:" line.
    assert_eq!(from_indictment, 8, "{events:?}");

    // Re-extraction proposes the same events again, not twice as many.
    s.json(&["reextract"]);
    let (_, again) = s.json(&["timeline"]);
    assert_eq!(again.as_array().unwrap().len(), events.len());
}

#[test]
fn layouts_read_in_order_without_headers_footers_or_line_numbers() {
    let s = Sandbox::new();
    let pleading = repo_path("tests/fixtures/pdf/pleading-libreoffice.pdf");
    let two_column = repo_path("tests/fixtures/pdf/two-column-libreoffice.pdf");
    let single = s.write(
        "single.pdf",
        text_pdf(&[
            "A single column of text runs from the top of the page to the end of the investi-",
            "gation, and then stops.",
        ]),
    );
    let (code, report) = s.import(&[&pleading, &two_column, &single]);
    assert_eq!(code, 0, "{report}");
    let ids: Vec<i64> = report["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    for (id, reference) in [
        (ids[0], "tests/fixtures/pdf/pleading-libreoffice.txt"),
        (ids[1], "tests/fixtures/pdf/two-column-libreoffice.txt"),
    ] {
        let doc = s.show(id);
        let text = doc["text"].as_str().unwrap();
        let expected = std::fs::read_to_string(repo_path(reference)).unwrap();
        // Every paragraph of the source, in order, verbatim: no line numbers, headers or
        // footers inside them and the left column before the right.
        let mut from = 0;
        for para in expected.split("\n\n").map(squash).filter(|p| !p.is_empty()) {
            let at = squash(&text[from..]).find(&para).unwrap_or_else(|| {
                panic!("{reference}: paragraph missing or out of order: {para}")
            });
            from += at.min(text.len() - from);
        }
        assert!(!text.contains("Filed 04/20/17"), "{reference}");
        assert!(doc["pages"].as_array().unwrap().len() >= 2);
    }
    let single = s.show(ids[2]);
    assert_eq!(
        single["text"],
        "A single column of text runs from the top of the page to the end of the \
         investigation, and then stops."
    );
}

#[test]
fn a_scan_without_text_is_imported_as_needing_ocr() {
    let s = Sandbox::new();
    let scan = s.write(
        "scanned-complaint.pdf",
        build(&Spec {
            pages: vec![
                Page {
                    image: true,
                    ..Page::default()
                };
                2
            ],
            ..Spec::default()
        }),
    );
    let (code, report) = s.import(&[&scan]);
    assert_eq!(code, 0, "{report}");
    let warning = report["warnings"][0]["warning"].as_str().unwrap();
    assert!(warning.contains("scanned-complaint.pdf"), "{warning}");
    assert!(warning.contains("no text layer: needs OCR"), "{warning}");
    let doc = only_document(&s, &report);
    assert_eq!(doc["text_status"], "needs_ocr");
    assert_eq!(doc["pages"].as_array().unwrap().len(), 2);
    let out = s.run(&["show", &doc["id"].to_string()]);
    assert!(stdout(&out).contains("no text layer: needs OCR"));
}

/// A PDF nesting arrays a million deep: a parser that recursed would overflow its stack.
fn nesting_bomb() -> Vec<u8> {
    let mut pdf = b"%PDF-1.5\n1 0 obj\n".to_vec();
    pdf.extend(std::iter::repeat_n(b'[', 1_000_000));
    pdf.extend(std::iter::repeat_n(b']', 1_000_000));
    pdf.extend_from_slice(b"\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A PDF whose one content stream inflates to 520 MB, past the 512 MB bound.
fn inflation_bomb() -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..520 {
        z.write_all(&zeros).unwrap();
    }
    let body = z.finish().unwrap();
    let mut pdf = format!(
        "%PDF-1.5\n1 0 obj\n<< /Length {} /Filter /FlateDecode >>\nstream\n",
        body.len()
    )
    .into_bytes();
    pdf.extend_from_slice(&body);
    pdf.extend_from_slice(b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

#[test]
fn every_bad_pdf_gets_its_own_error_and_the_case_is_untouched() {
    let s = Sandbox::new();
    s.import(&[&seed_path()]);
    let before = s.snapshot();

    let good = text_pdf(&["A good PDF among bad ones."]);
    let mut truncated = indictment_pdf();
    truncated.truncate(truncated.len() / 2);
    // Objects that never close, in a file that looks complete.
    let damaged = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF\n".to_vec();
    let bad: Vec<(&str, Vec<u8>)> = vec![
        (
            "encrypted.pdf",
            std::fs::read(repo_path("tests/fixtures/pdf/encrypted-user-password.pdf")).unwrap(),
        ),
        ("truncated.pdf", truncated),
        ("damaged.pdf", damaged),
        (
            "not-really.pdf",
            b"Just some text named like a PDF.".to_vec(),
        ),
        ("nesting-bomb.pdf", nesting_bomb()),
        ("inflation-bomb.pdf", inflation_bomb()),
    ];
    let mut paths: Vec<PathBuf> = bad
        .iter()
        .map(|(name, bytes)| s.write(name, bytes))
        .collect();
    paths.push(s.write("good.pdf", good));
    let refs: Vec<&std::path::Path> = paths.iter().map(PathBuf::as_path).collect();
    let started = std::time::Instant::now();
    let (code, report) = s.import(&refs);
    let took = started.elapsed();
    assert_ne!(code, 0, "a batch with failures exits non-zero: {report}");
    assert_eq!(report["imported"], 1, "{report}");
    let mut failed = failures(&report);
    failed.sort();
    let expect = [
        ("damaged.pdf", "the PDF is damaged"),
        ("encrypted.pdf", "encrypted (password-protected)"),
        ("inflation-bomb.pdf", "safety limit"),
        ("nesting-bomb.pdf", "safety limit"),
        ("not-really.pdf", "not a PDF file"),
        ("truncated.pdf", "truncated"),
    ];
    assert_eq!(failed.len(), expect.len(), "{failed:?}");
    for ((name, error), (want_name, want)) in failed.iter().zip(expect) {
        assert_eq!(name, want_name);
        assert!(error.contains(want), "{name}: {error}");
        assert!(
            error.contains(want_name),
            "the error names the file: {error}"
        );
    }
    // Generous: the bound is what matters, not the speed of a busy machine.
    assert!(took.as_secs() < 120, "bad PDFs took {took:?}");
    let after = s.snapshot();
    assert_eq!(before[..], after[..before.len()]);
}

#[test]
fn the_demo_superseding_indictment_is_a_real_world_pdf_that_parses() {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&repo_path("assets/demo")]);
    assert_eq!(code, 0, "{report}");
    let pdf = s
        .docs()
        .into_iter()
        .find(|d| d["format"] == "pdf")
        .expect("the demo holds a PDF");
    let doc = s.show(pdf["id"].as_i64().unwrap());
    let text = doc["text"].as_str().unwrap();
    // LibreOffice's pleading line numbers, ECF header and page footer are not text.
    assert!(!text.contains("Document 41"), "{text}");
    assert!(
        !text.lines().any(|l| l.trim().parse::<u32>().is_ok()),
        "{text}"
    );
    let legal = &doc["legal"];
    assert_eq!(legal["doc_type"], "superseding_indictment");
    assert_eq!(legal["case_number"], "3:17-cr-00214");
    assert_eq!(legal["filing_date"], "2017-06-15");
    let defendants: Vec<&str> = legal["caption"]["defendants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        defendants,
        ["VIKTOR ANDREYEVICH MARLOW", "LENA PETROVNA KORSAK"]
    );
    let counts = legal["counts"].as_array().unwrap();
    assert_eq!(counts.len(), 4);
    assert_eq!(counts[3]["statutes"][0], "18 U.S.C. § 1028A(a)(1)");
    let overt = legal["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["is_overt_act"] == true)
        .count();
    assert_eq!(overt, 3);
    // The defendant of both indictments and the press release is one person.
    let (_, marlow) = s.json(&["entity", "show", "Viktor Andreyevich Marlow"]);
    let documents: std::collections::BTreeSet<i64> = marlow["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["doc_id"].as_i64().unwrap())
        .collect();
    assert!(documents.contains(&doc["id"].as_i64().unwrap()));
    assert!(documents.len() >= 2, "{marlow}");
}

#[test]
fn the_case_api_gives_the_page_of_any_offset() {
    let s = Sandbox::new();
    let path = s.write("levashov-indictment.pdf", indictment_pdf());
    let (_, report) = s.import(&[&path, &seed_path()]);
    let (pdf_id, article_id) = (
        report["documents"][0].as_i64().unwrap(),
        report["documents"][1].as_i64().unwrap(),
    );
    let case = dossier::Case::open(&s.case).unwrap();
    let doc = case.document(pdf_id).unwrap();
    let at = |needle: &str| doc.text[..doc.text.find(needle).unwrap()].chars().count();
    let page = |offset: usize| case.page_of(pdf_id, offset).unwrap().unwrap().number;
    assert_eq!(page(0), 1);
    assert_eq!(page(at("COUNT ONE")), 2);
    assert_eq!(page(at("COUNT TWO")), 3);
    let end = doc.text.chars().count();
    assert_eq!(page(end), 3, "the end of the text is on the last page");
    let past = case.page_of(pdf_id, end + 1).unwrap_err();
    assert_eq!(past.code, dossier::ErrorCode::InvalidInput);
    assert_eq!(case.page_of(article_id, 10).unwrap(), None);
    assert_eq!(case.pages(pdf_id).unwrap(), doc.pages);
    assert_eq!(case.legal_structure(pdf_id).unwrap(), doc.legal);
    assert_eq!(
        case.pages(9999).unwrap_err().code,
        dossier::ErrorCode::NotFound
    );
}
