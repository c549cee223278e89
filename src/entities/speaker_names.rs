//! A speaker's name and role as a text gives them: the name a quote's speaker phrase carries
//! (without articles, stop words or shouting), the organisation in a role ("director at
//! Flashpoint"), and the role in an appositive ("Mikhail Prokhorov, a businessman who…").
//! Apart from `recognize`, which finds the names, because these read the words around one.

use super::builder::Builder;
use super::names::{is_name_stop_word, name_only, words_before_tail};
use super::not_names::is_place;
use super::recognize::{HONORIFICS, PRONOUNS};
use super::EntityKind;
use std::collections::HashMap;

/// A speaker's name as the quote extractor resolved it, without a leading article, stop words
/// or trailing lower-case words ("The Justice Department today" → "Justice Department", "a
/// staunch Donald Trump" → "Donald Trump"), and in title case
/// when a source shouts it ("VIKTOR MARLOW" → "Viktor Marlow"). None for pronouns and common
/// nouns ("news reports").
pub fn clean_speaker_name(name: &str) -> Option<String> {
    let original = name;
    // Only the name itself: "a staunch Donald Trump" is Donald Trump, "of Trump" is Trump.
    let name = name_only(name)?;
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| matches!(*w, "The" | "the" | "A" | "An"))
    {
        words.remove(0);
    }
    if words.is_empty() || PRONOUNS.contains(&words.join(" ").to_lowercase().as_str()) {
        return None;
    }
    // The owner of a described speaker ("Japan's central bank", "Iraq's war spokesman") is
    // named without its possessive; a company's own "Heck's Inc" ends in a capital and stays.
    let described = original
        .split_whitespace()
        .last()
        .is_some_and(|w| w.starts_with(char::is_lowercase));
    let joined = words.join(" ");
    let owner = joined
        .strip_suffix("'s")
        .or_else(|| joined.strip_suffix("’s"))
        .filter(|_| described);
    Some(title_case_if_shouted(owner.unwrap_or(&joined)))
}

/// Names written in capitals (captions of court filings) shown as names are usually written.
pub(crate) fn title_case_if_shouted(name: &str) -> String {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let shouted = letters.len() > 4
        && letters.iter().all(|c| c.is_uppercase())
        && name.split_whitespace().count() > 1;
    if !shouted {
        return name.to_string();
    }
    name.split_whitespace()
        .map(title_case_word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word with its first letter kept and the rest lower-cased ("LEVASHOV" → "Levashov").
pub(super) fn title_case_word(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_string() + &chars.as_str().to_lowercase(),
        None => String::new(),
    }
}

/// The evidence of an organisation named in a speaker's role, followed by the speaker's name.
pub(super) const AFFILIATION_EVIDENCE: &str = "affiliation of ";

/// The organisation in a role such as "threat intelligence director at Flashpoint"; none when
/// a title that names a person by surname makes the name a person's ("who has come to work with
/// Mr. Clarke").
pub(crate) fn affiliation(role: &str) -> Option<String> {
    let lower = role.to_lowercase();
    let at = [" at ", " with ", " for ", " of the ", " of "]
        .iter()
        .filter_map(|p| lower.rfind(p).map(|i| i + p.len()))
        .max()?;
    let rest = &role[at..];
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if name.first().is_some_and(|w| HONORIFICS.contains(w)) {
        return None;
    }
    let name = name.join(" ");
    let name = name.trim_end_matches([',', '.', ';']);
    let name = name.strip_suffix("'s").unwrap_or(name);
    (!name.is_empty() && name.len() < 60).then(|| name.to_string())
}

/// Whether a speaker's role says anything of a person: a word of three letters or more that is
/// neither a stop word, a pronoun nor a place ("economist", or an employer: "Data Resources").
/// The quote attribution leaves such scraps as "that", "them" or "U.S." in the role slot
/// ("Valeant (them)", "Microsoft (that)"), and a role had kept those companies people across
/// the news corpus.
pub(super) fn describes_a_person(role: &str) -> bool {
    role.split_whitespace().any(|word| {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        bare.chars().count() >= 3
            && !is_name_stop_word(bare)
            && !matches!(bare, "the" | "The" | "and")
            && !PRONOUNS.contains(&bare)
            && !is_place(word)
            && !is_place(bare)
    })
}

/// Whether a speaker's role is a bank's part in a securities issue ("lead manager", "sole
/// underwriter"), which Reuters writes after a bank's short name: "said lead manager Goldman"
/// names a company, not a person called Goldman.
pub(super) fn is_a_deal_role(role: &str) -> bool {
    let lower = role.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    match words.as_slice() {
        [.., last] if last.starts_with("underwriter") || last.starts_with("bookrunner") => true,
        [first, .., "manager" | "managers"] => {
            matches!(*first, "lead" | "sole" | "co-lead" | "joint")
        }
        ["co-manager" | "co-managers"] => true,
        [.., "book", "runner" | "runners"] | [.., "placement", "agent"] => true,
        _ => false,
    }
}

/// The appositive after a name: "Mikhail Prokhorov, a businessman who…," gives the role.
pub(super) fn appositive(chars: &[char], end: usize) -> Option<String> {
    let rest: String = chars[end..chars.len().min(end + 120)].iter().collect();
    let rest = rest.strip_prefix(", ")?;
    let body = ["a ", "an ", "the "]
        .iter()
        .find_map(|article| rest.strip_prefix(article))?;
    let stop = body.find([',', '.', ';', '"', '“', '”'])?;
    let role = body[..stop].trim();
    (!role.is_empty() && role.split_whitespace().count() <= 12).then(|| role.to_string())
}

/// A quote's speaker written by surname alone ("Allan said it is a local bug") is the one
/// person the same text names in full with that surname ("Darren Allan in TechRadar") before
/// it writes the surname alone. The speakers are recognised before the text's names, so such a
/// surname had become a person of its own: in 712 of 3,000 news-corpus files one person was
/// split so within one document, and the case could join the halves only where no namesake
/// elsewhere competed ("Wilson said" after "Michael Wilson" went to the case's bare "Wilson").
/// News names a person in full before it shortens the name, so a surname written alone before
/// the full name is someone the reader already knows: "President Obama" long before "the first
/// lady, Michelle Obama" is not her, and stays for the case to resolve, as does a surname that
/// two people of the text share ("Donald Trump", "Ivanka Trump"). `first_alone` gives, by
/// folded word, where the text first writes it alone outside a headline.
pub(super) fn speakers_named_in_full(b: &mut Builder, first_alone: &HashMap<String, usize>) {
    let mut first_mention = vec![usize::MAX; b.out.entities.len()];
    for m in &b.out.mentions {
        first_mention[m.entity] = first_mention[m.entity].min(m.start);
    }
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, (e, keys)) in b.out.entities.iter().zip(&b.keys).enumerate() {
        if e.kind == EntityKind::Person && e.name.contains(' ') {
            if let Some(surname) = keys.surname.as_deref() {
                by_surname.entry(surname).or_default().push(i);
            }
        }
    }
    let mut pairs = Vec::new();
    for (i, (e, keys)) in b.out.entities.iter().zip(&b.keys).enumerate() {
        // A role's organisation that is a surname ("a spokesman for Trump") is that person too;
        // left apart, it would take the surname's later mentions from the person.
        let in_a_role = e.kind == EntityKind::Organization
            && e.aliases
                .iter()
                .all(|a| a.evidence.starts_with(AFFILIATION_EVIDENCE));
        let one_word_person = e.kind == EntityKind::Person && !e.name.contains(' ');
        if !(one_word_person || in_a_role) {
            continue;
        }
        let Some(key) = keys.all.first() else {
            continue;
        };
        // A hyphenated surname alone ("Kilroy-Silk", key "kilroy silk") ends its full name.
        let last = key.rsplit(' ').next().unwrap_or(key);
        let people: Vec<usize> = by_surname
            .get(last)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&j| {
                let full = b.keys[j].all.first().map_or("", String::as_str);
                b.keys[j].surname.as_deref() == Some(key.as_str())
                    || words_before_tail(full, key).is_some()
            })
            .collect();
        let alone = first_alone
            .get(key)
            .copied()
            .unwrap_or(usize::MAX)
            .min(first_mention[i]);
        if let [only] = people.as_slice() {
            if first_mention[*only] < alone {
                pairs.push((i, *only));
            }
        }
    }
    b.merge(&pairs, 0.9, &|from, into| {
        let how = match from.kind {
            EntityKind::Person => "named as the speaker of a quote",
            EntityKind::Organization => "named in a speaker's role",
        };
        format!("surname of {} in the same document, {how}", into.name)
    });
}
