//! The resolution rules with made-up people and a case held in a vector, so each rule is seen
//! deciding without a database.

use super::*;
use crate::entities::Alias;

/// A case's people as resolution sees them: entities with their aliases and document counts.
#[derive(Default)]
struct Fake {
    people: Vec<(i64, String, bool, usize)>,
    /// Entity, alias, origin.
    aliases: Vec<(i64, String, &'static str)>,
}

impl Fake {
    fn person(&mut self, id: i64, name: &str, documents: usize) -> &mut Self {
        self.people.push((id, name.to_string(), false, documents));
        self.aliases.push((id, name.to_string(), "extracted"));
        self
    }

    fn confirmed(&mut self, id: i64) -> &mut Self {
        for p in &mut self.people {
            if p.0 == id {
                p.2 = true;
            }
        }
        self
    }

    fn alias(&mut self, id: i64, alias: &str, origin: &'static str) -> &mut Self {
        self.aliases.push((id, alias.to_string(), origin));
        self
    }
}

impl Lookup for Fake {
    fn by_alias(&mut self, key: &str, _: EntityKind, user_only: bool) -> Result<Option<i64>> {
        let mut found: Vec<&(i64, String, &str)> = self
            .aliases
            .iter()
            .filter(|(_, a, origin)| fold_key(a) == key && (!user_only || *origin == "user"))
            .collect();
        found.sort_by_key(|(id, _, origin)| (*origin != "user", *id));
        Ok(found.first().map(|(id, _, _)| *id))
    }

    fn namesakes(&mut self, surname: &str) -> Result<Vec<Namesake>> {
        Ok(self
            .people
            .iter()
            .filter(|(_, name, _, _)| surname_key(name).as_deref() == Some(surname))
            .map(|(id, name, confirmed, documents)| Namesake {
                id: *id,
                name: name.clone(),
                confirmed: *confirmed,
                documents: *documents,
            })
            .collect())
    }

    fn same_first_name(&mut self, first: &str) -> Result<Vec<(i64, String, String)>> {
        Ok(self
            .aliases
            .iter()
            .filter(|(_, a, _)| fold_key(a).starts_with(&format!("{first} ")))
            .map(|(id, a, _)| (*id, a.clone(), fold_key(a)))
            .collect())
    }
}

fn person(name: &str, aliases: &[&str]) -> DocEntity {
    DocEntity {
        name: name.to_string(),
        kind: EntityKind::Person,
        role: None,
        aliases: aliases
            .iter()
            .map(|a| Alias {
                surface: a.to_string(),
                confidence: 1.0,
                evidence: "named in the text".to_string(),
            })
            .collect(),
    }
}

fn org(name: &str) -> DocEntity {
    DocEntity {
        name: name.to_string(),
        kind: EntityKind::Organization,
        role: None,
        aliases: Vec::new(),
    }
}

fn target(case: &mut Fake, entity: &DocEntity) -> Target {
    resolve(case, entity, 9).unwrap().target
}

#[test]
fn a_bare_surname_is_the_one_person_of_that_surname_named_in_full() {
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 4)
        .person(2, "Mira Ostend", 2);
    for name in ["Quist", "Mr. Quist"] {
        let r = resolve(&mut case, &person(name, &[name]), 9).unwrap();
        assert_eq!(r.target, Target::Existing(1), "{name}");
        assert!(r.aliases[0]
            .evidence
            .contains("only person of that surname"));
        assert!(r.aliases[0].evidence.contains("document 9"));
        assert!(!r.aliases[0].findable, "a bare surname is never a key");
    }
}

#[test]
fn a_bare_surname_shared_by_two_people_goes_to_the_dominant_one_only() {
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 30)
        .person(2, "Ylva Quist", 3);
    let r = resolve(&mut case, &person("Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(1));
    assert!(r.aliases[0].evidence.contains("named in 30 documents"));

    // Neither dominates: the surname stays its own entity, shared across the case.
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 5)
        .person(2, "Ylva Quist", 3);
    assert_eq!(target(&mut case, &person("Quist", &[])), Target::New);
    case.person(3, "Quist", 1);
    assert_eq!(
        target(&mut case, &person("Quist", &[])),
        Target::Existing(3)
    );
}

#[test]
fn a_bare_surname_with_nobody_named_in_full_is_the_cases_one_entity_for_it() {
    let mut case = Fake::default();
    assert_eq!(target(&mut case, &person("Quist", &[])), Target::New);
    case.person(5, "Quist", 1);
    assert_eq!(
        target(&mut case, &person("Mr. Quist", &[])),
        Target::Existing(5)
    );
}

#[test]
fn a_full_name_takes_over_the_surname_the_case_knew_alone() {
    let mut case = Fake::default();
    case.person(5, "Quist", 3);
    let r = resolve(&mut case, &person("Halvard Quist", &["Quist"]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(5));
    assert!(r.rename, "the entity takes the full name");
    assert_eq!(r.name, "Halvard Quist");
    assert!(r.aliases[0].evidence.contains("named in full here"));

    // Once someone of that surname is named in full, another full name does not take it.
    case.people.push((6, "Ylva Quist".to_string(), false, 1));
    assert_eq!(
        target(&mut case, &person("Halvard Quist", &[])),
        Target::New
    );
}

#[test]
fn a_split_alias_is_never_merged_back() {
    // A person split "Quist" off Halvard Quist: that entity is confirmed and holds the alias
    // as a user alias, so bare "Quist" goes there, and a full name does not rename it.
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 10)
        .person(2, "Quist", 1)
        .confirmed(2)
        .alias(2, "Quist", "user");
    assert_eq!(
        target(&mut case, &person("Quist", &[])),
        Target::Existing(2)
    );
    let mut fresh = Fake::default();
    fresh.person(2, "Quist", 1).confirmed(2);
    let r = resolve(&mut fresh, &person("Halvard Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::New);
    assert!(!r.rename);
}

#[test]
fn different_first_names_keep_two_people_apart() {
    let mut case = Fake::default();
    case.person(1, "Halvard Quistberg", 2);
    assert_eq!(
        target(&mut case, &person("Ylva Quistberg", &[])),
        Target::New
    );
    assert_eq!(
        target(&mut case, &person("H. Quistberg", &[])),
        Target::Existing(1)
    );
    let r = resolve(&mut case, &person("Halvard Quistburg", &[]), 9).unwrap();
    assert_eq!(
        r.target,
        Target::Existing(1),
        "one letter off, same first name"
    );
    assert_eq!(r.aliases[0].origin, "variant");
}

#[test]
fn names_stored_by_older_builds_with_stop_words_are_not_people_named_in_full() {
    let mut case = Fake::default();
    case.person(1, "this Quist", 5)
        .person(2, "Halvard Quist", 1);
    let r = resolve(&mut case, &person("Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(2));
}

#[test]
fn entities_a_reextraction_left_without_documents_are_not_linked_to() {
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 0).person(2, "Quist", 0);
    assert_eq!(target(&mut case, &person("Quist", &[])), Target::New);
}

#[test]
fn an_organisation_is_found_without_its_corporate_form() {
    let r = resolve(&mut Fake::default(), &org("Quistberg Holdings Inc."), 9).unwrap();
    let short = r.aliases.iter().find(|a| a.surface == "Quistberg").unwrap();
    assert!(short.findable);
    assert!(short.evidence.contains("without its corporate form"));
    let mut case = Fake::default();
    case.aliases.push((4, "Quistberg".to_string(), "extracted"));
    assert_eq!(
        target(&mut case, &org("Quistberg LLC")),
        Target::Existing(4)
    );
}

#[test]
fn words_glued_before_a_full_name_the_case_knows_are_no_second_person() {
    // "Liar-of the Year Halvard Quist" in one document made "Year Halvard Quist" a person of
    // its own, who then took the surname's mentions in that document.
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 40);
    let r = resolve(&mut case, &person("Year Halvard Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(1));
    assert!(!r.rename, "the person keeps the shorter name");
    assert!(r.aliases[0].evidence.contains("words before the name"));

    // Written the other way round: the glued name came first and takes the clean one.
    let mut case = Fake::default();
    case.person(2, "Using Halvard Quist", 1);
    let r = resolve(&mut case, &person("Halvard Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(2));
    assert!(r.rename);
    assert_eq!(r.name, "Halvard Quist");
}

#[test]
fn a_first_name_before_a_known_full_name_is_still_another_person() {
    let mut case = Fake::default();
    case.person(1, "Ann Quist", 40);
    // A common given name, an initial, or a word the case uses as anyone's first name.
    assert_eq!(
        target(&mut case, &person("Mary Ann Quist", &[])),
        Target::New
    );
    assert_eq!(target(&mut case, &person("J. Ann Quist", &[])), Target::New);
    case.person(2, "Ylva Ostend", 3);
    assert_eq!(
        target(&mut case, &person("Ylva Ann Quist", &[])),
        Target::New
    );
    // A confirmed person is never renamed to a shorter name.
    let mut case = Fake::default();
    case.person(3, "Using Halvard Quist", 1).confirmed(3);
    assert_eq!(
        target(&mut case, &person("Halvard Quist", &[])),
        Target::New
    );
}

#[test]
fn a_first_name_one_letter_off_a_person_the_case_names_often_is_a_typo() {
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 40);
    let r = resolve(&mut case, &person("Hallvard Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(1));
    assert!(r.aliases[0].evidence.contains("one letter off"));
    // Named in fewer documents, or a short first name, it may be another person.
    let mut case = Fake::default();
    case.person(1, "Halvard Quist", 2);
    assert_eq!(
        target(&mut case, &person("Hallvard Quist", &[])),
        Target::New
    );
    let mut case = Fake::default();
    case.person(1, "Mario Quist", 40);
    assert_eq!(target(&mut case, &person("Marco Quist", &[])), Target::New);
}

#[test]
fn an_american_organisation_is_found_without_the_country_before_it() {
    // MEANTIME's airbus topic had "United States Air Force", "US Air Force" and "Air Force"
    // as three organisations.
    let r = resolve(&mut Fake::default(), &org("United States Quist Guard"), 9).unwrap();
    let short = r
        .aliases
        .iter()
        .find(|a| a.surface == "Quist Guard")
        .unwrap();
    assert!(short.findable);
    assert!(short.evidence.contains("without its country"));
    let mut case = Fake::default();
    case.aliases
        .push((4, "Quist Guard".to_string(), "extracted"));
    assert_eq!(
        target(&mut case, &org("U.S. Quist Guard")),
        Target::Existing(4)
    );
    // A head word alone is no key: "US Senate" is not every senate.
    let r = resolve(&mut Fake::default(), &org("US Senate"), 9).unwrap();
    assert_eq!(r.aliases.len(), 1, "{:?}", r.aliases);
}

#[test]
fn a_hyphenated_surname_alone_is_the_person_named_in_full_with_it() {
    // "Kilroy-Silk" folds to the two words "kilroy silk": it had been taken for a full name
    // whose first name is "Kilroy", so every document naming him by surname made a person.
    let mut case = Fake::default();
    case.person(1, "Halvard Ostend-Quist", 4)
        .person(2, "Mira Quist", 6);
    let r = resolve(&mut case, &person("Ostend-Quist", &[]), 9).unwrap();
    assert_eq!(
        r.target,
        Target::Existing(1),
        "not Mira Quist, whose surname ends alike"
    );
    assert!(r.aliases[0]
        .evidence
        .contains("only person of that surname"));
    assert!(!r.aliases[0].findable, "a surname alone is never a key");

    // Known only by the hyphenated surname, the person takes the full name when one comes,
    // and a plain namesake of its last word does not.
    let mut case = Fake::default();
    case.person(5, "Ostend-Quist", 3);
    assert_eq!(target(&mut case, &person("Mira Quist", &[])), Target::New);
    let r = resolve(&mut case, &person("Halvard Ostend-Quist", &[]), 9).unwrap();
    assert_eq!(r.target, Target::Existing(5));
    assert!(r.rename);
}

#[test]
fn a_department_is_found_in_either_order() {
    // MEANTIME's stock topic had "U.S. Department of Labor" and "US Labor Department" as two
    // organisations.
    let mut case = Fake::default();
    case.aliases
        .push((4, "Quistland Department".to_string(), "extracted"));
    for name in [
        "Department of Quistland",
        "U.S. Department of Quistland",
        "the Department of the Quistland",
    ] {
        assert_eq!(target(&mut case, &org(name)), Target::Existing(4), "{name}");
    }
    // Named first in the long order, it is found later in the short one.
    let r = resolve(
        &mut Fake::default(),
        &org("U.S. Department of Quistland"),
        9,
    )
    .unwrap();
    let short = r
        .aliases
        .iter()
        .find(|a| a.surface == "Quistland Department")
        .unwrap();
    assert!(short.findable);
    assert!(short.evidence.contains("in the other order"));
}
