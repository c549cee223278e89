//! The hidden `dossier generate` command: shell completions and man pages written from the
//! CLI's own definitions (clap's generators), so that what the packages install can never
//! drift from the arguments the program really takes. `scripts/package.sh` runs it on the
//! freshly built binary; nobody else needs it, hence hidden.

use std::path::{Path, PathBuf};

use clap::{CommandFactory, Subcommand};
use clap_complete::Shell;
use dossier::{Error, Result};

use super::Args;

#[derive(Subcommand, Debug)]
pub enum Generate {
    /// Write completion scripts for bash (`dossier`), zsh (`_dossier`) and fish
    /// (`dossier.fish`) into DIR.
    Completions { dir: PathBuf },
    /// Write the man pages (`dossier.1` and one per subcommand, `dossier-import.1` …) into
    /// DIR.
    Man { dir: PathBuf },
}

/// The shells the packages carry completions for, and the file name each one looks for in
/// its system directory (bash-completion loads `completions/dossier`, zsh `_dossier` from
/// `vendor-completions`, fish `dossier.fish`).
const SHELLS: [(Shell, &str); 3] = [
    (Shell::Bash, "dossier"),
    (Shell::Zsh, "_dossier"),
    (Shell::Fish, "dossier.fish"),
];

pub fn generate(what: Generate, json: bool) -> Result<()> {
    let written = match what {
        Generate::Completions { dir } => completions(&dir)?,
        Generate::Man { dir } => man_pages(&dir)?,
    };
    if json {
        let paths: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
        println!("{}", serde_json::json!({ "written": paths }));
    } else {
        for path in &written {
            println!("{}", path.display());
        }
    }
    Ok(())
}

fn completions(dir: &Path) -> Result<Vec<PathBuf>> {
    create_dir(dir)?;
    let mut written = Vec::new();
    for (shell, file_name) in SHELLS {
        let path = dir.join(file_name);
        let mut script = Vec::new();
        clap_complete::generate(shell, &mut Args::command(), "dossier", &mut script);
        std::fs::write(&path, script).map_err(|err| Error::io_at(&path, &err))?;
        written.push(path);
    }
    Ok(written)
}

fn man_pages(dir: &Path) -> Result<Vec<PathBuf>> {
    create_dir(dir)?;
    // `generate_to` writes `dossier.1` and a page for every subcommand, nested ones included
    // (`dossier-quote-confirm.1`), skipping hidden ones such as this command.
    clap_mangen::generate_to(Args::command(), dir).map_err(|err| Error::io_at(dir, &err))?;
    let mut written: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|err| Error::io_at(dir, &err))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "1"))
        .collect();
    written.sort();
    Ok(written)
}

fn create_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|err| Error::io_at(dir, &err))
}
