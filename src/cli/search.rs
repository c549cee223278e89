//! The `search`, `searches` and `reindex` commands: parsing their options into calls on
//! [`Case`], and printing results as JSON, CSV or text.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use clap::{Args as ClapArgs, ValueEnum};
use dossier::{Case, Error, ErrorCode, Existing, Result, SearchRequest, SearchResults, SearchSort};
use serde_json::json;

#[derive(ClapArgs, Debug)]
pub struct SearchArgs {
    /// The query: words are ANDed; see docs/search.md for phrases, OR, -word, prefix*,
    /// fuzzy~, "a b"~5 and the field and date filters.
    #[arg(allow_hyphen_values = true)]
    pub query: Option<String>,
    /// Hits per page.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
    /// Hits to skip (for the next pages).
    #[arg(long, default_value_t = 0)]
    pub offset: usize,
    /// Order hits by relevance, or by publication date (newest first).
    #[arg(long, value_enum, default_value_t = SortArg::Relevance)]
    pub sort: SortArg,
    /// Run every query in FILE (one per line) and print one JSON line per query.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["save", "run", "csv"])]
    pub batch: Option<PathBuf>,
    /// Write all hits (not only one page) to FILE as CSV.
    #[arg(long, value_name = "FILE")]
    pub csv: Option<PathBuf>,
    /// Replace the --csv FILE if it exists (otherwise it is kept and nothing is written).
    #[arg(long, requires = "csv")]
    pub force: bool,
    /// Save QUERY in the case under NAME instead of running it.
    #[arg(long, value_name = "NAME", conflicts_with = "run")]
    pub save: Option<String>,
    /// Run the saved search NAME.
    #[arg(long, value_name = "NAME")]
    pub run: Option<String>,
    /// Show the document hits of one group of near-duplicates as one hit, with "+N copies".
    #[arg(long)]
    pub collapse_copies: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum SortArg {
    Relevance,
    Date,
}

pub fn search(case: &Case, args: SearchArgs, json: bool) -> Result<()> {
    if let Some(file) = &args.batch {
        return batch(case, file, &args);
    }
    if let Some(name) = &args.save {
        let query = args
            .query
            .as_deref()
            .ok_or_else(|| Error::invalid_input("--save NAME needs the QUERY to save"))?;
        let saved = case.save_search(name, query)?;
        if json {
            println!("{}", serde_json::to_string(&saved)?);
        } else {
            println!("Saved search '{}': {}", saved.name, saved.query);
        }
        return Ok(());
    }
    let query = match (&args.run, &args.query) {
        (Some(name), None) => case.saved_search(name)?.query,
        (Some(_), Some(_)) => {
            return Err(Error::invalid_input(
                "give either a QUERY or --run NAME, not both",
            ))
        }
        (None, Some(query)) => query.clone(),
        (None, None) => {
            return Err(Error::invalid_input(
                "no query: pass a QUERY, --run NAME or --batch FILE",
            ))
        }
    };
    let request = request(&query, &args);
    if let Some(csv) = &args.csv {
        let existing = if args.force {
            Existing::Replace
        } else {
            Existing::Keep
        };
        return write_csv(case, &request, csv, existing, json);
    }
    let results = case.search(&request)?;
    if let Some(notice) = &results.notice {
        eprintln!("note: {notice}");
    }
    if json {
        println!("{}", serde_json::to_string(&results)?);
    } else {
        print_results(&results, args.offset);
    }
    Ok(())
}

fn request(query: &str, args: &SearchArgs) -> SearchRequest {
    SearchRequest {
        query: query.to_string(),
        limit: args.limit,
        offset: args.offset,
        sort: match args.sort {
            SortArg::Relevance => SearchSort::Relevance,
            SortArg::Date => SearchSort::Date,
        },
        collapse_copies: args.collapse_copies,
        ..SearchRequest::default()
    }
}

/// One query per line, one JSON line per query, in one process. A line that is not a query (a
/// malformed one, or bytes that are not UTF-8) prints an error line naming its line number,
/// and the batch goes on with the next.
fn batch(case: &Case, file: &Path, args: &SearchArgs) -> Result<()> {
    let mut reader = std::fs::File::open(file)
        .map(std::io::BufReader::new)
        .map_err(|e| Error::io_at(file, &e))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut bytes = Vec::new();
    let mut number = 0;
    loop {
        bytes.clear();
        // Lines are read as bytes so that one line in another encoding spoils only itself.
        let read = reader
            .read_until(b'\n', &mut bytes)
            .map_err(|e| Error::io_at(file, &e))?;
        if read == 0 {
            break;
        }
        number += 1;
        let value = match std::str::from_utf8(&bytes) {
            Ok(line) => match batch_line(case, line.trim(), number, args) {
                Some(value) => value,
                None => continue,
            },
            Err(e) => json!({
                "line": number,
                "query": String::from_utf8_lossy(&bytes).trim(),
                "error": {
                    "code": ErrorCode::InvalidInput,
                    "message": format!(
                        "line {number} of {} is not UTF-8 text (bad byte at column {}); \
                         save the file as UTF-8",
                        file.display(),
                        e.valid_up_to() + 1
                    ),
                },
            }),
        };
        writeln!(out, "{value}").map_err(|e| Error::io(format!("cannot write output: {e}")))?;
    }
    Ok(())
}

/// The JSON line for one query of a batch, or None for a blank line or a `#` comment. Errors
/// carry the line number, so a long batch's failures can be found in the file.
fn batch_line(
    case: &Case,
    query: &str,
    number: usize,
    args: &SearchArgs,
) -> Option<serde_json::Value> {
    if query.is_empty() || query.starts_with('#') {
        return None;
    }
    let mut request = request(query, args);
    request.facets = false;
    Some(match case.search(&request) {
        Ok(results) => {
            if let Some(notice) = &results.notice {
                eprintln!("note: {notice}");
            }
            json!({
                "query": query,
                "total": results.total,
                "took_us": results.took_us,
                "hits": results.hits,
            })
        }
        Err(err) => json!({
            "line": number,
            "query": query,
            "error": { "code": err.code, "message": err.message },
        }),
    })
}

/// Writes every hit of the query to a CSV file through the core, which the app shares.
fn write_csv(
    case: &Case,
    request: &SearchRequest,
    path: &Path,
    existing: Existing,
    json: bool,
) -> Result<()> {
    // The export pages through the hits itself; a notice about the index is printed once,
    // from a first zero-hit search, before the file is written.
    let probe = SearchRequest {
        limit: 0,
        facets: false,
        snippets: false,
        ..request.clone()
    };
    if let Some(notice) = case.search(&probe)?.notice {
        eprintln!("note: {notice}");
    }
    let written = case.export_search_csv(request, path, existing)?;
    if json {
        println!(
            "{}",
            json!({ "csv": path.display().to_string(), "hits": written })
        );
    } else {
        println!("Wrote {written} hits to {}", path.display());
    }
    Ok(())
}

fn print_results(results: &SearchResults, offset: usize) {
    if results.total == 0 {
        println!("No hits for {}", results.query);
        return;
    }
    let shown_to = offset + results.hits.len();
    println!(
        "{} hit{} for {} ({:.1} ms){}",
        results.total,
        if results.total == 1 { "" } else { "s" },
        results.query,
        results.took_us as f64 / 1000.0,
        if results.hits.is_empty() {
            String::new()
        } else {
            format!(", showing {}-{}", offset + 1, shown_to)
        }
    );
    for hit in &results.hits {
        println!();
        println!(
            "[{}] {}  ({}{}){}",
            hit.doc_id,
            hit.title,
            hit.published.as_deref().unwrap_or("undated"),
            hit.outlet
                .as_deref()
                .map(|o| format!(", {o}"))
                .unwrap_or_default(),
            match hit.copies {
                0 => String::new(),
                1 => "  +1 copy".to_string(),
                n => format!("  +{n} copies"),
            }
        );
        if !hit.snippet.is_empty() {
            println!("    {}", hit.snippet);
        }
    }
    let facets = &results.facets;
    let line = |name: &str, counts: &[dossier::FacetCount]| {
        if !counts.is_empty() {
            let parts: Vec<String> = counts
                .iter()
                .map(|c| format!("{} {}", c.value, c.count))
                .collect();
            println!("  {name:<8} {}", parts.join(", "));
        }
    };
    println!();
    line("kind", &facets.kind);
    line("outlet", &facets.outlet);
    line("year", &facets.year);
    line("speaker", &facets.speaker);
    if shown_to < results.total {
        println!("More: --offset {shown_to}");
    }
}

pub fn searches(case: &Case, json: bool) -> Result<()> {
    let saved = case.saved_searches()?;
    if json {
        println!("{}", serde_json::to_string(&saved)?);
        return Ok(());
    }
    if saved.is_empty() {
        println!("No saved searches. Save one with `dossier search --save NAME QUERY`.");
    }
    for s in &saved {
        println!("{:<20}  {}", s.name, s.query);
    }
    Ok(())
}

pub fn reindex(case: &Case, json: bool) -> Result<()> {
    let mut bar = super::steps::StepBar::new(json);
    let report = case.reindex_with(&mut |p| bar.show(p))?;
    bar.finish();
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        println!(
            "Re-indexed {} document{} in {:.1} s.",
            report.documents,
            if report.documents == 1 { "" } else { "s" },
            report.took_ms as f64 / 1000.0
        );
    }
    Ok(())
}
