//! Evaluates `dossier::import::html::extract_article` against reader-view gold data.
//!
//! Usage: `cargo run --release --example eval_html -- <dir> [--dump <page>] [--all] [--misses]`
//!
//! `<dir>` holds one folder per page with `source.html`, `expected.html` (the gold article body)
//! and `expected-metadata.json` (title, byline, publishedTime, ...). The program prints the number
//! of pages, title/byline/published accuracy, the mean token F1 of the article text and the ten
//! worst pages. With `--dump <page>` it prints the extracted and the gold text of one page.
//!
//! Scoring rules:
//! - Title and byline: equal after folding whitespace runs to one space and trimming. A missing
//!   gold value must be matched by a missing (or empty) extracted value.
//! - Published: scored over pages whose gold `publishedTime` is set. A page counts as correct when
//!   the extracted string equals the gold one after trimming, or when both parse as ISO-8601-like
//!   timestamps denoting the same instant (an offset, `Z` or none; a missing offset is compared as
//!   written). Pages where the gold has no time but we found one are reported separately: the
//!   gold only looks at a few meta tags, while the extractor also reads `<time>` elements.
//! - Text: both texts are lower-cased and split on every non-alphanumeric character (Unicode
//!   aware); precision and recall are taken over the multisets of tokens. Two empty texts score 1.

use std::path::Path;
use std::time::{Duration, Instant};

use dossier::import::html::extract_article;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use std::cell::RefCell;

mod text_overlap;
use text_overlap::{fold, tokens};

fn token_f1(predicted: &str, gold: &str) -> f64 {
    let (precision, recall) = text_overlap::multiset_pr(&tokens(predicted), &tokens(gold));
    text_overlap::f1(precision, recall)
}

/// Collects the text of a tokenized HTML fragment, with a line break at every block tag.
struct TextSink {
    out: RefCell<String>,
}

impl TokenSink for TextSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        const BLOCKS: &[&str] = &[
            "p",
            "div",
            "section",
            "article",
            "li",
            "ul",
            "ol",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "blockquote",
            "pre",
            "table",
            "tr",
            "td",
            "th",
            "br",
            "figure",
            "figcaption",
            "dd",
            "dt",
            "dl",
            "header",
            "footer",
            "hr",
        ];
        match token {
            Token::CharacterTokens(text) => self.out.borrow_mut().push_str(&text),
            Token::TagToken(tag) if BLOCKS.contains(&&*tag.name) => {
                self.out.borrow_mut().push('\n');
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Text of the gold article HTML. The gold is a clean serialized fragment, so tokenizing it is
/// enough; block tags become line breaks so that words in adjacent blocks stay apart.
fn gold_text(html: &str) -> String {
    let tokenizer = Tokenizer::new(
        TextSink {
            out: RefCell::new(String::new()),
        },
        TokenizerOpts::default(),
    );
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.out.take()
}

/// Parses `YYYY-MM-DD[( |T)HH:MM[:SS[.frac]]][Z|±HH[:]MM]` into seconds, shifted to UTC when an
/// offset is given. Returns None for anything else.
fn parse_instant(s: &str) -> Option<(i64, u32)> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let part = s.get(from..from + len)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let mut secs = days_from_civil(y, m, d) * 86_400;
    let mut nanos = 0u32;
    let mut i = 10;
    if matches!(b.get(i), Some(b'T') | Some(b' ')) {
        secs += num(i + 1, 2)? * 3600 + num(i + 4, 2)? * 60;
        i += 6;
        if b.get(i) == Some(&b':') {
            secs += num(i + 1, 2)?;
            i += 3;
        }
        if b.get(i) == Some(&b'.') {
            let frac: String = s[i + 1..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            i += 1 + frac.len();
            let padded = format!("{:0<9}", &frac[..frac.len().min(9)]);
            nanos = padded.parse().unwrap_or(0);
        }
    }
    let rest = s[i.min(s.len())..].trim();
    if rest == "Z" || rest.is_empty() {
        return Some((secs, nanos));
    }
    let sign = match rest.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = rest[1..].chars().filter(char::is_ascii_digit).collect();
    if digits.len() != 4 {
        return None;
    }
    let offset = digits[..2].parse::<i64>().ok()? * 3600 + digits[2..].parse::<i64>().ok()? * 60;
    Some((secs - sign * offset, nanos))
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn same_published(ours: &str, gold: &str) -> bool {
    if ours.trim() == gold.trim() {
        return true;
    }
    matches!((parse_instant(ours), parse_instant(gold)), (Some(a), Some(b)) if a == b)
}

fn opt_str(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(|x| x.as_str())
        .map(fold)
        .filter(|s| !s.is_empty())
}

fn main() {
    let (dir, dump) = text_overlap::args("eval_html <dir> [--dump <page>] [--all] [--misses]");
    let pages = text_overlap::pages(&dir, &["source.html"]);

    let (mut titles, mut bylines, mut published_ok, mut published_total, mut published_extra) =
        (0, 0, 0, 0, 0);
    let mut f1s: Vec<(String, f64)> = Vec::new();
    let mut misses: Vec<String> = Vec::new();
    let mut total_time = Duration::ZERO;
    let mut slowest = (Duration::ZERO, String::new());
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().to_string();
        let read = |f: &str| std::fs::read_to_string(Path::new(page).join(f)).unwrap_or_default();
        let source = read("source.html");
        let gold_meta: serde_json::Value =
            serde_json::from_str(&read("expected-metadata.json")).unwrap_or_default();
        let gold = gold_text(&read("expected.html"));

        let started = Instant::now();
        let got = extract_article(&source);
        let took = started.elapsed();
        total_time += took;
        if took > slowest.0 {
            slowest = (took, name.clone());
        }

        let gold_title = opt_str(&gold_meta, "title");
        if got.title.as_deref().map(fold).filter(|s| !s.is_empty()) == gold_title {
            titles += 1;
        } else {
            misses.push(format!(
                "title   {name}: {:?} vs gold {:?}",
                got.title, gold_title
            ));
        }
        let gold_byline = opt_str(&gold_meta, "byline");
        if got.byline.as_deref().map(fold).filter(|s| !s.is_empty()) == gold_byline {
            bylines += 1;
        } else {
            misses.push(format!(
                "byline  {name}: {:?} vs gold {:?}",
                got.byline, gold_byline
            ));
        }
        match (
            opt_str(&gold_meta, "publishedTime"),
            got.published.as_deref(),
        ) {
            (Some(g), ours) => {
                published_total += 1;
                if ours.is_some_and(|o| same_published(o, &g)) {
                    published_ok += 1;
                } else {
                    misses.push(format!("publish {name}: {ours:?} vs gold {g:?}"));
                }
            }
            (None, Some(_)) => published_extra += 1,
            (None, None) => {}
        }
        let f1 = token_f1(&got.text, &gold);
        f1s.push((name.clone(), f1));
        if dump.as_ref() == Some(&name) {
            println!(
                "=== extracted ===\n{}\n=== gold ===\n{}\n",
                got.text,
                fold(&gold)
            );
            println!("{got:#?}");
        }
    }

    let n = pages.len().max(1) as f64;
    let mean_f1 = f1s.iter().map(|(_, f)| f).sum::<f64>() / n;
    println!("pages:              {}", pages.len());
    println!("title accuracy:     {:.3}", titles as f64 / n);
    println!("byline accuracy:    {:.3}", bylines as f64 / n);
    println!(
        "published accuracy: {:.3} ({published_ok}/{published_total} pages with a gold time; {published_extra} more pages where only we found one)",
        published_ok as f64 / published_total.max(1) as f64
    );
    println!("mean token F1:      {mean_f1:.4}");
    println!(
        "time:               {:.1} ms total, slowest {:.1} ms ({})",
        total_time.as_secs_f64() * 1000.0,
        slowest.0.as_secs_f64() * 1000.0,
        slowest.1
    );
    f1s.sort_by(|a, b| a.1.total_cmp(&b.1));
    // `--all` lists every page, to compare two runs page by page.
    let shown = if std::env::args().any(|a| a == "--all") {
        f1s.len()
    } else {
        10
    };
    println!("worst pages:");
    for (name, f1) in f1s.iter().take(shown) {
        println!("  {f1:.4}  {name}");
    }
    if std::env::args().any(|a| a == "--misses") {
        for m in &misses {
            println!("{m}");
        }
    }
}
