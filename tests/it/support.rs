//! A tiny DSL for integration tests: a sandbox folder with a fresh case, helpers to write
//! source files into it, and a runner for the real `dossier` binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

pub mod certs;
pub mod pg;

pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub case: PathBuf,
    /// Variables every run gets, such as a fixed clock.
    pub env: Vec<(String, String)>,
}

/// The project's own fixtures and demo sources.
pub fn repo_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn seed_path() -> PathBuf {
    repo_path("assets/demo/seed-technewsworld-kelihos.txt")
}

pub fn dossier() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.env_remove("DOSSIER_CASE");
    cmd
}

impl Sandbox {
    /// A sandbox with an empty case created through the CLI.
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("temporary folder");
        let case = dir.path().join("case.dossier");
        let out = dossier()
            .arg("new")
            .arg(&case)
            .output()
            .expect("dossier runs");
        assert!(out.status.success(), "dossier new failed: {}", stderr(&out));
        Sandbox {
            dir,
            case,
            env: Vec::new(),
        }
    }

    /// Writes a source file under the sandbox's `sources/` folder and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join("sources").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    pub fn sources(&self) -> PathBuf {
        self.dir.path().join("sources")
    }

    /// From now on every run sees the clock stopped at `seconds` (`SOURCE_DATE_EPOCH`), so
    /// what it writes is the same on every run of the test.
    pub fn with_fixed_clock(mut self, seconds: i64) -> Sandbox {
        self.env
            .push(("SOURCE_DATE_EPOCH".to_string(), seconds.to_string()));
        self
    }

    /// Runs `dossier --case CASE ARGS…`.
    pub fn run(&self, args: &[&str]) -> Output {
        dossier()
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .arg("--case")
            .arg(&self.case)
            .args(args)
            .output()
            .expect("dossier runs")
    }

    /// Runs a command with `--json` and parses what it printed.
    pub fn json(&self, args: &[&str]) -> (i32, Value) {
        let mut all: Vec<&str> = args.to_vec();
        all.push("--json");
        let out = self.run(&all);
        let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{args:?} printed no JSON ({e}): {}\n{}",
                stdout(&out),
                stderr(&out)
            )
        });
        (out.status.code().unwrap_or(-1), value)
    }

    /// Imports paths with `--json` and returns the exit code and the report.
    pub fn import(&self, paths: &[&Path]) -> (i32, Value) {
        let mut args = vec!["import".to_string()];
        args.extend(paths.iter().map(|p| p.display().to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        self.json(&refs)
    }

    pub fn docs(&self) -> Vec<Value> {
        let (code, docs) = self.json(&["docs"]);
        assert_eq!(code, 0);
        docs.as_array().expect("docs prints an array").clone()
    }

    pub fn show(&self, id: i64) -> Value {
        let (code, doc) = self.json(&["show", &id.to_string()]);
        assert_eq!(code, 0, "{doc}");
        doc
    }

    /// The whole state a user could observe, for "nothing already in the case changed".
    pub fn snapshot(&self) -> Vec<Value> {
        self.docs()
            .iter()
            .map(|d| self.show(d["id"].as_i64().unwrap()))
            .collect()
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The `failed` entries of an import report as (file name, error) pairs.
pub fn failures(report: &Value) -> Vec<(String, String)> {
    report["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let path = PathBuf::from(f["path"].as_str().unwrap());
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, f["error"].as_str().unwrap().to_string())
        })
        .collect()
}

/// A small news record in the seed's format.
pub fn news_record(doc_id: &str, title: &str, date: &str, content: &str) -> String {
    format!(
        "URL:https://news.example.com/{doc_id}\nTITLE:{title}\nMETA-KEYWORDS:test\n\
         DATE:{date}\nDOC ID:{doc_id}\nCONTENT:{content}\n"
    )
}

/// The three small records the tags and audit tests share (two about the Kelihos botnet,
/// one about the weather), the second titled `second_title`, imported together with `more`.
pub fn three_records(second_title: &str, more: &[&Path]) -> Sandbox {
    let s = Sandbox::new();
    for (id, title, content) in [
        (
            "a1",
            "Botnet takedown",
            "Police dismantled the Kelihos botnet.",
        ),
        (
            "a2",
            second_title,
            "Kelihos operators used spam to reach voters.",
        ),
        ("a3", "Weather notes", "A quiet spring with light rain."),
    ] {
        s.write(
            &format!("{id}.txt"),
            news_record(id, title, "Apr 3, 2017", content),
        );
    }
    let sources = s.sources();
    let mut paths: Vec<&Path> = vec![&sources];
    paths.extend_from_slice(more);
    let (code, report) = s.import(&paths);
    assert_eq!(code, 0, "{report}");
    s
}
