//! The one integration-test binary. Each module tests one capability through the `dossier`
//! CLI or the `Case` API, using the tiny DSL in `support` and fixtures in `tests/fixtures`.

mod app_reads;
mod attribution;
mod audit;
mod bad_corpus;
mod bad_input;
mod briefs;
mod citation_candidates;
mod cli;
mod concurrency;
mod concurrent_reads;
mod copies;
mod fuzz_corpus;
mod hostile_queries;
mod import;
mod indictment;
mod integrity;
mod interrupted_import;
mod library_pages;
mod lineage;
mod mbox;
mod module_graph;
mod network;
mod network_export;
mod notes;
mod nothing_lost;
mod ocr;
mod ocr_again;
mod pdf;
mod search;
mod stage;
mod support;
mod tags;
mod tallies;
#[cfg(feature = "team")]
mod team;
#[cfg(feature = "team")]
mod team_kills;
#[cfg(feature = "team")]
mod team_tls;
mod timeline;
mod timeline_density;
mod verify;
