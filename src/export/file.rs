//! Writing an export to a file the way a person expects: never half a file, never another
//! file silently replaced.
//!
//! An export is written to a temporary file in the same folder and moved into place only
//! when complete, so a crash, a full disk or a killed process leaves either the old file or
//! the new one, never a truncated mix. Unless replacing was asked for, the move refuses to
//! take the place of a file that exists (checked by the link itself, so a file appearing in
//! the meantime is not lost either).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Whether an export may replace a file that is already at its path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Existing {
    /// Refuse with `conflict`, naming the file (the CLI's default; `--force` replaces).
    Keep,
    /// Replace it (the app's save dialog has already asked).
    Replace,
}

/// A file being written beside its final path; dropped without `finish`, it is removed.
pub struct PendingFile {
    target: PathBuf,
    temp: PathBuf,
    existing: Existing,
    out: Option<BufWriter<File>>,
}

impl PendingFile {
    /// Starts writing `target`, refusing at once if it exists and `existing` is `Keep`, so a
    /// long export does not run only to be refused at the end.
    pub fn create(target: &Path, existing: Existing) -> Result<PendingFile> {
        if existing == Existing::Keep && target.symlink_metadata().is_ok() {
            return Err(already_there(target));
        }
        let folder = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .ok_or_else(|| Error::invalid_input(format!("{}: not a file name", target.display())))?
            .to_string_lossy()
            .into_owned();
        let mut attempt = 0u32;
        loop {
            let temp = folder.join(format!(".{name}.{}-{attempt}.part", std::process::id()));
            match File::options().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(PendingFile {
                        target: target.to_path_buf(),
                        temp,
                        existing,
                        out: Some(BufWriter::new(file)),
                    })
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(Error::io_at(target, &e)),
            }
        }
    }

    /// The writer; errors on it should be mapped with `io_error`.
    pub fn writer(&mut self) -> &mut BufWriter<File> {
        self.out
            .as_mut()
            .expect("a pending file is open until finished")
    }

    /// An I/O error while writing, named by the file the person asked for.
    pub fn io_error(&self, err: std::io::Error) -> Error {
        Error::io_at(&self.target, &err)
    }

    /// Flushes, syncs and moves the file into place.
    pub fn finish(mut self) -> Result<()> {
        let out = self.out.take().expect("finished once");
        let file = out
            .into_inner()
            .map_err(|e| Error::io_at(&self.target, e.error()))?;
        file.sync_all()
            .map_err(|e| Error::io_at(&self.target, &e))?;
        drop(file);
        match self.existing {
            Existing::Replace => {
                std::fs::rename(&self.temp, &self.target)
                    .map_err(|e| Error::io_at(&self.target, &e))?;
            }
            // A hard link fails if the target exists, which rename would not; the temporary
            // name is then removed (by Drop).
            Existing::Keep => match std::fs::hard_link(&self.temp, &self.target) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    return Err(already_there(&self.target))
                }
                // Some file systems (FAT and exFAT memory sticks, some network shares) have no
                // hard links: there the check is made just before the rename instead.
                Err(_) if self.target.symlink_metadata().is_err() => {
                    std::fs::rename(&self.temp, &self.target)
                        .map_err(|e| Error::io_at(&self.target, &e))?;
                }
                Err(_) => return Err(already_there(&self.target)),
            },
        }
        let _ = std::fs::remove_file(&self.temp);
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        self.out.take();
        let _ = std::fs::remove_file(&self.temp);
    }
}

fn already_there(target: &Path) -> Error {
    Error::conflict(format!(
        "{} already exists; nothing was written (use --force to replace it)",
        target.display()
    ))
}

/// Writes `bytes` to `target` through a temporary file.
pub fn write_file(target: &Path, bytes: &[u8], existing: Existing) -> Result<()> {
    let mut pending = PendingFile::create(target, existing)?;
    let written = pending.writer().write_all(bytes);
    written.map_err(|e| pending.io_error(e))?;
    pending.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_existing_file_is_kept_unless_replacing_was_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("brief.md");
        std::fs::write(&path, "earlier work").unwrap();
        let err = write_file(&path, b"new", Existing::Keep).unwrap_err();
        assert_eq!(err.code, crate::ErrorCode::Conflict);
        assert!(err.message.contains("brief.md already exists"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier work");
        write_file(&path, b"new", Existing::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn an_abandoned_export_leaves_neither_half_a_file_nor_its_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("quotes.csv");
        std::fs::write(&path, "old,complete\n").unwrap();
        {
            let mut pending = PendingFile::create(&path, Existing::Replace).unwrap();
            pending.writer().write_all(b"half,of").unwrap();
            // Dropped without finish, as when an error stops the export part-way.
        }
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old,complete\n");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_file_appearing_while_the_export_runs_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("late.md");
        let mut pending = PendingFile::create(&path, Existing::Keep).unwrap();
        pending.writer().write_all(b"ours").unwrap();
        std::fs::write(&path, "theirs").unwrap();
        assert!(pending.finish().is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "theirs");
    }
}
