//! Finds the attribution clause (cue verb, speaker, addressee) around a
//! quote; `indirect.rs` reads the attributions of unquoted sentences.

use super::layouts::{any_verb, aside_then_cue, colon_intro, descriptive, signature};
use super::np::{np_backward, np_forward, Doc, MKind, Mention};
use super::subject::subject;
use super::tokens::K;

/// An attribution clause found next to some content.
#[derive(Debug, Clone)]
pub(crate) struct Attr {
    /// First and last token of the cue ("according to" spans two).
    pub cue: (usize, usize),
    pub speaker: Option<Mention>,
    pub addressee: Option<String>,
    /// Last token of the clause, to detect the second half of a split quote.
    pub end: usize,
}

/// Adverbs and auxiliaries allowed between a speaker and its cue.
pub(crate) fn skippable(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(
            w,
            "also"
                | "later"
                | "then"
                | "has"
                | "had"
                | "once"
                | "again"
                | "previously"
                | "often"
                | "further"
                | "soon"
                | "simply"
                | "just"
        )
}

/// Whether a cue takes its listener as object: "told Reuters", "tells reporters".
pub(crate) fn is_tell(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "told" | "tells" | "tell" | "telling"
    )
}

/// Addressee after "told": "told TechNewsWorld", "told reporters".
pub(crate) fn addressee(d: &Doc, cue: usize) -> (Option<String>, usize) {
    let i = cue + 1;
    if is_tell(d.w(cue)) && d.is_word(i) {
        if d.is_cap(i) && !d.is_pronoun(i) {
            let mut b = i;
            while d.is_cap(b + 1) && b < i + 5 {
                b += 1;
            }
            return (Some(d.slice(i, b).to_string()), b);
        }
        if d.is_det(i) && d.is_word(i + 1) {
            return (Some(d.slice(i, i + 1).to_string()), i + 1);
        }
        return (Some(d.w(i).to_string()), i);
    }
    (None, cue)
}

/// The attribution after a closing mark: `, said X`, `, X said`,
/// `he told TechNewsWorld`, `according to X`.
pub(crate) fn after(d: &Doc, close: usize) -> Option<Attr> {
    // A signature line: `"…" ― Lena Park` ends the paragraph with a name.
    if let Some(a) = signature(d, close) {
        return Some(a);
    }
    let mut i = close + 1;
    if d.is_p(i, ',') || d.is_p(i, '—') || d.is_p(i, '–') {
        i += 1;
    }
    if !d.is_word(i) {
        return None;
    }
    // Cue first: "said Vitali Kremez", "according to The New York Times".
    if let Some(ce) = d.cue_at(i) {
        let (addr, ae) = addressee(d, ce);
        let sp = np_forward(d, ae + 1);
        let end = sp.as_ref().map_or(ae, |x| x.1);
        return Some(Attr {
            cue: (i, ce),
            speaker: sp.map(|x| x.0),
            addressee: addr,
            end,
        });
    }
    // Speaker first: find the cue within a few tokens.
    // Right after a quote, "read", "states" and "write" are cues even away
    // from the mark: `"…," the article read.`, `"…" a voice-over in the ad
    // states.`, `"…," the two write.`
    let cue_here = |c: usize| {
        d.cue_at(c).or_else(|| {
            let w = d.w(c);
            let ends = d.is_boundary(c + 1) || d.is_p(c + 1, ',');
            (matches!(w, "read" | "reads" | "states" | "write") && ends).then_some(c)
        })
    };
    let mut c = i;
    while c < i + 9 && d.is_word(c) && cue_here(c).is_none() {
        c += 1;
    }
    let Some(ce) = d.is_word(c).then(|| cue_here(c)).flatten() else {
        // The name may be followed by an aside before the verb:
        // `Whitfield, 54, told`, `Sen. Paul Ortega (R-Ariz.) said`; or the
        // verb is an unlisted one after a quote that ends mid-sentence.
        let (sp, c, ce) = aside_then_cue(d, i)
            .or_else(|| any_verb(d, close, i))
            .or_else(|| inverted(d, close, i))?;
        let (addr, end) = addressee(d, ce);
        if d.is_p(close.wrapping_sub(1), '.') && !closes_soon(d, end) {
            return None;
        }
        return Some(Attr {
            cue: (c, ce),
            speaker: Some(sp),
            addressee: addr,
            end,
        });
    };
    if c == i {
        return None;
    }
    let mut b = c - 1;
    while b > i && skippable(d.w(b)) {
        b -= 1;
    }
    let sp = match np_backward(d, b) {
        Some(sp) if sp.s == d.toks[i].s || d.is_cap(i) => sp,
        // Lowercase words before the name describe the speaker: "political
        // analyst Rosa Ferrer told", "one senior aide said", "the Ohio
        // senator and party candidate said".
        found => descriptive(d, i, b, found)?,
    };
    let (addr, mut end) = addressee(d, ce);
    let cue_end = end;
    // "said in a statement", "said on Twitter": the clause runs to the boundary.
    if d.is_word(end + 1) && matches!(d.w(end + 1), "in" | "on" | "to" | "during" | "at") {
        let mut k = end + 1;
        while k < end + 8 && d.is_word(k + 1) {
            k += 1;
        }
        end = k;
    }
    // After a quote that ends its own sentence, `He said the agency …` starts a
    // new sentence; only a short clause that ends soon is an attribution.
    if d.is_p(close.wrapping_sub(1), '.') && !closes_soon(d, cue_end) {
        return None;
    }
    Some(Attr {
        cue: (c, ce),
        speaker: Some(sp),
        addressee: addr,
        end,
    })
}

/// `"…," recalled Ann Lee.` or `"…?" reacted Ortega.`: after a quote that
/// ends in a comma, a question or an exclamation mark, a past-tense verb that
/// is not listed as a cue, then a name (or a described source) that ends the
/// clause. Returns the mention and the verb as the cue.
fn inverted(d: &Doc, close: usize, i: usize) -> Option<(Mention, usize, usize)> {
    let p = close.checked_sub(1)?;
    if !(d.is_p(p, ',') || d.is_p(p, '?') || d.is_p(p, '!')) || !d.is_word(i) {
        return None;
    }
    let w = d.w(i);
    if d.is_cap(i) || w.len() < 5 || !w.ends_with("ed") {
        return None;
    }
    let (m, e) = np_forward(d, i + 1)?;
    let source = m.kind == MKind::Named || m.kind == MKind::Common && d.is_det(i + 1);
    (source && (d.is_boundary(e + 1) || d.is_p(e + 1, ','))).then_some((m, i, i))
}

/// Whether the clause whose attribution ends at token `end` ends soon, as
/// an attribution after a quote that ended its own sentence must: `"…." He
/// said the agency …` or `"…." Lee claimed that …` start a new sentence.
fn closes_soon(d: &Doc, end: usize) -> bool {
    if d.is_word(end + 1) && d.w(end + 1) == "that" {
        return false;
    }
    let mut k = end + 1;
    while k < end + 10 && d.is_word(k) {
        k += 1;
    }
    // A quote further on belongs to a sentence of its own: `"…." Lee said both are
    // "non-entities"` reports what Lee said, not who spoke the quote before.
    k >= d.toks.len()
        || d.is_boundary(k)
        || d.is_p(k, ',')
        || d.toks[k].k == K::Mark && k == end + 1
}

/// The attribution before an opening mark: `X said: "…"`, `he told CNN, "…"`,
/// `saying, "…"`. `open` is the token index of the mark (or of a colon ending
/// the previous paragraph).
pub(crate) fn before(d: &Doc, open: usize) -> Option<Attr> {
    if open == 0 {
        return None;
    }
    let mut k = open - 1;
    let punct = d.is_p(k, ',') || d.is_p(k, ':');
    if punct {
        k = k.checked_sub(1)?;
    }
    // Find the nearest cue in the last few words of the sentence.
    let mut c = k;
    let mut found = None;
    loop {
        if !d.is_word(c) || k - c > 12 {
            break;
        }
        if let Some(ce) = d.cue_at(c) {
            // Past seven words, only a cue followed by a prepositional phrase
            // reaches the mark: `said in an interview with the daily X:`.
            let prep_tail =
                d.is_word(ce + 1) && matches!(d.w(ce + 1), "in" | "on" | "at" | "during");
            if k - c <= 7 || prep_tail {
                found = Some((c, ce));
            }
            break;
        }
        // "according to" ends at "to": look one back.
        if c > 0 && d.w(c) == "to" && d.cue_at(c - 1) == Some(c) {
            found = Some((c - 1, c));
            break;
        }
        if c == 0 {
            break;
        }
        c -= 1;
    }
    let Some((c, ce)) = found else {
        return colon_intro(d, k);
    };
    if !punct && ce != k {
        return None;
    }
    let (addr, _) = addressee(d, ce);
    let is_according = d.w(c).eq_ignore_ascii_case("according");
    let sp = if is_according {
        np_forward(d, ce + 1).map(|x| x.0)
    } else {
        let mut b = c.checked_sub(1);
        while let Some(x) = b.filter(|&x| x > 0 && d.is_word(x) && skippable(d.w(x))) {
            b = Some(x - 1);
        }
        // A comma after a party tag ends the name: `Gov. Ann Lee (R-Ohio), said`.
        if let Some(x) = b.filter(|&x| x > 0 && d.is_p(x, ',') && d.is_p(x - 1, ')')) {
            b = Some(x - 1);
        }
        // A noun phrase after a preposition or a conjunction is not the
        // speaker ("marching through the square shouted", "and joked"),
        // except a name that opens a clause after a lower-case word: "a
        // woman asked for a photo and Ortega said" (not "Ohio and Texas").
        // So is a name after "with" before a participle: in `with Lee yelling` Lee yells.
        let near = b.and_then(|b| np_backward(d, b)).filter(|m| {
            m.ti == 0
                || !after_prep(d, m.ti - 1)
                || m.kind == MKind::Named && d.w(m.ti - 1) == "with" && d.w(c).ends_with("ing")
                || m.kind == MKind::Named
                    && d.w(m.ti - 1) == "and"
                    && m.ti >= 2
                    && d.is_word(m.ti - 2)
                    && !d.is_cap(m.ti - 2)
        });
        // A participle ("saying", "writing") belongs to the sentence's
        // subject, not to the object before it ("issued a memo saying").
        // A named object of "of" does the saying: "a clip of Ortega saying".
        if d.w(c).ends_with("ing") && near.as_ref().is_none_or(|m| m.kind == MKind::Common) {
            subject(d, c).or(near)
        } else {
            near.or_else(|| b.and_then(|b| coordinated(d, b)))
                .or_else(|| b.and_then(|b| relative(d, b)))
                .or_else(|| subject(d, c))
        }
    };
    Some(Attr {
        cue: (c, ce),
        speaker: sp,
        addressee: addr,
        end: k,
    })
}

/// The subject of two verbs joined by "and" when token `b` is that "and":
/// `I laughed and said`, `Ortega paused and added`. The first verb must look
/// like a past tense, so that `the Senate and said` finds nothing.
fn coordinated(d: &Doc, b: usize) -> Option<Mention> {
    if b < 2 || !d.is_word(b) || d.w(b) != "and" || !d.is_word(b - 1) {
        return None;
    }
    let v = d.w(b - 1);
    if v.len() < 5 || !v.ends_with("ed") || d.is_cap(b - 1) {
        return None;
    }
    let mut e = b - 2;
    while e > 0 && d.is_word(e) && skippable(d.w(e)) {
        e -= 1;
    }
    np_backward(d, e).filter(|m| m.kind != MKind::Common || d.is_det(m.ti))
}

/// The speaker of a relative clause when token `b` is its "who" or "which":
/// `a post from Ann Lee who wrote`, `the agency's report, which notes`. The
/// mention runs from the name to the relative pronoun, which stands for it.
fn relative(d: &Doc, b: usize) -> Option<Mention> {
    if b < 2 || !d.is_word(b) || !matches!(d.w(b), "who" | "which") {
        return None;
    }
    let e = if d.is_p(b - 1, ',') { b - 2 } else { b - 1 };
    let mut m = np_backward(d, e).filter(|m| m.kind != MKind::Pronoun)?;
    if m.kind == MKind::Common && !d.is_det(m.ti) {
        return None;
    }
    m.e = d.toks[b].e;
    Some(m)
}

/// The pronoun that opens the last clause before token `k`, after "that"
/// or a comma: `…, so upset that I had to change my answer:` is "I", not
/// the subject of the sentence.
pub(crate) fn clause_subject(d: &Doc, k: usize) -> Option<Mention> {
    let mut j = k;
    while j > 0 && k - j < 12 && d.is_word(j) && d.w(j) != "that" {
        j -= 1;
    }
    let p = j + 1;
    let opens = d.is_p(j, ',') || d.is_word(j) && d.w(j) == "that";
    let pronoun = d.is_pronoun(p) && !matches!(d.w(p).to_ascii_lowercase().as_str(), "it" | "you");
    (opens && pronoun && p < k)
        .then(|| np_backward(d, p))
        .flatten()
}

/// Whether token `k` is a preposition or conjunction that would make the
/// noun phrase after it an object rather than a subject.
fn after_prep(d: &Doc, k: usize) -> bool {
    d.is_word(k)
        && matches!(
            d.w(k),
            "in" | "on"
                | "at"
                | "to"
                | "into"
                | "through"
                | "from"
                | "with"
                | "by"
                | "for"
                | "and"
                | "about"
                | "over"
                | "under"
                | "across"
                | "after"
                | "before"
        )
}
