//! Quotes and entities: listing, review, and entity merge, split and rename, with who made
//! each review decision and merge in a team case.

use rusqlite::Connection;

use crate::analysis;
use crate::entities::names::fold_key;
use crate::entities::{DocEntity, EntityKind};
use crate::model::ENTITY_DETAIL_ROWS;
use crate::model::{
    EntityDetail, EntityFilter, EntityPage, EntitySummary, ExtractionReport, MergeRecord,
    QuoteEdit, QuoteFilter, QuoteRecord, ReviewDecision, ReviewStatus,
};
use crate::store::{self, documents, entities, entity_lists, quotes};
use serde_json::json;

use super::audit::{ids_detail, target_of};
use crate::{Case, Error, Result};

impl Case {
    /// Quotes matching `filter`, by publication date then reading order.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRecord>> {
        quotes::list(&self.conn, filter)
    }

    /// How many quotes match `filter`, ignoring its page.
    pub fn quote_count(&self, filter: &QuoteFilter) -> Result<usize> {
        quotes::count(&self.conn, filter)
    }

    pub fn quote(&self, id: i64) -> Result<QuoteRecord> {
        quotes::get(&self.conn, id)
    }

    /// Confirms or rejects a quote (or puts it back to `auto`). Re-extraction keeps it as is.
    pub fn review_quote(&self, id: i64, status: ReviewStatus) -> Result<QuoteRecord> {
        if status == ReviewStatus::Edited {
            return Err(Error::invalid_input(
                "a quote becomes 'edited' by editing it, not by setting its status",
            ));
        }
        self.change(|tx| {
            quotes::set_status(tx, id, status)?;
            self.log(
                tx,
                "quote.review",
                &format!("quote:{id}"),
                json!({ "status": status.as_str() }),
            )
        })?;
        self.quote(id)
    }

    /// Corrects a quote's speaker, role or span; it becomes `edited`.
    pub fn edit_quote(&self, id: i64, edit: &QuoteEdit) -> Result<QuoteRecord> {
        let quote = self.quote(id)?;
        let span = match (edit.start, edit.end) {
            (None, None) => None,
            (Some(start), Some(end)) => {
                let text = documents::get(&self.conn, quote.doc_id)?.text;
                let length = text.chars().count();
                if start >= end || end > length {
                    return Err(Error::invalid_input(format!(
                        "the span {start}-{end} is not inside document {} ({length} \
                         characters)",
                        quote.doc_id
                    )));
                }
                let words: String = text.chars().skip(start).take(end - start).collect();
                Some((start, end, words))
            }
            _ => {
                return Err(Error::invalid_input(
                    "a new span needs both its start and its end",
                ))
            }
        };
        // A speaker named for the first time becomes a new person in the same transaction as
        // the edit, so a failed edit leaves no stray entity behind.
        self.change(|tx| {
            let speaker = match edit.speaker.as_deref().map(str::trim) {
                None => None,
                Some("") => Some((None, None)),
                Some(name) => Some((
                    Some(entity_for_speaker(tx, name, quote.doc_id)?),
                    Some(name),
                )),
            };
            quotes::edit(
                tx,
                id,
                speaker.map(|(id, _)| id),
                speaker.and_then(|(_, name)| name),
                edit.role.as_deref(),
                span.clone(),
            )?;
            self.log(
                tx,
                "quote.edit",
                &format!("quote:{id}"),
                json!({
                    "speaker": edit.speaker,
                    "role": edit.role,
                    "span": span.map(|(start, end, _)| [start, end]),
                }),
            )
        })?;
        self.quote(id)
    }

    /// People and organisations with quotes or mentions, most quoted first.
    pub fn entities(&self) -> Result<Vec<EntitySummary>> {
        entity_lists::list(&self.conn)
    }

    /// A page of the entities `filter` selects, most quoted first, and how many it selects.
    pub fn entity_page(&self, filter: &EntityFilter) -> Result<EntityPage> {
        entity_lists::page(&self.conn, filter)
    }

    /// An entity with its aliases (and the evidence for each), and its first roles over time,
    /// quotes and mentions, at most `ENTITY_DETAIL_ROWS` of each; the summary's counts say how
    /// many there are in all.
    pub fn entity(&self, id: i64) -> Result<EntityDetail> {
        let entity = entity_lists::summary(&self.conn, id)?;
        // Each list is read one row past what is shown, which says whether there are more.
        let (quotes, more_quotes) =
            first_rows(quotes::by_speaker(&self.conn, id, ENTITY_DETAIL_ROWS + 1)?);
        let (mentions, more_mentions) =
            first_rows(entities::mentions(&self.conn, id, ENTITY_DETAIL_ROWS + 1)?);
        let (roles, more_roles) =
            first_rows(entities::roles(&self.conn, id, ENTITY_DETAIL_ROWS + 1)?);
        Ok(EntityDetail {
            aliases: entities::aliases(&self.conn, id)?,
            roles,
            more_roles,
            mentions,
            more_mentions,
            quotes,
            more_quotes,
            entity,
        })
    }

    /// The entity whose name or alias is `name`.
    pub fn entity_named(&self, name: &str) -> Result<EntityDetail> {
        if let Some(id) = entities::find_by_name(&self.conn, name)? {
            return self.entity(id);
        }
        let same = entities::people_with_surname(&self.conn, name)?;
        if same.len() > 1 {
            let names: Vec<&str> = same.iter().map(|(_, n)| n.as_str()).collect();
            return Err(Error::invalid_input(format!(
                "'{name}' is the surname of {} people: {}; give the full name",
                same.len(),
                names.join(", ")
            )));
        }
        Err(Error::not_found(format!(
            "no person or organisation named '{name}'"
        )))
    }

    pub fn rename_entity(&self, id: i64, name: &str) -> Result<EntitySummary> {
        self.change(|tx| {
            entities::rename(tx, id, name)?;
            self.log(
                tx,
                "entity.rename",
                &format!("entity:{id}"),
                json!({ "name": name }),
            )
        })?;
        entity_lists::summary(&self.conn, id)
    }

    /// Merges `from` into `into`. Returns the merge's id, which `unmerge_entities` takes to
    /// undo it.
    pub fn merge_entities(&self, into: i64, from: i64) -> Result<i64> {
        self.change(|tx| {
            let merge = entities::merge(tx, into, from)?;
            self.log(
                tx,
                "entity.merge",
                &format!("entity:{into}"),
                json!({ "from": from, "merge": merge }),
            )?;
            Ok(merge)
        })
    }

    /// The merges that folded other entities into `id` and still stand, with who made each
    /// (a team member's role; none in a single-user case), newest first.
    pub fn entity_merges(&self, id: i64) -> Result<Vec<MergeRecord>> {
        entity_lists::summary(&self.conn, id)?;
        store::authorship::entity_merges(&self.conn, id)
    }

    /// A quote's review decisions with the member who made each, newest first: empty in a
    /// single-user case, where nobody but the user decides.
    pub fn quote_reviews(&self, id: i64) -> Result<Vec<ReviewDecision>> {
        quotes::get(&self.conn, id)?;
        store::authorship::quote_reviews(&self.conn, id)
    }

    /// Undoes a merge; returns the id of the entity that comes back.
    pub fn unmerge_entities(&self, merge_id: i64) -> Result<i64> {
        self.change(|tx| {
            let id = entities::unmerge(tx, merge_id)?;
            self.log(
                tx,
                "entity.unmerge",
                &format!("entity:{id}"),
                json!({ "merge": merge_id }),
            )?;
            Ok(id)
        })
    }

    /// Splits `alias` off entity `id` into a new entity; returns the new entity's id.
    pub fn split_entity(&self, id: i64, alias: &str) -> Result<i64> {
        if fold_key(alias).is_empty() {
            return Err(Error::invalid_input("name the alias to split off"));
        }
        self.change(|tx| {
            let new_id = entities::split(tx, id, alias)?;
            self.log(
                tx,
                "entity.split",
                &format!("entity:{id}"),
                json!({ "alias": alias, "new_entity": new_id }),
            )?;
            Ok(new_id)
        })
    }

    /// Runs the extractors again over one document or all of them. Reviewed quotes and
    /// events stay as a person left them; only unreviewed proposals are replaced.
    pub fn reextract(&self, doc_id: Option<i64>) -> Result<ExtractionReport> {
        let ids: Vec<i64> = match doc_id {
            Some(id) => vec![self.document(id)?.summary.id],
            None => self.documents()?.into_iter().map(|d| d.id).collect(),
        };
        self.reextract_documents(&ids)
    }

    /// Runs the extractors again over the documents `ids` (a bulk action's selection), as
    /// `reextract` does: in one transaction, keeping every reviewed quote and event.
    pub fn reextract_documents(&self, ids: &[i64]) -> Result<ExtractionReport> {
        let ids = ids.to_vec();
        self.change(|tx| {
            self.log(
                tx,
                "extraction.rerun",
                &target_of("document", &ids),
                ids_detail(&ids),
            )?;
            // Every document's unreviewed proposals go first and the entities left pointing
            // at nothing with them, so resolution sees the case as a person left it rather
            // than the entities an older build proposed.
            let mut reviewed = Vec::with_capacity(ids.len());
            for &id in &ids {
                reviewed.push(analysis::clear(tx, id)?);
            }
            entities::prune_unreferenced(tx)?;
            let mut total = ExtractionReport::default();
            let mut cache = entities::ResolveCache::default();
            for (id, reviewed) in ids.into_iter().zip(reviewed) {
                let doc = documents::get(tx, id)?;
                let span = documents::published_span(tx, id)?;
                crate::store::search_journal::touch(tx, &format!("document:{id}"))?;
                let facts = analysis::DocumentFacts {
                    id,
                    title: &doc.summary.title,
                    text: &doc.text,
                    published: doc.summary.published.as_deref(),
                    published_precision: doc.published_precision.map(|p| p.as_str()),
                    published_span: span,
                    fresh: false,
                };
                let extraction = analysis::extract(&doc.text, facts.published);
                let legal = crate::store::pages::legal(tx, id)?;
                let extraction = analysis::with_legal(extraction, &doc.text, legal.as_ref());
                let plan = analysis::plan(&facts, &extraction, &reviewed);
                let report = analysis::write(tx, &plan, &mut cache)?;
                crate::store::extraction::mark(tx, id, crate::stage::EXTRACTOR_VERSION)?;
                total.documents += 1;
                total.quotes += report.quotes;
                total.mentions += report.mentions;
                total.events += report.events;
                total.kept_reviewed += report.kept_reviewed;
                total.problems.extend(report.problems);
            }
            Ok(total)
        })
    }
}

/// The entity a person named as a speaker: an existing one by name or alias, else a new
/// person.
fn entity_for_speaker(conn: &Connection, name: &str, doc_id: i64) -> Result<i64> {
    if let Some(id) = entities::find_by_name(conn, name)? {
        return Ok(id);
    }
    entities::resolve(
        conn,
        &DocEntity {
            name: name.to_string(),
            kind: EntityKind::Person,
            role: None,
            aliases: Vec::new(),
        },
        doc_id,
        &mut entities::ResolveCache::default(),
    )
}

/// The first `ENTITY_DETAIL_ROWS` of `rows`, and whether `rows` held more.
fn first_rows<T>(mut rows: Vec<T>) -> (Vec<T>, bool) {
    let more = rows.len() > ENTITY_DETAIL_ROWS;
    rows.truncate(ENTITY_DETAIL_ROWS);
    (rows, more)
}
