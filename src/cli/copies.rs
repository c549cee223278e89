//! The `copies` command and the `copies` field of `docs --json` (issue 21): a document's
//! near-duplicates, earliest first, and each document's group.

use dossier::model::{CopyGroup, DiffOp};
use dossier::{Case, Result};
use serde_json::json;

use super::output;

/// `docs`: with `--json`, each document with `copies` (its group, the earliest document and
/// its similarity to it, or null when it has no copy).
pub fn documents(case: &Case, json: bool) -> Result<()> {
    let docs = case.documents()?;
    if !json {
        output::documents(false, &docs);
        return Ok(());
    }
    let index = case.copy_index()?;
    let mail = case.mail_links()?;
    let list: Vec<_> = docs
        .iter()
        .map(|d| {
            let mut value = output::summary_json(d);
            value["copies"] = json!(index.get(&d.id));
            output::add_mail_links(&mut value, d.id, &mail);
            value
        })
        .collect();
    println!("{}", serde_json::Value::Array(list));
    Ok(())
}

/// `copies ID [--diff]`: the document's group, earliest first; with `--diff`, the words the
/// document added to and removed from the earliest version.
pub fn copies(case: &Case, id: i64, show_diff: bool, json: bool) -> Result<()> {
    let group = case.copies(id)?;
    let diff = if show_diff {
        Some(case.copy_differences(id)?)
    } else {
        None
    };
    if json {
        let mut value = json!(group);
        if let Some(diff) = &diff {
            value["diff"] = json!(diff);
        }
        println!("{value}");
        return Ok(());
    }
    print_group(&group);
    if let Some(diff) = diff {
        if diff.is_empty() {
            println!("\nDocument {id} is the earliest version: nothing to compare.");
        } else {
            println!(
                "\nDifferences from document {} ([-removed-] {{+added+}}):",
                group.earliest
            );
            let mut line = String::new();
            for part in diff {
                match part.op {
                    DiffOp::Same => line.push_str(&part.text),
                    DiffOp::Removed => line.push_str(&format!("[-{}-]", part.text.trim_end())),
                    DiffOp::Added => line.push_str(&format!("{{+{}+}}", part.text.trim_end())),
                }
            }
            println!("{line}");
        }
    }
    Ok(())
}

fn print_group(group: &CopyGroup) {
    if group.group.is_none() {
        println!(
            "Document {} has no near-duplicate in the case.",
            group.document
        );
        return;
    }
    println!(
        "Document {} is one of {} near-duplicates; the earliest is document {}.",
        group.document,
        group.members.len(),
        group.earliest
    );
    println!(
        "{:>6}  {:>10}  {:<25}  {:<18}  TITLE",
        "ID", "SIMILARITY", "PUBLISHED", "OUTLET"
    );
    for m in &group.members {
        println!(
            "{:>6}  {:>10}  {:<25}  {:<18}  {}{}",
            m.id,
            format!("{:.2}", m.similarity),
            m.published.as_deref().unwrap_or("-"),
            dossier::text::fit(m.outlet.as_deref().unwrap_or("-"), 18),
            m.title,
            if m.earliest { "  (earliest)" } else { "" }
        );
    }
}
