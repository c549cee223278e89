use std::io::Write;
use std::time::{Duration, Instant};

use super::testpdf::{build, column, run, Page, Spec};
use super::{extract_pdf, PdfError, PdfLimits, PdfText};

fn extract(spec: &Spec) -> PdfText {
    extract_pdf(&build(spec), &PdfLimits::default()).expect("the fixture is a valid PDF")
}

fn page_text(out: &PdfText, i: usize) -> String {
    let p = &out.pages[i];
    out.text
        .chars()
        .skip(p.start)
        .take(p.end - p.start)
        .collect()
}

fn text_page(lines: &[&str]) -> Page {
    Page {
        runs: column(72.0, 700.0, 14.0, lines),
        ..Page::default()
    }
}

#[test]
fn single_column_keeps_paragraphs_repairs_hyphens_and_reads_metadata() {
    let spec = Spec {
        pages: vec![text_page(&[
            "The defendant operated a botnet that sent spam from many",
            "infected computers around the world. During the investi-",
            "gation, which began in 2016, the case number became 18-cr-",
            "00123 in the district court.",
            "",
            "A second paragraph follows the blank line and ends here.",
        ])],
        title: Some("United States v. Marlow".into()),
        author: Some("U.S. Attorney".into()),
        created: Some("D:20170420103000+02'00'".into()),
        ..Spec::default()
    };
    let out = extract(&spec);
    assert_eq!(
        out.text,
        "The defendant operated a botnet that sent spam from many infected computers around the world. \
         During the investigation, which began in 2016, the case number became 18-cr-00123 in the district \
         court.\n\n\
         A second paragraph follows the blank line and ends here."
    );
    assert_eq!(out.title.as_deref(), Some("United States v. Marlow"));
    assert_eq!(out.author.as_deref(), Some("U.S. Attorney"));
    assert_eq!(out.created.as_deref(), Some("2017-04-20T10:30:00+02:00"));
    assert!(!out.needs_ocr);
    assert_eq!(out.pages.len(), 1);
    assert_eq!(
        (out.pages[0].start, out.pages[0].end),
        (0, out.text.chars().count())
    );
}

#[test]
fn two_columns_are_read_left_column_first() {
    let left = [
        "Left column line one",
        "left column line two",
        "left column line three.",
        "",
        "Left again starts here.",
    ];
    let right = [
        "Right column line one",
        "right column line two",
        "right column line three.",
        "",
        "Right again starts here.",
    ];
    let mut runs = vec![run(200.0, 740.0, "A TITLE ACROSS BOTH COLUMNS OF THE PAGE")];
    runs.extend(column(72.0, 700.0, 14.0, &left));
    runs.extend(column(330.0, 700.0, 14.0, &right));
    let out = extract(&Spec {
        pages: vec![Page {
            runs,
            ..Page::default()
        }],
        ..Spec::default()
    });
    assert_eq!(
        out.text,
        "A TITLE ACROSS BOTH COLUMNS OF THE PAGE\n\n\
         Left column line one left column line two left column line three.\n\n\
         Left again starts here.\n\n\
         Right column line one right column line two right column line three.\n\n\
         Right again starts here."
    );
}

/// A pleading-paper page: line numbers 1..28 down the left margin, double-spaced body text,
/// the court's running header and a "Page N of M" footer.
fn pleading_page(n: usize, of: usize, body: &[&str]) -> Page {
    let mut runs = Vec::new();
    for i in 0..28 {
        runs.push(run(40.0, 700.0 - 24.0 * i as f32, &(i + 1).to_string()));
    }
    runs.push(run(
        72.0,
        760.0,
        "Case 3:17-cr-00214 Document 1 Filed 04/20/17",
    ));
    runs.extend(column(90.0, 700.0, 24.0, body));
    runs.push(run(280.0, 30.0, &format!("Page {n} of {of}")));
    Page {
        runs,
        ..Page::default()
    }
}

#[test]
fn pleading_paper_loses_line_numbers_headers_and_footers_but_keeps_page_numbers() {
    let spec = Spec {
        pages: vec![
            pleading_page(
                1,
                3,
                &[
                    "1. The Grand Jury charges that the defendant",
                    "operated a botnet.",
                ],
            ),
            pleading_page(
                2,
                3,
                &[
                    "2. On or about March 3, 2017, the defendant",
                    "sent forty million messages.",
                ],
            ),
            pleading_page(
                3,
                3,
                &[
                    "3. In or about March 2017, the defendant caused",
                    "damage to protected computers.",
                ],
            ),
        ],
        ..Spec::default()
    };
    let out = extract(&spec);
    assert_eq!(
        out.text,
        "1. The Grand Jury charges that the defendant operated a botnet.\n\n\
         2. On or about March 3, 2017, the defendant sent forty million messages.\n\n\
         3. In or about March 2017, the defendant caused damage to protected computers."
    );
    let numbers: Vec<u32> = out.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(page_text(&out, 1).starts_with("2. On or about March 3, 2017"));
    assert!(page_text(&out, 2).starts_with("3. In or about"));
}

#[test]
fn printed_page_numbers_differ_from_physical_ones() {
    let page = |n: u32, body: &str| {
        let mut runs = column(72.0, 700.0, 14.0, &[body]);
        runs.push(run(300.0, 30.0, &format!("- {n} -")));
        Page {
            runs,
            ..Page::default()
        }
    };
    let out = extract(&Spec {
        pages: vec![
            page(12, "First exhibit page."),
            page(13, "Second exhibit page."),
        ],
        ..Spec::default()
    });
    assert_eq!(out.text, "First exhibit page.\n\nSecond exhibit page.");
    let numbers: Vec<(u32, u32)> = out.pages.iter().map(|p| (p.number, p.physical)).collect();
    assert_eq!(numbers, [(12, 1), (13, 2)]);
}

#[test]
fn page_spans_tile_the_text_and_a_sentence_across_pages_is_joined() {
    let spec = Spec {
        pages: vec![
            text_page(&["This sentence starts on the first page and con-"]),
            text_page(&["tinues on the second page."]),
            text_page(&["A new paragraph on the third page."]),
        ],
        compress: true,
        ..Spec::default()
    };
    let out = extract(&spec);
    assert_eq!(
        out.text,
        "This sentence starts on the first page and continues on the second page.\n\nA new paragraph on the third page."
    );
    assert_eq!(out.pages[0].start, 0);
    for w in out.pages.windows(2) {
        assert_eq!(w[0].end, w[1].start);
    }
    assert_eq!(
        out.pages.last().map(|p| p.end),
        Some(out.text.chars().count())
    );
    assert!(page_text(&out, 1).starts_with("tinues on the second page."));
    assert!(page_text(&out, 2).contains("third page"));
}

#[test]
fn a_scan_without_text_needs_ocr() {
    let spec = Spec {
        pages: vec![
            Page {
                image: true,
                ..Page::default()
            };
            2
        ],
        ..Spec::default()
    };
    let out = extract(&spec);
    assert!(out.needs_ocr);
    assert!(out.text.is_empty());
    assert_eq!(out.pages.len(), 2);
}

#[test]
fn encrypted_pdfs_are_refused() {
    let spec = Spec {
        pages: vec![text_page(&["secret"])],
        encrypt: true,
        ..Spec::default()
    };
    assert_eq!(
        extract_pdf(&build(&spec), &PdfLimits::default()),
        Err(PdfError::Encrypted)
    );
}

#[test]
fn truncated_garbage_and_damaged_files_get_their_own_errors() {
    let bytes = build(&Spec {
        pages: vec![text_page(&["Some text."])],
        ..Spec::default()
    });
    let limits = PdfLimits::default();
    assert_eq!(
        extract_pdf(&bytes[..bytes.len() / 2], &limits),
        Err(PdfError::Truncated)
    );
    assert_eq!(
        extract_pdf(b"GIF89a not a pdf at all", &limits),
        Err(PdfError::NotPdf)
    );
    assert_eq!(extract_pdf(b"", &limits), Err(PdfError::NotPdf));
    let damaged = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage garbage\n%%EOF\n";
    assert!(matches!(
        extract_pdf(damaged, &limits),
        Err(PdfError::Damaged(_))
    ));
    for e in [
        PdfError::Encrypted,
        PdfError::Truncated,
        PdfError::NotPdf,
        PdfError::Damaged("x".into()),
        PdfError::TooLarge("y".into()),
    ] {
        assert!(e.to_string().len() > 15, "{e}");
    }
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let mut bytes = b"%PDF-1.4\n1 0 obj\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'[', 1_000_000));
    bytes.extend(std::iter::repeat_n(b']', 1_000_000));
    bytes.extend_from_slice(b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    assert!(matches!(
        extract_pdf(&bytes, &PdfLimits::default()),
        Err(PdfError::TooLarge(_))
    ));
}

#[test]
fn a_decompression_bomb_is_refused() {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    for _ in 0..64 {
        encoder.write_all(&[b' '; 1 << 20]).expect("in memory");
    }
    let bomb = encoder.finish().expect("in memory");
    let mut bytes = format!(
        "%PDF-1.4\n1 0 obj << /Length {} /Filter /FlateDecode >>\nstream\n",
        bomb.len()
    )
    .into_bytes();
    bytes.extend_from_slice(&bomb);
    bytes.extend_from_slice(b"\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    let limits = PdfLimits {
        max_decompressed: 16 << 20,
        ..PdfLimits::default()
    };
    let started = Instant::now();
    assert!(matches!(
        extract_pdf(&bytes, &limits),
        Err(PdfError::TooLarge(_))
    ));
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn page_count_and_text_size_are_bounded() {
    let spec = Spec {
        pages: vec![text_page(&["One line."]); 30],
        compress: true,
        ..Spec::default()
    };
    let bytes = build(&spec);
    let few_pages = PdfLimits {
        max_pages: 10,
        ..PdfLimits::default()
    };
    assert!(
        matches!(extract_pdf(&bytes, &few_pages), Err(PdfError::TooLarge(m)) if m.contains("30 pages"))
    );
    let few_chars = PdfLimits {
        max_chars: 100,
        ..PdfLimits::default()
    };
    assert!(matches!(
        extract_pdf(&bytes, &few_chars),
        Err(PdfError::TooLarge(_))
    ));
}

#[test]
fn corrupted_bytes_never_panic() {
    let bytes = build(&Spec {
        pages: vec![
            text_page(&["Some text on a page."]),
            Page {
                runs: Vec::new(),
                image: true,
                ..Page::default()
            },
        ],
        compress: true,
        ..Spec::default()
    });
    let limits = PdfLimits {
        deadline: Duration::from_secs(5),
        ..PdfLimits::default()
    };
    // A fixed linear congruential generator keeps the corruptions the same on every run.
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..150 {
        let mut copy = bytes.clone();
        for _ in 0..4 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let at = (seed >> 33) as usize % copy.len();
            copy[at] = (seed >> 13) as u8;
        }
        // Any result is acceptable; returning at all is the point.
        let _ = extract_pdf(&copy, &limits);
    }
}

#[test]
fn pages_without_text_are_kept_empty_so_numbers_stay_right() {
    let spec = Spec {
        pages: vec![
            text_page(&["First."]),
            Page::default(),
            text_page(&["Third."]),
        ],
        ..Spec::default()
    };
    let out = extract(&spec);
    assert_eq!(out.text, "First.\n\nThird.");
    assert_eq!(out.pages.len(), 3);
    assert_eq!(page_text(&out, 2), "Third.");
    assert!(!out.needs_ocr);
}

/// The paragraphs of a text with whitespace runs collapsed, for comparison with a reference.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn libreoffice_pleading_paper_matches_its_source_paragraph_for_paragraph() {
    let pdf = include_bytes!("../../../tests/fixtures/pdf/pleading-libreoffice.pdf");
    let source = include_str!("../../../tests/fixtures/pdf/pleading-libreoffice.txt");
    let out = extract_pdf(pdf, &PdfLimits::default()).expect("a valid PDF");
    assert_eq!(paragraphs(&out.text), paragraphs(source));
    assert_eq!(out.title.as_deref(), Some("COMPLAINT FOR FORFEITURE"));
    assert_eq!(out.author.as_deref(), Some("Test Author"));
    assert!(out.created.as_deref().is_some_and(|d| d.len() >= 10));
    // The footer reads "Page N of 9"; the printed numbers come from it.
    let numbers: Vec<u32> = out.pages.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
}

#[test]
fn libreoffice_two_columns_match_their_source_paragraph_for_paragraph() {
    let pdf = include_bytes!("../../../tests/fixtures/pdf/two-column-libreoffice.pdf");
    let source = include_str!("../../../tests/fixtures/pdf/two-column-libreoffice.txt");
    let out = extract_pdf(pdf, &PdfLimits::default()).expect("a valid PDF");
    assert_eq!(paragraphs(&out.text), paragraphs(source));
}

#[test]
fn a_real_user_password_pdf_is_refused_as_encrypted() {
    let pdf = include_bytes!("../../../tests/fixtures/pdf/encrypted-user-password.pdf");
    assert_eq!(
        extract_pdf(pdf, &PdfLimits::default()),
        Err(PdfError::Encrypted)
    );
}

#[test]
fn a_form_sharing_the_page_resources_is_read_but_one_drawing_itself_is_refused() {
    let shared = Page {
        form: Some("BT /F1 11 Tf 72 600 Td (Text inside a form.) Tj ET".into()),
        ..Page::default()
    };
    let out = extract(&Spec {
        pages: vec![shared],
        ..Spec::default()
    });
    assert_eq!(out.text, "Text inside a form.");
    let looping = Page {
        form: Some("/Fm1 Do".into()),
        ..Page::default()
    };
    let bytes = build(&Spec {
        pages: vec![looping],
        ..Spec::default()
    });
    assert!(matches!(
        extract_pdf(&bytes, &PdfLimits::default()),
        Err(PdfError::Damaged(_))
    ));
}

#[test]
fn a_scan_with_a_stamped_court_header_still_needs_ocr() {
    let page = |n: u32| Page {
        runs: vec![run(
            72.0,
            760.0,
            &format!("Case 3:17-cr-00214 Document 9 Filed 04/20/17 Page {n} of 3"),
        )],
        image: true,
        ..Page::default()
    };
    let out = extract(&Spec {
        pages: vec![page(1), page(2), page(3)],
        ..Spec::default()
    });
    assert!(out.needs_ocr);
    assert_eq!(out.text, "");
    assert_eq!(
        out.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
}

#[test]
fn the_deadline_bounds_extraction_time() {
    let lines: Vec<String> = (0..50)
        .map(|i| format!("Line {i} of a long page of text that keeps going."))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let spec = Spec {
        pages: vec![text_page(&refs); 200],
        compress: true,
        ..Spec::default()
    };
    let bytes = build(&spec);
    let limits = PdfLimits {
        deadline: Duration::from_millis(1),
        ..PdfLimits::default()
    };
    let started = Instant::now();
    let result = extract_pdf(&bytes, &limits);
    assert!(
        matches!(result, Err(PdfError::TooLarge(ref m)) if m.contains("longer than")),
        "{result:?}"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}
