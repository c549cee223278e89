//! The CLI's contract: exit codes, JSON shapes and messages.

use crate::support::*;

#[test]
fn usage_errors_exit_2() {
    let out = dossier().arg("import").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dossier().arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_missing_case_says_how_to_make_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .arg("--case")
        .arg(dir.path().join("nope.dossier"))
        .arg("docs")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("dossier new"), "{}", stderr(&out));
    let out = dossier().arg("docs").output().unwrap();
    assert!(
        stderr(&out).contains("--case PATH or set DOSSIER_CASE"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_case_can_come_from_the_environment() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let out = dossier()
        .env("DOSSIER_CASE", &sandbox.case)
        .args(["docs", "--json"])
        .output()
        .unwrap();
    let docs: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 1);
}

#[test]
fn new_refuses_to_overwrite() {
    let sandbox = Sandbox::new();
    let out = dossier()
        .arg("new")
        .arg(&sandbox.case)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(err["error"]["code"], "conflict");
}

#[test]
fn docs_json_has_the_documented_fields() {
    let sandbox = Sandbox::new();
    sandbox.import(&[&seed_path()]);
    let docs = sandbox.docs();
    let mut keys: Vec<&String> = docs[0].as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "copies",
            "doc_ref",
            "format",
            "id",
            "kind",
            "outlet",
            "published",
            "sha256",
            "title",
            "url"
        ]
    );
}

#[test]
fn show_of_an_unknown_id_is_not_found() {
    let sandbox = Sandbox::new();
    let (code, err) = sandbox.json(&["show", "42"]);
    assert_eq!(code, 1);
    assert_eq!(err["error"]["code"], "not_found");
    assert_eq!(err["error"]["message"], "no document with id 42");
}

#[test]
fn human_output_names_failures_and_sums_up() {
    let sandbox = Sandbox::new();
    let bad = sandbox.write("empty.txt", "");
    let out = sandbox.run(&[
        "import",
        &seed_path().display().to_string(),
        &bad.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(3));
    assert!(stderr(&out).contains("failed: ") && stderr(&out).contains("empty.txt: empty file"));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.trim().lines().collect();
    assert_eq!(
        lines[0],
        "Imported 1 document, 0 duplicates skipped, 1 file failed."
    );
    // The import waited for the extraction stage, which says what it did.
    assert_eq!(lines.len(), 2, "{printed}");
    assert!(
        lines[1].starts_with("Extracted 1 pending document(s): "),
        "{printed}"
    );
}

#[test]
fn extract_article_needs_no_case() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<html lang=\"en-GB\"><head><title>A headline | The Example Times</title>\
         <meta property=\"og:site_name\" content=\"The Example Times\">\
         <meta name=\"author\" content=\"Ana Ruiz\">\
         <meta property=\"article:published_time\" content=\"2017-04-12T05:00:00-07:00\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article>\
         <h1>A headline</h1><p>The first paragraph of the story, which is long enough to be the \
         main text of this page by any measure.</p><p>The second paragraph continues the story \
         with more detail about what happened.</p></article>\
         <footer>Copyright The Example Times</footer></body></html>",
    )
    .unwrap();
    let out = dossier()
        .args(["extract", "article"])
        .arg(&page)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let article: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(article["title"], "A headline");
    assert_eq!(article["site_name"], "The Example Times");
    assert_eq!(article["byline"], "Ana Ruiz");
    assert_eq!(article["published"], "2017-04-12T05:00:00-07:00");
    assert_eq!(article["lang"], "en-GB");
    let text = article["text"].as_str().unwrap();
    assert!(
        text.starts_with("The first paragraph") || text.starts_with("A headline"),
        "{text}"
    );
    assert!(
        !text.contains("Home") && !text.contains("Copyright"),
        "{text}"
    );
}

fn extract_json(args: &[&str]) -> serde_json::Value {
    let out = dossier()
        .arg("extract")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn extract_dates_resolves_the_seed_against_its_publication_date() {
    let seed = seed_path().display().to_string();
    let found = extract_json(&["dates", &seed, "--ref", "2017-04-12"]);
    let value_of = |text: &str| {
        let hit = found.as_array().unwrap().iter().find(|t| t["text"] == text);
        hit.unwrap_or_else(|| panic!("'{text}' not found in {found}"))
            .clone()
    };
    assert_eq!(value_of("last week")["value"], "2017-W14");
    assert_eq!(value_of("last week")["earliest"], "2017-04-03");
    assert_eq!(value_of("last month")["value"], "2017-03");
    assert_eq!(value_of("at least 20 years")["type"], "DURATION");
    assert_eq!(value_of("at least 20 years")["value"], "P20Y");
    assert_eq!(
        value_of("Apr 12, 2017 5:00 AM PT")["value"],
        "2017-04-12T05:00-07:00"
    );
    let out = dossier()
        .args(["extract", "dates", &seed, "--ref", "12/04/2017"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn extract_quotes_attributes_the_seed_to_its_speakers() {
    let found = extract_json(&["quotes", &seed_path().display().to_string()]);
    let quotes = found.as_array().unwrap();
    let mut speakers: Vec<&str> = quotes
        .iter()
        .filter(|q| q["kind"] == "direct")
        .filter_map(|q| q["speaker"]["name"].as_str())
        .collect();
    speakers.sort();
    speakers.dedup();
    assert_eq!(
        speakers,
        [
            "Avivah Litan",
            "Keith Jarvis",
            "Kenneth A. Blanco",
            "Leo Taddeo",
            "Vitali Kremez"
        ]
    );
    let scare = quotes
        .iter()
        .find(|q| q["text"] == "pump and dump")
        .unwrap();
    assert_eq!(scare["kind"], "scare");
    assert!(scare["speaker"].is_null());
    let split = quotes
        .iter()
        .find(|q| q["spans"].as_array().unwrap().len() == 2)
        .unwrap();
    assert_eq!(split["speaker"]["name"], "Keith Jarvis");
}

#[test]
fn extract_entities_groups_the_seeds_people_with_their_evidence() {
    let found = extract_json(&["entities", &seed_path().display().to_string()]);
    let entities = found.as_array().unwrap();
    let named = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("'{name}' not found in {found}"))
    };
    let levashov = named("Pyotr Levashov");
    assert_eq!(levashov["kind"], "person");
    assert!(levashov["mentions"].as_u64().unwrap() > 3, "{levashov}");
    assert!(
        levashov["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a["surface"] == "Levashov"
                && a["evidence"].as_str().unwrap().contains("surname"))
    );
    assert_eq!(named("Gartner")["kind"], "organization");
    assert_eq!(
        named("Vitali Kremez")["role"],
        "threat intelligence director at Flashpoint"
    );
    let text = dossier()
        .args(["extract", "entities", &seed_path().display().to_string()])
        .output()
        .unwrap();
    assert!(text.status.success(), "{}", stderr(&text));
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Pyotr Levashov") && text.contains("mentions"),
        "{text}"
    );
}

/// The version the workspace's Cargo.toml states (`[workspace.package] version`), the one
/// source every binary and package takes it from.
fn workspace_version() -> String {
    let manifest = std::fs::read_to_string(repo_path("Cargo.toml")).unwrap();
    let section = manifest.split("[workspace.package]").nth(1).unwrap();
    let line = section
        .lines()
        .find(|line| line.starts_with("version = "))
        .expect("[workspace.package] states the version");
    line.trim_start_matches("version = ")
        .trim_matches('"')
        .to_string()
}

#[test]
fn version_names_the_workspace_version_and_the_commit() {
    let out = dossier().arg("--version").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = stdout(&out);
    let expected = format!("dossier {} (commit ", workspace_version());
    assert!(printed.starts_with(&expected), "{printed}");
    assert!(printed.trim_end().ends_with(')'), "{printed}");
    // Tauri reads the version from src-tauri's Cargo.toml (the workspace's) only when
    // tauri.conf.json states none: a second number there would make the app and the package
    // disagree with the CLI.
    let conf: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo_path("src-tauri/tauri.conf.json")).unwrap(),
    )
    .unwrap();
    assert!(
        conf.get("version").is_none(),
        "tauri.conf.json states a version"
    );
    let app_manifest = std::fs::read_to_string(repo_path("src-tauri/Cargo.toml")).unwrap();
    assert!(app_manifest.contains("version.workspace = true"));
}

#[test]
fn the_commit_given_at_build_time_is_in_the_version() {
    // DOSSIER_COMMIT is read when the binary is compiled, not when it runs: setting it now
    // must not change what the binary says.
    let built = stdout(&dossier().arg("--version").output().unwrap());
    let out = dossier()
        .env("DOSSIER_COMMIT", "not-at-run-time")
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(stdout(&out), built);
    assert!(!built.contains("not-at-run-time"));
    let commit = built
        .split("(commit ")
        .nth(1)
        .unwrap()
        .trim_end()
        .trim_end_matches(')');
    assert!(!commit.is_empty(), "{built}");
    assert!(
        commit == "unknown"
            || commit
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-'),
        "{built}"
    );
}

#[test]
fn generate_writes_completions_from_the_cli_definitions() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .args(["generate", "completions"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bash = std::fs::read_to_string(dir.path().join("dossier")).unwrap();
    let zsh = std::fs::read_to_string(dir.path().join("_dossier")).unwrap();
    let fish = std::fs::read_to_string(dir.path().join("dossier.fish")).unwrap();
    assert!(bash.contains("complete -F _dossier"), "{bash}");
    assert!(zsh.starts_with("#compdef dossier"), "{zsh}");
    assert!(fish.contains("complete -c dossier"), "{fish}");
    // Every shell knows the real subcommands and options, because they come from the parser
    // (fish spells a long option `-l case`).
    for script in [&bash, &zsh, &fish] {
        for word in ["import", "timeline", "reextract"] {
            assert!(script.contains(word), "{word} missing");
        }
    }
    for script in [&bash, &zsh] {
        assert!(script.contains("--case") && script.contains("--no-wait"));
    }
    assert!(
        fish.contains("-l case") && fish.contains("-l no-wait"),
        "{fish}"
    );
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn generate_writes_a_man_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .args(["generate", "man"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let main = std::fs::read_to_string(dir.path().join("dossier.1")).unwrap();
    assert!(main.contains(".TH dossier 1"), "{main}");
    assert!(main.contains("Case files for journalists"), "{main}");
    assert!(main.contains(&workspace_version()), "{main}");
    let import = std::fs::read_to_string(dir.path().join("dossier-import.1")).unwrap();
    assert!(import.contains("no\\-wait"), "{import}");
    assert!(dir.path().join("dossier-quote-confirm.1").exists());
    assert!(!dir.path().join("dossier-generate.1").exists());
}

#[test]
fn generate_into_an_unwritable_place_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "").unwrap();
    let out = dossier()
        .args(["generate", "man"])
        .arg(file.join("man"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("a-file"), "{}", stderr(&out));
}
