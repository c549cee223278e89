//! Measures how well a case keeps one entity per actor across documents, because the gold sets
//! the extractors were tuned on score one document at a time and hide the splits a real case
//! shows (issue 15, target 1).
//!
//! Run: `cargo run --release --example eval_entities -- PATH_TO_SHARED [--corpus N|--no-corpus]`
//!
//! - **MEANTIME cross-document B³.** Each topic of
//!   `eval/timex/meantime/intra_cross-doc_annotation` is imported into one fresh case, exactly
//!   as a person would import it. Our mentions are mapped to the gold PER and ORG
//!   `ENTITY_MENTION`s by span overlap (largest overlap, each gold mention used once), and B³
//!   precision, recall and F1 are computed over the mentions we find that match a gold one.
//! - **The news corpus.** `corpus/news-corpus.tar.gz` is unpacked to a temporary folder and
//!   imported with extraction (all of it, or the first N files with PolNeAR's political news
//!   first, so a 1,000-article slice holds the people the issue names). It prints the 50
//!   most-mentioned surnames with how many person entities carry each, the number of "Trump"
//!   entities, and the entity names that start with a word from [`STOP_WORDS`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::Case;
use rusqlite::Connection;

/// Words no entity name starts with: determiners, quantifiers, prepositions, conjunctions,
/// pronouns and the adjectives news writes before a name ("a senior Donald Trump"). A copy of
/// the recogniser's `NAME_STOP_WORDS`, kept here so that this program measures builds from
/// before that list existed the same way. "The" is left out: the press's own names start with
/// it ("The New York Times").
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "one",
    "two",
    "three",
    "some",
    "any",
    "every",
    "each",
    "all",
    "both",
    "many",
    "most",
    "several",
    "another",
    "other",
    "such",
    "of",
    "for",
    "to",
    "from",
    "by",
    "with",
    "at",
    "in",
    "on",
    "about",
    "after",
    "before",
    "against",
    "and",
    "or",
    "but",
    "nor",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "senior",
    "staunch",
    "former",
    "late",
    "then",
    "fellow",
    "rival",
    "top",
    "presumptive",
    "embattled",
    "outspoken",
    "said",
    "says",
    "when",
    "while",
    "if",
    "as",
    "also",
    "even",
    "only",
    "just",
    "meanwhile",
    "however",
    "so",
    "yet",
    "not",
    "no",
];

// ---------------------------------------------------------------------------------------------
// MEANTIME

struct Token {
    id: String,
    sentence: usize,
    text: String,
}

/// One gold mention: char span in our rendering of the document, and its cross-document
/// entity.
struct Gold {
    start: usize,
    end: usize,
    instance: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let at = tag.find(&key)? + key.len();
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The document as text (title and date lines, then the body), with each token's char span,
/// and its gold PER and ORG mentions.
fn read_meantime(xml: &str) -> (String, Vec<Gold>) {
    let mut tokens = Vec::new();
    for line in xml.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("<token ") {
            let Some(close) = rest.find('>') else {
                continue;
            };
            let tag = &rest[..close];
            let body = rest[close + 1..].trim_end_matches("</token>");
            tokens.push(Token {
                id: attr(tag, "t_id").unwrap_or_default(),
                sentence: attr(tag, "sentence")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0),
                text: unescape(body),
            });
        }
    }
    // Detokenised lightly so the recogniser sees prose: no space before closing punctuation
    // or a possessive, none after an opening bracket, and TeX quote marks as plain ones.
    let mut text = String::new();
    let mut spans: HashMap<String, (usize, usize)> = HashMap::new();
    let mut chars = 0usize;
    let mut previous: Option<&Token> = None;
    for t in &tokens {
        let word = match t.text.as_str() {
            "``" | "''" => "\"".to_string(),
            other => other.to_string(),
        };
        let sep = match previous {
            None => "",
            Some(p) if p.sentence != t.sentence && p.sentence <= 1 => "\n\n",
            Some(p) if p.text == "(" || p.text == "``" => "",
            Some(_)
                if matches!(
                    t.text.as_str(),
                    "," | "." | ";" | ":" | ")" | "?" | "!" | "'s" | "''" | "n't" | "%"
                ) =>
            {
                ""
            }
            Some(_) => " ",
        };
        text.push_str(sep);
        chars += sep.chars().count();
        let len = word.chars().count();
        spans.insert(t.id.clone(), (chars, chars + len));
        text.push_str(&word);
        chars += len;
        previous = Some(t);
    }

    // Mentions (m_id → token span), entities (m_id → type and instance), and the REFERS_TO
    // relations between them.
    let mut mention_spans: HashMap<String, (usize, usize)> = HashMap::new();
    let mut entity_of: HashMap<String, (String, String)> = HashMap::new();
    let mut refers: Vec<(Vec<String>, String)> = Vec::new();
    let mut current: Option<(String, Option<(usize, usize)>)> = None;
    let mut relation: Option<(Vec<String>, Option<String>)> = None;
    // Tags may share a line, so the file is read tag by tag.
    for piece in xml.split('<').skip(1) {
        let tag = piece.split('>').next().unwrap_or("");
        if tag.starts_with("ENTITY_MENTION ") {
            current = Some((attr(tag, "m_id").unwrap_or_default(), None));
        } else if tag.starts_with("/ENTITY_MENTION") {
            if let Some((m, Some(span))) = current.take() {
                mention_spans.insert(m, span);
            }
        } else if tag.starts_with("token_anchor ") {
            if let (Some((_, span)), Some(t)) = (current.as_mut(), attr(tag, "t_id")) {
                if let Some(&(s, e)) = spans.get(&t) {
                    *span = Some(match span {
                        Some((a, b)) => ((*a).min(s), (*b).max(e)),
                        None => (s, e),
                    });
                }
            }
        } else if tag.starts_with("ENTITY ") {
            if let (Some(m), Some(kind), Some(instance)) = (
                attr(tag, "m_id"),
                attr(tag, "ent_type"),
                attr(tag, "instance_id"),
            ) {
                entity_of.insert(m, (kind, instance));
            }
        } else if tag.starts_with("REFERS_TO") {
            relation = Some((Vec::new(), None));
        } else if tag.starts_with("/REFERS_TO") {
            if let Some((sources, Some(target))) = relation.take() {
                refers.push((sources, target));
            }
        } else if tag.starts_with("source ") {
            if let (Some((sources, _)), Some(m)) = (relation.as_mut(), attr(tag, "m_id")) {
                sources.push(m);
            }
        } else if tag.starts_with("target ") {
            if let (Some((_, target)), Some(m)) = (relation.as_mut(), attr(tag, "m_id")) {
                *target = Some(m);
            }
        }
    }
    let mut gold = Vec::new();
    for (sources, target) in refers {
        let Some((kind, instance)) = entity_of.get(&target) else {
            continue;
        };
        if kind != "PER" && kind != "ORG" {
            continue;
        }
        for m in sources {
            if let Some(&(start, end)) = mention_spans.get(&m) {
                gold.push(Gold {
                    start,
                    end,
                    instance: instance.clone(),
                });
            }
        }
    }
    (text, gold)
}

/// B³ over items that carry a predicted and a gold cluster label.
fn b_cubed(items: &[(i64, String)]) -> (f64, f64) {
    let mut pred: HashMap<i64, Vec<usize>> = HashMap::new();
    let mut gold: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (p, g)) in items.iter().enumerate() {
        pred.entry(*p).or_default().push(i);
        gold.entry(g.as_str()).or_default().push(i);
    }
    let (mut precision, mut recall) = (0.0, 0.0);
    for (p, g) in items {
        let in_pred = &pred[p];
        let in_gold = &gold[g.as_str()];
        let both = in_pred.iter().filter(|&&j| items[j].1 == *g).count() as f64;
        precision += both / in_pred.len() as f64;
        recall += both / in_gold.len() as f64;
    }
    let n = items.len().max(1) as f64;
    (precision / n, recall / n)
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Imports one topic into a fresh case and returns (our entity, gold instance) for every
/// matched mention, the gold mention count, and our mention count.
fn topic(folder: &Path) -> (Vec<(i64, String)>, usize, usize) {
    let work = tempfile::tempdir().expect("temporary folder");
    let docs = work.path().join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    let mut gold_by_file: HashMap<String, (String, Vec<Gold>)> = HashMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("topic folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        .collect();
    files.sort();
    for (i, path) in files.iter().enumerate() {
        let xml = std::fs::read_to_string(path).expect("readable xml");
        let (text, gold) = read_meantime(&xml);
        let name = format!("doc{i:03}.txt");
        std::fs::write(docs.join(&name), &text).unwrap();
        gold_by_file.insert(name, (text, gold));
    }
    let case_path = work.path().join("topic.dossier");
    let mut case = Case::create(&case_path).expect("case");
    case.import(std::slice::from_ref(&docs), &mut |_| true)
        .expect("import");
    drop(case);
    let conn = Connection::open(&case_path).expect("case opens");
    let mut items = Vec::new();
    let (mut gold_total, mut ours_total) = (0, 0);
    let mut stmt = conn
        .prepare(
            "SELECT d.id, d.source_path, c.text FROM documents d
             JOIN document_contents c ON c.document_id = d.id",
        )
        .or_else(|_| {
            conn.prepare(
                "SELECT d.id, d.title, c.text FROM documents d
                 JOIN document_contents c ON c.document_id = d.id",
            )
        })
        .expect("documents query");
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .filter_map(|r| r.ok())
        .collect();
    for (id, _, stored) in rows {
        // The stored text is our rendering, possibly with the title line taken off: find
        // which document it is and where our rendering starts in it.
        let Some((text, gold)) = gold_by_file.values().find(|(text, _)| {
            stored == *text || text.ends_with(stored.as_str()) || stored.contains(text.as_str())
        }) else {
            eprintln!("document {id}: stored text does not match any rendering; skipped");
            continue;
        };
        let shift: i64 = if let Some(at) = stored.find(text.as_str()) {
            stored[..at].chars().count() as i64
        } else {
            -((text.chars().count() - stored.chars().count()) as i64)
        };
        gold_total += gold.len();
        let mut m = conn
            .prepare("SELECT entity_id, start, end FROM mentions WHERE document_id = ?1")
            .unwrap();
        let ours: Vec<(i64, i64, i64)> = m
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .filter_map(|r| r.ok())
            .collect();
        ours_total += ours.len();
        let mut used = HashSet::new();
        for (entity, start, end) in ours {
            let (start, end) = ((start - shift) as usize, (end - shift) as usize);
            let best = gold
                .iter()
                .enumerate()
                .filter(|(i, _)| !used.contains(i))
                .map(|(i, g)| (i, end.min(g.end) as i64 - start.max(g.start) as i64))
                .filter(|&(_, overlap)| overlap > 0)
                .max_by_key(|&(_, overlap)| overlap);
            if let Some((i, _)) = best {
                used.insert(i);
                items.push((entity, gold[i].instance.clone()));
            }
        }
    }
    // With EVAL_ENTITIES_DEBUG set, the gold entities we split, with our entities' names.
    if std::env::var_os("EVAL_ENTITIES_DEBUG").is_some() {
        let mut by_gold: HashMap<&str, BTreeMap<i64, usize>> = HashMap::new();
        for (ours, gold) in &items {
            *by_gold
                .entry(gold.as_str())
                .or_default()
                .entry(*ours)
                .or_default() += 1;
        }
        for (gold, ours) in by_gold.iter().filter(|(_, o)| o.len() > 1) {
            let names: Vec<String> = ours
                .iter()
                .map(|(id, n)| {
                    let name: String = conn
                        .query_row("SELECT name FROM entities WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })
                        .unwrap_or_default();
                    format!("{name} ×{n}")
                })
                .collect();
            eprintln!("split {gold}: {}", names.join(" | "));
        }
    }
    (items, gold_total, ours_total)
}

fn meantime(shared: &Path) {
    let root = shared.join("eval/timex/meantime/intra_cross-doc_annotation");
    let mut topics: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("MEANTIME cross-document folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    topics.sort();
    println!("MEANTIME cross-document entities (PER and ORG), B³ over matched mentions");
    println!("| topic | gold mentions | our mentions | matched | P | R | F1 |");
    println!("|---|---|---|---|---|---|---|");
    let (mut all_p, mut all_r, mut all_n) = (0.0, 0.0, 0usize);
    for t in topics {
        let (items, gold, ours) = topic(&t);
        let (p, r) = b_cubed(&items);
        let n = items.len();
        println!(
            "| {} | {gold} | {ours} | {n} | {p:.3} | {r:.3} | {:.3} |",
            t.file_name().unwrap().to_string_lossy(),
            f1(p, r)
        );
        all_p += p * n as f64;
        all_r += r * n as f64;
        all_n += n;
    }
    let (p, r) = (all_p / all_n as f64, all_r / all_n as f64);
    println!(
        "| all (mention-weighted) | | | {all_n} | {p:.3} | {r:.3} | **{:.3}** |",
        f1(p, r)
    );
}

// ---------------------------------------------------------------------------------------------
// The news corpus

fn corpus(shared: &Path, limit: Option<usize>) {
    let work = tempfile::tempdir().expect("temporary folder");
    let archive = shared.join("corpus/news-corpus.tar.gz");
    let file = std::fs::File::open(&archive).expect("corpus archive");
    tar::Archive::new(flate2::read::GzDecoder::new(file))
        .unpack(work.path())
        .expect("corpus unpacks");
    let root = work.path().join("news-corpus");
    // PolNeAR first: its political news names the people the issue counts.
    let mut files = Vec::new();
    for source in ["polnear", "casie", "bbc", "reuters21578"] {
        let mut these: Vec<PathBuf> = std::fs::read_dir(root.join(source))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        these.sort();
        files.extend(these);
    }
    if let Some(n) = limit {
        files.truncate(n);
    }
    let slice = work.path().join("slice");
    std::fs::create_dir_all(&slice).unwrap();
    for (i, f) in files.iter().enumerate() {
        std::fs::rename(f, slice.join(format!("{i:05}.txt"))).unwrap();
    }
    let case_path = work.path().join("corpus.dossier");
    let mut case = Case::create(&case_path).expect("case");
    let started = Instant::now();
    case.import(&[slice], &mut |_| true).expect("import");
    println!(
        "\nNews corpus: {} articles imported with extraction in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );
    drop(case);
    let conn = Connection::open(&case_path).expect("case opens");
    let count = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
    println!(
        "entities: {} ({} people), mentions: {}",
        count("SELECT count(*) FROM entities"),
        count("SELECT count(*) FROM entities WHERE kind = 'person'"),
        count("SELECT count(*) FROM mentions")
    );
    println!(
        "entities named exactly \"Trump\": {}; person entities whose surname is Trump: {}; \
         \"Sanders\": {}",
        count("SELECT count(*) FROM entities WHERE name = 'Trump'"),
        count("SELECT count(*) FROM entities WHERE kind = 'person' AND surname_key = 'trump'"),
        count("SELECT count(*) FROM entities WHERE kind = 'person' AND surname_key = 'sanders'"),
    );

    // Every entity with its kind and mentions, sorted, so two builds' lists can be diffed.
    if let Some(dump) = std::env::var_os("EVAL_ENTITIES_DUMP") {
        let mut stmt = conn
            .prepare(
                "SELECT e.kind, e.name, count(m.id) FROM entities e \
                 LEFT JOIN mentions m ON m.entity_id = e.id GROUP BY e.id ORDER BY e.kind, e.name",
            )
            .expect("dump query");
        let rows: Vec<String> = stmt
            .query_map([], |r| {
                Ok(format!(
                    "{}\t{}\t{}",
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, i64>(2)?
                ))
            })
            .unwrap()
            .filter_map(|r| r.ok())
            .collect();
        std::fs::write(&dump, rows.join("\n") + "\n").expect("dump written");
        println!(
            "entity list written to {}",
            std::path::Path::new(&dump).display()
        );
    }

    let mut stmt = conn
        .prepare("SELECT name FROM entities")
        .expect("entities query");
    let names: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .filter_map(|r| r.ok())
        .collect();
    let mut stopped: BTreeMap<String, usize> = BTreeMap::new();
    let mut examples = Vec::new();
    for name in &names {
        let first = name.split_whitespace().next().unwrap_or("");
        // An initial ("A. Philip Randolph Institute") is not the article.
        if first.chars().count() == 2 && first.ends_with('.') {
            continue;
        }
        let first = first.trim_end_matches('.').to_lowercase();
        // A one-word name that is itself a stop word ("The") counts too.
        if STOP_WORDS.contains(&first.as_str()) {
            *stopped.entry(first).or_default() += 1;
            if examples.len() < 15 {
                examples.push(name.clone());
            }
        }
    }
    println!(
        "entity names starting with a stop-list word: {} {:?}",
        stopped.values().sum::<usize>(),
        stopped.iter().take(20).collect::<Vec<_>>()
    );
    println!("  e.g. {examples:?}");

    let mut stmt = conn
        .prepare(
            "SELECT e.surname_key, count(DISTINCT e.id), count(m.id) FROM entities e
             JOIN mentions m ON m.entity_id = e.id
             WHERE e.kind = 'person' AND e.surname_key IS NOT NULL
             GROUP BY e.surname_key ORDER BY count(m.id) DESC LIMIT 50",
        )
        .unwrap();
    let rows: Vec<(String, i64, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .filter_map(|r| r.ok())
        .collect();
    let over = rows.iter().filter(|r| r.1 > 3).count();
    println!("\n50 most-mentioned surnames: {over} resolve to more than 3 entities");
    println!(
        "(named in full: entities with a first name; same first name: entities whose first \
         name another entity of that surname also has, the splits the target is about)"
    );
    println!(
        "| surname | mentions | entities | named in full | surname alone | same first name | \
         the most-mentioned four (mentions) |"
    );
    println!("|---|---|---|---|---|---|---|");
    let (mut all_full, mut all_same) = (0usize, 0usize);
    for (surname, entities, mentions) in rows {
        let mut all_names = conn
            .prepare(
                "SELECT DISTINCT e.name FROM entities e JOIN mentions m ON m.entity_id = e.id
                 WHERE e.kind = 'person' AND e.surname_key = ?1",
            )
            .unwrap();
        let every: Vec<String> = all_names
            .query_map([&surname], |r| r.get(0))
            .unwrap()
            .filter_map(|r| r.ok())
            .collect();
        let firsts: Vec<String> = every
            .iter()
            .filter(|n| n.split_whitespace().count() > 1)
            .map(|n| {
                n.split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_end_matches('.')
                    .to_lowercase()
            })
            .collect();
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for first in &firsts {
            *seen.entry(first.as_str()).or_default() += 1;
        }
        let same: usize = seen.values().filter(|&&n| n > 1).sum();
        let full = firsts.len();
        all_full += full;
        all_same += same;
        let mut names = conn
            .prepare(
                "SELECT e.name || ' (' || count(m.id) || ')' FROM entities e
                 LEFT JOIN mentions m ON m.entity_id = e.id
                 WHERE e.kind = 'person' AND e.surname_key = ?1
                 GROUP BY e.id ORDER BY count(m.id) DESC, e.id LIMIT 4",
            )
            .unwrap();
        let some: Vec<String> = names
            .query_map([&surname], |r| r.get(0))
            .unwrap()
            .filter_map(|r| r.ok())
            .collect();
        println!(
            "| {surname} | {mentions} | {entities} | {full} | {} | {same} | {} |",
            every.len() - full,
            some.join("; ")
        );
    }
    println!(
        "same first name twice within a surname: {all_same} of {all_full} entities named in full"
    );
}

fn main() {
    let mut args = std::env::args().skip(1);
    let shared = PathBuf::from(args.next().unwrap_or_else(|| {
        eprintln!("usage: eval_entities PATH_TO_SHARED [--corpus N|--no-corpus]");
        std::process::exit(2);
    }));
    let rest: Vec<String> = args.collect();
    meantime(&shared);
    if rest.iter().any(|a| a == "--no-corpus") {
        return;
    }
    let limit = rest
        .iter()
        .position(|a| a == "--corpus")
        .and_then(|i| rest.get(i + 1))
        .and_then(|n| n.parse().ok());
    corpus(&shared, limit);
}
