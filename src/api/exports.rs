//! Exports: the Markdown brief (with its audit log, and people's connections in the network,
//! when asked), quotes and the timeline as CSV, notes as Markdown files, and the originals of
//! a selection as a ZIP. These methods gather what an export shows from the case and hand it
//! to `crate::export`, which renders and writes it without reading the case.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::cite::{self, Lookup, Resolver};
use crate::export::brief::{self, BriefEntity, BriefInput, BriefNote, BriefTimeline};
use crate::export::connections::{self, BriefConnections, BriefLink};
use crate::export::file::{self, Existing};
use crate::export::originals::{self, OriginalEntry};
use crate::export::tables;
use crate::model::{
    Brief, BriefOptions, BulkProgress, DocumentSelection, EntityDetail, QuoteFilter, SourceFormat,
    TimelineQuery,
};
use crate::store::{self, notes as note_store};
use crate::{Case, Error, Result};

use super::audit::{ids_detail, target_of};

/// The file extension an original of `format` gets when its own name is unknown.
fn extension_of(format: SourceFormat) -> &'static str {
    match format {
        SourceFormat::NewsRecord | SourceFormat::Text => "txt",
        SourceFormat::Markdown => "md",
        SourceFormat::Html => "html",
        SourceFormat::Email => "eml",
        SourceFormat::Pdf => "pdf",
        // A scanned picture may be PNG, JPEG or TIFF, which the format does not say; a
        // neutral extension is better than a wrong one.
        SourceFormat::Image => "img",
    }
}

/// Where `--with-log` writes a brief's audit log: beside it, `brief.md` → `brief.audit.json`.
pub fn audit_log_path(brief: &Path) -> PathBuf {
    brief.with_extension("audit.json")
}

impl Case {
    /// The brief for `options`, for a preview; the same case and options give the same bytes.
    /// Each note is checked once, and the footnotes resolve with the check's resolver, so
    /// nothing the notes cite is read twice.
    pub fn brief(&self, options: &BriefOptions) -> Result<Brief> {
        let rows = if options.notes.is_empty() {
            self.conn.notes()?
        } else {
            options
                .notes
                .iter()
                .map(|&id| note_store::get(&self.conn, id))
                .collect::<Result<Vec<_>>>()?
        };
        let titles = self.conn.note_ids_by_title()?;
        let mut resolver = Resolver::new(&self.conn);
        let mut notes = Vec::with_capacity(rows.len());
        for row in rows {
            let id = row.summary.id;
            let checked = cite::check_note(&mut resolver, &titles, Some(id), &row.text)?;
            notes.push(BriefNote {
                id,
                title: row.summary.title,
                text: row.text,
                syntax: checked.syntax,
                problems: checked.problems,
            });
        }
        let timeline = if options.timeline.is_some() || options.entity.is_some() {
            let (from, to) = match options.timeline.as_deref() {
                Some(range) => brief::parse_range(range)?,
                None => (None, None),
            };
            let events = self.timeline(&TimelineQuery {
                from: from.clone(),
                to: to.clone(),
                entity: options.entity.clone(),
                ..TimelineQuery::default()
            })?;
            Some(BriefTimeline {
                from,
                to,
                entity: options.entity.clone(),
                events,
            })
        } else {
            None
        };
        let entity = match &options.entity {
            Some(name) => {
                let detail = self.entity_named(name)?;
                let quotes = self.quotes(&QuoteFilter {
                    speaker: Some(detail.entity.name.clone()),
                    ..QuoteFilter::default()
                })?;
                Some(BriefEntity { detail, quotes })
            }
            None => None,
        };
        let connections = options
            .connections
            .iter()
            .map(|who| self.connections_for_brief(who))
            .collect::<Result<Vec<_>>>()?;
        let input = BriefInput {
            title: options.title.clone(),
            stem: self
                .path()
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "case".to_string()),
            notes,
            timeline,
            entity,
            connections,
        };
        // A cited quote's lineage (issue 21) is read from the case file directly: the resolver
        // holds the same connection shared, and lineages are never cached, so each is current.
        let conn = &self.conn;
        Ok(brief::brief(
            &input,
            &mut |target| resolver.resolve(target),
            &mut |id| crate::cite::Lookup::quote_lineage(conn, id),
        ))
    }

    /// The entity a brief's option names: an entity's id when it is one, else its name.
    fn entity_by_id_or_name(&self, who: &str) -> Result<EntityDetail> {
        let who = who.trim();
        if who.is_empty() {
            return Err(Error::invalid_input("an empty entity name"));
        }
        match who.parse::<i64>() {
            Ok(id) => self.entity(id),
            Err(_) => self.entity_named(who),
        }
    }

    /// A "Connections of NAME" section: the entity's strongest links with their sources.
    fn connections_for_brief(&self, who: &str) -> Result<BriefConnections> {
        let detail = self.entity_by_id_or_name(who)?;
        let id = detail.entity.id;
        let (strongest, total) =
            self.strongest_links(id, connections::LINKS_LISTED, connections::SOURCES_PER_LINK)?;
        let summaries: HashMap<i64, _> = self
            .entities()?
            .into_iter()
            .map(|e| (e.id, (e.name, e.kind)))
            .collect();
        let links = strongest
            .into_iter()
            .filter_map(|(edge, evidence)| {
                let other = if edge.source == id {
                    edge.target
                } else {
                    edge.source
                };
                let (name, kind) = summaries.get(&other)?.clone();
                Some(BriefLink {
                    other: name,
                    other_kind: kind,
                    edge,
                    evidence,
                })
            })
            .collect();
        Ok(BriefConnections {
            name: detail.entity.name,
            kind: detail.entity.kind,
            total,
            links,
        })
    }

    /// Writes the brief to `path` (through a temporary file, so never half a brief), unless
    /// its notes have claim-check problems and `options.allow_problems` is not set: then
    /// nothing is written and the returned brief has `saved: false` and the problems, for the
    /// caller to show and ask about.
    pub fn export_brief(
        &self,
        options: &BriefOptions,
        path: &Path,
        existing: Existing,
    ) -> Result<Brief> {
        let mut brief = self.brief(options)?;
        if !brief.problems.is_empty() && !options.allow_problems {
            return Ok(brief);
        }
        file::write_file(path, brief.markdown.as_bytes(), existing)?;
        brief.saved = true;
        // The export is recorded before the log is written, so the log that goes with the
        // brief includes the brief.
        self.log_alone(
            "export.brief",
            "case",
            serde_json::json!({
                "notes": options.notes,
                // How many, not whom: the log keeps no words taken from the sources.
                "connections": options.connections.len(),
                "with_log": options.with_log,
            }),
        )?;
        if options.with_log {
            self.export_audit_log(&audit_log_path(path), existing)?;
        }
        Ok(brief)
    }

    /// Writes the whole audit log to `path` as JSON: every entry, oldest first, and the
    /// chain check, so a reader can re-hash the entries and compare.
    pub fn export_audit_log(&self, path: &Path, existing: Existing) -> Result<usize> {
        let mut entries = self.audit_log(&Default::default())?;
        entries.reverse();
        let check = self.check_audit_log()?;
        let json = serde_json::to_vec_pretty(&serde_json::json!({
            "check": check,
            "entries": entries,
        }))?;
        file::write_file(path, &json, existing)?;
        Ok(entries.len())
    }

    /// Writes the originals of the selected documents as a ZIP with `manifest.csv` (path in
    /// the archive, SHA-256, id, title, URL); returns how many. `progress` sees each document
    /// written; false from it stops and writes nothing.
    pub fn export_originals(
        &self,
        selection: &DocumentSelection,
        path: &Path,
        existing: Existing,
        progress: &mut dyn FnMut(&BulkProgress) -> bool,
    ) -> Result<usize> {
        let ids = self.selected_documents(selection)?;
        let mut entries = Vec::with_capacity(ids.len());
        for &id in &ids {
            let summary = self.document(id)?.summary;
            let file_name = store::documents::original_path(&self.conn, id)?.and_then(|p| {
                Path::new(&p)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
            });
            entries.push(OriginalEntry {
                id,
                title: summary.title,
                url: summary.url,
                sha256: summary.sha256,
                file_name,
                format_extension: extension_of(summary.format),
            });
        }
        let total = entries.len();
        let written = originals::write_zip(
            &entries,
            &mut |id| self.original(id),
            path,
            existing,
            &mut |done| progress(&BulkProgress { done, total }),
        )?;
        let mut detail = ids_detail(&ids);
        if let DocumentSelection::Query(query) = selection {
            detail["query"] = serde_json::json!(query);
        }
        self.log_alone("export.originals", &target_of("document", &ids), detail)?;
        Ok(written)
    }

    /// Writes the quotes matching `filter` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_quotes_csv(
        &self,
        filter: &QuoteFilter,
        path: Option<&Path>,
        existing: Existing,
    ) -> Result<usize> {
        let written = tables::quotes_csv(&self.quotes(filter)?, path, existing)?;
        self.log_file_export("export.quotes_csv", path, written)?;
        Ok(written)
    }

    /// Writes the events matching `query` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_timeline_csv(
        &self,
        query: &TimelineQuery,
        path: Option<&Path>,
        existing: Existing,
    ) -> Result<usize> {
        let written = tables::timeline_csv(&self.timeline(query)?, path, existing)?;
        self.log_file_export("export.timeline_csv", path, written)?;
        Ok(written)
    }

    /// Writes every note into `dir` as a Markdown file, citations as written.
    pub fn export_notes(&self, dir: &Path, existing: Existing) -> Result<Vec<PathBuf>> {
        let notes = self.conn.notes()?;
        let files = tables::notes_markdown(
            notes
                .iter()
                .map(|n| (n.summary.id, n.summary.title.as_str(), n.text.as_str())),
            dir,
            existing,
        )?;
        self.log_file_export("export.notes", Some(dir), files.len())?;
        Ok(files)
    }

    /// Records an export written to a file (not one printed on standard output, which leaves
    /// nothing behind to account for) with how many rows it holds.
    fn log_file_export(&self, action: &str, path: Option<&Path>, rows: usize) -> Result<()> {
        if path.is_none() {
            return Ok(());
        }
        self.log_alone(action, "case", serde_json::json!({ "rows": rows }))
    }
}
