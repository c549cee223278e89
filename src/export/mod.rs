//! Exports, shared by the CLI and the app so both write byte-identical files: every hit of a
//! search as CSV (here), quotes, the timeline and notes (`tables`), the Markdown brief
//! (`brief`, with a person's connections from `connections`), the network for graph tools
//! (`graph`: GEXF, GraphML, CSV), and the originals of a selection as a ZIP with a manifest
//! (`originals`). Exports are given what they write (rows, or a way to fetch pages of hits) and
//! never read the case themselves; `crate::api::exports` gathers it.

pub(crate) mod brief;
pub(crate) mod connections;
pub mod file;
pub(crate) mod graph;
pub(crate) mod markdown;
pub(crate) mod originals;
pub(crate) mod tables;

use std::io::Write;
use std::path::Path;

use file::{Existing, PendingFile};

use crate::{Error, Result, SearchRequest, SearchResults};

/// Hits fetched per page while exporting: large enough to be fast, small enough that a
/// million-hit export never holds more than one page of snippets in memory.
const PAGE: usize = 1000;

/// Writes all hits of `request` (every page, whatever its `limit` and `offset`, each asked of
/// `search` in turn) to `path` and returns how many were written.
pub(crate) fn search_csv(
    search: &dyn Fn(&SearchRequest) -> Result<SearchResults>,
    request: &SearchRequest,
    path: &Path,
    existing: Existing,
) -> Result<usize> {
    let mut pending = PendingFile::create(path, existing)?;
    let out = pending.writer();
    let io = |e: std::io::Error| Error::io_at(path, &e);
    writeln!(out, "doc_id,kind,title,url,published,score,snippet").map_err(io)?;
    let mut request = request.clone();
    request.offset = 0;
    request.limit = PAGE;
    request.facets = false;
    let mut written = 0;
    loop {
        let results = search(&request)?;
        for hit in &results.hits {
            let fields = [
                hit.doc_id.to_string(),
                hit.kind.as_str().to_string(),
                hit.title.clone(),
                hit.url.clone().unwrap_or_default(),
                hit.published.clone().unwrap_or_default(),
                hit.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
                hit.snippet.clone(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", row.join(",")).map_err(io)?;
        }
        written += results.hits.len();
        request.offset += results.hits.len();
        if results.hits.is_empty() || written >= results.total {
            break;
        }
    }
    out.flush().map_err(io)?;
    pending.finish()?;
    Ok(written)
}

/// RFC 4180 quoting; a leading `=`, `+`, `-`, `@`, tab or carriage return (the characters
/// spreadsheets start a formula with, or skip before one) is prefixed with `'` so a
/// spreadsheet never runs a formula that came from a source.
pub(crate) fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::csv_field;

    #[test]
    fn fields_are_quoted_and_formulas_defused() {
        assert_eq!(csv_field("plain"), "plain");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("-x, y"), "\"'-x, y\"");
        assert_eq!(csv_field("\t=1+1"), "'\t=1+1");
        assert_eq!(csv_field("\r=1"), "\"'\r=1\"");
    }
}
