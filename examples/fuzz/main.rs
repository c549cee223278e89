//! A mutation fuzzer for everything in Dossier that reads untrusted input, on stable Rust:
//! `fuzz --target query|news|html|email|mbox|pdf|notes|timex [--execs N] [--seconds S] [--seed K]
//! [--out DIR] [--max-len BYTES]`, or `fuzz --target T --replay FILE...` to rerun inputs.
//!
//! Why not cargo-fuzz or AFL: cargo-fuzz needs nightly, and `cargo afl` needs afl++ and an LLVM
//! plugin built for rustc's own LLVM, on a shared two-core machine where each AFL instance
//! wants a core to itself (docs/benchmarks.md has the reasoning). This driver runs the target
//! in-process instead, tens of thousands of inputs a second for the fast targets, which is
//! what reaching a million executions per target within a working session needs.
//!
//! How it finds things without coverage instrumentation: inputs start from the committed seed
//! corpus (`tests/fuzz/<target>/`) and are mutated (bit flips, random bytes, deletions,
//! splices, target-specific tokens, and runs of a repeated slice, which is how long words and
//! deep nesting appear); an input whose outcome has a shape not seen before joins the pool.
//!
//! How crashes survive: the driver is two processes. The worker writes each input to
//! `OUT/current` before running it and catches panics itself (saving the first input per
//! panic location as `OUT/crash-<target>-<hash>`); an abort such as a stack overflow kills the
//! worker, and the supervisor then copies `OUT/current` to a crash file and starts a new
//! worker with the next seed. An input that runs longer than `--hang-ms` is saved as
//! `OUT/hang-<target>-<hash>` the same way.

mod targets;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

struct Options {
    target: String,
    execs: u64,
    seconds: u64,
    seed: u64,
    out: PathBuf,
    max_len: usize,
    hang_ms: u64,
    worker: bool,
    replay: Vec<PathBuf>,
}

fn parse_options() -> Options {
    let mut args = std::env::args().skip(1);
    let mut o = Options {
        target: String::new(),
        execs: 1_000_000,
        seconds: 3600,
        seed: 1,
        out: PathBuf::new(),
        max_len: 0,
        hang_ms: 20_000,
        worker: false,
        replay: Vec::new(),
    };
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| usage(&format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--target" => o.target = value(),
            "--execs" => o.execs = value().parse().unwrap_or_else(|_| usage("--execs N")),
            "--seconds" => o.seconds = value().parse().unwrap_or_else(|_| usage("--seconds S")),
            "--seed" => o.seed = value().parse().unwrap_or_else(|_| usage("--seed K")),
            "--out" => o.out = PathBuf::from(value()),
            "--max-len" => o.max_len = value().parse().unwrap_or_else(|_| usage("--max-len N")),
            "--hang-ms" => o.hang_ms = value().parse().unwrap_or_else(|_| usage("--hang-ms N")),
            "--worker" => o.worker = true,
            "--replay" => o.replay.extend(args.by_ref().map(PathBuf::from)),
            other => usage(&format!("unknown argument '{other}'")),
        }
    }
    if !targets::TARGETS.contains(&o.target.as_str()) {
        usage(&format!(
            "--target must be one of {}",
            targets::TARGETS.join(", ")
        ));
    }
    if o.out.as_os_str().is_empty() {
        o.out = std::env::temp_dir().join(format!("dossier-fuzz-{}", o.target));
    }
    if o.max_len == 0 {
        // Deep nesting and long operator runs need room; a PDF needs its whole file.
        o.max_len = match o.target.as_str() {
            "pdf" => 256 << 10,
            "query" => 16 << 10,
            _ => 64 << 10,
        };
    }
    o
}

fn usage(problem: &str) -> ! {
    eprintln!("fuzz: {problem}");
    eprintln!(
        "usage: fuzz --target {} [--execs N] [--seconds S] [--seed K] [--out DIR] \
         [--max-len BYTES] [--hang-ms MS] | --target T --replay FILE...",
        targets::TARGETS.join("|")
    );
    std::process::exit(2)
}

fn main() {
    let o = parse_options();
    if !o.replay.is_empty() {
        replay(&o);
    } else if o.worker {
        worker(&o);
    } else {
        supervise(&o);
    }
}

/// Reruns saved inputs one by one, saying what each did; a crash shows as usual.
fn replay(o: &Options) {
    let ctx = targets::Context::new(&o.target);
    for path in &o.replay {
        let input =
            std::fs::read(path).unwrap_or_else(|e| usage(&format!("{}: {e}", path.display())));
        let started = Instant::now();
        let shape = targets::run(&o.target, &ctx, &input);
        println!(
            "{}: shape {shape:016x} in {:?}",
            path.display(),
            started.elapsed()
        );
    }
}

/// What a worker reports when it ends: `execs panics shapes slowest_us`.
#[derive(Default)]
struct Stats {
    execs: u64,
    panics: u64,
    shapes: u64,
    slowest_us: u64,
}

fn read_stats(path: &Path) -> Stats {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let n: Vec<u64> = text
        .split_whitespace()
        .filter_map(|w| w.parse().ok())
        .collect();
    Stats {
        execs: n.first().copied().unwrap_or(0),
        panics: n.get(1).copied().unwrap_or(0),
        shapes: n.get(2).copied().unwrap_or(0),
        slowest_us: n.get(3).copied().unwrap_or(0),
    }
}

/// Runs workers until the executions or the time are used up, turning each worker that dies
/// into a saved crasher and a fresh worker.
fn supervise(o: &Options) {
    std::fs::create_dir_all(&o.out).expect("create the output folder");
    let started = Instant::now();
    let deadline = started + Duration::from_secs(o.seconds);
    let (mut total, mut panics, mut aborts, mut hangs, mut slowest) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    let mut shapes = 0u64;
    let mut seed = o.seed;
    let me = std::env::current_exe().expect("the fuzzer's own path");
    while total < o.execs && Instant::now() < deadline {
        let stats_path = o.out.join("stats");
        let _ = std::fs::remove_file(&stats_path);
        let left = deadline
            .saturating_duration_since(Instant::now())
            .as_secs()
            .max(1);
        let status = std::process::Command::new(&me)
            .args(["--worker", "--target", &o.target])
            .args(["--execs", &(o.execs - total).to_string()])
            .args(["--seconds", &left.to_string()])
            .args(["--seed", &seed.to_string()])
            .args(["--max-len", &o.max_len.to_string()])
            .args(["--hang-ms", &o.hang_ms.to_string()])
            .arg("--out")
            .arg(&o.out)
            .status()
            .expect("start a fuzz worker");
        let stats = read_stats(&stats_path);
        total += stats.execs;
        panics += stats.panics;
        shapes = shapes.max(stats.shapes);
        slowest = slowest.max(stats.slowest_us);
        if status.success() {
            break;
        }
        // The worker died on an input: it is in `current` (exit code 3 means a hang the
        // worker's watchdog caught; anything else is an abort or a signal).
        let input = std::fs::read(o.out.join("current")).unwrap_or_default();
        let kind = if status.code() == Some(3) {
            "hang"
        } else {
            "crash"
        };
        if kind == "hang" {
            hangs += 1;
        } else {
            aborts += 1;
        }
        let name = format!("{kind}-{}-{:016x}", o.target, fnv(&input));
        std::fs::write(o.out.join(&name), &input).expect("save the crasher");
        eprintln!(
            "fuzz: worker ended with {status}; input saved as {}",
            o.out.join(&name).display()
        );
        // The +1 seeds a worker that takes other paths than the one that died; without it the
        // same abort would repeat forever.
        seed += 1;
        if aborts + hangs >= 200 {
            eprintln!("fuzz: 200 workers died; stopping");
            break;
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "target {}: {total} executions in {secs:.0} s ({:.0}/s), {panics} panics caught, \
         {aborts} aborts, {hangs} hangs, {shapes} outcome shapes, slowest input {:.1} ms; \
         crashers in {}",
        o.target,
        total as f64 / secs,
        slowest as f64 / 1000.0,
        o.out.display()
    );
}

/// A small, fast, seeded generator (xorshift64*): every run with the same seed mutates the
/// same way, so a finding can be reproduced.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    /// Mostly small numbers, sometimes large ones: lengths and repeat counts.
    fn log_scale(&mut self, max: usize) -> usize {
        let bits = self.below(usize::BITS as usize - max.leading_zeros() as usize + 1);
        self.below((1usize << bits).min(max) + 1)
    }
}

fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01b3)
    })
}

/// The tokens each target's language is made of, inserted whole so that mutation speaks it.
fn dictionary(target: &str) -> &'static [&'static str] {
    match target {
        "query" => &[
            "AND",
            "OR",
            "NOT",
            "(",
            ")",
            "\"",
            "-",
            "*",
            "~",
            "~2",
            "~5",
            "title:",
            "outlet:",
            "kind:",
            "kind:quote",
            "kind:event",
            "tag:",
            "speaker:",
            "doc:",
            "date:",
            "after:",
            "before:",
            "..",
            "2017-04-12",
            "2017",
            " ",
            "\\",
            ":",
            "levashov",
            "botnet",
            "é",
            "\u{0301}",
            "e-mail",
            "U.S.",
            "\u{3000}",
            "\u{200b}",
        ],
        "news" => &[
            "\n",
            "\n\n",
            "DATE:",
            "TITLE:",
            "URL:",
            "META-KEYWORDS:",
            "DOC ID:",
            "CONTENT:",
            "https://example.org/",
            " | ",
            ",",
            "April 10, 2017",
            "2017-04-10T09:00:00Z",
            "Febtember 45",
            "\r\n",
            "----",
            ":",
            "\u{feff}",
            "\"",
        ],
        "html" => &[
            "<html>",
            "<head>",
            "<title>",
            "</title>",
            "<body>",
            "<article>",
            "</article>",
            "<p>",
            "</p>",
            "<div class=\"content\">",
            "</div>",
            "<script>",
            "</script>",
            "<style>",
            "<meta charset=\"",
            "\">",
            "&amp;",
            "&#x",
            "&#",
            ";",
            "<!--",
            "-->",
            "<h1>",
            "</h1>",
            "<br>",
            "<table><tr><td>",
            "<svg>",
            "<math>",
            "<![CDATA[",
            "]]>",
            "<template>",
            "<noscript>",
            "<time datetime=\"2017-04-10\">",
            "<meta property=\"og:title\" content=\"",
            "<script type=\"application/ld+json\">{\"datePublished\":\"",
            "<a href=\"javascript:",
            "<pre>",
            "<li>",
            "<ul>",
            "<blockquote>",
            "<iframe>",
            "<frameset>",
            "<select>",
            "<form>",
            "<nav>",
            "<aside>",
            "<footer>",
            "<p class=\"byline\">By ",
        ],
        "email" => &[
            "\r\n",
            "\n",
            "Subject: ",
            "From: ",
            "To: ",
            "Cc: ",
            "Date: ",
            "Message-ID: <",
            "MIME-Version: 1.0\r\n",
            "Content-Type: multipart/mixed; boundary=\"b\"\r\n",
            "Content-Type: text/html; charset=\"",
            "Content-Type: text/plain; charset=utf-8\r\n",
            "Content-Type: message/rfc822\r\n",
            "--b",
            "--b--",
            "=?utf-8?B?",
            "=?iso-8859-1?Q?",
            "?=",
            "Content-Transfer-Encoding: base64\r\n",
            "Content-Transfer-Encoding: quoted-printable\r\n",
            "=\r\n",
            "=C3=A9",
            "Content-Disposition: attachment; filename=\"",
            "\t",
            "\"",
            "<",
            ">",
            "@",
            ",",
        ],
        "pdf" => &[
            " obj",
            "endobj",
            "stream\n",
            "\nendstream",
            "<<",
            ">>",
            "[",
            "]",
            "/Length ",
            "/Filter /FlateDecode",
            "/Type /Page",
            "/Type /Pages",
            "/Kids [",
            "/Count ",
            "/Font",
            "(",
            ")",
            " Tj",
            " TJ",
            "BT",
            "ET",
            " Td",
            " Tf",
            "xref",
            "trailer",
            "startxref",
            "/Root",
            "/Contents",
            "/Resources",
            "/MediaBox [0 0 612 792]",
            " 0 R",
            "0",
            "1",
            "9999999999",
            "-1",
            "/Encrypt",
            "/XObject",
            "/Subtype /Form",
            "/Subtype /Image",
            "/ToUnicode",
            "/Encoding",
            "/Differences [",
            "q",
            "Q",
            " cm",
            " Do",
            "%%EOF",
            "/Parent",
            "/Info",
            "/Title (",
            "/CreationDate (D:20170410",
            "\\",
        ],
        "notes" => &[
            "[@q1]",
            "[@d1]",
            "[@d1:10-40]",
            "[@e1]",
            "[@q99]",
            "[@",
            "@",
            "]",
            "[",
            "[[",
            "]]",
            "[[Background]]",
            ";",
            "@q",
            "@d1:",
            "-",
            "\"",
            "\u{201c}",
            "\u{201d}",
            "`",
            "```",
            "\n",
            "\n\n",
            "> ",
            "# ",
            "* ",
            "<script>",
            "[x](javascript:alert(1))",
            "<https://example.org>",
            "\\",
            "![",
            "](",
            ")",
            "took down the Kelihos botnet",
            "9999999999999999999999",
            "\u{0301}",
            "|",
            "---",
        ],
        "timex" => &[
            "April",
            "Apr.",
            "10",
            "2017",
            "last week",
            "next Friday",
            "on Monday",
            "between",
            " and ",
            "1990s",
            "the '80s",
            "2017-04-12",
            "12:30",
            "a.m.",
            "p.m.",
            " PST",
            " UTC",
            "3 years ago",
            "Q2",
            "spring",
            "Christmas",
            "-",
            "/",
            ":",
            " ",
            "nineteen",
            "twenty",
            "th",
            "mid-",
            "early",
            "late",
            "from",
            " to ",
            "until",
            "since",
            "ago",
            "decade",
            "century",
            "fortnight",
            "tomorrow",
            "yesterday",
            "tonight",
            "9999",
            "00",
            "31",
            "Feb 29",
            "weekend",
            "hours",
            "minutes",
            "\u{2013}",
        ],
        "extract" => &[
            "\"",
            "\u{201c}",
            "\u{201d}",
            "'",
            "''",
            " said ",
            " told ",
            "according to ",
            ", said ",
            ", he said.",
            " says ",
            "Mr. ",
            "Ms ",
            "General ",
            "The ",
            " of ",
            "<",
            ">",
            "(",
            ")",
            ", ",
            ". ",
            ": ",
            "\n\n",
            "Corp.",
            "Inc",
            "John Smith",
            "It",
            "he",
            "analysts",
            "that ",
            "on Tuesday",
            "-",
        ],
        _ => &[],
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, pool: &[Vec<u8>], dict: &[&str], max_len: usize) {
    let rounds = 1 + rng.log_scale(16);
    for _ in 0..rounds {
        let len = input.len();
        match rng.below(10) {
            // Flip a bit.
            0 if len > 0 => {
                let at = rng.below(len);
                input[at] ^= 1 << rng.below(8);
            }
            // Set a byte to something interesting or random.
            1 if len > 0 => {
                let at = rng.below(len);
                const INTERESTING: &[u8] = b"\0\xff\x7f\x80\n\r\t \"'()[]<>{}:;@*~-\\/.";
                input[at] = if rng.below(2) == 0 {
                    INTERESTING[rng.below(INTERESTING.len())]
                } else {
                    rng.next() as u8
                };
            }
            // Delete a range.
            2 if len > 0 => {
                let at = rng.below(len);
                let n = rng.log_scale(len - at).max(1).min(len - at);
                input.drain(at..at + n);
            }
            // Insert random bytes.
            3 => {
                let at = rng.below(len + 1);
                let n = 1 + rng.log_scale(32);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                input.splice(at..at, bytes);
            }
            // Insert a token of the target's language.
            4 | 5 if !dict.is_empty() => {
                let at = rng.below(len + 1);
                let word = dict[rng.below(dict.len())].as_bytes();
                input.splice(at..at, word.iter().copied());
            }
            // Repeat a slice many times: long words, deep nesting, long operator runs.
            6 if len > 0 => {
                let at = rng.below(len);
                let n = (1 + rng.log_scale(16)).min(len - at);
                let times = 1 + rng.log_scale(4096);
                let piece = input[at..at + n].to_vec();
                let run: Vec<u8> = piece.iter().copied().cycle().take(n * times).collect();
                input.splice(at..at, run);
            }
            // Splice in part of another pool input.
            7 if !pool.is_empty() => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let from = rng.below(other.len());
                    let n = rng
                        .log_scale(other.len() - from)
                        .max(1)
                        .min(other.len() - from);
                    let at = rng.below(len + 1);
                    input.splice(at..at, other[from..from + n].iter().copied());
                }
            }
            // Copy a range over another place (keeps the length, moves structure around).
            8 if len > 1 => {
                let from = rng.below(len);
                let to = rng.below(len);
                let n = rng
                    .log_scale(len - from.max(to))
                    .max(1)
                    .min(len - from.max(to));
                let piece = input[from..from + n].to_vec();
                input[to..to + n].copy_from_slice(&piece);
            }
            // Cut the end off (truncated downloads).
            9 if len > 0 => input.truncate(rng.below(len)),
            _ => {}
        }
    }
    input.truncate(max_len);
}

/// The seed inputs of a target: every committed corpus file except known crashers, which
/// would only find the same crash again.
fn seeds(target: &str) -> Vec<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(targets::corpus_dir(target))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .into_iter()
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with("crash-") && !name.starts_with("hang-")
        })
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

thread_local! {
    static PANIC_AT: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

fn worker(o: &Options) {
    // A panic is recorded (where and what) instead of printed: the driver reports each panic
    // location once, with the input that reached it.
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        PANIC_AT.with(|p| *p.borrow_mut() = Some((at, what)));
    }));
    let ctx = targets::Context::new(&o.target);
    let dict = dictionary(&o.target);
    let mut pool = seeds(&o.target);
    if pool.is_empty() {
        pool.push(Vec::new());
    }
    let seed_count = pool.len();
    let current = std::fs::OpenOptions::new()
        .create(true)
        .write(true)
        .truncate(true)
        .open(o.out.join("current"))
        .expect("open the current-input file");
    let stats_path = o.out.join("stats");

    // The watchdog: when one input runs past --hang-ms, it is already in `current`; exit
    // code 3 tells the supervisor to keep it as a hang.
    let began_ms = Arc::new(AtomicU64::new(0));
    let clock = Instant::now();
    {
        let began_ms = began_ms.clone();
        let hang_ms = o.hang_ms;
        std::thread::spawn(move || loop {
            std::thread::sleep(Duration::from_millis(250));
            let began = began_ms.load(Ordering::Relaxed);
            if began > 0 && clock.elapsed().as_millis() as u64 > began + hang_ms {
                eprintln!("fuzz: an input ran longer than {hang_ms} ms");
                std::process::exit(3);
            }
        });
    }

    let mut rng = Rng(o.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut shapes: HashSet<u64> = HashSet::new();
    let mut panic_sites: HashMap<String, u64> = HashMap::new();
    let stats = Arc::new(Mutex::new(Stats::default()));
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let mut last_report = Instant::now();
    let mut input = Vec::new();
    let mut execs = 0u64;
    while execs < o.execs {
        // The seeds run unchanged first, then mutants of the pool.
        input.clear();
        if (execs as usize) < seed_count {
            input.extend_from_slice(&pool[execs as usize]);
        } else {
            input.extend_from_slice(&pool[rng.below(pool.len())]);
            mutate(&mut rng, &mut input, &pool, dict, o.max_len);
        }
        current.set_len(0).expect("truncate current");
        current.write_all_at(&input, 0).expect("write current");

        began_ms.store(clock.elapsed().as_millis() as u64 + 1, Ordering::Relaxed);
        let t = Instant::now();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            targets::run(&o.target, &ctx, &input)
        }));
        let took = t.elapsed().as_micros() as u64;
        began_ms.store(0, Ordering::Relaxed);
        execs += 1;

        let mut s = stats.lock().expect("stats");
        s.execs = execs;
        if took > s.slowest_us {
            s.slowest_us = took;
            // The slowest input so far is kept too: slowness that grows with the input is a
            // hang waiting for a bigger one.
            if took > 100_000 {
                let _ = std::fs::write(o.out.join(format!("slowest-{}", o.target)), &input);
            }
        }
        match outcome {
            Ok(shape) => {
                if shapes.insert(shape) {
                    if pool.len() < 4096 {
                        pool.push(input.clone());
                    } else {
                        let at = seed_count + rng.below(pool.len() - seed_count);
                        pool[at] = input.clone();
                    }
                }
            }
            Err(_) => {
                s.panics += 1;
                let (at, what) = PANIC_AT.with(|p| p.borrow_mut().take()).unwrap_or_default();
                let seen = panic_sites.entry(at.clone()).or_insert(0);
                *seen += 1;
                if *seen == 1 {
                    let name = format!("crash-{}-{:016x}", o.target, fnv(&input));
                    let _ = std::fs::write(o.out.join(&name), &input);
                    eprintln!("fuzz: panic at {at}: {what}; input saved as {name}");
                }
            }
        }
        s.shapes = shapes.len() as u64;
        if last_report.elapsed() > Duration::from_secs(2) || execs == o.execs {
            let _ = std::fs::write(
                &stats_path,
                format!("{} {} {} {}\n", s.execs, s.panics, s.shapes, s.slowest_us),
            );
            if last_report.elapsed() > Duration::from_secs(2) {
                last_report = Instant::now();
            }
            if Instant::now() > deadline {
                break;
            }
        }
    }
    let s = stats.lock().expect("stats");
    let _ = std::fs::write(
        &stats_path,
        format!("{} {} {} {}\n", s.execs, s.panics, s.shapes, s.slowest_us),
    );
    let mut sites: Vec<_> = panic_sites.into_iter().collect();
    sites.sort();
    for (at, n) in sites {
        eprintln!("fuzz: {n} panics at {at}");
    }
    let _ = std::io::stderr().flush();
}
