//! What a person's merge, split and undo of entities decide, apart from the rows they change
//! (`store::entities` holds the SQL), so the rules (which merges are refused, which aliases an
//! undo removes or gives back, which mentions follow a split alias) are tested without a
//! database (issue 18, move 3).
//!
//! A merge records, for every alias it moves, whether the surviving entity lacked it and, if
//! not, that entity's own alias of the spelling as it was; an undo uses exactly that record.
//! The record is stored as JSON in `entity_merges.aliases`; its field names are the ones every
//! earlier build wrote, so merges made by those builds can still be undone.

use serde::{Deserialize, Serialize};

use super::names::fold_key;
use super::EntityKind;
use crate::{Error, Result};

/// An alias as stored: its spelling, origin, confidence and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AliasRow {
    pub alias: String,
    #[serde(default = "user_origin")]
    pub origin: String,
    #[serde(default = "full_confidence")]
    pub confidence: f64,
    #[serde(default)]
    pub evidence: String,
}

fn user_origin() -> String {
    "user".to_string()
}

fn full_confidence() -> f64 {
    1.0
}

/// One alias a merge moved onto the surviving entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MovedAlias {
    #[serde(flatten)]
    pub row: AliasRow,
    /// True when the surviving entity did not have this spelling before.
    #[serde(default)]
    pub added: bool,
    /// The surviving entity's own alias of this spelling before the merge overwrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub into_alias: Option<AliasRow>,
}

/// An entity as a decision sees it.
#[derive(Debug, Clone, Copy)]
pub struct Party<'a> {
    pub id: i64,
    pub name: &'a str,
    pub kind: EntityKind,
}

/// Refuses a merge of an entity into itself or of two kinds of entity.
pub fn check_merge(into: Party<'_>, from: Party<'_>) -> Result<()> {
    if into.id == from.id {
        return Err(Error::invalid_input("cannot merge an entity into itself"));
    }
    if into.kind != from.kind {
        return Err(Error::conflict(format!(
            "{} is a {} and {} is a {}; only entities of one kind can be merged",
            into.name,
            into.kind.as_str(),
            from.name,
            from.kind.as_str()
        )));
    }
    Ok(())
}

/// What a merge moves: each of the merged entity's aliases, with what the surviving entity had
/// of that spelling (`own` looks it up by folded key).
pub fn moved_aliases(
    from: &[AliasRow],
    mut own: impl FnMut(&str) -> Result<Option<AliasRow>>,
) -> Result<Vec<MovedAlias>> {
    from.iter()
        .map(|row| {
            let had = own(&fold_key(&row.alias))?;
            Ok(MovedAlias {
                row: row.clone(),
                added: had.is_none(),
                into_alias: had,
            })
        })
        .collect()
}

/// The evidence a moved alias carries on the surviving entity.
pub fn merged_evidence(from_name: &str) -> String {
    format!("merged by a person from {from_name}")
}

/// What an undo does with one moved alias on the surviving entity.
#[derive(Debug, Clone, PartialEq)]
pub enum OnSurvivor {
    /// The merge added it: it goes (by folded key).
    Remove(String),
    /// The survivor had it before: it gets its own origin and evidence back.
    Restore(AliasRow),
    /// Nothing was recorded about it: it stays.
    Keep,
}

/// For each moved alias, what happens on the surviving entity and the alias the restored
/// entity gets back.
pub fn undo_aliases(moved: &[MovedAlias]) -> Vec<(OnSurvivor, AliasRow)> {
    moved
        .iter()
        .map(|m| {
            let on_survivor = if m.added {
                OnSurvivor::Remove(fold_key(&m.row.alias))
            } else if let Some(own) = &m.into_alias {
                OnSurvivor::Restore(own.clone())
            } else {
                OnSurvivor::Keep
            };
            (on_survivor, m.row.clone())
        })
        .collect()
}

/// Checks a split of `alias` off `entity` and returns the alias's folded key: the alias must be
/// the entity's, and not its own name.
pub fn check_split(entity_name: &str, alias: &str, has_alias: bool) -> Result<String> {
    let key = fold_key(alias);
    if !has_alias {
        return Err(Error::not_found(format!(
            "{entity_name} has no alias '{alias}'"
        )));
    }
    if fold_key(entity_name) == key {
        return Err(Error::invalid_input(format!(
            "'{alias}' is {entity_name}'s own name; rename the entity first or split off \
             another alias"
        )));
    }
    Ok(key)
}

/// Whether a mention written `surface` follows an alias (folded `key`) split off.
pub fn follows_split(key: &str, surface: &str) -> bool {
    fold_key(surface) == key
}

/// The evidence of the alias a split entity starts with.
pub fn split_evidence(from_name: &str) -> String {
    format!("split by a person from {from_name}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(alias: &str, origin: &str) -> AliasRow {
        AliasRow {
            alias: alias.to_string(),
            origin: origin.to_string(),
            confidence: 0.9,
            evidence: "seen".to_string(),
        }
    }

    #[test]
    fn merges_of_an_entity_into_itself_or_across_kinds_are_refused() {
        let quist = Party {
            id: 1,
            name: "Halvard Quist",
            kind: EntityKind::Person,
        };
        let port = Party {
            id: 2,
            name: "Port Authority",
            kind: EntityKind::Organization,
        };
        assert!(check_merge(quist, quist).is_err());
        let err = check_merge(quist, port).unwrap_err();
        assert!(
            err.to_string().contains("only entities of one kind"),
            "{err}"
        );
        assert!(check_merge(quist, Party { id: 3, ..quist }).is_ok());
    }

    #[test]
    fn an_undo_removes_what_the_merge_added_and_restores_what_it_overwrote() {
        let from = [row("H. Quist", "extracted"), row("Quist", "variant")];
        let moved = moved_aliases(&from, |key| {
            Ok((key == "quist").then(|| row("Quist", "extracted")))
        })
        .unwrap();
        assert!(moved[0].added && moved[0].into_alias.is_none());
        assert!(!moved[1].added);
        let undo = undo_aliases(&moved);
        assert_eq!(undo[0].0, OnSurvivor::Remove("h quist".to_string()));
        assert_eq!(undo[1].0, OnSurvivor::Restore(row("Quist", "extracted")));
        assert_eq!(undo[1].1, row("Quist", "variant"));
    }

    #[test]
    fn merge_records_written_by_earlier_builds_still_read() {
        let old = r#"[{"alias":"Quist","origin":"extracted","confidence":0.9,
            "evidence":"seen","added":false,
            "into_alias":{"alias":"Quist","origin":"user","confidence":1.0,"evidence":"mine"}},
            {"alias":"Q."}]"#;
        let moved: Vec<MovedAlias> = serde_json::from_str(old).unwrap();
        assert_eq!(moved[0].into_alias.as_ref().unwrap().origin, "user");
        assert_eq!(moved[1].row.origin, "user");
        assert_eq!(moved[1].row.confidence, 1.0);
        assert!(!moved[1].added);
        let again: Vec<MovedAlias> =
            serde_json::from_str(&serde_json::to_string(&moved).unwrap()).unwrap();
        assert_eq!(again, moved);
    }

    #[test]
    fn a_split_needs_an_alias_that_is_not_the_entitys_own_name() {
        assert!(check_split("Halvard Quist", "Quist", false).is_err());
        assert!(check_split("Halvard Quist", "halvard  quist", true).is_err());
        assert_eq!(
            check_split("Halvard Quist", "Mr. Quist", true).unwrap(),
            "quist"
        );
        assert!(follows_split("quist", "Quist's"));
        assert!(!follows_split("quist", "Halvard Quist"));
    }
}
