//! `dossier team publish|join|grant|verify|status` and `dossier sync`: team cases through
//! PostgreSQL (issue 20). Argument parsing and printing only; the work is `Case`'s.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use dossier::model::{SyncReport, SyncStatus, TeamVerifyReport};
use dossier::{Case, Result};
use serde_json::json;

#[derive(Subcommand, Debug)]
pub enum TeamCommand {
    /// Make this case a team case on a PostgreSQL database and send everything up.
    Publish {
        /// A `postgres://` URL or `key=value` settings; a password is better kept in
        /// `~/.pgpass` or `PGPASSFILE` than here.
        #[arg(long)]
        url: String,
    },
    /// Make a new local case file from a team case, originals included.
    Join { url: String, path: PathBuf },
    /// Give an existing PostgreSQL role its rights on this team case.
    Grant {
        role: String,
        /// May change anything.
        #[arg(long, conflicts_with = "reader", required_unless_present = "reader")]
        editor: bool,
        /// May read and search; every write is refused by the database.
        #[arg(long)]
        reader: bool,
    },
    /// Re-hash the originals on the server and check this case against it; exits 1 on problems.
    Verify,
    /// Last sync, changes waiting, conflicts and who changed what (no network).
    Status,
}

pub fn team(case: Option<&PathBuf>, command: TeamCommand, json: bool) -> Result<ExitCode> {
    let open = || super::open_case(&case.cloned());
    match command {
        TeamCommand::Publish { url } => {
            sync_report(json, "Published", &open()?.team_publish(&url)?)
        }
        TeamCommand::Join { url, path } => {
            let (_, report) = Case::team_join(&url, &path)?;
            sync_report(json, &format!("Joined into {}", path.display()), &report);
        }
        TeamCommand::Grant {
            role,
            editor,
            reader: _,
        } => {
            open()?.team_grant(&role, editor)?;
            let right = if editor { "editor" } else { "reader" };
            if json {
                println!("{}", json!({ "role": role, "right": right }));
            } else {
                println!("{role} is now a {right} of this team case");
            }
        }
        TeamCommand::Verify => {
            let report = open()?.team_verify()?;
            verify_report(json, &report);
            if !report.ok {
                return Ok(ExitCode::from(1));
            }
        }
        TeamCommand::Status => status(json, &open()?.sync_status()?),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn sync(case: Option<&PathBuf>, json: bool) -> Result<()> {
    let report = super::open_case(&case.cloned())?.sync()?;
    sync_report(json, "Synced", &report);
    Ok(())
}

fn sync_report(json: bool, what: &str, report: &SyncReport) {
    if json {
        println!("{}", serde_json::to_string(report).unwrap_or_default());
        return;
    }
    println!(
        "{what}: {} change(s) sent, {} received ({} document(s)), server at change {}",
        report.pushed, report.pulled, report.documents, report.server_seq
    );
    for conflict in &report.conflicts {
        println!("conflict: {conflict}");
    }
}

fn verify_report(json: bool, report: &TeamVerifyReport) {
    if json {
        println!("{}", serde_json::to_string(report).unwrap_or_default());
        return;
    }
    println!(
        "{} original(s) re-hashed on the server",
        report.originals_checked
    );
    let lists = [
        ("original does not match its SHA-256", &report.bad_originals),
        (
            "document without its original on the server",
            &report.missing_originals,
        ),
        (
            "document on the server, not in this case",
            &report.missing_locally,
        ),
        (
            "document of this case, not on the server",
            &report.not_on_server,
        ),
        ("local problem", &report.local.problems),
    ];
    for (what, list) in lists {
        for item in list {
            println!("{what}: {item}");
        }
    }
    println!("{}", if report.ok { "OK" } else { "PROBLEMS FOUND" });
}

fn status(json: bool, status: &SyncStatus) {
    if json {
        println!("{}", serde_json::to_string(status).unwrap_or_default());
        return;
    }
    if !status.team {
        println!("not a team case");
        return;
    }
    println!(
        "server {} as {}",
        status.server.as_deref().unwrap_or("?"),
        status.role.as_deref().unwrap_or("?")
    );
    println!(
        "last sync {}; {} change(s) waiting; {} open conflict(s)",
        status.last_sync.as_deref().unwrap_or("never"),
        status.waiting,
        status.conflicts
    );
    for change in &status.recent {
        println!("{}  {}  {}", change.at, change.author, change.what);
    }
}
