//! Turning what the HTML and email parsers extract into documents.

use crate::import::email::ParsedEmail;
use crate::import::html::extract_article;
use crate::import::metadata::{detect_language, guess_kind, outlet_for, split_title_site};
use crate::import::ImportedDocument;
use crate::model::SourceFormat;
use crate::normalize::normalize_text;
use crate::pubdate::parse_published;
use crate::{Error, Result};

/// An HTML page becomes its article: reader-view text, never the markup. Scripts, styles and
/// event handlers are dropped by the extractor, so nothing of the page can ever run.
pub fn from_html(original: Vec<u8>, decoded: &str, file_stem: &str) -> Result<ImportedDocument> {
    let article = extract_article(decoded);
    let text = normalize_text(&article.text);
    if text.is_empty() {
        return Err(Error::invalid_input("the HTML page holds no readable text"));
    }
    let (title, site_from_title) = match article.title.as_deref().filter(|t| !t.trim().is_empty()) {
        Some(t) => split_title_site(t, article.url.as_deref()),
        None => (file_stem.to_string(), None),
    };
    let published = article.published.as_deref().and_then(parse_published);
    let mut extra = serde_json::Map::new();
    if let Some(excerpt) = &article.excerpt {
        extra.insert("excerpt".into(), excerpt.clone().into());
    }
    if article.published.is_some() && published.is_none() {
        extra.insert("unparsed_date".into(), article.published.clone().into());
    }
    Ok(ImportedDocument {
        kind: guess_kind(SourceFormat::Html, &title, &text),
        outlet: outlet_for(
            article.site_name.clone().or(site_from_title),
            article.url.as_deref(),
        ),
        language: article
            .lang
            .as_deref()
            .map(|l| l.split(['-', '_']).next().unwrap_or(l).to_ascii_lowercase())
            .or_else(|| detect_language(&text)),
        title,
        url: article.url,
        authors: article.byline.into_iter().collect(),
        published_raw: article.published.filter(|_| published.is_some()),
        published,
        keywords: article.keywords,
        doc_ref: None,
        format: SourceFormat::Html,
        original,
        text,
        extra: serde_json::Value::Object(extra),
        structure: Default::default(),
    })
}

/// An email becomes its body text; the sender is its author and the rest of its envelope
/// (recipients, attachment names, the threading headers) is kept as metadata.
pub fn from_email(
    original: Vec<u8>,
    email: ParsedEmail,
    file_stem: &str,
) -> Result<ImportedDocument> {
    let text = normalize_text(&email.body);
    let title = email
        .subject
        .clone()
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| format!("Email {file_stem}"));
    let published = email.date.as_deref().and_then(parse_published);
    let extra = serde_json::json!({
        "from": email.from,
        "to": email.to,
        "cc": email.cc,
        "attachments": email.attachments,
        "message_id": email.message_id,
        "in_reply_to": email.in_reply_to,
        "references": email.references,
    });
    Ok(ImportedDocument {
        kind: guess_kind(SourceFormat::Email, &title, &text),
        outlet: None,
        language: detect_language(&text),
        title,
        url: None,
        authors: email.from.into_iter().collect(),
        published_raw: email.date.filter(|_| published.is_some()),
        published,
        keywords: Vec::new(),
        doc_ref: email.message_id,
        format: SourceFormat::Email,
        original,
        text,
        extra,
        structure: Default::default(),
    })
}
