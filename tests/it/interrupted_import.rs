//! Killing the process in the middle of an import leaves a case that opens and verifies, and
//! running the same import again finishes the job without duplicating anything.

use std::time::{Duration, Instant};

use crate::support::*;

const FILES: usize = 6000;

#[test]
fn a_killed_import_keeps_a_valid_case_and_finishes_when_run_again() {
    let sandbox = Sandbox::new();
    for i in 0..FILES {
        let content = format!("Story number {i} reports that something happened on a weekday.");
        sandbox.write(
            &format!("batch/{i:05}.txt"),
            news_record(&i.to_string(), "Story", "", &content),
        );
    }
    let mut child = dossier()
        .arg("--case")
        .arg(&sandbox.case)
        .args(["import", "--quiet"])
        .arg(sandbox.sources())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Kill it as soon as the first chunk is committed, i.e. in the middle of the batch.
    let started = Instant::now();
    let mut killed_mid_import = false;
    while started.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        let count = dossier::Case::open(&sandbox.case)
            .and_then(|c| c.document_count())
            .unwrap_or(0);
        if count > 0 {
            child.kill().unwrap();
            killed_mid_import = count < FILES;
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait().unwrap();
    let out = sandbox.run(&["verify"]);
    assert!(
        out.status.success(),
        "verify after the kill: {}",
        stdout(&out)
    );
    let partial = sandbox.docs().len();
    let (code, report) = sandbox.import(&[&sandbox.sources()]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["duplicates"], partial);
    assert_eq!(sandbox.docs().len(), FILES);
    assert!(sandbox.run(&["verify"]).status.success());
    assert!(
        killed_mid_import || partial == FILES,
        "the import was interrupted or had finished"
    );
}
