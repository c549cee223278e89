//! Exports: the Markdown brief, quotes and the timeline as CSV, and notes as Markdown files.

use std::path::{Path, PathBuf};

use crate::export::file::{self, Existing};
use crate::export::{brief, tables};
use crate::model::{Brief, BriefOptions, QuoteFilter, TimelineQuery};
use crate::{Case, Result};

impl Case {
    /// The brief for `options`, for a preview; the same case and options give the same bytes.
    pub fn brief(&self, options: &BriefOptions) -> Result<Brief> {
        brief::brief(self, options)
    }

    /// Writes the brief to `path` (through a temporary file, so never half a brief), unless
    /// its notes have claim-check problems and `options.allow_problems` is not set: then
    /// nothing is written and the returned brief has `saved: false` and the problems, for the
    /// caller to show and ask about.
    pub fn export_brief(
        &self,
        options: &BriefOptions,
        path: &Path,
        existing: Existing,
    ) -> Result<Brief> {
        let mut brief = self.brief(options)?;
        if !brief.problems.is_empty() && !options.allow_problems {
            return Ok(brief);
        }
        file::write_file(path, brief.markdown.as_bytes(), existing)?;
        brief.saved = true;
        Ok(brief)
    }

    /// Writes the quotes matching `filter` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_quotes_csv(
        &self,
        filter: &QuoteFilter,
        path: Option<&Path>,
        existing: Existing,
    ) -> Result<usize> {
        tables::quotes_csv(self, filter, path, existing)
    }

    /// Writes the events matching `query` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_timeline_csv(
        &self,
        query: &TimelineQuery,
        path: Option<&Path>,
        existing: Existing,
    ) -> Result<usize> {
        tables::timeline_csv(self, query, path, existing)
    }

    /// Writes every note into `dir` as a Markdown file, citations as written.
    pub fn export_notes(&self, dir: &Path, existing: Existing) -> Result<Vec<PathBuf>> {
        tables::notes_markdown(self, dir, existing)
    }
}
