//! What the CLI prints: JSON for scripts, aligned text for people.

use std::path::{Path, PathBuf};

use dossier::mail::threads::MailLinks;
use dossier::model::{BackupReport, DeletionImpact, ExtractionReport, TrashedDocument};
use dossier::text::fit;
use dossier::{Case, Document, DocumentSummary, ImportReport, RepairReport, Result, VerifyReport};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

pub fn created(json: bool, path: &Path) {
    if json {
        println!("{}", json!({ "created": path.display().to_string() }));
    } else {
        println!("Created case {}", path.display());
    }
}

pub fn import_with_progress(
    case: &mut Case,
    paths: &[PathBuf],
    extract: bool,
    show_bar: bool,
) -> Result<ImportReport> {
    let bar = if show_bar {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{bar:40.cyan/blue} {pos}/{len} files {bytes_per_sec:>10} eta {eta} {msg}",
        )
        .expect("valid progress template"),
    );
    let report = case.import_with(paths, extract, &mut |p| {
        bar.set_length(p.files_total as u64);
        bar.set_position(p.files_done as u64);
        bar.set_message(format!(
            "{} new, {} duplicate, {} failed",
            p.imported, p.duplicates, p.failed
        ));
        true
    })?;
    bar.finish_and_clear();
    Ok(report)
}

/// Prints an import's report, with what the extraction stage did when the import waited for
/// it, or the process it was handed to (`--no-wait`).
pub fn import_report(
    json: bool,
    report: &ImportReport,
    extraction: Option<&ExtractionReport>,
    background: Option<u32>,
) {
    if json {
        let failed: Vec<_> = report
            .failed
            .iter()
            .map(|f| json!({ "path": f.path, "error": f.error, "code": f.code }))
            .collect();
        let warnings: Vec<_> = report
            .warnings
            .iter()
            .map(|f| json!({ "path": f.path, "warning": f.error }))
            .collect();
        println!(
            "{}",
            json!({
                "imported": report.imported,
                "duplicates": report.duplicates,
                "failed": failed,
                "documents": report.documents,
                "warnings": warnings,
                "extraction": extraction,
                "extraction_pid": background,
            })
        );
        return;
    }
    for failure in &report.failed {
        eprintln!("failed: {}", failure.error);
    }
    for warning in &report.warnings {
        eprintln!("note: {}", warning.error);
    }
    println!(
        "Imported {} document{}, {} duplicate{} skipped, {} file{} failed.",
        report.imported,
        plural(report.imported),
        report.duplicates,
        plural(report.duplicates),
        report.failed.len(),
        plural(report.failed.len())
    );
    if let Some(extraction) = extraction {
        for problem in &extraction.problems {
            eprintln!("note: {problem}");
        }
        println!("{}", super::stage::extracted_line(extraction));
    }
    if let Some(pid) = background {
        println!(
            "Extracting quotes, entities and dates in the background (pid {pid}); \
             `dossier status` shows how far it is."
        );
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub(crate) fn summary_json(d: &DocumentSummary) -> serde_json::Value {
    json!({
        "id": d.id,
        "kind": d.kind,
        "title": d.title,
        "url": d.url,
        "outlet": d.outlet,
        "published": d.published,
        "doc_ref": d.doc_ref,
        "sha256": d.sha256,
        "format": d.format,
    })
}

pub fn documents(json: bool, docs: &[DocumentSummary]) {
    if json {
        let list: Vec<_> = docs.iter().map(summary_json).collect();
        println!("{}", serde_json::Value::Array(list));
        return;
    }
    if docs.is_empty() {
        println!("The case holds no documents yet. Add some with `dossier import PATH`.");
        return;
    }
    println!(
        "{:>6}  {:<13}  {:<25}  {:<18}  TITLE",
        "ID", "KIND", "PUBLISHED", "OUTLET"
    );
    for d in docs {
        println!(
            "{:>6}  {:<13}  {:<25}  {:<18}  {}",
            d.id,
            d.kind.as_str(),
            d.published.as_deref().unwrap_or("-"),
            fit(d.outlet.as_deref().unwrap_or("-"), 18),
            d.title
        );
    }
    println!("{} document{}", docs.len(), plural(docs.len()));
}

/// Adds an email's `thread` (its id and the Message-ID it answers) and an attachment's
/// `parent` (its message's document id) to a document's JSON, for those that have them.
pub(crate) fn add_mail_links(value: &mut serde_json::Value, id: i64, mail: &MailLinks) {
    if let Some(thread) = mail.threads.get(&id) {
        value["thread"] = json!(thread);
    }
    if let Some(parent) = mail.parents.get(&id) {
        value["parent"] = json!(parent);
    }
}

pub fn document(json: bool, doc: &Document, mail: &MailLinks) {
    if json {
        let mut value = serde_json::to_value(doc).expect("documents serialize");
        add_mail_links(&mut value, doc.summary.id, mail);
        println!("{value}");
        return;
    }
    let s = &doc.summary;
    println!("{}", s.title);
    let field = |name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            println!("  {name:<10} {v}");
        }
    };
    field("id", Some(&s.id.to_string()));
    field("kind", Some(s.kind.as_str()));
    field("url", s.url.as_deref());
    field("outlet", s.outlet.as_deref());
    field("authors", Some(&doc.authors.join("; ")));
    let published = s.published.as_ref().map(|p| {
        let precision = doc.published_precision.map(|p| p.as_str()).unwrap_or("?");
        format!(
            "{p} ({precision}; written \"{}\")",
            doc.published_raw.as_deref().unwrap_or("")
        )
    });
    field("published", published.as_deref());
    field("keywords", Some(&doc.keywords.join(", ")));
    field("language", doc.language.as_deref());
    if let Some(thread) = mail.threads.get(&s.id) {
        field("thread", Some(&thread.id));
        field("replies to", thread.parent.as_deref());
    }
    let parent = mail
        .parents
        .get(&s.id)
        .map(|p| format!("attached to document {p}"));
    field("parent", parent.as_deref());
    field("doc ref", s.doc_ref.as_deref());
    field("format", Some(s.format.as_str()));
    field("sha256", Some(&s.sha256));
    field("size", Some(&format!("{} bytes", doc.original_size)));
    field("imported", Some(&doc.imported_at));
    field("from", doc.original_path.as_deref());
    super::legal::print(doc, &field);
    println!();
    println!("{}", doc.text);
}

/// The verify report, after what `--repair` mended when it ran.
pub fn verify_report(
    json: bool,
    path: &Path,
    report: &VerifyReport,
    repaired: Option<&RepairReport>,
) {
    if json {
        println!(
            "{}",
            json!({
                "ok": report.is_ok(),
                "documents_checked": report.documents_checked,
                "integrity": report.integrity,
                "problems": report.problems,
                "damaged_documents": report.damaged_documents,
                "audit_entries": report.audit_entries,
                "audit_first_broken": report.audit_first_broken,
                "repaired": repaired.map(|r| &r.repaired),
                "not_repaired": repaired.map(|r| &r.not_repaired),
            })
        );
        return;
    }
    for id in repaired.iter().flat_map(|r| &r.repaired) {
        println!("document {id}: text re-derived from its original");
    }
    for reason in repaired.iter().flat_map(|r| &r.not_repaired) {
        println!("{reason}");
    }
    if report.is_ok() {
        println!(
            "{}: OK — database intact, {} original{} re-hashed and matching, texts, notes, quotes \
             and events match their checksums and sources, audit log chain intact over {} \
             entr{}.",
            path.display(),
            report.documents_checked,
            plural(report.documents_checked),
            report.audit_entries,
            if report.audit_entries == 1 {
                "y"
            } else {
                "ies"
            }
        );
    } else {
        println!(
            "{}: {} problem{} found",
            path.display(),
            report.problems.len(),
            plural(report.problems.len())
        );
        for problem in &report.problems {
            println!("  - {problem}");
        }
    }
}

pub fn deleted(json: bool, impact: &DeletionImpact, trashed: &[TrashedDocument], purged: bool) {
    if json {
        println!(
            "{}",
            json!({ "impact": impact, "documents": trashed, "purged": purged })
        );
        return;
    }
    let ids: Vec<String> = trashed.iter().map(|t| t.id.to_string()).collect();
    if purged {
        println!(
            "Purged {} document(s) for good: {}",
            trashed.len(),
            ids.join(" ")
        );
    } else {
        println!(
            "Deleted {} document(s): {} (undo with `dossier restore {}`)",
            trashed.len(),
            ids.join(" "),
            ids.join(" ")
        );
    }
    println!(
        "With them: {} quote(s) ({} reviewed), {} event(s) reported ({} left the timeline)",
        impact.quotes, impact.reviewed_quotes, impact.events, impact.events_removed
    );
    if !impact.citing_notes.is_empty() {
        println!("Notes whose citations no longer resolve:");
        for n in &impact.citing_notes {
            println!("  n{} {}", n.id, n.title);
        }
    }
}

pub fn trash(json: bool, trashed: &[TrashedDocument]) {
    if json {
        println!("{}", json!(trashed));
        return;
    }
    if trashed.is_empty() {
        println!("The trash is empty.");
    }
    for t in trashed {
        println!("{:<6} {} {}", t.id, t.deleted_at, t.title);
    }
}

pub fn backup(json: bool, report: &BackupReport) {
    if json {
        println!("{}", json!(report));
    } else {
        println!(
            "Copied the case to {} ({} bytes: {} documents, {} notes)",
            report.path, report.bytes, report.documents, report.notes
        );
    }
}
