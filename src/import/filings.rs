//! Court filings at import: the glue that runs the pure `legal` parser on the documents import
//! took for filings and files its result on the document. It lives in `import/` because it
//! edits the ingest contract; `legal/` stays text in, structure out.

use crate::model::{DocumentKind, ImportedDocument, SourceFormat};

/// Gives a court filing its legal structure. Only documents import took for court filings
/// are parsed, so articles never pay for it; a filing's date becomes its publication date
/// when the source gave none (or only a PDF's creation date, which is when the file was
/// written, not when it was filed). A panic in the parser costs the document its structure,
/// never the import.
pub fn attach(doc: &mut ImportedDocument) {
    if doc.kind != DocumentKind::Indictment {
        return;
    }
    let (text, pages) = (&doc.text, &doc.structure.pages);
    let Ok(Some(legal)) = std::panic::catch_unwind(|| crate::legal::parse(text, pages)) else {
        return;
    };
    let from_pdf = doc.format == SourceFormat::Pdf;
    if doc.published.is_none() || from_pdf {
        if let Some(filed) = legal
            .filing_date
            .as_deref()
            .and_then(crate::pubdate::parse_published)
        {
            doc.published_raw = legal.filing_date.clone();
            doc.published = Some(filed);
        }
    }
    doc.structure.legal = Some(legal);
}
