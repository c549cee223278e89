//! People and organisations named in a text: a pure recognizer (`&str` and the text's quotes
//! in, entities and mention spans out) and the name keys that canonicalise them across a case.
//!
//! Within one document the recognizer groups every way an actor is written (full name, bare
//! surname, possessive, a misspelt surname, an organisation's acronym or alias) under one
//! entity, each alias with a confidence and the evidence for it. Across documents, the store
//! matches entities by these folded keys (see `store::entities`).

mod lexicon;
pub mod names;
mod recognize;

#[cfg(test)]
mod tests;

pub use recognize::recognize;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
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
    /// The entity a name (as a quote's speaker gives it) belongs to.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        let key = names::fold_key(name);
        let canonical = names::known_organisation(name).map(names::fold_key);
        self.entities.iter().position(|e| {
            names::fold_key(&e.name) == key
                || canonical.as_deref() == Some(names::fold_key(&e.name).as_str())
                || e.aliases.iter().any(|a| names::fold_key(&a.surface) == key)
        })
    }
}
