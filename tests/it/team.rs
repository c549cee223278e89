//! Team cases through PostgreSQL (issue 20), against a throwaway server each test starts
//! (`support::pg`): publish and join, two members working offline and syncing to equal
//! cases, conflicts kept, a reader refused by the database, and the server going away
//! mid-sync. `sync` killed mid-run is in `team_kills`.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dossier::model::{QuoteEdit, QuoteFilter, ReviewStatus, TimelineQuery};
use dossier::{Case, ErrorCode};
use serde_json::Value;

use crate::support::pg::PgServer;
use crate::support::{dossier, news_record, repo_path, stderr};

/// A server with one database for the team case and the roles the tests log in as.
pub(crate) fn server(database: &str) -> PgServer {
    let pg = PgServer::start();
    pg.database(database, &["alice", "bob", "carol"]);
    pg
}

fn no_progress<T>(_: &T) -> bool {
    true
}

fn import(case: &mut Case, paths: &[PathBuf]) {
    let report = case.import(paths, &mut no_progress).expect("import");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
}

/// Writes a news record with one attributed quote into `dir` and returns its path.
pub(crate) fn source(dir: &Path, name: &str, speaker: &str, said: &str) -> PathBuf {
    let path = dir.join(format!("{name}.txt"));
    let content = format!(
        "Investigators met on Monday in Lisbon. \"{said},\" said {speaker}, a spokesperson for \
         the inquiry. The hearing is set for March 3, 2017."
    );
    std::fs::write(
        &path,
        news_record(name, &format!("Report {name}"), "2017-02-01", &content),
    )
    .unwrap();
    path
}

/// The id of the first quote of a document with the given SHA-256.
fn first_quote_of(case: &Case, sha256: &str) -> i64 {
    let doc = case
        .documents()
        .unwrap()
        .into_iter()
        .find(|d| d.sha256 == sha256)
        .expect("document");
    case.quotes(&QuoteFilter {
        doc_id: Some(doc.id),
        ..Default::default()
    })
    .unwrap()
    .first()
    .expect("a quote")
    .id
}

fn sha_of(path: &Path) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(std::fs::read(path).unwrap()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(crate) fn assert_same_case(a: &Case, b: &Case) {
    let (fa, fb) = (a.team_fingerprint().unwrap(), b.team_fingerprint().unwrap());
    for key in fa.as_object().unwrap().keys() {
        assert_eq!(fa[key], fb[key], "the members' cases differ in {key}");
    }
}

pub(crate) fn assert_verifies(case: &Case) {
    let report = case.team_verify().unwrap();
    assert!(report.ok, "team verify failed: {report:?}");
}

#[test]
fn publish_then_join_makes_an_equal_case_that_verifies() {
    let pg = server("published");
    let dir = tempfile::tempdir().unwrap();
    let mut a = Case::create(&dir.path().join("a.dossier")).unwrap();
    import(&mut a, &[repo_path("assets/demo")]);
    let quote = a.quotes(&QuoteFilter::default()).unwrap()[0].id;
    a.review_quote(quote, ReviewStatus::Confirmed).unwrap();
    let note = a.add_note("Plan", "First draft").unwrap();
    a.edit_note(note.summary.id, None, "Second draft").unwrap();
    a.save_search("botnet", "botnet").unwrap();

    let report = a.team_publish(&pg.url("postgres", "published")).unwrap();
    // Seven documents (the tip's CSV ledger among them), a reviewed quote, two note versions
    // and a saved search.
    assert_eq!(report.pushed, 7 + 1 + 2 + 1, "{report:?}");
    let (b, joined) = Case::team_join(
        &pg.url("postgres", "published"),
        &dir.path().join("b.dossier"),
    )
    .unwrap();
    assert_eq!(joined.documents, 7);
    assert_same_case(&a, &b);
    assert_eq!(b.original(1).unwrap(), a.original(1).unwrap());
    let history = b.note_history(b.notes().unwrap()[0].id).unwrap();
    assert_eq!(history.len(), 2, "both versions of the note came along");
    assert_eq!(b.saved_search("botnet").unwrap().query, "botnet");
    assert_verifies(&a);
    assert_verifies(&b);
    // Publishing again is a no-op that finishes whatever an interrupted publish left.
    let again = a.team_publish(&pg.url("postgres", "published")).unwrap();
    assert_eq!(again.pushed, 0);
}

#[test]
fn two_members_working_offline_end_with_equal_cases_after_both_sync() {
    let pg = server("offline");
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let shared = source(&sources, "shared", "Nina Ortiz", "Both of us found this");
    let mut a = Case::create(&dir.path().join("a.dossier")).unwrap();
    import(&mut a, &[shared]);
    a.team_publish(&pg.url("postgres", "offline")).unwrap();
    a.team_grant("alice", true).unwrap();
    a.team_grant("bob", true).unwrap();
    drop(a);
    // Each member joins as their own role: every change carries its author.
    let (mut a, _) = Case::team_join(
        &pg.url("alice", "offline"),
        &dir.path().join("alice.dossier"),
    )
    .unwrap();
    let (mut b, _) =
        Case::team_join(&pg.url("bob", "offline"), &dir.path().join("bob.dossier")).unwrap();

    // Offline: each imports a source of their own and one both have, reviews and writes.
    let from_a = source(&sources, "alice-1", "Omar Haddad", "The ledger was altered");
    let both = source(
        &sources,
        "both",
        "Ines Laurent",
        "We filed the request twice",
    );
    let from_b = source(
        &sources,
        "bob-1",
        "Petra Novak",
        "Nobody answered our letters",
    );
    import(&mut a, &[from_a.clone(), both.clone()]);
    import(&mut b, &[from_b.clone(), both.clone()]);
    let qa = first_quote_of(&a, &sha_of(&from_a));
    a.review_quote(qa, ReviewStatus::Confirmed).unwrap();
    a.add_note("Alice's leads", "Haddad on the ledger").unwrap();
    let qb = first_quote_of(&b, &sha_of(&from_b));
    b.review_quote(qb, ReviewStatus::Rejected).unwrap();
    b.add_note("Bob's leads", "Novak's letters").unwrap();
    b.save_search("letters", "letters").unwrap();
    // Timeline and people decisions travel too: an event confirmed, a rename, a merge.
    let event = a.timeline(&TimelineQuery::default()).unwrap()[0].id;
    a.review_event(event, ReviewStatus::Confirmed).unwrap();
    let id_of = |case: &Case, name: &str| {
        case.entities()
            .unwrap()
            .into_iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
            .id
    };
    a.rename_entity(id_of(&a, "Omar Haddad"), "Omar K. Haddad")
        .unwrap();
    b.merge_entities(id_of(&b, "Ines Laurent"), id_of(&b, "Petra Novak"))
        .unwrap();

    a.sync().unwrap();
    b.sync().unwrap();
    a.sync().unwrap();
    assert_same_case(&a, &b);
    assert!(b
        .entities()
        .unwrap()
        .iter()
        .any(|e| e.name == "Omar K. Haddad"));
    assert!(!a
        .entities()
        .unwrap()
        .iter()
        .any(|e| e.name == "Petra Novak"));
    assert_eq!(
        a.documents().unwrap().len(),
        4,
        "the file both imported is one document"
    );
    let confirmed_on_b = first_quote_of(&b, &sha_of(&from_a));
    assert_eq!(
        b.quote(confirmed_on_b).unwrap().status,
        ReviewStatus::Confirmed
    );
    let status = b.sync_status().unwrap();
    assert_eq!(status.waiting, 0);
    assert!(
        status.recent.iter().any(|c| c.author == "alice"),
        "the status says who changed what: {:?}",
        status.recent
    );
    assert_verifies(&a);
    assert_verifies(&b);
    assert_eq!(
        pg.sql(
            "offline",
            "SELECT count(*) FROM changes WHERE unit = 'note_version' AND author = 'bob'"
        ),
        "1"
    );
}

/// Two members, both joined to a fresh team case made from the demo sources.
fn pair(pg: &PgServer, database: &str, dir: &Path) -> (Case, Case) {
    let mut owner = Case::create(&dir.join("owner.dossier")).unwrap();
    import(
        &mut owner,
        &[repo_path("assets/demo/seed-technewsworld-kelihos.txt")],
    );
    owner.add_note("Timeline", "Arrest in Barcelona").unwrap();
    owner.team_publish(&pg.url("postgres", database)).unwrap();
    owner.team_grant("alice", true).unwrap();
    owner.team_grant("bob", true).unwrap();
    let (a, _) = Case::team_join(&pg.url("alice", database), &dir.join("alice.dossier")).unwrap();
    let (b, _) = Case::team_join(&pg.url("bob", database), &dir.join("bob.dossier")).unwrap();
    (a, b)
}

#[test]
fn the_same_note_edited_by_both_keeps_two_versions_and_reports_the_conflict() {
    let pg = server("conflicts");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(&pg, "conflicts", dir.path());
    let na = a.notes().unwrap()[0].id;
    let nb = b.notes().unwrap()[0].id;
    a.edit_note(na, None, "Arrest in Barcelona on April 7")
        .unwrap();
    b.edit_note(nb, None, "Arrest in Barcelona, extradition pending")
        .unwrap();
    let first = a.sync().unwrap();
    assert!(first.conflicts.is_empty());
    let second = b.sync().unwrap();
    assert_eq!(second.conflicts.len(), 1, "{second:?}");
    assert!(second.conflicts[0].contains("Timeline"), "{second:?}");
    a.sync().unwrap();
    for case in [&a, &b] {
        let id = case.notes().unwrap()[0].id;
        let texts: Vec<String> = case
            .note_history(id)
            .unwrap()
            .iter()
            .map(|v| case.note_version(id, v.version).unwrap().text)
            .collect();
        assert!(texts.contains(&"Arrest in Barcelona on April 7".to_string()));
        assert!(texts.contains(&"Arrest in Barcelona, extradition pending".to_string()));
        assert_eq!(case.sync_status().unwrap().conflicts, 1);
    }
    assert_same_case(&a, &b);
    // A version saved on top of the conflict continues it on the other side: no new conflict.
    a.edit_note(na, None, "Settled: arrested April 7, extradition pending")
        .unwrap();
    a.sync().unwrap();
    assert!(b.sync().unwrap().conflicts.is_empty());
    assert_eq!(
        b.note(nb).unwrap().text,
        "Settled: arrested April 7, extradition pending"
    );
}

#[test]
fn two_review_decisions_keep_the_later_and_the_other_in_the_quotes_history() {
    let pg = server("reviews");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(&pg, "reviews", dir.path());
    let q = a.quotes(&QuoteFilter::default()).unwrap()[0].id;
    a.review_quote(q, ReviewStatus::Confirmed).unwrap();
    // Review times are kept to the second: the later decision is a second later.
    std::thread::sleep(Duration::from_millis(1100));
    b.review_quote(q, ReviewStatus::Rejected).unwrap();
    b.sync().unwrap();
    a.sync().unwrap();
    b.sync().unwrap();
    assert_eq!(a.quote(q).unwrap().status, ReviewStatus::Rejected);
    assert_eq!(b.quote(q).unwrap().status, ReviewStatus::Rejected);
    let history = a.sync_status().unwrap().recent;
    assert!(
        history
            .iter()
            .any(|c| c.author == "alice" && c.what.contains("confirmed")),
        "alice's earlier decision stays in the history: {history:?}"
    );
    assert_same_case(&a, &b);
}

#[test]
fn each_member_sees_who_confirmed_a_quote_merged_two_people_and_wrote_each_note_version() {
    let pg = server("authors");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(&pg, "authors", dir.path());
    let q = a.quotes(&QuoteFilter::default()).unwrap()[0].id;
    a.review_quote(q, ReviewStatus::Confirmed).unwrap();
    let people: Vec<_> = a
        .entities()
        .unwrap()
        .into_iter()
        .filter(|e| e.kind == dossier::entities::EntityKind::Person)
        .take(2)
        .collect();
    assert_eq!(people.len(), 2, "the seed names at least two people");
    a.merge_entities(people[0].id, people[1].id).unwrap();
    let note = a.notes().unwrap()[0].id;
    a.edit_note(note, None, "Arrest in Barcelona, then extradition")
        .unwrap();
    a.sync().unwrap();
    b.sync().unwrap();

    // Bob's case names Alice for each of her decisions.
    let reviews = b.quote_reviews(q).unwrap();
    assert_eq!(reviews.len(), 1, "{reviews:?}");
    assert_eq!(
        (reviews[0].author.as_str(), reviews[0].status.as_str()),
        ("alice", "confirmed")
    );
    let into = b.entity_named(&people[0].name).unwrap().entity.id;
    let merges = b.entity_merges(into).unwrap();
    assert_eq!(merges.len(), 1, "{merges:?}");
    assert_eq!(merges[0].author.as_deref(), Some("alice"));
    assert_eq!(merges[0].from_name, people[1].name);
    let bobs_note = b.notes().unwrap()[0].id;
    let versions = b.note_history(bobs_note).unwrap();
    assert_eq!(versions[0].author.as_deref(), Some("alice"), "{versions:?}");
    // And Alice's own case names her too, once her changes went out.
    assert_eq!(a.quote_reviews(q).unwrap()[0].author, "alice");
    assert_eq!(
        a.entity_merges(people[0].id).unwrap()[0].author.as_deref(),
        Some("alice")
    );
    assert_eq!(
        a.note_history(note).unwrap()[0].author.as_deref(),
        Some("alice")
    );
}

#[test]
fn a_readers_write_is_refused_by_the_database_and_nothing_is_written() {
    let pg = server("readers");
    let dir = tempfile::tempdir().unwrap();
    let mut owner = Case::create(&dir.path().join("owner.dossier")).unwrap();
    import(
        &mut owner,
        &[repo_path("assets/demo/seed-technewsworld-kelihos.txt")],
    );
    owner.team_publish(&pg.url("postgres", "readers")).unwrap();
    owner.team_grant("carol", false).unwrap();
    let (mut carol, _) = Case::team_join(
        &pg.url("carol", "readers"),
        &dir.path().join("carol.dossier"),
    )
    .unwrap();
    assert_eq!(carol.documents().unwrap().len(), 1, "a reader reads");
    let before = pg.sql("readers", "SELECT count(*) FROM changes");
    carol.add_note("Mine", "a reader's note").unwrap();
    import(
        &mut carol,
        &[source(
            dir.path(),
            "carol",
            "Ana Silva",
            "Readers may not write",
        )],
    );
    let err = carol.sync().unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden, "{err:?}");
    assert!(err.message.contains("permission denied"), "{}", err.message);
    assert!(err.message.contains("--editor"), "{}", err.message);
    assert_eq!(pg.sql("readers", "SELECT count(*) FROM changes"), before);
    assert_eq!(pg.sql("readers", "SELECT count(*) FROM originals"), "1");
    assert!(
        carol.sync_status().unwrap().waiting >= 2,
        "the reader's changes are kept"
    );
    // The refusal does not stop a reader from reading what the others write.
    owner
        .add_note("For the team", "written by an editor")
        .unwrap();
    owner.sync().unwrap();
    assert_eq!(carol.sync().unwrap_err().code, ErrorCode::Forbidden);
    assert!(carol
        .notes()
        .unwrap()
        .iter()
        .any(|n| n.title == "For the team"));
    // Through the CLI, the refusal is the same code.
    let out = dossier()
        .args(["--case"])
        .arg(dir.path().join("carol.dossier"))
        .args(["sync", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let body: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["error"]["code"], "forbidden", "{}", stderr(&out));
}

#[test]
fn the_server_going_away_mid_sync_is_a_clear_error_and_a_later_sync_finishes() {
    let pg = server("away");
    let dir = tempfile::tempdir().unwrap();
    let (mut a, b) = pair(&pg, "away", dir.path());
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let files: Vec<PathBuf> = (0..40)
        .map(|i| {
            source(
                &sources,
                &format!("away-{i}"),
                "Tom Berg",
                &format!("Item {i} matters"),
            )
        })
        .collect();
    import(&mut a, &files);
    // The server stops while the sync runs in another process, or before it connects.
    let child = dossier()
        .arg("--case")
        .arg(a.path())
        .args(["sync", "--json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(30));
    pg.stop();
    let out = child.wait_with_output().unwrap();
    if !out.status.success() {
        let body: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(body["error"]["code"], "unavailable", "{}", stderr(&out));
        assert!(
            stderr(&out).contains("next `dossier sync` finishes"),
            "{}",
            stderr(&out)
        );
    }
    // With the server down, a sync says so at once.
    let err = b.sync().unwrap_err();
    assert_eq!(err.code, ErrorCode::Unavailable, "{err:?}");
    pg.restart();
    a.sync().unwrap();
    b.sync().unwrap();
    assert_same_case(&a, &b);
    assert_eq!(b.documents().unwrap().len(), 41);
    assert_verifies(&a);
    assert_verifies(&b);
}

#[test]
fn a_single_user_case_records_nothing_for_a_team() {
    let dir = tempfile::tempdir().unwrap();
    let mut case = Case::create(&dir.path().join("solo.dossier")).unwrap();
    import(&mut case, &[repo_path("assets/demo")]);
    case.add_note("Solo", "mine").unwrap();
    let status = case.sync_status().unwrap();
    assert!(!status.team);
    assert_eq!(
        status.waiting, 0,
        "the outbox stays empty outside a team case"
    );
    let err = case.sync().unwrap_err();
    assert_eq!(err.code, ErrorCode::InvalidInput);
}

fn doc_id(case: &Case, sha256: &str) -> i64 {
    case.documents()
        .unwrap()
        .into_iter()
        .find(|d| d.sha256 == sha256)
        .unwrap_or_else(|| panic!("no document {sha256}"))
        .id
}

#[test]
fn deletions_restores_and_corrected_quote_spans_travel_and_both_members_end_equal() {
    let pg = server("travel");
    let dir = tempfile::tempdir().unwrap();
    let (mut a, b) = pair(&pg, "travel", dir.path());
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let one = source(&sources, "one", "Omar Haddad", "The ledger was altered");
    let two = source(
        &sources,
        "two",
        "Petra Novak",
        "Nobody answered our letters",
    );
    import(&mut a, &[one.clone(), two.clone()]);
    a.sync().unwrap();
    b.sync().unwrap();
    assert_eq!(b.documents().unwrap().len(), 3);

    // Alice deletes one source; Bob deletes the other and thinks better of it.
    a.delete_documents(&[doc_id(&a, &sha_of(&one))]).unwrap();
    let two_on_b = doc_id(&b, &sha_of(&two));
    b.delete_documents(&[two_on_b]).unwrap();
    b.restore_documents(&[two_on_b]).unwrap();
    // Alice corrects a quote's span: one character less at each end.
    let quote = a.quote(first_quote_of(&a, &sha_of(&two))).unwrap();
    let (start, end) = (quote.start + 1, quote.end - 1);
    a.edit_quote(
        quote.id,
        &QuoteEdit {
            speaker: None,
            role: None,
            start: Some(start),
            end: Some(end),
        },
    )
    .unwrap();

    a.sync().unwrap();
    b.sync().unwrap();
    a.sync().unwrap();
    assert_same_case(&a, &b);
    for case in [&a, &b] {
        let shas: Vec<String> = case
            .documents()
            .unwrap()
            .into_iter()
            .map(|d| d.sha256)
            .collect();
        assert!(!shas.contains(&sha_of(&one)), "the deletion travelled");
        assert!(shas.contains(&sha_of(&two)), "the restore travelled");
    }
    assert_eq!(
        b.trash().unwrap().len(),
        1,
        "on Bob's side it waits in the trash"
    );
    let on_b = b.quote(first_quote_of(&b, &sha_of(&two))).unwrap();
    assert_eq!(
        (on_b.start, on_b.end),
        (start, end),
        "the corrected span travelled"
    );
    assert_eq!(on_b.status, ReviewStatus::Edited);
    assert_verifies(&a);
    assert_verifies(&b);
    // Every member's audit log went up, each entry under its author's role.
    assert_eq!(
        pg.sql(
            "travel",
            "SELECT string_agg(DISTINCT author || ':' || action, ',' ORDER BY author || ':' || action)
             FROM audit_log
             WHERE action IN ('import', 'document.delete', 'document.restore', 'quote.edit')"
        ),
        "alice:document.delete,alice:import,alice:quote.edit,bob:document.delete,\
         bob:document.restore,postgres:import"
    );
}

#[test]
fn the_team_audit_chain_on_the_server_detects_an_edited_or_deleted_row() {
    let pg = server("chain");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = pair(&pg, "chain", dir.path());
    for i in 0..3 {
        a.add_note(&format!("Lead {i}"), "to check").unwrap();
    }
    b.save_search("ledger", "ledger").unwrap();
    a.sync().unwrap();
    b.sync().unwrap();
    let report = a.team_verify().unwrap();
    assert!(report.ok, "{report:?}");
    assert!(report.audit_entries >= 5, "{report:?}");
    let saved = pg.sql("chain", "SELECT detail FROM audit_log WHERE id = 2");
    pg.sql("chain", "UPDATE audit_log SET detail = '{}' WHERE id = 2");
    let report = b.team_verify().unwrap();
    assert!(!report.ok);
    let problem = report.audit_problem.unwrap();
    assert!(
        problem.contains("entry 2") && problem.contains("altered"),
        "{problem}"
    );
    pg.sql(
        "chain",
        &format!(
            "UPDATE audit_log SET detail = '{}' WHERE id = 2",
            saved.replace('\'', "''")
        ),
    );
    assert!(
        a.team_verify().unwrap().ok,
        "the row as it was verifies again"
    );
    pg.sql("chain", "DELETE FROM audit_log WHERE id = 3");
    let report = a.team_verify().unwrap();
    assert!(!report.ok);
    assert!(
        report.audit_problem.unwrap().contains("removed"),
        "a deleted row breaks the chain"
    );
}
