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

/// How far back the subject search walks for the sentence start.
const SUBJECT_WALK: usize = 40;

/// The subject of the sentence holding token `c`, for cues such as "saying"
/// or "went on to say" whose speaker is not right before them.
pub(crate) fn subject(d: &Doc, c: usize) -> Option<Mention> {
    let mut s = c;
    // A period inside parentheses ends an abbreviation, not the sentence:
    // "Sen. Ann Lee (D-Mo.) scolded him".
    let ends = |k: usize| d.is_boundary(k) && !d.is_p(k + 1, ')');
    loop {
        while s > 0 && c - s < SUBJECT_WALK && !ends(s - 1) && d.toks[s - 1].k != K::Mark {
            s -= 1;
        }
        // A short quoted fragment right before the cue is stepped over: `Lee called the move
        // a "breach of trust," adding:` has Lee as its subject. A quote further back keeps the
        // walk where it stopped, since the clause after it names its own speaker (`"…," Lee
        // said, adding later,`).
        if s > 1 && s + 1 >= c && c - s < SUBJECT_WALK && d.toks[s - 1].k == K::Mark {
            let close = s - 1;
            let open = (close.saturating_sub(12)..close)
                .rev()
                .find(|&k| d.toks[k].k == K::Mark || ends(k));
            if let Some(o) = open.filter(|&o| d.toks[o].k == K::Mark && o > 0 && o + 1 < close) {
                s = o;
                continue;
            }
        }
        break;
    }
    s = past_dateline(d, s, c);
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
    // A subordinate clause after the introductory phrase runs to its own comma: in `Last
    // month, when I asked Lee about it, he frowned and said` the subject is "he". When the
    // clause's comma comes right before the cue, the cue is the clause's own (`…, when
    // protesters broke in, shouting`).
    if a > s && a < c && d.is_word(a) && subordinator(d.w(a)) {
        if let Some(k) = (a + 1..c).find(|&k| d.is_p(k, ',')).filter(|&k| k + 1 < c) {
            a = k + 1;
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
    if let Some(m) = [s, a].into_iter().find_map(|st| plural_subject(d, st, c)) {
        return Some(m);
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

/// A plural description without a determiner that opens a clause at token `st` and is
/// followed by a past-tense verb before the cue at `c`: `Small groups of dock workers marched
/// …, chanting`, `about 60 fishermen gathered …, shouting`. The verb tells the words before
/// it are the clause's subject; a lone plural ("Democrats") is left to the name rules.
fn plural_subject(d: &Doc, st: usize, c: usize) -> Option<Mention> {
    if !d.is_word(st) || d.is_pronoun(st) || d.is_det(st) || CAP_STOP.contains(&d.w(st)) {
        return None;
    }
    let past = |k: usize| {
        let w = d.w(k);
        w.len() > 4 && w.ends_with("ed") && !d.is_cap(k)
    };
    let mut k = st + 1;
    while k < c && k < st + 6 && d.is_word(k) && !d.is_cap(k) && !past(k) {
        k += 1;
    }
    let head = d.w(k - 1);
    let plural = k > st + 1
        && head.len() > 3
        && (head.ends_with('s') || head.ends_with("men") || matches!(head, "people" | "children"))
        && !super::np::np_breaker(head)
        && !d.is_cap(k - 1);
    if k >= c || !d.is_word(k) || !past(k) || !plural {
        return None;
    }
    Some(Mention {
        ti: st,
        s: d.toks[st].s,
        e: d.toks[k - 1].e,
        kind: MKind::Common,
        name: d.slice(st, k - 1).to_string(),
        role: None,
    })
}

/// Conjunctions that open a subordinate clause, whose subject is not the sentence's.
fn subordinator(w: &str) -> bool {
    matches!(
        w,
        "when"
            | "if"
            | "after"
            | "before"
            | "because"
            | "although"
            | "though"
            | "while"
            | "as"
            | "since"
            | "until"
            | "unless"
            | "once"
    )
}

/// Where the sentence opening at token `s` starts once a dateline is set aside: a paragraph
/// that opens with a place in capitals and a comma or parenthesis, up to a dash (`WASHINGTON,
/// May 3 (AP) — The senator …`), names where the story was filed, never who speaks.
fn past_dateline(d: &Doc, s: usize, c: usize) -> usize {
    let para_start = s == 0 || d.toks[s - 1].k == K::Para;
    let caps =
        |k: usize| d.is_word(k) && d.w(k).len() > 1 && d.w(k).chars().all(|ch| !ch.is_lowercase());
    if !para_start || !caps(s) {
        return s;
    }
    let mut k = s;
    while k < c && caps(k) {
        k += 1;
    }
    if !(d.is_p(k, ',') || d.is_p(k, '(')) {
        return s;
    }
    (k..c.min(k + 12))
        .find(|&j| d.is_p(j, '—') || d.is_p(j, '–') || d.is_p(j, '-'))
        .map_or(s, |j| j + 1)
}
