//! The CLI's side of OCR (issue 19): `dossier ocr ID [--lang eng+deu]` reads one scan again,
//! `dossier ocr --pending` reads every scan waiting, `dossier ocr --default-lang L` sets the
//! case's languages, and the page progress bar the import shows while scans are read.

use std::io::IsTerminal;

use dossier::model::OcrReport;
use dossier::{Case, Error, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

/// `dossier ocr`.
pub fn ocr(
    case: &Case,
    id: Option<i64>,
    lang: Option<&str>,
    default_lang: Option<&str>,
    quiet: bool,
    json: bool,
) -> Result<()> {
    if let Some(languages) = default_lang {
        let set = case.set_ocr_languages(languages)?;
        if json {
            println!("{}", json!({ "default_languages": set }));
        } else if !quiet {
            println!("Scans will be read in {set} unless an import says otherwise.");
        }
        if id.is_none() {
            return Ok(());
        }
    }
    let pages = match id {
        Some(id) => Some(case.request_ocr(id, lang)?),
        None if lang.is_some() => {
            return Err(Error::invalid_input(
                "--lang needs a document id: `dossier ocr ID --lang eng+deu`; to set the \
                 case's languages use --default-lang",
            ))
        }
        None => None,
    };
    let show_bar = !json && !quiet && std::io::stderr().is_terminal();
    let report = ocr_with_progress(case, show_bar)?;
    let extraction = super::stage::extract_with_progress(case, show_bar)?;
    if json {
        println!(
            "{}",
            json!({ "pages_requested": pages, "ocr": report, "extraction": extraction })
        );
        return Ok(());
    }
    print_problems(&report);
    if !quiet {
        println!("{}", ocr_line(&report));
        println!("{}", super::stage::extracted_line(&extraction));
    }
    Ok(())
}

pub fn print_problems(report: &OcrReport) {
    for p in &report.problems {
        eprintln!("warning: {}: {}", p.source, p.problem);
    }
}

pub fn ocr_line(report: &OcrReport) -> String {
    format!(
        "Recognised {} page(s) of {} document(s) by OCR{}",
        report.pages,
        report.documents,
        if report.cancelled { " (stopped)" } else { "" }
    )
}

/// Reads every scan waiting, with a bar of pages, rate and time left.
pub fn ocr_with_progress(case: &Case, show_bar: bool) -> Result<OcrReport> {
    if case.ocr_pending_pages()? == 0 {
        return Ok(OcrReport::default());
    }
    let bar = if show_bar {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("OCR {bar:30.green/blue} {pos}/{len} pages, eta {msg}")
            .expect("valid progress template"),
    );
    let report = case.ocr_pending(&mut |p| {
        bar.set_length(p.pages_total as u64);
        bar.set_position(p.pages_done as u64);
        if let Some(eta) = p.eta_seconds {
            bar.set_message(format!("{}m{:02}s", eta / 60, eta % 60));
        }
        true
    })?;
    bar.finish_and_clear();
    Ok(report)
}
