//! Word classes and noun-phrase parsing around cue verbs.

use super::tokens::{Tok, K};

use super::lexicon::{is_corporate_suffix, CAP_STOP, CUES, DETERMINERS, PRONOUNS, TITLES};
use super::speakers::{self, gender_of};

pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub toks: Vec<Tok>,
}

impl<'a> Doc<'a> {
    pub fn w(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.bs..t.be]
    }
    pub fn is_word(&self, i: usize) -> bool {
        i < self.toks.len() && self.toks[i].k == K::Word
    }
    pub fn is_p(&self, i: usize, c: char) -> bool {
        i < self.toks.len() && self.toks[i].k == K::Punct && self.toks[i].c == c
    }
    pub fn is_cue(&self, i: usize) -> bool {
        self.is_word(i) && {
            let w = self.w(i);
            folded_in(&CUE_SET, w)
        }
    }
    pub fn is_pronoun(&self, i: usize) -> bool {
        self.is_word(i) && PRONOUNS.iter().any(|c| c.eq_ignore_ascii_case(self.w(i)))
    }
    pub fn is_det(&self, i: usize) -> bool {
        self.is_word(i) && folded_in(&DETERMINER_SET, self.w(i))
    }
    pub fn is_cap(&self, i: usize) -> bool {
        self.is_word(i) && self.toks[i].c.is_uppercase()
    }
    pub fn is_title(&self, i: usize) -> bool {
        self.is_word(i) && TITLES.contains(&self.w(i))
    }
    pub fn is_cap_stop(&self, i: usize) -> bool {
        CAP_STOP.contains(&self.w(i))
    }
    /// Whether token `i` ends a sentence or a paragraph; the end of the text is one too.
    pub fn is_boundary(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        t.k == K::Para || (t.k == K::Punct && matches!(t.c, '.' | '?' | '!'))
    }
    /// Text from the start of token `a` to the end of token `b`.
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        &self.text[self.toks[a].bs..self.toks[b].be]
    }
    /// A reporting cue: a cue verb, or "according to". Returns its last token.
    pub fn cue_at(&self, i: usize) -> Option<usize> {
        if self.is_word(i) && self.w(i).eq_ignore_ascii_case("according") {
            return (self.is_word(i + 1) && self.w(i + 1) == "to").then_some(i + 1);
        }
        if !self.is_cue(i) {
            return None;
        }
        let w = self.w(i).to_ascii_lowercase();
        // Phrasal cues need their particle ("pointed out", "went on").
        match w.as_str() {
            "pointed" | "points" => {
                (self.is_word(i + 1) && self.w(i + 1) == "out").then_some(i + 1)
            }
            // Back-and-forth exchanges: "shot back", "fired back", "hit back".
            "shot" | "fired" | "hit" => {
                (self.is_word(i + 1) && self.w(i + 1) == "back").then_some(i + 1)
            }
            "went" => (self.is_word(i + 1) && self.w(i + 1) == "on").then_some(i + 1),
            // "As the Post put it, "…"" quotes the way a source worded something; "put" alone
            // is too common a verb, so only "put it" right before a comma or colon and a mark.
            "put" | "puts" => {
                let it = self.is_word(i + 1) && self.w(i + 1) == "it";
                let then_mark = (self.is_p(i + 2, ',') || self.is_p(i + 2, ':'))
                    && self.toks.get(i + 3).is_some_and(|t| t.k == K::Mark);
                (it && then_mark).then_some(i + 1)
            }
            "read" | "reads" | "began" | "begins" | "states" => {
                // After a capitalised word they are part of a name: "the United States", not the
                // verb "states".
                if self.is_cap(i) && i > 0 && self.is_cap(i - 1) {
                    return None;
                }
                // Too ambiguous as plain words; only accept them right next to a mark.
                let next_mark = self.toks.get(i + 1).is_some_and(|t| t.k == K::Mark)
                    || (self.is_p(i + 1, ',') || self.is_p(i + 1, ':'))
                        && self.toks.get(i + 2).is_some_and(|t| t.k == K::Mark);
                let prev_mark = i > 0 && self.toks[i - 1].k == K::Mark;
                (next_mark || prev_mark).then_some(i)
            }
            _ => Some(i),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MKind {
    Pronoun,
    Named,
    Common,
}

/// A speaker mention as written, before resolution.
#[derive(Debug, Clone)]
pub(crate) struct Mention {
    /// Token index where the mention starts.
    pub ti: usize,
    pub s: usize,
    pub e: usize,
    pub kind: MKind,
    /// The name without titles or possessive owner; the pronoun itself.
    pub name: String,
    pub role: Option<String>,
}

impl Mention {
    /// The mention of tokens `a..=b`, named as written.
    pub(crate) fn over(d: &Doc, a: usize, b: usize, kind: MKind) -> Mention {
        Mention {
            ti: a,
            s: d.toks[a].s,
            e: d.toks[b].e,
            kind,
            name: d.slice(a, b).to_string(),
            role: None,
        }
    }
}

/// A run of capitalized words (with initials and possessives) from `a`
/// forwards; returns its last token.
fn cap_run_fwd(d: &Doc, a: usize) -> Option<usize> {
    let mut j = a;
    while d.is_cap(j) || (j > a && d.is_word(j) && is_particle(d.w(j)) && d.is_cap(j + 1)) {
        j += 1;
        if j - a > 8 {
            break;
        }
    }
    (j > a).then(|| j - 1)
}

fn is_particle(w: &str) -> bool {
    matches!(w, "de" | "van" | "von" | "del" | "da" | "la" | "bin" | "al")
}

/// The portfolio that ends a minister's or secretary's title: "Chancellor of the Exchequer",
/// "Secretary of Commerce".
fn is_portfolio(w: &str) -> bool {
    matches!(
        w,
        "Exchequer"
            | "Commerce"
            | "State"
            | "Treasury"
            | "Agriculture"
            | "Defense"
            | "Defence"
            | "Labor"
            | "Labour"
            | "Energy"
            | "Finance"
            | "Justice"
            | "Trade"
            | "Industry"
            | "Transportation"
            | "Transport"
            | "Interior"
            | "Education"
            | "Health"
            | "Housing"
    )
}

/// "It's", "That's", "There's": a word and "is", not an owner.
fn is_contraction(w: &str) -> bool {
    let stem = w.trim_end_matches("'s").trim_end_matches("’s");
    matches!(
        stem.to_ascii_lowercase().as_str(),
        "it" | "that" | "what" | "there" | "here" | "who" | "he" | "she" | "let" | "where"
    )
}

pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’')
}

/// Builds a named mention from the capitalized run `a..=b`, splitting off
/// titles (role) and possessive owners (affiliation).
fn named(d: &Doc, a: usize, b: usize, role_prefix: Option<String>) -> Option<Mention> {
    let mut s = a;
    while s <= b && d.is_cap_stop(s) {
        s += 1;
    }
    // "The New Mexico Republican", "the West Virginia Democrat": a party
    // member described, not named; the description stands for the person.
    let the_before = (s > a && d.w(a) == "The") || (a > 0 && d.w(a - 1) == "the");
    if the_before && s < b && matches!(d.w(b), "Democrat" | "Republican" | "Conservative") {
        let start = if s > a { a } else { a - 1 };
        return Some(Mention::over(d, start, b, MKind::Common));
    }
    // Possessive owners are affiliations: "SecureWorks' Jarvis". A company's own name may
    // hold one ("Moody's Investors Service Inc", "Heck's Inc"): a name that ends in a
    // corporate suffix keeps it.
    let mut owner = None;
    let first = s;
    let corporate = is_corporate_suffix(d.w(b));
    for k in first..b {
        if is_possessive(d.w(k)) && !corporate {
            owner = Some(d.slice(s, k));
            s = k + 1;
        }
    }
    // Everything up to the last title word is the role: "Utah Gov. Ann
    // Lee", "White House Press Secretary Omar Haddad".
    // "General" is a rank before a person ("General Colin Powell") but starts the names of
    // companies ("General Motors", "General Electric Co"), so it counts only before a first
    // name; the abbreviation "Gen." always does.
    let rank_before_person = |k: usize| d.w(k) != "General" || gender_of(d.w(k + 1)).is_some();
    let mut t = s;
    for k in s..b {
        if d.is_title(k) && rank_before_person(k) {
            t = k + 1;
        }
    }
    // A title word before an organisation's head names the organisation: "the State
    // Department", "the Justice Department", "the House Committee" are no department
    // called by a title.
    if t == b && t > s && speakers::looks_like_org(d.w(b)) {
        t = s;
    }
    // The end of a title after "of" is no part of the person's name: "Chancellor of the
    // Exchequer Nigel Lawson", "Secretary of Commerce Malcolm Baldrige".
    let after_of =
        s > 0 && (d.w(s - 1) == "of" || s > 1 && d.w(s - 1) == "the" && d.w(s - 2) == "of");
    // Such a tail is the one word of a government's portfolio, and the name after it has at
    // least two ("of Japan Credit Rating Agency Ltd" and "of New York City" are no titles).
    if after_of && t == s && b >= s + 2 && is_portfolio(d.w(s)) {
        t = s + 1;
    }
    if t > b {
        return None;
    }
    let mut name = d.slice(t, b).to_string();
    for suf in ["'s", "’s"] {
        if let Some(x) = name.strip_suffix(suf) {
            name = x.to_string();
        }
    }
    let mut parts: Vec<String> = Vec::new();
    if let Some(p) = role_prefix {
        parts.push(p);
    }
    if t > s {
        parts.push(d.slice(s, t - 1).to_string());
    }
    if let Some(o) = owner {
        parts.push(
            o.trim_end_matches(['\'', '’'])
                .trim_end_matches("'s")
                .to_string(),
        );
    }
    let role = (!parts.is_empty()).then(|| parts.join(" "));
    Some(Mention {
        ti: t,
        s: d.toks[t].s,
        e: d.toks[b].e,
        kind: MKind::Named,
        name,
        role,
    })
}

/// Parses the speaker after a cue ("said Vitali Kremez, threat intelligence
/// director at Flashpoint"). Returns the mention and the last token used.
pub(crate) fn np_forward(d: &Doc, i: usize) -> Option<(Mention, usize)> {
    if !d.is_word(i) {
        return None;
    }
    if d.is_pronoun(i) && !d.is_cap(i + 1) {
        let t = &d.toks[i];
        let m = Mention {
            ti: i,
            s: t.s,
            e: t.e,
            kind: MKind::Pronoun,
            name: d.w(i).to_string(),
            role: None,
        };
        return Some((m, i));
    }
    // Lowercase title words before a name: "former FBI agent Leo Taddeo".
    let mut j = i;
    while j < i + 6 && d.is_word(j) && !d.is_cap(j) && !d.is_cue(j) {
        j += 1;
    }
    // A capitalized determiner before a lowercase noun starts a common
    // phrase, not a name: "The clerk".
    let det_noun = d.is_det(j) && d.is_word(j + 1) && !d.is_cap(j + 1);
    // An organisation's name runs on over "of" or "and" ("the Office of National Statistics",
    // "Goldman, Sachs and Co"); right after "the" such a name is a name, not "the Lincoln
    // actor", while "a spokesman for Goldman Sachs and Co" stays the spokesman.
    let run = cap_run_fwd(d, j).map(|b| (b, org_run_on(d, b)));
    let named_run = run
        .filter(|&(b, joined)| (j == i || !d.is_det(i) || j == i + 1 && joined > b) && !det_noun)
        .map(|(_, joined)| joined);
    let (mut m, mut end) = if let Some(b) = named_run {
        // An organisation or a place, lower-case role words, then the
        // person: "Yukos chief executive Steven Theede", "Spanish teenager
        // Nadal". The person is the speaker; the rest is the role.
        // "Secretary of State George Shultz", "Chancellor of the Exchequer Nigel Lawson": a
        // lone title, "of" and a portfolio before the name; the run stopped at "of".
        let portfolio_then_name =
            (b == j && d.is_title(b) && d.is_word(b + 1) && d.w(b + 1) == "of")
                .then(|| {
                    if d.is_word(b + 2) && d.w(b + 2) == "the" {
                        b + 3
                    } else {
                        b + 2
                    }
                })
                .filter(|&p| d.is_word(p) && is_portfolio(d.w(p)))
                .and_then(|p| {
                    cap_run_fwd(d, p + 1)
                        .filter(|&e| e > p + 1)
                        .map(|e| (p + 1, e))
                });
        if let Some((k, e)) = portfolio_then_name {
            let prefix = Some(d.slice(i, k - 1).to_string());
            (named(d, k, e, prefix)?, e)
        } else if let Some(k) = role_then_name(d, b) {
            let b2 = cap_run_fwd(d, k).unwrap_or(k);
            let prefix = Some(d.slice(i, k - 1).to_string());
            (named(d, k, b2, prefix)?, b2)
        } else {
            // A determiner before an organisation is no role: "the Bank of England".
            let prefix =
                (j > i && !(j == i + 1 && d.is_det(i))).then(|| d.slice(i, j - 1).to_string());
            (named(d, j, b, prefix)?, b)
        }
    } else if d.is_det(i) || d.is_word(i) {
        // A description that ends in a name is the name's role: "the company's vice president
        // of sales Ann Lee". The word before the name is a role noun, not a preposition or a
        // determiner, so "the head of Acme Software" and "the Lincoln actor" stay descriptions.
        if d.is_det(i) {
            let mut k = i + 1;
            while k < i + 10 && d.is_word(k) && !d.is_cap(k) && !d.is_cue(k) && !d.is_det(k) {
                k += 1;
            }
            let role_noun = k > i + 1 && !is_prep(d.w(k - 1)) && !np_breaker(d.w(k - 1));
            if role_noun && d.is_cap(k) && !d.is_cap_stop(k) {
                // The name ends the phrase: "a Republican National Committee member" is no name.
                let ends = |e: usize| !d.is_word(e + 1) || d.is_cue(e + 1);
                if let Some(e) = cap_run_fwd(d, k).filter(|&e| e > k && ends(e)) {
                    if let Some(m) = named(d, k, e, Some(d.slice(i, k - 1).to_string())) {
                        return Some((m, e));
                    }
                }
            }
        }
        // A common noun phrase: "the Lincoln actor", "a spokeswoman".
        let mut b = i;
        // A cue word that ends the phrase is a noun: "according to news
        // reports."
        let noun_cue = |k: usize| d.is_cue(k) && !d.is_word(k + 1);
        // A past-tense verb or a function word ends the phrase: "The clerk
        // then looked up".
        let verb_like = |k: usize| {
            let w = d.w(k);
            np_breaker(w) || matches!(w, "then" | "now") || w.len() > 4 && w.ends_with("ed")
        };
        while b + 1 < i + 7
            && d.is_word(b + 1)
            && (!d.is_cue(b + 1) || noun_cue(b + 1))
            && !is_prep(d.w(b + 1))
            && !verb_like(b + 1)
        {
            b += 1;
        }
        if !d.is_det(i) && b > i + 2 {
            return None;
        }
        let m = Mention {
            ti: i,
            s: d.toks[i].s,
            e: d.toks[b].e,
            kind: MKind::Common,
            name: d.slice(i, b).to_string(),
            role: None,
        };
        (m, b)
    } else {
        return None;
    };
    // A parenthetical party tag: "(R-S.C.)".
    if d.is_p(end + 1, '(') {
        let mut k = end + 2;
        while k < end + 8 && k < d.toks.len() && !d.is_p(k, ')') && d.toks[k].k != K::Para {
            k += 1;
        }
        if d.is_p(k, ')') {
            end = k;
        }
    }
    // Role tail: "of the DoJ's Criminal Division", or an appositive after a comma.
    let tail_start = if d.is_word(end + 1) && is_prep(d.w(end + 1)) {
        Some(end + 1)
    } else if d.is_p(end + 1, ',') && d.is_word(end + 2) && !d.is_cue(end + 2) {
        let w = d.w(end + 2);
        let lower = !d.is_cap(end + 2) || d.is_det(end + 2) || w == "The" || w == "A";
        (lower || is_possessive(w)).then_some(end + 2)
    } else {
        None
    };
    if let Some(ts) = tail_start {
        let mut k = ts;
        while k < d.toks.len() && k < ts + 40 {
            let t = &d.toks[k];
            if t.k == K::Mark || t.k == K::Para || d.is_boundary(k) || d.is_p(k, ';') {
                break;
            }
            // A comma followed by a quote mark ends the clause (split quotes).
            if d.is_p(k, ',') && d.toks.get(k + 1).is_some_and(|n| n.k == K::Mark) {
                break;
            }
            k += 1;
        }
        if k > ts {
            let tail = d.slice(ts, k - 1).trim_end_matches(',').to_string();
            if m.kind == MKind::Named {
                m.role = Some(match m.role.take() {
                    Some(r) if is_prep(d.w(ts)) => format!("{r} {tail}"),
                    Some(r) => format!("{r}, {tail}"),
                    None => tail,
                });
            }
            end = k - 1;
        }
    }
    Some((m, end))
}

/// Where an organisation's name that seems to end at token `b` really ends, when it runs on
/// over "of" or "for" ("the Office of National Statistics", "Bank of England", "the
/// Institute for Supply Management") or over "and" to a
/// corporate suffix ("Goldman, Sachs and Co", "Smith Barney, Harris Upham and Co Inc"): the
/// parse stopped at the function word and showed "the Office" or "Goldman" as the speaker.
/// A person's place stays out ("Senator Orrin Hatch of Utah"): "of" joins only after a word
/// that names a kind of organisation. Returns `b` when nothing runs on.
fn org_run_on(d: &Doc, b: usize) -> usize {
    let of = d.is_word(b + 1) && matches!(d.w(b + 1), "of" | "for");
    if of && speakers::looks_like_org(d.w(b)) {
        let start = if d.is_word(b + 2) && d.w(b + 2) == "the" {
            b + 3
        } else {
            b + 2
        };
        if d.is_cap(start) && !d.is_cap_stop(start) {
            if let Some(e) = cap_run_fwd(d, start) {
                return e;
            }
        }
        return b;
    }
    // ", Sachs and Co": a second partner's name after a comma, then "and" and the suffix.
    let mut k = b + 1;
    if d.is_p(k, ',') && d.is_cap(k + 1) {
        k = cap_run_fwd(d, k + 1).map_or(k, |e| e + 1);
    }
    let and = d.is_word(k) && d.w(k) == "and" || d.is_p(k, '&');
    if !and || !d.is_cap(k + 1) {
        return b;
    }
    let corporate = |t: usize| d.is_cap(t) && is_corporate_suffix(d.w(t));
    // The suffixes alone: "Co." may end the sentence, and the run of capitals would go on
    // into the next one.
    let mut e = k;
    while corporate(e + 1) && e < k + 3 {
        e += 1;
    }
    if e > k {
        e
    } else {
        b
    }
}

/// After a capitalised run ending at `b`: one to four lower-case role words
/// and a name ("chief executive Steven Theede"); returns where the name
/// starts. The name has two words, or one followed by the end of the clause,
/// so that "aides Tuesday" or "officials Monday said" stay what they are.
fn role_then_name(d: &Doc, b: usize) -> Option<usize> {
    let mut k = b + 1;
    while k <= b + 4
        && d.is_word(k)
        && !d.is_cap(k)
        && !d.is_cue(k)
        && !d.is_det(k)
        && !d.is_pronoun(k)
        && !np_breaker(d.w(k))
        && !is_prep(d.w(k))
        && d.w(k).chars().all(char::is_alphabetic)
    {
        k += 1;
    }
    if k == b + 1 || !d.is_cap(k) || d.is_cap_stop(k) || d.is_pronoun(k) {
        return None;
    }
    let e = cap_run_fwd(d, k)?;
    let clause_ends = d.is_boundary(e + 1) || d.is_p(e + 1, ',') || d.is_cue(e + 1);
    (e > k || clause_ends).then_some(k)
}

pub(crate) fn is_prep(w: &str) -> bool {
    matches!(w, "of" | "at" | "for" | "with" | "from")
}

/// Words that cannot sit inside a speaker noun phrase before a cue.
pub(crate) fn np_breaker(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "that"
            | "and"
            | "but"
            | "who"
            | "which"
            | "to"
            | "in"
            | "on"
            | "by"
            | "as"
            | "when"
            | "while"
            | "if"
            | "be"
            | "been"
            | "not"
            | "also"
            | "would"
            | "will"
            | "could"
            | "can"
            | "did"
            | "does"
    )
}

/// Whether a word is a small number written out, which may end a
/// description after "of" ("a father of two").
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// Parses the speaker ending at token `b` (just before a cue verb, adverbs
/// already skipped): a pronoun, a name, or a common noun phrase.
pub(crate) fn np_backward(d: &Doc, b: usize) -> Option<Mention> {
    // A party tag after the name: "Sen. Paul Ortega (R-Ariz.) said".
    if d.is_p(b, ')') {
        let mut k = b;
        while k > 0 && b - k < 10 && !d.is_p(k, '(') && d.toks[k].k != K::Para {
            k -= 1;
        }
        return (d.is_p(k, '(') && k > 0 && d.is_cap(k - 1))
            .then(|| np_backward(d, k - 1))
            .flatten();
    }
    // A company in angle brackets, as Reuters marks unlisted ones: "<American Micro
    // Technology Co> said". The mention starts at the bracket, so that the clause starts
    // there too.
    if d.is_p(b, '>') {
        let mut k = b;
        while k > 0 && b - k < 12 && !d.is_p(k, '<') && !d.is_boundary(k) {
            k -= 1;
        }
        if !d.is_p(k, '<') || k + 1 >= b || !d.is_cap(k + 1) {
            return None;
        }
        // "Sweden's Volvo AB <VOLV ST> said": a name before the bracket, which then holds
        // its ticker, is the speaker.
        if k > 0 && d.is_cap(k - 1) {
            return np_backward(d, k - 1);
        }
        // A bracketed company keeps all its words: "<Counsel Corp>" is no counsel named Corp.
        return Some(Mention {
            ti: k,
            s: d.toks[k + 1].s,
            e: d.toks[b - 1].e,
            kind: MKind::Named,
            name: d.slice(k + 1, b - 1).to_string(),
            role: None,
        });
    }
    // A number after "of" ends a description: "the mother of three said".
    let of_number = b >= 2 && is_number_word(d.w(b)) && d.w(b - 1) == "of" && d.is_word(b - 2);
    // A noun phrase never ends in a function word ("his list by saying").
    if !d.is_word(b) || np_breaker(d.w(b)) || is_prep(d.w(b)) || d.is_det(b) && !of_number {
        return None;
    }
    if d.is_pronoun(b) {
        let t = &d.toks[b];
        return Some(Mention {
            ti: b,
            s: t.s,
            e: t.e,
            kind: MKind::Pronoun,
            name: d.w(b).to_string(),
            role: None,
        });
    }
    if d.is_cap(b) {
        let mut a = b;
        while a > 0 && b - a < 8 && (d.is_cap(a - 1) || (is_particle(d.w(a - 1)) && a >= 2)) {
            a -= 1;
        }
        // "Touche Ross and Co said", "Standard and Poor's Corp said": the run ends in a
        // corporate suffix and the partners' names come before "and" (and a comma:
        // "Goldman, Sachs and Co").
        if is_corporate_suffix(d.w(b))
            && a >= 2
            && (d.w(a - 1) == "and" || d.is_p(a - 1, '&'))
            && d.is_cap(a - 2)
        {
            let mut k = a - 2;
            while k > 0 && a - k < 8 && d.is_cap(k - 1) {
                k -= 1;
            }
            if k >= 2 && d.is_p(k - 1, ',') && d.is_cap(k - 2) {
                k -= 2;
                while k > 0 && a - k < 10 && d.is_cap(k - 1) {
                    k -= 1;
                }
            }
            a = k;
        }
        return named(d, a, b, None);
    }
    // Lowercase head noun: look back for a determiner ("a U.S. Justice
    // Department official", "the source"), from before "of three" if any.
    let mut a = if of_number { b - 2 } else { b };
    // The determiner may be the text's first word: "A spokesman said".
    while b - a < 7 {
        // A possessive name that opens the clause determines the noun as "the" does:
        // "Washington's chief technology officer said" ("It's", "ICH Corp's stock" and "at
        // Britain's biggest bank" do not).
        let owner = a != b
            && d.is_cap(a)
            && is_possessive(d.w(a))
            && (a == 0 || !d.is_word(a - 1))
            && !is_contraction(d.w(a));
        if (d.is_det(a) || owner) && a != b {
            let name = d.slice(a, b);
            // The proper name at the end of "the outlet RT" names the speaker.
            return Some(Mention {
                ti: a,
                s: d.toks[a].s,
                e: d.toks[b].e,
                kind: MKind::Common,
                name: name.to_string(),
                role: None,
            });
        }
        let Some(p) = a.checked_sub(1) else { break };
        if !d.is_word(p) || np_breaker(d.w(p)) || d.is_cue(p) {
            break;
        }
        a = p;
    }
    // A bare plural at the start of a clause, alone or after up to three modifiers: "sources
    // said", "trade sources said", "Opec members said", "anti-hunt campaigners said".
    let w = d.w(b);
    if !(w.ends_with('s') && w.len() > 3) {
        return None;
    }
    let clause_start = |k: usize| {
        k == 0
            || !d.is_word(k - 1)
            || matches!(
                d.w(k - 1),
                "and" | "but" | "And" | "But" | "Meanwhile" | "Yet" | "So"
            )
    };
    let mut a = b;
    while !clause_start(a) && b - a < 3 {
        let p = a - 1;
        // A count makes a quantity, not a source: "The 337,000 new jobs added".
        let number = d.w(p).starts_with(|c: char| c.is_ascii_digit());
        if np_breaker(d.w(p)) || is_prep(d.w(p)) || d.is_cue(p) || d.is_pronoun(p) || number {
            break;
        }
        a = p;
    }
    clause_start(a).then(|| Mention::over(d, a, b, MKind::Common))
}

/// The cue verbs and determiners as sets: `is_cue` is asked of nearly every token by the
/// attribution rules, and a scan of the 162 cues there was a sixth of all extraction time.
static CUE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| CUES.iter().copied().collect());
static DETERMINER_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| DETERMINERS.iter().copied().collect());

/// Whether `word`, its ASCII letters lower-cased, is in `set` (whose words are lower case and
/// at most 16 bytes long): the same answer as comparing with `eq_ignore_ascii_case` one by one,
/// folded on the stack without allocating.
fn folded_in(set: &std::collections::HashSet<&'static str>, word: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(folded) = buf.get_mut(..word.len()) else {
        return false;
    };
    folded.copy_from_slice(word.as_bytes());
    folded.make_ascii_lowercase();
    // Lower-casing ASCII bytes leaves UTF-8 valid.
    std::str::from_utf8(folded).is_ok_and(|w| set.contains(w))
}

#[cfg(test)]
mod folding_tests {
    use super::*;

    /// The sets answer as the lists did: every cue and determiner is lower case and short
    /// enough to be folded on the stack, and a word matches in any ASCII case.
    #[test]
    fn cues_and_determiners_are_found_in_any_case_as_the_lists_were() {
        for word in CUES.iter().chain(DETERMINERS) {
            assert!(word.len() <= 16 && *word == word.to_lowercase(), "{word}");
        }
        assert!(folded_in(&CUE_SET, "said") && folded_in(&CUE_SET, "SAID"));
        assert!(folded_in(&CUE_SET, "Told") && folded_in(&DETERMINER_SET, "The"));
        assert!(!folded_in(&CUE_SET, "sai") && !folded_in(&CUE_SET, "saidd"));
        assert!(!folded_in(&CUE_SET, "a-word-far-longer-than-any-cue"));
        assert!(!folded_in(&CUE_SET, "sáid"));
    }
}
