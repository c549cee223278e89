//! Splitting an mbox file into its messages as a stream.
//!
//! Mail archives (a Thunderbird folder, a Google Takeout export, a leak) are mbox files that
//! easily reach gigabytes, so they are never read whole: this reader takes one line at a time
//! from a `BufRead` and hands over one message at a time, holding at most one message, and at
//! most [`MAX_MESSAGE_BYTES`] of it. A message is everything between two separator lines
//! (`From ` at the start of the file or after a blank line); the writers of mboxo and mboxrd
//! quoted body lines that began with `From ` as `>From ` (and mboxrd `>From ` as `>>From `), so
//! one `>` is taken off every line of the form `>…>From `. What is left is the message as
//! its sender wrote it, which is what a document's original and SHA-256 are made of.

use std::io::BufRead;

/// The most one message may hold; a message past it is skipped whole and reported. It is the
/// bound on a single source file (`import::MAX_SOURCE_BYTES`, 64 MB), so a message from an
/// archive costs no more memory than the same message saved alone as an .eml, and the import
/// of an mbox of any size holds at most this much of it per reading thread.
pub const MAX_MESSAGE_BYTES: usize = 64 * 1024 * 1024;

/// One message cut out of an mbox.
#[derive(Debug, Clone, PartialEq)]
pub struct RawMessage {
    /// Its place in the file, counting from 1.
    pub number: usize,
    /// The byte offset of its separator line in the file.
    pub offset: u64,
    /// Its bytes, unquoted, without the separator line and the blank line before the next.
    pub bytes: Vec<u8>,
    /// Why the message cannot be read whole, when it cannot: the file ends in the middle of
    /// a line, or the message is over [`MAX_MESSAGE_BYTES`] (then `bytes` is empty).
    pub problem: Option<String>,
}

/// Whether these first bytes of a file start an mbox: a separator line `From ` (with the
/// sender and a date after it, which are not checked, since writers differ).
pub fn looks_like_mbox(head: &[u8]) -> bool {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    head.starts_with(b"From ")
}

/// A streaming splitter of an mbox: an iterator of messages in file order.
pub struct MboxReader<R> {
    input: R,
    /// The byte offset of the next line to read.
    offset: u64,
    /// The separator line that starts the next message, once read, with its offset.
    pending_separator: Option<u64>,
    /// How many messages were handed over.
    number: usize,
    line: Vec<u8>,
    done: bool,
    /// The most one message may hold: [`MAX_MESSAGE_BYTES`], less in the tests.
    limit: usize,
}

impl<R: BufRead> MboxReader<R> {
    pub fn new(input: R) -> MboxReader<R> {
        MboxReader {
            input,
            offset: 0,
            pending_separator: None,
            number: 0,
            line: Vec::new(),
            done: false,
            limit: MAX_MESSAGE_BYTES,
        }
    }

    /// A reader whose messages may hold at most `limit` bytes.
    pub fn with_limit(input: R, limit: usize) -> MboxReader<R> {
        MboxReader {
            limit,
            ..MboxReader::new(input)
        }
    }

    /// Reads the next line into `self.line`; false at the end of the file.
    fn read_line(&mut self) -> std::io::Result<bool> {
        self.line.clear();
        let n = self.input.read_until(b'\n', &mut self.line)?;
        self.offset += n as u64;
        Ok(n > 0)
    }

    /// Reads one message's lines up to the next separator or the end of the file.
    fn next_message(&mut self) -> std::io::Result<Option<RawMessage>> {
        let start = match self.pending_separator.take() {
            Some(start) => start,
            None => {
                // The start of the file: anything before the first separator (a byte order
                // mark, blank lines) is not a message.
                loop {
                    let at = self.offset;
                    if !self.read_line()? {
                        return Ok(None);
                    }
                    let line = self
                        .line
                        .strip_prefix(b"\xef\xbb\xbf")
                        .unwrap_or(&self.line);
                    if line.starts_with(b"From ") {
                        break at;
                    }
                }
            }
        };
        self.number += 1;
        let mut bytes: Vec<u8> = Vec::new();
        let mut over = false;
        let mut ends_cut = false;
        let mut previous_blank = false;
        // The last attachment named so far, so that a message over the bound can say which
        // attachment made it so (nearly always one huge base64 part).
        let mut last_name: Option<String> = None;
        let mut over_in: Option<String> = None;
        loop {
            let at = self.offset;
            if !self.read_line()? {
                self.done = true;
                break;
            }
            if previous_blank && self.line.starts_with(b"From ") {
                self.pending_separator = Some(at);
                break;
            }
            ends_cut = !self.line.ends_with(b"\n");
            previous_blank = self.line == b"\n" || self.line == b"\r\n";
            if let Some(name) = attachment_name(&self.line) {
                last_name = Some(name);
            }
            if over {
                continue;
            }
            let unquoted = unquote(&self.line);
            if bytes.len() + unquoted.len() > self.limit {
                over_in = last_name.clone();
                // The rest of the message is read past, never kept, so one huge message
                // costs no more memory than the bound.
                over = true;
                bytes = Vec::new();
                continue;
            }
            bytes.extend_from_slice(unquoted);
        }
        // The blank line before a separator (and the one writers end the file with) belongs
        // to the mbox, not to the message.
        if !ends_cut {
            if bytes.ends_with(b"\r\n\r\n") {
                bytes.truncate(bytes.len() - 2);
            } else if bytes.ends_with(b"\n\n") {
                bytes.truncate(bytes.len() - 1);
            }
        }
        let problem = if over {
            let within = over_in
                .map(|name| format!(" (its attachment '{name}' passes it)"))
                .unwrap_or_default();
            Some(format!(
                "over the {} MB bound for one message{within}; skipped, with its attachments",
                self.limit / (1024 * 1024)
            ))
        } else if ends_cut {
            Some("the file ends in the middle of this message (the mbox is truncated)".into())
        } else {
            None
        };
        Ok(Some(RawMessage {
            number: self.number,
            offset: start,
            bytes,
            problem,
        }))
    }
}

impl<R: BufRead> Iterator for MboxReader<R> {
    type Item = std::io::Result<RawMessage>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done && self.pending_separator.is_none() {
            return None;
        }
        match self.next_message() {
            Ok(Some(message)) => Some(Ok(message)),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                // A read error ends the stream: what follows cannot be trusted to line up.
                self.done = true;
                self.pending_separator = None;
                Some(Err(e))
            }
        }
    }
}

/// The file name a MIME header line gives (`filename="x"` or `name="x"`), when it is one.
/// Only short lines are looked at: a header line is short, a line of base64 has no `=` but
/// at its end.
fn attachment_name(line: &[u8]) -> Option<String> {
    if line.len() > 512 || !line.contains(&b'=') {
        return None;
    }
    let text = String::from_utf8_lossy(line);
    let lower = text.to_ascii_lowercase();
    let at = lower.find("filename=").or_else(|| lower.find("name="))?;
    let value = &text[at..].split_once('=')?.1;
    let value = value.trim().trim_end_matches(';').trim_matches('"').trim();
    (!value.is_empty()).then(|| {
        value
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(value)
            .to_string()
    })
}

/// Takes one `>` off a line of the form `>…>From ` (mboxrd; mboxo only ever quoted one).
fn unquote(line: &[u8]) -> &[u8] {
    let quotes = line.iter().take_while(|&&b| b == b'>').count();
    if quotes > 0 && line[quotes..].starts_with(b"From ") {
        &line[1..]
    } else {
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(mbox: &str) -> Vec<RawMessage> {
        MboxReader::new(mbox.as_bytes())
            .collect::<std::io::Result<Vec<_>>>()
            .unwrap()
    }

    fn texts(mbox: &str) -> Vec<String> {
        split(mbox)
            .into_iter()
            .map(|m| String::from_utf8(m.bytes).unwrap())
            .collect()
    }

    #[test]
    fn messages_are_split_at_separators_after_a_blank_line() {
        let mbox = "From a@x Mon Jan 1 00:00:00 2024\nSubject: one\n\nBody one.\n\n\
                    From b@x Mon Jan 1 00:00:00 2024\nSubject: two\n\nBody two.\n\n";
        assert_eq!(
            texts(mbox),
            ["Subject: one\n\nBody one.\n", "Subject: two\n\nBody two.\n"]
        );
        let offsets: Vec<u64> = split(mbox).iter().map(|m| m.offset).collect();
        assert_eq!(offsets, [0, 58]);
    }

    #[test]
    fn a_from_line_inside_a_paragraph_is_body() {
        let mbox = "From a@x\nSubject: one\n\nline\nFrom here on.\n";
        assert_eq!(texts(mbox), ["Subject: one\n\nline\nFrom here on.\n"]);
    }

    #[test]
    fn quoted_from_lines_lose_one_quote() {
        let cases = [
            (">From the start.\n", "From the start.\n"),
            (">>From the start.\n", ">From the start.\n"),
            (">Fromage\n", ">Fromage\n"),
            ("> From quoted reply\n", "> From quoted reply\n"),
        ];
        for (line, want) in cases {
            let mbox = format!("From a@x\nSubject: s\n\n{line}");
            assert_eq!(texts(&mbox), [format!("Subject: s\n\n{want}")], "{line}");
        }
    }

    #[test]
    fn a_file_cut_mid_line_marks_the_last_message_truncated() {
        let mbox = "From a@x\nSubject: one\n\nfine\n\nFrom b@x\nSubject: two\n\nhalf a li";
        let messages = split(mbox);
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[0].problem, None);
        assert!(messages[1]
            .problem
            .as_deref()
            .unwrap()
            .contains("truncated"));
        assert_eq!(messages[1].number, 2);
    }

    #[test]
    fn a_message_over_the_bound_is_skipped_naming_its_attachment() {
        let big = "QUFBQUFB\n".repeat(100);
        let mbox = format!(
            "From a@x\nSubject: one\nContent-Type: multipart/mixed; boundary=b\n\n--b\n\
             Content-Disposition: attachment; filename=\"huge.bin\"\n\n{big}--b--\n\n\
             From b@x\nSubject: two\n\nsmall\n"
        );
        let messages = MboxReader::with_limit(mbox.as_bytes(), 512)
            .collect::<std::io::Result<Vec<_>>>()
            .unwrap();
        assert_eq!(messages.len(), 2);
        let problem = messages[0].problem.as_deref().unwrap();
        assert!(problem.contains("its attachment 'huge.bin'"), "{problem}");
        assert!(messages[0].bytes.is_empty());
        assert_eq!(messages[1].problem, None);
        assert_eq!(messages[1].bytes, b"Subject: two\n\nsmall\n");
    }

    #[test]
    fn crlf_mboxes_drop_the_separating_blank_line() {
        let mbox = "From a@x\r\nSubject: one\r\n\r\nbody\r\n\r\nFrom b@x\r\nSubject: two\r\n\r\n";
        assert_eq!(
            texts(mbox),
            ["Subject: one\r\n\r\nbody\r\n", "Subject: two\r\n"]
        );
    }

    #[test]
    fn the_sniff_wants_a_separator_first() {
        assert!(looks_like_mbox(b"From a@x Mon Jan 1\n"));
        assert!(looks_like_mbox(b"\xef\xbb\xbfFrom a@x\n"));
        assert!(!looks_like_mbox(b"From: a@x\n"));
        assert!(!looks_like_mbox(b"Subject: x\n"));
    }
}
