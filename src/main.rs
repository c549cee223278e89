//! The `dossier` command-line program: everything the app does, for scripting, tests and
//! benchmarks. Exit codes: 0 success, 1 error, 2 usage error, 3 an import in which some files
//! failed (the rest was imported).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    quiet_when_output_closes();
    let args = cli::Args::parse();
    let json = args.json;
    match cli::run(args) {
        Ok(code) => code,
        Err(err) => {
            if json {
                let body =
                    serde_json::json!({ "error": { "code": err.code, "message": err.message } });
                println!("{body}");
            }
            eprintln!("error: {}", err.message);
            ExitCode::from(1)
        }
    }
}

/// Makes `dossier … | head` end quietly when the reader goes away, for every command at once.
///
/// Rust ignores SIGPIPE, so a write to a closed pipe fails and `println!` panics (exit 101 and
/// a backtrace hint). On Unix we restore the default action, as `cat` and `grep` have it: the
/// program ends silently at its next write, which is only ever output about work that is
/// already committed (the case file survives being killed at any point anyway). Elsewhere, and
/// for output that fails otherwise (a full disk), the panic hook turns the printing panic into
/// a one-line error instead of a panic report.
fn quiet_when_output_closes() {
    #[cfg(unix)]
    // SAFETY: called first thing in main, before any other thread exists; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to std") {
            // The reader is gone or the disk is full: say so on stderr if it is still open
            // (ignoring whether it is), and stop without a panic report.
            let closed = message.contains("Broken pipe") || message.contains("os error 232");
            if !closed {
                let _ = writeln!(std::io::stderr(), "error: {message}");
            }
            std::process::exit(1);
        }
        default_hook(info);
    }));
}
