//! Quotes and entities as the CLI prints them and the app receives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ReviewStatus;
use crate::entities::EntityKind;

/// A stored quote with its speaker and its place in the source.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct QuoteRecord {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub doc_id: i64,
    /// Chars into the document's text; `text` is exactly that span.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// direct, mixed, indirect or scare.
    pub kind: String,
    /// The pieces of a quote interrupted by its attribution, as `[start, end]` pairs.
    pub spans: Vec<[usize; 2]>,
    pub speaker: Option<String>,
    #[ts(type = "number | null")]
    pub speaker_id: Option<i64>,
    pub role: Option<String>,
    pub cue: Option<String>,
    pub addressee: Option<String>,
    /// The mention that introduces the quote (it may be a pronoun such as "he").
    pub speaker_start: Option<usize>,
    pub speaker_end: Option<usize>,
    pub status: ReviewStatus,
    pub doc_title: String,
    /// The document's publication date (ISO 8601 at its precision), for ordering by time.
    pub published: Option<String>,
}

/// Which quotes to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct QuoteFilter {
    /// A speaker's name or alias (case and accents ignored).
    pub speaker: Option<String>,
    #[ts(type = "number | null")]
    pub doc_id: Option<i64>,
    pub status: Option<ReviewStatus>,
    /// Scare quotes are not speech; they are listed only when asked for by kind.
    pub kind: Option<String>,
    /// Publication dates (YYYY, YYYY-MM or YYYY-MM-DD), both ends included: a source dated
    /// within `to`'s year, month or day is in.
    pub from: Option<String>,
    pub to: Option<String>,
    /// A page of the list, so that a case with 100k quotes is read as the window scrolls.
    pub offset: Option<usize>,
    pub limit: Option<usize>,
}

/// A person's correction of a quote. Unset fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct QuoteEdit {
    /// The speaker's name: an existing entity's name or alias, or a new person.
    pub speaker: Option<String>,
    pub role: Option<String>,
    /// A corrected span, chars into the document's text.
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// An entity in a list.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EntitySummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub quote_count: usize,
    pub mention_count: usize,
    /// "auto", or "confirmed" once a person renamed, merged or split it.
    pub status: String,
}

/// Which people and organisations to list, a page at a time: a 23k-article case has some
/// 40,000 of them, too many to send to the window at once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EntityFilter {
    /// Part of a name or alias; case, accents and punctuation are ignored.
    pub find: Option<String>,
    pub kind: Option<EntityKind>,
    /// Only entities that are quoted (the speakers).
    pub quoted: bool,
    pub offset: Option<usize>,
    pub limit: Option<usize>,
}

/// A page of entities, most quoted first, with how many match in all.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EntityPage {
    pub total: usize,
    pub entities: Vec<EntitySummary>,
}

/// One way an entity is written, with why it was taken to be this entity.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct AliasRecord {
    pub alias: String,
    /// extracted, variant (matched by similarity) or user.
    pub origin: String,
    pub confidence: f32,
    pub evidence: String,
}

/// A role a source gives an entity, dated by the source's publication.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct RoleRecord {
    pub role: String,
    #[ts(type = "number")]
    pub doc_id: i64,
    pub doc_title: String,
    pub published: Option<String>,
}

/// A place where an entity is named.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct MentionRecord {
    #[ts(type = "number")]
    pub doc_id: i64,
    pub start: usize,
    pub end: usize,
    pub surface: String,
    pub role: Option<String>,
}

/// The quotes, mentions and roles an entity's detail lists at most. A person in the news is
/// mentioned hundreds of thousands of times in a million articles: listing them all took the
/// People view 1–4 s per selection at 1M and held the case meanwhile (issue 23).
pub const ENTITY_DETAIL_ROWS: usize = 200;

/// Everything the case knows about one entity.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct EntityDetail {
    pub entity: EntitySummary,
    pub aliases: Vec<AliasRecord>,
    /// The first `ENTITY_DETAIL_ROWS` at most, oldest source first.
    pub roles: Vec<RoleRecord>,
    /// Whether sources give the entity roles beyond those listed.
    pub more_roles: bool,
    /// The first `ENTITY_DETAIL_ROWS` at most, earliest first (scare quotes left out, as in
    /// the Quotes view).
    pub quotes: Vec<QuoteRecord>,
    /// Whether the entity has quotes beyond those listed.
    pub more_quotes: bool,
    /// The first `ENTITY_DETAIL_ROWS` at most, by document and position.
    pub mentions: Vec<MentionRecord>,
    /// Whether the entity has mentions beyond those listed (`entity.mention_count` says how
    /// many it has in all).
    pub more_mentions: bool,
}

/// What re-running extraction changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ExtractionReport {
    pub documents: usize,
    pub quotes: usize,
    pub mentions: usize,
    pub events: usize,
    /// Reviewed quotes and events that were kept as a person left them.
    pub kept_reviewed: usize,
    /// Extractors that failed on a document, which was kept without their proposals.
    pub problems: Vec<String>,
}
