//! Scratch crate holding the PDF importer and the legal-structure parser before they move
//! into Dossier's core.

pub mod import;
pub mod legal;
pub mod timex;
