//! Emails as documents: a message becomes one document and each of its attachments another,
//! and an mbox archive becomes a stream of such messages.
//!
//! An attachment is a source like any other (the ledger a tipster attached is what the story
//! is about), so it is read by the importer its content calls for, as if it had been dropped
//! on the case alone, and keeps in its `extra.attached_to` the SHA-256 of the message it came
//! with (a SHA-256 rather than an id, so the link means the same in every member's copy of a
//! team case; `Case::mail_links` turns it into the parent's id). Attachments inside
//! attachments (a forwarded .eml carrying a PDF) are followed [`MAX_ATTACHMENT_DEPTH`] levels
//! deep and no deeper, so a message cannot make the import recurse without end. What is not
//! imported (an unknown or binary format, an attachment nested too deep) is a warning naming
//! the message, the attachment and its size, and the rest goes on.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use super::email::mbox::{looks_like_mbox, MboxReader, RawMessage};
use super::email::{broken_mime, looks_like_email, parse_email};
use super::{extension, formats, parse_nested, sha256_hex, ParsedFile};
use crate::{Error, Result};

/// How many levels of attachments are followed: a message's attachments are level 1, an
/// attached message's attachments level 2, theirs level 3.
pub const MAX_ATTACHMENT_DEPTH: usize = 3;

/// Whether a file is read as an mbox archive: by its `.mbox` extension, or by content when it
/// starts with a `From ` separator line and is not named `.eml` (a single message saved with
/// its separator stays one .eml, its bytes as they were).
pub(crate) fn is_mbox(path: &Path) -> bool {
    let ext = extension(path);
    if ext == "mbox" {
        return true;
    }
    if ext == "eml" {
        return false;
    }
    // A memo that opens with "From the desk of…" is text: an mbox's separator is followed by
    // an email's header block, which `looks_like_email` checks (it allows the separator).
    let mut head = vec![0u8; 64 * 1024];
    let read = File::open(path).and_then(|mut f| {
        let mut n = 0;
        while n < head.len() {
            match f.read(&mut head[n..])? {
                0 => break,
                got => n += got,
            }
        }
        Ok(n)
    });
    read.is_ok_and(|n| looks_like_mbox(&head[..n]) && looks_like_email(&head[..n]))
}

/// Reads an mbox a message at a time and hands each message's documents to `send`, with the
/// bytes of the file it covered; `send` returning false stops the reading (the import was
/// cancelled). A message that cannot be read is an error naming its number and byte offset,
/// and the next message is read all the same.
pub(crate) fn stream_mbox(
    path: &Path,
    send: &mut dyn FnMut(ParsedFile, u64) -> bool,
) -> Result<()> {
    let file = File::open(path).map_err(|e| Error::io_at(path, &e))?;
    let mut last_offset = 0;
    let mut messages = 0;
    for message in MboxReader::new(BufReader::with_capacity(1 << 16, file)) {
        let message = message.map_err(|e| Error::io_at(path, &e))?;
        messages += 1;
        let covered = message.offset - last_offset;
        last_offset = message.offset;
        if !send(message_documents(message), covered) {
            return Ok(());
        }
    }
    if messages == 0 {
        return Err(Error::invalid_input(
            "no message found: an mbox archive starts with a 'From ' separator line",
        ));
    }
    Ok(())
}

/// One message of an archive as documents, or as the error that names where it is.
fn message_documents(message: RawMessage) -> ParsedFile {
    let place = format!("message {} (byte {})", message.number, message.offset);
    let refused = |why: String| ParsedFile {
        documents: vec![Err(Error::invalid_input(format!("{place}: {why}")))],
        warnings: Vec::new(),
    };
    if let Some(problem) = message.problem {
        return refused(problem);
    }
    if let Some(problem) = broken_mime(&message.bytes) {
        return refused(problem);
    }
    let stem = format!("message {}", message.number);
    match email_file(message.bytes, &stem, 0) {
        Ok(mut parsed) => {
            for warning in &mut parsed.warnings {
                *warning = format!("{place}: {warning}");
            }
            for doc in parsed.documents.iter_mut() {
                if let Err(err) = doc {
                    err.message = format!("{place}: {}", err.message);
                }
            }
            parsed
        }
        Err(err) => refused(err.message),
    }
}

/// An email's documents: the message first, then its attachments (and theirs, depth first).
/// `depth` is how deep in attachments the message itself sits (0 for a file or an archive's
/// message).
pub(crate) fn email_file(bytes: Vec<u8>, stem: &str, depth: usize) -> Result<ParsedFile> {
    let mut parsed = parse_email(&bytes).map_err(Error::invalid_input)?;
    let mut warnings = Vec::new();
    for charset in &parsed.unknown_charsets {
        warnings.push(format!(
            "the email declares the unknown charset '{charset}'; its text was taken as it \
             came and may be garbled"
        ));
    }
    let attached = std::mem::take(&mut parsed.attached);
    let sha = sha256_hex(&bytes);
    let message = formats::from_email(bytes, parsed, stem)?;
    let title = message.title.clone();
    let mut documents = vec![Ok(message)];
    // Pictures shown inside the message's HTML are named in `extra.attachments` but not
    // imported: in an archive every message would bring its sender's logo to OCR.
    for file in attached.into_iter().filter(|f| !f.inline_picture) {
        let size = file.bytes.len();
        let named = format!("attachment '{}' ({size} bytes)", file.name);
        if depth + 1 > MAX_ATTACHMENT_DEPTH {
            warnings.push(format!(
                "{named} of '{title}' is nested more than {MAX_ATTACHMENT_DEPTH} levels deep \
                 in attachments; not imported"
            ));
            continue;
        }
        if size == 0 {
            warnings.push(format!("{named} is empty; not imported"));
            continue;
        }
        match parse_nested(Path::new(&file.name), file.bytes, depth + 1) {
            Err(err) => warnings.push(format!("{named} not imported: {}", err.message)),
            Ok(child) => {
                for warning in child.warnings {
                    warnings.push(format!("{named}: {warning}"));
                }
                for doc in child.documents {
                    match doc {
                        Err(err) => warnings.push(format!("{named} not imported: {}", err.message)),
                        Ok(mut doc) => {
                            // Documents of a nested message already name their own parent.
                            if doc.extra.get("attached_to").is_none() {
                                if !doc.extra.is_object() {
                                    doc.extra = serde_json::json!({});
                                }
                                doc.extra["attached_to"] = serde_json::json!({
                                    "sha256": sha,
                                    "name": file.name,
                                });
                            }
                            documents.push(Ok(doc));
                        }
                    }
                }
            }
        }
    }
    Ok(ParsedFile {
        documents,
        warnings,
    })
}
