//! `verify`: proof that a case file is intact. SQLite checks its own structure, and every
//! original is hashed again and compared with the SHA-256 recorded when it was imported.

use rusqlite::Connection;

use crate::import::sha256_hex;
use crate::model::VerifyReport;
use crate::store::documents;
use crate::Result;

pub fn verify(conn: &Connection) -> Result<VerifyReport> {
    let mut report = VerifyReport::default();
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let messages: Vec<String> = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    report.integrity = messages.join("; ");
    if report.integrity != "ok" {
        report.problems.push(format!(
            "database integrity check failed: {}",
            report.integrity
        ));
    }
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let orphans = stmt.query_map([], |row| row.get::<_, String>(0))?.count();
    if orphans > 0 {
        report
            .problems
            .push(format!("{orphans} rows refer to records that do not exist"));
    }
    report.documents_checked =
        documents::for_each_original(conn, |id, recorded, original| match original {
            None => report
                .problems
                .push(format!("document {id}: its original bytes are missing")),
            Some(bytes) => {
                let actual = sha256_hex(bytes);
                if actual != recorded {
                    report.problems.push(format!(
                        "document {id}: original bytes hash to {actual}, but {recorded} was \
                         recorded at import"
                    ));
                }
            }
        })?;
    Ok(report)
}
