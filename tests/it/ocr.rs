//! Scans made first-class (issue 19): image PDFs, mixed PDFs and images (PNG, multi-page TIFF)
//! are read by Tesseract in the stage after import, their text searchable and citable to the
//! right page, and bad scans refused or reported by file and page. The fixtures are made here
//! from known text (`dossier::ocr::fixtures`), so what OCR must find is known exactly.
//!
//! These tests need `tesseract` and `pdftoppm`, which `scripts/setup.sh` installs (CI runs it
//! first); without them they fail saying so, never skip.

use std::path::Path;
use std::process::Command;

use dossier::ocr::fixtures::{self, Gray, PdfPage};
use serde_json::Value;

use crate::pdf::chars;
use crate::support::*;

/// Fails, naming the fix, when the OCR programs are missing.
fn require_ocr_tools() {
    for (program, package) in [
        ("tesseract", "tesseract-ocr"),
        ("pdftoppm", "poppler-utils"),
    ] {
        let found = Command::new(program).arg("-v").output().is_ok();
        assert!(
            found,
            "'{program}' is not installed: run scripts/setup.sh (Debian package {package}); \
             the OCR tests need it"
        );
    }
}

const SENTENCE: &str = "The defendant wired 4,800 dollars to the Cyprus account on March 3.";

fn filing_pages() -> Vec<Vec<&'static str>> {
    vec![
        vec![
            "UNITED STATES DISTRICT COURT",
            "SOUTHERN DISTRICT OF NEW YORK",
            "",
            "UNITED STATES OF AMERICA v. PETER LEVASHOV",
            "",
            "The grand jury charges that the defendant ran a network",
            "of infected computers from his home in St. Petersburg.",
        ],
        vec![
            "COUNT TWO",
            "",
            SENTENCE,
            "He knew the money came from the spam campaign.",
        ],
    ]
}

/// Renders text pages to grey pictures at `dpi`, as a scanner would see them.
fn scan(pages: &[Vec<&str>], dpi: u32) -> Vec<Gray> {
    require_ocr_tools();
    let text: Vec<PdfPage> = pages.iter().map(|p| PdfPage::Text(p)).collect();
    fixtures::render(&fixtures::pdf(&text), dpi).expect("pdftoppm renders the fixture")
}

fn scanned_pdf(pictures: &[Gray]) -> Vec<u8> {
    let pages: Vec<PdfPage> = pictures.iter().map(PdfPage::Scan).collect();
    fixtures::pdf(&pages)
}

fn offset_of(text: &str, needle: &str) -> u64 {
    let byte = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text:\n{text}"));
    text[..byte].chars().count() as u64
}

fn import_one(s: &Sandbox, path: &Path, extra: &[&str]) -> (Value, Value) {
    let mut args = vec!["import".to_string(), path.display().to_string()];
    args.extend(extra.iter().map(|a| a.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, report) = s.json(&refs);
    assert_eq!(code, 0, "{report}");
    let id = report["documents"][0]
        .as_i64()
        .expect("one document imported");
    (report, s.show(id))
}

#[test]
fn a_scanned_two_page_filing_is_searchable_and_citable_to_its_page() {
    let s = Sandbox::new();
    let path = s.write(
        "scanned-filing.pdf",
        scanned_pdf(&scan(&filing_pages(), 200)),
    );
    let (_, doc) = import_one(&s, &path, &[]);
    let text = doc["text"].as_str().unwrap();
    let at = offset_of(text, SENTENCE);
    assert_eq!(
        crate::pdf::page_of(&doc, at),
        2,
        "the sentence is on page 2"
    );
    assert!(text.contains("PETER LEVASHOV"), "{text}");
    assert_eq!(doc["text_status"], "text");
    let ocr = &doc["ocr"];
    assert!(
        ocr["engine"].as_str().unwrap().starts_with("tesseract "),
        "{ocr}"
    );
    assert_eq!(ocr["languages"], "eng");
    assert_eq!(ocr["pages"], serde_json::json!([1, 2]));
    assert!(ocr["mean_confidence"].as_f64().unwrap() > 80.0, "{ocr}");
    // A scanned indictment is known by its text once read, and gets its legal structure.
    assert_eq!(doc["kind"], "indictment", "{}", doc["kind"]);

    let (code, hits) = s.json(&["search", "Cyprus"]);
    assert_eq!(code, 0, "{hits}");
    assert!(
        hits.to_string().contains("scanned-filing") || hits["total"] == 1,
        "{hits}"
    );

    // A citation into the sentence resolves to page 2, and the case verifies.
    let id = doc["id"].as_i64().unwrap();
    let end = at + SENTENCE.chars().count() as u64;
    assert_eq!(chars(text, at, end), SENTENCE);
    let note = format!("He wired the money [@d{id}:{at}-{end}].");
    let note_path = s.write("note.md", &note);
    let out = s.run(&[
        "note",
        "add",
        "--title",
        "Money trail",
        "--file",
        note_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let brief_path = s.sources().join("brief.md");
    let out = s.run(&["export", "brief", "--out", brief_path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let brief = std::fs::read_to_string(&brief_path).unwrap();
    assert!(brief.contains("(OCR, p. 2)"), "{brief}");
    let out = s.run(&["verify"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
}

#[test]
fn a_multi_page_tiff_is_read_page_by_page() {
    let pictures = scan(
        &[
            vec!["Memorandum for the file.", "The first page names Ohr."],
            vec!["The second page names Kilimnik."],
            vec!["The third page names Deripaska."],
        ],
        200,
    );
    let pages: Vec<(u32, u32, &[u8])> = pictures
        .iter()
        .map(|g| (g.width, g.height, g.pixels.as_slice()))
        .collect();
    let s = Sandbox::new();
    let path = s.write("memo.tif", fixtures::tiff(&pages));
    let (report, doc) = import_one(&s, &path, &[]);
    assert!(report.to_string().contains("needs OCR"), "{report}");
    assert_eq!(doc["format"], "image");
    let text = doc["text"].as_str().unwrap();
    for (page, name) in [(1, "Ohr"), (2, "Kilimnik"), (3, "Deripaska")] {
        assert_eq!(
            crate::pdf::page_of(&doc, offset_of(text, name)),
            page,
            "{text}"
        );
    }
}

#[test]
fn a_png_scan_is_read_and_its_picture_is_kept_for_the_reader() {
    let pictures = scan(&[vec!["A single scanned page about Kaspersky."]], 200);
    let s = Sandbox::new();
    let path = s.write("page.png", fixtures::png(&pictures[0]));
    let (_, doc) = import_one(&s, &path, &[]);
    assert!(doc["text"].as_str().unwrap().contains("Kaspersky"), "{doc}");
    let (code, image) = s.json(&["page-image", &doc["id"].to_string(), "1"]);
    assert_eq!(code, 0, "{image}");
    assert_eq!(image["mime"], "image/png");
    assert!(image["base64"].as_str().unwrap().starts_with("iVBORw0KGgo"));
}

#[test]
fn a_mixed_pdf_keeps_its_text_page_and_reads_its_scanned_page() {
    let scanned = scan(&[vec!["The scanned exhibit mentions Severa twice."]], 200);
    let typed: &[&str] = &[
        "This page was typed and has a text layer of its own, long enough to count.",
        "It mentions the botnet called Kelihos.",
    ];
    let pdf = fixtures::pdf(&[PdfPage::Text(typed), PdfPage::Scan(&scanned[0])]);
    let s = Sandbox::new();
    let path = s.write("mixed.pdf", pdf);
    let (_, doc) = import_one(&s, &path, &[]);
    let text = doc["text"].as_str().unwrap();
    assert_eq!(crate::pdf::page_of(&doc, offset_of(text, "Kelihos")), 1);
    assert_eq!(crate::pdf::page_of(&doc, offset_of(text, "Severa")), 2);
    assert_eq!(
        doc["ocr"]["pages"],
        serde_json::json!([2]),
        "only the scan is OCRed"
    );
}

#[test]
fn languages_are_chosen_per_import_and_a_document_can_be_read_again() {
    let pictures = scan(
        &[vec![
            "Die Staatsanwaltschaft erhob Anklage gegen den Fahrer.",
        ]],
        200,
    );
    let s = Sandbox::new();
    let path = s.write("anklage.png", fixtures::png(&pictures[0]));
    let (_, doc) = import_one(&s, &path, &["--ocr-lang", "deu"]);
    assert_eq!(doc["ocr"]["languages"], "deu");
    assert!(doc["text"].as_str().unwrap().contains("Staatsanwaltschaft"));
    let id = doc["id"].to_string();
    let (code, out) = s.json(&["ocr", &id, "--lang", "eng+deu"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        s.show(doc["id"].as_i64().unwrap())["ocr"]["languages"],
        "eng+deu"
    );
    // A language without its pack is refused before anything runs, naming the package.
    let out = s.run(&["ocr", &id, "--lang", "xx_fake"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("tesseract-ocr-xx_fake"),
        "{}",
        stderr(&out)
    );
    let out = s.run(&["ocr", &id, "--lang", "eng;rm"]);
    assert!(stderr(&out).contains("eng+deu"), "{}", stderr(&out));
    // The case's default applies to the next import.
    let out = s.run(&["ocr", "--default-lang", "fra"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let again = s.write(
        "lettre.png",
        fixtures::png(&scan(&[vec!["Une lettre."]], 200)[0]),
    );
    let (_, doc) = import_one(&s, &again, &[]);
    assert_eq!(doc["ocr"]["languages"], "fra");
}

#[test]
fn bad_scans_get_errors_naming_the_file_and_page_and_the_rest_imports() {
    require_ocr_tools();
    let s = Sandbox::new();
    let bomb = s.write("bomb.png", fixtures::png_header(100_000, 100_000));
    let good = scan(&[vec!["The good page is read."]], 150);
    let mut tiff = fixtures::tiff(&[
        (good[0].width, good[0].height, &good[0].pixels),
        (good[0].width, good[0].height, &good[0].pixels),
    ]);
    tiff.truncate(tiff.len() - 50);
    let corrupt = s.write("corrupt.tif", tiff);
    // A scan whose picture claims a codec with garbage in it: the renderer cannot decode it.
    let mut undecodable = fixtures::pdf(&[PdfPage::Jpeg(b"not a jpeg at all", 1700, 2200)]);
    undecodable.extend_from_slice(b"\n");
    let undecodable = s.write("undecodable.pdf", undecodable);
    let good_path = s.write("good.png", fixtures::png(&good[0]));
    let (code, report) = s.import(&[&bomb, &corrupt, &undecodable, &good_path]);
    assert_eq!(code, 3, "failures exit 3: {report}");
    let failed = failures(&report);
    let bomb_error = &failed
        .iter()
        .find(|(p, _)| p.ends_with("bomb.png"))
        .unwrap()
        .1;
    assert!(bomb_error.contains("100000 × 100000"), "{bomb_error}");
    let tiff_error = &failed
        .iter()
        .find(|(p, _)| p.ends_with("corrupt.tif"))
        .unwrap()
        .1;
    assert!(tiff_error.contains("page 2"), "{tiff_error}");
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("undecodable.pdf"), "{warnings}");
    assert!(warnings.contains("page 1:"), "{warnings}");
    let docs = s.docs();
    assert_eq!(
        docs.len(),
        2,
        "the undecodable scan and the good page imported"
    );
    let good_doc = docs.iter().find(|d| d["title"] == "good").unwrap();
    let good_doc = s.show(good_doc["id"].as_i64().unwrap());
    assert!(
        good_doc["text"].as_str().unwrap().contains("good page"),
        "{good_doc}"
    );
}

/// Pages recognised and committed so far, read from the case file as another process sees it.
fn pages_committed(case: &Path) -> i64 {
    let conn =
        rusqlite::Connection::open_with_flags(case, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("SELECT count(*) FROM ocr_pages", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn ocr_killed_mid_scan_resumes_at_the_next_page() {
    let pictures = scan(
        &[
            vec!["Page one names Alpha."],
            vec!["Page two names Bravo."],
            vec!["Page three names Charlie."],
            vec!["Page four names Delta."],
        ],
        150,
    );
    let s = Sandbox::new();
    let path = s.write("long-scan.pdf", scanned_pdf(&pictures));
    let (code, report) = s.json(&["import", path.to_str().unwrap(), "--no-extract"]);
    assert_eq!(code, 0, "{report}");
    let mut child = dossier()
        .arg("--case")
        .arg(&s.case)
        .args(["ocr", "--quiet"])
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while pages_committed(&s.case) < 1 {
        assert!(
            started.elapsed().as_secs() < 300,
            "no page was recognised in 5 minutes"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // kill -9: nothing of the process gets to clean up.
    child.kill().unwrap();
    child.wait().unwrap();
    let kept = pages_committed(&s.case);
    assert!(
        (1..4).contains(&kept),
        "{kept} pages committed before the kill"
    );
    let id = report["documents"][0].as_i64().unwrap();
    assert_eq!(
        s.show(id)["text_status"],
        "needs_ocr",
        "the text is written only when done"
    );

    let (code, out) = s.json(&["ocr"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        out["ocr"]["pages"].as_i64().unwrap(),
        4 - kept,
        "only the pages not committed are read again: {out}"
    );
    let doc = s.show(id);
    let text = doc["text"].as_str().unwrap();
    for (page, name) in [(1, "Alpha"), (2, "Bravo"), (3, "Charlie"), (4, "Delta")] {
        assert_eq!(
            crate::pdf::page_of(&doc, offset_of(text, name)),
            page,
            "{text}"
        );
    }
    assert_eq!(
        pages_committed(&s.case),
        0,
        "the pages are folded into the text"
    );
}

#[test]
fn a_two_thousand_page_scan_imports_at_once_and_ocr_is_bounded() {
    require_ocr_tools();
    // Tiny pictures: what is measured is the bound, not the reading.
    let blank = Gray {
        width: 8,
        height: 8,
        pixels: vec![255; 64],
    };
    let pages: Vec<PdfPage> = (0..2000).map(|_| PdfPage::Scan(&blank)).collect();
    let s = Sandbox::new();
    let path = s.write("huge-scan.pdf", fixtures::pdf(&pages));
    let started = std::time::Instant::now();
    let (code, report) = s.json(&["import", path.to_str().unwrap(), "--no-extract"]);
    assert_eq!(code, 0, "{report}");
    assert!(started.elapsed().as_secs() < 120, "{:?}", started.elapsed());
    let warnings = report["warnings"].to_string();
    assert!(warnings.contains("huge-scan.pdf"), "{warnings}");
    assert!(
        warnings.contains("OCR reads the first 1000; pages 1001 to 2000 stay without text"),
        "{warnings}"
    );
}
