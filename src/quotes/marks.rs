//! Pairs double quote marks into quoted stretches, paragraph by paragraph.
//!
//! Straight marks carry no direction, so their role is guessed from the
//! characters around them and, when that is ambiguous (glued text such as
//! `reports."From`), from whether a quote is currently open. Marks never pair
//! across a paragraph break, except for the newspaper convention of a quote
//! running over several paragraphs: no closing mark at the end of one
//! paragraph and an opening mark at the start of the next.

use super::tokens::{Tok, K};

/// A quoted stretch: one segment per paragraph it covers.
#[derive(Debug, Clone)]
pub(crate) struct RawQuote {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark, or of the last token before the
    /// paragraph break when the quote was never closed.
    pub close: usize,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Content char spans (between the marks), one per paragraph.
    pub segs: Vec<(usize, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    Either,
}

fn direction(chars: &[char], t: &Tok) -> Dir {
    let prev = if t.s > 0 { Some(chars[t.s - 1]) } else { None };
    let next = chars.get(t.e).copied();
    let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p));
    let space_after = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
    // Curly marks say their direction, except an opening mark glued to the
    // end of a word and followed by a space, which closes: `not,“ he said`.
    match t.c {
        '“' | '„' | '«' => {
            return if !space_before && space_after {
                Dir::Close
            } else {
                Dir::Open
            }
        }
        '”' | '»' => return Dir::Close,
        _ => {}
    }
    match (space_before, space_after) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

/// Whether the opening mark at `i`, met while a quote is open, starts a new
/// paragraph of that quote: the sentence before it ended (`were. "What`), so
/// the open quote lost its closing mark only because a new paragraph began.
fn glued_paragraph(toks: &[Tok], i: usize) -> bool {
    i > 0
        && toks[i - 1].k == K::Punct
        && matches!(toks[i - 1].c, '.' | '?' | '!')
        && toks[i - 1].e < toks[i].s
}

/// Finds the quoted stretches of the token stream.
pub(crate) fn pair(chars: &[char], toks: &[Tok]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    // The open quote: token index of its mark and its finished segments.
    let mut open: Option<(usize, Vec<(usize, usize)>)> = None;
    // The mark that opened the current segment (differs from the quote's
    // first mark for multi-paragraph quotes).
    let mut seg_open = 0usize;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        match t.k {
            K::Para => {
                if let Some((o, mut segs)) = open.take() {
                    let seg_end = toks[i - 1].e;
                    let content_start = toks[seg_open].e;
                    // A quote left open continues when the next paragraph
                    // starts with an opening mark.
                    let next = toks.get(i + 1);
                    let continues =
                        next.is_some_and(|n| n.k == K::Mark && direction(chars, n) != Dir::Close);
                    if seg_end > content_start {
                        segs.push((content_start, seg_end));
                    }
                    if continues && !segs.is_empty() {
                        seg_open = i + 1;
                        open = Some((o, segs));
                        i += 2;
                        continue;
                    }
                    if !segs.is_empty() {
                        out.push(RawQuote {
                            open: o,
                            close: i - 1,
                            closed: false,
                            segs,
                        });
                    }
                }
            }
            K::Mark => {
                let d = direction(chars, t);
                match (&mut open, d) {
                    (None, Dir::Open | Dir::Either) => {
                        open = Some((i, Vec::new()));
                        seg_open = i;
                    }
                    (None, Dir::Close) => {
                        // A stray closing mark: nothing to pair it with.
                    }
                    (Some(_), Dir::Close | Dir::Either) => {
                        let (o, mut segs) = open.take().unwrap_or_default();
                        let cs = toks[seg_open].e;
                        if t.s > cs {
                            segs.push((cs, t.s));
                        }
                        if !segs.is_empty() {
                            out.push(RawQuote {
                                open: o,
                                close: i,
                                closed: true,
                                segs,
                            });
                        }
                    }
                    (Some((_, segs)), Dir::Open) if glued_paragraph(toks, i) => {
                        // The convention of a quote running over several
                        // paragraphs, in a source whose paragraphs were glued
                        // into one line: no closing mark after the sentence,
                        // an opening mark before the next. The quote goes on.
                        let cs = toks[seg_open].e;
                        let end = toks[i - 1].e;
                        if end > cs {
                            segs.push((cs, end));
                        }
                        seg_open = i;
                    }
                    (Some(_), Dir::Open) => {
                        // Two opening marks in a row: the first one was
                        // unbalanced, so restart from the second.
                        open = Some((i, Vec::new()));
                        seg_open = i;
                    }
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some((o, mut segs)) = open {
        let cs = toks[seg_open].e;
        let end = toks.last().map_or(cs, |t| t.e);
        if end > cs {
            segs.push((cs, end));
        }
        if !segs.is_empty() {
            out.push(RawQuote {
                open: o,
                close: toks.len() - 1,
                closed: false,
                segs,
            });
        }
    }
    out
}
