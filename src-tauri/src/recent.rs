//! The list of recently opened cases, kept as JSON in the app's config folder so the picker
//! can offer them and the last one can reopen at start.

use std::path::{Path, PathBuf};

use dossier::Error;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::dto::{case_name, RecentCase};

/// The picker shows this many; older entries are forgotten.
pub const MAX_RECENT: usize = 12;

/// One entry as stored on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: PathBuf,
    pub opened_at_ms: u64,
}

/// The stored file: newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentList {
    pub cases: Vec<Entry>,
}

impl RecentList {
    /// Reads the list; a missing or unreadable file is an empty list, because losing the
    /// history of recent cases must never stop the app from starting.
    pub fn load(file: &Path) -> RecentList {
        load_json(file)
    }

    pub fn save(&self, file: &Path) -> dossier::Result<()> {
        save_json(self, file)
    }

    /// Moves `path` to the front (adding it if new) and drops the oldest beyond the limit.
    pub fn touch(&mut self, path: &Path, now_ms: u64) {
        self.cases.retain(|entry| entry.path != path);
        self.cases.insert(
            0,
            Entry {
                path: path.to_path_buf(),
                opened_at_ms: now_ms,
            },
        );
        self.cases.truncate(MAX_RECENT);
    }

    pub fn forget(&mut self, path: &Path) {
        self.cases.retain(|entry| entry.path != path);
    }

    /// The most recently opened case that still exists.
    pub fn last_existing(&self) -> Option<&Path> {
        self.cases
            .iter()
            .map(|entry| entry.path.as_path())
            .find(|path| path.is_file())
    }

    pub fn to_dtos(&self) -> Vec<RecentCase> {
        self.cases
            .iter()
            .map(|entry| RecentCase {
                path: entry.path.display().to_string(),
                name: case_name(&entry.path),
                opened_at_ms: entry.opened_at_ms,
                exists: entry.path.is_file(),
            })
            .collect()
    }
}

/// Milliseconds since the Unix epoch, for the "last opened" column.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// Reads a small JSON state file of the app's; missing or unreadable gives the default, since
/// app state outside cases (recent cases, the last folder) must never stop the app.
pub fn load_json<T: DeserializeOwned + Default>(file: &Path) -> T {
    std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes a small JSON state file through a temporary file and a rename, so a crash mid-write
/// leaves the previous file intact rather than half a JSON document.
pub fn save_json<T: Serialize>(value: &T, file: &Path) -> dossier::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::io_at(dir, &e))?;
    }
    let tmp = file.with_extension("json.tmp");
    std::fs::write(&tmp, serde_json::to_vec_pretty(value)?).map_err(|e| Error::io_at(&tmp, &e))?;
    std::fs::rename(&tmp, file).map_err(|e| Error::io_at(file, &e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn touching_moves_to_front_without_duplicates() {
        let mut list = RecentList::default();
        list.touch(Path::new("/a.dossier"), 1);
        list.touch(Path::new("/b.dossier"), 2);
        list.touch(Path::new("/a.dossier"), 3);
        let paths: Vec<_> = list.cases.iter().map(|e| e.path.clone()).collect();
        assert_eq!(
            paths,
            vec![PathBuf::from("/a.dossier"), PathBuf::from("/b.dossier")]
        );
        assert_eq!(list.cases[0].opened_at_ms, 3);
    }

    #[test]
    fn the_list_is_bounded() {
        let mut list = RecentList::default();
        for i in 0..(MAX_RECENT as u64 + 5) {
            list.touch(Path::new(&format!("/c{i}.dossier")), i);
        }
        assert_eq!(list.cases.len(), MAX_RECENT);
        assert_eq!(list.cases[0].path, PathBuf::from("/c16.dossier"));
    }

    #[test]
    fn saves_loads_and_survives_garbage() {
        let dir = std::env::temp_dir().join(format!("dossier-recent-{}", std::process::id()));
        let file = dir.join("nested").join("recent-cases.json");
        let mut list = RecentList::default();
        list.touch(Path::new("/x.dossier"), 7);
        list.save(&file).unwrap();
        assert_eq!(RecentList::load(&file), list);
        std::fs::write(&file, b"{not json").unwrap();
        assert_eq!(RecentList::load(&file), RecentList::default());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn last_existing_skips_missing_files_and_dtos_say_so() {
        let dir = std::env::temp_dir().join(format!("dossier-recent-ex-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let real = dir.join("real.dossier");
        std::fs::write(&real, b"").unwrap();
        let mut list = RecentList::default();
        list.touch(&real, 1);
        list.touch(&dir.join("gone.dossier"), 2);
        assert_eq!(list.last_existing(), Some(real.as_path()));
        let dtos = list.to_dtos();
        assert_eq!(dtos[0].name, "gone");
        assert!(!dtos[0].exists);
        assert!(dtos[1].exists);
        list.forget(&real);
        assert_eq!(list.last_existing(), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
