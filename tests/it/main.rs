//! The one integration-test binary. Each module tests one capability through the `dossier`
//! CLI or the `Case` API, using the tiny DSL in `support` and fixtures in `tests/fixtures`.

mod app_reads;
mod attribution;
mod bad_input;
mod citation_candidates;
mod cli;
mod import;
mod indictment;
mod interrupted_import;
mod notes;
mod pdf;
mod search;
mod support;
mod timeline;
mod verify;
