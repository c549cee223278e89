//! `quotes`, `quote …`, `entities`, `entity …` and `reextract`.

use clap::{Args as ClapArgs, Subcommand};
use dossier::entities::EntityKind;
use dossier::model::{EntityFilter, QuoteEdit, QuoteFilter, QuoteRecord, ReviewStatus};
use dossier::text::short;
use dossier::{Case, Error, Result};

#[derive(ClapArgs, Debug)]
pub struct QuotesArgs {
    /// Only quotes by this speaker (a name or alias; case and accents are ignored).
    #[arg(long)]
    speaker: Option<String>,
    /// Only quotes in this document.
    #[arg(long)]
    doc: Option<i64>,
    /// auto, confirmed, rejected or edited (rejected quotes are hidden otherwise).
    #[arg(long)]
    status: Option<String>,
    /// direct, mixed, indirect or scare (scare quotes are hidden otherwise).
    #[arg(long)]
    kind: Option<String>,
    /// Only quotes whose words differ from their earliest appearance in another document,
    /// with the differences (see `quote lineage ID`).
    #[arg(long, conflicts_with_all = ["speaker", "doc", "status", "kind"])]
    altered: bool,
}

#[derive(ClapArgs, Debug)]
pub struct EntitiesArgs {
    /// Only entities with a name or alias containing this (case, accents and punctuation are
    /// ignored).
    #[arg(long)]
    find: Option<String>,
    /// person or organization.
    #[arg(long)]
    kind: Option<String>,
    /// Only entities that are quoted.
    #[arg(long)]
    quoted: bool,
    /// At most this many, after skipping `--offset`.
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long)]
    offset: Option<usize>,
}

#[derive(Subcommand, Debug)]
pub enum QuoteCommand {
    /// Show one quote.
    Show { id: i64 },
    /// Where a quote appeared first and how later appearances changed its words.
    Lineage { id: i64 },
    /// Mark a quote as checked and right.
    Confirm { id: i64 },
    /// Mark a quote as wrong; it is hidden from lists and searches but kept.
    Reject { id: i64 },
    /// Put a reviewed quote back to `auto`, so re-extraction may replace it.
    Reset { id: i64 },
    /// Correct a quote's speaker, role or span.
    Edit {
        id: i64,
        /// The right speaker: a name or alias; an empty string removes the speaker.
        #[arg(long)]
        speaker: Option<String>,
        #[arg(long)]
        role: Option<String>,
        /// The corrected span, in characters into the document's text.
        #[arg(long, requires = "end")]
        start: Option<usize>,
        #[arg(long, requires = "start")]
        end: Option<usize>,
    },
}

#[derive(Subcommand, Debug)]
pub enum EntityCommand {
    /// Show an entity (by id or name) with its aliases, roles, quotes and mentions.
    Show { entity: String },
    /// Give an entity a new name; the old one stays an alias.
    Rename { id: i64, name: String },
    /// Merge entity FROM into INTO (prints the merge id that `entity unmerge` takes).
    Merge { into: i64, from: i64 },
    /// Undo a merge.
    Unmerge { merge_id: i64 },
    /// Split an alias off an entity into a new entity.
    Split { id: i64, alias: String },
}

fn status(name: &str) -> Result<ReviewStatus> {
    ReviewStatus::parse(name).ok_or_else(|| {
        Error::invalid_input(format!(
            "unknown status '{name}'; use auto, confirmed, rejected or edited"
        ))
    })
}

pub fn print_json<T: serde::Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}

fn print_quotes(quotes: &[QuoteRecord]) {
    for q in quotes {
        println!(
            "q{:<5} d{:<5} {:<9} {:<9} {:<24} “{}”",
            q.id,
            q.doc_id,
            q.status.as_str(),
            q.kind,
            q.speaker.as_deref().unwrap_or("(no speaker)"),
            short(&q.text, 90)
        );
    }
}

pub fn quote_filter(args: QuotesArgs) -> Result<QuoteFilter> {
    Ok(QuoteFilter {
        speaker: args.speaker,
        doc_id: args.doc,
        status: args.status.as_deref().map(status).transpose()?,
        kind: args.kind,
        ..QuoteFilter::default()
    })
}

pub fn quotes(case: &Case, args: QuotesArgs, json: bool) -> Result<()> {
    if args.altered {
        return super::lineage::altered(case, json);
    }
    let quotes = case.quotes(&quote_filter(args)?)?;
    if json {
        return print_json(&quotes);
    }
    print_quotes(&quotes);
    Ok(())
}

pub fn quote(case: &Case, command: QuoteCommand, json: bool) -> Result<()> {
    let mut shows_history = false;
    let quote = match command {
        QuoteCommand::Lineage { id } => return super::lineage::lineage(case, id, json),
        QuoteCommand::Show { id } => {
            shows_history = true;
            case.quote(id)?
        }
        QuoteCommand::Confirm { id } => case.review_quote(id, ReviewStatus::Confirmed)?,
        QuoteCommand::Reject { id } => case.review_quote(id, ReviewStatus::Rejected)?,
        QuoteCommand::Reset { id } => case.review_quote(id, ReviewStatus::Auto)?,
        QuoteCommand::Edit {
            id,
            speaker,
            role,
            start,
            end,
        } => case.edit_quote(
            id,
            &QuoteEdit {
                speaker,
                role,
                start,
                end,
            },
        )?,
    };
    if json {
        return print_json(&quote);
    }
    print_quotes(std::slice::from_ref(&quote));
    if let Some(role) = &quote.role {
        println!("        role: {role}");
    }
    if shows_history {
        // In a team case, who decided what: the later decision stands, the others stay here.
        for d in case.quote_reviews(quote.id)? {
            println!("        {} by {} at {}", d.status, d.author, d.at);
        }
    }
    Ok(())
}

pub fn entities(case: &Case, args: EntitiesArgs, json: bool) -> Result<()> {
    let kind = match args.kind.as_deref() {
        Some(name) => Some(EntityKind::parse(name).ok_or_else(|| {
            Error::invalid_input(format!("unknown kind '{name}': use person or organization"))
        })?),
        None => None,
    };
    let entities = case
        .entity_page(&EntityFilter {
            find: args.find,
            kind,
            quoted: args.quoted,
            offset: args.offset,
            limit: args.limit,
        })?
        .entities;
    if json {
        return print_json(&entities);
    }
    for e in entities {
        println!(
            "{:<6} {:<13} {:>4} quotes {:>4} mentions  {}{}",
            e.id,
            e.kind.as_str(),
            e.quote_count,
            e.mention_count,
            e.name,
            if e.aliases.is_empty() {
                String::new()
            } else {
                format!("  (also: {})", e.aliases.join(", "))
            }
        );
    }
    Ok(())
}

pub fn entity(case: &Case, command: EntityCommand, json: bool) -> Result<()> {
    match command {
        EntityCommand::Show { entity } => {
            let detail = match entity.parse::<i64>() {
                Ok(id) => case.entity(id)?,
                Err(_) => case.entity_named(&entity)?,
            };
            if json {
                return print_json(&detail);
            }
            let e = &detail.entity;
            println!("{} ({}, id {})", e.name, e.kind.as_str(), e.id);
            for a in &detail.aliases {
                println!(
                    "  alias {:<28} {:.2} {}: {}",
                    a.alias, a.confidence, a.origin, a.evidence
                );
            }
            for r in &detail.roles {
                println!(
                    "  role  {} — d{} {} ({})",
                    r.role,
                    r.doc_id,
                    r.doc_title,
                    r.published.as_deref().unwrap_or("undated")
                );
            }
            for m in case.entity_merges(e.id)? {
                let by = m.author.map(|a| format!(" by {a}")).unwrap_or_default();
                println!(
                    "  merged {}{by} at {} (merge {}; `entity unmerge {}` undoes it)",
                    m.from_name, m.at, m.merge_id, m.merge_id
                );
            }
            if detail.more_quotes {
                println!(
                    "  the first {} of {} quotes:",
                    detail.quotes.len(),
                    detail.entity.quote_count
                );
            }
            print_quotes(&detail.quotes);
            println!("  {} mentions", detail.entity.mention_count);
        }
        EntityCommand::Rename { id, name } => {
            let e = case.rename_entity(id, &name)?;
            if json {
                return print_json(&e);
            }
            println!("Entity {} is now {}", e.id, e.name);
        }
        EntityCommand::Merge { into, from } => {
            let merge = case.merge_entities(into, from)?;
            if json {
                return print_json(&serde_json::json!({ "merge_id": merge, "into": into }));
            }
            println!(
                "Merged entity {from} into {into} (undo with `dossier entity unmerge {merge}`)"
            );
        }
        EntityCommand::Unmerge { merge_id } => {
            let id = case.unmerge_entities(merge_id)?;
            if json {
                return print_json(&serde_json::json!({ "restored": id }));
            }
            println!("Undid merge {merge_id}: entity {id} is back");
        }
        EntityCommand::Split { id, alias } => {
            let new_id = case.split_entity(id, &alias)?;
            if json {
                return print_json(&serde_json::json!({ "id": new_id, "name": alias }));
            }
            println!("Split '{alias}' off entity {id} into entity {new_id}");
        }
    }
    Ok(())
}

pub fn reextract(case: &Case, doc: Option<i64>, json: bool) -> Result<()> {
    let report = case.reextract(doc)?;
    if json {
        return print_json(&report);
    }
    println!(
        "Re-extracted {} document(s): {} quotes, {} mentions, {} events proposed; {} reviewed \
         item(s) kept as they were",
        report.documents, report.quotes, report.mentions, report.events, report.kept_reviewed
    );
    Ok(())
}
