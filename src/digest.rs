//! The SHA-256 every original, stored text and note version is identified and checked by, in
//! one place, so the store, the importer and `verify` compute it the same way without
//! importing each other.

use sha2::{Digest, Sha256};

/// The lowercase hex SHA-256 of `bytes`, as stored in the case file.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for b in digest.iter() {
        hex.push_str(&format!("{b:02x}"));
    }
    hex
}
