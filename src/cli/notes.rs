//! `note …`, `check` and `export …`.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use dossier::model::{
    BacklinkTarget, BriefOptions, CheckProblem, CheckReport, NoteDetail, ResolvedCitation,
};
use dossier::{Case, Error, Existing, Result};

use super::attribution::{print_json, quote_filter, QuotesArgs};
use super::timeline::{timeline_query, TimelineArgs};
use dossier::text::short;

#[derive(Subcommand, Debug)]
pub enum NoteCommand {
    /// Add a note from a Markdown file or standard input.
    Add {
        #[arg(long)]
        title: String,
        /// Read the text from this file instead of standard input.
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Save a new version of a note (the previous one stays in its history).
    Edit {
        id: i64,
        /// A new title.
        #[arg(long)]
        title: Option<String>,
        /// Read the new text from this file; without it, from standard input (unless only the
        /// title changes).
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// Show a note with its resolved citations, backlinks and problems.
    Show { id: i64 },
    /// List the notes.
    List,
    /// List a note's saved versions, newest first.
    History { id: i64 },
    /// Print one saved version of a note.
    Version { id: i64, version: i64 },
    /// Bring back an earlier version (as a new version, so this can be undone too).
    Restore { id: i64, version: i64 },
    /// Accept how the quotes a note cites are now, clearing their stale warnings.
    Accept { id: i64 },
    /// Delete a note; its versions are kept and `note undelete` brings it back.
    Delete { id: i64 },
    /// Bring back a deleted note.
    Undelete { id: i64 },
    /// List the deleted notes.
    Deleted,
    /// List the unsaved drafts the app autosaved.
    Drafts,
    /// Notes that cite a document, quote, event or entity, or link to a note.
    Backlinks {
        /// document, quote, event, entity or note.
        kind: String,
        id: i64,
    },
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// A Markdown brief: notes with footnoted citations, a timeline, a sources list.
    Brief {
        #[arg(long, value_name = "FILE.md")]
        out: PathBuf,
        /// Notes to include, in order (repeatable); all notes when none is given.
        #[arg(long = "note", value_name = "ID")]
        notes: Vec<i64>,
        /// Add a timeline table over FROM..TO (YYYY, YYYY-MM or YYYY-MM-DD; a side may be empty).
        #[arg(long, value_name = "FROM..TO")]
        timeline: Option<String>,
        /// Add a section on a person or organisation and narrow the timeline to them.
        #[arg(long)]
        entity: Option<String>,
        /// Add a section "Connections of NAME" on this person or organisation (an id or a
        /// name; repeatable): their 20 strongest links in the network, each with the other
        /// entity, the kind of link, how many times it is seen and its sources as footnotes.
        #[arg(long = "connections", value_name = "ENTITY_ID_OR_NAME")]
        connections: Vec<String>,
        /// The brief's title (default: "Brief: CASE").
        #[arg(long)]
        title: Option<String>,
        /// Save even if the notes have claim-check problems (the brief then lists them above
        /// the notes); without it such a brief is refused with exit code 3 and the list.
        #[arg(long)]
        allow_problems: bool,
        /// Write the case's audit log beside the brief, as FILE.audit.json.
        #[arg(long)]
        with_log: bool,
        /// Replace FILE if it exists (otherwise an existing file is kept and nothing is written).
        #[arg(long)]
        force: bool,
    },
    /// The originals of documents as a ZIP, with manifest.csv (path, SHA-256, id, title, URL).
    Originals {
        /// Every document this query finds.
        #[arg(long, value_name = "QUERY")]
        query: Option<String>,
        /// These documents (repeatable).
        #[arg(long = "doc", value_name = "ID")]
        docs: Vec<i64>,
        #[arg(long, value_name = "FILE.zip")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The audit log as JSON: every entry, oldest first, and the hash chain's check.
    Log {
        #[arg(long, value_name = "FILE.json")]
        out: PathBuf,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
    },
    /// Quotes as CSV (to standard output unless --out is given).
    Quotes {
        #[command(flatten)]
        filter: QuotesArgs,
        /// CSV is the only format; the flag is accepted for clarity.
        #[arg(long)]
        csv: bool,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (otherwise an existing file is kept and nothing is written).
        #[arg(long)]
        force: bool,
    },
    /// Timeline events as CSV (to standard output unless --out is given).
    Timeline {
        #[command(flatten)]
        filter: TimelineArgs,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists (otherwise an existing file is kept and nothing is written).
        #[arg(long)]
        force: bool,
    },
    /// Every note as a Markdown file in a folder, citations kept as written.
    Notes {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Replace note files already in DIR (otherwise the export stops at the first one).
        #[arg(long)]
        force: bool,
    },
}

fn read_text(file: Option<&PathBuf>) -> Result<String> {
    match file {
        Some(path) => std::fs::read_to_string(path).map_err(|e| Error::io_at(path, &e)),
        None => {
            if std::io::stdin().is_terminal() {
                return Err(Error::invalid_input(
                    "no text: pass --file FILE or pipe the note's Markdown to standard input",
                ));
            }
            let mut text = String::new();
            std::io::stdin()
                .read_to_string(&mut text)
                .map_err(|e| Error::io(format!("cannot read standard input: {e}")))?;
            Ok(text)
        }
    }
}

fn print_problems(problems: &[CheckProblem]) {
    for p in problems {
        let note = p.note_id.map(|id| format!("n{id}:")).unwrap_or_default();
        println!(
            "{note}{}:{}: {}: {}",
            p.line,
            p.column,
            p.kind.as_str(),
            p.message
        );
    }
}

fn describe(c: &ResolvedCitation) -> String {
    if let Some(problem) = &c.problem {
        return format!("{} — {problem}", c.target);
    }
    let words = c
        .words
        .as_deref()
        .map(|w| format!("“{}” ", short(w, 90)))
        .unwrap_or_default();
    let who = c
        .speaker
        .as_deref()
        .map(|s| format!("— {s} "))
        .unwrap_or_default();
    let source = c
        .doc_title
        .as_deref()
        .map(|t| format!("in {}", short(t, 50)))
        .unwrap_or_default();
    format!("{} {words}{who}{source}", c.target)
}

fn print_note(note: &NoteDetail) {
    println!(
        "n{} {} (version {}, saved {})",
        note.summary.id, note.summary.title, note.summary.version, note.summary.updated_at
    );
    println!();
    println!("{}", note.text.trim_end());
    if !note.citations.is_empty() {
        println!();
        println!("Citations:");
        for c in &note.citations {
            println!("  {}:{} {}", c.line, c.column, describe(c));
        }
    }
    if !note.backlinks.is_empty() {
        println!();
        println!("Linked from:");
        for b in &note.backlinks {
            println!("  n{} {}", b.note_id, b.note_title);
        }
    }
    if !note.problems.is_empty() {
        println!();
        println!("Problems:");
        print_problems(&note.problems);
    }
}

pub fn note(case: &Case, command: NoteCommand, json: bool) -> Result<()> {
    let detail = match command {
        NoteCommand::Add { title, file } => case.add_note(&title, &read_text(file.as_ref())?)?,
        NoteCommand::Edit { id, title, file } => {
            let text = if file.is_none() && title.is_some() && std::io::stdin().is_terminal() {
                case.note(id)?.text
            } else {
                read_text(file.as_ref())?
            };
            case.edit_note(id, title.as_deref(), &text)?
        }
        NoteCommand::Show { id } => case.note(id)?,
        NoteCommand::Delete { id } => {
            case.delete_note(id)?;
            if json {
                return print_json(&serde_json::json!({ "deleted": id }));
            }
            println!("Deleted note n{id} (bring it back with `dossier note undelete {id}`).");
            return Ok(());
        }
        NoteCommand::Undelete { id } => {
            case.undelete_note(id)?;
            case.note(id)?
        }
        NoteCommand::Deleted => {
            let notes = case.deleted_notes()?;
            if json {
                return print_json(&notes);
            }
            for n in &notes {
                println!("n{:<5} v{:<4} {}", n.id, n.version, n.title);
            }
            return Ok(());
        }
        NoteCommand::Drafts => {
            let drafts = case.note_drafts()?;
            if json {
                return print_json(&drafts);
            }
            for d in &drafts {
                let of = d
                    .note_id
                    .map_or("new note".to_string(), |id| format!("n{id}"));
                println!("{of:<10} {} {}", d.saved_at, d.title);
            }
            return Ok(());
        }
        NoteCommand::List => {
            let notes = case.notes()?;
            if json {
                return print_json(&notes);
            }
            for n in &notes {
                println!(
                    "n{:<5} v{:<4} {:<20} {}",
                    n.id, n.version, n.updated_at, n.title
                );
            }
            return Ok(());
        }
        NoteCommand::History { id } => {
            let versions = case.note_history(id)?;
            if json {
                return print_json(&versions);
            }
            for v in &versions {
                let restored = v
                    .restored_from
                    .map(|r| format!(" (restored from version {r})"))
                    .unwrap_or_default();
                let by = v
                    .author
                    .as_ref()
                    .map(|a| format!(" by {a}"))
                    .unwrap_or_default();
                println!(
                    "v{:<4} {}{by} {} chars{restored}  {}",
                    v.version, v.saved_at, v.chars, v.title
                );
            }
            return Ok(());
        }
        NoteCommand::Version { id, version } => {
            let version = case.note_version(id, version)?;
            if json {
                return print_json(&version);
            }
            println!("{}", version.text);
            return Ok(());
        }
        NoteCommand::Restore { id, version } => case.restore_note(id, version)?,
        NoteCommand::Accept { id } => case.accept_cited_quotes(id)?,
        NoteCommand::Backlinks { kind, id } => {
            let target = match kind.as_str() {
                "document" => BacklinkTarget::Document(id),
                "quote" => BacklinkTarget::Quote(id),
                "event" => BacklinkTarget::Event(id),
                "entity" => BacklinkTarget::Entity(id),
                "note" => BacklinkTarget::Note(id),
                other => {
                    return Err(Error::invalid_input(format!(
                        "unknown kind '{other}'; use document, quote, event, entity or note"
                    )))
                }
            };
            let backlinks = case.backlinks(target)?;
            if json {
                return print_json(&backlinks);
            }
            for b in &backlinks {
                println!("n{:<5} {:<24} {}", b.note_id, b.target, b.note_title);
            }
            return Ok(());
        }
    };
    if json {
        return print_json(&detail);
    }
    print_note(&detail);
    Ok(())
}

/// Prints the claim check; exits 1 when it found problems, so scripts can gate on it.
pub fn check(case: &Case, note: Option<i64>, json: bool) -> Result<ExitCode> {
    let report: CheckReport = case.check(note)?;
    if json {
        print_json(&report)?;
    } else {
        for claim in &report.claims {
            println!(
                "n{}:{}:{} {}",
                claim.note_id, claim.line, claim.column, claim.text
            );
            for c in &claim.citations {
                println!("    {}", describe(c));
            }
        }
        if report.problems.is_empty() {
            println!("{} claims checked, no problems.", report.claims.len());
        } else {
            println!();
            print_problems(&report.problems);
        }
    }
    Ok(if report.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn existing(force: bool) -> Existing {
    if force {
        Existing::Replace
    } else {
        Existing::Keep
    }
}

/// Runs an export; exit code 3 when a brief was refused for its claim-check problems.
pub fn export(case: &Case, command: ExportCommand, json: bool) -> Result<ExitCode> {
    match command {
        ExportCommand::Brief {
            out,
            notes,
            timeline,
            entity,
            connections,
            title,
            allow_problems,
            with_log,
            force,
        } => {
            let brief = case.export_brief(
                &BriefOptions {
                    title,
                    notes,
                    timeline,
                    entity,
                    connections,
                    allow_problems,
                    with_log,
                },
                &out,
                existing(force),
            )?;
            let label = if brief.saved { "warning" } else { "problem" };
            for p in &brief.problems {
                eprintln!(
                    "{label}: n{}:{}:{}: {}: {}",
                    p.note_id.unwrap_or_default(),
                    p.line,
                    p.column,
                    p.kind.as_str(),
                    p.message
                );
            }
            if !brief.saved {
                let count = brief.problems.len();
                eprintln!(
                    "error: the notes have {count} claim-check {}; nothing was written to {} \
                     (fix them, or pass --allow-problems to save a brief that lists them)",
                    if count == 1 { "problem" } else { "problems" },
                    out.display()
                );
                if json {
                    print_json(&serde_json::json!({
                        "out": null,
                        "problems": brief.problems,
                    }))?;
                }
                return Ok(ExitCode::from(3));
            }
            if json {
                print_json(&serde_json::json!({
                    "out": out.display().to_string(),
                    "footnotes": brief.footnotes,
                    "sources": brief.sources,
                    "problems": brief.problems,
                }))?;
            } else {
                println!(
                    "Wrote {} ({} footnotes, {} sources)",
                    out.display(),
                    brief.footnotes,
                    brief.sources
                );
            }
        }
        ExportCommand::Quotes {
            filter, out, force, ..
        } => {
            let written =
                case.export_quotes_csv(&quote_filter(filter)?, out.as_deref(), existing(force))?;
            if let Some(out) = out {
                eprintln!("Wrote {written} quotes to {}", out.display());
            }
        }
        ExportCommand::Timeline { filter, out, force } => {
            let written = case.export_timeline_csv(
                &timeline_query(&filter)?,
                out.as_deref(),
                existing(force),
            )?;
            if let Some(out) = out {
                eprintln!("Wrote {written} events to {}", out.display());
            }
        }
        ExportCommand::Originals {
            query,
            docs,
            out,
            force,
        } => {
            let selection = super::tags::export_selection(query, docs)?;
            let written =
                case.export_originals(&selection, &out, existing(force), &mut |_| true)?;
            if json {
                print_json(
                    &serde_json::json!({ "out": out.display().to_string(), "documents": written }),
                )?;
            } else {
                println!("Wrote {written} originals to {}", out.display());
            }
        }
        ExportCommand::Log { out, force } => {
            let written = case.export_audit_log(&out, existing(force))?;
            if json {
                print_json(
                    &serde_json::json!({ "out": out.display().to_string(), "entries": written }),
                )?;
            } else {
                println!("Wrote {written} audit log entries to {}", out.display());
            }
        }
        ExportCommand::Notes { out, force } => {
            let files = case.export_notes(&out, existing(force))?;
            if json {
                let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
                print_json(&names)?;
            } else {
                println!("Wrote {} notes to {}", files.len(), out.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
