//! Word-level differences between two texts: what a copy added to and removed from the
//! earliest version, and what a later quotation changed in a quote's words. A fact-checker
//! looks for a changed number or a dropped "not", so the unit is the word, with the spacing
//! and punctuation around it kept in its piece.
//!
//! The common beginning (and, for long texts, the common end) is taken off first; the middle
//! is a longest common subsequence of words, matched as early as possible, computed only when
//! it is at most `MAX_CELLS` pairs (a bounded table), otherwise the middle is reported as
//! removed and added whole. So a diff never costs more
//! than linear time plus a bounded table.

use crate::model::{DiffOp, DiffPart};

/// The most word pairs the longest-common-subsequence table may have (16 MB of `u32`s at most).
const MAX_CELLS: usize = 4_000_000;

/// A text cut into words, each with the spacing and punctuation that follow it.
fn pieces(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        let word_char = c.is_alphanumeric();
        if word_char && !in_word && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        in_word = word_char;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The comparable form of a piece: its letters and digits, lower-cased, so a changed comma or
/// capital is not a changed word.
fn key(piece: &str) -> String {
    piece
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

fn push(out: &mut Vec<DiffPart>, op: DiffOp, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(DiffPart {
            op,
            text: text.to_string(),
        }),
    }
}

/// The differences that turn `from` into `to`, as pieces of `to` kept (`same`), pieces of
/// `from` dropped (`removed`) and pieces of `to` new (`added`), in reading order.
pub fn words(from: &str, to: &str) -> Vec<DiffPart> {
    let a = pieces(from);
    let b = pieces(to);
    let ka: Vec<String> = a.iter().map(|p| key(p)).collect();
    let kb: Vec<String> = b.iter().map(|p| key(p)).collect();
    let mut prefix = 0;
    while prefix < ka.len() && prefix < kb.len() && ka[prefix] == kb[prefix] {
        prefix += 1;
    }
    // The common end is taken off only when the middle would not fit the table otherwise:
    // matching from the start keeps a quote that goes on further ("... this year or next
    // year") an extension at its end rather than words inserted before its last one.
    let mut suffix = 0;
    let fits = (ka.len() - prefix).saturating_mul(kb.len() - prefix) <= MAX_CELLS;
    while !fits
        && suffix < ka.len() - prefix
        && suffix < kb.len() - prefix
        && ka[ka.len() - 1 - suffix] == kb[kb.len() - 1 - suffix]
    {
        suffix += 1;
    }
    let mut out = Vec::new();
    for p in &b[..prefix] {
        push(&mut out, DiffOp::Same, p);
    }
    let (ma, mb) = (
        &ka[prefix..ka.len() - suffix],
        &kb[prefix..kb.len() - suffix],
    );
    let (pa, pb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if ma.len().saturating_mul(mb.len()) > MAX_CELLS {
        for p in pa {
            push(&mut out, DiffOp::Removed, p);
        }
        for p in pb {
            push(&mut out, DiffOp::Added, p);
        }
    } else {
        middle(ma, mb, pa, pb, &mut out);
    }
    for p in &b[b.len() - suffix..] {
        push(&mut out, DiffOp::Same, p);
    }
    out
}

/// The longest common subsequence of the middles, read back into removed, added and kept
/// pieces (removals before additions where both happen at one place).
fn middle(ka: &[String], kb: &[String], a: &[&str], b: &[&str], out: &mut Vec<DiffPart>) {
    let (n, m) = (ka.len(), kb.len());
    // table[i][j]: the common subsequence length of ka[i..] and kb[j..].
    let width = m + 1;
    let mut table = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i * width + j] = if ka[i] == kb[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ka[i] == kb[j] {
            push(out, DiffOp::Same, b[j]);
            i += 1;
            j += 1;
        } else if j == m || (i < n && table[(i + 1) * width + j] >= table[i * width + j + 1]) {
            push(out, DiffOp::Removed, a[i]);
            i += 1;
        } else {
            push(out, DiffOp::Added, b[j]);
            j += 1;
        }
    }
}

/// Whether a diff changes any word (pieces that differ only by spacing or punctuation do not).
pub fn changes_words(parts: &[DiffPart]) -> bool {
    parts
        .iter()
        .any(|p| p.op != DiffOp::Same && p.text.chars().any(char::is_alphanumeric))
}
