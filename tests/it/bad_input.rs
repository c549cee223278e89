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
    check_bad(
        "csv",
        |s| s.write("table.csv", "a,b\n1,2\n"),
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

/// What should become of one file of the bad-input corpus.
enum Outcome {
    /// Imported, with a warning naming the file that contains this (or with no warning).
    Imported(Option<&'static str>),
    /// Refused, with an error naming the file that contains this.
    Refused(&'static str),
}

/// One generated file of the corpus: its name, how to make it, and what must happen.
struct Bad {
    name: &'static str,
    make: fn(&std::path::Path) -> std::io::Result<()>,
    outcome: Outcome,
}

fn utf16(text: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if bom {
        bytes.extend_from_slice(if big_endian {
            &[0xfe, 0xff]
        } else {
            &[0xff, 0xfe]
        });
    }
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

const PROSE: &str = "Investigators said the accounts were opened in 2015 and closed a year \
    later, according to documents reviewed by reporters.";

fn html_page(charset: &str, body: &[u8]) -> Vec<u8> {
    let mut page = format!(
        "<html><head><meta charset=\"{charset}\"><title>Encoded page</title></head><body>\
         <article><p>{PROSE}</p><p>"
    )
    .into_bytes();
    page.extend_from_slice(body);
    page.extend_from_slice(format!("</p><p>{PROSE}</p></article></body></html>").as_bytes());
    page
}

/// The corpus: every kind of bad file a newsroom's folders hold, generated here so nothing
/// binary or borrowed is committed.
fn corpus() -> Vec<Bad> {
    use Outcome::*;
    vec![
        Bad {
            name: "empty.txt",
            make: |p| std::fs::write(p, ""),
            outcome: Refused("empty file"),
        },
        Bad {
            name: "blank.txt",
            make: |p| std::fs::write(p, " \n\t\n"),
            outcome: Refused("holds no text"),
        },
        Bad {
            name: "binary.txt",
            make: |p| {
                std::fs::write(
                    p,
                    (0..4096u32)
                        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
                        .collect::<Vec<_>>(),
                )
            },
            outcome: Refused("binary data"),
        },
        Bad {
            name: "nuls.txt",
            make: |p| std::fs::write(p, [0u8; 64]),
            outcome: Refused("binary data"),
        },
        Bad {
            name: "fake.pdf",
            make: |p| std::fs::write(p, "not a PDF at all"),
            outcome: Refused("PDF"),
        },
        Bad {
            name: "utf8-bom.txt",
            make: |p| std::fs::write(p, format!("\u{feff}{PROSE}")),
            outcome: Imported(None),
        },
        Bad {
            name: "utf16le-bom.txt",
            make: |p| std::fs::write(p, utf16(PROSE, false, true)),
            outcome: Imported(Some("decoded as UTF-16LE")),
        },
        Bad {
            name: "utf16be-bom.txt",
            make: |p| std::fs::write(p, utf16(PROSE, true, true)),
            outcome: Imported(Some("decoded as UTF-16BE")),
        },
        Bad {
            name: "utf16le-nobom.txt",
            make: |p| std::fs::write(p, utf16(PROSE, false, false)),
            outcome: Refused("UTF-16 text without a byte-order mark"),
        },
        Bad {
            name: "utf16be-nobom.txt",
            make: |p| std::fs::write(p, utf16(PROSE, true, false)),
            outcome: Refused("UTF-16 text without a byte-order mark"),
        },
        Bad {
            name: "latin1.txt",
            make: |p| std::fs::write(p, b"Z\xfcrich and S\xe3o Paulo: na\xefve caf\xe9 owners.\n"),
            outcome: Imported(Some("decoded as windows-1252")),
        },
        Bad {
            name: "cp1252.txt",
            make: |p| std::fs::write(p, b"\x93Quoted,\x94 she said \x96 twice.\n"),
            outcome: Imported(Some("decoded as windows-1252")),
        },
        Bad {
            name: "shift-jis.html",
            // "日本語の記事" in Shift-JIS.
            make: |p| {
                std::fs::write(
                    p,
                    html_page(
                        "Shift_JIS",
                        b"\x93\xfa\x96\x7b\x8c\xea\x82\xcc\x8b\x4c\x8e\x96",
                    ),
                )
            },
            outcome: Imported(Some("decoded as Shift_JIS (declared)")),
        },
        Bad {
            name: "unknown-charset.html",
            make: |p| std::fs::write(p, html_page("x-klingon-7", b"caf\xe9")),
            outcome: Imported(Some("the charset it declares ('x-klingon-7') is unknown")),
        },
        Bad {
            name: "unknown-charset.eml",
            make: |p| {
                std::fs::write(p, format!("From: a@example.org\nSubject: Odd charset\nContent-Type: text/plain; charset=x-klingon-7\n\n{PROSE}\n"))
            },
            outcome: Imported(Some("unknown charset 'x-klingon-7'")),
        },
        Bad {
            name: "truncated-record.txt",
            make: |p| {
                std::fs::write(
                    p,
                    "URL:https://example.com/a\nTITLE:Cut off\nDATE:Apr 1, 2017\nDOC",
                )
            },
            outcome: Refused("truncated news record"),
        },
        Bad {
            name: "bad-date.txt",
            make: |p| std::fs::write(p, news_record("77", "Undated", "Febtember 45", PROSE)),
            outcome: Imported(Some(
                "record 1 (DOC ID 77): the DATE 'Febtember 45' is not a date",
            )),
        },
        Bad {
            name: "loop-a.txt",
            make: |p| {
                std::os::unix::fs::symlink(p.with_file_name("loop-b.txt"), p)?;
                std::os::unix::fs::symlink(p, p.with_file_name("loop-b.txt"))
            },
            outcome: Refused("symbolic links"),
        },
        Bad {
            name: "pipe.txt",
            make: |p| {
                let made = std::process::Command::new("mkfifo").arg(p).status()?;
                assert!(made.success(), "mkfifo");
                Ok(())
            },
            outcome: Refused("not a regular file"),
        },
        Bad {
            name: "hostile.html",
            make: |p| {
                std::fs::write(p, format!(
                "<html><head><title>Hostile</title><script>alert('head')</script></head><body \
                 onload=\"alert('body')\"><article><p onclick=\"alert('p')\">{PROSE}</p>\
                 <p><a href=\"javascript:alert('link')\">click</a> {PROSE}</p><iframe \
                 src=\"data:text/html,<script>alert('frame')</script>\"></iframe>\
                 <svg onload=\"alert('svg')\"></svg><style>body{{x:expression(alert('css'))}}</style>\
                 </article></body></html>"
            ))
            },
            outcome: Imported(None),
        },
        Bad {
            name: "hostile.md",
            make: |p| {
                std::fs::write(
                    p,
                    format!(
                "# Hostile\n\n<script>alert('md')</script>\n\n[click](javascript:alert('md'))\n\n\
                 <img src=x onerror=alert('img')>\n\n{PROSE}\n"
            ),
                )
            },
            outcome: Imported(None),
        },
        Bad {
            name: "huge.html",
            make: |p| {
                std::fs::write(
                    p,
                    format!(
                        "<html><body><p>{}</p></body></html>",
                        "word ".repeat(3_500_000)
                    ),
                )
            },
            outcome: Refused("HTML page too large (17.5 MB)"),
        },
        Bad {
            name: "deep.html",
            make: |p| {
                std::fs::write(
                    p,
                    format!(
                        "<html><body>{}<p>{PROSE}</p>{}</body></html>",
                        "<div>".repeat(50_000),
                        "</div>".repeat(50_000)
                    ),
                )
            },
            outcome: Imported(None),
        },
        Bad {
            name: "deep.md",
            make: |p| {
                std::fs::write(
                    p,
                    format!(
                        "{}{PROSE}\n\n{}x{}\n",
                        "> ".repeat(20_000),
                        "[".repeat(20_000),
                        "]".repeat(20_000)
                    ),
                )
            },
            outcome: Imported(None),
        },
    ]
}

/// Runs `import` on `paths` and waits at most two minutes, so a file that blocks (a FIFO
/// opened for reading) fails the test instead of hanging it.
fn import_within_limit(
    sandbox: &Sandbox,
    paths: &[std::path::PathBuf],
) -> (i32, serde_json::Value) {
    let mut child = dossier()
        .arg("--case")
        .arg(&sandbox.case)
        .arg("import")
        .args(paths)
        .arg("--json")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > std::time::Duration::from_secs(120) {
            child.kill().unwrap();
            panic!("the import of the bad-input corpus hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("no JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report)
}

#[test]
fn every_file_of_the_bad_input_corpus_is_imported_with_warnings_or_refused_with_its_reason() {
    let sandbox = Sandbox::new();
    let folder = sandbox.sources();
    std::fs::create_dir_all(&folder).unwrap();
    let corpus = corpus();
    let mut paths = Vec::new();
    for bad in &corpus {
        let path = folder.join(bad.name);
        (bad.make)(&path).unwrap_or_else(|e| panic!("making {}: {e}", bad.name));
        paths.push(path);
    }
    let good = sandbox.write("good.txt", format!("The good file.\n\n{PROSE}\n"));
    paths.push(good);
    let (code, report) = import_within_limit(&sandbox, &paths);
    assert_eq!(code, 3, "some files failed: {report}");
    let failed = failures(&report);
    let warnings: Vec<(String, String)> = report["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["path"].as_str().unwrap().to_string(),
                w["warning"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut expected_imports = 1; // the good file
    for bad in &corpus {
        let failure = failed.iter().find(|(file, _)| file == bad.name);
        let warned: Vec<&String> = warnings
            .iter()
            .filter(|(path, _)| path.ends_with(&format!("/{}", bad.name)))
            .map(|(_, w)| w)
            .collect();
        match bad.outcome {
            Outcome::Refused(reason) => {
                let (_, error) =
                    failure.unwrap_or_else(|| panic!("{} was not refused: {report}", bad.name));
                assert!(
                    error.contains(bad.name),
                    "{}: the error names it: {error}",
                    bad.name
                );
                assert!(
                    error.contains(reason),
                    "{}: expected '{reason}' in '{error}'",
                    bad.name
                );
            }
            Outcome::Imported(warning) => {
                expected_imports += 1;
                assert!(failure.is_none(), "{} was refused: {failure:?}", bad.name);
                match warning {
                    Some(w) => assert!(
                        warned.iter().any(|x| x.contains(w)),
                        "{}: expected a warning with '{w}', got {warned:?}",
                        bad.name
                    ),
                    None => assert!(warned.is_empty(), "{}: unexpected {warned:?}", bad.name),
                }
            }
        }
    }
    assert_eq!(report["imported"], expected_imports, "{report}");
    assert_eq!(
        failed.len(),
        corpus.len() + 1 - expected_imports,
        "{failed:?}"
    );

    // Nothing a hostile source carried survived as markup or script in the stored text.
    for doc in sandbox.docs() {
        let shown = sandbox.show(doc["id"].as_i64().unwrap());
        let text = shown["text"].as_str().unwrap();
        if shown["format"] == "html" {
            for forbidden in ["alert", "javascript:", "<script", "onload", "expression("] {
                assert!(
                    !text.contains(forbidden),
                    "'{forbidden}' in {}: {text}",
                    shown["title"]
                );
            }
        }
    }
    let japanese = sandbox
        .docs()
        .iter()
        .map(|d| sandbox.show(d["id"].as_i64().unwrap()))
        .find(|d| {
            d["original_path"]
                .as_str()
                .unwrap_or("")
                .ends_with("shift-jis.html")
        })
        .expect("the Shift-JIS page");
    assert!(
        japanese["text"].as_str().unwrap().contains("日本語の記事"),
        "{japanese}"
    );
    assert!(sandbox.run(&["verify"]).status.success());
}

#[test]
fn an_unreadable_file_is_refused_with_its_name() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let sandbox = Sandbox::new();
    let locked = sandbox.write("locked.txt", PROSE);
    if std::fs::metadata(&locked).unwrap().uid() == 0 {
        // Root reads a file whatever its mode, so chmod 000 cannot make one unreadable here;
        // the failure path is the same one a missing file takes (`unreadable_path`).
        eprintln!("skipped: running as root, for whom chmod 000 still leaves a file readable");
        return;
    }
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let good = sandbox.write("good.txt", PROSE);
    let (code, report) = sandbox.import(&[&locked, &good]);
    assert_eq!(code, 3, "{report}");
    let failed = failures(&report);
    assert_eq!(failed.len(), 1, "{report}");
    assert!(
        failed[0].1.contains("locked.txt") && failed[0].1.contains("ermission denied"),
        "{failed:?}"
    );
}

#[test]
fn formula_injection_titles_and_quotes_are_neutralised_in_every_csv_export() {
    let sandbox = Sandbox::new();
    let record = format!(
        "URL:https://example.com/f\nTITLE:=cmd|' /C calc'!A0\nDATE:Apr 3, 2017\nDOC ID:f1\n\
         CONTENT:The botnet was dismantled on April 3, 2017. \"=HYPERLINK(1) was what the \
         botnet sent to every inbox in the country,\" said John Smith, a spokesman for the \
         agency.\n"
    );
    let path = sandbox.write("formula.txt", record);
    let (code, report) = sandbox.import(&[&path]);
    assert_eq!(code, 0, "{report}");
    let dir = sandbox.dir.path();
    let hits = dir.join("hits.csv");
    let quotes = dir.join("quotes.csv");
    let timeline = dir.join("timeline.csv");
    for args in [
        vec!["search", "botnet", "--csv", hits.to_str().unwrap()],
        vec!["export", "quotes", "--out", quotes.to_str().unwrap()],
        vec!["export", "timeline", "--out", timeline.to_str().unwrap()],
    ] {
        let out = sandbox.run(&args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    for file in [&hits, &quotes, &timeline] {
        let csv = std::fs::read_to_string(file).unwrap();
        assert!(
            csv.lines().count() > 1,
            "{}: no rows\n{csv}",
            file.display()
        );
        for line in csv.lines() {
            for field in line.split(',') {
                let field = field.trim_start_matches('"');
                assert!(
                    !field.starts_with(['=', '+', '@']),
                    "{}: a field starts a formula: {line}",
                    file.display()
                );
            }
        }
    }
    assert!(
        std::fs::read_to_string(&hits).unwrap().contains("'=cmd|"),
        "the title is kept, defused"
    );
    assert!(
        std::fs::read_to_string(&quotes)
            .unwrap()
            .contains("\"'=HYPERLINK(1)"),
        "the quote is kept, defused"
    );
}
