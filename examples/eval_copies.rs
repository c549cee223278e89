//! Evaluation of near-duplicate grouping (issue 21): the news corpus plus generated altered
//! copies of some of its articles, imported into a fresh case and grouped as an import groups
//! them; prints pairwise precision and recall of "these two documents are copies", recall by
//! kind of alteration, and the group sizes.
//!
//! Run: `cargo run --release --example eval_copies -- ../shared/corpus/news-corpus.tar.gz
//! [ORIGINALS]` (default 1,000 originals, five copies each).
//!
//! Each sampled article (at least 60 words) gets five copies, written as another outlet's
//! record with a new id and URL: `trimmed` (its last 10–40% of sentences cut), `reordered`
//! (its sentences laid out as paragraphs of three, in another order), `headline` (a new
//! title), `word` (one word changed inside a quotation, else anywhere), and `all` (trimmed by
//! a quarter, reordered, retitled and one word changed). The truth is the families (an
//! original and its copies). The corpus also holds its own near-duplicates (Reuters repeats a
//! story under new ids), which no truth lists: a grouped pair of corpus articles counts
//! against precision in the strict figure, and is also shown checked by its exact shingle
//! similarity, so the figure for genuine copies in the corpus is known too.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::copies::{exact_similarity, THRESHOLD};
use dossier::Case;

/// A small deterministic generator (xorshift64*), so a run is repeatable without a crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One record of the corpus: its fields and its content.
struct Record {
    fields: Vec<(String, String)>,
    content: String,
}

fn parse(text: &str) -> Option<Record> {
    let (head, content) = text.split_once("\nCONTENT:")?;
    let fields = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Some(Record {
        fields,
        content: content.trim().to_string(),
    })
}

fn field<'a>(r: &'a Record, name: &str) -> &'a str {
    r.fields
        .iter()
        .find(|(k, _)| k == name)
        .map_or("", |(_, v)| v.as_str())
}

fn write(r: &Record, title: &str, id: &str, content: &str) -> String {
    format!(
        "URL:https://copy.example/{id}\nTITLE:{title}\nMETA-KEYWORDS:{}\nDATE:{}\nDOC ID:{id}\nCONTENT:{content}\n",
        field(r, "META-KEYWORDS"),
        field(r, "DATE"),
    )
}

/// Sentences: cut after `.`, `!` or `?` followed by a space and a capital or a quote mark.
fn sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        if matches!(chars[i], '.' | '!' | '?')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“'))
        {
            out.push(chars[start..=i].iter().collect::<String>());
            start = i + 2;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect::<String>());
    }
    out
}

fn paragraphs(sentences: &[String]) -> Vec<String> {
    sentences.chunks(3).map(|c| c.join(" ")).collect()
}

fn trim(s: &[String], keep: f64) -> Vec<String> {
    let n = ((s.len() as f64 * keep).ceil() as usize).clamp(1, s.len());
    s[..n].to_vec()
}

fn reorder(s: &[String], rng: &mut Rng) -> String {
    let mut p = paragraphs(s);
    for i in (1..p.len()).rev() {
        p.swap(i, rng.below(i + 1));
    }
    p.join("\n\n")
}

/// Changes one word: inside the first quotation when there is one, else a word in the middle.
fn change_word(text: &str, rng: &mut Rng) -> String {
    let open = text.char_indices().find(|(_, c)| matches!(c, '"' | '“'));
    let range = open
        .and_then(|(o, mark)| {
            let inside = o + mark.len_utf8();
            text[inside..]
                .find(['"', '”'])
                .map(|c| (inside, inside + c))
        })
        .filter(|(a, b)| text[*a..*b].split_whitespace().count() >= 3)
        .unwrap_or_else(|| {
            // The middle third, moved onto char boundaries.
            let at = |mut i: usize| {
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                i
            };
            (at(text.len() / 3), at(text.len() * 2 / 3))
        });
    let words: Vec<(usize, &str)> = text[range.0..range.1]
        .split(' ')
        .scan(range.0, |at, w| {
            let here = *at;
            *at += w.len() + 1;
            Some((here, w))
        })
        .filter(|(_, w)| w.len() >= 4 && w.chars().all(char::is_alphabetic))
        .collect();
    if words.is_empty() {
        return format!("{text} Updated.");
    }
    let (at, word) = words[rng.below(words.len())];
    let replacement = ["never", "always", "twelve", "denied", "rejected", "million"][rng.below(6)];
    format!("{}{}{}", &text[..at], replacement, &text[at + word.len()..])
}

fn unpack(archive: &Path, into: &Path) {
    let file = std::fs::File::open(archive).expect("corpus opens");
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(into)
        .expect("corpus unpacks");
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("folder reads")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

const KINDS: [&str; 5] = ["trimmed", "reordered", "headline", "word", "all"];

fn main() {
    let source = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| {
        eprintln!("usage: eval_copies CORPUS.tar.gz|FOLDER [ORIGINALS]");
        std::process::exit(2);
    }));
    let wanted: usize = std::env::args()
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    let work = tempfile::tempdir().expect("temporary folder");
    let corpus = if source.is_dir() {
        source.clone()
    } else {
        unpack(&source, work.path());
        work.path().to_path_buf()
    };
    let mut all = Vec::new();
    files(&corpus, &mut all);
    // Sample originals evenly from the articles long enough to be worth copying.
    let mut rng = Rng(0x000d_0551_e4c0_f1e5);
    let mut eligible: Vec<(PathBuf, Record)> = Vec::new();
    for path in &all {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if let Some(r) = parse(&text) {
            if r.content.split_whitespace().count() >= 60 && r.content.lines().count() == 1 {
                eligible.push((path.clone(), r));
            }
        }
    }
    let step = (eligible.len() / wanted.max(1)).max(1);
    let copies_dir = work.path().join("generated-copies");
    std::fs::create_dir_all(&copies_dir).unwrap();
    // Family of each file: an original's path, and of each copy which kind it is.
    let mut family: HashMap<PathBuf, (PathBuf, &str)> = HashMap::new();
    let mut originals = 0;
    for (path, r) in eligible.iter().step_by(step).take(wanted) {
        originals += 1;
        let s = sentences(&r.content);
        let title = field(r, "TITLE");
        let id = field(r, "DOC ID");
        for kind in KINDS {
            let (new_title, content) = match kind {
                "trimmed" => (
                    title.to_string(),
                    trim(&s, 0.6 + 0.3 * (rng.below(100) as f64 / 100.0)).join(" "),
                ),
                "reordered" => (title.to_string(), reorder(&s, &mut rng)),
                "headline" => (
                    format!("Exclusive: {}", title.to_lowercase()),
                    r.content.clone(),
                ),
                "word" => (title.to_string(), change_word(&r.content, &mut rng)),
                _ => {
                    let trimmed = trim(&s, 0.75);
                    let text = reorder(&trimmed, &mut rng);
                    (format!("Update: {title}"), change_word(&text, &mut rng))
                }
            };
            let name = format!("{originals:05}-{kind}.txt");
            let copy = copies_dir.join(&name);
            std::fs::write(
                &copy,
                write(r, &new_title, &format!("{kind}-of-{id}"), &content),
            )
            .unwrap();
            family.insert(copy, (path.clone(), kind));
        }
    }
    println!(
        "{} corpus files, {} eligible originals, {originals} sampled, {} copies generated",
        all.len(),
        eligible.len(),
        family.len()
    );

    let case_dir = tempfile::tempdir().unwrap();
    let case_path = case_dir.path().join("eval.dossier");
    let mut case = Case::create(&case_path).unwrap();
    let started = Instant::now();
    let report = case
        .import_with(&[corpus.clone(), copies_dir.clone()], false, &mut |_| true)
        .expect("import runs");
    let import_secs = started.elapsed().as_secs_f64();
    let started = Instant::now();
    let grouped = case.group_copies().expect("grouping runs");
    let group_secs = started.elapsed().as_secs_f64();
    println!(
        "imported {} documents ({} duplicates, {} failed) in {import_secs:.1} s; grouped in {group_secs:.2} s: {} signed, {} joined a group",
        report.imported,
        report.duplicates,
        report.failed.len(),
        grouped.documents,
        grouped.grouped
    );

    // Every document's file, then its family: a copy's original, or the file itself.
    let docs = case.documents().unwrap();
    let mut path_of: HashMap<i64, PathBuf> = HashMap::new();
    for d in &docs {
        let doc = case.document(d.id).unwrap();
        if let Some(p) = doc.original_path {
            path_of.insert(d.id, PathBuf::from(p));
        }
    }
    let id_of: HashMap<&PathBuf, i64> = path_of.iter().map(|(id, p)| (p, *id)).collect();
    let family_of = |id: i64| -> PathBuf {
        let p = &path_of[&id];
        family.get(p).map_or_else(|| p.clone(), |(o, _)| o.clone())
    };
    let index = case.copy_index().unwrap();
    let mut groups: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (id, c) in &index {
        groups.entry(c.group).or_default().push(*id);
    }
    // Predicted pairs: within a group. Correct when in one family; a pair of corpus articles
    // is checked by its exact similarity.
    let (mut predicted, mut correct, mut corpus_pairs, mut corpus_genuine) =
        (0u64, 0u64, 0u64, 0u64);
    let (mut cross_pairs, mut cross_genuine) = (0u64, 0u64);
    let mut wrong_examples = Vec::new();
    for members in groups.values() {
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                predicted += 1;
                let generated =
                    family.contains_key(&path_of[&a]) || family.contains_key(&path_of[&b]);
                if family_of(a) == family_of(b) && generated {
                    correct += 1;
                } else if !generated {
                    corpus_pairs += 1;
                    let ta = case.document(a).unwrap().text;
                    let tb = case.document(b).unwrap().text;
                    if exact_similarity(&ta, &tb) >= THRESHOLD {
                        corpus_genuine += 1;
                    } else if wrong_examples.len() < 8 {
                        wrong_examples.push((a, b, exact_similarity(&ta, &tb)));
                    }
                } else {
                    // A copy grouped with an article of another family: right when that
                    // article is itself a near-duplicate of the copy's original (the BBC set
                    // has such pairs), which the exact similarity tells.
                    cross_pairs += 1;
                    let ta = case.document(a).unwrap().text;
                    let tb = case.document(b).unwrap().text;
                    let s = exact_similarity(&ta, &tb);
                    if s >= THRESHOLD {
                        cross_genuine += 1;
                    } else if wrong_examples.len() < 8 {
                        wrong_examples.push((a, b, s));
                    }
                }
            }
        }
    }
    // True pairs: within each generated family (the original and its five copies).
    let mut by_family: HashMap<PathBuf, Vec<i64>> = HashMap::new();
    for (copy, (original, _)) in &family {
        if let Some(&id) = id_of.get(copy) {
            by_family.entry(original.clone()).or_default().push(id);
        }
    }
    let mut truth = 0u64;
    let mut found = 0u64;
    let mut by_kind: BTreeMap<&str, (u64, u64)> = BTreeMap::new();
    for (original, copies) in &by_family {
        let Some(&orig) = id_of.get(original) else {
            continue;
        };
        let mut members = copies.clone();
        members.push(orig);
        let group = |id: i64| index.get(&id).map(|c| c.group);
        for (i, &a) in members.iter().enumerate() {
            for &b in &members[i + 1..] {
                truth += 1;
                if group(a).is_some() && group(a) == group(b) {
                    found += 1;
                }
            }
        }
        for &c in copies {
            let kind = family[&path_of[&c]].1;
            let entry = by_kind.entry(kind).or_default();
            entry.0 += 1;
            if group(c).is_some() && group(c) == group(orig) {
                entry.1 += 1;
            }
        }
    }
    let strict_precision = correct as f64 / predicted.max(1) as f64;
    let precision = (correct + corpus_genuine + cross_genuine) as f64 / predicted.max(1) as f64;
    let recall = found as f64 / truth.max(1) as f64;
    println!("threshold {THRESHOLD}");
    println!("pairs predicted {predicted}, of generated families {correct}, corpus-internal {corpus_pairs} (exact similarity ≥ threshold: {corpus_genuine})");
    println!("pairs of a copy and another family's article {cross_pairs} (exact similarity ≥ threshold: {cross_genuine})");
    println!("precision (pairs outside a family checked by exact similarity) {precision:.4}");
    println!("precision (strict: every corpus-internal pair wrong)  {strict_precision:.4}");
    println!("recall (pairs within the generated families)          {recall:.4}");
    for (kind, (n, hit)) in &by_kind {
        println!(
            "  copy joined its original, {kind:<9} {hit}/{n} = {:.4}",
            *hit as f64 / (*n).max(1) as f64
        );
    }
    let mut sizes: BTreeMap<usize, usize> = BTreeMap::new();
    for members in groups.values() {
        *sizes.entry(members.len()).or_default() += 1;
    }
    println!("groups by size: {sizes:?}");
    for (a, b, s) in wrong_examples {
        println!(
            "  wrong pair {a} / {b} (exact {s:.2}): {} | {}",
            path_of[&a].display(),
            path_of[&b].display()
        );
    }
}
