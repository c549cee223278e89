//! The fuzz targets: what one input does to each parser and extractor that reads untrusted
//! text. This file is shared by the fuzzer (`examples/fuzz/main.rs`) and by the test that
//! replays the committed corpora (`tests/it/fuzz_corpus.rs`), so a crasher found by the one is
//! checked by the other with exactly the same calls.
//!
//! Each target returns a small "shape" of its outcome (how many results, which error); the
//! fuzzer keeps inputs whose shape it has not seen, which steers mutation towards new
//! behaviour without compiler instrumentation. Errors are expected outcomes; only a panic, an
//! abort or a hang is a bug.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use dossier::import::decode::{decode, html_declared_charset};
use dossier::import::email::parse_email;
use dossier::import::html::extract_article;
use dossier::import::news_record;
use dossier::import::pdf::{extract_pdf, PdfLimits};
use dossier::normalize::normalize_text;
use dossier::SearchRequest;
use dossier::{notes, pubdate, timex, Case};

/// Every target, by the name `--target` takes and the corpus folder `tests/fuzz/<name>/`.
pub const TARGETS: &[&str] = &[
    "query", "news", "html", "email", "mbox", "pdf", "notes", "timex", "extract",
];

/// What a target needs besides the input: the query and notes targets run against a real
/// case holding one article with quotes, so citations resolve and searches find something.
pub struct Context {
    case: Option<Case>,
    // Kept so the case's folder lives as long as the context.
    _dir: Option<tempfile::TempDir>,
}

/// The article in the case the query and notes targets use: a title, a date, two quotes with
/// their speakers and a few dates, so every kind of citation has something to point at.
const ARTICLE: &str = "Botnet operator arrested in Spain\n\n\
DATE: April 10, 2017\n\n\
MADRID — Peter Levashov, a Russian programmer, was arrested on Friday in Barcelona. \
\"We took down the Kelihos botnet,\" said Jane Smith, a spokeswoman for the Justice \
Department. \"He was the spam czar for years,\" Smith said on Monday, April 10, 2017.\n\n\
Levashov had been indicted in 2009 and again last week.\n";

impl Context {
    pub fn new(target: &str) -> Context {
        if target != "query" && target != "notes" {
            return Context {
                case: None,
                _dir: None,
            };
        }
        let dir = tempfile::tempdir().expect("a temporary folder for the fuzz case");
        let source = dir.path().join("article.txt");
        std::fs::write(&source, ARTICLE).expect("write the fuzz case's article");
        let mut case = Case::create(&dir.path().join("fuzz.dossier")).expect("create fuzz case");
        case.import(&[source], &mut |_| true)
            .expect("import the fuzz case's article");
        case.add_note("Background", "Levashov was arrested [@q1].")
            .expect("add the fuzz case's note");
        Context {
            case: Some(case),
            _dir: Some(dir),
        }
    }

    fn case(&self) -> &Case {
        self.case.as_ref().expect("this target has a case")
    }
}

/// Runs one input through `target` and returns the shape of the outcome. Panics are the
/// caller's to catch.
pub fn run(target: &str, ctx: &Context, input: &[u8]) -> u64 {
    match target {
        "query" => query(ctx, input),
        "news" => news(input),
        "html" => html(input),
        "email" => email(input),
        "mbox" => mbox(input),
        "pdf" => pdf(input),
        "notes" => note(ctx, input),
        "timex" => temporal(input),
        "extract" => extraction(input),
        other => panic!(
            "unknown fuzz target '{other}' (use one of {})",
            TARGETS.join(", ")
        ),
    }
}

fn shape(parts: impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    parts.hash(&mut h);
    h.finish()
}

/// An error's message with its numbers and quoted parts dropped, so that "at character 3"
/// and "at character 4" are one shape.
fn error_shape(message: &str) -> String {
    message
        .split('\'')
        .step_by(2)
        .flat_map(|s| s.chars())
        .filter(|c| !c.is_ascii_digit())
        .take(48)
        .collect()
}

fn bucket(n: usize) -> usize {
    (usize::BITS - n.leading_zeros()) as usize
}

/// The query parser, the query builder, the search and its snippets and facets.
fn query(ctx: &Context, input: &[u8]) -> u64 {
    let q = String::from_utf8_lossy(input);
    match ctx.case().search(&SearchRequest::new(q.as_ref())) {
        Ok(results) => shape((0, results.total.min(4), results.hits.len().min(4))),
        Err(err) => shape((1, error_shape(&err.message))),
    }
}

/// The news-record parser, on the decoded text as an import decodes it.
fn news(input: &[u8]) -> u64 {
    let decoded = decode(input, None);
    let encoding =
        encoding_rs::Encoding::for_label(decoded.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
    let looks = news_record::looks_like_news_record(&decoded.text);
    let records = news_record::parse(input, &decoded.text, encoding);
    let mut parts = vec![looks as usize, records.len().min(8)];
    for record in &records {
        match record {
            Ok(doc) => {
                parts.push(bucket(doc.text.len()));
                parts.push(doc.published.is_some() as usize);
            }
            Err(err) => parts.push(shape(error_shape(&err.message)) as usize),
        }
    }
    shape(parts)
}

/// The HTML reader-view extractor and normalization of what it keeps.
fn html(input: &[u8]) -> u64 {
    let declared = html_declared_charset(input);
    let decoded = decode(input, declared.as_deref());
    let article = extract_article(&decoded.text);
    let text = normalize_text(&article.text);
    shape((
        bucket(text.len()),
        article.title.is_some(),
        article.published.is_some(),
        article.byline.is_some(),
    ))
}

/// The email parser and normalization of the body.
fn email(input: &[u8]) -> u64 {
    let looks = dossier::import::email::looks_like_email(input);
    match parse_email(input) {
        Ok(mail) => {
            let body = normalize_text(&mail.body);
            let date = mail.date.as_deref().and_then(pubdate::parse_published);
            shape((
                looks,
                bucket(body.len()),
                mail.subject.is_some(),
                mail.to.len().min(4),
                date.is_some(),
            ))
        }
        Err(err) => shape((looks, error_shape(&err))),
    }
}

/// The mbox splitter with a small per-message bound (so the bound's path is reached), the
/// MIME check and parser on every message, and the threads the messages' headers make.
fn mbox(input: &[u8]) -> u64 {
    use dossier::import::email::broken_mime;
    use dossier::import::email::mbox::MboxReader;
    use dossier::mail::threads::{threads, MessageHeaders};
    let mut headers = Vec::new();
    let mut problems = 0;
    for (n, message) in MboxReader::with_limit(input, 4096).enumerate() {
        let Ok(message) = message else { break };
        if message.problem.is_some() || broken_mime(&message.bytes).is_some() {
            problems += 1;
            continue;
        }
        if let Ok(mail) = parse_email(&message.bytes) {
            headers.push(MessageHeaders {
                id: n as i64,
                message_id: mail.message_id,
                in_reply_to: mail.in_reply_to,
                references: mail.references,
                subject: mail.subject.unwrap_or_default(),
                date: None,
            });
        }
    }
    let placed = threads(&headers);
    let mut ids: Vec<&str> = placed.values().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    shape((bucket(headers.len()), problems.min(4), bucket(ids.len())))
}

/// The PDF guard and the whole text extraction, with a short deadline so a slow input shows
/// as slow rather than as a hang of the fuzzer.
fn pdf(input: &[u8]) -> u64 {
    let limits = PdfLimits {
        deadline: Duration::from_secs(5),
        ..PdfLimits::default()
    };
    match extract_pdf(input, &limits) {
        Ok(out) => shape((
            0,
            out.pages.len().min(8),
            bucket(out.text.len()),
            out.needs_ocr,
        )),
        Err(err) => shape((1, error_shape(&err.to_string()))),
    }
}

/// Note syntax (citations, links, claims), the claim check against the case and the
/// sanitised preview.
fn note(ctx: &Context, input: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(input);
    let syntax = notes::analyse(&text);
    let problems = ctx.case().check_text(None, &text).map(|p| p.len());
    let html = ctx.case().render_note_html(&text).map(|h| bucket(h.len()));
    shape((
        syntax.citations.len().min(8),
        syntax.links.len().min(4),
        syntax.claims.len().min(8),
        syntax.malformed.len().min(4),
        problems.ok(),
        html.ok(),
    ))
}

/// The quote and entity extractors, unguarded (the import catches their panics so that a
/// document only loses its proposals; the fuzzer must see them).
fn extraction(input: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(input);
    let found = dossier::quotes::extract(&text);
    let recognized = dossier::entities::recognize(&text, &found);
    let mut parts: Vec<String> = found
        .iter()
        .take(8)
        .map(|q| format!("{:?}{}{}", q.kind, q.spans.len(), q.speaker.is_some()))
        .collect();
    parts.push(recognized.entities.len().min(8).to_string());
    shape(parts)
}

/// Temporal expressions resolved against a reference date, and publication dates.
fn temporal(input: &[u8]) -> u64 {
    let text = String::from_utf8_lossy(input);
    let reference = NaiveDate::from_ymd_opt(2017, 4, 10);
    let found = timex::extract(&text, reference);
    let published = text
        .lines()
        .take(4)
        .filter(|l| l.len() <= 200)
        .filter_map(pubdate::parse_published)
        .count();
    let mut parts: Vec<String> = found
        .iter()
        .take(8)
        .map(|t| format!("{:?}", t.kind))
        .collect();
    parts.push(published.to_string());
    shape(parts)
}

/// The corpus folder of a target, in the source tree.
pub fn corpus_dir(target: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target)
}
