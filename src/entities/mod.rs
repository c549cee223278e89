//! People and organisations named in a text: a pure recognizer (`&str` and the text's quotes
//! in, entities and mention spans out) and the name keys that canonicalise them across a case.
//!
//! Within one document the recognizer groups every way an actor is written (full name, bare
//! surname, possessive, a misspelt surname, an organisation's acronym or alias) under one
//! entity, each alias with a confidence and the evidence for it. Across documents, `resolve`
//! decides which case entity each actor is (by folded keys, compatible first names, and a bare
//! surname's one or dominant namesake), and `decisions` holds the rules of a person's merges,
//! splits and undos; `store::entities` and `store::entity_resolution` only read and write rows.

mod acronyms;
mod builder;
pub mod decisions;
mod employers;
mod lexicon;
mod name_words;
pub mod names;
mod not_names;
mod recognize;
pub mod resolve;
mod speaker_names;
mod words;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_employers;
#[cfg(test)]
mod tests_surnames;

pub use recognize::recognize;
pub(crate) use speaker_names::affiliation;
pub use speaker_names::clean_speaker_name;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum EntityKind {
    Person,
    Organization,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
        }
    }

    pub fn parse(name: &str) -> Option<EntityKind> {
        match name {
            "person" => Some(EntityKind::Person),
            "organization" | "organisation" | "org" => Some(EntityKind::Organization),
            _ => None,
        }
    }
}

/// One way an entity is written, and why it is taken to be that entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    pub surface: String,
    pub confidence: f32,
    pub evidence: String,
}

/// An actor named in one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEntity {
    /// The fullest name the document gives.
    pub name: String,
    pub kind: EntityKind,
    /// The role the document gives the actor ("threat intelligence director at Flashpoint").
    pub role: Option<String>,
    pub aliases: Vec<Alias>,
}

/// A place where an entity is named, in chars into the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index into [`Recognized::entities`].
    pub entity: usize,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub role: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recognized {
    pub entities: Vec<DocEntity>,
    pub mentions: Vec<Mention>,
}

impl Recognized {
    /// Every entity by the folded key of its name and of each alias, for resolving many
    /// speakers' names without folding every alias each time.
    pub fn by_key(&self) -> std::collections::HashMap<String, usize> {
        let mut keys = std::collections::HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            keys.entry(names::fold_key(&e.name)).or_insert(i);
            for alias in &e.aliases {
                keys.entry(names::fold_key(&alias.surface)).or_insert(i);
            }
        }
        keys
    }

    /// The entity a name (as a quote's speaker gives it) belongs to.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        Self::lookup(&self.by_key(), name)
    }

    /// `entity_named` over a prepared [`Recognized::by_key`] map.
    pub fn lookup(keys: &std::collections::HashMap<String, usize>, name: &str) -> Option<usize> {
        let cleaned = clean_speaker_name(name)?;
        keys.get(&names::fold_key(&cleaned)).copied().or_else(|| {
            let canonical = names::known_organisation(&cleaned)?;
            keys.get(&names::fold_key(canonical)).copied()
        })
    }
}
