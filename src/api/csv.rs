//! Quotes and the timeline as CSV files, for the app's export view (the CLI prints the same
//! rows with `timeline --csv`). Fields are quoted and formula-defused like a search export.

use std::io::Write;
use std::path::Path;

use crate::export::csv_field;
use crate::model::{QuoteFilter, TimelineQuery};
use crate::{Case, Error, Result};

impl Case {
    /// Writes every quote matching `filter` (whatever its page) to `path`; returns how many.
    pub fn export_quotes_csv(&self, filter: &QuoteFilter, path: &Path) -> Result<usize> {
        let filter = QuoteFilter {
            offset: None,
            limit: None,
            ..filter.clone()
        };
        let quotes = self.quotes(&filter)?;
        write_rows(
            path,
            "id,doc_id,start,end,speaker,role,status,published,document,text",
            quotes.iter().map(|q| {
                vec![
                    q.id.to_string(),
                    q.doc_id.to_string(),
                    q.start.to_string(),
                    q.end.to_string(),
                    q.speaker.clone().unwrap_or_default(),
                    q.role.clone().unwrap_or_default(),
                    q.status.as_str().to_string(),
                    q.published.clone().unwrap_or_default(),
                    q.doc_title.clone(),
                    q.text.clone(),
                ]
            }),
        )?;
        Ok(quotes.len())
    }

    /// Writes every event of `query` with its sources as citations; returns how many.
    pub fn export_timeline_csv(&self, query: &TimelineQuery, path: &Path) -> Result<usize> {
        let events = self.timeline(query)?;
        write_rows(
            path,
            "id,value,earliest,latest,precision,kind,status,conflict,title,entities,sources",
            events.iter().map(|e| {
                let sources: Vec<String> = e
                    .sources
                    .iter()
                    .map(|s| format!("[@d{}:{}-{}]", s.doc_id, s.start, s.end))
                    .collect();
                vec![
                    e.id.to_string(),
                    e.value.clone(),
                    e.earliest.clone(),
                    e.latest.clone(),
                    e.precision.clone(),
                    e.kind.as_str().to_string(),
                    e.status.as_str().to_string(),
                    e.conflict.to_string(),
                    e.title.clone(),
                    e.entities.join("; "),
                    sources.join(" "),
                ]
            }),
        )?;
        Ok(events.len())
    }
}

fn write_rows(path: &Path, header: &str, rows: impl Iterator<Item = Vec<String>>) -> Result<()> {
    let io = |e: std::io::Error| Error::io_at(path, &e);
    let file = std::fs::File::create(path).map_err(io)?;
    let mut out = std::io::BufWriter::new(file);
    writeln!(out, "{header}").map_err(io)?;
    for row in rows {
        let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
        writeln!(out, "{}", fields.join(",")).map_err(io)?;
    }
    out.flush().map_err(io)
}
