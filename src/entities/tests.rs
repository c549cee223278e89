//! The recogniser on made-up texts: which runs are people or organisations, what is no part
//! of a name, and how one document's mentions group. Each test is named after what broke; the
//! rules on companies beside people are in `tests_employers`.

use super::*;
use crate::quotes;

pub(super) fn check(text: &str) -> Recognized {
    recognize(text, &quotes::extract(text))
}

pub(super) fn names(r: &Recognized) -> Vec<(String, EntityKind)> {
    r.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind))
        .collect()
}

#[test]
fn surname_and_misspelt_surname_join_the_full_name() {
    let text = "The alleged spam czar, Pyotr Levashov, was taken into custody.\n\n\
        Levashov was arrested last week.\n\nThe day after Levishov's arrest, the U.S. Justice \
        Department announced a takedown.";
    let r = check(text);
    let levashov = r.entity_named("Pyotr Levashov").expect("Levashov is found");
    assert_eq!(r.entities[levashov].kind, EntityKind::Person);
    let mentions: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.entity == levashov)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(mentions, ["Pyotr Levashov", "Levashov", "Levishov"]);
    let variant = r.entities[levashov]
        .aliases
        .iter()
        .find(|a| a.surface == "Levishov")
        .unwrap();
    assert!(variant.confidence < 0.9);
    assert!(variant.evidence.contains("spelling variant"));
    let doj = r
        .entity_named("DoJ")
        .expect("the Justice Department is found");
    assert_eq!(r.entities[doj].name, "U.S. Department of Justice");
}

#[test]
fn a_hyphenated_surname_alone_joins_the_full_name() {
    // "Ostend-Quist" folds to two words, so it had matched neither the surname "quist" nor the
    // full name, and Mr Ostend-Quist became a second person in his own article.
    let text = "Party leader Peter Ostend-Quist spoke on Monday.\n\n\
        Mr Ostend-Quist said the vote would be close. Ostend-Quist left at noon.";
    let r = check(text);
    let people: Vec<String> = names(&r)
        .into_iter()
        .filter(|(_, kind)| *kind == EntityKind::Person)
        .map(|(name, _)| name)
        .collect();
    assert_eq!(people, ["Peter Ostend-Quist"], "{:?}", names(&r));
    let quist = r.entity_named("Peter Ostend-Quist").unwrap();
    let mentions = r.mentions.iter().filter(|m| m.entity == quist).count();
    assert_eq!(mentions, 3);
}

#[test]
fn speakers_bring_their_roles_and_affiliations() {
    let text = "\"Levashov has been able to evade prosecution,\" said Vitali Kremez, threat \
        intelligence director at Flashpoint.\n\n\"It is very likely,\" said Avivah Litan, a \
        security analyst with Gartner.";
    let r = check(text);
    let kremez = r.entity_named("Vitali Kremez").unwrap();
    assert_eq!(
        r.entities[kremez].role.as_deref(),
        Some("threat intelligence director at Flashpoint")
    );
    assert!(names(&r).contains(&("Flashpoint".into(), EntityKind::Organization)));
    assert!(names(&r).contains(&("Gartner".into(), EntityKind::Organization)));
}

#[test]
fn capitalised_phrases_that_are_not_names_are_left_alone() {
    let r = check(
        "In April the Internet Protocol addresses were logged.\n\nMeanwhile Spain said nothing.",
    );
    assert!(r.entities.is_empty(), "{:?}", names(&r));
}

/// The given-name list held 172 names, so "Robin", "Carly" or "Ken" opened no one: "Carly
/// Fiorina" was found only where a quote or a title named her (102 of 122 mentions), and
/// "Governor Robin Leigh-Pemberton" after "Bank of England" stayed inside the bank's name.
#[test]
fn a_common_given_name_outside_the_old_short_list_opens_a_person() {
    for (text, person) in [
        (
            "Yesterday Robin Quistberg left the board.",
            "Robin Quistberg",
        ),
        ("On Monday Carly Ostend visited the plant.", "Carly Ostend"),
        ("A speech by Ken Quistlow drew a crowd.", "Ken Quistlow"),
    ] {
        let r = check(text);
        assert_eq!(people(&r), [person], "{text}: {:?}", names(&r));
    }
}

/// "the Ted Quist South Carolina victory party" made a person whose surname was "Carolina",
/// and across the corpus that person took 44 mentions; "the Jesse Quist Award", "the Charlie
/// Ostend Show" and "Marion County" were people too, and "Dean Tells Democratic Convention"
/// (a headline run into the text) took every "Convention" of a case.
#[test]
fn places_and_things_named_after_people_end_no_persons_name() {
    let r = check("It was quiet at the Ted Quist South Carolina victory party.");
    assert_eq!(people(&r), ["Ted Quist"], "{:?}", names(&r));
    for text in [
        "She won the Jesse Quist Award last year.",
        "He went on the Charlie Ostend Show to talk.",
        "Flooding hit Marion County overnight.",
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
    }
    let r = check("Guns are a crisis, Peter Ostend Tells Democratic Convention. Guns kill.");
    assert!(
        people(&r).iter().all(|p| !p.contains("Convention")),
        "{:?}",
        names(&r)
    );
}

#[test]
fn organisations_by_head_word_and_acronym() {
    let r =
        check("He was a former FBI special agent.\n\nShe wrote for the Boston Business Journal.");
    assert_eq!(
        names(&r),
        [
            (
                "Federal Bureau of Investigation".to_string(),
                EntityKind::Organization
            ),
            (
                "Boston Business Journal".to_string(),
                EntityKind::Organization
            ),
        ]
    );
}

#[test]
fn pathological_capitals_stay_linear() {
    let text = "Aa Bb ".repeat(200_000);
    let started = std::time::Instant::now();
    let _ = check(&text);
    // Quadratic behaviour would take many minutes; the bound is loose for busy machines.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

/// Names are names (issue 15): determiners, quantifiers, prepositions and adjectives in front
/// of a name are not part of it, wherever the name comes from.
#[test]
fn names_lose_the_stop_words_that_open_them() {
    use super::names::name_only;
    for (phrase, expected) in [
        ("this Trump", Some("Trump")),
        ("one Trump", Some("Trump")),
        ("of Trump", Some("Trump")),
        ("a staunch Donald Trump", Some("Donald Trump")),
        ("a senior Donald Trump", Some("Donald Trump")),
        ("This Trump", Some("Trump")),
        ("One Maria Okafor", Some("Maria Okafor")),
        ("Senior Maria Okafor", Some("Maria Okafor")),
        ("Bank of America", Some("Bank of America")),
        ("Ludwig van Beethoven", Some("Ludwig van Beethoven")),
        ("Maria Okafor told reporters", Some("Maria Okafor")),
        ("the Justice Department", Some("Justice Department")),
        ("some officials", None),
        ("This", None),
        ("No.", None),
        ("A. Philip Quist", Some("A. Philip Quist")),
        ("Per Quistsoft", Some("Quistsoft")),
        ("Once Quistsoft", Some("Quistsoft")),
        // A preposition or conjunction opening a sentence ("Given Obama's rating", "Between
        // Clinton, Cruz and Bloomberg") made "Given Obama" and "Between Clinton" people.
        ("Given Halvard Quist", Some("Halvard Quist")),
        ("Between Quist", Some("Quist")),
        ("Whatever Kilroy-Quist", Some("Kilroy-Quist")),
    ] {
        assert_eq!(name_only(phrase).as_deref(), expected, "{phrase}");
    }
    for (speaker, expected) in [
        ("a staunch Donald Trump", Some("Donald Trump")),
        ("of Trump", Some("Trump")),
        ("The Justice Department today", Some("Justice Department")),
        // The owner of a described speaker, without its possessive ("Japan's" was an
        // organisation of its own); a company's name ending in a capital keeps it.
        ("Japan's central bank", Some("Japan")),
        ("Heck's Inc", Some("Heck's Inc")),
        ("McDonald's", Some("McDonald's")),
        ("Every", None),
        ("he", None),
    ] {
        assert_eq!(
            clean_speaker_name(speaker).as_deref(),
            expected,
            "{speaker}"
        );
    }
}

#[test]
fn a_capitalised_stop_word_opening_a_sentence_is_not_part_of_the_name() {
    let text = "Senior Maria Okafor aides met on Monday. Okafor said nothing.\n\n\
        Every Quentin Abara voter agreed. Abara smiled.";
    let r = check(text);
    let all = names(&r);
    assert!(all.iter().any(|(n, _)| n == "Maria Okafor"), "{all:?}");
    let r = check(
        "Given Quist's rating, he may win. Quist agreed. Actor Ivo Quistberg laughed.\n\n\
         Private Meeting Between Ostend. More Important Than Electing Abara. \
         Ostend left. Abara stayed.",
    );
    let found = people(&r);
    assert!(
        found.iter().any(|n| n == "Ivo Quistberg")
            && found
                .iter()
                .all(|n| !n.starts_with("Given") && !n.starts_with("Actor"))
            && found
                .iter()
                .all(|n| !n.contains("Between") && !n.contains("Electing")),
        "{found:?}"
    );
    assert!(
        all.iter()
            .all(|(n, _)| !n.starts_with("Senior") && !n.starts_with("Every")),
        "{all:?}"
    );
}

#[test]
fn a_surname_after_an_honorific_is_a_person_even_without_the_full_name() {
    let r = check("Mr. Quist declined to comment. President Abara spoke later.");
    let all = names(&r);
    assert!(
        all.contains(&("Quist".to_string(), EntityKind::Person)),
        "{all:?}"
    );
    assert!(
        all.contains(&("Abara".to_string(), EntityKind::Person)),
        "{all:?}"
    );
    // A title that also opens an office is not enough: "Chief Executive" is nobody.
    let r = check("Chief Executive pay rose. Special Counsel work continued.");
    assert!(names(&r).is_empty(), "{:?}", names(&r));
}

#[test]
fn an_office_place_or_party_before_a_name_is_not_part_of_it() {
    use super::names::person_name_start;
    for (words, start) in [
        (&["Florida", "Senator", "Paul", "Quist"][..], 2),
        (&["FBI", "Director", "James", "Ostend"][..], 2),
        (&["Republican", "Quist"][..], 1),
        (&["Mary", "Ann", "Quist"][..], 0),
        (&["Paul", "Quist"][..], 0),
        (&["Quist"][..], 0),
        (&["Republican"][..], 0),
        (&["Vermont", "Sen.", "Bernie", "Quist"][..], 2),
        (&["Hewlett-Packard", "CEO", "Carly", "Quist"][..], 2),
        (&["Neither", "Speaker", "Quist"][..], 2),
    ] {
        assert_eq!(person_name_start(words), start, "{words:?}");
    }
    let r = check(
        "Florida Senator Paul Quist spoke first. Quist was brief. \
         It was Republican Ostend who agreed with Paul Quist.",
    );
    let all = names(&r);
    assert!(
        all.contains(&("Paul Quist".to_string(), EntityKind::Person)),
        "{all:?}"
    );
    assert!(
        all.contains(&("Ostend".to_string(), EntityKind::Person)),
        "{all:?}"
    );
    assert!(
        all.iter()
            .all(|(n, _)| !n.contains("Senator") && !n.contains("Republican")),
        "{all:?}"
    );
}

#[test]
fn party_members_and_groups_are_not_people_and_places_after_of_are_not_names() {
    use super::names::before_of;
    assert_eq!(before_of("Marco Quist of Florida"), "Marco Quist");
    assert_eq!(before_of("Quist"), "Quist");
    let r = check(
        "An Iowa Republican was unhappy. House Democrats met Marco Quist of Florida. \
         Quist left.",
    );
    let all = names(&r);
    assert!(
        all.contains(&("Marco Quist".to_string(), EntityKind::Person)),
        "{all:?}"
    );
    assert!(
        all.iter().all(|(n, k)| *k != EntityKind::Person
            || !(n.contains("Republican") || n.contains("Democrats") || n.contains("Florida"))),
        "{all:?}"
    );
}

#[test]
fn an_acronym_the_text_spells_out_is_that_organisation() {
    let r = check(
        "The Quistberg Harbour Authority met on Monday. Later the QHA said little. \
         The Ostend Workers Union was not invited.",
    );
    let qha = r.entity_named("QHA").expect("the acronym is found");
    assert_eq!(r.entities[qha].name, "Quistberg Harbour Authority");
    let surfaces: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.entity == qha)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(surfaces, ["Quistberg Harbour Authority", "QHA"]);
    let alias = r.entities[qha]
        .aliases
        .iter()
        .find(|a| a.surface == "QHA")
        .unwrap();
    assert!(alias
        .evidence
        .contains("acronym of Quistberg Harbour Authority"));
    assert!(r.entity_named("Ostend Workers Union").is_some());
}

/// The people a text names, as their names.
pub(super) fn people(r: &Recognized) -> Vec<String> {
    r.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.clone())
        .collect()
}

/// Financial tables (Reuters writes them as one line of cells) are not names: "Year Shr" was a
/// person whose surname, "Shr", recurred alone in every earnings report.
#[test]
fn financial_table_cells_are_never_people() {
    for text in [
        "Shr 12 cts vs 9 cts Net 4,100 vs 3,900 Revs 2.1 mln vs 1.8 mln Year Shr 40 cts vs 31 \
         cts Net 9,000 vs 7,500 Avg shrs 1,200,000 vs 1,100,000",
        "Oper shr loss two cts vs profit five cts Oper net loss 51,000 vs profit 80,000 Nine \
         mths Oper shr profit 20 cts vs 15 cts",
        "Qtly div 12 cts vs 12 cts prior Pay April 10 Record March 20",
        "\"Results were poor,\" said Oper Shr.",
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
    }
}

/// A run ending in a corporate form is a company: "General Electric Co" was the person
/// "Electric Co" with the title "General".
#[test]
fn a_run_ending_in_a_corporate_form_is_an_organisation() {
    for (text, organisation) in [
        (
            "Quistberg Electric Co said it would buy Ostend. Co officials agreed.",
            "Quistberg Electric Co",
        ),
        (
            "Stock in General Ostend Co rose. Ostend said nothing.",
            "General Ostend Co",
        ),
        (
            "Names include Harbour Construction Co Ltd, a builder.",
            "Harbour Construction Co Ltd",
        ),
        ("Ostend Quist AG said it agreed.", "Ostend Quist AG"),
        (
            "\"We agreed,\" said Maria Ostend Holdings.",
            "Maria Ostend Holdings",
        ),
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
        assert!(
            names(&r).contains(&(organisation.to_string(), EntityKind::Organization)),
            "{text}: {:?}",
            names(&r)
        );
    }
}

/// A country, a nationality or a place-based modifier before a name is not part of it:
/// "Moscow-based US" was a person (the speaker of "said Moscow-based US lawyer …"), and so was
/// "U.S. Analysts" where a sentence ended with "U.S.".
#[test]
fn places_and_nationalities_are_not_part_of_a_name() {
    for (text, expected) in [
        (
            "\"It is over,\" said Moscow-based US lawyer Ivo Quistberg, who was not involved.",
            &["Ivo Quistberg"][..],
        ),
        (
            "Markets are as open as those of the U.S. Analysts said Ostend moved fast. \
             Analysts agreed.",
            &[][..],
        ),
        (
            "Japanese Hiroshi Quist spoke. Quist left early.",
            &["Hiroshi Quist"][..],
        ),
        ("If I were a leader in Japan I would worry.", &[][..]),
        (
            "\"Patched,\" said December Quistberg. Mr. Quistberg left.",
            &["Quistberg"][..],
        ),
        (
            "\"No,\" said a Moscow-based US. \"Never,\" said the West German.",
            &[][..],
        ),
    ] {
        let r = check(text);
        assert_eq!(people(&r), expected, "{text}: {:?}", names(&r));
    }
}

/// An adverb or a common word opening a sentence is not a given name: "Recently Apple" and
/// "Actual Airbus" were entities of their own.
#[test]
fn a_sentence_opening_word_is_split_off_the_name() {
    for (text, expected) in [
        (
            "Recently Paul Quist resigned. Quist said nothing.",
            &["Paul Quist"][..],
        ),
        (
            "The actual figure was low. Actual Quistair deliveries fell. Quistair said so.",
            &[][..],
        ),
        (
            "Finally Ostend agreed. Ostend was tired. Kelly Ostend smiled.",
            &["Kelly Ostend"][..],
        ),
        (
            "Excluding Quistland, exports rose. Quistland fell. Irving Quist smiled. Quist left.",
            &["Irving Quist"][..],
        ),
    ] {
        let r = check(text);
        assert_eq!(people(&r), expected, "{text}: {:?}", names(&r));
    }
}

/// A headline or a line in capitals makes no one ("VOTE FOR PAUL OSTEND"), though its
/// words may name people the text names elsewhere.
#[test]
fn headline_and_shouted_lines_make_no_one() {
    for (text, expected) in [
        (
            "VOTE FOR PAUL OSTEND\n\nVoters went to the polls. Ostend was pleased.",
            &[][..],
        ),
        (
            "Ostend Backs Paul Quist Bid\n\nThe council met. Quist left.",
            &[][..],
        ),
        (
            "Quist Wins Harbour Vote Again\n\nMaria Quist won the vote on Monday.",
            &["Maria Quist"][..],
        ),
    ] {
        let r = check(text);
        assert_eq!(people(&r), expected, "{text}: {:?}", names(&r));
    }
    let r = check("Quist Wins Harbour Vote Again\n\nMaria Quist won the vote on Monday.");
    let quist = r.entity_named("Maria Quist").unwrap();
    let surfaces: Vec<&str> = r
        .mentions
        .iter()
        .filter(|m| m.entity == quist)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(surfaces, ["Quist", "Maria Quist"]);
}

/// "The United Quist Workers said" made a person "Quist Workers" (MEANTIME's gm topic split
/// the UAW from "Auto Workers"): a name ending in the members of a union or trade body is that
/// organisation, found again by its acronym.
#[test]
fn a_union_named_by_its_members_is_an_organisation() {
    let r = check(
        "Most United Quist Workers (UQW) members agreed. The United Quist Workers said no. \
         A United Quist Workers negotiator has said it.",
    );
    assert_eq!(
        names(&r),
        [("United Quist Workers".to_string(), EntityKind::Organization)]
    );
    assert_eq!(r.mentions.len(), 4, "{:?}", r.mentions);
}

/// A quote's one-word speaker that is a group ("Dealers said"), a country or a nationality
/// ("Big US", "the Japanese"), or a party ("New Labour") is no person: each was one of the
/// case's most-named people.
#[test]
fn groups_and_countries_that_speak_are_not_people() {
    for text in [
        "\"Rates will fall,\" Dealers said. Several dealers agreed.",
        "\"We object,\" the Japanese said.",
        "Big US lenders were cautious. \"No more loans,\" said Big US. US banks agreed.",
        "Mobile TV grew. \"It sells,\" said Mobile TV. TV was popular.",
        "\"Rates stay,\" said the United States. \"No,\" said P.",
        "\"No,\" said New Labour. New Labour agreed. Labour won.",
        "\"Yes,\" said Japan Not.",
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
    }
}

/// Organisations news names by one word or by a head word the lists lacked were people:
/// "Reuters", "Bundesbank", "White House", "Stock Exchange"; and "Chancellor of the
/// Exchequer Nigel Quist" left "Exchequer" in the name.
#[test]
fn organisations_named_by_one_word_or_a_house_are_not_people() {
    let r = check(
        "\"Rates stay,\" said the Bundesbank. \"Quiet,\" a spokesman told Reuters. \
         The White House and the Ostend Stock Exchange were closed.",
    );
    assert!(people(&r).is_empty(), "{:?}", names(&r));
    for organisation in [
        "Bundesbank",
        "Reuters",
        "White House",
        "Ostend Stock Exchange",
    ] {
        assert!(
            names(&r).contains(&(organisation.to_string(), EntityKind::Organization)),
            "{organisation}: {:?}",
            names(&r)
        );
    }
    let r = check("The Chancellor of the Exchequer Nigel Quist spoke. Quist was brief.");
    assert_eq!(people(&r), ["Nigel Quist"], "{:?}", names(&r));
}

/// A compound that describes what follows ("San Francisco-based DocuSign", "Portuguese-ruled
/// Macao", "State-owned Rosneft") and a contraction ("I'm Jewish") opened "people" across the
/// news corpus (116 mentions): the name starts after them, and a place or a faith alone names
/// no one.
#[test]
fn a_describing_compound_or_a_contraction_opens_no_name() {
    for text in [
        "The San Francisco-based Quistco said sales rose. Quistco later agreed.",
        "Traders in Portuguese-ruled Macao waited. Macao reopened on Monday.",
        "He replied: \"No, I'm Jewish, I was never a soldier.\" Jewish groups agreed.",
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
    }
}
