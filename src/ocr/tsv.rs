//! Tesseract's TSV output to page text.
//!
//! Tesseract writes one row per page, block, paragraph, line and word, with the word's
//! confidence. The text is rebuilt from the word rows rather than taken from the engine's
//! plain-text output so that every word's place in it is known: words of a line are joined by
//! a space, lines by a line break, paragraphs and blocks by a blank line, and a word under
//! [`LOW_CONFIDENCE`] becomes a char span of the page text. A multi-page input (a TIFF given
//! whole) yields one page per `page_num`.

use super::{RecognizedPage, LOW_CONFIDENCE};

/// Reads the TSV of one run into pages, in the order of their `page_num`. Rows that do not
/// parse are skipped: the table is the engine's, and a row it garbled costs one word.
pub fn parse(tsv: &str) -> Vec<RecognizedPage> {
    let mut pages: Vec<(u32, Builder)> = Vec::new();
    for line in tsv.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].parse::<u32>().ok();
        let (Some(page), Some(block), Some(par), Some(line_no)) = (num(1), num(2), num(3), num(4))
        else {
            continue;
        };
        let Ok(conf) = cols[10].parse::<f32>() else {
            continue;
        };
        // A word may itself contain a tab only if the engine wrote one; the rest is its text.
        let word = cols[11..].join(" ");
        let word = word.trim();
        if word.is_empty() {
            continue;
        }
        if pages.last().is_none_or(|(p, _)| *p != page) {
            pages.push((page, Builder::default()));
        }
        let builder = &mut pages.last_mut().expect("pushed above").1;
        builder.word((block, par, line_no), word, conf);
    }
    pages.into_iter().map(|(_, b)| b.finish()).collect()
}

#[derive(Default)]
struct Builder {
    page: RecognizedPage,
    chars: usize,
    at: Option<(u32, u32, u32)>,
    sum: f64,
}

impl Builder {
    fn word(&mut self, at: (u32, u32, u32), word: &str, conf: f32) {
        let sep = match self.at {
            None => "",
            Some(prev) if (prev.0, prev.1) != (at.0, at.1) => "\n\n",
            Some(prev) if prev.2 != at.2 => "\n",
            Some(_) => " ",
        };
        self.at = Some(at);
        self.page.text.push_str(sep);
        self.chars += sep.chars().count();
        let start = self.chars;
        self.page.text.push_str(word);
        self.chars += word.chars().count();
        if conf < LOW_CONFIDENCE {
            self.page.low.push((start, self.chars));
        }
        self.page.words += 1;
        self.sum += f64::from(conf.clamp(0.0, 100.0));
    }

    fn finish(mut self) -> RecognizedPage {
        if self.page.words > 0 {
            self.page.confidence = Some((self.sum / self.page.words as f64) as f32);
        }
        self.page
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    fn row(page: u32, block: u32, par: u32, line: u32, conf: f32, text: &str) -> String {
        format!("5\t{page}\t{block}\t{par}\t{line}\t1\t0\t0\t10\t10\t{conf}\t{text}")
    }

    #[test]
    fn words_lines_and_paragraphs_become_text_with_low_confidence_spans() {
        let tsv = [
            HEAD.to_string(),
            "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t".to_string(),
            row(1, 1, 1, 1, 96.0, "The"),
            row(1, 1, 1, 1, 41.5, "defendant"),
            row(1, 1, 1, 2, 90.0, "lied."),
            row(1, 2, 1, 1, 88.0, "Überweisung"),
            row(1, 2, 1, 1, 95.0, "   "),
        ]
        .join("\n");
        let pages = parse(&tsv);
        assert_eq!(pages.len(), 1);
        let page = &pages[0];
        assert_eq!(page.text, "The defendant\nlied.\n\nÜberweisung");
        assert_eq!(page.low, vec![(4, 13)]);
        let low: String = page.text.chars().skip(4).take(9).collect();
        assert_eq!(low, "defendant");
        assert_eq!(page.words, 4);
        let mean = page.confidence.unwrap();
        assert!(
            (mean - (96.0 + 41.5 + 90.0 + 88.0) / 4.0).abs() < 0.01,
            "{mean}"
        );
    }

    #[test]
    fn pages_of_a_multi_page_input_stay_apart_and_garbage_rows_are_skipped() {
        let tsv = [
            HEAD.to_string(),
            row(1, 1, 1, 1, 90.0, "one"),
            "5\tx\t1\t1\t1\t1\t0\t0\t1\t1\t90\tbroken".to_string(),
            "5\t2\t1".to_string(),
            row(2, 1, 1, 1, 90.0, "two"),
        ]
        .join("\n");
        let pages = parse(&tsv);
        let texts: Vec<&str> = pages.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["one", "two"]);
        assert!(parse("").is_empty());
    }
}
