//! Cheap checks on the raw bytes before any third-party parser runs.
//!
//! `lopdf` parses nested arrays and dictionaries recursively, so a file nesting them a million
//! deep would overflow the stack, which aborts the process instead of unwinding. Compressed
//! streams can inflate a thousandfold. This module walks the file once with a small state
//! machine, tracking nesting depth outside strings, and inflates every Flate stream that the
//! parsers will later decode (object streams and content streams, not images) with a running
//! budget, scanning the inflated bytes for depth too. Everything is linear in the input.

use std::io::Read;

use super::{PdfError, PdfLimits};

/// Rejects what can be rejected without parsing: non-PDFs, truncated files, files over the
/// size, depth or decompression bounds.
pub(super) fn prescan(bytes: &[u8], limits: &PdfLimits) -> Result<(), PdfError> {
    if bytes.len() > limits.max_bytes {
        return Err(PdfError::TooLarge(format!(
            "the file is {} MB, above the {} MB limit",
            bytes.len() >> 20,
            limits.max_bytes >> 20
        )));
    }
    let head = &bytes[..bytes.len().min(1024)];
    if find(head, b"%PDF-").is_none() {
        return Err(PdfError::NotPdf);
    }
    // The specification puts %%EOF at the very end; readers tolerate up to 1 KB of trailing
    // junk, and a file without it in that window was cut short.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if find(tail, b"%%EOF").is_none() {
        return Err(PdfError::Truncated);
    }
    let mut budget = limits.max_decompressed;
    let mut depth = Depth::new(limits.max_depth);
    let mut i = 0;
    let mut dict_start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if depth.is_normal() && depth.level == 0 && b == b'<' && bytes.get(i + 1) == Some(&b'<') {
            dict_start = i;
        }
        if depth.is_normal() && b == b's' && starts_stream(bytes, i) {
            let body_start = skip_eol(bytes, i + 6);
            let body_end =
                find(&bytes[body_start..], b"endstream").map_or(bytes.len(), |n| body_start + n);
            // Only the dictionary right before the keyword matters; capping the window keeps
            // the scan linear even when a file has no dictionary for a long stretch.
            let dict = &bytes[dict_start.max(i.saturating_sub(4096))..i];
            if find(dict, b"/FlateDecode").is_some() && find(dict, b"/Image").is_none() {
                inflate_checked(&bytes[body_start..body_end], &mut budget, limits)?;
            }
            i = body_end;
            continue;
        }
        depth.feed(b)?;
        i += 1;
    }
    Ok(())
}

/// Inflates one stream against the shared budget and checks its nesting depth.
fn inflate_checked(data: &[u8], budget: &mut usize, limits: &PdfLimits) -> Result<(), PdfError> {
    let mut decoder = flate2::read::ZlibDecoder::new(data);
    let mut depth = Depth::new(limits.max_depth);
    let mut buf = [0u8; 16 * 1024];
    loop {
        // A corrupt stream is not this module's business: the parser reports it or skips it.
        let n = match decoder.read(&mut buf) {
            Ok(0) | Err(_) => return Ok(()),
            Ok(n) => n,
        };
        if n > *budget {
            return Err(PdfError::TooLarge(format!(
                "compressed streams inflate to more than {} MB",
                limits.max_decompressed >> 20
            )));
        }
        *budget -= n;
        for &b in &buf[..n] {
            depth.feed(b)?;
        }
    }
}

/// True when `stream` starts at `i` as a keyword (not the tail of `endstream`) followed by
/// an end of line, as the specification requires.
fn starts_stream(bytes: &[u8], i: usize) -> bool {
    bytes[i..].starts_with(b"stream")
        && (i == 0 || !bytes[i - 1].is_ascii_alphabetic())
        && matches!(bytes.get(i + 6), Some(b'\r' | b'\n'))
}

fn skip_eol(bytes: &[u8], mut i: usize) -> usize {
    if bytes.get(i) == Some(&b'\r') {
        i += 1;
    }
    if bytes.get(i) == Some(&b'\n') {
        i += 1;
    }
    i
}

/// Finds `needle` in `hay`; the needles are short, so the naive scan stays linear in practice.
pub(super) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Normal,
    Comment,
    /// Inside a literal string; strings nest parentheses and escape with a backslash.
    Literal {
        parens: u32,
        escaped: bool,
    },
    Hex,
}

/// A byte-at-a-time tracker of array and dictionary nesting that skips strings and comments.
struct Depth {
    state: State,
    level: usize,
    max: usize,
    /// The previous byte was a `<` or `>` that may start a `<<` or `>>`.
    pending: Option<u8>,
}

impl Depth {
    fn new(max: usize) -> Self {
        Depth {
            state: State::Normal,
            level: 0,
            max,
            pending: None,
        }
    }

    fn is_normal(&self) -> bool {
        self.state == State::Normal && self.pending.is_none()
    }

    fn feed(&mut self, b: u8) -> Result<(), PdfError> {
        match self.state {
            State::Comment => {
                if b == b'\n' || b == b'\r' {
                    self.state = State::Normal;
                }
                Ok(())
            }
            State::Literal { parens, escaped } => {
                self.state = match (escaped, b) {
                    (true, _) => State::Literal {
                        parens,
                        escaped: false,
                    },
                    (false, b'\\') => State::Literal {
                        parens,
                        escaped: true,
                    },
                    (false, b'(') => State::Literal {
                        parens: parens + 1,
                        escaped: false,
                    },
                    (false, b')') if parens == 0 => State::Normal,
                    (false, b')') => State::Literal {
                        parens: parens - 1,
                        escaped: false,
                    },
                    _ => State::Literal {
                        parens,
                        escaped: false,
                    },
                };
                Ok(())
            }
            State::Hex => {
                if b == b'>' {
                    self.state = State::Normal;
                }
                Ok(())
            }
            State::Normal => self.feed_normal(b),
        }
    }

    fn feed_normal(&mut self, b: u8) -> Result<(), PdfError> {
        match (self.pending.take(), b) {
            (Some(b'<'), b'<') => return self.open(),
            (Some(b'>'), b'>') => {
                self.level = self.level.saturating_sub(1);
                return Ok(());
            }
            // A single `<` opens a hex string; this byte is its first digit.
            (Some(b'<'), _) => {
                self.state = State::Hex;
                return self.feed(b);
            }
            _ => {}
        }
        match b {
            b'<' | b'>' => self.pending = Some(b),
            b'[' => return self.open(),
            b']' => self.level = self.level.saturating_sub(1),
            b'(' => {
                self.state = State::Literal {
                    parens: 0,
                    escaped: false,
                }
            }
            b'%' => self.state = State::Comment,
            _ => {}
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), PdfError> {
        self.level += 1;
        if self.level > self.max {
            return Err(PdfError::TooLarge(format!(
                "arrays or dictionaries nest more than {} deep",
                self.max
            )));
        }
        Ok(())
    }
}
