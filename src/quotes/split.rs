//! Quotes split in two by their attribution: `"A," he said, "B."`. The second half belongs to the
//! first half's quote and speaker, even when the attribution clause runs on for a few words before
//! the quote resumes (`"A," Lee said of the plan, "because B."`, `"A," Lee said during a rally in
//! Dayton, Ohio, "but B."`, `"A," he said, but "b."`). This module decides whether the next quoted
//! stretch resumes the quote, and, the other way round, when the last paragraph of a quote running
//! over several paragraphs is a quote of its own; it looks at a bounded number of tokens, so
//! extraction stays linear.

use super::attr::{after, before, Attr};
use super::marks::RawQuote;
use super::np::Doc;
use super::tokens::K;

/// How many tokens the attribution clause may run on between its cue and the resumed quote.
const CLAUSE_TOKENS: usize = 25;

/// Whether the period at token `k` belongs to an abbreviation rather than ending the sentence:
/// one before a comma (`Dayton, Ohio, N.C., "…`) or after a short capitalised word (`Sen.`).
fn abbreviation_dot(d: &Doc, k: usize) -> bool {
    d.is_p(k, '.')
        && (d.is_p(k + 1, ',')
            || k.checked_sub(1)
                .is_some_and(|p| d.is_cap(p) && d.w(p).chars().count() <= 3))
}

/// Whether `next` resumes the quote `q`, which the attribution `a` after it splits. The classic
/// layout (`"A," he told X, "B."`) needs the first half to end in a comma inside the marks (the
/// sentence is not over) and one after the clause; a longer clause needs no sentence end or other
/// quote between, and the second half introduced by a comma, or by "but" or "and" before
/// lowercase words. A second cue in the clause (`"A," she said, adding, "B."`) introduces a quote of its own.
pub(crate) fn resumes(d: &Doc, chars: &[char], q: &RawQuote, a: &Attr, next: &RawQuote) -> bool {
    // The first half must leave its sentence open with a comma: after `"A." He adds, "B."` or
    // `"A?" she answered, "B."` the second quote is one of its own.
    let open_comma = q.close > 0 && d.is_p(q.close - 1, ',');
    if a.cue.0 <= q.close || next.open <= a.end || !q.closed || !open_comma {
        return false;
    }
    // A cue inside the attribution's own clause introduces what follows it: in `"A," Lee sang
    // to the crowd before asking them, "B?"` the question is a quote of its own.
    let second_cue = (a.cue.1 + 1..=a.end).any(|k| d.cue_at(k).is_some());
    if d.is_p(a.end + 1, ',') && next.open == a.end + 2 {
        return !second_cue;
    }
    if next.open > a.end + CLAUSE_TOKENS {
        return false;
    }
    let clean = (a.end + 1..next.open).all(|k| {
        let t = &d.toks[k];
        t.k != K::Mark
            && t.k != K::Para
            && (!d.is_boundary(k) || abbreviation_dot(d, k))
            && d.cue_at(k).is_none()
    });
    if !clean {
        return false;
    }
    // A second half that carries an attribution of its own is a quote of its own: in `"A," Lee
    // said, but despite it all, "B," said Kim` Kim speaks B.
    if next.closed && after(d, next.close).is_some_and(|a| a.speaker.is_some()) {
        return false;
    }
    let lowercase = next.segs[0].0 < chars.len()
        && chars[next.segs[0].0..next.segs[0].1]
            .iter()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_lowercase());
    let before = next.open - 1;
    d.is_p(before, ',') || (lowercase && d.is_word(before) && matches!(d.w(before), "but" | "and"))
}

/// The most tokens the clause after a quote may run to its sentence end.
const TAIL_TOKENS: usize = 60;

/// Whether only the rest of the sentence of a quote closed at token `close` lies before the quote
/// opening at `open`, and that quote left its sentence open with a comma, question or exclamation
/// mark: `"A," the ad states. "B."`. The clause after the first half is its attribution, whether
/// or not its verb is a known cue, so the second half continues the same quote.
pub(crate) fn tail_between(d: &Doc, close: usize, open: usize) -> bool {
    let Some(end) = open.checked_sub(1) else {
        return false;
    };
    let open_sentence = close > 0 && [',', '?', '!'].iter().any(|&c| d.is_p(close - 1, c));
    open_sentence
        && end > close + 1
        && end <= close + TAIL_TOKENS
        && d.is_boundary(end)
        && d.toks[end].k == K::Punct
        && (close + 1..end).all(|k| !d.is_boundary(k) && d.toks[k].k != K::Mark)
}

/// Whether the quote `next` fills the paragraph right after the one where an attributed quote
/// closed at token `close`, with at most the rest of that quote's sentence between them: `"A,"
/// Lee said.¶"B."`. News writers close and reopen the marks of one speaker's quote across
/// paragraphs, and a paragraph that is nothing but a quote goes on with the speech before it.
pub(crate) fn next_paragraph(d: &Doc, close: usize, next: &RawQuote) -> bool {
    let Some(brk) = next.open.checked_sub(1) else {
        return false;
    };
    let fills = next.closed && d.toks.get(next.close + 1).is_none_or(|t| t.k == K::Para);
    fills
        && d.toks[brk].k == K::Para
        && brk > close
        && brk <= close + TAIL_TOKENS
        && (close + 1..brk).all(|k| {
            let t = &d.toks[k];
            t.k != K::Mark && t.k != K::Para && (!d.is_boundary(k) || k + 1 == brk)
        })
}

/// Splits off the last paragraph of a quote that runs over several paragraphs (no closing mark at
/// the end of one, an opening mark at the start of the next) when that paragraph carries an
/// attribution of its own after its closing mark: in `Lee said: "A.¶"B," Lee said. "C."` the
/// writer attributes B again, so B starts a new quote (with C resuming it) rather than finishing
/// the one A opened. The first paragraphs must have their own attribution before them, or go on
/// with a quote earlier in their paragraph (`"A," Lee said. "B.¶"C," Lee said.`): a stretch that
/// opens a paragraph unattributed is more likely a stray mark than speech of its own.
pub(crate) fn attributed_last_paragraph(d: &Doc, raws: Vec<RawQuote>) -> Vec<RawQuote> {
    let mut out = Vec::with_capacity(raws.len());
    for q in raws {
        let n = q.segs.len();
        let own = n > 1
            && q.closed
            && q.close > 0
            && [',', '?', '!'].iter().any(|&c| d.is_p(q.close - 1, c))
            && after(d, q.close).is_some_and(|a| a.speaker.is_some())
            && (before(d, q.open).is_some_and(|a| a.speaker.is_some())
                || resumes_in_paragraph(d, q.open));
        // The mark that opens the last paragraph's segment.
        let mark = own
            .then(|| {
                (q.open + 1..q.close)
                    .rev()
                    .find(|&k| d.toks[k].k == K::Para)
            })
            .flatten()
            .map(|k| k + 1)
            .filter(|&m| d.toks[m].k == K::Mark && d.toks[m].e == q.segs[n - 1].0);
        let Some(m) = mark else {
            out.push(q);
            continue;
        };
        out.push(RawQuote {
            open: q.open,
            close: m - 2,
            closed: false,
            segs: q.segs[..n - 1].to_vec(),
        });
        out.push(RawQuote {
            open: m,
            close: q.close,
            closed: true,
            segs: vec![q.segs[n - 1]],
        });
    }
    out
}

/// How far back in its paragraph a quote that opens a sentence looks for an earlier quote.
const RESUME_REACH: usize = 40;

/// Whether the quote opening at token `open` starts a sentence that follows, in the same
/// paragraph, the attribution of an earlier quote: `"A," Lee said. "B.`.
fn resumes_in_paragraph(d: &Doc, open: usize) -> bool {
    open > 0
        && d.is_boundary(open - 1)
        && (open.saturating_sub(RESUME_REACH)..open)
            .rev()
            .take_while(|&k| d.toks[k].k != K::Para)
            .any(|k| d.toks[k].k == K::Mark)
}
