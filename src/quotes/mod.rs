//! Rule-based quote extraction with speaker attribution.
//!
//! The text is tokenized once, double quote marks are paired per paragraph,
//! each quoted stretch is linked to the cue clause before or after it
//! ("…," said X / X said: "…"), split quotes are rejoined, unquoted sentences
//! are scanned for indirect attributions ("according to X", "X said that …"),
//! and finally speakers are resolved in reading order so that pronouns and
//! last names point at the full names introduced earlier. Every step is a
//! bounded look around a token, so the whole is linear in the text length.

mod antecedents;
mod attr;
mod clause;
mod indirect;
mod intro;
mod layouts;
mod lexicon;
mod marks;
mod np;
mod reported;
mod speakers;
mod split;
mod subject;
mod tokens;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_indirect;
#[cfg(test)]
mod tests_kinds;
#[cfg(test)]
mod tests_objects;
#[cfg(test)]
mod tests_speakers;

use attr::Attr;
use np::Doc;
use tokens::K;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Mixed,
    Indirect,
    /// Scare quotes and titles: not speech, never attributed.
    Scare,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Speaker {
    /// The person or organisation the mention resolves to.
    pub name: String,
    /// The mention that introduces this quote (may be a pronoun).
    pub start: usize,
    pub end: usize,
    pub role: Option<String>,
    /// False when the mention is a pronoun that stands for no one the text
    /// names: `name` is then the pronoun as written, which is where the
    /// attribution is but never a name to show ("he" is nobody).
    pub resolved: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: QuoteKind,
    pub spans: Vec<Span>,
    pub cue: Option<String>,
    pub cue_span: Option<Span>,
    pub addressee: Option<String>,
    pub speaker: Option<Speaker>,
}

/// Whether long unattributed fragments inside a sentence count as mixed
/// quotes; in news they are mostly partial quotations inside an indirect
/// attribution, which reads better as part of that attribution.
const MIXED_AS_QUOTE: bool = false;

/// How many tokens may lie between an attributed quote and an unattributed
/// one that continues it (`"A," Ryder wrote. "B."`).
const CONTINUATION_GAP: usize = 80;

/// Whether a quote opening at token `open` may continue the attributed
/// quote whose last mark is at `last`: only the attribution sentence lies
/// between them. A source whose paragraphs were glued into one holds many
/// speakers' quotes in one "paragraph", with narrative between them.
fn continues(d: &Doc, last: &Cand, last_mark: usize, open: usize) -> bool {
    if open > last_mark + CONTINUATION_GAP {
        return false;
    }
    // The sentence right before is the one that holds the previous quote's
    // closing mark: it is that quote's attribution, however long it runs
    // (`"A," said Ann Lee, who heads a group in Ohio. "B."`).
    // The period of a party tag ends no sentence: `said Sen. Ann Lee (D-Pa.), a backer. "B."`.
    if open > 0 && (last_mark + 1..open - 1).all(|k| !d.is_boundary(k) || d.is_p(k + 1, ')')) {
        return true;
    }
    // The sentence right before names someone else as its subject: `Ann Lee
    // warned that … . "B."` is Lee's, not the previous speaker's.
    let near = open
        .checked_sub(1)
        .and_then(|k| layouts::prev_subject(d, k))
        .filter(|m| m.kind != np::MKind::Pronoun);
    let speaker = last.attr.as_ref().and_then(|a| a.speaker.as_ref());
    match (near, speaker) {
        (Some(n), Some(s)) if s.kind == np::MKind::Named => {
            n.name.split_whitespace().last() == s.name.split_whitespace().last()
        }
        (Some(_), _) => false,
        (None, _) => true,
    }
}

/// The longest quoted fragment that a sentence running on past it makes part
/// of that sentence.
const FRAGMENT_WORDS: usize = 6;

/// Whether quoted words are a title, a name or a slogan rather than speech:
/// two to six words, every one capitalised but small function words, and no
/// question or exclamation ("Game of Thrones", "Make America Great Again.",
/// "DIVISIVE, STUPID AND WRONG").
fn is_title(content: &[char]) -> bool {
    let text: String = content.iter().collect();
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "to"
                | "for"
                | "is"
                | "at"
                | "with"
                | "from"
                | "by"
        )
    };
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    (2..=6).contains(&words.len())
        && capitalised >= 2
        && words
            .iter()
            .all(|w| small(w) || !w.starts_with(char::is_lowercase))
        && !text.contains(['?', '!'])
}

/// A quote before speaker resolution.
struct Cand {
    spans: Vec<(usize, usize)>,
    kind: QuoteKind,
    attr: Option<Attr>,
    /// Index of the quote whose speaker an unattributed quote continues.
    follows: Option<usize>,
    /// For an unattributed quote, the subject of the sentence right before
    /// it, which names the speaker more closely than an earlier quote does.
    near: Option<np::Mention>,
}

/// Words in a char span, counted cheaply.
fn word_count(chars: &[char], s: usize, e: usize) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for &c in &chars[s..e] {
        let w = c.is_alphanumeric();
        if w && !in_word {
            n += 1;
        }
        in_word = w;
    }
    n
}

/// Extracts direct, mixed, indirect and scare quotes from `text`.
pub fn extract(text: &str) -> Vec<Quote> {
    let (chars, toks) = tokens::tokenize(text);
    let raws = marks::pair(&chars, &toks);
    let d = Doc { text, toks };
    // A paragraph that ends a quote running over several paragraphs, attributed once more, is a
    // quote of its own: `Lee said: "A.¶"B," Lee said.`
    let raws = split::attributed_last_paragraph(&d, raws);
    let n = d.toks.len();
    // Paragraph number of each token, to keep continuations local.
    let mut para = Vec::with_capacity(n);
    let mut p = 0usize;
    for t in &d.toks {
        if t.k == K::Para {
            p += 1;
        }
        para.push(p);
    }
    let mut cands: Vec<Cand> = Vec::new();
    // For each raw quote: its candidate index, or the one it was merged into.
    // The last attributed quote: (cand index, paragraph, token of its last mark).
    let mut last_attr: Option<(usize, usize, usize)> = None;
    // The last quote, when it was direct, in the same form.
    let mut last_direct: Option<(usize, usize, usize)> = None;
    let mut skip_until = 0usize;
    for (ri, q) in raws.iter().enumerate() {
        if q.open < skip_until && ri > 0 {
            continue;
        }
        let prev = q.open.checked_sub(1);
        // The quote's first letter: its case tells a new sentence from one the writer began.
        let first_letter = chars[q.segs[0].0..q.segs[0].1]
            .iter()
            .find(|c| !c.is_whitespace())
            .copied();
        // A capitalised quote after a dotted abbreviation starts a sentence too: the
        // abbreviation's period also ends the one before (`in Dayton, Ohio, N.Y. "We …"`).
        let after_abbreviation = |k: usize| {
            d.is_word(k) && d.w(k).ends_with('.') && first_letter.is_some_and(char::is_uppercase)
        };
        let initial = prev.is_none_or(|k| {
            let t = &d.toks[k];
            d.is_boundary(k) || t.k == K::Mark || d.is_p(k, ':') || after_abbreviation(k)
        });
        // A quote that ends its own sentence: `"…."`.
        let final_stop = q.closed && q.close > 0 && d.is_p(q.close - 1, '.');
        let aft = if q.closed {
            // The tail of the sentence a partial quote opens; a quote that
            // ended its sentence has no tail.
            let tail = initial && !final_stop;
            attr::after(&d, q.close)
                .or_else(|| tail.then(|| layouts::after_tail(&d, q.close)).flatten())
        } else {
            None
        };
        let mut bef = attr::before(&d, q.open);
        if bef.is_none() && aft.as_ref().is_none_or(|a| a.speaker.is_none()) {
            bef = layouts::prev_sentence(&d, q.open);
        }
        if bef.is_none()
            && prev.is_some_and(|k| d.toks[k].k == K::Para && k > 0 && d.is_p(k - 1, ':'))
        {
            bef = prev.and_then(|k| attr::before(&d, k));
        }
        // A fragment that a cue earlier in its sentence reports (`Lee said the plan's cost
        // "is far too high."`) is that speaker's, not the next sentence's.
        // A word with a period before the mark (`in Dayton, Ohio, N.Y. "We …"`) ended a sentence.
        let reported = |k: usize| d.is_word(k) && d.cue_at(k).is_none() && !d.w(k).ends_with('.');
        let mut reported_fragment = false;
        if bef.is_none() && final_stop && prev.is_some_and(reported) {
            bef = intro::sentence_cue(&d, q.open);
            reported_fragment = bef.is_some();
        }
        let words = word_count(&chars, q.segs[0].0, q.segs[q.segs.len() - 1].1);
        let last_seg = q.segs[q.segs.len() - 1];
        let ends_sentence = chars[last_seg.0..last_seg.1]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| ".?!,…".contains(*c));
        // A cue further back in the sentence than the comma before the mark: `Lee acknowledged,
        // however, "As they say …"`.
        if bef.is_none()
            && aft.as_ref().is_none_or(|a| a.speaker.is_none())
            && prev.is_some_and(|k| d.is_p(k, ','))
            && first_letter.is_some_and(char::is_uppercase)
            && ends_sentence
            && words >= 4
        {
            bef = intro::distant_cue(&d, q.open - 1);
        }
        let attributed = aft.as_ref().is_some_and(|a| a.speaker.is_some()) || bef.is_some();
        // Continuation of the previous attributed quote in this paragraph:
        // `"A," Ryder wrote. "B."`
        if !attributed && initial && words >= 2 {
            if let Some((ci, cp, last)) = last_attr {
                // In the same paragraph and close to it: a source whose
                // paragraphs were glued into one holds many speakers' quotes.
                // Or, taking up a paragraph of its own, in the paragraph after the one the
                // attributed quote and its attribution end: `"A," Lee said.¶"B."`
                let next_para = cp + 1 == para[q.open] && split::next_paragraph(&d, last, q);
                if next_para || cp == para[q.open] && continues(&d, &cands[ci], last, q.open) {
                    cands[ci].spans.extend(q.segs.iter().copied());
                    let p = para[q.close.min(n - 1)];
                    last_attr = Some((ci, p, q.close));
                    last_direct = Some((ci, p, q.close));
                    continue;
                }
            }
            // The previous quote's sentence ran on past its mark into a clause
            // no cue was found in (`"A," the ad states. "B."`): that clause
            // is its attribution, and this quote goes on with it.
            if let Some((ci, cp, last)) = last_direct {
                if cp == para[q.open] && split::tail_between(&d, last, q.open)
                    || cp + 1 == para[q.open] && split::next_paragraph(&d, last, q)
                {
                    cands[ci].spans.extend(q.segs.iter().copied());
                    last_direct = Some((ci, cp, q.close));
                    continue;
                }
            }
        }
        // A quote that ends its own sentence, or that a cue and a colon
        // introduce (`Lee added: "…"`), belongs to the clause that introduced
        // it, not to the next sentence.
        let colon_cue = prev.is_some_and(|k| d.is_p(k, ':'))
            && bef.as_ref().is_some_and(|b| d.is_word(b.cue.0));
        let attr = match (aft, bef) {
            (_, Some(b)) if (final_stop || colon_cue) && b.speaker.is_some() => Some(b),
            (Some(a), _) if a.speaker.is_some() => Some(a),
            (a, None) => a,
            (_, b) => b,
        };
        let speech_like = initial && (words >= 4 || (ends_sentence && words >= 2));
        // A quoted fragment inside an attributed sentence (`Ortega insisted
        // that he has "grown the party," adding …`) is a partial quote
        // within an indirect attribution, not a direct quote of its own.
        // So is one after "that" and a comma: `Lee said that, "If we lose, we lose."`.
        let embedded = prev.is_some_and(|k| {
            d.is_word(k) && d.cue_at(k).is_none()
                || d.is_p(k, ',') && k > 0 && d.is_word(k - 1) && d.w(k - 1) == "that"
        });
        // A quote that opens in lowercase after a comma finishes a sentence the writer began
        // (`If the bill fails, Lee said, "we will try again."`): a partial quote within the
        // writer's report, as PolNeAR reads it, not a direct quote of its own.
        // Unless the attribution opens the sentence (`He added, "nobody …"`): then the quote is
        // the speaker's own sentence, lowercased by the writer.
        let finishes_sentence = prev.is_some_and(|k| d.is_p(k, ','))
            && first_letter.is_some_and(char::is_lowercase)
            && !attr
                .as_ref()
                .is_some_and(|a| intro::opens_sentence(&d, a, q.open - 1));
        // A short fragment the sentence runs on from (`admitted "one or two
        // instances" where …`) is part of the sentence, not speech of its own.
        let runs_on = !initial
            && !ends_sentence
            && words <= FRAGMENT_WORDS
            && q.closed
            && d.is_word(q.close + 1)
            && !d.is_cap(q.close + 1)
            && d.cue_at(q.close + 1).is_none();
        // Capitalised words that a speech verb attributes after a comma are speech, not a
        // title: `"Your Honor," I said`, `"Like Oakland. Or Dayton," Lee said.`
        let said_after = q.close > 0
            && d.is_p(q.close - 1, ',')
            && attr.as_ref().is_some_and(|a| {
                a.cue.0 > q.close && a.speaker.is_some() && d.cue_at(a.cue.0).is_some()
            });
        // So are capitalised words right after a verb of raising the voice: what a crowd
        // chants or a speaker shouts is speech, however much it looks like a slogan
        // (`chanting "Save Our Harbor."`, `interjecting, "Only the mayor."`). Other cues take
        // titles as objects (`wrote "Harbor Lights"`, `told "Morning Desk"`), so they keep the
        // rule.
        let voiced_before = prev.is_some_and(|k| {
            let k = if d.is_p(k, ',') && k > 0 { k - 1 } else { k };
            d.is_word(k) && lexicon::voiced(d.w(k))
        });
        let title = q.segs.len() == 1
            && !said_after
            && !voiced_before
            && is_title(&chars[q.segs[0].0..q.segs[0].1]);
        // An article excerpt after its headline and byline (`"…," by Times' Ann Lee: "…"`) is
        // reprinted text, not speech.
        let clipping = prev.is_some_and(|k| layouts::clipping_credit(&d, k));
        // A quote right after a scare quote that ended in a comma is the next item of a list of
        // titles or terms (`"Harbor Lights," "Apollo 9," and …`), not a new sentence of speech.
        let listed = prev.is_some_and(|k| intro::after_list_item(&d, k))
            && ri > 0
            && Some(raws[ri - 1].close) == prev
            && cands.last().is_some_and(|c| c.kind == QuoteKind::Scare)
            && attr.as_ref().is_none_or(|a| a.speaker.is_none());
        let kind = if title || clipping || listed {
            QuoteKind::Scare
        } else if (embedded || runs_on || finishes_sentence) && attr.is_some() {
            QuoteKind::Indirect
        } else if runs_on {
            QuoteKind::Scare
        } else if attr.is_some() || speech_like {
            QuoteKind::Direct
        } else if !initial && words >= 8 && ends_sentence && MIXED_AS_QUOTE {
            QuoteKind::Mixed
        } else {
            QuoteKind::Scare
        };
        let mut spans: Vec<(usize, usize)> = q.segs.clone();
        // A quote split by its attribution: `"A," he told X, "B."`. A title or term is not
        // speech, so the quote after it is one of its own: in `Lee said on "Morning Desk,"
        // adding, "…"` the cue after the title introduces the next quote.
        // When a cue before the quote introduced it, the clause after it may still split it
        // (`Lee fired back: "A," he wrote, "b."`). A fragment within the writer's sentence
        // (`Remarking on his "deep empathy," Lee said, "Leave …"`) is no first half: the quote
        // after the cue is one of its own.
        // The clause after is read again only for a quote that ends in a comma.
        let after_clause;
        let split_by = match attr.as_ref() {
            Some(a) if a.cue.0 < q.open => {
                let open_comma = q.closed && q.close > 0 && d.is_p(q.close - 1, ',');
                after_clause = open_comma
                    .then(|| attr::after(&d, q.close))
                    .flatten()
                    .filter(|a| a.speaker.is_some());
                after_clause.as_ref()
            }
            other => other,
        };
        if let Some(a) = split_by.filter(|_| kind != QuoteKind::Scare && !embedded) {
            if let Some(nq) = raws
                .get(ri + 1)
                .filter(|nq| split::resumes(&d, &chars, q, a, nq))
            {
                spans.extend(nq.segs.iter().copied());
                skip_until = nq.open + 1;
            }
        }
        let follows = if attr.is_none() && kind == QuoteKind::Direct {
            last_attr
                .filter(|&(_, cp, _)| cp + 2 >= para[q.open])
                .map(|x| x.0)
        } else {
            None
        };
        let near = if attr.is_none() && kind == QuoteKind::Direct && initial {
            prev.and_then(|k| layouts::prev_subject(&d, k))
        } else {
            None
        };
        let ci = cands.len();
        // A title or term is nobody's speech for a later quote to go on with, and a fragment
        // within the writer's report of what someone said is no quote a later one resumes.
        if attr.is_some() && kind != QuoteKind::Scare && !reported_fragment {
            last_attr = Some((ci, para[q.close.min(n - 1)], q.close));
        }
        last_direct =
            (kind == QuoteKind::Direct).then_some((ci, para[q.close.min(n - 1)], q.close));
        cands.push(Cand {
            spans,
            kind,
            attr,
            follows,
            near,
        });
    }
    // Indirect attributions in sentences without quote marks.
    let mut a = 0;
    let mut has_mark = false;
    for i in 0..n {
        if d.toks[i].k == K::Mark {
            // A closing mark right after a sentence end closes that sentence,
            // so the glued text after it ("out."It's …) starts afresh.
            if i > 0 && d.is_boundary(i - 1) && d.toks[i - 1].k == K::Punct {
                a = i + 1;
                has_mark = false;
                continue;
            }
            has_mark = true;
        }
        if d.is_boundary(i) || i + 1 == n || abbreviation_ends_sentence(&d, i) {
            if !has_mark && i > a {
                // A reported clause may end before a second attribution by the same subject
                // ("said A, but added B") or a semicolon: the rest of the sentence is read
                // again, past the first one's cue and content. Three at most.
                let mut from = a;
                for _ in 0..3 {
                    let Some((at, ranges)) = indirect::indirect(&d, a, i, from) else {
                        break;
                    };
                    // A later cue's content lies past the earlier one's, or it is the same
                    // words given to another source ("…, traders said, noting the Ohio River …").
                    if from > a && ranges.iter().any(|r| r.0 < from) {
                        break;
                    }
                    let past = ranges.iter().map(|r| r.1).chain([at.cue.1, at.end]).max();
                    cands.push(Cand {
                        spans: ranges
                            .iter()
                            .map(|&(cs, ce)| (d.toks[cs].s, d.toks[ce].e))
                            .collect(),
                        kind: QuoteKind::Indirect,
                        attr: Some(at),
                        follows: None,
                        near: None,
                    });
                    match past {
                        Some(p) if p + 2 < i => from = p + 1,
                        _ => break,
                    }
                }
            }
            a = i + 1;
            has_mark = false;
        }
    }
    // Which tokens lie inside quote marks: names there are quoted, not actors.
    let mut quoted = vec![false; n];
    for q in &raws {
        for flag in &mut quoted[q.open..=q.close.min(n - 1)] {
            *flag = true;
        }
    }
    resolve(&d, &chars, &quoted, cands)
}

/// Whether the period of an abbreviation at token `i` also ends its sentence: a word that only
/// opens sentences follows ("of Cenergy Corp. It said …", "Fairfield, Conn. The company …"),
/// which no title or initial of a name is followed by.
fn abbreviation_ends_sentence(d: &Doc, i: usize) -> bool {
    if !(d.is_word(i) && d.w(i).ends_with('.') && d.is_word(i + 1)) {
        return false;
    }
    // "No." abbreviates a number only before one: "said no. Clinton agreed" ends there.
    let number_sign = d.w(i).eq_ignore_ascii_case("no.");
    matches!(
        d.w(i + 1),
        "It" | "He" | "She" | "They" | "We" | "The" | "Its" | "Their"
    ) || number_sign && d.is_cap(i + 1)
}

/// Resolves speakers in reading order and builds the public quotes.
fn resolve(d: &Doc, chars: &[char], quoted: &[bool], cands: Vec<Cand>) -> Vec<Quote> {
    // Reading order of the attribution clauses: the cue position.
    let mut order: Vec<usize> = (0..cands.len()).collect();
    let key = |c: &Cand| c.attr.as_ref().map_or(c.spans[0].0, |a| d.toks[a.cue.0].s);
    order.sort_by_key(|&i| key(&cands[i]));
    let mut reg = speakers::Registry::default();
    let actors = antecedents::Actors::collect(d, quoted);
    let mut speakers: Vec<Option<Speaker>> = vec![None; cands.len()];
    for &i in &order {
        let c = &cands[i];
        if c.kind == QuoteKind::Scare {
            continue;
        }
        let m = c.attr.as_ref().and_then(|a| a.speaker.as_ref());
        if let Some(m) = m.or(c.near.as_ref()) {
            let name = reg.resolve(m, &actors);
            speakers[i] = Some(Speaker {
                resolved: name.is_some(),
                name: name.unwrap_or_else(|| m.name.clone()),
                start: m.s,
                end: m.e,
                role: m.role.clone(),
            });
        }
    }
    let mut out = Vec::with_capacity(cands.len());
    for i in 0..cands.len() {
        let c = &cands[i];
        let mut speaker = speakers[i].clone();
        if speaker.is_none() {
            speaker = c.follows.and_then(|f| speakers[f].clone());
        }
        let mut sorted = c.spans.clone();
        sorted.sort_unstable();
        sorted.dedup();
        let spans: Vec<Span> = sorted
            .iter()
            .map(|&(s, e)| trim(chars, s, e))
            .filter(|s| s.end > s.start)
            .collect();
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            continue;
        };
        let mut text = String::new();
        for (k, s) in spans.iter().enumerate() {
            if k > 0 {
                text.push_str(piece_joiner(
                    chars[spans[k - 1].end..s.start].iter().copied(),
                ));
            }
            text.extend(&chars[s.start..s.end]);
        }
        let (cue, cue_span, addressee) = match (&c.attr, c.kind) {
            (Some(a), k) if k != QuoteKind::Scare => {
                let (s, e) = (d.toks[a.cue.0].s, d.toks[a.cue.1].e);
                (
                    Some(d.slice(a.cue.0, a.cue.1).to_string()),
                    Some(Span { start: s, end: e }),
                    a.addressee.clone(),
                )
            }
            _ => (None, None, None),
        };
        out.push(Quote {
            start: first.start,
            end: last.end,
            text,
            kind: c.kind,
            spans: spans.clone(),
            cue,
            cue_span,
            addressee,
            speaker: if c.kind == QuoteKind::Scare {
                None
            } else {
                speaker
            },
        });
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// Trims whitespace from both ends of a char span.
/// What joins two pieces of one quote in its text, given what the document has between them:
/// a paragraph break when only whitespace and quotation marks across a line break separate
/// them (a quote running on into the next paragraph, re-opened there), and otherwise an
/// ellipsis (a cue splits the quote: "…," he said, "…"). `verify` rebuilds a stored quote's
/// text from its spans with this same rule.
pub fn piece_joiner(gap: impl Iterator<Item = char>) -> &'static str {
    let mut line_break = false;
    for c in gap {
        if !(c.is_whitespace() || tokens::is_mark(c)) {
            return " … ";
        }
        line_break |= c == '\n';
    }
    if line_break {
        "\n\n"
    } else {
        " … "
    }
}

fn trim(chars: &[char], mut s: usize, mut e: usize) -> Span {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    Span { start: s, end: e }
}
