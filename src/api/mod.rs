//! The parts of the [`crate::Case`] API beyond documents and search, one file per feature, so
//! that `lib.rs` stays the short list of what a case is.

mod attribution;
mod citations;
mod exports;
mod library;
mod lifecycle;
mod note_drafts;
mod notes;
mod pages;
mod timeline;
