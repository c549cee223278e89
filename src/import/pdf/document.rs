//! A PDF as a document of the case: its text normalized like every other source, with the
//! page spans moved onto the normalized text, its metadata, and the "needs OCR" status.

use super::{extract_pdf, PageSpan, PdfError, PdfLimits, PdfText};
use crate::import::metadata::{detect_language, guess_kind};
use crate::import::{ImportedDocument, Structure};
use crate::model::{SourceFormat, TextStatus};
use crate::normalize::normalize_text;
use crate::pubdate::parse_published;
use crate::Error;

/// A noncharacter marks where each page starts while the text is normalized; Unicode
/// reserves it for internal use, so no source text may carry it (any that does is dropped).
const PAGE_MARK: char = '\u{FDD0}';

/// Whether the bytes are a PDF: the header within the first kilobyte, where readers look.
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// Reads a PDF into a document. Encrypted, damaged, truncated and oversized files are errors
/// naming the problem; a PDF whose pages are images is imported with `needs_ocr`.
pub fn parse(original: Vec<u8>, file_stem: &str) -> crate::Result<ImportedDocument> {
    let pdf = extract_pdf(&original, &PdfLimits::default()).map_err(to_error)?;
    let (text, pages) = normalize_paged(&pdf);
    let text_status = if pdf.needs_ocr {
        TextStatus::NeedsOcr
    } else {
        TextStatus::Text
    };
    if text.is_empty() && text_status == TextStatus::Text {
        return Err(Error::invalid_input("the PDF holds no text"));
    }
    let title = pdf
        .title
        .as_deref()
        .map(clean_title)
        .filter(|t| !t.is_empty())
        .or_else(|| first_line(&text))
        .unwrap_or_else(|| file_stem.to_string());
    let mut extra = serde_json::Map::new();
    extra.insert("page_count".into(), pages.len().into());
    if let Some(created) = &pdf.created {
        extra.insert("pdf_created".into(), created.clone().into());
    }
    if let Some(title) = &pdf.title {
        extra.insert("pdf_title".into(), title.clone().into());
    }
    if pdf.needs_ocr {
        extra.insert("text_status".into(), "no text layer: needs OCR".into());
    }
    Ok(ImportedDocument {
        kind: guess_kind(SourceFormat::Pdf, &title, &text),
        outlet: None,
        language: detect_language(&text),
        title,
        url: None,
        authors: pdf.author.clone().into_iter().collect(),
        // The creation date stands in for publication until a filing date is read from the
        // text (see `import::parse_file`).
        published_raw: pdf.created.clone().filter(|c| parse_published(c).is_some()),
        published: pdf.created.as_deref().and_then(parse_published),
        keywords: Vec::new(),
        doc_ref: None,
        format: SourceFormat::Pdf,
        original,
        text,
        extra: serde_json::Value::Object(extra),
        structure: Structure {
            pages,
            text_status,
            legal: None,
        },
    })
}

/// The message a person sees for each way a PDF can fail, with the stable error code.
fn to_error(e: PdfError) -> Error {
    match e {
        PdfError::Encrypted => Error::unsupported(e.to_string()),
        other => Error::invalid_input(other.to_string()),
    }
}

/// Word processors title exported PDFs after the file ("Microsoft Word - draft.docx").
fn clean_title(title: &str) -> String {
    let t = title.trim();
    let t = t.strip_prefix("Microsoft Word - ").unwrap_or(t);
    if t.ends_with(".docx") || t.ends_with(".doc") || t.ends_with(".odt") || t == "untitled" {
        return String::new();
    }
    t.to_string()
}

fn first_line(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (line.chars().count() <= 150).then(|| line.to_string())
}

/// Normalizes the text as every source is normalized and returns the page spans moved onto
/// the normalized text. A mark is put where each page after the first starts, the text is
/// normalized with the marks in it (they are neither space nor control characters, so
/// normalization keeps them in place), and the marks' positions become the page starts.
pub fn normalize_paged(pdf: &PdfText) -> (String, Vec<PageSpan>) {
    let mut marked = String::with_capacity(pdf.text.len() + pdf.pages.len() * 3);
    let mut starts = pdf.pages.iter().skip(1).map(|p| p.start).peekable();
    for (i, c) in pdf.text.chars().enumerate() {
        while starts.peek() == Some(&i) {
            marked.push(PAGE_MARK);
            starts.next();
        }
        if c != PAGE_MARK {
            marked.push(c);
        }
    }
    for _ in starts {
        marked.push(PAGE_MARK);
    }
    let normalized = normalize_text(&marked);
    let mut text = String::with_capacity(normalized.len());
    let mut page_starts = vec![0usize];
    let mut n = 0usize;
    for c in normalized.chars() {
        if c == PAGE_MARK {
            page_starts.push(n);
        } else {
            text.push(c);
            n += 1;
        }
    }
    // Normalization trims lines, so a page that started at a blank line may begin with the
    // line break; a page starts at its first character, and the break stays on the page
    // before, so the spans still tile the text.
    let chars: Vec<char> = text.chars().collect();
    for start in page_starts.iter_mut().skip(1) {
        while *start < n && chars[*start] == '\n' {
            *start += 1;
        }
    }
    let mut pages = Vec::with_capacity(pdf.pages.len());
    for (i, p) in pdf.pages.iter().enumerate() {
        let start = page_starts.get(i).copied().unwrap_or(n).min(n);
        let end = page_starts.get(i + 1).copied().unwrap_or(n).min(n);
        pages.push(PageSpan {
            number: p.number,
            physical: p.physical,
            start,
            end: end.max(start),
        });
    }
    (text, pages)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_text(pages: &[&str]) -> PdfText {
        let mut text = String::new();
        let mut spans = Vec::new();
        for (i, p) in pages.iter().enumerate() {
            let start = text.chars().count();
            text.push_str(p);
            spans.push(PageSpan {
                number: i as u32 + 1,
                physical: i as u32 + 1,
                start,
                end: text.chars().count(),
            });
        }
        PdfText {
            text,
            pages: spans,
            title: None,
            author: None,
            created: None,
            needs_ocr: false,
        }
    }

    fn page(text: &str, p: &PageSpan) -> String {
        text.chars().skip(p.start).take(p.end - p.start).collect()
    }

    #[test]
    fn pages_follow_the_text_through_normalization() {
        // Composed accents, runs of spaces and blank lines all change char offsets.
        let pdf = pdf_text(&[
            "Cafe\u{301}  owner   said\n\n\n\n",
            "the second  page goes on.\n\n",
            "",
            "Last page.",
        ]);
        let (text, pages) = normalize_paged(&pdf);
        assert_eq!(
            text,
            "Café owner said\n\nthe second page goes on.\n\nLast page."
        );
        assert_eq!(pages.len(), 4);
        assert_eq!(page(&text, &pages[0]), "Café owner said\n\n");
        assert_eq!(page(&text, &pages[1]), "the second page goes on.\n\n");
        assert_eq!(page(&text, &pages[2]), "");
        assert_eq!(page(&text, &pages[3]), "Last page.");
        assert_eq!(pages[3].end, text.chars().count());
    }

    #[test]
    fn a_stray_mark_in_the_source_is_dropped() {
        let pdf = pdf_text(&["a\u{FDD0}b", "c"]);
        let (text, pages) = normalize_paged(&pdf);
        assert_eq!(text, "abc");
        assert_eq!((pages[1].start, pages[1].end), (2, 3));
    }
}
