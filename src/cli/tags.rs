//! `dossier tag`, `dossier mark`, `dossier undo` and `dossier log`: tags and marks on
//! documents by query or by ids (one undoable step each), and the audit trail.

use std::io::IsTerminal;

use clap::{Args, Subcommand};
use dossier::model::{AuditFilter, BulkAction, BulkReport, DocumentSelection};
use dossier::{Case, Error, Result};
use indicatif::{ProgressBar, ProgressStyle};

use super::attribution::print_json;

/// Which documents: every document a query finds, or listed ids.
#[derive(Args, Debug)]
#[group(required = true, multiple = false)]
pub struct Selection {
    /// Every document this query finds (docs/search.md), all of them, not one page.
    #[arg(long, value_name = "QUERY")]
    pub query: Option<String>,
    /// These documents (repeatable).
    #[arg(long = "doc", value_name = "ID", num_args = 1..)]
    pub docs: Vec<i64>,
}

impl Selection {
    pub fn selection(self) -> DocumentSelection {
        match self.query {
            Some(query) => DocumentSelection::Query(query),
            None => DocumentSelection::Ids(self.docs),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum TagCommand {
    /// Tag documents: `dossier tag add arrest --query 'kelihos'`, or `--doc 3 --doc 7`.
    Add {
        tag: String,
        #[command(flatten)]
        selection: Selection,
    },
    /// Take a tag off documents.
    Remove {
        tag: String,
        #[command(flatten)]
        selection: Selection,
    },
    /// Every tag on documents with how many carry it.
    List,
}

/// The marks `dossier mark` sets.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum MarkName {
    Starred,
    Reviewed,
}

/// `dossier mark starred|reviewed [--off] --query Q | --doc ID…`.
#[derive(Args, Debug)]
pub struct MarkArgs {
    pub mark: MarkName,
    /// Clear the mark instead of setting it.
    #[arg(long)]
    pub off: bool,
    #[command(flatten)]
    pub selection: Selection,
}

/// `dossier log [--since …] [--limit N] [--action PREFIX]`.
#[derive(Args, Debug)]
pub struct LogArgs {
    /// Only entries at or after this date (2026-12-01) or time (2026-12-01T09:30:00Z).
    #[arg(long)]
    pub since: Option<String>,
    /// At most this many entries, newest first.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Only actions starting with this (`document.` for every change to documents).
    #[arg(long)]
    pub action: Option<String>,
    /// Check the log's hash chain too (as `verify` does), and exit 1 if it is broken.
    #[arg(long)]
    pub check: bool,
}

/// Runs a bulk action with a progress bar on a terminal.
fn bulk(case: &Case, selection: DocumentSelection, action: BulkAction) -> Result<BulkReport> {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("{bar:40.cyan/blue} {pos}/{len} documents")
            .expect("valid progress template"),
    );
    let report = case.bulk(&selection, &action, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        true
    });
    bar.finish_and_clear();
    report
}

fn print_bulk(json: bool, what: &str, report: &BulkReport) -> Result<()> {
    if json {
        return print_json(report);
    }
    println!(
        "{what}: {} of {} documents changed (the others already were); undo with `dossier undo {}`",
        report.changed, report.selected, report.bulk_id
    );
    Ok(())
}

pub fn tag(case: &Case, command: TagCommand, json: bool) -> Result<()> {
    match command {
        TagCommand::Add { tag, selection } => {
            let report = bulk(case, selection.selection(), BulkAction::Tag(tag.clone()))?;
            print_bulk(json, &format!("tagged '{}'", tag.trim()), &report)
        }
        TagCommand::Remove { tag, selection } => {
            let report = bulk(case, selection.selection(), BulkAction::Untag(tag.clone()))?;
            print_bulk(json, &format!("untagged '{}'", tag.trim()), &report)
        }
        TagCommand::List => {
            let tags = case.document_tags()?;
            if json {
                return print_json(&tags);
            }
            for t in tags {
                println!("{:>7}  {}", t.count, t.tag);
            }
            Ok(())
        }
    }
}

pub fn mark(case: &Case, args: MarkArgs, json: bool) -> Result<()> {
    let (action, what) = match (args.mark, args.off) {
        (MarkName::Starred, false) => (BulkAction::Star, "starred"),
        (MarkName::Starred, true) => (BulkAction::Unstar, "unstarred"),
        (MarkName::Reviewed, false) => (BulkAction::MarkReviewed, "marked reviewed"),
        (MarkName::Reviewed, true) => (BulkAction::UnmarkReviewed, "unmarked reviewed"),
    };
    let report = bulk(case, args.selection.selection(), action)?;
    print_bulk(json, what, &report)
}

pub fn undo(case: &Case, bulk_id: i64, json: bool) -> Result<()> {
    let report = case.undo_bulk(bulk_id)?;
    if json {
        return print_json(&report);
    }
    println!(
        "undid bulk action {bulk_id}: {} documents back as they were",
        report.changed
    );
    Ok(())
}

/// Prints the log; returns false when `--check` found the chain broken.
pub fn log(case: &Case, args: LogArgs, json: bool) -> Result<bool> {
    let entries = case.audit_log(&AuditFilter {
        since: args.since,
        limit: args.limit,
        action: args.action,
    })?;
    let check = args.check.then(|| case.check_audit_log()).transpose()?;
    if json {
        match &check {
            Some(check) => print_json(&serde_json::json!({ "entries": entries, "check": check }))?,
            None => print_json(&entries)?,
        }
    } else {
        for e in &entries {
            println!(
                "{:>6}  {}  {:<20} {:<18} {:<10} {}",
                e.id,
                e.time,
                e.action,
                e.target,
                e.author.as_deref().unwrap_or("-"),
                &e.hash[..12.min(e.hash.len())]
            );
        }
        if let Some(check) = &check {
            match &check.problem {
                None => println!("hash chain intact over {} entries", check.entries),
                Some(problem) => println!("{problem}"),
            }
        }
    }
    Ok(check.is_none_or(|c| c.first_broken.is_none()))
}

/// The selection of an export: every document a query finds, or ids; one is required.
pub fn export_selection(query: Option<String>, docs: Vec<i64>) -> Result<DocumentSelection> {
    match (query, docs.is_empty()) {
        (Some(query), true) => Ok(DocumentSelection::Query(query)),
        (None, false) => Ok(DocumentSelection::Ids(docs)),
        _ => Err(Error::invalid_input(
            "say which documents: --query QUERY or --doc ID (one of them)",
        )),
    }
}
