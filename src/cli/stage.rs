//! The CLI's side of the staged import (issue 23): `import` stores and indexes documents, then
//! waits for the extraction stage with a second progress bar, or with `--no-wait` hands the
//! stage to a detached `dossier reextract --pending` and returns; `reextract --pending` runs or
//! finishes the stage; `status` says how far it is.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::model::{ExtractionReport, ExtractionStatus};
use dossier::{Case, Error, Result};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use super::output;

/// What `import` does about extraction once the documents are in.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AfterImport {
    /// Run the stage now and wait for it (the default: scripts see a finished case).
    Wait,
    /// Start the stage in a detached process and return.
    Background,
    /// Leave the documents pending (`--no-extract`).
    Nothing,
}

pub fn import(
    case: &mut Case,
    paths: &[PathBuf],
    after: AfterImport,
    ocr_lang: Option<&str>,
    quiet: bool,
    json: bool,
) -> Result<ExitCode> {
    let show_bar = !json && !quiet && std::io::stderr().is_terminal();
    let mut report = output::import_with_progress(case, paths, false, show_bar)?;
    if let Some(languages) = ocr_lang {
        case.set_import_ocr_languages(&report.documents, languages)?;
    }
    let mut extraction = None;
    let mut background = None;
    if !report.cancelled {
        match after {
            AfterImport::Wait => {
                // Scans are read first, with a bar of their own, so their text is extracted
                // with the rest.
                let ocr = super::ocr::ocr_with_progress(case, show_bar)?;
                for problem in ocr.problems {
                    report.warnings.push(dossier::ImportFailure {
                        path: problem.source,
                        error: problem.problem,
                        code: dossier::ErrorCode::InvalidInput,
                    });
                }
                extraction = Some(extract_with_progress(case, show_bar)?)
            }
            AfterImport::Background => background = Some(start_in_background(case.path())?),
            AfterImport::Nothing => {}
        }
    }
    output::import_report(json, &report, extraction.as_ref(), background);
    Ok(if report.failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}

/// Runs the stage with a progress bar of its own: documents extracted, rate and time left.
pub fn extract_with_progress(case: &Case, show_bar: bool) -> Result<ExtractionReport> {
    let bar = if show_bar {
        ProgressBar::new(0)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template("extracting {bar:30.green/blue} {pos}/{len} {rate} eta {eta}")
            .expect("valid progress template")
            // indicatif's own {per_sec} prints every decimal of the rate.
            .with_key(
                "rate",
                |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} docs/s", state.per_sec());
                },
            ),
    );
    let report = case.extract_pending(&mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        true
    })?;
    bar.finish_and_clear();
    Ok(report)
}

/// Starts `dossier --case CASE reextract --pending --quiet` in its own session, detached from
/// this terminal, so that the stage finishes after `import --no-wait` returns (and survives the
/// terminal closing). It waits for the case's write lock like any writer; should it die, the
/// next `reextract --pending` or import finishes the stage, since the stage is resumable.
/// Returns its process id.
fn start_in_background(case: &Path) -> Result<u32> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::io(format!("cannot find the dossier program to run: {e}")))?;
    let mut command = std::process::Command::new(exe);
    command
        .arg("--case")
        .arg(case)
        .args(["reextract", "--pending", "--quiet"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        // SAFETY: setsid is async-signal-safe, which is all pre_exec may call; it only makes
        // the child the leader of a new session, away from this terminal's hang-up.
        unsafe {
            command.pre_exec(|| {
                libc::setsid();
                Ok(())
            });
        }
    }
    let child = command.spawn().map_err(|e| {
        Error::io(format!(
            "cannot start the extraction in the background: {e}"
        ))
    })?;
    Ok(child.id())
}

/// `reextract --pending`: runs or finishes the stage.
pub fn reextract_pending(case: &Case, quiet: bool, json: bool) -> Result<()> {
    let show_bar = !json && !quiet && std::io::stderr().is_terminal();
    let report = extract_with_progress(case, show_bar)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(());
    }
    for problem in &report.problems {
        eprintln!("note: {problem}");
    }
    if !quiet {
        println!("{}", extracted_line(&report));
    }
    Ok(())
}

pub fn extracted_line(report: &ExtractionReport) -> String {
    format!(
        "Extracted {} pending document(s): {} quotes, {} mentions, {} events proposed; {} \
         reviewed item(s) kept as they were",
        report.documents, report.quotes, report.mentions, report.events, report.kept_reviewed
    )
}

pub fn status(case: &Case, json: bool) -> Result<()> {
    let status: ExtractionStatus = case.extraction_status()?;
    if json {
        println!("{}", json!(status));
        return Ok(());
    }
    println!(
        "{} documents: {} extracted, {} pending (extractor version {}){}",
        status.documents,
        status.extracted,
        status.pending,
        status.extractor_version,
        if status.running {
            "; extraction is running in another process"
        } else if status.pending > 0 {
            "; `dossier reextract --pending` extracts them"
        } else {
            ""
        }
    );
    Ok(())
}
