//! Team-case benchmark (issue 20): on a corpus of news records, the local import time against
//! `team publish` and `team join`, the server database's size, an incremental sync of 1,000
//! review decisions (push on one member, pull on another), and ten members syncing at once
//! against one server, and the same 1,000-change sync again over TLS (`sslmode=require` on
//! `localhost`) to show what encryption costs. Prints the figures; docs/benchmarks.md keeps
//! them with this command.
//!
//! Run: `cargo run --release --example bench_team -- ../shared/corpus/news-corpus.tar.gz`
//!
//! It starts its own throwaway PostgreSQL as the tests do (initdb in a temporary folder, a
//! private Unix socket, `fsync` left on so the server's figures are honest, and TLS on
//! `localhost` with a certificate `openssl req` makes), or uses `DOSSIER_BENCH_PG` (connection
//! settings of a superuser) when set, which skips the TLS figure.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use dossier::model::{QuoteFilter, ReviewStatus};
use dossier::Case;

struct Server {
    dir: PathBuf,
    bin: PathBuf,
    /// The port of both the private socket and `localhost`, where the server speaks TLS.
    port: u16,
}

impl Server {
    fn start() -> Server {
        let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
            .expect("PostgreSQL is installed (scripts/setup.sh)")
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|b| b.join("initdb").exists())
            .collect();
        versions.sort();
        let bin = versions.pop().expect("an initdb");
        let dir = tempfile::Builder::new()
            .prefix("dossier-bench-pg-")
            .tempdir_in("/tmp")
            .unwrap()
            .keep();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let server = Server { dir, bin, port };
        run(Command::new("chown")
            .args(["-R", "postgres"])
            .arg(&server.dir));
        let data = server.dir.join("data").display().to_string();
        server.pg(&["initdb", "-D", &data, "-A", "trust", "-U", "postgres"]);
        // A self-signed certificate for `localhost`: `sslmode=require` encrypts without
        // checking it, as libpq does, which is what this figure is about.
        server.pg(&[
            "/usr/bin/openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "1",
            "-keyout",
            &format!("{data}/server.key"),
            "-out",
            &format!("{data}/server.crt"),
        ]);
        // PostgreSQL refuses a key others may read.
        server.pg(&["/bin/chmod", "600", &format!("{data}/server.key")]);
        let options = format!(
            "-p {port} -k {} -c listen_addresses=localhost -c ssl=on",
            server.dir.display()
        );
        let log = server.dir.join("log").display().to_string();
        server.pg(&[
            "pg_ctl", "-D", &data, "-o", &options, "-l", &log, "-w", "start",
        ]);
        server
    }

    fn pg(&self, args: &[&str]) {
        run(Command::new("runuser")
            .args(["-u", "postgres", "--"])
            .arg(self.bin.join(args[0]))
            .args(&args[1..]));
    }

    fn url(&self, db: &str) -> String {
        format!(
            "host={} port={} user=postgres dbname={db}",
            self.dir.display(),
            self.port
        )
    }

    /// The same database over TCP to `localhost`, encrypted.
    fn tls_url(&self, db: &str) -> String {
        format!(
            "host=localhost port={} user=postgres dbname={db} sslmode=require",
            self.port
        )
    }

    fn psql(&self, db: &str, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args(["-X", "-A", "-t", "-h"])
            .arg(&self.dir)
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                "postgres",
                "-d",
                db,
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let data = self.dir.join("data").display().to_string();
        self.pg(&["pg_ctl", "-D", &data, "-m", "immediate", "stop"]);
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn run(cmd: &mut Command) {
    let out = cmd.output().expect("command runs");
    assert!(
        out.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn unpack(archive: &Path, into: &Path) {
    let file = std::fs::File::open(archive).expect("corpus opens");
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(into)
        .expect("corpus unpacks");
}

fn seconds(started: Instant) -> f64 {
    started.elapsed().as_secs_f64()
}

/// A copy of a member's case file that is a member of its own (its own member id), as a
/// teammate who joined would be, without joining the whole corpus ten times.
fn clone_member(from: &Path, to: &Path, n: usize) {
    std::fs::copy(from, to).expect("case copies");
    // The search index (`.<case>.index/` beside it) comes along, or each copy would rebuild it.
    let index = |p: &Path| {
        p.with_file_name(format!(
            ".{}.index",
            p.file_name().unwrap().to_string_lossy()
        ))
    };
    let (src, dst) = (index(from), index(to));
    if src.is_dir() {
        std::fs::create_dir_all(&dst).unwrap();
        for entry in std::fs::read_dir(&src)
            .unwrap()
            .flatten()
            .filter(|e| e.path().is_file())
        {
            std::fs::copy(entry.path(), dst.join(entry.file_name())).unwrap();
        }
    }
    let conn = rusqlite::Connection::open(to).unwrap();
    conn.execute(
        "UPDATE sync_state SET value = ?1 WHERE key = 'member'",
        [format!("member{n:02}")],
    )
    .unwrap();
}

/// Sends `a`'s waiting changes, then brings them to `b`, and prints both times.
fn push_then_pull(a: &Case, b: &Case, what: &str) {
    let started = Instant::now();
    let pushed = a.sync().unwrap();
    let push_s = seconds(started);
    let started = Instant::now();
    let pulled = b.sync().unwrap();
    let pull_s = seconds(started);
    println!(
        "{what}: push {} in {push_s:.2} s, pull {} in {pull_s:.2} s",
        pushed.pushed, pulled.pulled
    );
}

/// Points these members' cases at another connection string for their next sync.
fn point_at(cases: &[&Path], url: &str) {
    for path in cases {
        rusqlite::Connection::open(path)
            .unwrap()
            .execute("UPDATE sync_state SET value = ?1 WHERE key = 'url'", [url])
            .unwrap();
    }
}

fn main() {
    let source = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: bench_team CORPUS.tar.gz|FOLDER");
        std::process::exit(2);
    }));
    let work = tempfile::tempdir().unwrap();
    let folder = if source.is_dir() {
        source.clone()
    } else {
        unpack(&source, work.path());
        work.path().to_path_buf()
    };
    let own = std::env::var("DOSSIER_BENCH_PG").ok();
    let server = own.is_none().then(Server::start);
    let url = |db: &str| match (&own, &server) {
        (Some(url), _) => format!("{url} dbname={db}"),
        (None, Some(s)) => s.url(db),
        _ => unreachable!(),
    };
    if let Some(s) = &server {
        s.psql("postgres", "CREATE DATABASE bench");
    }
    let cases = tempfile::tempdir().unwrap();
    let a_path = cases.path().join("a.dossier");

    let started = Instant::now();
    let mut a = Case::create(&a_path).unwrap();
    let report = a.import(&[folder], &mut |_| true).unwrap();
    let import_s = seconds(started);
    let documents = report.imported;
    println!("local import with extraction: {documents} documents in {import_s:.1} s");

    let started = Instant::now();
    let published = a.team_publish(&url("bench")).unwrap();
    let publish_s = seconds(started);
    println!(
        "publish: {} changes in {publish_s:.1} s ({:.2}x the import)",
        published.pushed,
        publish_s / import_s
    );
    if let Some(s) = &server {
        let size: f64 = s
            .psql("bench", "SELECT pg_database_size('bench')")
            .parse()
            .unwrap();
        let originals: f64 = s
            .psql("bench", "SELECT sum(size) FROM originals")
            .parse()
            .unwrap_or(0.0);
        println!(
            "server database: {:.0} MB (originals {:.0} MB); case file {:.0} MB",
            size / 1e6,
            originals / 1e6,
            std::fs::metadata(&a_path).unwrap().len() as f64 / 1e6
        );
    }

    let b_path = cases.path().join("b.dossier");
    let started = Instant::now();
    let (b, joined) = Case::team_join(&url("bench"), &b_path).unwrap();
    let join_s = seconds(started);
    println!(
        "join: {} documents in {join_s:.1} s ({:.2}x the import)",
        joined.documents,
        join_s / import_s
    );
    assert_eq!(joined.documents as usize, documents);

    // 1,000 review decisions, each its own change, as a day's work of a member.
    let quotes = a
        .quotes(&QuoteFilter {
            limit: Some(3_000),
            ..Default::default()
        })
        .unwrap();
    for q in quotes.iter().take(1_000) {
        a.review_quote(q.id, ReviewStatus::Confirmed).unwrap();
    }
    push_then_pull(&a, &b, "incremental sync of 1,000 changes");

    // The same again over TLS: both members' stored URLs point at `localhost` with
    // `sslmode=require`, and 1,000 other decisions go up and come down.
    if let Some(s) = &server {
        point_at(&[&a_path, &b_path], &s.tls_url("bench"));
        for q in quotes.iter().skip(2_000).take(1_000) {
            a.review_quote(q.id, ReviewStatus::Rejected).unwrap();
        }
        push_then_pull(&a, &b, "the same over TLS (sslmode=require, localhost)");
        point_at(&[&a_path, &b_path], &s.url("bench"));
    }

    drop(b);

    // Ten members, each with 100 decisions of its own, syncing at once.
    let members: Vec<PathBuf> = (0..10)
        .map(|n| {
            let path = cases.path().join(format!("m{n}.dossier"));
            clone_member(&b_path, &path, n);
            path
        })
        .collect();
    for (n, path) in members.iter().enumerate() {
        let case = Case::open(path).unwrap();
        for q in quotes.iter().skip(1_000 + n * 100).take(100) {
            case.review_quote(q.id, ReviewStatus::Rejected).unwrap();
        }
    }
    let started = Instant::now();
    let errors: usize = std::thread::scope(|scope| {
        let handles: Vec<_> = members
            .iter()
            .map(|path| {
                scope.spawn(move || {
                    let case = Case::open(path).unwrap();
                    case.sync().err().into_iter().count()
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    let round_s = seconds(started);
    let started = Instant::now();
    for path in &members {
        Case::open(path).unwrap().sync().unwrap();
    }
    let settle_s = seconds(started);
    let fingerprints: Vec<_> = members
        .iter()
        .map(|p| Case::open(p).unwrap().team_fingerprint().unwrap()["quotes"].clone())
        .collect();
    let equal = fingerprints.windows(2).all(|w| w[0] == w[1]);
    println!(
        "ten members syncing 100 changes each at once: {errors} errors, {round_s:.1} s; \
         a second round to bring everyone's: {settle_s:.1} s; members equal: {equal}"
    );
}
