//! Reader-view article extraction from HTML pages.
//!
//! The page is parsed with html5ever into a small mutable tree, metadata is read from JSON-LD and
//! `<meta>` tags, scripts and styles are dropped, and the article body is found by scoring
//! paragraphs and their containers (see [`grab`]). Nothing in the page is ever executed: script
//! elements are only read as JSON-LD data or discarded.

mod clean;
mod dom;
mod figures;
mod furniture;
mod grab;
mod heuristics;
mod metadata;
mod notices;
mod parse;
mod prep;
mod render;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_furniture;
#[cfg(test)]
mod tests_notices;

use dom::{fold_whitespace, Dom};

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExtractedArticle {
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The publication time as found in the page (meta article:published_time, JSON-LD datePublished, <time datetime>, etc.), raw string, not normalized.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub lang: Option<String>,
    pub excerpt: Option<String>,
    /// Canonical URL if the page declares one (link rel=canonical / og:url).
    pub url: Option<String>,
    pub keywords: Vec<String>,
    /// Main article text: paragraphs separated by exactly "\n\n", whitespace folded inside paragraphs, no scripts/styles/nav/ads/comments. Headings and list items become their own paragraphs.
    pub text: String,
}

/// Extracts the main article and its metadata from an HTML document. Never panics; on input
/// without a usable body the text is empty and only the metadata found is filled in.
pub fn extract_article(html: &str) -> ExtractedArticle {
    let mut dom = Dom::parse(html);
    // JSON-LD lives in script elements, so it is read before scripts are dropped.
    let jsonld = metadata::json_ld(&dom);
    prep::prep_document(&mut dom);
    let rebuild = || {
        let mut fresh = Dom::parse(html);
        prep::prep_document(&mut fresh);
        fresh
    };
    let meta = metadata::article_metadata(&dom, &jsonld);
    let title = meta.title.clone().unwrap_or_default();

    let mut article = ExtractedArticle {
        title: meta.title.clone(),
        byline: meta.byline.clone(),
        published: meta.published.clone(),
        site_name: meta.site_name.clone(),
        lang: meta.lang.clone(),
        excerpt: meta.excerpt.clone(),
        url: meta.url.clone(),
        keywords: meta.keywords.clone(),
        text: String::new(),
    };
    let facts = furniture::PageFacts {
        title: &title,
        byline: meta.byline.as_deref(),
        site_name: meta.site_name.as_deref(),
    };
    if let Some(grabbed) = grab::grab_article(dom, &rebuild, &facts) {
        article.text = grabbed.text;
        if article.byline.is_none() {
            article.byline = grabbed
                .byline
                .map(|b| fold_whitespace(&b))
                .filter(|b| !b.is_empty());
        }
        if article.excerpt.is_none() {
            // Without a declared description, the first paragraph serves as the excerpt.
            article.excerpt = grabbed.first_paragraph;
        }
    }
    article
}

/// Tags whose presence near the start suggests markup rather than prose.
const COMMON_TAGS: &[&str] = &[
    "<p>", "<p ", "<div", "<span", "<a ", "<br", "<table", "<li", "<ul", "<title", "<meta",
    "<script", "<link", "<h1", "<h2", "<h3", "<img", "<section", "<article", "<!--",
];

/// Cheap content sniff: does this text look like an HTML document (doctype, <html, <head, <body, or several common tags near the start)?
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    // Only the beginning is examined; the cut is placed on a character boundary.
    let cut = start
        .char_indices()
        .nth(4096)
        .map(|(i, _)| i)
        .unwrap_or(start.len());
    let head = start[..cut].to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    let early = &head[..head
        .char_indices()
        .nth(1024)
        .map(|(i, _)| i)
        .unwrap_or(head.len())];
    if ["<html", "<head", "<body"]
        .iter()
        .any(|t| early.contains(t))
    {
        return true;
    }
    let distinct = COMMON_TAGS.iter().filter(|t| head.contains(*t)).count();
    let total: usize = COMMON_TAGS.iter().map(|t| head.matches(*t).count()).sum();
    distinct >= 3 || total >= 5
}
