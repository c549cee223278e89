//! Import of emails saved as RFC 5322 / MIME files (.eml) and of mail archives (`mbox`).
//!
//! Leaked and forwarded emails reach newsrooms as .eml files, often damaged by
//! the trip. The parsing itself is left to `mail-parser`, which copes with
//! broken MIME; this module picks out what a journalist files away (who wrote
//! to whom, when, the readable text, the threading headers and the attachments).
//! `mbox` splits an archive into messages as a stream, and `import::messages` makes
//! documents of a message and its attachments; `mail::threads` puts messages in threads.

pub mod mbox;

use mail_parser::{Addr, HeaderName, HeaderValue, Message, MessageParser, MimeHeaders, PartType};

/// One attached file: its name as the message gave it (directories cut off) and its
/// decoded bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AttachedFile {
    pub name: String,
    pub bytes: Vec<u8>,
    /// A picture the message's HTML shows in place (an inline part with a Content-ID: a
    /// logo, a signature), which is part of the message's look rather than a source.
    pub inline_picture: bool,
}

/// What Dossier keeps of one email.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedEmail {
    /// The subject with encoded words (RFC 2047) decoded.
    pub subject: Option<String>,
    /// The sender as "Name <addr>", or the bare addr when no name was given.
    pub from: Option<String>,
    /// The recipients, each formatted like `from`.
    pub to: Vec<String>,
    /// The copied recipients, each formatted like `from`.
    pub cc: Vec<String>,
    /// The Date header as written, unfolded onto one line.
    pub date: Option<String>,
    /// The Message-ID without its angle brackets.
    pub message_id: Option<String>,
    /// Plain text body (text/plain preferred; else HTML converted to text with paragraphs separated by "\n\n"); quoted-printable/base64 decoded, charsets decoded.
    pub body: String,
    /// The In-Reply-To header's first id, without angle brackets.
    pub in_reply_to: Option<String>,
    /// The References header's ids, oldest first, without angle brackets.
    pub references: Vec<String>,
    /// The file names of the attachments, in message order.
    pub attachments: Vec<String>,
    /// The attachments themselves, in the order of `attachments`.
    pub attached: Vec<AttachedFile>,
    /// Charsets the text parts declare that no decoder knows, as written; their text was
    /// taken as it came and may be garbled, which the import report says.
    pub unknown_charsets: Vec<String>,
}

/// Headers that only email carries; one of them must be present before a
/// file is called an email, so that other `Name: value` files are not.
const KEY_HEADERS: &str = "from date subject received message-id mime-version";

/// Headers that are common in email but also in other formats; they count
/// towards the "several headers" rule but cannot make the call alone.
const OTHER_HEADERS: &str = "to cc bcc reply-to sender return-path in-reply-to references \
    content-type content-transfer-encoding x-mailer user-agent delivered-to";

/// How much of a file the sniffer reads; real header blocks, even with long
/// `Received:` chains, end well before this.
const SNIFF_LIMIT: usize = 64 * 1024;

/// Content sniff: starts with a header block (several `Name: value` lines including at least From:/Date:/Subject:/Received:/Message-ID:/MIME-Version: and a blank line).
///
/// "Several" means two distinct known email headers, one of them from the
/// key list, so that blog front matter like `Title:`/`Date:` is not taken for
/// mail. An mbox `From ` separator line and a UTF-8 byte order mark before the
/// headers are allowed, since mail clients write both.
pub fn looks_like_email(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(SNIFF_LIMIT)]);
    let head = head.strip_prefix('\u{feff}').unwrap_or(&head);
    let mut key = 0;
    let mut headers = 0;
    let mut known: Vec<String> = Vec::new();
    // Only terminated lines count, so that a header block cut off at the end
    // of the file is not mistaken for one closed by a blank line.
    for (n, line) in head.split_inclusive('\n').enumerate() {
        let Some(line) = line.strip_suffix('\n') else {
            break;
        };
        let line = line.strip_suffix('\r').unwrap_or(line);
        if n == 0 && line.starts_with("From ") {
            continue;
        }
        if line.is_empty() {
            return key > 0 && known.len() >= 2;
        }
        // A folded continuation line is only valid after a header.
        if line.starts_with([' ', '\t']) {
            if headers == 0 {
                return false;
            }
            continue;
        }
        let Some((name, _)) = line.split_once(':') else {
            return false;
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic()) {
            return false;
        }
        headers += 1;
        let name = name.to_ascii_lowercase();
        let is_key = KEY_HEADERS.split(' ').any(|h| h == name);
        let is_other = OTHER_HEADERS.split_whitespace().any(|h| h == name);
        if (is_key || is_other) && !known.contains(&name) {
            key += usize::from(is_key);
            known.push(name);
        }
    }
    false
}

/// Err(message a person can act on) when it is not a parseable email, e.g. "no email headers found".
pub fn parse_email(bytes: &[u8]) -> Result<ParsedEmail, String> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".to_string());
    }
    let message = MessageParser::default()
        .parse(bytes)
        .filter(has_email_headers)
        .ok_or_else(|| {
            "no email headers found: an .eml file must start with headers such as \
             From:, To:, Subject: or Date:"
                .to_string()
        })?;
    let from: Vec<String> = message
        .from()
        .into_iter()
        .flat_map(|a| a.iter())
        .filter_map(format_addr)
        .collect();
    Ok(ParsedEmail {
        subject: message
            .subject()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
        from: (!from.is_empty()).then(|| from.join(", ")),
        to: message
            .all_to()
            .flat_map(|a| a.iter())
            .filter_map(format_addr)
            .collect(),
        cc: message
            .all_cc()
            .flat_map(|a| a.iter())
            .filter_map(format_addr)
            .collect(),
        date: message
            .header_raw(HeaderName::Date)
            .map(unfold)
            .filter(|d| !d.is_empty()),
        message_id: message
            .message_id()
            .map(|id| id.trim().to_string())
            .filter(|id| !id.is_empty()),
        in_reply_to: ids(message.in_reply_to()).into_iter().next(),
        references: ids(message.references()),
        body: body_text(&message),
        attachments: attachment_names(&message),
        attached: attachment_names(&message)
            .into_iter()
            .zip(message.attachments())
            .map(|(name, part)| AttachedFile {
                name,
                bytes: attached_bytes(&message, part),
                inline_picture: part.content_id().is_some()
                    && part.content_disposition().is_none_or(|d| d.is_inline())
                    && part
                        .content_type()
                        .is_some_and(|ct| ct.ctype().eq_ignore_ascii_case("image")),
            })
            .collect(),
        unknown_charsets: unknown_charsets(&message),
    })
}

/// The message ids a threading header lists, without angle brackets, in order.
fn ids(value: &HeaderValue<'_>) -> Vec<String> {
    value
        .as_text_list()
        .unwrap_or_default()
        .iter()
        .map(|id| {
            id.trim()
                .trim_start_matches('<')
                .trim_end_matches('>')
                .to_string()
        })
        .filter(|id| !id.is_empty())
        .collect()
}

/// Why a message's MIME tree is broken, when it is: a multipart part whose closing
/// boundary never comes (the message was cut, or its boundaries were mangled), or no end
/// to the header block. `mail-parser` reads such a message anyway and the text it finds may
/// be a fragment, so an archive's import reports it rather than storing a fragment as the
/// message; a lone .eml is still read as it is, since the person chose that file.
pub fn broken_mime(bytes: &[u8]) -> Option<String> {
    let message = MessageParser::default().parse(bytes)?;
    // Every closing delimiter line (`--boundary--`) is collected in one pass over the
    // message, so a message of many parts costs one reading, not one per part.
    let mut closed: std::collections::HashSet<&[u8]> = std::collections::HashSet::new();
    for line in bytes.split(|&b| b == b'\n') {
        let line = line.trim_ascii_end();
        if let Some(inner) = line.strip_prefix(b"--").and_then(|l| l.strip_suffix(b"--")) {
            closed.insert(inner);
        }
    }
    for part in &message.parts {
        let Some(boundary) = part
            .content_type()
            .filter(|ct| ct.ctype().eq_ignore_ascii_case("multipart"))
            .and_then(|ct| ct.attribute("boundary"))
        else {
            continue;
        };
        if !closed.contains(boundary.as_bytes()) {
            return Some(format!(
                "the MIME part with boundary '{boundary}' never closes: the message is cut \
                 or its structure is broken"
            ));
        }
    }
    None
}

/// The charsets of the text parts that `encoding_rs` (the decoder behind every other
/// format) does not know, each once.
/// An attached file's bytes as the sender's program wrote them. The parser hands a text part
/// over already turned into UTF-8, and a part that names no charset is read as UTF-8 with
/// every other byte replaced, so a spreadsheet saved in Windows-1252 lost its accents before
/// the importer could recognise the encoding. Such a part's own bytes are taken instead, with
/// only its transfer encoding undone, and decoded like any text file; a part that names its
/// charset keeps the parser's reading of it.
fn attached_bytes(message: &Message<'_>, part: &mail_parser::MessagePart<'_>) -> Vec<u8> {
    let names_charset = part
        .content_type()
        .and_then(|ct| ct.attribute("charset"))
        .is_some_and(|c| !c.trim().is_empty());
    if !matches!(part.body, PartType::Text(_)) || names_charset {
        return part.contents().to_vec();
    }
    let raw = message
        .raw_message()
        .get(part.offset_body as usize..part.offset_end as usize);
    let own = raw.and_then(|raw| match part.encoding {
        mail_parser::Encoding::None => Some(raw.to_vec()),
        mail_parser::Encoding::QuotedPrintable => {
            mail_parser::decoders::quoted_printable::quoted_printable_decode(raw)
        }
        mail_parser::Encoding::Base64 => mail_parser::decoders::base64::base64_decode(raw),
    });
    own.unwrap_or_else(|| part.contents().to_vec())
}

fn unknown_charsets(message: &Message<'_>) -> Vec<String> {
    let mut unknown: Vec<String> = Vec::new();
    for part in message.text_bodies().chain(message.html_bodies()) {
        let Some(label) = part
            .content_type()
            .and_then(|ct| ct.attribute("charset"))
            .map(str::trim)
            .filter(|l| !l.is_empty())
        else {
            continue;
        };
        if encoding_rs::Encoding::for_label(label.as_bytes()).is_none()
            && !unknown.iter().any(|u| u.eq_ignore_ascii_case(label))
        {
            unknown.push(label.to_string());
        }
    }
    unknown
}

/// Whether the parser found at least one header that identifies an email;
/// `mail-parser` accepts almost any bytes, so this is what rejects junk.
fn has_email_headers(message: &Message<'_>) -> bool {
    message.from().is_some()
        || message.to().is_some()
        || message.subject().is_some()
        || message.date().is_some()
        || message.message_id().is_some()
        || message.header(HeaderName::Received).is_some()
        || message.header(HeaderName::MimeVersion).is_some()
}

/// Formats one mailbox as "Name <addr>", or the bare address when there is no display name.
fn format_addr(addr: &Addr<'_>) -> Option<String> {
    let name = addr.name().map(str::trim).filter(|n| !n.is_empty());
    let address = addr.address().map(str::trim).filter(|a| !a.is_empty());
    match (name, address) {
        (Some(n), Some(a)) if n != a => Some(format!("{n} <{a}>")),
        (_, Some(a)) => Some(a.to_string()),
        (Some(n), None) => Some(n.to_string()),
        (None, None) => None,
    }
}

/// Joins a folded header back onto one line, as RFC 5322 says readers should.
fn unfold(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The readable text of the message: its text/plain parts, or its HTML parts
/// turned into text when there is no plain version, with Unix line endings.
fn body_text(message: &Message<'_>) -> String {
    let texts: Vec<String> = message
        .text_bodies()
        .filter_map(|part| match &part.body {
            PartType::Text(text) => Some(text.replace("\r\n", "\n").trim().to_string()),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect();
    if !texts.is_empty() {
        // Plain parts were found, so the HTML versions of them are not wanted.
        return texts.join("\n\n");
    }
    let htmls: Vec<String> = message
        .html_bodies()
        .filter_map(|part| match &part.body {
            PartType::Html(html) => Some(html_to_text(html)),
            _ => None,
        })
        .filter(|t| !t.is_empty())
        .collect();
    htmls.join("\n\n")
}

/// Names of the attached files. Unnamed parts get a made-up name so that the
/// count stays right, and any directory part is cut off because a name that
/// came in a message must never choose where a file is written.
fn attachment_names(message: &Message<'_>) -> Vec<String> {
    message
        .attachments()
        .enumerate()
        .map(|(n, part)| {
            let base = part.attachment_name().and_then(|name| {
                let base = name.rsplit(['/', '\\']).next().unwrap_or(name).trim();
                (!base.is_empty() && base != "." && base != "..").then(|| base.to_string())
            });
            match (&part.body, base) {
                (_, Some(name)) => name,
                (PartType::Message(inner), None) => {
                    format!(
                        "{}.eml",
                        inner.subject().unwrap_or("attached message").trim()
                    )
                }
                (_, None) => format!("attachment-{}", n + 1),
            }
        })
        .collect()
}

/// Converts HTML to plain text: block elements become paragraphs separated by
/// a blank line, `<br>` a line break, and scripts, styles and the head vanish.
/// It is deliberately small; email HTML only needs to become readable.
fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    let mut skipping: Option<String> = None;
    loop {
        let lt = rest.find('<').unwrap_or(rest.len());
        if skipping.is_none() {
            push_text(&mut out, &rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.is_empty() {
            break;
        }
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        // An unterminated tag at the end of a truncated message runs to the end.
        let (tag, after) = match rest.find('>') {
            Some(gt) => (&rest[1..gt], &rest[gt + 1..]),
            None => (&rest[1..], ""),
        };
        rest = after;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if let Some(until) = &skipping {
            // A <body> also ends a <head> that was never closed.
            if (closing && *until == name) || (until == "head" && name == "body") {
                skipping = None;
            }
            continue;
        }
        match name.as_str() {
            "script" | "style" | "head" | "title" if !closing => skipping = Some(name),
            "br" => {
                trim_end_spaces(&mut out);
                out.push('\n');
            }
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "tr" | "table"
            | "ul" | "ol" | "blockquote" | "pre" | "hr" | "section" | "article" | "header"
            | "footer" => {
                trim_end_spaces(&mut out);
                while !out.is_empty() && !out.ends_with("\n\n") {
                    out.push('\n');
                }
            }
            "td" | "th" if !closing => push_text(&mut out, " "),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn trim_end_spaces(out: &mut String) {
    out.truncate(out.trim_end_matches(' ').len());
}

/// Appends a run of HTML text with entities decoded and whitespace collapsed
/// as a browser would, without spaces at the start of a line.
fn push_text(out: &mut String, text: &str) {
    let decoded = decode_entities(text);
    for (i, word) in decoded.split(|c: char| c.is_whitespace()).enumerate() {
        let at_line_start = out.is_empty() || out.ends_with('\n');
        if i > 0 && !at_line_start && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Decodes numeric character references and the named entities common in email.
fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Entity names are short; a ';' further on belongs to the text.
        let semi = rest.bytes().take(12).position(|b| b == b';');
        let decoded = semi.and_then(|semi| {
            let entity = &rest[1..semi];
            let code = match entity.strip_prefix('#') {
                Some(num) => match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse().ok(),
                },
                None => named_entity(entity),
            };
            Some((char::from_u32(code?)?, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named_entity(name: &str) -> Option<u32> {
    Some(match name {
        "amp" => 0x26,
        "lt" => 0x3c,
        "gt" => 0x3e,
        "quot" => 0x22,
        "apos" => 0x27,
        // A non-breaking space reads as a plain space in extracted text.
        "nbsp" => 0x20,
        "copy" => 0xa9,
        "eacute" => 0xe9,
        "ndash" => 0x2013,
        "mdash" => 0x2014,
        "lsquo" => 0x2018,
        "rsquo" => 0x2019,
        "ldquo" => 0x201c,
        "rdquo" => 0x201d,
        "hellip" => 0x2026,
        "euro" => 0x20ac,
        _ => return None,
    })
}

#[cfg(test)]
mod tests;
