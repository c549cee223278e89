//! The people and organisations a text names as actors, so that a speaker
//! written as a pronoun ("he said") or as a definite description ("the
//! company said", "the national team coach said") can be shown as the name it
//! stands for, and so that a pronoun with nothing to stand for is shown as no
//! speaker rather than as the name "he".
//!
//! Quotes alone are a poor memory: the antecedent of "he" is often the
//! subject of an unquoted sentence ("Seaga said Jamaica has reached …"). One
//! pass collects every named subject of a sentence and every name next to a
//! cue verb; a lookup walks back over a bounded number of them, so the whole
//! stays linear in the text.

use std::collections::HashSet;

use super::attr::skippable;
use super::lexicon::CAP_STOP;
use super::np::{is_possessive, np_backward, np_forward, Doc, MKind, Mention};
use super::speakers::{gender_of, looks_like_org, Gender};
use super::tokens::K;

/// How many actors back a lookup may go, and how far back in tokens.
const MAX_BACK: usize = 24;
const MAX_TOKENS: usize = 600;

/// Heads of descriptions that stand for the organisation the text is about.
const ORG_HEADS: &[&str] = &[
    "giant",
    "maker",
    "brewery",
    "tank",
    "broadcaster",
    "insurer",
    "lender",
    "publisher",
    "manufacturer",
    "developer",
    "provider",
    "producer",
    "chain",
    "company",
    "firm",
    "group",
    "association",
    "bank",
    "union",
    "agency",
    "ministry",
    "department",
    "website",
    "site",
    "team",
    "organisation",
    "organization",
    "retailer",
    "carrier",
    "airline",
    "operator",
    "vendor",
    "corporation",
    "council",
    "commission",
    "newspaper",
    "paper",
    "magazine",
    "statement",
    "club",
];

/// Heads of descriptions that name the role of a person the text has just
/// introduced ("the West Virginia Democrat", "the national team coach"),
/// unlike "the official" or "a spokesman", who are other, unnamed people.
const ROLE_HEADS: &[&str] = &[
    "coach",
    "manager",
    "minister",
    "senator",
    "democrat",
    "republican",
    "chairman",
    "chairwoman",
    "president",
    "governor",
    "premier",
    "chancellor",
    "striker",
    "midfielder",
    "actor",
    "actress",
    "singer",
    "star",
    "champion",
    "captain",
    "congressman",
    "congresswoman",
    "mayor",
    "teenager",
    "veteran",
];

/// Lower-case role nouns that stand right before a person's full name.
const PERSON_ROLES: &[&str] = &[
    "chairman",
    "chairwoman",
    "president",
    "minister",
    "director",
    "executive",
    "analyst",
    "spokesman",
    "spokeswoman",
    "secretary",
    "governor",
    "officer",
    "economist",
    "manager",
    "coach",
    "leader",
    "head",
    "chief",
    "founder",
    "researcher",
    "member",
    "senator",
    "lawyer",
    "attorney",
    "strategist",
    "consultant",
    "engineer",
    "professor",
    "negotiator",
];

/// Heads of descriptions of unnamed sources, which "he", "she" or "they"
/// may stand for after they spoke: "one foreign analyst said … he added".
const SOURCE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "official",
    "dealer",
    "trader",
    "broker",
    "economist",
    "source",
    "aide",
    "diplomat",
    "researcher",
    "expert",
    "banker",
    "executive",
    "lawyer",
    "officer",
    "observer",
    "critic",
    "investigator",
    "scientist",
];

/// What a mention may stand for.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Want {
    Person(Option<Gender>),
    Org,
    /// "They": a plural description or an organisation.
    Plural,
}

/// The named actors of a text, in text order.
pub(crate) struct Actors {
    list: Vec<Actor>,
}

/// One named actor and what the text around its mention says of it.
struct Actor {
    mention: Mention,
    /// Whether it is the subject of a cue verb: a one-word name that speaks is a person or an
    /// organisation, not a common word.
    spoke: bool,
    /// Whether its name comes right after "the": "the United States", "the Bank of Japan" are
    /// no man or woman for "he" or "she" to stand for.
    after_the: bool,
}

impl Actors {
    /// Collects named sentence subjects and names next to cue verbs, in
    /// text order.
    pub fn collect(d: &Doc, quoted: &[bool]) -> Actors {
        let mut list: Vec<Actor> = Vec::new();
        let n = d.toks.len();
        let surnames = surnames(d, quoted);
        let mut push = |m: Mention, spoke: bool| {
            let outside = !quoted.get(m.ti).copied().unwrap_or(false);
            // Described sources count when they speak: "a spokesman said …
            // he added" is that spokesman.
            let kind_ok = m.kind == MKind::Named || (m.kind == MKind::Common && spoke);
            if !outside || !kind_ok {
                return;
            }
            match list.last_mut() {
                // The subject of a sentence that then speaks: it spoke.
                Some(last) if last.mention.ti == m.ti => last.spoke |= spoke,
                Some(last) if last.mention.ti > m.ti => {}
                _ => {
                    let after_the = m.kind == MKind::Named
                        && m.ti > 0
                        && d.is_word(m.ti - 1)
                        && d.w(m.ti - 1).eq_ignore_ascii_case("the");
                    list.push(Actor {
                        mention: m,
                        spoke,
                        after_the,
                    });
                }
            }
        };
        let mut start = true;
        for i in 0..n {
            let t = &d.toks[i];
            // A one-word subject at the start of a sentence is as often a
            // capitalised common word ("Customers reported") as a name, so
            // only longer names count there; a one-word name that speaks is
            // caught by its cue below.
            if start && t.k == K::Word && may_name(d, i, &surnames) {
                if let Some((m, _)) = np_forward(d, i) {
                    // An organisation before the person's role: "Hilton Hotels chairman
                    // Barron Hilton will …" names the company that "the company said" is.
                    if m.ti > i + 1 && d.is_cap(i) && !d.is_cap_stop(i) {
                        let mut e = i;
                        while e + 1 < m.ti && d.is_cap(e + 1) {
                            e += 1;
                        }
                        // Only a name that looks like an organisation's: a capitalised title
                        // or a nationality before the role ("Managing director", "Venezuelan
                        // central bank governor") names none.
                        let role = (e + 1..m.ti).any(|k| PERSON_ROLES.contains(&d.w(k)));
                        let org = looks_like_org(d.slice(i, e))
                            && !(i..=e).any(|k| is_possessive(d.w(k)));
                        if role && org && d.is_word(e + 1) && !d.is_cap(e + 1) {
                            push(Mention::over(d, i, e, MKind::Named), false);
                        }
                    }
                    if m.name.split_whitespace().count() > 1 {
                        push(m, false);
                    } else if surnames.contains(m.name.as_str()) {
                        // A surname the text gave in full: "Morita was
                        // speaking at …" after "chairman Akio Morita".
                        push(m, true);
                    }
                }
            }
            if let Some(ce) = d.cue_at(i) {
                if d.w(i).eq_ignore_ascii_case("according") {
                    if let Some((m, _)) = np_forward(d, ce + 1) {
                        push(m, true);
                    }
                } else if i > 0 {
                    let mut b = i - 1;
                    while b > 0 && d.is_word(b) && skippable(d.w(b)) {
                        b -= 1;
                    }
                    let found = np_backward(d, b);
                    let described = found.as_ref().is_some_and(|m| m.kind == MKind::Common);
                    if let Some(m) = found.as_ref().filter(|m| m.kind == MKind::Named) {
                        push(m.clone(), true);
                    } else if let Some(m) =
                        found.as_ref().and_then(|m| appositive_owner(d, m.ti, 0))
                    {
                        // `Gilberto Arango, president of the association, said`.
                        push(m, true);
                    } else if let Some(inside) = found.as_ref().and_then(|m| name_inside(d, m)) {
                        // `A Vodafone spokesman said`: the spokesman, who may
                        // be "he", and Vodafone, which may be "the company".
                        if let Some(m) = found {
                            push(m, true);
                        }
                        push(inside, false);
                    } else if let Some(m) =
                        found.is_none().then(|| appositive_owner(d, i, 2)).flatten()
                    {
                        // `Gilberto Arango, president of the exporters' association said`.
                        push(m, true);
                    } else if !d.is_word(i - 1) {
                        // `… of the economy, said Ann Lee`, `"…," said Ann Lee`;
                        // not `…, said Caesars refused`, whose name starts a clause.
                        if let Some((m, e)) = np_forward(d, ce + 1) {
                            if d.is_boundary(e + 1) || d.is_p(e + 1, ',') {
                                push(m, true);
                            }
                        }
                    } else if let Some(m) = found.filter(|_| described) {
                        push(m, true);
                    }
                }
            }
            start = t.k == K::Para || d.is_boundary(i) || t.k == K::Mark;
        }
        Actors { list }
    }

    /// The nearest actor before token `before` that can be what a mention
    /// standing for `want` refers to; `known_person` tells whether a
    /// one-word name is a person already met.
    pub fn nearest(
        &self,
        before: usize,
        want: Want,
        known_person: impl Fn(&str) -> bool,
    ) -> Option<&Mention> {
        let end = self.list.partition_point(|a| a.mention.ti < before);
        let person = matches!(want, Want::Person(_));
        self.list[..end]
            .iter()
            .rev()
            .take(MAX_BACK)
            .take_while(|a| before - a.mention.ti <= MAX_TOKENS)
            .find(|a| !(person && a.after_the) && fits(&a.mention, a.spoke, want, &known_person))
            .map(|a| &a.mention)
    }
}

/// Whether a sentence starting at token `i` may start with a name worth
/// parsing: a capitalised word followed within a few words by another one
/// ("Acme chief executive Omar Haddad"), or a known surname. Parsing every
/// sentence's opening would cost more than the rest of the extraction.
fn may_name(d: &Doc, i: usize, surnames: &HashSet<&str>) -> bool {
    d.is_cap(i)
        && (surnames.contains(d.w(i))
            || (i + 1..i + 6)
                .take_while(|&k| d.is_word(k))
                .any(|k| d.is_cap(k)))
}

/// The last words of the names of two or more capitalised words outside
/// quotes, except those of organisations: the surnames of the people the
/// text introduces in full.
fn surnames<'a>(d: &Doc<'a>, quoted: &[bool]) -> HashSet<&'a str> {
    let mut out = HashSet::new();
    let mut i = 0;
    while i < d.toks.len() {
        if !d.is_cap(i) || quoted.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let a = i;
        while d.is_cap(i + 1) && i + 1 - a < 6 {
            i += 1;
        }
        // A person's name: a first name we know, or a role right before it
        // ("chairman Akio Morita"); "Manchester United" or "U.S. Prime" are not.
        // Cheap tests first: this runs on every capitalised run.
        let short = i > a && i - a < 3;
        let role_before = || a > 0 && d.is_word(a - 1) && PERSON_ROLES.contains(&d.w(a - 1));
        // "Robin Tomlin, managing director of …": an appositive role.
        let role_after = || d.is_p(i + 1, ',') && d.is_word(i + 2) && !d.is_cap(i + 2);
        let first_name = || gender_of(d.w(a)).is_some();
        let person = || role_before() || role_after() || first_name();
        if short && person() && !looks_like_org(d.slice(a, i)) {
            out.insert(d.w(i).trim_end_matches("'s").trim_end_matches("’s"));
        }
        i += 1;
    }
    out
}

/// The capitalised name inside a description ("the Check Point research
/// team"), as the organisation it describes.
fn name_inside(d: &Doc, m: &Mention) -> Option<Mention> {
    let mut k = m.ti;
    while k < d.toks.len()
        && d.toks[k].e <= m.e
        && (!d.is_cap(k) || d.is_det(k) || CAP_STOP.contains(&d.w(k)))
    {
        k += 1;
    }
    if k >= d.toks.len() || d.toks[k].e > m.e {
        return None;
    }
    let mut e = k;
    while d.is_cap(e + 1) && d.toks[e + 1].e <= m.e {
        e += 1;
    }
    // The head noun after the name must be lower case: "the Check Point
    // research team", not the name itself.
    (d.toks[e].e < m.e).then(|| Mention::over(d, k, e, MKind::Named))
}

/// The name an appositive describes, when a speaker phrase before a cue is
/// the appositive itself: `Gilberto Arango, president of the association,
/// said` gives "Gilberto Arango" for the phrase starting at token `ti`, which
/// must hold at least `min_words` tokens.
fn appositive_owner(d: &Doc, ti: usize, min_words: usize) -> Option<Mention> {
    let mut k = ti;
    // Words, and the apostrophe of a plural possessive ("exporters' association").
    let part = |j: usize| (d.is_word(j) && !d.is_cue(j)) || d.is_p(j, '\'') || d.is_p(j, '’');
    while k > 0 && ti - k < 10 && part(k - 1) {
        k -= 1;
    }
    if ti - k < min_words {
        return None;
    }
    let comma = k.checked_sub(1).filter(|&c| d.is_p(c, ','))?;
    // The owner starts its clause: in "prices rose less than in January, the department
    // said" or "the issue in October, when he told Clinton" the name before the comma ends
    // a phrase, and January spoke no more than October did.
    np_backward(d, comma.checked_sub(1)?)
        .filter(|m| m.kind == MKind::Named)
        .filter(|m| {
            m.ti == 0
                || d.is_boundary(m.ti - 1)
                || matches!(d.toks[m.ti - 1].k, K::Para | K::Mark)
                || d.is_p(m.ti - 1, ',')
                || d.is_word(m.ti - 1) && matches!(d.w(m.ti - 1), "and" | "but")
        })
}

/// Whether a named mention can be what a pronoun or description wanting
/// `want` refers to.
fn fits(m: &Mention, spoke: bool, want: Want, known_person: &impl Fn(&str) -> bool) -> bool {
    if m.kind == MKind::Common {
        // A described source: "a spokesman" is "he" or "she", "researchers"
        // are "they", "the company" is "it".
        let head = m.name.rsplit(' ').next().unwrap_or("").to_lowercase();
        let singular = head.strip_suffix('s').filter(|h| SOURCE_NOUNS.contains(h));
        return match want {
            Want::Person(Some(_)) => SOURCE_NOUNS.contains(&head.as_str()),
            Want::Plural => singular.is_some() || head == "spokesmen",
            Want::Person(None) | Want::Org => false,
        };
    }
    let words = m.name.split_whitespace().count();
    let honorific = m.role.as_deref().and_then(|r| r.split_whitespace().last());
    let gender = honorific
        .and_then(gender_of)
        .or_else(|| m.name.split_whitespace().next().and_then(gender_of));
    let org = looks_like_org(&m.name);
    let person = !org && (words > 1 || gender.is_some() || known_person(&m.name));
    match want {
        // "He" or "she" after a one-word name that spoke is that person:
        // organisations are "it".
        Want::Person(g @ Some(_)) if words == 1 && spoke && !org => gender.is_none() || gender == g,
        Want::Person(g) => person && (g.is_none() || gender.is_none() || gender == g),
        Want::Org | Want::Plural => org || !person,
    }
}

/// What a pronoun stands for: a person for "he" and "she", an organisation
/// for "it" and "we", either or a plural description for "they". "I" and
/// "you" are not looked up.
pub(crate) fn pronoun_wants(p: &str) -> Option<Want> {
    match p.to_ascii_lowercase().as_str() {
        "he" => Some(Want::Person(Some(Gender::Male))),
        "she" => Some(Want::Person(Some(Gender::Female))),
        "it" | "we" => Some(Want::Org),
        "they" => Some(Want::Plural),
        _ => None,
    }
}

/// What a definite description stands for, when it stands for a name the
/// text gave before: "the company" an organisation, "the coach" a person.
/// Indefinite and plural descriptions ("a spokesman", "officials") are other
/// people, kept as described.
pub(crate) fn description_wants(name: &str) -> Option<Want> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, head) = (words.first()?, words.last()?);
    if !first.eq_ignore_ascii_case("the") || words.len() > 6 {
        return None;
    }
    let head = head.to_lowercase();
    if ORG_HEADS.contains(&head.as_str()) {
        Some(Want::Org)
    } else if ROLE_HEADS.contains(&head.as_str()) {
        Some(Want::Person(None))
    } else {
        None
    }
}
