//! Mail threads (issue 21) as the app receives them: the other messages of an email's thread,
//! for the reader's list.

use serde::Serialize;
use ts_rs::TS;

/// One message of a thread, enough to name it in a list and open it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export, export_to = "../ui/src/lib/bindings/")]
pub struct ThreadMessage {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// The sender as the message wrote it ("Name <addr>").
    pub sender: Option<String>,
    /// When it was sent (ISO 8601 at its precision).
    pub published: Option<String>,
}
