//! Near-duplicate sources and word differences (issue 21) as the CLI prints them and the app
//! receives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a piece of a word diff is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub enum DiffOp {
    Same,
    Added,
    Removed,
}

/// One run of words kept, added or removed, with the spacing and punctuation after them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct DiffPart {
    pub op: DiffOp,
    pub text: String,
}

/// A document's place in its group of near-duplicates, as `docs --json` gives it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CopyOf {
    /// The group's id (the smallest document id in it; stable while the group lasts).
    #[ts(type = "number")]
    pub group: i64,
    /// The group's earliest document: by publication date, then by import order.
    #[ts(type = "number")]
    pub earliest: i64,
    /// The estimated share of word shingles this document has in common with the earliest
    /// (Jaccard, 0 to 1; 1 for the earliest itself).
    pub similarity: f64,
    /// How many documents the group has, this one included.
    pub size: usize,
}

/// One document of a group of near-duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CopyMember {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    /// Its estimated similarity to the earliest document (1 for the earliest).
    pub similarity: f64,
    pub earliest: bool,
}

/// A document's group of near-duplicates, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CopyGroup {
    #[ts(type = "number")]
    pub document: i64,
    /// None when the document has no copy (then `members` is the document alone).
    #[ts(type = "number | null")]
    pub group: Option<i64>,
    #[ts(type = "number")]
    pub earliest: i64,
    pub members: Vec<CopyMember>,
}

/// What the copy-grouping pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct CopiesReport {
    /// Documents given a signature in this pass.
    pub documents: usize,
    /// Of those, how many joined a group.
    pub grouped: usize,
}
