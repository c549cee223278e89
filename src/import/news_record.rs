//! The news-record format the project's seed came in: `URL:`, `TITLE:`, `META-KEYWORDS:`,
//! `DATE:`, `DOC ID:` and `CONTENT:` lines, one or more records per file. The content runs
//! from `CONTENT:` to the next record's `URL:` line or the end of the file.

use crate::import::metadata::{detect_language, guess_kind, outlet_for, split_title_site};
use crate::import::ImportedDocument;
use crate::model::SourceFormat;
use crate::normalize::{normalize_text, split_glued_paragraphs};
use crate::pubdate::parse_published;
use crate::{Error, Result};

const FIELDS: [&str; 6] = [
    "URL:",
    "TITLE:",
    "META-KEYWORDS:",
    "DATE:",
    "DOC ID:",
    "CONTENT:",
];

/// True when the text opens like a news record: its first line is one of the record's fields
/// and the next non-empty line is another.
pub fn looks_like_news_record(text: &str) -> bool {
    let mut lines = text
        .trim_start_matches('\u{feff}')
        .lines()
        .filter(|l| !l.trim().is_empty());
    let is_field = |line: &str| FIELDS.iter().any(|f| line.starts_with(f));
    matches!((lines.next(), lines.next()), (Some(a), Some(b)) if a.starts_with("URL:") && is_field(b))
}

/// One record's fields and the byte range it occupies in the file.
#[derive(Debug, Default)]
struct RawRecord<'a> {
    start: usize,
    end: usize,
    first_line: usize,
    url: Option<&'a str>,
    title: Option<&'a str>,
    keywords: Option<&'a str>,
    date: Option<&'a str>,
    doc_id: Option<&'a str>,
    content: Option<String>,
}

/// Splits a file into its records; each is parsed on its own so that one damaged record does
/// not cost the others. `bytes` are the original bytes of the file and `text` their decoding;
/// when the file is valid UTF-8 each record keeps exactly its own original bytes.
pub fn parse(
    bytes: &[u8],
    text: &str,
    encoding: &'static encoding_rs::Encoding,
) -> Vec<Result<ImportedDocument>> {
    let records = split_records(text);
    let single = records.len() == 1;
    let is_utf8 = std::str::from_utf8(bytes).is_ok();
    records
        .into_iter()
        .enumerate()
        .map(|(index, record)| {
            // A lone record keeps the whole file, so its hash equals the file's hash. Records
            // of a file in a legacy encoding are encoded back to it, which for single-byte
            // encodings reproduces exactly their bytes in the file.
            let original = if single {
                bytes.to_vec()
            } else if is_utf8 {
                bytes[record.start..record.end].to_vec()
            } else {
                encoding
                    .encode(&text[record.start..record.end])
                    .0
                    .into_owned()
            };
            build(record, original).map_err(|e| {
                if single {
                    e
                } else {
                    Error::new(e.code, format!("record {}: {}", index + 1, e.message))
                }
            })
        })
        .collect()
}

fn split_records(text: &str) -> Vec<RawRecord<'_>> {
    let mut records: Vec<RawRecord<'_>> = Vec::new();
    let mut offset = 0;
    let mut in_content = false;
    for (line_no, line_with_end) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line_with_end.len();
        let line = line_with_end.trim_end_matches(['\n', '\r']);
        let starts_record = line.starts_with("URL:")
            && (records.is_empty()
                || in_content
                || records.last().is_some_and(|r| r.url.is_some()));
        if starts_record || records.is_empty() {
            if let Some(last) = records.last_mut() {
                last.end = line_start;
            }
            records.push(RawRecord {
                start: line_start,
                first_line: line_no + 1,
                ..Default::default()
            });
            in_content = false;
        }
        let record = records.last_mut().expect("a record was just pushed");
        record.end = offset;
        if in_content {
            let content = record.content.get_or_insert_with(String::new);
            content.push('\n');
            content.push_str(line);
            continue;
        }
        let field = |name: &str| line.strip_prefix(name).map(str::trim);
        if let Some(v) = field("URL:") {
            record.url = Some(v);
        } else if let Some(v) = field("TITLE:") {
            record.title = Some(v);
        } else if let Some(v) = field("META-KEYWORDS:") {
            record.keywords = Some(v);
        } else if let Some(v) = field("DATE:") {
            record.date = Some(v);
        } else if let Some(v) = field("DOC ID:") {
            record.doc_id = Some(v);
        } else if let Some(v) = line.strip_prefix("CONTENT:") {
            record.content = Some(v.to_string());
            in_content = true;
        }
    }
    records
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

fn build(record: RawRecord<'_>, original: Vec<u8>) -> Result<ImportedDocument> {
    let line = record.first_line;
    let Some(content) = record.content else {
        return Err(Error::invalid_input(format!(
            "truncated news record starting at line {line}: it has no CONTENT field"
        )));
    };
    let text = split_glued_paragraphs(&normalize_text(&content));
    if text.trim().is_empty() {
        return Err(Error::invalid_input(format!(
            "news record starting at line {line} has an empty CONTENT field"
        )));
    }
    let url = non_empty(record.url);
    let raw_title = non_empty(record.title);
    let (title, site) = match &raw_title {
        Some(t) => split_title_site(t, url.as_deref()),
        None => (text.chars().take(80).collect::<String>(), None),
    };
    let published_raw = non_empty(record.date);
    let published = published_raw.as_deref().and_then(parse_published);
    let keywords = record
        .keywords
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    let mut extra = serde_json::Map::new();
    if let Some(raw) = raw_title.filter(|raw| *raw != title) {
        extra.insert("page_title".into(), raw.into());
    }
    Ok(ImportedDocument {
        kind: guess_kind(SourceFormat::NewsRecord, &title, &text),
        outlet: outlet_for(site, url.as_deref()),
        language: detect_language(&text),
        title,
        url,
        authors: Vec::new(),
        published_raw,
        published,
        keywords,
        doc_ref: non_empty(record.doc_id),
        format: SourceFormat::NewsRecord,
        original,
        text,
        extra: serde_json::Value::Object(extra),
        structure: Default::default(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_RECORDS: &str = "URL:https://example.com/a\nTITLE:First | Example\n\
        META-KEYWORDS:one, two\nDATE:Apr 12, 2017\nDOC ID:1\nCONTENT:Alpha text.Second para.\n\
        URL:https://example.com/b\nTITLE:Second\nMETA-KEYWORDS:\nDATE:\nDOC ID:2\n\
        CONTENT:Beta text\ncontinues here.\n";

    #[test]
    fn several_records_in_one_file_keep_their_own_bytes() {
        let docs: Vec<_> = parse(TWO_RECORDS.as_bytes(), TWO_RECORDS, encoding_rs::UTF_8)
            .into_iter()
            .map(|d| d.unwrap())
            .collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].title, "First");
        assert_eq!(docs[0].outlet.as_deref(), Some("Example"));
        assert_eq!(docs[0].keywords, vec!["one", "two"]);
        assert_eq!(docs[0].text, "Alpha text.\n\nSecond para.");
        assert_eq!(docs[0].published.as_ref().unwrap().iso, "2017-04-12");
        assert_eq!(docs[1].doc_ref.as_deref(), Some("2"));
        assert_eq!(docs[1].text, "Beta text\ncontinues here.");
        assert_eq!(docs[1].published, None);
        let joined = [docs[0].original.clone(), docs[1].original.clone()].concat();
        assert_eq!(joined, TWO_RECORDS.as_bytes());
    }

    #[test]
    fn a_truncated_record_is_an_error_that_names_its_line() {
        let text = "URL:https://example.com/a\nTITLE:Cut short\nDATE:Apr 12, 2017\n";
        let results = parse(text.as_bytes(), text, encoding_rs::UTF_8);
        let err = results[0].as_ref().unwrap_err();
        assert!(
            err.message.contains("truncated news record"),
            "{}",
            err.message
        );
    }

    #[test]
    fn sniffing_needs_two_fields() {
        assert!(looks_like_news_record(TWO_RECORDS));
        assert!(!looks_like_news_record("URL: is a word\nand this is prose"));
    }
}
