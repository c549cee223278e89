//! What a brief must never do: carry a live `javascript:` or `data:` link from a source, leave
//! with claim-check problems unsaid, or replace a file that was already there.

use crate::notes::{add_note, quote_by, seed_case, FIXED_CLOCK};
use crate::support::*;

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
