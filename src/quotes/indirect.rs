//! Indirect attributions: a sentence without quote marks that reports what someone said,
//! `X said (that) content`, `content, X said`, `content, said X`, `According to X, content`,
//! and the parenthetical `content, X said, content`. Split from `attr.rs`, which finds the
//! attribution around quote marks, because an unquoted sentence has no marks to say where
//! the content ends: which side of the cue is the speaker must be read from the clause
//! itself (a name with an aside before the cue, a source that ends the sentence after it).

use super::attr::{is_tell, skippable, Attr};
use super::clause::{auxiliary, takes_bare_clause};
use super::layouts::aside_then_cue;
use super::np::{is_prep, np_backward, np_forward, Doc, MKind, Mention};
use super::reported::{coordinated, reported_clause};

/// The first indirect attribution in one sentence `a..=b` that holds no quote mark whose cue
/// lies at or after token `from` (the sentence's start, or past an attribution found before:
/// "X said A, but added B").
pub(crate) fn indirect(
    d: &Doc,
    a: usize,
    b: usize,
    from: usize,
) -> Option<(Attr, Vec<(usize, usize)>)> {
    let last = if d.is_boundary(b) {
        b.checked_sub(1)?
    } else {
        b
    };
    if last <= a + 2 {
        return None;
    }
    for c in from.max(a)..=last {
        let Some(ce) = d.cue_at(c) else { continue };
        // A cue right after a determiner is an adjective or a noun: "the alleged hacker said",
        // "the reports said".
        if c > a && d.is_det(c - 1) {
            continue;
        }
        if d.w(c).eq_ignore_ascii_case("according") {
            let (m, e) = np_forward(d, ce + 1)?;
            let m = document_source(d, &m).unwrap_or(m);
            let own_end = m_last_token(d, &m).min(e);
            let at = Attr {
                cue: (c, ce),
                speaker: Some(m),
                addressee: None,
                end: e,
            };
            // "According to X, content." at the sentence's start or after "but": the content
            // follows the first comma after the source's own words (the parse of X may have
            // run on over that comma as if an appositive followed).
            let opens = c == a
                || d.is_word(c - 1) && matches!(d.w(c - 1), "but" | "and" | "But" | "And")
                || d.is_p(c - 1, ',')
                    && c >= 2
                    && d.is_word(c - 2)
                    && matches!(d.w(c - 2), "but" | "and");
            if opens {
                let mut k = own_end + 1;
                while k <= last && !d.is_p(k, ',') {
                    k += 1;
                }
                if k + 2 < last {
                    let mut at = at;
                    // The content the parse took for an appositive is no role of the source.
                    if let Some(sp) = at.speaker.as_mut() {
                        if own_end + 2 <= e {
                            let tail = d.slice(own_end + 2, e).trim_end_matches(',');
                            if let Some(role) = sp.role.take() {
                                let kept = role.strip_suffix(tail).unwrap_or(&role);
                                let kept = kept.trim_end_matches([',', ' ']);
                                sp.role = (!kept.is_empty()).then(|| kept.to_string());
                            }
                        }
                    }
                    at.end = own_end;
                    return Some((at, vec![(k + 1, last)]));
                }
                if c == a {
                    return None;
                }
            }
            // A comma right after the sentence's start leaves no content before the cue
            // (`,according to`): `c - 2` would fall before the sentence.
            let ce_ = if d.is_p(c - 1, ',') {
                c.checked_sub(2)?
            } else {
                c - 1
            };
            return (ce_ > a + 1 && ce_ < c).then_some((at, vec![(a, ce_)]));
        }
        if c >= a + 2 && d.is_p(c - 1, ',') {
            // Inverted: "content, noted Keith Jarvis, a researcher."; "told" needs its
            // teller before it.
            let source = np_forward(d, ce + 1)
                .filter(|(m, _)| m.kind != MKind::Common || d.is_det(ce + 1))
                .filter(|_| !is_tell(d.w(c)));
            let inverted = |(mut m, e): (Mention, usize)| {
                // Only an opener before the cue ("By contrast, said Mr Hogan, the code …",
                // "But, says Dr Jakob Nielsen, some things …"): the content is what follows
                // the source, which the parse took for an appositive role.
                let own_end = m_last_token(d, &m);
                let opener_only = c - 2 < a + 2;
                if opener_only && own_end < e && d.is_p(own_end + 1, ',') && own_end + 4 <= last {
                    m.role = None;
                    let at = Attr {
                        cue: (c, ce),
                        speaker: Some(m),
                        addressee: None,
                        end: own_end,
                    };
                    // Two words before the comma belong to the content ("At issue, said
                    // Genentech, is whether …"); "But" alone does not.
                    let mut spans = vec![(own_end + 2, last)];
                    if c == a + 3 {
                        spans.insert(0, (a, a + 1));
                    }
                    return Some((at, spans));
                }
                // One word before the comma is no content of its own.
                if c == a + 2 {
                    return None;
                }
                let at = Attr {
                    cue: (c, ce),
                    speaker: Some(m),
                    addressee: None,
                    end: e,
                };
                Some((at, vec![(a, c - 2)]))
            };
            // The source ends the sentence, or an aside or a short role follows it.
            if let Some(found) = source.clone().filter(|(m, _)| source_ends(d, m, last)) {
                return inverted(found);
            }
            // Otherwise a clause follows the cue, so what came before it is the speaker
            // with an aside: "Robert Stevenson, K Mart vice president, told Reuters the
            // talks ended" is Stevenson's.
            if let Some(m) = aside_subject(d, a, c) {
                if let Some(found) = reported_clause(d, c, ce, last, m) {
                    return Some(found);
                }
                // The subject and its aside come before the cue, so a name after it is the
                // verb's object, not a source: "The group, led by Patrick Leahy, a Vermont
                // Democrat, urged Reagan to …".
                if !takes_bare_clause(d.w(c)) {
                    continue;
                }
            }
            // A name after the cue is still the source when nothing else is: "Commercial
            // Credit Co is raising 150 mln dlrs …, said Morgan Stanley, lead manager."
            if let Some(found) = source.filter(|(m, _)| m.kind == MKind::Named) {
                return inverted(found);
            }
            continue;
        }
        if c == a {
            continue;
        }
        let mut pb = c - 1;
        while pb > a && skippable(d.w(pb)) {
            pb -= 1;
        }
        // A second predicate of the sentence's subject: "Nicholas declined to give any
        // details, but said an announcement might be ready", "Cellebrite advised customers
        // to change their passwords, and added that it is working with the authorities".
        if pb > a + 2 && d.is_word(pb) && matches!(d.w(pb), "and" | "but") {
            if let Some(found) = coordinated(d, a, c, ce, last) {
                return Some(found);
            }
            continue;
        }
        let Some(mut m) = np_backward(d, pb) else {
            continue;
        };
        let mut ms = m.ti;
        // A name after a descriptive phrase or a title: "the Russian news outlet RT", "Valve
        // spokesman Doug Lombardi", "Ms Bradburn", "The Department of Justice" (whose "of"
        // joins capitalised words). The phrase starts the clause: at a determiner, the
        // sentence's start, a comma or an opening connective ("But anti-hunt campaigners").
        let mut k = ms;
        let mut joined_at = None;
        // "of" after a lower-case noun: the name ends a description ("a committee of MPs").
        let mut described_at = None;
        while k > a && ms - k < 8 {
            // An acronym in brackets inside the phrase: "Philippine Coconut Authority (PCA)
            // chairman Jose Romero".
            if k >= a + 4 && d.is_p(k - 1, ')') && d.is_word(k - 2) && d.is_p(k - 3, '(') {
                k -= 3;
                continue;
            }
            if !d.is_word(k - 1) {
                break;
            }
            let w = d.w(k - 1);
            // "of" joins capitalised words, also across "the": "Chancellor of the Exchequer".
            let next_cap = d.is_cap(k) || d.is_det(k) && d.is_cap(k + 1);
            let joins_names = matches!(w, "of" | "and") && next_cap && k >= 2 && d.is_cap(k - 2);
            let joins_description = w == "of"
                && next_cap
                && k >= 2
                && d.is_word(k - 2)
                && !d.is_cap(k - 2)
                && !np_breaker_word(d.w(k - 2));
            if np_breaker_word(w) && !joins_names && !joins_description {
                break;
            }
            if joins_description {
                described_at = Some(k - 1);
            }
            if joins_names {
                joined_at = Some(k - 1);
            }
            k -= 1;
            let inner_the = k > a + 1 && d.w(k - 1) == "of" && d.is_cap(k - 2) && d.is_cap(k + 1);
            if d.is_det(k) && !inner_the {
                break;
            }
        }
        // The whole description is the speaker when a determiner opens it and only lower-case
        // words lie between it and "of".
        let description = described_at.filter(|&of| {
            m.kind == MKind::Named
                && d.is_det(k)
                && (k + 1..of).all(|t| d.is_word(t) && !d.is_cap(t))
        });
        if description.is_some() {
            m = Mention::over(d, k, m_last_token(d, &m), MKind::Common);
        }
        if d.is_det(k) || k == a || d.is_p(k - 1, ',') || opens_sentence(d, a, k) {
            ms = k;
            // The parse kept only the word after "of": "The Bank of England" is the name, not
            // "England", when capitalised words run from the phrase's start to it ("Chancellor
            // of the Exchequer Nigel Lawson" keeps the person the parse found).
            let one_word = !m.name.contains(' ');
            if let Some(j) = joined_at.filter(|_| m.kind == MKind::Named && one_word) {
                let first = if d.is_det(ms) { ms + 1 } else { ms };
                let caps = (first..j).all(|t| d.is_cap(t) || matches!(d.w(t), "of" | "and"));
                if first < j && caps {
                    let name = d.slice(first, m_last_token(d, &m)).to_string();
                    m = Mention {
                        ti: first,
                        s: d.toks[first].s,
                        name,
                        ..m
                    };
                }
            }
        }
        // The mention may reach back before the sentence (a bracket opened in the one
        // before); then it is no subject of this one.
        if ms < a {
            continue;
        }
        let before_ok = ms == a
            || d.is_p(ms - 1, ',')
            || matches!(d.w(ms - 1), "but" | "and")
            || opens_sentence(d, a, ms);
        if !before_ok {
            continue;
        }
        if ms > a + 2 && d.is_p(ms - 1, ',') {
            // "content, X said." / "content, the outlet RT reported, but …" / "content,
            // he told the annual conference." / "content, officials said on Tuesday."
            let told_whom = is_tell(d.w(c)) && ends_within(d, ce, last, 12);
            let when_where = !is_tell(d.w(c)) && said_when_or_where(d, ce, last);
            if ce == last
                || told_whom
                || when_where
                || d.is_p(ce + 1, ',') && ends_attribution(d, ce + 1)
            {
                let addressee = told_whom.then(|| d.slice(ce + 1, last).to_string());
                let at = Attr {
                    cue: (c, ce),
                    speaker: Some(m),
                    addressee,
                    end: if told_whom { last } else { ce },
                };
                return Some((at, vec![(a, ms - 2)]));
            }
            // "On the other hand, the report noted, prices fell": the attribution is an
            // aside inside the content, which runs on both sides of it.
            if d.is_p(ce + 1, ',') && ce + 2 < last && d.is_word(ce + 2) {
                let at = Attr {
                    cue: (c, ce),
                    speaker: Some(m),
                    addressee: None,
                    end: ce,
                };
                return Some((at, vec![(a, ms - 2), (ce + 2, last)]));
            }
        }
        // "X said (that) content" / "X told Reuters content".
        if let Some(found) = reported_clause(d, c, ce, last, m) {
            return Some(found);
        }
    }
    None
}

/// The organisation behind a document the text cites: "according to the latest survey from
/// the Institute for Supply Management", "according to a table drawn up by France's Le Figaro
/// newspaper" give the institute and the newspaper, not "the latest survey".
fn document_source(d: &Doc, m: &Mention) -> Option<Mention> {
    const DOCUMENTS: &[&str] = &[
        "report",
        "reports",
        "survey",
        "study",
        "table",
        "figures",
        "data",
        "forecast",
        "forecasts",
        "advisory",
        "analysis",
        "poll",
        "estimates",
        "statistics",
        "research",
        "filing",
        "documents",
        "records",
    ];
    // The phrase may run on past its head ("a table drawn up").
    let document = m
        .name
        .split(' ')
        .any(|w| DOCUMENTS.contains(&w.to_ascii_lowercase().as_str()));
    if m.kind != MKind::Common || !document {
        return None;
    }
    // Past the document's own words, a participle or two ("drawn up", "compiled", "released")
    // before the preposition that names its author ("a survey of UK households" names none).
    let mut k = m_last_token(d, m) + 1;
    let stop = k + 4;
    while k < stop && d.is_word(k) && !d.is_cap(k) && !matches!(d.w(k), "from" | "by") {
        k += 1;
    }
    if !(d.is_word(k) && matches!(d.w(k), "from" | "by")) {
        return None;
    }
    let (source, _) = np_forward(d, k + 1)?;
    (source.kind == MKind::Named).then_some(source)
}

/// The speaker of a cue `c` that follows a name and its aside, `Nazer, in an interview
/// with Reuters, said`, `Europol's director, Rob Wainwright, said`, starting the sentence at
/// `a` or a clause after a comma or "but"/"and" at most 30 tokens before the cue. The name
/// starts that clause, and an aside lies between it and the cue unless the name is itself the
/// aside of what comes before ("his campaign manager, Jeff Weaver, says"): "Prices rose in
/// March, said …" names no speaker before the cue.
fn aside_subject(d: &Doc, a: usize, c: usize) -> Option<Mention> {
    let first = a.max(c.saturating_sub(30));
    let mut found: Option<Mention> = None;
    for k in first..c {
        let opens = k == a
            || d.is_p(k - 1, ',') && d.is_cap(k)
            || matches!(d.w(k - 1), "but" | "and") && d.is_p(k.saturating_sub(2), ',');
        if !opens {
            continue;
        }
        let Some((m, cue, _)) = aside_then_cue(d, k) else {
            continue;
        };
        if cue != c {
            continue;
        }
        let mut b = k;
        while b + 1 < c && d.is_word(b + 1) {
            b += 1;
        }
        let has_aside = b + 1 < c - 1;
        // The name may follow a role ("Institute analyst William Schneider"), not close a
        // phrase ("At a rally in Portsmouth", "In a filing with the Securities and Exchange
        // Commission").
        let prep = |j: usize| {
            matches!(
                d.w(j).to_ascii_lowercase().as_str(),
                "in" | "at"
                    | "on"
                    | "by"
                    | "from"
                    | "to"
                    | "for"
                    | "with"
                    | "after"
                    | "during"
                    | "near"
                    | "into"
                    | "across"
                    | "over"
                    | "under"
            )
        };
        let starts_clause = (k..=b).contains(&m.ti) && !(k..m.ti).any(prep)
            || m.kind == MKind::Named && m.ti == b + 2;
        let named_aside = k > a && m.ti == k && m.kind == MKind::Named;
        if !(starts_clause && (has_aside || named_aside)) {
            continue;
        }
        // After "of" the name may end a title ("Chancellor of the Exchequer Nigel Lawson")
        // or be the organisation a named aside belongs to ("The chairman of the CFTC, Susan
        // Phillips, said" is Phillips): a name in the aside wins.
        let after_of = (k..m.ti).any(|j| d.w(j) == "of");
        if found.is_none() {
            if !after_of {
                return Some(m);
            }
            found = Some(m);
        } else if named_aside {
            return Some(m);
        }
    }
    found
}

/// Whether a source after a cue ends its clause: the sentence ends or a comma follows, right
/// after it or after a short role ("said Tom Lee of Fundstrat."), and no auxiliary lies
/// inside, so that "said the Tax Reform Act of 1986 has limited …" and "said the remarks may
/// signal …" are no sources but the start of a reported clause.
fn source_ends(d: &Doc, m: &Mention, last: usize) -> bool {
    let mut k = m_last_token(d, m);
    if k > last || (m.ti..=k).any(|j| d.is_word(j) && auxiliary(d.w(j))) {
        return false;
    }
    k += 1;
    if d.is_word(k) && is_prep(d.w(k)) {
        let stop = k + 9;
        while k < stop && d.is_word(k) {
            if auxiliary(d.w(k)) {
                return false;
            }
            k += 1;
        }
    }
    k > last || d.is_p(k, ',') || d.is_boundary(k) || d.is_p(k, '(')
}

/// The token a mention ends at.
fn m_last_token(d: &Doc, m: &Mention) -> usize {
    (m.ti..d.toks.len())
        .find(|&k| d.toks[k].e >= m.e)
        .unwrap_or(m.ti)
}

/// Whether token `k` follows only a connective that opens the sentence at `a`: "But anti-hunt
/// campaigners said", "Meanwhile Eli Lilly says".
pub(crate) fn opens_sentence(d: &Doc, a: usize, k: usize) -> bool {
    k == a + 1
        && matches!(
            d.w(a),
            "But" | "And" | "Yet" | "So" | "Meanwhile" | "Also" | "Now" | "Still" | "However"
        )
}

/// Whether what follows a cue that ends the sentence at `last` only says when, where or how it
/// was said: "officials said on Tuesday.", "he said yesterday.", "she said in a statement."
fn said_when_or_where(d: &Doc, ce: usize, last: usize) -> bool {
    last > ce
        && last <= ce + 6
        && d.is_word(ce + 1)
        && matches!(
            d.w(ce + 1),
            "on" | "in"
                | "at"
                | "yesterday"
                | "today"
                | "tonight"
                | "late"
                | "earlier"
                | "last"
                | "this"
                | "after"
                | "during"
                | "outside"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
        )
        && (ce + 1..=last).all(|k| d.is_word(k) && !auxiliary(d.w(k)))
}

/// Whether the sentence's last token `last` comes within `n` tokens after `ce` with no
/// comma between: what follows "he told" is then only whom he told.
fn ends_within(d: &Doc, ce: usize, last: usize, n: usize) -> bool {
    last > ce && last <= ce + n && (ce + 1..=last).all(|k| !d.is_p(k, ','))
}

/// Whether the comma at `k` after a cue opens no more than the rest of the attribution: "the
/// outlet RT reported, but …", "he said, adding …", "she said, citing …".
fn ends_attribution(d: &Doc, k: usize) -> bool {
    !d.is_word(k + 1)
        || matches!(
            d.w(k + 1),
            "but"
                | "and"
                | "adding"
                | "citing"
                | "noting"
                | "saying"
                | "although"
                | "though"
                | "while"
                | "as"
                | "because"
                | "which"
                | "who"
                | "referring"
                | "according"
        )
}

/// Words that end a descriptive phrase before a name.
fn np_breaker_word(w: &str) -> bool {
    matches!(
        w,
        "and" | "but" | "that" | "said" | "was" | "is" | "to" | "of" | "in"
    )
}
