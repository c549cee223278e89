//! The audit trail (issue 22): every change a person makes is appended in the change's own
//! transaction, the log is append-only and hash-chained, `verify` names the first entry an
//! edit or a removal broke, and `dossier log` and a brief's `--with-log` show it.

use serde_json::Value;

use crate::support::*;
use dossier::model::{AuditFilter, BriefOptions, BulkAction, DocumentSelection, ReviewStatus};
use dossier::{Case, Existing};

/// A case with the three small records and the seed article.
fn case_with_documents() -> Sandbox {
    three_records("Election report", &[&seed_path()])
}

fn actions(case: &Case) -> Vec<String> {
    let mut entries = case.audit_log(&AuditFilter::default()).unwrap();
    entries.reverse();
    entries.into_iter().map(|e| e.action).collect()
}

#[test]
fn every_kind_of_change_a_person_makes_is_in_the_log_in_order() {
    let s = case_with_documents();
    let case = Case::open(&s.case).unwrap();
    assert_eq!(actions(&case), ["import"], "one batch, one entry");
    let doc = case.documents().unwrap()[0].id;
    let quote = case.quotes(&Default::default()).unwrap()[0].id;
    case.review_quote(quote, ReviewStatus::Confirmed).unwrap();
    let people = case.entities().unwrap();
    case.rename_entity(people[0].id, "Renamed Person").unwrap();
    let merge = case.merge_entities(people[0].id, people[1].id).unwrap();
    // A single user's merge is listed under the person without anyone's name; undone, it goes.
    let merges = case.entity_merges(people[0].id).unwrap();
    assert_eq!(
        (merges[0].merge_id, merges[0].author.clone()),
        (merge, None)
    );
    assert!(
        case.quote_reviews(quote).unwrap().is_empty(),
        "no team, no authors"
    );
    case.unmerge_entities(merge).unwrap();
    assert!(case.entity_merges(people[0].id).unwrap().is_empty());
    let note = case.add_note("Lead", &format!("See [@d{doc}].")).unwrap();
    case.edit_note(note.summary.id, None, "Second version.")
        .unwrap();
    let event = case.timeline(&Default::default()).unwrap()[0].id;
    case.tag_event(event, &["arrest".into()], &[]).unwrap();
    case.edit_document(
        doc,
        &dossier::model::DocumentEdit {
            outlet: Some("Wire".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let bulk = case
        .bulk(
            &DocumentSelection::Query("kelihos".into()),
            &BulkAction::Tag("Botnet".into()),
            &mut |_| true,
        )
        .unwrap();
    case.undo_bulk(bulk.bulk_id).unwrap();
    case.delete_documents(&[doc]).unwrap();
    case.restore_documents(&[doc]).unwrap();
    let out = s.dir.path().join("brief.md");
    case.export_brief(&BriefOptions::default(), &out, Existing::Keep)
        .unwrap();
    assert_eq!(
        actions(&case),
        [
            "import",
            "quote.review",
            "entity.rename",
            "entity.merge",
            "entity.unmerge",
            "note.add",
            "note.save",
            "event.tag",
            "document.edit",
            "document.tag",
            "document.undo",
            "document.delete",
            "document.restore",
            "export.brief",
        ]
    );
    let tagged = &case
        .audit_log(&AuditFilter {
            action: Some("document.tag".into()),
            ..Default::default()
        })
        .unwrap()[0];
    assert_eq!(tagged.detail["tag"], "botnet", "the tag in its normal form");
    assert_eq!(tagged.detail["query"], "kelihos");
    assert_eq!(tagged.detail["changed"], 3);
    assert_eq!(tagged.target, "documents:3");
    assert_eq!(tagged.author, None, "a single-user case names no author");
    let check = case.check_audit_log().unwrap();
    assert_eq!((check.entries, check.first_broken), (14, None));
    assert!(case.verify().unwrap().is_ok());
}

#[test]
fn a_change_that_fails_leaves_no_entry() {
    let s = case_with_documents();
    let case = Case::open(&s.case).unwrap();
    let before = case.audit_log(&AuditFilter::default()).unwrap().len();
    // Document 999 does not exist: the bulk action is refused before anything is written.
    assert!(case
        .bulk(
            &DocumentSelection::Ids(vec![1, 999]),
            &BulkAction::Star,
            &mut |_| true
        )
        .is_err());
    // Cancelled halfway through writing: rolled back whole, entry included.
    let err = case
        .bulk(
            &DocumentSelection::Query("kelihos OR spring".into()),
            &BulkAction::Star,
            &mut |_| false,
        )
        .unwrap_err();
    assert!(err.message.contains("cancelled"), "{err}");
    assert_eq!(
        case.audit_log(&AuditFilter::default()).unwrap().len(),
        before
    );
    assert!(case.marked_documents().unwrap().is_empty());
}

#[test]
fn sqlite_refuses_to_update_or_delete_a_log_row() {
    let s = case_with_documents();
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    for sql in [
        "UPDATE audit_log SET action = 'nothing' WHERE id = 1",
        "DELETE FROM audit_log WHERE id = 1",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(err.to_string().contains("append-only"), "{sql}: {err}");
    }
}

/// A case with five entries; the tests then tamper with it as someone with sqlite3 could.
fn case_with_five_entries() -> Sandbox {
    let s = case_with_documents();
    for tag in ["a", "b", "c", "d"] {
        let (code, out) = s.json(&["tag", "add", tag, "--doc", "1"]);
        assert_eq!(code, 0, "{out}");
    }
    s
}

fn tamper(s: &Sandbox, sql: &str) {
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute_batch(&format!(
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; {sql}"
    ))
    .unwrap();
}

fn verify(s: &Sandbox) -> (i32, Value) {
    s.json(&["verify"])
}

#[test]
fn verify_names_an_entry_edited_with_sqlite() {
    let s = case_with_five_entries();
    let (code, report) = verify(&s);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["audit_entries"], 5);
    tamper(
        &s,
        "UPDATE audit_log SET detail = '{\"added\":[\"z\"]}' WHERE id = 3",
    );
    let (code, report) = verify(&s);
    assert_eq!(code, 1);
    assert_eq!(report["audit_first_broken"], 3, "{report}");
    let problems = report["problems"].to_string();
    assert!(problems.contains("audit log entry 3"), "{problems}");
    assert!(problems.contains("altered"), "{problems}");
}

#[test]
fn verify_names_where_an_entry_was_deleted_in_the_middle_or_at_the_end() {
    let s = case_with_five_entries();
    tamper(&s, "DELETE FROM audit_log WHERE id = 2");
    let (code, report) = verify(&s);
    assert_eq!(code, 1);
    assert_eq!(report["audit_first_broken"], 3, "{report}");
    assert!(
        report["problems"].to_string().contains("removed"),
        "{report}"
    );

    let s = case_with_five_entries();
    tamper(&s, "DELETE FROM audit_log WHERE id = 5");
    let (_, report) = verify(&s);
    assert_eq!(report["audit_first_broken"], 5, "{report}");
    assert!(
        report["problems"]
            .to_string()
            .contains("entries 5 to 5 were removed"),
        "{report}"
    );
}

#[test]
fn verify_names_an_entry_rehashed_by_someone_who_knows_the_scheme() {
    // Re-hashing an edited row makes it consistent with itself, but the next entry still
    // carries the old hash.
    let s = case_with_five_entries();
    tamper(&s, "UPDATE audit_log SET hash = '0000' WHERE id = 2");
    let (_, report) = verify(&s);
    assert_eq!(report["audit_first_broken"], 2, "{report}");
}

#[test]
fn dossier_log_lists_entries_newest_first_and_filters_by_time() {
    let s = case_with_five_entries().with_fixed_clock(4_102_444_800); // 2100-01-01
    let (code, out) = s.json(&["tag", "add", "later", "--query", "kelihos"]);
    assert_eq!(code, 0, "{out}");
    let (code, log) = s.json(&["log"]);
    assert_eq!(code, 0);
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 6);
    assert_eq!(entries[0]["action"], "document.tag");
    assert_eq!(entries[0]["time"], "2100-01-01T00:00:00Z");
    for e in entries {
        for field in ["time", "action", "target", "author", "hash"] {
            assert!(e.get(field).is_some(), "{field} in {e}");
        }
    }
    let (_, recent) = s.json(&["log", "--since", "2099-12-31"]);
    assert_eq!(recent.as_array().unwrap().len(), 1);
    let (code, checked) = s.json(&["log", "--limit", "2", "--check"]);
    assert_eq!(code, 0);
    assert_eq!(checked["entries"].as_array().unwrap().len(), 2);
    assert_eq!(checked["check"]["entries"], 6);
    let out = s.run(&["log", "--since", "last tuesday"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("--since 'last tuesday' is not a date"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_brief_exported_with_log_carries_the_whole_chain_and_its_own_export() {
    let s = case_with_five_entries();
    Case::open(&s.case)
        .unwrap()
        .add_note("Lead", "Nothing cited.")
        .unwrap();
    let out = s.dir.path().join("brief.md");
    let (code, report) = s.json(&[
        "export",
        "brief",
        "--out",
        out.to_str().unwrap(),
        "--with-log",
    ]);
    assert_eq!(code, 0, "{report}");
    let log: Value =
        serde_json::from_slice(&std::fs::read(s.dir.path().join("brief.audit.json")).unwrap())
            .unwrap();
    let entries = log["entries"].as_array().unwrap();
    assert_eq!(entries.first().unwrap()["action"], "import", "oldest first");
    assert_eq!(entries.last().unwrap()["action"], "export.brief");
    assert_eq!(log["check"]["first_broken"], Value::Null);
    for pair in entries.windows(2) {
        assert_eq!(pair[1]["prev_hash"], pair[0]["hash"]);
    }
}
