//! Scanned images (PNG, JPEG, TIFF of any number of pages) as documents: no text yet, a page
//! span per page, `needs_ocr`, so the OCR stage reads them. Only the headers are read here
//! (`ocr::image::inspect`), which refuses a decompression bomb or a corrupt TIFF by name and
//! page before any decoder sees the pixels.

use crate::import::ImportedDocument;
use crate::model::{DocumentKind, PageSpan, SourceFormat, Structure, TextStatus};
use crate::ocr::image::inspect;
use crate::{Error, Result};

/// Reads an image file's header into a document waiting for OCR.
pub fn parse(original: Vec<u8>, file_stem: &str) -> Result<ImportedDocument> {
    let info = inspect(&original).map_err(|e| Error::invalid_input(format!("the image {e}")))?;
    let pages: Vec<PageSpan> = (1..=info.pages.len() as u32)
        .map(|n| PageSpan {
            number: n,
            physical: n,
            start: 0,
            end: 0,
        })
        .collect();
    let extra = serde_json::json!({
        "image_format": info.format.name(),
        "page_count": pages.len(),
        "pixels": info.pages.iter().map(|&(w, h)| format!("{w}x{h}")).collect::<Vec<_>>(),
        "text_status": "no text layer: needs OCR",
    });
    Ok(ImportedDocument {
        kind: DocumentKind::Other,
        outlet: None,
        language: None,
        title: file_stem.to_string(),
        url: None,
        authors: Vec::new(),
        published_raw: None,
        published: None,
        keywords: Vec::new(),
        doc_ref: None,
        format: SourceFormat::Image,
        original,
        text: String::new(),
        extra,
        structure: Structure {
            pages,
            text_status: TextStatus::NeedsOcr,
            legal: None,
        },
    })
}
