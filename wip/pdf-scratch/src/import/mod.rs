//! Importers that turn source files into text.

pub mod pdf;
