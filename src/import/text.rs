//! Plain text and Markdown sources.
//!
//! Markdown keeps its source text (the reader shows it, and citations point into it); a YAML
//! front matter block supplies the title, date, authors, URL and keywords when present.

use crate::import::metadata::{detect_language, guess_kind, outlet_for};
use crate::import::ImportedDocument;
use crate::model::SourceFormat;
use crate::normalize::normalize_text;
use crate::pubdate::parse_published;
use crate::{Error, Result};

/// Header fields a plain text file may open with, such as a transcript's `Date:` line.
#[derive(Debug, Default)]
struct Header {
    title: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    url: Option<String>,
    keywords: Vec<String>,
}

fn unquote(value: &str) -> String {
    let v = value.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
        .unwrap_or(v);
    v.trim().to_string()
}

/// Reads a YAML-style list written either inline (`[a, b]`) or as a comma-separated string.
fn list(value: &str) -> Vec<String> {
    let v = value.trim().trim_start_matches('[').trim_end_matches(']');
    v.split(',')
        .map(unquote)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Splits a `---` front matter block off a Markdown source. Only flat `key: value` lines and
/// `- item` lists are understood; anything else in the block is ignored rather than guessed.
fn front_matter(source: &str) -> (Header, &str) {
    let mut header = Header::default();
    let Some(rest) = source
        .strip_prefix("---\n")
        .or_else(|| source.strip_prefix("---\r\n"))
    else {
        return (header, source);
    };
    let Some(end) = rest.find("\n---") else {
        return (header, source);
    };
    let block = &rest[..end];
    let body_start = rest[end + 4..]
        .find('\n')
        .map_or(rest.len(), |p| end + 4 + p + 1);
    let mut current_list: Option<&str> = None;
    for line in block.lines() {
        if let Some(item) = line.trim_start().strip_prefix("- ") {
            match current_list {
                Some("authors" | "author") => header.authors.push(unquote(item)),
                Some("tags" | "keywords") => header.keywords.push(unquote(item)),
                _ => {}
            }
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let key = key.trim();
        current_list = value.trim().is_empty().then_some(key);
        match key {
            "title" => header.title = Some(unquote(value)),
            "date" | "published" => header.date = Some(unquote(value)),
            "author" | "authors" if !value.trim().is_empty() => header.authors = list(value),
            "url" | "source" => header.url = Some(unquote(value)),
            "tags" | "keywords" if !value.trim().is_empty() => header.keywords = list(value),
            _ => {}
        }
    }
    (header, &rest[body_start.min(rest.len())..])
}

/// A plain text file may name its date in its first lines (`Date: April 3, 2017`).
fn text_header(text: &str) -> Header {
    let mut header = Header::default();
    for line in text.lines().take(12) {
        if let Some((key, value)) = line.split_once(':') {
            match key.trim().to_ascii_lowercase().as_str() {
                "date" if header.date.is_none() => header.date = Some(value.trim().to_string()),
                "title" if header.title.is_none() => header.title = Some(value.trim().to_string()),
                _ => {}
            }
        }
    }
    header
}

/// The first line of the text when it is short enough to be a title.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let line = line.trim_start_matches('#').trim();
    (line.chars().count() <= 150 && !line.is_empty()).then(|| line.to_string())
}

pub fn parse(
    original: Vec<u8>,
    decoded: &str,
    format: SourceFormat,
    file_stem: &str,
) -> Result<ImportedDocument> {
    let (header, body) = match format {
        SourceFormat::Markdown => front_matter(decoded),
        _ => (text_header(decoded), decoded),
    };
    let text = normalize_text(body);
    if text.is_empty() {
        return Err(Error::invalid_input("the file holds no text"));
    }
    let title = header
        .title
        .filter(|t| !t.is_empty())
        .or_else(|| first_line_title(&text))
        .unwrap_or_else(|| file_stem.to_string());
    let published = header.date.as_deref().and_then(parse_published);
    let mut extra = serde_json::Map::new();
    if header.date.is_some() && published.is_none() {
        extra.insert("unparsed_date".into(), header.date.clone().into());
    }
    Ok(ImportedDocument {
        kind: guess_kind(format, &title, &text),
        outlet: outlet_for(None, header.url.as_deref()),
        language: detect_language(&text),
        title,
        url: header.url,
        authors: header.authors,
        published_raw: header.date.filter(|_| published.is_some()),
        published,
        keywords: header.keywords,
        doc_ref: None,
        format,
        original,
        text,
        extra: serde_json::Value::Object(extra),
        structure: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_supplies_metadata() {
        let md = "---\ntitle: \"Call notes\"\ndate: 2017-04-13\nauthors:\n  - Ana Ruiz\n\
                  tags: [kelihos, spam]\n---\n# Heading\n\nBody text here.\n";
        let doc = parse(md.as_bytes().to_vec(), md, SourceFormat::Markdown, "notes").unwrap();
        assert_eq!(doc.title, "Call notes");
        assert_eq!(doc.published.unwrap().iso, "2017-04-13");
        assert_eq!(doc.authors, vec!["Ana Ruiz"]);
        assert_eq!(doc.keywords, vec!["kelihos", "spam"]);
        assert_eq!(doc.text, "# Heading\n\nBody text here.");
    }

    #[test]
    fn plain_text_takes_its_first_line_as_title() {
        let txt = "Interview with a source\nDate: April 3, 2017\n\nQ: Hello.";
        let doc = parse(txt.as_bytes().to_vec(), txt, SourceFormat::Text, "file").unwrap();
        assert_eq!(doc.title, "Interview with a source");
        assert_eq!(doc.published.unwrap().iso, "2017-04-03");
    }

    #[test]
    fn whitespace_only_is_an_error() {
        let err = parse(b" \n\n".to_vec(), " \n\n", SourceFormat::Text, "f").unwrap_err();
        assert_eq!(err.message, "the file holds no text");
    }
}
