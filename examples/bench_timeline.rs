//! Timeline query speed over a case with about 100k events.
//!
//! Writes 10,000 synthetic articles (each with nine dated sentences naming people, plus its
//! publication: 100k events), imports them through the normal pipeline, then times timeline
//! queries the app and CLI make: a month, a year, one person's events, one tag's events (every
//! 500th event is tagged `bench`, one tag call each), and the first page of the whole timeline.
//!
//! Then times what the app's timeline reads (issue 23): the per-day counts it first paints
//! (`timeline_density`) and the lean points of a window it is zoomed into (`timeline_points`
//! with a range), against the points of every event, which the app no longer reads past 10k.
//! With `--case PATH` it times those reads on an existing case instead (a copy: opening it
//! migrates it, and the time that takes is printed too, e.g. a 1M-document case's first
//! opening by a build with migration 0022).
//!
//! cargo run --release --example bench_timeline [-- DOCUMENTS | --case COPY.dossier]

use std::time::Instant;

use dossier::model::TimelineQuery;
use dossier::Case;

const FIRST: &[&str] = &[
    "Alan", "Maria", "Peter", "Olga", "James", "Elena", "Brian", "Sarah",
];
const LAST: &[&str] = &[
    "Ralsky",
    "Ostrander",
    "Levashov",
    "Marlow",
    "Kremez",
    "Taddeo",
    "Litan",
    "Jarvis",
    "Blanco",
    "Krebs",
    "Halversen",
    "Prokhorov",
    "Mello",
    "Keldara",
    "Waledac",
    "Spamhaus",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

/// Times `read` (runs times) and prints a row: what it returns, p50, p95 and max.
fn row(name: &str, runs: usize, mut read: impl FnMut() -> usize) {
    let mut times = Vec::new();
    let mut count = 0;
    for _ in 0..runs {
        let started = Instant::now();
        count = read();
        times.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!(
        "{name:<34} {count:>9} {:>9.2} {:>9.2} {:>9.2}",
        percentile(&times, 0.5),
        percentile(&times, 0.95),
        times[times.len() - 1]
    );
}

/// The timeline's reads as the app makes them: the counts of the first paint, then windows.
fn app_reads(case: &Case, everything: bool) {
    let dense = case
        .timeline_density(&TimelineQuery::default())
        .expect("density");
    // The busiest day, and a week and a month from it: the windows a person zooms into.
    let busiest = (0..dense.day.len())
        .max_by_key(|&i| dense.count[i])
        .map_or(0, |i| dense.day[i]);
    let day = |d: i64| {
        chrono::DateTime::from_timestamp(d * 86_400, 0)
            .expect("a date")
            .format("%Y-%m-%d")
            .to_string()
    };
    let window = |days: i64| TimelineQuery {
        from: Some(day(busiest)),
        to: Some(day(busiest + days - 1)),
        ..TimelineQuery::default()
    };
    println!();
    println!(
        "app reads: {} events on {} days, busiest day {}",
        dense.total,
        dense.day.len(),
        day(busiest)
    );
    println!(
        "{:<34} {:>9} {:>9} {:>9} {:>9}",
        "read", "returns", "p50 ms", "p95 ms", "max ms"
    );
    row("density, all events (days)", 20, || {
        case.timeline_density(&TimelineQuery::default())
            .expect("density")
            .day
            .len()
    });
    let extracted = TimelineQuery {
        kind: Some(dossier::model::EventKind::Extracted),
        ..TimelineQuery::default()
    };
    row("density, extracted only (days)", 20, || {
        case.timeline_density(&extracted)
            .expect("density")
            .day
            .len()
    });
    for (name, days) in [
        ("points, busiest day (events)", 1),
        ("points, week from it (events)", 7),
        ("points, month from it (events)", 30),
    ] {
        let query = window(days);
        row(name, 10, || {
            case.timeline_points(&query).expect("points").id.len()
        });
    }
    if everything {
        row("points, every event (events)", 3, || {
            case.timeline_points(&TimelineQuery::default())
                .expect("points")
                .id
                .len()
        });
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--case") {
        let path = std::path::PathBuf::from(args.get(2).expect("--case COPY.dossier"));
        let started = Instant::now();
        let case = Case::open(&path).expect("case");
        println!(
            "opened (and migrated) {} in {:.2} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
        app_reads(&case, false);
        return;
    }
    let documents: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(&sources).unwrap();
    let mut seed = 42u64;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for d in 0..documents {
        let year = 2000 + next() % 20;
        let mut text = format!(
            "URL:https://example.org/{d}\nTITLE:Report {d}\nMETA-KEYWORDS:\nDATE:{} {}, {year}\nDOC ID:{d}\nCONTENT:",
            MONTHS[next() % 12],
            1 + next() % 28
        );
        for _ in 0..9 {
            let person = format!(
                "{} {}",
                FIRST[next() % FIRST.len()],
                LAST[next() % LAST.len()]
            );
            text.push_str(&format!(
                "{person} met investigators on {} {}, {}. ",
                MONTHS[next() % 12],
                1 + next() % 28,
                2000 + next() % 20
            ));
        }
        text.push('\n');
        std::fs::write(sources.join(format!("{d}.txt")), text).unwrap();
    }
    let case_path = dir.path().join("bench.dossier");
    let mut case = Case::create(&case_path).expect("case");
    let started = Instant::now();
    let report = case.import(&[sources], &mut |_| true).expect("import");
    let import_secs = started.elapsed().as_secs_f64();
    let all = case
        .timeline(&TimelineQuery::default())
        .expect("timeline")
        .len();
    println!("documents imported:   {}", report.imported);
    println!("events:               {all}");
    println!("import with extraction: {import_secs:.2} s");
    let every = case
        .timeline_points(&TimelineQuery::default())
        .expect("points");
    let started = Instant::now();
    let mut tagged = 0;
    for &id in every.id.iter().step_by(500) {
        case.tag_event(id, &["bench".to_string()], &[])
            .expect("tag");
        tagged += 1;
    }
    println!(
        "tagging {tagged} events one call each: {:.1} ms per call",
        started.elapsed().as_secs_f64() * 1000.0 / tagged as f64
    );

    let queries: Vec<(&str, TimelineQuery)> = vec![
        (
            "one month (2010-03)",
            TimelineQuery {
                from: Some("2010-03".into()),
                to: Some("2010-03".into()),
                ..TimelineQuery::default()
            },
        ),
        (
            "one year (2015)",
            TimelineQuery {
                from: Some("2015".into()),
                to: Some("2015".into()),
                ..TimelineQuery::default()
            },
        ),
        (
            "one person, one year",
            TimelineQuery {
                from: Some("2012".into()),
                to: Some("2012".into()),
                entity: Some("Olga Levashov".into()),
                ..TimelineQuery::default()
            },
        ),
        (
            "one tag (every 500th)",
            TimelineQuery {
                tag: Some("bench".into()),
                ..TimelineQuery::default()
            },
        ),
        (
            "one tag, one year",
            TimelineQuery {
                from: Some("2015".into()),
                to: Some("2015".into()),
                tag: Some("bench".into()),
                ..TimelineQuery::default()
            },
        ),
        (
            "first page of all (500)",
            TimelineQuery {
                limit: Some(500),
                ..TimelineQuery::default()
            },
        ),
        ("everything", TimelineQuery::default()),
    ];
    println!();
    println!(
        "{:<26} {:>8} {:>9} {:>9} {:>9}",
        "query", "events", "p50 ms", "p95 ms", "max ms"
    );
    for (name, query) in queries {
        let mut times = Vec::new();
        let mut count = 0;
        let runs = if query == TimelineQuery::default() {
            5
        } else {
            50
        };
        for _ in 0..runs {
            let started = Instant::now();
            count = case.timeline(&query).expect("query").len();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        println!(
            "{name:<26} {count:>8} {:>9.2} {:>9.2} {:>9.2}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
    app_reads(&case, true);
}
