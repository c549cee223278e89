//! Page metadata: `<meta>` tags, JSON-LD, the document title and a few link/time fallbacks.
//!
//! The precedence rules follow what reader views do, because publishers fill several of these
//! sources with slightly different strings and the article-level one (JSON-LD, `og:`/`dc:` tags)
//! is usually the cleanest.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use super::dom::{fold_whitespace, normalize_spaces, Dom, NodeId, ROOT};

/// Metadata gathered before the body is analysed.
#[derive(Debug, Default, Clone)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub url: Option<String>,
    pub keywords: Vec<String>,
}

/// Fields read from the first schema.org article object in JSON-LD.
#[derive(Debug, Default, Clone)]
pub struct JsonLd {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub keywords: Vec<String>,
    pub lang: Option<String>,
}

static PROPERTY_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*").unwrap()
});
static NAME_PATTERN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-\.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$").unwrap()
});
static ARTICLE_TYPES: LazyLock<Regex> = LazyLock::new(|| {
    // Only the first alternative is anchored at the start and the last at the end, which lets
    // subtype names such as "ReportageNewsArticle" match too.
    Regex::new(r"^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$").unwrap()
});
static SCHEMA_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^https?://schema\.org/?$").unwrap());
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)&(quot|amp|apos|lt|gt);|&#(?:x([0-9a-f]+)|([0-9]+));").unwrap()
});

/// Extra `<meta>` names that carry a publication date on pages without the standard tags.
const DATE_META_NAMES: &[&str] = &[
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published-date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "article.published",
];

/// Reads the document title as browsers expose it: the first `<title>`, whitespace folded.
pub fn document_title(dom: &Dom) -> String {
    // SVG images carry their own <title> elements, which are not the page title.
    dom.elements_by_tags(ROOT, &["title"])
        .into_iter()
        .find(|&t| !dom.is_foreign(t))
        .map(|t| fold_whitespace(&dom.text_content(t)))
        .unwrap_or_default()
}

fn word_count(s: &str) -> usize {
    // Counts like JavaScript's `split(/\s+/)`: a leading separator yields an empty first word.
    let trimmed_start = s.trim_start();
    let leading = usize::from(trimmed_start.len() != s.len());
    let words = s.split_whitespace().count();
    let trailing = usize::from(!s.is_empty() && s.trim_end().len() != s.len());
    (words + leading + trailing).max(1)
}

fn is_separator(c: char) -> bool {
    matches!(c, '|' | '-' | '–' | '—' | '\\' | '/' | '>' | '»')
}

/// Derives an article title from the document title, cutting site-name parts the way reader
/// views do: drop the last " | Site" segment, or the first segment when that leaves too little,
/// and fall back to the lone `<h1>` when the title is suspiciously short or long.
pub fn article_title(dom: &Dom, site_name: Option<&str>) -> String {
    let orig = document_title(dom);
    if let Some(stripped) = site_name.and_then(|site| strip_site_name(&orig, site)) {
        return stripped;
    }
    let mut cur = orig.clone();
    let chars: Vec<char> = orig.chars().collect();
    let has_sep = chars
        .windows(3)
        .any(|w| w[0] == ' ' && is_separator(w[1]) && w[2] == ' ');
    let mut hierarchical = false;
    if has_sep {
        hierarchical = chars
            .windows(3)
            .any(|w| w[0] == ' ' && matches!(w[1], '\\' | '/' | '>' | '»') && w[2] == ' ');
        // Keep everything before the last separator that is followed by a space.
        if let Some(pos) = (0..chars.len().saturating_sub(1))
            .rev()
            .find(|&i| is_separator(chars[i]) && chars[i + 1] == ' ')
        {
            cur = chars[..pos].iter().collect();
        }
        if word_count(&cur) < 3 {
            // Drop the first segment instead, up to the first separator character.
            if let Some(pos) = chars.iter().position(|&c| is_separator(c)) {
                cur = chars[pos + 1..].iter().collect();
            }
        }
    } else if cur.contains(": ") {
        let trimmed = cur.trim().to_string();
        let headings = dom.elements_by_tags(ROOT, &["h1", "h2"]);
        let matched = headings
            .iter()
            .any(|&h| dom.text_content(h).trim() == trimmed);
        if !matched {
            let last = orig.rfind(':').map(|i| i + 1).unwrap_or(0);
            cur = orig[last..].to_string();
            if word_count(&cur) < 3 {
                let first = orig.find(':').map(|i| i + 1).unwrap_or(0);
                cur = orig[first..].to_string();
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                cur = orig.clone();
            }
        }
    } else if cur.chars().count() > 150 || cur.chars().count() < 15 {
        let h1s = dom.elements_by_tags(ROOT, &["h1"]);
        if h1s.len() == 1 {
            cur = dom.inner_text(h1s[0]);
        }
    }
    cur = normalize_spaces(cur.trim());
    let cur_words = word_count(&cur);
    let stripped: String = orig.chars().filter(|&c| !is_separator(c)).collect();
    if cur_words <= 4 && (!hierarchical || cur_words + 1 != word_count(&stripped)) {
        cur = orig;
    }
    cur
}

/// Removes a leading "Site | " or trailing " | Site" part when it is exactly the declared site
/// name; the word-count rules below would otherwise keep it on short titles.
fn strip_site_name(title: &str, site: &str) -> Option<String> {
    let site = fold_whitespace(site);
    if site.is_empty() {
        return None;
    }
    // ASCII lower-casing keeps byte offsets aligned with the original title.
    let lower = title.to_ascii_lowercase();
    let site_lower = site.to_ascii_lowercase();
    if let Some(head) = lower.strip_suffix(&site_lower) {
        let head_orig = &title[..head.len()];
        let trimmed = head_orig.trim_end();
        let sep = trimmed.chars().last()?;
        if is_separator(sep) || sep == '·' {
            let rest = trimmed[..trimmed.len() - sep.len_utf8()].trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    if lower.starts_with(&site_lower) && title.len() >= site.len() {
        let tail = title.get(site.len()..).unwrap_or("").trim_start();
        let sep = tail.chars().next()?;
        if is_separator(sep) || sep == '·' {
            let rest = tail[sep.len_utf8()..].trim();
            return (!rest.is_empty()).then(|| rest.to_string());
        }
    }
    None
}

/// Decodes the few entities that publishers double-escape inside attribute values.
pub fn unescape_entities(s: &str) -> String {
    ENTITY
        .replace_all(s, |caps: &regex::Captures| {
            if let Some(name) = caps.get(1) {
                return match name.as_str().to_ascii_lowercase().as_str() {
                    "quot" => "\"",
                    "amp" => "&",
                    "apos" => "'",
                    "lt" => "<",
                    _ => ">",
                }
                .to_string();
            }
            let (digits, radix) = match (caps.get(2), caps.get(3)) {
                (Some(h), _) => (h.as_str(), 16),
                (_, Some(d)) => (d.as_str(), 10),
                _ => return String::new(),
            };
            let code = u32::from_str_radix(digits, radix).unwrap_or(0xFFFD);
            let ch = if code == 0 {
                '\u{FFFD}'
            } else {
                char::from_u32(code).unwrap_or('\u{FFFD}')
            };
            ch.to_string()
        })
        .into_owned()
}

/// Tokens for title/heading similarity: lower-case ASCII word runs, like JavaScript's `\W+`.
fn similarity_tokens(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Share of `b`'s text (by characters of joined tokens) that also occurs as tokens in `a`;
/// 1 means the same words, 0 entirely different.
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let ta = similarity_tokens(a);
    let tb = similarity_tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let uniq: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    let uniq_len = uniq.join(" ").chars().count() as f64;
    let total_len = tb.join(" ").chars().count() as f64;
    1.0 - uniq_len / total_len
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// Reads the first JSON-LD block describing a schema.org article.
pub fn json_ld(dom: &Dom) -> JsonLd {
    for script in dom.elements_by_tags(ROOT, &["script"]) {
        if dom.attr(script, "type").map(str::trim) != Some("application/ld+json") {
            continue;
        }
        let raw = dom.text_content(script);
        let content = raw
            .trim()
            .trim_start_matches("<![CDATA[")
            .trim_end_matches("]]>");
        let Ok(mut parsed) = serde_json::from_str::<Value>(content) else {
            continue;
        };
        // Some sites wrap their objects in a top-level array; take the first article in it.
        if let Value::Array(items) = &parsed {
            match items.iter().find(|it| is_article(it)) {
                Some(found) => parsed = found.clone(),
                None => continue,
            }
        }
        if !has_schema_context(&parsed) {
            continue;
        }
        if parsed.get("@type").is_none() {
            if let Some(Value::Array(graph)) = parsed.get("@graph") {
                match graph.iter().find(|it| is_article(it)) {
                    Some(found) => parsed = found.clone(),
                    None => continue,
                }
            }
        }
        if !is_article(&parsed) {
            continue;
        }
        return read_article_object(dom, &parsed);
    }
    JsonLd::default()
}

/// The object declares schema.org, either directly or as its `@vocab`.
fn has_schema_context(v: &Value) -> bool {
    match v.get("@context") {
        Some(Value::String(c)) => SCHEMA_CONTEXT.is_match(c),
        Some(ctx @ Value::Object(_)) => {
            str_field(ctx, "@vocab").is_some_and(|c| SCHEMA_CONTEXT.is_match(c))
        }
        _ => false,
    }
}

fn is_article(v: &Value) -> bool {
    str_field(v, "@type").is_some_and(|t| ARTICLE_TYPES.is_match(t))
}

fn read_article_object(dom: &Dom, parsed: &Value) -> JsonLd {
    let mut out = JsonLd::default();
    let name = str_field(parsed, "name");
    let headline = str_field(parsed, "headline");
    out.title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Some publishers put the site name in "name"; prefer whichever matches the page title.
            let title = article_title(dom, None);
            let name_matches = text_similarity(n, &title) > 0.75;
            let headline_matches = text_similarity(h, &title) > 0.75;
            if headline_matches && !name_matches {
                Some(h.to_string())
            } else {
                Some(n.to_string())
            }
        }
        (Some(n), _) => Some(n.trim().to_string()),
        (None, Some(h)) => Some(h.trim().to_string()),
        _ => None,
    };
    match parsed.get("author") {
        Some(Value::Object(_)) => {
            out.byline = parsed["author"]
                .get("name")
                .and_then(Value::as_str)
                .map(|s| s.trim().to_string());
        }
        // Several authors are joined, provided the first one has a name at all.
        Some(Value::Array(authors))
            if authors.first().and_then(|a| str_field(a, "name")).is_some() =>
        {
            let names: Vec<&str> = authors
                .iter()
                .filter_map(|a| str_field(a, "name"))
                .map(str::trim)
                .collect();
            out.byline = Some(names.join(", "));
        }
        _ => {}
    }
    out.excerpt = str_field(parsed, "description").map(|s| s.trim().to_string());
    out.site_name = parsed
        .get("publisher")
        .and_then(|p| str_field(p, "name"))
        .map(|s| s.trim().to_string());
    out.published = str_field(parsed, "datePublished").map(|s| s.trim().to_string());
    out.lang = str_field(parsed, "inLanguage").map(|s| s.trim().to_string());
    match parsed.get("keywords") {
        Some(Value::String(s)) => out.keywords = split_keywords(s),
        Some(Value::Array(items)) => {
            out.keywords = items
                .iter()
                .filter_map(Value::as_str)
                .flat_map(split_keywords)
                .collect();
        }
        _ => {}
    }
    out
}

fn split_keywords(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(fold_whitespace)
        .filter(|k| !k.is_empty())
        .collect()
}

fn non_empty(s: Option<&String>) -> Option<String> {
    s.filter(|v| !v.is_empty()).cloned()
}

/// Combines JSON-LD with `<meta>` tags and document-level fallbacks.
pub fn article_metadata(dom: &Dom, jsonld: &JsonLd) -> Metadata {
    let mut values: HashMap<String, String> = HashMap::new();
    let mut extra: HashMap<String, String> = HashMap::new();
    let mut keywords: Vec<String> = Vec::new();
    for meta in dom.elements_by_tags(ROOT, &["meta"]) {
        let Some(content) = dom.attr(meta, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let content = content.trim().to_string();
        let name = dom.attr(meta, "name");
        let property = dom.attr(meta, "property");
        let mut matched = false;
        if let Some(prop) = property {
            if let Some(m) = PROPERTY_PATTERN.find(prop) {
                let key: String = m.as_str().to_lowercase().split_whitespace().collect();
                values.insert(key, content.clone());
                matched = true;
            }
            if prop.trim().eq_ignore_ascii_case("article:tag") {
                keywords.extend(split_keywords(&content));
            }
        }
        if let Some(n) = name {
            if !matched && NAME_PATTERN.is_match(n) {
                let key: String = n.to_lowercase().split_whitespace().collect();
                values.insert(key.replace('.', ":"), content.clone());
            }
            let lower = n.trim().to_ascii_lowercase();
            if lower == "keywords" || lower == "news_keywords" {
                keywords.extend(split_keywords(&content));
            }
        }
        // Remember other date-ish names and properties for the publication-time fallback.
        for key in [name, property, dom.attr(meta, "itemprop")]
            .into_iter()
            .flatten()
        {
            let key = key.trim().to_ascii_lowercase();
            if DATE_META_NAMES.contains(&key.as_str()) || key == "og:url" {
                extra.entry(key).or_insert_with(|| content.clone());
            }
        }
        if dom
            .attr(meta, "http-equiv")
            .is_some_and(|h| h.eq_ignore_ascii_case("content-language"))
        {
            extra
                .entry("content-language".into())
                .or_insert(content.clone());
        }
    }
    let get = |k: &str| non_empty(values.get(k));
    let first = |keys: &[&str]| keys.iter().find_map(|k| get(k));

    let title = non_empty(jsonld.title.as_ref())
        .or_else(|| {
            first(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or_else(|| {
            let site = non_empty(jsonld.site_name.as_ref()).or_else(|| get("og:site_name"));
            article_title(dom, site.as_deref())
        });
    let byline = non_empty(jsonld.byline.as_ref())
        .or_else(|| first(&["dc:creator", "dcterm:creator", "author", "parsely-author"]));
    let excerpt = non_empty(jsonld.excerpt.as_ref()).or_else(|| {
        first(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let site_name = non_empty(jsonld.site_name.as_ref()).or_else(|| get("og:site_name"));
    let published = non_empty(jsonld.published.as_ref())
        .or_else(|| first(&["article:published_time", "parsely-pub-date"]))
        .or_else(|| {
            DATE_META_NAMES
                .iter()
                .find_map(|k| non_empty(extra.get(*k)))
        })
        .or_else(|| time_element_date(dom));

    let lang = dom
        .find_first(ROOT, "html")
        .and_then(|h| dom.attr(h, "lang"))
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .or_else(|| non_empty(extra.get("content-language")))
        .or_else(|| non_empty(jsonld.lang.as_ref()));

    let mut all_keywords = jsonld.keywords.clone();
    all_keywords.extend(keywords);
    let mut seen = std::collections::HashSet::new();
    all_keywords.retain(|k| seen.insert(k.to_lowercase()));

    let clean = |s: Option<String>| {
        s.map(|v| fold_whitespace(&unescape_entities(&v)))
            .filter(|v| !v.is_empty())
    };
    Metadata {
        title: clean(Some(title)),
        byline: clean(byline),
        excerpt: clean(excerpt),
        site_name: clean(site_name),
        published: clean(published),
        lang,
        url: canonical_url(dom, extra.get("og:url")),
        keywords: all_keywords,
    }
}

/// The publication time from `<time>` elements: one marked as the publication date wins,
/// otherwise the first `<time datetime>` in the page.
fn time_element_date(dom: &Dom) -> Option<String> {
    let times = dom.elements_by_tags(ROOT, &["time"]);
    let with_dt = |t: &NodeId| {
        dom.attr(*t, "datetime")
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
    };
    let marked = times.iter().find(|&&t| {
        dom.attr(t, "pubdate").is_some()
            || dom
                .attr(t, "itemprop")
                .is_some_and(|i| i.contains("datePublished"))
    });
    marked
        .and_then(with_dt)
        .or_else(|| times.iter().find_map(with_dt))
}

/// The canonical URL from `<link rel="canonical">`, else `og:url`.
fn canonical_url(dom: &Dom, og_url: Option<&String>) -> Option<String> {
    let from_link = dom
        .elements_by_tags(ROOT, &["link"])
        .into_iter()
        .find_map(|l| {
            let rel = dom.attr(l, "rel")?;
            if !rel
                .split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("canonical"))
            {
                return None;
            }
            dom.attr(l, "href")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(str::to_string)
        });
    from_link.or_else(|| {
        og_url
            .map(|u| u.trim().to_string())
            .filter(|u| !u.is_empty())
    })
}
