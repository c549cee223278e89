//! Which case entity a document's actor is: the policy of cross-document resolution, kept apart
//! from the rows it reads and writes (`store::entities`), so that each rule is tested with
//! made-up names and no database, and the store holds only SQL (issue 18, move 3).
//!
//! The rules, in order:
//! - An organisation, or a person named by more than a surname, is found by any of its names
//!   (folded keys; a person's own decisions, `user` aliases, first).
//! - A person named in full who is not found so is a person already in the case with the same
//!   surname and a compatible first name ("Peter"/"Pyotr"/"P."), or the same first name and a
//!   surname one letter off. Failing that, a person the case knows only by that surname
//!   ("Trump" in other documents, nobody of that surname named in full yet) becomes this
//!   person, and takes the full name.
//! - A person named by surname alone ("Trump", "Mr. Trump") is the one person of that surname
//!   the case names in full, or, with several, the one named in at least [`DOMINANCE`] times
//!   as many documents as the next; otherwise the case's one entity for the bare surname. A
//!   `user` alias of that surname (an alias a person split off) always wins, so no import or
//!   re-extraction merges back what a person took apart.
//!
//! Every link that is not an exact name records what made it, as the alias's evidence.

use super::names::{
    compatible_given_names, department_first, fold_key, is_given_name, is_name_stop_word,
    is_spelling_variant, is_surname_alone, known_organisation_by_key, same_given_name, surname_key,
    surname_of_key, without_corporate_form, without_country, words_before_tail,
};
use super::{DocEntity, EntityKind};
use crate::Result;

/// With several people of one surname named in full, a bare surname is the most-named one only
/// when they are named in this many times as many documents as the next one.
pub const DOMINANCE: usize = 3;

/// A person already in the case whose surname is the one being resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Namesake {
    pub id: i64,
    pub name: String,
    /// True once a person renamed, merged or split the entity: resolution never renames it.
    pub confirmed: bool,
    /// How many documents name it.
    pub documents: usize,
}

impl Namesake {
    fn key(&self) -> String {
        fold_key(&self.name)
    }

    /// Named by more than a surname (and not by a phrase that starts with a stop word, which
    /// older builds stored as names: "this Trump").
    fn full(&self) -> bool {
        let key = self.key();
        let first = key.split(' ').next().unwrap_or("");
        !is_surname_alone(&self.name) && !is_name_stop_word(first)
    }

    /// Worth linking to: named somewhere, or kept by a person. A re-extraction leaves the
    /// entities it is replacing without documents until it prunes them.
    fn live(&self) -> bool {
        self.documents > 0 || self.confirmed
    }
}

/// What resolution reads from the case.
pub trait Lookup {
    /// The entity an alias key names, preferring `user` aliases; with `user_only`, only those.
    fn by_alias(&mut self, key: &str, kind: EntityKind, user_only: bool) -> Result<Option<i64>>;
    /// The people whose surname key is `surname`.
    fn namesakes(&mut self, surname: &str) -> Result<Vec<Namesake>>;
    /// People's aliases whose folded key starts with `first` and a space: entity, alias, key.
    fn same_first_name(&mut self, first: &str) -> Result<Vec<(i64, String, String)>>;
}

/// Whether the entity is new or already in the case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Existing(i64),
    New,
}

/// One alias to record for the entity.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedAlias {
    pub surface: String,
    /// `extracted` (as the source writes it) or `variant` (linked by similarity).
    pub origin: &'static str,
    pub confidence: f32,
    pub evidence: String,
    /// Whether later documents may find the entity by this alias's key directly. A bare
    /// surname never is: it goes through the surname rule each time.
    pub findable: bool,
}

/// What to write for one document's actor.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolution {
    pub target: Target,
    /// The new entity's name, or the full name an entity known only by its surname takes.
    pub name: String,
    pub kind: EntityKind,
    pub surname: Option<String>,
    /// True when an existing entity known only by its surname is to take [`Resolution::name`].
    pub rename: bool,
    pub aliases: Vec<PlannedAlias>,
}

/// An entity found for a name, with the confidence and evidence of the link when it is not
/// the name itself.
type Found = (i64, Option<(f32, String)>);

/// Words in a folded key.
fn word_count(key: &str) -> usize {
    key.split(' ').filter(|w| !w.is_empty()).count()
}

/// Decides which case entity `entity` (an actor of document `doc_id`) is.
pub fn resolve(lookup: &mut dyn Lookup, entity: &DocEntity, doc_id: i64) -> Result<Resolution> {
    let person = entity.kind == EntityKind::Person;
    let own_key = fold_key(&entity.name);
    let bare = person && is_surname_alone(&entity.name);
    let found: Option<Found> = if bare {
        bare_surname(lookup, &own_key)?
    } else {
        match by_any_name(lookup, entity)? {
            Some(id) => Some((id, None)),
            None if person => similar_person(lookup, &entity.name)?,
            None => None,
        }
    };
    let (target, link) = match found {
        Some((id, link)) => (Target::Existing(id), link),
        None => (Target::New, None),
    };
    // A person the case knew only by surname, named in full here for the first time.
    let rename = link
        .as_ref()
        .is_some_and(|(_, evidence)| evidence.starts_with(RENAMED));
    let mut aliases = Vec::with_capacity(entity.aliases.len() + 1);
    aliases.push(match link {
        Some((confidence, evidence)) => PlannedAlias {
            surface: entity.name.clone(),
            origin: "variant",
            confidence,
            evidence: format!("{evidence} (document {doc_id})"),
            findable: !bare,
        },
        None => PlannedAlias {
            surface: entity.name.clone(),
            origin: "extracted",
            confidence: 1.0,
            evidence: "canonical name".to_string(),
            findable: !bare,
        },
    });
    for alias in &entity.aliases {
        aliases.push(PlannedAlias {
            surface: alias.surface.clone(),
            origin: if alias.confidence < 1.0 {
                "variant"
            } else {
                "extracted"
            },
            confidence: alias.confidence,
            evidence: format!("{} (document {doc_id})", alias.evidence),
            findable: !person || !is_surname_alone(&alias.surface),
        });
    }
    // An organisation is findable by its name without the country before it ("Air Force" for
    // "United States Air Force"), a department by its name in the other order, and any
    // organisation without a corporate form ("Apple" for "Apple Inc.").
    if entity.kind == EntityKind::Organization {
        let words: Vec<&str> = entity.name.split_whitespace().collect();
        let mut variant = |surface: String, why: &str| {
            aliases.push(PlannedAlias {
                surface,
                origin: "variant",
                confidence: 0.9,
                evidence: format!("{} {why} (document {doc_id})", entity.name),
                findable: true,
            })
        };
        if let Some(short) = without_country(&own_key) {
            let dropped = word_count(&own_key) - word_count(short);
            let surface = words[dropped.min(words.len())..].join(" ");
            if fold_key(&surface) == short {
                variant(surface, "without its country");
            }
        }
        // "Department of Labor" is also found as the "Labor Department".
        let departments = department_first(without_country(&own_key).unwrap_or(&own_key));
        if let (Some(swapped), Some(at)) = (departments, entity.name.find("Department of ")) {
            let subject = entity.name[at + "Department of ".len()..].trim_start_matches("the ");
            let surface = format!("{subject} Department");
            if fold_key(&surface) == swapped {
                variant(surface, "in the other order");
            }
        }
        if let Some(short) = without_corporate_form(&own_key) {
            let dropped = word_count(&own_key) - word_count(&short);
            let surface = words[..words.len().saturating_sub(dropped)].join(" ");
            if !surface.is_empty() {
                variant(surface, "without its corporate form");
            }
        }
    }
    Ok(Resolution {
        target,
        name: entity.name.clone(),
        kind: entity.kind,
        surname: if person {
            surname_key(&entity.name)
        } else {
            None
        },
        rename,
        aliases,
    })
}

/// The evidence that marks a link which renames the entity it links to.
const RENAMED: &str = "named in full here";

/// An organisation, or a person named by more than a surname, found by one of its names.
fn by_any_name(lookup: &mut dyn Lookup, entity: &DocEntity) -> Result<Option<i64>> {
    let names = std::iter::once(entity.name.as_str())
        .chain(entity.aliases.iter().map(|a| a.surface.as_str()));
    for name in names {
        let key = fold_key(name);
        // A bare surname is evidence within its own document, never a key across the case.
        if key.is_empty() || (entity.kind == EntityKind::Person && is_surname_alone(name)) {
            continue;
        }
        let canonical = match entity.kind {
            EntityKind::Organization => known_organisation_by_key(&key),
            EntityKind::Person => None,
        };
        if let Some(id) = lookup.by_alias(&key, entity.kind, false)? {
            return Ok(Some(id));
        }
        if let Some(canonical) = canonical {
            if let Some(id) = lookup.by_alias(&fold_key(canonical), entity.kind, false)? {
                return Ok(Some(id));
            }
        }
        // "Apple Inc." is "Apple", and "U.S. Air Force" the "Air Force": organisations are
        // also found without their corporate form or the country the press drops.
        if entity.kind == EntityKind::Organization {
            if let Some(short) = without_corporate_form(&key) {
                if let Some(id) = lookup.by_alias(&short, entity.kind, false)? {
                    return Ok(Some(id));
                }
            }
            if let Some(short) = without_country(&key) {
                if let Some(id) = lookup.by_alias(short, entity.kind, false)? {
                    return Ok(Some(id));
                }
            }
            // "Department of Labor" is the "Labor Department" another document named.
            if let Some(swapped) = department_first(without_country(&key).unwrap_or(&key)) {
                if let Some(id) = lookup.by_alias(&swapped, entity.kind, false)? {
                    return Ok(Some(id));
                }
            }
        }
    }
    Ok(None)
}

/// A person already in the case that `name` (a full name) is taken to be, with the evidence.
fn similar_person(lookup: &mut dyn Lookup, name: &str) -> Result<Option<Found>> {
    let key = fold_key(name);
    let words: Vec<&str> = key.split(' ').collect();
    let (Some(first), Some(surname)) = (words.first().copied(), surname_key(name)) else {
        return Ok(None);
    };
    if words.len() < 2 {
        return Ok(None);
    }
    let namesakes: Vec<Namesake> = lookup
        .namesakes(&surname)?
        .into_iter()
        .filter(Namesake::live)
        .collect();
    for other in namesakes.iter().filter(|n| n.full()) {
        let other_key = other.key();
        let other_first = other_key.split(' ').next().unwrap_or("");
        // The same first name (or an initial of it) or the same name transliterated
        // ("Peter" and "Pyotr"); a middle name or patronymic given by only one of them is
        // no obstacle, two different ones are.
        if compatible_given_names(&key, &other_key) {
            let evidence = if other_first == first {
                format!("same first name and surname as {}", other.name)
            } else if same_given_name(first, other_first) {
                format!(
                    "same surname as {}, first name spelt differently",
                    other.name
                )
            } else {
                format!("same surname as {}, first name as an initial", other.name)
            };
            return Ok(Some((other.id, Some((0.85, evidence)))));
        }
    }
    // The same surname and a first name one letter off a person the case names often
    // ("Barrack Obama" in one document, "Barack Obama" in hundreds): a typo, not a relative.
    for other in namesakes
        .iter()
        .filter(|n| n.full() && n.documents >= DOMINANCE)
    {
        let other_key = other.key();
        let other_words: Vec<&str> = other_key.split(' ').collect();
        if other_words.len() == words.len()
            && is_spelling_variant(first, other_words[0])
            && other_words[1..] == words[1..]
        {
            let evidence = format!(
                "same surname as {}, first name one letter off (a typo: {} documents name {})",
                other.name, other.documents, other.name
            );
            return Ok(Some((other.id, Some((0.7, evidence)))));
        }
    }
    // Words glued before a full name the case knows ("Liar-of the Year Barack Obama", "Using
    // Ted Cruz", a misspelt "Minsiter Yasuhiro Nakasone"), or that name written here without
    // the words another document glued before it: one person, by the shorter name.
    for other in namesakes.iter().filter(|n| n.full()) {
        let other_key = other.key();
        if let Some(before) = words_before(&key, &other_key) {
            if opens_no_name(lookup, before, other.id)? {
                let evidence = format!("{} with words before the name", other.name);
                return Ok(Some((other.id, Some((0.8, evidence)))));
            }
        } else if let Some(before) = words_before(&other_key, &key) {
            if !other.confirmed && opens_no_name(lookup, before, other.id)? {
                let evidence = format!(
                    "{RENAMED}; another document wrote words before it ({})",
                    other.name
                );
                return Ok(Some((other.id, Some((0.8, evidence)))));
            }
        }
    }
    // The same first name and a surname one letter off: "Pyotr Levishov" is "Pyotr Levashov".
    for (id, alias, alias_key) in lookup.same_first_name(first)? {
        if let Some(other_surname) = surname_of_key(&alias_key) {
            if is_spelling_variant(&surname, other_surname) {
                return Ok(Some((
                    id,
                    Some((
                        0.7,
                        format!("spelling variant of {alias} (one letter differs)"),
                    )),
                )));
            }
        }
    }
    // Nobody of that surname is named in full: a person the case knows only by the surname,
    // and whom no person has confirmed as such, is this one.
    if !namesakes.iter().any(Namesake::full) {
        // A hyphenated surname alone ("Kilroy-Silk") is this person only if this name ends
        // with all of it, not just with its last word.
        let ends_with = |n: &&Namesake| {
            let bare = n.key();
            !bare.contains(' ') || words_before_tail(&key, &bare).is_some()
        };
        if let Some(only) = namesakes
            .iter()
            .filter(ends_with)
            .find(|n| !n.confirmed && !n.full())
        {
            return Ok(Some((
                only.id,
                Some((
                    0.8,
                    format!(
                        "{RENAMED}; other documents name only the surname {} and no other \
                         person of that surname",
                        only.name
                    ),
                )),
            )));
        }
    }
    Ok(None)
}

/// The words of `long` before `short` when `long` (a folded name) ends with the whole of
/// `short` and `short` is a full name, not a surname alone: "year" for "year barack obama"
/// and "barack obama".
fn words_before<'a>(long: &'a str, short: &str) -> Option<&'a str> {
    if word_count(short) < 2 {
        return None;
    }
    words_before_tail(long, short)
}

/// Whether the folded words before a full name are no part of a name: none is a common given
/// name or an initial, and no other person of the case has a name that starts with the first
/// ("Mary" of "Mary Ann Blair" may be unknown to the lexicon, but the case names other Marys).
fn opens_no_name(lookup: &mut dyn Lookup, before: &str, person: i64) -> Result<bool> {
    let words: Vec<&str> = before.split(' ').collect();
    if words
        .iter()
        .any(|w| w.chars().count() < 2 || is_given_name(&capitalised(w)))
    {
        return Ok(false);
    }
    let others = lookup.same_first_name(words[0])?;
    Ok(others.iter().all(|(id, _, _)| *id == person))
}

/// A folded word with its first letter in capitals, as the given-name list writes names.
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The person a bare surname (`key`, folded) names in this case, with the evidence.
fn bare_surname(lookup: &mut dyn Lookup, key: &str) -> Result<Option<Found>> {
    // A person split this surname off or named someone by it: their decision holds.
    if let Some(id) = lookup.by_alias(key, EntityKind::Person, true)? {
        return Ok(Some((id, None)));
    }
    // A hyphenated surname ("kilroy silk") is stored under its last word; of the people with
    // that last word, only those whose name ends with the whole surname are its namesakes.
    let surname = surname_of_key(key).unwrap_or(key);
    let namesakes: Vec<Namesake> = lookup
        .namesakes(surname)?
        .into_iter()
        .filter(Namesake::live)
        .filter(|n| {
            let other = n.key();
            surname == key || other == key || words_before_tail(&other, key).is_some()
        })
        .collect();
    let mut full: Vec<&Namesake> = namesakes.iter().filter(|n| n.full()).collect();
    // Most-named first; the oldest entity first among equals, so the choice is stable.
    full.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.id.cmp(&b.id)));
    match full.as_slice() {
        [only] => {
            return Ok(Some((
                only.id,
                Some((
                    0.8,
                    format!(
                        "surname of {}, the only person of that surname named in full in the case",
                        only.name
                    ),
                )),
            )))
        }
        [most, next, ..] if most.documents >= DOMINANCE * next.documents.max(1) => {
            return Ok(Some((
                most.id,
                Some((
                    0.7,
                    format!(
                        "surname of {}, named in {} documents; the next person of that surname, \
                         {}, in {}",
                        most.name, most.documents, next.name, next.documents
                    ),
                )),
            )))
        }
        _ => {}
    }
    // Unresolved: the case's one entity for the bare surname.
    Ok(namesakes
        .iter()
        .filter(|n| !n.full())
        .min_by_key(|n| n.id)
        .map(|n| (n.id, None)))
}

#[cfg(test)]
#[path = "resolve_tests.rs"]
mod tests;
