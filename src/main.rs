//! The `dossier` command-line program: everything the app does, for scripting, tests and
//! benchmarks. Exit codes: 0 success, 1 error, 2 usage error, 3 an import in which some files
//! failed (the rest was imported).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
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
