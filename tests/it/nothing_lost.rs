//! Nothing a person does is lost: deleted documents and notes come back, drafts survive a
//! restart, a document's metadata can be corrected, and a copy of an open case holds all of it.

use serde_json::Value;

use crate::support::*;
use dossier::model::DocumentEdit;
use dossier::{Case, DocumentKind, SearchRequest};

fn seed_case() -> Sandbox {
    let s = Sandbox::new();
    let (code, report) = s.import(&[&seed_path()]);
    assert_eq!(code, 0, "{report}");
    s
}

fn search_count(case: &Case, query: &str) -> usize {
    case.search(&SearchRequest {
        query: query.to_string(),
        ..Default::default()
    })
    .unwrap()
    .total
}

#[test]
fn deleted_document_leaves_lists_search_and_timeline_and_restore_brings_it_back() {
    let s = seed_case();
    let case = Case::open(&s.case).unwrap();
    let id = case.documents().unwrap()[0].id;
    let quotes_before = case.quotes(&Default::default()).unwrap().len();
    let events_before = case.timeline(&Default::default()).unwrap().len();
    assert!(quotes_before > 0 && events_before > 0);
    assert_eq!(search_count(&case, "Kelihos"), 1);
    let note = case
        .add_note("Arrest", &format!("Reported in [@d{id}]."))
        .unwrap();

    let impact = case.deletion_impact(&[id]).unwrap();
    // Rejected quotes are hidden from the list but go with the document too.
    assert!(impact.quotes >= quotes_before);
    assert!(impact.events_removed > 0);
    assert_eq!(impact.citing_notes.len(), 1);
    assert_eq!(impact.citing_notes[0].id, note.summary.id);

    case.delete_documents(&[id]).unwrap();
    assert_eq!(case.document_count().unwrap(), 0);
    assert_eq!(case.quotes(&Default::default()).unwrap().len(), 0);
    assert_eq!(case.timeline(&Default::default()).unwrap().len(), 0);
    assert_eq!(search_count(&case, "Kelihos"), 0);
    assert_eq!(case.trash().unwrap().len(), 1);
    assert!(!case.note(note.summary.id).unwrap().problems.is_empty());

    case.restore_documents(&[id]).unwrap();
    assert_eq!(case.document(id).unwrap().summary.id, id);
    assert_eq!(
        case.quotes(&Default::default()).unwrap().len(),
        quotes_before
    );
    assert_eq!(
        case.timeline(&Default::default()).unwrap().len(),
        events_before
    );
    assert_eq!(search_count(&case, "Kelihos"), 1);
    assert!(case.trash().unwrap().is_empty());
    assert!(case.note(note.summary.id).unwrap().problems.is_empty());
}

#[test]
fn new_document_never_takes_a_deleted_documents_id() {
    let s = seed_case();
    let case = Case::open(&s.case).unwrap();
    let id = case.documents().unwrap()[0].id;
    case.delete_documents(&[id]).unwrap();
    drop(case);
    let other = s.write(
        "other.txt",
        news_record(
            "X1",
            "Another story",
            "2017-05-01",
            "Nothing to see here, said Jane Roe.",
        ),
    );
    let (code, report) = s.import(&[&other]);
    assert_eq!(code, 0, "{report}");
    let case = Case::open(&s.case).unwrap();
    let new_id = case.documents().unwrap()[0].id;
    assert_ne!(
        new_id, id,
        "a note citing @d{id} would silently cite another source"
    );
    case.restore_documents(&[id]).unwrap();
    assert_eq!(case.document_count().unwrap(), 2);
}

#[test]
fn purge_removes_the_originals_bytes_from_the_case_file() {
    let s = Sandbox::new();
    let marker = "ZEBRAQUAGGA-MUST-NOT-BE-KEPT";
    let src = s.write(
        "secret.txt",
        news_record(
            "S1",
            "A source to purge",
            "2017-05-01",
            &format!("The secret is {marker}."),
        ),
    );
    let (code, _) = s.import(&[&src]);
    assert_eq!(code, 0);
    let case = Case::open(&s.case).unwrap();
    let id = case.documents().unwrap()[0].id;
    let purged = case.purge_documents(&[id]).unwrap();
    assert!(purged[0].purged_at.is_some());
    assert!(case.restore_documents(&[id]).is_err());
    drop(case);
    for file in [s.case.clone(), s.case.with_extension("dossier-wal")] {
        if let Ok(bytes) = std::fs::read(&file) {
            let found = bytes.windows(marker.len()).any(|w| w == marker.as_bytes());
            assert!(!found, "{} still holds the purged text", file.display());
        }
    }
}

#[test]
fn edit_changes_date_and_outlet_and_moves_the_publication_event() {
    let s = seed_case();
    let case = Case::open(&s.case).unwrap();
    let id = case.documents().unwrap()[0].id;
    let doc = case
        .edit_document(
            id,
            &DocumentEdit {
                kind: Some(DocumentKind::PressRelease),
                published: Some("2016-03-04".into()),
                outlet: Some("Example Wire".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(doc.summary.published.as_deref(), Some("2016-03-04"));
    assert_eq!(doc.summary.outlet.as_deref(), Some("Example Wire"));
    assert_eq!(doc.summary.kind, DocumentKind::PressRelease);
    let events = case.timeline(&Default::default()).unwrap();
    let publication = events
        .iter()
        .find(|e| e.value == "2016-03-04")
        .expect("the publication event moved to the new date");
    assert!(publication.title.starts_with("Published"));
    let bad = case.edit_document(
        id,
        &DocumentEdit {
            published: Some("next Tuesday-ish".into()),
            ..Default::default()
        },
    );
    assert_eq!(bad.unwrap_err().code, dossier::ErrorCode::InvalidInput);
}

#[test]
fn cli_edit_delete_restore_and_trash() {
    let s = seed_case();
    let id = s.docs()[0]["id"].as_i64().unwrap().to_string();
    let (code, doc) = s.json(&["edit", &id, "--date", "2017-04", "--outlet", "Wire"]);
    assert_eq!(code, 0, "{doc}");
    assert_eq!(doc["published"], "2017-04");
    let (code, out) = s.json(&["delete", &id]);
    assert_eq!(code, 0, "{out}");
    assert!(out["impact"]["quotes"].as_u64().unwrap() > 0);
    assert!(s.docs().is_empty());
    let (_, trash) = s.json(&["trash"]);
    assert_eq!(trash.as_array().unwrap().len(), 1);
    let (code, _) = s.json(&["restore", &id]);
    assert_eq!(code, 0);
    assert_eq!(s.docs().len(), 1);
}

#[test]
fn backup_while_open_includes_wal_pages() {
    let s = seed_case();
    // The case stays open, as in the app, and its latest work is still in the write-ahead log.
    let case = Case::open(&s.case).unwrap();
    case.add_note("Unfinished", "Written just now.").unwrap();
    let wal = s.case.with_extension("dossier-wal");
    assert!(std::fs::metadata(&wal)
        .map(|m| m.len() > 0)
        .unwrap_or(false));
    // A plain copy of the case file misses the note; the backup has it.
    let naive = s.dir.path().join("naive.dossier");
    std::fs::copy(&s.case, &naive).unwrap();
    let naive_notes = Case::open(&naive).unwrap().notes().unwrap().len();
    assert_eq!(
        naive_notes, 0,
        "the note should only be in the log for this test to mean anything"
    );

    let copy = s.dir.path().join("copy.dossier");
    let report = case.backup(&copy, false).unwrap();
    assert_eq!(report.documents, 1);
    assert_eq!(report.notes, 1);
    let copied = Case::open(&copy).unwrap();
    assert_eq!(copied.notes().unwrap().len(), 1);
    assert_eq!(copied.document_count().unwrap(), 1);

    let again = case.backup(&copy, false).unwrap_err();
    assert_eq!(again.code, dossier::ErrorCode::Conflict);
    assert!(case.backup(&copy, true).is_ok());
}

#[test]
fn cli_backup_refuses_to_overwrite_without_force() {
    let s = seed_case();
    let copy = s.dir.path().join("copy.dossier");
    let copy = copy.to_str().unwrap();
    let (code, report) = s.json(&["backup", copy]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["documents"], 1);
    let out = s.run(&["backup", copy]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert!(s.run(&["backup", copy, "--force"]).status.success());
}

#[test]
fn checkpoint_empties_the_log_so_a_plain_copy_is_complete() {
    let s = seed_case();
    let case = Case::open(&s.case).unwrap();
    case.add_note("Idle", "Checkpointed.").unwrap();
    case.checkpoint().unwrap();
    let naive = s.dir.path().join("naive.dossier");
    std::fs::copy(&s.case, &naive).unwrap();
    assert_eq!(Case::open(&naive).unwrap().notes().unwrap().len(), 1);
}

#[test]
fn deleted_note_leaves_lists_and_search_and_comes_back() {
    let s = seed_case();
    let case = Case::open(&s.case).unwrap();
    let note = case
        .add_note("Zanzibar lead", "Check the zanzibar angle.")
        .unwrap();
    let id = note.summary.id;
    assert_eq!(search_count(&case, "zanzibar kind:note"), 1);
    case.delete_note(id).unwrap();
    assert!(case.notes().unwrap().is_empty());
    assert_eq!(search_count(&case, "zanzibar kind:note"), 0);
    assert_eq!(case.deleted_notes().unwrap().len(), 1);
    // Its title is free while it is deleted, and taking it blocks the undelete with a reason.
    let other = case.add_note("Zanzibar lead", "Another.").unwrap();
    let err = case.undelete_note(id).unwrap_err();
    assert_eq!(err.code, dossier::ErrorCode::Conflict);
    case.delete_note(other.summary.id).unwrap();
    case.undelete_note(id).unwrap();
    assert_eq!(case.note(id).unwrap().text, "Check the zanzibar angle.");
    assert_eq!(case.note_history(id).unwrap().len(), 1);
    assert_eq!(search_count(&case, "zanzibar kind:note"), 1);
}

#[test]
fn note_draft_survives_a_restart_and_goes_when_saved() {
    let s = seed_case();
    {
        let case = Case::open(&s.case).unwrap();
        case.save_note_draft(None, "Half a thought", "Typed, never saved")
            .unwrap();
        // The process dies here without saving: the draft was written as it was typed.
    }
    let case = Case::open(&s.case).unwrap();
    let drafts = case.note_drafts().unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].note_id, None);
    assert_eq!(drafts[0].text, "Typed, never saved");
    let note = case
        .add_note("Half a thought", "Typed, never saved")
        .unwrap();
    assert!(case.note_drafts().unwrap().is_empty());

    case.save_note_draft(Some(note.summary.id), "Half a thought", "More")
        .unwrap();
    assert_eq!(case.note_drafts().unwrap()[0].base_version, Some(1));
    case.discard_note_draft(Some(note.summary.id)).unwrap();
    assert!(case.note_drafts().unwrap().is_empty());
}

#[test]
fn cli_note_delete_and_undelete() {
    let s = seed_case();
    let file = s.write("n.md", "Text.");
    let (code, note) = s.json(&[
        "note",
        "add",
        "--title",
        "T",
        "--file",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{note}");
    let id = note["id"].as_i64().unwrap().to_string();
    assert!(s.run(&["note", "delete", &id]).status.success());
    let (_, list) = s.json(&["note", "list"]);
    assert_eq!(list, Value::Array(vec![]));
    assert!(s.run(&["note", "undelete", &id]).status.success());
    let (_, list) = s.json(&["note", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
}
