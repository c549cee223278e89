//! The core's layering, held: `scripts/module-graph.py` reads every `use crate::…` in `src/`
//! and fails when a lower layer imports a higher one more often than agreed, or when two
//! folders import each other. Issue 18 brought the back-up imports from 10 to 0 and the
//! folder cycles from 2 to 0; the figures may only go down, so a new wrong-way door is
//! caught where it is made.

use std::path::Path;
use std::process::Command;

/// Back-up imports left: none since exports take data and citations have their own room.
const MAX_BACK_UP_IMPORTS: usize = 0;

/// Folder cycles left: none.
const MAX_FOLDER_CYCLES: usize = 0;

#[test]
fn the_module_graph_keeps_its_layers() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("scripts/module-graph.py"))
        .arg("--root")
        .arg(root)
        .arg("--check")
        .arg("--max-up")
        .arg(MAX_BACK_UP_IMPORTS.to_string())
        .arg("--max-cycles")
        .arg(MAX_FOLDER_CYCLES.to_string())
        .output()
        .expect("python3 runs scripts/module-graph.py (install Python 3 to run this test)");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the module graph broke its layers:\n{stdout}\n{stderr}"
    );
    // The script must have read the code, not an empty tree.
    assert!(stdout.contains("back-up imports"), "{stdout}");
}

#[test]
fn the_module_graph_check_catches_a_wrong_way_import() {
    // A tiny crate whose store imports the importer: one back-up import and a folder cycle.
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("store")).unwrap();
    std::fs::create_dir_all(src.join("import")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod import;\nmod store;\n").unwrap();
    std::fs::write(src.join("store/mod.rs"), "use crate::import::Parsed;\n").unwrap();
    std::fs::write(
        src.join("import/mod.rs"),
        "pub struct Parsed;\nfn save() { crate::store::save(); }\n",
    )
    .unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = Command::new("python3")
        .arg(root.join("scripts/module-graph.py"))
        .arg("--root")
        .arg(dir.path())
        .arg("--check")
        .output()
        .expect("python3 runs scripts/module-graph.py");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{stdout}");
    assert!(
        stdout.contains("back-up imports (a lower layer importing a higher one): 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("src/store/mod.rs:1 [store] -> src/import/mod.rs [import]"),
        "{stdout}"
    );
    assert!(stdout.contains("import <-> store"), "{stdout}");
}
