//! Replays every committed fuzz corpus file (`tests/fuzz/<target>/`) through the same harness
//! the fuzzer runs (`examples/fuzz/targets.rs`), so a crash the fuzzer found and we fixed stays
//! fixed, and the seeds themselves keep working. Fast: a few dozen small inputs.

#[path = "../../examples/fuzz/targets.rs"]
mod targets;

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(targets::corpus_dir(target))
        .unwrap_or_else(|e| panic!("the {target} corpus folder: {e}"))
        .map(|e| e.expect("a corpus entry").path())
        .collect();
    files.sort();
    files
}

fn replay(target: &str) {
    let files = corpus(target);
    assert!(
        files.len() >= 3,
        "the {target} corpus has {} files; it should hold its seeds",
        files.len()
    );
    let ctx = targets::Context::new(target);
    for file in files {
        let input = std::fs::read(&file).expect("read a corpus file");
        // A panic here names the file, since the test's output shows which one ran last.
        eprintln!("replaying {}", file.display());
        targets::run(target, &ctx, &input);
    }
}

#[test]
fn every_target_has_a_corpus_folder() {
    for target in targets::TARGETS {
        assert!(
            targets::corpus_dir(target).is_dir(),
            "tests/fuzz/{target}/ is missing"
        );
    }
}

#[test]
fn query_corpus_replays_without_a_crash() {
    replay("query");
}

#[test]
fn news_record_corpus_replays_without_a_crash() {
    replay("news");
}

#[test]
fn mbox_corpus_replays_without_a_crash() {
    replay("mbox");
}

#[test]
fn html_corpus_replays_without_a_crash() {
    replay("html");
}

#[test]
fn email_corpus_replays_without_a_crash() {
    replay("email");
}

#[test]
fn pdf_corpus_replays_without_a_crash() {
    replay("pdf");
}

#[test]
fn notes_corpus_replays_without_a_crash() {
    replay("notes");
}

#[test]
fn timex_corpus_replays_without_a_crash() {
    replay("timex");
}
