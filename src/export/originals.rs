//! The originals of selected documents as a ZIP file with a manifest (issue 22): the bytes
//! exactly as imported, one file per document under `originals/`, and `manifest.csv` naming
//! each file's path in the archive, its SHA-256, the document's id, title and URL, so whoever
//! receives the archive can check every file against the case.
//!
//! Names inside the archive are built from the document id and the file name it was imported
//! from, cleaned to one safe path segment (no folders, no `..`, no control characters), so an
//! archive never writes outside the folder it is unpacked into. Entries carry the ZIP format's
//! earliest timestamp, so the same selection gives the same bytes (exports are deterministic).
//! ZIP64 is used when needed, so 100,000 documents or more than 4 GB fit.

use std::io::Write;
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::csv_field;
use super::file::{Existing, PendingFile};
use crate::{Error, Result};

/// One document to put in the archive; `original` is read when its turn comes, so the
/// export holds one original in memory at a time.
pub(crate) struct OriginalEntry {
    pub id: i64,
    pub title: String,
    pub url: Option<String>,
    pub sha256: String,
    /// The file name it was imported from, if known.
    pub file_name: Option<String>,
    pub format_extension: &'static str,
}

/// The longest a cleaned file name may be, in characters, before the id prefix.
const MAX_NAME_CHARS: usize = 80;

/// The path of a document's original inside the archive: `originals/000012-name.ext`.
pub(crate) fn archive_path(entry: &OriginalEntry) -> String {
    let cleaned: String = entry
        .file_name
        .as_deref()
        .unwrap_or("")
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c == '.' || c == ' ');
    let cleaned: String = cleaned.chars().take(MAX_NAME_CHARS).collect();
    let name = if cleaned.is_empty() {
        format!("document.{}", entry.format_extension)
    } else {
        cleaned
    };
    format!("originals/{:06}-{name}", entry.id)
}

/// Writes the archive to `path`; `read` gives a document's original bytes. Returns how many
/// documents were written.
pub(crate) fn write_zip(
    entries: &[OriginalEntry],
    read: &mut dyn FnMut(i64) -> Result<Vec<u8>>,
    path: &Path,
    existing: Existing,
    progress: &mut dyn FnMut(usize) -> bool,
) -> Result<usize> {
    let mut pending = PendingFile::create(path, existing)?;
    let zip_error = |e: zip::result::ZipError| Error::io(format!("{}: {e}", path.display()));
    let io = |e: std::io::Error| Error::io_at(path, &e);
    let mut manifest = String::from("path,sha256,doc_id,title,url\n");
    {
        let mut zip = ZipWriter::new(pending.writer());
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .large_file(false);
        for (done, entry) in entries.iter().enumerate() {
            let bytes = read(entry.id)?;
            let name = archive_path(entry);
            let options = if bytes.len() as u64 >= u32::MAX as u64 / 2 {
                options.large_file(true)
            } else {
                options
            };
            zip.start_file(name.as_str(), options).map_err(zip_error)?;
            zip.write_all(&bytes).map_err(io)?;
            let row = [
                name,
                entry.sha256.clone(),
                entry.id.to_string(),
                entry.title.clone(),
                entry.url.clone().unwrap_or_default(),
            ];
            let row: Vec<String> = row.iter().map(|f| csv_field(f)).collect();
            manifest.push_str(&row.join(","));
            manifest.push('\n');
            if !progress(done + 1) {
                return Err(Error::conflict(
                    "the export was cancelled; nothing was written",
                ));
            }
        }
        zip.start_file("manifest.csv", options).map_err(zip_error)?;
        zip.write_all(manifest.as_bytes()).map_err(io)?;
        zip.finish().map_err(zip_error)?;
    }
    pending.finish()?;
    Ok(entries.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: Option<&str>) -> OriginalEntry {
        OriginalEntry {
            id: 12,
            title: "t".into(),
            url: None,
            sha256: "00".into(),
            file_name: name.map(str::to_string),
            format_extension: "txt",
        }
    }

    #[test]
    fn archive_paths_stay_one_safe_segment() {
        assert_eq!(
            archive_path(&entry(Some("a.txt"))),
            "originals/000012-a.txt"
        );
        assert_eq!(
            archive_path(&entry(Some("../../etc/passwd"))),
            "originals/000012-_.._etc_passwd"
        );
        assert_eq!(
            archive_path(&entry(Some("C:\\x\\y.pdf"))),
            "originals/000012-C__x_y.pdf"
        );
        assert_eq!(
            archive_path(&entry(Some(".."))),
            "originals/000012-document.txt"
        );
        assert_eq!(archive_path(&entry(None)), "originals/000012-document.txt");
        assert_eq!(
            archive_path(&entry(Some("a\u{0}b\nc"))),
            "originals/000012-a_b_c"
        );
    }
}
