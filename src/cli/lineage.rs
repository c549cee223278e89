//! `quote lineage ID` and `quotes --altered` (issue 21): a quote's appearances, earliest
//! first, and the quotes whose words changed since, with the changed words marked.

use dossier::model::{DiffOp, QuoteAppearance};
use dossier::{Case, Result};

/// The differences as one line: `[-removed-]` and `{+added+}`.
fn marked(parts: &[dossier::model::DiffPart]) -> String {
    let mut line = String::new();
    for part in parts {
        match part.op {
            DiffOp::Same => line.push_str(&part.text),
            DiffOp::Removed => line.push_str(&format!("[-{}-] ", part.text.trim_end())),
            DiffOp::Added => line.push_str(&format!("{{+{}+}} ", part.text.trim_end())),
        }
    }
    line
}

fn print(a: &QuoteAppearance) {
    let when = a.published.as_deref().unwrap_or("undated");
    let outlet = a
        .outlet
        .as_deref()
        .map(|o| format!(", {o}"))
        .unwrap_or_default();
    let mark = if a.earliest {
        "earliest"
    } else if a.altered {
        "ALTERED"
    } else {
        "same words"
    };
    println!(
        "q{}  [{}] {} ({when}{outlet})  {mark}",
        a.quote_id, a.doc_id, a.doc_title
    );
    if a.earliest || !a.altered {
        println!("    {}", a.text);
    } else {
        println!("    {}", marked(&a.diff));
    }
}

pub fn lineage(case: &Case, id: i64, json: bool) -> Result<()> {
    let lineage = case.quote_lineage(id)?;
    if json {
        println!("{}", serde_json::to_string(&lineage)?);
        return Ok(());
    }
    if lineage.appearances.len() < 2 {
        println!("Quote {id} appears nowhere else in the case.");
    } else {
        let speaker = lineage.appearances[0].speaker.as_deref().unwrap_or("?");
        println!(
            "Quote {id} by {speaker}: {} appearances, earliest first.",
            lineage.appearances.len()
        );
    }
    for a in &lineage.appearances {
        print(a);
    }
    Ok(())
}

pub fn altered(case: &Case, json: bool) -> Result<()> {
    let altered = case.altered_quotes()?;
    if json {
        println!("{}", serde_json::to_string(&altered)?);
        return Ok(());
    }
    if altered.is_empty() {
        println!("No quote's words differ from its earliest appearance.");
        return Ok(());
    }
    for a in &altered {
        print(a);
        println!("    earliest: q{}", a.earliest_quote);
    }
    println!(
        "{} altered quote{}",
        altered.len(),
        if altered.len() == 1 { "" } else { "s" }
    );
    Ok(())
}
