//! OCR from the case's side: recognising the scans waiting for it, recognising one document
//! again with other languages (`dossier ocr ID --lang eng+deu`), the case's default languages,
//! and a page's picture for the reader. The work is `ocr_stage`'s; this file decides what may
//! be asked and holds the write lock.

use crate::model::{OcrProgress, OcrReport, PageImage, SourceFormat};
use crate::ocr::{engine, Languages};
use crate::{ocr_stage, store, Case, Error, Result};

impl Case {
    /// Recognises every page waiting for OCR, committing page by page, then writes each
    /// finished document's text; a run stopped or killed resumes at the next page. The new
    /// texts are pending for extraction (`extract_pending`). `progress` sees every page;
    /// returning `false` from it stops after the pages being read are stored.
    pub fn ocr_pending(&self, progress: &mut dyn FnMut(&OcrProgress) -> bool) -> Result<OcrReport> {
        self.writing(|| {
            let report = ocr_stage::run(&self.conn, progress);
            self.catch_up_index();
            report
        })
    }

    /// Pages waiting for OCR in the case.
    pub fn ocr_pending_pages(&self) -> Result<usize> {
        store::ocr::pending_pages(&self.conn)
    }

    /// Makes document `id` wait for OCR again, in `languages` (the case default when `None`),
    /// for the pages OCR read last time (or, the first time, its pages without text; every
    /// page of an image). Run `ocr_pending` and `extract_pending` after it. A document whose
    /// quotes or events a person reviewed, or that a note cites by span, is refused with
    /// `conflict`: new text would move the words they point at.
    pub fn request_ocr(&self, id: i64, languages: Option<&str>) -> Result<Vec<u32>> {
        let languages = match languages {
            Some(l) => Languages::parse(l)?,
            None => Languages::parse(&self.ocr_languages()?)?,
        };
        engine::check_languages(&languages)?;
        let doc = self.document(id)?;
        let pages: Vec<u32> = match (doc.summary.format, &doc.ocr) {
            (SourceFormat::Image, _) => doc.pages.iter().map(|p| p.physical).collect(),
            (SourceFormat::Pdf, Some(ocr)) => {
                let mut pages = ocr.pages.clone();
                pages.extend(ocr.failed_pages.iter().map(|f| f.page));
                pages.sort_unstable();
                pages
            }
            (SourceFormat::Pdf, None) => ocr_stage::scanned_pages(&doc),
            _ => {
                return Err(Error::invalid_input(format!(
                    "document {id} is not a scan: OCR reads PDFs and images (PNG, JPEG, TIFF)"
                )))
            }
        };
        if pages.is_empty() {
            return Err(Error::invalid_input(format!(
                "document {id} has text on every page; there is nothing for OCR to read"
            )));
        }
        let reviewed: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM quotes WHERE document_id = ?1 AND status <> 'auto')
                  + (SELECT count(*) FROM events e JOIN event_sources s ON s.event_id = e.id
                      WHERE s.document_id = ?1 AND e.status <> 'auto')
                  + (SELECT count(*) FROM note_citations WHERE kind = 'span' AND target_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        if reviewed > 0 {
            return Err(Error::conflict(format!(
                "document {id} has {reviewed} reviewed quote(s), event(s) or cited span(s) in \
                 its text; recognising it again would move the words they point at, so it was \
                 left as it is"
            )));
        }
        self.change(|tx| store::ocr::create_job(tx, id, Some(languages.as_str()), &pages))?;
        Ok(pages)
    }

    /// The languages scans are read in when an import names none (`eng` until set).
    pub fn ocr_languages(&self) -> Result<String> {
        store::ocr::default_languages(&self.conn)
    }

    /// Sets the case's default OCR languages, after checking their packs are installed.
    pub fn set_ocr_languages(&self, languages: &str) -> Result<String> {
        let languages = Languages::parse(languages)?;
        engine::check_languages(&languages)?;
        self.change(|tx| store::ocr::set_default_languages(tx, languages.as_str()))?;
        Ok(languages.as_str().to_string())
    }

    /// Gives the scans among `ids` (an import's new documents) their own OCR languages, as
    /// `import --ocr-lang` does, before the stage reads them.
    pub fn set_import_ocr_languages(&self, ids: &[i64], languages: &str) -> Result<()> {
        let languages = Languages::parse(languages)?;
        engine::check_languages(&languages)?;
        let Some(&first) = ids.iter().min() else {
            return Ok(());
        };
        self.change(|tx| store::ocr::set_languages_after(tx, first - 1, languages.as_str()))
    }

    /// The picture of page `physical` (from 1) of a scanned PDF or image, rendered from the
    /// stored original and returned as data for the reader to show beside the text.
    pub fn page_image(&self, id: i64, physical: u32) -> Result<PageImage> {
        ocr_stage::page_image(&self.conn, id, physical)
    }
}
