//! `graph …`: the network of people and organisations from the command line. `graph export`
//! writes it for Gephi and other graph tools through `Case::export_network`, with the
//! network's own filters, so what a graph tool shows is what the app's network view shows.

use std::path::PathBuf;

use clap::{Args, Subcommand};
use dossier::entities::EntityKind;
use dossier::model::{GraphFormat, LinkKind, NetworkFilter};
use dossier::{Case, Error, Existing, Result};

use super::attribution::print_json;

#[derive(Subcommand, Debug)]
pub enum GraphCommand {
    /// Write the network for Gephi and other graph tools: GEXF 1.3, GraphML, or CSV.
    ///
    /// Nodes are the case's people and organisations (id = the entity's id, label, kind,
    /// mentions, link_weight, degree); edges join two of them (id, source, target, weight =
    /// how many times the link is seen, counting each kind once per document, kinds, role).
    /// CSV writes two tables in the columns Gephi's spreadsheet import reads: `--out net.csv`
    /// (or `net`) writes `net.nodes.csv` and `net.edges.csv`; `--out FOLDER` writes
    /// `FOLDER/network.nodes.csv` and `FOLDER/network.edges.csv`. The paths written are
    /// printed. At most 5,000 nodes, the most linked, unless --max-nodes says fewer.
    Export {
        /// gexf, graphml or csv.
        #[arg(long, value_name = "FORMAT", value_parser = ["gexf", "graphml", "csv"])]
        format: String,
        /// The file to write (for csv, see above).
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[command(flatten)]
        filter: FilterArgs,
        /// Replace files that exist (otherwise nothing is written).
        #[arg(long)]
        force: bool,
    },
}

/// The network's filters, as the app's network view offers them.
#[derive(Args, Debug)]
pub struct FilterArgs {
    /// Only people (person) or only organisations (organization).
    #[arg(long, value_name = "KIND")]
    pub kind: Option<String>,
    /// Only these kinds of link (repeatable): quoted_together, same_sentence, co_defendants,
    /// aka, role.
    #[arg(long = "link", value_name = "KIND")]
    pub links: Vec<String>,
    /// Only links found in documents carrying this tag.
    #[arg(long)]
    pub tag: Option<String>,
    /// Only links found in documents published from this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Only links found in documents published until this date (included).
    #[arg(long)]
    pub to: Option<String>,
    /// Leave out links seen fewer times than this.
    #[arg(long, value_name = "N")]
    pub min_weight: Option<u32>,
    /// At most this many nodes, the most linked (at most 5,000).
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<u32>,
    /// Only this entity and its neighbours (by id).
    #[arg(long, value_name = "ENTITY_ID")]
    pub focus: Option<i64>,
    /// How far from the focus: 1 or 2 links (default 2).
    #[arg(long, value_name = "N", requires = "focus")]
    pub depth: Option<u8>,
}

/// The filter the arguments describe, with unknown kinds refused by name.
pub fn network_filter(args: FilterArgs) -> Result<NetworkFilter> {
    let entity_kind = args
        .kind
        .map(|k| {
            EntityKind::parse(&k).ok_or_else(|| {
                Error::invalid_input(format!("unknown kind '{k}'; use person or organization"))
            })
        })
        .transpose()?;
    let link_kinds = args
        .links
        .iter()
        .map(|k| {
            LinkKind::parse(k).ok_or_else(|| {
                let names: Vec<&str> = LinkKind::ALL.iter().map(|k| k.as_str()).collect();
                Error::invalid_input(format!(
                    "unknown kind of link '{k}'; use one of {}",
                    names.join(", ")
                ))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(NetworkFilter {
        entity_kind,
        link_kinds,
        tag: args.tag,
        from: args.from,
        to: args.to,
        min_weight: args.min_weight,
        max_nodes: args.max_nodes,
        focus: args.focus,
        depth: args.depth,
    })
}

pub fn graph(case: &Case, command: GraphCommand, json: bool) -> Result<()> {
    match command {
        GraphCommand::Export {
            format,
            out,
            filter,
            force,
        } => {
            let format = GraphFormat::parse(&format).ok_or_else(|| {
                Error::invalid_input(format!(
                    "unknown format '{format}'; use gexf, graphml or csv"
                ))
            })?;
            let existing = if force {
                Existing::Replace
            } else {
                Existing::Keep
            };
            let written = case.export_network(&network_filter(filter)?, format, &out, existing)?;
            if json {
                return print_json(&written);
            }
            if let Some(notice) = &written.truncated {
                eprintln!("note: {notice}");
            }
            for path in &written.paths {
                println!("Wrote {path}");
            }
            println!(
                "{} people and organisations, {} links",
                written.nodes, written.edges
            );
        }
    }
    Ok(())
}
