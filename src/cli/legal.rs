//! How `show` prints pages, the text status and a court filing's structure for people.

use dossier::{Document, TextStatus};

/// Page count, text status and the legal structure, after the document's other fields.
pub fn print(doc: &Document, field: &dyn Fn(&str, Option<&str>)) {
    if !doc.pages.is_empty() {
        let first = doc.pages.first().map_or(0, |p| p.number);
        let last = doc.pages.last().map_or(0, |p| p.number);
        field(
            "pages",
            Some(&format!("{} (printed {first}–{last})", doc.pages.len())),
        );
    }
    if doc.text_status == TextStatus::NeedsOcr {
        field("text", Some("no text layer: needs OCR"));
    }
    if let Some(ocr) = &doc.ocr {
        let confidence = ocr
            .mean_confidence
            .map_or(String::new(), |c| format!(", mean confidence {c:.1}"));
        field(
            "text",
            Some(&format!(
                "from OCR of {} page(s) ({}, {}{confidence}; {} low-confidence word(s))",
                ocr.pages.len(),
                ocr.engine,
                ocr.languages,
                ocr.low_confidence.len()
            )),
        );
        for failed in &ocr.failed_pages {
            field(
                "unread",
                Some(&format!("page {}: {}", failed.page, failed.error)),
            );
        }
    }
    let Some(legal) = &doc.legal else {
        return;
    };
    field("filing", Some(&legal.doc_type.replace('_', " ")));
    field("court", legal.court.as_deref());
    field("case no.", legal.case_number.as_deref());
    field("filed", legal.filing_date.as_deref());
    let parties: Vec<String> = legal
        .caption
        .defendants
        .iter()
        .map(|d| {
            if d.aliases.is_empty() {
                d.name.clone()
            } else {
                format!("{} (a/k/a {})", d.name, d.aliases.join(", a/k/a "))
            }
        })
        .collect();
    field(
        "caption",
        Some(&format!(
            "{} v. {}",
            legal.caption.plaintiff,
            parties.join("; ")
        )),
    );
    for count in &legal.counts {
        let page = count.page.map(|p| format!(", p. {p}")).unwrap_or_default();
        field(
            &format!("count {}", count.number),
            Some(&format!(
                "{} [{}]{page}",
                count.description,
                count.statutes.join("; ")
            )),
        );
    }
    let dated = legal.paragraphs.iter().filter(|p| !p.dates.is_empty());
    for p in dated {
        let kind = if p.is_overt_act { "overt act" } else { "¶" };
        let page = p.page.map(|n| format!(", p. {n}")).unwrap_or_default();
        let dates: Vec<&str> = p.dates.iter().map(|d| d.value.as_str()).collect();
        field(
            &format!("{kind} {}", p.label),
            Some(&format!("{}{page}", dates.join(", "))),
        );
    }
}
