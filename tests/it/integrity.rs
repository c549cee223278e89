//! A case and everything derived from it stay in agreement: a note is saved with its citations
//! or not at all, an index from another case or from the case's future is rebuilt, and
//! `verify` sees every stored text, not only the originals.

use serde_json::Value;

use crate::support::*;

fn small_case() -> Sandbox {
    let s = Sandbox::new();
    let a = s.write(
        "a.txt",
        news_record(
            "A1",
            "Harbour deal signed",
            "2020-03-01",
            "The mayor said \"the harbour deal is signed\" on Monday.",
        ),
    );
    let b = s.write(
        "b.txt",
        news_record(
            "B2",
            "Council vote delayed",
            "2020-04-02",
            "The council delayed its vote on the bridge.",
        ),
    );
    let (code, report) = s.import(&[&a, &b]);
    assert_eq!(code, 0, "{report}");
    s
}

fn sql(s: &Sandbox, statement: &str) {
    let conn = rusqlite::Connection::open(&s.case).unwrap();
    conn.execute_batch(statement).unwrap();
}

/// A citation row that cannot be written, as when the process dies between the note and its
/// citations: the trigger fails the insert the way a kill would cut it short.
const FAIL_CITATIONS: &str = "CREATE TRIGGER fail_citations BEFORE INSERT ON note_citations
    BEGIN SELECT RAISE(ABORT, 'injected failure'); END;";

fn note_file(s: &Sandbox, name: &str, text: &str) -> String {
    s.write(name, text).display().to_string()
}

#[test]
fn note_add_that_fails_at_its_citations_saves_nothing_and_a_retry_succeeds() {
    let s = small_case();
    sql(&s, FAIL_CITATIONS);
    let file = note_file(&s, "n.md", "The deal is signed [@d1].");
    let (code, error) = s.json(&["note", "add", "--title", "Harbour", "--file", &file]);
    assert_eq!(code, 1, "{error}");
    let (_, notes) = s.json(&["note", "list"]);
    assert_eq!(
        notes,
        Value::Array(vec![]),
        "a note without its citations was saved"
    );

    sql(&s, "DROP TRIGGER fail_citations;");
    let (code, note) = s.json(&["note", "add", "--title", "Harbour", "--file", &file]);
    assert_eq!(code, 0, "the retry must not find the title taken: {note}");
    let (_, backlinks) = s.json(&["note", "backlinks", "document", "1"]);
    assert_eq!(backlinks.as_array().unwrap().len(), 1, "{backlinks}");
}

#[test]
fn note_edit_that_fails_at_its_citations_keeps_the_previous_version() {
    let s = small_case();
    let first = note_file(&s, "n.md", "The deal is signed [@d1].");
    let (code, note) = s.json(&["note", "add", "--title", "Harbour", "--file", &first]);
    assert_eq!(code, 0, "{note}");
    let id = note["id"].as_i64().unwrap().to_string();

    sql(&s, FAIL_CITATIONS);
    let second = note_file(&s, "n2.md", "The vote was delayed [@d2].");
    let (code, error) = s.json(&["note", "edit", &id, "--file", &second]);
    assert_eq!(code, 1, "{error}");
    let (_, history) = s.json(&["note", "history", &id]);
    assert_eq!(history.as_array().unwrap().len(), 1, "{history}");
    let (_, shown) = s.json(&["note", "show", &id]);
    assert_eq!(shown["text"], "The deal is signed [@d1].");
}

fn hit_titles(s: &Sandbox, query: &str) -> (Vec<String>, String) {
    let out = s.run(&["search", query, "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let results: Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    (titles, stderr(&out))
}

fn copy_case_file(from: &std::path::Path, to: &std::path::Path) {
    // Every CLI run closes its connection, which checkpoints the WAL, so the file alone is the
    // whole case; stale WAL files of the replaced case must not survive the copy.
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

#[test]
fn restoring_an_older_copy_of_a_case_rebuilds_the_index_that_is_ahead_of_it() {
    let s = small_case();
    let backup = s.dir.path().join("backup.dossier");
    copy_case_file(&s.case, &backup);
    let later = s.write(
        "c.txt",
        news_record(
            "C3",
            "Ferry strike ends",
            "2020-05-03",
            "The ferry strike ended after talks.",
        ),
    );
    let (code, report) = s.import(&[&later]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(hit_titles(&s, "ferry").0, ["Ferry strike ends"]);

    copy_case_file(&backup, &s.case);
    let (titles, err) = hit_titles(&s, "ferry");
    assert!(
        titles.is_empty(),
        "the restored case has no ferry story: {titles:?}"
    );
    assert!(err.contains("was ahead of the case file"), "{err}");

    // A later import takes the id the lost document had; the index must not hold two of it.
    let again = s.write(
        "d.txt",
        news_record(
            "D4",
            "Tram line opens",
            "2020-06-04",
            "The new tram line opened today.",
        ),
    );
    let (code, report) = s.import(&[&again]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(hit_titles(&s, "ferry").0, Vec::<String>::new());
    assert_eq!(hit_titles(&s, "tram").0, ["Tram line opens"]);
    let (titles, _) = hit_titles(&s, "the");
    assert_eq!(titles.len(), 3, "{titles:?}");
}

#[test]
fn an_index_copied_from_another_case_is_rebuilt() {
    let s = small_case();
    let other = Sandbox::new();
    let only = other.write(
        "x.txt",
        news_record(
            "X9",
            "Ferry strike ends",
            "2020-05-03",
            "The ferry strike ended after talks.",
        ),
    );
    let (code, report) = other.import(&[&only]);
    assert_eq!(code, 0, "{report}");
    let ours = s.dir.path().join(".case.dossier.index");
    let theirs = other.dir.path().join(".case.dossier.index");
    std::fs::remove_dir_all(&ours).unwrap();
    copy_dir(&theirs, &ours);

    let (titles, err) = hit_titles(&s, "ferry");
    assert!(
        titles.is_empty(),
        "another case's document was found: {titles:?}"
    );
    assert!(err.contains("belonged to another case"), "{err}");
    assert_eq!(hit_titles(&s, "harbour").0, ["Harbour deal signed"]);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_truncated_or_garbled_index_is_rebuilt() {
    for damage in ["truncate", "garble", "meta"] {
        let s = small_case();
        let dir = s.dir.path().join(".case.dossier.index");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let mut bytes = std::fs::read(&path).unwrap();
            match damage {
                "truncate" => bytes.truncate(bytes.len() / 2),
                "garble" => {
                    for b in bytes.iter_mut().step_by(7) {
                        *b ^= 0x5a;
                    }
                }
                _ if name == "meta.json" => bytes = b"{\"segments\": [".to_vec(),
                _ => continue,
            }
            std::fs::write(&path, bytes).unwrap();
        }
        let (titles, err) = hit_titles(&s, "harbour");
        assert_eq!(titles, ["Harbour deal signed"], "{damage}: {err}");
        assert!(
            err.contains("rebuilt it from the case file"),
            "{damage}: {err}"
        );
    }
}

/// A kill -9 in the middle of an index commit (the crash campaign's note-edit trial) left a
/// delete file the index never came to reference; the next commit reused its opstamp, and
/// every later search failed with `FileAlreadyExists("<segment>.<opstamp>.del")`.
#[test]
fn a_delete_file_left_by_a_killed_commit_no_longer_blocks_the_next_write() {
    let s = small_case();
    let dir = s.dir.path().join(".case.dossier.index");
    let meta: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).unwrap()).unwrap();
    let opstamp = meta["opstamp"].as_u64().unwrap();
    // What the killed commit left: delete files for each segment at the next opstamps, each
    // listed in the index's own file list before it was written, as tantivy does.
    let managed_path = dir.join(".managed.json");
    let mut managed: Vec<String> =
        serde_json::from_str(&std::fs::read_to_string(&managed_path).unwrap()).unwrap();
    for segment in meta["segments"].as_array().unwrap() {
        let id = segment["segment_id"].as_str().unwrap().replace('-', "");
        for stamp in opstamp..opstamp + 64 {
            let name = format!("{id}.{stamp}.del");
            std::fs::write(dir.join(&name), b"left by a killed commit").unwrap();
            managed.push(name);
        }
    }
    std::fs::write(&managed_path, serde_json::to_string(&managed).unwrap()).unwrap();

    let out = s.run(&["edit", "1", "--title", "Harbour deal signed again"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (titles, err) = hit_titles(&s, "harbour");
    assert_eq!(titles, ["Harbour deal signed again"], "{err}");
}
