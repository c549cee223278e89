//! Where a company ends and a person begins (`employers`), with made-up names: each test is
//! named after what broke on the news corpus or on MEANTIME.

use super::tests::{check, names, people};
use super::EntityKind;

/// "General Motors said" at a sentence's start lost "General" as a person's title, and
/// "Motors" became a company of its own beside General Motors (MEANTIME's gm topic: 11
/// mentions split off).
#[test]
fn a_title_opening_a_sentence_stays_in_an_organisations_name() {
    let r = check("General Motors said it would cut jobs. The automaker, General Motors, agreed.");
    assert_eq!(
        names(&r),
        [("General Motors".to_string(), EntityKind::Organization)]
    );
}

/// A company quoted by its short name is that company: "Quistco said" made a person Quistco,
/// and a stripped sentence opener left "of Quistco" ("Head of Quistco") as a person's name.
#[test]
fn a_company_quoted_by_its_short_name_is_not_a_person() {
    for text in [
        "Quistco Inc reported a loss. \"Sales were weak,\" Quistco said.",
        "\"We grew,\" Quistco said. The head was pleased. Head of Quistco Tom Ostend agreed. \
         Quistco Corp gained.",
    ] {
        let r = check(text);
        let all = names(&r);
        assert!(
            all.iter()
                .all(|(n, k)| *k != EntityKind::Person || !n.contains("Quistco")),
            "{text}: {all:?}"
        );
        assert!(all.iter().all(|(n, _)| !n.starts_with("of ")), "{all:?}");
    }
    // A person who shares a company's first word stays a person, the one named in full.
    let r = check("Maria Quist ran Quist Holdings Ltd. \"No,\" Quist said.");
    assert_eq!(people(&r), ["Maria Quist"], "{:?}", names(&r));
}

/// A company quoted by its short name and never named with a corporate form ("Yukos said",
/// "Moody's said") was a person, and across the news corpus the rating agency's 250 mentions
/// went to the rugby player Lewis Moody. A one-word speaker with nothing that marks a person
/// (a given name, a title, a full name of that surname, a role) is an organisation.
#[test]
fn a_one_word_speaker_nothing_marks_as_a_person_is_an_organisation() {
    let r = check("\"Output will fall,\" Quistneft said. Quistneft shares slid.");
    assert!(
        names(&r).contains(&("Quistneft".to_string(), EntityKind::Organization)),
        "{:?}",
        names(&r)
    );
    for text in [
        "Ivo Quistberg spoke. \"Output will fall,\" Quistberg said.",
        "\"Output will fall,\" Mr. Quistberg said.",
        "\"Output will fall,\" said Quistberg, the firm's founder.",
        "\"Output will fall,\" Paul said.",
    ] {
        let r = check(text);
        assert!(
            people(&r)
                .iter()
                .any(|n| n.contains("Quistberg") || *n == "Paul"),
            "{text}: {:?}",
            names(&r)
        );
    }
}

/// "Leigh-Pemberton said" after "Robin Leigh-Pemberton" in the same article made the
/// governor an organisation: his hyphenated surname folds to two words, so it was never
/// found among the surnames of the people named in full.
#[test]
fn a_hyphenated_surname_quoted_alone_after_the_full_name_stays_a_person() {
    let text = "The governor, Peter Ostend-Quist, spoke on Monday. \"Rates will hold,\" \
        Ostend-Quist said.";
    let r = check(text);
    // The speaker stays a person: the one the text named in full before (`tests_surnames`).
    assert_eq!(people(&r), ["Peter Ostend-Quist"], "{:?}", names(&r));
    assert!(
        names(&r).iter().all(|(_, k)| *k == EntityKind::Person),
        "{:?}",
        names(&r)
    );
}

/// A run right before a lower-case role and a name is the employer: "in Las Vegas Microsoft boss
/// Bill Gates said" made "Las Vegas Microsoft" a person (the surname recurring as "Microsoft
/// said"), and across the news corpus that person took all 269 mentions of Microsoft.
#[test]
fn an_employer_before_a_role_and_a_name_is_not_a_person() {
    for (text, expected) in [
        (
            "At the fair in Las Vegas Quistsoft boss Ann Lee said sales were up. \
             Quistsoft later agreed.",
            &["Ann Lee"][..],
        ),
        (
            "In Oslo Quistco chief executive Ann Lee spoke. Quistco later agreed.",
            &["Ann Lee"][..],
        ),
        // A person named in full before a role stays a person.
        (
            "Hillary Clinton spokesman Brian Fallon said no. Clinton agreed.",
            &["Hillary Clinton", "Brian Fallon"][..],
        ),
        // A surname alone before a spokesman is a politician's, not a company's.
        (
            "Quist spokesman Brian Fallon said no. \"We agree,\" Mr. Quist said.",
            &["Quist", "Brian Fallon"][..],
        ),
    ] {
        let r = check(text);
        assert_eq!(people(&r), expected, "{text}: {:?}", names(&r));
    }
}

/// "Secretary of the Air Force James Roche" was one organisation, "Air Force James Roche", and
/// the person was lost (MEANTIME's airbus topic).
#[test]
fn a_given_name_after_an_organisations_head_word_opens_a_person() {
    let r = check(
        "Secretary of the Quist Agency James Ostend spoke. Later the Quist Agency CEO Paul \
         Abara agreed. Director of Quist Agency Planning Bill Quistberg: \"We do not.\"",
    );
    let all = names(&r);
    for (name, kind) in [
        ("Quist Agency", EntityKind::Organization),
        ("James Ostend", EntityKind::Person),
        ("Paul Abara", EntityKind::Person),
        ("Bill Quistberg", EntityKind::Person),
    ] {
        assert!(all.contains(&(name.to_string(), kind)), "{name}: {all:?}");
    }
    let organisations: Vec<&String> = all
        .iter()
        .filter(|(_, kind)| *kind == EntityKind::Organization)
        .map(|(n, _)| n)
        .collect();
    assert!(
        organisations
            .iter()
            .all(|n| !n.contains("Director") && !n.contains("Bill") && !n.contains("James")),
        "{all:?}"
    );
}

/// A company's product or unit whose last word the text also writes alone was a person:
/// across the news corpus "Security Pacific", "Merrill Lynch" and "Honeywell Bull" were people
/// (1,347 mentions of such names), because "Pacific", "Lynch" and "Bull" recur alone as if
/// they were surnames. A first word that names a company of the text ("Quistco Systems Inc")
/// or an acronym of three letters or more makes the name the organisation's.
#[test]
fn a_companys_product_or_unit_is_not_a_person() {
    for text in [
        "Quistco Systems Inc released a fix. Quistco Shield, its antivirus, missed the worm. \
         Shield is sold to banks.",
        "QBC Radio carried the speech. The QBC Radio host agreed, and Radio listeners called.",
    ] {
        assert_names_no_person(text);
    }
}

/// What the test above must not take for a company: a person whose first word opens a
/// company's name with "of" in it (Reuters' "Ward Quist of Quistco Securities Inc"), a Chinese
/// name whose surname a quote gives alone ("Jiang said" made "Jiang" a company), and initials.
#[test]
fn a_person_sharing_a_first_word_with_an_organisation_stays_a_person() {
    for (text, person) in [
        (
            "Analysts expect a cut, said Ward Quist of Quistco Securities Inc. Economist Ward \
             Quist added that Quist had expected it.",
            "Ward Quist",
        ),
        (
            "\"We agree,\" Jiang Zemin said. The envoy left. \"Good,\" Jiang said.",
            "Jiang Zemin",
        ),
        (
            "JK Quist wrote the book. Quist lives in Ostend.",
            "JK Quist",
        ),
    ] {
        assert_keeps_person(text, person);
    }
}

/// Reuters' bond notices end "…, said lead manager Goldman": a bank's part in an issue, after
/// its short name, made people of "Goldman" and "Goldman Sachs" across the news corpus.
#[test]
fn a_bank_named_with_its_part_in_an_issue_is_not_a_person() {
    for text in [
        "Quistco Inc is raising 200 mln dlrs through an offering of notes due 1990, said lead \
         manager Abara.",
        "Ostend Corp is raising 150 mln dlrs via an offering of debentures, said sole \
         underwriter Abara Brothers.",
    ] {
        let r = check(text);
        assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
        assert!(
            names(&r).iter().any(|(n, _)| n.starts_with("Abara")),
            "{text}: {:?}",
            names(&r)
        );
    }
    // An insurance underwriter named in full is a person.
    let r = check("\"Rates will rise,\" said lead underwriter John Abara.");
    assert_eq!(names(&r), [("John Abara".to_string(), EntityKind::Person)]);
}

/// A role the quote attribution left as a scrap ("Valeant (them)", "Microsoft (that)",
/// "Official (U.S.)") kept companies people across the news corpus (Valeant 25 mentions,
/// Microsoft 17, Yukos 15): a role counts as a person's only when it says something.
#[test]
fn a_role_that_says_nothing_keeps_no_company_a_person() {
    use super::speaker_names::describes_a_person;
    for (role, says_something) in [
        ("that", false),
        ("them", false),
        ("U.S.", false),
        ("of the", false),
        ("economist", true),
        ("Data Resources", true),
        ("chief executive", true),
    ] {
        assert_eq!(describes_a_person(role), says_something, "{role}");
    }
}

/// "Microsoft Windows latest Digital Rights Management" beside "Windows 10 and" made a person
/// whose surname, "Windows", recurred alone: across the news corpus "Microsoft Windows" (52
/// mentions) and "Apache Struts" (61) were people. A name whose last word the text writes
/// before a version or model number is a product.
#[test]
fn a_product_written_with_its_version_is_not_a_person() {
    for text in [
        "Players that support Quistsoft Panes technology are on sale. Panes 10 and Panes 7 \
         users can upgrade. Panes is everywhere.",
        "The bug is in the Quistache Struts framework. Struts 2.3.5 through 2.3.31 are \
         affected; Struts is widely used.",
    ] {
        assert_names_no_person(text);
    }
}

/// A score, a minute, a count or a year after a name is no version: a match report ("Titus
/// Quistal 35 og, Didier Ostend 67,"), "shot Laquan Quistal 16 times" and "Quistal 2016" keep
/// their people.
#[test]
fn a_score_a_count_or_a_year_after_a_name_is_no_version() {
    for (text, person) in [
        (
            "Titus Quistal scored late. Scorers: Quistal 35 og, Ostend 67. Quistal was upset.",
            "Titus Quistal",
        ),
        (
            "Police shot Laquan Quistal 16 times. Quistal was 17.",
            "Laquan Quistal",
        ),
        (
            "Laquan Quistal won 6-3 6-2 and Quistal 2016 signs were everywhere. Quistal smiled.",
            "Laquan Quistal",
        ),
        (
            "Ronaldo Quistal starred. Quistal 9, Ostend 45. Quistal left.",
            "Ronaldo Quistal",
        ),
    ] {
        assert_keeps_person(text, person);
    }
}

/// Clubs and watchdogs end in a word that is no surname, and news writes that word alone
/// ("City won", "Watch sued"): "Manchester City" (38 mentions) and "Judicial Watch" (24) were
/// people whose surname recurred, and "Real Madrid" (23), whose last word is also a surname
/// (Deogracias Madrid), is a known organisation instead.
#[test]
fn a_sports_club_or_a_watchdog_is_not_a_person() {
    for text in [
        "Quistford City beat Ostend on Saturday. City won 2-0 and City fans sang.",
        "Quistal Watch sued the agency. Watch said the files were public.",
        "Beckham left for Real Madrid. Madrid won the league.",
    ] {
        assert_names_no_person(text);
    }
    // A person named with the place they come from, or after an office of a city, stays one.
    for (text, person) in [
        (
            "Their son, Henry Quistal of New York City, spoke. Quistal said little.",
            "Henry Quistal",
        ),
        (
            "City Councilman Ann Quistal voted no. Quistal said the plan was rushed.",
            "Ann Quistal",
        ),
    ] {
        assert_keeps_person(text, person);
    }
}

/// Asserts that the recogniser finds `person` among the people `text` names.
fn assert_keeps_person(text: &str, person: &str) {
    let r = check(text);
    assert!(
        people(&r).contains(&person.to_string()),
        "{text}: {:?}",
        names(&r)
    );
}

/// Asserts that the recogniser finds no person in `text`.
fn assert_names_no_person(text: &str) {
    let r = check(text);
    assert!(people(&r).is_empty(), "{text}: {:?}", names(&r));
}
