//! Less common attribution layouts around a quote: signatures after a
//! dash, asides between a speaker and the verb, unlisted verbs after a
//! quote, colon introductions without a verb, and attributions that sit at
//! the end of a partial quote's sentence or in the sentence before.

use super::attr::{after, skippable, Attr};
use super::np::{np_backward, np_forward, Doc, MKind, Mention};
use super::subject::subject;
use super::tokens::K;

/// A name alone after a dash that ends the paragraph, the way epigraphs and
/// collected reader comments are signed (`"…" ― Lena Park`, or on the
/// next line `- Omar Haddad.` / `-Omar Haddad, Toledo.`). The
/// dash serves as the cue.
pub(crate) fn signature(d: &Doc, close: usize) -> Option<Attr> {
    let mut dash = close + 1;
    let is_dash = |k: usize| d.is_p(k, '―') || d.is_p(k, '—') || d.is_p(k, '–');
    if d.toks.get(dash).is_some_and(|t| t.k == K::Para)
        && (is_dash(dash + 1) || d.is_p(dash + 1, '-'))
    {
        dash += 1;
    } else if !is_dash(dash) {
        return None;
    }
    if !d.is_cap(dash + 1) {
        return None;
    }
    let mut b = dash + 1;
    while b < dash + 7 && d.is_cap(b + 1) {
        b += 1;
    }
    // A place or affiliation may follow the name after a comma.
    let mut after = b + 1;
    if d.is_p(after, ',') {
        after += 1;
        while after < b + 8 && d.is_cap(after) {
            after += 1;
        }
    }
    if d.is_p(after, '.') {
        after += 1;
    }
    if after < d.toks.len() && d.toks[after].k != K::Para {
        return None;
    }
    let sp = np_backward(d, b).filter(|m| m.kind == MKind::Named)?;
    Some(Attr {
        cue: (dash, dash),
        speaker: Some(sp),
        addressee: None,
        end: b,
    })
}

/// The attribution at the end of a sentence that a partial quote opens:
/// `"It looks unlikely" that the bill will pass this year, said Rosa
/// Ferrer.` Looks for the first comma after
/// the quote within the same sentence and reads the clause after it.
pub(crate) fn after_tail(d: &Doc, close: usize) -> Option<Attr> {
    let mut k = close + 1;
    while k < close + 20 && d.is_word(k) {
        k += 1;
    }
    if k == close + 1 || !d.is_p(k, ',') {
        return None;
    }
    after(d, k - 1).filter(|a| a.speaker.is_some())
}

/// The attribution that ends the sentence before an opening mark:
/// `Ortega said in a statement. "The count is final …"`.
pub(crate) fn prev_sentence(d: &Doc, open: usize) -> Option<Attr> {
    let dot = open.checked_sub(1).filter(|&k| d.is_p(k, '.'))?;
    // A sentence that holds a quote of its own (`"A," he said. "B."`) is
    // that quote's attribution; the next quote continues it instead.
    // The period of a party tag ends no sentence: `"A," Rep. Ann Lee (R-Ohio.) said. "B."`
    // must still reach the first quote's mark.
    let ends = |k: usize| d.is_boundary(k) && !d.is_p(k + 1, ')');
    let mut k = dot;
    while k > 0 && dot - k < 40 && !ends(k - 1) {
        k -= 1;
        if d.toks[k].k == K::Mark {
            return None;
        }
    }
    let mut c = dot.checked_sub(1)?;
    // "said", "said in a statement", "told reporters in an interview".
    while d.is_word(c) && dot - c <= 6 {
        if let Some(ce) = d.cue_at(c).filter(|_| c > 0) {
            let tail_ok = (ce + 1..dot).all(|k| {
                let w = d.w(k);
                is_prep_word(w) || d.is_det(k) || !d.is_cap(k) && !d.is_cue(k)
            });
            if !tail_ok || d.is_word(ce + 1) && !is_prep_word(d.w(ce + 1)) {
                return None;
            }
            let mut b = c - 1;
            while b > 0 && d.is_word(b) && skippable(d.w(b)) {
                b -= 1;
            }
            let sp = np_backward(d, b)?;
            return Some(Attr {
                cue: (c, ce),
                speaker: Some(sp),
                addressee: None,
                end: dot,
            });
        }
        c = c.checked_sub(1)?;
    }
    None
}

fn is_prep_word(w: &str) -> bool {
    matches!(w, "in" | "on" | "at" | "during" | "to" | "via" | "from")
}

/// A speaker phrase `i..=b` that opens the clause after a quote with
/// lowercase descriptive words. Conjunctions and subordinators at its start
/// mean the clause is not an attribution.
pub(crate) fn descriptive(d: &Doc, i: usize, b: usize, found: Option<Mention>) -> Option<Mention> {
    if matches!(
        d.w(i),
        "and" | "but" | "so" | "as" | "when" | "while" | "because" | "if" | "then" | "that"
    ) {
        return None;
    }
    // A description that starts with a determiner may hold a place: "a
    // narrator in the ad asks", "a staffer in the room wondered".
    let place = |k: usize| d.is_det(i) && k > i + 1 && matches!(d.w(k), "in" | "on" | "at");
    let plain = (i..=b).all(|k| {
        d.is_word(k)
            && !d.is_cue(k)
            && (d.w(k) == "and" || place(k) || !super::np::np_breaker(d.w(k)))
    });
    if !plain || b >= i + 10 {
        return None;
    }
    let t = &d.toks[i];
    Some(match found {
        Some(mut m) => {
            // A description is shown whole: "a narrator in the ad", not "the ad".
            if m.kind == MKind::Common {
                m.name = d.slice(i, b).to_string();
            }
            m.s = t.s;
            m.ti = i;
            m
        }
        None => Mention {
            ti: i,
            s: t.s,
            e: d.toks[b].e,
            kind: MKind::Common,
            name: d.slice(i, b).to_string(),
            role: None,
        },
    })
}

/// `"…," Ortega grumbled`: a quote ending in a comma, question or exclamation
/// mark that is followed by a name or pronoun and a verb-like word is
/// attributed by that verb, listed or not.
pub(crate) fn any_verb(d: &Doc, close: usize, i: usize) -> Option<(Mention, usize, usize)> {
    let p = close.checked_sub(1)?;
    if !(d.is_p(p, ',') || d.is_p(p, '?') || d.is_p(p, '!')) {
        return None;
    }
    let mut v = i;
    // A described source before a past-tense verb: `"…," the party's
    // nominee riffed`. Plurals end in "s" too, so only "-ed" counts here.
    if d.is_det(i) {
        v = i + 1;
        while v < i + 6 && d.is_word(v) && !(d.w(v).len() > 4 && d.w(v).ends_with("ed")) {
            v += 1;
        }
    } else if !d.is_pronoun(i) {
        while v < i + 6 && d.is_cap(v) {
            v += 1;
        }
    } else {
        v += 1;
    }
    while v > i && v < i + 8 && d.is_word(v) && skippable(d.w(v)) {
        v += 1;
    }
    if v == i || !d.is_word(v) || d.is_cap(v) {
        return None;
    }
    let w = d.w(v);
    let verb_like = w.len() > 3
        && (w.ends_with("ed") || (w.ends_with('s') && !w.ends_with("ss")))
        && !matches!(w, "was" | "has" | "does" | "is" | "this" | "his" | "its");
    // A past participle before "by" is passive: `"Chi-Raq," a film directed by Ann Lee`.
    let passive = d.is_word(v + 1) && d.w(v + 1) == "by";
    if !verb_like || passive {
        return None;
    }
    let mut b = v - 1;
    while b > i && skippable(d.w(b)) {
        b -= 1;
    }
    let m = np_backward(d, b)?;
    (m.s == d.toks[i].s).then_some((m, v, v))
}

/// `Name, aside, cue` or `Name (party) cue` after a closing mark: the name
/// must start the clause, and the aside may not cross a sentence end or a
/// quote mark. Returns the mention and the cue's first and last tokens.
pub(crate) fn aside_then_cue(d: &Doc, i: usize) -> Option<(Mention, usize, usize)> {
    let mut b = i;
    while b < i + 8 && d.is_word(b + 1) {
        b += 1;
    }
    if !(d.is_p(b + 1, ',') || d.is_p(b + 1, '(')) {
        return None;
    }
    let m = match np_backward(d, b) {
        Some(m) if m.s == d.toks[i].s || d.is_cap(i) => m,
        found => descriptive(d, i, b, found)?,
    };
    // A description needs its determiner, unless it is a bare plural that starts the clause
    // ("IMF officials, discussing their outlook, said").
    let bare_plural = m.ti == i
        && m.name.ends_with('s')
        && m.name.split_whitespace().count() <= 3
        && (d.is_cap(i) || !m.name.contains(' '));
    if m.kind == MKind::Common && !d.is_det(i) && !bare_plural {
        return None;
    }

    let mut depth = 0usize;
    for k in b + 1..(b + 40).min(d.toks.len()) {
        let t = &d.toks[k];
        // A period inside a party tag or before a comma is an abbreviation.
        let abbrev_dot = d.is_p(k, '.') && (depth > 0 || d.is_p(k + 1, ','));
        if t.k == K::Mark || t.k == K::Para || d.is_p(k, ';') || (d.is_boundary(k) && !abbrev_dot) {
            return None;
        }
        if d.is_p(k, '(') {
            depth += 1;
        } else if d.is_p(k, ')') {
            depth = depth.saturating_sub(1);
        }
        if depth == 0 && (d.is_p(k, ',') || d.is_p(k, ')')) {
            let mut c = k + 1;
            while c < k + 3 && d.is_word(c) && skippable(d.w(c)) {
                c += 1;
            }
            if let Some(ce) = d.cue_at(c) {
                // A description whose aside is a name: `the minister, Michael
                // Howard, said` is Howard.
                let named_aside = (m.kind == MKind::Common && d.is_p(k, ','))
                    .then(|| np_backward(d, k - 1))
                    .flatten()
                    .filter(|n| n.kind == MKind::Named && n.ti == b + 2);
                return Some((named_aside.unwrap_or(m), c, ce));
            }
        }
    }
    None
}

/// A sentence that introduces a quote with a colon but no speech verb:
/// `Ortega pushed back at once:`, `More from Ferrer:`, `Excerpt as follows:`.
/// A name right before the colon wins; otherwise the sentence's subject.
pub(crate) fn colon_intro(d: &Doc, k: usize) -> Option<Attr> {
    let colon = k + 1;
    // A name with a party tag may end the line: `Rep. Ann Lee (R-S.C.):`.
    if !d.is_p(colon, ':') || !(d.is_word(k) || d.is_p(k, ')')) {
        return None;
    }
    // `From the report:`, `More from the agency:`: what the quote is from.
    let named = np_backward(d, k).filter(|m| {
        m.kind == MKind::Named
            || d.is_det(m.ti) && m.ti > 0 && d.w(m.ti - 1).eq_ignore_ascii_case("from")
    });
    let sp = named
        .or_else(|| super::attr::clause_subject(d, k))
        .or_else(|| subject(d, k))?;
    Some(Attr {
        cue: (colon, colon),
        speaker: Some(sp),
        addressee: None,
        end: k,
    })
}

/// The subject of the sentence that ends at `dot` right before an
/// unattributed quote: `The clerk then looked up. "Anyone else?"`.
pub(crate) fn prev_subject(d: &Doc, dot: usize) -> Option<Mention> {
    if !(d.is_p(dot, '.') || d.is_p(dot, '?') || d.is_p(dot, '!')) {
        return None;
    }
    let mut k = dot;
    let mut marks = false;
    while k > 0 && dot - k < 40 && !d.is_boundary(k - 1) {
        k -= 1;
        marks |= d.toks[k].k == K::Mark;
    }
    if !marks {
        return subject(d, dot);
    }
    // A sentence that quotes a few words of its own (`Kirsty Williams called
    // the target "hugely unambitious".`) still has its subject at the start,
    // when that subject is a name.
    if d.toks[k].k == K::Mark || d.toks[k].k == K::Para {
        return None;
    }
    // After an introductory phrase, if any: "For the Liberal Democrats, Kirsty
    // Williams called …".
    let intro = (k..(k + 8).min(dot))
        .find(|&j| d.is_p(j, ','))
        .map(|j| j + 1);
    [Some(k), intro].into_iter().flatten().find_map(|start| {
        np_forward(d, start)
            .map(|(m, _)| m)
            .filter(|m| m.kind == MKind::Named && m.name.split_whitespace().count() > 1)
    })
}

/// Whether the colon at token `colon` ends a press clipping's credit line, `"Headline," by
/// Times' Ann Lee: "…"`: what follows is an excerpt of an article, which the writer reprints
/// rather than anyone's speech. The credit is "by" right after the headline's closing mark and
/// a few words of outlet and name, with no sentence end between.
pub(crate) fn clipping_credit(d: &Doc, colon: usize) -> bool {
    if !d.is_p(colon, ':') {
        return false;
    }
    let mut k = colon;
    while k > 1 && colon - k < 10 && !d.is_boundary(k - 1) && d.toks[k - 1].k != K::Mark {
        k -= 1;
        if d.is_word(k) && d.w(k) == "by" {
            return d.toks[k - 1].k == K::Mark;
        }
    }
    false
}
