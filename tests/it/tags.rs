//! Tags and marks on documents (issue 22): by query or ids, one transaction and one undoable
//! step each, found by `tag:` and `is:`, counted in the tags facet, kept through the trash and
//! forgotten by a purge; the originals of a selection exported as a ZIP with a manifest.

use std::io::Read;

use serde_json::Value;

use crate::support::*;
use dossier::model::{BulkAction, DocumentSelection};
use dossier::{Case, Existing, SearchRequest};

fn fixture() -> Sandbox {
    let s = Sandbox::new();
    for (id, title, content) in [
        (
            "a1",
            "Botnet takedown",
            "Police dismantled the Kelihos botnet.",
        ),
        (
            "a2",
            "=HYPERLINK(\"x\")",
            "Kelihos operators used spam to reach voters.",
        ),
        ("a3", "Weather notes", "A quiet spring with light rain."),
    ] {
        s.write(
            &format!("{id}.txt"),
            news_record(id, title, "Apr 3, 2017", content),
        );
    }
    let (code, report) = s.import(&[&s.sources()]);
    assert_eq!(code, 0, "{report}");
    s
}

fn hits(case: &Case, query: &str) -> Vec<i64> {
    let mut ids: Vec<i64> = case
        .search(&SearchRequest::new(query))
        .unwrap()
        .hits
        .iter()
        .map(|h| h.doc_id)
        .collect();
    ids.sort();
    ids
}

#[test]
fn tagging_a_query_tags_every_hit_and_tag_search_and_the_facet_find_them() {
    let s = fixture();
    let (code, out) = s.json(&["tag", "add", "  Botnet  Case ", "--query", "kelihos"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        (out["selected"].as_u64(), out["changed"].as_u64()),
        (Some(2), Some(2))
    );
    let case = Case::open(&s.case).unwrap();
    assert_eq!(hits(&case, "tag:\"botnet case\""), [1, 2]);
    let all = case.search(&SearchRequest::new("rain OR kelihos")).unwrap();
    assert_eq!(all.facets.tag.len(), 1);
    assert_eq!(all.facets.tag[0].value, "botnet case");
    assert_eq!(all.facets.tag[0].count, 2);
    let (_, list) = s.json(&["tag", "list"]);
    assert_eq!(
        list,
        serde_json::json!([{ "tag": "botnet case", "count": 2 }])
    );
    // Again: nothing changes, and the result says so.
    let (_, again) = s.json(&["tag", "add", "botnet case", "--query", "kelihos"]);
    assert_eq!(again["changed"], 0);
}

#[test]
fn undoing_a_bulk_tag_reverts_only_the_documents_it_changed() {
    let s = fixture();
    let case = Case::open(&s.case).unwrap();
    let tag = || BulkAction::Tag("lead".into());
    case.bulk(&DocumentSelection::Ids(vec![1]), &tag(), &mut |_| true)
        .unwrap();
    let bulk = case
        .bulk(
            &DocumentSelection::Query("kelihos OR rain".into()),
            &tag(),
            &mut |_| true,
        )
        .unwrap();
    assert_eq!((bulk.selected, bulk.changed), (3, 2));
    assert_eq!(hits(&case, "tag:lead"), [1, 2, 3]);
    let undone = case.undo_bulk(bulk.bulk_id).unwrap();
    assert_eq!(undone.changed, 2);
    assert_eq!(
        hits(&case, "tag:lead"),
        [1],
        "document 1 was tagged before the bulk action"
    );
    let again = case.undo_bulk(bulk.bulk_id).unwrap_err();
    assert_eq!(again.code.as_str(), "conflict", "{again}");
}

#[test]
fn star_and_reviewed_are_marks_found_by_is() {
    let s = fixture();
    let (code, out) = s.json(&["mark", "starred", "--doc", "1", "--doc", "3"]);
    assert_eq!(code, 0, "{out}");
    let (code, _) = s.json(&["mark", "reviewed", "--query", "rain"]);
    assert_eq!(code, 0);
    let case = Case::open(&s.case).unwrap();
    assert_eq!(hits(&case, "is:starred"), [1, 3]);
    assert_eq!(hits(&case, "is:reviewed"), [3]);
    assert_eq!(hits(&case, "is:starred -is:reviewed"), [1]);
    let marks = case.document_marks(3).unwrap();
    assert!(marks.starred && marks.reviewed);
    drop(case);
    let (code, out) = s.json(&["mark", "starred", "--off", "--doc", "3"]);
    assert_eq!((code, out["changed"].as_u64()), (0, Some(1)));
    let (code, out) = s.json(&["undo", &out["bulk_id"].to_string()]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(hits(&Case::open(&s.case).unwrap(), "is:starred"), [1, 3]);
    let err = s.run(&["search", "is:famous"]);
    assert!(
        stderr(&err).contains("unknown mark 'famous'"),
        "{}",
        stderr(&err)
    );
}

#[test]
fn bad_selections_and_bad_tags_are_refused_naming_the_problem() {
    let s = fixture();
    let out = s.run(&["tag", "add", "x", "--doc", "1", "--doc", "42"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("no document 42"), "{}", stderr(&out));
    let out = s.run(&["tag", "add", "a,b", "--doc", "1"]);
    assert!(stderr(&out).contains("comma"), "{}", stderr(&out));
    let out = s.run(&["tag", "add", "x"]);
    assert!(!out.status.success(), "a selection is required");
    let out = s.run(&["tag", "add", "x", "--query", "(unclosed"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("position")
            || stderr(&out).contains("column")
            || stderr(&out).contains("at "),
        "{}",
        stderr(&out)
    );
    assert!(Case::open(&s.case)
        .unwrap()
        .marked_documents()
        .unwrap()
        .is_empty());
}

#[test]
fn tags_wait_in_the_trash_and_a_purge_forgets_them() {
    let s = fixture();
    let case = Case::open(&s.case).unwrap();
    case.tag_document(1, &["kept".into()], &[]).unwrap();
    case.tag_document(2, &["kept".into()], &[]).unwrap();
    case.delete_documents(&[1]).unwrap();
    assert_eq!(
        case.document_tags().unwrap()[0].count,
        1,
        "a trashed document is not counted"
    );
    assert_eq!(hits(&case, "tag:kept"), [2]);
    case.restore_documents(&[1]).unwrap();
    assert_eq!(hits(&case, "tag:kept"), [1, 2]);
    case.purge_documents(&[1]).unwrap();
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    let left: i64 = conn
        .query_row(
            "SELECT count(*) FROM document_tags WHERE document_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(left, 0);
}

#[test]
fn originals_export_as_a_zip_whose_manifest_checks_every_file() {
    let s = fixture();
    let out = s.dir.path().join("originals.zip");
    let (code, report) = s.json(&[
        "export",
        "originals",
        "--query",
        "kelihos",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["documents"], 2);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut manifest = String::new();
    zip.by_name("manifest.csv")
        .unwrap()
        .read_to_string(&mut manifest)
        .unwrap();
    let lines: Vec<&str> = manifest.lines().collect();
    assert_eq!(lines[0], "path,sha256,doc_id,title,url");
    assert_eq!(lines.len(), 3, "{manifest}");
    assert!(
        lines[2].contains(",\"'=HYPERLINK"),
        "a formula in a title is defused: {manifest}"
    );
    let case = Case::open(&s.case).unwrap();
    for line in &lines[1..] {
        let fields: Vec<&str> = line.split(',').collect();
        let (path, sha, id) = (fields[0], fields[1], fields[2].parse::<i64>().unwrap());
        assert!(
            path.starts_with("originals/") && !path.contains(".."),
            "{path}"
        );
        let mut bytes = Vec::new();
        zip.by_name(path).unwrap().read_to_end(&mut bytes).unwrap();
        assert_eq!(bytes, case.original(id).unwrap());
        assert_eq!(sha, case.document(id).unwrap().summary.sha256);
    }
    // Exporting is in the log; an existing file is kept unless replacing was asked.
    let log = case.audit_log(&Default::default()).unwrap();
    assert_eq!(log[0].action, "export.originals");
    assert!(case
        .export_originals(
            &DocumentSelection::Ids(vec![1]),
            &out,
            Existing::Keep,
            &mut |_| true
        )
        .is_err());
}

#[test]
fn hits_csv_defuses_formulas_and_is_logged() {
    let s = fixture();
    let out = s.dir.path().join("hits.csv");
    let case = Case::open(&s.case).unwrap();
    let written = case
        .export_search_csv(&SearchRequest::new("voters"), &out, Existing::Keep)
        .unwrap();
    assert_eq!(written, 1);
    let csv = std::fs::read_to_string(&out).unwrap();
    assert!(csv.contains("\"'=HYPERLINK(\"\"x\"\")\""), "{csv}");
    let entry: Value =
        serde_json::to_value(&case.audit_log(&Default::default()).unwrap()[0]).unwrap();
    assert_eq!(entry["action"], "export.hits_csv");
    assert_eq!(entry["detail"]["hits"], 1);
}
