//! `dossier extract …`: the extractors run on a single file without a case, for scripting,
//! evaluation and trying things out. Offsets are in Unicode characters into the file's text
//! as read (decoded, but not normalized).

use std::path::Path;

use dossier::{Error, Result};
use serde_json::json;

/// Reads a file as text the way the importer decodes it (UTF-8, a declared charset, UTF-16
/// with a byte-order mark, else Windows-1252).
fn read_text(file: &Path) -> Result<String> {
    let bytes = std::fs::read(file).map_err(|e| Error::io_at(file, &e))?;
    if dossier::import::decode::looks_binary(&bytes) {
        return Err(Error::unsupported(format!(
            "{}: binary data, not text",
            file.display()
        )));
    }
    let charset = dossier::import::decode::html_declared_charset(&bytes);
    Ok(dossier::import::decode::decode(&bytes, charset.as_deref()).text)
}

pub fn article(file: &Path, json: bool) -> Result<()> {
    let text = read_text(file)?;
    let article = dossier::import::html::extract_article(&text);
    if json {
        println!(
            "{}",
            json!({
                "title": article.title,
                "byline": article.byline,
                "published": article.published,
                "site_name": article.site_name,
                "lang": article.lang,
                "text": article.text,
            })
        );
        return Ok(());
    }
    println!("{}", article.title.as_deref().unwrap_or("(no title)"));
    for (name, value) in [
        ("byline", &article.byline),
        ("published", &article.published),
        ("site", &article.site_name),
        ("lang", &article.lang),
    ] {
        if let Some(v) = value {
            println!("  {name:<10} {v}");
        }
    }
    println!();
    println!("{}", article.text);
    Ok(())
}

pub fn dates(file: &Path, reference: Option<&str>, json: bool) -> Result<()> {
    let reference = reference
        .map(|r| {
            chrono::NaiveDate::parse_from_str(r, "%Y-%m-%d").map_err(|_| {
                Error::invalid_input(format!("--ref '{r}' is not a date of the form YYYY-MM-DD"))
            })
        })
        .transpose()?;
    let text = read_text(file)?;
    let found = dossier::timex::extract(&text, reference);
    if json {
        println!(
            "{}",
            serde_json::to_string(&found).expect("timexes serialize")
        );
        return Ok(());
    }
    for t in &found {
        let interval = match (&t.earliest, &t.latest) {
            (Some(a), Some(b)) if a == b => format!("  [{a}]"),
            (Some(a), Some(b)) => format!("  [{a} .. {b}]"),
            _ => String::new(),
        };
        let kind = serde_json::to_value(t.kind).expect("types serialize");
        println!(
            "{:>7}-{:<7} {:<9} {:<24} {}{interval}",
            t.start,
            t.end,
            kind.as_str().unwrap_or_default(),
            t.value,
            t.text
        );
    }
    println!(
        "{} expression{}",
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

pub fn quotes(file: &Path, json: bool) -> Result<()> {
    let text = read_text(file)?;
    let found = dossier::quotes::extract(&text);
    if json {
        println!(
            "{}",
            serde_json::to_string(&found).expect("quotes serialize")
        );
        return Ok(());
    }
    for q in &found {
        let kind = serde_json::to_value(q.kind).expect("kinds serialize");
        let speaker =
            q.speaker
                .as_ref()
                .filter(|s| s.resolved)
                .map_or("-".to_string(), |s| match &s.role {
                    Some(role) => format!("{} ({role})", s.name),
                    None => s.name.clone(),
                });
        println!(
            "{:>7}-{:<7} {:<8} {speaker}",
            q.start,
            q.end,
            kind.as_str().unwrap_or_default()
        );
        println!("                  “{}”", q.text);
    }
    println!(
        "{} quote{}",
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    );
    Ok(())
}

/// The people and organisations of one file, as the importer finds them: the quotes first, so
/// speakers count as people, then the recogniser.
pub fn entities(file: &Path, json: bool) -> Result<()> {
    let text = read_text(file)?;
    let quotes = dossier::quotes::extract(&text);
    let found = dossier::entities::recognize(&text, &quotes);
    let mut mentions = vec![0usize; found.entities.len()];
    for mention in &found.mentions {
        mentions[mention.entity] += 1;
    }
    if json {
        let entities: Vec<_> = found
            .entities
            .iter()
            .zip(&mentions)
            .map(|(e, count)| {
                json!({
                    "name": e.name,
                    "kind": e.kind.as_str(),
                    "role": e.role,
                    "mentions": count,
                    "aliases": e.aliases.iter().map(|a| json!({
                        "surface": a.surface,
                        "confidence": a.confidence,
                        "evidence": a.evidence,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        println!("{}", serde_json::Value::Array(entities));
        return Ok(());
    }
    for (entity, count) in found.entities.iter().zip(&mentions) {
        let role = entity
            .role
            .as_ref()
            .map_or(String::new(), |r| format!(" ({r})"));
        println!(
            "{:<12} {:>4}  {}{role}",
            entity.kind.as_str(),
            count,
            entity.name
        );
        for alias in &entity.aliases {
            println!(
                "                    = {} ({:.2}, {})",
                alias.surface, alias.confidence, alias.evidence
            );
        }
    }
    println!(
        "{} entit{}, {} mention{}",
        found.entities.len(),
        if found.entities.len() == 1 {
            "y"
        } else {
            "ies"
        },
        found.mentions.len(),
        if found.mentions.len() == 1 { "" } else { "s" }
    );
    Ok(())
}
