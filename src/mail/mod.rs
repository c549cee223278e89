//! Email beyond one message, pure: how the messages of a case form threads (`threads`).
//! The parsing of a message is the importer's (`import::email`); this is what the case makes
//! of many, computed from the headers the import kept.

pub mod threads;
