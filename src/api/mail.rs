//! Mail on the `Case` (issue 21): the threads its emails form and the messages its attachments
//! came with, for `docs --json`, `show --json` and the reader.

use crate::mail::threads::{threads, MailLinks};
use crate::model::ThreadMessage;
use crate::store::mail;
use crate::{Case, Error, Result};

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

    /// The other messages of the thread email `id` is in, oldest first; empty for a message
    /// alone in its thread and for a document that is not an email.
    pub fn thread_of(&self, id: i64) -> Result<Vec<ThreadMessage>> {
        if !mail::exists(&self.conn, id)? {
            return Err(Error::not_found(format!("no document {id}")));
        }
        let headers = mail::headers(&self.conn)?;
        let places = threads(&headers);
        let Some(thread) = places.get(&id).map(|p| p.id.clone()) else {
            return Ok(Vec::new());
        };
        let others: Vec<i64> = headers
            .iter()
            .map(|h| h.id)
            .filter(|&other| other != id && places[&other].id == thread)
            .collect();
        mail::messages(&self.conn, &others)
    }
}
