//! The external programs: `tesseract` recognises a picture, `pdfinfo` and `pdftoppm`
//! (poppler) size and render a PDF page. Each runs as a child process with a deadline and is
//! killed when it passes it, with one thread for the engine (`OMP_THREAD_LIMIT=1`): the stage
//! runs a page per core, which uses the cores better than one page on several threads.
//!
//! A missing program is an error that says to run `scripts/setup.sh`, which installs them
//! (Debian's `tesseract-ocr`, its language packs and `poppler-utils`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use super::{tsv, Languages, RecognizedPage, MAX_PIXELS, RENDER_DPI};
use crate::{Error, Result};

fn missing(program: &str, package: &str) -> Error {
    Error::unsupported(format!(
        "OCR needs the program '{program}', which is not installed: run scripts/setup.sh \
         (Debian package {package})"
    ))
}

/// What a finished child process wrote.
struct Finished {
    success: bool,
    stdout: Vec<u8>,
    stderr: String,
}

/// Runs a command to completion or kills it at the deadline. Its output is read on threads of
/// its own so that a child writing more than a pipe holds never blocks.
fn run(mut command: Command, timeout: Duration, what: &str) -> Result<Finished> {
    let program = command.get_program().to_string_lossy().into_owned();
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .env("OMP_THREAD_LIMIT", "1");
    let mut child = command.spawn().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            match program.as_str() {
                "tesseract" => missing("tesseract", "tesseract-ocr"),
                other => missing(other, "poppler-utils"),
            }
        } else {
            Error::io(format!("could not start {program}: {e}"))
        }
    })?;
    let mut out = child.stdout.take().expect("piped");
    let mut err = child.stderr.take().expect("piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        // Only the start of what a program complains about is worth showing.
        let _ = (&mut err).take(64 * 1024).read_to_end(&mut buf);
        let _ = std::io::copy(&mut err, &mut std::io::sink());
        buf
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child
            .try_wait()
            .map_err(|e| Error::io(format!("{program} vanished: {e}")))?
        {
            break status;
        }
        if started.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            let _ = out_reader.join();
            let _ = err_reader.join();
            return Err(Error::invalid_input(format!(
                "{what} took longer than {} s and was stopped",
                timeout.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(15));
    };
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Ok(Finished {
        success: status.success(),
        stdout,
        stderr,
    })
}

/// The first line of what the engine complains about, for a person to read.
fn complaint(stderr: &str) -> String {
    stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("Estimating resolution"))
        .unwrap_or("no reason given")
        .chars()
        .take(200)
        .collect()
}

/// The engine and its version as recorded with every OCRed document (`tesseract 5.3.0`),
/// asked once per process.
pub fn version() -> Result<String> {
    static VERSION: OnceLock<std::result::Result<String, Error>> = OnceLock::new();
    VERSION
        .get_or_init(|| {
            let mut command = Command::new("tesseract");
            command.arg("--version");
            let out = run(
                command,
                Duration::from_secs(20),
                "asking tesseract its version",
            )?;
            // Older builds print the version on stderr.
            let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), out.stderr);
            text.lines()
                .map(str::trim)
                .find(|l| l.starts_with("tesseract "))
                .map(str::to_string)
                .ok_or_else(|| Error::internal("tesseract did not say its version"))
        })
        .clone()
}

/// The language packs installed.
pub fn installed_languages() -> Result<Vec<String>> {
    let mut command = Command::new("tesseract");
    command.arg("--list-langs");
    let out = run(
        command,
        Duration::from_secs(20),
        "listing tesseract's languages",
    )?;
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), out.stderr);
    Ok(text
        .lines()
        .skip_while(|l| !l.starts_with("List of available languages"))
        .skip(1)
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect())
}

/// `Ok` when every language has its pack installed, else an error naming the missing ones.
pub fn check_languages(languages: &Languages) -> Result<()> {
    let installed = installed_languages()?;
    let missing: Vec<&str> = languages
        .names()
        .filter(|n| !installed.iter().any(|i| i == n))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::invalid_input(format!(
        "no OCR language pack for {}: install Debian's tesseract-ocr-{} (installed: {})",
        missing.join(", "),
        missing[0],
        installed.join(", ")
    )))
}

/// Recognises the picture in the file at `image` (PNG, JPEG, TIFF, PNM) in `languages`.
pub fn recognize(image: &Path, languages: &Languages, timeout: Duration) -> Result<RecognizedPage> {
    let mut command = Command::new("tesseract");
    command
        .arg(image)
        .arg("stdout")
        .arg("-l")
        .arg(languages.as_str())
        .arg("tsv");
    let out = run(command, timeout, "recognising the page")?;
    if !out.success {
        return Err(Error::invalid_input(format!(
            "the OCR engine could not read the page's picture: {}",
            complaint(&out.stderr)
        )));
    }
    let tsv = String::from_utf8_lossy(&out.stdout);
    Ok(tsv::parse(&tsv).into_iter().next().unwrap_or_default())
}

/// Each page's size in points (1/72 in), from `pdfinfo`.
pub fn pdf_page_sizes(pdf: &Path, pages: u32) -> Result<Vec<(f64, f64)>> {
    let mut command = Command::new("pdfinfo");
    command
        .arg("-f")
        .arg("1")
        .arg("-l")
        .arg(pages.max(1).to_string())
        .arg(pdf);
    let out = run(
        command,
        Duration::from_secs(60),
        "reading the PDF's page sizes",
    )?;
    if !out.success {
        return Err(Error::invalid_input(format!(
            "the PDF's pages could not be measured: {}",
            complaint(&out.stderr)
        )));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut sizes = Vec::new();
    for line in text.lines() {
        // "Page    1 size: 612 x 792 pts (letter)"
        let Some(rest) = line
            .strip_prefix("Page")
            .and_then(|l| l.split_once("size:"))
        else {
            continue;
        };
        let mut dims = rest.1.split_whitespace();
        let w = dims.next().and_then(|w| w.parse::<f64>().ok());
        let h = dims.nth(1).and_then(|h| h.parse::<f64>().ok());
        if let (Some(w), Some(h)) = (w, h) {
            sizes.push((w, h));
        }
    }
    Ok(sizes)
}

/// The resolution a page of `size` points is rendered at: [`RENDER_DPI`], or less when that
/// would make more than [`MAX_PIXELS`] (a poster-sized page), so no page costs more memory
/// than a scanned image may.
pub fn render_dpi(size: (f64, f64)) -> u32 {
    let inches = (size.0 / 72.0).max(0.01) * (size.1 / 72.0).max(0.01);
    let most = (MAX_PIXELS as f64 / inches).sqrt().floor();
    (most as u32).clamp(18, RENDER_DPI)
}

/// What a page is rendered to: a PNG for the reader's window, or a PGM (the grey pixels as
/// they are) for the stage, which straightens a crooked page (`deskew`) before it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rendering {
    Png,
    Pgm,
}

/// Renders page `page` (from 1) of the PDF at `pdf` in grey at `dpi`, written as `out_prefix`
/// + `.png` or `.pgm`, and returns its path.
pub fn render_pdf_page(
    pdf: &Path,
    page: u32,
    dpi: u32,
    out_prefix: &Path,
    rendering: Rendering,
    timeout: Duration,
) -> Result<PathBuf> {
    let mut command = Command::new("pdftoppm");
    command
        .arg("-f")
        .arg(page.to_string())
        .arg("-l")
        .arg(page.to_string())
        .arg("-r")
        .arg(dpi.to_string())
        .arg("-gray");
    if rendering == Rendering::Png {
        command.arg("-png");
    }
    command.arg("-singlefile").arg(pdf).arg(out_prefix);
    let out = run(command, timeout, "rendering the page")?;
    let path = out_prefix.with_extension(match rendering {
        Rendering::Png => "png",
        Rendering::Pgm => "pgm",
    });
    if !out.success || !path.exists() {
        return Err(Error::invalid_input(format!(
            "the page could not be rendered (an image the renderer cannot decode?): {}",
            complaint(&out.stderr)
        )));
    }
    // Poppler renders a page whose picture it cannot decode as blank and still succeeds; a
    // blank page read as "no text" would hide that, so the failure is the page's error.
    if let Some(line) = undecodable_image(&out.stderr) {
        let _ = std::fs::remove_file(&path);
        return Err(Error::invalid_input(format!(
            "the page's picture could not be decoded (a JBIG2, CCITT or JPEG image the \
             renderer cannot read): {line}"
        )));
    }
    Ok(path)
}

/// The renderer's complaint that an image on the page could not be decoded, if it made one.
fn undecodable_image(stderr: &str) -> Option<String> {
    stderr
        .lines()
        .map(str::trim)
        .find(|line| {
            let lower = line.to_ascii_lowercase();
            lower.contains("error")
                && ["jpeg", "jbig2", "ccitt", "jpx", "dct", "image"]
                    .iter()
                    .any(|codec| lower.contains(codec))
        })
        .map(|line| line.chars().take(200).collect())
}

/// A folder of temporary files removed when dropped, for the pictures of pages.
pub struct Scratch {
    dir: PathBuf,
}

impl Scratch {
    pub fn new() -> Result<Scratch> {
        use std::sync::atomic::{AtomicU64, Ordering};
        use std::sync::Once;
        static NEXT: AtomicU64 = AtomicU64::new(0);
        static SWEPT: Once = Once::new();
        // A process killed while it read a scan (kill -9, a power cut) never ran its `Drop`, and
        // its rendered pages (megabytes each) would stay in the temporary folder for good. The
        // first scratch folder of each process removes the folders of processes that are gone.
        SWEPT.call_once(|| remove_abandoned(&std::env::temp_dir(), &process_alive));
        let dir = std::env::temp_dir().join(format!(
            "{SCRATCH_PREFIX}{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).map_err(|e| Error::io_at(&dir, &e))?;
        Ok(Scratch { dir })
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

const SCRATCH_PREFIX: &str = "dossier-ocr-";

/// Removes the scratch folders in `temp` whose process `alive` says is gone. A folder whose
/// name does not parse is not ours and stays; so does everything when liveness is unknown.
fn remove_abandoned(temp: &Path, alive: &dyn Fn(u32) -> Option<bool>) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(SCRATCH_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && alive(pid) == Some(false) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// Whether process `pid` still runs, where the system says (Linux's `/proc`); `None` elsewhere.
fn process_alive(pid: u32) -> Option<bool> {
    let proc_root = Path::new("/proc/self");
    if !proc_root.exists() {
        return None;
    }
    Some(Path::new("/proc").join(pid.to_string()).exists())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_render_at_300_dpi_unless_that_makes_a_bomb() {
        assert_eq!(render_dpi((612.0, 792.0)), 300);
        // A 200 × 200 inch page at 300 dpi would be 3.6 gigapixels.
        let dpi = render_dpi((14_400.0, 14_400.0));
        assert!(dpi < 40, "{dpi}");
        let pixels = (200.0 * f64::from(dpi)).powi(2);
        assert!(pixels <= MAX_PIXELS as f64, "{pixels}");
    }

    #[test]
    fn a_picture_the_renderer_could_not_decode_is_noticed() {
        let stderr = "Syntax Error: Could not find start of jpeg data\n";
        assert!(undecodable_image(stderr).unwrap().contains("jpeg"));
        assert!(undecodable_image("Syntax Warning: Invalid Font Weight\n").is_none());
    }

    #[test]
    fn a_killed_reader_left_its_rendered_pages_in_the_temporary_folder() {
        let temp = tempfile::tempdir().unwrap();
        let make = |name: &str| {
            let dir = temp.path().join(name);
            std::fs::create_dir(&dir).unwrap();
            std::fs::write(dir.join("page-1.pgm"), b"P5 1 1 255\n\0").unwrap();
            dir
        };
        let gone = make("dossier-ocr-4000001-0");
        let gone_second = make("dossier-ocr-4000001-7");
        let running = make("dossier-ocr-4000002-0");
        let own = make(&format!("dossier-ocr-{}-99", std::process::id()));
        let not_ours = make("dossier-ocr-notes");
        let alive = |pid: u32| Some(pid != 4_000_001);
        remove_abandoned(temp.path(), &alive);
        assert!(!gone.exists() && !gone_second.exists());
        assert!(running.exists() && own.exists() && not_ours.exists());
        // Where liveness cannot be known, nothing is removed.
        let make_again = make("dossier-ocr-4000003-0");
        remove_abandoned(temp.path(), &|_| None);
        assert!(make_again.exists());
    }

    #[test]
    fn a_stuck_program_is_killed_at_its_deadline() {
        let mut command = Command::new("sleep");
        command.arg("30");
        let started = Instant::now();
        let err = run(command, Duration::from_millis(200), "sleeping")
            .err()
            .unwrap();
        assert!(
            err.message.contains("sleeping took longer"),
            "{}",
            err.message
        );
        assert!(started.elapsed() < Duration::from_secs(5));
    }
}
