//! Where a company ends and a person begins. News glues the two together: an employer before
//! a role and a name ("Microsoft boss Bill Gates"), an organisation run straight into its
//! officer's name ("Secretary of the Air Force James Roche"), and companies quoted by their
//! short name as if they were people ("Yukos said"). These tests decide which words belong to
//! the organisation and which name a person, apart from `recognize`'s steps.

use super::builder::Builder;
use super::lexicon::ORGANISATION_HEADS;
use super::name_words::{is_given_name, is_office};
use super::names::{fold_key, words_before_tail};
use super::not_names::{ends_like_a_surname, is_corporate_suffix};
use super::recognize::{SPEAKER_EVIDENCE, TITLED_EVIDENCE};
use super::speaker_names::{describes_a_person, is_a_deal_role};
use super::words::{is_acronym, Word};
use super::EntityKind;
use std::collections::HashSet;

/// Where an organisation's run ends and a person's name starts, when a common given name
/// follows the organisation's last head word with a surname after it ("Air Force
/// Communications Bill Bodie", "Ford Motor Company CEO Alan Mulally"): the organisation ends
/// before the given name and any office written before it ("CEO"). None otherwise.
pub(super) fn person_after_organisation(run: &[&str]) -> Option<(usize, usize)> {
    let head = run
        .iter()
        .rposition(|w| ORGANISATION_HEADS.contains(&w.trim_end_matches('.')))?;
    let given = (head + 1..run.len().saturating_sub(1)).find(|&i| is_given_name(run[i]))?;
    let last = run[run.len() - 1];
    if !ends_like_a_surname(last)
        || is_corporate_suffix(last)
        || run[given + 1..].iter().any(|w| is_acronym(w))
    {
        return None;
    }
    let mut org_end = given;
    while org_end > head + 1 && is_office(run[org_end - 1]) {
        org_end -= 1;
    }
    Some((org_end, given))
}

/// Roles a news text writes in lower case between an employer and a person ("Microsoft boss
/// Bill Gates", "Quistco chief executive Ann Lee").
const ROLES_AFTER_EMPLOYER: &[&str] = &[
    "boss",
    "chief",
    "chairman",
    "chairwoman",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "executive",
    "president",
    "director",
    "head",
    "owner",
];

/// Whether the word at `z`, right after a capitalised run with only spaces between, is a role
/// in lower case followed within three words by a capitalised word: the run is then the
/// employer of the person the role introduces.
pub(super) fn employer_before_role(chars: &[char], words: &[Word], z: usize) -> bool {
    let (Some(prev), Some(role)) = (z.checked_sub(1).and_then(|k| words.get(k)), words.get(z))
    else {
        return false;
    };
    let adjacent = chars[prev.end..role.start].iter().all(|c| *c == ' ');
    adjacent
        && ROLES_AFTER_EMPLOYER.contains(&role.text.as_str())
        && words[z + 1..words.len().min(z + 4)]
            .iter()
            .any(|w| w.is_capitalised() && !w.sentence_start)
}

/// A one-word speaker is a company, not a person, when the text also names it as the first
/// word of a company ("Quistco said" where "Quistco Inc" appears), or when nothing in the text
/// marks it as a person: no given name, no title ("Mr. Quistco"), no person of the document
/// with that surname, no role. News names a person in full before quoting them by surname, but
/// quotes a company by its short name throughout ("Yukos said", "Microsoft said"): otherwise
/// every company quoted by its short name became a person, and across a case the one person of
/// that "surname" named in full ("Per Microsoft") took all of them. Only a company's name, one
/// ending in a corporate form, counts as the first kind of evidence ("the Trump
/// Administration" leaves Trump a person). `titled` holds the folded words a title precedes.
pub(super) fn companies_that_speak(b: &mut Builder, titled: &HashSet<String>) {
    let firsts: HashSet<String> = b
        .out
        .entities
        .iter()
        .filter(|e| {
            e.kind == EntityKind::Organization
                && e.name.contains(' ')
                && e.name
                    .split_whitespace()
                    .last()
                    .is_some_and(is_corporate_suffix)
        })
        .filter_map(|e| e.name.split_whitespace().next().map(fold_key))
        .collect();
    let people_in_full: Vec<(String, String)> = b
        .out
        .entities
        .iter()
        .zip(&b.keys)
        .filter(|(e, _)| e.kind == EntityKind::Person && e.name.contains(' '))
        .filter_map(|(_, keys)| Some((keys.all.first()?.clone(), keys.surname.clone()?)))
        .collect();
    // The surname of a person named in full, hyphenated ones whole: "Leigh-Pemberton said"
    // after "Robin Leigh-Pemberton" quotes him, though the key "leigh pemberton" is two words.
    let named_in_full = |key: &str| {
        people_in_full
            .iter()
            .any(|(full, surname)| surname == key || words_before_tail(full, key).is_some())
    };
    for (e, keys) in b.out.entities.iter_mut().zip(b.keys.iter_mut()) {
        let Some(key) = keys.all.first() else {
            continue;
        };
        if e.kind != EntityKind::Person || e.name.contains(' ') || named_in_full(key) {
            continue;
        }
        let only_a_speaker = e
            .role
            .as_deref()
            .is_none_or(|role| is_a_deal_role(role) || !describes_a_person(role))
            && !is_given_name(&e.name)
            && !titled.contains(key)
            && e.aliases.iter().all(|a| a.evidence == SPEAKER_EVIDENCE);
        if firsts.contains(key) || only_a_speaker {
            e.kind = EntityKind::Organization;
            keys.surname = None;
        }
    }
}

/// A name of two words or more taken for a person is a company's, or a product's or unit's of
/// it, when its first word is no given name and is itself an organisation's name: an acronym
/// of three letters or more ("BBC Sport", "RJR Nabisco") or a word that names an organisation of
/// the same text, whole or as the first word of a company's name ("Quistco Shield" beside
/// "Quistco Systems Inc"). Companies and their products end in a word the text also writes
/// alone ("Pacific", "Lynch", "Bull"), so the recogniser had read them as full names whose
/// surname recurs: across the news corpus "Security Pacific" (33 mentions), "Merrill Lynch" (25
/// of 49) and "Honeywell Bull" (21) were people, 1,399 mentions in all. A name a title precedes
/// keeps its person. The first word written alone elsewhere is not enough: news writes some
/// people by their first name ("Jonny", "Trayvon"), and taking that for a company cost Jonny
/// Wilkinson 12 of his 23 mentions.
///
/// A name whose last word the text writes before a version or model number (`versioned`:
/// "Microsoft Windows" beside "Windows 10", "Apache Struts" beside "Struts 2") is a product on
/// the same terms: across the news corpus those two were people with 113 mentions.
pub(super) fn organisations_taken_for_people(b: &mut Builder, versioned: &HashSet<String>) {
    // A company's first word counts when its name ends in a corporate form ("Cisco Systems
    // Inc" makes "Cisco WebEx" the company's): other organisations may open with a person's
    // name ("Howard University", "the Trayvon Quist Foundation"), and a company's name run
    // on with "of" holds its officer's ("Ward Quist of Quistco Securities Inc"). A one-word
    // organisation counts unless a quote alone made it one ("Jiang said": Chinese names put
    // the surname first, and "Jiang Zemin" is a person).
    let organisation_words: HashSet<String> = b
        .out
        .entities
        .iter()
        .zip(&b.keys)
        .filter(|(e, _)| e.kind == EntityKind::Organization)
        .flat_map(|(e, keys)| {
            let words: Vec<&str> = e.name.split_whitespace().collect();
            let company = words.len() > 1
                && words.last().is_some_and(|w| is_corporate_suffix(w))
                && !words.contains(&"of");
            let first = company.then(|| fold_key(words[0]));
            let by_quote_alone =
                words.len() == 1 && e.aliases.iter().all(|a| a.evidence == SPEAKER_EVIDENCE);
            let whole = if by_quote_alone {
                Vec::new()
            } else {
                keys.all.clone()
            };
            whole.into_iter().chain(first)
        })
        .collect();
    for (e, keys) in b.out.entities.iter_mut().zip(b.keys.iter_mut()) {
        if e.kind != EntityKind::Person || !e.name.contains(' ') {
            continue;
        }
        let first = e.name.split_whitespace().next().unwrap_or("");
        let titled = e.aliases.iter().any(|a| a.evidence == TITLED_EVIDENCE);
        if titled || is_given_name(first) {
            continue;
        }
        // Two capitals may be a person's initials ("JK Quist"), three seldom are ("BBC").
        let acronym = is_acronym(first) && first.chars().filter(|c| c.is_alphabetic()).count() > 2;
        let last = e.name.split_whitespace().last().unwrap_or("");
        if acronym
            || organisation_words.contains(&fold_key(first))
            || versioned.contains(&fold_key(last))
        {
            e.kind = EntityKind::Organization;
            keys.surname = None;
        }
    }
}

/// The folded words the text writes right before a version or model number ("Windows 10 and",
/// "Struts 2.3.5 through"), which names products, not people. Only digits and dots make a
/// version, and a word must follow it unless it has a dot: a score or a minute ends in a comma
/// or a full stop ("Ronaldo 9, Rooney 45") or is followed by what it counts ("35 og", "16
/// times"), a measure holds letters ("Olympic 200m"), a result a hyphen ("Williams 6-3"), and a
/// year is a campaign's name for its candidate ("Quist 2016").
pub(super) fn versioned_words(chars: &[char], words: &[Word]) -> HashSet<String> {
    // What a count after a name counts ("shot Quist 16 times", "Quist 35 og" in a match report).
    const COUNTED: &[&str] = &[
        "times", "og", "pen", "pens", "min", "mins", "minutes", "goals", "points", "pts", "years",
        "days", "yards", "votes",
    ];
    words
        .windows(2)
        .filter(|pair| {
            let (name, number) = (&pair[0], &pair[1]);
            if !name.is_capitalised()
                || number.start != name.end + 1
                || !chars[number.start].is_ascii_digit()
            {
                return false;
            }
            let digits = chars[number.start..]
                .iter()
                .take_while(|c| c.is_ascii_digit() || **c == '.')
                .count();
            let token: String = chars[number.start..number.start + digits].iter().collect();
            let token = token.trim_end_matches('.');
            let after = &chars[number.start + token.chars().count()..];
            let follower: String = after
                .iter()
                .skip(1)
                .take_while(|c| c.is_alphabetic())
                .collect();
            let word_follows = after.first() == Some(&' ')
                && !follower.is_empty()
                && !COUNTED.contains(&follower.as_str());
            let year = token.len() == 4 && (token.starts_with("19") || token.starts_with("20"));
            !token.is_empty()
                && token.starts_with(|c: char| c.is_ascii_digit())
                && (token.contains('.') || word_follows)
                && !year
        })
        .map(|pair| fold_key(&pair[0].text))
        .collect()
}
