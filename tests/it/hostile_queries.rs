//! Queries and query files that used to crash `dossier` (issue 17), each a regression test
//! named after what broke, and 2,000 generated random queries that must all come back as
//! results or as a coded `invalid_input` error: never a panic, never a stack overflow.

use std::io::Write as _;
use std::process::Stdio;

use dossier::{Case, ErrorCode, SearchRequest};
use serde_json::Value;

use crate::support::*;

/// Sixty letters: the first length the index drops as machine noise.
fn long_word() -> String {
    "a".repeat(60)
}

/// A small case whose one article holds a word too long to index between two ordinary ones.
fn fixture() -> Sandbox {
    let s = Sandbox::new();
    let long = "q".repeat(70);
    s.write(
        "a1.txt",
        news_record(
            "a1",
            "Botnet takedown in Zürich",
            "Apr 3, 2017",
            &format!(
                "Police said the kelihos {long} botnet was dismantled. The spam czar said no."
            ),
        ),
    );
    s.write(
        "a2.txt",
        news_record(
            "a2",
            "Election report",
            "Mar 15, 2017",
            "Investigators said botnets sent spam to voters in the U.S. by e-mail.",
        ),
    );
    let (code, report) = s.import(&[&s.sources()]);
    assert_eq!(code, 0, "{report}");
    s
}

/// Runs `search QUERY --json` and returns the exit code, what it printed and its stderr.
fn search(s: &Sandbox, query: &str) -> (i32, Value, String) {
    let out = s.run(&["search", query, "--json"]);
    let value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{query:?} printed no JSON ({e}): {}", stderr(&out)));
    (out.status.code().unwrap_or(-1), value, stderr(&out))
}

#[test]
fn a_word_of_sixty_bytes_no_longer_panics_search() {
    let empty = Sandbox::new();
    let s = fixture();
    let long = long_word();
    let hash = "3b".repeat(32);
    for query in [
        long.clone(),
        format!("title:{long}"),
        format!("{long}*"),
        format!("e-{long}*"),
        format!("{long}~"),
        format!("\"{long}\""),
        format!("\"{long} {long}\"~3"),
        format!("speaker:{long}"),
        format!("-{long}"),
        hash.clone(),
    ] {
        for sandbox in [&empty, &s] {
            let (code, value, err) = search(sandbox, &query);
            assert_eq!(code, 0, "{query}: {value} {err}");
            assert!(err.contains("not indexed"), "{query}: {err}");
            if !query.starts_with('-') {
                assert_eq!(value["total"], 0, "{query}");
            }
        }
    }
    // An exclusion of a word that matches nothing excludes nothing.
    assert_eq!(search(&s, &format!("-{long}")).1["total"], 2);
}

#[test]
fn a_phrase_or_word_around_a_long_word_matches_the_text_it_was_written_in() {
    let s = fixture();
    let other = "z".repeat(64);
    // The long word leaves a gap in the index that any long word fills.
    for query in [
        format!("\"kelihos {other} botnet\""),
        format!("kelihos-{other}-botnet"),
        format!("title:takedown \"{other} botnet was\""),
    ] {
        let (code, value, err) = search(&s, &query);
        assert_eq!(code, 0, "{query}: {value}");
        assert_eq!(value["total"], 1, "{query}: {value}");
        assert!(err.contains("not indexed"), "{query}: {err}");
    }
    // Without the gap the words are not adjacent in that order.
    assert_eq!(search(&s, "\"botnet kelihos\"").1["total"], 0);
    // The phrase prefix left with one ordinary word before a long prefix finds nothing,
    // rather than every word starting with the ordinary one.
    assert_eq!(search(&s, &format!("kelihos-{other}*")).1["total"], 0);
}

#[test]
fn a_sha256_from_a_brief_finds_its_document_instead_of_panicking() {
    let s = fixture();
    let docs = s.docs();
    let doc = docs
        .iter()
        .find(|d| d["title"] == "Election report")
        .unwrap();
    let hash = doc["sha256"].as_str().unwrap().to_string();
    for query in [
        hash.clone(),
        hash.to_uppercase(),
        format!("spam {hash}"),
        format!("{hash} OR kelihos"),
    ] {
        let (code, value, err) = search(&s, &query);
        assert_eq!(code, 0, "{query}: {err}");
        assert!(!err.contains("not indexed"), "{query}: {err}");
        let ids: Vec<&Value> = value["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| &h["doc_id"])
            .collect();
        assert!(ids.contains(&&doc["id"]), "{query}: {value}");
    }
    assert_eq!(search(&s, &format!("{hash} kelihos")).1["total"], 0);
    assert_eq!(search(&s, &format!("-{hash}")).1["total"], 1);
    // Only a bare word is a hash: a title holds no hashes.
    assert_eq!(search(&s, &format!("title:{hash}")).1["total"], 0);
}

#[test]
fn excluding_a_phrase_no_longer_panics_debug_builds() {
    // Found by the random queries below: tantivy's phrase scorer asserted, in debug builds
    // only, when an exclusion asked it about a document before its first match.
    let s = fixture();
    for (query, total) in [
        ("spam NOT \"spam zürich zürich\"", 2),
        ("spam -\"spam botnet\"", 2),
        ("NOT NOT U.S.U.S.", 0),
        ("said -\"spam czar\"", 1),
    ] {
        let (code, value, err) = search(&s, query);
        assert_eq!(
            (code, &value["total"]),
            (0, &Value::from(total)),
            "{query}: {err}"
        );
    }
}

#[test]
fn a_saved_search_with_a_long_word_no_longer_panics_search_run() {
    let s = fixture();
    let query = format!("kelihos {}", long_word());
    let (code, saved) = s.json(&["search", "--save", "long", &query]);
    assert_eq!(code, 0, "{saved}");
    let (code, run) = s.json(&["search", "--run", "long"]);
    assert_eq!((code, &run["total"]), (0, &Value::from(0)), "{run}");
}

#[test]
fn a_thousand_dashes_are_refused_with_a_position_not_a_stack_overflow() {
    let s = fixture();
    for (query, at) in [
        (format!("{}spam", "-".repeat(1000)), 32),
        (format!("{}spam", "NOT ".repeat(1000)), 128),
        (
            format!("{}spam{}", "(".repeat(12_000), ")".repeat(12_000)),
            32,
        ),
    ] {
        let (code, value, err) = search(&s, &query);
        assert_eq!(code, 1, "{err}");
        assert_eq!(value["error"]["code"], "invalid_input");
        let message = value["error"]["message"].as_str().unwrap();
        assert!(
            message.starts_with("the query nests too deeply")
                && message.ends_with(&format!("at character {at} of the query")),
            "{message}"
        );
    }
    // Thirty-two levels are fine, all the way through the builder and the snippets.
    let (code, value, _) = search(&s, &format!("{}spam{}", "(".repeat(32), ")".repeat(32)));
    assert_eq!((code, &value["total"]), (0, &Value::from(2)), "{value}");
    let (code, value, _) = search(&s, &format!("{}spam", "-".repeat(32)));
    assert_eq!((code, &value["total"]), (0, &Value::from(2)), "{value}");
    let (code, value, _) = search(&s, &format!("{}spam", "-".repeat(31)));
    assert_eq!((code, &value["total"]), (0, &Value::from(0)), "{value}");
}

/// Runs `search --batch FILE --json` on `bytes` and returns one JSON value per printed line.
fn batch(s: &Sandbox, name: &str, bytes: &[u8]) -> Vec<Value> {
    let file = s.dir.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let out = s.run(&["search", "--batch", &file.display().to_string(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn twelve_thousand_nested_parentheses_in_a_batch_file_fail_only_their_line() {
    let s = fixture();
    let deep = format!("{}spam{}", "(".repeat(12_000), ")".repeat(12_000));
    let lines = batch(
        &s,
        "deep.txt",
        format!("kelihos\n{deep}\n{}\nspam\n", long_word()).as_bytes(),
    );
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0]["total"], 1);
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["error"]["code"], "invalid_input");
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap()
        .ends_with("at character 32 of the query"));
    assert_eq!(lines[2]["total"], 0);
    assert_eq!(lines[3]["total"], 2);
}

#[test]
fn a_non_utf8_line_in_a_batch_file_is_reported_with_its_number_and_the_batch_goes_on() {
    let s = fixture();
    let mut bytes = b"kelihos\r\n# a comment\n".to_vec();
    bytes.extend_from_slice(b"z\xfcrich caf\xe9\n");
    bytes.extend_from_slice(b"spam (\nbotnet\n\xff");
    let lines = batch(&s, "latin1.txt", &bytes);
    assert_eq!(lines.len(), 5, "{lines:?}");
    assert_eq!(lines[0]["total"], 1);
    assert_eq!(lines[1]["line"], 3);
    assert_eq!(lines[1]["error"]["code"], "invalid_input");
    let message = lines[1]["error"]["message"].as_str().unwrap();
    assert!(
        message.starts_with("line 3 of ") && message.contains("latin1.txt is not UTF-8 text"),
        "{message}"
    );
    assert!(message.contains("column 2"), "{message}");
    // A malformed query names its line too, and the batch went on after both.
    assert_eq!(lines[2]["line"], 4);
    assert_eq!(lines[2]["error"]["code"], "invalid_input");
    assert_eq!(lines[3]["query"], "botnet");
    assert_eq!(lines[3]["total"], 2);
    // The last line has no newline and is not UTF-8 either.
    assert_eq!(lines[4]["line"], 6);
}

#[test]
fn a_closed_stdout_no_longer_panics_any_command() {
    let s = fixture();
    let commands: [&[&str]; 7] = [
        &["search", "said"],
        &["search", "said", "--json"],
        &["search", "--batch", "/dev/null"],
        &["docs"],
        &["show", "1"],
        &["searches", "--json"],
        // An error printed as JSON goes to stdout too.
        &["search", "nosuch:x", "--json"],
    ];
    for args in commands {
        let mut child = dossier()
            .arg("--case")
            .arg(&s.case)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("dossier runs");
        // Closing the pipe before the program gets to print is `| head -c 0`.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        #[cfg(unix)]
        {
            use std::os::unix::process::ExitStatusExt;
            // Ended by SIGPIPE (13) like `cat`, or finished before writing anything.
            let quiet = out.status.signal() == Some(13) || out.status.code() == Some(0);
            assert!(quiet, "{args:?}: {:?} {err}", out.status);
        }
    }
}

/// A small, seeded random number generator (SplitMix64), so the generated queries are the
/// same on every run and a failure names a query that can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One random character: mostly query syntax and letters, with every odd kind of Unicode.
fn random_char(rng: &mut Rng) -> char {
    const SPECIAL: &[char] = &[
        '(', ')', '"', '*', '~', ':', '-', ' ', '\t', '\n', '.', ',', '&', '\'', '\\', '/', '\0',
        '\u{200b}', '\u{202e}', '\u{feff}', '\u{301}', '«', '»', 'ß', 'İ', 'ﬁ', 'Ω', '日', '🦀',
    ];
    match rng.below(6) {
        0 => SPECIAL[rng.below(SPECIAL.len())],
        1 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}'),
        2 => char::from(b'0' + rng.below(10) as u8),
        _ => char::from(b'a' + rng.below(26) as u8),
    }
}

/// One random piece of a query.
fn random_piece(rng: &mut Rng, out: &mut String) {
    const WORDS: &[&str] = &[
        "kelihos", "spam", "botnet", "zürich", "czar", "e-mail", "U.S.", "said", "or", "and",
    ];
    const OPERATORS: &[&str] = &[
        "AND", "OR", "NOT", "-", "(", ")", "\"", "*", "~", "~2", "~9",
    ];
    const FIELDS: &[&str] = &[
        "title:",
        "outlet:",
        "kind:",
        "tag:",
        "speaker:",
        "doc:",
        "date:",
        "after:",
        "before:",
        "foo:",
        "kind:quote",
        "kind:email",
        "doc:99999999999999999999",
        "date:..",
    ];
    match rng.below(12) {
        0 | 1 => out.push_str(rng.pick(WORDS)),
        2 => out.push_str(rng.pick(OPERATORS)),
        3 => out.push_str(rng.pick(FIELDS)),
        4 => {
            // A very long word, sometimes hex like a SHA-256, sometimes with a prefix star.
            let len = [59, 60, 61, 64, 200, 5000][rng.below(6)];
            let letter = if rng.below(2) == 0 { 'f' } else { 'é' };
            out.extend(std::iter::repeat_n(letter, len));
            if rng.below(3) == 0 {
                out.push('*');
            }
        }
        5 => {
            // A run of one operator, short or very long.
            let op = rng.pick(&["-", "NOT ", "(", ")", "\"", "OR ", "AND ", "*", "~", "-("]);
            let times = [2, 31, 32, 33, 1000, 12_000][rng.below(6)];
            out.push_str(&op.repeat(times));
        }
        6 => {
            // Balanced nesting around a word, within and beyond the bound.
            let depth = rng.below(40);
            out.push_str(&"(".repeat(depth));
            out.push_str(rng.pick(WORDS));
            out.push_str(&")".repeat(depth));
        }
        7 => {
            // Dates, good and bad, single and ranges.
            let year = 1900 + rng.below(200);
            let date = match rng.below(4) {
                0 => format!("{year}"),
                1 => format!("{year}-{:02}", rng.below(14)),
                2 => format!("{year}-{:02}-{:02}", rng.below(14), rng.below(33)),
                _ => format!("{year}..{}", 1900 + rng.below(200)),
            };
            out.push_str(rng.pick(&["date:", "after:", "before:", "date:.."]));
            out.push_str(&date);
        }
        8 => {
            out.push('"');
            for _ in 0..rng.below(4) {
                out.push_str(rng.pick(WORDS));
                out.push(' ');
            }
            out.push('"');
            if rng.below(2) == 0 {
                out.push_str(&format!("~{}", rng.below(200)));
            }
        }
        _ => {
            for _ in 0..1 + rng.below(8) {
                out.push(random_char(rng));
            }
        }
    }
}

fn random_query(rng: &mut Rng) -> String {
    let mut query = String::new();
    for _ in 0..1 + rng.below(6) {
        random_piece(rng, &mut query);
        if rng.below(3) != 0 {
            query.push(' ');
        }
    }
    query
}

#[test]
fn two_thousand_random_queries_crash_nothing() {
    let s = fixture();
    let case = Case::open(&s.case).unwrap();
    let mut rng = Rng(17);
    let queries: Vec<String> = (0..2000).map(|_| random_query(&mut rng)).collect();
    let (mut found, mut refused) = (0, 0);
    for query in &queries {
        match case.search(&SearchRequest::new(query.clone())) {
            Ok(_) => found += 1,
            Err(e) => {
                assert_eq!(e.code, ErrorCode::InvalidInput, "{query:?}: {}", e.message);
                refused += 1;
            }
        }
    }
    // The figure docs/benchmarks.md quotes (seen with `--nocapture`).
    println!("2000 random queries: {found} ran, {refused} refused with invalid_input");
    // The generator is not so hostile that nothing runs, nor so tame that nothing is refused.
    assert!(
        found > 200 && refused > 200,
        "{found} ran, {refused} refused"
    );

    // The same queries (newlines made spaces, one per line) through the CLI's batch mode, and
    // a handful as arguments.
    let mut file = Vec::new();
    for query in &queries {
        writeln!(file, "{}", query.replace(['\n', '\r'], " ")).unwrap();
    }
    for line in batch(&s, "random.txt", &file) {
        let ok = line["total"].is_u64() || line["error"]["code"] == "invalid_input";
        assert!(ok, "{line}");
    }
    for query in queries.iter().filter(|q| !q.contains('\0')).step_by(400) {
        let out = s.run(&["search", query, "--json"]);
        let code = out.status.code();
        assert!(
            code == Some(0) || code == Some(1),
            "{query:?}: {}",
            stderr(&out)
        );
        let value: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(
            value["total"].is_u64() || value["error"]["code"] == "invalid_input",
            "{value}"
        );
    }
}
