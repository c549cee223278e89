//! Exports: the Markdown brief, quotes and the timeline as CSV, and notes as Markdown files.

use std::path::{Path, PathBuf};

use crate::export::{brief, tables};
use crate::model::{Brief, BriefOptions, QuoteFilter, TimelineQuery};
use crate::{Case, Error, Result};

impl Case {
    /// The brief for `options`, for a preview; the same case and options give the same bytes.
    pub fn brief(&self, options: &BriefOptions) -> Result<Brief> {
        brief::brief(self, options)
    }

    /// Writes the brief to `path`.
    pub fn export_brief(&self, options: &BriefOptions, path: &Path) -> Result<Brief> {
        let brief = self.brief(options)?;
        std::fs::write(path, &brief.markdown).map_err(|e| Error::io_at(path, &e))?;
        Ok(brief)
    }

    /// Writes the quotes matching `filter` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_quotes_csv(&self, filter: &QuoteFilter, path: Option<&Path>) -> Result<usize> {
        tables::quotes_csv(self, filter, path)
    }

    /// Writes the events matching `query` as CSV to `path` (standard output if none);
    /// returns how many.
    pub fn export_timeline_csv(&self, query: &TimelineQuery, path: Option<&Path>) -> Result<usize> {
        tables::timeline_csv(self, query, path)
    }

    /// Writes every note into `dir` as a Markdown file, citations as written.
    pub fn export_notes(&self, dir: &Path) -> Result<Vec<PathBuf>> {
        tables::notes_markdown(self, dir)
    }
}
