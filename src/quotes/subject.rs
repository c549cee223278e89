//! The subject of the sentence around a cue, for cues whose speaker does not stand right
//! before them ("saying", "went on to say", a colon after a clause): the sentence start is
//! found by a bounded walk back, a dateline, sentence adverbs and introductory phrases are set
//! aside, and the first noun phrase left is the subject.

use super::lexicon::CAP_STOP;
use super::np::{np_backward, np_forward, Doc, MKind, Mention};
use super::tokens::K;

/// Sentence-opening conjunctions and adverbs that come before a subject.
fn opener(w: &str) -> bool {
    matches!(
        w,
        "And"
            | "But"
            | "So"
            | "Yet"
            | "Then"
            | "then"
            | "Still"
            | "Meanwhile"
            | "However"
            | "Also"
            | "Later"
            | "Now"
            | "Instead"
            | "Indeed"
            | "Separately"
            | "Similarly"
    )
}
/// The subject of the sentence holding token `c`, for cues such as "saying"
/// or "went on to say" whose speaker is not right before them.
pub(crate) fn subject(d: &Doc, c: usize) -> Option<Mention> {
    let mut s = c;
    // A period inside parentheses ends an abbreviation, not the sentence:
    // "Sen. Ann Lee (D-Mo.) scolded him".
    let ends = |k: usize| d.is_boundary(k) && !d.is_p(k + 1, ')');
    while s > 0 && c - s < 25 && !ends(s - 1) && d.toks[s - 1].k != K::Mark {
        s -= 1;
    }
    // A dash that glues the sentence to the one before is not part of it:
    // "…can be!—Ortega called them on it:".
    while s < c && d.toks[s].k == K::Punct && !d.is_p(s, '(') {
        s += 1;
    }
    // Sentence adverbs and conjunctions are not the subject: "And then
    // Ortega went on the attack, saying".
    let s0 = s;
    while s < c && s < s0 + 3 && opener(d.w(s)) {
        s += 1;
    }
    // Skip an introductory phrase ending in a comma ("In a statement, X said").
    let mut a = s;
    for k in s..c {
        if d.is_p(k, ',') {
            a = k + 1;
            break;
        }
    }
    // A name set off by an aside is the subject: "Whitfield, speaking to
    // farmers, said". The aside ends with a comma before the verb: a word
    // set off by one comma opens the sentence ("Likewise, the institute
    // had this to say:"), and a pronoun after it is the subject ("Once, I
    // laughed and said").
    let aside = !d.is_pronoun(a) && (a..c).any(|k| d.is_p(k, ','));
    if a > s + 1 && !CAP_STOP.contains(&d.w(s)) && aside {
        if let Some(m) = np_backward(d, a - 2)
            .filter(|m| m.kind != MKind::Common && m.ti >= s && (s..m.ti).all(|k| d.is_cap(k)))
        {
            return Some(m);
        }
    }
    for start in [a, s] {
        if let Some((m, _)) = np_forward(d, start) {
            if m.kind != MKind::Common || d.is_det(start) {
                return Some(m);
            }
        }
    }
    None
}
