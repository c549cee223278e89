//! Tags and marks on documents and bulk actions over a selection (issue 22): tag, untag,
//! star, unstar, mark or unmark reviewed, by ids or over every document a query finds.
//!
//! A bulk action is one change: one transaction, one audit entry, one record of the documents
//! it changed (`store::doc_tags`), so `undo_bulk` reverses exactly it, as one step, and leaves
//! alone the documents that were already as it made them. Progress is reported as it writes,
//! and a cancel rolls the whole action back.

use serde_json::json;

use super::audit::{ids_detail, target_of};
use crate::model::{
    BulkAction, BulkProgress, BulkReport, DocumentMarks, DocumentSelection, DocumentTagCount,
};
use crate::store::doc_tags::{self, Mark};
use crate::store::event_tags;
use crate::{Case, Error, Result};

/// How often (in documents) a bulk action reports its progress.
const PROGRESS_EVERY: usize = 1000;

impl BulkAction {
    /// The action's name in the audit log and the bulk record, and its value (a tag).
    fn parts(&self) -> (&'static str, &str) {
        match self {
            BulkAction::Tag(tag) => ("tag", tag),
            BulkAction::Untag(tag) => ("untag", tag),
            BulkAction::Star => ("star", ""),
            BulkAction::Unstar => ("unstar", ""),
            BulkAction::MarkReviewed => ("mark_reviewed", ""),
            BulkAction::UnmarkReviewed => ("unmark_reviewed", ""),
        }
    }

    fn from_parts(action: &str, value: &str) -> Result<BulkAction> {
        Ok(match action {
            "tag" => BulkAction::Tag(value.to_string()),
            "untag" => BulkAction::Untag(value.to_string()),
            "star" => BulkAction::Star,
            "unstar" => BulkAction::Unstar,
            "mark_reviewed" => BulkAction::MarkReviewed,
            "unmark_reviewed" => BulkAction::UnmarkReviewed,
            other => return Err(Error::internal(format!("unknown bulk action '{other}'"))),
        })
    }

    /// What undoes this action on the documents it changed.
    fn inverse(&self) -> BulkAction {
        match self {
            BulkAction::Tag(tag) => BulkAction::Untag(tag.clone()),
            BulkAction::Untag(tag) => BulkAction::Tag(tag.clone()),
            BulkAction::Star => BulkAction::Unstar,
            BulkAction::Unstar => BulkAction::Star,
            BulkAction::MarkReviewed => BulkAction::UnmarkReviewed,
            BulkAction::UnmarkReviewed => BulkAction::MarkReviewed,
        }
    }

    /// The same action with its tag in normal form, or the reason it cannot be a tag.
    fn normalized(&self) -> Result<BulkAction> {
        Ok(match self {
            BulkAction::Tag(tag) => BulkAction::Tag(event_tags::normalize(tag)?),
            BulkAction::Untag(tag) => BulkAction::Untag(event_tags::normalize(tag)?),
            other => other.clone(),
        })
    }
}

/// Applies `action` to documents `ids` in the caller's transaction; returns those it changed.
fn apply(
    tx: &rusqlite::Connection,
    action: &BulkAction,
    ids: &[i64],
    step: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<i64>> {
    match action {
        BulkAction::Tag(tag) => doc_tags::add(tx, ids, tag, step),
        BulkAction::Untag(tag) => doc_tags::remove(tx, ids, tag, step),
        BulkAction::Star => doc_tags::set_mark(tx, ids, Mark::Starred, true, step),
        BulkAction::Unstar => doc_tags::set_mark(tx, ids, Mark::Starred, false, step),
        BulkAction::MarkReviewed => doc_tags::set_mark(tx, ids, Mark::Reviewed, true, step),
        BulkAction::UnmarkReviewed => doc_tags::set_mark(tx, ids, Mark::Reviewed, false, step),
    }
}

impl Case {
    /// The documents a selection stands for, in id order: the ids given (each must be a live
    /// document), or every document `query` finds.
    pub fn selected_documents(&self, selection: &DocumentSelection) -> Result<Vec<i64>> {
        match selection {
            DocumentSelection::Ids(ids) => {
                let mut ids = ids.clone();
                ids.sort_unstable();
                ids.dedup();
                let missing = doc_tags::missing(&self.conn, &ids)?;
                if let Some(first) = missing.first() {
                    return Err(Error::not_found(format!(
                        "no document {first} in this case{}",
                        if missing.len() > 1 {
                            format!(" (nor {} other ids given)", missing.len() - 1)
                        } else {
                            String::new()
                        }
                    )));
                }
                Ok(ids)
            }
            DocumentSelection::Query(query) => self.search_document_ids(query),
        }
    }

    /// Runs a bulk action over the selected documents as one undoable change. `progress` sees
    /// the documents written so far; returning false from it cancels the action, which then
    /// leaves the case as it was.
    pub fn bulk(
        &self,
        selection: &DocumentSelection,
        action: &BulkAction,
        progress: &mut dyn FnMut(&BulkProgress) -> bool,
    ) -> Result<BulkReport> {
        let action = action.normalized()?;
        let ids = self.selected_documents(selection)?;
        let total = ids.len();
        let (name, value) = action.parts();
        self.change(|tx| {
            let changed = apply(tx, &action, &ids, &mut |done| {
                done % PROGRESS_EVERY != 0 && done != total
                    || progress(&BulkProgress { done, total })
            })?;
            let bulk_id = doc_tags::record_bulk(tx, name, value, &changed)?;
            let mut detail = json!({
                "bulk": bulk_id,
                "selected": total,
                "changed": changed.len(),
            });
            if !value.is_empty() {
                detail["tag"] = json!(value);
            }
            match selection {
                DocumentSelection::Query(query) => detail["query"] = json!(query),
                DocumentSelection::Ids(_) => {
                    if let Some(ids) = ids_detail(&ids).get("ids") {
                        detail["ids"] = ids.clone();
                    }
                }
            }
            self.log(
                tx,
                &format!("document.{name}"),
                &target_of("document", &ids),
                detail,
            )?;
            Ok(BulkReport {
                bulk_id,
                selected: total,
                changed: changed.len(),
            })
        })
    }

    /// Undoes a bulk action exactly: only the documents it changed go back, in one change.
    pub fn undo_bulk(&self, bulk_id: i64) -> Result<BulkReport> {
        self.change(|tx| {
            let record = doc_tags::take_for_undo(tx, bulk_id)?;
            let inverse = BulkAction::from_parts(&record.action, &record.value)?.inverse();
            let changed = apply(tx, &inverse, &record.changed, &mut |_| true)?;
            self.log(
                tx,
                "document.undo",
                &target_of("document", &record.changed),
                json!({ "bulk": bulk_id, "action": record.action, "changed": changed.len() }),
            )?;
            Ok(BulkReport {
                bulk_id,
                selected: record.changed.len(),
                changed: changed.len(),
            })
        })
    }

    /// Adds and removes tags on one document, as one change (removals first).
    pub fn tag_document(
        &self,
        id: i64,
        add: &[String],
        remove: &[String],
    ) -> Result<DocumentMarks> {
        let add = event_tags::normalize_all(add)?;
        let remove = event_tags::normalize_all(remove)?;
        self.selected_documents(&DocumentSelection::Ids(vec![id]))?;
        self.change(|tx| {
            let mut removed = Vec::new();
            for tag in &remove {
                if !doc_tags::remove(tx, &[id], tag, &mut |_| true)?.is_empty() {
                    removed.push(tag);
                }
            }
            let mut added = Vec::new();
            for tag in &add {
                if !doc_tags::add(tx, &[id], tag, &mut |_| true)?.is_empty() {
                    added.push(tag);
                }
            }
            self.log(
                tx,
                "document.tag",
                &format!("document:{id}"),
                json!({ "added": added, "removed": removed }),
            )
        })?;
        self.document_marks(id)
    }

    /// A document's tags and marks.
    pub fn document_marks(&self, id: i64) -> Result<DocumentMarks> {
        doc_tags::of_document(&self.conn, id)
    }

    /// Every live document with a tag or a mark, by id.
    pub fn marked_documents(&self) -> Result<Vec<DocumentMarks>> {
        doc_tags::all_marked(&self.conn)
    }

    /// Every tag on live documents with how many carry it, by tag.
    pub fn document_tags(&self) -> Result<Vec<DocumentTagCount>> {
        doc_tags::counts(&self.conn)
    }
}
