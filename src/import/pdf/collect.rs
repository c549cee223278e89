//! Glyph positions from `pdf-extract`, grouped into words.
//!
//! `pdf-extract` decodes fonts and reports every glyph with its text-rendering matrix; its own
//! plain-text writer throws the positions away, which makes columns and margins impossible to
//! recognise, so this output device keeps them. It also enforces the character and time
//! bounds, returning an error that stops the content-stream interpreter.

use std::time::Instant;

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// A run of glyphs on one baseline with no visible gap, in PDF user space (y grows upwards).
#[derive(Debug, Clone)]
pub(super) struct Word {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    pub size: f32,
    pub text: String,
}

/// The words of one page and the page's box.
#[derive(Debug, Clone, Default)]
pub(super) struct PageWords {
    pub width: f32,
    pub height: f32,
    /// The bottom-left corner of the media box, subtracted from every position.
    pub origin: (f32, f32),
    pub words: Vec<Word>,
}

/// Why collection stopped early.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stop {
    Deadline,
    Chars,
}

pub(super) struct Collector {
    /// One entry per page begun, the last one being filled.
    pub pages: Vec<PageWords>,
    pub chars: usize,
    pub max_chars: usize,
    pub deadline: Instant,
    pub stopped: Option<Stop>,
    current: Option<Word>,
}

impl Collector {
    pub fn new(max_chars: usize, deadline: Instant) -> Self {
        Collector {
            pages: Vec::new(),
            chars: 0,
            max_chars,
            deadline,
            stopped: None,
            current: None,
        }
    }

    fn origin(&self) -> (f32, f32) {
        self.pages.last().map_or((0.0, 0.0), |p| p.origin)
    }

    fn flush(&mut self) {
        if let Some(w) = self.current.take() {
            if let Some(page) = self.pages.last_mut() {
                page.words.push(w);
            }
        }
    }

    fn stop(&mut self, why: Stop) -> Result<(), OutputError> {
        self.stopped = Some(why);
        Err(OutputError::FormatError(std::fmt::Error))
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _num: u32,
        mb: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.flush();
        self.pages.push(PageWords {
            width: (mb.urx - mb.llx).abs() as f32,
            height: (mb.ury - mb.lly).abs() as f32,
            origin: (mb.llx.min(mb.urx) as f32, mb.lly.min(mb.ury) as f32),
            words: Vec::new(),
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        self.flush();
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        ch: &str,
    ) -> Result<(), OutputError> {
        self.chars += 1;
        if self.chars > self.max_chars {
            return self.stop(Stop::Chars);
        }
        // Reading the clock for every glyph would cost more than the glyph itself, so it is read
        // every 512 glyphs (a mask rather than is_multiple_of, which needs Rust 1.87).
        if self.chars & 511 == 0 && Instant::now() > self.deadline {
            return self.stop(Stop::Deadline);
        }
        let scale = (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let size = (font_size * scale).abs() as f32;
        let size = if size.is_finite() && size > 0.1 {
            size
        } else {
            1.0
        };
        let (ox, oy) = self.origin();
        let x = trm.m31 as f32 - ox;
        let y = trm.m32 as f32 - oy;
        if !x.is_finite() || !y.is_finite() {
            return Ok(());
        }
        let advance = (width * font_size * scale) as f32;
        let advance = if advance.is_finite() && advance >= 0.0 {
            advance
        } else {
            0.0
        };
        if ch.chars().all(char::is_whitespace) {
            self.flush();
            return Ok(());
        }
        if let Some(w) = &mut self.current {
            let same_line = (w.y - y).abs() < 0.3 * size.max(w.size);
            let gap = x - w.x1;
            if same_line && gap > -0.5 * size && gap < 0.2 * size {
                w.text.push_str(ch);
                w.x1 = w.x1.max(x + advance);
                return Ok(());
            }
        }
        self.flush();
        self.current = Some(Word {
            x0: x,
            x1: x + advance,
            y,
            size,
            text: ch.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
