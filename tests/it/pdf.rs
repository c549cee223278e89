//! PDF sources: page-exact text in reading order, scans that need OCR, and a clear error for
//! every bad PDF. The helpers here write the PDFs the `indictment` tests import too.

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

pub(crate) fn indictment_pdf() -> Vec<u8> {
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

pub(crate) fn text_pdf(lines: &[&str]) -> Vec<u8> {
    build(&Spec {
        pages: vec![Page {
            runs: column(72.0, 700.0, 14.0, lines),
            ..Page::default()
        }],
        ..Spec::default()
    })
}

pub(crate) fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The printed number of the page of `doc` holding char `offset`.
pub(crate) fn page_of(doc: &Value, offset: u64) -> u64 {
    doc["pages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["start"].as_u64().unwrap() <= offset && offset < p["end"].as_u64().unwrap())
        .map(|p| p["number"].as_u64().unwrap())
        .unwrap_or_else(|| panic!("no page holds offset {offset}"))
}

pub(crate) fn only_document(s: &Sandbox, report: &Value) -> Value {
    let ids = report["documents"].as_array().unwrap();
    assert_eq!(ids.len(), 1, "{report}");
    s.show(ids[0].as_i64().unwrap())
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
    // Without extraction the OCR stage does not run either, so the scan stays waiting for it
    // (tests/it/ocr.rs reads scans).
    let (code, report) = s.json(&["import", scan.to_str().unwrap(), "--no-extract"]);
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
