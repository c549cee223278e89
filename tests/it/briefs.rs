//! What a brief must never do: carry a live `javascript:` or `data:` link from a source, leave
//! with claim-check problems unsaid, or replace a file that was already there; and what its
//! "Connections of" section must do: cite the sources of every link it lists.

use crate::network::{demo_and_volkov, id_of};
use crate::notes::{add_note, quote_by, seed_case, FIXED_CLOCK};
use crate::support::*;
use dossier::model::NetworkFilter;
use dossier::Case;

#[test]
fn a_brief_with_claim_check_problems_is_refused_with_exit_3_and_the_list() {
    let s = seed_case();
    let kremez = quote_by(&s, "Vitali Kremez", "evade prosecution");
    add_note(
        &s,
        "Misquote",
        &format!(
            "Intro line.\n\nKremez said Levashov \"evaded prosecution for 30 years\" [@q{}] [@q99999].\n",
            kremez["id"]
        ),
    );
    let out = s.dir.path().join("brief.md");
    let refused = s.run(&["export", "brief", "--out", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(3), "{}", stderr(&refused));
    let said = stderr(&refused);
    assert!(said.contains(":3:23: misquote:"), "{said}");
    assert!(
        said.contains("broken:") && said.contains("q99999"),
        "{said}"
    );
    assert!(said.contains("2 claim-check problems"), "{said}");
    assert!(said.contains("--allow-problems"), "{said}");
    assert!(!out.exists(), "nothing is written");

    let (code, written) = s.json(&[
        "export",
        "brief",
        "--out",
        out.to_str().unwrap(),
        "--allow-problems",
    ]);
    assert_eq!(code, 0, "{written}");
    assert_eq!(written["problems"].as_array().unwrap().len(), 2);
    let brief = std::fs::read_to_string(&out).unwrap();
    let section = brief
        .find("## Unresolved claim-check problems")
        .unwrap_or_else(|| panic!("no problems section:\n{brief}"));
    let first_note = brief.find("## Misquote").unwrap();
    assert!(section < first_note, "the section comes above the notes");
    assert!(
        brief.contains("saved with 2 claim-check problems that were not fixed"),
        "{brief}"
    );
    assert!(
        brief.contains("- Misquote (misquote), line 3, column 23:"),
        "{brief}"
    );
}

#[test]
fn an_export_never_overwrites_an_existing_file_without_force() {
    let s = seed_case();
    add_note(&s, "Plain", "Opening [@d1].\n");
    let out = s.dir.path().join("brief.md");
    std::fs::write(&out, "a week of someone's work").unwrap();
    let args = ["export", "brief", "--out", out.to_str().unwrap()];
    let refused = s.run(&args);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("already exists") && stderr(&refused).contains("--force"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "a week of someone's work"
    );
    let forced = s.run(&[args.as_slice(), &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(std::fs::read_to_string(&out)
        .unwrap()
        .starts_with("# Brief"));

    let csv = s.dir.path().join("quotes.csv");
    std::fs::write(&csv, "keep me\n").unwrap();
    let refused = s.run(&["export", "quotes", "--out", csv.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "keep me\n");
    let hits = s.dir.path().join("hits.csv");
    std::fs::write(&hits, "keep me\n").unwrap();
    let refused = s.run(&["search", "botnet", "--csv", hits.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(1), "{}", stderr(&refused));
    assert_eq!(std::fs::read_to_string(&hits).unwrap(), "keep me\n");
    let leftovers: Vec<_> = std::fs::read_dir(s.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files are left");
}

#[test]
fn a_javascript_or_data_source_url_never_becomes_a_link_in_the_brief() {
    let s = Sandbox::new().with_fixed_clock(FIXED_CLOCK);
    let hostile = [
        "JavaScript:alert(1)",
        "javascript:alert(document.cookie)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
    ];
    let mut paths = Vec::new();
    for (i, url) in hostile.iter().enumerate() {
        let record = format!(
            "URL:{url}\nTITLE:Hostile {i}\nDATE:Apr 1, 2017\nDOC ID:{i}\nCONTENT:Plain words number {i} for the reader.\n"
        );
        paths.push(s.write(&format!("hostile{i}.txt"), record));
    }
    let refs: Vec<&std::path::Path> = paths.iter().map(|p| p.as_path()).collect();
    let (code, report) = s.import(&refs);
    assert_eq!(code, 0, "{report}");
    let cites: String = (1..=hostile.len()).map(|d| format!(" [@d{d}]")).collect();
    add_note(&s, "Links", &format!("Every source{cites}.\n"));
    let out = s.dir.path().join("brief.md");
    let (code, written) = s.json(&["export", "brief", "--out", out.to_str().unwrap()]);
    assert_eq!(code, 0, "{written}");
    let brief = std::fs::read_to_string(&out).unwrap();
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(&brief, pulldown_cmark::Options::all()),
    );
    for scheme in ["javascript:", "data:", "vbscript:"] {
        assert!(
            !html
                .to_ascii_lowercase()
                .contains(&format!("href=\"{scheme}")),
            "{scheme} became a link:\n{html}"
        );
        assert!(
            !brief.to_ascii_lowercase().contains(&format!("<{scheme}")),
            "{scheme} written as an autolink:\n{brief}"
        );
    }
    assert!(
        !html.contains("href=\"") || html.split("href=\"").skip(1).all(|h| h.starts_with('#')),
        "only footnote links:\n{html}"
    );
    assert!(
        brief.contains("JavaScript\\:alert(1)"),
        "shown as text:\n{brief}"
    );
}

/// The footnote numbers a line of the brief cites, in order.
fn cited_numbers(line: &str) -> Vec<String> {
    line.split("[^")
        .skip(1)
        .filter_map(|rest| rest.split_once(']').map(|(n, _)| n.to_string()))
        .collect()
}

#[test]
fn a_brief_lists_a_persons_network_connections_each_footnoted_to_its_sources() {
    let s = demo_and_volkov();
    let case = Case::open(&s.case).unwrap();
    let volkov = id_of(&case, "Andrei Nikolayevich Volkov");
    let quispe = id_of(&case, "Marta Elena Quispe");
    let taddeo = id_of(&case, "Leo Taddeo");
    let net = case.network(&NetworkFilter::default()).unwrap();
    let evidence = case
        .network_evidence(volkov, quispe, &NetworkFilter::default())
        .unwrap();
    assert!(!evidence.is_empty());
    drop(case);

    // Volkov by name, Taddeo by id: one section each, in the order asked.
    let out = s.dir.path().join("brief.md");
    let (code, written) = s.json(&[
        "export",
        "brief",
        "--out",
        out.to_str().unwrap(),
        "--connections",
        "Andrei Nikolayevich Volkov",
        "--connections",
        &taddeo.to_string(),
    ]);
    assert_eq!(code, 0, "{written}");
    let brief = std::fs::read_to_string(&out).unwrap();
    let volkov_at = brief
        .find("## Connections of Andrei Nikolayevich Volkov")
        .unwrap_or_else(|| panic!("no section for Volkov:\n{brief}"));
    let taddeo_at = brief.find("## Connections of Leo Taddeo").unwrap();
    assert!(volkov_at < taddeo_at);
    let section = &brief[volkov_at..taddeo_at];

    // The row of the co-defendant names her, the kind of link and the count, and cites
    // exactly the places the network's evidence gives, in the filing.
    let row = section
        .lines()
        .find(|l| l.starts_with("| Marta Elena Quispe |"))
        .unwrap_or_else(|| panic!("no row for Quispe:\n{section}"));
    let edge = net
        .edges
        .iter()
        .find(|e| (e.source, e.target) == (volkov.min(quispe), volkov.max(quispe)))
        .unwrap();
    assert!(row.contains("defendants in the same court filing"), "{row}");
    assert!(row.contains(&format!("| {} |", edge.weight)), "{row}");
    let numbers = cited_numbers(row);
    assert_eq!(numbers.len(), evidence.len().min(5), "{row}");
    let case = Case::open(&s.case).unwrap();
    let mut cited: Vec<String> = Vec::new();
    for (number, ev) in numbers.iter().zip(&evidence) {
        let note = brief
            .lines()
            .find(|l| l.starts_with(&format!("[^{number}]: ")))
            .unwrap_or_else(|| panic!("footnote {number} is missing:\n{brief}"));
        assert!(!note.contains("does not resolve"), "{note}");
        assert!(
            note.contains("SHA-256 `"),
            "the footnote names the original: {note}"
        );
        // The document's title in italics, as every footnote of a brief names its source
        // (Markdown escapes aside).
        let title = case.document(ev.doc_id).unwrap().summary.title;
        assert!(
            note.replace('\\', "").contains(&format!("*{title}*")),
            "{title} in {note}"
        );
        let target = note
            .rsplit_once("\\[")
            .and_then(|(_, t)| t.split(',').next())
            .unwrap()
            .trim_end_matches("\\].")
            .to_string();
        cited.push(target);
    }
    let expected: Vec<String> = evidence
        .iter()
        .take(5)
        .map(|ev| format!("d{}:{}-{}", ev.doc_id, ev.start, ev.end))
        .collect();
    assert_eq!(cited, expected, "footnotes point at the edge's evidence");

    // Every row of every section cites at least one source.
    for line in brief[volkov_at..].lines().filter(|l| l.starts_with("| ")) {
        if line.starts_with("| Linked to") {
            continue;
        }
        assert!(
            !cited_numbers(line).is_empty(),
            "a link without a source: {line}"
        );
    }

    // A name the case does not know is refused, and nothing is written.
    let missing = s.dir.path().join("missing.md");
    let refused = s.run(&[
        "export",
        "brief",
        "--out",
        missing.to_str().unwrap(),
        "--connections",
        "Nobody At All",
    ]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        stderr(&refused).contains("Nobody At All"),
        "{}",
        stderr(&refused)
    );
    assert!(!missing.exists());
}
