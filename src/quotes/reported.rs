//! The content after a cue whose speaker came before it: `X said (that) content`, `X told
//! Reuters content`, `X warned its partners that content`, and a cue that is the second
//! predicate of its subject (`X declined to comment but said content`). Split from
//! `indirect.rs`, which finds the cue and the speaker; this module decides where the reported
//! clause starts and whether the words after the cue are one at all.

use super::attr::{addressee, is_tell, Attr};
use super::clause::{auxiliary, clause_start, takes_bare_clause, to_whom, warns, when_or_how};
use super::indirect::opens_sentence;
use super::np::{Doc, MKind, Mention};

/// A cue that is the second predicate of the sentence's subject, after "and" or "but"
/// (`Nicholas declined to give details, but said an announcement …`). The verb is finite
/// ("said", "adds"; "could detect … and conclude that" is the modal's), the subject
/// opens the sentence ("A top Swiss banker" is no "Swiss"), and the content opens a clause
/// ("and posted new highs", "and asked them a question", "and conclude in December" do not).
pub(crate) fn coordinated(
    d: &Doc,
    a: usize,
    c: usize,
    ce: usize,
    last: usize,
) -> Option<(Attr, Vec<(usize, usize)>)> {
    let verb = d.w(c).to_ascii_lowercase();
    let finite = verb.ends_with("ed")
        || verb.ends_with('s')
        || matches!(verb.as_str(), "said" | "told" | "wrote" | "thought");
    if !finite {
        return None;
    }
    let m = super::subject::subject(d, c)?;
    let opens = m.ti == a || opens_sentence(d, a, m.ti) || m.ti == a + 1 && d.is_det(a);
    if !opens || m.kind == MKind::Common && !d.is_det(a) {
        return None;
    }
    let found = reported_clause(d, c, ce, last, m)?;
    let k = found.1.first()?.0;
    let after_that = k > 0 && d.is_word(k - 1) && d.w(k - 1) == "that";
    // Without "that", "said" rarely takes an object, so a clause may open with any subject;
    // other verbs of saying often do ("and added two stores", "and maintained a buy
    // recommendation", "and warned Tehran against using …"), so only a pronoun will do.
    let pronoun = d.is_pronoun(k) || d.w(k) == "there";
    let subject_like =
        pronoun || d.is_det(k) || d.is_cap(k) || d.w(k).starts_with(|ch: char| ch.is_ascii_digit());
    let said = matches!(verb.as_str(), "said" | "says");
    (after_that || said && subject_like || pronoun).then_some(found)
}

/// The first "that" within `window` tokens after `k` and before the sentence's last token:
/// where a reported clause starts after words on whom or where it was said.
fn that_ahead(d: &Doc, k: usize, window: usize, last: usize) -> Option<usize> {
    (k + 1..(k + window).min(last)).find(|&t| d.is_word(t) && d.w(t) == "that")
}

/// The content after a cue whose speaker came first: `said (that) content`, `told Reuters
/// content`, up to the end of the sentence or a semicolon.
pub(crate) fn reported_clause(
    d: &Doc,
    c: usize,
    ce: usize,
    last: usize,
    speaker: Mention,
) -> Option<(Attr, Vec<(usize, usize)>)> {
    // "reported a loss", "announced a merger", "posted a profit": a result or an event the
    // verb's object names, not words anyone said.
    let results = matches!(
        d.w(c).to_ascii_lowercase().as_str(),
        "reported"
            | "reports"
            | "report"
            | "announced"
            | "announces"
            | "announce"
            | "posted"
            | "posts"
            | "unveiled"
    );
    if results && d.is_word(ce + 1) && matches!(d.w(ce + 1), "a" | "an") {
        return None;
    }
    let (addr, mut k) = addressee(d, ce);
    k += 1;
    // "Karin Janiszewski stated: There has been no breach."
    if d.is_p(k, ':') && k == ce + 1 {
        k += 1;
    }
    // The rest of whom it was told to, before "that": "told a radio station in California
    // that his bandmates …".
    if addr.is_some() && d.is_word(k) && d.w(k) != "that" {
        if let Some(t) = that_ahead(d, k, 8, last) {
            if (k..t).all(|j| d.is_word(j)) {
                k = t;
            }
        }
    }
    // "McNerney said, however, that …"
    if d.is_p(k, ',')
        && d.is_word(k + 1)
        && matches!(d.w(k + 1), "however" | "though" | "too" | "also")
        && d.is_p(k + 2, ',')
    {
        k += 3;
    }
    // Where and when it was said come before the content: "said in a statement sent to
    // GenCorp on Friday that it was willing".
    // "claims to sell exploits, loopholes that …" is an infinitive, not where it was said
    // ("went on to promise that …" is both, and needs no comma).
    let infinitive = d.is_word(k) && d.w(k) == "to" && !d.is_det(k + 1) && !d.is_cap(k + 1);
    if d.is_word(k)
        && matches!(
            d.w(k),
            "in" | "on" | "at" | "during" | "to" | "after" | "late"
        )
    {
        if let Some(t) = that_ahead(d, k, 15, last) {
            // Commas may set off a date inside: "explained to the board members Monday,
            // Aug 13, that the district had two options".
            let plain = (k..t).all(|j| d.is_word(j) || d.is_p(j, '\''));
            let dated = (k..t).all(|j| d.is_word(j) || d.is_p(j, '\'') || d.is_p(j, ','));
            if plain || dated && !infinitive {
                k = t;
            }
        }
    }
    // "reported Monday that", "announced jointly that": when or how, then the clause.
    // After a verb that names whom it warns ("warned its major trade partners that"), any
    // words up to "that" are that listener.
    // A "that" followed by a verb is a relative pronoun ("warned measures that would
    // penalise"), and the listener is no phrase opened by "of" or "to" ("warned of the effects
    // that", "warned solicitors to take care that").
    let listener = warns(d.w(c))
        && d.is_word(k)
        && !matches!(d.w(k), "of" | "about" | "against" | "that")
        && (k..(k + 7).min(last)).all(|j| !d.is_word(j) || d.w(j) != "to");
    let window = if listener { 7 } else { 4 };
    let ahead = (d.is_word(k) && d.w(k) != "that")
        .then(|| that_ahead(d, k, window, last))
        .flatten();
    if let Some(t) = ahead.filter(|&t| {
        !(d.is_word(t + 1) && auxiliary(d.w(t + 1)))
            && (k..t).all(|j| {
                let of_outside_name = d.w(j) == "of" && !(d.is_cap(j - 1) && d.is_cap(j + 1));
                d.is_word(j)
                    && (listener && !of_outside_name || when_or_how(d.w(j)) || to_whom(d, j))
            })
    }) {
        k = t;
    }
    let after_that = d.is_word(k) && d.w(k) == "that";
    if after_that {
        k += 1;
        // "said on Tuesday that, given such high prices, the cartel …"
        if d.is_p(k, ',') {
            k += 1;
        }
    }
    // After "told" or "added", a preposition left here starts no reported clause: "told
    // counterparts at UFJ of its decision", "added to the pressure" ("said that by 2020 it
    // plans …" does report one).
    let tells_or_adds = is_tell(d.w(c)) || matches!(d.w(c), "added" | "adds" | "add" | "adding");
    let prep = |w: &str| {
        matches!(
            w,
            "of" | "at" | "about" | "for" | "with" | "from" | "by" | "to"
        )
    };
    if tells_or_adds && d.is_word(k) && prep(d.w(k)) {
        return None;
    }
    // An infinitive is no reported clause either: "the metal continued to follow the
    // market", "he declined to comment".
    if d.is_word(k) && d.w(k) == "to" {
        return None;
    }
    // A cue that is also a plural noun, followed by an auxiliary or another verb of saying,
    // was the noun: "Press reports said …", "The sterling notes will be sold …". After a
    // relative word the auxiliary opens the reported clause itself: "the sale, which Yukos
    // claims was illegal".
    let noun_cue = matches!(
        d.w(c),
        "reports" | "claims" | "notes" | "warnings" | "statements" | "posts" | "tweets"
    );
    let relative = speaker.ti > 0
        && d.is_word(speaker.ti - 1)
        && matches!(d.w(speaker.ti - 1), "which" | "who" | "whom" | "that");
    if noun_cue && !relative && d.is_word(k) && !d.is_cap(k) && (auxiliary(d.w(k)) || d.is_cue(k)) {
        return None;
    }
    // Without "that", only "said" and "told" are followed by what was said whatever the
    // words; after the other verbs the words must open a clause, or they are the verb's object
    // ("announced the sanctions", "posted gains", "continued throughout the week").
    if !after_that && !takes_bare_clause(d.w(c)) {
        k = clause_start(d, k, last)?;
    }
    let mut e = k;
    while e < last && !d.is_p(e + 1, ';') && !second_attribution(d, e + 1, last) {
        e += 1;
    }
    // The comma before "but added" is no part of what was said.
    while e > k && (d.is_p(e, ',') || d.is_p(e, '–') || d.is_p(e, '-')) {
        e -= 1;
    }
    (e >= k + 2 && d.is_word(k)).then(|| {
        let at = Attr {
            cue: (c, ce),
            speaker: Some(speaker),
            addressee: addr,
            end: ce,
        };
        (at, vec![(k, e)])
    })
}

/// Whether token `t` opens a second attribution by the same subject, which ends the reported
/// clause before it: "claims that Firefox has been downloaded eight million times and has
/// publicly said it would …". "And" or "but", then at most an auxiliary and adverbs, then a
/// verb of saying; the next attribution is read on its own.
fn second_attribution(d: &Doc, t: usize, last: usize) -> bool {
    if !(d.is_word(t) && matches!(d.w(t), "and" | "but")) {
        return false;
    }
    let mut j = t + 1;
    while j <= last.min(t + 4)
        && d.is_word(j)
        && (auxiliary(d.w(j)) || d.w(j).ends_with("ly") || matches!(d.w(j), "also" | "then"))
    {
        j += 1;
    }
    j <= last && d.is_cue(j) && !d.is_cap(j)
}
