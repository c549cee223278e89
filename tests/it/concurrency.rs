//! Two `dossier` processes on one case at once: a second writer waits its turn (saying whom it
//! waits for) instead of failing file by file, and a search never waits for a writer nor
//! crashes while the index is rebuilt.

use std::path::PathBuf;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

use fs4::fs_std::FileExt;
use serde_json::Value;

use crate::support::*;

/// `n` small news records in their own folder, one file each, so that a failure would show
/// file by file as it did before.
fn folder(s: &Sandbox, name: &str, n: usize) -> PathBuf {
    for i in 0..n {
        s.write(
            &format!("{name}/{name}-{i:03}.txt"),
            news_record(
                &format!("{name}-{i}"),
                &format!("Report {i} from {name}"),
                "2021-02-03",
                &format!("The {name} desk filed report number {i} about the harbour inquiry."),
            ),
        );
    }
    s.sources().join(name)
}

fn spawn(s: &Sandbox, args: &[&str]) -> Child {
    dossier()
        .arg("--case")
        .arg(&s.case)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dossier runs")
}

fn finished(child: Child) -> (Output, Value) {
    let out = child.wait_with_output().unwrap();
    let value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, value)
}

fn assert_imported(out: &Output, report: &Value, n: u64) {
    assert!(out.status.success(), "{report}\n{}", stderr(out));
    assert_eq!(report["imported"], n, "{report}");
    assert_eq!(report["failed"], Value::Array(vec![]), "{report}");
    assert_eq!(report["warnings"], Value::Array(vec![]), "{report}");
}

fn search_total(s: &Sandbox, query: &str) -> u64 {
    let (code, results) = s.json(&["search", query, "--limit", "1"]);
    assert_eq!(code, 0, "{results}");
    results["total"].as_u64().unwrap()
}

#[test]
fn two_imports_into_one_case_at_once_both_finish_with_every_document() {
    let s = Sandbox::new();
    let a = folder(&s, "north", 60);
    let b = folder(&s, "south", 60);
    let first = spawn(&s, &["import", a.to_str().unwrap(), "--json"]);
    let second = spawn(&s, &["import", b.to_str().unwrap(), "--json"]);
    let (out, report) = finished(first);
    assert_imported(&out, &report, 60);
    let (out, report) = finished(second);
    assert_imported(&out, &report, 60);
    assert_eq!(s.docs().len(), 120);
    assert_eq!(search_total(&s, "harbour"), 120);
    let (code, report) = s.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
}

#[test]
fn reindex_during_an_import_waits_and_both_finish() {
    let s = Sandbox::new();
    let a = folder(&s, "east", 40);
    let (code, report) = s.import(&[&a]);
    assert_eq!(code, 0, "{report}");
    let b = folder(&s, "west", 80);
    let import = spawn(&s, &["import", b.to_str().unwrap(), "--json"]);
    let reindex = spawn(&s, &["reindex", "--json"]);
    let (out, report) = finished(import);
    assert_imported(&out, &report, 80);
    let (out, report) = finished(reindex);
    assert!(out.status.success(), "{report}\n{}", stderr(&out));
    assert!(report["documents"].as_u64().unwrap() >= 40, "{report}");
    assert_eq!(search_total(&s, "harbour"), 120);
}

#[test]
fn searches_during_a_reindex_never_fail() {
    let s = Sandbox::new();
    let a = folder(&s, "central", 150);
    let (code, report) = s.import(&[&a]);
    assert_eq!(code, 0, "{report}");
    let reindex = spawn(&s, &["reindex", "--json"]);
    let mut searches = 0;
    let started = Instant::now();
    loop {
        let out = s.run(&["search", "harbour", "--json", "--limit", "1"]);
        assert!(out.status.success(), "search failed: {}", stderr(&out));
        let results: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(results["total"], 150, "{results}");
        searches += 1;
        if searches >= 3 && started.elapsed() > Duration::from_millis(300) {
            break;
        }
    }
    let (out, report) = finished(reindex);
    assert!(out.status.success(), "{report}\n{}", stderr(&out));
    assert_eq!(report["documents"], 150);
}

/// Holds the case's write lock as another Dossier process would, recording `pid`.
fn hold_lock(s: &Sandbox, pid: u32) -> std::fs::File {
    let path = s.dir.path().join(".case.dossier.lock");
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(true)
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    file.try_lock_exclusive().unwrap();
    std::io::Write::write_all(&mut file, pid.to_string().as_bytes()).unwrap();
    file
}

#[test]
fn a_second_writer_waits_for_the_first_and_says_which_process_it_waits_for() {
    let s = Sandbox::new();
    let a = folder(&s, "lock", 3);
    let holder = hold_lock(&s, 4242);
    // The waiting import's standard error goes to a file, so the test can see it wait before
    // letting go of the lock, however slow the machine.
    let log = s.dir.path().join("import.err");
    let import = dossier()
        .arg("--case")
        .arg(&s.case)
        .args(["import", a.to_str().unwrap(), "--json"])
        .stdout(Stdio::piped())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let waiting = "waiting for another Dossier process writing this case (pid 4242)";
    let started = Instant::now();
    while !std::fs::read_to_string(&log).unwrap().contains(waiting) {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the import never said it waits"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    // A search reads what is committed without waiting for the writer.
    let (code, results) = s.json(&["search", "harbour"]);
    assert_eq!((code, results["total"].as_u64()), (0, Some(0)), "{results}");
    drop(holder);
    let (out, report) = finished(import);
    assert_imported(&out, &report, 3);
    assert_eq!(search_total(&s, "harbour"), 3);
}

#[test]
fn the_app_and_the_cli_on_one_case_take_turns() {
    // The app keeps a Case open between commands; the CLI writes in between.
    let s = Sandbox::new();
    let a = folder(&s, "app", 5);
    let mut app = dossier::Case::open(&s.case).unwrap();
    let report = app.import(&[a], &mut |_| true).unwrap();
    assert_eq!(report.imported, 5);
    let b = folder(&s, "cli", 5);
    let (code, report) = s.import(&[&b]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["warnings"], Value::Array(vec![]), "{report}");
    let found = app.search(&dossier::SearchRequest::new("harbour")).unwrap();
    assert_eq!(found.total, 10);
    let c = folder(&s, "app2", 5);
    let report = app.import(&[c], &mut |_| true).unwrap();
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert_eq!(search_total(&s, "harbour"), 15);
}

#[test]
fn two_processes_opening_an_old_case_at_once_both_migrate_it_in_turn() {
    let s = Sandbox::new();
    std::fs::remove_file(&s.case).unwrap();
    std::fs::copy(repo_path("tests/fixtures/cases/v1.dossier"), &s.case).unwrap();
    let children: Vec<Child> = (0..3).map(|_| spawn(&s, &["docs", "--json"])).collect();
    for child in children {
        let (out, docs) = finished(child);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(docs.as_array().is_some_and(|d| !d.is_empty()), "{docs}");
    }
    let (code, report) = s.json(&["verify"]);
    assert_eq!(code, 0, "{report}");
}
