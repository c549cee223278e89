//! Network benchmark (issue 22): the network of people and organisations of a real case,
//! computed the way the app asks for it. Imports a corpus with extraction (not measured;
//! `BENCH_KEEP=DIR` keeps the case for the next run), then prints the wall time of: the
//! whole network at the app's default bound (2,000 nodes) and at the most (5,000), the same
//! with one kind of link, a focus on the heaviest entity, the shortest path between the
//! heaviest and the lightest node shown, and one edge's evidence; with the nodes and edges
//! each yields and the process's peak memory.
//!
//! Run: `cargo run --release --example bench_network -- /tmp/corpus/news-corpus` (the 23k
//! articles of `shared/corpus/news-corpus.tar.gz`, unpacked).

use std::path::PathBuf;
use std::time::Instant;

use dossier::model::{LinkKind, NetworkFilter};
use dossier::Case;

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn step<T>(name: &str, run: impl FnOnce() -> T, describe: impl Fn(&T) -> String) -> T {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let started = Instant::now();
    let out = run();
    println!(
        "{name:<44} {:>8.3} s   {}   peak {:>6.0} MB",
        started.elapsed().as_secs_f64(),
        describe(&out),
        peak_mb()
    );
    out
}

fn main() {
    let corpus: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if corpus.is_empty() {
        eprintln!("usage: bench_network CORPUS_FOLDER…");
        std::process::exit(2);
    }
    let temp = tempfile::tempdir().expect("a temporary folder");
    let dir = std::env::var("BENCH_KEEP")
        .map(PathBuf::from)
        .unwrap_or_else(|_| temp.path().to_path_buf());
    std::fs::create_dir_all(&dir).expect("the case folder");
    let path = dir.join("network.dossier");
    if !path.exists() {
        let started = Instant::now();
        let mut case = Case::create(&path).expect("a new case");
        let report = case
            .import_with(&corpus, true, &mut |_| true)
            .expect("the import");
        println!(
            "imported and extracted {} documents in {:.1} s (not measured below)",
            report.imported,
            started.elapsed().as_secs_f64()
        );
    }
    let case = Case::open(&path).expect("the case opens");
    println!(
        "{} documents, {} entities",
        case.document_count().unwrap(),
        case.entities().unwrap().len()
    );
    let shape = |n: &dossier::model::Network| {
        format!(
            "{:>5} nodes {:>6} edges (of {} and {})",
            n.nodes.len(),
            n.edges.len(),
            n.total_nodes,
            n.total_edges
        )
    };
    let all = step(
        "whole network, 2,000 nodes (the default)",
        || case.network(&NetworkFilter::default()).unwrap(),
        shape,
    );
    step(
        "whole network again (warm)",
        || case.network(&NetworkFilter::default()).unwrap(),
        shape,
    );
    let most = NetworkFilter {
        max_nodes: Some(5000),
        ..Default::default()
    };
    step(
        "whole network, 5,000 nodes",
        || case.network(&most).unwrap(),
        shape,
    );
    for kind in LinkKind::ALL {
        let only = NetworkFilter {
            link_kinds: vec![kind],
            ..Default::default()
        };
        step(
            &format!("only {}", kind.as_str()),
            || case.network(&only).unwrap(),
            shape,
        );
    }
    let heaviest = all.nodes[0].id;
    let lightest = all.nodes.last().unwrap().id;
    let focus = NetworkFilter {
        focus: Some(heaviest),
        ..Default::default()
    };
    step(
        "focus on the heaviest, depth 2",
        || case.network(&focus).unwrap(),
        shape,
    );
    step(
        "shortest path heaviest to lightest",
        || {
            case.network_path(heaviest, lightest, &NetworkFilter::default())
                .unwrap()
        },
        |p| format!("{} links", p.edges.len()),
    );
    let edge = &all.edges[0];
    step(
        "one edge's evidence",
        || {
            case.network_evidence(edge.source, edge.target, &NetworkFilter::default())
                .unwrap()
        },
        |e| format!("{} sources", e.len()),
    );
}
