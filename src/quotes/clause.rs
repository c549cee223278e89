//! Whether the words after a verb of saying are a clause someone said or the verb's object.
//!
//! "Said" and "told" are followed by a reported clause nearly always, with or without
//! "that". Most other verbs on the cue list take objects at least as often: "announced the
//! sanctions", "reported first-quarter earnings", "posted gains", "denied the charges",
//! "urged Congress to act", "continued throughout the week". Without "that", the words after
//! those verbs are taken as reported speech only when they open a clause of their own, a
//! subject with its verb ("denied the campaign was anti-Semitic", "confirmed it will be
//! televising the replay"). The test reads at most a dozen tokens, so extraction stays linear.

use super::attr::is_tell;
use super::np::Doc;

/// Verbs that take a reported clause without "that" far more often than an object, so that
/// whatever follows them is read as what was said.
pub(crate) fn takes_bare_clause(w: &str) -> bool {
    is_tell(w)
        || matches!(
            w.to_ascii_lowercase().as_str(),
            "said" | "says" | "say" | "saying"
        )
}

/// Auxiliaries and modals, which start a predicate and so end any noun phrase.
pub(crate) fn auxiliary(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    matches!(
        w.as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "may"
            | "might"
            | "can"
            | "could"
            | "should"
            | "must"
            | "does"
            | "did"
            | "do"
            | "shall"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

/// Past tenses that do not end in "-ed" and are rarely anything else after a subject.
fn irregular_past(w: &str) -> bool {
    matches!(
        w,
        "fell"
            | "rose"
            | "grew"
            | "made"
            | "took"
            | "came"
            | "went"
            | "got"
            | "gave"
            | "saw"
            | "knew"
            | "thought"
            | "found"
            | "lost"
            | "won"
            | "held"
            | "paid"
            | "sold"
            | "bought"
            | "began"
            | "became"
            | "kept"
            | "sent"
            | "spent"
            | "led"
            | "felt"
            | "meant"
            | "broke"
            | "stole"
    )
}

/// Verbs in the present tense that are rarely nouns, so that after a subject they show a
/// clause: "noted Britain remains opposed", "suggests most voters say they vote".
fn present_verb(w: &str) -> bool {
    matches!(
        w,
        "say"
            | "think"
            | "thinks"
            | "believe"
            | "believes"
            | "expect"
            | "expects"
            | "remain"
            | "remains"
            | "seem"
            | "seems"
            | "appear"
            | "appears"
            | "know"
            | "knows"
            | "intend"
            | "intends"
            | "wants"
            | "understands"
            | "agree"
            | "agrees"
    )
}

/// Words that end a noun phrase without starting a predicate: a preposition, a conjunction
/// or a relative word after the object ("announced the formation of", "reported declines of
/// 16", "confirmed the details and added").
fn ends_object(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "of" | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "from"
            | "by"
            | "about"
            | "as"
            | "than"
            | "to"
            | "into"
            | "over"
            | "under"
            | "after"
            | "before"
            | "through"
            | "throughout"
            | "during"
            | "against"
            | "between"
            | "since"
            | "until"
            | "without"
            | "and"
            | "or"
            | "but"
            | "which"
            | "who"
            | "that"
            | "when"
            | "where"
            | "while"
            | "because"
            | "if"
    )
}

/// Where the clause after a verb of saying starts, if the words from token `k` (at most to
/// `last`) open one: at `k`, or after a phrase of when or where it was said ("announced in
/// December it was starting", "agreed in Paris exchange rates were consistent", "reported on
/// his disclosure forms a fee was"), of at most four words.
pub(crate) fn clause_start(d: &Doc, k: usize, last: usize) -> Option<usize> {
    let when_or_where = d.is_word(k)
        && matches!(
            d.w(k).to_ascii_lowercase().as_str(),
            "in" | "on" | "at" | "during" | "after" | "before" | "since"
        );
    if when_or_where {
        // Where the phrase ends is read from what follows it: a pronoun or a determiner opens
        // the clause more surely than a noun ("on her blog she had been fired", "on his
        // disclosure forms a fee was").
        let starts: Vec<usize> = (k + 1..=last.min(k + 4))
            .take_while(|&j| d.is_word(j) && !auxiliary(d.w(j)) && !ends_object(d.w(j)))
            .filter(|&j| j < last && !ends_object(d.w(j + 1)) && opens_clause(d, j + 1, last))
            .map(|j| j + 1)
            .collect();
        let by = |test: &dyn Fn(usize) -> bool| starts.iter().copied().find(|&j| test(j));
        return by(&|j| d.is_pronoun(j))
            .or_else(|| by(&|j| d.is_det(j)))
            .or_else(|| starts.first().copied());
    }
    opens_clause(d, k, last).then_some(k)
}

/// Whether the words from token `k` (at most to `last`) open a clause: a nominative pronoun
/// with a word after it, a word that opens an indirect question, or a noun phrase followed by
/// an auxiliary, an irregular past tense, or, after a name, a verb in "-ed" ("confirmed Israel
/// shared information", "charged Siegel passed on").
fn opens_clause(d: &Doc, k: usize, last: usize) -> bool {
    if !d.is_word(k) {
        return false;
    }
    let first = d.w(k).to_ascii_lowercase();
    if matches!(
        first.as_str(),
        "whether" | "why" | "how" | "when" | "where" | "who"
    ) {
        return true;
    }
    // Another preposition or a conjunction first opens no clause: "responded with the lawsuit
    // Lynch announced", "added but gave no details".
    if ends_object(&first) {
        return false;
    }
    if matches!(
        first.as_str(),
        "he" | "she" | "they" | "we" | "i" | "it" | "you" | "there"
    ) {
        return k < last
            && d.is_word(k + 1)
            && !ends_object(d.w(k + 1))
            && !is_particle(d.w(k + 1));
    }
    let mut proper = d.is_cap(k);
    // Past a preposition the subject may go on ("earnings for the year will be affected"),
    // but only an auxiliary then shows its verb: "-ed" words and past tenses there are as
    // often participles ("a dividend of one right for each share held").
    let mut after_prep = false;
    let mut t = k + 1;
    while t <= last.min(k + 14) {
        // An acronym in brackets inside the subject: "the Ministry of International Trade
        // and Industry (MITI) has".
        if d.is_p(t, '(') && d.is_word(t + 1) && d.is_p(t + 2, ')') {
            t += 3;
            continue;
        }
        // A relative clause set off by commas inside the subject: "the trade deficit, which
        // was 170 billion dlrs in 1986, would decline".
        if d.is_p(t, ',') && d.is_word(t + 1) && matches!(d.w(t + 1), "which" | "who") {
            match (t + 2..=last.min(t + 24)).find(|&j| !d.is_word(j)) {
                Some(j) if d.is_p(j, ',') => {
                    t = j + 1;
                    continue;
                }
                _ => return false,
            }
        }
        if !d.is_word(t) {
            return false;
        }
        let w = d.w(t);
        let lw = w.to_ascii_lowercase();
        let verb = irregular_past(&lw) || present_verb(&lw);
        // A capitalised "May" or "Will" inside the sentence is a month or a name.
        if !d.is_cap(t) && (auxiliary(w) || !after_prep && verb) {
            return true;
        }
        let lower = !d.is_cap(t);
        let past = lower && lw.len() > 4 && lw.ends_with("ed") && !d.is_det(t - 1);
        // After a name the "-ed" word is its verb; after common nouns it may be a participle
        // before the object ("reported first-quarter adjusted earnings"), so a verb needs what
        // follows a verb: a number, a determiner or pronoun, or a preposition of amount ("sales
        // increased 35 pct", "product expanded a slight 0.2 pct").
        if past && !after_prep && (proper || t >= k + 2 && verb_follows(d, t + 1)) {
            return true;
        }
        // "of" and "and" inside a name do not end it: "the Bank of Japan will not change",
        // "both Germany and Japan must continue".
        let inside_name = matches!(lw.as_str(), "of" | "and") && d.is_cap(t - 1) && d.is_cap(t + 1);
        if inside_name {
            t += 1;
            continue;
        }
        // "By" inside a subject names an agent ("a board headed by Melvin Laird would"); before
        // a gerund it says how the verb was done ("responded by saying").
        let agent = lw == "by" && !(d.is_word(t + 1) && d.w(t + 1).ends_with("ing"));
        if subject_prep(&lw) || agent {
            after_prep = true;
        } else if ends_object(w) {
            return false;
        }
        proper &= d.is_cap(t);
        t += 1;
    }
    false
}

/// Prepositions that may sit inside a subject before its verb: "earnings for the year",
/// "sales in the quarter", "the cost of the plan" ("by" is read where it is met). "To" is left
/// out: after the verb's object it opens an infinitive ("urged Congress to act").
fn subject_prep(w: &str) -> bool {
    matches!(
        w,
        "of" | "in" | "on" | "at" | "for" | "with" | "from" | "about" | "over" | "under"
    )
}

/// Whether token `t` can follow a verb in "-ed" but not a participle before a noun: a number,
/// a determiner, a pronoun, "from", "that", or "to" after a verb that is no common participle.
fn verb_follows(d: &Doc, t: usize) -> bool {
    d.is_word(t)
        && (d.w(t).starts_with(|c: char| c.is_ascii_digit())
            || d.is_det(t)
            || matches!(
                d.w(t).to_ascii_lowercase().as_str(),
                "from" | "that" | "it" | "them" | "him" | "her" | "its" | "their"
            )
            || d.w(t) == "to" && !participle_before_to(d.w(t - 1)))
}

/// Participles that "to" follows as often as verbs do: "writeoffs related to costs", "a
/// payment linked to sales" are noun phrases; "income declined to 17 mln" is a clause.
fn participle_before_to(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "related"
            | "linked"
            | "compared"
            | "tied"
            | "exposed"
            | "dedicated"
            | "devoted"
            | "committed"
            | "attributed"
            | "subjected"
            | "used"
            | "opposed"
            | "limited"
            | "restricted"
            | "connected"
            | "attached"
            | "addressed"
            | "directed"
            | "entitled"
            | "owed"
            | "pegged"
            | "aimed"
            | "designed"
            | "expected"
            | "scheduled"
            | "due"
    )
}

/// Particles that make a pronoun the verb's object: "confirmed it again", "asked them out".
fn is_particle(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "up" | "out" | "off" | "down" | "back" | "again" | "too" | "also" | "away"
    )
}

/// Whom something was promised or said to, between the verb and "that": "promised Mr.
/// Weiner that", "warned investors that", "assured them that".
pub(crate) fn to_whom(d: &Doc, j: usize) -> bool {
    d.is_word(j)
        && (d.is_cap(j)
            || matches!(
                d.w(j).to_ascii_lowercase().as_str(),
                "him" | "her" | "them" | "us" | "me" | "investors" | "reporters" | "shareholders"
            ))
}

/// Verbs whose listener comes before "that": "warned its trade partners that", "assured
/// investors that", "reminded the court that".
pub(crate) fn warns(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "warned"
            | "warns"
            | "warning"
            | "assured"
            | "assures"
            | "reminded"
            | "reminds"
            | "informed"
            | "informs"
            | "notified"
            | "promised"
            | "promises"
            | "advised"
            | "advises"
            | "convinced"
            | "persuaded"
    )
}

/// Words that may stand between a verb of saying and "that" without being its object: when
/// or how it was said ("reported Monday that", "announced jointly that").
pub(crate) fn when_or_how(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    lw.ends_with("ly") && lw.len() > 3
        || matches!(
            lw.as_str(),
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "also"
                | "again"
                | "earlier"
                | "later"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "in"
                | "on"
                | "via"
                | "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
        )
}
