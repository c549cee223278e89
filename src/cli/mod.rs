//! Argument parsing and dispatch for the `dossier` CLI. Each command is a thin call into
//! [`dossier::Case`]; printing lives in `output`.

mod attribution;
mod copies;
mod extract;
mod generate;
mod graph;
mod legal;
mod lineage;
mod notes;
mod ocr;
mod output;
mod search;
mod stage;
mod steps;
mod tags;
#[cfg(feature = "team")]
mod team;
mod timeline;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dossier::model::DocumentEdit;
use dossier::{Case, DocumentKind, Error, Result};

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version = version(),
    about = "Case files for journalists and investigators"
)]
pub struct Args {
    /// The case file to work on.
    #[arg(long, global = true, env = "DOSSIER_CASE", value_name = "PATH")]
    pub case: Option<PathBuf>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Create a new, empty case file.
    New { path: PathBuf },
    /// Build the demo case: the demo sources imported and an example note.
    Demo {
        path: PathBuf,
        /// The demo sources (the repository's `assets/demo`).
        #[arg(long, default_value = "assets/demo")]
        sources: PathBuf,
    },
    /// Import files and folders (news records, HTML, email, Markdown, plain text).
    Import {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Do not show a progress bar.
        #[arg(long)]
        quiet: bool,
        /// Do not run quote, entity and date extraction: the new documents stay pending
        /// (`dossier reextract --pending` or the next import extracts them).
        #[arg(long, conflicts_with = "no_wait")]
        no_extract: bool,
        /// Return once the documents are in and searchable; extraction goes on in a detached
        /// `dossier reextract --pending` (see `dossier status`).
        #[arg(long)]
        no_wait: bool,
        /// The languages scans among the files are read in, Tesseract's names joined by '+'
        /// (eng+deu); the case's default (`dossier ocr --default-lang`) otherwise.
        #[arg(long)]
        ocr_lang: Option<String>,
    },
    /// Print a page's picture of a scanned PDF or image, rendered from the stored original,
    /// as base64 data (what the reader shows beside the text).
    PageImage { id: i64, page: u32 },
    /// Read scans (image PDF pages, PNG, JPEG, TIFF) by OCR: one document again with other
    /// languages, or every scan waiting; the texts are then extracted.
    Ocr {
        /// The document to read again (its reviewed quotes and events must not be in the way).
        id: Option<i64>,
        /// Languages for this document, Tesseract's names joined by '+' (eng+deu).
        #[arg(long)]
        lang: Option<String>,
        /// Set the languages the case's scans are read in by default.
        #[arg(long)]
        default_lang: Option<String>,
        /// Do not show a progress bar.
        #[arg(long)]
        quiet: bool,
    },
    /// How many documents the case has, and how many are extracted and pending.
    Status,
    /// List the documents of the case (with `--json`, each one's group of near-duplicates as
    /// `copies`).
    Docs,
    /// List a document's near-duplicates (syndicated copies, updated versions), earliest
    /// first.
    Copies {
        id: i64,
        /// Also show the words this document added to and removed from the earliest version.
        #[arg(long)]
        diff: bool,
    },
    /// Show one document with its metadata and text.
    Show { id: i64 },
    /// Correct a document's kind, title, publication date or outlet.
    Edit {
        id: i64,
        /// article, indictment, press_release, transcript, email, note or other.
        #[arg(long)]
        kind: Option<String>,
        #[arg(long)]
        title: Option<String>,
        /// The publication date: 2017-04-12, 2017-04 or 2017.
        #[arg(long)]
        date: Option<String>,
        /// The outlet; an empty value clears it.
        #[arg(long)]
        outlet: Option<String>,
    },
    /// Delete documents (to the trash, with their quotes and the events only they report);
    /// prints what depended on them. `restore` undoes it.
    Delete {
        #[arg(required = true)]
        ids: Vec<i64>,
        /// Remove them for good, original bytes included (irreversible).
        #[arg(long)]
        purge: bool,
    },
    /// Bring deleted documents back from the trash.
    Restore {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// List the deleted documents in the trash.
    Trash,
    /// Copy the case file safely, even while the app has it open.
    Backup {
        path: PathBuf,
        /// Replace an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Check the case file's integrity, re-hash every stored original, and check every
    /// normalized text, note version, quote and event sentence against its checksum or source.
    Verify {
        /// First re-derive damaged document texts from their originals (when the original is
        /// intact and gives exactly the text that was imported).
        #[arg(long)]
        repair: bool,
    },
    /// Search the case (words are ANDed; see docs/search.md for the query language).
    Search(search::SearchArgs),
    /// List the saved searches.
    Searches,
    /// Rebuild the search index from the case file.
    Reindex,
    /// List quotes with their speakers (see `quote` to review one).
    Quotes(attribution::QuotesArgs),
    /// Show, confirm, reject or correct a quote.
    Quote {
        #[command(subcommand)]
        command: attribution::QuoteCommand,
    },
    /// List the people and organisations of the case.
    Entities(attribution::EntitiesArgs),
    /// Show, rename, merge, unmerge or split an entity.
    Entity {
        #[command(subcommand)]
        command: attribution::EntityCommand,
    },
    /// Run quote, entity and date extraction again; reviewed items are kept.
    Reextract {
        /// Only this document.
        #[arg(long, conflicts_with = "pending")]
        doc: Option<i64>,
        /// Only the documents not extracted yet (or by an older extractor version): runs or
        /// finishes the extraction stage, in batches, resumable if interrupted.
        #[arg(long)]
        pending: bool,
        /// Do not show a progress bar (with `--pending`).
        #[arg(long)]
        quiet: bool,
    },
    /// List events in date order.
    Timeline(timeline::TimelineArgs),
    /// Show, add, edit, confirm, reject or merge events.
    Event {
        #[command(subcommand)]
        command: timeline::EventCommand,
    },
    /// Write, show, list and restore notes.
    Note {
        #[command(subcommand)]
        command: notes::NoteCommand,
    },
    /// Check every claim in the notes (or one note) against its sources; exits 1 on problems.
    Check {
        /// Only this note.
        #[arg(long)]
        note: Option<i64>,
    },
    /// Export a brief, quotes, the timeline or the notes.
    Export {
        #[command(subcommand)]
        command: notes::ExportCommand,
    },
    /// The network of people and organisations: `graph export` writes it for Gephi (GEXF,
    /// GraphML, CSV).
    Graph {
        #[command(subcommand)]
        command: graph::GraphCommand,
    },
    /// Share this case with a team through PostgreSQL: publish, join, grant, verify, status.
    #[cfg(feature = "team")]
    Team {
        #[command(subcommand)]
        command: team::TeamCommand,
    },
    /// Send this team case's changes to its server and bring everyone else's.
    #[cfg(feature = "team")]
    Sync,
    /// Tag documents or take a tag off them, by query or by ids (one undoable step), or list
    /// the tags.
    Tag {
        #[command(subcommand)]
        command: tags::TagCommand,
    },
    /// Star documents or mark them reviewed (`--off` clears), by query or by ids.
    Mark(tags::MarkArgs),
    /// Undo a bulk action (tag, untag, star, mark) by the id it printed.
    Undo { bulk_id: i64 },
    /// The audit log: every change made to the case, newest first, hash-chained.
    Log(tags::LogArgs),
    /// Run an extractor on a file without a case.
    Extract {
        #[command(subcommand)]
        what: Extract,
    },
    /// Write shell completions or man pages (for the packages; see scripts/package.sh).
    #[command(hide = true)]
    Generate {
        #[command(subcommand)]
        what: generate::Generate,
    },
}

/// What `dossier --version` prints after the name: the version, which the workspace's
/// Cargo.toml states once for the CLI, the app and the packages, and the commit it was built
/// from. The build scripts (build-app.sh, package.sh) pass the commit in `DOSSIER_COMMIT`
/// from `git rev-parse`; a build script here would rebuild the whole library on every commit,
/// while an environment variable only the binary reads recompiles the binary alone. A build
/// without it (a plain `cargo build`, a source tarball) says "unknown".
pub fn version() -> &'static str {
    const COMMIT: &str = match option_env!("DOSSIER_COMMIT") {
        Some(commit) if !commit.is_empty() => commit,
        _ => "unknown",
    };
    static VERSION: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    VERSION.get_or_init(|| format!("{} (commit {COMMIT})", env!("CARGO_PKG_VERSION")))
}

#[derive(Subcommand, Debug)]
pub enum Extract {
    /// Extract the article from an HTML page, as the importer does.
    Article { file: PathBuf },
    /// Find dates, times and durations, resolved against a reference date.
    Dates {
        file: PathBuf,
        /// The date relative expressions ("last week") are anchored to, as YYYY-MM-DD;
        /// usually the source's publication date.
        #[arg(long = "ref", value_name = "YYYY-MM-DD")]
        reference: Option<String>,
    },
    /// Find quotes with their speakers, cues and roles.
    Quotes { file: PathBuf },
    /// Find the people and organisations a text names, with every way it writes each.
    Entities { file: PathBuf },
}

fn open_case(args_case: &Option<PathBuf>) -> Result<Case> {
    let path = args_case.as_ref().ok_or_else(|| {
        Error::invalid_input("no case given: pass --case PATH or set DOSSIER_CASE")
    })?;
    let mut case = Case::open(path)?;
    // Rebuilds of the index and waits for another process are told as they happen, since a
    // command that is not a search has no results to carry them.
    case.on_notice(Box::new(|notice| eprintln!("note: {notice}")));
    Ok(case)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let json = args.json;
    match args.command {
        Command::New { path } => {
            let case = Case::create(&path)?;
            output::created(json, case.path());
        }
        Command::Demo { path, sources } => {
            let case = dossier::demo::create(&path, &sources)?;
            output::created(json, case.path());
        }
        Command::Import {
            paths,
            quiet,
            no_extract,
            no_wait,
            ocr_lang,
        } => {
            let mut case = open_case(&args.case)?;
            if let Some(languages) = &ocr_lang {
                // Checked before anything is imported, so a typo costs nothing.
                dossier::ocr::engine::check_languages(&dossier::ocr::Languages::parse(languages)?)?;
            }
            let after = match (no_extract, no_wait) {
                (true, _) => stage::AfterImport::Nothing,
                (false, true) => stage::AfterImport::Background,
                (false, false) => stage::AfterImport::Wait,
            };
            return stage::import(&mut case, &paths, after, ocr_lang.as_deref(), quiet, json);
        }
        Command::Status => stage::status(&open_case(&args.case)?, json)?,
        Command::PageImage { id, page } => {
            let image = open_case(&args.case)?.page_image(id, page)?;
            if json {
                println!("{}", serde_json::to_string(&image)?);
            } else {
                println!("data:{};base64,{}", image.mime, image.base64);
            }
        }
        Command::Ocr {
            id,
            lang,
            default_lang,
            quiet,
        } => ocr::ocr(
            &open_case(&args.case)?,
            id,
            lang.as_deref(),
            default_lang.as_deref(),
            quiet,
            json,
        )?,
        Command::Docs => copies::documents(&open_case(&args.case)?, json)?,
        Command::Copies { id, diff } => copies::copies(&open_case(&args.case)?, id, diff, json)?,
        Command::Show { id } => {
            let case = open_case(&args.case)?;
            output::document(json, &case.document(id)?, &case.mail_links()?);
        }
        Command::Edit {
            id,
            kind,
            title,
            date,
            outlet,
        } => {
            let case = open_case(&args.case)?;
            let kind = kind
                .map(|k| {
                    DocumentKind::parse(&k).ok_or_else(|| {
                        let names: Vec<&str> =
                            DocumentKind::ALL.iter().map(|k| k.as_str()).collect();
                        Error::invalid_input(format!(
                            "unknown kind '{k}'; use one of {}",
                            names.join(", ")
                        ))
                    })
                })
                .transpose()?;
            if kind.is_none() && title.is_none() && date.is_none() && outlet.is_none() {
                return Err(Error::invalid_input(
                    "nothing to change: pass --kind, --title, --date or --outlet",
                ));
            }
            let edit = DocumentEdit {
                kind,
                title,
                published: date,
                outlet,
            };
            output::document(json, &case.edit_document(id, &edit)?, &case.mail_links()?);
        }
        Command::Delete { ids, purge } => {
            let case = open_case(&args.case)?;
            let impact = case.deletion_impact(&ids)?;
            let trashed = if purge {
                case.purge_documents(&ids)?
            } else {
                case.delete_documents(&ids)?
            };
            output::deleted(json, &impact, &trashed, purge);
        }
        Command::Restore { ids } => {
            let case = open_case(&args.case)?;
            case.restore_documents(&ids)?;
            let docs: Vec<_> = ids
                .iter()
                .map(|&id| case.document(id))
                .collect::<Result<_>>()?;
            let summaries: Vec<_> = docs.into_iter().map(|d| d.summary).collect();
            output::documents(json, &summaries);
        }
        Command::Trash => output::trash(json, &open_case(&args.case)?.trash()?),
        Command::Backup { path, force } => {
            let report = open_case(&args.case)?.backup(&path, force)?;
            output::backup(json, &report);
        }
        Command::Verify { repair } => {
            let case = open_case(&args.case)?;
            let repaired = repair.then(|| case.repair()).transpose()?;
            let mut bar = steps::StepBar::new(json);
            let report = case.verify_with(&mut |p| bar.show(p))?;
            bar.finish();
            output::verify_report(json, case.path(), &report, repaired.as_ref());
            if !report.is_ok() {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Search(search_args) => {
            let case = open_case(&args.case)?;
            search::search(&case, search_args, json)?;
        }
        Command::Searches => search::searches(&open_case(&args.case)?, json)?,
        Command::Reindex => search::reindex(&open_case(&args.case)?, json)?,
        Command::Quotes(quotes_args) => {
            attribution::quotes(&open_case(&args.case)?, quotes_args, json)?
        }
        Command::Quote { command } => attribution::quote(&open_case(&args.case)?, command, json)?,
        Command::Entities(entities) => {
            attribution::entities(&open_case(&args.case)?, entities, json)?
        }
        Command::Entity { command } => attribution::entity(&open_case(&args.case)?, command, json)?,
        Command::Reextract {
            doc,
            pending: true,
            quiet,
        } => {
            debug_assert!(doc.is_none());
            stage::reextract_pending(&open_case(&args.case)?, quiet, json)?
        }
        Command::Reextract { doc, .. } => {
            attribution::reextract(&open_case(&args.case)?, doc, json)?
        }
        Command::Timeline(timeline_args) => {
            timeline::timeline(&open_case(&args.case)?, timeline_args, json)?
        }
        Command::Event { command } => timeline::event(&open_case(&args.case)?, command, json)?,
        Command::Note { command } => notes::note(&open_case(&args.case)?, command, json)?,
        Command::Check { note } => return notes::check(&open_case(&args.case)?, note, json),
        Command::Export { command } => {
            return notes::export(&open_case(&args.case)?, command, json)
        }
        Command::Graph { command } => graph::graph(&open_case(&args.case)?, command, json)?,
        #[cfg(feature = "team")]
        Command::Team { command } => return team::team(args.case.as_ref(), command, json),
        #[cfg(feature = "team")]
        Command::Sync => team::sync(args.case.as_ref(), json)?,
        Command::Tag { command } => tags::tag(&open_case(&args.case)?, command, json)?,
        Command::Mark(mark) => tags::mark(&open_case(&args.case)?, mark, json)?,
        Command::Undo { bulk_id } => tags::undo(&open_case(&args.case)?, bulk_id, json)?,
        Command::Log(log) => {
            if !tags::log(&open_case(&args.case)?, log, json)? {
                return Ok(ExitCode::from(1));
            }
        }
        Command::Extract { what } => match what {
            Extract::Article { file } => extract::article(&file, json)?,
            Extract::Dates { file, reference } => {
                extract::dates(&file, reference.as_deref(), json)?
            }
            Extract::Quotes { file } => extract::quotes(&file, json)?,
            Extract::Entities { file } => extract::entities(&file, json)?,
        },
        Command::Generate { what } => generate::generate(what, json)?,
    }
    Ok(ExitCode::SUCCESS)
}
