//! A quote's speaker written by surname alone, and the people the same text names in full
//! (`speaker_names::speakers_named_in_full`), with made-up names: each test is named after what
//! broke on the news corpus.

use super::speaker_names::affiliation;
use super::tests::{check, names, people};
use super::{EntityKind, Recognized};

/// The surfaces of the mentions of the entity named `name`.
fn mentions_of(r: &Recognized, name: &str) -> Vec<String> {
    let entity = r.entity_named(name).expect("the entity is found");
    r.mentions
        .iter()
        .filter(|m| m.entity == entity)
        .map(|m| m.surface.clone())
        .collect()
}

/// "Darren Allan in TechRadar" and, later, "Allan said": the speaker had become a person of
/// its own beside the full name, in 712 of 3,000 news-corpus files, and the case joined the two
/// only where no namesake elsewhere competed.
#[test]
fn a_speakers_surname_joins_the_full_name_the_text_gave_before_it() {
    let text = "Darren Quistal in TechRadar was one of those reporting the flaw. \
        \"Should we worry? It is a local bug,\" Quistal said. Quistal added that a patch is due.";
    let r = check(text);
    assert_eq!(people(&r), ["Darren Quistal"], "{:?}", names(&r));
    assert_eq!(
        mentions_of(&r, "Darren Quistal"),
        ["Darren Quistal", "Quistal", "Quistal"]
    );
    let alias = r.entities[r.entity_named("Darren Quistal").unwrap()]
        .aliases
        .iter()
        .find(|a| a.surface == "Quistal")
        .unwrap();
    assert!(alias
        .evidence
        .contains("surname of Darren Quistal in the same document"));
}

/// News names a person in full before it shortens the name, so a surname the text writes
/// alone first is someone the reader knows already: "Obama said" long before "the first lady,
/// Michelle Obama" had joined her when the rule had no such order.
#[test]
fn a_surname_written_alone_before_a_relatives_full_name_stays_apart() {
    let text = "\"We will win this,\" Quistal said on Saturday. The crowd cheered. \
        Later the first lady, Michelle Quistal, spoke to the crowd.";
    let r = check(text);
    let found = people(&r);
    assert!(found.contains(&"Quistal".to_string()), "{:?}", names(&r));
    assert!(
        found.contains(&"Michelle Quistal".to_string()),
        "{:?}",
        names(&r)
    );
}

/// Two people of one surname in the text leave the surname alone for the case to resolve.
#[test]
fn a_surname_two_people_of_the_text_share_stays_apart() {
    let text = "Donald Quistal and his daughter Ivanka Quistal arrived on Monday. \
        \"It was a great day,\" Quistal said.";
    let r = check(text);
    assert!(
        people(&r).contains(&"Quistal".to_string()),
        "{:?}",
        names(&r)
    );
}

/// "a spokesman for Quistal" had made the surname an organisation, which, once the speaker's
/// surname had joined the full name, took the surname's later mentions from the person.
#[test]
fn an_employer_in_a_role_that_is_a_surname_is_that_person() {
    let text = "Candidate Donald Quistal spoke in Ohio on Monday. \"We are winning,\" said \
        Ann Lorrimer, a spokeswoman for Quistal. \"Ohio is ours,\" Quistal said. \
        Quistal left for Iowa.";
    let r = check(text);
    assert!(
        names(&r)
            .iter()
            .all(|(name, kind)| !(name == "Quistal" && *kind == EntityKind::Organization)),
        "{:?}",
        names(&r)
    );
    assert_eq!(
        mentions_of(&r, "Donald Quistal"),
        ["Donald Quistal", "Quistal", "Quistal", "Quistal"]
    );
}

/// "one of several coal industry veterans who have come to work with Mr. Clarke" made "Mr.
/// Clarke" an organisation, which then took all 61 mentions of Tom Clarke in his article.
#[test]
fn a_title_in_a_role_names_no_employer() {
    assert_eq!(
        affiliation("one of several coal veterans who have come to work with Mr. Quistal"),
        None
    );
    assert_eq!(
        affiliation("threat intelligence director at Quistco Security"),
        Some("Quistco Security".to_string())
    );
}

/// "Rupert Quistal … Mr. Quistal's support" and later a quote by his son "James Quistal": the
/// son, made first as a speaker, took every "Quistal" of the article, the father's too.
#[test]
fn a_surname_goes_to_the_namesake_named_last_before_it() {
    let text = "The network would not exist without its patron, Rupert Quistal. \
        Without Mr. Quistal's support, the anchor would have left. Mr. Quistal is 85. \
        His son James Quistal said the outlets had been standing in the way of action.";
    let r = check(text);
    assert_eq!(
        mentions_of(&r, "Rupert Quistal"),
        ["Rupert Quistal", "Quistal", "Quistal"],
        "{:?}",
        names(&r)
    );
}

/// Stripping the titles off the front of a run rebuilt the rest of the run and asked whether it
/// was an organisation's name at every word: 3,000 "Mr" took 1.7 s, 30,000 would take minutes.
#[test]
fn a_run_of_thirty_thousand_titles_is_read_in_one_pass() {
    let text = format!("{}Quistal said the talks ended.", "Mr ".repeat(30_000));
    let r = check(&text);
    assert_eq!(people(&r), ["Quistal"], "{:?}", names(&r));
}

/// Choosing among namesakes scanned every mention of the text for each surname alone: a text
/// naming two Quistals and then writing "Quistal" 20,000 times took quadratic time (found by
/// the `extract` fuzz target: 160 KB in 0.56 s, doubling the text quadrupled it).
#[test]
fn a_surname_two_people_share_is_resolved_in_one_pass() {
    let text = format!(
        "Ann Quistal met Bob Quistal in Oslo. {}",
        "Quistal agreed. ".repeat(20_000)
    );
    let r = check(&text);
    let ann = mentions_of(&r, "Ann Quistal").len();
    let bob = mentions_of(&r, "Bob Quistal").len();
    assert_eq!(ann + bob, 20_002, "{:?}", names(&r));
    // Bob was named last before every "Quistal".
    assert_eq!(bob, 20_001);
}

/// "Tashfeen Malik passed three background checks …", then "Ms. Malik" twelve times: with a
/// given name the list does not know, the full name was a person only while a quote named it as
/// speaker, and when a junk quote went ("Malik posted her allegiance …" is no speech) every
/// "Malik" of the case went to a namesake in another document. A surname after an honorific
/// is the surname written alone.
#[test]
fn a_surname_after_an_honorific_marks_the_full_name_with_an_unknown_given_name() {
    let text = "Zarqeen Quistal passed three background checks. None of them found her posts. \
        Officials said Ms. Quistal had moved often. Ms. Quistal was 29.";
    let r = check(text);
    assert_eq!(people(&r), ["Zarqeen Quistal"], "{:?}", names(&r));
    assert_eq!(
        mentions_of(&r, "Zarqeen Quistal"),
        ["Zarqeen Quistal", "Quistal", "Quistal"]
    );
}

/// Once "Mr Blair" counted as the surname alone, the BBC's "Vote Blair, Get Brown" and "Gen
/// Pervez Musharraf" became people named "Vote Blair" and "Gen Pervez Musharraf".
#[test]
fn a_slogan_verb_or_a_rank_without_its_stop_is_no_part_of_the_name() {
    let text = "Posters read Vote Quistal, Get Abara. Mr Quistal laughed. Mr Abara did not. \
        The files covered Gen Pervez Tamarind's visit.";
    let r = check(text);
    let people = people(&r);
    assert!(
        !people
            .iter()
            .any(|p| p.starts_with("Vote") || p.starts_with("Gen ")),
        "{people:?}"
    );
    assert!(people.iter().any(|p| p == "Pervez Tamarind"), "{people:?}");
}
