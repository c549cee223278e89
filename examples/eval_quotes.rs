//! Scores `dossier::quotes::extract` on a PolNeAR-style split (brat standoff).
//!
//! Usage: `cargo run --release --example eval_quotes -- <split dir> [samples]`
//! where the split dir holds `text/*.txt` and `attributions/*.ann`. Gold
//! direct quotes are attributions whose Content starts with a double quote
//! mark; brat offsets are in chars. Articles with several annotators' files
//! use the first file in name order.

use dossier::quotes::{extract, QuoteKind};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::Instant;

struct Gold {
    frags: Vec<(usize, usize)>,
    source: Option<Vec<(usize, usize)>>,
}

fn parse_frags(s: &str) -> Option<Vec<(usize, usize)>> {
    s.split(';')
        .map(|p| {
            let mut it = p.split_whitespace();
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
        })
        .collect()
}

fn load_gold(ann: &str, chars: &[char]) -> Vec<Gold> {
    let mut spans: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    let mut events = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            if let Some((_, offs)) = body.split_once(' ') {
                if let Some(f) = parse_frags(offs) {
                    spans.insert(id, f);
                }
            }
        } else if id.starts_with('E') {
            events.push(body);
        }
    }
    let mut out = Vec::new();
    for e in events {
        let roles: HashMap<&str, &str> = e
            .split_whitespace()
            .filter_map(|r| r.split_once(':'))
            .collect();
        let Some(content) = roles.get("Content").and_then(|t| spans.get(t)) else {
            continue;
        };
        let first = content[0].0;
        if !matches!(chars.get(first), Some('"') | Some('“')) {
            continue;
        }
        let mut frags = content.clone();
        if let Some(c2) = roles.get("Content2").and_then(|t| spans.get(t)) {
            frags.extend(c2);
        }
        let source = roles.get("Source").and_then(|t| spans.get(t)).cloned();
        out.push(Gold { frags, source });
    }
    out
}

fn overlap(a: &[(usize, usize)], b: &[(usize, usize)]) -> usize {
    let mut n = 0;
    for &(s1, e1) in a {
        for &(s2, e2) in b {
            n += e1.min(e2).saturating_sub(s1.max(s2));
        }
    }
    n
}

fn snippet(chars: &[char], s: usize, e: usize) -> String {
    let e = e.max(s).min(chars.len());
    let s = s.min(e);
    let s0 = s.saturating_sub(60);
    let e0 = (e + 60).min(chars.len());
    let mut out: String = chars[s0..s].iter().collect();
    out.push_str("[[");
    out.extend(&chars[s..e.min(s + 160)]);
    if e > s + 160 {
        out.push('…');
    }
    out.push_str("]]");
    out.extend(&chars[e..e0]);
    out.replace('\n', "⏎")
}

/// Why a predicted direct quote that matches no gold one might be there: a title or a name
/// ("Game of Thrones", "Make America Great Again"), a fragment within a sentence that an
/// annotator would read as part of an indirect attribution, or a stretch of speech the
/// annotators did not mark (gold sets are not exhaustive).
fn fp_category(chars: &[char], start: usize, end: usize) -> &'static str {
    let text: String = chars[start..end].iter().collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an" | "the" | "of" | "and" | "or" | "in" | "on" | "to" | "for" | "is" | "at"
        )
    };
    let title = words.len() <= 6
        && words
            .iter()
            .all(|w| small(w) || !w.starts_with(char::is_lowercase));
    // The sentence goes on before the opening mark: `saying "…"`, `In this election, "…"`.
    let before = chars[..start]
        .iter()
        .rev()
        .find(|c| !c.is_whitespace() && !matches!(c, '"' | '“' | '”'));
    let initial = before.is_none_or(|c| matches!(c, '.' | '?' | '!' | ':' | '\n'));
    if title {
        "title or name"
    } else if !initial {
        "fragment within a sentence"
    } else {
        "speech not in the gold"
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: eval_quotes <split dir> [samples]");
        std::process::exit(2);
    };
    let samples: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(8);
    let dir = Path::new(dir);
    let mut anns: BTreeMap<String, String> = BTreeMap::new();
    let mut entries: Vec<_> = std::fs::read_dir(dir.join("attributions"))
        .expect("attributions dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    entries.sort();
    for name in entries {
        let stem = name.trim_end_matches(".ann");
        let article = match stem.rsplit_once('_') {
            Some((a, _)) if dir.join("text").join(format!("{a}.txt")).exists() => a.to_string(),
            _ => stem.to_string(),
        };
        anns.entry(article).or_insert(name);
    }
    let (mut n_gold, mut n_pred, mut n_match, mut sp_total, mut sp_ok) = (0, 0, 0, 0, 0);
    let (mut bytes, mut secs) = (0usize, 0f64);
    let (mut misses, mut fps, mut wrong) = (Vec::new(), Vec::new(), Vec::new());
    let mut fp_categories: BTreeMap<&str, usize> = BTreeMap::new();
    // The same categories for the predictions that match, to weigh a rule against what it costs.
    let mut tp_categories: BTreeMap<&str, usize> = BTreeMap::new();
    let mut miss_categories: BTreeMap<&str, usize> = BTreeMap::new();
    let mut speaker_categories: BTreeMap<&str, usize> = BTreeMap::new();
    for (article, ann_name) in &anns {
        let Ok(text) = std::fs::read_to_string(dir.join("text").join(format!("{article}.txt")))
        else {
            continue;
        };
        let ann =
            std::fs::read_to_string(dir.join("attributions").join(ann_name)).unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let gold = load_gold(&ann, &chars);
        let t = Instant::now();
        let quotes = extract(&text);
        secs += t.elapsed().as_secs_f64();
        bytes += text.len();
        let preds: Vec<_> = quotes
            .iter()
            .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Mixed))
            .collect();
        n_gold += gold.len();
        n_pred += preds.len();
        let mut used = vec![false; preds.len()];
        for g in &gold {
            let glen: usize = g.frags.iter().map(|f| f.1 - f.0).sum();
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, _)| !used[*i])
                .map(|(i, p)| {
                    let ps: Vec<_> = p.spans.iter().map(|s| (s.start, s.end)).collect();
                    (i, overlap(&ps, &g.frags))
                })
                .max_by_key(|x| x.1);
            match best {
                Some((i, ov)) if ov * 2 >= glen => {
                    used[i] = true;
                    n_match += 1;
                    if let Some(src) = &g.source {
                        sp_total += 1;
                        let ok = preds[i]
                            .speaker
                            .as_ref()
                            .is_some_and(|s| overlap(&[(s.start, s.end)], src) > 0);
                        if ok {
                            sp_ok += 1;
                        } else {
                            let category = if preds[i].speaker.is_none() {
                                "no speaker"
                            } else {
                                "another mention"
                            };
                            *speaker_categories.entry(category).or_default() += 1;
                            let gs: String = chars[src[0].0..src[src.len() - 1].1].iter().collect();
                            let got = preds[i].speaker.as_ref().map(|s| {
                                let m: String = chars[s.start..s.end].iter().collect();
                                format!("{m} → {}", s.name)
                            });
                            wrong.push(format!(
                                "{article}: gold {gs:?} got {got:?}\n    {}",
                                snippet(&chars, g.frags[0].0, g.frags[g.frags.len() - 1].1)
                            ));
                        }
                    }
                }
                _ => {
                    // Whether the extractor saw the stretch at all, as another kind.
                    let seen = quotes.iter().find(|q| {
                        let qs: Vec<_> = q.spans.iter().map(|s| (s.start, s.end)).collect();
                        overlap(&qs, &g.frags) * 2 >= glen
                    });
                    let category = match seen.map(|q| q.kind) {
                        Some(QuoteKind::Scare) => "found as scare",
                        Some(_) => "found as indirect",
                        None => "not found",
                    };
                    *miss_categories.entry(category).or_default() += 1;
                    misses.push(format!(
                        "{article} [{category}]: {}",
                        snippet(&chars, g.frags[0].0, g.frags[g.frags.len() - 1].1)
                    ))
                }
            }
        }
        for (i, p) in preds.iter().enumerate() {
            if used[i] {
                *tp_categories
                    .entry(fp_category(&chars, p.start, p.end))
                    .or_default() += 1;
            } else {
                let category = fp_category(&chars, p.start, p.end);
                *fp_categories.entry(category).or_default() += 1;
                fps.push(format!(
                    "{article} [{category}]: {}",
                    snippet(&chars, p.start, p.end)
                ));
            }
        }
    }
    let p = n_match as f64 / n_pred.max(1) as f64;
    let r = n_match as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let show = |title: &str, v: &[String]| {
        println!("\n== {title} ({}), first {samples} ==", v.len());
        let step = (v.len() / samples.max(1)).max(1);
        for s in v.iter().step_by(step).take(samples) {
            println!("  {s}");
        }
    };
    show("misses", &misses);
    show("false positives", &fps);
    show("wrong speakers", &wrong);
    for (title, categories) in [
        ("false positives", &fp_categories),
        ("(matched predictions", &tp_categories),
        ("misses", &miss_categories),
        ("wrong speakers", &speaker_categories),
    ] {
        let list: Vec<String> = categories.iter().map(|(c, n)| format!("{c} {n}")).collect();
        println!("{title} by category: {}", list.join(", "));
    }
    println!(
        "\narticles {}  gold direct {n_gold}  predicted {n_pred}  matched {n_match}",
        anns.len()
    );
    println!("precision {p:.3}  recall {r:.3}  F1 {f1:.3}");
    println!(
        "speaker accuracy {:.3} ({sp_ok}/{sp_total})",
        sp_ok as f64 / sp_total.max(1) as f64
    );
    println!(
        "throughput {:.1} MB/s ({bytes} bytes in {secs:.3} s)",
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}
