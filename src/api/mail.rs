//! Mail on the `Case` (issue 21): the threads its emails form and the messages its attachments
//! came with, for `docs --json`, `show --json` and the reader.

use crate::mail::threads::{threads, MailLinks};
use crate::store::mail;
use crate::{Case, Result};

impl Case {
    /// Each email's thread and the message it answers, and each attachment's message; see
    /// `mail::threads` for how threads are found.
    pub fn mail_links(&self) -> Result<MailLinks> {
        let headers = mail::headers(&self.conn)?;
        Ok(MailLinks {
            threads: threads(&headers),
            parents: mail::parents(&self.conn)?.into_iter().collect(),
        })
    }
}
