//! Evaluates `dossier::timex::extract` against TimeML-style gold data.
//!
//! Usage: `cargo run --release --example eval_timex -- /path/to/eval/timex`
//! where the folder holds `tbaq/` (TimeBank + AQUAINT), `meantime/` and
//! `duckling/Time_EN_Corpus.hs`. Scoring follows TempEval-3: relaxed span
//! match (any overlap, each gold matched at most once), span P/R/F1, and
//! value accuracy among matched expressions.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{Datelike, NaiveDate};
use dossier::timex::{extract, Timex};

/// A gold expression: char span in the document text, surface and value.
struct Gold {
    start: usize,
    end: usize,
    text: String,
    value: String,
    /// The TIMEX3 `type` (DATE, TIME, DURATION, SET).
    kind: String,
}

/// One evaluation document.
struct Doc {
    text: String,
    dct: Option<NaiveDate>,
    gold: Vec<Gold>,
    /// A char span whose predictions are ignored because gold excludes it
    /// (MEANTIME's creation-time line).
    excluded: Option<(usize, usize)>,
}

fn main() {
    let root = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: eval_timex <eval/timex dir>"),
    );
    let mut tbaq = Vec::new();
    for sub in ["TimeBank", "AQUAINT"] {
        for p in files(&root.join("tbaq").join(sub), "tml") {
            tbaq.push(load_tml(&p));
        }
    }
    report("TBAQ", &tbaq);
    let mut mt = Vec::new();
    for p in files(&root.join("meantime").join("intra-doc_annotation"), "xml") {
        if let Some(d) = load_meantime(&p) {
            mt.push(d);
        }
    }
    report("MEANTIME", &mt);
    duckling(&root.join("duckling").join("Time_EN_Corpus.hs"));
}

/// All files with extension `ext` below `dir`, sorted for stable output.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == ext) {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let s = tag.find(&key)? + key.len();
    let e = tag[s..].find('"')? + s;
    Some(tag[s..e].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn date_of(v: &str) -> Option<NaiveDate> {
    let head = v.get(..10)?;
    // One MEANTIME creation time is written day-first ("03-02-2009").
    NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(head, "%d-%m-%Y"))
        .ok()
}

/// Loads a TimeML file: the body is the content of `<TEXT>` with tags
/// stripped (the DCT, title and extra info are not annotated, so they are
/// not part of the scored text); the reference date is the DCT's value.
fn load_tml(p: &Path) -> Doc {
    let raw = std::fs::read_to_string(p).expect("read tml");
    let dct = raw
        .find("<DCT>")
        .and_then(|i| attr(&raw[i..], "value"))
        .and_then(|v| date_of(&v));
    let body_s = raw.find("<TEXT>").map_or(0, |i| i + 6);
    let body_e = raw.find("</TEXT>").unwrap_or(raw.len());
    let body = &raw[body_s..body_e];
    let mut text = String::new();
    let mut nchars = 0usize;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    let mut rest = body;
    while let Some(lt) = rest.find('<') {
        let chunk = unescape(&rest[..lt]);
        nchars += chunk.chars().count();
        text.push_str(&chunk);
        let gt = rest[lt..].find('>').map_or(rest.len(), |g| lt + g + 1);
        let tag = &rest[lt..gt];
        if tag.starts_with("<TIMEX3") {
            open = Some((
                nchars,
                attr(tag, "value").unwrap_or_default(),
                attr(tag, "type").unwrap_or_default(),
            ));
        } else if tag.starts_with("</TIMEX3") {
            if let Some((s, value, kind)) = open.take() {
                let t: String = text.chars().skip(s).collect();
                gold.push(Gold {
                    start: s,
                    end: nchars,
                    text: t,
                    value,
                    kind,
                });
            }
        }
        rest = &rest[gt..];
    }
    text.push_str(&unescape(rest));
    Doc {
        text,
        dct,
        gold,
        excluded: None,
    }
}

/// Loads a MEANTIME NAF-style file: tokens joined by spaces (sentences by
/// newlines); TIMEX3 anchored to tokens give the gold spans. The creation
/// time TIMEX3 supplies the reference date and, as in TempEval, is not
/// scored; predictions overlapping it are ignored.
fn load_meantime(p: &Path) -> Option<Doc> {
    let raw = std::fs::read_to_string(p).ok()?;
    let mut text = String::new();
    let mut n = 0usize;
    let mut tok_span: HashMap<String, (usize, usize)> = HashMap::new();
    let mut last_sent = String::new();
    let mut pos = 0;
    while let Some(i) = raw[pos..].find("<token ") {
        let s = pos + i;
        let gt = raw[s..].find('>')? + s;
        let end = raw[gt..].find("</token>")? + gt;
        let tag = &raw[s..gt];
        let word = unescape(&raw[gt + 1..end]);
        let sent = attr(tag, "sentence").unwrap_or_default();
        // MEANTIME annotates only the title, the dateline and the first
        // sentences (numbers 0 to 5), so the scored text stops there.
        if sent.parse::<usize>().is_ok_and(|k| k > 5) {
            break;
        }
        if !text.is_empty() {
            text.push(if sent != last_sent { '\n' } else { ' ' });
            n += 1;
        }
        last_sent = sent;
        let len = word.chars().count();
        tok_span.insert(attr(tag, "t_id")?, (n, n + len));
        text.push_str(&word);
        n += len;
        pos = end;
    }
    let mut gold = Vec::new();
    let mut dct = None;
    let mut excluded = None;
    let mut pos = 0;
    while let Some(i) = raw[pos..].find("<TIMEX3 ") {
        let s = pos + i;
        let gt = raw[s..].find('>')? + s;
        let tag = &raw[s..gt];
        pos = gt;
        if tag.ends_with('/') {
            if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
                dct = dct.or_else(|| date_of(&attr(tag, "value").unwrap_or_default()));
            }
            continue;
        }
        let close = raw[gt..].find("</TIMEX3>")? + gt;
        let inner = &raw[gt..close];
        let mut span: Option<(usize, usize)> = None;
        for a in inner.split("t_id=\"").skip(1) {
            let id = &a[..a.find('"')?];
            if let Some(&(ts, te)) = tok_span.get(id) {
                span = Some(span.map_or((ts, te), |(s, e)| (s.min(ts), e.max(te))));
            }
        }
        let value = attr(tag, "value").unwrap_or_default();
        let Some((gs, ge)) = span else { continue };
        if attr(tag, "functionInDocument").as_deref() == Some("CREATION_TIME") {
            dct = date_of(&value);
            excluded = Some((gs, ge));
            continue;
        }
        let t: String = text.chars().skip(gs).take(ge - gs).collect();
        gold.push(Gold {
            start: gs,
            end: ge,
            text: t,
            value,
            kind: attr(tag, "type").unwrap_or_default(),
        });
    }
    // Two files lack a creation time; their dateline (the second line)
    // then gives the reference date, as the application would read it.
    if dct.is_none() {
        let dateline = text.lines().nth(1).unwrap_or("");
        dct = extract(dateline, None)
            .iter()
            .find_map(|t| date_of(&t.value));
    }
    Some(Doc {
        text,
        dct,
        gold,
        excluded,
    })
}

/// Scores one corpus and prints the figures and the most common errors.
fn report(name: &str, docs: &[Doc]) {
    let (mut ng, mut np, mut tp, mut vok) = (0usize, 0usize, 0usize, 0usize);
    let mut misses: HashMap<String, usize> = HashMap::new();
    let mut fps: HashMap<String, usize> = HashMap::new();
    let mut wrong: HashMap<String, usize> = HashMap::new();
    // Per category: gold, matched, value correct, false positives.
    let mut cats: std::collections::BTreeMap<&'static str, [usize; 4]> = Default::default();
    let mut bytes = 0usize;
    let mut preds_all: Vec<Vec<Timex>> = Vec::new();
    let t0 = Instant::now();
    let rounds = 5;
    for r in 0..rounds {
        for d in docs {
            let p = extract(&d.text, d.dct);
            if r == 0 {
                bytes += d.text.len();
                preds_all.push(p);
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64() / rounds as f64;
    // TIMEX_DUMP lists every value error with its context when tuning.
    let dump = std::env::var("TIMEX_DUMP").is_ok();
    let mut wrong_kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
    for (d, preds) in docs.iter().zip(&preds_all) {
        let preds: Vec<&Timex> = preds
            .iter()
            .filter(|p| d.excluded.is_none_or(|(s, e)| p.end <= s || p.start >= e))
            .collect();
        ng += d.gold.len();
        np += preds.len();
        let mut used = vec![false; d.gold.len()];
        for p in &preds {
            // Among the unused gold expressions the prediction overlaps, the
            // one it overlaps most is taken, and of those the shortest: where
            // gold nests a year inside a range ("from 2009 to 2011" and
            // "2009"), a prediction of "2009" is that year, not the range that
            // happens to come first.
            let hit = d
                .gold
                .iter()
                .enumerate()
                .filter(|(k, g)| !used[*k] && g.start < p.end && p.start < g.end)
                .max_by_key(|(k, g)| {
                    let overlap = g.end.min(p.end) - g.start.max(p.start);
                    (overlap, usize::MAX - (g.end - g.start), usize::MAX - k)
                });
            match hit {
                Some((k, g)) => {
                    used[k] = true;
                    tp += 1;
                    let c = cats
                        .entry(category(&g.text, &g.kind, &g.value))
                        .or_default();
                    c[1] += 1;
                    if same_value(&g.value, &p.value) {
                        c[2] += 1;
                        vok += 1;
                        // Right values are listed too, so that both readings
                        // of a phrase can be counted before a rule picks one.
                        if dump {
                            println!(
                                "VALOK {:?} dct={} value={} | {}",
                                g.text.to_lowercase(),
                                d.dct.map(|x| x.to_string()).unwrap_or_default(),
                                g.value,
                                context(&d.text, g)
                            );
                        }
                    } else {
                        let key = format!(
                            "{:?} dct={} gold={} got={}",
                            g.text.to_lowercase(),
                            d.dct.map(|x| x.to_string()).unwrap_or_default(),
                            g.value,
                            p.value
                        );
                        if dump {
                            // The clause around the expression shows which
                            // cue (tense, anchor) led the resolver astray.
                            let ctx = context(&d.text, g);
                            let kind = value_error_kind(&g.value, &p.value);
                            println!("VALERR [{kind}] {key} | {ctx}");
                        }
                        *wrong.entry(key).or_default() += 1;
                        *wrong_kinds
                            .entry(value_error_kind(&g.value, &p.value))
                            .or_default() += 1;
                    }
                }
                None => {
                    if dump {
                        // A false positive in its sentence shows whether the
                        // words are no date at all or a date gold leaves out.
                        let ctx: String = d
                            .text
                            .chars()
                            .skip(p.start.saturating_sub(60))
                            .take(p.end - p.start.saturating_sub(60) + 30)
                            .collect::<String>()
                            .replace('\n', " ");
                        println!("FP {:?} {} | {ctx}", p.text, p.value);
                    }
                    let kind = format!("{:?}", p.kind).to_uppercase();
                    cats.entry(category(&p.text, &kind, &p.value)).or_default()[3] += 1;
                    *fps.entry(format!("{:?} {}", p.text.to_lowercase(), p.value))
                        .or_default() += 1
                }
            }
        }
        for (k, g) in d.gold.iter().enumerate() {
            cats.entry(category(&g.text, &g.kind, &g.value))
                .or_default()[0] += 1;
            if !used[k] {
                if dump {
                    let ctx: String = d
                        .text
                        .chars()
                        .skip(g.start.saturating_sub(60))
                        .take(g.end - g.start.saturating_sub(60) + 30)
                        .collect::<String>()
                        .replace('\n', " ");
                    println!("MISS {:?} {} | {ctx}", g.text, g.value);
                }
                *misses
                    .entry(format!("{:?} {}", g.text.to_lowercase(), g.value))
                    .or_default() += 1;
            }
        }
    }
    let p = tp as f64 / np.max(1) as f64;
    let r = tp as f64 / ng.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("== {name}: {} docs", docs.len());
    println!("gold {ng}  predicted {np}  matched {tp}");
    println!("span P {p:.3}  R {r:.3}  F1 {f:.3}");
    println!(
        "value accuracy {:.3} ({vok}/{tp})",
        vok as f64 / tp.max(1) as f64
    );
    println!(
        "throughput {:.1} MB/s ({} bytes in {:.4}s)",
        bytes as f64 / 1e6 / secs.max(1e-9),
        bytes,
        secs
    );
    // The breakdown shows where recall and value accuracy are lost; a
    // prediction that matches nothing counts under its own category.
    println!("| category | gold | found | recall | value ok | value acc | false pos |");
    println!("|---|---|---|---|---|---|---|");
    for (c, [g, f, v, fp]) in &cats {
        println!(
            "| {c} | {g} | {f} | {:.3} | {v} | {:.3} | {fp} |",
            *f as f64 / (*g).max(1) as f64,
            *v as f64 / (*f).max(1) as f64
        );
    }
    // Value errors by how gold and ours differ: the kinds say which errors a
    // rule could fix and which are conventions the gold applies unevenly.
    println!("| value error | count |");
    println!("|---|---|");
    for (kind, n) in &wrong_kinds {
        println!("| {kind} | {n} |");
    }
    top("misses", &misses);
    top("false positives", &fps);
    top("value errors", &wrong);
}

/// The clause around a gold expression (80 characters before, 40 after),
/// which shows the cue (tense, anchor) that led the resolver astray.
fn context(text: &str, g: &Gold) -> String {
    text.chars()
        .skip(g.start.saturating_sub(80))
        .take(g.end - g.start.saturating_sub(80) + 40)
        .collect::<String>()
        .replace('\n', " ")
}

/// How a wrong value differs from gold's. "Gold underspecified, ours within
/// it" is a value gold writes with `X` digits ("1989-WXX", "1948-XX",
/// "199X") that ours fills in: ours names a period inside gold's. The parts
/// of the day, durations against points and quarters against years or days
/// are the conventions the TimeML sets apply differently from document to
/// document; what is left are points in time that differ outright.
fn value_error_kind(gold: &str, ours: &str) -> &'static str {
    let part_of_day = |v: &str| {
        ["TMO", "TAF", "TEV", "TNI"]
            .iter()
            .any(|p| v.ends_with(&format!("T{p}")) || v.ends_with(p))
    };
    let duration = |v: &str| v.starts_with('P');
    let vague = |v: &str| v.ends_with("_REF");
    if gold.contains('X') && !duration(gold) && !vague(gold) {
        // "199" for gold's "199X" is the same decade, so gold's unmatched
        // tail may hold only `X` digits and dashes.
        let tail_open = gold
            .chars()
            .skip(ours.chars().count())
            .all(|g| g == 'X' || g == '-');
        let within = tail_open
            && gold
                .chars()
                .zip(ours.chars())
                .all(|(g, o)| g == 'X' || g == o);
        if within {
            "gold underspecified, ours within it"
        } else {
            "gold underspecified, ours elsewhere"
        }
    } else if part_of_day(gold) != part_of_day(ours) {
        "part of the day added or dropped"
    } else if duration(gold) && duration(ours) {
        "duration: another length or unit"
    } else if duration(gold) != duration(ours) {
        "duration against a point in time"
    } else if vague(gold) || vague(ours) {
        "vague reference against a value"
    } else if gold.contains("-Q") != ours.contains("-Q") {
        "quarter against a year, month or day"
    } else if gold.len() != ours.len() {
        "point in time at another granularity"
    } else {
        "point in time, same granularity, another value"
    }
}

/// The error category of an expression, from its TIMEX3 type, value and
/// text: the classes issue 15 names (durations, sets, vague references,
/// times of day, fiscal periods, modified expressions) and the plain
/// calendar ones. The first that applies wins.
fn category(text: &str, kind: &str, value: &str) -> &'static str {
    let t = text.to_lowercase();
    let words: Vec<&str> = t
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &[&str]| words.iter().any(|x| w.contains(x));
    if kind == "SET" {
        "set"
    } else if value.ends_with("_REF") {
        "vague reference"
    } else if kind == "DURATION" || value.starts_with('P') {
        "duration"
    } else if kind == "TIME" || value.contains('T') {
        "time of day"
    } else if has(&["fiscal", "quarter", "half", "fy"])
        || value.contains("-Q")
        || value.contains("-H")
    {
        "fiscal period"
    } else if has(&[
        "early",
        "late",
        "mid",
        "end",
        "beginning",
        "start",
        "middle",
        "earlier",
        "later",
        "turn",
    ]) {
        "modified"
    } else if value.contains("-W") {
        "week"
    } else if value.len() == 10 && !value.contains('X') {
        "day"
    } else if value.len() == 7 && !value.contains('X') {
        if value[5..].parse::<u32>().is_ok() {
            "month"
        } else {
            "season"
        }
    } else if value.len() == 4 && value.chars().all(|c| c.is_ascii_digit()) {
        "year"
    } else if value.len() <= 3 && value.chars().all(|c| c.is_ascii_digit()) {
        "decade or century"
    } else {
        "other"
    }
}

/// Whether two TIMEX3 values are the same once spelled alike: gold writes
/// some ISO weeks with one digit ("2000-W7"), which is the week the extractor
/// writes "2000-W07". Nothing else is folded.
fn same_value(gold: &str, got: &str) -> bool {
    fn pad_week(v: &str) -> String {
        match v.split_once("-W") {
            Some((y, w))
                if w.len() == 1
                    || w.as_bytes()
                        .get(1)
                        .is_some_and(|b| !b.is_ascii_digit() && *b != b'X') =>
            {
                format!("{y}-W0{w}")
            }
            _ => v.to_string(),
        }
    }
    gold == got || pad_week(gold) == pad_week(got)
}

fn top(title: &str, m: &HashMap<String, usize>) {
    let mut v: Vec<_> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    println!("-- top {title}:");
    // TIMEX_TOP widens the lists when tuning; the default is fifteen.
    let n_top = std::env::var("TIMEX_TOP")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(15);
    for (k, n) in v.into_iter().take(n_top) {
        println!("  {n:4}  {k}");
    }
}

/// Duckling phrases. Only `datetime (y, m, d, h, mi, s) Grain` examples are
/// compared (intervals, holidays-with-intervals and the latent and diff
/// corpora are skipped). A phrase passes when some extracted expression's
/// value, read as an instant plus a grain, equals the expected start and
/// grain: "2013-02-12" is a Day, "2013-W07" a Week starting Monday,
/// "2013-Q1" a Quarter, "2013-02" a Month, "2013" a Year and
/// "2013-02-12T15:00" a Minute (or an Hour when the minutes are zero and an
/// Hour is expected). The reference is the date 2013-02-12; Duckling's
/// time of day (04:30) cannot be passed, so phrases that depend on it fail.
fn duckling(p: &Path) {
    let Ok(src) = std::fs::read_to_string(p) else {
        println!("== Duckling: {} not found", p.display());
        return;
    };
    // Keep the default corpus and allExamples; drop negative/latent/diff.
    let head = src.split("negativeCorpus ::").next().unwrap_or("");
    let tail = src.split("allExamples ::").nth(1).unwrap_or("");
    let reference = NaiveDate::from_ymd_opt(2013, 2, 12);
    let (mut total, mut pass) = (0usize, 0usize);
    let mut fails: Vec<String> = Vec::new();
    for part in [head, tail] {
        for block in part.split("examples (").skip(1) {
            let Some(rest) = block.strip_prefix("datetime (") else {
                continue;
            };
            let Some(close) = rest.find(')') else {
                continue;
            };
            let nums: Vec<i64> = rest[..close]
                .split(',')
                .filter_map(|x| x.trim().parse().ok())
                .collect();
            let grain = rest[close + 1..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_end_matches(')');
            if nums.len() != 6 || grain == "Second" {
                continue;
            }
            let Some(lb) = rest.find('[') else { continue };
            let Some(rb) = rest[lb..].find(']') else {
                continue;
            };
            for phrase in rest[lb + 1..lb + rb].split('"').skip(1).step_by(2) {
                total += 1;
                let got = extract(phrase, reference);
                if got.iter().any(|t| matches_duckling(&t.value, &nums, grain)) {
                    pass += 1;
                } else {
                    let vals: Vec<&str> = got.iter().map(|t| t.value.as_str()).collect();
                    fails.push(format!("{phrase:?} want {nums:?} {grain} got {vals:?}"));
                }
            }
        }
    }
    println!(
        "== Duckling: pass {pass}/{total} = {:.3}",
        pass as f64 / total.max(1) as f64
    );
    let n_top = std::env::var("TIMEX_TOP")
        .ok()
        .and_then(|x| x.parse().ok())
        .unwrap_or(15);
    for f in fails.iter().take(n_top) {
        println!("  fail {f}");
    }
}

fn matches_duckling(v: &str, n: &[i64], grain: &str) -> bool {
    let want = NaiveDate::from_ymd_opt(n[0] as i32, n[1] as u32, n[2] as u32);
    let (date, g, hm): (Option<NaiveDate>, &str, Option<(i64, i64)>) =
        if let Some((d, t)) = v.split_once('T') {
            let hh = t.get(..2).and_then(|x| x.parse().ok());
            let mm = t.get(3..5).and_then(|x| x.parse().ok());
            let (Some(hh), Some(mm)) = (hh, mm) else {
                return false;
            };
            let g = if grain == "Hour" && mm == 0 {
                "Hour"
            } else {
                "Minute"
            };
            (date_of(d), g, Some((hh, mm)))
        } else if let Some((y, w)) = v.split_once("-W") {
            let d = y
                .parse()
                .ok()
                .zip(w.parse().ok())
                .and_then(|(y, w)| NaiveDate::from_isoywd_opt(y, w, chrono::Weekday::Mon));
            (d, "Week", None)
        } else if let Some((y, q)) = v.split_once("-Q") {
            let d = y
                .parse()
                .ok()
                .zip(q.parse::<u32>().ok())
                .and_then(|(y, q)| NaiveDate::from_ymd_opt(y, q * 3 - 2, 1));
            (d, "Quarter", None)
        } else if v.len() == 10 {
            (date_of(v), "Day", None)
        } else if v.len() == 7 {
            (
                NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok(),
                "Month",
                None,
            )
        } else if v.len() == 4 {
            (
                v.parse()
                    .ok()
                    .and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1)),
                "Year",
                None,
            )
        } else {
            return false;
        };
    let time_ok = match hm {
        Some((h, m)) => h == n[3] && m == n[4],
        None => true,
    };
    date.is_some() && date == want && g == grain && time_ok && date.is_some_and(|d| d.year() > 0)
}
