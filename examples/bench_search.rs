//! Search benchmark: Dossier's own search path (`Case::search`: top 20 with snippets, exact
//! total and facets) against SQLite FTS5 (top 20 by bm25 with `snippet()`, plus `count(*)`)
//! over the same documents, at the corpus's size and replicated to 100k documents.
//!
//! Run: `cargo run --release --example bench_search -- ../shared/corpus/news-corpus.tar.gz`
//! (optional second argument: the sizes, e.g. `23192,100000`; `BENCH_RUNS=N` timed runs per
//! query; `BENCH_KEEP=DIR` keeps each size's case and FTS5 table in `DIR/SIZE` for the next run;
//! `BENCH_CASE=FILE` measures that case instead of importing one).

use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::{Case, SearchRequest};
use rusqlite::Connection;

/// Each query in Dossier's language, its FTS5 equivalent (None where FTS5 has no equivalent,
/// as for fuzzy matching), and its category.
const QUERIES: &[(&str, &str, Option<&str>)] = &[
    ("term", "oil", Some("oil")),
    ("term", "dollar", Some("dollar")),
    ("term", "wheat", Some("wheat")),
    ("term", "election", Some("election")),
    ("term", "government", Some("government")),
    ("and", "oil prices", Some("oil AND prices")),
    ("and", "bank rate", Some("bank AND rate")),
    ("and", "trade japan", Some("trade AND japan")),
    ("and", "football club", Some("football AND club")),
    (
        "and",
        "government minister",
        Some("government AND minister"),
    ),
    ("or", "wheat OR corn", Some("wheat OR corn")),
    ("or", "gold OR silver", Some("gold OR silver")),
    ("or", "film OR music", Some("film OR music")),
    ("phrase", "\"interest rates\"", Some("\"interest rates\"")),
    ("phrase", "\"trade deficit\"", Some("\"trade deficit\"")),
    ("phrase", "\"prime minister\"", Some("\"prime minister\"")),
    ("fuzzy", "currncy~", None),
    ("fuzzy", "goverment~2", None),
    ("prefix", "petrol*", Some("petrol*")),
    ("field+date", "title:oil date:1987-03", Some("title:oil")),
    (
        "field+date",
        "bank date:1987-03-01..1987-04-30",
        Some("bank"),
    ),
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| {
                    let p = e.path();
                    if p.is_dir() {
                        dir_size(&p)
                    } else {
                        e.metadata().map_or(0, |m| m.len())
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Copies of the corpus's files up to `target` documents; copy `r` gets new DOC IDs and
/// years shifted by `r`, so every copy has different bytes (and different dates).
fn replicate(corpus: &Path, into: &Path, target: usize) -> usize {
    let mut files = Vec::new();
    collect(corpus, &mut files);
    files.sort();
    let year = regex::Regex::new(r"\b(19|20)\d\d\b").unwrap();
    let mut written = 0;
    let mut round: i32 = 0;
    while written < target {
        let dir = into.join(format!("copy{round}"));
        std::fs::create_dir_all(&dir).unwrap();
        for (i, file) in files.iter().enumerate() {
            if written >= target {
                break;
            }
            let Ok(text) = std::fs::read_to_string(file) else {
                continue;
            };
            let out: String = if round == 0 {
                text
            } else {
                text.lines()
                    .map(|line| {
                        if let Some(id) = line.strip_prefix("DOC ID:") {
                            format!("DOC ID:{id}-r{round}")
                        } else if line.starts_with("DATE:") {
                            year.replace_all(line, |c: &regex::Captures| {
                                (c[0].parse::<i32>().unwrap() + round).to_string()
                            })
                            .into_owned()
                        } else {
                            line.to_string()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            std::fs::write(dir.join(format!("{i:06}.txt")), out).unwrap();
            written += 1;
        }
        round += 1;
    }
    written
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap().flatten() {
            collect(&entry.path(), files);
        }
    } else {
        files.push(path.to_path_buf());
    }
}

/// An FTS5 table over the same documents (title, text and keywords, Porter stemming,
/// diacritics removed), with the publication interval beside it for the date filter.
fn build_fts(case_path: &Path, fts_path: &Path) -> f64 {
    let started = Instant::now();
    let conn = Connection::open(fts_path).unwrap();
    conn.execute_batch(&format!(
        "ATTACH DATABASE '{}' AS c;
         CREATE VIRTUAL TABLE fts USING fts5(title, text, keywords,
             tokenize = 'porter unicode61 remove_diacritics 2');
         CREATE TABLE dates (id INTEGER PRIMARY KEY, earliest INTEGER, latest INTEGER);
         INSERT INTO fts (rowid, title, text, keywords)
             SELECT d.id, d.title, x.text, d.keywords
             FROM c.documents d JOIN c.document_contents x ON x.document_id = d.id;
         INSERT INTO dates SELECT id, published_earliest, published_latest FROM c.documents;
         DETACH DATABASE c;",
        case_path.display()
    ))
    .unwrap();
    started.elapsed().as_secs_f64()
}

/// FTS5's answer to one query: the total and the top 20 with snippets, as one UI page.
fn fts_search(conn: &Connection, category: &str, fts_query: &str) -> (usize, u64) {
    let started = Instant::now();
    let date = if category == "field+date" {
        // The same month/range as the Dossier query, with the same overlap rule.
        let period = dossier::search::query_parser::parse_period;
        let (start, end) = if fts_query.starts_with("title") {
            period("1987-03").unwrap()
        } else {
            (
                period("1987-03-01").unwrap().0,
                period("1987-04-30").unwrap().1,
            )
        };
        format!(" AND dates.earliest < {end} AND dates.latest >= {start}")
    } else {
        String::new()
    };
    let total: i64 = conn
        .query_row(
            &format!("SELECT count(*) FROM fts JOIN dates ON dates.id = fts.rowid WHERE fts MATCH ?1{date}"),
            [fts_query],
            |r| r.get(0),
        )
        .unwrap();
    let total = total as usize;
    let mut stmt = conn
        .prepare_cached(&format!(
            "SELECT fts.rowid, fts.title, snippet(fts, 1, '«', '»', '…', 24)
             FROM fts JOIN dates ON dates.id = fts.rowid
             WHERE fts MATCH ?1{date} ORDER BY rank LIMIT 20"
        ))
        .unwrap();
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([fts_query], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    std::hint::black_box(rows);
    (total, started.elapsed().as_micros() as u64)
}

fn report(name: &str, mut us: Vec<f64>) -> (f64, f64, f64) {
    us.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let (p50, p95, p99) = (
        percentile(&us, 50.0) / 1000.0,
        percentile(&us, 95.0) / 1000.0,
        percentile(&us, 99.0) / 1000.0,
    );
    println!("  {name:<8}\n      p50 {p50:>8.3} ms   p95 {p95:>8.3} ms   p99 {p99:>8.3} ms");
    (p50, p95, p99)
}

fn bench(corpus: &Path, size: usize, runs: usize) {
    // With BENCH_KEEP=DIR the case and the FTS5 table of each size are kept in DIR/SIZE and
    // reused by the next run, so that a change to searching alone is measured in minutes
    // rather than after a fresh import; the reindex below still rebuilds the index.
    let temporary = tempfile::tempdir().unwrap();
    let work = match std::env::var_os("BENCH_KEEP") {
        Some(dir) => PathBuf::from(dir).join(size.to_string()),
        None => temporary.path().to_path_buf(),
    };
    std::fs::create_dir_all(&work).unwrap();
    // BENCH_CASE=FILE measures an existing case (the 1M case built with gen_corpus and
    // `dossier import`) instead of importing the corpus; its FTS5 table is kept as above.
    let case_path = std::env::var_os("BENCH_CASE")
        .map(PathBuf::from)
        .unwrap_or_else(|| work.join("bench.dossier"));
    let fts_path = work.join("fts.sqlite");
    let case = if case_path.exists() {
        let case = Case::open(&case_path).unwrap();
        println!(
            "\n== {} documents (kept case {} reused)",
            case.document_count().unwrap(),
            case_path.display()
        );
        case
    } else {
        let sources = temporary.path().join("sources");
        let n = replicate(corpus, &sources, size);
        let mut case = Case::create(&case_path).unwrap();
        let started = Instant::now();
        let report_ = case
            .import(std::slice::from_ref(&sources), &mut |_| true)
            .unwrap();
        let import_s = started.elapsed().as_secs_f64();
        let docs = case.document_count().unwrap();
        println!(
            "\n== {docs} documents ({n} files written, {} failed)",
            report_.failed.len()
        );
        println!("  import + index: {import_s:.1} s");
        // A half-built FTS5 table from an interrupted run must not be taken for a whole one.
        let _ = std::fs::remove_file(&fts_path);
        case
    };
    // BENCH_REINDEX=0 skips the rebuild on a kept case, so a profile of the queries is not
    // mixed with the rebuild's merges, which go on in the background for a while after it.
    if std::env::var("BENCH_REINDEX").as_deref() != Ok("0") {
        let started = Instant::now();
        let reindex = case.reindex().unwrap();
        println!(
            "  reindex alone:  {:.1} s ({} documents)",
            started.elapsed().as_secs_f64(),
            reindex.documents
        );
    }
    let raw_text: i64 = Connection::open(&case_path)
        .unwrap()
        .query_row(
            "SELECT sum(length(CAST(text AS BLOB))) FROM document_contents",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let index_bytes = dir_size(&dossier::search::index_dir(&case_path));
    let fts_s = if fts_path.exists() {
        0.0
    } else {
        build_fts(&case_path, &fts_path)
    };
    let fts_bytes = std::fs::metadata(&fts_path).map_or(0, |m| m.len());
    println!(
        "  raw text {:.1} MB; tantivy index {:.1} MB ({:.2}x, text stored for snippets); \
         FTS5 db {:.1} MB ({:.2}x, built in {fts_s:.1} s)",
        raw_text as f64 / 1e6,
        index_bytes as f64 / 1e6,
        index_bytes as f64 / raw_text as f64,
        fts_bytes as f64 / 1e6,
        fts_bytes as f64 / raw_text as f64
    );
    let docs = case.document_count().unwrap().max(1) as u64;
    println!(
        "  index bytes per document: {}; segments: {}",
        index_bytes / docs,
        case.search_segment_count().unwrap()
    );
    let fts = Connection::open(&fts_path).unwrap();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    println!(
        "  {:<11} {:<36} {:>8} {:>8} {:>10} {:>10}",
        "category", "query", "dossier", "fts5", "dossier ms", "fts5 ms"
    );
    for (category, query, fts_query) in QUERIES {
        let request = SearchRequest::new(*query);
        let mut total = 0;
        let mut our_us = Vec::new();
        // One warm-up run each, then `runs` timed runs.
        for run in 0..=runs {
            let started = Instant::now();
            let results = case.search(&request).unwrap();
            let us = started.elapsed().as_micros() as f64;
            total = results.total;
            if run > 0 {
                our_us.push(us);
            }
        }
        let mut fts_total = None;
        let mut fts_us = Vec::new();
        if let Some(fq) = fts_query {
            for run in 0..=runs {
                let (t, us) = fts_search(&fts, category, fq);
                fts_total = Some(t);
                if run > 0 {
                    fts_us.push(us as f64);
                }
            }
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.partial_cmp(b).unwrap());
            percentile(v, 50.0) / 1000.0
        };
        let check = match (category, fts_total) {
            (&"and", Some(t)) if t != total => {
                format!("  <- AND totals differ by {}", total as i64 - t as i64)
            }
            _ => String::new(),
        };
        println!(
            "  {:<11} {:<36} {:>8} {:>8} {:>10.3} {:>10}{check}",
            category,
            query,
            total,
            fts_total.map_or("-".into(), |t| t.to_string()),
            median(&mut our_us),
            if fts_us.is_empty() {
                "-".to_string()
            } else {
                format!("{:.3}", median(&mut fts_us))
            }
        );
        // Only queries both engines answer go into the comparison.
        if fts_query.is_some() {
            ours.extend(our_us);
            theirs.extend(fts_us);
        }
    }
    // Where the time goes: the same queries without snippets, without facets, without both.
    for (snippets, facets) in [(false, true), (true, false), (false, false)] {
        let mut us = Vec::new();
        for (_, query, _) in QUERIES {
            let request = SearchRequest {
                snippets,
                facets,
                ..SearchRequest::new(*query)
            };
            for _ in 0..runs {
                let started = Instant::now();
                std::hint::black_box(case.search(&request).unwrap());
                us.push(started.elapsed().as_micros() as f64);
            }
        }
        report(
            &format!("dossier, snippets {snippets}, facets {facets}:"),
            us,
        );
    }
    println!(
        "  latency over the shared queries ({} samples each):",
        ours.len()
    );
    let (a50, _a95, a99) = report("dossier", ours);
    let (b50, _b95, b99) = report("fts5", theirs);
    println!(
        "  speed-up: p50 {:.1}x, p99 {:.1}x (target at 100k: p50 >= 10x, p99 >= 20x, dossier p99 < 20 ms)",
        b50 / a50,
        b99 / a99
    );
}

fn main() {
    let source = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: bench_search CORPUS.tar.gz|FOLDER [SIZES]");
        std::process::exit(2);
    }));
    let sizes: Vec<usize> = std::env::args()
        .nth(2)
        .unwrap_or_else(|| "23192,100000".into())
        .split(',')
        .map(|s| s.trim().parse().expect("sizes are numbers"))
        .collect();
    let runs: usize = std::env::var("BENCH_RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let unpacked = tempfile::tempdir().unwrap();
    let corpus = if source.is_dir() {
        source
    } else {
        let file = std::fs::File::open(&source).expect("corpus opens");
        tar::Archive::new(flate2::read::GzDecoder::new(file))
            .unpack(unpacked.path())
            .expect("corpus unpacks");
        unpacked.path().to_path_buf()
    };
    for size in sizes {
        bench(&corpus, size, runs);
    }
}
