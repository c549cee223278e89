//! Finds the people and organisations a text names and groups their mentions per actor.
//!
//! Capitalised runs of words are the candidates. A run is an organisation when it carries an
//! organisation word ("Department", "Times"), is a known alias ("DoJ") or an acronym; it is a
//! person when a quote names it as speaker, a title precedes it, its first word is a common
//! given name, or its last word recurs alone (news style: "Pyotr Levashov", then "Levashov").
//! Single words then attach to the actors already found: a surname, a misspelt surname, an
//! organisation's short name. Every step looks at a bounded window, so the whole is linear.
//!
//! What is not a name although it is capitalised (a financial table's "Shr", a company's "Co",
//! a place or nationality before a name, an adverb opening a sentence, a headline) is decided
//! by the word tests of `not_names`; the words and runs come from `words`.

use super::acronyms::link_acronyms;
use super::builder::Builder;
use super::employers::{
    companies_that_speak, employer_before_role, organisations_taken_for_people,
    person_after_organisation, versioned_words,
};
use super::lexicon::{
    is_not_name_word, NAMED_AFTER_A_PERSON, ORGANISATION_ENDS, ORGANISATION_HEADS, PERSON_TITLES,
};
use super::names::{
    before_of, fold_key, is_given_name, is_name_stop_word, is_office, is_spelling_variant,
    known_organisation, name_only, person_name_start, surname_key, words_before_tail, GROUPS,
    PARTY_MEMBERS,
};
use super::not_names::{
    ends_like_a_surname, is_corporate_suffix, is_describing_compound, is_nation,
    is_place_no_surname, is_plural_noun, is_sentence_adverb, is_table_word, names_members_body,
    places_before_name,
};
use super::speaker_names::{
    affiliation, appositive, clean_speaker_name, is_a_deal_role, speakers_named_in_full,
    title_case_if_shouted, AFFILIATION_EVIDENCE,
};
use super::words::{is_acronym, runs, text_of, words, Word};
use super::{EntityKind, Recognized};
use crate::quotes::Quote;
use std::collections::HashSet;

/// Titles that name a person by surname alone ("Mr. Quist", "President Abara"), unlike titles
/// that also open offices ("Chief Executive", "Special Counsel").
pub(super) const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof.",
    "Sen.",
    "Rep.",
    "Gov.",
    "Gen.",
    "President",
    "Senator",
    "Governor",
    "Judge",
    "Mayor",
];

/// The evidence of an entity a quote names as its speaker.
pub(super) const SPEAKER_EVIDENCE: &str = "named as the speaker of a quote";
/// The evidence of a person whose name a title ("Mr.", "Senator") precedes.
pub(super) const TITLED_EVIDENCE: &str = "a title precedes the name";
/// The evidence of a full name whose last word the text also writes alone.
const RECURS_EVIDENCE: &str = "full name; the surname recurs alone";

/// The most words a run may have for the recognizer to ask what kind of name it is, word by
/// word; longer runs (a shouted line, a list of titles) are still read, once.
const MAX_NAME_WORDS: usize = 16;

pub(super) const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "him", "her", "them"];
/// An organisation's name: a known one, one with an organisation's head word ("Department"),
/// one ending in a corporate form ("Electric Co"), or an acronym alone.
fn organisation_like(name: &str, words: &[&Word]) -> bool {
    known_organisation(name).is_some()
        || words
            .iter()
            .any(|w| ORGANISATION_HEADS.contains(&w.text.trim_end_matches('.')))
        || words.last().is_some_and(|w| {
            is_corporate_suffix(&w.text)
                || (words.len() > 1
                    && ORGANISATION_ENDS.contains(&w.text.as_str())
                    && words.iter().all(|w| w.text != "of"))
        })
        || names_members_body(words.iter().map(|w| w.text.as_str()))
        || (words.len() == 1 && words[0].is_acronym())
}

/// The people and organisations `text` names, with every mention, using `quotes` (extracted
/// from the same text) for speakers and their roles.
pub fn recognize(text: &str, quotes: &[Quote]) -> Recognized {
    let chars: Vec<char> = text.chars().collect();
    let words = words(&chars);
    let runs = runs(&words, &chars);
    let mut b = Builder::new(&chars);
    let lower_case = lower_case_words(&words, &runs, quotes);

    // Speakers first: the quotes already resolved their names and roles.
    for quote in quotes {
        let Some(speaker) = &quote.speaker else {
            continue;
        };
        let Some(name) = clean_speaker_name(&speaker.name) else {
            continue;
        };
        let name = name.as_str();
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let acronym = name_words.len() == 1 && is_acronym(name);
        let last = name_words.last().copied().unwrap_or("");
        // "an Iowa Republican" or "the Chief Operating Officer" describes a person without
        // naming one, and a table's cell ("Oper Shr") names nobody.
        if PARTY_MEMBERS.contains(&last)
            || is_office(last)
            || name_words.iter().any(|w| is_table_word(w))
        {
            continue;
        }
        // "Dealers said" names a group of people, not one; "P" or "United States" said it
        // (a quote's speaker cut short, or a country) names no one either.
        if (name_words.len() == 1 && is_plural_noun(name, &lower_case))
            || name.chars().filter(|c| c.is_alphabetic()).count() < 2
            || name_words.iter().all(|w| is_not_name_word(w))
        {
            continue;
        }
        // "Director of Air Force Communications Bill Bodie:" introduces Bill Bodie.
        let split = person_after_organisation(&name_words);
        let person_after = split.map(|(_, given)| given);
        let kind = if person_after.is_some() {
            EntityKind::Person
        } else if acronym
            || (speaker.role.as_deref().is_some_and(is_a_deal_role)
                && !name_words.first().is_some_and(|w| is_given_name(w)))
            || known_organisation(name).is_some()
            || name_words.iter().any(|w| ORGANISATION_HEADS.contains(w))
            || is_corporate_suffix(last)
            || (name_words.len() > 1
                && ORGANISATION_ENDS.contains(&last)
                && !name_words.contains(&"of"))
            || GROUPS.contains(&last)
            || names_members_body(name_words.iter().copied())
        {
            EntityKind::Organization
        } else {
            EntityKind::Person
        };
        // "Florida Senator Marco Rubio" said it: the person is Marco Rubio; "Moscow-based US"
        // said it: no one is named.
        let trimmed;
        let person_name;
        let name = match person_after {
            Some(given) => {
                person_name = name_words[given..].join(" ");
                person_name.as_str()
            }
            None => name,
        };
        let name = if kind == EntityKind::Person {
            let words: Vec<&str> = before_of(name).split_whitespace().collect();
            let words = &words[person_name_start(&words)..];
            // A month or another word that opens no name may lead it ("December Quistco", as
            // runs lose theirs), and what is left may open with a stop word ("Japan Not"):
            // only the name counts.
            let words = &words[words
                .iter()
                .take_while(|w| is_not_name_word(w) && !is_given_name(w))
                .count()
                .min(words.len().saturating_sub(1))..];
            trimmed = name_only(&words[places_before_name(words, is_given_name)..].join(" "))
                .unwrap_or_default();
            // "Big US" or "the Japanese" said it: a country, not a person; "Mobile TV" said
            // it: no surname is written in capitals alone.
            let capitals = words.len() > 1 && !ends_like_a_surname(last);
            if trimmed.is_empty() || is_nation(last) || capitals {
                continue;
            }
            trimmed.as_str()
        } else {
            name
        };
        let index = b.entity(name, kind, SPEAKER_EVIDENCE);
        if let Some(role) = &speaker.role {
            b.out.entities[index]
                .role
                .get_or_insert_with(|| role.clone());
            if let Some(org) = affiliation(role) {
                let person = b.out.entities[index].name.clone();
                b.entity(
                    &org,
                    EntityKind::Organization,
                    &format!("{AFFILIATION_EVIDENCE}{person}"),
                );
            }
        }
        let surface: String = chars[speaker.start.min(chars.len())..speaker.end.min(chars.len())]
            .iter()
            .collect();
        if !PRONOUNS.contains(&surface.to_lowercase().as_str()) && !surface.is_empty() {
            let (mut start, end) = (speaker.start, speaker.end);
            // "Air Force James Roche" said it: the person's mention is their name, and the
            // organisation before it is mentioned too.
            if let Some((org_end, given)) = split {
                let person = name_words[given..].join(" ");
                let org = name_words[..org_end].join(" ");
                let person_chars = person.chars().count();
                if surface.ends_with(&person) && surface.starts_with(&org) {
                    let org_index = b.entity(&org, EntityKind::Organization, "named in the text");
                    b.mention(org_index, start, start + org.chars().count(), None);
                    start = end - person_chars;
                }
            }
            b.mention(index, start, end, speaker.role.clone());
        }
    }

    // Standalone capitalised words, counted so a recurring surname marks its full name. A
    // surname after an honorific is written alone too: "Tashfeen Malik", then "Ms. Malik".
    let mut alone: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &(a, z) in &runs {
        let honorific = z - a == 2 && HONORIFICS.contains(&words[a].text.as_str());
        if z - a == 1 || honorific {
            *alone.entry(fold_key(&words[z - 1].text)).or_default() += 1;
        }
    }

    // Multi-word names and acronyms.
    let mut singles = Vec::new();
    for &(a, z) in &runs {
        let mut a = a;
        let mut titled = false;
        while a < z
            && (is_not_name_word(&words[a].text)
                || PERSON_TITLES.contains(&words[a].text.as_str())
                || is_name_stop_word(&words[a].text)
                || words[a].text.ends_with("-based"))
        {
            // A stop word never opens a name, an organisation's included ("Top Republican
            // Party"); other words before an organisation's head may be part of its name.
            let removable = is_name_stop_word(&words[a].text) || words[a].text.ends_with("-based");
            // At a sentence's start only a title keeps its place in an organisation's name
            // ("General Motors said"; "Motors" had been a company of its own), an adverb or
            // a participle does not ("Recently Apple Inc. said"). Only a run short enough to
            // be a name is asked whether it is an organisation's: asking at every word of a
            // run of 3,000 titles ("Mr Mr Mr …") rebuilt the rest of the run each time, and
            // took 1.7 s for 9 KB.
            let title = PERSON_TITLES.contains(&words[a].text.as_str());
            let short = z - a <= MAX_NAME_WORDS;
            if !removable
                && short
                && organisation_like(
                    &text_of(&chars, &words, a, z),
                    &words[a..z].iter().collect::<Vec<_>>(),
                )
                && !matches!(words[a].text.as_str(), "The" | "A" | "An")
                && (!words[a].sentence_start || title)
            {
                break;
            }
            titled |= PERSON_TITLES.contains(&words[a].text.as_str());
            a += 1;
        }
        // "Recently Apple Inc. said", "Actual Airbus deliveries": an adverb opening the
        // sentence is no part of a name, nor is a word the text also writes in lower case,
        // unless it opens an organisation's name ("National Bank").
        if z - a > 1
            && words[a].sentence_start
            && !is_given_name(&words[a].text)
            && (is_sentence_adverb(&words[a].text)
                || (lower_case.contains(&words[a].text.to_lowercase())
                    && !organisation_like(
                        &text_of(&chars, &words, a, z),
                        &words[a..z].iter().collect::<Vec<_>>(),
                    )))
        {
            a += 1;
            // "Head of Apple" without "Head" is Apple, not "of Apple".
            while a < z && is_name_stop_word(&words[a].text) {
                a += 1;
            }
        }
        if a >= z {
            continue;
        }
        let run: Vec<&Word> = words[a..z].iter().collect();
        let name = text_of(&chars, &words, a, z);
        let (start, end) = (words[a].start, words[z - 1].end);
        let shouting = |i: usize| {
            words.get(i).is_some_and(|w| {
                w.text.chars().filter(|c| c.is_alphabetic()).count() > 1
                    && w.text.chars().all(|c| !c.is_lowercase())
            })
        };
        // A word in capitals next to other words in capitals is a shouted heading
        // ("FICTIONAL DEMO"), not an acronym.
        if run.len() == 1 && run[0].is_acronym() && (shouting(a + 1) || (a > 0 && shouting(a - 1)))
        {
            continue;
        }
        if organisation_like(&name, &run) {
            // "Secretary of the Air Force James Roche": a common given name after the
            // organisation's head word opens a person's name, which the run had swallowed.
            let texts: Vec<&str> = run.iter().map(|w| w.text.as_str()).collect();
            if let Some((org_end, person_start)) = person_after_organisation(&texts) {
                // The person's office before the organisation is theirs ("Director of").
                let org_start = match texts.iter().position(|w| *w == "of") {
                    Some(of)
                        if of > 0
                            && texts[..of]
                                .iter()
                                .all(|w| is_office(w) || PERSON_TITLES.contains(w))
                            && of + 1 < org_end =>
                    {
                        of + 1
                    }
                    _ => 0,
                };
                let org = text_of(&chars, &words, a + org_start, a + org_end);
                let index = b.entity(&org, EntityKind::Organization, "named in the text");
                b.mention(
                    index,
                    words[a + org_start].start,
                    words[a + org_end - 1].end,
                    None,
                );
                let person = text_of(&chars, &words, a + person_start, z);
                let evidence = format!("a common given name, after {org}");
                let index = b.entity(&person, EntityKind::Person, &evidence);
                b.mention(index, words[a + person_start].start, end, None);
                continue;
            }
            let index = b.entity(&name, EntityKind::Organization, "named in the text");
            b.mention(index, start, end, None);
            continue;
        }
        // "in Las Vegas Microsoft boss Bill Gates said": a run of several words right before
        // a role and a name is the employer, not a person; its last word said alone elsewhere
        // ("Microsoft said") had made it a full name whose surname recurs, and across the news
        // corpus that "person" took all 269 mentions of Microsoft. A run opening with a given
        // name or named as a speaker ("Hillary Clinton spokesman Brian Fallon") stays a person.
        // One word before a role is left to the surnames below: turning "Airbus chief
        // executive Tom Enders" into a company in one article and not in the next split Airbus
        // across a case (MEANTIME's airbus topic, B³ recall 0.768 → 0.674).
        if run.len() > 1
            && employer_before_role(&chars, &words, z)
            && !is_given_name(&run[0].text)
            && b.find(&name, Some(EntityKind::Person)).is_none()
        {
            continue;
        }
        // A headline's or a shouted line's capitals are its style: its words may still be
        // surnames of people the text names elsewhere, but they make no one.
        if run.len() > 1 && run.iter().all(|w| w.headline) {
            singles.extend((a..z).map(|i| (i, false)));
            continue;
        }
        if run.len() == 1 {
            // "Mr. Quist" names a person even where the text never gives the full name; the
            // case then resolves the surname across documents.
            let honorific = titled && a > 0 && HONORIFICS.contains(&words[a - 1].text.as_str());
            singles.push((a, honorific));
            continue;
        }
        // A party member or a group is described, not named; a person's name ends before
        // "of" and a place ("Marco Quist of Florida").
        let last = run.last().map_or("", |w| w.text.as_str());
        if PARTY_MEMBERS.contains(&last) || GROUPS.contains(&last) || is_office(last) {
            continue;
        }
        let z = match run.iter().position(|w| w.text == "of") {
            Some(i) if i > 0 => a + i,
            _ => z,
        };
        let run: Vec<&Word> = words[a..z].iter().collect();
        if run.len() == 1 {
            singles.push((a, titled));
            continue;
        }
        // An office, a place or a party before the name is not part of it; a place or a
        // nationality alone before it ("U.S. Analysts", "Japanese Quist") is not a title.
        let texts: Vec<&str> = run.iter().map(|w| w.text.as_str()).collect();
        let skip = person_name_start(&texts);
        if skip > 0 {
            titled = true;
            a += skip;
        }
        a += places_before_name(&texts[skip..texts.len() - 1], is_given_name);
        // A name holds no stop word: in a title-case line ("Private Meeting Between Clinton",
        // "More Important Than Electing Obama") the name starts after the last one, and a
        // participle right after it ("Electing") is a verb, not a first name. So it does after
        // a describing compound ("San Francisco-based Quistco", "Portuguese-ruled Macao").
        if let Some(last_stop) = (a..z - 1)
            .rev()
            .find(|&i| is_name_stop_word(&words[i].text) || is_describing_compound(&words[i].text))
        {
            a = last_stop + 1;
            if a + 1 < z && is_sentence_adverb(&words[a].text) {
                a += 1;
            }
        }
        // A place after a given name and a surname ends the name: "the Ted Cruz South Carolina
        // victory party" names Ted Cruz, not a person whose surname is "Carolina".
        let z = match (a + 2..z).find(|&i| is_place_no_surname(&words[i].text)) {
            Some(place) if is_given_name(&words[a].text) => place,
            _ => z,
        };
        let end = words[z - 1].end;
        let run: Vec<&Word> = words[a..z].iter().collect();
        let name = text_of(&chars, &words, a, z);
        let start = words[a].start;
        if run.len() == 1 {
            singles.push((a, titled));
            continue;
        }
        // A financial table's cells and headings ("Year Shr", "Avg Shrs") name no one.
        let plain = run.iter().all(|w| {
            !is_not_name_word(&w.text) && !w.text.contains('&') && !is_table_word(&w.text)
        });
        // Nor does a run ending in a country ("Big US") or in capitals ("Mobile TV").
        let last = run.last().map_or("", |w| w.text.as_str());
        let surname_like =
            !is_nation(last) && ends_like_a_surname(last) && !NAMED_AFTER_A_PERSON.contains(&last);
        if !plain || !surname_like || run.len() > 4 || run.last().is_some_and(|w| w.is_initial()) {
            continue;
        }
        let surname = surname_key(&name).unwrap_or_default();
        let known = b.find(&name, Some(EntityKind::Person)).is_some();
        let recurs = alone.get(&surname).copied().unwrap_or(0) >= 1;
        let given = is_given_name(&run[0].text);
        if !(known || titled || given || recurs) {
            continue;
        }
        let evidence = if known {
            SPEAKER_EVIDENCE
        } else if titled {
            TITLED_EVIDENCE
        } else if recurs {
            RECURS_EVIDENCE
        } else {
            "a common given name"
        };
        let index = b.entity(&title_case_if_shouted(&name), EntityKind::Person, evidence);
        b.alias(index, &name, 1.0, evidence);
        let role = appositive(&chars, end);
        if let Some(role) = &role {
            b.out.entities[index]
                .role
                .get_or_insert_with(|| role.clone());
        }
        b.mention(index, start, end, role);
    }

    let titled_singles: HashSet<String> = singles
        .iter()
        .filter(|&&(_, honorific)| honorific)
        .map(|&(a, _)| fold_key(&words[a].text))
        .collect();
    companies_that_speak(&mut b, &titled_singles);
    organisations_taken_for_people(&mut b, &versioned_words(&chars, &words));
    let mut first_alone: std::collections::HashMap<String, usize> = Default::default();
    for &(a, _) in singles.iter().filter(|&&(a, _)| !words[a].headline) {
        let start = words[a].start;
        first_alone
            .entry(fold_key(&words[a].text))
            .and_modify(|first| *first = start.min(*first))
            .or_insert(start);
    }
    speakers_named_in_full(&mut b, &first_alone);

    // The people of each surname and where the text names each, gathered once, so that a
    // surname two people share is given to the one named last before it in constant time.
    let mut namesakes_by_surname: std::collections::HashMap<String, Vec<usize>> =
        Default::default();
    for (j, (e, keys)) in b.out.entities.iter().zip(&b.keys).enumerate() {
        if let (EntityKind::Person, Some(surname)) = (e.kind, keys.surname.as_ref()) {
            namesakes_by_surname
                .entry(surname.clone())
                .or_default()
                .push(j);
        }
    }
    let mut named_at: std::collections::HashMap<usize, Vec<usize>> = Default::default();
    for m in &b.out.mentions {
        named_at.entry(m.entity).or_default().push(m.start);
    }
    for starts in named_at.values_mut() {
        starts.sort_unstable();
    }

    // Single words: surnames, misspelt surnames, organisations' short names.
    for (a, honorific) in singles {
        let w = &words[a];
        let key = fold_key(&w.text);
        let found = b
            .out
            .entities
            .iter()
            .zip(&b.keys)
            .enumerate()
            .find_map(|(i, (e, keys))| {
                let alias = keys.all.contains(&key);
                match e.kind {
                    EntityKind::Person => {
                        let surname = keys.surname.as_deref()?;
                        // A hyphenated surname alone ("Kilroy-Silk", key "kilroy silk") is the
                        // end of the full name, not its last word.
                        let hyphenated_surname = key.contains(' ')
                            && keys
                                .all
                                .first()
                                .is_some_and(|full| words_before_tail(full, &key).is_some());
                        if surname == key || alias || hyphenated_surname {
                            Some((
                                i,
                                0.9,
                                format!("surname of {} in the same document", e.name),
                            ))
                        } else if is_spelling_variant(&key, surname) {
                            Some((
                                i,
                                0.75,
                                format!(
                                    "spelling variant of {} (one letter differs) in the same \
                                     document",
                                    e.name
                                ),
                            ))
                        } else {
                            None
                        }
                    }
                    EntityKind::Organization => {
                        alias.then(|| (i, 1.0, "named in the text".to_string()))
                    }
                }
            });
        // Two people of the text with this surname ("Rupert Murdoch", later "James
        // Murdoch"): the one last named before this word is meant, not the first one made
        // (quote speakers are made before the text's names, so James took every "Mr. Murdoch").
        let found = found.map(|(i, confidence, evidence)| {
            let namesakes = namesakes_by_surname.get(&key).filter(|n| n.len() > 1);
            let Some(namesakes) = namesakes.filter(|n| confidence >= 0.9 && n.contains(&i)) else {
                return (i, confidence, evidence);
            };
            // The latest start of each namesake's mentions before this word, by binary search
            // in the starts gathered once before this loop: one lookup per namesake.
            let last_before = |j: usize| {
                let starts = named_at.get(&j)?;
                let n = starts.partition_point(|&s| s < w.start);
                n.checked_sub(1).map(|k| starts[k])
            };
            match namesakes
                .iter()
                .filter_map(|&j| Some((last_before(j)?, j)))
                .max()
            {
                Some((_, j)) if j != i => {
                    let name = &b.out.entities[j].name;
                    (
                        j,
                        confidence,
                        format!("surname of {name} in the same document"),
                    )
                }
                _ => (i, confidence, evidence),
            }
        });
        if let Some((entity, confidence, evidence)) = found {
            let surface = w.text.clone();
            b.alias(entity, &surface, confidence, &evidence);
            b.mention(entity, w.start, w.end, None);
        } else if honorific
            && !w.is_acronym()
            && !is_not_name_word(&w.text)
            && !is_name_stop_word(&w.text)
            && w.text
                .chars()
                .skip(1)
                .all(|c| c.is_lowercase() || c == '-' || c == '\'')
        {
            let surface = w.text.clone();
            let index = b.entity(&surface, EntityKind::Person, TITLED_EVIDENCE);
            b.mention(index, w.start, w.end, None);
        }
    }
    link_acronyms(&mut b.out);
    b.out.mentions.sort_by_key(|m| m.start);
    b.out
}

/// The lower-cased words that open a multi-word run at a sentence's start ("Actual" in "Actual
/// Airbus") or are a quote's one-word speaker ("Dealers"), and that the text also writes in
/// lower case: common words, not names. Only those few words are looked for, in one pass over
/// the text's words.
fn lower_case_words(words: &[Word], runs: &[(usize, usize)], quotes: &[Quote]) -> HashSet<String> {
    let openers = runs
        .iter()
        .filter(|&&(a, z)| z - a > 1 && words[a].sentence_start)
        .map(|&(a, _)| words[a].text.to_lowercase());
    let speakers = quotes
        .iter()
        .filter_map(|q| q.speaker.as_ref())
        .filter(|s| !s.name.contains(' '))
        .map(|s| s.name.to_lowercase());
    let candidates: HashSet<String> = openers.chain(speakers).collect();
    if candidates.is_empty() {
        return candidates;
    }
    words
        .iter()
        .filter(|w| w.text.starts_with(char::is_lowercase) && candidates.contains(w.text.as_str()))
        .map(|w| w.text.clone())
        .collect()
}
