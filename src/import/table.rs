//! Tables (`.csv`, `.tsv`): a spreadsheet a source sends, most often attached to a tip (the
//! demo's ledger), kept as a document of its own so its names and figures are searchable and
//! citable like any text. There was no importer for them, so an attachment such as
//! `ledger-2017Q1.csv` was named in a warning and left out.
//!
//! A table is text: it is decoded as every text source is (`import::decode`, so a ledger saved
//! in Windows-1252 reads right) and each row stays a line of the stored text. A TSV's tabs are
//! written as ` | ` because normalization folds tabs into spaces, which would run the cells
//! together. Rows past [`MAX_TABLE_ROWS`] are left out of the text with a warning; the
//! original is kept whole, as for every source.

use crate::import::metadata::detect_language;
use crate::import::ImportedDocument;
use crate::model::{DocumentKind, SourceFormat};
use crate::normalize::normalize_text;
use crate::{Error, Result};

/// The most rows of a table kept in its text. A table's text is searched, indexed and read by
/// the extraction stage like an article's; a million-row export would cost more than every
/// article of a case and say little per row, so its text stops here and says so.
pub const MAX_TABLE_ROWS: usize = 100_000;

/// Whether a file named with this extension is a table.
pub fn is_table(ext: &str) -> bool {
    matches!(ext, "csv" | "tsv" | "tab")
}

/// A table as a document titled by its file name, of kind `other`, with its rows as lines, and
/// the warning to report when rows were left out of its text.
pub fn parse(
    original: Vec<u8>,
    decoded: &str,
    ext: &str,
    file_stem: &str,
) -> Result<(ImportedDocument, Option<String>)> {
    let tabs = ext != "csv";
    let mut rows = 0usize;
    let mut kept = String::with_capacity(decoded.len().min(1 << 20));
    for line in decoded.lines() {
        if line.trim().is_empty() {
            continue;
        }
        rows += 1;
        if rows > MAX_TABLE_ROWS {
            continue;
        }
        if tabs {
            kept.push_str(&line.split('\t').collect::<Vec<_>>().join(" | "));
        } else {
            kept.push_str(line);
        }
        kept.push('\n');
    }
    let text = normalize_text(&kept);
    if text.is_empty() {
        return Err(Error::invalid_input("the table holds no rows"));
    }
    let warning = (rows > MAX_TABLE_ROWS).then(|| {
        format!(
            "a table of {rows} rows: its text keeps the first {MAX_TABLE_ROWS}; the rest is in \
             the original only"
        )
    });
    let extra = serde_json::json!({
        "table": { "rows": rows, "rows_in_text": rows.min(MAX_TABLE_ROWS) },
    });
    let doc = ImportedDocument {
        kind: DocumentKind::Other,
        outlet: None,
        language: detect_language(&text),
        title: file_stem.to_string(),
        url: None,
        authors: Vec::new(),
        published_raw: None,
        published: None,
        keywords: Vec::new(),
        doc_ref: None,
        format: SourceFormat::Text,
        original,
        text,
        extra,
        structure: Default::default(),
    };
    Ok((doc, warning))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_keeps_each_row_as_a_line_titled_by_its_file() {
        let csv = "date,amount,recipient\n2017-01-15,4000,account-17\n\n2017-02-01,  250,x\n";
        let (doc, warning) = parse(csv.as_bytes().to_vec(), csv, "csv", "ledger").unwrap();
        assert_eq!(
            doc.text,
            "date,amount,recipient\n2017-01-15,4000,account-17\n2017-02-01, 250,x"
        );
        assert_eq!(doc.title, "ledger");
        assert_eq!(doc.kind, DocumentKind::Other);
        assert_eq!(doc.extra["table"]["rows"], 3);
        assert_eq!(warning, None);
    }

    #[test]
    fn a_tsv_keeps_its_cells_apart() {
        let tsv = "name\tsum\nKeldara\t4000\n";
        let (doc, _) = parse(tsv.as_bytes().to_vec(), tsv, "tsv", "sums").unwrap();
        assert_eq!(doc.text, "name | sum\nKeldara | 4000");
    }

    #[test]
    fn rows_past_the_bound_stay_in_the_original_only_and_are_reported() {
        let csv: String = (0..MAX_TABLE_ROWS + 5)
            .map(|i| format!("{i},x\n"))
            .collect();
        let (doc, warning) = parse(csv.clone().into_bytes(), &csv, "csv", "big").unwrap();
        assert_eq!(doc.text.lines().count(), MAX_TABLE_ROWS);
        assert_eq!(doc.original.len(), csv.len(), "the original is kept whole");
        let warning = warning.unwrap();
        assert!(
            warning.contains(&format!("{} rows", MAX_TABLE_ROWS + 5)),
            "{warning}"
        );
    }

    #[test]
    fn an_empty_table_is_refused() {
        assert!(parse(b"\n \n".to_vec(), "\n \n", "csv", "empty").is_err());
    }
}
