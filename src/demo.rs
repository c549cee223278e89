//! The demo case: the shipped demo sources imported, and a note that shows what a finished
//! piece of attribution work looks like (quotes, an event and a span cited, checked clean).
//! The app builds it on "Open the demo case"; `dossier demo PATH` builds the same file.

use std::path::Path;

use crate::model::{QuoteFilter, TimelineQuery};
use crate::{Case, Error, Result};

/// Creates the demo case at `case_path` from the sources in `sources`. A half-built demo case
/// is removed again, so that the next attempt starts clean instead of opening it.
pub fn create(case_path: &Path, sources: &Path) -> Result<Case> {
    if !sources.is_dir() {
        return Err(Error::not_found(format!(
            "the demo sources are missing from this installation (looked in {})",
            sources.display()
        )));
    }
    if let Some(dir) = case_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| Error::io_at(dir, &e))?;
    }
    let built = Case::create(case_path).and_then(|mut case| {
        let report = case.import(&[sources.to_path_buf()], &mut |_| true)?;
        if report.imported == 0 {
            return Err(Error::internal(format!(
                "the demo sources in {} held nothing to import",
                sources.display()
            )));
        }
        add_example_note(&case)?;
        Ok(case)
    });
    if built.is_err() {
        let _ = std::fs::remove_file(case_path);
        let _ = std::fs::remove_dir_all(crate::search::index_dir(case_path));
    }
    built
}

/// The seed article's story as a note, citing by id whatever extraction found, so the note
/// stays right when the extractors improve. Sources the demo lacks simply leave it out.
fn add_example_note(case: &Case) -> Result<()> {
    let quote = |speaker: &str, containing: &str| -> Result<Option<i64>> {
        Ok(case
            .quotes(&QuoteFilter {
                speaker: Some(speaker.to_string()),
                ..QuoteFilter::default()
            })?
            .into_iter()
            .find(|q| q.text.contains(containing))
            .map(|q| q.id))
    };
    let Some(seed) = case
        .documents()?
        .into_iter()
        .find(|d| d.title.starts_with("Spam Czar Nabbed"))
        .map(|d| d.id)
    else {
        return Ok(());
    };
    // The seed's own report of the arrest, not another source's week.
    let arrest = case
        .timeline(&TimelineQuery::default())?
        .into_iter()
        .find(|e| e.value == "2017-W14" && e.sources.iter().any(|s| s.doc_id == seed))
        .map(|e| e.id);
    let (Some(kremez), Some(blanco), Some(arrest)) = (
        quote("Vitali Kremez", "evade prosecution")?,
        quote("Kenneth A. Blanco", "Our success")?,
        arrest,
    ) else {
        return Ok(());
    };
    let text = format!(
        "# Who is Pyotr Levashov?\n\n\
         Levashov was arrested in Spain \"last week\" [@e{arrest}]. The first report put it \
         plainly [@d{seed}:0-152]. \
         Vitali Kremez of Flashpoint said he had been able to \"evade prosecution for at \
         least 20 years\" [@q{kremez}].\n\n\
         The Justice Department credited \"strong cooperation between private industry \
         experts and law enforcement\" [@q{blanco}].\n\n\
         Type `[@` to cite a quote, a document or an event; `dossier check` (or the editor) \
         flags any quoted words the source does not contain.\n"
    );
    case.add_note("Levashov: the arrest and the takedown", &text)?;
    Ok(())
}
