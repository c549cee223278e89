//! `dossier sync` killed mid-run (issue 20): at every step boundary on purpose, through the
//! `DOSSIER_SYNC_KILL_AT` hook that stops the process dead exactly there, and with SIGKILL at
//! random moments. Either way the next sync must finish the job with nothing lost, nothing
//! doubled, and both members' cases equal. Kept apart from `team` so each file stays about
//! one thing.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::Duration;

use dossier::model::{QuoteFilter, ReviewStatus};
use dossier::Case;

use super::team::{assert_same_case, assert_verifies, server, source};
use crate::support::pg::PgServer;
use crate::support::{dossier, stderr};

fn cli(case: &Path, args: &[&str]) -> std::process::Output {
    dossier()
        .arg("--case")
        .arg(case)
        .args(args)
        .output()
        .unwrap()
}

fn cli_ok(case: &Path, args: &[&str]) -> String {
    let out = cli(case, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A pseudo-random number from a seed, so a failing trial can be replayed.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Every boundary `DOSSIER_SYNC_KILL_AT` can stop a sync at, in the order a sync passes them.
const STEPS: [&str; 6] = [
    "prepared",
    "pushed",
    "marked",
    "pulled",
    "extracted",
    "applied",
];

/// Runs `dossier sync` on `case`, stopped dead at `step` if it gets there.
fn sync_killed_at(case: &Path, step: &str) -> Output {
    dossier()
        .env("DOSSIER_SYNC_KILL_AT", step)
        .arg("--case")
        .arg(case)
        .arg("sync")
        .output()
        .unwrap()
}

/// A team case published from one demo article as `a.dossier` in `dir`, with `b.dossier`
/// joined to it, both through the CLI as the people using them would.
fn members(pg: &PgServer, database: &str, dir: &Path) -> (PathBuf, PathBuf) {
    let a = dir.join("a.dossier");
    let b = dir.join("b.dossier");
    cli_ok(&a, &["new", a.to_str().unwrap()]);
    cli_ok(
        &a,
        &[
            "import",
            "--quiet",
            "assets/demo/seed-technewsworld-kelihos.txt",
        ],
    );
    cli_ok(
        &a,
        &["team", "publish", "--url", &pg.url("postgres", database)],
    );
    let out = dossier()
        .args(["team", "join", &pg.url("postgres", database)])
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    (a, b)
}

#[test]
fn a_note_pushed_by_a_sync_killed_after_the_servers_commit_keeps_the_uid_the_server_has() {
    let pg = server("uid");
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = members(&pg, "uid", dir.path());
    Case::open(&a)
        .unwrap()
        .add_note("Lead", "written offline")
        .unwrap();
    let killed = sync_killed_at(&a, "pushed");
    assert!(
        !killed.status.success(),
        "the sync was stopped after the push"
    );
    assert!(stderr(&killed).contains("stopping dead after pushed"));
    let on_server = pg.sql(
        "uid",
        "SELECT payload->>'uid' FROM changes WHERE unit = 'note_version'",
    );
    assert_eq!(on_server.lines().count(), 1, "the server has the note once");
    cli_ok(&a, &["sync"]);
    cli_ok(&b, &["sync"]);
    let a = Case::open(&a).unwrap();
    let b = Case::open(&b).unwrap();
    let notes = a.team_fingerprint().unwrap()["notes"].clone();
    assert!(
        notes[0]
            .as_str()
            .unwrap()
            .starts_with(&format!("{on_server}:")),
        "the note keeps the uid it went up with: {notes} against {on_server}"
    );
    assert_same_case(&a, &b);
    assert_eq!(
        pg.sql(
            "uid",
            "SELECT count(*) FROM changes WHERE unit = 'note_version'"
        ),
        "1",
        "the second push sent the same change, which the server kept once"
    );
}

#[test]
fn sync_killed_at_each_step_boundary_is_finished_by_the_next_sync() {
    let pg = server("steps");
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let (a, b) = members(&pg, "steps", dir.path());
    for (trial, step) in STEPS.iter().enumerate() {
        // Both members change things offline: documents, notes, a note both edit, reviews.
        for (who, path) in [("a", &a), ("b", &b)] {
            let mut case = Case::open(path).unwrap();
            let file = source(
                &sources,
                &format!("{who}-{trial}"),
                "Lena Fischer",
                &format!("Member {who} found item {trial}"),
            );
            let report = case.import(&[file], &mut |_| true).unwrap();
            assert!(report.failed.is_empty(), "{:?}", report.failed);
            case.add_note(&format!("{who}-{trial}"), &format!("{who} at {step}"))
                .unwrap();
            let quotes = case.quotes(&QuoteFilter::default()).unwrap();
            let status = if who == "a" {
                ReviewStatus::Confirmed
            } else {
                ReviewStatus::Rejected
            };
            case.review_quote(quotes[trial % quotes.len()].id, status)
                .unwrap();
            if let Some(shared) = case.notes().unwrap().iter().find(|n| n.title == "a-0") {
                case.edit_note(shared.id, None, &format!("{who} edits at {step}"))
                    .unwrap();
            }
        }
        for path in [&a, &b] {
            let out = sync_killed_at(path, step);
            // A step a sync has no reason to pass (nothing to pull) lets it finish.
            assert!(
                out.status.success() || stderr(&out).contains("stopping dead"),
                "{step}: {}",
                stderr(&out)
            );
        }
    }
    cli_ok(&a, &["sync"]);
    cli_ok(&b, &["sync"]);
    cli_ok(&a, &["sync"]);
    let a = Case::open(&a).unwrap();
    let b = Case::open(&b).unwrap();
    assert_same_case(&a, &b);
    assert_eq!(a.documents().unwrap().len(), 1 + 2 * STEPS.len());
    assert_eq!(b.notes().unwrap().len(), 2 * STEPS.len());
    for unit in ["document", "note_version", "quote_review"] {
        assert_eq!(
            pg.sql(
                "steps",
                &format!(
                    "SELECT count(*) - count(DISTINCT payload::text) FROM changes \
                     WHERE unit = '{unit}'"
                )
            ),
            "0",
            "no {unit} change went up twice"
        );
    }
    assert_eq!(a.sync_status().unwrap().waiting, 0);
    assert_verifies(&a);
    assert_verifies(&b);
}

#[test]
// Found failing 2 of 4 full-suite runs (under load) with one note under two uids: the push gave
// a note its uid inside the transaction that marked the outbox after the server's commit, so a
// kill in between sent the next push with a freshly drawn uid the server ignored. The steps
// tests below reach that boundary every time; this one keeps the random kills.
fn sync_killed_at_random_points_converges_with_nothing_lost_or_doubled() {
    let pg = server("killed");
    let dir = tempfile::tempdir().unwrap();
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let a = dir.path().join("a.dossier");
    let b = dir.path().join("b.dossier");
    cli_ok(&a, &["new", a.to_str().unwrap()]);
    cli_ok(&a, &["import", "--quiet", "assets/demo"]);
    cli_ok(
        &a,
        &["team", "publish", "--url", &pg.url("postgres", "killed")],
    );
    let out = dossier()
        .args(["team", "join", &pg.url("postgres", "killed")])
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let mut seed = 0x5eed_2026_u64;
    let trials = 24;
    let mut killed = 0;
    for trial in 0..trials {
        // Both members change things: a's new documents and notes are what its sync pushes
        // and b's pulls, while b writes too.
        let files: Vec<PathBuf> = (0..3)
            .map(|i| {
                source(
                    &sources,
                    &format!("t{trial}-{i}"),
                    "Lena Fischer",
                    &format!("Trial {trial} file {i} is new"),
                )
            })
            .collect();
        let mut args = vec!["import", "--quiet"];
        let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
        args.extend(names.iter().map(String::as_str));
        cli_ok(&a, &args);
        let note = format!("a-{trial}");
        let out = dossier()
            .arg("--case")
            .arg(&a)
            .args(["note", "add", "--title", &note])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .and_then(|mut c| {
                use std::io::Write;
                c.stdin.take().unwrap().write_all(b"written by a")?;
                c.wait_with_output()
            })
            .unwrap();
        assert!(out.status.success());
        // Kill a's sync, then b's, each at a random moment in its run.
        for case in [&a, &b] {
            let mut child = dossier()
                .arg("--case")
                .arg(case)
                .arg("sync")
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap();
            std::thread::sleep(Duration::from_millis(next(&mut seed) % 400));
            if child.try_wait().unwrap().is_none() {
                killed += 1;
            }
            let _ = child.kill();
            let _ = child.wait();
        }
    }
    assert!(
        killed >= 5,
        "only {killed} of {} syncs were killed mid-run",
        2 * trials
    );
    // Later syncs finish every job.
    cli_ok(&a, &["sync"]);
    cli_ok(&b, &["sync"]);
    cli_ok(&a, &["sync"]);
    let a = Case::open(&a).unwrap();
    let b = Case::open(&b).unwrap();
    assert_same_case(&a, &b);
    // The demo's seven documents (its tip's CSV ledger among them) and three per trial.
    assert_eq!(a.documents().unwrap().len(), 7 + 3 * trials);
    assert_eq!(b.notes().unwrap().len(), trials);
    assert_eq!(
        pg.sql(
            "killed",
            "SELECT count(*) - count(DISTINCT payload->>'sha256') FROM changes WHERE unit = 'document'"
        ),
        "0",
        "no document was sent twice"
    );
    assert_eq!(
        pg.sql(
            "killed",
            "SELECT count(DISTINCT payload->>'uid') FROM changes WHERE unit = 'note_version'"
        ),
        trials.to_string(),
        "each note went up under one uid"
    );
    assert_verifies(&a);
    assert_verifies(&b);
}
