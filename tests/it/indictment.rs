//! Court filings: an indictment PDF's structure and page-exact citations, its defendant linked
//! to the same person in the press, its dated overt acts on the timeline, and the demo's
//! superseding indictment.

use serde_json::Value;

use crate::pdf::{chars, indictment_pdf, only_document, page_of};
use crate::support::*;

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
