//! Where the file dialogs start: the folder last used in one of them, else the person's home,
//! never the process's working folder (which for an app started from a desktop menu is `/` or
//! the install folder). The folder is kept as JSON beside the recent-cases list, outside any
//! case, because it belongs to the person at this computer rather than to a case.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The stored file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastFolder {
    pub folder: Option<PathBuf>,
}

impl LastFolder {
    /// Reads the file; missing or unreadable is "no folder yet".
    pub fn load(file: &Path) -> LastFolder {
        crate::recent::load_json(file)
    }

    pub fn save(&self, file: &Path) -> dossier::Result<()> {
        crate::recent::save_json(self, file)
    }
}

/// The folder a picked path stands for: a folder itself, or the folder holding a file (which
/// for a save dialog may not exist yet).
pub fn folder_of(picked: &Path) -> Option<PathBuf> {
    if picked.is_dir() {
        return Some(picked.to_path_buf());
    }
    picked
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && p.is_dir())
        .map(Path::to_path_buf)
}

/// Where the next dialog starts: the remembered folder while it still exists, else `home`.
pub fn start_folder(file: &Path, home: Option<PathBuf>) -> Option<PathBuf> {
    LastFolder::load(file)
        .folder
        .filter(|f| f.is_dir())
        .or(home)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dialogs_start_in_the_last_folder_used_else_home() {
        let dir = std::env::temp_dir().join(format!("dossier-folders-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let sources = dir.join("sources");
        std::fs::create_dir_all(&sources).unwrap();
        let file = dir.join("config/last-folder.json");
        let home = Some(PathBuf::from("/home/reporter"));

        assert_eq!(start_folder(&file, home.clone()), home, "nothing used yet");
        // A picked file stands for its folder, a picked folder for itself.
        assert_eq!(folder_of(&sources.join("a.html")), Some(sources.clone()));
        assert_eq!(folder_of(&sources), Some(sources.clone()));
        assert_eq!(folder_of(Path::new("relative.txt")), None);

        LastFolder {
            folder: Some(sources.clone()),
        }
        .save(&file)
        .unwrap();
        assert_eq!(start_folder(&file, home.clone()), Some(sources.clone()));
        // A remembered folder that has gone is no place to start.
        std::fs::remove_dir_all(&sources).unwrap();
        assert_eq!(start_folder(&file, home.clone()), home);
        std::fs::write(&file, b"not json").unwrap();
        assert_eq!(start_folder(&file, home.clone()), home);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
