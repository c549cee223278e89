//! Quotes and the timeline as CSV, and notes as Markdown files: what goes to a spreadsheet or
//! another tool, identical whether the CLI or the app writes it. They are given the rows they
//! write; `crate::api::exports` reads them from the case.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::csv_field;
use super::file::{write_file, Existing, PendingFile};
use crate::model::{EventRecord, QuoteRecord};
use crate::{Error, Result};

/// Where CSV goes: a file, or standard output when no file is named.
fn write_rows(
    path: Option<&Path>,
    existing: Existing,
    header: &str,
    rows: &[Vec<String>],
) -> Result<()> {
    let shown = path.map_or_else(|| "standard output".into(), |p| p.display().to_string());
    let io = |e: std::io::Error| Error::io(format!("cannot write {shown}: {e}"));
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        writeln!(out, "{header}")?;
        for row in rows {
            let fields: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{}", fields.join(","))?;
        }
        out.flush()
    };
    match path {
        Some(path) => {
            let mut pending = PendingFile::create(path, existing)?;
            write(pending.writer()).map_err(io)?;
            pending.finish()
        }
        None => write(&mut std::io::BufWriter::new(std::io::stdout().lock())).map_err(io),
    }
}

/// `quotes` as CSV. Returns the number of rows.
pub(crate) fn quotes_csv(
    quotes: &[QuoteRecord],
    path: Option<&Path>,
    existing: Existing,
) -> Result<usize> {
    let rows: Vec<Vec<String>> = quotes
        .iter()
        .map(|q| {
            vec![
                format!("q{}", q.id),
                q.doc_id.to_string(),
                q.doc_title.clone(),
                q.published.clone().unwrap_or_default(),
                q.speaker.clone().unwrap_or_default(),
                q.role.clone().unwrap_or_default(),
                q.kind.clone(),
                q.status.as_str().to_string(),
                q.start.to_string(),
                q.end.to_string(),
                q.text.clone(),
            ]
        })
        .collect();
    write_rows(
        path,
        existing,
        "id,doc_id,document,published,speaker,role,kind,status,start,end,text",
        &rows,
    )?;
    Ok(rows.len())
}

/// `events` as CSV, each with its sources as span citations. Returns the number of rows.
pub(crate) fn timeline_csv(
    events: &[EventRecord],
    path: Option<&Path>,
    existing: Existing,
) -> Result<usize> {
    let rows: Vec<Vec<String>> = events
        .iter()
        .map(|e| {
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| format!("d{}:{}-{}", s.doc_id, s.start, s.end))
                .collect();
            vec![
                format!("e{}", e.id),
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
                e.tags.join("; "),
            ]
        })
        .collect();
    write_rows(
        path,
        existing,
        "id,value,earliest,latest,precision,kind,status,conflict,title,entities,sources,tags",
        &rows,
    )?;
    Ok(rows.len())
}

/// A file name for a note: its id and title, with anything a file system may refuse dropped.
fn file_name(id: i64, title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 60 {
            break;
        }
    }
    format!("n{id}-{}.md", slug.trim_end_matches('-'))
}

/// Writes each note (id, title, text) to `dir` as a Markdown file with its title as a heading
/// and its citations as written, so they can be read back or resolved later. Returns the
/// files.
pub(crate) fn notes_markdown<'a>(
    notes: impl IntoIterator<Item = (i64, &'a str, &'a str)>,
    dir: &Path,
    existing: Existing,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io_at(dir, &e))?;
    let mut written = Vec::new();
    for (id, title, text) in notes {
        let path = dir.join(file_name(id, title));
        let body = format!("# {title}\n\n{}\n", text.trim_end());
        write_file(&path, body.as_bytes(), existing)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::file_name;

    #[test]
    fn note_file_names_are_safe() {
        assert_eq!(
            file_name(3, "Levashov: the arrest / 2017"),
            "n3-levashov-the-arrest-2017.md"
        );
        assert_eq!(file_name(4, "../../etc"), "n4-etc.md");
    }
}
