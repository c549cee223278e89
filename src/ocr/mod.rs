//! Optical character recognition of scanned pages with Tesseract (issue 19).
//!
//! Court filings, leaked memos and faxes arrive as scans: pages that are pictures of text. This
//! module turns one page picture into text and knows nothing of the case: [`engine`] runs the
//! `tesseract` program (and poppler's `pdftoppm` to make a picture of a PDF page) as child
//! processes with a deadline, [`tsv`] reads Tesseract's word table into page text with the
//! words it was unsure of, [`image`] reads the headers of PNG, JPEG and TIFF files to refuse
//! decompression bombs before any decoder sees the pixels, and [`assemble`] joins pages into
//! the normalized text every offset of the case refers to, with page spans and the
//! low-confidence words carried through normalization. The stage that runs it over a case's
//! scans page by page, resumably, is `ocr_stage`.
//!
//! Why the command-line program rather than a binding to libtesseract: a child process can be
//! killed when a page takes too long, its memory is returned when it exits, a crash in the
//! engine or in leptonica's image decoders (which read untrusted files) cannot take the app
//! down, and no `unsafe` FFI enters the core. The cost, about 60 ms of start-up per page
//! (loading the language models), is small next to the one to three seconds a page takes.

pub mod assemble;
pub mod engine;
pub mod fixtures;
pub mod image;
pub mod tsv;

use std::time::Duration;

use crate::{Error, Result};

/// Words Tesseract is less sure of than this (its confidence runs from 0 to 100) are marked
/// as low-confidence: the reader shows them distinctly so a person checks them against the
/// page image before quoting. Clean 300 dpi print scores 90 and above; a word under 60 is
/// wrong about as often as it is right.
pub const LOW_CONFIDENCE: f32 = 60.0;

/// The most pixels a page may declare. A page's picture is decoded whole, one byte a pixel in
/// grey, and Tesseract keeps several copies of it (binarised, scaled), so this bounds what one
/// page costs in memory to about 0.5 GB; an A4 page at 600 dpi is 35 megapixels. A bomb that
/// declares 100,000 × 100,000 pixels is refused from its header, before anything decodes it.
pub const MAX_PIXELS: u64 = 48_000_000;

/// The most pages of one document recognised. A 1,000-page scan takes about half an hour on
/// two cores; the pages past it are reported by number so a person can split the file.
pub const MAX_OCR_PAGES: usize = 1_000;

/// How long one page may take before its engine is killed and the page reported unread.
pub const PAGE_TIMEOUT: Duration = Duration::from_secs(120);

/// The resolution PDF pages are rendered at for recognition: Tesseract is trained on text
/// about 30 pixels high, which 300 dpi gives 10-point print.
pub const RENDER_DPI: u32 = 300;

/// The languages a scan is read in when nothing else is said.
pub const DEFAULT_LANGUAGES: &str = "eng";

/// Languages as Tesseract names them, joined with `+` (`eng+deu`), checked for shape: each a
/// lower-case name of letters, digits and `_` (`chi_sim`), so nothing else ever reaches the
/// engine's command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Languages(String);

impl Languages {
    pub fn parse(spec: &str) -> Result<Languages> {
        let spec = spec.trim();
        let names: Vec<&str> = spec.split('+').collect();
        for name in &names {
            let ok = (2..=24).contains(&name.len())
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if !ok {
                return Err(Error::invalid_input(format!(
                    "'{spec}' is not a list of OCR languages: give Tesseract's names joined \
                     with '+', such as eng+deu"
                )));
            }
        }
        Ok(Languages(names.join("+")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.0.split('+')
    }
}

impl Default for Languages {
    fn default() -> Self {
        Languages(DEFAULT_LANGUAGES.to_string())
    }
}

/// One recognised page: its text (lines separated by a line break, paragraphs by a blank
/// line), the words under [`LOW_CONFIDENCE`] as char spans into that text, how many words it
/// has and their mean confidence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecognizedPage {
    pub text: String,
    pub low: Vec<(usize, usize)>,
    pub words: usize,
    pub confidence: Option<f32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_names_joined_by_plus() {
        assert_eq!(Languages::parse("eng+deu").unwrap().as_str(), "eng+deu");
        assert_eq!(Languages::parse(" chi_sim ").unwrap().as_str(), "chi_sim");
        for bad in ["", "eng+", "-l", "eng deu", "ENG", "eng;rm", "../x"] {
            let err = Languages::parse(bad).unwrap_err();
            assert_eq!(err.code, crate::ErrorCode::InvalidInput, "{bad}");
            assert!(err.message.contains("eng+deu"), "{}", err.message);
        }
    }
}
