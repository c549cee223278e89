//! The parts of the [`crate::Case`] API beyond documents and search, one file per feature, so
//! that `lib.rs` stays the short list of what a case is.

mod attribution;
pub(crate) mod audit;
mod citations;
mod copies;
mod exports;
mod library;
mod lifecycle;
mod lineage;
mod mail;
mod network;
mod note_drafts;
mod notes;
mod ocr;
mod pages;
mod tags;
mod timeline;
