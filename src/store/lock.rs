//! The case's write lock: one process writes a case at a time, and the others wait their turn
//! instead of failing file by file with "database is locked" (SQLite) or finding the index's
//! files gone under them (a reindex).
//!
//! It is an advisory lock (`flock`) on a hidden file beside the case, `.<case>.lock`, holding
//! the pid of the process that has it, so that a waiting one can say whom it waits for. The
//! operating system releases it when its holder exits, even killed, so a crash never leaves a
//! case locked. Readers (searches, listings) never take it: SQLite's WAL and the index's
//! committed segments let them read while a writer works.

use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;

use crate::{Error, Result};

/// The lock, held until dropped. `file` is None where no lock file can be made (a case on
/// read-only media), which nothing can then write anyway.
pub struct WriteLock {
    _file: Option<File>,
}

/// Where a case's lock lives: beside the case file, named after it and hidden, like its index.
pub fn lock_path(case_path: &Path) -> PathBuf {
    let mut name = std::ffi::OsString::from(".");
    name.push(case_path.file_name().unwrap_or_default());
    name.push(".lock");
    case_path.with_file_name(name)
}

fn open(case_path: &Path) -> Result<Option<File>> {
    let path = lock_path(case_path);
    match OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
    {
        Ok(file) => Ok(Some(file)),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
            ) =>
        {
            Ok(None)
        }
        Err(e) => Err(Error::io_at(&path, &e)),
    }
}

/// Takes the lock if no other process has it.
pub fn try_acquire(case_path: &Path) -> Result<Option<WriteLock>> {
    let Some(file) = open(case_path)? else {
        return Ok(Some(WriteLock { _file: None }));
    };
    if !file
        .try_lock_exclusive()
        .map_err(|e| Error::io_at(&lock_path(case_path), &e))?
    {
        return Ok(None);
    }
    Ok(Some(held(file)))
}

/// Takes the lock, waiting for the process that has it; `waiting` is told once, with that
/// process's id when it recorded one, before the wait begins.
pub fn acquire(case_path: &Path, waiting: impl FnOnce(Option<u32>)) -> Result<WriteLock> {
    if let Some(lock) = try_acquire(case_path)? {
        return Ok(lock);
    }
    let path = lock_path(case_path);
    let Some(mut file) = open(case_path)? else {
        return Ok(WriteLock { _file: None });
    };
    let mut recorded = String::new();
    let _ = file.read_to_string(&mut recorded);
    waiting(recorded.trim().parse().ok());
    file.lock_exclusive().map_err(|e| Error::io_at(&path, &e))?;
    Ok(held(file))
}

/// Records this process as the holder. A failure to write the pid only costs the message of
/// the next process to wait.
fn held(mut file: File) -> WriteLock {
    let _ = file
        .set_len(0)
        .and_then(|_| file.seek(SeekFrom::Start(0)))
        .and_then(|_| write!(file, "{}", std::process::id()))
        .and_then(|_| file.flush());
    WriteLock { _file: Some(file) }
}
